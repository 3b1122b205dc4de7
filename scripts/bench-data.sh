#!/usr/bin/env bash
# Measures what official data costs a build (issue 14): a generated corpus
# (examples/gen_corpus.rs) whose guides carry real SOC codes, taken in turn
# from the O*NET list in data/, built without `data:` and with every
# dataset (national and state wages, projections, O*NET; `region: CA`).
#
#   scripts/bench-data.sh [--guides N] [--rounds N] [--workdir DIR]
#
# Runs one warm-up of each, then --rounds (default 5) cold builds of each
# into fresh output folders, interleaved (without data first in odd
# rounds, with data first in even ones). Wall time, user and system CPU
# come from /usr/bin/time; reading the data and filling guides from
# `careergen build --timings`. Prints every run and the medians.
#
# Build the binaries first (no LTO, for timing):
#   CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
#     cargo build --release --bin careergen --example gen_corpus
# Honours CARGO_TARGET_DIR, and CAREERGEN (another careergen binary to
# time). Benchmarks never run from `cargo test`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GUIDES=1000
ROUNDS=5
WORK="${TMPDIR:-/tmp}/careergen-bench-data"
while [ $# -gt 0 ]; do
    case "$1" in
        --guides) GUIDES="${2:?--guides needs a number}"; shift ;;
        --rounds) ROUNDS="${2:?--rounds needs a number}"; shift ;;
        --workdir) WORK="${2:?--workdir needs a folder}"; shift ;;
        *) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
    shift
done
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${CAREERGEN:-$TARGET/release/careergen}"
GEN="$TARGET/release/examples/gen_corpus"
for f in "$BIN" "$GEN"; do
    [ -x "$f" ] || { echo "missing $f: build it first (see --help)" >&2; exit 1; }
done

rm -rf "$WORK"
mkdir -p "$WORK"
"$GEN" --guides "$GUIDES" --out "$WORK/plain" --seed 1 >/dev/null
# Real codes: each guide takes the next O*NET-SOC code (`NN-NNNN.NN`).
tail -n +2 "$ROOT/data/onet-occupation-data.tsv" | cut -f1 | tr -d '\r' >"$WORK/codes"
i=0
mapfile -t codes <"$WORK/codes"
for file in "$WORK"/plain/content/*.md; do
    code=${codes[$((i % ${#codes[@]}))]}
    sed -i -e "s/^  soc: .*/  soc: \"${code:0:7}\"/" -e "s/^  onet_soc: .*/  onet_soc: \"$code\"/" "$file"
    i=$((i + 1))
done
cp -r "$WORK/plain" "$WORK/data"
cp -r "$ROOT/data" "$WORK/data/data"
cat >>"$WORK/data/config.yaml" <<'YAML'
data:
  wages: data/oews-national-may2025.csv
  state_wages: data/oews-state-may2025.csv
  projections: data/ooh-2024-34-profiles.csv
  occupations: { file: data/onet-occupation-data.tsv, release: "29.2" }
region: CA
YAML

# One build; prints "wall user sys read fill" (seconds, milliseconds).
run() {
    local site=$1 out="$WORK/out-$1"
    rm -rf "$out"
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" \
        "$BIN" build --root "$WORK/$site" --output "$out" --timings >"$WORK/err-$site" 2>&1
    local read fill
    read=$(grep -E 'read data files' "$WORK/err-$site" | head -1 | grep -oE '[0-9.]+ ms' | head -1 | cut -d' ' -f1 || true)
    fill=$(grep -E 'fill figures from data' "$WORK/err-$site" | head -1 | grep -oE '[0-9.]+ ms' | head -1 | cut -d' ' -f1 || true)
    echo "$(cat "$WORK/time") ${read:--} ${fill:--}"
}

run plain >/dev/null
run data >/dev/null
: >"$WORK/runs"
for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) -eq 1 ]; then order="plain data"; else order="data plain"; fi
    for site in $order; do
        echo "$site $(run "$site")" | tee -a "$WORK/runs"
    done
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
echo "medians of $ROUNDS runs, $GUIDES guides (wall s, user s, sys s, read data ms, fill ms):"
for site in plain data; do
    line="$site"
    for col in 2 3 4 5 6; do
        line="$line $(awk -v s="$site" -v c="$col" '$1 == s && $c != "-" { print $c }' "$WORK/runs" | median)"
    done
    echo "$line"
done
