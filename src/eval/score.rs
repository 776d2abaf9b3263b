//! The scorer of METRICS.md: coverage, greedy matching, TP/FP/FN and the accuracies of the
//! matched pairs, for one document at a time.
//!
//! Choices where METRICS.md leaves room, fixed here so that the numbers are reproducible:
//!
//! - **"above the threshold" is strict**: a gold quote is matched when the best coverage is
//!   `> threshold`; a coverage of exactly 0.3 (or 0.8) does not match at that threshold.
//!   Coverage is compared as the `f64` quotient of two character counts, which is exact at
//!   the thresholds (3/10 and 0.3 are the same double).
//! - **Text order** of gold quotes: by their first content character (the smallest start of
//!   their spans), then their last, then the order of the gold file.
//! - **Ties**: among unused predictions with the same highest coverage, the one that comes
//!   first in text order (smallest `quote_start`, then `quote_end`, then table order) is taken.
//! - **Gold content** is the union of its spans; a gold quote without any content character
//!   has coverage 0 with everything and is a false negative.
//! - **Speaker mention / cue**: "overlaps" means sharing at least one character; a prediction
//!   without a speaker (cue) span is wrong. Only gold quotes with a non-empty speaker (cue)
//!   span are counted.
//! - **Speaker name**: counted over matched gold quotes with a non-blank `speaker_name`;
//!   compared by [`names_match`]; a prediction without a name is wrong.
//! - **Direct subset**: gold quotes with `direct = true`, and predictions whose span holds a
//!   quotation mark in the document text ([`CharText::has_quotation_mark`]; apostrophes
//!   between two letters do not count). Each subset is matched on its own.

use serde::Serialize;

use crate::eval::gold::{GoldDoc, GoldQuote, Span};
use crate::eval::names::names_match;
use crate::eval::predictions::Prediction;
use crate::eval::report::{
    ErrorRecord, FalseNegative, FalsePositive, GoldRef, PredictionRef, SpanText, WrongName,
    WrongPart,
};
use crate::eval::text::CharText;

/// The coverage thresholds of METRICS.md.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// The threshold at which `--errors` lists the errors.
pub const ERRORS_THRESHOLD: f64 = 0.3;

/// How many characters of context the error records give on each side.
pub const CONTEXT_CHARS: usize = 100;

/// Which gold quotes and predictions are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subset {
    /// Every gold quote and every prediction.
    All,
    /// Gold quotes with `direct = true`; predictions whose span holds a quotation mark.
    Direct,
}

impl Subset {
    /// Both subsets, in report order.
    pub const BOTH: [Subset; 2] = [Subset::All, Subset::Direct];

    /// `all` or `direct`.
    pub fn name(self) -> &'static str {
        match self {
            Subset::All => "all",
            Subset::Direct => "direct",
        }
    }
}

/// Correct answers out of the cases counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Correct cases.
    pub correct: usize,
    /// Cases counted.
    pub total: usize,
}

impl Tally {
    /// `correct / total`, or `None` when nothing was counted.
    pub fn accuracy(self) -> Option<f64> {
        (self.total > 0).then(|| self.correct as f64 / self.total as f64)
    }

    fn count(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }

    fn add(&mut self, other: Tally) {
        self.correct += other.correct;
        self.total += other.total;
    }
}

/// The counts of one subset at one threshold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched gold quotes.
    pub true_positives: usize,
    /// Unmatched predictions.
    pub false_positives: usize,
    /// Unmatched gold quotes.
    pub false_negatives: usize,
    /// Speaker mention accuracy over matched gold quotes with a speaker span.
    pub speaker: Tally,
    /// Speaker name accuracy over matched gold quotes with a speaker name.
    pub name: Tally,
    /// Cue accuracy over matched gold quotes with a cue span.
    pub cue: Tally,
}

