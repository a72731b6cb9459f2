#!/usr/bin/env bash
# data/models/fetch-models.sh DEST_DIR — install the models of manifest.tsv.
#
# For each model: keep DEST_DIR/<file> when its sha256 already matches; else
# copy it from the mirror ($CAIJI_MODEL_MIRROR, default ../shared/models
# beside the checkout); else download it from upstream, unless
# CAIJI_MODEL_OFFLINE=1.  Every file is checked against the manifest's
# sha256 before an atomic rename into DEST_DIR, so DEST_DIR never holds a
# partial or unverified copy.  A bad mirror copy is an error, not a reason
# to download: a broken mirror should be repaired, not silently bypassed.
#
# $CAIJI_MODEL_MANIFEST overrides the manifest (the tests use it).
# $CAIJI_PYTHON picks the interpreter for the rewrites (standard library only).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
manifest=${CAIJI_MODEL_MANIFEST:-$here/manifest.tsv}
mirror=${CAIJI_MODEL_MIRROR:-}
if [[ -z $mirror && -d $repo/../shared/models ]]; then
  mirror=$(cd "$repo/../shared/models" && pwd)
fi
offline=${CAIJI_MODEL_OFFLINE:-0}
python=${CAIJI_PYTHON:-python3}

die() { printf 'fetch-models: %s\n' "$*" >&2; exit 1; }

# how_to_fix [FILE]: with FILE, the mirror's copy of FILE is the culprit.
how_to_fix() {
  if [[ -n ${1:-} ]]; then
    printf 'Fix: replace %s with a good copy, or delete it and run with network access.' "$mirror/$1"
  else
    # shellcheck disable=SC2016  # the variable name is meant literally
    printf 'Fix: put a good copy in $CAIJI_MODEL_MIRROR (now %s) or run with network access.' "${mirror:-unset}"
  fi
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# Temporary paths of the model in progress, removed on any exit.
workdir=
pending=()
cleanup() { ((${#pending[@]} == 0)) || rm -rf -- "${pending[@]}"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# check_sha FILE EXPECTED WHAT [MIRROR_FILE]: fail naming the model, both
# sums and the fix.
check_sha() {
  local got
  got=$(sha256_of "$1")
  [[ $got == "$2" ]] && return 0
  die "$3: sha256 is $got, expected $2. $(how_to_fix "${4:-}")"
}

download() {
  local url=$1 out=$2 what=$3 err
  if ! err=$(curl --fail --location --silent --show-error --retry 3 --retry-delay 2 \
               --connect-timeout 20 --max-time 600 --output "$out" "$url" 2>&1); then
    # curl repeats its error once per retry; the last line says it all.
    die "$what: download of $url failed: ${err##*$'\n'}. $(how_to_fix)"
  fi
}

# obtain FILE URL TRANSFORM SOURCE_SHA OUT: put an unverified candidate in
# OUT and print where it came from.
obtain() {
  local file=$1 url=$2 transform=$3 source_sha=$4 out=$5
  if [[ -n $mirror && -f $mirror/$file ]]; then
    cp -- "$mirror/$file" "$out"
    echo mirror
    return
  fi
  if [[ $offline == 1 ]]; then
    die "$file: not in the mirror (${mirror:-unset}) and CAIJI_MODEL_OFFLINE=1 forbids downloading. $(how_to_fix)"
  fi
  if [[ $transform == - ]]; then
    download "$url" "$out" "$file"
    echo downloaded
    return
  fi
  download "$url" "$workdir/upstream" "$file (upstream $url)"
  check_sha "$workdir/upstream" "$source_sha" "$file (upstream $url)"
  "$python" "$here/$transform.py" "$workdir/upstream" "$out" >&2 ||
    die "$file: the $transform rewrite failed; the upstream file passed its sha256, so report this as a bug."
  echo "downloaded, $transform"
}

install_one() {
  local dest=$1 file=$2 url=$3 sha=$4 transform=$5 source_sha=$6 tmp origin
  if [[ -f $dest/$file && $(sha256_of "$dest/$file") == "$sha" ]]; then
    printf 'ok  %s (already installed)\n' "$file"
    return
  fi
  # The candidate lives in DEST so that the final mv is an atomic rename.
  tmp=$(mktemp "$dest/.$file.XXXXXX")
  workdir=$(mktemp -d)
  pending=("$tmp" "$workdir")
  origin=$(obtain "$file" "$url" "$transform" "$source_sha" "$tmp")
  if [[ $origin == mirror ]]; then
    check_sha "$tmp" "$sha" "$file (from the mirror)" "$file"
  else
    check_sha "$tmp" "$sha" "$file ($origin)"
  fi
  chmod 0644 "$tmp"
  mv -f -- "$tmp" "$dest/$file"
  rm -rf -- "$workdir"
  pending=()
  printf 'ok  %s (%s)\n' "$file" "$origin"
}

main() {
  (($# == 1)) || die "usage: fetch-models.sh DEST_DIR"
  local dest=$1 file url sha transform source_sha extra
  [[ -r $manifest ]] || die "cannot read the manifest $manifest."
  mkdir -p -- "$dest"
  while IFS=$'\t' read -r file url sha _ transform source_sha extra; do
    [[ -z $file || $file == \#* ]] && continue
    [[ -n $source_sha && -z $extra ]] || die "$manifest: malformed line for '$file' (want 6 TAB-separated fields)."
    install_one "$dest" "$file" "$url" "$sha" "$transform" "$source_sha"
  done < "$manifest"
}

main "$@"
