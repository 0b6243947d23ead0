//! The one module that knows the YAML library.
//!
//! It turns YAML text into a small tree of [`Node`]s that remember their line
//! and column, so that every later error can point at the exact place. Scalars
//! stay text: the schema in `raw.rs` decides what a scalar means, so `no`,
//! `2013-10-07` or `1e3` are never silently turned into booleans, dates or
//! floats behind the user's back.
//!
//! Limits (documented in docs/claims-format.md) keep hostile input cheap:
//! nesting depth, the number of nodes and the bytes of text after alias
//! expansion (a "billion laughs" file fails fast, and so does one long
//! scalar aliased many times), and one document per file.
//!
//! To swap the YAML crate, rewrite `parse` here; nothing else imports it.

mod fast;

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

/// Deepest nesting of sequences and mappings accepted.
pub const MAX_DEPTH: usize = 64;
/// Most nodes a document may hold after its aliases are expanded.
pub const MAX_NODES: usize = 1_000_000;
/// Most bytes of scalar text a document may hold after its aliases are
/// expanded: twice the largest file (`load::MAX_FILE_BYTES`), so that only
/// aliases can reach it. Without it a 2 MB scalar aliased 20,000 times, a
/// 4 MB file within the node limit, asked for 40 GB.
pub const MAX_TEXT_BYTES: usize = 64 << 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// 1-based line and column where the node starts.
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar; `quoted` is true for quoted and block scalars, which are
    /// always text (a quoted `''` is an empty string, not a null).
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// True for a plain `~`, `null` or empty scalar.
    pub fn is_null(&self) -> bool {
        match &self.kind {
            NodeKind::Scalar { text, quoted: false } => {
                matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            _ => false,
        }
    }

    /// A short name of the node's kind, for error messages.
    pub fn kind_name(&self) -> &'static str {
        if self.is_null() {
            return "nothing (null)";
        }
        match self.kind {
            NodeKind::Scalar { .. } => "a scalar",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error or a broken limit, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

enum Frame {
    Seq { node: Node, items: Vec<Node>, anchor: usize },
    Map { node: Node, entries: Vec<(Node, Node)>, key: Option<Node>, anchor: usize },
}

/// Parse one YAML document. `Ok(None)` for a file with no document at all
/// (empty or only comments). Plain block YAML, as claim files are written,
/// is read by a fast reader of our own ([`fast`]); everything else, and
/// every error, by yaml-rust2. Both give the same tree.
pub fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    match fast::parse(text) {
        Some(root) => Ok(Some(root)),
        None => parse_full(text),
    }
}

/// Whether the fast reader agrees with yaml-rust2 on `text`: `Ok(true)`
/// when it read the text and built the same tree, `Ok(false)` when it left
/// the text to yaml-rust2, `Err` (with both results) when the two differ.
/// For the differential tests and the `yaml` fuzz target.
pub fn fast_reader_agrees(text: &str) -> Result<bool, String> {
    let Some(fast) = fast::parse(text) else { return Ok(false) };
    match parse_full(text) {
        Ok(Some(full)) if full == fast => Ok(true),
        full => Err(format!("on {text:?} the fast reader read {fast:?}, yaml-rust2 {full:?}")),
    }
}

/// [`parse`] by yaml-rust2 alone.
fn parse_full(text: &str) -> Result<Option<Node>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;
    let mut text_bytes = 0usize;

    loop {
        let (event, mark) = parser.next_token().map_err(|e| YamlError {
            line: e.marker().line() as u32,
            col: e.marker().col() as u32 + 1,
            // The scanner counts flow levels ('[[[[') on its own, to 255, and
            // may reach that before the tree reaches MAX_DEPTH: one message.
            message: match e.info() {
                "recursion limit exceeded" => format!("nesting deeper than {MAX_DEPTH} levels"),
                info => info.to_string(),
            },
        })?;
        let line = mark.line() as u32;
        let col = mark.col() as u32 + 1;
        let err = |message: String| YamlError { line, col, message };
        if let Event::Scalar(_, _, _, Some(tag))
        | Event::SequenceStart(_, Some(tag))
        | Event::MappingStart(_, Some(tag)) = &event
        {
            let shown = tag_text(tag);
            if shown != "!" && shown != "!!str" {
                return Err(err(format!(
                    "a YAML tag '{shown}': values are read as text and no tag is followed (no '!include', no '!!binary')"
                )));
            }
        }
        let finished: Option<(Node, usize)> = match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => None,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(err(
                        "a second YAML document ('---') in one file; a claim, registry or reviews file holds one document".into()
                    ));
                }
                None
            }
            Event::Alias(id) => {
                let anchored = anchors.get(&id).ok_or_else(|| err("alias to an unknown anchor".into()))?;
                let (n, bytes) = weigh(anchored);
                nodes += n;
                text_bytes += bytes;
                if nodes > MAX_NODES {
                    return Err(err(format!(
                        "aliases expand to more than {MAX_NODES} nodes; this looks like an alias bomb"
                    )));
                }
                if text_bytes > MAX_TEXT_BYTES {
                    return Err(err(format!(
                        "aliases expand to more than {MAX_TEXT_BYTES} bytes of text; this looks like an alias bomb"
                    )));
                }
                Some((Node { line, col, ..anchored.clone() }, 0))
            }
            Event::Scalar(text, style, anchor, _tag) => {
                nodes += 1;
                text_bytes += text.len();
                let quoted = !matches!(style, TScalarStyle::Plain);
                Some((Node { kind: NodeKind::Scalar { text, quoted }, line, col }, anchor))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                nodes += 1;
                if stack.len() >= MAX_DEPTH {
                    return Err(err(format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                let is_seq = matches!(event, Event::SequenceStart(..));
                let node = Node { kind: NodeKind::Scalar { text: String::new(), quoted: false }, line, col };
                stack.push(if is_seq {
                    Frame::Seq { node, items: Vec::new(), anchor }
                } else {
                    Frame::Map { node, entries: Vec::new(), key: None, anchor }
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq { node, items, anchor }) => Some((Node { kind: NodeKind::Seq(items), ..node }, anchor)),
                _ => return Err(err("unbalanced sequence end".into())),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map { node, entries, anchor, .. }) => {
                    Some((Node { kind: NodeKind::Map(entries), ..node }, anchor))
                }
                _ => return Err(err("unbalanced mapping end".into())),
            },
        };
        if nodes > MAX_NODES {
            return Err(err(format!("more than {MAX_NODES} nodes in one document")));
        }
        let Some((node, anchor)) = finished else { continue };
        if anchor > 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => {
                match key.take() {
                    None if matches!(&node.kind, NodeKind::Scalar { text, quoted: false } if text == "<<") => {
                        return Err(YamlError {
                        line: node.line,
                        col: node.col,
                        message: "a YAML merge key ('<<'); keys are written out where they belong, not merged from an anchor".into(),
                    });
                    }
                    None => *key = Some(node),
                    Some(k) => entries.push((k, node)),
                }
            }
        }
    }
    Ok(root)
}

