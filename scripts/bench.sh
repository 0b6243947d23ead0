#!/usr/bin/env bash
# Scale benchmark of `crosscheck check`: wall time and peak memory (max RSS)
# of loading alone (`check --stage load`: reading + YAML parsing) and of the
# whole `check --format json`, on synthetic corpora of 10k, 100k and 1M claims
# (examples/gen_corpus.rs, seed 1, 10 claims per source). Prints a Markdown
# table (docs/performance.md). Corpora are generated once, under
# target/bench/, and reused.
#
#   bash scripts/bench.sh            # 10k 100k 1m
#   bash scripts/bench.sh 10k 100k   # a subset
#   RUNS=3 bash scripts/bench.sh     # best of 3 (default: 3 below 1M claims, 1 at 1M)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10k 100k 1m)
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --release --bin crosscheck --example gen_corpus
bin="$target/release/crosscheck"
mkdir -p target/bench

measure() { # measure RUNS DIR ARGS... -> "best_wall_s max_rss_kib exit_code"
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
runs, cwd, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
best, rss, code = None, 0, 0
for _ in range(runs):
    t = time.monotonic()
    p = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t
    code = p.returncode
    best = wall if best is None else min(best, wall)
    # ru_maxrss of children is the largest of any child so far (KiB on Linux).
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{best:.2f} {rss} {code}")
PY
}

rows=()
for size in "${sizes[@]}"; do
    case "$size" in
        10k) sources=1000 ;;
        100k) sources=10000 ;;
        1m) sources=100000 ;;
        *) echo "unknown size '$size' (10k, 100k or 1m)" >&2; exit 2 ;;
    esac
    dir="target/bench/corpus-$size"
    if [ ! -d "$dir/claims" ]; then
        rm -rf "$dir.tmp"
        "$target/release/examples/gen_corpus" --sources "$sources" --claims-per-source 10 --seed 1 --out "$dir.tmp"
        mv "$dir.tmp" "$dir"
    fi
    runs="${RUNS:-$([ "$size" = 1m ] && echo 1 || echo 3)}"
    # Warm the page cache so that every run reads from memory.
    cat $(find "$dir" -type f) > /dev/null 2>&1 || find "$dir" -type f -exec cat {} + > /dev/null
    abs_bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
    read -r lw lr _ <<<"$(measure "$runs" "$dir" "$abs_bin" check --stage load)"
    read -r cw cr code <<<"$(measure "$runs" "$dir" "$abs_bin" check --format json)"
    ratio=$(python3 -c "print(f'{$cw/$lw:.2f}')")
    rows+=("| $size | $sources | $lw s | $((lr / 1024)) MiB | $cw s | $((cr / 1024)) MiB | $ratio | $code |")
done
echo
echo "| claims | sources | load: wall | load: peak RSS | check --format json: wall | check: peak RSS | check / load | exit |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
