//! Criterion benchmarks of [`whosaid::analyze`], the whole analyzer, on single documents:
//! the seed article, the most quote-dense article of `corpus/` and one long document (every
//! article of `corpus/` joined). Throughput is in bytes of text. And the encoding of the
//! long document's quotes as rows of the table (`rows/csv`, `rows/jsonl`), as the analysis
//! threads encode them for `whosaid analyze`; throughput in bytes of the rows.
//!
//! `cargo bench --bench analyze` (add `-- --quick` for a fast look).

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::export::Format;
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

criterion_group!(benches, analyze_documents, encode_rows);
criterion_main!(benches);
