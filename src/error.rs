//! The library's error type.
//!
//! Every fallible function in the crate returns [`Result`]. An error names what it is about:
//! the file (and line, for JSONL) for input errors, the document for analyzer failures, so that
//! the command-line tool can print it as `whosaid: PATH[:LINE]: reason`.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The reason of [`Error::Unsupported`].
const UNSUPPORTED: &str =
    "unsupported file type (expected .txt, .jsonl, .html, .htm or .warc, optionally .gz or .zst)";

/// A result whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// What can go wrong while reading a corpus, analyzing it or writing the quote table.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be opened or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },

    /// A JSONL line is not valid JSON, or not a record of the expected shape.
    #[error("{}:{line}: {}", path.display(), JsonReason(source))]
    Json {
        /// The JSONL file (`<stdin>` for standard input).
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// The parse error.
        #[source]
        source: serde_json::Error,
    },

    /// Walking a directory failed for a reason other than I/O (a symbolic link loop).
    #[error("{}: {source}", path.display())]
    Walk {
        /// The entry where the walk failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: walkdir::Error,
    },

    /// A file given on the command line is of no type that can be read.
    #[error("{}: {UNSUPPORTED}", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
    },

    /// A file, record or line was left out on purpose (unknown type, binary, empty, over the
    /// size limit, no article text): reported and counted apart, not a failure.
    #[error("{}{}: skipped: {reason}", path.display(), Line(*line))]
    Skipped {
        /// The file (`<stdin>` for standard input).
        path: PathBuf,
        /// The line number, from 1, for a JSONL line.
        line: Option<usize>,
        /// Why.
        reason: String,
    },

    /// A file or one of its records is malformed: a JSONL record without the text field, a
    /// truncated compressed stream, a broken WARC record.
    #[error("{}{}: {message}", path.display(), Line(*line))]
    Record {
        /// The file (`<stdin>` for standard input).
        path: PathBuf,
        /// The line number, from 1, for a JSONL line.
        line: Option<usize>,
        /// The record's document id, when it has one (a JSONL record without its text).
        doc: Option<String>,
        /// What is wrong (for a WARC file, which record).
        message: String,
    },

    /// The analyzer panicked on a document; the other documents are still analyzed.
    #[error("{doc}: analyzer failed: {message}")]
    Analyze {
        /// The document id.
        doc: String,
        /// The panic message.
        message: String,
    },

    /// Writing the quote table failed.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),

    /// Writing a CSV record failed.
    #[error("cannot write CSV output: {0}")]
    Csv(#[from] csv::Error),

    /// The thread pool could not be built.
    #[error("cannot start the thread pool: {0}")]
    ThreadPool(#[from] rayon::ThreadPoolBuildError),

    /// A gold annotation (JSONL record or BRAT `.ann` line) is malformed: a span out of the
    /// text, a duplicate document id, a reference to an unknown annotation.
    #[error("{}{}: {message}", path.display(), Line(*line))]
    Gold {
        /// The gold file (`.jsonl` or `.ann`).
        path: PathBuf,
        /// The line number, from 1, when the error is about one line.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },

    /// A row of a prediction table (CSV or JSONL quote table) is malformed or does not fit
    /// the gold (its span runs past the end of the document text).
    #[error("{}{}: {message}", path.display(), Line(*line))]
    Prediction {
        /// The prediction file (`<stdin>` for standard input).
        path: PathBuf,
        /// The line number (CSV: the record's line), from 1, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// Whether this is a skip ([`Error::Skipped`]) rather than a failure.
    pub fn is_skip(&self) -> bool {
        matches!(self, Error::Skipped { .. })
    }

    /// Whether this is a write to a closed pipe (`whosaid analyze corpus | head`), which the
    /// command-line tool treats as a normal end.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Output(e) => e.kind() == io::ErrorKind::BrokenPipe,
            Error::Csv(e) => {
                matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
            }
            _ => false,
        }
    }
}

impl Error {
    /// The file, directory or stream (`<stdin>`) the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. }
            | Error::Json { path, .. }
            | Error::Walk { path, .. }
            | Error::Unsupported { path }
            | Error::Skipped { path, .. }
            | Error::Record { path, .. }
            | Error::Gold { path, .. }
            | Error::Prediction { path, .. } => Some(path),
            Error::Analyze { .. } | Error::Output(_) | Error::Csv(_) | Error::ThreadPool(_) => None,
        }
    }

    /// The line of the file the error is about (from 1), when it is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Json { line, .. } => Some(*line),
            Error::Skipped { line, .. }
            | Error::Record { line, .. }
            | Error::Gold { line, .. }
            | Error::Prediction { line, .. } => *line,
            _ => None,
        }
    }

    /// The id of the document the error is about, when known: an analyzed document, a
    /// JSONL record with an id but no text.
    pub fn doc(&self) -> Option<&str> {
        match self {
            Error::Analyze { doc, .. } => Some(doc),
            Error::Record { doc, .. } => doc.as_deref(),
            _ => None,
        }
    }

    /// What went wrong, without the file, line or document that [`fmt::Display`] puts
    /// before it (`missing field `text``, `skipped: binary file`).
    pub fn reason(&self) -> String {
        match self {
            Error::Io { source, .. } => source.to_string(),
            Error::Json { source, .. } => JsonReason(source).to_string(),
            Error::Walk { source, .. } => source.to_string(),
            Error::Unsupported { .. } => UNSUPPORTED.to_string(),
            Error::Skipped { reason, .. } => format!("skipped: {reason}"),
            Error::Record { message, .. }
            | Error::Gold { message, .. }
            | Error::Prediction { message, .. } => message.clone(),
            Error::Analyze { message, .. } => format!("analyzer failed: {message}"),
            Error::Output(_) | Error::Csv(_) | Error::ThreadPool(_) => self.to_string(),
        }
    }
}

