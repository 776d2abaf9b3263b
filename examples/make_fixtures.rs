//! Writes the binary fixtures of `corpus/` (a CC-News-like WARC file, a UTF-16 text, a
//! Windows-1252 text) and the seed corpus of the fuzz target: `cargo run --example
//! make_fixtures`. The fixtures are committed; run this again only to change them.

use std::fs;
use std::io::Write;
use std::path::Path;

use whosaid::corpus::warc::build::{http_html, record};

const ARTICLE_1: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Drought forces water limits in three valley towns - Valley Times</title>
<meta property="og:site_name" content="Valley Times">
</head><body>
<nav><a href="/">Home</a> | <a href="/local">Local</a> | <a href="/weather">Weather</a></nav>
<article>
<h1>Drought forces water limits in three valley towns</h1>
<p>Residents of Amberly, Fenwick and Low Cross may water their gardens only on two days a
week from Monday, after the driest summer on record left the valley's reservoir at a third of
its capacity.</p>
<p>"We are asking every household to cut its use by a fifth, and we will enforce the limits,"
said Rosa Lindqvist, who chairs the regional water board.</p>
<p>Farmers will be spared the limits until the end of the harvest. Lindqvist said the board
would review the rules every two weeks.</p>
<p>"It is the fairest way we could find," she said.</p>
</article>
<div class="related"><h3>More local news</h3><ul><li><a href="/a">Fenwick fair cancelled</a></li></ul></div>
</body></html>
"#;

const ARTICLE_2: &str = r#"<!DOCTYPE html>
<html><head>
<title>Council backs four-day week trial</title>
<meta property="og:site_name" content="Northern Ledger">
</head><body>
<div id="menu"><ul><li>News</li><li>Sport</li><li>Contact</li></ul></div>
<div class="content">
<h1>Council backs four-day week trial</h1>
<p class="byline">By Tomas Ekdahl, Reuters</p>
<p>STAVANGER, Norway (Reuters) - The city council on Wednesday approved a one-year trial of a
four-day working week for 300 of its employees, becoming the largest public employer in the
country to try the idea.</p>
<p>"People who are rested do better work, and we want to measure that rather than guess,"
Mayor Ingrid Solberg said in a statement.</p>
<p>The trial will start in January. Unions welcomed the decision.</p>
</div>
<div class="comments"><p>"Lazy," wrote one reader.</p></div>
</body></html>
"#;

/// A page declared as Windows-1252, with curly quotes in that encoding.
fn article_3() -> Vec<u8> {
    let text = "<html><head><title>Museum reopens after flood repairs</title>\
<meta property=\"og:site_name\" content=\"Riverside Post\"></head><body>\
<article><h1>Museum reopens after flood repairs</h1>\
<p>The Riverside Museum of Science reopened on Saturday, eleven months after a flood filled \
its basement galleries with a metre of water and ruined much of its fossil collection.</p>\
<p>\u{201c}We lost things that cannot be replaced, but the children\u{2019}s gallery is better \
than it ever was,\u{201d} said curator Ama Mensah. About 2,000 visitors came on the first day.</p>\
<p>The repairs cost \u{20ac}3.1 million, most of it paid by the city\u{2019}s insurer.</p>\
</article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A WARC file as CC-News writes it: one gzip member per record.
fn warc() -> Vec<u8> {
    let records = [
        record(
            "warcinfo",
            None,
            b"software: whosaid fixtures\r\nformat: WARC File Format 1.0\r\n",
        ),
        record(
            "request",
            Some("https://valleytimes.example/news/drought-limits"),
            b"GET /news/drought-limits HTTP/1.1\r\nHost: valleytimes.example\r\n\r\n",
        ),
        record(
            "response",
            Some("https://valleytimes.example/news/drought-limits"),
            &http_html(ARTICLE_1.as_bytes(), Some("utf-8")),
        ),
        record(
            "response",
            Some("https://northernledger.example/2026/11/four-day-week"),
            &http_html(ARTICLE_2.as_bytes(), None),
        ),
        record(
            "response",
            Some("https://riversidepost.example/museum-reopens"),
            &http_html(&article_3(), Some("windows-1252")),
        ),
    ];
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn utf16() -> Vec<u8> {
    let text = "Library extends weekend hours\r\n\r\n\
The city library will open on Sundays from next month, the library board announced on Friday.\r\n\r\n\
\u{201c}Students have asked us for this for years, and now we can do it,\u{201d} said head librarian Noor Haddad.\r\n\r\n\
The change will cost about \u{00a3}40,000 a year.\r\n";
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

fn windows_1252() -> Vec<u8> {
    let text = "Bakery wins national bread prize\n\n\
A family bakery in Oldham won the national bread prize on Thursday with a sourdough made from \
a starter kept alive since 1962.\n\n\
\u{201c}My grandmother would be very proud \u{2014} it is her recipe, na\u{ef}ve as that sounds,\u{201d} \
said owner Chlo\u{e9} Martin.\n\n\
The judges called the loaf \u{2018}near perfect\u{2019}.\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn main() {
    let corpus = Path::new("corpus");
    fs::write(corpus.join("035_cc_news.warc.gz"), warc()).unwrap();
    fs::write(corpus.join("036_utf16_bom.txt"), utf16()).unwrap();
    fs::write(corpus.join("037_windows_1252.txt"), windows_1252()).unwrap();

    // Fuzz seeds: the first byte chooses the reader (see fuzz/fuzz_targets/analyze.rs:
    // 0 txt, 1 html, 2 jsonl, 3 warc, 4 txt.gz, 5 html.gz, 6 jsonl.zst, 7 warc.gz).
    let seeds = Path::new("fuzz/corpus/analyze");
    fs::create_dir_all(seeds).unwrap();
    let seed = |name: &str, kind: u8, data: &[u8]| {
        let mut bytes = vec![kind];
        bytes.extend_from_slice(data);
        fs::write(seeds.join(name), bytes).unwrap();
    };
    for entry in fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = fs::read(&path).unwrap();
        if name.ends_with(".txt") {
            seed(&format!("txt-{name}"), 0, &data);
        } else if name.ends_with(".html") {
            seed(&format!("html-{name}"), 1, &data);
        }
    }
    seed("html-article1", 1, ARTICLE_1.as_bytes());
    seed("html-article3-1252", 1, &article_3());
    seed("txt-gz", 4, &gzip(b"\"We will win,\" Smith said.\n"));
    seed("html-gz", 5, &gzip(ARTICLE_2.as_bytes()));
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": "\"We will win,\" Smith said.", "publisher": "X"}),
        serde_json::json!({"id": 2, "text": "Jones said the plan would \"never work\".", "title": "T"}),
    );
    seed("jsonl", 2, jsonl.as_bytes());
    seed(
        "jsonl-zst",
        6,
        &zstd::encode_all(jsonl.as_bytes(), 3).unwrap(),
    );
    let plain_warc: Vec<u8> = [
        record(
            "request",
            Some("https://a.example/"),
            b"GET / HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            Some("https://a.example/"),
            &http_html(ARTICLE_2.as_bytes(), Some("utf-8")),
        ),
    ]
    .concat();
    seed("warc", 3, &plain_warc);
    seed("warc-gz", 7, &warc());
    seed("txt-utf16", 0, &utf16());
    seed("txt-1252", 0, &windows_1252());
    seed("txt-many-marks", 0, "\"".repeat(2000).as_bytes());
    seed(
        "txt-nested",
        0,
        format!(
            "{}x{}",
            "\u{201c}\u{2018}".repeat(300),
            "\u{2019}\u{201d}".repeat(300)
        )
        .as_bytes(),
    );
}
