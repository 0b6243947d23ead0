//! Load: find the claim files and the registry, read them, check their
//! meaning (dates, enums, ids, article paths) and read the articles.
//!
//! This is the only stage that touches the file system. It never stops at the
//! first problem: every file is read, every problem becomes a [`Diagnostic`],
//! and what could be read is returned so the rest of the pipeline can still
//! report on it.

pub mod raw;
pub mod reviews;
pub mod yaml;

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::error::{Diagnostic, Loc};
use crate::model::{Claim, Corpus, Entity, EntityKind, Hedge, RawValue, Source, ValueType};
use crate::progress::{Progress, Silent};
use crate::text::slug;
use raw::{RawScalarOrList, Spanned};

/// Largest claim, registry or article file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// File names, in the claims directory, of the entity registry.
pub const REGISTRY_NAMES: &[&str] = &["entities.yaml", "entities.yml"];
/// Earliest and latest year accepted in `published` and `as_of`.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// What `load` found: the corpus, each source's article text (same index as
/// `corpus.sources`; `None` when it could not be read), and the problems.
#[derive(Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub articles: Vec<Option<String>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The claims the claim files list, read or not (a claim with an error,
    /// or in a file dropped for its source, counts): what a report that
    /// covers only the claims read is measured against.
    pub claims_written: usize,
    /// Claim files (`.yaml` other than the registry) whose claims could not
    /// even be counted: not text, too large, not YAML, or behind a symbolic
    /// link that leads outside the claims folder.
    pub claim_files_unread: usize,
    /// Folders of the claims folder (it included) that could not be read,
    /// or not in full (a listing that failed part way), or were refused as
    /// a symbolic link leading outside it: the claim files in them are
    /// neither read nor counted.
    pub folders_unread: usize,
}

/// Read every claim file under `claims_dir` (recursively, in path order), the
/// registry `claims_dir/entities.yaml`, and each source's article under
/// `articles_dir`.
pub fn load(claims_dir: &Path, articles_dir: &Path) -> Loaded {
    load_with(claims_dir, articles_dir, &Silent)
}

/// [`load`], telling `progress` how far it is.
pub fn load_with(claims_dir: &Path, articles_dir: &Path, progress: &dyn Progress) -> Loaded {
    let mut out = Loaded::default();
    let diags = &mut out.diagnostics;
    if !claims_dir.is_dir() {
        let what = if claims_dir.exists() { "is not a directory" } else { "not found" };
        diags.push(
            Diagnostic::error(None, format!("claims directory '{}' {what}", claims_dir.display()))
                .with_help("run crosscheck in a folder that has claims/ and articles/, or pass --claims DIR"),
        );
        return out;
    }
    let articles_found = articles_dir.is_dir();
    if !articles_found {
        let what = if articles_dir.exists() { "is not a directory" } else { "not found" };
        diags.push(
            Diagnostic::error(None, format!("articles directory '{}' {what}", articles_dir.display()))
                .with_help("put each source's article text in articles/, or pass --articles DIR"),
        );
    }
    let mut files = Vec::new();
    let mut skipped = Skipped::default();
    collect_files(claims_dir, &mut files, &mut skipped, diags);
    files.sort();
    out.claim_files_unread += skipped.outside_claim_files;
    out.folders_unread = skipped.folders_unread;
    // The registry alone is no claim file: nothing would be checked.
    let is_claim_file = |path: &PathBuf| {
        let name = path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default();
        let registry =
            path.parent() == Some(claims_dir) && REGISTRY_NAMES.iter().any(|r| r.as_bytes().eq_ignore_ascii_case(name));
        !registry && has_claim_file_ending(name)
    };
    // Not when something could not be read: its error says why nothing was checked.
    let nothing_unread = skipped.outside_claim_files == 0 && skipped.folders_unread == 0;
    if nothing_unread && !files.iter().any(is_claim_file) {
        diags.push(Diagnostic::warning(None, format!("no claim files in '{}'", claims_dir.display())).with_help(
            "claim files end in .yaml or .yml, beside entities.yaml or in folders below it; nothing was checked; \
                 see docs/claims-format.md",
        ));
    }
    if !skipped.hidden.is_empty() {
        diags.push(hidden_skipped(claims_dir, &mut skipped.hidden));
    }

    // Each file is read, parsed and checked on its own, in parallel; what
    // depends on other files (a second registry, a source id used twice) is
    // decided after, in path order, so the result does not depend on threads.
    let articles = Articles {
        dir: articles_dir,
        found: articles_found,
        root: if articles_found { fs::canonicalize(articles_dir).ok() } else { None },
    };
    progress.start("reading", files.len() as u64);
    let read: Vec<FileRead> = files
        .par_iter()
        .map(|path| {
            let r = read_file(path, claims_dir, &articles);
            progress.advance(1);
            r
        })
        .collect();
    drop(files);

    // Sized once: growing by doubling copies everything again each time,
    // and the copies fault in fresh pages. The claims stay in their files'
    // vectors until all are known, then are joined in parallel.
    let sources = read.iter().filter(|r| matches!(r.kind, FileKind::Claims { .. })).count();
    let mut claims_of: Vec<Vec<Claim>> = Vec::with_capacity(sources);
    out.corpus.sources.reserve_exact(sources);
    out.articles.reserve_exact(sources);
    let mut registry_found: Option<Arc<Path>> = None;
    // The files of each source id: an id in two files keeps neither (which
    // is the stale copy, `a.yaml` or `a.orig.yaml`, only a person can tell).
    let mut source_files: HashMap<String, Vec<Loc>> = HashMap::with_capacity(sources);
    for r in &read {
        if let FileKind::Claims { source, .. } = &r.kind {
            source_files.entry(source.id.clone()).or_default().push(source.loc.clone());
        }
    }
    for r in read {
        diags.extend(r.diags);
        out.claims_written += r.tally.written;
        out.claim_files_unread += usize::from(r.tally.unread);
        match r.kind {
            FileKind::Skipped => {}
            FileKind::Registry { file, entities, properties, registry_diags } => {
                if let Some(first) = &registry_found {
                    diags.push(
                        Diagnostic::error(Some(Loc::file(&file)), "a second entity registry")
                            .with_help(format!("{} is the registry; merge the two into it", first.display())),
                    );
                    continue;
                }
                registry_found = Some(file);
                diags.extend(registry_diags);
                out.corpus.entities.extend(entities);
                out.corpus.tolerances.extend(properties.tolerances);
                out.corpus.running.extend(properties.running);
            }
            FileKind::Claims { source, claims, claim_diags, article, article_diags } => {
                let files = &source_files[&source.id];
                if files.len() > 1 {
                    diags.push(source_id_taken(&source, files));
                    continue;
                }
                claims_of.push(claims);
                diags.extend(claim_diags);
                diags.extend(article_diags);
                out.articles.push(article);
                out.corpus.sources.push(*source);
            }
        }
    }
    // A folder where the registry should be (`mkdir claims/entities.yaml`,
    // or the registry split into files in a folder of that name) is named
    // for what it is, not taken for a missing registry.
    let registry_folder = || {
        REGISTRY_NAMES
            .iter()
            .map(|name| claims_dir.join(name))
            .find(|path| fs::metadata(path).is_ok_and(|m| m.is_dir()))
    };
    if let Some(folder) = registry_found.is_none().then(registry_folder).flatten() {
        let file: Arc<Path> = Arc::from(folder.as_path());
        diags.push(
            Diagnostic::error(
                Some(Loc::file(&file)),
                "the entity registry is a folder, not a file; no registry is read",
            )
            .with_help(format!(
                "the registry is one YAML file with an `entities:` list (docs/claims-format.md): rename the \
                     folder (its claim files are read as any folder's), then write the registry as the file {}",
                folder.display()
            )),
        );
    } else if registry_found.is_none() {
        diags.push(
            Diagnostic::warning(
                None,
                format!("no entity registry at {}", claims_dir.join(REGISTRY_NAMES[0]).display()),
            )
            .with_help("without it, names are only matched when written alike; see docs/claims-format.md"),
        );
    }
    in_id_order(&mut out, claims_of);
    split_entity_lists(&mut out.corpus.claims, &out.corpus.entities);
    out
}

