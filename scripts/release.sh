#!/usr/bin/env bash
# Release archives for careergen, made with dist (cargo-dist; settings in
# dist-workspace.toml, CI in .github/workflows/release.yml).
#
#   scripts/release.sh plan            what a release builds, for every target
#   scripts/release.sh local [TARGET]  archives for this machine (or TARGET,
#                                      e.g. x86_64-unknown-linux-musl) into
#                                      target/distrib/, with man pages and
#                                      shell completions
#   scripts/release.sh tag VERSION     checks that Cargo.toml says VERSION,
#                                      runs the CI script, tags vVERSION;
#                                      pushing the tag makes the GitHub
#                                      release with archives for Linux
#                                      (x86_64, aarch64; glibc, musl),
#                                      macOS and Windows
#
# Needs dist at the version dist-workspace.toml names, prebuilt from PyPI
# or built from crates.io:
#   pip install astral-dev-toolchain-cargo-dist==<that version>
#   cargo install cargo-dist --locked --version <that version>
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

want="$(sed -n 's/^cargo-dist-version = "\(.*\)"/\1/p' dist-workspace.toml)"
have="$(dist --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  echo "release: dist $want is needed (found: ${have:-none}); install it with" >&2
  echo "  pip install astral-dev-toolchain-cargo-dist==$want" >&2
  echo "or cargo install cargo-dist --locked --version $want" >&2
  exit 2
fi

# The man pages and completions that every archive holds (dist-workspace.toml
# `include`); the same step runs in each CI build job (.github/build-setup.yml).
extras() {
  local bin
  cargo build --locked --quiet --bin careergen
  bin="${CARGO_TARGET_DIR:-$repo/target}/debug/careergen"
  rm -rf target/share
  "$bin" man --dir target/share/man
  mkdir -p target/share/completions
  "$bin" completions bash > target/share/completions/careergen.bash
  "$bin" completions zsh > target/share/completions/_careergen
  "$bin" completions fish > target/share/completions/careergen.fish
  "$bin" completions powershell > target/share/completions/_careergen.ps1
}

case "${1:-}" in
  plan)
    dist plan
    ;;
  local)
    extras
    if [ -n "${2:-}" ]; then
      dist build --artifacts=local --target "$2"
    else
      dist build --artifacts=local
    fi
    ls -l "${CARGO_TARGET_DIR:-$repo/target}/distrib/"
    ;;
  tag)
    version="${2:?usage: scripts/release.sh tag VERSION}"
    current="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
    if [ "$current" != "$version" ]; then
      echo "release: Cargo.toml says $current, not $version" >&2
      exit 1
    fi
    if [ -n "$(git status --porcelain)" ]; then
      echo "release: commit your changes first" >&2
      exit 1
    fi
    dist plan >/dev/null
    bash .ci/run
    git tag -a "v$version" -m "careergen $version"
    echo "release: tagged v$version; push it with: git push origin v$version"
    ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