/// One item of a block list: `- key: value` then `  key: value` lines, in the
/// order given, each value written by [`emit_scalar`]; ends with a newline.
pub fn emit_list_item(entries: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (key, value)) in entries.iter().enumerate() {
        out.push_str(if i == 0 { "- " } else { "  " });
        out.push_str(&emit_scalar(key));
        out.push_str(": ");
        out.push_str(&emit_scalar(value));
        out.push('\n');
    }
    out
}

/// A tag as it was written (`!!binary`, `!include`). Only `!!str` and the
/// bare `!` are accepted: they say "text", which every scalar is here.
fn tag_text(tag: &yaml_rust2::parser::Tag) -> String {
    match tag.handle.as_str() {
        "tag:yaml.org,2002:" | "!!" => format!("!!{}", tag.suffix),
        handle => format!("{handle}{}", tag.suffix),
    }
}

/// The nodes in `node` and the bytes of its scalars' text: what an alias to it adds.
fn weigh(node: &Node) -> (usize, usize) {
    let add = |(n, b): (usize, usize), (m, c): (usize, usize)| (n + m, b + c);
    match &node.kind {
        NodeKind::Scalar { text, .. } => (1, text.len()),
        NodeKind::Seq(items) => items.iter().map(weigh).fold((1, 0), add),
        NodeKind::Map(entries) => entries.iter().map(|(k, v)| add(weigh(k), weigh(v))).fold((1, 0), add),
    }
}

