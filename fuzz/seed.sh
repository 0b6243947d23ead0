#!/bin/sh
# Fill fuzz/corpus/<target>/ with seeds from the bundled claims and the test
# fixtures. Run from anywhere; the corpus folders are not committed (they grow
# as the fuzzer runs). See docs/fuzzing.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus/claim_file" "$corpus/yaml" "$corpus/date" "$corpus/number"

# claim_file: every YAML file we have, good and bad.
find "$root/claims" "$root/tests/fixtures" -type f \( -name '*.yaml' -o -name '*.yml' \) | while read -r f; do
    cp "$f" "$corpus/claim_file/$(cksum < "$f" | cut -d' ' -f1).yaml"
    cp "$f" "$corpus/yaml/$(cksum < "$f" | cut -d' ' -f1).yaml"
done

# date and number: every `value:` written in a claim file, one seed each.
# A date seed starts with 3 bytes (as_of day offset from 1800-01-01, little
# endian, times two; tense) -- here 2013-08-08 (39008 * 2 days) and 'unknown'.
find "$root/claims" "$root/tests/fixtures" -type f -name '*.yaml' -exec cat {} + \
    | sed -n 's/.*value: *\([^,}]*\).*/\1/p' | sed 's/^["'\'']//; s/["'\'']$//' | sort -u \
    | while IFS= read -r v; do
        [ -n "$v" ] || continue
        name=$(printf '%s' "$v" | cksum | cut -d' ' -f1)
        printf '%s' "$v" > "$corpus/number/$name"
        { printf '\140\230\002'; printf '%s' "$v"; } > "$corpus/date/$name"
    done
# A few of each reader's documented forms.
for v in "mid-November" "the second week of November" "between 8 and 14 November 2013" "sometime after August" \
    "as soon as possible" "late Friday" "January 22, 2014" "in the coming weeks" "Q3 2013" "early 2014" \
    "Eid al-Fitr 2013" "after Ramadan" "Rosh Hashanah 2018" "the day after Thanksgiving" "a few days ago" \
    "the year to March" "from Monday to Friday" "the first day of Passover" "the winter of 2014-15"; do
    { printf '\140\230\002'; printf '%s' "$v"; } > "$corpus/date/doc-$(printf '%s' "$v" | cksum | cut -d' ' -f1)"
done
for v in "over 100,000" "nearly 300" "between 10 and 20" "hundreds" "1.5 million" "tens of thousands" "a dozen" "10-20"; do
    printf '%s' "$v" > "$corpus/number/doc-$(printf '%s' "$v" | cksum | cut -d' ' -f1)"
done
for t in claim_file yaml date number; do
    echo "$t: $(ls "$corpus/$t" | wc -l) seeds"
done
