//! The number reader: "over 100,000", "nearly 300", "between 10 and 20",
//! "hundreds" become ranges of values, inclusive at both ends, an end `None`
//! when open. Conventions (docs/numbers.md, each pinned by a test below):
//!
//! | written                                   | reading                  |
//! |-------------------------------------------|--------------------------|
//! | `300`, `1,204,332`, `five`, `a dozen`     | exactly that             |
//! | `1.2 million`, `5bn`, `five million`     | rounded to the last digit, at most ±10%: 1,150,000 .. 1,249,999 |
//! | `over / more than / above / in excess of N` | N .. open              |
//! | `at least / no fewer than / N or more / N-plus / N+` | N .. open     |
//! | `under / less than / fewer than / below N` | open .. N               |
//! | `at most / up to / no more than N`        | open .. N                |
//! | `about / around / some / roughly / approximately / an estimated N` | N −10% .. N +10% |
//! | `nearly / almost / close to / just under N` | N −10% .. N            |
//! | `just over / just above N`                | N .. N +10%              |
//! | `between A and B`, `A to B`, `A-B`        | A .. B                   |
//! | `one hundred and twenty`, `200 000`       | exactly that             |
//! | `thirty-odd`, `100-odd`                   | 30..39, 100..199         |
//! | `10.000` (a dot before three digits)      | an error: ambiguous      |
//! | `a couple` 2..3, `a few` 2..5, `several` 3..9, `dozens` 24..99, `scores` 40..99, `hundreds` 200..999, `thousands` 2,000..9,999, `tens of thousands` 20,000..99,999, `hundreds of thousands` 200,000..999,999, `millions` 2..9.99 million |
//!
//! A strict "more than N" is read as including N: counts in the news are
//! rounded, and "over 100,000" never contradicts "100,000". Words after the
//! quantity ("over 100,000 lives") are ignored.

/// An inclusive range of values; `None` is an open end.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberReading {
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The convention applied, e.g. "more than N: N and above".
    pub rule: &'static str,
}

/// Read a number expression; an error says what was not understood.
pub fn read_number(expr: &str) -> Result<NumberReading, String> {
    let cleaned = fractions(&expr.trim().to_lowercase().replace(['\u{2013}', '\u{2014}'], "-").replace('~', "about "));
    let mut tokens = tokenize(&cleaned);
    // A label before the number it names: "magnitude 6.8", "category 4", "M6.8" (a quake's magnitude).
    if tokens.len() > 1 && LABELS.contains(&tokens[0].as_str()) {
        tokens.remove(0);
    } else if let Some(rest) = tokens.first().and_then(|t| t.strip_prefix('m')).filter(|r| is_numeric(r)) {
        tokens[0] = rest.to_string();
    }
    if tokens.is_empty() {
        return Err("the value is empty".into());
    }
    let words: Vec<&str> = tokens.iter().map(String::as_str).collect();
    if let Some(message) = ambiguous_dot(&words) {
        return Err(message);
    }
    let reading = parse(&words).ok_or_else(|| {
        // "1,200 people, including 300 children", "hundreds, possibly thousands":
        // which one is the claim's is for the person writing it to say.
        let quantities: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| is_numeric(w) || number_word(w).is_some() || QUANTITY_PLURALS.contains(w))
            .collect();
        let leading = words.first().filter(|w| matches!(**w, "up" | "down"));
        let change = leading.or_else(|| words.iter().find(|w| CHANGE_WORDS.contains(w) && !matches!(**w, "more" | "less" | "fewer")));
        if let Some(change) = change {
            return format!(
                "'{}' is a change ('{change}'): its sign is in the words, and the figure alone would agree with the \
                 opposite change; give the figure it leaves (the new level) as the value, or keep the change in the \
                 quote (docs/numbers.md, \"Not read\")",
                expr.trim()
            );
        }
        // A share, a multiple or an increment: each said for what it is, with what to write.
        let said = |set: &[&str]| words.iter().flat_map(|w| w.split('-')).find(|w| set.contains(w));
        let quantity_at = |k: usize| words.get(k).is_some_and(|w| is_numeric(w) || number_word(w).is_some());
        // "one in five", "6 out of 10".
        // ("2,000 in 24 hours" is a count in a time, not a share.)
        let time_at = |k: usize| {
            words.get(k).is_some_and(|w| {
                matches!(w.trim_end_matches('s'), "hour" | "day" | "week" | "month" | "year" | "minute" | "second")
            })
        };
        let one_in = (1..words.len()).find(|&k| {
            quantity_at(k - 1)
                && (words[k] == "in" && quantity_at(k + 1) && !time_at(k + 2)
                    || words[k] == "out" && words.get(k + 1) == Some(&"of") && quantity_at(k + 2))
        });
        if let Some(w) = said(SHARE_WORDS).or(one_in.map(|k| words[k])) {
            return format!(
                "'{}' is a share ('{w}'), not a count: write the share as a percentage ('half' as '50%', \
                 'two-thirds' as '67%') when the claim is about one, or the count it is of (docs/numbers.md, \"Not read\")",
                expr.trim()
            );
        }
        if let Some(w) = said(MULTIPLE_WORDS) {
            return format!(
                "'{}' is a multiple ('{w}'): it says how a figure changed, not the figure; give the figure it \
                 reached as the value, or keep the change in the quote (docs/numbers.md, \"Not read\")",
                expr.trim()
            );
        }
        if let Some(w) = said(INCREMENT_WORDS).filter(|_| words.iter().any(|w| is_numeric(w) || number_word(w).is_some())) {
            return format!(
                "'{}' is an increment ('{w}'): the figure is added to another, not the total; give the total the \
                 claim is about, or keep the increment in the quote (docs/numbers.md, \"Not read\")",
                expr.trim()
            );
        }
        if quantities.len() > 1 {
            return format!(
                "'{}' holds more than one number ('{}' and '{}'): a claim's value is one number or one range; \
                 keep the one the claim is about (the rest stays in the quote), or write the range the claim gives \
                 ('between 200 and 9,999')",
                expr.trim(),
                quantities[0],
                quantities[1]
            );
        }
        format!(
            "'{}' is not a number or a range (e.g. '100,000', 'over 100,000', 'about 300', 'between 10 and 20', 'hundreds')",
            expr.trim()
        )
    })?;
    if [reading.low, reading.high].into_iter().flatten().any(|n| n.abs() > LARGEST) {
        return Err(format!(
            "'{}' is larger than 9,007,199,254,740,992 (2^53), the largest count read exactly; check the value",
            expr.trim()
        ));
    }
    Ok(reading)
}

/// Words that name the scale a number is on, written before it: "magnitude
/// 6.8", "category 4", "level 3". The number is read; the word is its label.
const LABELS: &[&str] = &["magnitude", "category", "level", "grade", "class", "stage", "phase", "tier", "force"];

/// The largest number read: every whole number up to 2^53 is exact in a
/// 64-bit float, and no count in the news comes near it.
const LARGEST: f64 = 9_007_199_254_740_992.0;

/// `10.000` (one to three digits, a dot, three digits) is ten in English
/// and ten thousand in much of Europe: refused, as a decimal comma is.
/// Read as the decimal where thousands cannot be meant: after a `0`
/// (`0.125`), in a percentage (`3.125%`, `2.375 per cent`), before a scale
/// word (`1.500 million`). `1.000.000` (two dots) can only be thousands.
fn ambiguous_dot(words: &[&str]) -> Option<String> {
    words.iter().enumerate().find_map(|(i, w)| {
        let percent = w.ends_with('%')
            || matches!(words.get(i + 1), Some(&("percent" | "pct" | "%" | "percentage" | "bps" | "basis")))
            || (words.get(i + 1) == Some(&"per") && words.get(i + 2) == Some(&"cent"));
        let (int, frac) = w.split_once('.')?;
        let ambiguous = (1..=3).contains(&int.len())
            && int.bytes().all(|b| b.is_ascii_digit())
            && !int.starts_with('0')
            && frac.len() == 3
            && frac.bytes().all(|b| b.is_ascii_digit())
            && !percent
            && words.get(i + 1).is_none_or(|next| scale_word(next).is_none());
        ambiguous.then(|| {
            // The decimal, written so that it is not ambiguous: "10.000" is 10, "3.125" is "3.1250".
            let trimmed = format!("{int}.{frac}").trim_end_matches('0').trim_end_matches('.').to_string();
            let decimal = if trimmed.len() < int.len() + 4 { trimmed } else { format!("{int}.{frac}0") };
            format!(
                "'{w}' is ambiguous: {int}.{frac} with a decimal point, or {int},{frac} with a dot between the \
                 thousands (as in much of Europe); write '{decimal}' for the decimal, '{int},{frac}' for the thousands"
            )
        })
    })
}

/// "12½", "2 ½ million", "½": a vulgar fraction is its decimal, after a
/// figure ("12.5", "2.5 million") or alone ("0.5").
fn fractions(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        let decimal = match c {
            '½' => "5",
            '¼' => "25",
            '¾' => "75",
            _ => {
                out.push(c);
                continue;
            }
        };
        // "2 ½": the space between the figure and its fraction goes.
        if out.ends_with(' ') && out.trim_end().ends_with(|p: char| p.is_ascii_digit()) {
            out.truncate(out.trim_end().len());
        }
        if !out.ends_with(|p: char| p.is_ascii_digit()) {
            out.push('0');
        }
        out.push('.');
        out.push_str(decimal);
    }
    out
}