/// `:LINE` after a path, or nothing.
struct Line(Option<usize>);

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, ":{line}"),
            None => Ok(()),
        }
    }
}

/// A JSON parse error without serde_json's "at line 1", since each JSONL line is parsed
/// alone and the line number is given apart.
struct JsonReason<'a>(&'a serde_json::Error);

impl fmt::Display for JsonReason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        let text = e.to_string();
        match text.rfind(" at line ") {
            Some(i) if e.line() == 1 => write!(f, "{} (column {})", &text[..i], e.column()),
            _ => f.write_str(&text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_error_names_file_line_and_column() {
        let source = serde_json::from_str::<serde_json::Value>("{\"id\": }").unwrap_err();
        let e = Error::Json {
            path: "a/b.jsonl".into(),
            line: 3,
            source,
        };
        assert_eq!(e.to_string(), "a/b.jsonl:3: expected value (column 8)");
    }

    #[test]
    fn gold_and_prediction_errors_name_file_and_line() {
        let e = Error::Gold {
            path: "gold/a.ann".into(),
            line: Some(4),
            message: "unknown annotation T9".into(),
        };
        assert_eq!(e.to_string(), "gold/a.ann:4: unknown annotation T9");
        let e = Error::Prediction {
            path: "p.csv".into(),
            line: None,
            message: "bad".into(),
        };
        assert_eq!(e.to_string(), "p.csv: bad");
    }

    #[test]
    fn the_parts_of_an_error_put_its_message_back_together() {
        let json = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        let errors = [
            Error::Json {
                path: "<stdin>".into(),
                line: 3,
                source: json,
            },
            Error::Record {
                path: "a.jsonl".into(),
                line: Some(2),
                doc: None,
                message: "missing field `text`".into(),
            },
            Error::Skipped {
                path: "x.bin".into(),
                line: None,
                reason: "binary file".into(),
            },
            Error::Unsupported {
                path: "a.csv".into(),
            },
            Error::Io {
                path: "gone.txt".into(),
                source: io::Error::from(io::ErrorKind::NotFound),
            },
        ];
        for e in &errors {
            let path = e.path().unwrap().display();
            let line = Line(e.line());
            assert_eq!(e.to_string(), format!("{path}{line}: {}", e.reason()));
            assert_eq!(e.doc(), None);
        }
        assert_eq!(errors[0].line(), Some(3));
        assert_eq!(errors[0].reason(), "EOF while parsing an object (column 1)");
        assert_eq!(errors[2].reason(), "skipped: binary file");
        let e = Error::Analyze {
            doc: "d1".into(),
            message: "boom".into(),
        };
        assert_eq!((e.path(), e.line(), e.doc()), (None, None, Some("d1")));
        assert_eq!(e.to_string(), format!("d1: {}", e.reason()));
    }

    #[test]
    fn broken_pipe_is_recognized() {
        let e = Error::Output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
        let e = Error::Csv(csv::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)));
        assert!(e.is_broken_pipe());
        let e = Error::Output(io::Error::from(io::ErrorKind::StorageFull));
        assert!(!e.is_broken_pipe());
    }
}
