use std::path::Path;
use std::sync::Arc;

use super::passages::{confirm, Words};
use super::*;
use crate::error::Loc;
use crate::model::{Entity, EntityKind};
use crate::text::slug;

fn source(id: &str, outlet: &str, wire: &[&str]) -> Source {
    let file: Arc<Path> = Arc::from(Path::new("claims/x.yaml"));
    Source {
        id: id.into(),
        outlet: outlet.into(),
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2013, 8, 9).unwrap(),
        published_inferred: false,
        article: format!("{id}.txt"),
        article_path: format!("articles/{id}.txt").into(),
        article_loc: Loc::at(&file, 1, 1),
        url: None,
        wire: wire.iter().map(|s| s.to_string()).collect(),
        note: None,
        loc: Loc::at(&file, 1, 1),
    }
}

fn registry() -> Registry {
    let file: Arc<Path> = Arc::from(Path::new("entities.yaml"));
    let e = |name: &str, aliases: &[&str]| Entity {
        id: slug(name),
        name: name.into(),
        kind: EntityKind::Organization,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        loc: Loc::at(&file, 1, 1),
    };
    Registry::build(vec![e("Associated Press", &["AP"]), e("Reuters", &[])]).0
}

fn no_text(n: usize) -> Vec<Option<String>> {
    vec![None; n]
}

/// The words of `text` outside quotations, as `unquoted` leaves them.
fn outside(text: &str) -> Vec<&str> {
    unquoted(text).into_iter().map(|r| text[r].trim()).filter(|s| !s.is_empty()).collect()
}

// -------------------------------------------------------------- quotations

#[test]
fn curly_straight_and_guillemet_quotes_are_masked() {
    assert_eq!(outside("Lavrov said “we will go to Geneva” on Friday."), ["Lavrov said", "on Friday."]);
    assert_eq!(outside("He said \"no\" and left."), ["He said", "and left."]);
    assert_eq!(outside("Il a dit « non » hier."), ["Il a dit", "hier."]);
    assert_eq!(outside("Er sagte »nein« gestern."), ["Er sagte", "gestern."]);
    assert_eq!(outside("Er sagte „nein“ gestern."), ["Er sagte", "gestern."]);
    assert_eq!(outside("the so-called ‘reset’ policy"), ["the so-called", "policy"]);
    assert_eq!(outside("the 'reset' policy"), ["the", "policy"]);
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    assert_eq!(
        outside("Russia’s stance and the officials' view, it's Kerry's"),
        ["Russia’s stance and the officials' view, it's Kerry's"]
    );
    // A curly single quote holding an apostrophe closes at the word's end only.
    assert_eq!(outside("He called it ‘Russia’s plan’ today."), ["He called it", "today."]);
}

#[test]
fn an_unclosed_quote_closes_at_the_end_of_its_paragraph() {
    let text = "Kerry said: “We will meet in Geneva.\n\n“We will not give up,” he said.\nNext paragraph here.";
    assert_eq!(outside(text), ["Kerry said:", "he said.\nNext paragraph here."]);
    // A line that ends a sentence ends the paragraph too (one paragraph per line).
    assert_eq!(outside("He said “we go.\nThe talks resumed."), ["He said", "The talks resumed."]);
    // A hard-wrapped line that does not end a sentence keeps the quote open.
    assert_eq!(outside("He said “we go\nto Geneva” today."), ["He said", "today."]);
}

#[test]
fn a_stray_closing_mark_opens_nothing() {
    assert_eq!(outside("the end” of it"), ["the end” of it"]);
}

// ------------------------------------------------------------------ words

const WIRE: &str = "the two countries agreed on friday to prepare for urgent talks on the syria crisis \
                    pledging to work together on shared interests";

/// `n` words of the wire passage (the passage has 22).
fn first_words(n: usize) -> String {
    WIRE.split(' ').take(n).collect::<Vec<_>>().join(" ")
}

fn passages(texts: &[&str]) -> BTreeMap<(usize, usize), Passage> {
    let texts: Vec<Option<&str>> = texts.iter().map(|t| Some(*t)).collect();
    shared_passages(&texts)
}

#[test]
fn fifteen_shared_words_make_a_passage_and_fourteen_do_not() {
    let a15 = format!("Our own lead. {}. Then our own words.", first_words(15));
    let b15 = format!("A different opening entirely: {}, and something else", first_words(15));
    let found = passages(&[&a15, &b15]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[&(0, 1)].words, 15);
    assert_eq!(
        found[&(0, 1)].excerpt,
        "the two countries agreed on friday to prepare for urgent talks on the syria crisis."
    );

    let a14 = format!("Our own lead. {}. Then our own words.", first_words(14));
    let b14 = format!("A different opening entirely: {}, and something else", first_words(14));
    assert!(passages(&[&a14, &b14]).is_empty());
}