fn tokenize(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Whether the last token may take a further group of three digits.
    let mut grouping = false;
    for raw in s.split_whitespace() {
        let punct = |c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '"' | '\'');
        let word = raw.trim_matches(punct);
        // ".5bn", "$.75": a decimal written without its leading zero keeps its
        // point (trimmed as punctuation it read as 5 billion).
        let opened = raw.trim_start_matches(['(', '"', '\'', '$', '€', '£', '¥', '₹', '₽']);
        let zeroed: String;
        let word = match opened.strip_prefix('.') {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => {
                zeroed = format!("0.{}", after.trim_end_matches(punct));
                zeroed.as_str()
            }
            _ => word,
        };
        // A currency before the amount is its unit, like a noun after it: "$1.2 billion", "€500".
        let word = strip_currency(word);
        if word.is_empty() || (out.is_empty() && CURRENCY_CODES.contains(&word)) {
            grouping = false;
            continue;
        }
        // "200 000": a space between the thousands (SI, French style), groups of three
        // after a first group of one to three digits.
        let digits_only = word.bytes().all(|b| b.is_ascii_digit());
        if grouping && word.len() == 3 && digits_only {
            if let Some(last) = out.last_mut() {
                last.push_str(word);
                // A further group follows only with no punctuation between.
                grouping = raw.ends_with(|c: char| c.is_ascii_digit());
                continue;
            }
        }
        // ("100, 200" is two numbers: no group across punctuation.)
        grouping = digits_only && (1..=3).contains(&word.len()) && raw.ends_with(|c: char| c.is_ascii_digit());
        // "10-20" is a range, "100,000-plus" a lower bound, "thirty-odd" a rough
        // number, "twenty-one" one word.
        // "one-and-a-half million", "half-a-million": the words of a number
        // hyphenated together are read as written apart ("twenty-one" stays one word).
        let mut parts = word.split('-');
        if word.matches('-').count() > 1
            && parts.clone().all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
            && parts.any(|p| matches!(p, "and" | "a" | "an"))
        {
            out.extend(word.split('-').map(str::to_string));
            continue;
        }
        if let Some((a, b)) = word.split_once('-') {
            // "$2.1bn-$2.3bn": a currency on the second end too.
            let b = strip_currency(b);
            // "a 1.2 billion-dollar deal", "2.1-billion-dollar": the scale word
            // joined to the noun is still the scale (it was dropped: 1.2).
            let words_after = |b: &str| b.split('-').all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic));
            if (scale_word(a).is_some() || is_numeric(a)) && b.contains('-') && words_after(b)
                || scale_word(a).is_some() && words_after(b)
            {
                out.extend(std::iter::once(a).chain(b.split('-')).map(str::to_string));
                continue;
            }
            if !a.is_empty() && (b == "plus" || b == "odd" || (is_numeric(a) && is_numeric(b))) {
                out.push(a.to_string());
                out.push(if is_numeric(b) { "-".to_string() } else { b.to_string() });
                if is_numeric(b) {
                    out.push(b.to_string());
                }
                continue;
            }
            // "a 6.8-magnitude quake", "a 300-strong delegation", "1.2-million": the
            // number and the word it is joined to, as if written apart.
            if is_numeric(a) && !b.is_empty() && b.chars().all(char::is_alphabetic) {
                out.push(a.to_string());
                out.push(b.to_string());
                continue;
            }
        }
        // "61.4pc" (British copy): per cent, as "61.4%".
        if let Some(n) = word.strip_suffix("pc").filter(|n| is_numeric(n) && n.ends_with(|c: char| c.is_ascii_digit()))
        {
            out.push(format!("{n}%"));
            continue;
        }
        // "58 %": the sign belongs to the number before it.
        if word == "%" {
            if let Some(last) = out.last_mut().filter(|w| is_numeric(w)) {
                last.push('%');
                continue;
            }
        }
        if let Some(a) = word.strip_suffix('+') {
            out.push(a.to_string());
            out.push("plus".into());
            continue;
        }
        out.push(word.to_string());
    }
    out
}

fn is_numeric(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Currency symbols read before an amount ("$1.2 billion", "US$5m", "€500").
fn strip_currency(word: &str) -> &str {
    // "Rs500" (the rupee, in Indian copy), glued to the amount.
    if let Some(rest) = word.strip_prefix("rs").filter(|r| is_numeric(r)) {
        return rest;
    }
    let word = ["us$", "a$", "c$", "nz$", "hk$", "s$"].iter().find_map(|p| word.strip_prefix(p)).unwrap_or(word);
    let rest = word.trim_start_matches(['$', '€', '£', '¥', '₹', '₽']);
    if rest.len() < word.len() && is_numeric(rest) {
        rest
    } else {
        word
    }
}

/// The currency an amount is written in, if it names one: a symbol or code
/// before it (`$`, `US$`, `€`, `£`, `USD`, `EUR`...) or a currency word
/// after it (`dollars`, `euros`, `yen`...). `$` and "dollars" alone say
/// only "some dollar" (`$`), `¥` "yen or yuan" (`¥`); [`same_currency`]
/// tells which may be one currency. `None`: no currency named.
pub fn currency_of(expr: &str) -> Option<&'static str> {
    let lower = expr.to_lowercase();
    for raw in lower.split_whitespace() {
        let word = raw.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '"' | '\''));
        let prefixed = [("us$", "USD"), ("a$", "AUD"), ("c$", "CAD"), ("nz$", "NZD"), ("hk$", "HKD"), ("s$", "SGD")]
            .into_iter()
            .chain([("$", "$"), ("€", "EUR"), ("£", "GBP")])
            .chain([("¥", "¥"), ("₹", "INR"), ("₽", "RUB")])
            .find(|(sign, _)| word.starts_with(sign));
        if let Some((_, currency)) = prefixed {
            return Some(currency);
        }
        if word.strip_prefix("rs").is_some_and(is_numeric) {
            return Some("INR");
        }
        let named = match word {
            "usd" => "USD",
            "eur" | "euro" | "euros" => "EUR",
            "gbp" | "sterling" => "GBP",
            "jpy" | "yen" => "JPY",
            "cny" | "rmb" | "yuan" | "renminbi" => "CNY",
            "rub" | "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
            "inr" | "rs" | "rupee" | "rupees" => "INR",
            "chf" | "franc" | "francs" => "CHF",
            "cad" => "CAD",
            "aud" => "AUD",
            "nzd" => "NZD",
            "hkd" => "HKD",
            "sgd" => "SGD",
            "dollar" | "dollars" => "$",
            _ => continue,
        };
        return Some(named);
    }
    None
}

/// Whether two currencies from [`currency_of`] may be one: the same, or a
/// bare dollar (`$`) and a named one, or `¥` and the yen or the yuan.
pub fn same_currency(a: &str, b: &str) -> bool {
    let vague = |x: &str, y: &str| {
        (x == "$" && matches!(y, "USD" | "AUD" | "CAD" | "NZD" | "HKD" | "SGD"))
            || (x == "¥" && matches!(y, "JPY" | "CNY"))
    };
    a == b || vague(a, b) || vague(b, a)
}

/// Currency codes read before an amount ("USD 5 million").
const CURRENCY_CODES: &[&str] =
    &["usd", "eur", "gbp", "jpy", "cny", "rub", "inr", "chf", "cad", "aud", "nzd", "hkd", "sgd", "rs"];

fn starts(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words[..phrase.len()] == *phrase
}

