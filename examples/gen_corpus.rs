//! A synthetic newsroom archive for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --sources 100000 --claims-per-source 10 --out target/corpus-1m [--seed 7]
//! ```
//!
//! Writes `OUT/claims/<outlet>/<year>/<source>.yaml` (the real claim format),
//! `OUT/claims/entities.yaml` (people, places, organizations and events, with
//! aliases and a few misspellings listed as aliases) and
//! `OUT/articles/<outlet>/<source>.txt`, whose text holds every quote.
//!
//! Each event is covered by a handful of sources published before and after
//! it; each (event, property) fact is given a target class — agree,
//! compatible, revised or conflict — and each source writes its value
//! accordingly (a fact only one source covers is single). Dates, numbers,
//! entities, entity lists and texts (statuses included) all occur; about 4% of
//! subjects are misspelled (resolved fuzzily) and a few name nothing in the
//! registry. Deterministic: the same arguments give the same bytes.
//!
//! It refuses to write into a folder that exists and is not empty.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};

/// splitmix64: small, fast, and fixed forever (the corpus must not change
/// when a crate's generator does).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const CITIES: &[(&str, &[&str])] = &[
    ("Geneva", &["Genf", "Geneve"]),
    ("Vienna", &["Wien"]),
    ("Lisbon", &["Lisboa"]),
    ("Brussels", &["Bruxelles"]),
    ("Nairobi", &[]),
    ("Jakarta", &[]),
    ("Montreal", &["Montréal"]),
    ("Copenhagen", &["København"]),
    ("Warsaw", &["Warszawa"]),
    ("Prague", &["Praha"]),
    ("Lima", &[]),
    ("Accra", &[]),
    ("Dakar", &[]),
    ("Hanoi", &[]),
    ("Manila", &[]),
    ("Oslo", &[]),
    ("Helsinki", &[]),
    ("Athens", &["Athina"]),
    ("Istanbul", &[]),
    ("Cairo", &[]),
    ("Tunis", &[]),
    ("Rabat", &[]),
    ("Bogota", &["Bogotá"]),
    ("Quito", &[]),
    ("Santiago", &["Santiago de Chile"]),
    ("Montevideo", &[]),
    ("Havana", &["La Habana"]),
    ("Kingston", &[]),
    ("Ottawa", &[]),
    ("Canberra", &[]),
    ("Wellington", &[]),
    ("Seoul", &[]),
    ("Bangkok", &[]),
    ("Kathmandu", &[]),
    ("Tbilisi", &[]),
    ("Yerevan", &[]),
    ("Baku", &[]),
    ("Astana", &["Nur-Sultan"]),
    ("Tashkent", &[]),
    ("Doha", &[]),
    ("Muscat", &[]),
    ("Amman", &[]),
    ("Beirut", &[]),
    ("Nicosia", &[]),
    ("Valletta", &[]),
    ("Reykjavik", &["Reykjavík"]),
    ("Dublin", &[]),
    ("Edinburgh", &[]),
    ("Marrakesh", &["Marrakech"]),
    ("Addis Ababa", &[]),
    ("Kigali", &[]),
    ("Lusaka", &[]),
    ("Maputo", &[]),
    ("Windhoek", &[]),
    ("Bern", &["Berne"]),
    ("Ljubljana", &[]),
    ("Zagreb", &[]),
    ("Sofia", &[]),
    ("Bucharest", &["București"]),
    ("Riga", &[]),
];

const TOPICS: &[&str] = &[
    "water",
    "climate",
    "trade",
    "fisheries",
    "nuclear safety",
    "refugee",
    "ceasefire",
    "energy",
    "health",
    "migration",
    "cyber security",
    "food security",
    "ocean",
    "debt relief",
    "arms control",
    "biodiversity",
    "aviation",
    "telecoms",
    "education",
    "labour",
    "tax",
    "drug policy",
    "space",
    "forestry",
    "rail",
    "shipping",
    "mining",
    "housing",
    "disaster relief",
    "wildlife",
];

const KINDS: &[&str] =
    &["summit", "conference", "talks", "forum", "ministerial meeting", "round table", "congress", "peace talks"];

