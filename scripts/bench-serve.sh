#!/usr/bin/env bash
# Measures `careergen serve`'s save-to-served latency (issue 3): the example
# site and a generated site of 10,000 guides, each copied to a work folder,
# served, and edited one file at a time by examples/bench_serve.rs, which
# prints the median latency per kind of edit (and how far beyond the
# debounce window it is).
#
#   scripts/bench-serve.sh [--guides 10000] [--edits 21] [--debounce-ms 50] [--workdir DIR]
#
# Honours CARGO_TARGET_DIR. Benchmarks never run from `cargo test`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GUIDES=10000
EDITS=21
DEBOUNCE=50
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/careergen-bench-serve}"

while [ $# -gt 0 ]; do
    case "$1" in
        --guides) GUIDES="${2:?--guides needs a number}"; shift ;;
        --edits) EDITS="${2:?--edits needs a number}"; shift ;;
        --debounce-ms) DEBOUNCE="${2:?--debounce-ms needs a number}"; shift ;;
        --workdir) WORK="${2:?--workdir needs a folder}"; shift ;;
        -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
        *) echo "bench-serve.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

cd "$ROOT"
cargo build --release --locked --quiet --bin careergen --example bench_serve
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET/release/careergen"
BENCH="$TARGET/release/examples/bench_serve"

rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

# The example site.
mkdir -p "$WORK/example"
cp -r config.yaml content themes "$WORK/example/"
[ -d static ] && cp -r static "$WORK/example/"
[ -d templates ] && cp -r templates "$WORK/example/"
"$BENCH" --site "$WORK/example" --binary "$BIN" --edits "$EDITS" --debounce-ms "$DEBOUNCE"
echo

# A generated site of $GUIDES guides: examples/gen_corpus.rs when it is
# there, else copies of the example guides under new slugs.
if [ -f examples/gen_corpus.rs ]; then
    cargo run --release --locked --quiet --example gen_corpus -- \
        --guides "$GUIDES" --out "$WORK/large" --seed 1 >/dev/null
else
    mkdir -p "$WORK/large/content"
    cp -r config.yaml themes "$WORK/large/"
    i=0
    while [ "$i" -lt "$GUIDES" ]; do
        for guide in content/*.md; do
            [ "$i" -lt "$GUIDES" ] || break
            name=$(basename "$guide" .md)
            # A new slug and title per copy; references keep naming the originals.
            sed -e "s/^title: \(.*\)$/title: \1 $i/" "$guide" > "$WORK/large/content/$name-$i.md"
            i=$((i + 1))
        done
    done
    cp content/*.md "$WORK/large/content/"
fi
"$BENCH" --site "$WORK/large" --binary "$BIN" --edits "$EDITS" --debounce-ms "$DEBOUNCE"
