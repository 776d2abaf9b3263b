//! The texts the benchmarks run on, all from `corpus/` (no data from outside the repository):
//! the seed article, the most quote-dense article, and one long document made of every
//! article of the corpus in file-name order.

// Each bench target uses a part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use whosaid::corpus::read_txt;

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

/// Every `.txt` article of `corpus/`, in file-name order, joined by blank lines into one
/// long document (about 33 KB, 38 articles).
pub fn long_document() -> String {
    let mut names: Vec<String> = fs::read_dir(corpus_dir())
        .expect("corpus/ is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let texts: Vec<String> = names.iter().map(|name| article(name)).collect();
    texts.join("\n\n")
}