impl Counts {
    /// TP / (TP + FP), 0 when there is no prediction.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// TP / (TP + FN), 0 when there is no gold quote.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// The harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another document's counts (micro average).
    pub fn add(&mut self, other: &Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.speaker.add(other.speaker);
        self.name.add(other.name);
        self.cue.add(other.cue);
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// The counts of one document: `[subset][threshold]`, in the order of [`Subset::BOTH`] and
/// [`THRESHOLDS`].
pub type DocCounts = [[Counts; THRESHOLDS.len()]; 2];

/// coverage(gold, pred) of METRICS.md: the share of the gold content's characters (the
/// union of its spans, given sorted and disjoint by [`crate::eval::gold::union`]) that lie
/// in the predicted span; 0 for a gold quote without content.
pub fn coverage(content_union: &[Span], predicted: Span) -> f64 {
    let total: usize = content_union.iter().map(|s| s.len()).sum();
    if total == 0 {
        return 0.0;
    }
    let covered: usize = content_union
        .iter()
        .map(|s| s.intersection(predicted))
        .sum();
    covered as f64 / total as f64
}

/// The greedy matching of METRICS.md. `golds` are gold indices in text order, `preds`
/// prediction indices in tie-break order, `coverage(g, p)` the coverage of gold `g` by
/// prediction `p`. Returns, for each gold index of `golds` (in that order), the prediction it
/// takes, if any.
pub fn greedy_match(
    golds: &[usize],
    preds: &[usize],
    coverage: impl Fn(usize, usize) -> f64,
    threshold: f64,
) -> Vec<Option<usize>> {
    let mut used = vec![false; preds.len()];
    golds
        .iter()
        .map(|&g| {
            let mut best: Option<(usize, f64)> = None;
            for (k, &p) in preds.iter().enumerate() {
                if used[k] {
                    continue;
                }
                let c = coverage(g, p);
                if best.is_none_or(|(_, b)| c > b) {
                    best = Some((k, c));
                }
            }
            match best {
                Some((k, c)) if c > threshold => {
                    used[k] = true;
                    Some(preds[k])
                }
                _ => None,
            }
        })
        .collect()
}

/// Scores one document: its gold and the predictions for it (in table order). When `errors`
/// is given, the error records at [`ERRORS_THRESHOLD`] of both subsets are pushed to it.
pub fn score_document(
    doc: &GoldDoc,
    preds: &[Prediction],
    mut errors: Option<&mut Vec<ErrorRecord>>,
) -> DocCounts {
    let text = CharText::new(&doc.text);
    let unions: Vec<Vec<Span>> = doc.quotes.iter().map(GoldQuote::content_union).collect();
    let cov: Vec<Vec<f64>> = unions
        .iter()
        .map(|u| preds.iter().map(|p| coverage(u, p.span())).collect())
        .collect();
    let pred_direct: Vec<bool> = preds
        .iter()
        .map(|p| text.has_quotation_mark(p.quote_start, p.quote_end))
        .collect();

    let mut gold_order: Vec<usize> = (0..doc.quotes.len()).collect();
    gold_order.sort_by_key(|&g| doc.quotes[g].position());
    let mut pred_order: Vec<usize> = (0..preds.len()).collect();
    pred_order.sort_by_key(|&p| (preds[p].quote_start, preds[p].quote_end));

    let mut out = DocCounts::default();
    for (s, subset) in Subset::BOTH.into_iter().enumerate() {
        let (golds, subset_preds): (Vec<usize>, Vec<usize>) = match subset {
            Subset::All => (gold_order.clone(), pred_order.clone()),
            Subset::Direct => (
                gold_order
                    .iter()
                    .copied()
                    .filter(|&g| doc.quotes[g].direct)
                    .collect(),
                pred_order
                    .iter()
                    .copied()
                    .filter(|&p| pred_direct[p])
                    .collect(),
            ),
        };
        for (t, &threshold) in THRESHOLDS.iter().enumerate() {
            let matches = greedy_match(&golds, &subset_preds, |g, p| cov[g][p], threshold);
            let counts = &mut out[s][t];
            let mut taken = vec![None; preds.len()];
            for (&g, m) in golds.iter().zip(&matches) {
                let Some(p) = *m else {
                    counts.false_negatives += 1;
                    continue;
                };
                taken[p] = Some(g);
                counts.true_positives += 1;
                let checks = check_pair(&doc.quotes[g], &preds[p]);
                if let Some(ok) = checks.speaker {
                    counts.speaker.count(ok);
                }
                if let Some(ok) = checks.name {
                    counts.name.count(ok);
                }
                if let Some(ok) = checks.cue {
                    counts.cue.count(ok);
                }
            }
            counts.false_positives = subset_preds.len() - counts.true_positives;

            if threshold == ERRORS_THRESHOLD
                && let Some(errors) = errors.as_deref_mut()
            {
                let ctx = ErrorContext {
                    subset,
                    doc,
                    preds,
                    text: &text,
                    cov: &cov,
                    pred_direct: &pred_direct,
                    taken: &taken,
                };
                ctx.records(&golds, &matches, &subset_preds, errors);
            }
        }
    }
    out
}

/// What is right about a matched pair; `None` where the gold quote does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PairChecks {
    speaker: Option<bool>,
    name: Option<bool>,
    cue: Option<bool>,
}

fn check_pair(gold: &GoldQuote, pred: &Prediction) -> PairChecks {
    let overlaps = |gold: &[Span], pred: Option<Span>| {
        pred.is_some_and(|p| gold.iter().any(|g| g.overlaps(p)))
    };
    PairChecks {
        speaker: gold
            .has_speaker_span()
            .then(|| overlaps(&gold.speaker, pred.speaker_span())),
        name: gold.speaker_name.as_deref().map(|name| {
            pred.speaker_name
                .as_deref()
                .is_some_and(|p| names_match(name, p))
        }),
        cue: gold
            .has_cue_span()
            .then(|| overlaps(&gold.cue, pred.cue_span())),
    }
}

/// What the error records of one document and subset are made from.
struct ErrorContext<'a> {
    subset: Subset,
    doc: &'a GoldDoc,
    preds: &'a [Prediction],
    text: &'a CharText<'a>,
    cov: &'a [Vec<f64>],
    pred_direct: &'a [bool],
    /// For each prediction, the gold quote that took it.
    taken: &'a [Option<usize>],
}

