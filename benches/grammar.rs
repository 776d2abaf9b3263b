//! Criterion benchmarks of the pieces of the analyzer reachable through the public API, each
//! on the long document of `corpus/` (every article joined), in the order `analyze` runs
//! them: layout, quotation marks, quoted spans, sentences, cues, speaker mentions,
//! attribution, the speaker name registry. Throughput is in bytes of the whole text.
//!
//! `cargo bench --bench grammar` (add `-- --quick` for a fast look).

mod support;

use std::hint::black_box;
use std::ops::Range;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::attribution::attribute;
use whosaid::grammar::cue::find_cues;
use whosaid::grammar::marks::scan_marks;
use whosaid::grammar::mention::mention_at;
use whosaid::grammar::spans::{QuotedSpan, find_quotes};
use whosaid::layout::{Layout, Role};
use whosaid::sentence::{self, Sentence};
use whosaid::speaker::Resolver;

/// The inputs of each step, computed once outside the timed loops as `analyze` computes them
/// (without the dateline trimming of the first body paragraph).
struct Steps {
    text: String,
    paragraphs: Vec<Range<usize>>,
    body: Vec<(usize, Range<usize>)>,
    quotes: Vec<QuotedSpan>,
    sentences: Vec<Sentence>,
    /// Start of every capitalized word of the body, with the end of its paragraph.
    capitals: Vec<(usize, usize)>,
}

impl Steps {
    fn new(text: String) -> Self {
        let layout = Layout::parse(&text, None);
        let paragraphs: Vec<Range<usize>> =
            layout.paragraphs.iter().map(|p| p.range.clone()).collect();
        let body: Vec<(usize, Range<usize>)> = layout
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p.role, Role::Body | Role::Headline))
            .map(|(i, p)| (i, p.range.clone()))
            .collect();
        let quotes: Vec<QuotedSpan> = find_quotes(&text, &paragraphs)
            .into_iter()
            .filter(|q| q.depth == 0)
            .collect();
        let sentences = sentence::split(&text, &body, &quotes);
        let capitals = body
            .iter()
            .flat_map(|(_, range)| {
                let paragraph = &text[range.clone()];
                paragraph
                    .char_indices()
                    .filter(|&(i, c)| {
                        c.is_uppercase()
                            && paragraph[..i]
                                .chars()
                                .next_back()
                                .is_none_or(char::is_whitespace)
                    })
                    .map(move |(i, _)| (range.start + i, range.end))
            })
            .collect();
        Steps {
            text,
            paragraphs,
            body,
            quotes,
            sentences,
            capitals,
        }
    }
}

fn grammar_pieces(c: &mut Criterion) {
    let s = Steps::new(support::long_document());
    let text = s.text.as_str();
    assert!(!s.quotes.is_empty() && !s.sentences.is_empty() && !s.capitals.is_empty());

    let mut group = c.benchmark_group("grammar");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("layout", |b| {
        b.iter(|| Layout::parse(black_box(text), None))
    });
    group.bench_function("marks", |b| b.iter(|| scan_marks(black_box(text))));
    group.bench_function("spans", |b| {
        b.iter(|| find_quotes(black_box(text), &s.paragraphs))
    });
    group.bench_function("sentences", |b| {
        b.iter(|| sentence::split(black_box(text), &s.body, &s.quotes))
    });
    group.bench_function("cues", |b| {
        b.iter(|| find_cues(black_box(text), 0..text.len()))
    });
    group.bench_function("mentions", |b| {
        b.iter(|| {
            s.capitals
                .iter()
                .filter_map(|&(pos, limit)| mention_at(black_box(text), pos, limit))
                .count()
        })
    });
    group.bench_function("attribution", |b| {
        b.iter(|| attribute(black_box(text), &s.sentences, &s.quotes, &[]))
    });
    group.bench_function("speaker_registry", |b| {
        b.iter(|| Resolver::new(black_box(text), &s.body))
    });
    group.finish();
}

criterion_group!(benches, grammar_pieces);
criterion_main!(benches);
