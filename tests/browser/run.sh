#!/usr/bin/env bash
# Browser tests in Debian's headless Chromium: every page kind at three
# widths in both colour schemes and what each feature does (pages.mjs),
# and `careergen serve`'s live reload (live-reload.mjs). Installs
# playwright-core (scripts off, no browser download), builds careergen,
# runs both and prints the total as `browser: N passed, M failed`.
# Screenshots of every page kind go to target/browser-screenshots/.
# Exits non-zero on any failure.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

fail() {
  echo "browser: $1"
  echo "browser: 0 passed, 1 failed"
  exit 1
}

command -v node >/dev/null 2>&1 || fail "node is not installed"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium is not installed (apt-get install -y chromium)"

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >/dev/null) \
    || fail "npm ci failed"
fi

(cd "$repo" && cargo build --quiet --locked --bin careergen) || fail "cargo build failed"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
binary="$target_dir/debug/careergen"
[ -x "$binary" ] || fail "no binary at $binary"

total_passed=0
total_failed=0
for suite in pages live-reload; do
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
