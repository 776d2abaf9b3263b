//! Criterion benchmarks of [`whosaid::analyze`], the whole analyzer, on single documents:
//! the seed article, the most quote-dense article of `corpus/` and one long document (every
//! article of `corpus/` joined). Throughput is in bytes of text. And the encoding of the
//! long document's quotes as rows of the table (`rows/csv`, `rows/jsonl`), as the analysis
//! threads encode them for `whosaid analyze`; throughput in bytes of the rows. And, on the
//! long document, the least work of an analyzer that reads words (`floor/words`: every word
//! found once) and what one lookup a word adds to it (`floor/word_lookups`).
//!
//! `cargo bench --bench analyze` (add `-- --quick` for a fast look).

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rustc_hash::FxHashSet;
use whosaid::export::Format;
use whosaid::grammar::words::words;
use whosaid::{Document, analyze};

fn analyze_documents(c: &mut Criterion) {
    let docs = [
        ("seed", support::article(support::SEED)),
        ("quote_dense", support::article(support::QUOTE_DENSE)),
        ("long", support::long_document()),
    ];
    let mut group = c.benchmark_group("analyze");
    for (name, text) in docs {
        let doc = Document::new(name, text);
        assert!(!analyze(&doc).is_empty(), "{name}: no quotes to find");
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(name, |b| b.iter(|| analyze(black_box(&doc))));
    }
    group.finish();
}

fn encode_rows(c: &mut Criterion) {
    let quotes = analyze(&Document::new("long.txt", support::long_document()));
    let mut group = c.benchmark_group("rows");
    for (name, format) in [("csv", Format::Csv), ("jsonl", Format::Jsonl)] {
        let encoder = format.encoder(false);
        let mut rows = Vec::new();
        encoder.encode(&quotes, &mut rows).unwrap();
        group.throughput(Throughput::Bytes(rows.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                rows.clear();
                encoder.encode(black_box(&quotes), &mut rows).unwrap();
                rows.len()
            })
        });
    }
    group.finish();
}

/// The least work an analyzer that reads words does, on the long document, to set against
/// `analyze/long`: `floor/words` finds every word once with the analyzer's own tokenizer
/// ([`words`]: letters and digits, inner apostrophes and hyphens, any script), the least any
/// design that reads the words does; `floor/word_lookups` also looks each one up once,
/// lower-cased, in a hash set of words (the set holds every distinct word of the text, so
/// each lookup is a hit, as the commonest words of news text are in the analyzer's word
/// lists): what one probe per word costs. BENCHMARKS.md ("The floor") sets them against the
/// 200 MB/s per core of issue 5.
fn floor(c: &mut Criterion) {
    let text = support::long_document();
    let lexicon: FxHashSet<Vec<u8>> = words(&text)
        .map(|(_, w)| w.as_bytes().to_ascii_lowercase())
        .collect();
    let mut group = c.benchmark_group("floor");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("words", |b| b.iter(|| words(black_box(&text)).count()));
    let hits = |text: &str| {
        let mut lower = [0u8; 64];
        words(text)
            .filter(|(_, w)| {
                let w = w.as_bytes();
                let Some(lower) = lower.get_mut(..w.len()) else {
                    return false;
                };
                for (l, &b) in lower.iter_mut().zip(w) {
                    *l = b.to_ascii_lowercase();
                }
                lexicon.contains(&*lower)
            })
            .count()
    };
    assert_eq!(hits(&text), words(&text).count(), "every lookup is a hit");
    group.bench_function("word_lookups", |b| b.iter(|| hits(black_box(&text))));
    group.finish();
}

criterion_group!(benches, analyze_documents, encode_rows, floor);
criterion_main!(benches);