/// The error for a claim file whose source id another claim file uses too
/// (`files`, in path order, this one among them): each file gets one,
/// naming the others, and neither file's claims are checked.
fn source_id_taken(source: &Source, files: &[Loc]) -> Diagnostic {
    let others: Vec<String> = files
        .iter()
        .filter(|l| l.file != source.loc.file)
        .map(|l| if l.line > 0 { format!("{}:{}", l.file.display(), l.line) } else { l.file.display().to_string() })
        .collect();
    let times = match files.len() {
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    Diagnostic::error(
        Some(source.loc.clone()),
        format!(
            "source id '{}' is used {times}: also in {}; the claims of none of these files are checked",
            source.id,
            others.join(", ")
        ),
    )
    .with_help(
        "each source needs its own id: if one file is a stale copy (a backup such as x.orig.yaml), remove it; \
         if they are two articles, give each its own id",
    )
}

/// The warning naming the hidden files and folders (a name beginning with
/// '.') the walk of `claims_dir` passed over: how many, and the first few
/// in path order, so a draft saved as `.draft.yaml` is not lost unseen.
fn hidden_skipped(claims_dir: &Path, hidden: &mut [PathBuf]) -> Diagnostic {
    const NAMED: usize = 3;
    hidden.sort();
    let mut named: Vec<String> = hidden.iter().take(NAMED).map(|p| p.display().to_string()).collect();
    if hidden.len() > NAMED {
        named.push(format!("and {} more", hidden.len() - NAMED));
    }
    let (count, were) = match hidden.len() {
        1 => ("1 hidden file or folder".to_string(), "was"),
        n => (format!("{n} hidden files or folders"), "were"),
    };
    Diagnostic::warning(
        None,
        format!("{count} in '{}' {were} skipped unread: {}", claims_dir.display(), named.join(", ")),
    )
    .with_help(
        "a name beginning with '.' is never read; if one is a claim file, rename it without the dot to have it checked",
    )
}

/// One file of the claims folder, read and checked on its own (in parallel
/// with the others); what depends on other files is decided by the caller.
struct FileRead {
    diags: Vec<Diagnostic>,
    kind: FileKind,
    tally: Tally,
}

/// What one file adds to [`Loaded::claims_written`] and
/// [`Loaded::claim_files_unread`].
#[derive(Default)]
struct Tally {
    written: usize,
    unread: bool,
}

enum FileKind {
    /// Not read, or nothing usable in it (its problems are in `diags`).
    Skipped,
    /// The registry; its own problems apart, as a second registry is dropped whole.
    Registry { file: Arc<Path>, entities: Vec<Entity>, properties: PropertySettings, registry_diags: Vec<Diagnostic> },
    /// A claim file, its claims (`source` index not yet set) and its article;
    /// the claims' and the article's problems apart, as they are dropped
    /// with the file when its source id turns out to be taken.
    Claims {
        source: Box<Source>,
        claims: Vec<Claim>,
        claim_diags: Vec<Diagnostic>,
        article: Option<String>,
        article_diags: Vec<Diagnostic>,
    },
}

/// The articles directory: its path as given, whether it is there, and its
/// path with links resolved (resolved once, not once per article).
struct Articles<'a> {
    dir: &'a Path,
    found: bool,
    root: Option<PathBuf>,
}

fn read_file(path: &Path, claims_dir: &Path, articles: &Articles<'_>) -> FileRead {
    let mut diags = Vec::new();
    let mut tally = Tally::default();
    let kind = read_file_into(path, claims_dir, articles, &mut diags, &mut tally);
    FileRead { diags, kind, tally }
}

fn read_file_into(
    path: &Path,
    claims_dir: &Path,
    articles: &Articles<'_>,
    diags: &mut Vec<Diagnostic>,
    tally: &mut Tally,
) -> FileKind {
    let articles_dir = articles.dir;
    let file: Arc<Path> = Arc::from(path);
    // Reports and reviews name files by their path inside the claims folder: it must be text.
    let in_claims_is_text = path.strip_prefix(claims_dir).map_or(true, |rel| rel.to_str().is_some());
    let Some(name) = path.file_name().and_then(|n| n.to_str()).filter(|_| in_claims_is_text) else {
        // A claim file all the same (by its ending) whose claims are not counted.
        tally.unread = has_claim_file_ending(path.as_os_str().as_encoded_bytes());
        diags.push(
            Diagnostic::error(Some(Loc::file(&file)), "the file name is not valid UTF-8 (it is shown with '\u{fffd}')")
                .with_help("rename it with letters saved as UTF-8, e.g. `mv` it to a name typed anew"),
        );
        return FileKind::Skipped;
    };
    if !has_claim_file_ending(name.as_bytes()) {
        diags.push(
            Diagnostic::error(Some(Loc::file(&file)), "not a claim file: claim files end in .yaml or .yml")
                .with_help("move it out of the claims directory, or rename it if it is a claim file"),
        );
        return FileKind::Skipped;
    }
    // (In any case, as claim file endings: `Entities.YAML` is the registry.)
    let is_registry = path.parent() == Some(claims_dir) && REGISTRY_NAMES.iter().any(|r| r.eq_ignore_ascii_case(name));
    let shape = if is_registry { Shape::Registry } else { Shape::Claims };
    let root = with_text(&file, diags, |text, diags| parse_yaml(text, &file, shape, diags)).flatten();
    if is_registry {
        // A registry that cannot be read is still the registry: its errors
        // say what is wrong, not a warning that there is none.
        let mut registry_diags = Vec::new();
        let (entities, properties) = match root {
            Some(mut root) => registry_file(&mut root, &file, &mut registry_diags),
            None => (Vec::new(), PropertySettings::default()),
        };
        return FileKind::Registry { file, entities, properties, registry_diags };
    }
    let Some(mut root) = root else {
        tally.unread = true;
        return FileKind::Skipped;
    };
    // A registry under another name or in a subfolder: one error saying
    // so, not the claim-file schema's three ("unknown key 'entities'", no
    // 'source', no 'claims').
    if let Some(key) = registry_key(&root) {
        diags.push(
            Diagnostic::error(
                Some(Loc::at(&file, key.line, key.col)),
                format!(
                    "this looks like an entity registry (it has 'entities' and no 'source' or 'claims'), but the \
                     registry must be {}; this file is not read",
                    claims_dir.join(REGISTRY_NAMES[0]).display()
                ),
            )
            .with_help(format!(
                "move it to {} (or merge its entities into that file if there is one), or, if it is a claim file, \
                 give it 'source' and 'claims'",
                claims_dir.join(REGISTRY_NAMES[0]).display()
            )),
        );
        return FileKind::Skipped;
    }
    tally.written = claims_listed(&root);
    let mut claim_diags = Vec::new();
    let Some((source, claims)) = claim_file(&mut root, &file, articles_dir, &mut claim_diags) else {
        diags.extend(claim_diags);
        return FileKind::Skipped;
    };
    drop(root);
    let mut article_diags = Vec::new();
    let article = if articles.found {
        read_article(&source, articles_dir, articles.root.as_deref(), &mut article_diags)
    } else {
        None
    };
    FileKind::Claims { source: Box::new(source), claims, claim_diags, article, article_diags }
}

/// The `entities` key of a tree that looks like an entity registry, not a
/// claim file: a mapping with `entities` and neither `source` nor `claims`.
fn registry_key(root: &yaml::Node) -> Option<&yaml::Node> {
    let yaml::NodeKind::Map(entries) = &root.kind else {
        return None;
    };
    let key = |name: &str| {
        entries.iter().map(|(k, _)| k).find(|k| matches!(&k.kind, yaml::NodeKind::Scalar { text, .. } if text == name))
    };
    key("entities").filter(|_| key("source").is_none() && key("claims").is_none())
}

/// How many claims a claim file's tree lists: the items of its `claims:`
/// sequence (one claim when it is a single mapping; none when it is absent
/// or something else).
fn claims_listed(root: &yaml::Node) -> usize {
    let yaml::NodeKind::Map(entries) = &root.kind else {
        return 0;
    };
    entries.iter().find(|(k, _)| matches!(&k.kind, yaml::NodeKind::Scalar { text, .. } if text == "claims")).map_or(
        0,
        |(_, v)| match &v.kind {
            yaml::NodeKind::Seq(items) => items.len(),
            yaml::NodeKind::Map(_) => 1,
            yaml::NodeKind::Scalar { .. } => 0,
        },
    )
}

