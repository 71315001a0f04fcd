# Sourced by .ci/run: a throw-away PostgreSQL for the store and engine tests.
#
# postgres_for_tests installs the distribution's PostgreSQL when none is installed (apt-get, as root
# or through sudo), starts a cluster as an unprivileged user in a temporary directory on a free
# loopback port, creates the role orderlistbot and the database orderlistbot_test, and exports
# BOT_TEST_POSTGRES_URL, _USER, _PASSWORD and BOT_TEST_POSTGRES_REQUIRED=true (the PostgreSQL tests
# then fail instead of skipping). An EXIT trap stops the cluster and deletes its directory, whether
# the build passed or failed. With BOT_TEST_POSTGRES_URL already set, that server is used as it is.

PG_TMP=""
PG_OS_USER=""
PG_BIN=""

pg_log() { echo "postgres.sh: $*" >&2; }

# Runs "$@" as root: directly when we are root, else through password-less sudo.
pg_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    pg_log "not root and no sudo: cannot run: $*"
    return 1
  fi
}

# Runs "$@" as the unprivileged cluster owner (PostgreSQL refuses to run as root).
pg_as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    setpriv --reuid="$PG_OS_USER" --regid="$(id -g "$PG_OS_USER")" --init-groups -- "$@"
  fi
}

# The newest /usr/lib/postgresql/<version>/bin holding initdb, or nothing.
pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

pg_install() {
  pg_log "no PostgreSQL under /usr/lib/postgresql; installing the distribution's package"
  pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
}

pg_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return 0
  fi
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

pg_stop() {
  [ -n "$PG_TMP" ] || return 0
  if [ -f "$PG_TMP/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 \
      || pg_log "could not stop the test cluster in $PG_TMP/data"
  fi
  rm -rf "$PG_TMP"
  PG_TMP=""
}

# Starts the cluster; prints nothing on success, its log on failure.
pg_start_cluster() {
  local port="$1"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
    start >/dev/null
}

postgres_for_tests() {
  export BOT_TEST_POSTGRES_REQUIRED=true
  if [ -n "${BOT_TEST_POSTGRES_URL:-}" ]; then
    pg_log "using the server at $BOT_TEST_POSTGRES_URL"
    return 0
  fi
  PG_BIN=$(pg_find_bin) || { pg_install && PG_BIN=$(pg_find_bin); } || {
    pg_log "ERROR: PostgreSQL is not installed and could not be installed (apt-get install postgresql)"
    return 1
  }
  PG_OS_USER=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    PG_OS_USER=postgres
    id postgres >/dev/null 2>&1 || PG_OS_USER=nobody
  fi
  PG_TMP=$(mktemp -d)
  trap pg_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  chown "$PG_OS_USER" "$PG_TMP"
  local password port attempt
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  pg_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U "$PG_OS_USER" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --no-locale >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  for attempt in 1 2 3; do
    port=$(pg_free_port) || return 1
    pg_start_cluster "$port" && break
    pg_log "start on port $port failed (attempt $attempt):"
    tail -n 20 "$PG_TMP/server.log" >&2
    [ "$attempt" -lt 3 ] || return 1
  done
  pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_TMP" -p "$port" -U "$PG_OS_USER" -d postgres \
    -c "CREATE ROLE orderlistbot LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE orderlistbot_test OWNER orderlistbot" >/dev/null || return 1
  export BOT_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/orderlistbot_test"
  export BOT_TEST_POSTGRES_USER=orderlistbot
  export BOT_TEST_POSTGRES_PASSWORD="$password"
  pg_log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests at $BOT_TEST_POSTGRES_URL (in $PG_TMP)"
}