fn parse(words: &[&str]) -> Option<NumberReading> {
    let reading = |low, high, rule| Some(NumberReading { low, high, rule });
    // Fillers that change nothing.
    for filler in [&["some", "of"][..], &["a", "total", "of"], &["a", "number", "of"]] {
        if starts(words, filler) && filler.len() > 1 {
            return parse(&words[filler.len()..]);
        }
    }
    // Words before a figure that change nothing: "a record 3.2 million", "only
    // 12", "just 12", "a 7.8-magnitude quake". Only before digits, so that "just
    // over 100" keeps its qualifier and "a thousand" its "a".
    for filler in [
        &["a", "record", "high", "of"][..],
        &["a", "record", "of"],
        &["a", "record"],
        &["only"],
        &["just"],
        &["a"],
        &["the"],
    ] {
        if starts(words, filler) && words.get(filler.len()).is_some_and(|w| is_numeric(w)) {
            return parse(&words[filler.len()..]);
        }
    }
    // "none", "no one", "nobody", "no deaths": zero.
    let none = match words {
        ["none" | "nobody" | "no-one" | "nil", rest @ ..] | ["no", "one", rest @ ..] => Some(rest),
        ["no", rest @ ..] if !rest.is_empty() => Some(rest),
        _ => None,
    };
    if none.is_some_and(tail_ok) {
        return reading(Some(0.0), Some(0.0), "none: zero");
    }
    if let Some(reading) = any_range(words) {
        return Some(reading);
    }
    const QUALIFIERS: &[(&[&str], Bound)] = &[
        (&["just", "over"], Bound::JustAbove),
        (&["just", "above"], Bound::JustAbove),
        (&["just", "under"], Bound::Nearly),
        (&["just", "below"], Bound::Nearly),
        (&["more", "than"], Bound::AtLeast),
        (&["in", "excess", "of"], Bound::AtLeast),
        (&["upwards", "of"], Bound::AtLeast),
        (&["upward", "of"], Bound::AtLeast),
        (&["well", "over"], Bound::AtLeast),
        (&["well", "above"], Bound::AtLeast),
        (&["well", "in", "excess", "of"], Bound::AtLeast),
        (&["slightly", "more", "than"], Bound::JustAbove),
        (&["slightly", "over"], Bound::JustAbove),
        (&["slightly", "above"], Bound::JustAbove),
        (&["a", "little", "more", "than"], Bound::JustAbove),
        (&["a", "little", "over"], Bound::JustAbove),
        (&["a", "bit", "more", "than"], Bound::JustAbove),
        (&["a", "bit", "over"], Bound::JustAbove),
        (&["slightly", "less", "than"], Bound::Nearly),
        (&["slightly", "fewer", "than"], Bound::Nearly),
        (&["slightly", "under"], Bound::Nearly),
        (&["a", "little", "less", "than"], Bound::Nearly),
        (&["a", "little", "under"], Bound::Nearly),
        (&["just", "short", "of"], Bound::Nearly),
        (&["well", "under"], Bound::AtMost),
        (&["well", "below"], Bound::AtMost),
        (&["at", "least"], Bound::AtLeast),
        (&["no", "fewer", "than"], Bound::AtLeast),
        (&["no", "less", "than"], Bound::AtLeast),
        (&["a", "minimum", "of"], Bound::AtLeast),
        (&["over"], Bound::AtLeast),
        (&["above"], Bound::AtLeast),
        (&["exceeding"], Bound::AtLeast),
        (&["less", "than"], Bound::AtMost),
        (&["fewer", "than"], Bound::AtMost),
        (&["at", "most"], Bound::AtMost),
        (&["up", "to"], Bound::AtMost),
        (&["no", "more", "than"], Bound::AtMost),
        (&["not", "more", "than"], Bound::AtMost),
        (&["not", "over"], Bound::AtMost),
        (&["not", "less", "than"], Bound::AtLeast),
        (&["not", "fewer", "than"], Bound::AtLeast),
        (&["not", "under"], Bound::AtLeast),
        (&["a", "maximum", "of"], Bound::AtMost),
        (&["under"], Bound::AtMost),
        (&["below"], Bound::AtMost),
        (&["an", "estimated"], Bound::About),
        (&["approximately"], Bound::About),
        (&["about"], Bound::About),
        (&["around"], Bound::About),
        (&["roughly"], Bound::About),
        (&["some"], Bound::About),
        (&["circa"], Bound::About),
        (&["approx"], Bound::About),
        (&["c"], Bound::About),
        (&["ca"], Bound::About),
        (&["est"], Bound::About),
        (&["estimated"], Bound::About),
        (&["nearly"], Bound::Nearly),
        (&["almost"], Bound::Nearly),
        (&["close", "to"], Bound::Nearly),
        (&["near"], Bound::Nearly),
        (&["as", "many", "as"], Bound::AtMost),
        (&["as", "much", "as"], Bound::AtMost),
    ];
    for (phrase, bound) in QUALIFIERS {
        if starts(words, phrase) {
            let rest = &words[phrase.len()..];
            if let Some(r) = vague(rest) {
                // "over a dozen", "nearly hundreds": the bound applies to the vague range's low end.
                return bounded(*bound, r.low.unwrap_or(0.0), r.low, r.high);
            }
            // "about 1,500 to 2,000": the qualifier widens the range.
            if let Some(r) = any_range(rest) {
                return bounded(*bound, r.low.unwrap_or(0.0), r.low, r.high);
            }
            let (n, used) = quantity(rest)?;
            return bounded(*bound, n, Some(n), Some(n)).filter(|_| tail_ok(&rest[used..]));
        }
    }
    if let Some(r) = vague(words) {
        return Some(r);
    }
    let (n, used) = quantity(words)?;
    let rest = &words[used..];
    if starts(rest, &["or", "more"]) || starts(rest, &["plus"]) || starts(rest, &["and", "more"]) {
        return reading(Some(n), None, "N or more: N and above");
    }
    if starts(rest, &["or", "fewer"]) || starts(rest, &["or", "less"]) {
        return reading(None, Some(n), "N or fewer: up to N");
    }
    if starts(rest, &["or", "so"]) && tail_ok(&rest[2..]) {
        return bounded(Bound::About, n, Some(n), Some(n));
    }
    // "thirty-odd", "100-odd": N up to the next step of its last figure
    // (30 .. 39, 100 .. 199).
    if starts(rest, &["odd"]) && tail_ok(&rest[1..]) && n >= 10.0 && n.fract() == 0.0 {
        let mut place = 1.0;
        while n % (place * 10.0) == 0.0 {
            place *= 10.0;
        }
        if place > 1.0 {
            return reading(Some(n), Some(n + place - 1.0), "N-odd: N up to the next step of its last figure");
        }
    }
    if !tail_ok(rest) {
        return None;
    }
    Some(match rounding_step(&words[..used], n) {
        Some(step) => rounded(n, step),
        None => NumberReading { low: Some(n), high: Some(n), rule: "exact number" },
    })
}

/// The step a figure written with a scale word of a thousand or more was
/// rounded to: the place of its last significant digit times the scale.
/// With a decimal point every digit written counts (`1.2 million`:
/// 100,000; `1.20 million`: 10,000; `1.25m`: 10,000); without one, trailing
/// zeros are not significant, as in any round figure (`5bn`: a billion;
/// `150k`: 10,000; `£300m`: 100 million, so "about" caps it). In words,
/// the same on the value (`five million`: a million; `four hundred and
/// fifty thousand`: 10,000), and a half or a quarter of the scale for
/// `and a half`, `half a`, `a quarter of a`. `None` for a figure without
/// such a scale word (`1,204,332`, `300`, `5%`) or one whose last word is
/// not the scale (`a thousand and one`): those are read as written.
fn rounding_step(words: &[&str], n: f64) -> Option<f64> {
    let (&first, &last) = (words.first()?, words.last()?);
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        let (digits, glued) = glued_scale(first)?;
        let scale = glued * words[1..].iter().filter_map(|w| scale_word(w)).product::<f64>();
        if scale < 1000.0 {
            return None;
        }
        // "1.000.000" has dots between thousands, not a decimal part.
        return match digits.split_once('.') {
            Some((_, frac)) if !frac.contains('.') => Some(scale / 10f64.powi(i32::try_from(frac.len()).ok()?)),
            _ => Some(scale * zeros_place(n / scale)),
        };
    }
    let fraction = if words.contains(&"half") {
        2.0
    } else if words.iter().any(|w| matches!(*w, "quarter" | "quarters")) {
        4.0
    } else {
        1.0
    };
    // The scale word the figure ends on ("a million and a half" ends on its "half").
    let scale = if last == "half" && fraction == 2.0 && first != "half" {
        words.iter().rev().find_map(|w| long_scale(w))?
    } else {
        long_scale(last)?
    };
    if fraction > 1.0 {
        return Some(scale / fraction);
    }
    Some(zeros_place(n))
}

/// The place of the last non-zero digit of a whole number (`300`: 100;
/// `150`: 10; `7`: 1); 1 for a number that is not whole.
fn zeros_place(x: f64) -> f64 {
    let mut place = 1.0;
    if x.fract() != 0.0 || x < 1.0 {
        return place;
    }
    while place < 1e15 && (x / (place * 10.0)).fract() == 0.0 {
        place *= 10.0;
    }
    place
}

