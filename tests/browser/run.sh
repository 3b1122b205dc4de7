#!/usr/bin/env bash
# Browser tests in Debian's headless Chromium: every page kind at three
# widths in both colour schemes and what each feature does (pages.mjs),
# an Arabic site laid out right to left (rtl.mjs),
# All careers and compare on a 10,000-guide site (lists.mjs),
# a French site's guide page in the theme's French (messages.mjs),
# switching the example between English and Spanish (multilingual.mjs),
# responsive images (images.mjs), `careergen serve`'s live reload
# (live-reload.mjs) and on a site in two languages
# (live-reload-languages.mjs), and search on a
# 10,000-guide site: bytes per query and time to first results
# (search-scale.mjs). Installs playwright-core (scripts off, no browser
# download), builds careergen, runs them all and prints the total as
# `browser: N passed, M failed`.
# Screenshots of every page kind go to target/browser-screenshots/.
# Exits non-zero on any failure.
set -uo pipefail
label=browser
# shellcheck source=setup.sh
source "$(dirname "$0")/setup.sh"

total_passed=0
total_failed=0
for suite in pages messages multilingual rtl figure-sources images lists live-reload live-reload-languages search-scale; do
  echo "== $suite"
  out=$(node "$here/$suite.mjs" "$binary" 2>&1)
  status=$?
  printf '%s\n' "$out" | grep -v '^browser: '
  line=$(printf '%s\n' "$out" | grep '^browser: ' | tail -n 1)
  if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    total_passed=$((total_passed + BASH_REMATCH[1]))
    total_failed=$((total_failed + BASH_REMATCH[2]))
  fi
  if [ $status -ne 0 ] && [ -z "$line" ]; then
    total_failed=$((total_failed + 1))
  fi
done
echo "browser: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
