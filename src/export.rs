//! Quote table export: CSV and JSONL, written as a stream.
//!
//! Both formats have the columns of [`COLUMNS`], in that order. CSV has a header row and empty
//! cells for missing values; JSONL has one object per quote per line, with `null` for missing
//! values. The writers take any [`Write`] and write each quote as it comes; wrap a file or
//! stdout in a [`std::io::BufWriter`] for speed.
//!
//! Two ways to write the table, with the same bytes:
//!
//! - a [`QuoteSink`] ([`CsvWriter`], [`JsonlWriter`], [`Format::writer`]) takes the quotes one
//!   at a time and formats them where it runs: with [`crate::Pipeline::run`], on the calling
//!   thread;
//! - a [`RowEncoder`] formats the rows of a whole document into a byte buffer, and is `Sync`:
//!   [`crate::Pipeline::run_encoded`] runs it on the analysis threads, and an [`EncodedSink`]
//!   ([`TableWriter`], [`Format::table_writer`]) only writes the buffers, in corpus order.
//!   This is what `whosaid analyze` uses, so that the thread that reads and writes does not
//!   format rows too.

use std::io::Write;

mod csv_rows;
mod jsonl_rows;

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

    /// The encoder of this format's rows; with `excel_safe`, CSV cells are guarded against
    /// formula injection ([`excel_safe`]).
    pub fn encoder(self, excel_safe: bool) -> RowEncoder {
        RowEncoder::new(self).excel_safe(excel_safe)
    }

    /// A writer of rows encoded elsewhere ([`RowEncoder`]) over `out`, for
    /// [`crate::Pipeline::run_encoded`]: the same bytes as [`Format::writer_with`]. The CSV
    /// header is written at once.
    pub fn table_writer<W: Write>(self, out: W, excel_safe: bool) -> Result<TableWriter<W>> {
        TableWriter::new(out, self.encoder(excel_safe))
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

/// Encodes the rows of the quote table into bytes, a document at a time: what
/// [`CsvWriter`] or [`JsonlWriter`] would write for the same quotes, byte for byte. It holds
/// no state but its options and is `Sync`, so that the analysis threads encode the rows of
/// the documents they analyzed ([`crate::Pipeline::run_encoded`]) and the writing thread
/// only writes bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RowEncoder {
    format: Format,
    excel_safe: bool,
}

impl RowEncoder {
    /// An encoder of `format` rows, without the formula guard.
    pub fn new(format: Format) -> Self {
        RowEncoder {
            format,
            excel_safe: false,
        }
    }

    /// Guards CSV text cells against spreadsheet formula injection ([`excel_safe`]); JSONL
    /// is unchanged.
    pub fn excel_safe(mut self, on: bool) -> Self {
        self.excel_safe = on;
        self
    }

    /// The format of the rows.
    pub fn format(&self) -> Format {
        self.format
    }

    /// What comes before the first row: the CSV header row, nothing for JSONL.
    pub fn header(&self) -> Result<Vec<u8>> {
        match self.format {
            Format::Csv => CsvWriter::new(Vec::new())?.into_inner(),
            Format::Jsonl => Ok(Vec::new()),
        }
    }

    /// Appends the rows of `quotes` to `out`, in order.
    pub fn encode(&self, quotes: &[Quote], out: &mut Vec<u8>) -> Result<()> {
        match self.format {
            Format::Csv => {
                csv_rows::encode_rows(quotes, self.excel_safe, out);
                Ok(())
            }
            Format::Jsonl => {
                jsonl_rows::encode_rows(quotes, out);
                Ok(())
            }
        }
    }
}

/// Where the encoded rows of whole documents go: the sink of
/// [`crate::Pipeline::run_encoded`], which encodes each document's rows on the analysis
/// threads with [`EncodedSink::encoder`] and hands them here in corpus order.
pub trait EncodedSink {
    /// The encoder of this sink's rows (the header, if any, is the sink's to write).
    fn encoder(&self) -> RowEncoder;
    /// Writes the rows of one document, as [`RowEncoder::encode`] made them.
    fn write_rows(&mut self, rows: &[u8]) -> Result<()>;
    /// Flushes what was written so far to the underlying writer.
    fn flush(&mut self) -> Result<()>;
}

/// Writes the quote table from rows encoded elsewhere: the header at once, then the bytes
/// it is given. The [`EncodedSink`] of `whosaid analyze`.
#[derive(Debug)]
pub struct TableWriter<W: Write> {
    out: W,
    encoder: RowEncoder,
}

