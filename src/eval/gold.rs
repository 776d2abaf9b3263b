//! Gold annotations: the JSONL format of FORMAT.md, read into [`GoldDoc`]s.
//!
//! One article per line: `id`, `text`, `publisher`, `title` and `quotes`, each quote with its
//! `content` spans (several when discontinuous), `direct`, `speaker` spans, `speaker_name` and
//! `cue` spans. Spans are `[start, end]` Unicode character offsets, end exclusive. The
//! `*_text` keys and any other key are ignored: the texts are taken from the offsets. A quote
//! without `direct` is direct by [`content_is_direct`].
//!
//! Reading fails on the first malformed record, span out of the text or duplicate id:
//! scoring against part of the gold would give numbers that look right and are not.

use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::corpus::JsonlRecords;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::eval::brat;
use crate::eval::text::CharText;

/// A span of characters `start..end` of a document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// The first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of characters.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span holds no character.
    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The number of characters the two spans share.
    pub fn intersection(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Whether the two spans share at least one character.
    pub fn overlaps(self, other: Span) -> bool {
        self.intersection(other) > 0
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// The reported content, in the order annotated (not necessarily text order).
    pub content: Vec<Span>,
    /// Whether the content holds a quotation mark (a direct or mixed quote).
    pub direct: bool,
    /// The source mention(s) as written; empty when none.
    pub speaker: Vec<Span>,
    /// The canonical name of the source, where annotated.
    pub speaker_name: Option<String>,
    /// The cue; empty when none.
    pub cue: Vec<Span>,
}

impl GoldQuote {
    /// Where the quote comes in text order: its first content character (then its end).
    pub fn position(&self) -> (usize, usize) {
        let start = self.content.iter().map(|s| s.start).min().unwrap_or(0);
        let end = self.content.iter().map(|s| s.end).max().unwrap_or(0);
        (start, end)
    }

    /// The content as sorted, disjoint, non-empty spans (the union of its spans).
    pub fn content_union(&self) -> Vec<Span> {
        union(&self.content)
    }

    /// Whether the quote has a non-empty speaker span.
    pub fn has_speaker_span(&self) -> bool {
        self.speaker.iter().any(|s| !s.is_empty())
    }

    /// Whether the quote has a non-empty cue span.
    pub fn has_cue_span(&self) -> bool {
        self.cue.iter().any(|s| !s.is_empty())
    }
}

/// Whether gold content is direct when the gold does not say: its text holds a quotation
/// mark ([`CharText::has_quotation_mark`], the rule of the `direct` subset), or a quotation
/// mark is right before its first character or right after its last (for annotations that
/// leave the enclosing marks out of the content).
pub fn content_is_direct(text: &CharText<'_>, content: &[Span]) -> bool {
    let inside = content
        .iter()
        .any(|s| text.has_quotation_mark(s.start, s.end));
    let spans = union(content);
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return inside;
    };
    inside
        || (first.start > 0 && text.has_quotation_mark(first.start - 1, first.start))
        || text.has_quotation_mark(last.end, last.end + 1)
}

/// Sorted, disjoint, non-empty spans covering the same characters as `spans`.
pub fn union(spans: &[Span]) -> Vec<Span> {
    let mut sorted: Vec<Span> = spans.iter().copied().filter(|s| !s.is_empty()).collect();
    sorted.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// One gold article with its attributions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// The document id, which the `doc` column of a prediction table must equal.
    pub id: String,
    /// The article text.
    pub text: String,
    /// The publisher, if given.
    pub publisher: Option<String>,
    /// The headline, if given.
    pub title: Option<String>,
    /// The attributions, in text order (by [`GoldQuote::position`]).
    pub quotes: Vec<GoldQuote>,
}

