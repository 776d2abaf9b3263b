//! Property tests (proptest): on texts built from the pieces news text is made of
//! (quotation marks of every kind, cues, names, punctuation, paragraph breaks, multi-byte
//! letters), the quote table keeps the properties of `whosaid::invariants`: offsets inside
//! the text, `quote` equal to the text under its span less the enclosing marks, no
//! overlapping quotes, and the same table on every run. The readers keep the text: a
//! compressed or UTF-16 file, or a JSONL record, gives back the text it was made from.
//!
//! The seed is fixed, so that `cargo test` is reproducible;
//! `PROPTEST_RNG_SEED=random PROPTEST_CASES=5000 cargo test --test properties` explores
//! further (a failure it once found is kept in `tests/pathological.rs`).

use std::io::Write;

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use whosaid::corpus::{ReadOptions, read_memory};
use whosaid::invariants::{analyze_and_check, check};
use whosaid::{Document, analyze};

const PIECES: &[&str] = &[
    "\"",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "«",
    "»",
    "„",
    "「",
    "」",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    "said",
    "says",
    "told reporters",
    "according to",
    "added",
    "wrote",
    "Smith",
    "Mr. Jones",
    "Ana Lòpez",
    "the minister",
    "he",
    "she",
    "that",
    "We will win",
    "it is over",
    "naïve",
    "日本",
    "Reuters",
    "reported",
    "in a statement",
    "don't",
    "'90s",
    "Jones'",
    "— AP",
    "(IANS)",
    "WASHINGTON (Reuters) -",
    "By Jane Roe",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// 400 cases from a fixed seed (both may be overridden by `PROPTEST_CASES` and
/// `PROPTEST_RNG_SEED`), and no regression files.
fn config() -> ProptestConfig {
    let defaults = ProptestConfig::default();
    let from_env = std::env::var("PROPTEST_RNG_SEED").is_ok();
    ProptestConfig {
        cases: if std::env::var("PROPTEST_CASES").is_ok() {
            defaults.cases
        } else {
            400
        },
        rng_seed: if from_env {
            defaults.rng_seed
        } else {
            RngSeed::Fixed(20_261_125)
        },
        failure_persistence: None,
        ..defaults
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tables_keep_their_invariants(text in text()) {
        let doc = Document::new("d", text);
        if let Err(e) = analyze_and_check(&doc) {
            prop_assert!(false, "{e}\ntext: {:?}", doc.text);
        }
    }

    #[test]
    fn the_table_does_not_depend_on_the_id_or_on_other_documents(text in text(), other in text()) {
        let a = analyze(&Document::new("a", text.clone()));
        let _ = analyze(&Document::new("other", other));
        let b = analyze(&Document::new("b", text));
        prop_assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(&x.doc, "a");
            prop_assert_eq!(&y.doc, "b");
            let mut y = y.clone();
            y.doc = "a".into();
            prop_assert_eq!(x, &y);
        }
    }

    #[test]
    fn any_unicode_text_keeps_the_invariants(text in "\\PC{0,300}") {
        let doc = Document::new("u", text);
        let quotes = analyze(&doc);
        if let Err(e) = check(&doc, &quotes) {
            prop_assert!(false, "{e}\ntext: {:?}", doc.text);
        }
    }

    #[test]
    fn compressed_and_utf16_files_read_back_their_text(text in text()) {
        prop_assume!(!text.is_empty() && !text.contains('\0'));
        let options = ReadOptions::default();
        let plain = read_memory("a.txt", text.as_bytes(), &options);
        let empty = read_memory("a.txt", &[], &options);
        prop_assert!(empty.len() == 1 && empty[0].is_err(), "an empty file is one skip");
        let from_gz = read_memory("a.txt.gz", &gzip(text.as_bytes()), &options);
        let from_zst = read_memory("a.txt.zst", &zstd::encode_all(text.as_bytes(), 1).unwrap(), &options);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let from_utf16 = read_memory("a.txt", &utf16, &options);
        for docs in [plain, from_gz, from_zst, from_utf16] {
            prop_assert_eq!(docs.len(), 1);
            let doc = docs.into_iter().next().unwrap().unwrap();
            prop_assert_eq!(&doc.text, &text);
        }
    }

    #[test]
    fn jsonl_records_read_back_their_fields(id in "\\PC{1,20}", text in text(), publisher in proptest::option::of("[A-Za-z ]{1,20}")) {
        let line = serde_json::json!({"id": id, "text": text, "publisher": publisher, "extra": [1, 2]});
        let docs = read_memory("a.jsonl", format!("{line}\n").as_bytes(), &ReadOptions::default());
        prop_assert_eq!(docs.len(), 1);
        let doc = docs.into_iter().next().unwrap().unwrap();
        prop_assert_eq!(doc.id, id);
        prop_assert_eq!(doc.text, text);
        prop_assert_eq!(doc.publisher, publisher);
    }
}
