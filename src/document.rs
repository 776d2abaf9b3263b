//! An input article: its id, text and what the corpus says about it.

use serde::Deserialize;

/// One article to analyze.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Document {
    /// Path relative to the corpus root, or the JSONL `id`.
    pub id: String,
    /// The full article text.
    pub text: String,
    /// The publisher given by the corpus (JSONL `publisher`), if any.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The headline given by the corpus (JSONL `title`), if any.
    #[serde(default)]
    pub title: Option<String>,
}

impl Document {
    /// A document from an id and its text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            publisher: None,
            title: None,
        }
    }
}
