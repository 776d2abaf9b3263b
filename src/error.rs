//! The library's error type.
//!
//! Every fallible function in the crate returns [`Result`]. An error names what it is about:
//! the file (and line, for JSONL) for input errors, the document for analyzer failures, so that
//! the command-line tool can print it as `whosaid: PATH[:LINE]: reason`.

use std::fmt;
use std::io;
use std::path::PathBuf;

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
    #[error(
        "{}: unsupported file type (expected .txt, .jsonl, .html, .htm or .warc, optionally .gz or .zst)",
        path.display()
    )]
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
    fn broken_pipe_is_recognized() {
        let e = Error::Output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
        let e = Error::Csv(csv::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)));
        assert!(e.is_broken_pipe());
        let e = Error::Output(io::Error::from(io::ErrorKind::StorageFull));
        assert!(!e.is_broken_pipe());
    }
}
