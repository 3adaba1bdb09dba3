# Helpers shared by the scripts' libraries: messages, quiet setup steps, apt installs.
# shellcheck shell=bash

_xb_apt_updated=""

xb_say() { printf '==> %s\n' "$*"; }

# Runs a setup command with its chatter in $log, shown only when it fails.
xb_quiet() {
  local log=$1
  shift
  if ! "$@" >>"$log" 2>&1; then
    printf '==> setup step failed: %s\n' "$*" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
}

xb_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Installs Debian packages; `apt-get update` runs once per script run (a fresh machine's
# package lists are empty or stale).
xb_apt_install() {
  local log=$1
  shift
  xb_say "installing $* (apt-get)"
  if [[ -z $_xb_apt_updated ]]; then
    xb_quiet "$log" xb_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    _xb_apt_updated=1
  fi
  xb_quiet "$log" xb_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Creates (or recreates) a Python venv at $1 holding the pinned requirement $2 from PyPI; the
# chatter goes to $3. Installs python3 and its venv module with apt-get when missing.
xb_venv_install() {
  local venv=$1 spec=$2 log=$3
  xb_say "installing $spec into $venv"
  if ! command -v python3 >/dev/null 2>&1; then
    xb_apt_install "$log" python3 python3-venv || return 1
  fi
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  # Debian splits venv support out of python3; a failed attempt leaves a half-made dir.
  if ! python3 -m venv "$venv" >>"$log" 2>&1; then
    rm -rf "$venv"
    xb_apt_install "$log" python3-venv || return 1
    xb_quiet "$log" python3 -m venv "$venv" || return 1
  fi
  xb_quiet "$log" "$venv/bin/pip" install -q --disable-pip-version-check "$spec"
}

# Stops with one line (Chinese, then English) unless `node` satisfies the "engines.node" range of
# the package.json at $1, so a too-old Node fails here and not as dozens of npm warnings or a
# syntax error deep inside a build tool. Understands the ">=X[.Y[.Z]]" form package.json uses.
xb_require_node() {
  local manifest=$1 wanted found
  wanted=$(sed -nE '/"engines"/,/}/ s/.*"node": *"([^"]+)".*/\1/p' "$manifest")
  [[ -n $wanted ]] || return 0
  if [[ ! $wanted =~ ^\>=\ *([0-9]+)(\.([0-9]+))?(\.([0-9]+))?$ ]]; then
    echo "==> $manifest: engines.node \"$wanted\" is not of the form >=X.Y.Z; Node version not checked" >&2
    return 0
  fi
  local need=("${BASH_REMATCH[1]}" "${BASH_REMATCH[3]:-0}" "${BASH_REMATCH[5]:-0}")
  if ! command -v node >/dev/null 2>&1; then
    echo "==> 需要 Node.js $wanted，但没有找到 node / Node.js $wanted is needed, none found on PATH" >&2
    return 1
  fi
  found=$(node --version)
  local have i
  IFS=. read -r -a have <<<"${found#v}"
  for i in 0 1 2; do
    if ((10#${have[i]:-0} > 10#${need[i]})); then return 0; fi
    if ((10#${have[i]:-0} < 10#${need[i]})); then
      echo "==> 需要 Node.js $wanted，当前为 $found / Node.js $wanted is needed, found $found" >&2
      return 1
    fi
  done
}
