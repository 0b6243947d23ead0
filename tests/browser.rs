//! The HTML report in a real browser: headless Chromium, driven over the
//! DevTools protocol by the small client below (a websocket from
//! `tungstenite`; the protocol is JSON messages, so a driver crate would add
//! much and save little).
//!
//! On the bundled corpus it checks the rows per verdict against the JSON
//! report, the source and subject filters, sorting, expanding a fact with the
//! keyboard, the print stylesheet, that nothing is logged as an error and that
//! no request leaves the page (only the file:// document loads). On a copy
//! of the corpus with a `reviews.yaml` (one review that holds, one stale) it
//! checks the review filter, the Review column, and that the review note,
//! the best-supported reading and the support per reading show when a fact
//! is expanded; on `tests/fixtures/independence`, the dependent sources.
//! Screenshots go to `target/browser/report.png` and `reviews.png`; with
//! `UPDATE_SNAPSHOTS=1` they are also copied to `docs/examples/`
//! (`report.png`, `report-reviews.png`).
//!
//! The browser is `$CHROMIUM`, else `chromium` / `chromium-browser` /
//! `google-chrome` on the PATH. Without one the tests fail under `CI=true`
//! (`.ci/run` installs Debian's `chromium`) and otherwise say loudly on
//! stderr that they were skipped.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

const TIMEOUT: Duration = Duration::from_secs(60);

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"))
}

fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        for dir in std::env::split_paths(&path).chain([PathBuf::from("/usr/bin")]) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The browser, or `None` (after saying so) when there is none outside CI.
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    match find_chromium() {
        Some(p) => Some(p),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "no Chromium found (set CHROMIUM or install Debian's `chromium`); under CI the browser tests must run"
            )
        }
        None => {
            eprintln!(
                "\n*** SKIPPED {test}: no chromium found (install Debian's `chromium`, or set CHROMIUM=/path); \
                 the HTML report was NOT tested in a browser ***\n"
            );
            None
        }
    }
}

/// One headless Chromium with one page, attached over the DevTools protocol.
struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    /// Every event of the page's session, in order.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch(chromium: &Path) -> Browser {
        Browser::launch_with(chromium, &[])
    }

    /// [`Browser::launch`], with more command-line switches for Chromium.
    fn launch_with(chromium: &Path, switches: &[&str]) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(chromium)
            .args(switches)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromium.display()));
        // Chromium writes the port and the browser's websocket path here.
        let port_file = profile.path().join("DevToolsActivePort");
        let start = Instant::now();
        let (port, path) = loop {
            if let Ok(text) = fs::read_to_string(&port_file) {
                let mut lines = text.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                    break (port.to_string(), path.to_string());
                }
            }
            assert!(start.elapsed() < TIMEOUT, "Chromium did not open its DevTools port");
            std::thread::sleep(Duration::from_millis(50));
        };
        let stream = TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        let (ws, _) = tungstenite::client(format!("ws://127.0.0.1:{port}{path}"), stream).unwrap();
        let mut b = Browser { child, ws, session: String::new(), next_id: 0, events: Vec::new(), _profile: profile };
        let target = b.send(None, "Target.createTarget", json!({"url": "about:blank"}));
        let attached = b.send(None, "Target.attachToTarget", json!({"targetId": target["targetId"], "flatten": true}));
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Page.enable", "Runtime.enable", "Network.enable", "Log.enable"] {
            b.call(domain, json!({}));
        }
        b.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": false}),
        );
        b
    }

    /// Send a command (to the page's session, or the browser with `None`) and
    /// return its result; events that arrive meanwhile are kept.
    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws.send(Message::text(msg.to_string())).unwrap();
        let start = Instant::now();
        loop {
            assert!(start.elapsed() < TIMEOUT, "no answer to {method}");
            let m = self.read();
            if m["id"] == id {
                if let Some(e) = m.get("error") {
                    panic!("{method} failed: {e}");
                }
                return m["result"].clone();
            }
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.send(Some(&session), method, params)
    }

    fn read(&mut self) -> Value {
        loop {
            match self.ws.read().expect("the DevTools connection stays open") {
                Message::Text(t) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap();
                    if v.get("method").is_some() {
                        self.events.push(v.clone());
                    }
                    return v;
                }
                Message::Close(_) => panic!("Chromium closed the DevTools connection"),
                _ => {}
            }
        }
    }

    /// Load `url` and wait for its load event.
    fn open(&mut self, url: &str) {
        let seen = self.events.len();
        self.call("Page.navigate", json!({"url": url}));
        let start = Instant::now();
        while !self.events[seen..].iter().any(|e| e["method"] == "Page.loadEventFired") {
            assert!(start.elapsed() < TIMEOUT, "{url} did not load");
            self.read();
        }
    }

    /// Evaluate a JavaScript expression in the page; its JSON value.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call("Runtime.evaluate", json!({"expression": expr, "returnByValue": true}));
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{expr} threw: {e}");
        }
        r["result"]["value"].clone()
    }

    /// Press a key on the focused element, as a person would.
    fn press(&mut self, key: &str, code: u32) {
        for kind in ["keyDown", "keyUp"] {
            let mut p = json!({"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code});
            if kind == "keyDown" && key == "Enter" {
                p["text"] = json!("\r");
            }
            self.call("Input.dispatchKeyEvent", p);
        }
    }

    /// Console errors and warnings, uncaught exceptions, log errors, dialogs.
    fn problems(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| match e["method"].as_str().unwrap_or("") {
                "Runtime.consoleAPICalled" => {
                    matches!(e["params"]["type"].as_str(), Some("error" | "warning" | "assert"))
                }
                "Runtime.exceptionThrown" | "Page.javascriptDialogOpening" => true,
                "Log.entryAdded" => matches!(e["params"]["entry"]["level"].as_str(), Some("error" | "warning")),
                _ => false,
            })
            .map(|e| e.to_string())
            .collect()
    }

    /// Every URL the page asked for.
    fn requests(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .map(|e| e["params"]["request"]["url"].as_str().unwrap_or("").to_string())
            .collect()
    }

    fn screenshot(&mut self, path: &Path) {
        let shot = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true,
                   "clip": {"x": 0, "y": 0, "width": 1280, "height": 1500, "scale": 1}}),
        );
        let png = decode_base64(shot["data"].as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn decode_base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &c)| n | u32::from(val(c)) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// Write the report of the corpus in `dir` to `target/browser/NAME` with
