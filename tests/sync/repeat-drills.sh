#!/usr/bin/env bash
# tests/sync/repeat-drills.sh N [BUILD-DIR]
#
# Runs the fault cases of test-sync-e2e N times in a row, each time with a
# fresh PostgreSQL cluster and hub, and prints per run and in total how
# many deliveries were checked, how many arrived exactly once, and how many
# were duplicated or lost.  Exit status 0 only when every run passed with
# zero duplicates and zero losses.  The issue asks for N=20; CI runs the
# cases once through meson.
set -euo pipefail

runs=${1:?usage: $0 N [BUILD-DIR]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${2:-$root/_build}
test_bin=$build/tests/sync/test-sync-e2e
[[ -x $test_bin ]] || { echo "repeat-drills: $test_bin is not built (meson compile -C $build)" >&2; exit 1; }

cases=(resend-is-idempotent conflict-is-held-with-reason hub-answers-500 hub-answers-garbage
       hub-drops-connection hub-too-slow retry-after-is-respected hub-down-then-restarted
       hub-killed-during-rekey hub-killed-during-purge)
selection=()
for c in "${cases[@]}"; do selection+=(-p "/sync/$c"); done

total_checked=0 total_once=0 total_dup=0 total_lost=0 failed_runs=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for ((run = 1; run <= runs; run++)); do
  status=0
  "$test_bin" "$build/src/hub/caiji-hub" "$root/tests/sync/pg-cluster.sh" "$build/src/cli/caiji" \
    "${selection[@]}" >"$log" 2>&1 || status=$?
  passed=$(grep -c '^ok ' "$log" || true)
  tally=$(grep -o 'delivery tally: .*' "$log" || echo "delivery tally: checked 0, once 0, duplicated 0, lost 0")
  read -r checked once dup lost < <(sed -E 's/[^0-9]+/ /g' <<<"$tally")
  total_checked=$((total_checked + checked)) total_once=$((total_once + once))
  total_dup=$((total_dup + dup)) total_lost=$((total_lost + lost))
  verdict=pass
  if ((status != 0 || passed != ${#cases[@]} || dup != 0 || lost != 0)); then
    verdict=FAIL failed_runs=$((failed_runs + 1))
    grep -E '^(not ok|Bail out)|ERROR' "$log" >&2 || tail -n 20 "$log" >&2
  fi
  printf 'run %2d: %s, %d/%d cases ok, deliveries checked %d, once %d, duplicated %d, lost %d\n' \
    "$run" "$verdict" "$passed" "${#cases[@]}" "$checked" "$once" "$dup" "$lost"
done
printf 'total: %d runs, %d failed; deliveries checked %d, once %d, duplicated %d, lost %d\n' \
  "$runs" "$failed_runs" "$total_checked" "$total_once" "$total_dup" "$total_lost"
((failed_runs == 0 && total_dup == 0 && total_lost == 0))
