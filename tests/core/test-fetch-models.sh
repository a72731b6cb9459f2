#!/usr/bin/env bash
# test-fetch-models.sh FETCH_SCRIPT MANIFEST SHARED_MODELS_DIR
#
# Runs fetch-models.sh against temporary mirrors, offline: a good mirror
# copy is installed; a corrupt one and an empty offline mirror fail with a
# message naming the file and leave nothing in DEST.  Speaks TAP.
set -euo pipefail

fetch=$1 manifest=$2 shared=$3
model=yunet_n_320_320.onnx

if [[ ! -f $shared/$model ]]; then
  echo "1..0 # SKIP no $model in $shared"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A one-model manifest, so the test needs only the file it brings.
grep -P "^\Q$model\E\t" "$manifest" > "$tmp/manifest.tsv"
export CAIJI_MODEL_MANIFEST=$tmp/manifest.tsv CAIJI_MODEL_OFFLINE=1
mkdir "$tmp/good" "$tmp/bad" "$tmp/empty"
cp "$shared/$model" "$tmp/good/"
head -c 1000 "$shared/$model" > "$tmp/bad/$model"

n=0 failed=0
# check DESCRIPTION COMMAND...: one TAP line.
check() {
  local desc=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; failed=1; fi
}

# run_fetch MIRROR DEST: leaves the exit status in $rc and stderr in $err.
run_fetch() {
  rc=0
  CAIJI_MODEL_MIRROR=$1 "$fetch" "$2" > "$tmp/out" 2> "$tmp/err" || rc=$?
  err=$(cat "$tmp/err")
}

dest_is_empty() { [[ -z $(ls -A "$1") ]]; }
err_has() { [[ $err == *"$1"* ]]; }
err_has_both() { err_has "$1" && err_has "$2"; }

echo "1..9"

run_fetch "$tmp/good" "$tmp/dest-good"
check "good mirror copy installs" test "$rc" -eq 0
check "installed file matches the mirror" cmp -s "$shared/$model" "$tmp/dest-good/$model"
check "one ok line per model" grep -qx "ok  $model (mirror)" "$tmp/out"

run_fetch "$tmp/bad" "$tmp/dest-bad"
check "corrupt mirror copy fails" test "$rc" -eq 1
check "the error names the file and the expected sha256" err_has_both "$model" "$(cut -f3 "$tmp/manifest.tsv")"
check "nothing is left in DEST after a corrupt copy" dest_is_empty "$tmp/dest-bad"

run_fetch "$tmp/empty" "$tmp/dest-offline"
check "offline without the file fails" test "$rc" -eq 1
check "the error names the file and the offline setting" err_has_both "$model" "CAIJI_MODEL_OFFLINE=1"
check "nothing is left in DEST when offline" dest_is_empty "$tmp/dest-offline"

[[ $failed == 0 ]]
