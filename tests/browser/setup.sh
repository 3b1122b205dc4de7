# Sourced by the browser entry points (run.sh, csp.sh) with `label` set:
# checks node and Chromium, installs playwright-core (scripts off, no
# browser download), builds careergen and sets `binary` to it. On a
# failure it prints `<label>: 0 passed, 1 failed` and exits.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

fail() {
  echo "$label: $1"
  echo "$label: 0 passed, 1 failed"
  exit 1
}

command -v node >/dev/null 2>&1 || fail "node is not installed"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium is not installed (apt-get install -y chromium)"

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >/dev/null) \
    || fail "npm ci failed"
fi

(cd "$repo" && cargo build --quiet --locked --bin careergen) || fail "cargo build failed"
binary="${CARGO_TARGET_DIR:-$repo/target}/debug/careergen"
[ -x "$binary" ] || fail "no binary at $binary"
