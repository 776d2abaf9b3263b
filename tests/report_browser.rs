//! `whosaid report` in a real browser: headless Chromium (Debian's `chromium`) loads the pages
//! written for the seed article from `file://`, and the DOM it built is checked against the
//! quote table of `whosaid analyze` for the same article: every quote highlighted over exactly
//! its text, its speaker and cue marked and linked to its row, one row per quote with the
//! right speaker and cue, the cut boilerplate greyed out, the index's counts, and nothing
//! loaded from outside.
//!
//! Without Chromium the tests print why and pass, except under `CI=true` (`.ci/run` installs
//! it), where a missing browser fails them.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{code, stderr, stdout, whosaid};
use dom_query::{Document as Dom, Selection};
use whosaid::layout::{Layout, Role};
use whosaid::{Quote, SpeakerKind};

const SEED: &str = "000_0a1aa9d853795c80.txt";
/// Longest wait for one Chromium run.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

/// The browser, or `None` (with a message) when it is missing outside CI.
fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromium is missing: .ci/run installs it (apt-get install -y chromium)"
        );
        eprintln!("skipped: chromium is not installed (apt-get install -y chromium)");
    }
    found
}

/// Runs headless Chromium on `page` with `extra` arguments, in a fresh profile, and returns
/// its standard output.
fn run_chromium(browser: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > BROWSER_TIMEOUT {
            child.kill().unwrap();
            panic!("chromium did not finish on {url} in {BROWSER_TIMEOUT:?}");
        }
        sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the DOM is UTF-8")
}

/// The seed's report, its quote table (from `whosaid analyze`) and its text.
struct Seed {
    dir: tempfile::TempDir,
    quotes: Vec<Quote>,
    text: Vec<char>,
}

impl Seed {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(SEED);
        std::fs::copy(&seed, dir.path().join(SEED)).unwrap();
        let out = whosaid(&["report", SEED, "-o", "site", "-q"], dir.path(), None);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let out = whosaid(
            &["analyze", SEED, "--format", "jsonl", "-q"],
            dir.path(),
            None,
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let quotes: Vec<Quote> = stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a quote row"))
            .collect();
        assert!(
            quotes.len() >= 6,
            "the seed has its six gold quotes and more"
        );
        let text = std::fs::read_to_string(&seed).unwrap().chars().collect();
        Seed { dir, quotes, text }
    }

    fn page(&self, name: &str) -> PathBuf {
        self.dir.path().join("site").join(name)
    }

    /// The text under a character span, paragraph breaks dropped (see [`unbroken`]).
    fn under(&self, start: usize, end: usize) -> String {
        unbroken(&self.text[start..end].iter().collect::<String>())
    }
}

