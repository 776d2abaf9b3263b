//! The parallel driver: documents in, quotes out, in corpus order whatever the thread count.
//!
//! [`Pipeline::run`] takes documents from an iterator in batches and hands each batch to the
//! rayon pool, where its documents are analyzed in parallel; the calling thread meanwhile
//! reads the next batches and writes the quotes of finished ones, oldest first, so that
//! reading, analysis and writing overlap and no thread waits for the slowest document of a
//! batch. At most [`IN_FLIGHT`] batches are read and not yet written, each of at most
//! [`BATCH_BYTES`] of text or unmade bytes ([`Source::bytes`]; or one larger document), and
//! no new one is read while those hold [`READ_AHEAD_BYTES`]: memory stays bounded whatever
//! the size of the corpus (about 24 MiB of text at most, or one document and what fits
//! beside it), and the output is byte for byte the same with one thread or many.
//!
//! Who does what, on which thread:
//!
//! - **the calling thread** iterates the items in order and writes the results of each
//!   batch in corpus order. For a [`crate::Corpus`] iterated as documents, iterating is
//!   walking folders, reading, decoding files and extracting the article of web pages; for
//!   the entries of [`crate::Corpus::entries`], only walking folders, measuring files and
//!   splitting JSONL and WARC streams into their lines and records. With
//!   [`Pipeline::run`] and [`Pipeline::run_documents`], writing is handing each quote (or
//!   document) to the sink, which formats it there; with [`Pipeline::run_encoded`], it is
//!   writing bytes. The messages of each item (its errors, the warnings of its reading,
//!   the analyzer's failure) are passed on as its batch is written, in corpus order.
//! - **the analysis threads** (the pool) make each entry into its document ([`Source`]:
//!   reading a file, parsing a JSONL line, decoding, HTML extraction), analyze it, and for
//!   [`Pipeline::run_encoded`] encode its rows into a byte buffer with the sink's
//!   [`crate::export::RowEncoder`], dropping the document. This is the path of `whosaid
//!   analyze`: the calling thread does what must be sequential (reading in order, writing in
//!   order) and little else, since with every core analyzing, its work takes a share of a
//!   core from the analysis (for web pages, whose extraction costs more than the analysis of
//!   their text, it was most of the work). What a batch holds at each stage (its entries'
//!   bytes, its documents, their encoded rows) lives only while the batch is in flight: the
//!   same limits bound it.
//!
//! A run started on a thread of its own pool does the work of each batch in place, one
//! batch after the other: waiting for the pool from inside it would hold the thread it needs.

use std::collections::VecDeque;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};

use rayon::prelude::*;

use crate::corpus::{Entry, Made, Warning};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::{EncodedSink, QuoteSink};
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
    on_warning: OnWarning,
}

/// What a pipeline does with the warnings of its [`Source`]s.
struct OnWarning(Box<dyn Fn(Warning) + Send + Sync>);

impl Default for OnWarning {
    /// Prints `whosaid: warning: PATH[:LINE]: message` on stderr, as [`crate::Corpus`] does.
    fn default() -> Self {
        OnWarning(Box::new(|w| eprintln!("whosaid: warning: {w}")))
    }
}

impl fmt::Debug for OnWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OnWarning")
    }
}

/// What a pipeline reads: a [`Document`], or a [`corpus::Entry`](crate::corpus::Entry) of
/// [`Corpus::entries`](crate::Corpus::entries), which becomes a document on the analysis
/// threads (where its bytes are decoded, and the article of a page extracted).
pub trait Source: Send {
    /// The bytes it holds (text, or the bytes of a file or page), counted against
    /// [`BATCH_BYTES`] and [`READ_AHEAD_BYTES`].
    fn bytes(&self) -> usize;
    /// The document (or why there is none), with the warnings of its reading.
    fn make(self) -> Made;
}

impl Source for Document {
    fn bytes(&self) -> usize {
        self.text.len()
    }

    fn make(self) -> Made {
        Made {
            warnings: Vec::new(),
            document: Some(Ok(self)),
        }
    }
}

impl Source for Entry {
    fn bytes(&self) -> usize {
        Entry::bytes(self)
    }

