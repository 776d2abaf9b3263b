//! Quote table export: CSV and JSONL, written as a stream.
//!
//! Both formats have the columns of [`COLUMNS`], in that order. CSV has a header row and empty
//! cells for missing values; JSONL has one object per quote per line, with `null` for missing
//! values. The writers take any [`Write`] and write each quote as it comes; wrap a file or
//! stdout in a [`std::io::BufWriter`] for speed.

use std::io::Write;

use crate::error::{Error, Result};
use crate::quote::Quote;

/// The columns of the quote table, in order: the fields of [`Quote`].
pub const COLUMNS: [&str; 18] = [
    "doc",
    "publication",
    "quote",
    "kind",
    "speaker",
    "speaker_name",
    "speaker_kind",
    "cue",
    "medium",
    "reported_by",
    "paragraph",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "speaker_gender",
];

/// An output format of the quote table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Comma-separated values with a header row.
    #[default]
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    /// A streaming writer of this format over `out`. The CSV header is written at once.
    pub fn writer<'a, W: Write + 'a>(self, out: W) -> Result<Box<dyn QuoteSink + 'a>> {
        self.writer_with(out, false)
    }

    /// As [`Format::writer`]; with `excel_safe`, CSV cells are guarded against formula
    /// injection ([`excel_safe`]); JSONL is unchanged.
    pub fn writer_with<'a, W: Write + 'a>(
        self,
        out: W,
        excel_safe: bool,
    ) -> Result<Box<dyn QuoteSink + 'a>> {
        Ok(match self {
            Format::Csv => Box::new(CsvWriter::new(out)?.excel_safe(excel_safe)),
            Format::Jsonl => Box::new(JsonlWriter::new(out)),
        })
    }
}

/// A cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) with a `'` put before it, which spreadsheets show as text;
/// other cells as they are.
pub fn excel_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The quote with every text cell passed through [`excel_safe`].
fn guard_quote(quote: &Quote) -> Quote {
    let cell = |s: &str| excel_safe(s).into_owned();
    let opt = |s: &Option<String>| s.as_deref().map(cell);
    Quote {
        doc: cell(&quote.doc),
        publication: opt(&quote.publication),
        quote: cell(&quote.quote),
        speaker: opt(&quote.speaker),
        speaker_name: opt(&quote.speaker_name),
        cue: opt(&quote.cue),
        medium: opt(&quote.medium),
        reported_by: opt(&quote.reported_by),
        ..quote.clone()
    }
}

/// Where quotes go, one at a time.
pub trait QuoteSink {
    /// Writes one quote.
    fn write_quote(&mut self, quote: &Quote) -> Result<()>;
    /// Flushes what was written so far to the underlying writer.
    fn flush(&mut self) -> Result<()>;
}

/// Writes the quote table as CSV, header first.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    excel_safe: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A CSV writer over `out`; writes the header row.
    pub fn new(out: W) -> Result<Self> {
        let mut inner = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(out);
        inner.write_record(COLUMNS)?;
        Ok(CsvWriter {
            inner,
            excel_safe: false,
        })
    }

    /// Guards text cells against spreadsheet formula injection ([`excel_safe`]).
    pub fn excel_safe(mut self, on: bool) -> Self {
        self.excel_safe = on;
        self
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> Result<W> {
        self.inner
            .into_inner()
            .map_err(|e| Error::Output(e.into_error()))
    }
}

impl<W: Write> QuoteSink for CsvWriter<W> {
    fn write_quote(&mut self, quote: &Quote) -> Result<()> {
        if self.excel_safe {
            Ok(self.inner.serialize(guard_quote(quote))?)
        } else {
            Ok(self.inner.serialize(quote)?)
        }
    }

    fn flush(&mut self) -> Result<()> {
        self.inner.flush().map_err(Error::Output)
    }
}

/// Writes the quote table as JSONL, one object per line.
#[derive(Debug)]
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    /// A JSONL writer over `out`.
    pub fn new(out: W) -> Self {
        JsonlWriter { out }
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(mut self) -> Result<W> {
        self.out.flush().map_err(Error::Output)?;
        Ok(self.out)
    }
}

impl<W: Write> QuoteSink for JsonlWriter<W> {
    fn write_quote(&mut self, quote: &Quote) -> Result<()> {
        // A Quote always serializes; the only possible failure is the writer's.
        serde_json::to_writer(&mut self.out, quote).map_err(|e| Error::Output(e.into()))?;
        self.out.write_all(b"\n").map_err(Error::Output)
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}

impl<S: QuoteSink + ?Sized> QuoteSink for Box<S> {
    fn write_quote(&mut self, quote: &Quote) -> Result<()> {
        (**self).write_quote(quote)
    }