/// Put the sources (and their articles) in order of source id, and point each
/// claim at its source's new place: everything after `load` that numbers
/// sources (dependence clusters, "the earlier of two sources", truth
/// discovery's tie-breaks) then depends on the ids, never on file names or
/// folders. Ids are unique: a duplicate is an error and its file is dropped.
/// `claims_of[i]` are the claims of the `i`th source as read (files in path
/// order): they are joined in that order, each pointing at its source.
fn in_id_order(out: &mut Loaded, mut claims_of: Vec<Vec<Claim>>) {
    let sources = std::mem::take(&mut out.corpus.sources);
    let mut articles = std::mem::take(&mut out.articles);
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.par_sort_unstable_by(|&a, &b| sources[a].id.cmp(&sources[b].id).then(a.cmp(&b)));
    let mut new_index = vec![0; sources.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Source>> = sources.into_iter().map(Some).collect();
    out.corpus.sources = order.iter().filter_map(|&old| slots[old].take()).collect();
    out.articles = order.iter().map(|&old| articles.get_mut(old).and_then(Option::take)).collect();
    claims_of.par_iter_mut().enumerate().for_each(|(old, claims)| {
        for claim in claims {
            claim.source = new_index[old];
        }
    });
    out.corpus.claims = crate::memory::concat(claims_of);
}

/// Read one input file (a CSV to import, say) as UTF-8 text, with the limits
/// and messages of claim files.
pub fn read_input(file: &Arc<Path>) -> Result<String, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    match fs::metadata(file) {
        Ok(meta) if meta.is_file() => {}
        Ok(meta) => {
            let what = if meta.is_dir() { "a folder" } else { "a pipe, device or socket" };
            return Err(vec![Diagnostic::error(Some(Loc::file(file)), format!("the path is {what}, not a text file"))
                .with_help("give the path of the file itself")]);
        }
        Err(_) => {
            return Err(vec![Diagnostic::error(Some(Loc::file(file)), "no such file").with_help("check the path")]);
        }
    }
    read_text(file, &mut diags).ok_or(diags)
}

/// What one claim file holds, read from memory (see [`parse_claim_text`]).
#[derive(Debug, Default)]
pub struct ClaimFileText {
    pub source: Option<Source>,
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Read one claim file's text as `load` reads each file, without touching the
/// file system: `file` only labels the diagnostics, and the article path is
/// checked against `articles_dir` but not read. The entry point for fuzzing
/// and for tests of the format.
pub fn parse_claim_text(text: &str, file: &Path, articles_dir: &Path) -> ClaimFileText {
    let file: Arc<Path> = Arc::from(file);
    let mut out = ClaimFileText::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(mut root) = parse_yaml(text, &file, Shape::Claims, &mut out.diagnostics) {
        if let Some((source, claims)) = claim_file(&mut root, &file, articles_dir, &mut out.diagnostics) {
            out.source = Some(source);
            out.claims = claims;
            split_entity_lists(&mut out.claims, &[]);
        }
    }
    out
}

/// Read a registry's text from memory, as `load` reads `entities.yaml`.
pub fn parse_registry_text(text: &str, file: &Path) -> (Vec<Entity>, Vec<Diagnostic>) {
    let file: Arc<Path> = Arc::from(file);
    let mut diags = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let entities = match parse_yaml(text, &file, Shape::Registry, &mut diags) {
        Some(mut root) => registry_file(&mut root, &file, &mut diags).0,
        None => Vec::new(),
    };
    (entities, diags)
}

/// The registry's settings per property, keyed by property name as facts are.
#[derive(Debug, Default)]
struct PropertySettings {
    tolerances: Vec<(String, crate::tolerance::Tolerance)>,
    /// `running: true|false` (docs/numbers.md, "Running counts").
    running: Vec<(String, bool)>,
}

/// The registry's entities and its `properties:` settings, every problem a
/// diagnostic.
fn registry_file(
    root: &mut yaml::Node,
    file: &Arc<Path>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Entity>, PropertySettings) {
    let entities = raw::registry(root, file, diags).into_iter().filter_map(|e| entity(e, diags)).collect();
    let mut settings = PropertySettings::default();
    for p in raw::registry_properties(root, file, diags) {
        let name = crate::model::property_name(&p.name.value);
        if let Some(t) = p.tolerance {
            match crate::tolerance::Tolerance::parse(&t.value) {
                Ok(tol) => settings.tolerances.push((name.clone(), tol)),
                Err(e) => diags.push(Diagnostic::error(Some(t.loc), format!("property '{}': {e}", p.name.value))),
            }
        }
        if let Some(r) = p.running {
            match r.value.as_str() {
                "true" => settings.running.push((name, true)),
                "false" => settings.running.push((name, false)),
                other => diags.push(
                    Diagnostic::error(
                        Some(r.loc),
                        format!("property '{}': 'running' should be true or false, found '{other}'", p.name.value),
                    )
                    .with_help("write `running: true` for a count the news updates as it grows (a death toll), `running: false` for one that must not change"),
                ),
            }
        }
    }
    (entities, settings)
}

/// What a YAML file should hold, for the help on an empty one.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Claims,
    Registry,
}

/// A file's one YAML document; `None` (with a diagnostic) when it has none or is broken.
fn parse_yaml(text: &str, file: &Arc<Path>, shape: Shape, diags: &mut Vec<Diagnostic>) -> Option<yaml::Node> {
    match yaml::parse(text) {
        Ok(Some(root)) => Some(root),
        Ok(None) => {
            let help = match shape {
                Shape::Claims => {
                    "a claim file has a `source:` section and a `claims:` list; delete the file if it is not needed"
                }
                Shape::Registry => {
                    "the registry has an `entities:` list, e.g. `entities: [{name: Geneva, kind: place}]`; delete \
                     the file if it is not needed"
                }
            };
            diags
                .push(Diagnostic::error(Some(Loc::file(file)), "the file is empty (no YAML document)").with_help(help));
            None
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(Some(Loc::at(file, e.line, e.col)), format!("invalid YAML: {}", e.message))
                    .with_help(yaml_help(&e.message)),
            );
            None
        }
    }
}

/// A claim file's source and claims (their `source` index still 0: the
/// caller sets it, and decides whether the source id is already taken);
/// `None` when the source cannot be read.
fn claim_file(
    root: &mut yaml::Node,
    file: &Arc<Path>,
    articles_dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Source, Vec<Claim>)> {
    let raw = raw::claim_file(root, file, diags);
    let source = source(raw.source?, articles_dir, diags)?;
    // Sized once: a claim is some 200 bytes, and growing by doubling from
    // nothing copied each file's claims three times into fresh pages.
    let mut claims = Vec::with_capacity(raw.claims.len());
    let mut ids: HashMap<String, u32> = HashMap::with_capacity(raw.claims.len());
    for rc in raw.claims {
        if let Some(first) = ids.get(&rc.id.value) {
            diags.push(
                Diagnostic::error(
                    Some(rc.id.loc.clone()),
                    format!("claim id '{}' is used twice in this file", rc.id.value),
                )
                .with_help(format!("the first is on line {first}; give each claim its own id")),
            );
            continue;
        }
        ids.insert(rc.id.value.clone(), rc.id.loc.line);
        // The source's index is set when the file takes its place in the corpus.
        if let Some(claim) = claim(rc, 0, &source, diags) {
            claims.push(claim);
        }
    }
    Some((source, claims))
}

