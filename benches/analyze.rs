//! Criterion benchmarks of [`whosaid::analyze`], the whole analyzer, on single documents:
//! the seed article, the most quote-dense article of `corpus/` and one long document (every
//! article of `corpus/` joined). Throughput is in bytes of text.
//!
//! `cargo bench --bench analyze` (add `-- --quick` for a fast look).

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

criterion_group!(benches, analyze_documents);
criterion_main!(benches);
