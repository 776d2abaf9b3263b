//! Attribution patterns: from sentences, quoted spans and frames to attributed quotes.
//!
//! For each sentence the main [`frame::Frame`] (speaker + cue) splits it into the part before
//! and the part after the frame; the content is the part that is not the frame:
//!
//! | pattern | content |
//! |---|---|
//! | `"Q," S V.` / `"Q," V S.` / `"Q," according to S.` | the quote before the frame |
//! | `S V: "Q"` / `S V, "Q"` / `according to S, "Q"` | the quote after the frame |
//! | `"Q1," S V, "Q2."` (split quote) | one row whose content is both parts |
//! | `S V (that) ... "fragment"` | the reported clause (kind mixed) |
//! | `S V (that) CLAUSE`, `CLAUSE, S V.` | the clause (kind indirect) |
//! | `"Q" — S` | the quote (no cue) |
//! | a paragraph that is only a quote | the quote, speaker of the previous attribution or of a frame ending in a colon |
//!
//! A quoted phrase that is neither in a frame's content nor a whole sentence (a scare quote,
//! a title, a nickname) is not reported speech and gives no row. A news outlet frame next to
//! another frame ("..., Xinhua reported") is a relay, not the speaker (see [`crate::source`]).

pub mod frame;

use std::ops::Range;

use crate::QuoteKind;
use crate::grammar::cue::{Cue, CueClass, CueForm, find_cues, find_cues_outside};
use crate::grammar::lexicon::{self, WordSet};
use crate::grammar::mention::{Mention, MentionKind, mention_at};
use crate::grammar::spans::QuotedSpan;
use crate::grammar::words::{has_more_words_than, is_word_char};
use crate::sentence::Sentence;
use frame::Frame;

/// An attributed quote before speaker resolution and source lookup (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The content parts in text order; for a direct quote, the quoted spans with their marks.
    pub content: Vec<Range<usize>>,
    /// For direct quotes, the quoted spans the content is made of.
    pub spans: Vec<QuotedSpan>,
    /// The speaker mention, when one is written.
    pub speaker: Option<Mention>,
    /// The cue.
    pub cue: Option<Cue>,
    /// Paragraph where the quote starts.
    pub paragraph: usize,
    /// The sentence the attribution was found in.
    pub sentence: Range<usize>,
}

impl Attribution {
    /// The quote span: from the start of the first content part to the end of the last.
    pub fn span(&self) -> Range<usize> {
        self.content.first().map_or(0, |r| r.start)..self.content.last().map_or(0, |r| r.end)
    }
}

/// A frame whose content is still to come (`Cruz continued:` then a quoted paragraph).
struct Pending {
    speaker: Mention,
    cue: Cue,
    paragraph: usize,
}

/// Finds every attribution in the sentences. `quotes` are the top-level quoted spans;
/// sentences of the `headlines` paragraphs give only speech reported with a speech or writing
/// cue ("Flynn says ..."), never a scare quote.
pub fn attribute(
    text: &str,
    sentences: &[Sentence],
    quotes: &[QuotedSpan],
    headlines: &[usize],
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut qi = 0;
    let noun_links = frame::noun_link_candidates(text);
    let mut ni = 0;
    for sentence in sentences {
        let range = sentence.range.clone();
        while qi < quotes.len() && quotes[qi].start < range.start {
            qi += 1;
        }
        while ni < noun_links.len() && noun_links[ni].start < range.start {
            ni += 1;
        }
        let qs: Vec<&QuotedSpan> = quotes[qi..]
            .iter()
            .take_while(|q| q.start < range.end)
            .collect();
        let headline = headlines.contains(&sentence.paragraph);
        sign_off(text, sentence, &mut out);
        // One pass of the cue grammar per sentence serves its frames, its asked questions and
        // the reports nested in its content. Frames take no cue inside a quotation: only the
        // questions reported with "asked" may come from one, so a quotation without "ask" is
        // not read.
        let no_cues: Vec<Range<usize>> = qs
            .iter()
            .map(|q| q.start..q.end)
            .filter(|q| !holds_ask(&text.as_bytes()[q.clone()]))
            .collect();
        let cues = find_cues_outside(text, range.clone(), &no_cues);
        let (fs, content_end) = sentence_frames(text, sentence, &qs, &cues, headline, &mut pending);
        let mut covered: Vec<Range<usize>> = Vec::new();
        let first_of_sentence = out.len();
        if let Some(main) = choose_frame(text, &fs, &qs, &range) {
            attribute_frame(
                text,
                sentence,
                content_end,
                main,
                &qs,
                &mut out,
                &mut pending,
            );
            for a in &out[first_of_sentence..] {
                covered.extend(a.content.iter().cloned());
            }
            coordinated_frames(
                text,
                sentence,
                &fs,
                main,
                &qs,
                &mut out,
                first_of_sentence,
                &mut pending,
            );
            other_frames(text, sentence, &fs, main, &qs, &mut covered, &mut out);
        }
        nested(text, sentence, &qs, &cues, &mut out, first_of_sentence);
        asked(text, sentence, &qs, &cues, &mut out, first_of_sentence);
        for (speaker, cue, content) in
            frame::noun_attributions(text, range.clone(), &noun_links[ni..])
        {
            let taken = out[first_of_sentence..].iter().any(|a| {
                a.content.iter().any(|c| {
                    c.start <= content.start
                        && content.end <= c.end
                        && a.kind != QuoteKind::Indirect
                })
            });
            if !taken {
                let a = Attribution {
                    kind: QuoteKind::Indirect,
                    content: std::iter::once(content).collect(),
                    spans: Vec::new(),
                    speaker: Some(speaker),
                    cue: Some(cue),
                    paragraph: sentence.paragraph,
                    sentence: range.clone(),
                };
                out.push(classify(text, a, &qs));
            }
        }
        if !headline {
            leftover_quotes(text, sentence, &qs, &covered, &mut out, &pending);
        }
        // "The Times confirmed it, reporting:" / "Stated Stone:": the frame that ends at the
        // colon introduces the next paragraph's quote.
        if qs.is_empty()
            && let Some(colon) = text[range.clone()].trim_end().strip_suffix(':')
            && let Some(f) = fs.iter().rev().find(|f| {
                text[f.range.end..range.start + colon.len()]
                    .trim()
                    .is_empty()
            })
        {
            pending = Some(Pending {
                speaker: f.speaker.clone(),
                cue: f.cue.clone(),
                paragraph: sentence.paragraph,
            });
        }
        if !covered.is_empty() || sentence.last_in_paragraph {
            // A colon frame waits only for the next paragraph's quote.
            if pending
                .as_ref()
                .is_some_and(|p| p.paragraph < sentence.paragraph)
            {
                pending = None;
            }
        }
    }
    out.sort_by_key(|a| a.span().start);
    untangle(text, &mut out);
    out
}

/// True when `b` holds "ask" in any case, inside a word or not: looked for at each "k", a
/// rare letter, where a search at each "a" would stop at most words.
fn holds_ask(b: &[u8]) -> bool {
    memchr::memchr2_iter(b'k', b'K', b).any(|i| i >= 2 && b[i - 2..i].eq_ignore_ascii_case(b"as"))
}

