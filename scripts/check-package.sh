#!/usr/bin/env bash
# Checks the crate as `cargo install careergen` gets it: `cargo package`
# must print no warning, and the packaged copy, unpacked in a temporary
# folder with nothing of the repository beside it, must build and run
# `init` + `build`. Debug profile; the target folder is shared
# (CARGO_TARGET_DIR) so compiled dependencies are reused.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
target="${CARGO_TARGET_DIR:-$repo/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

log="$work/package.log"
cargo package --locked --no-verify ${ALLOW_DIRTY:+--allow-dirty} 2>&1 | tee "$log"
if grep -qi '^warning' "$log"; then
  echo "package: cargo package printed warnings" >&2
  exit 1
fi
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
crate="$target/package/careergen-$version.crate"
tar -xzf "$crate" -C "$work"
unpacked="$work/careergen-$version"

# A binary built elsewhere than target/debug, so that the repository's own
# build is not replaced by the packaged one.
CARGO_TARGET_DIR="$target" cargo install --locked --debug --offline \
  --path "$unpacked" --root "$work/install" --quiet
bin="$work/install/bin/careergen"
# The packaged crate names its commit (from .cargo_vcs_info.json).
version_line="$("$bin" --version)"
echo "$version_line"
if ! [[ "$version_line" =~ ^careergen\ [0-9]+\.[0-9]+\.[0-9]+[^\ ]*\ \([0-9a-f]{9}\)$ ]]; then
  echo "package: --version names no commit: $version_line" >&2
  exit 1
fi
"$bin" init "$work/site" >/dev/null
"$bin" build --root "$work/site" --precompress
test -f "$work/site/public/index.html"
test -f "$work/site/public/index.html.gz"
echo "package: the packaged crate builds and makes a site"
