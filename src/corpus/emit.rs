//! Writing out the text that was analyzed (`whosaid analyze --emit-text DIR`), so that the
//! offsets of the quote table, which refer to the text extracted from HTML, WARC records
//! and legacy encodings, can be checked against it.
//!
//! Each document's text goes to one UTF-8 file in the directory. A doc id that is a safe
//! relative path (`a/b.txt`, letters, digits, `.`, `_`, `-` in each part) keeps its path,
//! with `.txt` added when it does not end so; any other id (a URL, a JSONL id with spaces)
//! is flattened to a safe name with a hash of the id. `index.jsonl` in the directory maps
//! each doc id to its file, one `{"id": ..., "file": ...}` object per line.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::document::Document;

/// The name of the index file.
pub const INDEX: &str = "index.jsonl";

/// A directory receiving document texts; see the [module docs](self).
#[derive(Debug)]
pub struct TextDir {
    dir: PathBuf,
    index: BufWriter<File>,
    used: HashSet<String>,
}

impl TextDir {
    /// Creates the directory (and its parents) and the index file.
    pub fn create(dir: impl Into<PathBuf>) -> io::Result<Self> {
        let dir = dir.into();
        fs::create_dir_all(&dir)?;
        let index = BufWriter::new(File::create(dir.join(INDEX))?);
        Ok(TextDir {
            dir,
            index,
            used: HashSet::new(),
        })
    }

    /// Writes the document's text and its index line; returns the file written.
    pub fn write(&mut self, doc: &Document) -> io::Result<PathBuf> {
        let mut name = file_name(&doc.id);
        let mut n = 1;
        while !self.used.insert(name.clone()) {
            n += 1;
            name = format!("{}-{n}.txt", file_name(&doc.id).trim_end_matches(".txt"));
        }
        let path = self.dir.join(&name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &doc.text)?;
        let line = serde_json::json!({"id": doc.id, "file": name});
        writeln!(self.index, "{line}")?;
        Ok(path)
    }

    /// Flushes the index.
    pub fn finish(mut self) -> io::Result<()> {
        self.index.flush()
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

fn is_safe_part(part: &str) -> bool {
    !part.is_empty()
        && part != "."
        && part != ".."
        && part != INDEX
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The file (relative to the directory, `/`-separated) for a doc id.
pub fn file_name(id: &str) -> String {
    if id.len() <= 200 && id.split('/').all(is_safe_part) {
        return if id.to_ascii_lowercase().ends_with(".txt") {
            id.to_string()
        } else {
            format!("{id}.txt")
        };
    }
    let flat: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    // No hidden file.
    let flat = match flat.strip_prefix('.') {
        Some(rest) => format!("_{rest}"),
        None => flat,
    };
    format!("{flat}-{:016x}.txt", fnv1a(id.as_bytes()))
}

/// FNV-1a, 64 bits: a hash that is the same on every platform and version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids_keep_their_path_and_others_are_flattened() {
        assert_eq!(file_name("a/b.txt"), "a/b.txt");
        assert_eq!(file_name("news/page.html"), "news/page.html.txt");
        assert_eq!(file_name("doc-7"), "doc-7.txt");
        let url = file_name("https://news.example/2026/11/mayor?id=3");
        assert!(
            url.starts_with("https___news.example_2026_11_mayor_id_3-"),
            "{url}"
        );
        assert!(!url.contains('/'));
        assert_ne!(file_name("a b"), file_name("a_b"));
        assert!(!file_name("../x").starts_with(".."));
        assert!(!file_name("/abs").starts_with('/'));
    }

    #[test]
    fn texts_and_index_are_written_and_duplicates_kept_apart() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = TextDir::create(dir.path().join("texts")).unwrap();
        let a = out.write(&Document::new("x/a.txt", "first")).unwrap();
        let b = out.write(&Document::new("x/a.txt", "second")).unwrap();
        let c = out
            .write(&Document::new("https://u.example/1", "third"))
            .unwrap();
        out.finish().unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "first");
        assert_eq!(fs::read_to_string(&b).unwrap(), "second");
        assert_eq!(fs::read_to_string(&c).unwrap(), "third");
        let index = fs::read_to_string(dir.path().join("texts").join(INDEX)).unwrap();
        let lines: Vec<serde_json::Value> = index
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1]["id"], "x/a.txt");
        assert_eq!(lines[1]["file"], "x/a-2.txt");
        assert_eq!(
            dir.path()
                .join("texts")
                .join(lines[2]["file"].as_str().unwrap()),
            c
        );
    }
}