#[test]
fn words_are_compared_folded() {
    let a = format!("Intro. {}.", first_words(15));
    let b = first_words(15).to_uppercase().replace("FRIDAY", "Fríday,").replace("SYRIA", "Syria's");
    // "syria's" folds to "syrias", which is another word: 15 words no longer match.
    assert!(passages(&[&a, &b]).is_empty());
    let b = first_words(15).to_uppercase().replace("FRIDAY", "Fríday,");
    assert_eq!(passages(&[&a, &b])[&(0, 1)].words, 15);
}

#[test]
fn a_shared_quotation_is_not_a_shared_passage() {
    let quote = "“The test is not whether the Syrian government will come to Geneva prepared to negotiate the \
                 transition of full executive powers to a transitional governing body,”";
    let a = format!("A US official told reporters that the onus was on Damascus. {quote} the official said.");
    let b = format!("A senior administration official said: {quote} he told reporters.");
    assert!(passages(&[&a, &b]).is_empty());
    // The same words without quotation marks are a shared passage.
    let bare = quote.trim_matches(|c| c == '“' || c == '”' || c == ',');
    let c = format!("Officials believe {bare} and more.");
    let d = format!("Analysts agree {bare}.");
    assert_eq!(passages(&[&c, &d]).len(), 1);
}

#[test]
fn a_quotation_breaks_a_passage() {
    // 10 shared words, a quotation, 10 more shared words: no 15 in a row outside quotes.
    let ten = first_words(10);
    let a = format!("{ten} “something he said” {ten}");
    let b = format!("{ten} “quite another thing” {ten}");
    assert!(passages(&[&a, &b]).is_empty());
}

#[test]
fn the_longest_passage_is_measured_and_its_excerpt_shown() {
    let a = format!("Lead of A. {WIRE}. Tail of A.");
    let b = format!("B starts differently. {WIRE}; B ends.");
    let p = &passages(&[&a, &b])[&(0, 1)];
    assert_eq!(p.words, 22);
    assert!(p.excerpt.starts_with("the two countries agreed"), "{}", p.excerpt);
    assert!(p.excerpt.ends_with(" …"), "{}", p.excerpt);
}

#[test]
fn copies_of_one_story_link_to_the_first_article_holding_it() {
    let a = format!("{WIRE} in Washington.");
    let b = format!("From our desk: {WIRE}.");
    let c = format!("{WIRE}, AP reported.");
    let found = passages(&[&a, &b, &c, "An unrelated article about something else entirely."]);
    assert_eq!(found.keys().copied().collect::<Vec<_>>(), [(0, 1), (0, 2)]);
}

#[test]
fn a_hash_hit_is_confirmed_by_the_words() {
    // Two different texts with forced-equal hashes cannot be built here; check
    // instead that the confirmation step rejects a position whose words differ.
    let a = Words::of(&first_words(15));
    let b = Words::of("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen");
    let (_, h) = b.shingles().next().unwrap();
    assert_eq!(confirm(&a, &first_words(15), &b, &[(0, h)]), None);
    let (_, h) = a.shingles().next().unwrap();
    assert_eq!(confirm(&a, &first_words(15), &b, &[(0, h)]), None);
}

// ------------------------------------------------------------------- wires

#[test]
fn carrying_an_outlets_copy_makes_dependent_through_registry_aliases() {
    let sources = [source("toi", "The Times of Israel", &["AP"]), source("ap", "Associated Press", &[])];
    let dep = Dependence::build(&sources, &no_text(2), &registry());
    assert_eq!(
        dep.dependent(0, 1),
        Some(Reason::Wire { agency: "Associated Press".into(), how: WireLink::FirstCarriesSecond })
    );
    assert_eq!(
        dep.dependent(1, 0),
        Some(Reason::Wire { agency: "Associated Press".into(), how: WireLink::SecondCarriesFirst })
    );
    assert_eq!(dep.groups(&[0, 1]), vec![vec![0, 1]]);
}

#[test]
fn two_carriers_of_one_wire_are_dependent_and_names_fold_outside_the_registry() {
    let sources = [
        source("a", "Outlet A", &["AFP", "Reuters"]),
        source("b", "Outlet B", &["afp."]),
        source("c", "Outlet C", &["AP"]),
    ];
    let dep = Dependence::build(&sources, &no_text(3), &registry());
    assert_eq!(dep.dependent(0, 1), Some(Reason::Wire { agency: "AFP".into(), how: WireLink::BothCarry }));
    assert_eq!(dep.dependent(0, 2), None);
    assert_eq!(dep.dependent(1, 2), None);
    assert_eq!(dep.independent(&[0, 1, 2]), 2);
    assert_eq!(dep.links().len(), 1, "{:?}", dep.links());
}

