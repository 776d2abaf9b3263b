//! The CSV rows of one document, quoted by `csv_core`, the layer of the `csv` crate that
//! knows which cells need quotes and how to escape them.
//!
//! `csv::Writer::serialize` walks a [`Quote`]'s fields through serde, has `csv_core` write
//! each cell, delimiter and terminator into a buffer of its own through a resumable state
//! machine, and copies the buffer on: about 240 instructions a cell, 6.6% of a whole run on
//! files (3.8 million rows per GiB of news text). Here the cells go straight into the output
//! vector: `csv_core` tells which text cells need quotes (a delimiter, a quote or a line
//! break in them: `Writer::should_quote`, under the settings of `csv::Writer`) and escapes
//! them (`csv_core::quote`, quotes doubled); the row puts the quotes around them and the
//! delimiters and terminators between them. The cells that never need quotes (numbers, the
//! names of the kinds) are copied as they are. The tests check that the rows are
//! `csv::Writer`'s, byte for byte, on the quotes of the bundled corpus.
//!
//! The cells of the document's name and publication, the same in each of its rows, are
//! encoded once and copied.

use std::ops::Range;
use std::sync::LazyLock;

use csv_core::{Terminator, WriteResult, Writer, WriterBuilder};

use crate::quote::Quote;

/// Appends the CSV rows of `quotes` to `out`; with `excel_safe`, text cells go through
/// [`super::excel_safe`] first.
pub(super) fn encode_rows(quotes: &[Quote], excel_safe: bool, out: &mut Vec<u8>) {
    let mut row = Row {
        rules: &QUOTING_RULES,
        out,
        excel_safe,
    };
    // Where the encoded name and publication of the document (with the delimiter after
    // them) are in `out`, and the quote they were made for.
    let mut head: Option<(Range<usize>, &Quote)> = None;
    for quote in quotes {
        match &head {
            Some((bytes, first))
                if first.doc == quote.doc && first.publication == quote.publication =>
            {
                // Copied with their delimiter: the next cell starts afresh either way.
                row.out.extend_from_within(bytes.clone());
            }
            _ => {
                let start = row.out.len();
                row.text(&quote.doc);
                row.delimiter();
                row.optional_text(quote.publication.as_deref());
                row.delimiter();
                head = Some((start..row.out.len(), quote));
            }
        }
        row.rest(quote);
    }
}

/// The byte between two cells of a row.
const DELIMITER: u8 = b',';

/// The byte that opens and closes a quoted cell.
const QUOTE: u8 = b'"';

/// The byte after each row.
const TERMINATOR: u8 = b'\n';

/// A `csv_core` writer set as `csv::Writer`'s default (the cells quoted only where they must
/// be, quotes within doubled), for its rule of which cells need quotes: built once.
static QUOTING_RULES: LazyLock<Writer> = LazyLock::new(|| {
    WriterBuilder::new()
        .delimiter(DELIMITER)
        .quote(QUOTE)
        .terminator(Terminator::Any(TERMINATOR))
        .build()
});

/// The writer of the cells of a row, and where they go.
struct Row<'o> {
    /// Which cells need quotes.
    rules: &'static Writer,
    out: &'o mut Vec<u8>,
    excel_safe: bool,
}