impl ErrorContext<'_> {
    /// Pushes the records of this subset, in text order: false negatives and wrong parts by
    /// their gold quote, false positives by their span.
    fn records(
        &self,
        golds: &[usize],
        matches: &[Option<usize>],
        subset_preds: &[usize],
        out: &mut Vec<ErrorRecord>,
    ) {
        let mut records: Vec<((usize, usize), ErrorRecord)> = Vec::new();
        for (&g, m) in golds.iter().zip(matches) {
            let pos = self.doc.quotes[g].position();
            match *m {
                None => records.push((pos, self.false_negative(g))),
                Some(p) => {
                    for record in self.wrong_parts(g, p) {
                        records.push((pos, record));
                    }
                }
            }
        }
        for &p in subset_preds {
            if self.taken[p].is_none() {
                let pos = (self.preds[p].quote_start, self.preds[p].quote_end);
                records.push((pos, self.false_positive(p)));
            }
        }
        records.sort_by_key(|(pos, _)| *pos);
        out.extend(records.into_iter().map(|(_, r)| r));
    }

    fn span_texts(&self, spans: &[Span]) -> Vec<SpanText> {
        spans
            .iter()
            .map(|s| SpanText {
                start: s.start,
                end: s.end,
                text: self.text.slice(s.start, s.end).to_string(),
            })
            .collect()
    }

    fn joined(&self, spans: &[Span]) -> Option<String> {
        let parts: Vec<&str> = spans
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| self.text.slice(s.start, s.end))
            .collect();
        (!parts.is_empty()).then(|| parts.join(crate::PART_SEPARATOR))
    }

    fn span_text(&self, span: Option<Span>) -> Option<SpanText> {
        span.map(|s| SpanText {
            start: s.start,
            end: s.end,
            text: self.text.slice(s.start, s.end).to_string(),
        })
    }

    fn false_negative(&self, g: usize) -> ErrorRecord {
        let q = &self.doc.quotes[g];
        let (start, end) = q.position();
        // The prediction that covers the most of it, among all predictions of the document.
        let mut best: Option<(usize, f64)> = None;
        let mut order: Vec<usize> = (0..self.preds.len()).collect();
        order.sort_by_key(|&p| (self.preds[p].quote_start, self.preds[p].quote_end));
        for p in order {
            let c = self.cov[g][p];
            if c > 0.0 && best.is_none_or(|(_, b)| c > b) {
                best = Some((p, c));
            }
        }
        let best_prediction = best.map(|(p, c)| {
            let pred = &self.preds[p];
            PredictionRef {
                start: pred.quote_start,
                end: pred.quote_end,
                text: self
                    .text
                    .slice(pred.quote_start, pred.quote_end)
                    .to_string(),
                coverage: c,
                in_subset: self.subset == Subset::All || self.pred_direct[p],
                taken: self.taken[p].is_some(),
                kind: pred.kind.clone(),
                speaker: pred.speaker.clone(),
                speaker_name: pred.speaker_name.clone(),
                cue: pred.cue.clone(),
            }
        });
        ErrorRecord::FalseNegative(FalseNegative {
            subset: self.subset,
            doc: self.doc.id.clone(),
            start,
            end,
            spans: q.content.clone(),
            text: self.joined(&q.content).unwrap_or_default(),
            direct: q.direct,
            speaker: self.joined(&q.speaker),
            speaker_name: q.speaker_name.clone(),
            cue: self.joined(&q.cue),
            context_before: self.text.before(start, CONTEXT_CHARS).to_string(),
            context_after: self.text.after(end, CONTEXT_CHARS).to_string(),
            best_prediction,
        })
    }

    fn false_positive(&self, p: usize) -> ErrorRecord {
        let pred = &self.preds[p];
        let mut best: Option<(usize, f64)> = None;
        for (g, row) in self.cov.iter().enumerate() {
            let c = row[p];
            if c > 0.0 && best.is_none_or(|(_, b)| c > b) {
                best = Some((g, c));
            }
        }
        let best_gold = best.map(|(g, c)| {
            let q = &self.doc.quotes[g];
            let (start, end) = q.position();
            GoldRef {
                start,
                end,
                spans: q.content.clone(),
                text: self.joined(&q.content).unwrap_or_default(),
                coverage: c,
                direct: q.direct,
                in_subset: self.subset == Subset::All || q.direct,
                matched: self.taken.contains(&Some(g)),
                speaker: self.joined(&q.speaker),
                cue: self.joined(&q.cue),
            }
        });
        ErrorRecord::FalsePositive(FalsePositive {
            subset: self.subset,
            doc: self.doc.id.clone(),
            start: pred.quote_start,
            end: pred.quote_end,
            text: self
                .text
                .slice(pred.quote_start, pred.quote_end)
                .to_string(),
            quote_kind: pred.kind.clone(),
            speaker: self.span_text(pred.speaker_span()),
            speaker_name: pred.speaker_name.clone(),
            cue: self.span_text(pred.cue_span()),
            context_before: self
                .text
                .before(pred.quote_start, CONTEXT_CHARS)
                .to_string(),
            context_after: self.text.after(pred.quote_end, CONTEXT_CHARS).to_string(),
            best_gold,
        })
    }

    fn wrong_parts(&self, g: usize, p: usize) -> Vec<ErrorRecord> {
        let q = &self.doc.quotes[g];
        let pred = &self.preds[p];
        let checks = check_pair(q, pred);
        let (start, end) = q.position();
        let part = |gold: &[Span], predicted: Option<Span>| WrongPart {
            subset: self.subset,
            doc: self.doc.id.clone(),
            start,
            end,
            text: self.joined(&q.content).unwrap_or_default(),
            coverage: self.cov[g][p],
            gold: self.span_texts(gold),
            predicted: self.span_text(predicted),
            context_before: self.text.before(start, CONTEXT_CHARS).to_string(),
            context_after: self.text.after(end, CONTEXT_CHARS).to_string(),
        };
        let mut out = Vec::new();
        if checks.speaker == Some(false) {
            out.push(ErrorRecord::WrongSpeaker(part(
                &q.speaker,
                pred.speaker_span(),
            )));
        }
        if checks.name == Some(false) {
            out.push(ErrorRecord::WrongName(WrongName {
                subset: self.subset,
                doc: self.doc.id.clone(),
                start,
                end,
                text: self.joined(&q.content).unwrap_or_default(),
                coverage: self.cov[g][p],
                gold: q.speaker_name.clone().unwrap_or_default(),
                predicted: pred.speaker_name.clone(),
                gold_speaker: self.joined(&q.speaker),
                predicted_speaker: self.span_text(pred.speaker_span()),
            }));
        }
        if checks.cue == Some(false) {
            out.push(ErrorRecord::WrongCue(part(&q.cue, pred.cue_span())));
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::eval::gold::union;

    /// A gold quote with the given content spans; not direct, no speaker, name or cue.
    pub(crate) fn gold(content: &[(usize, usize)]) -> GoldQuote {
        GoldQuote {
            content: spans(content),
            direct: false,
            speaker: Vec::new(),
            speaker_name: None,
            cue: Vec::new(),
        }
    }

    pub(crate) fn spans(list: &[(usize, usize)]) -> Vec<Span> {
        list.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    /// A prediction of `start..end` for document `d`, nothing else.
    pub(crate) fn pred(start: usize, end: usize) -> Prediction {
        Prediction {
            doc: "d".into(),
            quote_start: start,
            quote_end: end,
            quote: None,
            kind: None,
            speaker: None,
            speaker_name: None,
            cue: None,
            speaker_start: None,
            speaker_end: None,
            cue_start: None,
            cue_end: None,
        }
    }

    pub(crate) fn doc(text: &str, quotes: Vec<GoldQuote>) -> GoldDoc {
        let mut d = GoldDoc {
            id: "d".into(),
            text: text.into(),
            publisher: None,
            title: None,
            quotes,
        };
        d.sort_quotes();
        d
    }

    /// (TP, FP, FN) of a subset at a threshold.
    fn tfn(c: &DocCounts, subset: Subset, threshold: f64) -> (usize, usize, usize) {
        let s = Subset::BOTH.iter().position(|&x| x == subset).unwrap();
        let t = THRESHOLDS.iter().position(|&x| x == threshold).unwrap();
        let c = &c[s][t];
        (c.true_positives, c.false_positives, c.false_negatives)
    }

    fn counts(c: &DocCounts, subset: Subset, threshold: f64) -> Counts {
        let s = Subset::BOTH.iter().position(|&x| x == subset).unwrap();
        let t = THRESHOLDS.iter().position(|&x| x == threshold).unwrap();
        c[s][t]
    }

    #[test]
    fn coverage_of_multi_span_content() {
        // Content 0..10 and 20..30: 20 characters. The prediction 5..25 holds 5..10 and
        // 20..25: 10 of them, 0.5.
        let u = union(&spans(&[(20, 30), (0, 10)]));
        assert_eq!(coverage(&u, Span::new(5, 25)), 0.5);
        // The gap between the spans does not count: 10..20 covers nothing.
        assert_eq!(coverage(&u, Span::new(10, 20)), 0.0);
        // Overlapping spans 0..10 and 5..15 are 15 characters; 0..6 covers 6: 0.4.
        let u = union(&spans(&[(0, 10), (5, 15)]));
        assert_eq!(coverage(&u, Span::new(0, 6)), 0.4);
        // No content: coverage 0.
        assert_eq!(coverage(&[], Span::new(0, 6)), 0.0);
    }

    #[test]
    fn a_multi_span_gold_is_matched_by_its_union() {
        // Gold content 0..10 + 20..30 (20 chars). A prediction 0..30 covers all of it (1.0,
        // TP at both thresholds); a prediction 0..10 alone covers half (0.5: TP at 0.3 only).
        let text = "x".repeat(40);
        let d = doc(&text, vec![gold(&[(20, 30), (0, 10)])]);
        let c = score_document(&d, &[pred(0, 30)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (1, 0, 0));
        assert_eq!(tfn(&c, Subset::All, 0.8), (1, 0, 0));
        let c = score_document(&d, &[pred(0, 10)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (1, 0, 0));
        assert_eq!(tfn(&c, Subset::All, 0.8), (0, 1, 1));
    }

    #[test]
    fn thresholds_are_strict() {
        // Gold 0..10 (10 characters); predictions 0..k cover k/10.
        let text = "x".repeat(20);
        let d = doc(&text, vec![gold(&[(0, 10)])]);
        let at = |k: usize| {
            let c = score_document(&d, &[pred(0, k)], None);
            (tfn(&c, Subset::All, 0.3), tfn(&c, Subset::All, 0.8))
        };
        let hit = (1, 0, 0);
        let miss = (0, 1, 1);
        // 0.3 is not above 0.3.
        assert_eq!(at(3), (miss, miss));
        assert_eq!(at(4), (hit, miss));
        // 0.8 is not above 0.8.
        assert_eq!(at(8), (hit, miss));
        assert_eq!(at(9), (hit, hit));
        // 0.3 exactly from another fraction: 9 of 30 characters.
        let text = "x".repeat(40);
        let d = doc(&text, vec![gold(&[(0, 30)])]);
        let c = score_document(&d, &[pred(21, 35)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), miss);
        // 24 of 30 is 0.8 exactly.
        let c = score_document(&d, &[pred(6, 40)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), hit);
        assert_eq!(tfn(&c, Subset::All, 0.8), miss);
    }

    #[test]
    fn a_prediction_covering_two_golds_is_taken_once() {
        // Golds A 0..10 and B 12..20 (8 chars). P 0..20 covers both fully; Q 12..16 covers
        // half of B. A comes first and takes P (1.0); B's best unused is Q (0.5): matched at
        // 0.3 (TP 2), not at 0.8 (A matched, B missed, Q unused: TP 1, FP 1, FN 1).
        let text = "x".repeat(30);
        let d = doc(&text, vec![gold(&[(12, 20)]), gold(&[(0, 10)])]);
        let c = score_document(&d, &[pred(12, 16), pred(0, 20)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (2, 0, 0));
        assert_eq!(tfn(&c, Subset::All, 0.8), (1, 1, 1));
        // Without Q, B has nothing left: FN at both thresholds.
        let c = score_document(&d, &[pred(0, 20)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (1, 0, 1));
    }

    #[test]
    fn greedy_in_text_order_not_optimal() {
        // A 0..10 and B 10..20; P 0..20 covers each fully, Q 5..15 half of each. In text
        // order A takes P (1.0 > 0.5) and B is left with Q (0.5): a match at 0.3; at 0.8,
        // TP 1 (A), FP 1 (Q), FN 1 (B).
        let text = "x".repeat(30);
        let d = doc(&text, vec![gold(&[(0, 10)]), gold(&[(10, 20)])]);
        let c = score_document(&d, &[pred(5, 15), pred(0, 20)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (2, 0, 0));
        assert_eq!(tfn(&c, Subset::All, 0.8), (1, 1, 1));
    }

    #[test]
    fn coverage_ties_go_to_the_prediction_first_in_text_order() {
        // Gold 10..20; P1 5..25 and P2 10..30 both cover it fully. P1 starts first and is
        // taken, whatever the table order; P2 is the false positive.
        let text = "x".repeat(40);
        let d = doc(&text, vec![gold(&[(10, 20)])]);
        for preds in [
            vec![pred(10, 30), pred(5, 25)],
            vec![pred(5, 25), pred(10, 30)],
        ] {
            let mut errors = Vec::new();
            let c = score_document(&d, &preds, Some(&mut errors));
            assert_eq!(tfn(&c, Subset::All, 0.3), (1, 1, 0));
            let fp: Vec<(usize, usize)> = errors
                .iter()
                .filter_map(|e| match e {
                    ErrorRecord::FalsePositive(r) if r.subset == Subset::All => {
                        Some((r.start, r.end))
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(fp, [(10, 30)]);
        }
        // Same start: the shorter one first.
        let c = greedy_match(&[0], &[1, 0], |_, _| 1.0, 0.3);
        assert_eq!(c, [Some(1)]);
    }

    #[test]
    fn the_direct_subset_filters_both_sides() {
        //           0         1         2         3         4
        //           0123456789012345678901234567890123456789012345678
        let text = "He said \"yes\" loudly. She said don't worry now.";
        let mut yes = gold(&[(8, 13)]);
        yes.direct = true;
        let dont = gold(&[(31, 42)]);
        let d = doc(text, vec![yes, dont]);
        // P1 is "\"yes\"" (a quotation mark); P2 "don't worry" holds only an apostrophe
        // between two letters: not in the direct subset.
        let preds = [pred(8, 13), pred(31, 42)];
        let c = score_document(&d, &preds, None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (2, 0, 0));
        // direct: gold {yes}, predictions {P1}.
        assert_eq!(tfn(&c, Subset::Direct, 0.3), (1, 0, 0));
        assert_eq!(tfn(&c, Subset::Direct, 0.8), (1, 0, 0));
        // Only P2: all matches "don't worry" and misses "yes"; direct has no prediction.
        let c = score_document(&d, &preds[1..], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (1, 0, 1));
        assert_eq!(tfn(&c, Subset::Direct, 0.3), (0, 0, 1));
    }

    #[test]
    fn a_direct_gold_matched_by_a_prediction_without_marks_is_missed_in_direct() {
        //           0         1         2
        //           01234567890123456789012345
        let text = "Ann said the \"plan\" works.";
        // Content "the \"plan\" works" 9..25, 16 characters, direct.
        let mut q = gold(&[(9, 25)]);
        q.direct = true;
        let d = doc(text, vec![q]);
        // The prediction "works" 20..25 covers 5/16 = 0.3125 > 0.3 and holds no mark.
        let c = score_document(&d, &[pred(20, 25)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (1, 0, 0));
        assert_eq!(tfn(&c, Subset::All, 0.8), (0, 1, 1));
        assert_eq!(tfn(&c, Subset::Direct, 0.3), (0, 0, 1));
    }

    #[test]
    fn empty_documents_and_documents_without_gold() {
        let d = doc("", Vec::new());
        let c = score_document(&d, &[], None);
        assert_eq!(c, DocCounts::default());
        let empty = Counts::default();
        assert_eq!(
            (empty.precision(), empty.recall(), empty.f1()),
            (0.0, 0.0, 0.0)
        );
        // Predictions but no gold: every prediction is a false positive, in both subsets
        // for the one with a quotation mark.
        let d = doc("\"Hi,\" she said. Bye.", Vec::new());
        let c = score_document(&d, &[pred(0, 5), pred(16, 20)], None);
        assert_eq!(tfn(&c, Subset::All, 0.3), (0, 2, 0));
        assert_eq!(tfn(&c, Subset::Direct, 0.8), (0, 1, 0));
    }

    #[test]
    fn accuracies_of_matched_pairs() {
        //           0         1         2         3         4         5         6
        //           0123456789012345678901234567890123456789012345678901234567890123456
        let text = "\"We win,\" Mr. Rex Tillerson said. \"Yes,\" Lonechild added. \"No.\" X.";
        let mut a = gold(&[(0, 9)]);
        a.speaker = spans(&[(14, 27)]);
        a.speaker_name = Some("Rex Tillerson".into());
        a.cue = spans(&[(28, 32)]);
        let mut b = gold(&[(34, 40)]);
        b.speaker = spans(&[(41, 50)]);
        b.speaker_name = Some("Darian Lonechild".into());
        b.cue = spans(&[(51, 56)]);
        // No speaker span, no name, no cue: counts for none of the accuracies.
        let c_quote = gold(&[(58, 63)]);
        let d = doc(text, vec![a, b, c_quote]);

        // A: speaker 10..17 "Mr. Rex" overlaps 14..27 (right); name "Mr. Rex Tillerson"
        // (right); cue 33..34 does not overlap 28..32 (wrong).
        let mut pa = pred(0, 9);
        (pa.speaker_start, pa.speaker_end) = (Some(10), Some(17));
        pa.speaker_name = Some("Mr. Rex Tillerson".into());
        (pa.cue_start, pa.cue_end) = (Some(33), Some(34));
        // B: speaker 41..50 (right); name "Lonechild" (wrong: not the full name); cue 51..53
        // (right).
        let mut pb = pred(34, 40);
        (pb.speaker_start, pb.speaker_end) = (Some(41), Some(50));
        pb.speaker_name = Some("Lonechild".into());
        (pb.cue_start, pb.cue_end) = (Some(51), Some(53));
        // C: matched, with a speaker and a cue that nothing counts.
        let mut pc = pred(58, 63);
        (pc.speaker_start, pc.speaker_end) = (Some(0), Some(3));
        let mut errors = Vec::new();
        let c = score_document(&d, &[pa, pb, pc], Some(&mut errors));
        let all = counts(&c, Subset::All, 0.3);
        assert_eq!(
            (all.true_positives, all.false_positives, all.false_negatives),
            (3, 0, 0)
        );
        assert_eq!(
            all.speaker,
            Tally {
                correct: 2,
                total: 2
            }
        );
        assert_eq!(
            all.name,
            Tally {
                correct: 1,
                total: 2
            }
        );
        assert_eq!(
            all.cue,
            Tally {
                correct: 1,
                total: 2
            }
        );
        // All three hold quotation marks and are not direct in the gold: the direct subset
        // has three false positives.
        assert_eq!(tfn(&c, Subset::Direct, 0.3), (0, 3, 0));

        // The error records of subset all: A's wrong cue, B's wrong name.
        let kinds: Vec<&str> = errors
            .iter()
            .filter_map(|e| match e {
                ErrorRecord::WrongCue(r) if r.subset == Subset::All => Some("cue"),
                ErrorRecord::WrongName(r) if r.subset == Subset::All => Some("name"),
                ErrorRecord::WrongSpeaker(r) if r.subset == Subset::All => Some("speaker"),
                _ => None,
            })
            .collect();
        assert_eq!(kinds, ["cue", "name"]);
        let name = errors
            .iter()
            .find_map(|e| match e {
                ErrorRecord::WrongName(r) => Some(r),
                _ => None,
            })
            .unwrap();
        assert_eq!(name.gold, "Darian Lonechild");
        assert_eq!(name.predicted.as_deref(), Some("Lonechild"));
        assert_eq!(name.gold_speaker.as_deref(), Some("Lonechild"));
    }

    #[test]
    fn error_records_say_what_was_predicted_nearby() {
        //           0         1         2         3
        //           0123456789012345678901234567890123456789
        let text = "Ann said the plan works and the day is long.";
        // Golds A 9..23 "the plan works" (14 chars), B 28..43 "the day is long" (15).
        let d = doc(text, vec![gold(&[(9, 23)]), gold(&[(28, 43)])]);
        // P 13..17 "plan" covers 4/14 of A (0.29); Q 9..43 covers all of both. A takes Q
        // (1.0 > 0.29); B is left with P, which covers none of it: B is missed (its best
        // prediction is Q, taken) and P is a false positive (its best gold is A, matched).
        let mut errors = Vec::new();
        let c = score_document(&d, &[pred(13, 17), pred(9, 43)], Some(&mut errors));
        assert_eq!(tfn(&c, Subset::All, 0.3), (1, 1, 1));
        let all: Vec<&ErrorRecord> = errors
            .iter()
            .filter(|e| match e {
                ErrorRecord::FalseNegative(r) => r.subset == Subset::All,
                ErrorRecord::FalsePositive(r) => r.subset == Subset::All,
                _ => false,
            })
            .collect();
        assert_eq!(all.len(), 2);
        let ErrorRecord::FalsePositive(fp) = all[0] else {
            panic!("{:?}", all[0])
        };
        assert_eq!((fp.start, fp.end, fp.text.as_str()), (13, 17, "plan"));
        assert_eq!(fp.context_before, "Ann said the ");
        assert_eq!(fp.context_after, " works and the day is long.");
        let best = fp.best_gold.as_ref().unwrap();
        assert_eq!((best.start, best.matched), (9, true));
        assert!((best.coverage - 4.0 / 14.0).abs() < 1e-12);
        let ErrorRecord::FalseNegative(fn_) = all[1] else {
            panic!("{:?}", all[1])
        };
        assert_eq!(
            (fn_.start, fn_.end, fn_.text.as_str()),
            (28, 43, "the day is long")
        );
        let best = fn_.best_prediction.as_ref().unwrap();
        assert_eq!(
            (best.start, best.end, best.coverage, best.taken),
            (9, 43, 1.0, true)
        );
        // The records serialize with their kind.
        let line = serde_json::to_value(all[1]).unwrap();
        assert_eq!(line["kind"], "false_negative");
        assert_eq!(line["subset"], "all");
        assert_eq!(line["spans"], serde_json::json!([[28, 43]]));
    }
}