/// Every non-hidden file below `dir`. The folders themselves are walked
/// first, each told by its identity (device and inode), so the walk takes
/// time linear in the tree (resolving every folder's full path made a deep
/// chain of folders cubic). Only symbolic links are resolved: a link that
/// leads out of the claims directory is reported, not read; links to folders
/// are followed after every real folder, in path order, so a link that is a
/// second way into a folder already read (a sibling, or a folder it is in: a
/// cycle) is the one reported, whatever the order of the listing.
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Skipped, diags: &mut Vec<Diagnostic>) {
    let root = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    // Each folder read, by identity, with the path it was read by.
    let mut seen: HashMap<FolderId, PathBuf> = HashMap::new();
    let mut links: Vec<PathBuf> = Vec::new();
    if let Some(id) = fs::metadata(dir).ok().and_then(|m| folder_id(&m, dir)) {
        seen.insert(id, dir.to_path_buf());
    }
    walk_folders(dir.to_path_buf(), &root, files, &mut links, &mut seen, skipped, diags);
    while !links.is_empty() {
        let mut round = std::mem::take(&mut links);
        round.sort();
        for link in round {
            let Some(id) = fs::metadata(&link).ok().and_then(|m| folder_id(&m, &link)) else {
                continue; // gone since it was listed
            };
            if let Some(folder) = seen.get(&id) {
                let (what, help) = if link.starts_with(folder) {
                    ("a folder it is in (a cycle)", "remove the link: it leads round and round")
                } else {
                    (
                        "a folder already read (a second way into it)",
                        "remove the link: the files there are read once, by their own path",
                    )
                };
                diags.push(
                    Diagnostic::error(
                        None,
                        format!(
                            "'{}' is a symbolic link to '{}', {what}; it was not followed",
                            link.display(),
                            folder.display()
                        ),
                    )
                    .with_help(help),
                );
                continue;
            }
            seen.insert(id, link.clone());
            walk_folders(link, &root, files, &mut links, &mut seen, skipped, diags);
        }
    }
    read_once(files, &mut skipped.linked, diags);
}

/// A file listed twice, by its own path and through a symbolic link (or
/// through two links), is read once: by its own path, else by the first
/// link in path order; each other way in is named and not read. Read
/// twice, its source id would be taken twice, and both would be dropped.
/// (Only when a listed file is a link are the files' identities looked up.)
fn read_once(files: &mut Vec<PathBuf>, linked: &mut [PathBuf], diags: &mut Vec<Diagnostic>) {
    if linked.is_empty() {
        return;
    }
    linked.sort();
    let is_link: std::collections::HashSet<&PathBuf> = linked.iter().collect();
    let id = |p: &Path| fs::metadata(p).ok().and_then(|m| folder_id(&m, p));
    let mut first: HashMap<FolderId, PathBuf> = HashMap::new();
    let mut own: Vec<&PathBuf> = files.iter().filter(|f| !is_link.contains(f)).collect();
    own.sort();
    for f in own {
        if let Some(i) = id(f) {
            first.entry(i).or_insert_with(|| f.clone());
        }
    }
    let mut dropped: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for link in linked.iter() {
        let Some(i) = id(link) else { continue };
        match first.get(&i) {
            Some(read) => {
                let file: Arc<Path> = Arc::from(link.as_path());
                diags.push(
                    Diagnostic::error(
                        Some(Loc::file(&file)),
                        format!("a symbolic link to '{}', a file already read; it was not read again", read.display()),
                    )
                    .with_help("remove the link: each file is read once, by its own path"),
                );
                dropped.insert(link.clone());
            }
            None => {
                first.insert(i, link.clone());
            }
        }
    }
    files.retain(|f| !dropped.contains(f));
}

/// What the walk of the claims folder passed over: hidden entries (a name
/// beginning with '.') that could be claim files ([`may_hold_claims`]),
/// never read and named in one warning, and claim files behind a symbolic link leading
/// outside the folder, refused unread (their claims are not counted).
#[derive(Debug, Default)]
struct Skipped {
    hidden: Vec<PathBuf>,
    outside_claim_files: usize,
    /// Files listed through a symbolic link (inside the folder): one may be
    /// a file already listed by its own path ([`collect_files`]).
    linked: Vec<PathBuf>,
    /// Folders not read, or not in full: see [`Loaded::folders_unread`].
    folders_unread: usize,
}

/// Whether a hidden entry of the claims folder (skipped unread) could be
/// or hold a claim file, and so is named in the warning: a `.yaml` or `.yml`
/// file (`.draft.yaml`), or a folder other than a version-control system's
/// (`.git`, `.hg`, `.svn`, `.jj`), which would be named on every run.
fn may_hold_claims(entry: &fs::DirEntry) -> bool {
    let name = entry.file_name();
    let name = name.as_encoded_bytes();
    if has_claim_file_ending(name) {
        return true;
    }
    let vcs = [&b".git"[..], b".hg", b".svn", b".jj"].contains(&name);
    !vcs && entry.file_type().is_ok_and(|t| t.is_dir())
}

/// Whether a file name (or path) ends as a claim file's does: `.yaml` or `.yml`.
/// Whether a file name ends in `.yaml` or `.yml`, in any case (`a.YAML`,
/// saved so by some systems, is a claim file too).
fn has_claim_file_ending(name: &[u8]) -> bool {
    let ends =
        |ending: &[u8]| name.len() >= ending.len() && name[name.len() - ending.len()..].eq_ignore_ascii_case(ending);
    ends(b".yaml") || ends(b".yml")
}

/// What tells a folder from every other: its device and inode (on Unix;
/// elsewhere, its resolved path).
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(unix)]
fn folder_id(meta: &fs::Metadata, _path: &Path) -> Option<FolderId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_id(_meta: &fs::Metadata, path: &Path) -> Option<FolderId> {
    fs::canonicalize(path).ok()
}

/// The files below `top` through its real folders (not symbolic links), with
/// the links to folders put in `links` for [`collect_files`] to follow. A
/// folder seen before (a bind mount can make a cycle without a link) is
/// reported and not read again. Each folder's entries are taken in name
/// order, so diagnostics do not depend on the order of the listing.
fn walk_folders(
    top: PathBuf,
    root: &Path,
    files: &mut Vec<PathBuf>,
    links: &mut Vec<PathBuf>,
    seen: &mut HashMap<FolderId, PathBuf>,
    skipped: &mut Skipped,
    diags: &mut Vec<Diagnostic>,
) {
    // A stack, not recursion: a chain of folders thousands deep is fine.
    let mut stack = vec![top];
    while let Some(dir) = stack.pop() {
        let listing = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                diags.push(
                    Diagnostic::error(None, format!("cannot read directory '{}': {e}", dir.display()))
                        .with_help("check that it exists and that you may read it"),
                );
                skipped.folders_unread += 1;
                continue;
            }
        };
        let mut entries = Vec::new();
        let mut listed_in_full = true;
        for entry in listing {
            match entry {
                Ok(entry) => entries.push(entry),
                Err(e) => {
                    listed_in_full = false;
                    diags.push(Diagnostic::error(None, format!("cannot list '{}': {e}", dir.display())).with_help(
                        "check that you may read the folder and that the disk is sound; its other files are read",
                    ))
                }
            }
        }
        skipped.folders_unread += usize::from(!listed_in_full);
        entries.sort_by_key(|e| e.file_name());
        let mut folders = Vec::new();
        for entry in entries {
            if entry.file_name().as_encoded_bytes().first() == Some(&b'.') {
                if may_hold_claims(&entry) {
                    skipped.hidden.push(entry.path());
                }
                continue;
            }
            let path = entry.path();
            // The file type comes with the directory listing (no system call). An
            // entry that is not a symbolic link lies in this folder, which is
            // inside the claims directory: only links need resolving.
            let file_type = entry.file_type().ok();
            if let Some(t) = file_type.filter(|t| !t.is_symlink()) {
                if !t.is_dir() {
                    files.push(path);
                    continue;
                }
                // Looked up from the open folder (`fstatat`), not by the full path.
                // Unreadable: read_dir names the problem.
                if let Some(id) = entry.metadata().ok().and_then(|m| folder_id(&m, &path)) {
                    if let Some(first) = seen.get(&id) {
                        diags.push(
                            Diagnostic::error(
                                None,
                                format!(
                                    "'{}' is the folder '{}' again; it was not read twice",
                                    path.display(),
                                    first.display()
                                ),
                            )
                            .with_help("a folder mounted inside itself or its claims directory: read it once"),
                        );
                        continue;
                    }
                    seen.insert(id, path.clone());
                }
                folders.push(path);
                continue;
            }
            if let Ok(real) = fs::canonicalize(&path) {
                if !real.starts_with(root) {
                    let file: Arc<Path> = Arc::from(path.as_path());
                    diags.push(
                        Diagnostic::error(
                            Some(Loc::file(&file)),
                            format!("a symbolic link that leads outside the claims directory (to {})", real.display()),
                        )
                        .with_help("copy the file into the claims directory instead of linking to it"),
                    );
                    if real.is_dir() {
                        skipped.folders_unread += 1;
                    } else if has_claim_file_ending(path.as_os_str().as_encoded_bytes()) {
                        skipped.outside_claim_files += 1;
                    }
                    continue;
                }
            }
            if path.is_dir() {
                links.push(path);
            } else {
                skipped.linked.push(path.clone());
                files.push(path);
            }
        }
        // Popped in name order.
        stack.extend(folders.into_iter().rev());
    }
}