/// A tree to write as YAML: block mappings and sequences, scalars quoted
/// whenever a plain scalar could be read back differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Emit {
    Scalar(String),
    Seq(Vec<Emit>),
    Map(Vec<(String, Emit)>),
}

/// Write `value` as a YAML document (block style, two-space indentation).
/// [`parse`] reads the result back to the same texts.
pub fn emit(value: &Emit) -> String {
    let mut out = String::new();
    match value {
        Emit::Scalar(s) => {
            out.push_str(&emit_scalar(s));
            out.push('\n');
        }
        _ => emit_block(value, 0, &mut out),
    }
    out
}

fn emit_block(value: &Emit, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Emit::Scalar(s) => {
            out.push_str(&emit_scalar(s));
            out.push('\n');
        }
        Emit::Seq(items) if items.is_empty() => out.push_str("[]\n"),
        Emit::Map(entries) if entries.is_empty() => out.push_str("{}\n"),
        Emit::Seq(items) => {
            for item in items {
                out.push_str(&pad);
                out.push_str("- ");
                match item {
                    Emit::Map(entries) if !entries.is_empty() => {
                        // The first key sits on the dash's line; the rest line up under it.
                        let mut first = true;
                        for (k, v) in entries {
                            if !first {
                                out.push_str(&pad);
                                out.push_str("  ");
                            }
                            first = false;
                            emit_entry(k, v, indent + 2, out);
                        }
                    }
                    Emit::Seq(inner) if !inner.is_empty() => {
                        out.push('\n');
                        emit_block(item, indent + 2, out);
                    }
                    _ => emit_block(item, indent + 2, out),
                }
            }
        }
        Emit::Map(entries) => {
            for (k, v) in entries {
                out.push_str(&pad);
                emit_entry(k, v, indent, out);
            }
        }
    }
}

fn emit_entry(key: &str, value: &Emit, indent: usize, out: &mut String) {
    out.push_str(&emit_scalar(key));
    out.push(':');
    match value {
        Emit::Scalar(s) => {
            out.push(' ');
            out.push_str(&emit_scalar(s));
            out.push('\n');
        }
        Emit::Seq(v) if v.is_empty() => out.push_str(" []\n"),
        Emit::Map(v) if v.is_empty() => out.push_str(" {}\n"),
        Emit::Seq(_) => {
            out.push('\n');
            emit_block(value, indent, out);
        }
        Emit::Map(_) => {
            out.push('\n');
            emit_block(value, indent + 2, out);
        }
    }
}

