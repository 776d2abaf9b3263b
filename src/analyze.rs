//! The pure core: one document in, its quote table out. No I/O.
//!
//! Steps: [`Layout`] (paragraphs, headline, dateline, boilerplate) → quoted spans of the body
//! ([`find_quotes`]) → sentences ([`sentence::split`]) → attributions
//! ([`attribution::attribute`]) → speaker resolution ([`Resolver`]) and source publication
//! ([`source::Sources`]) → rows with character offsets.

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
    let mut sources = source::Sources::default();
    let mut previous: Option<(Option<usize>, source::Source)> = None;
    let mut rows = Vec::with_capacity(attributions.len());
    for a in &attributions {
        let resolved = a
            .speaker
            .as_ref()
            .map(|m| resolver.resolve(m, a.paragraph))
            .unwrap_or_default();
        let mut src = sources.find(text, a.sentence.clone(), &a.content);
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
    for &i in headlines {
        let range = layout.paragraphs[i].range.clone();
        let headline = &text[range.clone()];
        let words = headline.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        for (n, word) in words.filter(|w| !w.is_empty()).enumerate() {
            let title_case = word.as_bytes()[0].is_ascii_uppercase()
                && word[1..].chars().all(|c| c.is_ascii_lowercase());
            if n > 0 && title_case && verb_lemma(word).is_some() {
                // The word's own first byte, whatever the width of the separators before it.
                let at = range.start + (word.as_ptr() as usize - headline.as_ptr() as usize);
                let lower = char::from(word.as_bytes()[0].to_ascii_lowercase());
                reading
                    .get_or_insert_with(|| text.to_string())
                    .replace_range(at..at + 1, lower.encode_utf8(&mut [0; 4]));
            }
        }
    }
    reading.map_or(Cow::Borrowed(text), Cow::Owned)
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

    /// The headline of `text` (its first paragraph) as the attribution grammar reads it.
    fn read_headline(text: &str) -> String {
        let layout = Layout::parse(text, None);
        let reading = headline_reading(text, &layout, &[0]);
        reading[layout.paragraphs[0].range.clone()].to_string()
    }

    /// The cue verbs of a title-case headline are lower-cased where they stand, after wide
    /// separators (curly quotes, dashes) and wide letters as after spaces; the first word and
    /// the words that are no verb stay as they are.
    #[test]
    fn headline_cue_verbs_are_lower_cased_where_they_stand() {
        let cases = [
            (
                "Clinton Says Russians Hacked DNC",
                "Clinton says Russians Hacked DNC",
            ),
            ("Trump — Says He Will Win", "Trump — says He Will Win"),
            (
                "Trump “Says” Russians Hacked DNC, Aide Claims",
                "Trump “says” Russians Hacked DNC, Aide claims",
            ),
            ("Ça Says Tells Claims", "Ça says tells claims"),
            ("A “B” Says é Says", "A “B” says é says"),
            ("Says Trump", "Says Trump"),
        ];
        for (headline, reading) in cases {
            let text = format!("{headline}\n\nBody.");
            assert_eq!(read_headline(&text), reading, "{headline}");
        }
    }

    /// On every text of `corpus/`, every paragraph read as a headline: the reading differs from
    /// the text only by ASCII capitals lower-cased, each the first letter of a word.
    #[test]
    fn headline_reading_only_lower_cases_first_letters() {
        let mut changed = 0;
        for text in crate::test_support::corpus_texts() {
            let layout = Layout::parse(&text, None);
            let all: Vec<usize> = (0..layout.paragraphs.len()).collect();
            let reading = headline_reading(&text, &layout, &all);
            assert_eq!(reading.len(), text.len());
            for (at, (a, b)) in text.bytes().zip(reading.bytes()).enumerate() {
                if a != b {
                    assert!(
                        a.is_ascii_uppercase() && b == a.to_ascii_lowercase(),
                        "{at}"
                    );
                    let before = text[..at].chars().next_back();
                    assert!(before.is_none_or(|c| !c.is_alphanumeric()), "{at}");
                    changed += 1;
                }
            }
        }
        assert!(changed > 3, "{changed} verbs lower-cased");
    }
}