/// Read a file as UTF-8 text, with a byte-order mark removed. Only regular
/// files are read (a FIFO or a device could block or never end), at most
/// [`MAX_FILE_BYTES`] of them, and a NUL byte marks a binary file.
fn read_text(file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    read_text_with(file, fs::metadata(file), diags)
}

/// [`read_text`], given what `fs::metadata` says of `file` (a caller that
/// already knows it saves a look-up).
fn read_text_with(
    file: &Arc<Path>,
    metadata: std::io::Result<fs::Metadata>,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut bytes = Vec::new();
    read_bytes(file, metadata, &mut bytes, diags)?;
    if let Some(at) = nul_byte(&bytes) {
        diags.push(nul_error(file, &bytes, at));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.remove(0);
            }
            Some(text)
        }
        Err(e) => {
            diags.push(utf8_error(file, e.as_bytes(), e.utf8_error().valid_up_to()));
            None
        }
    }
}

/// Read a claim file as [`read_text`] does, into this thread's reusable
/// buffer (claim files are parsed and dropped; only articles are kept), and
/// give its text to `with`.
fn with_text<T>(
    file: &Arc<Path>,
    diags: &mut Vec<Diagnostic>,
    with: impl FnOnce(&str, &mut Vec<Diagnostic>) -> T,
) -> Option<T> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut bytes) => {
            let out = text_in(file, &mut bytes, diags, with);
            // One unusually large file does not keep its memory for the rest of the run.
            if bytes.capacity() > 1 << 20 {
                *bytes = Vec::new();
            }
            out
        }
        Err(_) => text_in(file, &mut Vec::new(), diags, with),
    })
}

fn text_in<T>(
    file: &Arc<Path>,
    bytes: &mut Vec<u8>,
    diags: &mut Vec<Diagnostic>,
    with: impl FnOnce(&str, &mut Vec<Diagnostic>) -> T,
) -> Option<T> {
    read_bytes(file, fs::metadata(file), bytes, diags)?;
    if let Some(at) = nul_byte(bytes) {
        diags.push(nul_error(file, bytes, at));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(with(text.strip_prefix('\u{feff}').unwrap_or(text), diags)),
        Err(e) => {
            diags.push(utf8_error(file, bytes, e.valid_up_to()));
            None
        }
    }
}

/// Read `file` (`metadata` is what `fs::metadata` says of it) into `bytes`,
/// within the limits; `None` after a diagnostic.
fn read_bytes(
    file: &Arc<Path>,
    metadata: std::io::Result<fs::Metadata>,
    bytes: &mut Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Option<()> {
    use std::io::Read;
    let fail = |diags: &mut Vec<Diagnostic>, e: std::io::Error| {
        diags.push(
            Diagnostic::error(Some(Loc::file(file)), format!("cannot read the file: {e}"))
                .with_help("check that it exists and that you may read it"),
        );
    };
    let size = match metadata {
        Ok(meta) if !meta.is_file() => {
            let what = if meta.is_dir() { "a directory" } else { "a pipe, device or socket" };
            diags.push(
                Diagnostic::error(Some(Loc::file(file)), format!("the path is {what}, not a text file"))
                    .with_help("claim files and articles must be ordinary text files"),
            );
            return None;
        }
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            diags.push(too_big(file, meta.len()));
            return None;
        }
        Ok(meta) => meta.len(),
        Err(e) => {
            fail(diags, e);
            return None;
        }
    };
    // Room for the whole file and one byte more, so that reading takes one
    // call and the end of the file is seen at once.
    bytes.clear();
    bytes.reserve(size as usize + 1);
    // The size is checked again while reading: the file may have grown.
    let read = fs::File::open(file).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(bytes));
    if let Err(e) = read {
        fail(diags, e);
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diags.push(too_big(file, bytes.len() as u64));
        return None;
    }
    Some(())
}

/// Where the first NUL byte is, in a file that is not UTF-16 (which has
/// NULs in every ASCII letter and gets its own message).
fn nul_byte(bytes: &[u8]) -> Option<usize> {
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if utf16 {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

fn nul_error(file: &Arc<Path>, bytes: &[u8], at: usize) -> Diagnostic {
    if let Some(order) = utf16_without_mark(bytes) {
        return Diagnostic::error(
            Some(Loc::file(file)),
            format!("the file is UTF-16 ({order}, without a byte-order mark), not UTF-8"),
        )
        .with_help("save it as UTF-8 (in most editors: Save As, encoding UTF-8)");
    }
    let (line, col) = line_col(bytes, at);
    Diagnostic::error(Some(Loc::at(file, line, col)), format!("the file has a NUL byte (byte {at}): it is not text"))
        .with_help("claim files and articles must be plain UTF-8 text; export a binary document as .txt")
}

/// Whether `bytes` read as UTF-16 text without a byte-order mark: in its
/// first 256 bytes, nearly every byte on one side of each pair is NUL (the
/// high byte of an ASCII character) and nearly none on the other. Which
/// side says the byte order.
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(256) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_at = |side: usize| head.chunks_exact(2).filter(|p| p[side] == 0).count();
    let (even, odd) = (nul_at(0), nul_at(1));
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(odd) && rarely(even) {
        Some("little-endian")
    } else if mostly(even) && rarely(odd) {
        Some("big-endian")
    } else {
        None
    }
}

fn utf8_error(file: &Arc<Path>, bytes: &[u8], at: usize) -> Diagnostic {
    let (line, col) = line_col(bytes, at);
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    Diagnostic::error(Some(Loc::at(file, line, col)), format!("the file is not valid UTF-8 (byte {at})")).with_help(
        if utf16 {
            "it is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
        } else {
            "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"
        },
    )
}

fn too_big(file: &Arc<Path>, len: u64) -> Diagnostic {
    Diagnostic::error(Some(Loc::file(file)), format!("the file is {len} bytes, over the limit of {MAX_FILE_BYTES}"))
        .with_help("split it into smaller files (one per article); see docs/limits.md")
}

/// 1-based line and column of byte `at`.
fn line_col(bytes: &[u8], at: usize) -> (u32, u32) {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let col = bytes[..at].iter().rev().take_while(|&&b| b != b'\n').count() as u32 + 1;
    (line, col)
}

/// What to do about a YAML syntax error, by its kind.
pub(super) fn yaml_help(message: &str) -> &'static str {
    if message.contains("tab") {
        "indent with spaces: YAML does not allow tabs for indentation"
    } else if message.contains("second YAML document") {
        "put each source in its own file, or remove the '---' line"
    } else if message.contains("YAML tag") {
        "remove the tag; quote a value that starts with '!' (`value: \"!important\"`)"
    } else if message.contains("merge key") {
        "write the keys out in each claim instead of merging them from an anchor (`<<: *name`)"
    } else if message.contains("alias") {
        "write the values out instead of using YAML anchors and aliases (&name / *name); see docs/limits.md"
    } else if message.contains("nesting") || message.contains("recursion") || message.contains("nodes") {
        "a claim file is a mapping with a list of flat claims; see docs/limits.md"
    } else {
        "check the indentation and quoting near this place; values containing ': ' or starting with a quote must be quoted"
    }
}

