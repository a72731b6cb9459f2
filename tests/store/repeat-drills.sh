#!/usr/bin/env bash
# tests/store/repeat-drills.sh N [BUILD-DIR]
#
# The kiosk-side fault drills of issue 5, N times in a row: the writer
# killed 200 times at random moments (test-store-crash), a full disk while
# saving (test-disk-full, needs root for its tmpfs) and the unattended
# screen wiped after the idle timeout (test-wizard-ui, under Xvfb).  Prints
# one line per run and a total; exit status 0 only when every run passed.
# The issue asks for N=20; CI runs each drill once through meson.
set -euo pipefail

runs=${1:?usage: $0 N [BUILD-DIR]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${2:-$root/_build}
for bin in tests/store/test-store-crash tests/store/store-writer tests/store/test-disk-full tests/gui/test-wizard-ui; do
  [[ -x $build/$bin ]] || { echo "repeat-drills: $build/$bin is not built (meson compile -C $build)" >&2; exit 1; }
done

# The environment meson gives the tests (key, settings, shared data).
export CAIJI_KEK_HEX=${CAIJI_KEK_HEX:-000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f}
export GSETTINGS_SCHEMA_DIR=$build/data GSETTINGS_BACKEND=memory
export CAIJI_SHARED_DIR=${CAIJI_SHARED_DIR:-$root/../shared} CAIJI_MODEL_DIR=$build/data/models
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0

log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed_runs=0 total_records=0

drill () {
  local name=$1; shift
  if "$@" >"$log" 2>&1 && ! grep -q '^not ok' "$log"; then
    echo pass
  else
    echo "FAIL ($name)"
    grep -E '^(not ok|Bail out)|ERROR' "$log" >&2 || tail -n 20 "$log" >&2
  fi
}

for ((run = 1; run <= runs; run++)); do
  crash=$(drill crash "$build/tests/store/test-store-crash" "$build/tests/store/store-writer")
  records=$(grep -o '[0-9]* records checked' "$log" | grep -o '^[0-9]*' || echo 0)
  full=$(drill disk-full "$build/tests/store/test-disk-full")
  idle=$(drill idle xvfb-run -a -s '-screen 0 1280x800x24' env GTK_A11Y=none GDK_DEBUG=gl-disable NO_AT_BRIDGE=1 \
           "$build/tests/gui/test-wizard-ui" -p /wizard-ui/idle-reset -p /wizard-ui/idle-quiet-on-blank-sign-in)
  total_records=$((total_records + records))
  if [[ $crash != pass || $full != pass || $idle != pass ]]; then
    failed_runs=$((failed_runs + 1))
  fi
  printf 'run %2d: kill -9 ×200 %s (%d saved records checked), disk full %s, idle wipe %s\n' \
    "$run" "$crash" "$records" "$full" "$idle"
done
printf 'total: %d runs, %d failed; %d kills, %d saved records checked\n' \
  "$runs" "$failed_runs" $((runs * 200)) "$total_records"
((failed_runs == 0))
