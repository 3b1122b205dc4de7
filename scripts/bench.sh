#!/usr/bin/env bash
# Benchmarks `careergen build` against Hugo on generated corpora (issue 6).
#
#   scripts/bench.sh [--full] [--rounds N] [--sizes "1000 10000"] [--no-hugo] [--workdir DIR]
#                    [--output-root DIR] [--hugo-max N] [--careergen BIN] [--budgets]
#
# For each size N (1,000 and 10,000; also 100,000 with --full) it generates a
# site with examples/gen_corpus.rs and the equivalent Hugo site, then runs one
# warm-up and --rounds (default 5) cold builds of each into fresh output
# folders, interleaved (careergen first in odd rounds, Hugo first in even
# ones). Wall time is measured around the process; user+sys CPU and peak RSS
# come from /usr/bin/time -v. Prints a Markdown table of medians with the
# careergen/Hugo ratios, the output's bytes (in all and per guide) and its
# largest HTML page, and keeps it with the raw figures in the work folder.
# --careergen BIN measures that binary instead of building this checkout's
# (to compare two versions). --budgets also runs the page-weight budgets at
# 10,000 guides (tests/page_weight.rs, ignored by `cargo test`).
# Outputs go to the work folder unless --output-root names another place
# (/dev/shm takes the disk out of the comparison). Hugo runs only up to
# --hugo-max guides (default 10,000): it needs about 0.55 MiB per guide, so
# 100,000 guides would not fit in this machine's memory.
#
# Installs what it needs (GNU time, Debian's hugo) with apt-get when missing.
# Honours CARGO_TARGET_DIR. Benchmarks never run from `cargo test`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES="1000 10000"
ROUNDS=5
HUGO=1
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/careergen-bench}"
SEED=1
OUTPUT_ROOT=""
HUGO_MAX=10000
CAREERGEN_BIN=""
BUDGETS=0

usage() {
    sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --full) SIZES="1000 10000 100000" ;;
        --rounds) ROUNDS="${2:?--rounds needs a number}"; shift ;;
        --sizes) SIZES="${2:?--sizes needs a list}"; shift ;;
        --no-hugo) HUGO=0 ;;
        --workdir) WORK="${2:?--workdir needs a folder}"; shift ;;
        --output-root) OUTPUT_ROOT="${2:?--output-root needs a folder}"; shift ;;
        --hugo-max) HUGO_MAX="${2:?--hugo-max needs a number}"; shift ;;
        --careergen) CAREERGEN_BIN="${2:?--careergen needs a binary}"; shift ;;
        --budgets) BUDGETS=1 ;;
        -h|--help) usage ;;
        *) echo "bench.sh: unknown option $1" >&2; usage ;;
    esac
    shift
done

log() { printf '%s\n' "$*" >&2; }

# Installs Debian package $2 unless command $1 exists (idempotent).
need() {
    local cmd=$1 package=$2
    if [ -x "$cmd" ] || command -v "$cmd" >/dev/null 2>&1; then
        return
    fi
    log "installing $package (for $cmd)"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    if ! $sudo apt-get install -y "$package" >/dev/null 2>&1; then
        $sudo apt-get update >/dev/null
        $sudo apt-get install -y "$package" >/dev/null
    fi
}

need /usr/bin/time time
if [ "$HUGO" = 1 ]; then need hugo hugo; fi

TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
log "building careergen and gen_corpus (release) into $TARGET"
if [ -n "$CAREERGEN_BIN" ]; then
    cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" --example gen_corpus
else
    cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" --bin careergen --example gen_corpus
fi
BIN="${CAREERGEN_BIN:-$TARGET/release/careergen}"
GEN="$TARGET/release/examples/gen_corpus"

mkdir -p "$WORK"
OUTPUT_ROOT="${OUTPUT_ROOT:-$WORK}"
mkdir -p "$OUTPUT_ROOT"
RAW="$WORK/raw.tsv"
printf 'n\ttool\tround\twall_ms\tcpu_ms\trss_kb\n' > "$RAW"

# Runs one cold build; appends wall ms, user+sys ms and peak RSS KiB to $RAW.
measure() {
    local tool=$1 n=$2 round=$3
    local out="$OUTPUT_ROOT/out-$tool-$n"
    rm -rf "$out" "$WORK/hugo-cache"
    local cmd
    if [ "$tool" = careergen ]; then
        cmd=("$BIN" build --root "$WORK/site-$n" --output "$out")
    else
        cmd=(hugo --quiet --source "$WORK/hugo-$n" --destination "$out" --cacheDir "$WORK/hugo-cache")
    fi
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -v -o "$WORK/time.txt" "${cmd[@]}" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt"; then
        log "$tool failed on N=$n:"
        cat "$WORK/stderr.txt" >&2
        exit 1
    fi
    end=$(date +%s%N)
    local wall=$(((end - start) / 1000000))
    local cpu rss
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%d", s * 1000 }' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
    if [ "$round" -gt 0 ]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$round" "$wall" "$cpu" "$rss" >> "$RAW"
    fi
    log "  N=$n $tool round $round: ${wall} ms wall, ${cpu} ms CPU, ${rss} KiB RSS"
}

