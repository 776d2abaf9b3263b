//! The quote table row: one attributed quotation with its speaker, cue and source publication.

use serde::{Deserialize, Serialize};

/// How the content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The whole content is inside quotation marks.
    Direct,
    /// A reported clause that holds a quoted fragment (`S said that ... "fragment"`).
    Mixed,
    /// A reported clause without quotation marks (`S said (that) CLAUSE`).
    Indirect,
}

impl QuoteKind {
    /// Its name in the quote table (what serde writes): `direct`, `mixed`, `indirect`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What kind of entity the speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person ("Rex Tillerson", "a spokeswoman", "he").
    Person,
    /// An organization ("the Russian Foreign Ministry", "Reuters").
    Organization,
    /// No speaker, or one that cannot be told.
    #[default]
    Unknown,
}

impl SpeakerKind {
    /// Its name in the quote table (what serde writes): `person`, `organization`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// The speaker's gender, from evidence in the text only: a pronoun that refers to the speaker
/// (he, she), an honorific (Mr, Ms, Mrs) or a gendered role noun (spokeswoman, chairman).
/// Never guessed from first names; organizations are always `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerGender {
    /// "she", "Ms. Finch", "a spokeswoman".
    Female,
    /// "he", "Mr. Diallo", "the chairman".
    Male,
    /// No evidence in the text, or not a person.
    #[default]
    Unknown,
}

impl SpeakerGender {
    /// Its name in the quote table (what serde writes): `female`, `male`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerGender::Female => "female",
            SpeakerGender::Male => "male",
            SpeakerGender::Unknown => "unknown",
        }
    }
}

/// One row of the quote table. Offsets are Unicode character offsets into the document
/// text, end exclusive; the quote span covers the content with its enclosing marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Path relative to the corpus root, or the JSONL `id`.
    pub doc: String,
    /// The article's own publisher or wire agency (dateline, byline, JSONL `publisher`).
    pub publication: Option<String>,
    /// The content without its enclosing quotation marks.
    pub quote: String,
    /// direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The speaker mention as written ("the top US diplomat", "he").
    pub speaker: Option<String>,
    /// The speaker resolved to a canonical name ("Rex Tillerson").
    pub speaker_name: Option<String>,
    /// person, organization or unknown.
    pub speaker_kind: SpeakerKind,
    /// The cue as written ("has said", "according to").
    pub cue: Option<String>,
    /// Where the speaker said or published it ("The New York Times", "Twitter", "a statement").
    pub medium: Option<String>,
    /// Who relayed it ("Xinhua").
    pub reported_by: Option<String>,
    /// Index of the paragraph where the quote starts, from 0.
    pub paragraph: usize,
    /// Start of the quote span (characters).
    pub quote_start: usize,
    /// End of the quote span (characters, exclusive).
    pub quote_end: usize,
    /// Start of the speaker mention.
    pub speaker_start: Option<usize>,
    /// End of the speaker mention (exclusive).
    pub speaker_end: Option<usize>,
    /// Start of the cue.
    pub cue_start: Option<usize>,
    /// End of the cue (exclusive).
    pub cue_end: Option<usize>,
    /// female, male or unknown: see [`SpeakerGender`].
    pub speaker_gender: SpeakerGender,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_what_serde_writes() {
        fn serde_name(value: impl Serialize) -> String {
            serde_json::to_value(value)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        }
        for k in [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect] {
            assert_eq!(k.as_str(), serde_name(k));
        }
        for k in [
            SpeakerKind::Person,
            SpeakerKind::Organization,
            SpeakerKind::Unknown,
        ] {
            assert_eq!(k.as_str(), serde_name(k));
        }
        for g in [
            SpeakerGender::Female,
            SpeakerGender::Male,
            SpeakerGender::Unknown,
        ] {
            assert_eq!(g.as_str(), serde_name(g));
        }
    }
}
