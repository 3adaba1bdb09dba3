# shellcheck shell=bash
# Sourced by scripts/test. ensure_postgres finds or starts a PostgreSQL server for the
# second test pass and exports TEST_DATABASE_URL; stop_postgres undoes whatever it started
# (scripts/test calls it from its EXIT trap).
#
# Preference order:
#   1. TEST_DATABASE_URL already set: CI services and developers' own databases win.
#   2. A server on 127.0.0.1:5432 that lets user postgres in without a password (the
#      project's usual machines).
#   3. A throwaway cluster under /tmp on port 25432 (or the next free one up to 25440; below the
#      ephemeral range 32768-60999, where a test client socket could hold the port),
#      installing Debian's packages first if no initdb exists.
#
# XIAOBAN_PG_FORCE_THROWAWAY=1 skips step 2, so the throwaway path can be exercised on a
# machine that does run a server on 5432.

_xb_pg_dir=""      # temp dir of the throwaway cluster; empty when we started nothing
_xb_pg_bin=""
_xb_pg_url=""
readonly _XB_PG_LOCAL_URL="postgres://postgres@127.0.0.1:5432/postgres"

# Plain TCP probe: works without any PostgreSQL tools and for non-PostgreSQL listeners.
_pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_pg_local_server_usable() {
  local log=$1
  if [[ ${XIAOBAN_PG_FORCE_THROWAWAY:-} == 1 ]]; then
    return 1
  fi
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432 -t 3 || return 1
  else
    _pg_port_busy 5432 || return 1
  fi
  if ! command -v psql >/dev/null 2>&1; then
    xb_apt_install "$log" postgresql-client || return 1
  fi
  # -w: a server that wants a password must not hang the run on a prompt.
  PGCONNECT_TIMEOUT=5 psql -X -q -w "$_XB_PG_LOCAL_URL" -c 'select 1' >>"$log" 2>&1
}

_pg_newest_bin() {
  local initdb
  initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  [[ -x $initdb ]] || return 1
  dirname "$initdb"
}

# initdb refuses to run as root, so the cluster belongs to the postgres OS user; a
# non-root developer simply owns it.
_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    su -s /bin/bash postgres -c "$1"
  else
    bash -c "$1"
  fi
}

_pg_use_local() {
  rm -rf "$1"
  export TEST_DATABASE_URL=$_XB_PG_LOCAL_URL
  xb_say "PostgreSQL: using the server on 127.0.0.1:5432"
}

ensure_postgres() {
  if [[ -n ${TEST_DATABASE_URL:-} ]]; then
    export TEST_DATABASE_URL
    xb_say "PostgreSQL: using TEST_DATABASE_URL from the environment"
    return 0
  fi

  local dir log bin port="" p cmd
  dir=$(mktemp -d /tmp/xiaoban-pg.XXXXXX)
  log=$dir/setup.log

  if _pg_local_server_usable "$log"; then
    _pg_use_local "$dir"
    return 0
  fi

  if ! bin=$(_pg_newest_bin); then
    xb_apt_install "$log" postgresql postgresql-contrib || { rm -rf "$dir"; return 1; }
    # Debian's package may have created and started its own cluster on 5432.
    if _pg_local_server_usable "$log"; then
      _pg_use_local "$dir"
      return 0
    fi
    bin=$(_pg_newest_bin) || { xb_say "PostgreSQL: no initdb after install" >&2; rm -rf "$dir"; return 1; }
  fi

  # Registered before anything starts so the EXIT trap can clean up a half-done setup.
  _xb_pg_dir=$dir
  _xb_pg_bin=$bin

  for p in {25432..25440}; do
    if ! _pg_port_busy "$p"; then
      port=$p
      break
    fi
  done
  if [[ -z $port ]]; then
    xb_say "PostgreSQL: ports 25432-25440 are all busy" >&2
    return 1
  fi

  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$dir"
  fi
  printf -v cmd '%q ' "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8
  xb_quiet "$log" _pg_as_owner "$cmd" || return 1
  # fsync=off: the data is thrown away, so durability only costs time.
  printf -v cmd '%q ' "$bin/pg_ctl" -D "$dir/data" -l "$dir/log.txt" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -w start
  if ! xb_quiet "$log" _pg_as_owner "$cmd"; then
    tail -n 40 "$dir/log.txt" >&2 2>/dev/null || true
    return 1
  fi

  _xb_pg_url="postgres://postgres@127.0.0.1:$port/postgres"
  export TEST_DATABASE_URL=$_xb_pg_url
  xb_say "PostgreSQL: started a throwaway cluster on 127.0.0.1:$port ($(basename "$(dirname "$bin")"))"
}

# Safe to call more than once and when nothing was started.
stop_postgres() {
  [[ -n $_xb_pg_dir ]] || return 0
  local cmd
  if [[ -f $_xb_pg_dir/data/postmaster.pid ]]; then
    printf -v cmd '%q ' "$_xb_pg_bin/pg_ctl" -D "$_xb_pg_dir/data" -m immediate -w stop
    _pg_as_owner "$cmd" >/dev/null 2>&1 || true
  fi
  rm -rf "$_xb_pg_dir"
  if [[ -n $_xb_pg_url && ${TEST_DATABASE_URL:-} == "$_xb_pg_url" ]]; then
    unset TEST_DATABASE_URL
  fi
  _xb_pg_dir="" _xb_pg_bin="" _xb_pg_url=""
}
