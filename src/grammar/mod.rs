//! The grammar, in nom: quotation marks and quoted spans, speech cues, speaker mentions.

pub mod cue;
pub mod cue_lexicon;
pub mod lexicon;
pub mod marks;
pub mod mention;
pub(crate) mod needles;
pub mod spans;
pub mod words;