/// The frames of a sentence, and where its content may end (before a relay such as
/// "..., Xinhua reported"). A sentence without a frame may still have one by its shape
/// (`NAME: "Q"`, a subject with an unlisted verb before a quotation), or introduce the next
/// paragraph's quote ("He listed the qualities a nominee needs:").
fn sentence_frames(
    text: &str,
    sentence: &Sentence,
    qs: &[&QuotedSpan],
    cues: &[Cue],
    headline: bool,
    pending: &mut Option<Pending>,
) -> (Vec<Frame>, usize) {
    let range = sentence.range.clone();
    let mut fs = frame::frames(text, range.clone(), qs, cues);
    let mut content_end = range.end;
    // A relay needs someone else to relay: "..., Xinhua reported" after a frame of another
    // speaker; "The Times confirmed it, reporting:" is one speaker going on.
    let speaker_of = |f: &Frame| &text[f.speaker.start..f.speaker.end];
    let relay = |f: &Frame| {
        frame::is_relay(text, f)
            && fs
                .iter()
                .any(|g| !frame::is_relay(text, g) && speaker_of(g) != speaker_of(f))
    };
    let relays: Vec<bool> = fs.iter().map(relay).collect();
    if relays.contains(&true) {
        if let Some(r) = fs
            .iter()
            .zip(&relays)
            .rev()
            .find(|(_, r)| **r)
            .map(|(f, _)| f)
        {
            let cut = trim_range(text, range.start..r.range.start, &[',', '—', '–']);
            let after_relay = text[r.range.end..range.end]
                .trim_matches(|c: char| !is_word_char(c))
                .split_whitespace()
                .count();
            if after_relay <= 3 {
                content_end = cut.end;
            }
        }
        let mut keep = relays.iter().map(|r| !r);
        fs.retain(|_| keep.next().unwrap_or(true));
    }
    if headline {
        // A headline's attitude verbs report no quotation: "US recognizes 'poor' relation"
        // holds a scare quote, "Polls suggest Kasich has best chance" a clause.
        let quote_after = |f: &Frame| qs.iter().any(|q| q.start >= f.range.end);
        fs.retain(|f| {
            matches!(f.cue.class, CueClass::Speech | CueClass::Writing) || !quote_after(f)
        });
    }
    if fs.is_empty()
        && let Some(f) = frame::colon_frame(text, range.clone(), qs, headline)
    {
        fs.push(f);
    }
    if fs.is_empty()
        && !headline
        && let Some(f) = frame::colon_quote_frame(text, range.clone(), qs)
            .or_else(|| frame::verb_frame(text, range.clone(), qs))
    {
        fs.push(f);
    }
    if fs.is_empty()
        && qs.is_empty()
        && let Some(f) = frame::colon_intro(text, range)
    {
        *pending = Some(Pending {
            speaker: f.speaker,
            cue: f.cue,
            paragraph: sentence.paragraph,
        });
    }
    (fs, content_end)
}

/// A frame coordinated with the main one ("De Blasio called Trump a “blowhard,” and said his
/// remarks were “propaganda”", "21 percent said “not too likely” and 14 percent said “not at
/// all likely”") reports a clause of its own: the main content stops before "and", and the
/// coordinated frame gets its own row.
#[allow(clippy::too_many_arguments)]
fn coordinated_frames(
    text: &str,
    sentence: &Sentence,
    fs: &[Frame],
    main: &Frame,
    qs: &[&QuotedSpan],
    out: &mut Vec<Attribution>,
    from: usize,
    pending: &mut Option<Pending>,
) {
    for f in fs
        .iter()
        .filter(|f| f.range.start > main.range.end && !std::ptr::eq(*f, main))
    {
        let Some(a) = out[from..].iter_mut().find(|a| {
            a.content.len() == 1
                && a.content[0].start < f.range.start
                && f.range.start < a.content[0].end
        }) else {
            continue;
        };
        let lead = text[a.content[0].start..f.range.start].trim_end();
        let Some(cut) = [
            " and",
            ", and",
            ", but",
            " but",
            ";",
            ", while",
            ", whereas",
            ", although",
            ", though",
            ", even though",
        ]
        .iter()
        .find_map(|c| lead.strip_suffix(c))
        .map(|l| l.trim_end().trim_end_matches(',')) else {
            continue;
        };
        // "blasted Congress and said ...": a one-word object is content enough when the verb
        // after "and" shares the subject.
        if !has_more_words_than(cut, if f.detached { 0 } else { 1 }) {
            continue;
        }
        // "Arnold said she did not condone violence and hoped that ...": an attitude after
        // "and" goes on with the reported clause's own subject.
        let clause_subject = cut
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "he" | "she" | "they" | "we" | "I"));
        if f.detached && f.cue.class == CueClass::Cognition && clause_subject {
            continue;
        }
        let start = a.content[0].start;
        let mut trimmed = a.clone();
        trimmed.content[0] = start..start + cut.trim_end().len();
        *a = classify(text, trimmed, qs);
        attribute_frame(text, sentence, sentence.range.end, f, qs, out, pending);
    }
}

/// Rows whose spans cross ("its statement that X, the union said Y" read as two reports that
/// overlap) are cut apart: the indirect one stops where the other starts, or starts where it
/// ends. Spans then nest or stand apart. `out` is in text order and stays so.
fn untangle(text: &str, out: &mut Vec<Attribution>) {
    let mut keep = vec![true; out.len()];
    // Indices of the rows whose spans hold the current position, outermost first.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..out.len() {
        let span = out[i].span();
        while open
            .last()
            .is_some_and(|&o| out[o].span().end <= span.start)
        {
            open.pop();
        }
        let Some(&o) = open.last() else {
            open.push(i);
            continue;
        };
        let outer = out[o].span();
        if outer.end >= span.end || outer.start == span.start && outer.end <= span.end {
            open.push(i);
            continue;
        }
        // Crossing: outer.start < span.start < outer.end < span.end.
        let single_indirect =
            |a: &Attribution| a.kind == QuoteKind::Indirect && a.content.len() == 1;
        if single_indirect(&out[o]) {
            let cut = trim_range(text, outer.start..span.start, &[',', ';', '—', '–']);
            if text[cut.clone()].chars().any(is_word_char) {
                out[o].content[0] = cut;
            } else {
                keep[o] = false;
            }
            open.pop();
        } else if single_indirect(&out[i]) {
            let from = skip_ws(text, outer.end, span.end);
            let rest = trim_range(text, from..span.end, &[',', ';']);
            if text[rest.clone()].chars().any(is_word_char) {
                out[i].content[0] = rest;
            } else {
                keep[i] = false;
                continue;
            }
        } else {
            keep[i] = false;
            continue;
        }
        while open
            .last()
            .is_some_and(|&o| out[o].span().end <= out[i].span().start)
        {
            open.pop();
        }
        open.push(i);
    }
    let mut k = keep.into_iter();
    out.retain(|_| k.next().unwrap_or(true));
    out.sort_by_key(|a| a.span().start);
}

/// A paragraph that only names the speaker of the quote paragraph above it, after a dash
/// ("“Q.”¶¶— Bernie Sanders.", "-President Obama, tweeting after the speech."), gives that
/// quote its speaker, with the dash as cue.
fn sign_off(text: &str, sentence: &Sentence, out: &mut [Attribution]) {
    let body = text[sentence.range.clone()].trim_start();
    let Some(dash) = ["—", "–", "―", "-"]
        .into_iter()
        .find(|d| body.starts_with(d))
    else {
        return;
    };
    let dash_at = sentence.range.end - body.len();
    let at = skip_ws(text, dash_at + dash.len(), sentence.range.end);
    let Some(m) = mention_at(text, at, sentence.range.end) else {
        return;
    };
    let rest = text[m.end..sentence.range.end].trim();
    if m.kind == MentionKind::Pronoun || !(rest.is_empty() || rest.starts_with(['.', ','])) {
        return;
    }
    let Some(last) = out.last_mut().filter(|a| {
        a.kind == QuoteKind::Direct
            && a.paragraph + 1 == sentence.paragraph
            && text[a.content.last().map_or(0, |c| c.end)..dash_at]
                .trim()
                .is_empty()
    }) else {
        return;
    };
    last.speaker = Some(m);
    last.cue = Some(frame::punctuation_cue(dash_at..dash_at + dash.len(), "—"));
}

/// Other frames of the sentence take the quotes next to them: `"Q1," Ryan said, though he
/// said, "Q2."`
fn other_frames(
    text: &str,
    sentence: &Sentence,
    fs: &[Frame],
    main: &Frame,
    qs: &[&QuotedSpan],
    covered: &mut Vec<Range<usize>>,
    out: &mut Vec<Attribution>,
) {
    for f in fs.iter().filter(|f| !std::ptr::eq(*f, main)) {
        let tail = frame_tail(text, f, sentence.range.end);
        let next_to = |q: &&&QuotedSpan| {
            let gap_before = text.get(q.end..f.range.start).map(|g| g.trim());
            matches!(gap_before, Some("" | ",")) || q.start == tail
        };
        if let Some(q) = qs
            .iter()
            .filter(|q| !covered.iter().any(|c| c.start < q.end && q.start < c.end))
            .find(next_to)
        {
            covered.push(q.start..q.end);
            out.push(direct(
                q,
                Some(f.speaker.clone()),
                Some(f.cue.clone()),
                sentence,
            ));
        }
    }
}

