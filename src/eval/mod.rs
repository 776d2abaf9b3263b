//! Scoring a quote table against gold attributions, as `/shared/eval/METRICS.md` defines it.
//!
//! - [`gold`] reads the gold: JSONL in the format of FORMAT.md ([`gold::read_jsonl`]) or a
//!   BRAT standoff folder ([`brat::read_dir`]); [`gold::load`] picks by the path.
//! - [`predictions`] reads a quote table written by `whosaid analyze` (CSV or JSONL), or
//!   [`analyze_gold`] runs the analyzer on the gold texts and times it.
//! - [`score`] matches gold and predicted quotes per document by coverage and counts TP, FP,
//!   FN and the accuracies of the matched pairs; its module docs list every choice made where
//!   METRICS.md leaves room. [`names`] compares speaker names.
//! - [`report`] sums the documents (micro average) into the rows of the report, prints them
//!   as a table or JSON, and defines the records of the error file.
//!
//! ```
//! use whosaid::eval::{self, GoldDoc, GoldQuote, Prediction, Span};
//!
//! let gold = vec![GoldDoc {
//!     id: "d".into(),
//!     text: "\"We will win,\" Smith said.".into(),
//!     publisher: None,
//!     title: None,
//!     quotes: vec![GoldQuote {
//!         content: vec![Span::new(1, 12)],
//!         direct: true,
//!         speaker: vec![Span::new(15, 20)],
//!         speaker_name: None,
//!         cue: vec![Span::new(21, 25)],
//!     }],
//! }];
//! let preds = vec![Prediction {
//!     doc: "d".into(),
//!     quote_start: 0,
//!     quote_end: 14,
//!     quote: None,
//!     kind: None,
//!     speaker: None,
//!     speaker_name: None,
//!     cue: None,
//!     speaker_start: Some(15),
//!     speaker_end: Some(20),
//!     cue_start: None,
//!     cue_end: None,
//! }];
//! let result = eval::evaluate(&gold, preds, "preds.csv".as_ref(), false).unwrap();
//! let all = &result.report.rows()[0];
//! assert_eq!((all.tp, all.fp, all.fn_), (1, 0, 0));
//! assert_eq!(all.speaker.accuracy, Some(1.0));
//! assert_eq!(all.cue.accuracy, Some(0.0));
//! ```

pub mod brat;
pub mod gold;
pub mod names;
pub mod predictions;
pub mod report;
pub mod score;
pub mod text;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

pub use gold::{GoldDoc, GoldQuote, Span};
pub use predictions::Prediction;
pub use report::{ErrorRecord, Report, Row, Timing};
pub use score::{Counts, Subset, THRESHOLDS, Tally};

use crate::error::{Error, Result};
use crate::export::QuoteSink;
use crate::pipeline::Pipeline;
use crate::quote::Quote;
use text::CharText;

/// The outcome of [`evaluate`].
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The figures.
    pub report: Report,
    /// The error records (when asked for), document by document in gold order, subset `all`
    /// then `direct`, each in text order.
    pub errors: Vec<ErrorRecord>,
}