# The median of column $3 for tool $2 at size $1.
median() {
    awk -F'\t' -v n="$1" -v tool="$2" -v col="$3" \
        'NR > 1 && $1 == n && $2 == tool { print $col }' "$RAW" |
        sort -n |
        awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

html_pages() { find "$1" -name '*.html' -type f | wc -l; }

# The size in bytes and the path of the largest HTML page under $1.
largest_page() { find "$1" -name '*.html' -type f -printf '%s %P\n' | sort -n | tail -1; }

declare -A PAGES BYTES LARGEST
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
# The generators measured at size $1.
tools_for() {
    if [ "$HUGO" = 1 ] && [ "$1" -le "$HUGO_MAX" ]; then echo "careergen hugo"; else echo careergen; fi
}

for n in $SIZES; do
    log "N=$n: generating the corpus (seed $SEED)"
    tools=$(tools_for "$n")
    hugo_args=()
    if [ "$tools" != careergen ]; then hugo_args=(--hugo "$WORK/hugo-$n"); fi
    "$GEN" --guides "$n" --out "$WORK/site-$n" --seed "$SEED" "${hugo_args[@]}"
    for round in $(seq 0 "$ROUNDS"); do
        if [ $((round % 2)) -eq 1 ]; then order=$tools; else order=$(echo "$tools" | tr ' ' '\n' | tac | tr '\n' ' '); fi
        for tool in $order; do
            measure "$tool" "$n" "$round"
            if [ "$round" -eq 0 ]; then
                PAGES[$tool-$n]=$(html_pages "$OUTPUT_ROOT/out-$tool-$n")
                BYTES[$tool-$n]=$(du -sb "$OUTPUT_ROOT/out-$tool-$n" | cut -f1)
                LARGEST[$tool-$n]=$(largest_page "$OUTPUT_ROOT/out-$tool-$n")
            fi
        done
    done
    for tool in $tools; do rm -rf "$OUTPUT_ROOT/out-$tool-$n"; done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

fmt_s() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
fmt_mib() { awk -v kb="$1" 'BEGIN { printf "%.0f MiB", kb / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "n/a" }'; }

{
    echo "### careergen vs Hugo ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)."
    echo "careergen $("$BIN" --version | awk '{ print $2 }')$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null | sed 's/^/ (commit /; s/$/, plus working tree)/')"
    if [ "$HUGO" = 1 ]; then echo "$(hugo version | awk '{ print $1, $2 }')."; fi
    echo "Median of $ROUNDS cold builds after a warm-up, interleaved, output in $OUTPUT_ROOT; load average $LOAD_START at the start, $LOAD_END at the end."
    echo
    echo "| guides | generator | wall | CPU (user+sys) | peak RSS | pages/s | pages | output | bytes/guide | largest page |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
    for n in $SIZES; do
        tools=$(tools_for "$n")
        for tool in $tools; do
            wall=$(median "$n" "$tool" 4)
            cpu=$(median "$n" "$tool" 5)
            rss=$(median "$n" "$tool" 6)
            pages=${PAGES[$tool-$n]}
            pps=$(awk -v p="$pages" -v ms="$wall" 'BEGIN { printf "%.0f", p / (ms / 1000) }')
            largest=${LARGEST[$tool-$n]}
            printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$tool" "$(fmt_s "$wall")" "$(fmt_s "$cpu")" \
                "$(fmt_mib "$rss")" "$pps" "$pages" "$(awk -v b="${BYTES[$tool-$n]}" 'BEGIN { printf "%.0f MB", b / 1e6 }')" \
                "$(awk -v b="${BYTES[$tool-$n]}" -v n="$n" 'BEGIN { printf "%.0f KB", b / n / 1e3 }')" \
                "$(awk '{ printf "%.0f KB `%s`", $1 / 1e3, $2 }' <<<"$largest")"
        done
        if [ "$tools" != careergen ]; then
            printf '| %s | **careergen / Hugo** | **%s** | **%s** | **%s** | | | | | |\n' "$n" \
                "$(ratio "$(median "$n" careergen 4)" "$(median "$n" hugo 4)")" \
                "$(ratio "$(median "$n" careergen 5)" "$(median "$n" hugo 5)")" \
                "$(ratio "$(median "$n" careergen 6)" "$(median "$n" hugo 6)")"
        fi
    done
} | tee "$WORK/results.md"
log "raw figures: $RAW; table: $WORK/results.md"

if [ "$BUDGETS" = 1 ]; then
    log "page-weight budgets at 10,000 guides (tests/page_weight.rs)"
    cargo test --quiet --release --manifest-path "$ROOT/Cargo.toml" --test page_weight -- \
        --ignored --exact budgets_hold_at_10000_guides
fi
