//! The parallel driver: documents in, quotes out, in corpus order whatever the thread count.
//!
//! [`Pipeline::run`] takes documents from an iterator in batches, analyzes the documents of a
//! batch in parallel on a rayon pool, then writes the batch's quotes in document order and
//! flushes them. Only one batch of documents and its quotes are in memory at a time, and the
//! output is byte for byte the same with one thread or many.

use std::panic::{self, AssertUnwindSafe};

use rayon::prelude::*;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::QuoteSink;
use crate::quote::Quote;

/// The default number of documents analyzed together.
pub const DEFAULT_BATCH_SIZE: usize = 128;

/// A batch is closed once its texts hold this many bytes, whatever its number of documents,
/// so that a corpus of large documents does not hold many of them at once.
pub const BATCH_BYTES: usize = 32 << 20;

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read and analyzed.
    pub documents: usize,
    /// Quotes written.
    pub quotes: usize,
    /// Files, records or documents left out on purpose ([`Error::Skipped`]: unknown type,
    /// binary, empty, too large), each reported to the error callback.
    pub skipped: usize,
    /// Files, records or documents that failed (each reported to the error callback).
    pub failures: usize,
}

/// Runs an analyzer over a stream of documents; see the [module docs](self).
#[derive(Debug)]
pub struct Pipeline {
    batch_size: usize,
    pool: Option<rayon::ThreadPool>,
    flush_each_document: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline on rayon's global pool (one thread per core, or `RAYON_NUM_THREADS`).
    pub fn new() -> Self {
        Pipeline {
            batch_size: DEFAULT_BATCH_SIZE,
            pool: None,
            flush_each_document: false,
        }
    }

