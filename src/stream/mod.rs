//! Streaming mode, for data engines (Spark's `RDD.pipe`, a shell pipeline): documents come
//! in on stdin and their quotes go out as soon as they are analyzed.
//!
//! The batch driver ([`Pipeline::run`]) waits for a full batch (128 documents or 32 MB of
//! text) before it analyzes anything, which is right for files but stalls an engine that
//! sends one record and waits for its rows. Here a reader thread ([`Prefetch`]) reads the
//! corpus ahead into a bounded queue, and each [`Prefetch`] chunk is what is ready: it waits
//! for one document, then takes those already read, up to a batch. [`run`] analyzes each
//! chunk in parallel and flushes the output after every document
//! ([`Pipeline::flush_each_document`]). Memory stays bounded: the queue holds at most a
//! batch of documents and (unless a single document is larger) [`BATCH_BYTES`] of text,
//! besides the chunk being analyzed.
//!
//! [`messages`] writes what goes to stderr in this mode as JSON lines.

pub mod messages;

use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::{EncodedSink, QuoteSink};
use crate::pipeline::{BATCH_BYTES, DEFAULT_BATCH_SIZE, Pipeline, Source, Summary};

/// The bytes of text waiting in the queue, shared by the reader thread and the consumer.
#[derive(Debug, Default)]
struct Budget {
    state: Mutex<Queued>,
    freed: Condvar,
}

#[derive(Debug, Default)]
struct Queued {
    bytes: usize,
    /// The consumer is gone: the reader stops.
    closed: bool,
}

impl Budget {
    /// Waits until `bytes` more fit under `max` (an empty queue takes any document), then
    /// counts them. Returns false when the consumer is gone.
    fn reserve(&self, bytes: usize, max: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !state.closed && state.bytes > 0 && state.bytes + bytes > max {
            state = self
                .freed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.bytes += bytes;
        !state.closed
    }

    /// Counts `bytes` out of the queue.
    fn release(&self, bytes: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.bytes = state.bytes.saturating_sub(bytes);
        self.freed.notify_all();
    }

    /// Wakes the reader for good.
    fn close(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.closed = true;
        self.freed.notify_all();
    }
}

/// The documents of a corpus read ahead on a thread of their own, handed out in chunks of
/// what is ready; see the [module docs](self).
#[derive(Debug)]
pub struct Prefetch<D = Document> {
    queue: Receiver<Result<D>>,
    budget: Arc<Budget>,
    max_docs: usize,
    max_bytes: usize,
    reader: Option<JoinHandle<()>>,
}

/// The bytes an item holds.
fn bytes_of<D: Source>(item: &Result<D>) -> usize {
    item.as_ref().map_or(0, Source::bytes)
}

impl<D: Source + 'static> Prefetch<D> {
    /// Reads the documents (or entries, [`crate::Corpus::entries`]) that `source` makes (on
    /// the reader thread, since a [`crate::Corpus`] stays on the thread that made it), in
    /// chunks of at most [`DEFAULT_BATCH_SIZE`] items and [`BATCH_BYTES`].
    pub fn spawn<F, I>(source: F) -> Self
    where
        F: FnOnce() -> I + Send + 'static,
        I: IntoIterator<Item = Result<D>>,
    {
        Prefetch::spawn_with(DEFAULT_BATCH_SIZE, BATCH_BYTES, source)
    }

    /// As [`Prefetch::spawn`], with chunks of at most `max_docs` documents (at least 1) and
    /// about `max_bytes` of text (a chunk is closed once it holds that much), and a queue of
    /// at most `max_docs` documents and `max_bytes` of text (or one larger document alone).
    pub fn spawn_with<F, I>(max_docs: usize, max_bytes: usize, source: F) -> Self
    where
        F: FnOnce() -> I + Send + 'static,
        I: IntoIterator<Item = Result<D>>,
    {
        let max_docs = max_docs.max(1);
        let (sender, queue) = mpsc::sync_channel(max_docs);
        let budget = Arc::new(Budget::default());
        let shared = Arc::clone(&budget);
        let reader = thread::Builder::new()
            .name("whosaid-reader".into())
            .spawn(move || {
                for item in source() {
                    if !shared.reserve(bytes_of(&item), max_bytes) || sender.send(item).is_err() {
                        break;
                    }
                }
            })
            .expect("cannot start the reader thread");
        Prefetch {
            queue,
            budget,
            max_docs,
            max_bytes,
            reader: Some(reader),
        }
    }

    /// Takes an item off the queue.
    fn dequeued(&self, item: Result<D>) -> (Result<D>, usize) {
        let bytes = bytes_of(&item);
        self.budget.release(bytes);
        (item, bytes)
    }
}