/// Scores `predictions` against `gold`. Predictions are grouped by `doc`; those whose `doc`
/// is not a gold document are not scored (counted in [`Report::ignored_predictions`]). A
/// prediction whose quote, speaker or cue span runs past the end of its document's text is
/// an [`Error::Prediction`] naming `source` (the prediction file): the table was not made
/// from these texts. With `collect_errors`, the false negatives, false positives and wrong
/// speakers, names and cues at threshold 0.3 of both subsets are returned too.
pub fn evaluate(
    gold: &[GoldDoc],
    predictions: Vec<Prediction>,
    source: &Path,
    collect_errors: bool,
) -> Result<Evaluation> {
    let index: HashMap<&str, usize> = gold
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut by_doc: Vec<Vec<Prediction>> = vec![Vec::new(); gold.len()];
    let mut ignored = 0;
    let mut ignored_docs: HashSet<String> = HashSet::new();
    for p in predictions {
        match index.get(p.doc.as_str()) {
            Some(&i) => by_doc[i].push(p),
            None => {
                ignored += 1;
                if !ignored_docs.contains(&p.doc) {
                    ignored_docs.insert(p.doc);
                }
            }
        }
    }

    // Documents are independent: score them in parallel, then sum in gold order.
    let scored: Vec<Result<DocResult>> = gold
        .par_iter()
        .zip(by_doc.par_iter())
        .map(|(doc, preds)| score_one(doc, preds, source, collect_errors))
        .collect();

    let mut report = Report {
        documents: gold.len(),
        gold_quotes: 0,
        gold_direct: 0,
        predictions: 0,
        predictions_direct: 0,
        ignored_predictions: ignored,
        ignored_documents: ignored_docs.len(),
        counts: Default::default(),
        analysis: None,
    };
    let mut errors = Vec::new();
    for (doc, result) in gold.iter().zip(scored) {
        let result = result?;
        report.gold_quotes += doc.quotes.len();
        report.gold_direct += doc.quotes.iter().filter(|q| q.direct).count();
        report.predictions += result.predictions;
        report.predictions_direct += result.predictions_direct;
        for (sum, counts) in report.counts.iter_mut().zip(&result.counts) {
            for (s, c) in sum.iter_mut().zip(counts) {
                s.add(c);
            }
        }
        errors.extend(result.errors);
    }
    Ok(Evaluation { report, errors })
}

struct DocResult {
    counts: score::DocCounts,
    predictions: usize,
    predictions_direct: usize,
    errors: Vec<ErrorRecord>,
}

fn score_one(
    doc: &GoldDoc,
    preds: &[Prediction],
    source: &Path,
    collect_errors: bool,
) -> Result<DocResult> {
    let text = CharText::new(&doc.text);
    let chars = text.len();
    for p in preds {
        let spans = [
            ("quote", Some(p.span())),
            ("speaker", p.speaker_span()),
            ("cue", p.cue_span()),
        ];
        for (name, span) in spans {
            if let Some(s) = span
                && s.end > chars
            {
                return Err(Error::Prediction {
                    path: source.to_path_buf(),
                    line: None,
                    message: format!(
                        "document {:?}: {name} span {}..{} runs past the end of the text \
                         ({chars} characters); was the table made from this gold?",
                        doc.id, s.start, s.end
                    ),
                });
            }
        }
    }
    let predictions_direct = preds
        .iter()
        .filter(|p| text.has_quotation_mark(p.quote_start, p.quote_end))
        .count();
    let mut errors = Vec::new();
    let counts = score::score_document(doc, preds, collect_errors.then_some(&mut errors));
    Ok(DocResult {
        counts,
        predictions: preds.len(),
        predictions_direct,
        errors,
    })
}

/// The outcome of [`analyze_gold`].
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The quotes found, as predictions, in gold order.
    pub predictions: Vec<Prediction>,
    /// How long the analysis took.
    pub timing: Timing,
    /// Documents on which the analyzer failed (each passed to `on_error`); they have no
    /// predictions.
    pub failures: usize,
}

/// Analyzes the gold texts with [`crate::analyze()`] on `pipeline` (in parallel, like
/// `whosaid analyze`), timing the analysis alone. A document on which the analyzer panics is
/// passed to `on_error` and gets no predictions.
pub fn analyze_gold(
    gold: &[GoldDoc],
    pipeline: &Pipeline,
    threads: usize,
    on_error: impl FnMut(Error),
) -> Result<Analysis> {
    let docs: Vec<Result<crate::Document>> = gold.iter().map(|d| Ok(d.document())).collect();
    let mut quotes: Vec<Quote> = Vec::new();
    let start = Instant::now();
    let summary = pipeline.run(docs, &mut quotes as &mut dyn QuoteSink, on_error)?;
    let seconds = start.elapsed().as_secs_f64();
    Ok(Analysis {
        predictions: quotes.iter().map(Prediction::from).collect(),
        timing: Timing {
            documents: gold.len(),
            seconds,
            threads,
        },
        failures: summary.failures,
    })
}