/// Questions reported with a passive "asked" that no attribution of the sentence holds.
fn asked(
    text: &str,
    sentence: &Sentence,
    qs: &[&QuotedSpan],
    cues: &[Cue],
    out: &mut Vec<Attribution>,
    from: usize,
) {
    for (cue, question, asker) in frame::asked_questions(text, sentence.range.clone(), cues) {
        let taken = out[from..].iter().any(|a| {
            a.content
                .iter()
                .any(|c| c.start < question.end && question.start < c.end)
        });
        if !taken {
            let a = Attribution {
                kind: QuoteKind::Indirect,
                content: std::iter::once(question).collect(),
                spans: Vec::new(),
                speaker: asker,
                cue: Some(cue),
                paragraph: sentence.paragraph,
                sentence: sentence.range.clone(),
            };
            out.push(classify(text, a, qs));
        }
    }
}

/// Quotes no frame took: `"Q" — S`, a quote sentence that continues the paragraph's quote,
/// a floating quote (the speaker of a colon frame, or of the previous attribution within a
/// paragraph).
fn leftover_quotes(
    text: &str,
    sentence: &Sentence,
    qs: &[&QuotedSpan],
    covered: &[Range<usize>],
    out: &mut Vec<Attribution>,
    pending: &Option<Pending>,
) {
    for q in qs {
        if covered.iter().any(|c| c.start <= q.start && q.end <= c.end) {
            continue;
        }
        if let Some(a) = dash_attribution(text, sentence, q) {
            out.push(a);
            continue;
        }
        if !only_quotes(text, sentence.range.clone(), qs) {
            continue;
        }
        // A quote sentence after an attributed quote of the same paragraph is one more part
        // of that quote (`"Q1," S said. "Q2."`).
        // Past the participle rows of that quote's own sentence (`"Q1," S said, referring
        // to X. "Q2."`).
        let recent = out.len().saturating_sub(8);
        let quoted_row = out[recent..]
            .iter()
            .rposition(|a| a.kind != QuoteKind::Indirect)
            .map(|i| recent + i)
            .filter(|&i| {
                out[i + 1..]
                    .iter()
                    .all(|b| b.kind == QuoteKind::Indirect && b.sentence == out[i].sentence)
            });
        if let Some(last) = quoted_row.map(|i| &mut out[i]).filter(|a| {
            a.paragraph == sentence.paragraph
                && a.content.last().is_some_and(|c| c.end <= q.start)
                && !text[a.sentence.end.min(q.start)..q.start].contains('\n')
        }) {
            last.content.push(q.start..q.end);
            if last.kind == QuoteKind::Direct {
                last.spans.push((*q).clone());
            }
            continue;
        }
        let from_pending = pending
            .as_ref()
            .filter(|p| sentence.paragraph <= p.paragraph + 1)
            .map(|p| (Some(p.speaker.clone()), Some(p.cue.clone())));
        // The last speaker, not the holder of an attitude noun ("his claim that ...").
        let speaker = from_pending.or_else(|| {
            out.iter()
                .rev()
                .take(4)
                .find(|a| !a.cue.as_ref().is_some_and(|c| c.form == CueForm::Noun))
                .filter(|a| a.speaker.is_some() && sentence.paragraph <= a.paragraph + 1)
                .map(|a| (a.speaker.clone(), a.cue.clone()))
        });
        if let Some((speaker, cue)) = speaker {
            out.push(direct(q, speaker, cue, sentence));
        }
    }
}

/// Attributions nested in a reported clause ("Smith said Jones told him the plan would
/// fail" also gives Jones's "the plan would fail"), down to a few levels.
fn nested(
    text: &str,
    sentence: &Sentence,
    qs: &[&QuotedSpan],
    cues: &[Cue],
    out: &mut Vec<Attribution>,
    from: usize,
) {
    let mut k = from;
    let mut budget = 4;
    while k < out.len() && budget > 0 {
        let a = &out[k];
        k += 1;
        if a.kind == QuoteKind::Direct || a.content.len() != 1 {
            continue;
        }
        budget -= 1;
        let r = a.content[0].clone();
        let inner = Sentence {
            range: r.clone(),
            paragraph: sentence.paragraph,
            last_in_paragraph: false,
        };
        let Some(f) = reporting_frame(text, r.clone(), qs, cues) else {
            continue;
        };
        let mut found = Vec::new();
        let mut pending = None;
        attribute_frame(text, &inner, r.end, &f, qs, &mut found, &mut pending);
        for mut n in found {
            // A quotation belongs to one attribution: the inner one only reports a clause.
            let quoted = n.kind != QuoteKind::Indirect;
            if !quoted && !out[from..].iter().any(|o| o.content == n.content) {
                n.sentence = sentence.range.clone();
                out.push(n);
            }
        }
    }
}

/// The frame of an attribution nested in the reported clause `content`: the first frame of
/// "say", "tell" or "write" ([`reports_content`]) with a named speaker, bound to its own
/// subject. The frames of the other cues are not read, unless the cues are so many that the
/// bound on the frames of a sentence ([`frame::MAX_FRAMES`]) may leave out a frame of theirs
/// that the others push past it.
fn reporting_frame(
    text: &str,
    content: Range<usize>,
    qs: &[&QuotedSpan],
    cues: &[Cue],
) -> Option<Frame> {
    let in_content = cues
        .iter()
        .filter(|c| content.start <= c.start && c.end <= content.end)
        .count();
    let reporting: Vec<Cue>;
    let cues = if in_content <= frame::MAX_FRAMES {
        reporting = cues
            .iter()
            .filter(|c| reports_content(c))
            .cloned()
            .collect();
        &reporting
    } else {
        cues
    };
    // A coordinated verb in the content ("blasted Congress and said ...") belongs to the
    // outer subject, never to the content's first words.
    frame::frames(text, content, qs, cues)
        .into_iter()
        .find(|f| {
            !f.detached
                && !frame::is_relay(text, f)
                && reports_content(&f.cue)
                && matches!(
                    f.speaker.kind,
                    MentionKind::Name | MentionKind::Organization
                )
        })
}

/// True for the cues of a nested attribution: "say", "tell" or "write", of speech or writing.
fn reports_content(cue: &Cue) -> bool {
    matches!(cue.class, CueClass::Speech | CueClass::Writing)
        && matches!(cue.lemma, "say" | "tell" | "write")
}

/// An unclosed quote (recovered to the end of its paragraph by the span grammar) most often
/// lost its closing mark before its attribution: `"We have no choice, city engineer Kevin
/// Doyle said.` The span is cut before the first frame it holds.
pub fn cut_unclosed(text: &str, quotes: &mut [QuotedSpan]) {
    for q in quotes.iter_mut().filter(|q| !q.closed) {
        let range = q.content_start..q.end;
        let Some(f) = frame::frames(text, range.clone(), &[], &find_cues(text, range))
            .into_iter()
            .find(|f| f.range.start > q.content_start)
        else {
            continue;
        };
        let cut = trim_range(text, q.content_start..f.range.start, &[',', '—', '–']);
        if cut.end > cut.start {
            q.end = cut.end;
            q.content_end = cut.end;
        }
    }
}

