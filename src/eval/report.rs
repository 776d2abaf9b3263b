//! What an evaluation reports: the rows of METRICS.md, {all, direct} × {0.3, 0.8} (METRICS.md
//! says "eight rows"; the product has four, each with P, R, F1, TP/FP/FN and the three
//! accuracies), as a fixed-width table or one JSON object, and the error records of
//! `--errors`.

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::eval::gold::Span;
use crate::eval::score::{Counts, Subset, THRESHOLDS, Tally};

/// The figures of the whole evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Gold quotes, all of them.
    pub gold_quotes: usize,
    /// Gold quotes with `direct = true`.
    pub gold_direct: usize,
    /// Predictions for gold documents.
    pub predictions: usize,
    /// Predictions for gold documents whose span holds a quotation mark.
    pub predictions_direct: usize,
    /// Predictions whose `doc` is not a gold document (not scored).
    pub ignored_predictions: usize,
    /// The distinct unknown documents of those predictions.
    pub ignored_documents: usize,
    /// The counts, `[subset][threshold]` in the order of [`Subset::BOTH`] and [`THRESHOLDS`].
    pub counts: [[Counts; THRESHOLDS.len()]; 2],
    /// The timing of the analysis, when `eval` analyzed the gold texts itself.
    pub analysis: Option<Timing>,
}

/// How long the analysis of the gold texts took.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Timing {
    /// Documents analyzed.
    pub documents: usize,
    /// Wall time of the analysis alone (reading and scoring excluded), in seconds.
    pub seconds: f64,
    /// Analysis threads.
    pub threads: usize,
}

impl Timing {
    /// Documents per second.
    pub fn docs_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.documents as f64 / self.seconds
        } else {
            f64::INFINITY
        }
    }
}

/// One row of the report, as serialized by `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// `all` or `direct`.
    pub subset: Subset,
    /// The coverage threshold.
    pub threshold: f64,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// True positives (matched gold quotes).
    pub tp: usize,
    /// False positives (unmatched predictions).
    pub fp: usize,
    /// False negatives (unmatched gold quotes).
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Speaker mention accuracy.
    pub speaker: Accuracy,
    /// Speaker name accuracy.
    pub speaker_name: Accuracy,
    /// Cue accuracy.
    pub cue: Accuracy,
}

/// An accuracy with its counts; `accuracy` is `null` when nothing was counted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accuracy {
    /// correct / total.
    pub accuracy: Option<f64>,
    /// Correct cases.
    pub correct: usize,
    /// Cases counted.
    pub total: usize,
}

impl From<Tally> for Accuracy {
    fn from(t: Tally) -> Self {
        Accuracy {
            accuracy: t.accuracy(),
            correct: t.correct,
            total: t.total,
        }
    }
}

/// The whole report as serialized by `--json`.
#[derive(Debug, Clone, Serialize)]
struct JsonReport<'a> {
    documents: usize,
    gold_quotes: usize,
    gold_direct: usize,
    predictions: usize,
    predictions_direct: usize,
    ignored_predictions: usize,
    ignored_documents: usize,
    docs_per_second: Option<f64>,
    analysis: Option<&'a Timing>,
    rows: Vec<Row>,
}

