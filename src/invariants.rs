//! Properties that every quote table must have, whatever the input: checked by the fuzz
//! target (`fuzz/`), the replay of its corpus and the property tests (`tests/`).
//!
//! - every span (quote, speaker, cue) lies inside the text, start ≤ end;
//! - a direct quote's span starts with a quotation mark, and the `quote` of a one-part
//!   direct quote within one paragraph is the text under its span less the enclosing marks;
//! - rows are in text order, and quote spans do not overlap: two direct quotes never
//!   share a character, and any two spans are either apart or one inside the other (a
//!   report nested in a report: "Smith said Jones told him the plan would fail");
//! - analysis is deterministic: the same document gives the same table.

use crate::PART_SEPARATOR;
use crate::document::Document;
use crate::quote::{Quote, QuoteKind};

/// Characters that open or close a quotation.
pub const QUOTATION_MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‛', '\'', '「', '」', '『', '』', '‹', '›',
];

/// The first broken property of `quotes` as the table of `doc`, or `Ok`.
pub fn check(doc: &Document, quotes: &[Quote]) -> Result<(), String> {
    let chars: Vec<char> = doc.text.chars().collect();
    let n = chars.len();
    let mut previous: Option<&Quote> = None;
    // The spans that contain the current position, outermost first.
    let mut open: Vec<&Quote> = Vec::new();
    let mut last_direct_end = 0;
    for q in quotes {
        let row = || format!("{q:?}");
        if q.quote_start > q.quote_end || q.quote_end > n {
            return Err(format!(
                "quote span outside the text of {n} chars: {}",
                row()
            ));
        }
        for (s, e) in [(q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)] {
            match (s, e) {
                (Some(s), Some(e)) if s <= e && e <= n => {}
                (None, None) => {}
                _ => return Err(format!("speaker or cue span outside the text: {}", row())),
            }
        }
        if q.doc != doc.id {
            return Err(format!("row of another document: {}", row()));
        }
        let span: String = chars[q.quote_start..q.quote_end].iter().collect();
        if q.kind == QuoteKind::Direct {
            if !span.starts_with(QUOTATION_MARKS) {
                return Err(format!(
                    "direct quote span without its mark {span:?}: {}",
                    row()
                ));
            }
            if !q.quote.contains(PART_SEPARATOR)
                && !span.contains('\n')
                && !is_span_less_marks(&span, &q.quote)
            {
                return Err(format!(
                    "quote {:?} is not the text under its span less the marks {span:?}",
                    q.quote
                ));
            }
        }
        if previous.is_some_and(|p| p.quote_start > q.quote_start) {
            return Err(format!("rows out of text order at {}", q.quote_start));
        }
        while open.last().is_some_and(|o| o.quote_end <= q.quote_start) {
            open.pop();
        }
        if let Some(o) = open.last()
            && q.quote_end > o.quote_end
            && q.quote_start > o.quote_start
        {
            return Err(format!(
                "crossing quote spans {}..{} and {}..{}",
                o.quote_start, o.quote_end, q.quote_start, q.quote_end
            ));
        }
        if q.kind == QuoteKind::Direct {
            if q.quote_start < last_direct_end {
                return Err(format!("overlapping direct quotes at {}", q.quote_start));
            }
            last_direct_end = q.quote_end;
        }
        open.push(q);
        previous = Some(q);
    }
    Ok(())
}

/// Whether `quote` is `span` less its opening mark (one character, or two for `''` and
/// the like) and, when the quote was closed, its closing mark(s), and less the white space
/// inside them: what follows the quote in the span is only marks and white space. (An
/// unclosed quote runs to the end of its paragraph and keeps the marks of a quote nested at
/// its end.)
fn is_span_less_marks(span: &str, quote: &str) -> bool {
    let mut opening = span
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([span.len()]);
    (1..=2).any(|_| {
        let Some(at) = opening.next() else {
            return false;
        };
        if !span[..at].chars().all(|c| QUOTATION_MARKS.contains(&c)) {
            return false;
        }
        span[at..]
            .trim_start()
            .strip_prefix(quote)
            .is_some_and(|rest| {
                rest.chars()
                    .all(|c| c.is_whitespace() || QUOTATION_MARKS.contains(&c))
            })
    })
}

/// Analyzes `doc` twice and checks the table ([`check`]) and that both runs agree.
pub fn analyze_and_check(doc: &Document) -> Result<Vec<Quote>, String> {
    let quotes = crate::analyze(doc);
    check(doc, &quotes)?;
    if crate::analyze(doc) != quotes {
        return Err("two analyses of the same document differ".into());
    }
    Ok(quotes)
}

/// The file names whose extensions choose the reader in [`check_bytes`], by first byte.
pub const FUZZ_NAMES: [&str; 8] = [
    "a.txt",
    "a.html",
    "a.jsonl",
    "a.warc",
    "a.txt.gz",
    "a.html.gz",
    "a.jsonl.zst",
    "a.warc.gz",
];

/// The whole analysis of arbitrary bytes, as the fuzz target runs it: the first byte chooses
/// how the rest is read ([`FUZZ_NAMES`], through [`crate::corpus::read_memory`] with a 1 MiB
/// document limit); every document read is analyzed and checked with
/// [`analyze_and_check`]; the rest is also analyzed as text directly (lossy UTF-8).
pub fn check_bytes(data: &[u8]) -> Result<(), String> {
    use crate::corpus::{ReadOptions, read_memory};
    let Some((&first, rest)) = data.split_first() else {
        return Ok(());
    };
    let name = FUZZ_NAMES[usize::from(first) % FUZZ_NAMES.len()];
    let options = ReadOptions {
        max_doc_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    for doc in read_memory(name, rest, &options).into_iter().flatten() {
        analyze_and_check(&doc).map_err(|e| format!("{name}: {e}"))?;
    }
    let raw = Document::new("raw", String::from_utf8_lossy(rest));
    analyze_and_check(&raw).map_err(|e| format!("raw text: {e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_quote_passes() {
        let doc = Document::new("d", "\"We will win,\" Smith said.");
        let quotes = analyze_and_check(&doc).unwrap();
        assert_eq!(quotes.len(), 1);
    }

    #[test]
    fn broken_tables_are_caught() {
        let doc = Document::new("d", "\"We will win,\" Smith said.");
        let mut q = crate::analyze(&doc).remove(0);
        q.quote_end = 1000;
        assert!(check(&doc, std::slice::from_ref(&q)).is_err());
        q.quote_end = 14;
        q.quote = "We will lose,".into();
        assert!(check(&doc, std::slice::from_ref(&q)).is_err());
        q.quote = "We will win,".into();
        assert!(check(&doc, std::slice::from_ref(&q)).is_ok());
        assert!(check(&doc, &[q.clone(), q.clone()]).is_err(), "overlap");
        let mut crossing = q.clone();
        crossing.kind = QuoteKind::Indirect;
        let mut other = crossing.clone();
        crossing.quote_end = 20;
        other.quote_start = 15;
        other.quote_end = 25;
        assert!(
            check(&doc, &[crossing.clone(), other.clone()]).is_err(),
            "crossing"
        );
        other.quote_end = 18;
        assert!(check(&doc, &[crossing, other]).is_ok(), "nested");
    }
}
