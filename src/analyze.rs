//! The pure core: one document in, its quote table out. No I/O.
//!
//! Steps: [`Layout`] (paragraphs, headline, dateline, boilerplate) → quoted spans of the body
//! ([`find_quotes`]) → sentences ([`sentence::split`]) → attributions
//! ([`attribution::attribute`]) → speaker resolution ([`Resolver`]) and source publication
//! ([`source::find`]) → rows with character offsets.

use std::borrow::Cow;
use std::ops::Range;

use crate::attribution::{self, Attribution};
use crate::grammar::cue::verb_lemma;
use crate::grammar::spans::{QuotedSpan, find_quotes};
use crate::layout::{Layout, Role};
use crate::offsets::CharIndex;
use crate::sentence;
use crate::source;
use crate::speaker::Resolver;
use crate::{Document, Quote, QuoteKind, SpeakerGender, SpeakerKind};

/// Joins the parts of a discontinuous quote (split quotes) in the `quote` column.
pub const PART_SEPARATOR: &str = " … ";

/// Analyzes one document and returns its quotes in text order.
pub fn analyze(doc: &Document) -> Vec<Quote> {
    let text = doc.text.as_str();
    let layout = Layout::parse(text, doc.title.as_deref());
    let ranges: Vec<Range<usize>> = layout.paragraphs.iter().map(|p| p.range.clone()).collect();
    // Headlines are read too, for their reported speech ("Flynn says Trump ...") only.
    let headlines: Vec<usize> = (0..layout.paragraphs.len())
        .filter(|&i| layout.paragraphs[i].role == Role::Headline)
        .collect();
    let body: Vec<(usize, Range<usize>)> = layout
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.role, Role::Body | Role::Headline))
        .map(|(i, p)| {
            let mut r = p.range.clone();
            if let Some(d) = layout
                .dateline
                .as_ref()
                .filter(|d| r.contains(&d.range.start))
            {
                r.start = d.range.end.clamp(r.start, r.end);
            }
            (i, r)
        })
        .collect();
    let in_body = |pos: usize| {
        layout
            .paragraph_at(pos)
            .is_some_and(|i| matches!(layout.paragraphs[i].role, Role::Body | Role::Headline))
    };
    let mut quotes: Vec<QuotedSpan> = find_quotes(text, &ranges)
        .into_iter()
        .filter(|q| q.depth == 0 && in_body(q.start))
        .collect();
    attribution::cut_unclosed(text, &mut quotes);
    let sentences = sentence::split(text, &body, &quotes);
    let reading = headline_reading(text, &layout, &headlines);
    let attributions = attribution::attribute(&reading, &sentences, &quotes, &headlines);

    let publication = layout
        .agency
        .as_ref()
        .map(|a| a.name.clone())
        .or_else(|| doc.publisher.clone());
    let chars = CharIndex::new(text);
    let ch = |b: usize| chars.char_offset(text, b);
    // The registry of names is only read to resolve speakers: none to build without them.
    let mut resolver = Resolver::new(text, if attributions.is_empty() { &[] } else { &body });
    let mut last_medium = None;
    let mut previous: Option<(Option<usize>, source::Source)> = None;
    let mut rows = Vec::with_capacity(attributions.len());
    for a in &attributions {
        let resolved = a
            .speaker
            .as_ref()
            .map(|m| resolver.resolve(m, a.paragraph))
            .unwrap_or_default();
        let mut src = source::find(text, a.sentence.clone(), &a.content, &mut last_medium);
        // A continuation quote (no cue, same speaker) keeps the medium and relay.
        if a.cue.is_none()
            && let Some((start, prev)) = &previous
            && *start == a.speaker.as_ref().map(|m| m.start)
        {
            src.medium = src.medium.or_else(|| prev.medium.clone());
            src.reported_by = src.reported_by.or_else(|| prev.reported_by.clone());
        }
        previous = Some((a.speaker.as_ref().map(|m| m.start), src.clone()));
        let span = a.span();
        rows.push(Quote {
            doc: doc.id.clone(),
            publication: publication.clone(),
            quote: quote_text(text, a),
            kind: a.kind,
            speaker: a.speaker.as_ref().map(|m| text[m.start..m.end].to_string()),
            speaker_name: resolved.name,
            speaker_kind: resolved.kind,
            cue: a.cue.as_ref().map(|c| text[c.start..c.end].to_string()),
            medium: src.medium,
            reported_by: src.reported_by,
            paragraph: a.paragraph,
            quote_start: ch(span.start),
            quote_end: ch(span.end),
            speaker_start: a.speaker.as_ref().map(|m| ch(m.start)),
            speaker_end: a.speaker.as_ref().map(|m| ch(m.end)),
            cue_start: a.cue.as_ref().map(|c| ch(c.start)),
            cue_end: a.cue.as_ref().map(|c| ch(c.end)),
            speaker_gender: resolved.gender,
        });
    }
    // Evidence found after a row (a later "she" that refers to its speaker) counts too.
    for row in &mut rows {
        if let (SpeakerGender::Unknown, SpeakerKind::Person, Some(name)) =
            (row.speaker_gender, row.speaker_kind, &row.speaker_name)
        {
            row.speaker_gender = resolver.gender_of(name);
        }
    }
    rows
}