/// `--output`; its file:// URL.
fn write_report(dir: &Path, name: &str, extra: &[&str]) -> (PathBuf, String) {
    let out = target_dir().join("browser").join(name);
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", "--format", "html", "--output"])
        .arg(&out)
        .args(extra)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(matches!(status.code(), Some(0 | 1)), "the report was written: {status}");
    let abs = fs::canonicalize(&out).unwrap();
    (out, format!("file://{}", abs.display()))
}

fn json_report(dir: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", "--format", "json", "--all"])
        .current_dir(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The ids of the fact rows a person can see, top to bottom.
const VISIBLE: &str = "Array.from(document.querySelectorAll('#facts > tbody'))\
    .filter(b => b.getClientRects().length > 0).map(b => b.dataset.id)";

fn ids(v: Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

fn set_select(b: &mut Browser, id: &str, value: &str) {
    let js = format!(
        "(() => {{ const s = document.getElementById({id:?}); s.value = {value:?}; \
         s.dispatchEvent(new Event('change', {{bubbles: true}})); return s.value; }})()"
    );
    assert_eq!(b.eval(&js), json!(value), "{id} has an option {value:?}");
}

/// Quote text as `ground` compares it: case, white space, quote marks and dashes folded.
fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    s.to_lowercase().replace("--", "-").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_bundled_report_works_in_chromium() {
    let Some(chromium) = chromium_or_skip("the_bundled_report_works_in_chromium") else { return };
    let doc = json_report(&root());
    let facts = doc["facts"].as_array().unwrap();
    let (_, url) = write_report(&root(), "report.html", &[]);
    let mut b = Browser::launch(&chromium);
    b.open(&url);

    // The script ran (the filters show) and the default view is the facts that need a look.
    assert_eq!(b.eval("document.getElementById('filters').hidden"), json!(false), "the script ran");
    let look: Vec<String> = facts
        .iter()
        .filter(|f| matches!(f["verdict"].as_str(), Some("conflict" | "revised" | "compatible")))
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    let mut shown = ids(b.eval(VISIBLE));
    shown.sort();
    assert_eq!(shown, look, "default view");
    assert_eq!(
        b.eval("document.getElementById('status').textContent"),
        json!(format!("Showing {} of {} facts.", look.len(), facts.len()))
    );

    // Rows per verdict equal the JSON report's counts.
    for v in ["conflict", "revised", "compatible", "agree", "single"] {
        set_select(&mut b, "f-verdict", v);
        let rows = ids(b.eval(VISIBLE));
        assert_eq!(rows.len() as u64, doc["summary"][v].as_u64().unwrap(), "rows with verdict {v}");
        let badges = b.eval(&format!(
            "Array.from(document.querySelectorAll('#facts > tbody')).filter(b => b.getClientRects().length > 0)\
             .every(b => b.querySelector('.badge').textContent === {v:?})"
        ));
        assert_eq!(badges, json!(true), "every {v} row has a {v} badge");
    }
    set_select(&mut b, "f-verdict", "");
    assert_eq!(ids(b.eval(VISIBLE)).len(), facts.len(), "all verdicts");

    // The source filter hides the facts no claim of that outlet speaks to, and shows them again.
    let outlet = "ITAR-TASS";
    let want: BTreeSet<String> = facts
        .iter()
        .filter(|f| f["claims"].as_array().unwrap().iter().any(|c| c["outlet"] == outlet))
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!want.is_empty() && want.len() < facts.len());
    set_select(&mut b, "f-source", outlet);
    assert_eq!(ids(b.eval(VISIBLE)).into_iter().collect::<BTreeSet<_>>(), want, "source {outlet}");
    set_select(&mut b, "f-source", "");
    assert_eq!(ids(b.eval(VISIBLE)).len(), facts.len(), "source filter cleared");

    // The subject filter, typed: matches the registry name, a name as written, or the id.
    b.eval("document.getElementById('f-subject').focus()");
    b.call("Input.insertText", json!({"text": "Geneva 2"}));
    let want: BTreeSet<String> = facts
        .iter()
        .filter(|f| {
            let mut names = vec![f["id"].as_str().unwrap(), f["subject"].as_str().unwrap()];
            names.extend(f["claims"].as_array().unwrap().iter().map(|c| c["subject"].as_str().unwrap()));
            names.iter().any(|n| n.to_lowercase().contains("geneva 2"))
        })
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(b.eval(VISIBLE)).into_iter().collect::<BTreeSet<_>>(), want, "subject 'Geneva 2'");
    b.eval("(() => { const s = document.getElementById('f-subject'); s.value = ''; s.dispatchEvent(new Event('input')); })()");
    assert_eq!(ids(b.eval(VISIBLE)).len(), facts.len(), "subject filter cleared");

    // Sorting by fact id, both ways, then back to verdict.
    b.eval("document.querySelector('button.sort[data-sort=fact]').click()");
    let rows = ids(b.eval(VISIBLE));
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "by fact, ascending");
    assert_eq!(b.eval("document.querySelector('th.fact').getAttribute('aria-sort')"), json!("ascending"));
    b.eval("document.querySelector('button.sort[data-sort=fact]').click()");
    sorted.reverse();
    assert_eq!(ids(b.eval(VISIBLE)), sorted, "by fact, descending");
    b.eval("document.querySelector('button.sort[data-sort=verdict]').click()");
    let rows = ids(b.eval(VISIBLE));
    assert_eq!(
        rows[0],
        look.iter().find(|id| facts.iter().any(|f| f["id"] == **id && f["verdict"] == "conflict")).unwrap().as_str(),
        "most severe first"
    );
    assert_eq!(b.eval("document.querySelector('th.fact').getAttribute('aria-sort')"), json!("none"));

    // Expanding a fact with the keyboard shows its quotes, marked in their articles.
    let fact = facts.iter().find(|f| f["id"] == "geneva-ii-conference.date").expect("the Geneva II date fact");
    let sel = "document.getElementById('fact-geneva-ii-conference.date')";
    assert_eq!(b.eval(&format!("{sel}.querySelector('tr.claims').getClientRects().length")), json!(0), "collapsed");
    b.eval(&format!("{sel}.querySelector('button.toggle').focus()"));
    b.press("Enter", 13);
    assert_eq!(b.eval(&format!("{sel}.querySelector('button.toggle').getAttribute('aria-expanded')")), json!("true"));
    let marks = ids(b.eval(&format!(
        "Array.from({sel}.querySelectorAll('tr.claims mark')).filter(m => m.getClientRects().length > 0).map(m => m.textContent)"
    )));
    let quotes: Vec<String> =
        fact["claims"].as_array().unwrap().iter().map(|c| fold(c["quote"].as_str().unwrap())).collect();
    assert_eq!(marks.iter().map(|m| fold(m)).collect::<Vec<_>>(), quotes, "each claim's quote, in order");
    let context = b.eval(&format!("{sel}.querySelector('blockquote.context').textContent.length"));
    assert!(
        context.as_u64().unwrap() > fold(&marks[0]).len() as u64 + 40,
        "the quote stands in its article's sentences"
    );
    assert_eq!(
        b.eval(&format!("{sel}.querySelectorAll('tr.claims svg .bar').length")),
        json!(quotes.len()),
        "timeline"
    );

    // A screenshot for people: the default view with one fact open.
    set_select(&mut b, "f-verdict", "conflict revised compatible");
    b.eval("window.scrollTo(0, 0)");
    let png = target_dir().join("browser/report.png");
    b.screenshot(&png);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::copy(&png, root().join("docs/examples/report.png")).unwrap();
    }

    // Space collapses it again.
    b.press(" ", 32);
    assert_eq!(
        b.eval(&format!("{sel}.querySelector('tr.claims').getClientRects().length")),
        json!(0),
        "collapsed by Space"
    );

    // Printed, the claims of the facts shown are all there and the controls are not.
    b.call("Emulation.setEmulatedMedia", json!({"media": "print"}));
    let printed = b.eval(
        "Array.from(document.querySelectorAll('#facts > tbody')).filter(b => b.getClientRects().length > 0)\
         .every(b => b.querySelector('tr.claims').getClientRects().length > 0)",
    );
    assert_eq!(printed, json!(true), "print shows every shown fact's claims");
    assert_eq!(b.eval("document.getElementById('filters').getClientRects().length"), json!(0), "no controls on paper");
    // Printing opens every fold (a fact's pairs), and closes them after.
    let open = "Array.from(document.querySelectorAll('details')).filter(d => d.open).length";
    let folds = b.eval("document.querySelectorAll('details').length");
    assert!(folds.as_u64().unwrap() > 0, "the bundled report has folds");
    assert_eq!(b.eval(open), json!(0));
    b.eval("window.dispatchEvent(new Event('beforeprint'))");
    assert_eq!(b.eval(open), folds, "every fold is open on paper");
    let pairs_shown = "Array.from(document.querySelectorAll('#facts > tbody')).filter(b => b.getClientRects().length > 0)\
                       .flatMap(b => Array.from(b.querySelectorAll('details.pairs > ul'))).map(u => u.checkVisibility())";
    let shown = b.eval(pairs_shown);
    let shown = shown.as_array().unwrap();
    assert!(
        !shown.is_empty() && shown.iter().all(|v| v == &json!(true)),
        "the shown facts' pairs are on paper: {shown:?}"
    );
    b.eval("window.dispatchEvent(new Event('afterprint'))");
    assert_eq!(b.eval(open), json!(0), "and closed again after");
    b.call("Emulation.setEmulatedMedia", json!({"media": ""}));

    // Nothing went wrong, and nothing but the document was fetched.
    assert_eq!(b.problems(), Vec::<String>::new(), "console errors, exceptions or dialogs");
    let requests = b.requests();
    assert!(!requests.is_empty(), "the document's own request is seen");
    assert!(requests.iter().all(|r| r == &url), "only {url} may load: {requests:?}");
}

