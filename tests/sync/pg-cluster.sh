#!/usr/bin/env bash
# tests/sync/pg-cluster.sh start DIR | stop DIR
#
# A throwaway PostgreSQL cluster for the sync tests, in DIR, listening on a
# Unix socket in DIR only (no TCP at all), owned by an unprivileged user:
# initdb refuses to run as root, so as root we use the system user
# caiji-test (created if missing).  `start` prints the connection URI of
# the database "caiji" on its last line; `stop` shuts the cluster down
# and removes DIR.
set -euo pipefail

cmd=${1:-}; dir=${2:-}
[[ ($cmd == start || $cmd == stop) && -n $dir ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bindir=${PG_BINDIR:-}
if [[ -z $bindir ]]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
[[ -x $bindir/initdb ]] || { echo "pg-cluster: PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 1; }

run_as=()
owner=$(id -un)
if ((EUID == 0)); then
  owner=caiji-test
  id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  run_as=(setpriv --reuid="$owner" --regid="$(id -g "$owner")" --init-groups --)
fi

pg() { (cd / && "${run_as[@]}" "$@"); }

start() {
  mkdir -p "$dir"
  chown "$owner" "$dir"
  chmod 0711 "$dir"  # the socket must be reachable by the tests' user
  pg "$bindir/initdb" -D "$dir/data" -U caiji --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # No TCP; fsync off because the cluster dies with the test anyway.
  pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
     -o "-c listen_addresses='' -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  pg "$bindir/createdb" -h "$dir" -U caiji caiji
  watch_caller
  echo "postgresql:///caiji?host=$dir&user=caiji"
}

# A test that dies on an assertion never calls `stop`: the cluster then
# goes with the process that started it.
watch_caller() {
  local caller=$PPID
  (
    while kill -0 "$caller" 2>/dev/null && [[ -d $dir/data ]]; do sleep 1; done
    [[ -d $dir/data ]] && stop
  ) </dev/null >/dev/null 2>&1 &
}

stop() {
  if [[ -f $dir/data/postmaster.pid ]]; then
    pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

"$cmd"