const FIRST: &[&str] = &[
    "Amina", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Leila", "Marco",
    "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Samir", "Tamara", "Ugo", "Vera", "Wim", "Xenia", "Yusuf", "Zora",
    "Anders", "Beatriz", "Chen", "Dalia", "Emeka", "Fatima", "Gustavo", "Hana", "Ivan", "Julia", "Kofi", "Lucia",
    "Mateo", "Noor",
];

const LAST: &[&str] = &[
    "Abernathy",
    "Baranov",
    "Castellanos",
    "Dubois",
    "Eriksen",
    "Fitzgerald",
    "Gallagher",
    "Hoffmann",
    "Ivanova",
    "Jankowski",
    "Kowalczyk",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Okonkwo",
    "Petrovic",
    "Quiroga",
    "Rasmussen",
    "Schneider",
    "Takahashi",
    "Underwood",
    "Valdivia",
    "Whitaker",
    "Xiong",
    "Yamamoto",
    "Zimmermann",
    "Albrecht",
    "Bergstrom",
    "Carvalho",
    "Delacroix",
    "Esposito",
    "Ferreira",
    "Grabowski",
    "Haddad",
    "Ibrahim",
    "Johansson",
    "Kuznetsov",
    "Lombardi",
    "Mendoza",
    "Novak",
    "Oyelaran",
    "Pellegrini",
    "Rahimi",
    "Santangelo",
    "Thorvaldsen",
    "Vasquez",
    "Wojcik",
    "Zielinski",
];

const ORG_ADJ: &[&str] = &[
    "Northern", "Southern", "Eastern", "Western", "Atlantic", "Pacific", "Alpine", "Baltic", "Andean", "Nordic",
    "Sahel", "Caspian", "Danube", "Arctic", "Coastal",
];
const ORG_TYPE: &[&str] = &["Council", "Commission", "Agency", "Alliance", "Institute", "Foundation", "Union", "Forum"];

const OUTLETS: &[&str] = &[
    "The Daily Ledger",
    "Morning Courier",
    "Global Wire",
    "Evening Standard Post",
    "Harbour Times",
    "The Capital Observer",
    "Northern Herald",
    "Southern Gazette",
    "Metro Tribune",
    "Continental Review",
    "World Desk",
    "The Record",
    "Independent Monitor",
    "The Chronicle",
    "Eastern Dispatch",
    "Western Sentinel",
    "Pacific Bulletin",
    "Atlantic Journal",
    "The Lantern",
    "Civic Reporter",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// Filler sentences are put together from parts, so that two articles share a
// run of 15 words only when one copies the other (docs/independence.md), as
// in real news; a few articles carry a wire story on purpose (WIRE_SHARE).
const FILLER_WHO: &[&str] = &[
    "Delegations",
    "Officials",
    "Several envoys",
    "Local authorities",
    "A spokesperson",
    "Critics",
    "Observers",
    "Journalists",
    "Analysts",
    "Two senior aides",
    "The host government",
    "Protesters",
    "Diplomats from the region",
    "Business leaders",
    "A junior minister",
    "Security services",
];
const FILLER_DID: &[&str] = &[
    "arrived",
    "spoke briefly",
    "waited",
    "gathered",
    "declined to comment",
    "raised concerns",
    "left early",
    "asked for more time",
    "met privately",
    "expressed cautious hope",
    "issued a short statement",
    "were seen",
    "complained about delays",
    "praised the organisers",
    "stayed silent",
    "questioned the agenda",
];
const FILLER_WHERE: &[&str] = &[
    "outside the main hall",
    "near the venue",
    "in the capital",
    "at a nearby hotel",
    "on the sidelines",
    "behind closed doors",
    "in a side room",
    "at the airport",
    "in the old town",
    "by the river",
];
const FILLER_WHEN: &[&str] = &[
    "on Monday",
    "late in the evening",
    "before dawn",
    "during the lunch break",
    "over the weekend",
    "throughout the morning",
    "after the opening session",
    "for most of the day",
    "on the second day",
    "before the end of the week",
    "earlier this month",
    "as talks resumed",
];
const LEADS: &[&str] =
    &["said that", "told reporters that", "stressed that", "confirmed that", "insisted that", "noted that"];
const OFFICIAL_LEADS: &[&str] = &[
    "Officials confirmed that",
    "According to the organisers,",
    "It was announced that",
    "A statement said that",
    "Sources close to the talks said that",
];
/// Share of articles that reprint a wire story (and declare the wire).
const WIRE_SHARE: f64 = 0.02;
/// Wire stories in circulation; each is reprinted by about WIRE_SHARE * sources / WIRE_STORIES articles.
const WIRE_STORIES: usize = 200;

fn filler(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {} (#{}).",
        rng.pick(FILLER_WHO),
        rng.pick(FILLER_DID),
        rng.pick(FILLER_WHERE),
        rng.pick(FILLER_WHEN),
        rng.below(1000)
    )
}

/// Wire story `n`: some forty words that only its reprints share.
fn wire_story(n: usize) -> String {
    let mut r = Rng(0x5157_1e00 ^ n as u64);
    let sentences: Vec<String> = (0..3).map(|_| filler(&mut r)).collect();
    format!("(AP) Story {n}: {}", sentences.join(" "))
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Agree,
    Compatible,
    Revised,
    Conflict,
}

#[derive(Clone, Copy, PartialEq)]
enum Prop {
    Date,
    EndDate,
    Location,
    Host,
    Participants,
    Status,
    AttendeeCount,
    Budget,
    InitiatedBy,
    Outcome,
    Agenda,
    AnnouncedDate,
}

const PROPS: &[Prop] = &[
    Prop::Date,
    Prop::EndDate,
    Prop::Location,
    Prop::Host,
    Prop::Participants,
    Prop::Status,
    Prop::AttendeeCount,
    Prop::Budget,
    Prop::InitiatedBy,
    Prop::Outcome,
    Prop::Agenda,
    Prop::AnnouncedDate,
];

impl Prop {
    fn name(self) -> &'static str {
        match self {
            Prop::Date => "date",
            Prop::EndDate => "end_date",
            Prop::Location => "location",
            Prop::Host => "host",
            Prop::Participants => "participants",
            Prop::Status => "status",
            Prop::AttendeeCount => "attendee_count",
            Prop::Budget => "budget",
            Prop::InitiatedBy => "initiated_by",
            Prop::Outcome => "outcome",
            Prop::Agenda => "agenda",
            Prop::AnnouncedDate => "announced_date",
        }
    }
}