#[test]
fn articles_of_one_outlet_are_dependent_and_different_outlets_are_not() {
    let sources = [source("a1", "ITAR-TASS", &[]), source("a2", "Itar Tass", &[]), source("b", "Reuters", &[])];
    let dep = Dependence::build(&sources, &no_text(3), &registry());
    assert_eq!(dep.dependent(0, 1), Some(Reason::SameOutlet { outlet: "ITAR-TASS".into() }));
    assert_eq!(dep.dependent(0, 2), None);
    assert_eq!(dep.groups(&[2, 1, 0]), vec![vec![0, 1], vec![2]]);
}

#[test]
fn a_wire_not_in_the_corpus_still_links_its_carriers() {
    let sources = [source("a", "A", &["nsnbc international"]), source("b", "B", &[])];
    let dep = Dependence::build(&sources, &no_text(2), &registry());
    assert_eq!(dep.dependent(0, 1), None);
    assert_eq!(dep.independent(&[0, 1]), 2);
    assert!(dep.links().is_empty());
}

// -------------------------------------------------------------- clustering

#[test]
fn dependence_is_transitive_for_counting() {
    // a and b carry AP; b and c share a passage; d stands alone.
    let sources = [source("a", "A", &["AP"]), source("b", "B", &["AP"]), source("c", "C", &[]), source("d", "D", &[])];
    let texts = vec![
        Some("Nothing shared here at all.".to_string()),
        Some(format!("B writes: {WIRE}.")),
        Some(format!("C copies: {WIRE}!")),
        Some(format!("D only quotes it: “{WIRE}”.")),
    ];
    let dep = Dependence::build(&sources, &texts, &registry());
    assert!(dep.dependent(0, 1).is_some());
    assert!(matches!(dep.dependent(1, 2), Some(Reason::Passage(_))));
    // a and c: no direct reason, but one cluster.
    assert_eq!(dep.dependent(0, 2), None);
    assert_eq!(dep.cluster(2), 0);
    assert_eq!(dep.groups(&[0, 1, 2, 3]), vec![vec![0, 1, 2], vec![3]]);
    assert_eq!(dep.independent(&[0, 2, 3]), 2);
    assert_eq!(dep.independent(&[3]), 1);
    assert_eq!(dep.independent(&[]), 0);
}

#[test]
fn many_articles_scale_linearly() {
    // 5,000 articles of 60 words, every 100th copying a wire passage: a pairwise
    // comparison (12.5 million pairs of articles) would not finish in time.
    let n = 5_000;
    let texts: Vec<Option<String>> = (0..n)
        .map(|i| {
            let own: String = (0..60).map(|k| format!("w{}x{} ", i, k)).collect();
            Some(if i % 100 == 0 { format!("{own}. {WIRE}.") } else { own })
        })
        .collect();
    let sources: Vec<Source> = (0..n).map(|i| source(&format!("s{i}"), &format!("Outlet {i}"), &[])).collect();
    let start = std::time::Instant::now();
    let dep = Dependence::build(&sources, &texts, &registry());
    let elapsed = start.elapsed();
    assert_eq!(dep.links().len(), n / 100 - 1);
    assert_eq!(dep.independent(&(0..n).collect::<Vec<_>>()), n - (n / 100 - 1));
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}

// ---------------------------------------------------------- bundled corpus

#[test]
fn the_bundled_articles_share_an_officials_quote_and_nothing_else() {
    let hindu = include_str!("../../articles/hindu-businessline-2013-08-10.txt");
    let toi = include_str!("../../articles/times-of-israel-2013-08-09.txt");
    // Both quote the US official: "... whether the Syrian government will come
    // to Geneva prepared to negotiate the transition of full ..." — 15 words
    // alike, inside quotation marks, so the rule does not fire.
    assert!(passages(&[hindu, toi]).is_empty());
    // Without the quotation marks the same words would be a shared passage.
    let strip = |t: &str| t.replace(['“', '”'], "");
    let (hindu, toi) = (strip(hindu), strip(toi));
    let found = passages(&[&hindu, &toi]);
    assert_eq!(found[&(0, 1)].words, 15);
    assert!(found[&(0, 1)].excerpt.starts_with("whether the Syrian Government will come to Geneva prepared"));
}

proptest::proptest! {
    /// The eight-bytes-at-a-time scan stops where a byte-by-byte scan does:
    /// at the first quotation mark, line break or non-ASCII byte.
    #[test]
    fn the_quotation_scan_stops_where_a_byte_scan_does(text in "[a-z ,.\"'\n\t()é“”’-]{0,80}", from in 0usize..90) {
        let bytes = text.as_bytes();
        let from = from.min(bytes.len());
        let plain = (from..bytes.len())
            .find(|&i| !bytes[i].is_ascii() || matches!(bytes[i], b'"' | b'\'' | b'\n'))
            .unwrap_or(bytes.len());
        proptest::prop_assert_eq!(special_from(bytes, from), plain);
    }
}
