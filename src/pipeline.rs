//! The parallel driver: documents in, quotes out, in corpus order whatever the thread count.
//!
//! [`Pipeline::run`] takes documents from an iterator in batches and hands each batch to the
//! rayon pool, where its documents are analyzed in parallel; the calling thread meanwhile
//! reads the next batches and writes the quotes of finished ones, oldest first, so that
//! reading, analysis and writing overlap and no thread waits for the slowest document of a
//! batch. At most [`IN_FLIGHT`] batches are read and not yet written, each of at most
//! [`BATCH_BYTES`] of text (or one larger document), and no new one is read while those hold
//! [`READ_AHEAD_BYTES`]: memory stays bounded whatever the size of the corpus (about 24 MiB
//! of text at most, or one document and what fits beside it), and the output is byte for
//! byte the same with one thread or many.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};

use rayon::prelude::*;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::QuoteSink;
use crate::quote::Quote;

/// The default number of documents analyzed together.
pub const DEFAULT_BATCH_SIZE: usize = 128;

/// A batch is closed once its texts hold this many bytes, whatever its number of documents,
/// so that a corpus of large documents does not hold many of them at once.
pub const BATCH_BYTES: usize = 8 << 20;

/// The most batches read and not yet written: the oldest being written (or waited for), the
/// others being analyzed. The calling thread reads a new batch only when fewer are pending.
pub const IN_FLIGHT: usize = 3;

/// Nor does it read a new batch when the pending ones hold this many bytes of text or more:
/// large documents (over a few MB each) are read no further ahead than this.
pub const READ_AHEAD_BYTES: usize = 2 * BATCH_BYTES;

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

/// Each document of a batch with its quotes (or the analyzer's failure), in batch order.
type BatchResults = Vec<(Document, Result<Vec<Quote>>)>;

/// A batch handed over for analysis.
enum Pending {
    /// Analyzed already (when the pipeline runs on a thread of its own pool).
    Done(BatchResults),
    /// Being analyzed on the pool; its results come on the channel.
    Running(Receiver<BatchResults>),
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
    /// (a write error) stops the run and is returned. `docs` is read and `sink` written on
    /// the calling thread only; the errors of `docs` are passed on as they are read, those
    /// of the analyzer as their batch is written.
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
        self.run_sink(analyzer, docs, &mut QuotesOf(sink), on_error)
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
        self.run_sink(crate::analyze, docs, sink, on_error)
    }

    /// The run: batches on the pool, written to `sink` in corpus order.
    fn run_sink<A, I, S>(
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
        // Set when a write fails, so that the batches still being analyzed end early.
        let stop = AtomicBool::new(false);
        let (analyzer, stop) = (&analyzer, &stop);
        // On a thread of the pool itself, waiting for a spawned batch would hold the thread
        // it needs: each batch is then analyzed in place, one after the other.
        let in_pool = match &self.pool {
            Some(pool) => pool.current_thread_index().is_some(),
            None => rayon::current_thread_index().is_some(),
        };
        let on_error = &mut on_error;
        match &self.pool {
            Some(pool) => pool.in_place_scope_fifo(|scope| {
                self.drive(scope, analyzer, stop, in_pool, docs, sink, on_error)
            }),
            None => rayon::in_place_scope_fifo(|scope| {
                self.drive(scope, analyzer, stop, in_pool, docs, sink, on_error)
            }),
        }
    }

    /// The loop of [`Pipeline::run_sink`]: reads batches, spawns their analysis on `scope`
    /// (or, `in_pool`, analyzes them in place) and writes the oldest once [`IN_FLIGHT`] batches
    /// or [`READ_AHEAD_BYTES`] are pending, or the documents have ended.
    #[allow(clippy::too_many_arguments)]
    fn drive<'scope, A, I, S>(
        &self,
        scope: &rayon::ScopeFifo<'scope>,
        analyzer: &'scope A,
        stop: &'scope AtomicBool,
        in_pool: bool,
        docs: I,
        sink: &mut S,
        on_error: &mut impl FnMut(Error),
    ) -> Result<Summary>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
        I: IntoIterator<Item = Result<Document>>,
        S: DocumentSink + ?Sized,
    {
        let mut summary = Summary::default();
        let mut docs = docs.into_iter();
        // The batches read and not yet written, oldest first, with the bytes of their texts.
        let mut pending: VecDeque<(usize, Pending)> = VecDeque::with_capacity(IN_FLIGHT);
        let mut pending_bytes = 0;
        let mut exhausted = false;
        loop {
            if !exhausted && pending.len() < IN_FLIGHT && pending_bytes < READ_AHEAD_BYTES {
                let (batch, bytes);
                (batch, bytes, exhausted) = self.read_batch(&mut docs, &mut summary, on_error);
                if batch.is_empty() {
                    continue;
                }
                summary.documents += batch.len();
                let task = if in_pool {
                    Pending::Done(analyze_batch(analyzer, batch, stop))
                } else {
                    let (tx, rx) = mpsc::sync_channel(1);
                    scope.spawn_fifo(move |_| {
                        // The receiver is gone only when the run has stopped.
                        let _ = tx.send(analyze_batch(analyzer, batch, stop));
                    });
                    Pending::Running(rx)
                };
                pending.push_back((bytes, task));
                pending_bytes += bytes;
                continue;
            }
            // Enough under way (or nothing left to read): write the oldest batch.
            let Some((bytes, oldest)) = pending.pop_front() else {
                break;
            };
            pending_bytes -= bytes;
            let results = match oldest {
                Pending::Done(results) => results,
                Pending::Running(rx) => rx
                    .recv()
                    .expect("a batch task sends its results (panics are caught)"),
            };
            let each = self.flush_each_document;
            if let Err(e) = write_batch(results, sink, each, &mut summary, on_error) {
                stop.store(true, Ordering::Relaxed);
                return Err(e);
            }
        }
        sink.flush()?;
        Ok(summary)
    }

    /// Reads the next batch: up to `batch_size` documents or [`BATCH_BYTES`] of text. Errors
    /// are counted and passed on. Also gives the bytes of its texts and whether `docs` has
    /// ended.
    fn read_batch(
        &self,
        docs: &mut impl Iterator<Item = Result<Document>>,
        summary: &mut Summary,
        on_error: &mut impl FnMut(Error),
    ) -> (Vec<Document>, usize, bool) {
        let mut batch = Vec::with_capacity(self.batch_size);
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
                None => return (batch, bytes, true),
            }
        }
        (batch, bytes, false)
    }
}