    fn make(self) -> Made {
        Entry::make(self)
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

/// What came of one item of a batch: the warnings of its reading, then its outcome.
struct Done<T> {
    warnings: Vec<Warning>,
    outcome: Outcome<T>,
}

/// The outcome of one item.
enum Outcome<T> {
    /// An entry of warnings only.
    Nothing,
    /// No document: the item was an error, or the entry could not be made into a document
    /// (a page without article text).
    Unread(Error),
    /// What the analysis threads made of the document (`T`).
    Analyzed(T),
    /// The analyzer failed on the document.
    Failed(Error),
}

/// The results of a batch, in batch order.
type BatchResults<T> = Vec<Done<T>>;

/// A batch handed over for analysis.
enum Pending<T> {
    /// Analyzed already (when the pipeline runs on a thread of its own pool).
    Done(BatchResults<T>),
    /// Being analyzed on the pool; its results come on the channel.
    Running(Receiver<BatchResults<T>>),
}

/// The calling thread's side of a run: takes what the analysis threads made of each
/// document, in corpus order.
trait Output<T> {
    /// Writes the result of one document; returns the number of quotes written.
    fn write(&mut self, done: T) -> Result<usize>;
    /// Flushes what was written so far.
    fn flush(&mut self) -> Result<()>;
}

/// Documents and their quotes, for a [`DocumentSink`].
impl<S: DocumentSink + ?Sized> Output<(Document, Vec<Quote>)> for S {
    fn write(&mut self, (doc, quotes): (Document, Vec<Quote>)) -> Result<usize> {
        self.write_document(&doc, &quotes)?;
        Ok(quotes.len())
    }

    fn flush(&mut self) -> Result<()> {
        DocumentSink::flush(self)
    }
}

/// The rows of a document as the analysis thread encoded them: the bytes (or the encoder's
/// error, which stops the run as a write error would) and the number of quotes.
struct Rows {
    bytes: Result<Vec<u8>>,
    quotes: usize,
}

/// An [`EncodedSink`] as the output of a run: writes the bytes it is handed.
struct Encoded<'s, S: ?Sized>(&'s mut S);

impl<S: EncodedSink + ?Sized> Output<Rows> for Encoded<'_, S> {
    fn write(&mut self, rows: Rows) -> Result<usize> {
        let bytes = rows.bytes?;
        if !bytes.is_empty() {
            self.0.write_rows(&bytes)?;
        }
        Ok(rows.quotes)
    }

    fn flush(&mut self) -> Result<()> {
        self.0.flush()
    }
}

