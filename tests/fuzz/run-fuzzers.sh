#!/usr/bin/env bash
# tests/fuzz/run-fuzzers.sh [SECONDS] — build the libFuzzer targets with
# clang (ASan + UBSan + coverage) and run each for SECONDS (default 30),
# starting from the seeds in tests/fuzz/corpus/<target>.  New inputs go to
# a corpus in the build directory, never into the repository.  Prints one
# line per target with executions and coverage; exits 1 on any crash,
# leaving the crashing input in the build directory.
#
# CI runs it briefly from scripts/test.sh --ci; for a nightly, run it with
# e.g. 3600 and keep _build-fuzz/corpus between runs.  CAIJI_FUZZ_TARGETS
# (space-separated) runs only some targets.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
build="$root/_build-fuzz"

if [[ ! -f $build/build.ninja ]]; then
  CC=clang CXX=clang++ meson setup "$build" "$root" -Dfuzzers=true -Dtests=false -Dkiosk=false \
    -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false --werror >&2
fi
ninja -C "$build" >&2

# OpenCV pulls in large libraries (GDCM, …) whose mappings ASan's RSS
# accounting counts; the live heap stays small.  A smaller quarantine and
# a 4 GB RSS cap keep libFuzzer's out-of-memory check about our code.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64:malloc_context_size=20}

status=0
for target in ${CAIJI_FUZZ_TARGETS:-fuzz-roster-csv fuzz-id-number fuzz-image fuzz-sync-document fuzz-hub-feed fuzz-reader-frame}; do
  name=${target#fuzz-}
  corpus="$build/corpus/$name"
  artifacts="$build/artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  log="$build/$target.log"
  if "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=512 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
       "$corpus" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo '?')
    echo "$target: ${runs} executions in ${seconds} s, ${cov} coverage points, no crash"
  else
    echo "$target: CRASH — see $log and $artifacts" >&2
    tail -n 30 "$log" >&2
    status=1
  fi
done
exit $status
