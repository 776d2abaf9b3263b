//! Sentence splitting that treats quoted spans as opaque: a period inside a quotation never
//! ends the sentence that holds it, and a quote running over several paragraphs makes one
//! block of them.

use std::ops::Range;

use crate::grammar::spans::QuotedSpan;
use crate::grammar::{cue, lexicon};

/// One sentence of the body (byte range) and the paragraph it starts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range of the sentence, trimmed of surrounding white space.
    pub range: Range<usize>,
    /// Index of the paragraph where the sentence starts.
    pub paragraph: usize,
    /// True when the sentence closes its paragraph.
    pub last_in_paragraph: bool,
}

/// Splits the given paragraphs (index, byte range) into sentences. `quotes` are the
/// top-level quoted spans, sorted by start.
pub fn split(
    text: &str,
    paragraphs: &[(usize, Range<usize>)],
    quotes: &[QuotedSpan],
) -> Vec<Sentence> {
    // Most paragraphs are one sentence or two: room for two each saves most regrowing.
    let mut out = Vec::with_capacity(2 * paragraphs.len());
    let mut qi = 0;
    let mut p = 0;
    while p < paragraphs.len() {
        let (index, ref range) = paragraphs[p];
        let mut block = range.clone();
        // A quote that starts here and ends in a later paragraph pulls that paragraph in.
        loop {
            while qi < quotes.len() && quotes[qi].end <= block.start {
                qi += 1;
            }
            let reach = quotes[qi..]
                .iter()
                .take_while(|q| q.start < block.end)
                .map(|q| q.end)
                .max()
                .unwrap_or(0);
            if reach > block.end && p + 1 < paragraphs.len() && paragraphs[p + 1].1.start < reach {
                p += 1;
                block.end = paragraphs[p].1.end.max(block.end);
            } else {
                break;
            }
        }
        split_block(text, block, index, &quotes[qi..], &mut out);
        p += 1;
    }
    out
}

fn split_block(
    text: &str,
    block: Range<usize>,
    paragraph: usize,
    quotes: &[QuotedSpan],
    out: &mut Vec<Sentence>,
) {
    let first = out.len();
    let bytes = text.as_bytes();
    let mut start = block.start;
    let mut i = block.start;
    // The quotes are sorted by start and the caller skipped those that end before the block.
    // A quote among them that ends before the block is skipped below as soon as it is
    // reached (its end is before `i`), so the slice needs no filtering (nor a vector).
    let inside = &quotes[..quotes.iter().take_while(|q| q.start < block.end).count()];
    let mut qk = 0;
    while i < block.end {
        while qk < inside.len() && inside[qk].end <= i {
            qk += 1;
        }
        if let Some(q) = inside.get(qk).filter(|q| q.start <= i) {
            // Inside a quote: jump to its end; a quote ending in . ! ? followed by a capital
            // ends the sentence.
            let end = q.end.min(block.end);
            let content = text[q.content_start..q.content_end.min(end)].trim_end();
            if content.ends_with(['.', '!', '?'])
                && starts_new_sentence(&text[end..block.end])
                && !(text[start..q.start].trim().is_empty()
                    && attribution_follows(text, end, block.end))
            {
                push(out, text, start..end, paragraph);
                start = end;
            }
            i = end.max(i + 1);
            continue;
        }
        // Up to the next quote, only the sentence punctuation is looked at.
        let limit = inside.get(qk).map_or(block.end, |q| q.start.min(block.end));
        let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..limit]) else {
            i = limit;
            continue;
        };
        i += k;
        let b = bytes[i];
        let mut j = i + 1;
        while j < block.end && matches!(bytes[j], b'.' | b'!' | b'?' | b')') {
            j += 1;
        }
        // The cheap test first: most periods that do not end a sentence end their paragraph.
        if starts_new_sentence(&text[j..block.end])
            && (b != b'.' || !is_abbreviation_before(text, start, i))
        {
            push(out, text, start..j, paragraph);
            start = j;
        }
        i = j;
    }
    push(out, text, start..block.end, paragraph);
    if out.len() > first
        && let Some(last) = out.last_mut()
    {
        last.last_in_paragraph = true;
    }
}

