//! whosaid: quotation attribution for news text.
//!
//! [`analyze()`] is the pure core: it takes a [`Document`] and returns its quote table, every
//! quotation with its speaker, cue and source publication. Corpus walking, decoding, parallelism
//! and export live around it ([`corpus`], [`pipeline`], [`export`]; [`stream`] for data
//! engines); [`eval`] scores a quote table against gold attributions.

mod analyze;
pub mod attribution;
pub mod corpus;
pub mod document;
pub mod error;
pub mod eval;
pub mod export;
pub mod grammar;
pub mod invariants;
pub mod layout;
pub mod offsets;
pub mod pipeline;
pub mod quote;
pub mod report;
pub mod sentence;
pub mod source;
pub mod speaker;
pub mod stream;
#[cfg(test)]
mod test_support;

pub use analyze::{PART_SEPARATOR, analyze};
pub use corpus::{Corpus, Input};
pub use document::Document;
pub use error::{Error, Result};
pub use export::{Format, QuoteSink};
pub use pipeline::{DocumentSink, Pipeline, Summary};
pub use quote::{Quote, QuoteKind, SpeakerGender, SpeakerKind};