struct Person {
    first: &'static str,
    last: &'static str,
}
impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

struct Event {
    name: String,
    aliases: Vec<String>,
    city: usize,
    topic: &'static str,
    kind: &'static str,
    date: NaiveDate,
    days: i64,
    host: usize,
    initiator: usize,
    participants: Vec<usize>,
    attendees: u64,
    budget: u64,
}

struct Args {
    sources: usize,
    claims_per_source: usize,
    out: PathBuf,
    seed: u64,
}

fn usage() -> ! {
    eprintln!("usage: gen_corpus --sources N --claims-per-source K --out DIR [--seed S]");
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut args = std::env::args().skip(1);
    let (mut sources, mut k, mut out, mut seed) = (None, None, None, 1u64);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--sources" => sources = value().parse().ok(),
            "--claims-per-source" => k = value().parse().ok(),
            "--out" => out = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    match (sources, k, out) {
        (Some(sources), Some(claims_per_source), Some(out)) if sources > 0 && claims_per_source > 0 => {
            Args { sources, claims_per_source, out, seed }
        }
        _ => usage(),
    }
}

/// Quote a YAML scalar when a plain one could be misread.
fn y(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| " -?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_ascii_digit())
        && !s.ends_with(' ')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(',')
        && !matches!(s.to_lowercase().as_str(), "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "~");
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// One typing slip: two letters swapped, one dropped or one doubled.
fn misspell(s: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let letters: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i].is_alphabetic() && chars[i + 1].is_alphabetic())
        .collect();
    if letters.is_empty() {
        return s.to_string();
    }
    let i = *rng.pick(&letters);
    match rng.below(3) {
        0 if chars[i] != chars[i + 1] => chars.swap(i, i + 1),
        1 => {
            chars.remove(i);
        }
        _ => chars.insert(i, chars[i]),
    }
    chars.into_iter().collect()
}

