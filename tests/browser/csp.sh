#!/usr/bin/env bash
# The strict Content-Security-Policy of docs/deploy.md in Debian's headless
# Chromium: installs playwright-core (scripts off, no browser download),
# builds careergen, runs csp.mjs and prints its `csp: N passed, M failed`
# line. Exits non-zero on any failure.
set -uo pipefail
label=csp
# shellcheck source=setup.sh
source "$(dirname "$0")/setup.sh"

node "$here/csp.mjs" "$binary"