fn push(out: &mut Vec<Sentence>, text: &str, range: Range<usize>, paragraph: usize) {
    let s = &text[range.clone()];
    let (lead, trail) = blank_ends(s);
    if lead + trail >= s.len() {
        return;
    }
    out.push(Sentence {
        range: range.start + lead..range.end - trail,
        paragraph,
        last_in_paragraph: false,
    });
}

/// The lengths of the white space that leads and trails `s` (what `trim_start` and `trim_end`
/// take off). The ASCII white space at each end is counted by its bytes; trimming, which
/// decodes every character, only goes on past it when a character of several bytes follows.
fn blank_ends(s: &str) -> (usize, usize) {
    let ascii_blank = |b: &&u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    let mut lead = bytes.iter().take_while(ascii_blank).count();
    if bytes.get(lead).is_some_and(|b| !b.is_ascii()) {
        let rest = &s[lead..];
        lead += rest.len() - rest.trim_start().len();
    }
    let mut trail = bytes.iter().rev().take_while(ascii_blank).count();
    let body = &s[..s.len() - trail];
    if body.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
        trail += body.len() - body.trim_end().len();
    }
    (lead, trail)
}

/// True when a short clause with a speech cue follows a quotation that ends with a period:
/// `"We won." Trump said to the crowd.` is one sentence, the quote and its attribution (when
/// the quotation is the whole sentence before).
fn attribution_follows(text: &str, from: usize, limit: usize) -> bool {
    let rest = &text[from..limit];
    let Some(stop) = rest.find(['.', '!', '?', '"', '“', '”', '\n']) else {
        return false;
    };
    if stop > 120 || !rest[stop..].starts_with(['.', '!', '?']) {
        return false;
    }
    cue::find_cues(text, from..from + stop).iter().any(|c| {
        matches!(c.class, cue::CueClass::Speech | cue::CueClass::Writing) && c.lemma != ":"
    })
}

/// True when white space then a capital, digit or opening mark follows.
fn starts_new_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false;
    }
    match trimmed.chars().next() {
        None => false,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„' | '「' | '(')
        }
    }
}

/// True when the period at `dot` ends an abbreviation or an initial ("Mr.", "U.S.", "J.").
fn is_abbreviation_before(text: &str, from: usize, dot: usize) -> bool {
    let w = last_word(&text[from..dot]).trim_start_matches(['“', '‘', '\'']);
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    lexicon::is_abbreviation(w) || (w.contains('.') && w.len() <= 6)
}

/// Whether `c` ends the word before a period: white space, `(` or `"`.
fn ends_word_before(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == '"'
}