impl<W: Write> TableWriter<W> {
    /// A table writer over `out` for the rows of `encoder`; writes the header (CSV).
    pub fn new(mut out: W, encoder: RowEncoder) -> Result<Self> {
        out.write_all(&encoder.header()?).map_err(Error::Output)?;
        Ok(TableWriter { out, encoder })
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(mut self) -> Result<W> {
        self.out.flush().map_err(Error::Output)?;
        Ok(self.out)
    }
}

impl<W: Write> EncodedSink for TableWriter<W> {
    fn encoder(&self) -> RowEncoder {
        self.encoder
    }

    fn write_rows(&mut self, rows: &[u8]) -> Result<()> {
        self.out.write_all(rows).map_err(Error::Output)
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}

impl<S: EncodedSink + ?Sized> EncodedSink for Box<S> {
    fn encoder(&self) -> RowEncoder {
        (**self).encoder()
    }

    fn write_rows(&mut self, rows: &[u8]) -> Result<()> {
        (**self).write_rows(rows)
    }

    fn flush(&mut self) -> Result<()> {
        (**self).flush()
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

    /// The quotes of each text of `corpus/` (more than 100 in all), each document named with a
    /// comma, a quote and a tab, which both formats must escape.
    pub(super) fn corpus_quotes() -> Vec<Vec<Quote>> {
        let quotes: Vec<Vec<Quote>> = crate::test_support::corpus_texts()
            .into_iter()
            .enumerate()
            .map(|(n, text)| crate::analyze(&crate::Document::new(format!("doc, \"{n}\"\t"), text)))
            .collect();
        let rows: usize = quotes.iter().map(Vec::len).sum();
        assert!(rows > 100, "the corpus gave {rows} rows");
        quotes
    }

    pub(super) fn sample() -> Quote {
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

    /// Quotes with what the encoders must get right: commas, quotes, newlines, formula
    /// cells, missing values, non-ASCII text.
    fn varied() -> Vec<Quote> {
        let mut quotes = vec![sample()];
        let mut q = sample();
        q.doc = "=cmd|' /C calc'!A0".into();
        q.quote = "-- \"Ça va\", dit-il\r\n".into();
        q.speaker = Some("@handle".into());
        q.publication = None;
        q.cue = Some("+said".into());
        q.medium = Some("\tTabbed".into());
        q.reported_by = Some("Reuters".into());
        quotes.push(q);
        let mut q = sample();
        q.quote = String::new();
        q.speaker = None;
        q.speaker_start = None;
        q.speaker_end = None;
        quotes.push(q);
        quotes
    }

    /// What a [`QuoteSink`] of `format` writes for `quotes`, header included.
    fn streamed(format: Format, excel_safe: bool, quotes: &[Quote]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut w = format.writer_with(&mut out, excel_safe).unwrap();
            for q in quotes {
                w.write_quote(q).unwrap();
            }
            w.flush().unwrap();
        }
        out
    }

    #[test]
    fn encoded_rows_are_the_bytes_of_the_quote_sinks() {
        let quotes = varied();
        for format in [Format::Csv, Format::Jsonl] {
            for excel in [false, true] {
                let expected = streamed(format, excel, &quotes);
                // Encoded a document at a time (here: one, two, or all quotes per
                // document), in order, after the header.
                for per_doc in [1, 2, quotes.len()] {
                    let encoder = format.encoder(excel);
                    let mut w = TableWriter::new(Vec::new(), encoder).unwrap();
                    for doc in quotes.chunks(per_doc) {
                        let mut rows = Vec::new();
                        encoder.encode(doc, &mut rows).unwrap();
                        w.write_rows(&rows).unwrap();
                    }
                    let out = w.into_inner().unwrap();
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        String::from_utf8(expected.clone()).unwrap(),
                        "{format:?}, excel_safe {excel}, {per_doc} per document"
                    );
                }
            }
        }
        // The guard did change something, and only in CSV.
        assert_ne!(
            streamed(Format::Csv, true, &quotes),
            streamed(Format::Csv, false, &quotes)
        );
        assert_eq!(
            streamed(Format::Jsonl, true, &quotes),
            streamed(Format::Jsonl, false, &quotes)
        );
    }

    #[test]
    fn the_table_writer_writes_the_header_once_and_nothing_for_jsonl() {
        let csv = Format::Csv.table_writer(Vec::new(), false).unwrap();
        assert_eq!(csv.into_inner().unwrap(), csv_of(&[]).into_bytes());
        let jsonl = Format::Jsonl.table_writer(Vec::new(), true).unwrap();
        assert!(jsonl.into_inner().unwrap().is_empty());
        let mut rows = Vec::new();
        Format::Csv.encoder(false).encode(&[], &mut rows).unwrap();
        assert!(rows.is_empty(), "no rows, no bytes");
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