/// One scalar as YAML text that reads back as exactly `s`, on one line: plain
/// when it is unambiguous text, else double-quoted with escapes. Plain is kept
/// to a conservative set: letters, digits, spaces and harmless punctuation,
/// not starting with an indicator, never a null, a boolean-looking word or a
/// number (a reader other than ours, YAML 1.1 ones included, might type them).
pub fn emit_scalar(s: &str) -> String {
    if is_plain_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20
                || c == '\u{7f}'
                || c == '\u{85}'
                || c == '\u{2028}'
                || c == '\u{2029}'
                || c == '\u{feff}' =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    let last = s.chars().last().unwrap_or(first);
    if !(first.is_alphanumeric()) || last == ' ' || last == ':' {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".nan" | ".inf"
    ) {
        return false;
    }
    if first.is_ascii_digit()
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | 'e' | 'E' | '-' | '+' | ':'))
    {
        // 12, 1.5, 1e3, 2013-10-07, 12:30: fine for our reader, typed by others; quote them.
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains("  ") {
        return false;
    }
    s.chars().all(|c| c.is_alphanumeric() || c == ' ' || "-_.,;:/()'+&@".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(node: &Node) -> &str {
        match &node.kind {
            NodeKind::Scalar { text, .. } => text,
            _ => panic!("not a scalar"),
        }
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let root = parse("source:\n  id: x\nclaims:\n  - id: a\n    value: [1, 2]\n").unwrap().unwrap();
        let NodeKind::Map(entries) = &root.kind else { panic!() };
        assert_eq!(scalar(&entries[1].0), "claims");
        assert_eq!((entries[1].0.line, entries[1].0.col), (3, 1));
        let NodeKind::Seq(claims) = &entries[1].1.kind else { panic!() };
        let NodeKind::Map(claim) = &claims[0].kind else { panic!() };
        assert_eq!((claim[1].0.line, claim[1].0.col), (5, 5));
    }

    #[test]
    fn scalars_stay_text() {
        let root = parse("a: 2013-10-07\nb: no\nc: '~'\nd: ~\n").unwrap().unwrap();
        let NodeKind::Map(entries) = &root.kind else { panic!() };
        assert_eq!(scalar(&entries[0].1), "2013-10-07");
        assert_eq!(scalar(&entries[1].1), "no");
        assert!(!entries[2].1.is_null());
        assert!(entries[3].1.is_null());
    }

    #[test]
    fn empty_and_comment_only_files_have_no_document() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# nothing here\n\n").unwrap(), None);
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let e = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.line >= 1, "{e:?}");
    }

    #[test]
    fn a_long_scalar_aliased_many_times_fails_at_the_byte_limit() {
        let mut text = format!("a: &a {}\nb:\n", "y".repeat(1 << 20));
        for _ in 0..100 {
            text.push_str("- *a\n");
        }
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains(&format!("more than {MAX_TEXT_BYTES} bytes of text")), "{e:?}");
        // Within the limit, the aliases are expanded.
        let mut text = format!("a: &a {}\nb:\n", "y".repeat(1 << 10));
        for _ in 0..100 {
            text.push_str("- *a\n");
        }
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn alias_bomb_fails_fast() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in "bcdefghij".chars() {
            text.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("alias"), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("nesting"), "{e:?}");
    }

    #[test]
    fn emitted_scalars_read_back_as_written() {
        let cases = [
            "plain text",
            "sha256:0a1b",
            "2013-10-07",
            "",
            " padded ",
            "no",
            "Yes",
            "1e3",
            "0x1F",
            "-dash",
            "key: value",
            "a #comment",
            "ends:",
            "\"quoted\"",
            "back\\slash",
            "two\nlines",
            "tab\there",
            "bell\u{7}",
            "'single'",
            "[flow]",
            "{map}",
            "*alias",
            "&anchor",
            "!tag",
            "%dir",
            "@at",
            "`tick`",
            "|block",
            ">folded",
            "? key",
            "Ünïcödé — dash",
            "line\u{2028}sep",
            "~",
            "null",
            "# comment",
        ];
        for s in cases {
            let text = format!("key: {}\n", emit_scalar(s));
            let root = parse(&text).unwrap_or_else(|e| panic!("{s:?} -> {text:?}: {e:?}")).unwrap();
            let NodeKind::Map(entries) = &root.kind else { panic!() };
            assert_eq!(scalar(&entries[0].1), s, "{text:?}");
            assert!(!entries[0].1.is_null(), "{s:?} reads as null");
        }
        assert_eq!(emit_scalar("plain text"), "plain text");
        assert_eq!(emit_scalar("no"), "\"no\"");
    }

    #[test]
    fn emitted_list_items_append_to_a_list() {
        let item = emit_list_item(&[("fact", "a.date"), ("note", "it's: fine\nreally")]);
        let text = format!("# head\n- fact: x\n{item}");
        let root = parse(&text).unwrap().unwrap();
        let NodeKind::Seq(items) = &root.kind else { panic!() };
        assert_eq!(items.len(), 2);
        let NodeKind::Map(entries) = &items[1].kind else { panic!() };
        assert_eq!(scalar(&entries[1].1), "it's: fine\nreally");
        assert_eq!(items[1].line, 3);
    }

    #[test]
    fn tags_other_than_text_and_merge_keys_are_refused() {
        for (text, says) in [
            ("a: !include other.yaml\n", "a YAML tag '!include'"),
            ("a: !!binary aGVsbG8=\n", "a YAML tag '!!binary'"),
            ("a: !!map {b: c}\n", "a YAML tag '!!map'"),
            ("x: &x {b: c}\ny:\n  <<: *x\n", "merge key"),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.message.contains(says), "{text:?}: {e:?}");
        }
        let root = parse("a: !!str 12\nb: ! 2013-10-07\nc: '<<'\n").unwrap().unwrap();
        let NodeKind::Map(entries) = &root.kind else { panic!() };
        assert_eq!(scalar(&entries[0].1), "12");
        assert_eq!(scalar(&entries[1].1), "2013-10-07");
    }

    #[test]
    fn flow_nesting_past_the_scanners_own_limit_says_nesting() {
        let e = parse(&"[".repeat(10_000)).unwrap_err();
        assert!(e.message.contains("nesting deeper than 64 levels"), "{e:?}");
    }

    #[test]
    fn two_documents_are_refused() {
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
    }

    fn roundtrip_scalar(text: &str) {
        let doc = emit(&Emit::Map(vec![("k".into(), Emit::Scalar(text.into()))]));
        let root = parse(&doc).unwrap().unwrap();
        let NodeKind::Map(entries) = &root.kind else { panic!("{doc}") };
        assert_eq!(scalar(&entries[0].1), text, "emitted as {doc:?}");
        assert!(!entries[0].1.is_null(), "{doc:?} read back as null");
    }

    #[test]
    fn emitted_documents_quote_what_would_be_misread() {
        for s in [
            "7:10 a.m.",
            "AA-3859-IAH-ORD",
            "",
            " lead",
            "trail ",
            "null",
            "~",
            "no",
            "1e3",
            "2013-10-07",
            "a: b",
            "a #b",
            "- x",
            "[x]",
            "{x}",
            "'quoted'",
            "\"dq\"",
            "back\\slash",
            "two\nlines",
            "tab\there",
            "bell\u{7}",
            "&anchor",
            "*alias",
            "!tag",
            "%dir",
            "@at",
            "`tick",
            "|",
            ">",
            "?",
            "Sergéi Lavrov",
            "9:32 p.m.            Delayed",
            "ends:",
            "\u{feff}bom",
        ] {
            roundtrip_scalar(s);
        }
        assert_eq!(super::emit_scalar("7:10 a.m."), "7:10 a.m.");
        assert_eq!(super::emit_scalar("no"), "\"no\"");
    }

    #[test]
    fn emitted_documents_keep_their_shape() {
        let doc = Emit::Map(vec![
            ("source".into(), Emit::Map(vec![("id".into(), Emit::Scalar("aa".into()))])),
            (
                "claims".into(),
                Emit::Seq(vec![
                    Emit::Map(vec![
                        ("id".into(), Emit::Scalar("c1".into())),
                        ("value".into(), Emit::Seq(vec![Emit::Scalar("a".into()), Emit::Scalar("b".into())])),
                    ]),
                    Emit::Map(vec![("id".into(), Emit::Scalar("c2".into()))]),
                ]),
            ),
            ("empty".into(), Emit::Seq(vec![])),
        ]);
        let text = emit(&doc);
        assert_eq!(text, "source:\n  id: aa\nclaims:\n- id: c1\n  value:\n  - a\n  - b\n- id: c2\nempty: []\n");
        let root = parse(&text).unwrap().unwrap();
        let NodeKind::Map(entries) = &root.kind else { panic!() };
        let NodeKind::Seq(claims) = &entries[1].1.kind else { panic!() };
        assert_eq!(claims.len(), 2);
    }
}