impl<D: Source + 'static> Iterator for Prefetch<D> {
    type Item = Vec<Result<D>>;

    /// Waits for the next document (or error), then takes those already read, up to a
    /// chunk. `None` once the source has ended. A panic of the source is passed on.
    fn next(&mut self) -> Option<Self::Item> {
        let Ok(first) = self.queue.recv() else {
            if let Some(reader) = self.reader.take()
                && let Err(payload) = reader.join()
            {
                std::panic::resume_unwind(payload);
            }
            return None;
        };
        let (first, mut bytes) = self.dequeued(first);
        let mut chunk = vec![first];
        while chunk.len() < self.max_docs && bytes < self.max_bytes {
            let Ok(item) = self.queue.try_recv() else {
                break;
            };
            let (item, n) = self.dequeued(item);
            bytes += n;
            chunk.push(item);
        }
        Some(chunk)
    }
}

impl<D> Drop for Prefetch<D> {
    /// Lets a reader waiting for room stop.
    fn drop(&mut self) {
        self.budget.close();
    }
}

/// Analyzes the chunks as they come (each in parallel on `pipeline`) and writes the quotes of
/// each document to `sink`, flushed, before the next; errors go to `on_error` as with
/// [`Pipeline::run`], whose summaries are added up.
pub fn run<C, D, S>(
    pipeline: Pipeline,
    chunks: C,
    sink: &mut S,
    on_error: impl FnMut(Error),
) -> Result<Summary>
where
    C: IntoIterator<Item = Vec<Result<D>>>,
    D: Source,
    S: QuoteSink + ?Sized,
{
    let summary = run_chunks(pipeline, chunks, on_error, |pipeline, chunk, on_error| {
        pipeline.run(chunk, sink, on_error)
    })?;
    sink.flush()?;
    Ok(summary)
}

/// As [`run`], with the rows encoded on the analysis threads and written as bytes
/// ([`Pipeline::run_encoded`]): the same output, each document's rows written and flushed
/// before the next.
pub fn run_encoded<C, D, S>(
    pipeline: Pipeline,
    chunks: C,
    sink: &mut S,
    on_error: impl FnMut(Error),
) -> Result<Summary>
where
    C: IntoIterator<Item = Vec<Result<D>>>,
    D: Source,
    S: EncodedSink + ?Sized,
{
    let summary = run_chunks(pipeline, chunks, on_error, |pipeline, chunk, on_error| {
        pipeline.run_encoded(chunk, sink, on_error)
    })?;
    sink.flush()?;
    Ok(summary)
}