/// The text as the attribution grammar reads it: headlines are often in title case ("Clinton
/// Says Russians Hacked DNC"), so their capitalized cue verbs are lower-cased (an ASCII change:
/// every offset stays the same).
fn headline_reading<'t>(text: &'t str, layout: &Layout, headlines: &[usize]) -> Cow<'t, str> {
    let mut reading: Option<String> = None;
    // `pos` counts one byte per separator, so after a wider one (a curly quote, a dash) it
    // points before the word: the byte there gets the lower-cased letter all the same, and
    // when it is part of a wider character the text would not be UTF-8 any more and is read
    // unchanged (what lower-casing a byte copy and checking it as UTF-8 gave).
    let mut broken = false;
    for &i in headlines {
        let range = layout.paragraphs[i].range.clone();
        let mut pos = range.start;
        let mut first = true;
        for word in
            text[range.clone()].split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        {
            let at = pos;
            pos += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            let title_case = word.as_bytes()[0].is_ascii_uppercase()
                && word[1..].chars().all(|c| c.is_ascii_lowercase());
            if !first && title_case && verb_lemma(word).is_some() {
                if text.as_bytes()[at].is_ascii() {
                    let lower = char::from(word.as_bytes()[0].to_ascii_lowercase());
                    reading
                        .get_or_insert_with(|| text.to_string())
                        .replace_range(at..at + 1, lower.encode_utf8(&mut [0; 4]));
                } else {
                    broken = true;
                }
            }
            first = false;
        }
    }
    match reading {
        Some(reading) if !broken => Cow::Owned(reading),
        _ => Cow::Borrowed(text),
    }
}

/// The `quote` column: the content without enclosing marks; parts joined by " … ", each
/// copied once into the result.
fn quote_text(text: &str, a: &Attribution) -> String {
    let mut quote = String::new();
    let mut push = |i: usize, part: &str| {
        if i > 0 {
            quote.push_str(PART_SEPARATOR);
        }
        quote.push_str(part);
    };
    if a.kind == QuoteKind::Direct {
        for (i, q) in a.spans.iter().enumerate() {
            push(i, q.content(text).trim());
        }
    } else {
        for (i, r) in a.content.iter().enumerate() {
            push(i, &text[r.clone()]);
        }
    }
    quote
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`headline_reading`] as it was: a byte copy of the text, checked as UTF-8 at the end.
    fn headline_reading_before<'t>(
        text: &'t str,
        layout: &Layout,
        headlines: &[usize],
    ) -> Cow<'t, str> {
        let mut bytes: Option<Vec<u8>> = None;
        for &i in headlines {
            let range = layout.paragraphs[i].range.clone();
            let mut pos = range.start;
            let mut first = true;
            for word in
                text[range.clone()].split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            {
                let at = pos;
                pos += word.len() + 1;
                if word.is_empty() {
                    continue;
                }
                let title_case = word.as_bytes()[0].is_ascii_uppercase()
                    && word[1..].chars().all(|c| c.is_ascii_lowercase());
                if !first && title_case && verb_lemma(word).is_some() {
                    bytes.get_or_insert_with(|| text.as_bytes().to_vec())[at] =
                        word.as_bytes()[0].to_ascii_lowercase();
                }
                first = false;
            }
        }
        match bytes.map(String::from_utf8) {
            Some(Ok(s)) => Cow::Owned(s),
            _ => Cow::Borrowed(text),
        }
    }

    #[test]
    fn headline_reading_as_before() {
        let mut texts = crate::test_support::corpus_texts();
        texts.extend(
            [
                "Clinton Says Russians Hacked DNC\n\nBody.",
                "Trump — Says He Will Win\n\nBody.",
                "Trump “Says” Russians Hacked DNC, Aide Claims\n\nBody.",
                "Ça Says Tells Claims\n\nBody.",
                "A “B” Says é Says\n\nBody.",
            ]
            .map(String::from),
        );
        let mut changed = 0;
        for text in &texts {
            let layout = Layout::parse(text, None);
            // Every paragraph read as a headline, to meet many words.
            let all: Vec<usize> = (0..layout.paragraphs.len()).collect();
            let new = headline_reading(text, &layout, &all);
            assert_eq!(new, headline_reading_before(text, &layout, &all));
            changed += usize::from(matches!(new, Cow::Owned(_)));
        }
        assert!(changed > 3, "{changed} texts read differently");
    }
}