impl Report {
    /// The rows: all@0.3, all@0.8, direct@0.3, direct@0.8.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::with_capacity(4);
        for (s, subset) in Subset::BOTH.into_iter().enumerate() {
            for (t, &threshold) in THRESHOLDS.iter().enumerate() {
                let c = &self.counts[s][t];
                rows.push(Row {
                    subset,
                    threshold,
                    precision: c.precision(),
                    recall: c.recall(),
                    f1: c.f1(),
                    tp: c.true_positives,
                    fp: c.false_positives,
                    fn_: c.false_negatives,
                    speaker: c.speaker.into(),
                    speaker_name: c.name.into(),
                    cue: c.cue.into(),
                });
            }
        }
        rows
    }

    /// Documents per second of the analysis, when `eval` ran it.
    pub fn docs_per_second(&self) -> Option<f64> {
        self.analysis.map(|t| t.docs_per_second())
    }

    /// The report as one JSON object on one line: the totals, `docs_per_second` (`null`
    /// when the predictions were read from a file), `analysis` and the `rows`.
    pub fn to_json(&self) -> String {
        let report = JsonReport {
            documents: self.documents,
            gold_quotes: self.gold_quotes,
            gold_direct: self.gold_direct,
            predictions: self.predictions,
            predictions_direct: self.predictions_direct,
            ignored_predictions: self.ignored_predictions,
            ignored_documents: self.ignored_documents,
            docs_per_second: self.docs_per_second().filter(|d| d.is_finite()),
            analysis: self.analysis.as_ref(),
            rows: self.rows(),
        };
        // Plain numbers and strings (a non-finite float becomes null): cannot fail.
        serde_json::to_string(&report).unwrap_or_default()
    }

    /// The report as a fixed-width table, with a line of totals under it.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<7} {:>4}  {:>6} {:>6} {:>6}  {:>5} {:>5} {:>5}  {:<20} {:<20} cue",
            "subset", "thr", "P", "R", "F1", "TP", "FP", "FN", "speaker", "name"
        );
        for row in self.rows() {
            let _ = writeln!(
                out,
                "{:<7} {:>4.1}  {:>6.3} {:>6.3} {:>6.3}  {:>5} {:>5} {:>5}  {:<20} {:<20} {}",
                row.subset.name(),
                row.threshold,
                row.precision,
                row.recall,
                row.f1,
                row.tp,
                row.fp,
                row.fn_,
                AccuracyCell(row.speaker),
                AccuracyCell(row.speaker_name),
                AccuracyCell(row.cue),
            );
        }
        let _ = writeln!(
            out,
            "\n{}, {} ({} direct), {} ({} with quotation marks)",
            count(self.documents, "document"),
            count(self.gold_quotes, "gold quote"),
            self.gold_direct,
            count(self.predictions, "prediction"),
            self.predictions_direct
        );
        if self.ignored_predictions > 0 {
            let _ = writeln!(
                out,
                "{} for {} not in the gold not scored",
                count(self.ignored_predictions, "prediction"),
                count(self.ignored_documents, "document"),
            );
        }
        if let Some(t) = &self.analysis {
            let _ = writeln!(
                out,
                "analysis: {} in {:.3} s on {} = {:.1} documents/s",
                count(t.documents, "document"),
                t.seconds,
                count(t.threads, "thread"),
                t.docs_per_second()
            );
        }
        out.trim_end().to_string()
    }
}

/// `1 document`, `2 documents`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `0.812 (525/647)`, or `-` when nothing was counted.
struct AccuracyCell(Accuracy);

impl fmt::Display for AccuracyCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cell = match self.0.accuracy {
            Some(a) => format!("{a:.3} ({}/{})", self.0.correct, self.0.total),
            None => "-".to_string(),
        };
        f.pad(&cell)
    }
}

/// One line of the `--errors` file. Every record has `kind`, `subset` and `doc`; offsets are
/// characters of the document text, end exclusive; `context_before`/`context_after` are the
/// up to 100 characters around the record's main span.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorRecord {
    /// A gold quote no prediction matched.
    FalseNegative(FalseNegative),
    /// A prediction that matched no gold quote.
    FalsePositive(FalsePositive),
    /// A matched pair whose predicted speaker mention overlaps no gold speaker span.
    WrongSpeaker(WrongPart),
    /// A matched pair whose predicted speaker name is not the gold name.
    WrongName(WrongName),
    /// A matched pair whose predicted cue overlaps no gold cue span.
    WrongCue(WrongPart),
}

impl ErrorRecord {
    /// The document of the record.
    pub fn doc(&self) -> &str {
        match self {
            ErrorRecord::FalseNegative(r) => &r.doc,
            ErrorRecord::FalsePositive(r) => &r.doc,
            ErrorRecord::WrongSpeaker(r) | ErrorRecord::WrongCue(r) => &r.doc,
            ErrorRecord::WrongName(r) => &r.doc,
        }
    }
}

/// A span with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanText {
    /// Start (characters).
    pub start: usize,
    /// End (characters, exclusive).
    pub end: usize,
    /// The text under the span.
    pub text: String,
}

