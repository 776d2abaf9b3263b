//! Predictions: a quote table written by `whosaid analyze` (or any table with its columns).
//!
//! The table is CSV with a header row, or JSONL with one object per quote. The format is told
//! by the file extension (`.csv`, `.jsonl`/`.json`), else by the first non-blank byte (`{` is
//! JSONL). Only `doc`, `quote_start` and `quote_end` are required; `quote`, `kind`,
//! `speaker`, `speaker_name`, `cue` and the `speaker_*`/`cue_*` offsets are read when present
//! (an empty CSV cell or a JSON `null` is "none"), any other column is ignored.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::{JsonlRecords, STDIN_NAME};
use crate::error::{Error, Result};
use crate::eval::gold::Span;
use crate::quote::{Quote, QuoteKind};

/// One predicted quote, as scored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Prediction {
    /// The document id.
    pub doc: String,
    /// Start of the quote span (characters).
    pub quote_start: usize,
    /// End of the quote span (characters, exclusive).
    pub quote_end: usize,
    /// The quote text as the table gives it.
    #[serde(default)]
    pub quote: Option<String>,
    /// `direct`, `mixed` or `indirect`.
    #[serde(default)]
    pub kind: Option<String>,
    /// The speaker mention as written.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The resolved speaker name.
    #[serde(default)]
    pub speaker_name: Option<String>,
    /// The cue as written.
    #[serde(default)]
    pub cue: Option<String>,
    /// Start of the speaker mention.
    #[serde(default)]
    pub speaker_start: Option<usize>,
    /// End of the speaker mention (exclusive).
    #[serde(default)]
    pub speaker_end: Option<usize>,
    /// Start of the cue.
    #[serde(default)]
    pub cue_start: Option<usize>,
    /// End of the cue (exclusive).
    #[serde(default)]
    pub cue_end: Option<usize>,
}

impl Prediction {
    /// The quote span.
    pub fn span(&self) -> Span {
        Span::new(self.quote_start, self.quote_end)
    }

    /// The speaker mention span, when both ends are given.
    pub fn speaker_span(&self) -> Option<Span> {
        Some(Span::new(self.speaker_start?, self.speaker_end?))
    }

    /// The cue span, when both ends are given.
    pub fn cue_span(&self) -> Option<Span> {
        Some(Span::new(self.cue_start?, self.cue_end?))
    }

    /// Checks that the spans are not reversed.
    fn check(&self) -> std::result::Result<(), String> {
        let spans = [
            ("quote", Some(self.span())),
            ("speaker", self.speaker_span()),
            ("cue", self.cue_span()),
        ];
        for (name, span) in spans {
            if let Some(s) = span
                && s.start > s.end
            {
                return Err(format!(
                    "document {:?}: {name} span {}..{} ends before it starts",
                    self.doc, s.start, s.end
                ));
            }
        }
        Ok(())
    }
}

impl From<&Quote> for Prediction {
    fn from(q: &Quote) -> Self {
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        };
        Prediction {
            doc: q.doc.clone(),
            quote_start: q.quote_start,
            quote_end: q.quote_end,
            quote: Some(q.quote.clone()),
            kind: Some(kind.to_string()),
            speaker: q.speaker.clone(),
            speaker_name: q.speaker_name.clone(),
            cue: q.cue.clone(),
            speaker_start: q.speaker_start,
            speaker_end: q.speaker_end,
            cue_start: q.cue_start,
            cue_end: q.cue_end,
        }
    }
}

/// How a prediction table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// The format of a table by its file extension, if it tells.
fn format_by_extension(path: &Path) -> Option<TableFormat> {
    let ext = path.extension()?;
    if ext.eq_ignore_ascii_case("csv") {
        Some(TableFormat::Csv)
    } else if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("json") {
        Some(TableFormat::Jsonl)
    } else {
        None
    }
}

/// Reads a prediction table from a file, or from standard input when `path` is `-`.
pub fn read(path: &Path) -> Result<Vec<Prediction>> {
    if path.as_os_str() == "-" {
        let stdin = io::stdin().lock();
        return read_from(stdin, Path::new(STDIN_NAME), None);
    }
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_from(
        BufReader::with_capacity(1 << 16, file),
        path,
        format_by_extension(path),
    )
}

/// Reads a prediction table from `reader`; `path` names it in errors. Without a `format`, the
/// first non-blank byte tells (`{`: JSONL, else CSV).
pub fn read_from(
    mut reader: impl BufRead,
    path: &Path,
    format: Option<TableFormat>,
) -> Result<Vec<Prediction>> {
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let format = match format {
        Some(f) => f,
        None => sniff(&mut reader).map_err(io_err)?,
    };
    let predictions = match format {
        TableFormat::Jsonl => {
            let mut out = Vec::new();
            let mut records = JsonlRecords::<_, Prediction>::new(reader, path);
            while let Some(record) = records.next() {
                let p = record?;
                p.check()
                    .map_err(|message| prediction_error(path, Some(records.line()), message))?;
                out.push(p);
            }
            out
        }
        TableFormat::Csv => read_csv(reader, path)?,
    };
    Ok(predictions)
}