#[test]
fn hostile_input_stays_text_in_chromium() {
    let Some(chromium) = chromium_or_skip("hostile_input_stays_text_in_chromium") else { return };
    let dir = root().join("tests/fixtures/hostile");
    let (_, url) = write_report(&dir, "hostile.html", &["--all"]);
    let mut b = Browser::launch(&chromium);
    b.open(&url);
    assert_eq!(b.eval("document.scripts.length"), json!(1), "only the page's script");
    assert_eq!(b.eval("document.querySelectorAll('img, style ~ style, iframe, object').length"), json!(0));
    assert_eq!(b.eval("document.querySelectorAll('#facts > tbody').length"), json!(1));
    b.eval("document.querySelector('button.toggle').click()");
    let quote = b.eval("document.querySelector('tr.claims mark').textContent");
    assert!(quote.as_str().unwrap().starts_with("<script>alert('quote')</script> met on 7 July 2013"), "{quote}");
    let outlets = b.eval("Array.from(document.querySelectorAll('#f-source option')).map(o => o.value)");
    assert_eq!(outlets[1], json!("<script>alert('outlet')</script> & \"Co\" | </details>"), "{outlets}");
    set_select(&mut b, "f-source", "<script>alert('outlet')</script> & \"Co\" | </details>");
    assert_eq!(ids(b.eval(VISIBLE)).len(), 1, "filtering on a hostile outlet name works");
    assert_eq!(b.problems(), Vec::<String>::new(), "no dialog, no error");
    assert!(b.requests().iter().all(|r| r == &url), "{:?}", b.requests());
}

