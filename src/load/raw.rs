//! The claim-file and registry schema over the YAML tree: which keys exist,
//! which are required, and what shape each value has. It mirrors the files
//! exactly (strings stay strings); meaning — dates, enums, paths — is checked
//! in `load`. Every problem becomes a diagnostic with its line and column,
//! and reading goes on past it, so one run reports them all.

use std::path::Path;
use std::sync::Arc;

use crate::error::{Diagnostic, Loc};
use crate::load::yaml::{Node, NodeKind};
use crate::text::suggest;

/// A value with the place it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawScalarOrList {
    Scalar(String),
    List(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub outlet: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub published: Spanned<String>,
    pub published_inferred: Option<Spanned<String>>,
    pub article: Spanned<String>,
    pub url: Option<Spanned<String>>,
    pub wire: Vec<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub struct RawClaim {
    pub id: Spanned<String>,
    pub subject: Spanned<String>,
    pub property: Spanned<String>,
    pub value: Spanned<RawScalarOrList>,
    pub value_type: Option<Spanned<String>>,
    pub said_by: Option<Spanned<String>>,
    pub as_of: Option<Spanned<String>>,
    pub hedge: Option<Spanned<String>>,
    pub quote: Spanned<String>,
    pub note: Option<Spanned<String>>,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub struct RawClaimFile {
    pub source: Option<RawSource>,
    pub claims: Vec<RawClaim>,
}

/// One entry of the registry's `properties:` mapping.
#[derive(Debug, Clone)]
pub struct RawProperty {
    pub name: Spanned<String>,
    pub tolerance: Option<Spanned<String>>,
    /// `running: true|false`: whether the property is a running count.
    pub running: Option<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct RawEntity {
    pub name: Spanned<String>,
    pub kind: Spanned<String>,
    pub aliases: Vec<Spanned<String>>,
    pub loc: Loc,
}

pub const SOURCE_KEYS: &[&str] =
    &["id", "outlet", "title", "published", "published_inferred", "article", "url", "wire", "note"];
pub const CLAIM_KEYS: &[&str] =
    &["id", "subject", "property", "value", "type", "said_by", "as_of", "hedge", "quote", "note"];
pub const FILE_KEYS: &[&str] = &["source", "claims"];

/// Keys an author writes for one of ours that no spelling distance finds:
/// (written, meant). Each is suggested only where the meant key is valid
/// (`date` is `published` in a source, `as_of` in a claim).
const KEY_SYNONYMS: &[(&str, &str)] = &[
    ("date", "published"),
    ("date", "as_of"),
    ("published_on", "published"),
    ("published_at", "published"),
    ("publication_date", "published"),
    ("pub_date", "published"),
    ("dateline", "published"),
    ("said_on", "as_of"),
    ("speaker", "said_by"),
    ("said", "said_by"),
    ("attributed_to", "said_by"),
    ("attribution", "said_by"),
    ("who", "said_by"),
    ("quoted", "said_by"),
    ("by", "said_by"),
    ("publication", "outlet"),
    ("newspaper", "outlet"),
    ("media", "outlet"),
    ("agency", "wire"),
    ("headline", "title"),
    ("link", "url"),
    ("file", "article"),
    ("path", "article"),
    ("text", "quote"),
    ("quotation", "quote"),
    ("excerpt", "quote"),
    ("fact", "property"),
    ("attribute", "property"),
    ("predicate", "property"),
    ("field", "property"),
    ("entity", "subject"),
    ("about", "subject"),
    ("topic", "subject"),
    ("claim", "value"),
    ("kind", "type"),
    ("value_type", "type"),
    ("datatype", "type"),
    ("confidence", "hedge"),
    ("certainty", "hedge"),
    ("modality", "hedge"),
    ("comment", "note"),
    ("notes", "note"),
    ("alias", "aliases"),
    ("aka", "aliases"),
    ("type", "kind"),
    ("label", "name"),
];
pub const REGISTRY_KEYS: &[&str] = &["entities", "properties"];
pub const PROPERTY_KEYS: &[&str] = &["tolerance", "running"];
pub const ENTITY_KEYS: &[&str] = &["name", "kind", "aliases", "note"];

/// Reads one mapping against a list of allowed keys. Reading a value takes
/// its text out of the tree (no copy), so each key is read once.
pub(super) struct Fields<'a> {
    entries: &'a mut [(Node, Node)],
    file: &'a Arc<Path>,
    pub(super) loc: Loc,
    what: &'static str,
}

impl<'a> Fields<'a> {
    /// Check the keys of `node` (which must be a mapping) and report unknown
    /// and duplicate ones. `None` when the node is not a mapping.
    pub(super) fn new(
        node: &'a mut Node,
        file: &'a Arc<Path>,
        what: &'static str,
        allowed: &[&str],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Fields<'a>> {
        let loc = Loc::at(file, node.line, node.col);
        let kind_name = node.kind_name();
        let NodeKind::Map(entries) = &mut node.kind else {
            diags.push(
                Diagnostic::error(Some(loc), format!("{what} should be a mapping of keys, found {kind_name}"))
                    .with_help(format!("write it as `key: value` lines; keys: {}", allowed.join(", "))),
            );
            return None;
        };
        let mut seen: Vec<(&str, u32)> = Vec::new();
        for (key, _) in entries.iter() {
            let kloc = Loc::at(file, key.line, key.col);
            let NodeKind::Scalar { text, .. } = &key.kind else {
                diags
                    .push(Diagnostic::error(Some(kloc), format!("a key in {what} is {}, not a name", key.kind_name())));
                continue;
            };
            if !allowed.contains(&text.as_str()) {
                let mut d = Diagnostic::error(Some(kloc.clone()), format!("unknown key '{text}' in {what}"));
                // A source's or a claim's key at the top of a claim file: the
                // file is written flat, its sections left out.
                let (source, claim) = (SOURCE_KEYS.contains(&text.as_str()), CLAIM_KEYS.contains(&text.as_str()));
                let section = match (source, claim) {
                    _ if allowed != FILE_KEYS => None,
                    (true, true) => Some((
                        "the source or a claim",
                        "the source's keys go under `source:`, indented, and a claim's in an item of `claims:`",
                    )),
                    (true, false) => Some(("the source", "the source's keys go under `source:`, indented")),
                    (false, true) => Some(("a claim", "a claim's keys go in an item of `claims:` (`- id: ...`)")),
                    (false, false) => None,
                };
                d = match (section, suggest(text, allowed, KEY_SYNONYMS)) {
                    (Some((whose, section)), _) => d.with_help(format!(
                        "'{text}' is a key of {whose}: {section}; valid keys here: {}",
                        allowed.join(", ")
                    )),
                    (None, Some(near)) => {
                        d.with_help(format!("did you mean '{near}'? valid keys: {}", allowed.join(", ")))
                    }
                    (None, None) => d.with_help(format!("valid keys: {}", allowed.join(", "))),
                };
                diags.push(d);
            }
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == text.as_str()) {
                diags.push(
                    Diagnostic::error(Some(kloc), format!("duplicate key '{text}' in {what}"))
                        .with_help(format!("it is already given on line {first}; keep one")),
                );
            } else {
                seen.push((text, key.line));
            }
        }
        Some(Fields { entries, file, loc, what })
    }

    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find_map(|(k, v)| match &k.kind {
            NodeKind::Scalar { text, .. } if text == key => Some(v),
            _ => None,
        })
    }

    /// Where `key` is written, when it is.
    fn key_loc(&self, key: &str) -> Option<Loc> {
        self.entries.iter().find_map(|(k, _)| match &k.kind {
            NodeKind::Scalar { text, .. } if text == key => Some(Loc::at(self.file, k.line, k.col)),
            _ => None,
        })
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        self.entries.iter_mut().find_map(|(k, v)| match &k.kind {
            NodeKind::Scalar { text, .. } if text == key => Some(v),
            _ => None,
        })
    }

    /// An optional text value; a null counts as absent.
    pub(super) fn opt_text(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
        let (file, what) = (self.file, self.what);
        let node = self.get_mut(key)?;
        if node.is_null() {
            return None;
        }
        let loc = Loc::at(file, node.line, node.col);
        match &mut node.kind {
            NodeKind::Scalar { text, .. } => Some(Spanned { value: trimmed(std::mem::take(text)), loc }),
            _ => {
                diags.push(
                    Diagnostic::error(
                        Some(loc),
                        format!("'{key}' in {what} should be text, found {}", node.kind_name()),
                    )
                    .with_help(format!("write `{key}: some text` on one line (quote it if it contains ': ')")),
                );
                None
            }
        }
    }

    /// A required, non-empty text value.
    pub(super) fn text(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
        let present = self.get(key).is_some_and(|n| !n.is_null());
        match self.opt_text(key, diags) {
            Some(s) if !s.value.is_empty() => Some(s),
            Some(s) => {
                diags.push(Diagnostic::error(Some(s.loc), format!("'{key}' in {} is empty", self.what)).with_help(
                    format!("give `{key}:` a value, or leave the {} out", self.what.trim_start_matches("a ")),
                ));
                None
            }
            None if !present => {
                diags.push(
                    Diagnostic::error(Some(self.loc.clone()), format!("{} has no '{key}'", self.what))
                        .with_help(format!("add `{key}: ...`; it is required")),
                );
                None
            }
            None => None,
        }
    }

    /// A list of texts; a single scalar is taken as a list of one.
    fn text_list(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<Spanned<String>> {
        let file = self.file;
        let Some(node) = self.get_mut(key) else { return Vec::new() };
        if node.is_null() {
            return Vec::new();
        }
        let loc = Loc::at(file, node.line, node.col);
        match &mut node.kind {
            NodeKind::Scalar { text, .. } => {
                let value = trimmed(std::mem::take(text));
                // "aliases: Genf, Genève, Ginevra": one text where a list was meant,
                // most likely (a name may hold a comma: "Washington, D.C.").
                if key == "aliases" && value.contains(',') {
                    diags.push(
                        Diagnostic::warning(
                            Some(loc.clone()),
                            format!("'{key}' is one text with commas, '{value}': it is read as one alias"),
                        )
                        .with_help(format!(
                            "if it names several, write them as a list: `{key}: [{}]`; if it is one name with a comma, \
                             write it quoted in a list: `{key}: [\"{value}\"]`",
                            value.split(',').map(str::trim).collect::<Vec<_>>().join(", ")
                        )),
                    );
                }
                vec![Spanned { value, loc }]
            }
            NodeKind::Seq(items) => items
                .iter_mut()
                .filter_map(|item| {
                    let loc = Loc::at(file, item.line, item.col);
                    let null = item.is_null();
                    let kind_name = item.kind_name();
                    match &mut item.kind {
                        NodeKind::Scalar { text, .. } if !null => {
                            Some(Spanned { value: trimmed(std::mem::take(text)), loc })
                        }
                        _ => {
                            diags.push(
                                Diagnostic::error(
                                    Some(loc),
                                    format!("an item of '{key}' is {kind_name}, expected text"),
                                )
                                .with_help(format!("write `{key}: [first, second]`")),
                            );
                            None
                        }
                    }
                })
                .collect(),
            NodeKind::Map(_) => {
                diags.push(
                    Diagnostic::error(Some(loc), format!("'{key}' should be a list of text, found a mapping"))
                        .with_help(format!("write `{key}: [first, second]`")),
                );
                Vec::new()
            }
        }
    }
}

/// `text` without its leading and trailing white space, reusing its buffer
/// when there is none (the common case). The buffer is shrunk to fit (in
/// place): the scanner grew it as it read, and the corpus keeps it.
fn trimmed(mut text: String) -> String {
    if text.trim().len() == text.len() {
        text.shrink_to_fit();
        text
    } else {
        text.trim().to_string()
    }
}

fn errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

/// Read a claim file's tree. Problems go to `diags`; what could be read is returned.
pub fn claim_file(root: &mut Node, file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> RawClaimFile {
    let mut out = RawClaimFile { source: None, claims: Vec::new() };
    let Some(mut top) = Fields::new(root, file, "the claim file", FILE_KEYS, diags) else { return out };
    let top_loc = top.loc.clone();
    match top.get_mut("source") {
        Some(node) => out.source = source(node, file, diags),
        None => diags.push(
            Diagnostic::error(Some(top_loc.clone()), "the claim file has no 'source' section")
                .with_help("start the file with `source:` (id, outlet, published, article)"),
        ),
    }
    let claims_loc = top.key_loc("claims");
    // A claim file that lists no claims checks nothing: most likely claims
    // not yet entered, or all commented out. A warning, as the file is sound.
    let no_claims = |diags: &mut Vec<Diagnostic>, written: &str| {
        diags.push(
            Diagnostic::warning(
                claims_loc.clone(),
                format!("the claim file lists no claims ({written}): its source is read, but nothing in it is checked"),
            )
            .with_help("add the article's claims under `claims:`, one `- id: ...` item each, or delete the file if it has none to check"),
        );
    };
    match top.get_mut("claims") {
        Some(node) if node.is_null() => no_claims(diags, "`claims:` is empty"),
        Some(node) => match &mut node.kind {
            NodeKind::Seq(items) if items.is_empty() => no_claims(diags, "`claims: []`"),
            NodeKind::Seq(items) => out.claims = items.iter_mut().filter_map(|item| claim(item, file, diags)).collect(),
            _ => diags.push(
                Diagnostic::error(
                    Some(Loc::at(file, node.line, node.col)),
                    format!("'claims' should be a list, found {}", node.kind_name()),
                )
                .with_help("write each claim as a list item starting with `- id: ...`"),
            ),
        },
        None => diags.push(
            Diagnostic::error(Some(top_loc), "the claim file has no 'claims' list")
                .with_help("add `claims:` with one `- id: ...` item per claim"),
        ),
    }
    out
}

/// A source or claim with any error in it is left out whole, so that no
/// half-read claim reaches a verdict.
fn source(node: &mut Node, file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> Option<RawSource> {
    let before = errors(diags);
    let mut f = Fields::new(node, file, "'source'", SOURCE_KEYS, diags)?;
    let id = f.text("id", diags);
    let outlet = f.text("outlet", diags);
    let published = f.text("published", diags);
    let article = f.text("article", diags);
    let title = f.opt_text("title", diags);
    let published_inferred = f.opt_text("published_inferred", diags);
    let url = f.opt_text("url", diags);
    let wire = one_per_name(f.text_list("wire", diags));
    let note = f.opt_text("note", diags);
    if errors(diags) > before {
        return None;
    }
    Some(RawSource {
        id: id?,
        outlet: outlet?,
        title,
        published: published?,
        published_inferred,
        article: article?,
        url,
        wire,
        note,
        loc: f.loc.clone(),
    })
}

fn claim(node: &mut Node, file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> Option<RawClaim> {
    let before = errors(diags);
    let mut f = Fields::new(node, file, "a claim", CLAIM_KEYS, diags)?;
    let id = f.text("id", diags);
    let subject = f.text("subject", diags);
    let property = f.text("property", diags);
    let value = claim_value(&mut f, diags);
    let quote = f.text("quote", diags);
    let value_type = f.opt_text("type", diags);
    let said_by = f.opt_text("said_by", diags);
    let as_of = f.opt_text("as_of", diags);
    let hedge = f.opt_text("hedge", diags);
    let note = f.opt_text("note", diags);
    if errors(diags) > before {
        return None;
    }
    Some(RawClaim {
        id: id?,
        subject: subject?,
        property: property?,
        value: value?,
        value_type,
        said_by,
        as_of,
        hedge,
        quote: quote?,
        note,
        loc: f.loc.clone(),
    })
}

fn claim_value(f: &mut Fields<'_>, diags: &mut Vec<Diagnostic>) -> Option<Spanned<RawScalarOrList>> {
    let missing = Diagnostic::error(Some(f.loc.clone()), "a claim has no 'value'");
    let file = f.file;
    let Some(node) = f.get_mut("value").filter(|n| !n.is_null()) else {
        diags.push(missing.with_help("add `value: ...` with the value as the article words it"));
        return None;
    };
    let loc = Loc::at(file, node.line, node.col);
    match &mut node.kind {
        NodeKind::Scalar { text, .. } if text.trim().is_empty() => {
            diags.push(
                Diagnostic::error(Some(loc), "the claim's 'value' is empty").with_help(
                    "write the value as the article words it (`value: mid-November`), or leave the claim out",
                ),
            );
            None
        }
        NodeKind::Scalar { text, .. } => {
            Some(Spanned { value: RawScalarOrList::Scalar(trimmed(std::mem::take(text))), loc })
        }
        NodeKind::Seq(_) => {
            let before = diags.len();
            let items = f.text_list("value", diags);
            if diags.len() > before {
                return None;
            }
            if items.is_empty() {
                diags.push(
                    Diagnostic::error(Some(loc), "the claim's 'value' is an empty list")
                        .with_help("list at least one item, or leave the claim out"),
                );
                return None;
            }
            Some(Spanned { value: RawScalarOrList::List(items.into_iter().map(|s| s.value).collect()), loc })
        }
        NodeKind::Map(_) => {
            diags.push(
                Diagnostic::error(Some(loc), "the claim's 'value' is a mapping; expected text or a list")
                    .with_help("write `value: mid-November` or `value: [John Kerry, Sergey Lavrov]`"),
            );
            None
        }
    }
}

/// Read the registry's tree.
pub fn registry(root: &mut Node, file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> Vec<RawEntity> {
    let Some(mut top) = Fields::new(root, file, "the entity registry", REGISTRY_KEYS, diags) else {
        return Vec::new();
    };
    let top_loc = top.loc.clone();
    let key_loc = top.key_loc("entities");
    let Some(list) = top.get_mut("entities") else {
        diags.push(
            Diagnostic::error(Some(top_loc), "the registry has no 'entities' list")
                .with_help("write `entities:` followed by `- name: ...` items"),
        );
        return Vec::new();
    };
    // A registry that lists no entity matches names only as written, as no
    // registry does (a warning too); an empty file is an error, as for claim files.
    let no_entities = |diags: &mut Vec<Diagnostic>, written: &str| {
        diags.push(
            Diagnostic::warning(
                key_loc.clone(),
                format!(
                    "the registry lists no entities ({written}): names are only matched when written alike, as \
                     without a registry"
                ),
            )
            .with_help(
                "add one `- name: ...` item (with `kind:`) per entity under `entities:`; see docs/claims-format.md",
            ),
        );
    };
    let (list_loc, list_kind, list_null) = (Loc::at(file, list.line, list.col), list.kind_name(), list.is_null());
    let NodeKind::Seq(items) = &mut list.kind else {
        if list_null {
            no_entities(diags, "`entities:` is empty");
        } else {
            diags.push(
                Diagnostic::error(Some(list_loc), format!("'entities' should be a list, found {list_kind}")).with_help(
                    "write each entity as an item of the list: `- name: Geneva` with `kind:` and `aliases:` under it \
                     (docs/claims-format.md, \"The registry\")",
                ),
            );
        }
        return Vec::new();
    };
    if items.is_empty() {
        no_entities(diags, "`entities: []`");
    }
    items
        .iter_mut()
        .filter_map(|item| {
            let mut f = Fields::new(item, file, "an entity", ENTITY_KEYS, diags)?;
            let name = f.text("name", diags);
            let kind = f.text("kind", diags);
            let aliases = f.text_list("aliases", diags);
            let _ = f.opt_text("note", diags);
            Some(RawEntity { name: name?, kind: kind?, aliases, loc: f.loc.clone() })
        })
        .collect()
}

/// `wire: AP, Reuters` written as one text: an agency's name holds no comma
/// or semicolon, so each part is one agency, as `wire: [AP, Reuters]` is.
fn one_per_name(list: Vec<Spanned<String>>) -> Vec<Spanned<String>> {
    list.into_iter()
        .flat_map(|item| {
            let parts: Vec<String> =
                item.value.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect();
            let loc = item.loc;
            if parts.len() <= 1 {
                return vec![Spanned { value: item.value, loc }];
            }
            parts.into_iter().map(|value| Spanned { value, loc: loc.clone() }).collect()
        })
        .collect()
}

/// The registry's optional `properties:` mapping (settings per property name,
/// e.g. `act_dep_time: {tolerance: 10m}`). The registry's shape itself is
/// checked by [`registry`].
pub fn registry_properties(root: &mut Node, file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> Vec<RawProperty> {
    let NodeKind::Map(entries) = &mut root.kind else { return Vec::new() };
    let Some(node) = entries.iter_mut().find_map(|(k, v)| match &k.kind {
        NodeKind::Scalar { text, .. } if text == "properties" => Some(v),
        _ => None,
    }) else {
        return Vec::new();
    };
    if node.is_null() {
        return Vec::new();
    }
    let help = "write `properties:` and under it one line per property, e.g. `  act_dep_time: {tolerance: 10m}`";
    let kind_name = node.kind_name();
    let (line, col) = (node.line, node.col);
    let NodeKind::Map(props) = &mut node.kind else {
        diags.push(
            Diagnostic::error(
                Some(Loc::at(file, line, col)),
                format!("'properties' should be a mapping of property names to settings, found {kind_name}"),
            )
            .with_help(help),
        );
        return Vec::new();
    };
    let mut out: Vec<RawProperty> = Vec::new();
    for (key, value) in props {
        let loc = Loc::at(file, key.line, key.col);
        let name = match &key.kind {
            NodeKind::Scalar { text, .. } if !text.trim().is_empty() => text.trim().to_string(),
            _ => {
                diags
                    .push(Diagnostic::error(Some(loc), "a key of 'properties' is not a property name").with_help(help));
                continue;
            }
        };
        if let Some(first) = out.iter().find(|p| p.name.value == name) {
            diags.push(
                Diagnostic::error(Some(loc), format!("the property '{name}' is given twice in 'properties'"))
                    .with_help(format!("it is already given on line {}; keep one", first.name.loc.line)),
            );
            continue;
        }
        let Some(mut f) = Fields::new(value, file, "a property's settings", PROPERTY_KEYS, diags) else { continue };
        let tolerance = f.opt_text("tolerance", diags);
        let running = f.opt_text("running", diags);
        out.push(RawProperty { name: Spanned { value: name, loc }, tolerance, running });
    }
    out
}