/// The frame that governs the `sentence`: one next to a quote when there are quotes, else a
/// speech frame that closes the sentence after a comma (", Devine said."), else the first.
fn choose_frame<'f>(
    text: &str,
    fs: &'f [Frame],
    qs: &[&QuotedSpan],
    sentence: &Range<usize>,
) -> Option<&'f Frame> {
    // Participles, relative and adverbial clauses govern only when nothing else does: "...,
    // who spoke on condition of anonymity, said", "De Blasio, speaking on WOR710, called",
    // "As he spoke, Trump continued". So does a participle that shares the verb's subject:
    // "Another source speaking to Fox News said".
    let shared_subject = |f: &Frame| {
        f.cue.form == CueForm::Gerund
            && fs.iter().any(|g| {
                g.cue.form != CueForm::Gerund
                    && g.speaker.start == f.speaker.start
                    && g.cue.start > f.cue.start
            })
    };
    // "..., before adding that he thinks ...": the clause after the participle holds the
    // other frame, so the participle governs.
    let holds_frame = |f: &Frame| {
        fs.iter().any(|g| {
            g.range.start >= f.cue.end && {
                let b = text[f.cue.end..g.range.start].trim();
                b.is_empty() || b == "that" || b.strip_suffix(" that").is_some_and(is_adjunct_chain)
            }
        })
    };
    let relative = |f: &Frame| {
        f.detached && f.cue.form == CueForm::Gerund && !holds_frame(f)
            || f.is_relative(text) && !holds_frame(f)
            || f.is_subordinate(text)
            || shared_subject(f)
    };
    if fs.iter().any(relative) && fs.iter().any(|f| !relative(f)) {
        let rest: Vec<Frame> = fs.iter().filter(|f| !relative(f)).cloned().collect();
        let chosen = choose_frame(text, &rest, qs, sentence)?;
        return fs.iter().find(|f| f.range == chosen.range);
    }
    let after_quote = |f: &Frame| {
        qs.iter().any(|q| {
            let between = text.get(q.end..f.range.start).map(str::trim);
            matches!(between, Some("" | "," | "—" | "–" | "--"))
        })
    };
    let before_quote = |f: &Frame| {
        qs.iter().any(|q| {
            text.get(f.range.end..q.start)
                .map(str::trim)
                .is_some_and(|b| {
                    let b = b.trim_end_matches([':', ',']).trim();
                    b.is_empty() || b == "that" || (is_adjunct_chain(b) && b.contains(' '))
                })
        })
    };
    // `"Q," S said` governs its sentence; `S said: "Q"` does unless an earlier frame reports
    // the clause that holds it ("Fallin said Trump is “trying to campaign ...”, she
    // highlighted" / "DeSantis said he backs a bill, which he called “a cartel”").
    if let Some(f) = fs.iter().find(|f| after_quote(f)) {
        return Some(f);
    }
    // "..., the race will be tight, said Dan Gerstein, director of ..." / "..., Devine said.":
    // a speech frame that closes the sentence after a comma reports all that comes before it.
    let closing = |f: &Frame| {
        let before = text[sentence.start..f.range.start].trim_end();
        let after = text[f.range.end..sentence.end].trim();
        matches!(f.cue.class, CueClass::Speech | CueClass::Writing)
            && f.cue.form == CueForm::Finite
            && !f.detached
            && before.ends_with(',')
            && has_more_words_than(before, 3)
            && (after.chars().all(|c| !is_word_char(c)) || f.inverted && after.starts_with(','))
    };
    if let Some(f) = fs.iter().rev().find(|f| closing(f)) {
        return Some(f);
    }
    // A frame coordinated with its own subject starts a clause of its own: "a woman asked
    // for a photo and Clinton said, “Q”".
    let coordinated = |first: &Frame, a: &Frame| {
        let between = text[first.range.end..a.range.start].trim_end();
        !a.detached
            && [" and", " but", ";"].iter().any(|c| between.ends_with(c))
            && !between.contains(['"', '“', '”'])
    };
    match fs.iter().find(|f| before_quote(f)) {
        Some(a) => fs
            .first()
            .filter(|f| f.range.end <= a.range.start && !coordinated(f, a))
            .or(Some(a)),
        None => fs.first(),
    }
}

fn attribute_frame(
    text: &str,
    sentence: &Sentence,
    content_end: usize,
    f: &Frame,
    qs: &[&QuotedSpan],
    out: &mut Vec<Attribution>,
    pending: &mut Option<Pending>,
) {
    let range = sentence.range.clone();
    let before = if f.detached {
        f.range.start..f.range.start
    } else {
        let r = trim_range(text, range.start..f.range.start, &[',', '—', '–']);
        // `"Q," as Smith put it`: "as" belongs to the frame.
        match text[r.clone()].strip_suffix(" as") {
            Some(kept) if !kept.trim().is_empty() => {
                trim_range(text, r.start..r.start + kept.len(), &[',', '—', '–'])
            }
            _ => r,
        }
    };
    let tail = frame_tail(text, f, range.end);
    let after = trim_range(text, tail..content_end.max(tail), &[]);
    let after = strip_final_period(text, after, qs);
    // "backed the riders, writing:": the participle before the colon introduces the next
    // paragraph's quote and is no part of this content.
    let after = match text[after.clone()]
        .strip_suffix(':')
        .and_then(|s| s.rsplit_once(", "))
    {
        Some((kept, last))
            if !last.contains(' ')
                && crate::grammar::cue::cue_at(text, after.start + kept.len() + 2)
                    .is_some_and(|c| c.form == CueForm::Gerund) =>
        {
            after.start..after.start + kept.len()
        }
        _ => after,
    };
    let has_words = |r: &Range<usize>| text[r.clone()].chars().any(is_word_char);
    let quote_in = |r: &Range<usize>| qs.iter().any(|q| r.start <= q.start && q.end <= r.end);
    let new = |content: Vec<Range<usize>>| Attribution {
        kind: QuoteKind::Indirect,
        content,
        spans: Vec::new(),
        speaker: Some(f.speaker.clone()),
        cue: Some(f.cue.clone()),
        paragraph: sentence.paragraph,
        sentence: range.clone(),
    };
    // "Clinton seems to have found ...", "The House is expected to pass ...": the subject and
    // the infinitive are the content of an attitude whose holder is not named.
    let raising =
        matches!(f.cue.lemma, "seem" | "appear") || (f.cue.lemma == "expect" && f.cue.passive);
    if raising && !f.inverted && !f.detached && text[after.clone()].starts_with("to ") {
        let subject = f.speaker.start..f.speaker.end;
        let mut a = classify(text, new(vec![subject, after]), qs);
        a.speaker = None;
        out.push(a);
        return;
    }
    let after_starts_quote = qs.iter().find(|q| q.start == after.start);
    // `Said Dorothy Poynter, who grew up with Ali, “Q.”`: a fronted verb, its speaker and an
    // appositive, then the quotation.
    if f.inverted
        && f.cue.lemma != "according to"
        && !has_words(&before)
        && text[f.range.end..range.end].trim_start().starts_with(',')
        && let Some(q) = qs.iter().find(|q| q.start >= f.range.end)
        && text[f.range.end..q.start].trim_end().ends_with(',')
        && text[q.end..range.end]
            .trim_matches(|c: char| !is_word_char(c))
            .is_empty()
    {
        out.push(direct(
            q,
            Some(f.speaker.clone()),
            Some(f.cue.clone()),
            sentence,
        ));
        return;
    }
    // After `..., said Smith` and `..., according to Smith` comes an appositive of the speaker,
    // not content ("..., said Laurie Guzzinati, a spokeswoman for the company"); after a
    // leading `According to Smith,` comes the content.
    let trailing = text[range.start..f.range.start].trim_end().ends_with(',');
    let appositive_after = f.inverted
        && (f.cue.lemma != "according to" || trailing)
        && !text[f.range.end..range.end]
            .trim_start()
            .starts_with(|c: char| "\"“«„「".contains(c))
        && qs.iter().all(|q| q.start != after.start);
    // "Trump spoke for 77 minutes, a virtual eternity ...": past its adjuncts, intransitive
    // "speak" has no content unless a topic ("spoke briefly about ...") or a quotation follows.
    let skipped = &text[f.range.end..tail];
    let speak_without_topic = f.cue.lemma == "speak"
        && !f.inverted
        && skipped.contains(is_word_char)
        && !skipped
            .split_whitespace()
            .any(|w| matches!(w, "about" | "of"))
        && after_starts_quote.is_none();
    let after_content = has_words(&after)
        && !is_adjunct_chain(&text[after.clone()])
        && !appositive_after
        && !speak_without_topic;
    let before_opens_quote = qs.iter().any(|q| q.start == before.start);
    if has_words(&before) && quote_in(&before) && (before_opens_quote || !after_content) {
        let mut parts = vec![before.clone()];
        if let Some(q) = after_starts_quote {
            // Split quote: "Q1," S V, "Q2."
            parts.push(q.start..q.end.max(after.end.min(range.end)));
        } else if text[after.clone()].starts_with("that ") && !f.inverted {
            // `"Q1," he said, that CLAUSE`: the clause goes on with the quote.
            parts.push(after.clone());
        } else if let Some((cue, extra)) = gerund_clause(text, tail, range.end, qs)
            .or_else(|| later_participle(text, f.range.end..range.end, qs))
        {
            // `"Q," S said, adding that CLAUSE` / `"Q," said S (D-Va.) at the time, adding ...`
            let mut a = new(vec![extra]);
            a.cue = Some(cue);
            out.push(classify(text, a, qs));
        }
        let a = classify(text, new(parts), qs);
        let at = out.len() - usize::from(out.last().is_some_and(|l| l.sentence == range));
        out.insert(at, a);
        return;
    }
    let parenthetical = has_words(&before)
        && has_words(&after)
        && after_starts_quote.is_none()
        && text[..f.range.start].trim_end().ends_with(',')
        && text[f.range.end..].trim_start().starts_with(',');
    if parenthetical && !f.inverted {
        out.push(classify(text, new(vec![before, after]), qs));
    } else if after_content {
        if !quote_in(&after) && !has_more_words_than(&text[after.clone()], 1) {
            return;
        }
        // `S said, adding that CLAUSE`: the participle is the cue of the clause.
        if let Some((cue, clause)) = gerund_clause(text, after.start, range.end, qs) {
            let mut a = new(vec![clause]);
            a.cue = Some(cue);
            out.push(classify(text, a, qs));
            return;
        }
        // `S said CLAUSE1, adding that CLAUSE2`: two rows, one per cue.
        let second = later_participle(text, after.clone(), qs);
        let mut after = after;
        if let Some((cue, clause)) = second {
            let first = trim_range(text, after.start..cue.start, &[',']);
            if has_words(&first) {
                after = first;
                let mut a = new(vec![clause]);
                a.cue = Some(cue);
                out.push(classify(text, a, qs));
            }
        }
        out.push(classify(text, new(vec![after]), qs));
    } else if has_words(&before) {
        if has_more_words_than(&text[before.clone()], 1) {
            out.push(classify(text, new(vec![before]), qs));
        }
    } else if !f.is_relative(text)
        && (text[range.clone()].trim_end().ends_with(':')
            || text[tail..range.end].trim() == ":"
            || matches!(f.cue.class, CueClass::Speech | CueClass::Writing))
    {
        // No content here: the frame introduces the next paragraph's quote ("He then spoke
        // to the woman." / "Cruz continued:").
        *pending = Some(Pending {
            speaker: f.speaker.clone(),
            cue: f.cue.clone(),
            paragraph: sentence.paragraph,
        });
    }
}