impl Row<'_> {
    /// The cells after the publication, each after a delimiter, and the terminator: in the
    /// order of [`super::COLUMNS`], held to serde's by the tests.
    fn rest(&mut self, q: &Quote) {
        self.text(&q.quote);
        self.delimiter();
        self.plain(q.kind.as_str().as_bytes());
        self.delimiter();
        self.optional_text(q.speaker.as_deref());
        self.delimiter();
        self.optional_text(q.speaker_name.as_deref());
        self.delimiter();
        self.plain(q.speaker_kind.as_str().as_bytes());
        for text in [&q.cue, &q.medium, &q.reported_by] {
            self.delimiter();
            self.optional_text(text.as_deref());
        }
        for number in [q.paragraph, q.quote_start, q.quote_end] {
            self.delimiter();
            self.number(Some(number));
        }
        for number in [q.speaker_start, q.speaker_end, q.cue_start, q.cue_end] {
            self.delimiter();
            self.number(number);
        }
        self.delimiter();
        self.plain(q.speaker_gender.as_str().as_bytes());
        self.terminator();
    }

    /// A text cell, guarded against formula injection if asked.
    fn text(&mut self, text: &str) {
        if self.excel_safe {
            self.cell(super::excel_safe(text).as_bytes());
        } else {
            self.cell(text.as_bytes());
        }
    }

    /// A text cell, empty for a missing value (as serde's `None`).
    fn optional_text(&mut self, text: Option<&str>) {
        self.text(text.unwrap_or_default());
    }

    /// A number in decimal, empty for a missing value.
    fn number(&mut self, number: Option<usize>) {
        if let Some(n) = number {
            self.plain(itoa::Buffer::new().format(n).as_bytes());
        }
    }

    /// One cell: its bytes as they are, or in quotes with the quotes within doubled where
    /// `csv_core` finds that it needs them (it holds the delimiter, a quote or a line break).
    fn cell(&mut self, bytes: &[u8]) {
        if !self.rules.should_quote(bytes) {
            return self.out.extend_from_slice(bytes);
        }
        // Room for the most a quoted cell can take (its two quotes and each byte doubled),
        // cut to what it took.
        let at = self.out.len();
        self.out.resize(at + 2 * bytes.len() + 2, 0);
        self.out[at] = QUOTE;
        let room = &mut self.out[at + 1..];
        // Quotes doubled: no escape byte (the one given is not used).
        let (result, read, written) = csv_core::quote(bytes, room, QUOTE, b'\\', true);
        assert!(matches!(result, WriteResult::InputEmpty) && read == bytes.len());
        self.out[at + 1 + written] = QUOTE;
        self.out.truncate(at + written + 2);
    }

    /// A cell that needs no quotes (as digits and the lower-case names of the kinds), copied
    /// as `csv_core` would copy it.
    fn plain(&mut self, bytes: &[u8]) {
        debug_assert!(!self.rules.should_quote(bytes));
        self.out.extend_from_slice(bytes);
    }

    /// The delimiter between two cells.
    fn delimiter(&mut self) {
        self.out.push(DELIMITER);
    }

    /// The end of the row. (`csv::Writer` writes `""` for a row with nothing in it, which ours
    /// never are: 18 cells, 17 delimiters.)
    fn terminator(&mut self) {
        self.out.push(TERMINATOR);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{CsvWriter, QuoteSink};

    /// What `csv::Writer` writes for `quotes`, without the header row.
    fn by_csv_writer(quotes: &[Quote], excel_safe: bool) -> Vec<u8> {
        let mut w = CsvWriter::new(Vec::new()).unwrap().excel_safe(excel_safe);
        for q in quotes {
            w.write_quote(q).unwrap();
        }
        let mut out = w.into_inner().unwrap();
        let header = out.iter().position(|&b| b == b'\n').unwrap() + 1;
        out.drain(..header);
        out
    }

    #[test]
    fn rows_of_the_corpus_are_those_of_the_csv_writer() {
        for (n, quotes) in crate::export::tests::corpus_quotes().iter().enumerate() {
            for excel_safe in [false, true] {
                let mut out = b"bytes before".to_vec();
                encode_rows(quotes, excel_safe, &mut out);
                assert_eq!(
                    String::from_utf8_lossy(&out[12..]),
                    String::from_utf8_lossy(&by_csv_writer(quotes, excel_safe)),
                    "document {n}, excel_safe {excel_safe}"
                );
            }
        }
    }

    #[test]
    fn the_head_of_a_row_is_encoded_again_when_it_changes() {
        let quote = |doc: &str, publication: Option<&str>, text: &str| {
            let mut q = crate::export::tests::sample();
            q.doc = doc.into();
            q.publication = publication.map(Into::into);
            q.quote = text.into();
            q
        };
        let quotes = [
            quote("a, b.txt", Some("IANS"), "one"),
            quote("a, b.txt", Some("IANS"), "two, \"2\""),
            quote("a, b.txt", None, "three"),
            quote("=c.txt", None, ""),
            quote("=c.txt", None, "four\n"),
            quote("a, b.txt", None, "five"),
        ];
        for excel_safe in [false, true] {
            let mut out = Vec::new();
            encode_rows(&quotes, excel_safe, &mut out);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                String::from_utf8(by_csv_writer(&quotes, excel_safe)).unwrap()
            );
        }
    }
}
