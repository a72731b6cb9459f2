#!/usr/bin/env bash
# scripts/test.sh [--ci] — set up what is missing, build, run every test.
# --ci: AddressSanitizer + UBSan, warnings as errors (what .ci/run uses).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$("$root/scripts/setup.sh" "$@" | tail -n 1)

status=0
meson test -C "$build" --print-errorlogs --num-processes 2 || status=$?

# A short fuzzing pass over every parser of outside bytes (see
# tests/fuzz/run-fuzzers.sh for the long run).
if [[ ${1:-} == --ci ]]; then
  "$root/tests/fuzz/run-fuzzers.sh" "${CAIJI_FUZZ_SECONDS:-20}" || status=$?
fi

# One plain closing line that any reader of the log can count.
python3 - "$build/meson-logs/testlog.json" <<'PY' || true
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    result = json.loads(line)["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
