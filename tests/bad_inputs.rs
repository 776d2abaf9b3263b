//! End-to-end tests of `whosaid analyze` on real-world formats and bad input: a tree holding
//! every kind of bad file, each of which must give one line on stderr naming it and the
//! reason, while the other documents are analyzed and counted; plus the new input formats,
//! the JSONL field options, `--emit-text`, `--excel-safe` and the atomic `-o`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

mod common;

use common::{code, stderr, stdout, whosaid};
use whosaid::corpus::warc::build::{http_html, record};
use whosaid::export::COLUMNS;

fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

const STORY: &str = "\"We will win,\" Smith said. The mayor said the city was ready.\n\n\
                     \"It is a great day for all of us,\" Jones told reporters.\n";

const PAGE: &str = r#"<html><head><title>Harbour bridge approved</title>
<meta property="og:site_name" content="Harbour Gazette"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge approved</h1>
<p>The council voted on Tuesday to fund a second bridge across the harbour, ending a debate
that had lasted for more than a decade and divided the two districts of the city.</p>
<p>"This bridge will bring the two halves of our city together," Mayor Ann Lee said after the
vote on Tuesday evening.</p></article>
<div class="comments"><p>"Rubbish," said a reader.</p></div></body></html>"#;

/// The doc column and rows of a CSV table.
fn rows(csv_text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        COLUMNS
    );
    reader.records().map(Result::unwrap).collect()
}

fn docs(csv_text: &str) -> Vec<String> {
    let mut docs: Vec<String> = rows(csv_text).iter().map(|r| r[0].to_string()).collect();
    docs.dedup();
    docs
}

/// The stderr line that names `file`, which must be exactly one.
fn line_for<'a>(err: &'a str, file: &str) -> &'a str {
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(file)).collect();
    assert_eq!(lines.len(), 1, "one line for {file} in:\n{err}");
    lines[0]
}