/// Without scripts the page still shows every fact with its claims, and the
/// filters, which need the script, stay hidden; with scripts every fact
/// starts collapsed and opens on its button.
#[test]
fn the_report_shows_every_claim_without_scripts() {
    let Some(chromium) = chromium_or_skip("the_report_shows_every_claim_without_scripts") else { return };
    let (_, url) = write_report(&root(), "report-noscript.html", &["--all"]);
    let shown_claims =
        "Array.from(document.querySelectorAll('tr.claims')).filter(r => getComputedStyle(r).display !== 'none').length";
    let expanded = "Array.from(document.querySelectorAll('button.toggle')).filter(b => b.getAttribute('aria-expanded') === 'true').length";
    // Scripts off in the browser's settings, as a reader may have them.
    let mut b = Browser::launch_with(&chromium, &["--blink-settings=scriptEnabled=false"]);
    b.open(&url);
    let rows = b.eval("document.querySelectorAll('#facts > tbody').length");
    assert!(rows.as_u64().unwrap() > 10, "{rows}");
    assert_eq!(b.eval(shown_claims), rows, "every fact's claims show without scripts");
    assert_eq!(b.eval(expanded), rows, "and their buttons say so");
    assert_eq!(b.eval("document.getElementById('filters').hidden"), json!(true));
    drop(b);
    let mut b = Browser::launch(&chromium);
    b.open(&url);
    assert_eq!(b.eval(shown_claims), json!(0), "with scripts, every fact starts collapsed");
    assert_eq!(b.eval(expanded), json!(0));
    b.eval("document.querySelector('button.toggle').click()");
    assert_eq!(b.eval(shown_claims), json!(1));
    assert_eq!(b.eval(expanded), json!(1));
    assert_eq!(b.problems(), Vec::<String>::new());
}