/// `s` without its runs of white space that hold a line break: the page shows paragraphs
/// as blocks, not the breaks between them. Any other character, spaces included, counts.
fn unbroken(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if !run.contains('\n') {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    if !run.contains('\n') {
        out.push_str(&run);
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of a selection's elements, joined, paragraph breaks dropped.
fn texts(sel: &Selection) -> String {
    let parts: Vec<String> = sel.iter().map(|e| e.text().to_string()).collect();
    unbroken(&parts.concat())
}

fn kind(q: &Quote) -> &'static str {
    whosaid::report::kind_name(q.kind)
}

/// No element loads anything (scripts, style sheets, images, fonts, frames), and every link
/// stays inside the site.
fn assert_self_contained(dom: &Dom, page: &str) {
    for sel in [
        "script", "link", "img", "iframe", "object", "embed", "[src]",
    ] {
        assert!(!dom.select(sel).exists(), "{page}: has {sel}");
    }
    for a in dom.select("[href]").iter() {
        let href = a.attr("href").unwrap().to_string();
        assert!(
            !href.contains("://") && !href.starts_with("//"),
            "{page}: external link {href}"
        );
    }
    let style = dom.select("style").text();
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{page}: the style sheet loads something"
    );
}

#[test]
fn the_seed_article_page_shows_every_quote_speaker_and_cue_in_chromium() {
    let Some(browser) = chromium() else { return };
    let seed = Seed::new();
    let page = seed.page("articles/00001.html");
    let dom = Dom::from(run_chromium(&browser, &page, &["--dump-dom"]));
    assert_self_contained(&dom, "article page");

    // One row per quote, in order, with its speaker and cue; the header counts them.
    let rows: Vec<Selection> = dom.select("ol.rows > li.row").iter().collect();
    assert_eq!(rows.len(), seed.quotes.len());
    let count = dom
        .select("header .summary [data-count]")
        .attr("data-count");
    assert_eq!(
        count.as_deref(),
        Some(seed.quotes.len().to_string().as_str())
    );
    for (i, (row, q)) in rows.iter().zip(&seed.quotes).enumerate() {
        let n = i + 1;
        assert_eq!(row.id().as_deref(), Some(format!("row-{n}").as_str()));
        assert!(row.has_class(kind(q)), "row {n} is {}", kind(q));
        assert_eq!(
            row.select("a.to-quote").attr("href").as_deref(),
            Some(format!("#quote-{n}").as_str())
        );
        let who = q.speaker_name.as_deref().or(q.speaker.as_deref());
        assert_eq!(
            row.select(".who").text().as_ref(),
            who.unwrap_or("no speaker")
        );
        assert_eq!(
            row.select(".cue-text").text().as_ref(),
            q.cue.as_deref().unwrap_or("")
        );
        if q.speaker_kind == SpeakerKind::Person {
            let gender = row.select(".speaker-kind").text();
            let expected = serde_json::to_value(q.speaker_gender).unwrap();
            assert!(
                gender.contains(expected.as_str().unwrap()),
                "row {n}: {gender}"
            );
        }
    }

    // Each speaker and cue is marked over exactly its text and links to an existing row.
    for (i, q) in seed.quotes.iter().enumerate() {
        let n = i + 1;
        for (what, span) in [
            ("speaker", q.speaker_start.zip(q.speaker_end)),
            ("cue", q.cue_start.zip(q.cue_end)),
        ] {
            let marks = dom.select(&format!("a[data-{what}~=\"{n}\"]"));
            let Some((start, end)) = span else {
                assert!(!marks.exists(), "row {n} has no {what}");
                continue;
            };
            assert!(marks.exists(), "row {n}: its {what} is marked");
            assert_eq!(texts(&marks), seed.under(start, end), "row {n}: {what}");
            for mark in marks.iter() {
                let href = mark.attr("href").unwrap().to_string();
                let target = href.strip_prefix('#').expect("a link inside the page");
                assert!(dom.select(&format!("li#{target}")).exists(), "{href}");
            }
        }
        let own = dom.select(&format!("a[data-speaker=\"{n}\"], a[data-cue=\"{n}\"]"));
        for mark in own.iter() {
            assert_eq!(
                mark.attr("href").as_deref(),
                Some(format!("#row-{n}").as_str())
            );
        }
    }

    // The row badges link to their rows; then, without them, each quote's pieces hold
    // exactly its text.
    let badges: Vec<String> = dom
        .select("a.row-link")
        .iter()
        .map(|a| a.attr("href").unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=seed.quotes.len())
        .map(|n| format!("#row-{n}"))
        .collect();
    assert_eq!(badges, expected);
    dom.select("a.row-link").remove();
    for (i, q) in seed.quotes.iter().enumerate() {
        let n = i + 1;
        let pieces = dom.select(&format!("mark.quote[data-quote=\"{n}\"]"));
        assert!(pieces.exists(), "quote {n} is highlighted");
        assert_eq!(
            pieces.iter().next().unwrap().id().as_deref(),
            Some(format!("quote-{n}").as_str())
        );
        assert!(pieces.iter().all(|p| p.has_class(kind(q))), "quote {n}");
        assert_eq!(
            texts(&pieces),
            seed.under(q.quote_start, q.quote_end),
            "quote {n}"
        );
    }

    // The boilerplate that the analysis cut is greyed out, in full, and holds no mark.
    let text: String = seed.text.iter().collect();
    let layout = Layout::parse(&text, None);
    let cut: Vec<String> = layout
        .paragraphs
        .iter()
        .filter(|p| p.role == Role::Boilerplate)
        .map(|p| collapse(p.text(&text)))
        .collect();
    assert!(cut.len() >= 3, "the seed ends with a comment form");
    let shown: Vec<String> = dom
        .select("article.text .para.cut")
        .iter()
        .map(|p| collapse(&p.text()))
        .collect();
    assert_eq!(shown, cut);
    assert!(!dom.select(".para.cut mark, .para.cut a").exists());
}

#[test]
fn the_index_counts_the_seed_quotes_in_chromium() {
    let Some(browser) = chromium() else { return };
    let seed = Seed::new();
    let dom = Dom::from(run_chromium(
        &browser,
        &seed.page("index.html"),
        &["--dump-dom"],
    ));
    assert_self_contained(&dom, "index");

    let chart = |id: &str| -> BTreeMap<String, usize> {
        dom.select(&format!("svg[data-chart=\"{id}\"] [data-label]"))
            .iter()
            .map(|g| {
                let label = g.attr("data-label").unwrap().to_string();
                let count = g.attr("data-count").unwrap().parse().unwrap();
                (label, count)
            })
            .collect()
    };
    let tally = |key: &dyn Fn(&Quote) -> Option<String>| -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for q in &seed.quotes {
            if let Some(k) = key(q) {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
        counts
    };
    let name = |v: serde_json::Value| v.as_str().unwrap().to_string();
    assert_eq!(chart("speakers"), tally(&|q| q.speaker_name.clone()));
    assert_eq!(chart("publications"), tally(&|q| q.publication.clone()));
    assert_eq!(chart("media"), tally(&|q| q.medium.clone()));
    let mut kinds = tally(&|q| Some(kind(q).to_string()));
    for k in ["direct", "mixed", "indirect"] {
        kinds.entry(k.to_string()).or_insert(0);
    }
    assert_eq!(chart("kinds"), kinds);
    let mut genders = tally(&|q| {
        (q.speaker_kind == SpeakerKind::Person)
            .then(|| name(serde_json::to_value(q.speaker_gender).unwrap()))
    });
    for g in ["female", "male", "unknown"] {
        genders.entry(g.to_string()).or_insert(0);
    }
    assert_eq!(chart("genders"), genders);

    let rows: Vec<Selection> = dom.select("section.articles tbody tr").iter().collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].attr("data-doc").as_deref(), Some(SEED));
    assert_eq!(
        rows[0].select("a").attr("href").as_deref(),
        Some("articles/00001.html")
    );
    assert_eq!(
        rows[0].select("[data-count]").attr("data-count").as_deref(),
        Some(seed.quotes.len().to_string().as_str())
    );
}

#[test]
fn chromium_renders_the_seed_article_page() {
    let Some(browser) = chromium() else { return };
    let seed = Seed::new();
    let shot = seed.dir.path().join("page.png");
    run_chromium(
        &browser,
        &seed.page("articles/00001.html"),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600",
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    // A blank 1280×1600 page compresses to a few kilobytes; the page with its text is larger.
    assert!(png.len() > 50_000, "{} bytes", png.len());
}