impl GoldDoc {
    /// The document to give the analyzer.
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            text: self.text.clone(),
            publisher: self.publisher.clone(),
            title: self.title.clone(),
        }
    }

    /// Sorts the quotes in text order (stable: quotes at the same place keep their order).
    pub(crate) fn sort_quotes(&mut self) {
        self.quotes.sort_by_key(GoldQuote::position);
    }

    /// Checks that every span lies within the text; returns the first offender.
    pub(crate) fn check_spans(&self, chars: usize) -> std::result::Result<(), String> {
        for (i, q) in self.quotes.iter().enumerate() {
            let spans = q.content.iter().chain(&q.speaker).chain(&q.cue);
            for s in spans {
                if s.start > s.end || s.end > chars {
                    return Err(format!(
                        "document {:?}, quote {}: span [{}, {}] is not within the text \
                         ({chars} characters)",
                        self.id,
                        i + 1,
                        s.start,
                        s.end
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A gold record as written in the JSONL file.
#[derive(Debug, Deserialize)]
struct RawDoc {
    id: String,
    text: String,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    title: Option<String>,
    quotes: Vec<RawQuote>,
}

#[derive(Debug, Deserialize)]
struct RawQuote {
    content: Vec<Span>,
    #[serde(default)]
    direct: Option<bool>,
    #[serde(default)]
    speaker: Vec<Span>,
    #[serde(default)]
    speaker_name: Option<String>,
    #[serde(default)]
    cue: Vec<Span>,
}

impl RawDoc {
    fn into_gold(self) -> std::result::Result<GoldDoc, String> {
        let text = CharText::new(&self.text);
        let quotes = self
            .quotes
            .into_iter()
            .map(|q| {
                let direct = q
                    .direct
                    .unwrap_or_else(|| content_is_direct(&text, &q.content));
                GoldQuote {
                    content: q.content,
                    direct,
                    speaker: q.speaker,
                    speaker_name: q.speaker_name.filter(|n| !n.trim().is_empty()),
                    cue: q.cue,
                }
            })
            .collect();
        let chars = text.len();
        let mut doc = GoldDoc {
            id: self.id,
            text: self.text,
            publisher: self.publisher,
            title: self.title,
            quotes,
        };
        doc.check_spans(chars)?;
        doc.sort_quotes();
        Ok(doc)
    }
}

/// Reads gold from a JSONL file (FORMAT.md) or a BRAT standoff folder ([`brat`]).
pub fn load(path: &Path) -> Result<Vec<GoldDoc>> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        brat::read_dir(path)
    } else {
        read_jsonl(path)
    }
}

/// Reads a gold JSONL file, line by line.
pub fn read_jsonl(path: &Path) -> Result<Vec<GoldDoc>> {
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_jsonl_from(BufReader::with_capacity(1 << 16, file), path)
}

/// Reads gold JSONL from a reader; `path` names it in errors.
pub fn read_jsonl_from(reader: impl std::io::BufRead, path: &Path) -> Result<Vec<GoldDoc>> {
    let mut records = JsonlRecords::<_, RawDoc>::new(reader, path);
    let mut docs = Vec::new();
    while let Some(record) = records.next() {
        let doc = record?.into_gold().map_err(|message| Error::Gold {
            path: path.to_path_buf(),
            line: Some(records.line()),
            message,
        })?;
        docs.push(doc);
    }
    check_unique(&docs, path)?;
    Ok(docs)
}

/// Fails on the first document id seen twice.
pub(crate) fn check_unique(docs: &[GoldDoc], path: &Path) -> Result<()> {
    let mut seen = HashSet::with_capacity(docs.len());
    for doc in docs {
        if !seen.insert(doc.id.as_str()) {
            return Err(Error::Gold {
                path: path.to_path_buf(),
                line: None,
                message: format!("duplicate document id {:?}", doc.id),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(input: &str) -> Result<Vec<GoldDoc>> {
        read_jsonl_from(Cursor::new(input), Path::new("g.jsonl"))
    }

    #[test]
    fn reads_the_format_ignoring_extra_keys_and_sorting_quotes() {
        let line = serde_json::json!({
            "id": "d1", "publisher": "nyt", "title": null, "date": "2016-05-01",
            "text": "Ann said \"go\" and left. Bob: \"stay\".",
            "quotes": [
                {"content": [[29, 35]], "content_text": "\"stay\"", "direct": true,
                 "speaker": [[24, 27]], "speaker_text": "Bob", "speaker_name": "Bob Roe",
                 "cue": [], "cue_text": "", "kind": "direct", "note": "x"},
                {"content": [[9, 13]], "direct": false, "speaker": [[0, 3]],
                 "speaker_name": null, "cue": [[4, 8]]}
            ]
        });
        let docs = read(&format!("{line}\n\n")).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(
            (d.id.as_str(), d.publisher.as_deref(), d.title.as_deref()),
            ("d1", Some("nyt"), None)
        );
        assert_eq!(d.quotes[0].content, [Span::new(9, 13)]);
        assert!(!d.quotes[0].direct);
        assert_eq!(d.quotes[1].speaker_name.as_deref(), Some("Bob Roe"));
        assert!(d.quotes[1].has_speaker_span() && !d.quotes[1].has_cue_span());
    }

    #[test]
    fn direct_defaults_to_the_quotation_mark_rule() {
        //                                       0123456789012345678901234
        let line = serde_json::json!({"id": "d", "text": "“Hi,” he said. Don't. 'Go'",
            "quotes": [{"content": [[0, 5]]}, {"content": [[15, 21]]},
                       {"content": [[23, 25]]}]});
        let docs = read(&line.to_string()).unwrap();
        assert!(docs[0].quotes[0].direct);
        assert!(!docs[0].quotes[1].direct);
        // Single marks do not count, around the content or in it (as in PolNeAR's flag).
        assert!(!docs[0].quotes[2].direct);
    }

    #[test]
    fn spans_out_of_the_text_and_duplicate_ids_fail() {
        let bad = serde_json::json!({"id": "d", "text": "short",
            "quotes": [{"content": [[2, 9]]}]});
        let e = read(&bad.to_string()).unwrap_err().to_string();
        assert!(
            e.contains("span [2, 9] is not within the text (5 characters)"),
            "{e}"
        );
        let reversed = serde_json::json!({"id": "d", "text": "short",
            "quotes": [{"content": [[3, 2]]}]});
        assert!(read(&reversed.to_string()).is_err());
        let ok = serde_json::json!({"id": "d", "text": "t", "quotes": []});
        let e = read(&format!("{ok}\n{ok}\n")).unwrap_err().to_string();
        assert_eq!(e, "g.jsonl: duplicate document id \"d\"");
        let e = read("{\"id\": \"x\", \"text\": \"t\"}\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.jsonl:1: missing field `quotes`"), "{e}");
    }

    #[test]
    fn union_merges_overlaps_and_drops_empty_spans() {
        let spans = [
            Span::new(10, 20),
            Span::new(0, 5),
            Span::new(15, 25),
            Span::new(7, 7),
            Span::new(25, 30),
        ];
        assert_eq!(union(&spans), [Span::new(0, 5), Span::new(10, 30)]);
        assert_eq!(Span::new(0, 5).intersection(Span::new(3, 10)), 2);
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 10)));
    }
}
