#!/usr/bin/env bash
# check-translations.sh SRCDIR: every translatable string has a zh_CN
# translation, and every source file that marks strings is in POTFILES.in.
# The kiosk's default language is zh_CN, so an untranslated msgid would put
# English in front of a candidate.
set -euo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

echo "1..2"
unlisted=$(grep -rlE '\b(N?_|C_)\(' src --include='*.c' --include='*.cpp' --include='*.ui' |
           sort | comm -23 - <(grep -v '^#' po/POTFILES.in | sort) || true)
if [[ -n $unlisted ]]; then
  echo "not ok 1 - files with translatable strings missing from po/POTFILES.in:"
  sed 's/^/# /' <<<"$unlisted"
  exit 1
fi
echo "ok 1 - POTFILES.in lists every file with translatable strings"

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --add-comments --files-from=po/POTFILES.in -o "$tmp/caiji.pot" 2>/dev/null
msgmerge -q --no-wrap --no-fuzzy-matching -o "$tmp/merged.po" po/zh_CN.po "$tmp/caiji.pot"
missing=$(msgattrib --no-wrap --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
# The header entry is always "untranslated" (empty msgid).
if (( missing > 1 )); then
  echo "not ok 2 - $((missing - 1)) msgids lack a zh_CN translation:"
  msgattrib --no-wrap --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid ' | tail -n +2 | sed 's/^/# /'
  exit 1
fi
echo "ok 2 - every msgid has a zh_CN translation"