fn day_text(d: NaiveDate, style: usize) -> String {
    let m = MONTHS[d.month0() as usize];
    match style % 3 {
        0 => format!("{} {m} {}", d.day(), d.year()),
        1 => format!("{m} {}, {}", d.day(), d.year()),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

fn part_of_month(d: NaiveDate) -> String {
    let part = match d.day() {
        1..=10 => "early",
        11..=20 => "mid-",
        _ => "late",
    };
    let m = MONTHS[d.month0() as usize];
    if part == "mid-" {
        format!("mid-{m} {}", d.year())
    } else {
        format!("{part} {m} {}", d.year())
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A claim as it will be written.
struct ClaimOut {
    subject: String,
    property: &'static str,
    value: Vec<String>,
    list: bool,
    value_type: Option<&'static str>,
    said_by: Option<String>,
    hedge: Option<&'static str>,
    quote: String,
}

struct World {
    people: Vec<Person>,
    orgs: Vec<String>,
    events: Vec<Event>,
    unregistered: Vec<String>,
}

fn build_world(rng: &mut Rng, events: usize) -> World {
    let n_people = (events / 4).clamp(40, FIRST.len() * LAST.len());
    let mut pairs: Vec<(usize, usize)> = (0..FIRST.len()).flat_map(|f| (0..LAST.len()).map(move |l| (f, l))).collect();
    rng.shuffle(&mut pairs);
    let people = pairs[..n_people].iter().map(|&(f, l)| Person { first: FIRST[f], last: LAST[l] }).collect();
    let mut orgs = Vec::new();
    for adj in ORG_ADJ {
        for t in ORG_TYPE {
            for topic in TOPICS.iter().take(6) {
                orgs.push(format!("{adj} {} {t}", capitalize(topic)));
            }
        }
    }
    rng.shuffle(&mut orgs);
    orgs.truncate((events / 20).clamp(20, orgs.len()));
    let mut seen = HashSet::new();
    let mut list = Vec::with_capacity(events);
    let base = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
    while list.len() < events {
        let city = rng.below(CITIES.len());
        let topic = *rng.pick(TOPICS);
        let kind = *rng.pick(KINDS);
        let date = base + Duration::days(rng.below(15 * 365) as i64);
        let name = format!("{} {topic} {kind} {}", CITIES[city].0, date.year());
        if !seen.insert(name.clone()) {
            continue;
        }
        let mut aliases = vec![format!("{} {kind} on {topic} {}", CITIES[city].0, date.year())];
        if rng.chance(0.3) {
            aliases.push(format!("{} {topic} {kind} of {}", date.year(), CITIES[city].0));
        }
        if rng.chance(0.05) {
            aliases.push(misspell(&name, rng)); // a misspelling the desk registered
        }
        aliases.retain(|a| seen.insert(a.clone()));
        let n_part = 2 + rng.below(3);
        let mut participants: Vec<usize> = (0..n_part).map(|_| rng.below(n_people)).collect();
        participants.sort_unstable();
        participants.dedup();
        list.push(Event {
            name,
            aliases,
            city,
            topic,
            kind,
            date,
            days: 1 + rng.below(3) as i64,
            host: rng.below(orgs.len()),
            initiator: rng.below(n_people),
            participants,
            attendees: (5 + rng.below(500) as u64) * 10,
            budget: 1 + rng.below(90) as u64,
        });
    }
    let unregistered = (0..(events / 200).max(3))
        .map(|i| format!("{} {} working group", CITIES[i % CITIES.len()].0, TOPICS[(i / CITIES.len()) % TOPICS.len()]))
        .collect();
    World { people, orgs, events: list, unregistered }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn registry(world: &World) -> String {
    let mut out = String::from(
        "# Entity registry of a synthetic corpus (examples/gen_corpus.rs).\n# Aliases include a few misspellings the desk has met before.\nentities:\n",
    );
    let mut entity = |name: &str, kind: &str, aliases: &[String]| {
        let aliases: Vec<String> = aliases.iter().map(|a| y(a)).collect();
        let _ = writeln!(out, "  - name: {}\n    kind: {kind}\n    aliases: [{}]", y(name), aliases.join(", "));
    };
    for p in &world.people {
        entity(&p.name(), "person", &[format!("{}, {}", p.last, p.first)]);
    }
    for (name, aliases) in CITIES {
        entity(name, "place", &aliases.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    }
    for o in &world.orgs {
        entity(o, "organization", &[format!("the {o}")]);
    }
    for e in &world.events {
        entity(&e.name, "event", &e.aliases);
    }
    out
}

/// The value one source writes for one fact, with its quote.
fn claim_for(world: &World, e: &Event, prop: Prop, class: Class, j: usize, subject: &str, rng: &mut Rng) -> ClaimOut {
    let mut c = ClaimOut {
        subject: subject.to_string(),
        property: prop.name(),
        value: Vec::new(),
        list: false,
        value_type: None,
        said_by: None,
        hedge: None,
        quote: String::new(),
    };
    let first = j == 0;
    let odd = j % 2 == 1;
    let person = |i: usize, rng: &mut Rng| {
        let p = &world.people[i];
        if rng.chance(0.3) {
            format!("{}, {}", p.last, p.first)
        } else {
            p.name()
        }
    };
    match prop {
        Prop::Date | Prop::EndDate | Prop::AnnouncedDate => {
            let truth = match prop {
                Prop::Date => e.date,
                Prop::EndDate => e.date + Duration::days(e.days),
                _ => e.date - Duration::days(60),
            };
            let v = match class {
                Class::Revised if first => {
                    c.hedge = Some("planned");
                    let p = truth + Duration::days(35);
                    format!("{} {}", MONTHS[p.month0() as usize], p.year())
                }
                Class::Conflict if odd => day_text(truth + Duration::days(9), j),
                Class::Compatible if odd => {
                    if j % 4 == 1 {
                        part_of_month(truth)
                    } else {
                        format!("{} {}", MONTHS[truth.month0() as usize], truth.year())
                    }
                }
                _ => day_text(truth, j + rng.below(2)),
            };
            let verb = match prop {
                Prop::Date => "would open on",
                Prop::EndDate => "was due to close on",
                _ => "had first been announced on",
            };
            c.quote = format!("the {subject} {verb} {v}");
            c.value.push(v);
        }
        Prop::Location | Prop::Host | Prop::InitiatedBy => {
            let (truth, other) = match prop {
                Prop::Location => {
                    let (name, aliases) = CITIES[e.city];
                    let v = if !aliases.is_empty() && rng.chance(0.3) { aliases[0] } else { name };
                    (v.to_string(), CITIES[(e.city + 1 + j) % CITIES.len()].0.to_string())
                }
                Prop::Host => (world.orgs[e.host].clone(), world.orgs[(e.host + 1 + j) % world.orgs.len()].clone()),
                _ => (person(e.initiator, rng), world.people[(e.initiator + 1 + j) % world.people.len()].name()),
            };
            let v = match class {
                Class::Revised if first => {
                    c.hedge = Some("planned");
                    other
                }
                Class::Conflict if odd => other,
                _ => truth,
            };
            c.quote = match prop {
                Prop::Location => format!("the {subject} is to be held in {v}"),
                Prop::Host => format!("the {subject} is hosted by {v}"),
                _ => format!("the {subject} was initiated by {v}"),
            };
            c.value.push(v);
        }
        Prop::Participants => {
            let mut ids = e.participants.clone();
            match class {
                Class::Revised if first => {
                    c.hedge = Some("planned");
                    ids = ids.iter().map(|i| (i + 7) % world.people.len()).collect();
                }
                Class::Conflict if odd => ids = ids.iter().map(|i| (i + 3) % world.people.len()).collect(),
                Class::Compatible if odd && ids.len() > 1 => ids.truncate(ids.len() - 1),
                _ => {}
            }
            rng.shuffle(&mut ids);
            c.value = ids.iter().map(|&i| person(i, rng)).collect();
            c.list = true;
            c.quote = format!("the {subject} brought together {}", c.value.join(", "));
        }
        Prop::Status => {
            let v = match class {
                Class::Agree => *rng.pick(&["held", "took place", "went ahead"]),
                Class::Compatible => {
                    if first {
                        "scheduled"
                    } else {
                        "held"
                    }
                }
                Class::Revised => {
                    if first {
                        "scheduled"
                    } else {
                        *rng.pick(&["postponed", "put off", "delayed"])
                    }
                }
                Class::Conflict => {
                    if odd {
                        "cancelled"
                    } else {
                        "postponed"
                    }
                }
            };
            c.quote = format!("the {subject} has been {v}");
            if v == "took place" || v == "went ahead" {
                c.quote = format!("the {subject} {v}");
            }
            c.value.push(v.to_string());
        }
        Prop::AttendeeCount | Prop::Budget => {
            let truth = if prop == Prop::Budget { e.budget } else { e.attendees };
            let v = match class {
                Class::Revised if first => {
                    c.hedge = Some("likely");
                    format!("over {}", thousands(truth * 3))
                }
                Class::Conflict if odd => thousands(truth * 2 + 40),
                Class::Compatible if odd => format!("about {}", thousands(truth)),
                _ if j % 3 == 2 => truth.to_string(),
                _ => thousands(truth),
            };
            c.quote = if prop == Prop::Budget {
                c.value_type = Some("number");
                format!("the {subject} has a budget of {v} million dollars")
            } else {
                format!("the {subject} drew {v} delegates")
            };
            c.value.push(if prop == Prop::Budget { format!("{v} million dollars") } else { v });
        }
        Prop::Outcome | Prop::Agenda => {
            let topic = e.topic;
            let (truth, narrow, other) = if prop == Prop::Outcome {
                (
                    format!("a joint statement on {topic}"),
                    format!("a joint statement on {topic} and funding"),
                    "no agreement".to_string(),
                )
            } else {
                (format!("{topic} policy"), format!("{topic} policy and financing"), "regional security".to_string())
            };
            let v = match class {
                Class::Revised if first => {
                    c.hedge = Some("hoped");
                    other
                }
                Class::Conflict if odd => other,
                Class::Compatible if odd => narrow,
                Class::Agree if odd => capitalize(&truth),
                _ => truth,
            };
            c.quote = if prop == Prop::Outcome {
                format!("the {subject} ended with {v}")
            } else {
                format!("the agenda of the {subject} is {v}")
            };
            c.value.push(v);
        }
    }
    if rng.chance(0.3) {
        c.said_by = Some(person(rng.below(world.people.len()), rng));
    }
    c
}

fn source_yaml(
    id: &str,
    outlet: &str,
    published: NaiveDate,
    article: &str,
    title: &str,
    claims: &[ClaimOut],
    wire: bool,
) -> String {
    let mut out = String::with_capacity(256 + claims.len() * 220);
    let _ = write!(
        out,
        "source:\n  id: {id}\n  outlet: {}\n  title: {}\n  published: {}\n  article: {}\n{}claims:\n",
        y(outlet),
        y(title),
        published.format("%Y-%m-%d"),
        y(article),
        if wire { "  wire: [AP]\n" } else { "" }
    );
    for (i, c) in claims.iter().enumerate() {
        let value = if c.list {
            format!("[{}]", c.value.iter().map(|v| y(v)).collect::<Vec<_>>().join(", "))
        } else {
            y(&c.value[0])
        };
        let _ = write!(
            out,
            "  - id: c{}-{}\n    subject: {}\n    property: {}\n    value: {value}\n",
            i + 1,
            c.property.replace('_', "-"),
            y(&c.subject),
            c.property
        );
        if let Some(t) = c.value_type {
            let _ = writeln!(out, "    type: {t}");
        }
        if let Some(s) = &c.said_by {
            let _ = writeln!(out, "    said_by: {}", y(s));
        }
        if let Some(h) = c.hedge {
            let _ = writeln!(out, "    hedge: {h}");
        }
        let _ = writeln!(out, "    quote: {}", y(&c.quote));
    }
    out
}

fn article_text(title: &str, claims: &[ClaimOut], wire: Option<usize>, rng: &mut Rng) -> String {
    let mut out = format!("{title}\n\n");
    if let Some(n) = wire {
        let _ = writeln!(out, "{}\n", wire_story(n));
    }
    for c in claims {
        let lead = match &c.said_by {
            Some(p) => format!("{p} {} {}.", rng.pick(LEADS), c.quote),
            None => format!("{} {}.", rng.pick(OFFICIAL_LEADS), c.quote),
        };
        let _ = writeln!(out, "{} {lead} {}\n", filler(rng), filler(rng));
    }
    out
}

fn main() {
    let args = parse_args();
    if args.out.exists() {
        let empty = std::fs::read_dir(&args.out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            eprintln!("error: {} exists and is not empty; gen_corpus never writes over files", args.out.display());
            std::process::exit(2);
        }
    }
    let mut rng = Rng(args.seed);
    let avg_sources = 4;
    let events = args.sources.div_ceil(avg_sources).max(1);
    let world = build_world(&mut rng, events);
    let claims_dir = args.out.join("claims");
    let articles_dir = args.out.join("articles");
    write(&claims_dir.join("entities.yaml"), &registry(&world));

    // Sources are dealt to events in runs of 1..=7 (4 on average).
    let mut next_event = 0usize;
    let mut written = 0usize;
    let mut counter = 0usize;
    while written < args.sources {
        let e = &world.events[next_event % world.events.len()];
        let ev = next_event;
        next_event += 1;
        let n = (1 + rng.below(2 * avg_sources - 1)).min(args.sources - written);
        // Target class of each property of this event.
        let classes: Vec<Class> = PROPS
            .iter()
            .map(|_| match rng.below(100) {
                0..=44 => Class::Agree,
                45..=69 => Class::Compatible,
                70..=84 => Class::Revised,
                _ => Class::Conflict,
            })
            .collect();
        for j in 0..n {
            // Published before the event (j = 0, 1) and after it.
            let published = e.date - Duration::days(14) + Duration::days(12 * j as i64);
            let outlet = OUTLETS[(ev * 7 + j * 3) % OUTLETS.len()];
            let id = format!("{}-{}-{counter}", slug(outlet), published.format("%Y-%m-%d"));
            counter += 1;
            let mut props: Vec<usize> = (0..PROPS.len()).collect();
            rng.shuffle(&mut props);
            let primary = args.claims_per_source.min(8 + rng.below(3));
            let mut claims = Vec::with_capacity(args.claims_per_source);
            for &p in &props[..primary] {
                let subject = subject_spelling(&world, e, &mut rng);
                claims.push(claim_for(&world, e, PROPS[p], classes[p], j, &subject, &mut rng));
            }
            // The rest: a related, earlier event (a single or a small fact), or detail properties.
            let mut k = 0;
            while claims.len() < args.claims_per_source {
                let other = &world.events[(ev + world.events.len() - 1 - k % 3) % world.events.len()];
                let subject = subject_spelling(&world, other, &mut rng);
                let prop = [Prop::Date, Prop::Location, Prop::Status, Prop::Agenda][k % 4];
                let mut c = claim_for(&world, other, prop, Class::Agree, 2, &subject, &mut rng);
                if k >= 4 {
                    c.property = "detail";
                    c.value = vec![format!("detail {k} of {}", other.topic)];
                    c.quote = format!("the {subject} also covered detail {k} of {}", other.topic);
                }
                claims.push(c);
                k += 1;
            }
            let title = format!("{} {}: {}", e.kind, CITIES[e.city].0, e.topic);
            let article = format!("{}/{id}.txt", slug(outlet));
            let wire = rng.chance(WIRE_SHARE).then(|| rng.below(WIRE_STORIES));
            write(&articles_dir.join(&article), &article_text(&title, &claims, wire, &mut rng));
            let yaml = source_yaml(&id, outlet, published, &article, &title, &claims, wire.is_some());
            write(&claims_dir.join(slug(outlet)).join(published.year().to_string()).join(format!("{id}.yaml")), &yaml);
            written += 1;
        }
    }
    eprintln!(
        "wrote {} sources, {} claims, {} registry entities to {}",
        written,
        written * args.claims_per_source,
        world.people.len() + CITIES.len() + world.orgs.len() + world.events.len(),
        args.out.display()
    );
}

/// How a source writes an event's name: mostly as registered, sometimes by
/// an alias, misspelled (about 4%), or as a name the registry lacks.
fn subject_spelling(world: &World, e: &Event, rng: &mut Rng) -> String {
    let roll = rng.below(1000);
    if roll < 40 {
        misspell(&e.name, rng)
    } else if roll < 45 {
        world.unregistered[rng.below(world.unregistered.len())].clone()
    } else if roll < 200 && !e.aliases.is_empty() {
        e.aliases[rng.below(e.aliases.len())].clone()
    } else {
        e.name.clone()
    }
}

/// The output folder was checked to be new or empty, so nothing here
/// overwrites a person's file.
fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(dir, e));
    }
    std::fs::write(path, text).unwrap_or_else(|e| fail(path, e));
}

fn fail(path: &Path, e: std::io::Error) -> ! {
    eprintln!("error: cannot write {}: {e}", path.display());
    std::process::exit(2)
}
