#!/usr/bin/env bash
# Web-quality gates on the example site: builds it twice (at its own
# base_url, and under a sub-path, https://example.org/careers/), then runs
# each gate and prints one line per gate and a closing
# `web: N passed, M failed`. Exits non-zero when any gate fails.
#
# Needs what tests/web/setup.sh installs (it runs it first unless
# WEB_SKIP_SETUP=1). Set KEEP=1 to keep the built sites.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
web="$repo/tests/web"

if [ "${WEB_SKIP_SETUP:-0}" != 1 ]; then
  "$web/setup.sh" || { echo "web: setup failed"; echo "web: 0 passed, 1 failed"; exit 1; }
fi

work=$(mktemp -d)
cleanup() { [ "${KEEP:-0}" = 1 ] && echo "sites kept in $work" || rm -rf "$work"; }
trap cleanup EXIT

site="$work/site"                  # the example site at its own base_url
sub_base="https://example.org/careers/"
sub_root="$work/sub"               # served as the host root…
sub="$sub_root/careers"            # …with the site in /careers/
base_url=$(sed -n 's/^base_url:[[:space:]]*//p' config.yaml | tr -d '"'"'" | head -n 1)
case "$base_url" in */) ;; *) base_url="$base_url/" ;; esac

# The pages the browser gates visit, relative to the site root.
pages=(
  "home="
  "guide=account-manager/"
  "guide-states=sales-manager/"
  "browse=categories/sales/"
  "all-careers=all-careers/"
  "search=search/?q=manager"
  "compare=compare/?c=account-manager,sales-manager"
  # The Spanish site (vnu and lychee check every page of both languages).
  "home-es=es/"
  "guide-es=es/gerente-de-cuentas/"
  "all-careers-es=es/all-careers/"
  "search-es=es/search/?q=cuentas"
)

passed=0
failed=0
n=0
# gate NAME COMMAND...: runs COMMAND, prints one line, keeps its output.
gate() {
  local name=$1
  shift
  n=$((n + 1))
  local log="$work/gate-$n.log"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    printf 'ok    %s\n' "$name"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s\n' "$name"
    tail -n 25 "$log" | sed 's/^/      /'
  fi
}

careergen() {
  cargo run --quiet --locked -- "$@"
}

vnu() {
  local out
  # JSON on stderr; exit 1 when there are errors.
  out=$(java -jar "$web/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html \
    --format gnu "$@" 2>&1)
  local status=$?
  local pages
  pages=$(find "$@" -name '*.html' | wc -l)
  [ -n "$out" ] && printf '%s\n' "$out" | head -n 40
  echo "  vnu: $(printf '%s' "$out" | grep -c . ) errors on $pages pages"
  [ $status -eq 0 ] && [ -z "$out" ]
}

lychee_check() {
  lychee --offline --include-fragments --no-progress --index-files index.html \
    --root-dir "$1" "$2"
}

sitemap_xsd() {
  local file
  for file in "$1"/sitemap*.xml; do
    # The sitemaps.org schema, with the xhtml:link alternates of translations.
    xmllint --noout --schema "$web/sitemap-with-alternates.xsd" "$file" || return 1
  done
}

gate "build: example site" careergen build --root "$repo" --output "$site"
gate "build: sub-path deploy ($sub_base)" careergen build --root "$repo" --output "$sub" --base-url "$sub_base"
# The example site with two guides a list page: lists run to several pages.
paged_root="$work/paged-root"
paged="$work/paged"
mkdir -p "$paged_root"
for part in config.yaml content data themes static templates; do
  [ -e "$part" ] && cp -R "$part" "$paged_root/"
done
printf '\npaginate_by: 2\n' >>"$paged_root/config.yaml"
gate "build: example site, two guides a list page" careergen build --root "$paged_root" --output "$paged"
gate "search script: unit tests (node --test)" node --test "$web/search.test.cjs"
gate "vnu: 0 errors on every page (example)" vnu "$site"
gate "vnu: 0 errors on every page (sub-path)" vnu "$sub"
gate "axe: 0 serious/critical, light+dark, 390+1366 px (sub-path, served)" \
  node "$web/axe.mjs" "$sub_root" /careers/ "${pages[@]}"
gate "vnu: 0 errors on every page (paginated)" vnu "$paged"
gate "axe: 0 serious/critical, light+dark, 390+1366 px (paginated list pages, served)" \
  node "$web/axe.mjs" "$paged" / "all-careers-2=all-careers/page/2/" "browse-2=categories/sales/page/2/"
gate "lychee --offline --include-fragments: 0 broken (example)" lychee_check "$site" "$site"
gate "lychee --offline --include-fragments: 0 broken (sub-path)" lychee_check "$sub_root" "$sub"
gate "lychee --offline --include-fragments: 0 broken (paginated)" lychee_check "$paged" "$paged"
gate "sitemap.xml valid against the sitemaps.org XSD (example)" sitemap_xsd "$site"
gate "sitemap.xml valid against the sitemaps.org XSD (paginated)" sitemap_xsd "$paged"
gate "sitemap.xml valid against the sitemaps.org XSD (sub-path)" sitemap_xsd "$sub"
gate "feed.xml parses as Atom, bozo false (example)" python3 "$web/check_site.py" feed "$site" "$base_url"
gate "feed.xml parses as Atom, bozo false (sub-path)" python3 "$web/check_site.py" feed "$sub" "$sub_base"
gate "JSON-LD: parses, Occupation with name, description, estimatedSalary" \
  python3 "$web/check_site.py" jsonld "$site"
gate "sub-path: every URL stays under $sub_base" python3 "$web/check_site.py" subpath "$sub" "$sub_base"

echo "web: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