    fn flush(&mut self) -> Result<()> {
        (**self).flush()
    }
}

impl QuoteSink for Vec<Quote> {
    /// Collects the quotes in memory.
    fn write_quote(&mut self, quote: &Quote) -> Result<()> {
        self.push(quote.clone());
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::{QuoteKind, SpeakerGender, SpeakerKind};

    fn sample() -> Quote {
        Quote {
            doc: "a/b.txt".into(),
            publication: Some("IANS".into()),
            quote: "We will win, \"no doubt\"\nand soon".into(),
            kind: QuoteKind::Direct,
            speaker: Some("Smith, the mayor".into()),
            speaker_name: None,
            speaker_kind: SpeakerKind::Person,
            cue: Some("said".into()),
            medium: None,
            reported_by: None,
            paragraph: 2,
            quote_start: 10,
            quote_end: 44,
            speaker_start: Some(46),
            speaker_end: Some(62),
            cue_start: Some(63),
            cue_end: Some(67),
            speaker_gender: SpeakerGender::Male,
        }
    }

    fn csv_of(quotes: &[Quote]) -> String {
        let mut w = CsvWriter::new(Vec::new()).unwrap();
        for q in quotes {
            w.write_quote(q).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn columns_are_the_quote_fields_in_order() {
        let value = serde_json::to_value(sample()).unwrap();
        let mut keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        keys.sort_unstable();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "same set of keys");
        // Field order as serialized, which is the CSV column order.
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(sample()).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out.lines().next().unwrap(), COLUMNS.join(","));
    }

    #[test]
    fn csv_has_the_header_even_when_empty() {
        assert_eq!(csv_of(&[]), format!("{}\n", COLUMNS.join(",")));
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines_and_leaves_none_empty() {
        let out = csv_of(&[sample()]);
        let expected_row = concat!(
            "a/b.txt,IANS,\"We will win, \"\"no doubt\"\"\nand soon\",direct,",
            "\"Smith, the mayor\",,person,said,,,2,10,44,46,62,63,67,male\n"
        );
        assert_eq!(out, format!("{}\n{expected_row}", COLUMNS.join(",")));
        // And it reads back to the same cells.
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[2], "We will win, \"no doubt\"\nand soon");
        assert_eq!(&record[4], "Smith, the mayor");
        assert_eq!(&record[5], "");
    }

    #[test]
    fn excel_safe_guards_formula_cells_only() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1 555", "'+1 555"),
            ("-- and then", "'-- and then"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("We will win", "We will win"),
            ("", ""),
        ] {
            assert_eq!(excel_safe(cell), safe);
        }
        let mut q = sample();
        q.quote = "=1+1".into();
        q.speaker = Some("@smith".into());
        let mut w = CsvWriter::new(Vec::new()).unwrap().excel_safe(true);
        w.write_quote(&q).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(
            (&record[2], &record[4], &record[0]),
            ("'=1+1", "'@smith", "a/b.txt")
        );
        assert_eq!(&record[11], "10", "offsets are not touched");
        // Off by default.
        assert!(csv_of(&[q]).contains(",=1+1,"));
    }

    #[test]
    fn jsonl_is_one_object_per_line_with_nulls() {
        let mut w = JsonlWriter::new(Vec::new());
        w.write_quote(&sample()).unwrap();
        w.write_quote(&sample()).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["speaker_name"], serde_json::Value::Null);
        assert_eq!(v["kind"], "direct");
        assert_eq!(v["speaker_gender"], "male");
        assert_eq!(v["quote"], "We will win, \"no doubt\"\nand soon");
        assert_eq!(v.as_object().unwrap().len(), COLUMNS.len());
        assert!(lines[0].starts_with("{\"doc\":\"a/b.txt\",\"publication\":\"IANS\","));
        let back: Quote = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn format_writer_streams_either_format() {
        let mut buf = Vec::new();
        {
            let mut w = Format::Jsonl.writer(&mut buf).unwrap();
            w.write_quote(&sample()).unwrap();
            w.flush().unwrap();
        }
        assert_eq!(buf.iter().filter(|&&b| b == b'\n').count(), 1);
    }
}
