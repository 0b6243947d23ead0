#!/usr/bin/env bash
# Inputs of legal size in a hostile shape, timed (docs/performance.md,
# "Hostile shapes of input"). Each builds a corpus in a temporary folder,
# times `crosscheck check` on it and removes it.
#
#   bash scripts/hostile_shapes.sh folders N     # a chain of N nested empty folders under claims/
#   bash scripts/hostile_shapes.sh quotes N      # a 29 MB article, N claims whose quotes are not in it
#   bash scripts/hostile_shapes.sh unknown N     # a 50,000-entity registry, N subjects not in it
#   bash scripts/hostile_shapes.sh long N        # fields of N characters: a subject, speaker, outlet and
#                                                # place, a missing quote, and a quote elided into N/25 parts
#
# CROSSCHECK=path picks the binary (default: target/release/crosscheck, built first).
set -euo pipefail
cd "$(dirname "$0")/.."
shape="${1:?folders, quotes, unknown or long}"
n="${2:?a count}"
if [ -z "${CROSSCHECK:-}" ]; then
    cargo build --quiet --release --bin crosscheck
    CROSSCHECK="$PWD/target/release/crosscheck"
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/claims" "$dir/articles"
case "$shape" in
    folders)
        echo "The talks were held in Geneva." > "$dir/articles/a.txt"
        echo "source: {id: a, outlet: A, published: 2013-08-09, article: a.txt}
claims:
  - {id: v, subject: talks, property: location, value: Geneva, quote: held in Geneva}" > "$dir/claims/a.yaml"
        N="$n" DIR="$dir" python3 -c '
import os
p = os.path.join(os.environ["DIR"], "claims")
for _ in range(int(os.environ["N"])):
    p = os.path.join(p, "d")
    os.mkdir(p)
'
        ;;
    quotes)
        N="$n" DIR="$dir" python3 - <<'PY'
import os, random
random.seed(1)
d, n = os.environ["DIR"], int(os.environ["N"])
words = ["talks", "Geneva", "held", "were", "the", "on", "Friday", "officials", "said",
         "minister", "Russia", "Syria", "peace", "conference"]
with open(f"{d}/articles/a.txt", "w") as f:
    f.write("The talks were held in Geneva on Friday. "
            + " ".join(random.choice(words) for _ in range(4_500_000)) + "\n")
with open(f"{d}/claims/entities.yaml", "w") as f:
    f.write("entities:\n  - {name: Geneva talks, kind: event, aliases: [talks]}\n")
claims = "\n".join(
    '  - {id: c%d, subject: talks, property: p%d, value: x, quote: "%s zzz%d"}'
    % (i, i, " ".join(random.choice(words) for _ in range(12)), i) for i in range(n))
with open(f"{d}/claims/a.yaml", "w") as f:
    f.write("source: {id: a, outlet: Outlet A, published: 2013-08-09, article: a.txt}\nclaims:\n" + claims + "\n")
PY
        ;;
    unknown)
        echo "The talks were held in Geneva on Friday, officials said." > "$dir/articles/a.txt"
        N="$n" DIR="$dir" python3 - <<'PY'
import os, random, string
random.seed(2)
d, n = os.environ["DIR"], int(os.environ["N"])
def name():
    return " ".join("".join(random.choice(string.ascii_lowercase) for _ in range(random.randint(4, 9))).capitalize()
                    for _ in range(2))
with open(f"{d}/claims/entities.yaml", "w") as f:
    f.write("entities:\n" + "\n".join("  - {name: %s, kind: person}" % name() for _ in range(50000)) + "\n")
claims = "\n".join('  - {id: c%d, subject: "%s", property: p, value: x, quote: the talks were held in Geneva on Friday}'
                   % (i, name()) for i in range(n))
with open(f"{d}/claims/a.yaml", "w") as f:
    f.write("source: {id: a, outlet: Outlet A, published: 2013-08-09, article: a.txt}\nclaims:\n" + claims + "\n")
PY
        ;;
    long)
        N="$n" DIR="$dir" python3 - <<'PY'
import os, random
random.seed(3)
d, n = os.environ["DIR"], int(os.environ["N"])
words = ["talks", "Geneva", "held", "were", "the", "on", "Friday", "officials", "said"]
with open(f"{d}/articles/a.txt", "w") as f:
    f.write("The talks were held in Geneva on Friday. " + " ".join(random.choice(words) for _ in range(1_000_000)) + "\n")
with open(f"{d}/claims/entities.yaml", "w") as f:
    f.write("entities:\n  - {name: Geneva talks, kind: event, aliases: [talks]}\n  - {name: Geneva, kind: place}\n")
def long(c):
    return (c * n)[:n]
missing = " ".join(random.choice(words) for _ in range(n // 6)) + " zebra"
elided = " ... ".join(["the talks"] * max(2, n // 25)) + " ... zebra"
with open(f"{d}/claims/a.yaml", "w") as f:
    f.write("source: {id: a, outlet: %s, published: 2013-08-09, article: a.txt}\nclaims:\n" % long("O")
            + "  - {id: s, subject: %s, property: p, value: x, quote: held in Geneva}\n" % long("s")
            + "  - {id: b, subject: talks, property: q, value: x, said_by: %s, quote: held in Geneva}\n" % long("b")
            + "  - {id: l, subject: talks, property: location, value: %s, quote: held in Geneva}\n" % long("l")
            + "  - {id: m, subject: talks, property: r, value: x, quote: '%s'}\n" % missing
            + "  - {id: e, subject: talks, property: t, value: x, quote: '%s'}\n" % elided)
PY
        ;;
    *) echo "unknown shape '$shape' (folders, quotes, unknown or long)" >&2; exit 2 ;;
esac
cd "$dir"
start=$(date +%s.%N)
set +e
"$CROSSCHECK" check > /dev/null 2>&1
code=$?
set -e
end=$(date +%s.%N)
python3 -c "print(f'$shape $n: {$end - $start:.2f} s (exit $code)')"