/// A gold quote that no prediction matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FalseNegative {
    /// The subset it was missed in.
    pub subset: Subset,
    /// The document id.
    pub doc: String,
    /// The first content character.
    pub start: usize,
    /// One past the last content character.
    pub end: usize,
    /// The content spans as annotated.
    pub spans: Vec<Span>,
    /// The content text, the parts of a discontinuous content joined by ` … `.
    pub text: String,
    /// Whether the gold quote is direct.
    pub direct: bool,
    /// The gold speaker mention.
    pub speaker: Option<String>,
    /// The gold speaker name.
    pub speaker_name: Option<String>,
    /// The gold cue.
    pub cue: Option<String>,
    /// Up to 100 characters before `start`.
    pub context_before: String,
    /// Up to 100 characters from `end`.
    pub context_after: String,
    /// The prediction of the document that covers most of it (any subset), if any covers some.
    pub best_prediction: Option<PredictionRef>,
}

/// The prediction closest to a missed gold quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PredictionRef {
    /// Start of its quote span.
    pub start: usize,
    /// End of its quote span.
    pub end: usize,
    /// The document text under its span.
    pub text: String,
    /// The share of the gold content it covers (at most the threshold, or it was taken).
    pub coverage: f64,
    /// Whether it belongs to the subset (for `direct`: whether its span holds a quotation mark).
    pub in_subset: bool,
    /// Whether another gold quote took it.
    pub taken: bool,
    /// Its kind (`direct`, `mixed`, `indirect`).
    pub kind: Option<String>,
    /// Its speaker mention.
    pub speaker: Option<String>,
    /// Its speaker name.
    pub speaker_name: Option<String>,
    /// Its cue.
    pub cue: Option<String>,
}

/// A prediction that matched no gold quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FalsePositive {
    /// The subset it was counted in.
    pub subset: Subset,
    /// The document id.
    pub doc: String,
    /// Start of the quote span.
    pub start: usize,
    /// End of the quote span.
    pub end: usize,
    /// The document text under the span.
    pub text: String,
    /// The predicted kind.
    pub quote_kind: Option<String>,
    /// The predicted speaker mention.
    pub speaker: Option<SpanText>,
    /// The predicted speaker name.
    pub speaker_name: Option<String>,
    /// The predicted cue.
    pub cue: Option<SpanText>,
    /// Up to 100 characters before `start`.
    pub context_before: String,
    /// Up to 100 characters from `end`.
    pub context_after: String,
    /// The gold quote it covers most of (any subset), if it covers some.
    pub best_gold: Option<GoldRef>,
}

/// The gold quote closest to an unmatched prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldRef {
    /// Its first content character.
    pub start: usize,
    /// One past its last content character.
    pub end: usize,
    /// Its content spans.
    pub spans: Vec<Span>,
    /// Its content text.
    pub text: String,
    /// The share of its content the prediction covers.
    pub coverage: f64,
    /// Whether it is direct.
    pub direct: bool,
    /// Whether it belongs to the subset.
    pub in_subset: bool,
    /// Whether another prediction matched it.
    pub matched: bool,
    /// Its speaker mention.
    pub speaker: Option<String>,
    /// Its cue.
    pub cue: Option<String>,
}

/// A matched pair whose speaker mention or cue is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongPart {
    /// The subset of the match.
    pub subset: Subset,
    /// The document id.
    pub doc: String,
    /// The gold quote's first content character.
    pub start: usize,
    /// One past its last content character.
    pub end: usize,
    /// The gold content text.
    pub text: String,
    /// The coverage of the match.
    pub coverage: f64,
    /// The gold speaker (or cue) spans.
    pub gold: Vec<SpanText>,
    /// The predicted speaker (or cue) span; `null` when none was predicted.
    pub predicted: Option<SpanText>,
    /// Up to 100 characters before `start`.
    pub context_before: String,
    /// Up to 100 characters from `end`.
    pub context_after: String,
}

/// A matched pair whose speaker name is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongName {
    /// The subset of the match.
    pub subset: Subset,
    /// The document id.
    pub doc: String,
    /// The gold quote's first content character.
    pub start: usize,
    /// One past its last content character.
    pub end: usize,
    /// The gold content text.
    pub text: String,
    /// The coverage of the match.
    pub coverage: f64,
    /// The gold speaker name.
    pub gold: String,
    /// The predicted speaker name; `null` when none was predicted.
    pub predicted: Option<String>,
    /// The gold speaker mention.
    pub gold_speaker: Option<String>,
    /// The predicted speaker mention.
    pub predicted_speaker: Option<SpanText>,
}