fn prediction_error(path: &Path, line: Option<usize>, message: String) -> Error {
    Error::Prediction {
        path: PathBuf::from(path),
        line,
        message,
    }
}

/// JSONL when the first non-blank byte (after a byte-order mark) is `{`, else CSV.
fn sniff(reader: &mut impl BufRead) -> io::Result<TableFormat> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(TableFormat::Csv);
        }
        let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                return Ok(if buf[i] == b'{' {
                    TableFormat::Jsonl
                } else {
                    TableFormat::Csv
                });
            }
            None => {
                // All blank so far: consume and look further. Blank lines are skipped by
                // both readers anyway.
                let n = reader.fill_buf()?.len();
                reader.consume(n);
            }
        }
    }
}

fn read_csv(reader: impl BufRead, path: &Path) -> Result<Vec<Prediction>> {
    let csv_error = |e: csv::Error| {
        let line = e.position().map(|p| p.line() as usize);
        let message = match e.kind() {
            csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
            _ => e.to_string(),
        };
        prediction_error(path, line, message)
    };
    let mut csv = csv::ReaderBuilder::new().from_reader(reader);
    let headers = csv.headers().map_err(csv_error)?.clone();
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    while csv.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map(|p| p.line() as usize);
        let p: Prediction = record.deserialize(Some(&headers)).map_err(|e| {
            let message = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
                _ => e.to_string(),
            };
            prediction_error(path, line, message)
        })?;
        p.check().map_err(|m| prediction_error(path, line, m))?;
        out.push(p);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{CsvWriter, JsonlWriter, QuoteSink};
    use crate::quote::{SpeakerGender, SpeakerKind};
    use std::io::Cursor;

    fn quote() -> Quote {
        Quote {
            doc: "d1".into(),
            publication: None,
            quote: "We will, \"win\"".into(),
            kind: QuoteKind::Mixed,
            speaker: Some("Smith".into()),
            speaker_name: None,
            speaker_kind: SpeakerKind::Person,
            cue: Some("said".into()),
            medium: None,
            reported_by: None,
            paragraph: 0,
            quote_start: 0,
            quote_end: 16,
            speaker_start: Some(17),
            speaker_end: Some(22),
            cue_start: None,
            cue_end: None,
            speaker_gender: SpeakerGender::Unknown,
        }
    }

    fn read_bytes(bytes: Vec<u8>, format: Option<TableFormat>) -> Result<Vec<Prediction>> {
        read_from(Cursor::new(bytes), Path::new("p"), format)
    }

    #[test]
    fn reads_what_analyze_writes_in_both_formats() {
        let expected = Prediction::from(&quote());
        let mut csv = CsvWriter::new(Vec::new()).unwrap();
        csv.write_quote(&quote()).unwrap();
        let csv = csv.into_inner().unwrap();
        let mut jsonl = JsonlWriter::new(Vec::new());
        jsonl.write_quote(&quote()).unwrap();
        let jsonl = jsonl.into_inner().unwrap();
        for (bytes, format) in [
            (csv.clone(), Some(TableFormat::Csv)),
            (csv, None),
            (jsonl.clone(), Some(TableFormat::Jsonl)),
            (jsonl, None),
        ] {
            let got = read_bytes(bytes, format).unwrap();
            assert_eq!(got, std::slice::from_ref(&expected), "{format:?}");
        }
        assert_eq!(expected.speaker_span(), Some(Span::new(17, 22)));
        assert_eq!(expected.cue_span(), None);
        assert_eq!(expected.speaker_name, None);
    }

    #[test]
    fn minimal_tables_and_sniffing() {
        let csv = "doc,quote_start,quote_end,extra\na,1,5,x\nb,0,0,\n";
        let got = read_bytes(csv.into(), None).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].doc.as_str(), got[0].span()), ("a", Span::new(1, 5)));
        assert_eq!(got[1].speaker, None);
        let jsonl = "\n\n{\"doc\": \"a\", \"quote_start\": 1, \"quote_end\": 5}\n";
        assert_eq!(read_bytes(jsonl.into(), None).unwrap()[0].quote_end, 5);
        assert!(read_bytes(Vec::new(), None).unwrap().is_empty());
    }

    #[test]
    fn bad_rows_are_errors_with_their_line() {
        let csv = "doc,quote_start,quote_end\na,1,5\nb,x,3\n";
        let e = read_bytes(csv.into(), None).unwrap_err().to_string();
        assert!(e.starts_with("p:3: "), "{e}");
        let csv = "doc,quote_end\na,5\n";
        let e = read_bytes(csv.into(), None).unwrap_err().to_string();
        assert!(e.contains("quote_start"), "{e}");
        let jsonl = "{\"doc\": \"a\", \"quote_start\": 9, \"quote_end\": 5}\n";
        let e = read_bytes(jsonl.into(), None).unwrap_err().to_string();
        assert_eq!(
            e,
            "p:1: document \"a\": quote span 9..5 ends before it starts"
        );
    }
}