/// Where the content after a leading frame begins: past the addressee of "told", adjuncts
/// ("on Tuesday", "in a statement"), and a "that", ":" or "," that opens the content.
fn frame_tail(text: &str, f: &Frame, limit: usize) -> usize {
    let mut pos = skip_ws(text, f.range.end, limit);
    // "told Fox News the plan ...": the object, unless the cue holds it ("told reporters").
    if f.cue.addressee && !f.inverted && f.cue.end == f.cue.verb_end {
        pos = skip_object(text, pos, limit);
    }
    // Adjuncts up to "that", ":" or "," (at most a dozen words, no quote in between).
    let rest = &text[pos..limit];
    // The first 120 characters.
    let window = &rest[..char_prefix_len(rest, 120)];
    // The words are read only where the letters of "that" are.
    let best = holds_that(window)
        .then(|| {
            crate::grammar::words::words(window)
                .find(|(_, w)| w.eq_ignore_ascii_case("that"))
                .map(|(i, _)| i + 4)
        })
        .flatten();
    if let Some(end) = best
        && is_adjunct_chain(&window[..end.saturating_sub(4)])
    {
        return skip_ws(text, pos + end, limit);
    }
    if let Some(c) =
        memchr::memchr2(b':', b',', window.as_bytes()).filter(|&c| is_adjunct_chain(&window[..c]))
    {
        return skip_ws(text, pos + c + 1, limit);
    }
    pos
}

/// The length in bytes of the first `n` characters of `s` (all of `s` when it is shorter):
/// `n` when its first `n` bytes are ASCII (one fast test), else counted by the bytes that
/// start characters, a run of bytes at a time (a count the compiler vectorises): past the
/// first `n` bytes, as many more as characters are still missing.
fn char_prefix_len(s: &str, n: usize) -> usize {
    let b = s.as_bytes();
    let Some(head) = b.get(..n) else {
        return s.len();
    };
    if head.is_ascii() {
        return n;
    }
    let starts_in = |run: &[u8]| run.iter().filter(|&&c| !is_continuation_byte(c)).count();
    // `end` bytes hold `starts` characters' first bytes, never more than `n`.
    let (mut end, mut starts) = (n, starts_in(head));
    while starts < n && end < b.len() {
        let next = (end + n - starts).min(b.len());
        starts += starts_in(&b[end..next]);
        end = next;
    }
    // The `n`th character starts at the next first byte.
    end + b[end..]
        .iter()
        .take_while(|&&c| is_continuation_byte(c))
        .count()
}

/// True for the bytes that continue a character in UTF-8 (`0b10xx_xxxx`).
fn is_continuation_byte(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// True when `s` holds "that" in any case, inside a word or not: the test in front of the
/// search for the word, looked for at each "h" (half as frequent as "t" in the corpus).
fn holds_that(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'h', b'H', b).any(|i| {
        i >= 1
            && b.get(i - 1..i + 3)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"that"))
    })
}

/// The words that open a prepositional or clause adjunct of a cue (see [`is_adjunct_chain`]).
const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "with", "to", "from", "for", "via", "through",
    "over", "outside", "inside", "near", "by", "when", "while", "as", "upon",
];
/// The adverbs that open an adjunct of a cue (see [`is_adjunct_chain`]).
const ADJUNCT_ADVERBS: &[&str] = &[
    "again",
    "also",
    "previously",
    "repeatedly",
    "recently",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "privately",
    "publicly",
    "separately",
    "once",
    "often",
    "then",
    "afterward",
    "afterwards",
    "later",
    "earlier",
    "bluntly",
    "flatly",
    "firmly",
    "simply",
    "frequently",
];
/// The words that open a time adjunct before a [`TIME_WORDS`] noun or a weekday ("this week").
const TIME_STARTERS: &[&str] = &["this", "last", "next", "late", "early", "earlier", "later"];
/// The nouns of time adjuncts ("last night", "next month").
const TIME_WORDS: &[&str] = &[
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "day",
    "time",
];

/// The words that may open an adjunct: those of the three sets of first words below
/// (prepositions, openers, time starters), looked up in one probe before them, as most first
/// words of the strings tested are none.
static ADJUNCT_START_SET: WordSet = WordSet::new(&[
    ADJUNCT_PREPOSITIONS,
    ADJUNCT_ADVERBS,
    lexicon::WEEKDAYS,
    TIME_STARTERS,
]);

/// The [`ADJUNCT_PREPOSITIONS`], each looked up by one probe in any ASCII case, as are the
/// words of the sets below: most words tested are turned away by its letter filter.
static ADJUNCT_PREPOSITION_SET: WordSet = WordSet::new(&[ADJUNCT_PREPOSITIONS]);
/// The words that open an adjunct on their own: the [`ADJUNCT_ADVERBS`] and the weekdays.
static ADJUNCT_OPENER_SET: WordSet = WordSet::new(&[ADJUNCT_ADVERBS, lexicon::WEEKDAYS]);
/// The [`TIME_STARTERS`].
static TIME_STARTER_SET: WordSet = WordSet::new(&[TIME_STARTERS]);
/// The words a time adjunct ends with after one of the [`TIME_STARTERS`]: the [`TIME_WORDS`]
/// and the weekdays.
static TIME_NOUN_SET: WordSet = WordSet::new(&[TIME_WORDS, lexicon::WEEKDAYS]);

/// True when `s` is empty or a chain of prepositional, time and manner adjuncts ("on
/// Tuesday in a statement", "this week", "again", "when asked about it").
fn is_adjunct_chain(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return true;
    }
    // The first two words, compared in any ASCII case. They are told first: most strings
    // tested (the content after a cue) open with no adjunct and are turned away here, before
    // they are read to their end.
    let mut words = s.split_whitespace().map(|w| w.trim_end_matches(','));
    let first = words.next().unwrap_or_default();
    if !ADJUNCT_START_SET.contains(first) {
        return false;
    }
    let second = words.next().unwrap_or_default();
    // "to reporters" is an adjunct, "to say whether ..." (an infinitive) is content.
    let infinitive = first.eq_ignore_ascii_case("to")
        && !second.is_empty()
        && !lexicon::is_determiner(second)
        && !lexicon::is_person_noun(&second.to_ascii_lowercase())
        && !s
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    let opens_adjunct = (ADJUNCT_PREPOSITION_SET.contains(first) && !infinitive)
        || ADJUNCT_OPENER_SET.contains(first)
        || (TIME_STARTER_SET.contains(first) && TIME_NOUN_SET.contains(second));
    // More than 14 words (counted first: it stops at the 15th), or quotation marks or
    // sentence punctuation (one pass over the bytes).
    if !opens_adjunct || has_more_words_than(s, 14) || holds_quote_or_stop(s) {
        return false;
    }
    // "for a photo and Clinton said": a coordinated clause with a verb of its own.
    !coordination(s).is_some_and(|i| {
        s[i..]
            .split_whitespace()
            .any(crate::grammar::cue::is_past_form)
    })
}

