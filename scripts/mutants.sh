#!/usr/bin/env bash
# Mutation testing of a change: runs cargo-mutants on the mutants in the
# lines of src/ that the change touches (`--in-diff`), so that a change
# cannot add or keep code that no test checks. A mutant that survives (the
# tests pass with the code broken) fails the run; a timed-out mutant (an
# endless loop) counts as caught.
#
#   scripts/mutants.sh [BASE] [-- CARGO-MUTANTS ARGS…]
#
# BASE is the ref the change is compared with: by default `origin/main`,
# or `HEAD~1` where there is no `origin/main`. The working tree is compared,
# so uncommitted edits count. Results are in mutants.out/ (caught.txt,
# missed.txt, timeout.txt, unviable.txt).
#
# Environment:
#   MUTANTS_JOBS     builds at once (default 1: each copy of the tree builds
#                    the whole crate)
#   MUTANTS_IN_PLACE `1` to mutate the checkout itself, reusing its target/
#                    (CI's throwaway clone; never where you are editing)
#   MUTANTS_TIMEOUT  seconds one mutant's tests may run (default 300)
#   MUTANTS_BASELINE `skip` when the unmutated tests just passed (CI runs
#                    `cargo test` first); default `run`
#
# The full run of a module, outside CI, is `cargo mutants -f src/FILE.rs`
# (README "Mutation testing" gives the times).
set -euo pipefail
cd "$(dirname "$0")/.."

base=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  base=$1
  shift
fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then
  shift
fi
if [ -z "$base" ]; then
  if git rev-parse --verify --quiet origin/main >/dev/null; then
    base=origin/main
  else
    base=HEAD~1
  fi
fi
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  echo "mutants: no commit \`$base\` to compare with: skipped"
  exit 0
fi

if [ -z "$(git diff --name-only "$base" -- 'src/*.rs')" ]; then
  echo "mutants: the change since \`$base\` touches no Rust file under src/: skipped"
  exit 0
fi

if ! command -v cargo-mutants >/dev/null 2>&1; then
  echo "mutants: installing cargo-mutants"
  cargo install --locked --quiet cargo-mutants
fi

diff_file=$(mktemp)
trap 'rm -f "$diff_file"' EXIT
git diff "$base" -- 'src/*.rs' >"$diff_file"
echo "mutants: testing the mutants in the lines of src/ changed since \`$base\`"

where=(--jobs "${MUTANTS_JOBS:-1}")
if [ "${MUTANTS_IN_PLACE:-0}" = 1 ]; then
  where=(--in-place)
fi

status=0
nice -n 10 cargo mutants \
  --in-diff "$diff_file" \
  "${where[@]}" \
  --timeout "${MUTANTS_TIMEOUT:-300}" \
  --baseline "${MUTANTS_BASELINE:-run}" \
  "$@" || status=$?

# cargo-mutants: 0 all caught, 2 some missed, 3 some timed out, 4 the
# unmutated tests failed.
case $status in
  0 | 3) exit 0 ;;
  2)
    echo "mutants: these mutants survived; add a test that fails with each:"
    cat mutants.out/missed.txt
    exit 1
    ;;
  *) exit "$status" ;;
esac
