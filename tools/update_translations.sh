#!/usr/bin/env bash
# Refresh the translation sources from the code (the core's messages included, through
# tools/core_messages.py), then compile them:
#   resources/translations/annotator_ar.ts   every interface string (English is the source)
#   resources/translations/annotator_en.ts   English plural forms only ("1 document", "2 documents")
# New tr()/translate() strings appear as unfinished entries, strings gone from the code are
# dropped. Translate the unfinished entries (Qt Linguist, or by hand in the .ts), then run it
# again: it writes the .qm files the program loads and the wheel ships.
#   tools/update_translations.sh        (pyside6-lupdate/-lrelease from PATH, or beside $PYTHON)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(dirname "$(command -v "${PYTHON:-python}")")
lupdate=$(command -v pyside6-lupdate || echo "$bin/pyside6-lupdate")
lrelease=$(command -v pyside6-lrelease || echo "$bin/pyside6-lrelease")
cd "$root"
# The core's message templates, listed for lupdate (annotator/gui/core_messages.py).
"$bin/python" tools/core_messages.py
sources=$(find annotator -name '*.py' | sort)
dir=resources/translations
# shellcheck disable=SC2086
"$lupdate" -silent -no-obsolete -locations none -source-language en -target-language ar \
  $sources -ts "$dir/annotator_ar.ts"
# shellcheck disable=SC2086
"$lupdate" -silent -no-obsolete -locations none -pluralonly -source-language en \
  -target-language en $sources -ts "$dir/annotator_en.ts"
for lang in ar en; do
  "$lrelease" -silent -nounfinished "$dir/annotator_$lang.ts" -qm "$dir/annotator_$lang.qm"
done
for lang in ar en; do
  echo "annotator_$lang.ts: $(grep -c 'type="unfinished"' "$dir/annotator_$lang.ts" || true) unfinished"
done