/// The text after the last [`ends_word_before`] character of `before` (all of it if none).
fn last_word(before: &str) -> &str {
    crate::grammar::words::after_last(before, ends_word_before)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`last_word`] finds the word that splitting from the back finds, in the 40 bytes
    /// before each character of the corpus texts.
    #[test]
    fn last_word_is_the_last_split() {
        let texts = crate::test_support::corpus_texts_and(&[
            "a\u{a0}b\u{2009}c\u{3000}Ü.(é\"“x ‘U.S.\u{85}é\u{b}J",
        ]);
        for t in &texts {
            for (k, _) in t.char_indices().chain([(t.len(), ' ')]) {
                let before = &t[t.floor_char_boundary(k.saturating_sub(40))..k];
                let split = before.rsplit(ends_word_before).next().unwrap_or("");
                assert_eq!(last_word(before), split, "{before:?}");
            }
        }
    }

    /// [`blank_ends`] measures what trimming takes off, on every line of the corpus texts
    /// and its ends.
    #[test]
    fn blank_ends_are_what_trimming_takes_off() {
        let lines = crate::test_support::corpus_lines_and(&[
            "",
            " ",
            "\u{b}x\u{c}",
            "\u{85}a\u{a0}",
            "\u{3000} b \r",
            "\u{1c}c\u{1f}",
            "\té\t",
        ]);
        for line in &lines {
            let ends = line.char_indices().map(|(k, _)| k).take(3);
            for k in ends.chain([line.len()]) {
                for s in [&line[k..], &line[..k], line.as_str()] {
                    let trimmed = (s.len() - s.trim_start().len(), s.len() - s.trim_end().len());
                    assert_eq!(blank_ends(s), trimmed, "{s:?}");
                }
            }
        }
    }

    /// [`split_block`] as it was, visiting every character.
    fn split_block_reference(
        text: &str,
        block: Range<usize>,
        paragraph: usize,
        quotes: &[QuotedSpan],
        out: &mut Vec<Sentence>,
    ) {
        let first = out.len();
        let bytes = text.as_bytes();
        let mut start = block.start;
        let mut i = block.start;
        // The quotes are sorted by start and the caller skipped those that end before the block.
        let inside: Vec<&QuotedSpan> = quotes
            .iter()
            .take_while(|q| q.start < block.end)
            .filter(|q| q.end > block.start)
            .collect();
        let mut qk = 0;
        while i < block.end {
            while qk < inside.len() && inside[qk].end <= i {
                qk += 1;
            }
            if let Some(q) = inside.get(qk).filter(|q| q.start <= i) {
                // Inside a quote: jump to its end; a quote ending in . ! ? followed by a capital
                // ends the sentence.
                let end = q.end.min(block.end);
                let content = text[q.content_start..q.content_end.min(end)].trim_end();
                if content.ends_with(['.', '!', '?'])
                    && starts_new_sentence(&text[end..block.end])
                    && !(text[start..q.start].trim().is_empty()
                        && attribution_follows(text, end, block.end))
                {
                    push(out, text, start..end, paragraph);
                    start = end;
                }
                i = end.max(i + 1);
                continue;
            }
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') {
                let mut j = i + 1;
                while j < block.end && matches!(bytes[j], b'.' | b'!' | b'?' | b')') {
                    j += 1;
                }
                if (b != b'.' || !is_abbreviation_before(text, start, i))
                    && starts_new_sentence(&text[j..block.end])
                {
                    push(out, text, start..j, paragraph);
                    start = j;
                }
                i = j;
                continue;
            }
            i += 1;
            while i < block.end && !text.is_char_boundary(i) {
                i += 1;
            }
        }
        push(out, text, start..block.end, paragraph);
        if out.len() > first
            && let Some(last) = out.last_mut()
        {
            last.last_in_paragraph = true;
        }
    }

    /// Jumping from punctuation to punctuation splits the corpus texts, paragraph by
    /// paragraph, as visiting every character did.
    #[test]
    fn punctuation_jumps_split_as_before() {
        let mut texts = crate::test_support::corpus_texts();
        texts.push("“Él?” dijo. «Ja!» Ü. (Mr. X.) \"Go.\" he said. Über… ok?! é.".to_string());
        for t in &texts {
            let mut paragraphs = Vec::new();
            let mut at = 0;
            for line in t.split_inclusive('\n') {
                paragraphs.push(at..at + line.len());
                at += line.len();
            }
            let quotes: Vec<QuotedSpan> = crate::grammar::spans::find_quotes(t, &paragraphs)
                .into_iter()
                .filter(|q| q.depth == 0)
                .collect();
            for (index, range) in paragraphs.iter().enumerate() {
                let from = quotes.partition_point(|q| q.end <= range.start);
                let (mut new, mut old) = (Vec::new(), Vec::new());
                split_block(t, range.clone(), index, &quotes[from..], &mut new);
                split_block_reference(t, range.clone(), index, &quotes[from..], &mut old);
                assert_eq!(new, old, "{:?}", &t[range.clone()]);
            }
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        let paragraphs = vec![0..t.len(); 1];
        let quotes = crate::grammar::spans::find_quotes(t, &paragraphs);
        let top: Vec<QuotedSpan> = quotes.into_iter().filter(|q| q.depth == 0).collect();
        split(t, &[(0, 0..t.len())], &top)
            .into_iter()
            .map(|s| &t[s.range])
            .collect()
    }

    #[test]
    fn quotes_are_opaque() {
        assert_eq!(
            sents("\"We won. They lost,\" Mr. Smith said. Then he left."),
            ["\"We won. They lost,\" Mr. Smith said.", "Then he left."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("The U.S. envoy met Sen. Ted Cruz. It rained."),
            ["The U.S. envoy met Sen. Ted Cruz.", "It rained."]
        );
    }

    #[test]
    fn quoted_sentence_ends_sentence() {
        assert_eq!(
            sents("He said: \"We won.\" Then he left."),
            ["He said: \"We won.\"", "Then he left."]
        );
    }
}