/// A calendar day written exactly `YYYY-MM-DD` with its year in [`YEARS`], as
/// files and command-line options (`--as-of`, `--date`) give it. `Err(None)`
/// when it is not such a day, `Err(Some(year))` when the year is out of range.
pub fn calendar_day(s: &str) -> Result<NaiveDate, Option<i32>> {
    // chrono alone would take '+2013-08-09' or '2013-8-9 '; the format is YYYY-MM-DD.
    let shaped = written_as_day(s);
    match NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().filter(|_| shaped) {
        Some(d) if YEARS.contains(&d.year()) => Ok(d),
        Some(d) => Err(Some(d.year())),
        None => Err(None),
    }
}

/// A claim's `as_of` (`d`, written `s`): when it was said, so on or before
/// the day its article was published, which reports it (an article updated
/// later is the version its text file holds, and `published` is that
/// version's day). A later day is a slip in one of the two dates: an error.
fn said_by_publication(
    d: NaiveDate,
    s: &Spanned<String>,
    claim: &str,
    source: &Source,
    diags: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    if d <= source.published {
        return Some(d);
    }
    let published = source.published;
    diags.push(
        Diagnostic::error(
            Some(s.loc.clone()),
            format!("as_of {d} of claim '{claim}' is after its article was published ({published})"),
        )
        .with_help(format!(
            "a claim is said on or before the day the article reporting it appeared: correct `as_of` to {published} \
             or earlier (or leave it out: it defaults to `published`), or, if the article (the version in its text \
             file) appeared on {d} or later, correct `published`"
        )),
    );
    None
}

/// The article a path that is not found most likely meant: written with the
/// articles folder's own name in front ("articles/a.txt" for "a.txt"), or
/// with folders where the file stands at the top ("2013/a.txt"). Looked for
/// only when the path is not found; plain relative paths only.
fn article_meant(article: &str, articles_dir: &Path) -> Option<String> {
    let written = Path::new(article);
    if written.is_absolute() || article.contains("..") {
        return None;
    }
    let mut parts = written.components();
    let first = parts.next()?;
    let dir_name = articles_dir.file_name();
    let rest = parts.as_path();
    let candidates = [
        (dir_name == Some(first.as_os_str()) && !rest.as_os_str().is_empty()).then(|| rest.to_path_buf()),
        written.file_name().map(std::path::PathBuf::from).filter(|name| name.as_path() != written),
    ];
    candidates.into_iter().flatten().find(|c| articles_dir.join(c).is_file()).map(|c| c.display().to_string())
}

/// Whether `s` is written as a day is, `YYYY-MM-DD` (ten characters, digits
/// and two dashes), whether or not such a day exists.
fn written_as_day(s: &str) -> bool {
    s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

fn date(s: &Spanned<String>, what: &str, diags: &mut Vec<Diagnostic>) -> Option<NaiveDate> {
    match calendar_day(&s.value) {
        Ok(d) => Some(d),
        Err(Some(year)) => {
            diags.push(
                Diagnostic::error(Some(s.loc.clone()), format!("{what} '{}' has the year {year}", s.value))
                    .with_help(format!("years from {} to {} are accepted", YEARS.start(), YEARS.end())),
            );
            None
        }
        // Written YYYY-MM-DD, but no such day: 2013-02-30, 2013-13-01.
        Err(None) if written_as_day(&s.value) => {
            diags.push(
                Diagnostic::error(Some(s.loc.clone()), format!("{what} '{}' is not a calendar date", s.value))
                    .with_help("no such day: check the month and the day, written YYYY-MM-DD (year, month, day)"),
            );
            None
        }
        Err(None) => {
            let help = match day_written_otherwise(&s.value) {
                Some(day) => format!("'{}' is the day {day}: write it so, YYYY-MM-DD", s.value),
                None => "write it as YYYY-MM-DD (four-digit year, two-digit month, two-digit day), e.g. 2013-10-07"
                    .to_string(),
            };
            diags.push(
                Diagnostic::error(Some(s.loc.clone()), format!("{what} '{}' is not written YYYY-MM-DD", s.value))
                    .with_help(help),
            );
            None
        }
    }
}

/// The day a date written another way names ("7 October 2013", "Oct. 7,
/// 2013", "2013/10/07", "2013-10-07T10:00:00Z"), when the date reader reads
/// it as one day whatever the day said; `None` when it names no single day
/// or could be read two ways ("07/10/2013": July 10 or 7 October).
fn day_written_otherwise(value: &str) -> Option<NaiveDate> {
    use crate::normalize::date::{read_date, Tense};
    let numbers: Vec<&str> = value.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect();
    if let [a, b, _] = numbers.as_slice() {
        let small = |n: &str| n.len() <= 2 && n.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n));
        if small(a) && small(b) && a != b {
            return None;
        }
    }
    let day = |as_of: NaiveDate| read_date(value, as_of, Tense::Unknown).ok().filter(|r| r.start == r.end)?.start;
    let first = day(NaiveDate::from_ymd_opt(1990, 1, 1)?)?;
    (day(NaiveDate::from_ymd_opt(2060, 6, 30)?) == Some(first)).then_some(first)
}

/// Words for a hedge or an entity kind that are no misspelling of one
/// (written, meant); see [`crate::text::suggest`].
const VALUE_SYNONYMS: &[(&str, &str)] = &[
    ("probably", "likely"),
    ("presumably", "likely"),
    ("expected", "likely"),
    ("perhaps", "possible"),
    ("maybe", "possible"),
    ("may", "possible"),
    ("might", "possible"),
    ("possibly", "possible"),
    ("unconfirmed", "possible"),
    ("reportedly", "possible"),
    ("alleged", "possible"),
    ("scheduled", "planned"),
    ("plan", "planned"),
    ("intended", "planned"),
    ("hope", "hoped"),
    ("hopes", "hoped"),
    ("aim", "hoped"),
    ("aimed", "hoped"),
    ("confirmed", "certain"),
    ("definite", "certain"),
    ("sure", "certain"),
    ("human", "person"),
    ("individual", "person"),
    ("people", "person"),
    ("city", "place"),
    ("location", "place"),
    ("organisation", "organization"),
    ("org", "organization"),
    ("company", "organization"),
    ("agency", "organization"),
    ("meeting", "event"),
    ("conference", "event"),
    ("integer", "number"),
    ("int", "number"),
    ("float", "number"),
    ("numeric", "number"),
    ("count", "number"),
    ("string", "text"),
    ("str", "text"),
    ("datetime", "date"),
    ("time", "date"),
    ("list", "entities"),
    ("set", "entities"),
];

fn one_of<T>(
    s: &Spanned<String>,
    what: &str,
    names: &[&str],
    parse: impl Fn(&str) -> Option<T>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let value = s.value.to_lowercase();
    if let Some(v) = parse(&value) {
        return Some(v);
    }
    let mut d = Diagnostic::error(Some(s.loc.clone()), format!("unknown {what} '{}'", s.value));
    d = match crate::text::suggest(&value, names, VALUE_SYNONYMS) {
        Some(near) => d.with_help(format!("did you mean '{near}'? one of: {}", names.join(", "))),
        None => d.with_help(format!("one of: {}", names.join(", "))),
    };
    diags.push(d);
    None
}

fn entity(raw: raw::RawEntity, diags: &mut Vec<Diagnostic>) -> Option<Entity> {
    let kind = one_of(&raw.kind, "entity kind", EntityKind::NAMES, EntityKind::parse, diags)?;
    Some(Entity {
        id: slug(&raw.name.value),
        name: raw.name.value,
        kind,
        aliases: raw.aliases.into_iter().map(|a| a.value).collect(),
        loc: raw.loc,
    })
}