fn is_root() -> bool {
    // A file that cannot be read by its owner can still be read by root.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("probe");
    fs::write(&path, "x").unwrap();
    set_mode(&path, 0o000);
    fs::read(&path).is_ok()
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn warc_file() -> Vec<u8> {
    let mut warc = Vec::new();
    warc.extend(gzip(&record(
        "request",
        Some("https://gazette.example/bridge"),
        b"GET /bridge HTTP/1.1\r\n\r\n",
    )));
    warc.extend(gzip(&record(
        "response",
        Some("https://gazette.example/bridge"),
        &http_html(PAGE.as_bytes(), Some("utf-8")),
    )));
    warc.extend(gzip(&record(
        "response",
        Some("https://gazette.example/moved"),
        b"HTTP/1.1 301 Moved Permanently\r\nLocation: /bridge\r\n\r\n",
    )));
    warc
}

/// A tree with every kind of bad file among good ones.
#[cfg(unix)]
fn bad_tree(root: &Path) {
    write(root, "good/a.txt", STORY);
    write(root, "good/page.html", PAGE);
    write(root, "good/cc.warc.gz", warc_file());
    write(root, "good/story.txt.gz", gzip(STORY.as_bytes()));
    write(
        root,
        "good/story.txt.zst",
        zstd::encode_all(STORY.as_bytes(), 3).unwrap(),
    );
    write(
        root,
        "good/records.jsonl",
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "rec-1", "text": STORY}),
            serde_json::json!({"id": "rec-long", "text": "x".repeat(300_000)}),
        ),
    );
    // Text in other encodings.
    write(
        root,
        "enc/latin1.txt",
        b"\"Caf\xE9 prices will rise,\" the owner said.\n",
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(STORY.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(root, "enc/utf16.txt", utf16);
    // Bad files.
    write(
        root,
        "bad/binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00",
    );
    write(root, "bad/empty.txt", b"");
    write(root, "bad/image.png", b"\x89PNG\r\n\x1a\n\x00\x00");
    write(root, "bad/big.txt", STORY.repeat(2000));
    let whole = gzip(STORY.repeat(50).as_bytes());
    write(root, "bad/truncated.txt.gz", &whole[..whole.len() / 2]);
    write(root, "bad/not-gzip.txt.gz", b"this was never gzip");
    let warc = warc_file();
    write(root, "bad/truncated.warc.gz", &warc[..warc.len() - 20]);
    write(root, "bad/marks.txt", "\"".repeat(100_000));
    write(
        root,
        "bad/nested.txt",
        format!("{}deep{}", "“‘".repeat(5_000), "’”".repeat(5_000)),
    );
    write(
        root,
        "bad/no-article.html",
        "<html><body><script>x()</script></body></html>",
    );
    std::os::unix::fs::symlink("../..", root.join("bad/loop")).unwrap();
    std::os::unix::fs::symlink("vanished.txt", root.join("bad/gone.txt")).unwrap();
    let fifo = root.join("bad/pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
}

#[cfg(unix)]
#[test]
fn a_tree_of_bad_files_reports_each_and_analyzes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    bad_tree(&root);
    let root_user = is_root();
    if !root_user {
        write(&root, "bad/unreadable.txt", STORY);
        set_mode(&root.join("bad/unreadable.txt"), 0o000);
    }
    let out = whosaid(
        &[
            "analyze",
            "corpus",
            "--max-doc-bytes",
            "200K",
            "--threads",
            "2",
        ],
        dir.path(),
        None,
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");

    // Skipped: one line each, naming the file and the reason.
    for (file, reason) in [
        ("bad/binary.txt", "skipped: binary file"),
        ("bad/empty.txt", "skipped: empty file"),
        ("bad/image.png", "skipped: unknown file type"),
        (
            "bad/big.txt",
            "skipped: 240000 bytes, over the limit of 204800 bytes",
        ),
        ("bad/no-article.html", "skipped: no article text found"),
        ("bad/loop", "skipped: symbolic link loop"),
        ("bad/pipe.txt", "skipped: not a regular file"),
        (
            "records.jsonl:2",
            "skipped: line of 300028 bytes, over the limit of 204800 bytes",
        ),
        (
            "record 3 (https://gazette.example/moved)",
            "skipped: record 3 (https://gazette.example/moved): HTTP status 301",
        ),
    ] {
        let line = line_for(&err, file);
        assert!(line.starts_with("whosaid: "), "{line}");
        assert!(line.contains(reason), "{file}: {line}");
    }
    // Failed: one line each.
    for (file, reason) in [
        ("bad/truncated.txt.gz", "corrupt gzip data: truncated"),
        ("bad/not-gzip.txt.gz", "corrupt gzip data"),
        (
            "bad/truncated.warc.gz",
            "record 3: corrupt gzip data: incomplete deflate stream",
        ),
        ("bad/gone.txt", "No such file or directory"),
    ] {
        let line = line_for(&err, file);
        assert!(line.starts_with("whosaid: "), "{line}");
        assert!(!line.contains("skipped"), "{line}");
        assert!(line.contains(reason), "{file}: {line}");
    }
    // Warnings for the guessed encoding.
    assert!(line_for(&err, "enc/latin1.txt").contains("warning: "));
    if !root_user {
        assert!(line_for(&err, "unreadable.txt").contains("Permission denied"));
    }

    // The summary counts it all.
    let failed = if root_user { 4 } else { 5 };
    let summary = err.lines().last().unwrap();
    // good/: a.txt, page.html, cc.warc.gz's article, the .gz and .zst stories, rec-1;
    // enc/: 2; bad/: marks.txt, nested.txt and the first article of truncated.warc.gz.
    let read = 11;
    assert_eq!(
        summary,
        format!(
            "whosaid: {read} documents read, 9 skipped, {failed} failed, {} quotes found, 1 warning",
            rows(&stdout(&out)).len()
        ),
        "{err}"
    );

    // The good documents are all in the table, in walk order.
    let found = docs(&stdout(&out));
    for doc in [
        "good/a.txt",
        "https://gazette.example/bridge",
        "good/page.html",
        "rec-1",
        "good/story.txt.gz",
        "good/story.txt.zst",
        "enc/latin1.txt",
        "enc/utf16.txt",
    ] {
        assert!(
            found.iter().any(|d| d == doc),
            "{doc} missing from {found:?}"
        );
    }
    // Comments were not taken from the page.
    assert!(!stdout(&out).contains("Rubbish"));
}

#[test]
fn jsonl_fields_are_configurable() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "dump.jsonl.gz",
        gzip(
            format!(
                "{}\n{}\n",
                serde_json::json!({"url": "https://x.example/1", "body": STORY, "meta": {"site": "X News"}}),
                serde_json::json!({"url": "https://x.example/2", "content": STORY}),
            )
            .as_bytes(),
        ),
    );
    let out = whosaid(
        &[
            "analyze",
            "dump.jsonl.gz",
            "--id-field",
            "url",
            "--text-field",
            "body",
            "--publisher-field",
            "meta.site",
        ],
        dir.path(),
        None,
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains("whosaid: dump.jsonl.gz:2: missing field `body`"),
        "{err}"
    );
    let table = rows(&stdout(&out));
    assert!(!table.is_empty());
    assert!(
        table
            .iter()
            .all(|r| &r[0] == "https://x.example/1" && &r[1] == "X News")
    );
}

