//! The texts the benchmarks run on, all from `corpus/` (no data from outside the repository):
//! the seed article, the most quote-dense article, and one long document made of every
//! article of the corpus in file-name order, each without the page furniture at its end.

// Each bench target uses a part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use whosaid::corpus::read_txt;
use whosaid::layout::{Layout, Role};
use whosaid::{Document, analyze};

/// The seed article, a real Xinhua/IANS news story (2.9 KB).
pub const SEED: &str = "000_0a1aa9d853795c80.txt";

/// The article with the most quotes per byte (23 rows in 2.2 KB: reader voices, sign-offs,
/// colon frames).
pub const QUOTE_DENSE: &str = "038_reader_voices_and_frames.txt";

/// The `corpus/` folder of the repository.
fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The text of `corpus/NAME`, decoded as `whosaid analyze` decodes it.
pub fn article(name: &str) -> String {
    let path = corpus_dir().join(name);
    let (doc, _) = read_txt(&path, name.to_string())
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    doc.text
}

/// Every `.txt` article of `corpus/`, in file-name order, each without the page furniture
/// after its text ([`without_page_end`]), joined by blank lines into one long document (about
/// 32 KB, 39 articles). Panics unless the analyzer finds in it nine in ten of the quotes it
/// finds in the articles one by one: a document whose body ended early would measure the
/// layout, not the analyzer.
pub fn long_document() -> String {
    let mut names: Vec<String> = fs::read_dir(corpus_dir())
        .expect("corpus/ is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|name| without_page_end(article(name)))
        .collect();
    let alone: usize = texts.iter().map(|t| quotes_in(t)).sum();
    let long = texts.join("\n\n");
    let joined = quotes_in(&long);
    assert!(
        10 * joined >= 9 * alone,
        "the long document holds {joined} of the {alone} quotes of its articles"
    );
    long
}

/// `text` up to the end of its last paragraph that is not page furniture: the comment forms
/// and disclaimers after an article (the seed's, `030_page_boilerplate.txt`'s) end the body of
/// whatever document follows them, as the layout reads no article text after them.
fn without_page_end(mut text: String) -> String {
    let layout = Layout::parse(&text, None);
    let end = layout
        .paragraphs
        .iter()
        .rfind(|p| p.role != Role::Boilerplate)
        .map_or(text.len(), |p| p.range.end);
    text.truncate(end);
    text
}

/// The number of quotes the analyzer finds in `text`.
fn quotes_in(text: &str) -> usize {
    analyze(&Document::new("bench", text.to_string())).len()
}