/// A figure rounded to `step`: the values that round to it (half a step
/// either side, the upper end left out, as 1.25 million rounds up to 1.3
/// million), but never looser than "about N" (N -10% to N +10%): `2
/// million` is not read as 1.5 to 2.5 million.
fn rounded(n: f64, step: f64) -> NumberReading {
    let half = step / 2.0;
    if half <= n / 10.0 {
        // Whole numbers (a step of ten or more): the upper end is the last whole
        // number below n + half, and both ends are whole ("4.35m" is 4349999.99...
        // in floating point).
        let (low, high) =
            if step >= 10.0 { ((n - half).round(), (n + half).round() - 1.0) } else { (n - half, n + half) };
        NumberReading {
            low: Some(low),
            high: Some(high),
            rule:
                "a figure with a scale word: rounded to its last digit (N - half a step to just under N + half a step)",
        }
    } else {
        NumberReading {
            low: Some(minus_10(n)),
            high: Some(plus_10(n)),
            rule: "a round figure with a scale word: rounded, but no looser than about N (N -10% to N +10%)",
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Bound {
    AtLeast,
    AtMost,
    About,
    Nearly,
    JustAbove,
}

fn bounded(bound: Bound, n: f64, low: Option<f64>, high: Option<f64>) -> Option<NumberReading> {
    let (low, high, rule) = match bound {
        Bound::AtLeast => (low, None, "more than / at least N: N and above"),
        Bound::AtMost => (None, high, "less than / at most N: up to N"),
        Bound::About => (Some(minus_10(n)), Some(plus_10(high.unwrap_or(n))), "about N: N -10% to N +10%"),
        Bound::Nearly => (Some(minus_10(n)), high, "nearly N: N -10% to N"),
        Bound::JustAbove => (low, Some(plus_10(high.unwrap_or(n))), "just over N: N to N +10%"),
    };
    Some(NumberReading { low, high, rule })
}

/// N -10% and N +10%, computed as N * 9 / 10 and N * 11 / 10 so that round numbers stay
/// round (1.1 * 1,500,000 is 1650000.0000000002 in floating point).
fn minus_10(n: f64) -> f64 {
    n * 9.0 / 10.0
}

fn plus_10(n: f64) -> f64 {
    n * 11.0 / 10.0
}

/// Words that multiply a quantity: never its noun.
fn multiplier(w: &str) -> Option<f64> {
    match w {
        "dozen" => Some(12.0),
        "hundred" | "thousand" | "million" | "millions" | "billion" | "trillion" | "quadrillion" | "quintillion" => {
            scale_word(w)
        }
        _ => None,
    }
}

/// Words that look like a scale after a quantity but are not read as one:
/// plurals ("5 thousands"), and abbreviations whose scale depends on the
/// language ("5 mil" is a million in English copy, a thousand in Spanish;
/// "5 Mrd" is a German billion). An error, not a noun: "several thousands"
/// is not "several" of something called "thousands".
const NOT_A_NOUN: &[&str] = &[
    "hundreds",
    "thousands",
    "billions",
    "trillions",
    "dozens",
    "mil",
    "mill",
    "mio",
    "mrd",
    "bil",
    "bill",
    "lac",
    "lacs",
    "cr",
    "thou",
];

/// Words that make a figure a change ("a 3% rise", "down 3.2%"): its sign is
/// in them, so the figure alone would agree with its opposite. Not read.
const CHANGE_WORDS: &[&str] = &[
    "rise",
    "rises",
    "fall",
    "falls",
    "drop",
    "drops",
    "increase",
    "increases",
    "decrease",
    "decreases",
    "gain",
    "gains",
    "loss",
    "losses",
    "decline",
    "declines",
    "jump",
    "jumps",
    "plunge",
    "plunges",
    "higher",
    "lower",
    "more",
    "less",
    "fewer",
];

/// Words of a share of a whole ("two-thirds", "nearly half", "one in five"):
/// not a count (docs/numbers.md, "Not read").
const SHARE_WORDS: &[&str] = &[
    "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "majority",
    "minority",
];

/// Words of a multiple: "doubled", "more than doubled", "twice as many".
const MULTIPLE_WORDS: &[&str] =
    &["doubled", "tripled", "trebled", "quadrupled", "halved", "twice", "thrice", "double", "triple", "fold"];

/// Words of an increment: "a further 300", "another 20", "an additional 500".
const INCREMENT_WORDS: &[&str] = &["further", "another", "additional", "extra"];

/// Scale words past a quintillion, and made-up ones: a figure before one is
/// not read (an error), never taken for a figure whose noun it is.
const SCALES_NOT_READ: &[&str] = &[
    "sextillion",
    "septillion",
    "octillion",
    "nonillion",
    "decillion",
    "vigintillion",
    "googol",
    "zillion",
    "gazillion",
    "bazillion",
    "bajillion",
    "kajillion",
    "jillion",
    "squillion",
];

/// Plural quantity words, a second quantity wherever they stand after the
/// first ("hundreds, possibly thousands"): never a noun.
const QUANTITY_PLURALS: &[&str] = &["hundreds", "thousands", "millions", "billions", "trillions"];

/// Words after a quantity are its noun ("100,000 lives", "300 people killed").
/// The word right after the quantity must not be one that would change it
/// ("5 bln", "thirty odd", "a hundred and a half", "5 thousands"); further
/// words are the noun's ("40 workers at the mill", "half of them children").
fn tail_ok(rest: &[&str]) -> bool {
    // ("3 sextillion", "a zillion": a scale not read is no noun; "2,000 Carillion workers" is one.)
    let first_ok = rest.first().is_none_or(|w| {
        scale_word(w).is_none()
            && !matches!(*w, "odd" | "half" | "quarter" | "quarters")
            && !NOT_A_NOUN.contains(w)
            && !SCALES_NOT_READ.contains(&w.trim_end_matches('s'))
    });
    first_ok
        && rest.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && number_word(w).is_none()
                && multiplier(w).is_none()
                && !QUANTITY_PLURALS.contains(w)
                && !CHANGE_WORDS.contains(w)
        })
}

/// Ranges: "between A and B", "from A to B", "from A - B", "A to B", "A - B".
/// A bare "A and B" is not a range ("twenty and two").
fn any_range(words: &[&str]) -> Option<NumberReading> {
    for (open, sep) in [("between", "and"), ("from", "to"), ("from", "-")] {
        if words.first() == Some(&open) {
            if let Some(reading) = range(&words[1..], sep) {
                return Some(reading);
            }
        }
    }
    ["to", "-"].iter().find_map(|sep| range(words, sep)).or_else(|| {
        // "five or six", "12 or 13", "two or three hundred": alternatives, read as
        // the range that holds both, written low first ("a hundred or two" is none).
        let at = words.iter().position(|w| *w == "or")?;
        let (first, _) = quantity(&words[..at])?;
        let (second, _) = quantity(&words[at + 1..])?;
        let r = range(words, "or").filter(|_| first < second)?;
        Some(NumberReading { rule: "alternatives: A or B = A to B", ..r })
    })
}

/// `words` as a range "A sep B", at the first `sep` where both sides are
/// whole quantities: "between one hundred and twenty and two hundred" is
/// 120 .. 200 (at the first "and", "twenty and two hundred" is no
/// quantity), "between nine hundred and one thousand" 900 .. 1,000.
fn range(words: &[&str], sep: &str) -> Option<NumberReading> {
    (0..words.len()).filter(|&at| words[at] == sep).find_map(|at| range_at(words, at))
}

fn range_at(words: &[&str], at: usize) -> Option<NumberReading> {
    let (a, used_a) = quantity(&words[..at])?;
    if used_a != at {
        return None;
    }
    let (b, used_b) = quantity(&words[at + 1..])?;
    if !tail_ok(&words[at + 1 + used_b..]) {
        return None;
    }
    // "10 to 20 million", "two or three hundred": the scale of the second end
    // applies to the first, when the first has none and is below it.
    // ("2-3bn", "$1-2m": a scale glued to the second end is its scale too.)
    let glued = |w: &str| glued_scale(w).map_or(1.0, |(_, s)| s);
    let scale = scale_of(&words[at + 1..at + 1 + used_b]) * glued(words[at + 1]);
    let a = if scale > 1.0 && scale_of(&words[..at]) == 1.0 && glued(words[at - 1]) == 1.0 && a < b / scale {
        a * scale
    } else if words[at] == "-"
        && used_a == 1
        && words[at - 1].len() >= 2
        && words[at - 1].bytes().all(|c| c.is_ascii_digit())
        && a < 1000.0
        && b % 1000.0 == 0.0
        && words[at + 1].ends_with(",000")
        && a * 1000.0 <= b
        && b <= a * 10_000.0
    {
        // "300-400,000" (crowd estimates): the thousands of the second end apply
        // to the first, 300,000 to 400,000; "300-4,000" stays 300 to 4,000.
        a * 1000.0
    } else {
        a
    };
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    Some(NumberReading { low: Some(low), high: Some(high), rule: "range: A to B" })
}

fn scale_of(words: &[&str]) -> f64 {
    words.iter().filter_map(|w| scale_word(w)).product()
}

fn vague(words: &[&str]) -> Option<NumberReading> {
    const VAGUE: &[(&[&str], f64, f64)] = &[
        (&["hundreds", "of", "thousands"], 200_000.0, 999_999.0),
        (&["tens", "of", "thousands"], 20_000.0, 99_999.0),
        (&["tens", "of", "millions"], 20_000_000.0, 99_999_999.0),
        (&["hundreds", "of", "millions"], 200_000_000.0, 999_999_999.0),
        (&["tens", "of", "billions"], 20_000_000_000.0, 99_999_999_999.0),
        (&["hundreds", "of", "billions"], 200_000_000_000.0, 999_999_999_999.0),
        (&["a", "couple", "of"], 2.0, 3.0),
        (&["a", "couple"], 2.0, 3.0),
        (&["a", "few"], 2.0, 5.0),
        (&["a", "handful", "of"], 2.0, 5.0),
        (&["a", "handful"], 2.0, 5.0),
        (&["several"], 3.0, 9.0),
        (&["dozens"], 24.0, 99.0),
        (&["scores"], 40.0, 99.0),
        (&["many", "hundreds", "of", "thousands"], 200_000.0, 999_999.0),
        (&["many", "thousands", "of"], 2_000.0, 9_999.0),
        (&["many", "hundreds", "of"], 200.0, 999.0),
        (&["many", "thousands"], 2_000.0, 9_999.0),
        (&["many", "hundreds"], 200.0, 999.0),
        (&["many", "dozens"], 24.0, 99.0),
        (&["hundreds"], 200.0, 999.0),
        (&["thousands"], 2_000.0, 9_999.0),
        (&["millions"], 2_000_000.0, 9_999_999.0),
        (&["billions"], 2_000_000_000.0, 9_999_999_999.0),
    ];
    for (phrase, low, high) in VAGUE {
        if !starts(words, phrase) {
            continue;
        }
        // "several hundred", "a few thousand", "a few dozen": the range times the scale.
        let mut rest = &words[phrase.len()..];
        let mut scale = 1.0;
        while let Some(m) = rest.first().and_then(|w| multiplier(w)) {
            scale *= m;
            rest = &rest[1..];
        }
        if tail_ok(rest) {
            let rule = if scale > 1.0 { "vague quantity word times its scale" } else { "vague quantity word" };
            return Some(NumberReading { low: Some(low * scale), high: Some(high * scale), rule });
        }
    }
    None
}

/// A quantity at the start of `words`: digits or number words, with a scale.
/// Returns the value and how many words it used.
fn quantity(words: &[&str]) -> Option<(f64, usize)> {
    let first = *words.first()?;
    let (mut value, mut used) = if let Some(n) = digits(first) {
        (n, 1)
    } else if first == "half" && matches!(words.get(1), Some(&"a" | &"an")) {
        // "half a million"
        (0.5 * words.get(2).and_then(|w| scale_word(w).or_else(|| (*w == "dozen").then_some(12.0)))?, 3)
    } else if let Some(fraction) = quarters(words) {
        // "a quarter of a million", "three quarters of a billion"
        fraction
    } else {
        return spelled(words);
    };
    while let Some(scale) = words.get(used).and_then(|w| scale_word(w)) {
        value *= scale;
        used += 1;
    }
    Some((value, used))
}

/// A number written in words: "one hundred and twenty", "a thousand and
/// one", "four hundred and fifty thousand", "one and a half million".
/// "and" joins only after a scale word ("twenty and two" is not 22), and
/// "and a half" only after a number word.
fn spelled(words: &[&str]) -> Option<(f64, usize)> {
    let (mut total, mut current, mut used) = (0.0, 0.0, 0);
    // "a hundred", "a thousand and one": "a" is one before a scale word.
    if matches!(words.first(), Some(&"a" | &"an")) {
        if !words.get(1).is_some_and(|w| long_scale(w).is_some() || *w == "hundred" || *w == "dozen") {
            return None;
        }
        (current, used) = (1.0, 1);
    }
    // The scale word just read (100 for "hundred"), if the last word was one.
    let mut last_scale: Option<f64> = None;
    // What the last scale of a thousand or more added to the total.
    let mut last_group = 0.0;
    while let Some(w) = words.get(used) {
        let mut step = 1;
        let mut scale = None;
        if let Some(n) = number_word(w) {
            current += n;
        } else if *w == "hundred" && used > 0 {
            current *= 100.0;
            scale = Some(100.0);
        } else if *w == "dozen" && used > 0 {
            current *= 12.0;
            scale = Some(12.0);
        } else if let Some(m) = long_scale(w).filter(|_| used > 0) {
            if last_scale.is_some_and(|p| p >= 1000.0) && current == 0.0 {
                // Scales in a row multiply: "a million billion", "seven thousand thousand".
                total += last_group * (m - 1.0);
                last_group *= m;
            } else {
                last_group = current * m;
                total += last_group;
            }
            current = 0.0;
            scale = Some(m);
        } else if *w == "and" && last_scale.is_some_and(|m| joins_after(m, &words[used + 1..])) {
            // "one hundred and five", "a thousand and one"; not "two hundred
            // and three hundred", where "and" joins two numbers.
        } else if *w == "and" && used > 0 && words.get(used + 1) == Some(&"a") && words.get(used + 2) == Some(&"half") {
            // "one and a half million"; after a scale word, half of it:
            // "a million and a half", "a dozen and a half".
            match last_scale {
                None => current += 0.5,
                Some(m) if m >= 1000.0 => total += 0.5 * m,
                Some(m) => current += 0.5 * m,
            }
            step = 3;
        } else {
            break;
        }
        last_scale = scale;
        used += step;
    }
    (used > 0).then_some((total + current, used))
}

/// Whether an "and" after the scale word `m` continues the number with the
/// number words after it (`words`), or joins two numbers. After "hundred"
/// (or "dozen") it continues with less than a hundred: "one hundred and
/// five", "four hundred and fifty thousand" (the thousand scales the whole
/// group), not "two hundred and three hundred". After a thousand or more it
/// continues with a smaller part: "a thousand and one", "one million and two
/// hundred thousand", not "one thousand and two thousand".
fn joins_after(m: f64, words: &[&str]) -> bool {
    let mut value = 0.0;
    let mut used = 0;
    while let Some(n) = words.get(used).and_then(|w| number_word(w)) {
        value += n;
        used += 1;
    }
    if used == 0 {
        return false;
    }
    let hundred = words.get(used) == Some(&"hundred");
    if m < 1000.0 {
        return !hundred && value < 100.0;
    }
    if hundred {
        value *= 100.0;
        used += 1;
    }
    value < m && words.get(used).and_then(|w| long_scale(w)).is_none_or(|next| next < m)
}

/// A scale word of a thousand or more, as words write it ("thousand",
/// "million", "bn"; not the one-letter "k", "m", "b", which follow digits).
fn long_scale(w: &str) -> Option<f64> {
    scale_word(w).filter(|&m| m >= 1000.0 && w.len() > 1)
}

/// "a quarter of a million", "three quarters of a billion": the fraction
/// times the scale, and the words used.
fn quarters(words: &[&str]) -> Option<(f64, usize)> {
    let count = match *words.first()? {
        "a" | "an" | "one" => 1.0,
        w => number_word(w).filter(|&n| (1.0..=3.0).contains(&n))?,
    };
    match words.get(1..5)? {
        [q, "of", "a" | "an", scale] if (*q == "quarter" || *q == "quarters") => {
            Some((count / 4.0 * long_scale(scale).or_else(|| (*scale == "hundred").then_some(100.0))?, 5))
        }
        _ => None,
    }
}

/// A figure written in digits, cut into its digits and the scale glued to
/// them (`1.2m`: "1.2" and a million; `58%`: "58" and 1); `None` when the
/// letters glued on are no scale word.
fn glued_scale(word: &str) -> Option<(&str, f64)> {
    let word = word.trim_end_matches('%');
    match word.find(|c: char| c.is_alphabetic()) {
        Some(i) => Some((&word[..i], scale_word(&word[i..])?)),
        None => Some((word, 1.0)),
    }
}

fn digits(word: &str) -> Option<f64> {
    let (num, suffix_scale) = glued_scale(word)?;
    if num.is_empty() || !num.chars().next()?.is_ascii_digit() {
        return None;
    }
    // "1.000.000": dots between groups of three can only be thousands.
    let dotted: String;
    let num = if num.matches('.').count() > 1 && !num.contains(',') {
        let groups: Vec<&str> = num.split('.').collect();
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        dotted = groups.concat();
        dotted.as_str()
    } else {
        num
    };
    // Thousands separators: "100,000" (commas in groups of three).
    let mut parts = num.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    let western = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    // "1,50,000", "1,00,00,000" (Indian copy: lakhs and crores): the last
    // group of three, those before it of two. No Western figure is written so.
    let indian = groups.len() > 2
        && groups[0].len() <= 2
        && groups[groups.len() - 1].len() == 3
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
    if groups.len() > 1 && (groups[0].is_empty() || !(western || indian)) {
        return None;
    }
    let int: String = groups.concat();
    if !int.chars().all(|c| c.is_ascii_digit()) || frac.is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    // Past 2^53 a float rounds: 9,007,199,254,740,993 would read as ...992,
    // inside the limit. The digits as written decide whether it is past it.
    let past = |whole: u128| {
        whole > LARGEST as u128 || (whole == LARGEST as u128 && frac.is_some_and(|f| f.bytes().any(|b| b != b'0')))
    };
    if int.trim_start_matches('0').len() >= 16 && int.parse::<u128>().is_ok_and(past) {
        return Some(f64::MAX);
    }
    let text = match frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    };
    let n: f64 = text.parse().ok()?;
    n.is_finite().then_some(n * suffix_scale)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" | "k" => 1_000.0,
        "lakh" | "lakhs" => 100_000.0,
        "million" | "millions" | "m" | "mn" | "mln" => 1_000_000.0,
        "crore" | "crores" => 10_000_000.0,
        "billion" | "bn" | "b" | "bln" => 1_000_000_000.0,
        "trillion" | "tn" | "trn" | "trln" => 1_000_000_000_000.0,
        "quadrillion" => 1e15,
        "quintillion" => 1e18,
        _ => return None,
    })
}