#[test]
fn emitted_text_is_what_the_offsets_refer_to() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/page.html", PAGE);
    write(dir.path(), "in/cc.warc.gz", warc_file());
    let out = whosaid(
        &["analyze", "in", "--emit-text", "texts", "-f", "jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let index = fs::read_to_string(dir.path().join("texts/index.jsonl")).unwrap();
    let files: std::collections::HashMap<String, String> = index
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().into(),
                v["file"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(files.len(), 2, "{index}");
    let mut checked = 0;
    for line in stdout(&out).lines() {
        let q: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = fs::read_to_string(
            dir.path()
                .join("texts")
                .join(&files[q["doc"].as_str().unwrap()]),
        )
        .unwrap();
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = (
            q["quote_start"].as_u64().unwrap() as usize,
            q["quote_end"].as_u64().unwrap() as usize,
        );
        let span: String = chars[s..e].iter().collect();
        let quote = q["quote"].as_str().unwrap();
        assert!(
            span.contains(quote.split(" … ").next().unwrap()),
            "{span:?} / {quote:?}"
        );
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn excel_safe_guards_formula_cells() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "\"=HYPERLINK(\"\"http://evil.example\"\") is not a quote, but this is,\" Smith said.\n\n\
         \"@everyone should vote,\" Jones said.\n",
    );
    let plain = whosaid(&["analyze", "a.txt"], dir.path(), None);
    let safe = whosaid(&["analyze", "a.txt", "--excel-safe"], dir.path(), None);
    assert_eq!(code(&safe), 0);
    let plain = rows(&stdout(&plain));
    let safe = rows(&stdout(&safe));
    assert_eq!(plain.len(), safe.len());
    let guarded: Vec<&str> = safe
        .iter()
        .map(|r| &r[2])
        .filter(|q| q.starts_with('\''))
        .collect();
    assert!(
        guarded.iter().any(|q| q.starts_with("'@everyone")),
        "{guarded:?}"
    );
    for r in &safe {
        assert!(!r[2].starts_with(['=', '+', '-', '@']), "{:?}", &r[2]);
    }
}

#[test]
fn output_is_replaced_only_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "quotes.csv", "previous table\n");
    // A run killed in the middle leaves the previous file as it was.
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["analyze", "-", "-o", "quotes.csv"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..300 {
        let record = serde_json::json!({"id": format!("d{i}"), "text": STORY});
        writeln!(stdin, "{record}").unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("quotes.csv")).unwrap(),
        "previous table\n"
    );
    // A finished run replaces it whole, and leaves no temporary file of its own.
    let temps = || {
        fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count()
    };
    let before = temps();
    write(dir.path(), "corpus/a.txt", STORY);
    let out = whosaid(&["analyze", "corpus", "-o", "quotes.csv"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
    assert_eq!(docs(&table), ["a.txt"]);
    assert_eq!(temps(), before);
    // Writing to a device works too.
    let out = whosaid(&["analyze", "corpus", "-o", "/dev/null"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_directory_with_only_unknown_files_warns_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/notes.md", "x");
    write(dir.path(), "c/data.csv", "a,b");
    let out = whosaid(&["analyze", "c"], dir.path(), None);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(err.contains("c: no files of a known type found"), "{err}");
    assert!(
        err.ends_with("0 documents read, 2 skipped, 0 failed, 0 quotes found, 1 warning\n"),
        "{err}"
    );
}