/// Runs each chunk with `run_chunk` on `pipeline`, flushing after each document, and adds
/// up the summaries.
fn run_chunks<C, D>(
    pipeline: Pipeline,
    chunks: C,
    mut on_error: impl FnMut(Error),
    mut run_chunk: impl FnMut(&Pipeline, Vec<Result<D>>, &mut dyn FnMut(Error)) -> Result<Summary>,
) -> Result<Summary>
where
    C: IntoIterator<Item = Vec<Result<D>>>,
    D: Source,
{
    let pipeline = pipeline.flush_each_document(true);
    let mut total = Summary::default();
    for chunk in chunks {
        let summary = run_chunk(&pipeline, chunk, &mut on_error)?;
        total.documents += summary.documents;
        total.quotes += summary.quotes;
        total.skipped += summary.skipped;
        total.failures += summary.failures;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::Quote;
    use std::sync::mpsc::SyncSender;

    fn doc(i: usize, text: &str) -> Result<Document> {
        Ok(Document::new(format!("d{i}"), text))
    }

    /// A source fed by the test, one item at a time.
    fn fed() -> (SyncSender<Result<Document>>, Prefetch) {
        let (feed, items) = mpsc::sync_channel::<Result<Document>>(0);
        let prefetch = Prefetch::spawn_with(4, 100, move || items.into_iter());
        (feed, prefetch)
    }

    fn ids(chunk: &[Result<Document>]) -> Vec<String> {
        chunk
            .iter()
            .map(|item| match item {
                Ok(doc) => doc.id.clone(),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_chunk_is_what_is_ready_without_waiting_for_a_full_batch() {
        let (feed, mut prefetch) = fed();
        feed.send(doc(0, "a")).unwrap();
        // The source has not ended: the chunk comes with the one document there is.
        assert_eq!(ids(&prefetch.next().unwrap()), ["d0"]);
        feed.send(doc(1, "b")).unwrap();
        assert_eq!(ids(&prefetch.next().unwrap()), ["d1"]);
        drop(feed);
        assert!(prefetch.next().is_none());
        assert!(prefetch.next().is_none());
    }

    #[test]
    fn chunks_keep_the_order_and_their_limits() {
        let big = "x".repeat(250);
        let items: Vec<Result<Document>> = (0..10)
            .map(|i| doc(i, if i == 5 { &big } else { "abc" }))
            .collect();
        let prefetch = Prefetch::spawn_with(4, 100, move || items);
        let chunks: Vec<Vec<String>> = prefetch.map(|c| ids(&c)).collect();
        let all: Vec<String> = chunks.concat();
        let expected: Vec<String> = (0..10).map(|i| format!("d{i}")).collect();
        assert_eq!(all, expected);
        assert!(chunks.iter().all(|c| !c.is_empty() && c.len() <= 4));
    }

    #[test]
    fn the_reader_stops_when_the_consumer_is_gone() {
        let endless = (0..).map(|i| doc(i, &"x".repeat(60)));
        let mut prefetch = Prefetch::spawn_with(2, 100, move || endless);
        assert!(prefetch.next().is_some());
        drop(prefetch);
    }

    #[test]
    #[should_panic(expected = "source broke")]
    fn a_panic_of_the_source_is_passed_on() {
        let prefetch = Prefetch::spawn_with(2, 100, || -> std::vec::IntoIter<Result<Document>> {
            panic!("source broke")
        });
        prefetch.for_each(drop);
    }

    /// Remembers, at each flush, the docs of the quotes written so far.
    #[derive(Default)]
    struct Recorder {
        docs: Vec<String>,
        flushed: Vec<usize>,
    }

    impl QuoteSink for Recorder {
        fn write_quote(&mut self, quote: &Quote) -> Result<()> {
            self.docs.push(quote.doc.clone());
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            self.flushed.push(self.docs.len());
            Ok(())
        }
    }

    #[test]
    fn run_writes_and_flushes_each_document_and_adds_up_the_summaries() {
        let text = "\"We will win,\" Smith said.";
        let chunks = vec![
            vec![doc(0, text), doc(1, text)],
            vec![
                Err(Error::Skipped {
                    path: "<stdin>".into(),
                    line: Some(3),
                    reason: "line too long".into(),
                }),
                doc(3, text),
            ],
        ];
        let mut sink = Recorder::default();
        let mut errors = Vec::new();
        let pipeline = Pipeline::with_threads(2).unwrap();
        let summary = run(pipeline, chunks, &mut sink, |e| errors.push(e.to_string())).unwrap();
        assert_eq!(
            summary,
            Summary {
                documents: 3,
                quotes: 3,
                skipped: 1,
                failures: 0
            }
        );
        assert_eq!(sink.docs, ["d0", "d1", "d3"]);
        for n in 1..=3 {
            assert!(sink.flushed.contains(&n), "{:?}", sink.flushed);
        }
        assert_eq!(errors, ["<stdin>:3: skipped: line too long"]);
    }

    /// Keeps what was written, and what had been written at each flush.
    #[derive(Default)]
    struct Flushed {
        out: Vec<u8>,
        at: Vec<usize>,
    }

    impl EncodedSink for Flushed {
        fn encoder(&self) -> crate::export::RowEncoder {
            crate::Format::Jsonl.encoder(false)
        }
        fn write_rows(&mut self, rows: &[u8]) -> Result<()> {
            self.out.extend_from_slice(rows);
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            self.at.push(self.out.len());
            Ok(())
        }
    }

    #[test]
    fn run_encoded_writes_the_same_bytes_and_flushes_each_document() {
        let text = "\"We will win,\" Smith said. \"Not so,\" said Jones.";
        let chunks = || vec![vec![doc(0, text), doc(1, "no quote")], vec![doc(2, text)]];
        let mut expected = Vec::new();
        {
            let mut sink = crate::Format::Jsonl.writer(&mut expected).unwrap();
            let pipeline = Pipeline::with_threads(2).unwrap();
            run(pipeline, chunks(), &mut sink, |e| panic!("{e}")).unwrap();
        }
        let mut sink = Flushed::default();
        let pipeline = Pipeline::with_threads(2).unwrap();
        let summary = run_encoded(pipeline, chunks(), &mut sink, |e| panic!("{e}")).unwrap();
        assert_eq!((summary.documents, summary.quotes), (3, 4));
        assert_eq!(sink.out, expected);
        let first = expected.len() / 2;
        assert!(sink.at.contains(&first), "flushed after d0: {:?}", sink.at);
        assert!(sink.at.contains(&expected.len()));
    }
}