fn number_word(w: &str) -> Option<f64> {
    const ONES: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    let (tens, ones) = w.split_once('-')?;
    let t = TENS.iter().position(|t| *t == tens)?;
    let o = ONES[1..10].iter().position(|o| *o == ones)?;
    Some(20.0 + 10.0 * t as f64 + 1.0 + o as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> (Option<f64>, Option<f64>) {
        let n = read_number(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (n.low, n.high)
    }

    /// The reading of a figure `n` written with a scale word and rounded to `step`.
    fn fig(n: f64, step: f64) -> (Option<f64>, Option<f64>) {
        let x = rounded(n, step);
        (x.low, x.high)
    }

    #[test]
    fn figures_with_a_scale_word_are_rounded_to_their_last_digit() {
        // Half a step either side, the upper end left out (1.25 million rounds up to 1.3 million).
        assert_eq!(r("1.2 million"), (Some(1_150_000.0), Some(1_249_999.0)));
        assert_eq!(r("1.9m"), (Some(1_850_000.0), Some(1_949_999.0)));
        assert_eq!(r("1.25bn"), (Some(1_245_000_000.0), Some(1_254_999_999.0)));
        assert_eq!(r("5 million"), (Some(4_500_000.0), Some(5_499_999.0)));
        assert_eq!(r("12k"), (Some(11_500.0), Some(12_499.0)));
        assert_eq!(r("4.35m"), (Some(4_345_000.0), Some(4_354_999.0)));
        assert_eq!(r("8.15 billion"), (Some(8_145_000_000.0), Some(8_154_999_999.0)));
        assert_eq!(r("five million"), (Some(4_500_000.0), Some(5_499_999.0)));
        assert_eq!(r("one hundred thousand"), (Some(90_000.0), Some(110_000.0)));
        // Trailing zeros are not significant without a decimal point; with one, every digit is.
        assert_eq!(r("150k"), (Some(145_000.0), Some(154_999.0)));
        assert_eq!(r("1.20 million"), (Some(1_195_000.0), Some(1_204_999.0)));
        assert_eq!(r("£300m"), (Some(270_000_000.0), Some(330_000_000.0)));
        // Never looser than "about N": a one-digit figure is N -10% .. N +10%.
        assert_eq!(r("2 million"), (Some(1_800_000.0), Some(2_200_000.0)));
        assert_eq!(r("a million"), (Some(900_000.0), Some(1_100_000.0)));
        assert_eq!(r("half a million"), (Some(450_000.0), Some(550_000.0)));
        // Rounded figures one step apart stay apart; a figure holds the exact count it rounds.
        let (a, b) = (r("1.2 million"), r("1.3 million"));
        assert!(a.1 < b.0, "{a:?} {b:?}");
        let (a, b) = (r("5 million"), r("6 million"));
        assert!(a.1 < b.0, "{a:?} {b:?}");
        let held = r("1.2 million");
        assert!(held.0 <= Some(1_204_332.0) && Some(1_204_332.0) <= held.1);
        // Without a scale word of a thousand or more, a figure is read as written.
        assert_eq!(r("1,200,000"), (Some(1_200_000.0), Some(1_200_000.0)));
        assert_eq!(r("1,204,332"), (Some(1_204_332.0), Some(1_204_332.0)));
        assert_eq!(r("three hundred"), (Some(300.0), Some(300.0)));
        assert_eq!(r("a thousand and one"), (Some(1_001.0), Some(1_001.0)));
        assert_eq!(r("61.4%"), (Some(61.4), Some(61.4)));
        // A qualifier or a range reads the figure as written.
        assert_eq!(r("about 1.2 million"), (Some(1_080_000.0), Some(1_320_000.0)));
        assert_eq!(r("over 1.2 million"), (Some(1_200_000.0), None));
        assert_eq!(r("1 to 2 million"), (Some(1_000_000.0), Some(2_000_000.0)));
    }

    #[test]
    fn exact_numbers() {
        assert_eq!(r("300"), (Some(300.0), Some(300.0)));
        assert_eq!(r("100,000"), (Some(100_000.0), Some(100_000.0)));
        assert_eq!(r("1,500,000"), (Some(1_500_000.0), Some(1_500_000.0)));
        assert_eq!(r("five"), (Some(5.0), Some(5.0)));
        assert_eq!(r("twenty-one"), (Some(21.0), Some(21.0)));
        assert_eq!(r("a dozen"), (Some(12.0), Some(12.0)));
        assert_eq!(r("one hundred and twenty"), (Some(120.0), Some(120.0)));
        assert_eq!(r("2,268 resolutions"), (Some(2268.0), Some(2268.0)));
    }

    #[test]
    fn forms_from_news_copy() {
        // Words before a figure that change nothing.
        assert_eq!(r("a record 3.2 million"), (Some(3_150_000.0), Some(3_249_999.0)));
        assert_eq!(r("a record high of 41"), (Some(41.0), Some(41.0)));
        assert_eq!(r("only 12"), (Some(12.0), Some(12.0)));
        assert_eq!(r("just 12"), (Some(12.0), Some(12.0)));
        assert_eq!(r("just over 100"), (Some(100.0), Some(110.0)), "a qualifier stays one");
        assert_eq!(r("a 7.8-magnitude quake"), (Some(7.8), Some(7.8)));
        assert_eq!(r("a thousand"), fig(1_000.0, 1_000.0));
        // Alternatives: the range that holds both.
        assert_eq!(r("five or six"), (Some(5.0), Some(6.0)));
        assert_eq!(r("two or three hundred"), (Some(200.0), Some(300.0)));
        assert!(read_number("a hundred or two").is_err());
        // Nouns that look like quantity words stay nouns.
        assert_eq!(r("500 test scores"), (Some(500.0), Some(500.0)));
        assert_eq!(r("300 people turned up"), (Some(300.0), Some(300.0)));
        assert!(read_number("down 3.2%").unwrap_err().contains("is a change ('down')"));
        assert!(read_number("a 3% rise").unwrap_err().contains("is a change ('rise')"));
        // The thousands carry only across a hyphen, from a left end of two or three digits.
        assert_eq!(r("between 1 and 5,000"), (Some(1.0), Some(5_000.0)));
        assert_eq!(r("2 to 3,000 people"), (Some(2.0), Some(3_000.0)));
        assert_eq!(r("1-10,000"), (Some(1.0), Some(10_000.0)));
        assert_eq!(r("12 or 13 people"), (Some(12.0), Some(13.0)));
        assert_eq!(r("one or two"), (Some(1.0), Some(2.0)));
        assert_eq!(r("5 or more"), (Some(5.0), None));
        assert_eq!(r("half a dozen"), (Some(6.0), Some(6.0)));
        // The rupee before an amount.
        assert_eq!(r("Rs 500 crore"), (Some(4_500_000_000.0), Some(5_499_999_999.0)));
        assert_eq!(r("Rs500"), (Some(500.0), Some(500.0)));
        assert_eq!(currency_of("Rs 500 crore"), Some("INR"));
        assert_eq!(currency_of("Rs500"), Some("INR"));
        // "300-400,000": the thousands of the second end apply to the first.
        assert_eq!(r("300-400,000"), (Some(300_000.0), Some(400_000.0)));
        assert_eq!(r("10-15,000"), (Some(10_000.0), Some(15_000.0)));
        assert_eq!(r("300-4,000"), (Some(300.0), Some(4_000.0)));
        assert_eq!(r("300-400"), (Some(300.0), Some(400.0)));
        // Two numbers, or two quantity words: which one is the claim's is not guessed.
        for two in ["1,200 people, including 300 children", "hundreds, possibly thousands", "nearly 2,000 in 24 hours"]
        {
            let e = read_number(two).unwrap_err();
            assert!(e.contains("holds more than one number"), "{two}: {e}");
        }
    }

    /// docs/numbers.md, "Not read, and why".
    #[test]
    fn shares_changes_increments_and_digit_plurals_are_not_read() {
        for unread in [
            "two-thirds",
            "half",
            "a third of",
            "one in five",
            "6 out of 10",
            "-2.3%",
            "down 3.2%",
            "a 3% rise",
            "a further 300",
            "another 20",
            "3% higher",
            "1,000 more troops",
            "an additional 500",
            "100s",
        ] {
            assert!(read_number(unread).is_err(), "{unread}: {:?}", read_number(unread));
        }
    }

    #[test]
    fn lower_bounds_include_n() {
        assert_eq!(r("over 100,000"), (Some(100_000.0), None));
        assert_eq!(r("more than 1,000"), (Some(1000.0), None));
        assert_eq!(r("at least five"), (Some(5.0), None));
        assert_eq!(r("100,000-plus"), (Some(100_000.0), None));
        assert_eq!(r("100,000+"), (Some(100_000.0), None));
        assert_eq!(r("over 100,000 lives"), (Some(100_000.0), None));
    }

    #[test]
    fn the_currency_an_amount_names() {
        assert_eq!(currency_of("€50 million"), Some("EUR"));
        assert_eq!(currency_of("$50 million"), Some("$"));
        assert_eq!(currency_of("US$5m"), Some("USD"));
        assert_eq!(currency_of("USD 5 million"), Some("USD"));
        assert_eq!(currency_of("50 million euros"), Some("EUR"));
        assert_eq!(currency_of("about 320 mln dollars"), Some("$"));
        assert_eq!(currency_of("£2bn"), Some("GBP"));
        assert_eq!(currency_of("300 tanks"), None);
        assert_eq!(currency_of("over 100,000"), None);
        assert!(same_currency("$", "USD") && same_currency("CAD", "$") && same_currency("¥", "JPY"));
        assert!(!same_currency("EUR", "$") && !same_currency("USD", "CAD") && !same_currency("JPY", "CNY"));
    }

    /// A label before a number: the number ("magnitude 6.8", "M6.8", "category 4").
    #[test]
    fn a_label_before_the_number() {
        assert_eq!(r("magnitude 6.8"), (Some(6.8), Some(6.8)));
        assert_eq!(r("M6.8"), (Some(6.8), Some(6.8)));
        assert_eq!(r("category 4"), (Some(4.0), Some(4.0)));
        assert_eq!(r("magnitude about 7"), r("about 7"));
        // A label alone, or "m" after the number (a million), is not this.
        assert!(read_number("magnitude").is_err());
        assert_eq!(r("6.8m"), fig(6_800_000.0, 100_000.0));
    }

    /// A number joined to its noun by a hyphen is read as if written apart.
    #[test]
    fn a_number_hyphenated_to_its_noun() {
        assert_eq!(r("6.8-magnitude"), (Some(6.8), Some(6.8)));
        assert_eq!(r("6.8-magnitude quake"), (Some(6.8), Some(6.8)));
        assert_eq!(r("300-strong"), (Some(300.0), Some(300.0)));
        assert_eq!(r("1.2-million"), fig(1_200_000.0, 100_000.0));
        assert_eq!(r("about 300-strong"), r("about 300 strong"));
        // Still a range, a lower bound, a rough number, one word.
        assert_eq!(r("10-20"), (Some(10.0), Some(20.0)));
        assert_eq!(r("thirty-odd"), (Some(30.0), Some(39.0)));
        assert_eq!(r("twenty-one"), (Some(21.0), Some(21.0)));
    }

    #[test]
    fn upper_bounds() {
        assert_eq!(r("fewer than 50"), (None, Some(50.0)));
        assert_eq!(r("up to 20"), (None, Some(20.0)));
    }

    #[test]
    fn approximations_are_ten_percent() {
        let (lo, hi) = r("about 300");
        assert!((lo.unwrap() - 270.0).abs() < 1e-9 && (hi.unwrap() - 330.0).abs() < 1e-9);
        let (lo, hi) = r("nearly 1.5 million");
        assert!((lo.unwrap() - 1_350_000.0).abs() < 1e-6 && hi == Some(1_500_000.0));
        let (lo, hi) = r("just over 100");
        assert_eq!(lo, Some(100.0));
        assert!((hi.unwrap() - 110.0).abs() < 1e-9);
    }

    #[test]
    fn a_vague_word_before_a_scale_scales_its_range() {
        // "several hundred" is 300 .. 900, not "several" (3 .. 9) of something called "hundred".
        assert_eq!(r("several hundred"), (Some(300.0), Some(900.0)));
        assert_eq!(r("a few hundred people"), (Some(200.0), Some(500.0)));
        assert_eq!(r("a few thousand"), (Some(2_000.0), Some(5_000.0)));
        assert_eq!(r("several million"), (Some(3_000_000.0), Some(9_000_000.0)));
        assert_eq!(r("a few dozen"), (Some(24.0), Some(60.0)));
        // A scale word after a complete quantity is not its noun: an error, not a misreading.
        assert!(read_number("300 people hundred").is_err());
    }

    #[test]
    fn percent_after_a_space_and_none() {
        assert_eq!(r("58 %"), (Some(58.0), Some(58.0)));
        assert_eq!(r("61.4pc"), r("61.4%"));
        assert_eq!(r("about 58pc"), r("about 58%"));
        assert_eq!(r("about 58 %"), (Some(52.2), Some(63.8)));
        // A decimal comma is not read: "1,00" may as well be a mistyped 1,000.
        assert!(read_number("52,3 %").is_err());
        assert_eq!(r("none"), (Some(0.0), Some(0.0)));
        assert_eq!(r("no one"), (Some(0.0), Some(0.0)));
        assert_eq!(r("no deaths"), (Some(0.0), Some(0.0)));
        assert_eq!(r("nobody killed"), (Some(0.0), Some(0.0)));
        // "no more than" is a bound, not zero
        assert_eq!(r("no more than 5"), (None, Some(5.0)));
        assert!(read_number("no").is_err());
    }

    #[test]
    fn or_so_and_as_many_as() {
        assert_eq!(r("1,000 or so"), (Some(900.0), Some(1_100.0)));
        assert_eq!(r("a dozen or so"), (Some(10.8), Some(13.2)));
        assert_eq!(r("as many as 500"), (None, Some(500.0)));
    }

    #[test]
    fn half_a_scale_and_a_qualified_range() {
        assert_eq!(r("half a million"), fig(500_000.0, 500_000.0));
        assert_eq!(r("nearly half a million"), (Some(450_000.0), Some(500_000.0)));
        assert_eq!(r("about 1,500 to 2,000"), (Some(1_350.0), Some(2_200.0)));
        assert_eq!(r("more than 10 to 20"), (Some(10.0), None));
    }

    #[test]
    fn ten_percent_bounds_have_no_float_noise() {
        // 1.1 * 1,500,000 is 1650000.0000000002 in floating point; JSON showed it.
        assert_eq!(r("some 1.5 million"), (Some(1_350_000.0), Some(1_650_000.0)));
        assert_eq!(r("an estimated 6,000"), (Some(5_400.0), Some(6_600.0)));
        assert_eq!(r("about 300"), (Some(270.0), Some(330.0)));
    }

    #[test]
    fn ranges() {
        assert_eq!(r("between 10 and 20"), (Some(10.0), Some(20.0)));
        assert_eq!(r("10-20"), (Some(10.0), Some(20.0)));
        assert_eq!(r("10 to 20 million"), (Some(10_000_000.0), Some(20_000_000.0)));
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(r("hundreds"), (Some(200.0), Some(999.0)));
        assert_eq!(r("dozens"), (Some(24.0), Some(99.0)));
        assert_eq!(r("tens of thousands"), (Some(20_000.0), Some(99_999.0)));
    }

    #[test]
    fn nonsense_is_an_error() {
        // "100 20" is two numbers, not 100,020: a space joins only groups of three.
        for bad in
            ["", "many people", "1,00", "one point five", "abc 100", "1.2.3", "100 20", "1000 000", "twenty and two"]
        {
            assert!(read_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_in_words_keep_their_and() {
        // "and" inside a number written in words is not a range: 120, not 20 .. 100.
        assert_eq!(r("One hundred and twenty"), (Some(120.0), Some(120.0)));
        assert_eq!(r("four hundred and fifty thousand"), fig(450_000.0, 10_000.0));
        assert_eq!(r("a thousand and one"), (Some(1_001.0), Some(1_001.0)));
        assert_eq!(r("a hundred and twenty people"), (Some(120.0), Some(120.0)));
        assert_eq!(r("between one hundred and twenty and two hundred"), (Some(120.0), Some(200.0)));
        // ... but an "and" between two numbers of one scale joins two numbers.
        assert_eq!(r("between two hundred and three hundred"), (Some(200.0), Some(300.0)));
        assert_eq!(r("between one thousand and two thousand"), (Some(1_000.0), Some(2_000.0)));
        assert_eq!(r("between a hundred and two hundred"), (Some(100.0), Some(200.0)));
        assert_eq!(r("between nine hundred and one thousand"), (Some(900.0), Some(1_000.0)));
        assert_eq!(r("between two hundred and fifty and three hundred"), (Some(250.0), Some(300.0)));
        assert_eq!(r("one million and two hundred thousand"), fig(1_200_000.0, 100_000.0));
        assert_eq!(r("a million and a half"), fig(1_500_000.0, 500_000.0));
        assert_eq!(r("a dozen and a half"), (Some(18.0), Some(18.0)));
        assert_eq!(r("one and a half million"), fig(1_500_000.0, 500_000.0));
        assert_eq!(r("two and a half"), (Some(2.5), Some(2.5)));
        // "and a half" after a scale word is half of it.
        assert_eq!(r("a hundred and a half"), (Some(150.0), Some(150.0)));
        // "half" or "quarter" after a whole quantity is never taken for its noun.
        assert!(read_number("300 half").is_err());
        // Further words are the noun's, whatever they are.
        for (value, n) in [
            ("40 workers at the mill", 40.0),
            ("300 people including Bill Clinton", 300.0),
            ("200 jobs cut in the first half", 200.0),
            ("300 homes in the French Quarter", 300.0),
            ("5,000 people, half of them children", 5_000.0),
            ("1,200 troops in sector b", 1_200.0),
        ] {
            assert_eq!(r(value), (Some(n), Some(n)), "{value}");
        }
        assert_eq!(r("a quarter of a million"), fig(250_000.0, 250_000.0));
        assert_eq!(r("three quarters of a billion"), fig(750_000_000.0, 250_000_000.0));
        // A noun with "and" after the quantity is still its noun.
        assert_eq!(r("300 men and women"), (Some(300.0), Some(300.0)));
        // Only "between" makes "A and B" a range.
        assert!(read_number("100 and 200").is_err());
        assert_eq!(r("between 100 and 200"), (Some(100.0), Some(200.0)));
    }

    #[test]
    fn every_scale_word_scales_and_none_is_a_noun() {
        assert_eq!(r("2 bln"), fig(2e9, 1e9));
        assert_eq!(r("some 1.5 mln"), (Some(1_350_000.0), Some(1_650_000.0)));
        assert_eq!(r("3 trillion dollars"), fig(3e12, 1e12));
        assert_eq!(r("1.2tn"), fig(1.2e12, 1e11));
        assert_eq!(r("five lakh"), fig(500_000.0, 100_000.0));
        assert_eq!(r("2 crore"), fig(20_000_000.0, 10_000_000.0));
        assert_eq!(r("billions"), (Some(2e9), Some(9_999_999_999.0)));
        assert_eq!(r("hundreds of millions"), (Some(2e8), Some(999_999_999.0)));
        assert_eq!(r("tens of billions"), (Some(2e10), Some(99_999_999_999.0)));
        assert!(read_number("300 people trillion").is_err());
        assert_eq!(r("3 trln"), fig(3e12, 1e12));
        // Plurals, and abbreviations whose scale depends on the language, are errors, not nouns.
        for bad in ["5 thousands", "several thousands", "a few thousands", "5 mil", "5 Mrd", "5 mio", "5 bil", "5 lac"]
        {
            assert!(read_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn currencies_and_spaced_thousands() {
        assert_eq!(r("$1.2 billion"), fig(1.2e9, 1e8));
        assert_eq!(r("€500 million"), fig(5e8, 1e8));
        assert_eq!(r("US$5m"), fig(5e6, 1e6));
        assert_eq!(r("USD 5 million"), fig(5e6, 1e6));
        assert_eq!(r("about £300"), (Some(270.0), Some(330.0)));
        assert_eq!(r("200 000"), (Some(200_000.0), Some(200_000.0)));
        assert_eq!(r("nearly 1 200 000"), (Some(1_080_000.0), Some(1_200_000.0)));
        assert_eq!(r("1.000.000"), (Some(1e6), Some(1e6)));
        assert_eq!(r("$200 000"), (Some(200_000.0), Some(200_000.0)));
        // No group across punctuation: two numbers.
        for bad in ["100, 200", "1 200, 300", "100 , 200", "1 200 ; 300"] {
            assert!(read_number(bad).is_err(), "{bad}");
        }
        assert!(read_number("1.000.00").is_err());
    }

    #[test]
    fn forms_an_outside_probe_found_misread_or_refused() {
        // A decimal without its leading zero keeps its point (".5bn" read as 5 billion).
        assert_eq!(r(".5bn"), r("0.5bn"));
        assert_eq!(r("$.5bn"), r("0.5bn"));
        assert_eq!(r(".75%"), (Some(0.75), Some(0.75)));
        assert_eq!(r(".5"), (Some(0.5), Some(0.5)));
        // A scale word hyphenated to its noun is still the scale (it was dropped: 1.2).
        assert_eq!(r("a 1.2 billion-dollar deal"), fig(1.2e9, 1e8));
        assert_eq!(r("2.1-billion-dollar"), fig(2.1e9, 1e8));
        // Number words hyphenated together.
        assert_eq!(r("one-and-a-half million"), r("one and a half million"));
        assert_eq!(r("half-a-million"), r("half a million"));
        assert_eq!(r("twenty-one"), (Some(21.0), Some(21.0)));
        // Vulgar fractions.
        assert_eq!(r("12½"), (Some(12.5), Some(12.5)));
        assert_eq!(r("¾"), (Some(0.75), Some(0.75)));
        assert_eq!(r("2 ½ million"), r("2.5 million"));
        // A scale glued to a range's second end is the first's too.
        assert_eq!(r("$2-3bn"), (Some(2e9), Some(3e9)));
        assert_eq!(r("£1-2m"), (Some(1e6), Some(2e6)));
        // Indian grouping: the last group of three, two before it.
        assert_eq!(r("1,50,000"), (Some(150_000.0), Some(150_000.0)));
        assert_eq!(r("1,00,00,000"), (Some(1e7), Some(1e7)));
        assert!(read_number("1,5,000").is_err());
        // More dollars, a currency on both ends of a range, a figure after "the".
        assert_eq!(r("C$50m"), fig(5e7, 1e7));
        assert_eq!(r("NZ$50 million"), fig(5e7, 1e7));
        assert_eq!(r("HK$1bn"), fig(1e9, 1e9));
        assert_eq!(currency_of("HK$1bn"), Some("HKD"));
        assert!(!same_currency("HKD", "USD") && same_currency("$", "NZD"));
        assert_eq!(r("$2.1bn-$2.3bn"), (Some(2.1e9), Some(2.3e9)));
        assert_eq!(r("the $2.1bn"), fig(2.1e9, 1e8));
        // Qualifiers.
        assert_eq!(r("not more than 3,000"), (None, Some(3000.0)));
        assert_eq!(r("not less than 3,000"), (Some(3000.0), None));
        for about in ["est. 3,000", "c. 3,000", "ca. 3,000", "estimated 3,000"] {
            assert_eq!(r(about), (Some(2700.0), Some(3300.0)), "{about}");
        }
        assert_eq!(r("near 100"), (Some(90.0), Some(100.0)));
        assert_eq!(r("nil"), (Some(0.0), Some(0.0)));
        assert_eq!(r("many thousands"), r("thousands"));
        assert_eq!(r("many hundreds of people"), r("hundreds"));
    }

    #[test]
    fn shares_multiples_and_increments_are_named_for_what_they_are() {
        let e = |s: &str| read_number(s).unwrap_err();
        for share in ["nearly half", "two-thirds", "one in five", "6 out of 10", "a majority"] {
            assert!(e(share).contains("is a share"), "{share}: {}", e(share));
        }
        for multiple in ["more than doubled", "tripled", "twice as many"] {
            assert!(e(multiple).contains("is a multiple"), "{multiple}: {}", e(multiple));
        }
        for increment in ["a further 300", "another 20", "an additional 500"] {
            assert!(e(increment).contains("is an increment"), "{increment}: {}", e(increment));
        }
        // Read as before: a half or a quarter of a scale; two numbers stay two.
        assert_eq!(r("half a million"), (Some(450_000.0), Some(550_000.0)));
        assert!(e("300 in 24 hours").contains("more than one number"), "{}", e("300 in 24 hours"));
    }

    #[test]
    fn a_dot_before_three_digits_is_ambiguous() {
        // 10.000 is ten in English, ten thousand in much of Europe.
        let e = read_number("10.000").unwrap_err();
        assert!(e.contains("ambiguous") && e.contains("write '10' for the decimal, '10,000' for the thousands"), "{e}");
        let e = read_number("about 1.500 people").unwrap_err();
        assert!(e.contains("write '1.5' for the decimal, '1,500' for the thousands"), "{e}");
        let e = read_number("3.125").unwrap_err();
        assert!(e.contains("write '3.1250' for the decimal, '3,125' for the thousands"), "{e}");
        // Where thousands cannot be meant: a leading zero, a percentage.
        assert_eq!(r("0.125"), (Some(0.125), Some(0.125)));
        assert_eq!(r("3.125%"), (Some(3.125), Some(3.125)));
        assert_eq!(r("2.375 per cent"), (Some(2.375), Some(2.375)));
        assert_eq!(r("between 2.5 and 3.125 percent"), (Some(2.5), Some(3.125)));
        assert_eq!(r("2.500 percentage points"), (Some(2.5), Some(2.5)));
        assert_eq!(r("1.250 basis points"), (Some(1.25), Some(1.25)));
        // Not ambiguous: another count of decimals, or a scale word after it.
        assert_eq!(r("3.5"), (Some(3.5), Some(3.5)));
        assert_eq!(r("2.25"), (Some(2.25), Some(2.25)));
        assert_eq!(r("1.500 million"), fig(1_500_000.0, 1_000.0));
    }

    #[test]
    fn more_qualifiers_and_rough_numbers() {
        assert_eq!(r("upward of 200"), (Some(200.0), None));
        assert_eq!(r("well over 1,000"), (Some(1_000.0), None));
        assert_eq!(r("well under 50"), (None, Some(50.0)));
        assert_eq!(r("slightly more than 100"), (Some(100.0), Some(110.0)));
        assert_eq!(r("a little over 100"), (Some(100.0), Some(110.0)));
        assert_eq!(r("slightly less than 100"), (Some(90.0), Some(100.0)));
        assert_eq!(r("just short of 100"), (Some(90.0), Some(100.0)));
        assert_eq!(r("a couple"), (Some(2.0), Some(3.0)));
        assert_eq!(r("a couple of dozen"), (Some(24.0), Some(36.0)));
        assert_eq!(r("thirty-odd"), (Some(30.0), Some(39.0)));
        assert_eq!(r("100-odd"), (Some(100.0), Some(199.0)));
        assert_eq!(r("250-odd people"), (Some(250.0), Some(259.0)));
        assert_eq!(r("thirty odd people"), (Some(30.0), Some(39.0)));
        assert!(read_number("7-odd").is_err());
    }

    #[test]
    fn counts_past_two_to_the_53_are_refused() {
        let e = read_number("99999999999999999999999999").unwrap_err();
        assert!(e.contains("larger than"), "{e}");
        assert_eq!(r("9,007,199,254,740,992"), (Some(LARGEST), Some(LARGEST)));
        assert!(read_number("9,007,199,254,740,994").is_err());
        assert!(read_number("10 trillion trillion").is_err());
    }

    #[test]
    fn large_scales_read_or_are_refused_never_dropped() {
        // A scale word past "trillion" is read, not taken for the noun ("3
        // quadrillion" was read as 3); one not known is an error.
        assert_eq!(r("3 quadrillion"), fig(3e15, 1e15));
        assert_eq!(r("2.5 quadrillion"), fig(2.5e15, 1e14));
        for e in ["3 sextillion", "a zillion", "zillions of them", "5 gazillion people"] {
            assert!(read_number(e).is_err(), "{e}");
        }
        // Further on, such a word is the noun's ("Carillion" was a company in the news).
        assert_eq!(r("2,000 Carillion workers"), (Some(2000.0), Some(2000.0)));
        // Past 2^53 as written, even where a float rounds it back inside.
        for e in [
            "999 quintillion",
            "nine hundred ninety nine quintillion quintillion",
            "9007199254740993",
            "9,007,199,254,740,993",
            "9007199254740992.5",
        ] {
            assert!(read_number(e).unwrap_err().contains("larger than"), "{e}");
        }
        // Scales in a row multiply, in words as in digits.
        assert_eq!(r("one million billion"), fig(1e15, 1e15));
        assert_eq!(r("a thousand million"), fig(1e9, 1e9));
        assert_eq!(r("seven thousand thousand"), fig(7e6, 1e6));
        assert_eq!(r("5 thousand million"), fig(5e9, 1e9));
        // A scale after a number word still scales that group alone.
        assert_eq!(r("one million two hundred thousand"), fig(1.2e6, 1e5));
        assert_eq!(r("a thousand and one"), (Some(1001.0), Some(1001.0)));
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "-",
            "+",
            "between",
            "between and",
            "from to",
            "over",
            "a",
            "an",
            "1e400",
            "1,000,000,000,000,000,000,000",
            "0.5.5",
            ",",
            ",100",
            "100,",
            "-5",
            "5-",
            "-plus",
            "+5",
            "twenty-",
            "-one",
            "one hundred and",
            "and",
            "to 5",
            "5 to",
            "10 to 20 to 30",
            "a dozen dozen",
            "%",
            "½",
            "٣٠٠",
            "𝟙𝟘𝟘",
            "about about 5",
        ];
        for s in odd {
            let _ = read_number(s);
        }
        assert!(read_number(&"9".repeat(400)).map_or(true, |r| r.low.is_some_and(f64::is_finite)));
    }
}