fn source(mut raw: raw::RawSource, articles_dir: &Path, diags: &mut Vec<Diagnostic>) -> Option<Source> {
    // A claim file written on Windows (`2013\afp.txt`) means the same path on every system.
    if raw.article.value.contains('\\') {
        raw.article.value = raw.article.value.replace('\\', "/");
    }
    let published = date(&raw.published, "published", diags);
    let inferred = match &raw.published_inferred {
        None => Some(false),
        Some(s) => one_of(
            s,
            "value of published_inferred",
            &["true", "false"],
            |v| match v {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            diags,
        ),
    };
    let article_ok = check_article_path(&raw.article, articles_dir, diags);
    Some(Source {
        id: raw.id.value,
        outlet: raw.outlet.value,
        title: raw.title.map(|s| s.value),
        published: published?,
        published_inferred: inferred?,
        article_path: articles_dir.join(&raw.article.value),
        article_loc: raw.article.loc,
        article: article_ok.then_some(raw.article.value)?,
        url: raw.url.map(|s| s.value),
        wire: raw.wire.into_iter().map(|s| s.value).collect(),
        note: raw.note.map(|s| s.value),
        loc: raw.loc,
    })
}

/// An article path must be relative and stay inside the articles directory.
fn check_article_path(article: &Spanned<String>, articles_dir: &Path, diags: &mut Vec<Diagnostic>) -> bool {
    let path = Path::new(&article.value);
    let escapes = path.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if path.is_absolute() || escapes {
        diags.push(
            Diagnostic::error(
                Some(article.loc.clone()),
                format!("article path '{}' leaves the articles directory", article.value),
            )
            .with_help(format!(
                "give a path relative to {} with no '..', e.g. {}",
                articles_dir.display(),
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "outlet-2013-10-07.txt".into())
            )),
        );
        return false;
    }
    true
}

/// Read a source's article. `articles_root` is the articles directory with
/// its links resolved (`None` when that failed: links are then not checked).
fn read_article(
    source: &Source,
    articles_dir: &Path,
    articles_root: Option<&Path>,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let path: Arc<Path> = Arc::from(source.article_path.as_path());
    let is_dir = |diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::error(
                Some(source.article_loc.clone()),
                format!("article '{}' of source '{}' is a directory, not a text file", source.article, source.id),
            )
            .with_help("give the path of the article's .txt file"),
        );
    };
    // Missing, or there but out of reach: each says what would be right.
    let cannot_read = |diags: &mut Vec<Diagnostic>, e: &std::io::Error| {
        let at = Some(source.article_loc.clone());
        let (article, id, shown) = (&source.article, &source.id, path.display());
        #[cfg(unix)]
        let is_loop = rustix::io::Errno::from_io_error(e) == Some(rustix::io::Errno::LOOP);
        #[cfg(not(unix))]
        let is_loop = false;
        let d = match e.kind() {
            _ if is_loop => Diagnostic::error(
                at,
                format!("article '{article}' of source '{id}' at {shown} is a symbolic link that leads in a loop"),
            )
            .with_help("replace the link with the article's text file"),
            std::io::ErrorKind::PermissionDenied => Diagnostic::error(
                at,
                format!("article '{article}' of source '{id}' cannot be read at {shown}: permission denied"),
            )
            .with_help("let the user running crosscheck read the file and search the folders above it"),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => {
                let help = match article_meant(article, articles_dir) {
                    Some(meant) => format!(
                        "`article:` is a path inside the articles folder ({}), and '{meant}' is there: write `article: \
                         {meant}`",
                        articles_dir.display()
                    ),
                    None => format!("put the article's text in {} or correct `article:`", articles_dir.display()),
                };
                Diagnostic::error(at, format!("article '{article}' of source '{id}' not found at {shown}"))
                    .with_help(help)
            }
            _ => Diagnostic::error(at, format!("article '{article}' of source '{id}' cannot be read at {shown}: {e}"))
                .with_help("check the file and the folders above it"),
        };
        diags.push(d);
    };
    // The common case, in a few cheap look-ups: no symbolic link on the way,
    // so the article is inside the articles directory.
    if let Some(metadata) = unlinked_metadata(&source.article, articles_dir) {
        return match metadata {
            Err(e) => {
                cannot_read(diags, &e);
                None
            }
            Ok(meta) if meta.is_dir() => {
                is_dir(diags);
                None
            }
            Ok(meta) => read_text_with(&path, Ok(meta), diags),
        };
    }
    if path.is_dir() {
        is_dir(diags);
        return None;
    }
    if let Err(e) = fs::metadata(&path) {
        cannot_read(diags, &e);
        return None;
    }
    // A symbolic link may still lead out of the articles directory.
    if let (Ok(real), Some(root)) = (fs::canonicalize(&path), articles_root) {
        if !real.starts_with(root) {
            diags.push(
                Diagnostic::error(
                    Some(source.article_loc.clone()),
                    format!(
                        "article '{}' leads outside the articles directory (to {})",
                        source.article,
                        real.display()
                    ),
                )
                .with_help("copy the article into the articles directory instead of linking to it"),
            );
            return None;
        }
    }
    read_text(&path, diags)
}

/// The metadata of `articles_dir/article` when neither it nor a folder on
/// the way to it is a symbolic link (an error when one of them is missing);
/// `None` when there is a link, which the caller resolves. `article` is a
/// checked relative path (no `..`, not absolute).
fn unlinked_metadata(article: &str, articles_dir: &Path) -> Option<std::io::Result<fs::Metadata>> {
    let mut path = articles_dir.to_path_buf();
    let mut last = None;
    for part in Path::new(article).components() {
        let Component::Normal(part) = part else { continue };
        path.push(part);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_symlink() => return None,
            Ok(meta) => last = Some(meta),
            Err(e) => return Some(Err(e)),
        }
    }
    last.map(Ok)
}

fn claim(rc: raw::RawClaim, source_index: usize, source: &Source, diags: &mut Vec<Diagnostic>) -> Option<Claim> {
    for (what, s) in [("subject", &rc.subject), ("property", &rc.property)] {
        if !s.value.chars().any(char::is_alphanumeric) {
            diags.push(
                Diagnostic::error(Some(s.loc.clone()), format!("the {what} '{}' has no letter or digit", s.value))
                    .with_help(format!(
                        "name the {what} in words, e.g. `subject: Geneva II conference`, `property: date`"
                    )),
            );
            return None;
        }
    }
    let property = crate::model::into_property_name(rc.property.value);
    let value_type = match &rc.value_type {
        Some(t) => one_of(t, "type", ValueType::NAMES, ValueType::parse, diags),
        None => Some(ValueType::infer(&property)),
    };
    let hedge = match &rc.hedge {
        Some(h) => one_of(h, "hedge", Hedge::NAMES, Hedge::parse, diags),
        None => Some(Hedge::Certain),
    };
    let as_of = match &rc.as_of {
        Some(s) => date(s, "as_of", diags).and_then(|d| said_by_publication(d, s, &rc.id.value, source, diags)),
        None => Some(source.published),
    };
    let value_type = value_type?;
    let value = match (rc.value.value, value_type) {
        (RawScalarOrList::List(items), ValueType::Entities) => RawValue::List(items),
        // A list on one line: split once the registry is known (`split_entity_lists`).
        (RawScalarOrList::Scalar(s), _) => RawValue::Scalar(s),
        (RawScalarOrList::List(_), t) => {
            diags.push(
                Diagnostic::error(
                    Some(rc.value.loc.clone()),
                    format!("claim '{}' has a list as its value, but its type is {}", rc.id.value, t.as_str()),
                )
                .with_help("give one value, or set `type: entities` for a list of names"),
            );
            return None;
        }
    };
    Some(Claim {
        source: source_index,
        id: rc.id.value,
        subject: rc.subject.value,
        property,
        value,
        value_type,
        said_by: rc.said_by.map(|s| s.value),
        as_of: as_of?,
        hedge: hedge?,
        quote: rc.quote.value,
        note: rc.note.map(|s| s.value),
        loc: crate::model::Pos::of(&rc.loc),
        value_loc: crate::model::Pos::of(&rc.value.loc),
        quote_loc: crate::model::Pos::of(&rc.quote.loc),
    })
}

/// Split each list of names written on one line (an `entities` claim whose
/// value is a scalar) into its names, now that the registry is known
/// ([`split_list`]).
fn split_entity_lists(claims: &mut [Claim], entities: &[Entity]) {
    let joined: std::collections::HashSet<String> = entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|name| list_key(name))
        .filter(|key| key.contains(" and "))
        .collect();
    claims.par_iter_mut().filter(|c| c.value_type == ValueType::Entities).for_each(|c| {
        if let RawValue::Scalar(s) = &c.value {
            c.value = RawValue::List(split_list(s, &joined));
        }
    });
}