    /// A pipeline on its own pool of `threads` threads; 0 means one per core.
    pub fn with_threads(threads: usize) -> Result<Self> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("whosaid-{i}"))
            .build()?;
        Ok(Pipeline {
            batch_size: DEFAULT_BATCH_SIZE,
            pool: Some(pool),
            flush_each_document: false,
        })
    }

    /// Sets how many documents are analyzed together (at least 1).
    pub fn batch_size(mut self, batch_size: usize) -> Self {
        self.batch_size = batch_size.max(1);
        self
    }

    /// Flushes the sink after the quotes of each document (streaming mode, [`crate::stream`])
    /// instead of after each batch.
    pub fn flush_each_document(mut self, on: bool) -> Self {
        self.flush_each_document = on;
        self
    }

    /// Analyzes `docs` with [`crate::analyze`] and writes the quotes to `sink`.
    ///
    /// An `Err` item of `docs`, or a document on which the analyzer panics, is passed to
    /// `on_error`, counted in [`Summary::skipped`] (an [`Error::Skipped`]) or
    /// [`Summary::failures`] (any other), and the run goes on. An error of the sink
    /// (a write error) stops the run and is returned.
    pub fn run<I, S>(&self, docs: I, sink: &mut S, on_error: impl FnMut(Error)) -> Result<Summary>
    where
        I: IntoIterator<Item = Result<Document>>,
        S: QuoteSink + ?Sized,
    {
        self.run_with(crate::analyze, docs, sink, on_error)
    }

    /// Like [`Pipeline::run`], with another analyzer.
    pub fn run_with<A, I, S>(
        &self,
        analyzer: A,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
        I: IntoIterator<Item = Result<Document>>,
        S: QuoteSink + ?Sized,
    {
        self.drive(analyzer, docs, &mut QuotesOf(sink), on_error)
    }

    /// Like [`Pipeline::run`], but hands each document together with its quotes to `sink`
    /// (for outputs that need the text, such as `whosaid report`'s article pages).
    pub fn run_documents<I, S>(
        &self,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        I: IntoIterator<Item = Result<Document>>,
        S: DocumentSink + ?Sized,
    {
        self.drive(crate::analyze, docs, sink, on_error)
    }

    /// Reads `docs` in batches, analyzes each batch in parallel and hands the results to
    /// `sink` in corpus order, flushing it after each batch.
    fn drive<A, I, S>(
        &self,
        analyzer: A,
        docs: I,
        sink: &mut S,
        mut on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
        I: IntoIterator<Item = Result<Document>>,
        S: DocumentSink + ?Sized,
    {
        let mut summary = Summary::default();
        let mut docs = docs.into_iter();
        let mut batch = Vec::with_capacity(self.batch_size);
        let mut exhausted = false;
        while !exhausted {
            batch.clear();
            let mut bytes = 0;
            while batch.len() < self.batch_size && bytes < BATCH_BYTES {
                match docs.next() {
                    Some(Ok(doc)) => {
                        bytes += doc.text.len();
                        batch.push(doc);
                    }
                    Some(Err(e)) => {
                        if e.is_skip() {
                            summary.skipped += 1;
                        } else {
                            summary.failures += 1;
                        }
                        on_error(e);
                    }
                    None => {
                        exhausted = true;
                        break;
                    }
                }
            }
            if batch.is_empty() {
                continue;
            }
            summary.documents += batch.len();
            let results = self.analyze_batch(&analyzer, &batch);
            for (doc, result) in batch.iter().zip(results) {
                match result {
                    Ok(quotes) => {
                        sink.write_document(doc, &quotes)?;
                        summary.quotes += quotes.len();
                        if self.flush_each_document && !quotes.is_empty() {
                            sink.flush()?;
                        }
                    }
                    Err(e) => {
                        summary.failures += 1;
                        on_error(e);
                    }
                }
            }
            sink.flush()?;
        }
        sink.flush()?;
        Ok(summary)
    }

    /// The quotes of each document of the batch, in batch order.
    fn analyze_batch<A>(&self, analyzer: &A, batch: &[Document]) -> Vec<Result<Vec<Quote>>>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
    {
        let work = || {
            batch
                .par_iter()
                .map(|doc| analyze_one(analyzer, doc))
                .collect()
        };
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

/// Where analyzed documents go, one at a time, with their quotes.
pub trait DocumentSink {
    /// Takes one document and its quotes (in text order).
    fn write_document(&mut self, doc: &Document, quotes: &[Quote]) -> Result<()>;
    /// Flushes what was written so far.
    fn flush(&mut self) -> Result<()>;
}

/// A [`QuoteSink`] seen as a [`DocumentSink`]: the quotes go on, the documents are dropped.
struct QuotesOf<'s, S: ?Sized>(&'s mut S);

impl<S: QuoteSink + ?Sized> DocumentSink for QuotesOf<'_, S> {
    fn write_document(&mut self, _: &Document, quotes: &[Quote]) -> Result<()> {
        quotes.iter().try_for_each(|q| self.0.write_quote(q))
    }

    fn flush(&mut self) -> Result<()> {
        self.0.flush()
    }
}

/// Runs the analyzer on one document, turning a panic into an error for that document.
fn analyze_one<A>(analyzer: &A, doc: &Document) -> Result<Vec<Quote>>
where
    A: Fn(&Document) -> Vec<Quote> + Sync,
{
    panic::catch_unwind(AssertUnwindSafe(|| analyzer(doc))).map_err(|payload| {
        let message = crate::corpus::panic_message(payload.as_ref());
        Error::Analyze {
            doc: doc.id.clone(),
            message,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::CsvWriter;
    use crate::quote::{QuoteKind, SpeakerGender, SpeakerKind};
    use std::io;

    /// A stand-in analyzer: one quote per word of the text, so that output depends on order.
    fn words(doc: &Document) -> Vec<Quote> {
        let mut offset = 0;
        doc.text
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                let start = offset;
                offset += w.chars().count() + 1;
                Quote {
                    doc: doc.id.clone(),
                    publication: doc.publisher.clone(),
                    quote: w.to_string(),
                    kind: QuoteKind::Direct,
                    speaker: None,
                    speaker_name: None,
                    speaker_kind: SpeakerKind::Unknown,
                    cue: None,
                    medium: None,
                    reported_by: None,
                    paragraph: i,
                    quote_start: start,
                    quote_end: start + w.chars().count(),
                    speaker_start: None,
                    speaker_end: None,
                    cue_start: None,
                    cue_end: None,
                    speaker_gender: SpeakerGender::Unknown,
                }
            })
            .collect()
    }

    fn corpus(n: usize) -> Vec<Result<Document>> {
        (0..n)
            .map(|i| {
                let words: Vec<String> = (0..(i * 7 % 13)).map(|j| format!("w{i}-{j}")).collect();
                Ok(Document::new(format!("doc{i:03}"), words.join(" ")))
            })
            .collect()
    }

    fn csv_with(pipeline: &Pipeline, docs: Vec<Result<Document>>) -> (Vec<u8>, Summary) {
        let mut sink = CsvWriter::new(Vec::new()).unwrap();
        let summary = pipeline
            .run_with(words, docs, &mut sink, |e| panic!("{e}"))
            .unwrap();
        (sink.into_inner().unwrap(), summary)
    }

    #[test]
    fn output_is_in_corpus_order_whatever_the_threads_and_batches() {
        let (one, summary) = csv_with(&Pipeline::with_threads(1).unwrap(), corpus(300));
        assert_eq!(summary.documents, 300);
        assert!(summary.quotes > 1000);
        for (threads, batch) in [(2, 7), (4, 1), (3, 128), (8, 1000)] {
            let pipeline = Pipeline::with_threads(threads).unwrap().batch_size(batch);
            assert_eq!(csv_with(&pipeline, corpus(300)).0, one, "{threads} threads");
        }
        let mut sink: Vec<Quote> = Vec::new();
        Pipeline::new()
            .run_with(words, corpus(300), &mut sink, |_| {})
            .unwrap();
        let docs: Vec<&str> = sink.iter().map(|q| q.doc.as_str()).collect();
        assert!(docs.is_sorted());
    }

    #[test]
    fn failures_are_reported_and_counted_and_the_run_goes_on() {
        let docs = vec![
            Ok(Document::new("a", "x y")),
            Err(Error::Unsupported {
                path: "bad.csv".into(),
            }),
            Err(Error::Skipped {
                path: "x.bin".into(),
                line: None,
                reason: "binary file".into(),
            }),
            Ok(Document::new("boom", "z")),
            Ok(Document::new("c", "w")),
        ];
        let analyzer = |doc: &Document| {
            if doc.id == "boom" {
                panic!("index out of range");
            }
            words(doc)
        };
        let mut errors = Vec::new();
        let mut sink: Vec<Quote> = Vec::new();
        let summary = Pipeline::with_threads(2)
            .unwrap()
            .batch_size(2)
            .run_with(analyzer, docs, &mut sink, |e| errors.push(e.to_string()))
            .unwrap();
        assert_eq!(
            summary,
            Summary {
                documents: 3,
                quotes: 3,
                skipped: 1,
                failures: 2
            }
        );
        assert_eq!(
            errors,
            [
                "bad.csv: unsupported file type (expected .txt, .jsonl, .html, .htm or .warc, \
                 optionally .gz or .zst)",
                "x.bin: skipped: binary file",
                "boom: analyzer failed: index out of range"
            ]
        );
        let docs: Vec<&str> = sink.iter().map(|q| q.doc.as_str()).collect();
        assert_eq!(docs, ["a", "a", "c"]);
    }

    struct BrokenPipe;

    impl QuoteSink for BrokenPipe {
        fn write_quote(&mut self, _: &Quote) -> Result<()> {
            Err(Error::Output(io::Error::from(io::ErrorKind::BrokenPipe)))
        }
        fn flush(&mut self) -> Result<()> {
            Ok(())
        }
    }

    /// Records the number of quotes written at each flush.
    #[derive(Default)]
    struct Flushes {
        written: usize,
        at: Vec<usize>,
    }

    impl QuoteSink for Flushes {
        fn write_quote(&mut self, _: &Quote) -> Result<()> {
            self.written += 1;
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            self.at.push(self.written);
            Ok(())
        }
    }

    #[test]
    fn flush_each_document_flushes_after_each_document_with_quotes() {
        let docs = || {
            ["a b", "no quotes", "c", "d e f"]
                .iter()
                .enumerate()
                .map(|(i, text)| Ok(Document::new(format!("d{i}"), *text)))
                .collect::<Vec<_>>()
        };
        let analyzer = |doc: &Document| {
            if doc.id == "d1" {
                Vec::new()
            } else {
                words(doc)
            }
        };
        let mut batched = Flushes::default();
        Pipeline::new()
            .run_with(analyzer, docs(), &mut batched, |_| {})
            .unwrap();
        assert_eq!(batched.at, [6, 6], "after the batch, and at the end");
        let mut each = Flushes::default();
        Pipeline::new()
            .flush_each_document(true)
            .run_with(analyzer, docs(), &mut each, |_| {})
            .unwrap();
        assert_eq!(each.at, [2, 3, 6, 6, 6]);
    }

    #[test]
    fn a_write_error_stops_the_run() {
        let err = Pipeline::new()
            .run_with(words, corpus(10), &mut BrokenPipe, |_| {})
            .unwrap_err();
        assert!(err.is_broken_pipe());
    }

    /// Keeps each document's id with the number and first offset of its quotes.
    #[derive(Default)]
    struct Collect(Vec<(String, usize, Option<usize>)>, usize);

    impl DocumentSink for Collect {
        fn write_document(&mut self, doc: &Document, quotes: &[Quote]) -> Result<()> {
            let first = quotes.first().map(|q| q.quote_start);
            self.0.push((doc.id.clone(), quotes.len(), first));
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            self.1 += 1;
            Ok(())
        }
    }

    #[test]
    fn documents_come_with_their_quotes_in_corpus_order() {
        let expected: Vec<_> = corpus(50)
            .into_iter()
            .map(|d| {
                let d = d.unwrap();
                let quotes = words(&d);
                (d.id, quotes.len(), quotes.first().map(|q| q.quote_start))
            })
            .collect();
        let mut sink = Collect::default();
        let summary = Pipeline::with_threads(3)
            .unwrap()
            .batch_size(4)
            .drive(words, corpus(50), &mut sink, |e| panic!("{e}"))
            .unwrap();
        assert_eq!(sink.0, expected);
        assert_eq!(summary.quotes, expected.iter().map(|e| e.1).sum::<usize>());
        assert_eq!(
            sink.1,
            50 / 4 + 1 + 1,
            "flushed after each batch and at the end"
        );

        let doc = Document::new("d", "\"We will win,\" Smith said.");
        let mut sink = Collect::default();
        Pipeline::new()
            .run_documents([Ok(doc.clone())], &mut sink, |e| panic!("{e}"))
            .unwrap();
        let quotes = crate::analyze(&doc);
        assert_eq!(sink.0, [("d".to_string(), 1, Some(quotes[0].quote_start))]);
    }

    #[test]
    fn an_empty_corpus_is_fine() {
        let (out, summary) = csv_with(&Pipeline::new(), Vec::new());
        assert_eq!(summary, Summary::default());
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
    }
}
