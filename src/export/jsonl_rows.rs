//! The JSONL rows of one document: the object `serde_json::to_writer` writes for each
//! [`Quote`], byte for byte, with the keys written as they are.
//!
//! Serialized through serde, every row escapes its 18 keys again, a dozen instructions a byte:
//! two thirds of the strings `serde_json` escapes for the table, 10% of a whole run writing
//! JSONL. Here the keys, with their quotes, colons and commas, are literals; `serde_json`
//! still escapes each text value, numbers are written by `itoa` and the kinds by their names,
//! as serde writes them. The fields are written in one straight run, in the order of
//! [`super::COLUMNS`] (a loop over a list of cells shared with the CSV rows cost 1.9% of a
//! run writing JSONL); the tests, which check the rows against `serde_json::to_writer` on
//! every quote of the bundled corpus, hold that order to serde's.

use crate::quote::Quote;

/// Appends the JSONL rows of `quotes` to `out`, one object and a line break each.
pub(super) fn encode_rows(quotes: &[Quote], out: &mut Vec<u8>) {
    for q in quotes {
        out.extend_from_slice(b"{\"doc\":");
        text(out, &q.doc);
        out.extend_from_slice(b",\"publication\":");
        optional_text(out, q.publication.as_deref());
        out.extend_from_slice(b",\"quote\":");
        text(out, &q.quote);
        out.extend_from_slice(b",\"kind\":");
        name(out, q.kind.as_str());
        out.extend_from_slice(b",\"speaker\":");
        optional_text(out, q.speaker.as_deref());
        out.extend_from_slice(b",\"speaker_name\":");
        optional_text(out, q.speaker_name.as_deref());
        out.extend_from_slice(b",\"speaker_kind\":");
        name(out, q.speaker_kind.as_str());
        out.extend_from_slice(b",\"cue\":");
        optional_text(out, q.cue.as_deref());
        out.extend_from_slice(b",\"medium\":");
        optional_text(out, q.medium.as_deref());
        out.extend_from_slice(b",\"reported_by\":");
        optional_text(out, q.reported_by.as_deref());
        out.extend_from_slice(b",\"paragraph\":");
        number(out, Some(q.paragraph));
        out.extend_from_slice(b",\"quote_start\":");
        number(out, Some(q.quote_start));
        out.extend_from_slice(b",\"quote_end\":");
        number(out, Some(q.quote_end));
        out.extend_from_slice(b",\"speaker_start\":");
        number(out, q.speaker_start);
        out.extend_from_slice(b",\"speaker_end\":");
        number(out, q.speaker_end);
        out.extend_from_slice(b",\"cue_start\":");
        number(out, q.cue_start);
        out.extend_from_slice(b",\"cue_end\":");
        number(out, q.cue_end);
        out.extend_from_slice(b",\"speaker_gender\":");
        name(out, q.speaker_gender.as_str());
        out.extend_from_slice(b"}\n");
    }
}

/// A string, quoted and escaped by `serde_json`.
fn text(out: &mut Vec<u8>, text: &str) {
    // Writing to a vector cannot fail, and a string always serializes.
    serde_json::to_writer(&mut *out, text).expect("a string written to memory");
}

/// A string, or `null` for a missing value.
fn optional_text(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => text(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// The name of a kind (lower-case letters, nothing to escape), quoted.
fn name(out: &mut Vec<u8>, name: &str) {
    debug_assert!(name.bytes().all(|b| b.is_ascii_lowercase()));
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// A number in decimal, or `null` for a missing value.
fn number(out: &mut Vec<u8>, value: Option<usize>) {
    match value {
        Some(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde writes for `quotes`, one object per line.
    fn by_serde(quotes: &[Quote]) -> String {
        let mut out = Vec::new();
        for q in quotes {
            serde_json::to_writer(&mut out, q).unwrap();
            out.push(b'\n');
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn rows_of_the_corpus_are_those_of_serde_json() {
        for (n, quotes) in crate::export::tests::corpus_quotes().iter().enumerate() {
            let mut out = b"bytes before".to_vec();
            encode_rows(quotes, &mut out);
            assert_eq!(
                String::from_utf8(out[12..].to_vec()).unwrap(),
                by_serde(quotes),
                "document {n}"
            );
        }
    }

    #[test]
    fn every_field_and_missing_value_is_written_as_serde_writes_it() {
        let mut q = crate::export::tests::sample();
        let mut quotes = vec![q.clone()];
        q.publication = None;
        q.quote = "\u{1}\\ \"é\" \u{2028}".into();
        q.speaker_name = Some("Ana".into());
        q.medium = Some("X".into());
        q.reported_by = Some("Y".into());
        q.cue = None;
        q.speaker_start = None;
        q.speaker_end = None;
        q.cue_start = None;
        q.cue_end = None;
        quotes.push(q);
        let mut out = Vec::new();
        encode_rows(&quotes, &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), by_serde(&quotes));
    }
}
