#!/usr/bin/env bash
# scripts/setup.sh [--ci] — make this Debian 12 machine ready and build Caiji.
#
# Installs the Debian packages listed in scripts/debian-packages.txt that
# are missing, configures and builds the Meson tree, and installs the models
# into the build tree (from $CAIJI_MODEL_MIRROR, ../shared/models, or their
# upstream).  --ci builds with AddressSanitizer + UBSan and warnings as
# errors in a separate build directory.  Prints the build directory last.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=dev
[[ ${1:-} == --ci ]] && mode=ci

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

missing_packages() {
  grep -v '^\s*\(#\|$\)' "$root/scripts/debian-packages.txt" | while read -r pkg; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
  done
}

install_packages() {
  local -a pkgs sudo=()
  mapfile -t pkgs < <(missing_packages)
  ((${#pkgs[@]} == 0)) && return 0
  say "Installing ${#pkgs[@]} Debian packages: ${pkgs[*]}"
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "these packages are missing and I am not root: ${pkgs[*]}. Install them as root, then run me again."
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2
}

configure_and_build() {
  local build=$1; shift
  if [[ -f $build/build.ninja ]]; then
    meson setup --reconfigure "$build" "$@" >&2
  else
    meson setup "$build" "$@" >&2
  fi
  say "Building in $build"
  ninja -C "$build" >&2
}

install_packages
cd "$root"
if [[ $mode == ci ]]; then
  build="$root/_build-ci"
  configure_and_build "$build" --werror -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
else
  build="$root/_build"
  configure_and_build "$build"
fi
say "Installing models into $build/data/models"
"$root/data/models/fetch-models.sh" "$build/data/models" >&2
echo "$build"