fn crosscheck(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck")).args(args).current_dir(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The ids of the shown facts whose verdict needs a look and whose review status is one of `statuses`.
fn looked_at(facts: &[Value], statuses: &[&str]) -> BTreeSet<String> {
    facts
        .iter()
        .filter(|f| matches!(f["verdict"].as_str(), Some("conflict" | "revised" | "compatible")))
        .filter(|f| statuses.contains(&f["review"]["status"].as_str().unwrap()))
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn reviews_support_and_best_show_in_chromium() {
    let Some(chromium) = chromium_or_skip("reviews_support_and_best_show_in_chromium") else { return };
    // A copy of the bundled corpus with two reviews: one that holds, and one
    // whose recorded digest no longer matches the claims (as if they had
    // changed since), so it is stale. The note and the reviewer hold markup.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_dir(&root().join("claims"), &dir.join("claims"));
    copy_dir(&root().join("articles"), &dir.join("articles"));
    let note = "<b>Checked</b> with the White House & 'TASS'";
    let reviewed = "obama-putin-moscow-summit.status";
    let stale = "us-russian-initiative-to-convene-geneva-ii.date";
    crosscheck(
        dir,
        &[
            "review",
            reviewed,
            "--decision",
            "disputed",
            "--note",
            note,
            "--reviewer",
            "Ana <Ruiz>",
            "--date",
            "2024-05-02",
        ],
    );
    crosscheck(
        dir,
        &["review", stale, "--decision", "accepted", "--note", "fine", "--reviewer", "Bo", "--date", "2024-05-03"],
    );
    let yaml = fs::read_to_string(dir.join("reviews.yaml")).unwrap();
    let digest = yaml.rsplit("claims_digest: ").next().unwrap().trim().trim_matches(|c| c == '"' || c == '\'');
    assert!(digest.starts_with("sha256:") && digest.len() == 71, "{digest}");
    fs::write(dir.join("reviews.yaml"), yaml.replace(digest, &format!("sha256:{}", "0".repeat(64)))).unwrap();

    let doc = json_report(dir);
    let facts = doc["facts"].as_array().unwrap();
    let status = |id: &str| facts.iter().find(|f| f["id"] == id).unwrap()["review"]["status"].clone();
    assert_eq!((status(reviewed), status(stale)), (json!("reviewed"), json!("stale")), "the reviews as set up");
    let (_, url) = write_report(dir, "reviews.html", &[]);
    let mut b = Browser::launch(&chromium);
    b.open(&url);

    // The review filter, within the default verdict filter (the facts that need a look).
    let shown = |b: &mut Browser| ids(b.eval(VISIBLE)).into_iter().collect::<BTreeSet<_>>();
    let all_looked = looked_at(facts, &["unreviewed", "reviewed", "stale"]);
    assert_eq!(shown(&mut b), all_looked, "all review states at first");
    set_select(&mut b, "f-review", "reviewed");
    assert_eq!(shown(&mut b), BTreeSet::from([reviewed.to_string()]), "reviewed");
    set_select(&mut b, "f-review", "stale");
    assert_eq!(shown(&mut b), BTreeSet::from([stale.to_string()]), "stale");
    set_select(&mut b, "f-review", "unreviewed stale");
    let to_review = looked_at(facts, &["unreviewed", "stale"]);
    assert!(to_review.contains(stale) && !to_review.contains(reviewed));
    assert_eq!(shown(&mut b), to_review, "to review: unreviewed or stale");
    assert_eq!(
        b.eval("document.getElementById('status').textContent"),
        json!(format!("Showing {} of {} facts.", to_review.len(), facts.len()))
    );
    set_select(&mut b, "f-verdict", "");
    assert_eq!(shown(&mut b).len(), facts.len() - 1, "every verdict, all but the reviewed fact");
    set_select(&mut b, "f-verdict", "conflict revised compatible");
    set_select(&mut b, "f-review", "");
    assert_eq!(shown(&mut b), all_looked, "the review filter cleared");

    // The Review column: the decision, who and when, as text; stale clearly marked.
    let row = |id: &str| format!("document.getElementById('fact-{id}')");
    let r = row(reviewed);
    let s = row(stale);
    assert_eq!(b.eval(&format!("{r}.querySelector('td.review .badge').textContent")), json!("disputed"));
    assert_eq!(b.eval(&format!("{r}.querySelector('td.review .who').textContent")), json!("Ana <Ruiz> · 2024-05-02"));
    assert_eq!(b.eval(&format!("{s}.querySelector('td.review .badge').className")), json!("badge r-stale"));
    let stale_cell = b.eval(&format!("{s}.querySelector('td.review').textContent"));
    assert!(stale_cell.as_str().unwrap().contains("stale") && stale_cell.as_str().unwrap().contains("claims changed"));

    // Expanded: the note and the reviewer, the best-supported reading, the support per reading.
    let fact = facts.iter().find(|f| f["id"] == reviewed).unwrap();
    let visible_text = |b: &mut Browser, sel: &str| {
        let v = b.eval(&format!("(e => e && e.getClientRects().length > 0 ? e.textContent : null)({sel})"));
        v.as_str().map(str::to_string)
    };
    assert_eq!(visible_text(&mut b, &format!("{r}.querySelector('.review-box')")), None, "collapsed");
    b.eval(&format!("{r}.querySelector('button.toggle').click()"));
    let review_box = visible_text(&mut b, &format!("{r}.querySelector('.review-box')")).expect("review shown");
    assert!(review_box.contains(note) && review_box.contains("Ana <Ruiz>"), "{review_box}");
    assert_eq!(b.eval(&format!("{r}.querySelectorAll('.review-box b, .review-box script').length")), json!(0));
    let best = &fact["best"];
    let best_box = visible_text(&mut b, &format!("{r}.querySelector('.best-box')")).expect("best shown");
    let confidence = format!("{:.0}%", best["confidence"].as_f64().unwrap() * 100.0);
    assert!(best_box.contains(best["value"].as_str().unwrap()), "{best_box}");
    assert!(best_box.contains(&confidence), "{best_box}");
    for outlet in best["sources"].as_array().unwrap() {
        assert!(best_box.contains(outlet.as_str().unwrap()), "{best_box}");
    }
    let best_cell = b.eval(&format!("{r}.querySelector('td.best').textContent"));
    assert!(best_cell.as_str().unwrap().ends_with(&confidence), "{best_cell}");
    let support = &fact["support"];
    let rows = b.eval(&format!(
        "Array.from({r}.querySelectorAll('table.support tbody tr')).filter(t => t.getClientRects().length > 0)\
         .map(t => Array.from(t.cells).map(c => c.textContent))"
    ));
    let readings = support["readings"].as_array().unwrap();
    assert_eq!(rows.as_array().unwrap().len(), readings.len(), "one row per reading: {rows}");
    for (row, want) in rows.as_array().unwrap().iter().zip(readings) {
        assert!(row[0].as_str().unwrap().starts_with(want["reading"].as_str().unwrap()), "{row}");
        assert_eq!(row[1], json!(want["sources"].to_string()));
        assert_eq!(row[2], json!(want["independent"].to_string()));
    }
    let described = format!(
        "{} sources ({} independent)",
        support["sources"].as_u64().unwrap(),
        support["independent"].as_u64().unwrap()
    );
    let count = b.eval(&format!("{r}.querySelector('td.sources .count').textContent"));
    assert!(count.as_str().unwrap().ends_with(&described), "{count} / {described}");
    let stale_box = {
        b.eval(&format!("{s}.querySelector('button.toggle').click()"));
        visible_text(&mut b, &format!("{s}.querySelector('.review-box')")).expect("stale review shown")
    };
    assert!(stale_box.starts_with("ReviewStale: the claims changed since the review"), "{stale_box}");

    // The bundled corpus has no dependent sources, and says so.
    let deps = visible_text(&mut b, "document.querySelector('section.deps')").unwrap();
    assert!(deps.contains("No two sources depend on each other"), "{deps}");
    b.eval("window.scrollTo(0, 0)");
    let png = target_dir().join("browser/reviews.png");
    b.screenshot(&png);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::copy(&png, root().join("docs/examples/report-reviews.png")).unwrap();
    }

    // Printed, the review and support of every shown fact are there.
    b.call("Emulation.setEmulatedMedia", json!({"media": "print"}));
    let printed = b.eval(
        "Array.from(document.querySelectorAll('#facts > tbody')).filter(b => b.getClientRects().length > 0)\
         .every(b => b.querySelector('.review-box').getClientRects().length > 0 \
                  && b.querySelector('table.support').getClientRects().length > 0)",
    );
    assert_eq!(printed, json!(true));
    b.call("Emulation.setEmulatedMedia", json!({"media": ""}));

    // A corpus with dependent sources lists each pair, its reason and the shared passage.
    let indep = root().join("tests/fixtures/independence");
    let doc = json_report(&indep);
    let (_, url2) = write_report(&indep, "independence.html", &["--all"]);
    b.open(&url2);
    let deps = doc["dependencies"].as_array().unwrap();
    assert!(!deps.is_empty());
    let rows = b.eval(
        "Array.from(document.querySelectorAll('table.deps tbody tr')).filter(t => t.getClientRects().length > 0)\
         .map(t => Array.from(t.cells).map(c => c.textContent))",
    );
    assert_eq!(rows.as_array().unwrap().len(), deps.len(), "{rows}");
    for (row, d) in rows.as_array().unwrap().iter().zip(deps) {
        let sources: Vec<&str> = d["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        assert_eq!(row[0], json!(sources.join(", ")));
        assert_eq!(row[1], d["kind"]);
        assert_eq!(row[2], d["reason"]);
        assert_eq!(row[3], json!(d["passage"].as_str().unwrap_or("")));
    }
    for f in doc["facts"].as_array().unwrap().iter().filter(|f| f["support"]["sources"].as_u64() > Some(1)) {
        let id = f["id"].as_str().unwrap();
        let count =
            b.eval(&format!("document.getElementById('fact-{id}').querySelector('td.sources .count').textContent"));
        let (n, k) = (f["support"]["sources"].as_u64().unwrap(), f["support"]["independent"].as_u64().unwrap());
        let want =
            if k == 1 { format!("{n} sources, all dependent") } else { format!("{n} sources ({k} independent)") };
        assert!(count.as_str().unwrap().ends_with(&want), "{id}: {count} / {want}");
    }

    assert_eq!(b.problems(), Vec::<String>::new(), "console errors, exceptions or dialogs");
    let requests = b.requests();
    assert!(requests.iter().all(|r| r == &url || r == &url2), "only the two pages may load: {requests:?}");
}