/// Where the first " and " of `s` starts, else where its first " but " does: one pass over
/// its spaces (`s` has a few words), where two searchers were built for each `s`.
fn coordination(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut but = None;
    for i in memchr::memchr_iter(b' ', b) {
        match b.get(i + 1..i + 5) {
            Some(b"and ") => return Some(i),
            Some(b"but ") => {
                but.get_or_insert(i);
            }
            _ => {}
        }
    }
    but
}

/// True when `s` holds a straight or curly double quotation mark, a period, a semicolon or a
/// parenthesis: one pass over the bytes (the curly marks are `E2 80 9C` and `E2 80 9D`).
fn holds_quote_or_stop(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'"' | b'.' | b';' | b'(' | b')' => true,
        0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)),
        _ => false,
    })
}

/// Skips the object of a tell-verb: a pronoun ("him", "them") or a mention ("Reuters",
/// "reporters", "the BBC").
fn skip_object(text: &str, pos: usize, limit: usize) -> usize {
    let rest = &text[pos..limit];
    for p in ["him", "her", "them", "me", "us", "you"] {
        if rest
            .get(..p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
            && !rest[p.len()..].starts_with(is_word_char)
        {
            return skip_ws(text, pos + p.len(), limit);
        }
    }
    match mention_at(text, pos, limit) {
        Some(m) if m.kind != MentionKind::Pronoun => skip_ws(text, m.end, limit),
        _ => pos,
    }
}

/// `"Q," S said, adding that CLAUSE`: the clause of a participle cue after the frame. The cue
/// grammar runs only where a gerund of speech may start ([`cue::may_start_speech_gerund`]).
///
/// [`cue::may_start_speech_gerund`]: crate::grammar::cue::may_start_speech_gerund
fn gerund_clause(
    text: &str,
    tail: usize,
    limit: usize,
    qs: &[&QuotedSpan],
) -> Option<(Cue, Range<usize>)> {
    if !crate::grammar::cue::may_start_speech_gerund(text, tail) {
        return None;
    }
    clause_of_gerund_at(text, tail, limit, qs)
}

/// [`gerund_clause`] with the cue grammar run at `tail` whatever word stands there.
fn clause_of_gerund_at(
    text: &str,
    tail: usize,
    limit: usize,
    qs: &[&QuotedSpan],
) -> Option<(Cue, Range<usize>)> {
    let cue = crate::grammar::cue::cue_at(text, tail)?;
    if cue.form != CueForm::Gerund || !matches!(cue.class, CueClass::Speech | CueClass::Writing) {
        return None;
    }
    let mut start = skip_ws(text, cue.end, limit);
    if text[start..limit].starts_with("that ") {
        start = skip_ws(text, start + 4, limit);
    }
    let r = strip_final_period(text, trim_range(text, start..limit, &[]), qs);
    // "..., speaking at a rally in Ohio": circumstances, not content.
    (has_more_words_than(&text[r.clone()], 1) && !is_adjunct_chain(&text[r.clone()]))
        .then_some((cue, r))
}

/// The first speech participle after a comma in `range` and its clause (", adding that ...").
fn later_participle(
    text: &str,
    range: Range<usize>,
    qs: &[&QuotedSpan],
) -> Option<(Cue, Range<usize>)> {
    // The cue grammar runs only where a gerund of speech may start (the clause needs one),
    // told first: it turns away most words.
    participle_where(
        text,
        range,
        qs,
        crate::grammar::cue::may_start_speech_gerund,
    )
}

/// [`later_participle`], the cue grammar run only at the words after a comma where `may_start`
/// holds (a necessary condition of a gerund of speech, or none in the test of that condition).
fn participle_where(
    text: &str,
    range: Range<usize>,
    qs: &[&QuotedSpan],
    may_start: impl Fn(&str, usize) -> bool,
) -> Option<(Cue, Range<usize>)> {
    let limit = range.end;
    words_after_commas(text, range.clone())
        .filter(|&at| {
            may_start(text, at)
                && follows_comma(text, range.start, at)
                && crate::grammar::cue::cue_within(text, at, limit).is_some()
        })
        .find_map(|at| clause_of_gerund_at(text, at, limit, qs))
}

/// Prepositions that may stand between a comma and a later participle (", before adding").
const PARTICIPLE_PREPOSITIONS: [&str; 4] = ["before", "after", "while", "by"];

/// The word starts in `range` right after a comma, and after a comma and one of the
/// [`PARTICIPLE_PREPOSITIONS`] (", adding that", ", before adding that"): the only words of a
/// content where a later participle may stand (a cue never spans a comma, so no cue found
/// before covers such a word), as [`follows_comma`] tells.
fn words_after_commas(text: &str, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let limit = range.end;
    let commas = memchr::memchr_iter(b',', &text.as_bytes()[range.clone()]);
    commas.flat_map(move |k| {
        let word = skip_ws(text, range.start + k + 1, limit);
        let rest = &text[word..limit];
        let next = PARTICIPLE_PREPOSITIONS
            .iter()
            .find(|p| rest.strip_prefix(**p).is_some_and(|r| r.starts_with(' ')))
            .map(|p| skip_ws(text, word + p.len(), limit));
        std::iter::once(word).chain(next)
    })
}

/// Whether the text from `from` to the word at `at` ends with a comma, maybe with one of the
/// [`PARTICIPLE_PREPOSITIONS`] after it.
fn follows_comma(text: &str, from: usize, at: usize) -> bool {
    let before = text[from..at].trim_end();
    let before = match before.rsplit_once(' ') {
        Some((rest, p)) if PARTICIPLE_PREPOSITIONS.contains(&p) => rest,
        _ => before,
    };
    before.ends_with(',')
}

/// Sets the kind from the content: direct when it is exactly one quoted span (or a split
/// quote's spans), mixed when it holds a quotation, indirect otherwise.
fn classify(text: &str, mut a: Attribution, qs: &[&QuotedSpan]) -> Attribution {
    a.kind = QuoteKind::Indirect;
    a.spans.clear();
    // The quotation each part is, if every part is one: the parts are read up to the first
    // that is none (most contents are a clause, and no vector is made for them).
    let exact: Option<Vec<&QuotedSpan>> = a
        .content
        .iter()
        .map(|r| {
            let r = trim_range(text, r.clone(), &[',', '.']);
            qs.iter()
                .copied()
                .find(|q| q.start == r.start && (q.end == r.end || q.end + 1 == r.end))
        })
        .collect();
    if let Some(exact) = exact {
        a.kind = QuoteKind::Direct;
        a.content = exact.iter().map(|q| q.start..q.end).collect();
        a.spans = exact.into_iter().cloned().collect();
    } else if a
        .content
        .iter()
        .any(|r| qs.iter().any(|q| r.start <= q.start && q.start < r.end))
    {
        a.kind = QuoteKind::Mixed;
    }
    a
}

fn direct(
    q: &QuotedSpan,
    speaker: Option<Mention>,
    cue: Option<Cue>,
    sentence: &Sentence,
) -> Attribution {
    Attribution {
        kind: QuoteKind::Direct,
        content: std::iter::once(q.start..q.end).collect(),
        spans: vec![q.clone()],
        speaker,
        cue,
        paragraph: sentence.paragraph,
        sentence: sentence.range.clone(),
    }
}

/// `"Q" — S`: a quote followed by a dash and a speaker to the end of the sentence.
fn dash_attribution(text: &str, sentence: &Sentence, q: &QuotedSpan) -> Option<Attribution> {
    let end = sentence.range.end;
    let rest = text.get(q.end..end)?;
    let t = rest.trim_start();
    let dash = ["—", "–", "―", "--", "-"]
        .into_iter()
        .find(|d| t.starts_with(d))?;
    let dash_at = q.end + (rest.len() - t.len());
    let cue = frame::punctuation_cue(dash_at..dash_at + dash.len(), "—");
    let at = dash_at + dash.len();
    let at = skip_ws(text, at, end);
    let m = mention_at(text, at, end)?;
    if m.kind == MentionKind::Pronoun
        || !text[m.end..end]
            .trim()
            .trim_end_matches(['.', ','])
            .is_empty()
            && !text[m.end..end].trim_start().starts_with(',')
    {
        return None;
    }
    Some(direct(q, Some(m), Some(cue), sentence))
}

/// True when the sentence is nothing but quotations and punctuation.
fn only_quotes(text: &str, range: Range<usize>, qs: &[&QuotedSpan]) -> bool {
    let mut pos = range.start;
    for q in qs {
        if text[pos..q.start.max(pos)].chars().any(is_word_char) {
            return false;
        }
        pos = pos.max(q.end);
    }
    !qs.is_empty()
        && !text[pos.min(range.end)..range.end]
            .chars()
            .any(is_word_char)
}

/// Trims white space from a range, and from its end the given trailing characters and
/// double hyphens ("--"), in any order.
fn trim_range(text: &str, r: Range<usize>, trailing: &[char]) -> Range<usize> {
    if r.start >= r.end {
        return r.start..r.start;
    }
    let s = &text[r.clone()];
    let t = s.trim_start();
    let lead = s.len() - t.len();
    // One character (or "--") off the end at a time. No trailing character is a hyphen, so
    // at each step at most one of the two can be taken off: the end is the one a loop of
    // `trim_end_matches`, `trim_end` and `strip_suffix("--")` reached, a pattern searcher
    // fewer per step.
    let mut t = t;
    loop {
        if let Some(u) = t.strip_suffix("--") {
            t = u;
            continue;
        }
        match t.chars().next_back() {
            Some(c) if c.is_whitespace() || trailing.contains(&c) => {
                t = &t[..t.len() - c.len_utf8()];
            }
            _ => break,
        }
    }
    r.start + lead..r.start + lead + t.len()
}

/// Drops a sentence-final period that is not inside a quotation.
fn strip_final_period(text: &str, r: Range<usize>, qs: &[&QuotedSpan]) -> Range<usize> {
    if r.start >= r.end {
        return r;
    }
    let s = &text[r.clone()];
    if s.ends_with(['.', '!', '?', ';']) && !qs.iter().any(|q| q.end == r.end) {
        let mut end = r.end - 1;
        while end > r.start && text[..end].ends_with(' ') {
            end -= 1;
        }
        return r.start..end;
    }
    r
}

fn skip_ws(text: &str, pos: usize, limit: usize) -> usize {
    let rest = &text[pos.min(limit)..limit];
    pos.min(limit) + (rest.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`reporting_frame`], which reads the frames of the reporting cues only, finds the frame
    /// that the search over the frames of all the cues found: for every line of the corpus
    /// texts, the pieces between its full stops and its clauses after "that", with their
    /// quotations, and at the edges.
    #[test]
    fn reporting_frames_as_before() {
        fn before(text: &str, r: Range<usize>, qs: &[&QuotedSpan], cues: &[Cue]) -> Option<Frame> {
            frame::frames(text, r, qs, cues).into_iter().find(|f| {
                !f.detached
                    && !frame::is_relay(text, f)
                    && matches!(f.cue.class, CueClass::Speech | CueClass::Writing)
                    && matches!(
                        f.speaker.kind,
                        MentionKind::Name | MentionKind::Organization
                    )
                    && matches!(f.cue.lemma, "say" | "tell" | "write")
            })
        }
        let many = "He said, she said and they said it; ".repeat(12);
        let texts = crate::test_support::corpus_texts_and(&[
            "Smith said Jones told him the plan would fail.",
            "He wrote that the mayor said the city was broke and Ann Lee told reporters so.",
            &many,
        ]);
        let mut found = 0;
        for t in &texts {
            let quotes = crate::grammar::spans::find_quotes(t, &[]);
            let qs: Vec<&QuotedSpan> = quotes.iter().filter(|q| q.depth == 0).collect();
            let cues = find_cues(t, 0..t.len());
            let mut ranges = Vec::new();
            let mut at = 0;
            for line in t.split_inclusive('\n') {
                let mut piece = at;
                for (i, m) in line.match_indices([' ', '.']) {
                    if m == "." {
                        ranges.push(piece..at + i);
                        piece = at + i + 1;
                    } else if line[i + 1..].starts_with("that ") {
                        ranges.push(at + i + 6..at + line.len());
                    }
                }
                ranges.push(at..at + line.len());
                at += line.len();
            }
            for r in ranges {
                let old = before(t, r.clone(), &qs, &cues);
                found += usize::from(old.is_some());
                assert_eq!(reporting_frame(t, r.clone(), &qs, &cues), old, "{}", &t[r]);
            }
        }
        assert!(found > 100, "{found}");
    }

    /// [`holds_ask`] answers as the scan of every three bytes it replaces, on every line of
    /// the corpus and its pieces between quotation marks, and at the edges.
    #[test]
    fn asks_as_before() {
        let texts = crate::test_support::corpus_texts();
        let mut pieces: Vec<&str> = Vec::new();
        for line in texts.iter().flat_map(|t| t.lines()) {
            pieces.push(line);
            pieces.extend(line.split(['"', '“', '”']));
        }
        pieces.extend([
            "", "k", "sk", "ask", "ASK", "aSk", "as k", "a’sk", "tasks", "éask", "Kask",
        ]);
        let mut asks = 0;
        for p in pieces {
            let b = p.as_bytes();
            let old = b.windows(3).any(|w| w.eq_ignore_ascii_case(b"ask"));
            asks += usize::from(old);
            assert_eq!(holds_ask(b), old, "{p}");
        }
        assert!(asks > 20, "{asks}");
    }

    /// The window of [`frame_tail`] (its first 120 characters), its word "that" (and
    /// [`holds_that`]) and its first colon or comma are what the searches by character found,
    /// from every space of every line of the corpus and at the edges.
    #[test]
    fn tail_window_as_before() {
        let texts = crate::test_support::corpus_texts();
        let mut tails: Vec<&str> = texts
            .iter()
            .flat_map(|t| t.lines())
            .flat_map(|line| line.match_indices(' ').map(move |(i, _)| &line[i..]))
            .collect();
        tails.extend([
            "",
            "that",
            " THAT: x",
            "thatch, that",
            "tha",
            "“é” — that’s it, that",
            "日本語の文章 that",
            "hat THAT",
            "h",
            "Tha",
            "thaT",
        ]);
        let a = |n: usize| "a".repeat(n);
        let edges = [
            a(119),
            a(120),
            a(121),
            a(119) + "é",
            a(120) + "é",
            a(118) + "é" + &a(5),
            "é".to_string() + &a(130),
            "“".repeat(130),
            "“".repeat(119),
            "é".repeat(50) + &a(100),
            a(100) + &"日本".repeat(20),
            a(60) + &"𝄞".repeat(59) + "é",
        ];
        tails.extend(edges.iter().map(String::as_str));
        let mut found = 0;
        for tail in tails {
            let window = &tail[..char_prefix_len(tail, 120)];
            let old = tail
                .char_indices()
                .nth(120)
                .map_or(tail, |(i, _)| &tail[..i]);
            assert_eq!(window, old);
            let holds = window
                .as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"that"));
            assert_eq!(holds_that(window), holds, "{window}");
            let that =
                crate::grammar::words::words(window).find(|(_, w)| w.eq_ignore_ascii_case("that"));
            if that.is_some() {
                found += 1;
                assert!(holds_that(window), "{window}");
            }
            assert_eq!(
                memchr::memchr2(b':', b',', window.as_bytes()),
                window.find([':', ','])
            );
        }
        assert!(found > 100, "{found}");
    }

    /// [`is_adjunct_chain`] as it was, lower-casing its first words into new strings and
    /// searching the curly quotation marks by character: the oracle of the test below.
    fn is_adjunct_chain_before(s: &str) -> bool {
        let s = s.trim();
        if s.is_empty() {
            return true;
        }
        if s.bytes()
            .any(|b| matches!(b, b'"' | b'.' | b';' | b'(' | b')'))
            || s.contains(['“', '”'])
            || s.split_whitespace().nth(14).is_some()
        {
            return false;
        }
        if let Some(i) = memchr::memmem::find(s.as_bytes(), b" and ")
            .or_else(|| memchr::memmem::find(s.as_bytes(), b" but "))
            && s[i..]
                .split_whitespace()
                .any(crate::grammar::cue::is_past_form)
        {
            return false;
        }
        let mut words = s
            .split_whitespace()
            .map(|w| w.trim_end_matches(',').to_ascii_lowercase());
        let first = words.next().unwrap_or_default();
        let second = words.next().unwrap_or_default();
        let infinitive = first == "to"
            && !second.is_empty()
            && !lexicon::is_determiner(&second)
            && !lexicon::is_person_noun(&second)
            && !s
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        (ADJUNCT_PREPOSITIONS.contains(&first.as_str()) && !infinitive)
            || ADJUNCT_ADVERBS.contains(&first.as_str())
            || lexicon::is_weekday(&first)
            || (TIME_STARTERS.contains(&first.as_str())
                && (TIME_WORDS.contains(&second.as_str()) || lexicon::is_weekday(&second)))
    }

    /// [`is_adjunct_chain`] answers as it did on the words before every comma, colon and
    /// "that" of every line of the corpus, each of their prefixes at a space, and edge cases
    /// in odd cases; so does [`has_more_words_than`] for the counts of words the attribution
    /// asks about, where `split_whitespace().count()` was compared with them.
    #[test]
    fn adjunct_chains_as_before() {
        let texts = crate::test_support::corpus_texts();
        let mut pieces: Vec<&str> = Vec::new();
        for line in texts.iter().flat_map(|t| t.lines()) {
            for (i, _) in line.match_indices([',', ':', ' ']) {
                pieces.push(&line[..i]);
                pieces.push(&line[i..]);
            }
        }
        pieces.extend([
            "",
            "ON Tuesday",
            "To Reporters",
            "to the 10-Year-Olds",
            "to 10-Year-Olds",
            "LAST Week",
            "this MONDAY",
            "in a “statement",
            "in a ”statement",
            "Again, “",
            "in the (x)",
            "at the rally and said",
            "at the rally but said",
            "at the rally but said and spoke",
            "at the rally but and said",
            "on Monday but  and said",
            "and said",
            " and said",
            "in a one two three four five six seven eight nine ten eleven twelve thirteen “",
            "in a one two three four five six seven eight nine ten eleven twelve thirteen",
            "in\u{a0}a one two three four five six seven eight nine ten eleven twelve \u{2003}",
            " \u{3000}in a\tone\ntwo three four five six seven eight nine ten eleven twelve é ",
            "in\ta\x0Bb\x0Cc\rd\ne\x1Cf\x1Fg\x08h\x0Ei  j k l m n o p q r s t u v w x y z",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z \u{a0}\u{85}x",
            "abcdefgh ijklmnop qrstuvwx yzabcdef\t\t\t\t\t\t\t\tghijklmn opqrstuv wxyzabcd e",
            "a       b       c       d       e       f       g       h       i       j       k",
            "x\u{a0}a b c d e f g h i j k l m n o p",
        ]);
        let mut chains = 0;
        for p in pieces {
            for n in [0, 1, 2, 3, 4, 7, 8, 9, 12, 14, 25] {
                let more = p.split_whitespace().nth(n).is_some();
                assert_eq!(has_more_words_than(p, n), more, "{p}");
            }
            let old = is_adjunct_chain_before(p);
            chains += usize::from(old);
            assert_eq!(is_adjunct_chain(p), old, "{p}");
        }
        assert!(chains > 100, "{chains}");
    }

    /// [`later_participle`] as it was, the cue grammar run at every word after a comma: the
    /// oracle of the test below.
    fn later_participle_before(
        text: &str,
        range: Range<usize>,
        qs: &[&QuotedSpan],
    ) -> Option<(Cue, Range<usize>)> {
        participle_where(text, range, qs, |_, _| true)
    }

    /// [`gerund_clause`] and [`later_participle`], which run the cue grammar only where a
    /// gerund of speech may start, find what they found when they ran it everywhere: from
    /// every word of every line of the corpus to the end of the line (and, for the clause, to
    /// the end of the text), with the text's quotations, and on made-up lines.
    #[test]
    fn gerund_clauses_as_before() {
        let texts = crate::test_support::corpus_texts_and(&[
            "\"We won,\" he said, adding that the vote was fair.",
            "He said the plan would work, also adding that it was cheap, before writing that x y.",
            "\"Q,\" said Smith at the time, saying that it was over. Then, noting that it was late, he left.",
            "She spoke, after tweeting that the race was over, and left, later posting a photo of it.",
            "Adding that, Writing this, ADDING THAT it was x, loudly adding that it was y",
        ]);
        let (mut clauses, mut later) = (0, 0);
        for t in &texts {
            let quotes = crate::grammar::spans::find_quotes(t, &[]);
            let qs: Vec<&QuotedSpan> = quotes.iter().filter(|q| q.depth == 0).collect();
            let mut at = 0;
            for line in t.split_inclusive('\n') {
                let end = at + line.trim_end().len();
                let starts = std::iter::once(at).chain(
                    line.match_indices([' ', ','])
                        .map(|(i, _)| at + i + 1)
                        .filter(|&i| i <= end),
                );
                for start in starts {
                    for limit in [end, t.len()] {
                        let old = clause_of_gerund_at(t, start, limit, &qs);
                        clauses += usize::from(old.is_some());
                        assert_eq!(gerund_clause(t, start, limit, &qs), old, "{}", &t[start..]);
                    }
                    let old = later_participle_before(t, start..end, &qs);
                    later += usize::from(old.is_some());
                    let new = later_participle(t, start..end, &qs);
                    assert_eq!(new, old, "{}", &t[start..end]);
                }
                at += line.len();
            }
        }
        assert!(clauses > 10 && later > 10, "{clauses} {later}");
    }

    /// [`trim_range`] as it was, a loop of pattern searchers: the oracle of the test below.
    fn trim_range_before(text: &str, r: Range<usize>, trailing: &[char]) -> Range<usize> {
        if r.start >= r.end {
            return r.start..r.start;
        }
        let s = &text[r.clone()];
        let t = s.trim_start();
        let lead = s.len() - t.len();
        let mut t = t.trim_end();
        loop {
            let u = t.trim_end_matches(trailing).trim_end();
            let u = u.strip_suffix("--").unwrap_or(u).trim_end();
            if u.len() == t.len() {
                break;
            }
            t = u;
        }
        r.start + lead..r.start + lead + t.len()
    }

    /// [`trim_range`] trims what it did, with each set of trailing characters the attribution
    /// passes, from every line of the corpus and made-up lines to every punctuation mark,
    /// hyphen and space of them (and just after it).
    #[test]
    fn trimmed_ranges_as_before() {
        let texts = crate::test_support::corpus_texts_and(&[
            "x --- ,-- — – ; . ,,--  \u{a0}-- -,- --,",
            " \u{3000}said -- , \u{2003}—\t--\u{85}",
            "-- ---- - -- ,",
        ]);
        let sets: [&[char]; 5] = [
            &[',', '—', '–'],
            &[',', ';', '—', '–'],
            &[',', ';'],
            &[',', '.'],
            &[],
        ];
        let mut trimmed = 0;
        for t in &texts {
            let mut at = 0;
            for line in t.split_inclusive('\n') {
                let ends = line
                    .char_indices()
                    .filter(|(_, c)| c.is_whitespace() || c.is_ascii_punctuation() || *c > '\u{7f}')
                    .flat_map(|(i, c)| [at + i, at + i + c.len_utf8()]);
                for end in ends {
                    for start in [at, at + 1, end.saturating_sub(3)] {
                        if start > end || !t.is_char_boundary(start) {
                            continue;
                        }
                        for set in sets {
                            let old = trim_range_before(t, start..end, set);
                            trimmed += usize::from(old.end < end);
                            assert_eq!(trim_range(t, start..end, set), old, "{:?}", &t[start..end]);
                        }
                    }
                }
                at += line.len();
            }
        }
        assert!(trimmed > 1000, "{trimmed}");
    }
}
