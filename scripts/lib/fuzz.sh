# shellcheck shell=bash
# Sourced by scripts/test and scripts/fuzz-api. fuzz_api starts `xiaoban serve --demo` on a fresh
# SQLite data directory and runs schemathesis (pinned, from PyPI, in a venv under .cache/) over
# the whole served OpenAPI document twice: as the three administrators, each operation with the
# duty it belongs to (scripts/fuzz/schemathesis.toml), then as a student. A 5xx, a dropped
# connection, or an answer outside the documented schema, status codes or content types fails
# it; each failure is printed with a curl command that reproduces it.
#
# XB_FUZZ_EXAMPLES (default 10) sets the test cases per operation and phase. The first pass runs
# the coverage (boundary and invalid values), fuzzing and stateful phases, the student's pass
# fuzzing only. Deterministic generation makes every run send the same cases.

readonly _XB_FUZZ_VENV=.cache/schemathesis-venv
readonly _XB_FUZZ_SPEC=schemathesis==4.32.5
readonly _XB_FUZZ_CONFIG=scripts/fuzz/schemathesis.toml
# The demo school's shared password (README); the administrator is made for the run.
readonly _XB_FUZZ_DEMO_PASSWORD=Xiaoban@2026
readonly _XB_FUZZ_ADMIN=fuzz.admin
readonly _XB_FUZZ_ADMIN_INITIAL='Kq7#vR2m!Tz9pL'
readonly _XB_FUZZ_ADMIN_PASSWORD='Wm4$hN8x@Lc3sB'

_fuzz_ready() {
  "$_XB_FUZZ_VENV/bin/st" --version 2>/dev/null | grep -qF "version ${_XB_FUZZ_SPEC#*==}"
}

# Runs the binary (as this process: `env` execs it) with no XIAOBAN_* setting from the caller's
# environment but those given.
_fuzz_xiaoban() {
  local unset=() name
  for name in $(compgen -e); do
    if [[ $name == XIAOBAN_* ]]; then unset+=(-u "$name"); fi
  done
  exec env "${unset[@]}" XIAOBAN_BIND=127.0.0.1:0 XIAOBAN_DATA_DIR="$_xb_fuzz_dir/data" \
    XIAOBAN_FRONTEND_DIR="$_xb_fuzz_dir/none" XIAOBAN_LOG_LEVEL=warn "$_xb_fuzz_bin" "$@"
}

run_in_subshell() ("$@")

# One schemathesis pass; its output goes to the terminal and to $1.
_fuzz_pass() {
  local log=$1
  shift
  "$_XB_FUZZ_VENV/bin/st" --config-file "$_XB_FUZZ_CONFIG" --no-color run "$_xb_fuzz_url/api/openapi.json" \
    "$@" 2>&1 | tee "$log"
}

# fuzz_api BINARY LOG_DIR: prints `fuzz: N passed, M failed` (one per pass) last.
fuzz_api() (
  _xb_fuzz_bin=$(realpath "${1:?the xiaoban binary}")
  local log_dir=${2:?a log directory} setup passed=0 failed=0 pid tokens examples
  examples=${XB_FUZZ_EXAMPLES:-10}
  mkdir -p "$log_dir"
  setup="$log_dir/fuzz-setup.log"
  if ! _fuzz_ready; then
    xb_venv_install "$_XB_FUZZ_VENV" "$_XB_FUZZ_SPEC" "$setup" || return 1
  fi
  _xb_fuzz_dir=$(mktemp -d /tmp/xiaoban-fuzz.XXXXXX)
  _fuzz_xiaoban serve --demo >"$_xb_fuzz_dir/server.out" 2>"$_xb_fuzz_dir/server.err" &
  pid=$!
  trap 'status=$?; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$_xb_fuzz_dir"; exit "$status"' EXIT
  _xb_fuzz_url=""
  for _ in $(seq 600); do
    _xb_fuzz_url=$(grep -o -m 1 'is running: http://[0-9.:]*' "$_xb_fuzz_dir/server.out" | grep -o 'http://.*' || true)
    [[ -z $_xb_fuzz_url ]] || break
    if ! kill -0 "$pid" 2>/dev/null; then
      xb_say "fuzz: the server did not start" >&2
      cat "$_xb_fuzz_dir/server.err" >&2
      return 1
    fi
    sleep 0.1
  done
  [[ -n $_xb_fuzz_url ]] || { xb_say "fuzz: the server printed no URL" >&2; return 1; }
  xb_say "fuzz: schemathesis ${_XB_FUZZ_SPEC#*==} against $_xb_fuzz_url (demo school, SQLite)"
  xb_quiet "$setup" run_in_subshell _fuzz_xiaoban admin create-user --username "$_XB_FUZZ_ADMIN" --name 模糊测试管理员 \
    --role sysadmin --password-stdin <<<"$_XB_FUZZ_ADMIN_INITIAL" || return 1
  tokens=$("$_XB_FUZZ_VENV/bin/python" scripts/fuzz/tokens.py "$_xb_fuzz_url" "$_XB_FUZZ_ADMIN" \
    "$_XB_FUZZ_ADMIN_INITIAL" "$_XB_FUZZ_ADMIN_PASSWORD" "$_XB_FUZZ_DEMO_PASSWORD") || return 1
  local XB_FUZZ_SYSADMIN XB_FUZZ_SECADMIN XB_FUZZ_AUDITOR XB_FUZZ_STUDENT XB_FUZZ_VICTIM
  while IFS='=' read -r name value; do
    printf -v "$name" '%s' "$value"
  done <<<"$tokens"
  export XB_FUZZ_SYSADMIN XB_FUZZ_SECADMIN XB_FUZZ_AUDITOR XB_FUZZ_VICTIM

  xb_say "fuzz: pass 1 of 2, the three administrators ($examples cases per operation and phase)"
  if _fuzz_pass "$log_dir/fuzz-administrators.log" --max-examples "$examples"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  XB_FUZZ_SYSADMIN=$XB_FUZZ_STUDENT XB_FUZZ_SECADMIN=$XB_FUZZ_STUDENT XB_FUZZ_AUDITOR=$XB_FUZZ_STUDENT
  xb_say "fuzz: pass 2 of 2, a student"
  if _fuzz_pass "$log_dir/fuzz-student.log" --max-examples "$examples" --phases fuzzing; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  echo "fuzz: $passed passed, $failed failed"
  ((failed == 0))
)