impl Pipeline {
    /// A pipeline on rayon's global pool (one thread per core, or `RAYON_NUM_THREADS`).
    pub fn new() -> Self {
        Pipeline {
            batch_size: DEFAULT_BATCH_SIZE,
            pool: None,
            flush_each_document: false,
            on_warning: OnWarning::default(),
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
            on_warning: OnWarning::default(),
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

    /// Calls `f` on the calling thread with each warning of the [`Source`]s (the entries of
    /// [`Corpus::entries`](crate::Corpus::entries): a guessed encoding, a folder without
    /// files to read), in corpus order, as their batch is written, instead of printing it
    /// as `whosaid: warning: ...` on stderr.
    pub fn on_warning(mut self, f: impl Fn(Warning) + Send + Sync + 'static) -> Self {
        self.on_warning = OnWarning(Box::new(f));
        self
    }

    /// Analyzes `docs` (documents, or the entries of [`Corpus::entries`](crate::Corpus::entries),
    /// which are made into documents on the analysis threads) with [`crate::analyze()`] and
    /// writes the quotes to `sink`.
    ///
    /// An `Err` item of `docs`, an entry that gives no document (a page without article
    /// text), or a document on which the analyzer panics, is passed to `on_error`, counted
    /// in [`Summary::skipped`] (an [`Error::Skipped`]) or [`Summary::failures`] (any other),
    /// and the run goes on. An error of the sink (a write error) stops the run and is
    /// returned. `docs` is read and `sink` written on the calling thread only. Every message
    /// (these errors, and the warnings of entries, see [`Pipeline::on_warning`]) is passed
    /// on when its batch is written, in corpus order.
    pub fn run<I, D, S>(
        &self,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        S: QuoteSink + ?Sized,
    {
        self.run_with(crate::analyze, docs, sink, on_error)
    }

    /// Like [`Pipeline::run`], with another analyzer.
    pub fn run_with<A, I, D, S>(
        &self,
        analyzer: A,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        S: QuoteSink + ?Sized,
    {
        self.run_sink(analyzer, docs, &mut QuotesOf(sink), on_error)
    }

    /// Like [`Pipeline::run`], but hands each document together with its quotes to `sink`
    /// (for outputs that need the text, such as `whosaid report`'s article pages).
    pub fn run_documents<I, D, S>(
        &self,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        S: DocumentSink + ?Sized,
    {
        self.run_sink(crate::analyze, docs, sink, on_error)
    }

    /// Like [`Pipeline::run`], but the rows of each document are encoded into bytes on the
    /// analysis threads, with the sink's [`EncodedSink::encoder`], and the calling thread only
    /// writes them to `sink`, in corpus order: the same bytes as [`Pipeline::run`] with the
    /// [`QuoteSink`] of the same format ([`crate::Format::writer_with`] and
    /// [`crate::Format::table_writer`]), with less work on the calling thread. The documents
    /// are dropped on the analysis threads once encoded. An error of the encoder stops the
    /// run as a write error does.
    pub fn run_encoded<I, D, S>(
        &self,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        S: EncodedSink + ?Sized,
    {
        self.run_encoded_with(crate::analyze, docs, sink, on_error)
    }

    /// Like [`Pipeline::run_encoded`], with another analyzer.
    pub fn run_encoded_with<A, I, D, S>(
        &self,
        analyzer: A,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        S: EncodedSink + ?Sized,
    {
        let encoder = sink.encoder();
        let work = |doc: Document| {
            catching(&doc, || {
                let quotes = analyzer(&doc);
                let mut bytes = Vec::new();
                let bytes = encoder.encode(&quotes, &mut bytes).map(|()| bytes);
                Rows {
                    bytes,
                    quotes: quotes.len(),
                }
            })
        };
        self.run_output(work, docs, &mut Encoded(sink), on_error)
    }

    /// The run of a [`DocumentSink`]: each document is kept with its quotes for the sink.
    fn run_sink<A, I, D, S>(
        &self,
        analyzer: A,
        docs: I,
        sink: &mut S,
        on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        A: Fn(&Document) -> Vec<Quote> + Sync,
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        S: DocumentSink + ?Sized,
    {
        let work = |doc: Document| catching(&doc, || analyzer(&doc)).map(|quotes| (doc, quotes));
        self.run_output(work, docs, sink, on_error)
    }

    /// The run: batches on the pool, where `work` turns each document into what `output`
    /// writes, in corpus order, on the calling thread.
    fn run_output<W, T, I, D, O>(
        &self,
        work: W,
        docs: I,
        output: &mut O,
        mut on_error: impl FnMut(Error),
    ) -> Result<Summary>
    where
        W: Fn(Document) -> Result<T> + Sync,
        T: Send,
        I: IntoIterator<Item = Result<D>>,
        D: Source,
        O: Output<T> + ?Sized,
    {
        // Set when a write fails, so that the batches still being analyzed end early.
        let stop = AtomicBool::new(false);
        let (work, stop) = (&work, &stop);
        // On a thread of the pool itself, waiting for a spawned batch would hold the thread
        // it needs: each batch is then analyzed in place, one after the other.
        let in_pool = match &self.pool {
            Some(pool) => pool.current_thread_index().is_some(),
            None => rayon::current_thread_index().is_some(),
        };
        let on_error = &mut on_error;
        match &self.pool {
            Some(pool) => pool.in_place_scope_fifo(|scope| {
                self.drive(scope, work, stop, in_pool, docs, output, on_error)
            }),
            None => rayon::in_place_scope_fifo(|scope| {
                self.drive(scope, work, stop, in_pool, docs, output, on_error)
            }),
        }
    }

    /// The loop of [`Pipeline::run_output`]: reads batches, spawns their `work` on `scope`
    /// (or, `in_pool`, does it in place) and writes the oldest once [`IN_FLIGHT`] batches or
    /// [`READ_AHEAD_BYTES`] are pending, or the items have ended.
    #[allow(clippy::too_many_arguments)]
    fn drive<'scope, W, T, I, D, O>(
        &self,
        scope: &rayon::ScopeFifo<'scope>,
        work: &'scope W,
        stop: &'scope AtomicBool,
        in_pool: bool,
        docs: I,
        output: &mut O,
        on_error: &mut impl FnMut(Error),
    ) -> Result<Summary>
    where
        W: Fn(Document) -> Result<T> + Sync,
        T: Send + 'scope,
        I: IntoIterator<Item = Result<D>>,
        D: Source + 'scope,
        O: Output<T> + ?Sized,
    {
        let mut summary = Summary::default();
        let mut docs = docs.into_iter();
        // The batches read and not yet written, oldest first, with the bytes they hold.
        let mut pending: VecDeque<(usize, Pending<T>)> = VecDeque::with_capacity(IN_FLIGHT);
        let mut pending_bytes = 0;
        let mut exhausted = false;
        loop {
            if !exhausted && pending.len() < IN_FLIGHT && pending_bytes < READ_AHEAD_BYTES {
                let (batch, bytes);
                (batch, bytes, exhausted) = self.read_batch(&mut docs);
                if batch.is_empty() {
                    continue;
                }
                let task = if in_pool {
                    Pending::Done(work_batch(work, batch, stop))
                } else if batch.iter().all(|item| item.is_err()) {
                    // Errors only: nothing for the pool to do.
                    Pending::Done(batch.into_iter().map(|item| done(work, item)).collect())
                } else {
                    let (tx, rx) = mpsc::sync_channel(1);
                    scope.spawn_fifo(move |_| {
                        // The receiver is gone only when the run has stopped.
                        let _ = tx.send(work_batch(work, batch, stop));
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
            let on_warning = &self.on_warning.0;
            let written = write_batch(results, output, each, &mut summary, on_error, on_warning);
            if let Err(e) = written {
                stop.store(true, Ordering::Relaxed);
                return Err(e);
            }
        }
        output.flush()?;
        Ok(summary)
    }

    /// Reads the next batch: up to `batch_size` items (documents, entries or errors) or
    /// [`BATCH_BYTES`]. Also gives the bytes it holds and whether `docs` has ended.
    fn read_batch<D: Source>(
        &self,
        docs: &mut impl Iterator<Item = Result<D>>,
    ) -> (Vec<Result<D>>, usize, bool) {
        let mut batch = Vec::with_capacity(self.batch_size);
        let mut bytes = 0;
        while batch.len() < self.batch_size && bytes < BATCH_BYTES {
            match docs.next() {
                Some(item) => {
                    bytes += item.as_ref().map_or(0, Source::bytes);
                    batch.push(item);
                }
                None => return (batch, bytes, true),
            }
        }
        (batch, bytes, false)
    }
}

/// Does the work of each item of a batch in parallel (in the current pool): makes the
/// document of an entry (decoding, HTML extraction), analyzes it, and for
/// [`Pipeline::run_encoded`] encodes its rows. After a `stop` the items left are dropped
/// undone (the run is over; its results are not written).
fn work_batch<W, T, D>(work: &W, batch: Vec<Result<D>>, stop: &AtomicBool) -> BatchResults<T>
where
    W: Fn(Document) -> Result<T> + Sync,
    T: Send,
    D: Source,
{
    batch
        .into_par_iter()
        .filter_map(|item| (!stop.load(Ordering::Relaxed)).then(|| done(work, item)))
        .collect()
}

/// The work of one item: its document made, then `work` done on it.
fn done<W, T, D>(work: &W, item: Result<D>) -> Done<T>
where
    W: Fn(Document) -> Result<T>,
    D: Source,
{
    let made = match item {
        Ok(source) => source.make(),
        Err(e) => {
            return Done {
                warnings: Vec::new(),
                outcome: Outcome::Unread(e),
            };
        }
    };
    let outcome = match made.document {
        None => Outcome::Nothing,
        Some(Err(e)) => Outcome::Unread(e),
        Some(Ok(doc)) => match work(doc) {
            Ok(t) => Outcome::Analyzed(t),
            Err(e) => Outcome::Failed(e),
        },
    };
    Done {
        warnings: made.warnings,
        outcome,
    }
}

/// Writes the results of a batch in corpus order: the warnings and errors of each item go
/// to `on_warning` and `on_error` (and are counted), its quotes to the output. Flushes the
/// output at the end of the batch, and after each document with quotes when
/// `each_document` is set.
fn write_batch<T, O>(
    results: BatchResults<T>,
    output: &mut O,
    each_document: bool,
    summary: &mut Summary,
    on_error: &mut impl FnMut(Error),
    on_warning: &dyn Fn(Warning),
) -> Result<()>
where
    O: Output<T> + ?Sized,
{
    for done in results {
        done.warnings.into_iter().for_each(on_warning);
        match done.outcome {
            Outcome::Nothing => {}
            Outcome::Unread(e) => {
                if e.is_skip() {
                    summary.skipped += 1;
                } else {
                    summary.failures += 1;
                }
                on_error(e);
            }
            Outcome::Analyzed(result) => {
                summary.documents += 1;
                let quotes = output.write(result)?;
                summary.quotes += quotes;
                if each_document && quotes > 0 {
                    output.flush()?;
                }
            }
            Outcome::Failed(e) => {
                summary.documents += 1;
                summary.failures += 1;
                on_error(e);
            }
        }
    }
    output.flush()
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

/// Runs `f`, the analysis of `doc` (and the encoding of its rows), turning a panic into an
/// error for that document.
fn catching<R>(doc: &Document, f: impl FnOnce() -> R) -> Result<R> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
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

    /// Documents whose words need care in CSV (commas, quotes, formula starts, newlines).
    fn tricky(n: usize) -> Vec<Result<Document>> {
        let words = [
            "plain",
            "=1+1",
            "a,b",
            "\"q\"",
            "-x",
            "@h",
            "line\nbreak",
            "Ça",
        ];
        (0..n)
            .map(|i| {
                let text: Vec<&str> = (0..i % 9).map(|j| words[(i + j) % words.len()]).collect();
                Ok(Document::new(format!("doc{i:03}"), text.join(" ")))
            })
            .collect()
    }

    /// The output of an encoded run of `docs`, and its summary.
    fn encoded(
        pipeline: &Pipeline,
        format: crate::Format,
        excel_safe: bool,
        docs: Vec<Result<Document>>,
    ) -> (Vec<u8>, Summary) {
        let mut sink = format.table_writer(Vec::new(), excel_safe).unwrap();
        let summary = pipeline
            .run_encoded_with(words, docs, &mut sink, |e| panic!("{e}"))
            .unwrap();
        (sink.into_inner().unwrap(), summary)
    }

    #[test]
    fn encoded_runs_write_the_bytes_of_the_quote_sinks_in_corpus_order() {
        use crate::Format;
        for format in [Format::Csv, Format::Jsonl] {
            for excel in [false, true] {
                let mut sink = format.writer_with(Vec::new(), excel).unwrap();
                let summary = Pipeline::with_threads(1)
                    .unwrap()
                    .run_with(words, tricky(300), &mut sink, |e| panic!("{e}"))
                    .unwrap();
                drop(sink);
                let mut expected = Vec::new();
                {
                    let mut sink = format.writer_with(&mut expected, excel).unwrap();
                    for doc in tricky(300) {
                        for q in words(&doc.unwrap()) {
                            sink.write_quote(&q).unwrap();
                        }
                    }
                    sink.flush().unwrap();
                }
                for (threads, batch) in [(1, 128), (2, 7), (4, 1), (3, 1000)] {
                    let pipeline = Pipeline::with_threads(threads).unwrap().batch_size(batch);
                    let (out, encoded_summary) = encoded(&pipeline, format, excel, tricky(300));
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        String::from_utf8(expected.clone()).unwrap(),
                        "{format:?}, excel_safe {excel}, {threads} threads, batches of {batch}"
                    );
                    assert_eq!(encoded_summary, summary);
                }
            }
        }
    }

    /// An [`EncodedSink`] that keeps the rows of each write apart and counts the rows
    /// written at each flush.
    #[derive(Default)]
    struct Rows {
        writes: Vec<String>,
        flushed_at: Vec<usize>,
        fail: bool,
    }

    impl EncodedSink for Rows {
        fn encoder(&self) -> crate::export::RowEncoder {
            crate::Format::Jsonl.encoder(false)
        }
        fn write_rows(&mut self, rows: &[u8]) -> Result<()> {
            if self.fail {
                return Err(Error::Output(io::Error::from(io::ErrorKind::BrokenPipe)));
            }
            self.writes.push(String::from_utf8(rows.to_vec()).unwrap());
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            let rows = self.writes.iter().map(|w| w.lines().count()).sum();
            self.flushed_at.push(rows);
            Ok(())
        }
    }

    #[test]
    fn encoded_runs_write_each_document_at_once_and_flush_as_asked() {
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
        let mut batched = Rows::default();
        Pipeline::new()
            .run_encoded_with(analyzer, docs(), &mut batched, |_| {})
            .unwrap();
        let rows: Vec<usize> = batched.writes.iter().map(|w| w.lines().count()).collect();
        assert_eq!(rows, [2, 1, 3], "one write per document with quotes");
        assert!(batched.writes[0].starts_with("{\"doc\":\"d0\","));
        assert_eq!(
            batched.flushed_at,
            [6, 6],
            "after the batch, and at the end"
        );
        let mut each = Rows::default();
        Pipeline::new()
            .flush_each_document(true)
            .run_encoded_with(analyzer, docs(), &mut each, |_| {})
            .unwrap();
        assert_eq!(each.flushed_at, [2, 3, 6, 6, 6]);
    }

    #[test]
    fn encoded_runs_report_failures_and_stop_on_a_write_error() {
        let docs = vec![
            Ok(Document::new("a", "x y")),
            Err(Error::Unsupported {
                path: "bad.csv".into(),
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
        let mut sink = Rows::default();
        let summary = Pipeline::with_threads(2)
            .unwrap()
            .batch_size(2)
            .run_encoded_with(analyzer, docs, &mut sink, |e| errors.push(e.to_string()))
            .unwrap();
        assert_eq!(
            summary,
            Summary {
                documents: 3,
                quotes: 3,
                skipped: 0,
                failures: 2
            }
        );
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[1], "boom: analyzer failed: index out of range");
        assert_eq!(sink.writes.len(), 2);

        let mut broken = Rows {
            fail: true,
            ..Rows::default()
        };
        let err = Pipeline::new()
            .run_encoded_with(words, corpus(10), &mut broken, |_| {})
            .unwrap_err();
        assert!(err.is_broken_pipe());
    }

    #[test]
    fn entries_are_made_on_the_pool_and_every_message_comes_in_corpus_order() {
        use crate::Corpus;
        use std::sync::{Arc, Mutex};
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, bytes: &[u8]| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        };
        for i in 0..40 {
            write(&format!("t/{i:02}.txt"), format!("w{i} x y").as_bytes());
        }
        write("t/05.txt", b"caf\xE9 au lait");
        write("t/17.md", b"unknown type");
        write(
            "t/30.html",
            b"<html><body><nav>no article</nav></body></html>",
        );
        write("u/d.jsonl", b"{\"id\":\"j1\",\"text\":\"a b\"}\n{bad\n");
        std::fs::create_dir_all(root.join("v")).unwrap();
        let inputs = || vec![root.join("t"), root.join("v"), root.join("u")];

        // The corpus iterated on this thread: its messages as they are read.
        let log = Arc::new(Mutex::new(Vec::new()));
        let eager_log = Arc::clone(&log);
        let corpus = Corpus::new(inputs()).on_warning(move |w| {
            eager_log.lock().unwrap().push(format!("warning {w}"));
        });
        let mut expected_out = crate::Format::Csv.table_writer(Vec::new(), false).unwrap();
        let mut expected_messages = Vec::new();
        let mut docs = Vec::new();
        for item in corpus {
            match item {
                Ok(doc) => docs.push(doc),
                Err(e) => log.lock().unwrap().push(format!("error {e}")),
            }
        }
        expected_messages.append(&mut log.lock().unwrap());
        for doc in &docs {
            let mut rows = Vec::new();
            let encoder = crate::Format::Csv.encoder(false);
            encoder.encode(&words(doc), &mut rows).unwrap();
            expected_out.write_rows(&rows).unwrap();
        }
        let expected_out = expected_out.into_inner().unwrap();
        assert_eq!(expected_messages.len(), 5, "{expected_messages:?}");

        for (threads, batch) in [(1, 128), (2, 3), (3, 1)] {
            let messages = Arc::new(Mutex::new(Vec::new()));
            let warnings = Arc::clone(&messages);
            let pipeline = Pipeline::with_threads(threads)
                .unwrap()
                .batch_size(batch)
                .on_warning(move |w| warnings.lock().unwrap().push(format!("warning {w}")));
            let mut sink = crate::Format::Csv.table_writer(Vec::new(), false).unwrap();
            let entries = Corpus::new(inputs()).entries();
            let errors = Arc::clone(&messages);
            let summary = pipeline
                .run_encoded_with(words, entries, &mut sink, |e| {
                    errors.lock().unwrap().push(format!("error {e}"));
                })
                .unwrap();
            assert_eq!(sink.into_inner().unwrap(), expected_out);
            assert_eq!(*messages.lock().unwrap(), expected_messages);
            assert_eq!(
                summary,
                Summary {
                    documents: docs.len(),
                    quotes: docs.iter().map(|d| words(d).len()).sum(),
                    skipped: 2,
                    failures: 1,
                },
                "{threads} threads, batches of {batch}"
            );
        }
    }

    #[test]
    fn an_empty_corpus_is_fine() {
        let (out, summary) = csv_with(&Pipeline::new(), Vec::new());
        assert_eq!(summary, Summary::default());
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
    }
}
