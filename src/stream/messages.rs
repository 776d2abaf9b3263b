//! What goes to stderr in streaming mode: one JSON object per line, so that an engine can
//! collect and parse it.
//!
//! - an error: `{"error": REASON, "skipped": BOOL, "path": ..., "line": N, "doc": ...}`:
//!   `skipped` tells a record left out on purpose (over `--max-doc-bytes`, a page without
//!   article text) from a failure (invalid JSON, a record without text, the analyzer failed);
//!   `path` is the file or `<stdin>`, `line` the line of the JSONL stream (from 1), `doc` the
//!   document id when the error is about an analyzed document; each `null` when unknown;
//! - a warning: `{"warning": MESSAGE, "path": ..., "line": N}`;
//! - the summary: `{"summary": {"documents": N, "skipped": N, "failed": N, "quotes": N,
//!   "warnings": N}}`.

use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;

use crate::corpus::Warning;
use crate::error::Error;
use crate::pipeline::Summary;

#[derive(Serialize)]
struct ErrorLine<'a> {
    error: String,
    skipped: bool,
    path: Option<Cow<'a, str>>,
    line: Option<usize>,
    doc: Option<&'a str>,
}

#[derive(Serialize)]
struct WarningLine<'a> {
    warning: &'a str,
    path: Cow<'a, str>,
    line: Option<usize>,
}

#[derive(Serialize)]
struct SummaryLine {
    summary: Counts,
}

#[derive(Serialize)]
struct Counts {
    documents: usize,
    skipped: usize,
    failed: usize,
    quotes: usize,
    warnings: usize,
}

fn display(path: &Path) -> Cow<'_, str> {
    path.to_string_lossy()
}

fn to_line(value: &impl Serialize) -> String {
    // These structs hold only strings, numbers and booleans: they always serialize.
    serde_json::to_string(value).unwrap_or_default()
}

/// The JSON line of an error.
pub fn error_line(error: &Error) -> String {
    to_line(&ErrorLine {
        error: error.reason(),
        skipped: error.is_skip(),
        path: error.path().map(display),
        line: error.line(),
        doc: error.doc(),
    })
}

/// The JSON line of a warning.
pub fn warning_line(warning: &Warning) -> String {
    to_line(&WarningLine {
        warning: &warning.message,
        path: display(&warning.path),
        line: warning.line,
    })
}

/// The JSON line of the summary of a run that gave `warnings` warnings.
pub fn summary_line(summary: &Summary, warnings: usize) -> String {
    to_line(&SummaryLine {
        summary: Counts {
            documents: summary.documents,
            skipped: summary.skipped,
            failed: summary.failures,
            quotes: summary.quotes,
            warnings,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_json_object_with_its_parts() {
        let e = Error::Record {
            path: "<stdin>".into(),
            line: Some(7),
            doc: None,
            message: "missing field `text`".into(),
        };
        assert_eq!(
            error_line(&e),
            r#"{"error":"missing field `text`","skipped":false,"path":"<stdin>","line":7,"doc":null}"#
        );
        let e = Error::Analyze {
            doc: "https://example.com/a \"b\"".into(),
            message: "index out of range".into(),
        };
        let value: serde_json::Value = serde_json::from_str(&error_line(&e)).unwrap();
        assert_eq!(value["doc"], "https://example.com/a \"b\"");
        assert_eq!(value["error"], "analyzer failed: index out of range");
        assert_eq!(value["path"], serde_json::Value::Null);
        let e = Error::Skipped {
            path: "news.warc.gz".into(),
            line: None,
            reason: "record 3: not an HTML page".into(),
        };
        let value: serde_json::Value = serde_json::from_str(&error_line(&e)).unwrap();
        assert_eq!(value["skipped"], true);
        assert_eq!(value["line"], serde_json::Value::Null);
    }

    #[test]
    fn warnings_and_the_summary_are_json_lines() {
        let w = Warning {
            path: "<stdin>".into(),
            line: Some(2),
            message: "not valid UTF-8, decoded with replacement characters".into(),
        };
        assert_eq!(
            warning_line(&w),
            r#"{"warning":"not valid UTF-8, decoded with replacement characters","path":"<stdin>","line":2}"#
        );
        let summary = Summary {
            documents: 5,
            quotes: 9,
            skipped: 1,
            failures: 2,
        };
        assert_eq!(
            summary_line(&summary, 3),
            r#"{"summary":{"documents":5,"skipped":1,"failed":2,"quotes":9,"warnings":3}}"#
        );
    }
}