/// Analyzes the documents of a batch in parallel (in the current pool); after a `stop`,
/// the documents left give no quotes. The documents are kept for the sink (the batches in
/// flight bound them).
fn analyze_batch<A>(analyzer: &A, batch: Vec<Document>, stop: &AtomicBool) -> BatchResults
where
    A: Fn(&Document) -> Vec<Quote> + Sync,
{
    batch
        .into_par_iter()
        .map(|doc| {
            let quotes = if stop.load(Ordering::Relaxed) {
                Ok(Vec::new())
            } else {
                analyze_one(analyzer, &doc)
            };
            (doc, quotes)
        })
        .collect()
}

/// Writes the quotes of an analyzed batch in document order, counting them and passing
/// the analyzer's failures on; flushes the sink at the end of the batch, and after each
/// document with quotes when `each_document` is set.
fn write_batch<S>(
    results: BatchResults,
    sink: &mut S,
    each_document: bool,
    summary: &mut Summary,
    on_error: &mut impl FnMut(Error),
) -> Result<()>
where
    S: DocumentSink + ?Sized,
{
    for (doc, result) in results {
        match result {
            Ok(quotes) => {
                sink.write_document(&doc, &quotes)?;
                summary.quotes += quotes.len();
                if each_document && !quotes.is_empty() {
                    sink.flush()?;
                }
            }
            Err(e) => {
                summary.failures += 1;
                on_error(e);
            }
        }
    }
    sink.flush()
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

    /// Runs `docs` through `pipeline` and returns the most documents that were read and not
    /// yet written at any time (every document must give a quote).
    fn most_read_ahead(pipeline: &Pipeline, docs: impl Iterator<Item = Result<Document>>) -> usize {
        use std::cell::Cell;
        use std::collections::BTreeSet;
        use std::rc::Rc;

        struct Watch {
            read: Rc<Cell<usize>>,
            written: BTreeSet<String>,
            most_ahead: usize,
        }
        impl QuoteSink for Watch {
            fn write_quote(&mut self, quote: &Quote) -> Result<()> {
                self.written.insert(quote.doc.clone());
                let ahead = self.read.get() - self.written.len();
                self.most_ahead = self.most_ahead.max(ahead);
                Ok(())
            }
            fn flush(&mut self) -> Result<()> {
                Ok(())
            }
        }
        let read = Rc::new(Cell::new(0usize));
        let counter = Rc::clone(&read);
        let docs = docs.inspect(move |_| counter.set(counter.get() + 1));
        let mut sink = Watch {
            read: Rc::clone(&read),
            written: BTreeSet::new(),
            most_ahead: 0,
        };
        let first_word = |doc: &Document| words(&Document::new(doc.id.clone(), "w"));
        let summary = pipeline
            .run_with(first_word, docs, &mut sink, |_| {})
            .unwrap();
        assert_eq!(sink.written.len(), summary.documents);
        sink.most_ahead
    }

    #[test]
    fn reading_runs_ahead_of_writing_by_at_most_the_batches_in_flight() {
        let batch = 10;
        let pipeline = Pipeline::with_threads(2).unwrap().batch_size(batch);
        let ahead = most_read_ahead(&pipeline, corpus(500).into_iter());
        assert!(ahead >= batch, "reading runs ahead");
        assert!(ahead <= IN_FLIGHT * batch, "{ahead} documents read ahead");
    }

    #[test]
    fn large_documents_are_read_ahead_by_bytes_not_by_batches() {
        // 3 MiB each: a batch closes after 3 of them (9 MiB, over BATCH_BYTES), and a second
        // one takes the pending text over READ_AHEAD_BYTES.
        let big = |i: usize| Ok(Document::new(format!("big{i:02}"), "x".repeat(3 << 20)));
        let pipeline = Pipeline::with_threads(2).unwrap();
        let ahead = most_read_ahead(&pipeline, (0..20).map(big));
        assert!((3..=6).contains(&ahead), "{ahead} documents read ahead");
    }

    #[test]
    fn a_run_on_a_thread_of_its_own_pool_analyzes_in_place() {
        let (expected, _) = csv_with(&Pipeline::with_threads(2).unwrap(), corpus(50));
        // One thread, the caller's: a batch handed to the pool would wait for it forever.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let (out, summary) = pool.install(|| csv_with(&Pipeline::new().batch_size(4), corpus(50)));
        assert_eq!(summary.documents, 50);
        assert_eq!(out, expected);
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

    #[test]
    fn a_write_error_stops_the_run() {
        let err = Pipeline::new()
            .run_with(words, corpus(10), &mut BrokenPipe, |_| {})
            .unwrap_err();
        assert!(err.is_broken_pipe());
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
            .run_sink(words, corpus(50), &mut sink, |e| panic!("{e}"))
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
