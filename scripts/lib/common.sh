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
