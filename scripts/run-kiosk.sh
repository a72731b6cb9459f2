#!/usr/bin/env bash
# scripts/run-kiosk.sh [kiosk options] — set up what is missing, build, start
# the kiosk.  Without a webcam it starts in demo mode: a picture playlist
# stands in for the camera and a synthetic demo roster is loaded, so the
# whole flow can be walked through with a mouse.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$("$root/scripts/setup.sh" | tail -n 1)

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  echo "run-kiosk: no display to open the kiosk window on. Run this on the kiosk's desktop session, or under xvfb-run." >&2
  exit 1
fi

# The demo camera's playlist: links to the shared test faces of one person
# each (never copies: they are not ours to put in the build or the repo).
demo_pictures() {
  local dir="$build/demo/camera" faces="$root/../shared/testdata/faces" picture
  rm -rf "$dir"
  mkdir -p "$dir"
  for picture in "$faces"/*/*.jpg "$faces"/*/*.png; do
    [[ -e $picture ]] || continue
    case $picture in */multi/* | */partial/*) continue ;; esac
    ln -s "$picture" "$dir/$(basename "$(dirname "$picture")")-$(basename "$picture")"
  done
  echo "$dir"
}

args=("$@")
if ! compgen -G '/dev/video*' >/dev/null; then
  demo_db="$build/demo/caiji-demo.db"
  mkdir -p "$(dirname "$demo_db")"
  "$build/src/cli/caiji" --db "$demo_db" roster import "$root/data/demo/roster.csv" >/dev/null
  echo "run-kiosk: no webcam found, starting in demo mode (database $demo_db)." >&2
  args=("--demo=$(demo_pictures)" --db "$demo_db" "${args[@]}")
fi

export GSETTINGS_SCHEMA_DIR="$build/data"
export CAIJI_LOCALEDIR="$build/po"
# Tesseract (card reading) uses OpenMP; its extra threads only spin on a kiosk.
export OMP_THREAD_LIMIT=1
exec "$build/src/gui/caiji-kiosk" "${args[@]}"