#[cfg(test)]
mod tests {
    use super::score::tests::{doc, gold, pred};
    use super::*;

    fn for_doc(id: &str, mut p: Prediction) -> Prediction {
        p.doc = id.into();
        p
    }

    #[test]
    fn documents_are_summed_and_unknown_documents_ignored() {
        let text = "x".repeat(30);
        // d1: gold 0..10 matched by 0..10 (TP 1).
        let mut d1 = doc(&text, vec![gold(&[(0, 10)])]);
        d1.id = "d1".into();
        // d2: no gold, two predictions (FP 2).
        let mut d2 = doc(&text, Vec::new());
        d2.id = "d2".into();
        // d3: gold but no prediction (FN 1); an empty document.
        let mut d3 = doc(&text, vec![gold(&[(5, 6)])]);
        d3.id = "d3".into();
        let mut d4 = doc("", Vec::new());
        d4.id = "d4".into();
        let preds = vec![
            for_doc("d2", pred(0, 3)),
            for_doc("d1", pred(0, 10)),
            for_doc("elsewhere", pred(0, 99)),
            for_doc("d2", pred(4, 9)),
            for_doc("elsewhere", pred(1, 2)),
            for_doc("other", pred(1, 2)),
        ];
        let r = evaluate(&[d1, d2, d3, d4], preds, Path::new("p.csv"), true)
            .unwrap()
            .report;
        assert_eq!(r.documents, 4);
        assert_eq!((r.gold_quotes, r.predictions), (2, 3));
        assert_eq!((r.ignored_predictions, r.ignored_documents), (3, 2));
        // TP 1, FP 2, FN 1: P = 1/3, R = 1/2, F1 = 2·(1/3)(1/2)/(5/6) = 0.4.
        let row = &r.rows()[0];
        assert_eq!((row.tp, row.fp, row.fn_), (1, 2, 1));
        assert!((row.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((row.recall - 0.5).abs() < 1e-12);
        assert!((row.f1 - 0.4).abs() < 1e-12);
        assert_eq!(row.speaker.accuracy, None);
        let rows: Vec<(Subset, f64)> = r.rows().iter().map(|r| (r.subset, r.threshold)).collect();
        assert_eq!(
            rows,
            [
                (Subset::All, 0.3),
                (Subset::All, 0.8),
                (Subset::Direct, 0.3),
                (Subset::Direct, 0.8)
            ]
        );
        let table = r.table();
        assert!(
            table.contains("3 predictions for 2 documents not in the gold not scored"),
            "{table}"
        );
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["rows"][0]["fn"], 1);
        assert_eq!(json["docs_per_second"], serde_json::Value::Null);
    }

    #[test]
    fn a_prediction_past_the_end_of_the_text_is_an_error() {
        let d = doc("short text", vec![gold(&[(0, 5)])]);
        let mut p = pred(0, 5);
        (p.cue_start, p.cue_end) = (Some(8), Some(40));
        let e = evaluate(&[d], vec![p], Path::new("p.jsonl"), false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.jsonl: document \"d\": cue span 8..40 runs past the end of the text \
             (10 characters); was the table made from this gold?"
        );
    }

    #[test]
    fn analyze_gold_times_the_analysis() {
        let d = doc("\"We will win,\" Smith said.", vec![gold(&[(1, 12)])]);
        let pipeline = Pipeline::with_threads(1).unwrap();
        let analysis =
            analyze_gold(std::slice::from_ref(&d), &pipeline, 1, |e| panic!("{e}")).unwrap();
        assert_eq!(analysis.failures, 0);
        assert_eq!(analysis.timing.documents, 1);
        assert!(!analysis.predictions.is_empty());
        let mut r = evaluate(&[d], analysis.predictions, Path::new("-"), false)
            .unwrap()
            .report;
        r.analysis = Some(analysis.timing);
        assert!(r.docs_per_second().unwrap() > 0.0);
        assert_eq!(r.rows()[0].tp, 1);
    }
}