/// The words that join the last names of a list written on one line.
const LIST_JOINERS: [&str; 2] = [" and ", " & "];

/// A name as [`split_list`] looks it up: folded, with " & " read as " and "
/// ("Procter & Gamble" and "Procter and Gamble" are one key).
fn list_key(name: &str) -> String {
    crate::text::fold(&name.replace(" & ", " and "))
}

/// A list written on one line: "Kerry, Lavrov and Ban Ki-moon", "Tern &
/// Orca", "Merkel; Macron": split at commas, semicolons, " and " and " & ",
/// except where the pieces around an " and " or " & " make a registry name
/// or alias that has one (`joined`, [`list_key`]s): "Serbia, Bosnia and
/// Herzegovina and Croatia" is three names when the registry knows "Bosnia
/// and Herzegovina", and "Procter & Gamble" stays one when it knows
/// "Procter & Gamble". The longest such run of pieces wins, and is kept as
/// written.
fn split_list(s: &str, joined: &std::collections::HashSet<String>) -> Vec<String> {
    // A run is tried only as long as the longest such registry name (its
    // joiners plus one pieces): a list of a thousand names joined by " and "
    // costs a few look-ups a name, not a thousand.
    let longest = joined.iter().map(|name| name.matches(" and ").count() + 1).max().unwrap_or(1);
    let mut out = Vec::new();
    for part in s.split([',', ';']) {
        // (the joiner before it, the piece), empty pieces left out.
        let pieces: Vec<(&str, &str)> = split_joined(part)
            .into_iter()
            .map(|(joiner, p)| (joiner, p.trim().trim_start_matches("and ").trim_start_matches("& ").trim()))
            .filter(|(_, p)| !p.is_empty())
            .collect();
        let folded: Vec<String> =
            if longest > 1 { pieces.iter().map(|(_, p)| list_key(p)).collect() } else { Vec::new() };
        let mut i = 0;
        while i < pieces.len() {
            let take = (i + 2..=pieces.len().min(i + longest))
                .rev()
                .find(|&j| joined.contains(&folded[i..j].join(" and ")))
                .map_or(1, |j| j - i);
            let mut name = pieces[i].1.to_string();
            for (joiner, piece) in &pieces[i + 1..i + take] {
                name.push_str(joiner);
                name.push_str(piece);
            }
            out.push(name);
            i += take;
        }
    }
    out
}

/// `part` cut at each [`LIST_JOINERS`] word: each piece with the joiner
/// before it ("" for the first).
/// One pass over `part`: every joiner starts with a space, so each space
/// is tried as the start of one (the first joiner that matches there).
fn split_joined(part: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let (mut joiner, mut from) = ("", 0);
    for at in memchr::memchr_iter(b' ', part.as_bytes()) {
        if at < from {
            continue; // inside the joiner just cut
        }
        if let Some(next) = LIST_JOINERS.iter().find(|j| part[at..].starts_with(**j)) {
            out.push((joiner, &part[from..at]));
            joiner = next;
            from = at + next.len();
        }
    }
    out.push((joiner, &part[from..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_written_another_way_is_named_as_its_day_unless_it_reads_two_ways() {
        let day = |s: &str| day_written_otherwise(s).map(|d| d.to_string());
        for s in ["7 October 2013", "Oct. 7, 2013", "2013/10/07", "2013-10-07T10:00:00Z", "2013-10-7"] {
            assert_eq!(day(s).as_deref(), Some("2013-10-07"), "{s}");
        }
        // A first number over 12 can only be the day.
        assert_eq!(day("13/10/2013").as_deref(), Some("2013-10-13"));
        // July 10 or 7 October; no single day; a day without a year.
        for s in ["07/10/2013", "October 2013", "last Monday", "7 October", "soon"] {
            assert_eq!(day(s), None, "{s}");
        }
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_named() {
        let le: Vec<u8> = "source:\n  id: a\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "source:\n  id: a\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_mark(&le), Some("little-endian"));
        assert_eq!(utf16_without_mark(&be), Some("big-endian"));
        // A binary file with a few NULs is not UTF-16.
        assert_eq!(utf16_without_mark(b"PK\x03\x04\x14\x00\x00\x00\x08\x00abcdefgh"), None);
        assert_eq!(utf16_without_mark(b"a\0"), None);
    }

    #[test]
    fn an_article_behind_a_symbolic_link_takes_the_resolving_path() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        fs::create_dir_all(articles.join("outlet")).unwrap();
        fs::write(articles.join("outlet/a.txt"), "text").unwrap();
        std::os::unix::fs::symlink(articles.join("outlet"), articles.join("linked")).unwrap();
        // No link on the way: the metadata, read without resolving anything.
        assert!(unlinked_metadata("outlet/a.txt", &articles).unwrap().unwrap().is_file());
        assert!(unlinked_metadata("./outlet/a.txt", &articles).unwrap().unwrap().is_file());
        // Missing: an error (the caller says "not found"), whichever part is missing.
        assert!(unlinked_metadata("outlet/b.txt", &articles).unwrap().is_err());
        assert!(unlinked_metadata("nowhere/a.txt", &articles).unwrap().is_err());
        // A link anywhere on the way: left to the caller, which resolves it.
        assert!(unlinked_metadata("linked/a.txt", &articles).is_none());
    }

    #[test]
    fn one_line_lists_split_on_an_ampersand_as_on_and() {
        let none = std::collections::HashSet::new();
        assert_eq!(split_list("Tern & Orca", &none), ["Tern", "Orca"]);
        assert_eq!(split_list("Tern, Orca & Heron", &none), ["Tern", "Orca", "Heron"]);
        assert_eq!(split_list("Tern, Orca, & Heron", &none), ["Tern", "Orca", "Heron"]);
        assert_eq!(split_list("Tern and Orca & Heron", &none), ["Tern", "Orca", "Heron"]);
        // Only " & " between words: "AT&T" is one name.
        assert_eq!(split_list("AT&T and Verizon", &none), ["AT&T", "Verizon"]);
        // A registry name with " & " (or " and ") in it is one name, kept as written.
        let joined: std::collections::HashSet<String> =
            ["Procter & Gamble", "Marks & Spencer"].into_iter().map(list_key).collect();
        assert_eq!(split_list("Unilever & Procter & Gamble", &joined), ["Unilever", "Procter & Gamble"]);
        assert_eq!(split_list("Marks and Spencer & Tesco", &joined), ["Marks and Spencer", "Tesco"]);
    }

    #[test]
    fn one_line_lists_split_on_commas_and_and() {
        let none = std::collections::HashSet::new();
        assert_eq!(split_list("Kerry, Lavrov and Ban Ki-moon", &none), ["Kerry", "Lavrov", "Ban Ki-moon"]);
        assert_eq!(split_list("John Kerry", &none), ["John Kerry"]);
        assert_eq!(split_list("Merkel;Macron; Trudeau", &none), ["Merkel", "Macron", "Trudeau"]);
        // A registry name with " and " in it is one name.
        let joined: std::collections::HashSet<String> =
            ["bosnia and herzegovina", "trinidad and tobago"].into_iter().map(String::from).collect();
        assert_eq!(
            split_list("Serbia, Bosnia and Herzegovina and Croatia", &joined),
            ["Serbia", "Bosnia and Herzegovina", "Croatia"]
        );
        assert_eq!(
            split_list("Trinidad and Tobago and BOSNIA AND HERZEGOVINA", &joined),
            ["Trinidad and Tobago", "BOSNIA AND HERZEGOVINA"]
        );
        assert_eq!(split_list("Bosnia and Croatia", &joined), ["Bosnia", "Croatia"]);
        // A registry name written with " & " for its " and " stays whole too.
        assert_eq!(
            split_list("Serbia, Bosnia & Herzegovina & Croatia", &joined),
            ["Serbia", "Bosnia & Herzegovina", "Croatia"]
        );
        // A long list costs a few look-ups a name (trying every run took hours at this length).
        let long = vec!["Xy"; 20_000].join(" and ");
        assert_eq!(split_list(&long, &joined).len(), 20_000);
    }
}
