#!/usr/bin/env bash
# test-fetch-models.sh FETCH_SCRIPT MANIFEST SHARED_MODELS_DIR UPSTREAM_FORM_SCRIPT
#
# Runs fetch-models.sh against temporary mirrors, offline: a good mirror
# copy is installed; a corrupt one and an empty offline mirror fail with a
# message naming the file and leave nothing in DEST.  Then the upstream
# path of MobileFaceNet, without network: a file in the upstream form
# (made from the mirrored one by UPSTREAM_FORM_SCRIPT with python3-onnx) is
# "downloaded" from a file:// URL, rewritten, and must come out as the
# mirrored file; a damaged download is refused.  Speaks TAP.
set -euo pipefail

fetch=$1 manifest=$2 shared=$3 upstream_form=$4
model=yunet_n_320_320.onnx
recogniser=mobilefacenet_foamliu_opset10.onnx

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

echo "1..14"

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

# The recogniser from "upstream": a one-line manifest whose URL and
# source sha256 point at the upstream-form file.
if [[ ! -f $shared/$recogniser ]] || ! /usr/bin/python3 -c 'import onnx' 2> /dev/null; then
  for _ in 1 2 3 4 5; do n=$((n + 1)); echo "ok $n # SKIP needs $recogniser in $shared and python3-onnx"; done
  [[ $failed == 0 ]]
  exit
fi
mkdir "$tmp/upstream"
/usr/bin/python3 "$upstream_form" "$shared/$recogniser" "$tmp/upstream/MobileFaceNet.onnx"
head -c 2000000 "$tmp/upstream/MobileFaceNet.onnx" > "$tmp/upstream/short.onnx"
# upstream_manifest FILE: the recogniser's manifest line, fetching FILE.
upstream_manifest() {
  awk -F'\t' -v OFS='\t' -v url="file://$1" -v sha="$(sha256sum "$1" | cut -d' ' -f1)" \
    -v model="$recogniser" '$1 == model { $2 = url; $6 = sha; print }' "$manifest" > "$tmp/manifest.tsv"
}
export CAIJI_MODEL_OFFLINE=0

upstream_manifest "$tmp/upstream/MobileFaceNet.onnx"
run_fetch "$tmp/empty" "$tmp/dest-upstream"
check "the upstream recogniser installs after the rewrite" test "$rc" -eq 0
check "the rewrite gives the mirrored file byte for byte" cmp -s "$shared/$recogniser" "$tmp/dest-upstream/$recogniser"
check "the ok line says it was rewritten" grep -qx "ok  $recogniser (downloaded, mobilefacenet-opset10)" "$tmp/out"

# The manifest still pins the whole file; a short download is refused
# before the rewrite ever sees it.
upstream_manifest "$tmp/upstream/MobileFaceNet.onnx"
cp "$tmp/upstream/short.onnx" "$tmp/upstream/MobileFaceNet.onnx"
run_fetch "$tmp/empty" "$tmp/dest-short"
check "a damaged upstream download fails with its sha256" err_has_both "$recogniser" "upstream"
check "nothing is left in DEST after a damaged download" dest_is_empty "$tmp/dest-short"

[[ $failed == 0 ]]
