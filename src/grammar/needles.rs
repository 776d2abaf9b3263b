//! A few short strings searched for at once in a short text (a line, a sentence, the tail of
//! a caption): aho-corasick's packed (Teddy, SIMD) searcher where the machine has one, else
//! its automaton, so that every target gets the same answers and none panics.
//!
//! The packed searcher is several times faster than the automaton on a short text and much
//! cheaper to build (it is built once per run, in a `static`), but `aho_corasick` builds it
//! only where the target has the vector instructions it needs.

use aho_corasick::{AhoCorasick, Match, MatchKind, packed};

/// A set of strings to search for; see the [module docs](self).
#[derive(Debug)]
pub(crate) enum Needles {
    /// The packed (SIMD) searcher.
    Packed(packed::Searcher),
    /// The automaton, where the packed searcher cannot be built.
    Automaton(AhoCorasick),
}

impl Needles {
    /// The searcher of `patterns`: where several match at the same place,
    /// [`Needles::find_iter`] gives the one listed first.
    pub(crate) fn new(patterns: &[&str]) -> Needles {
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(patterns)
            .build();
        packed.map(Needles::Packed).unwrap_or_else(|| {
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(patterns)
                .expect("the needles are valid patterns");
            Needles::Automaton(automaton)
        })
    }

    /// Whether `haystack` holds one of the strings.
    pub(crate) fn is_match(&self, haystack: &[u8]) -> bool {
        match self {
            Needles::Packed(p) => p.find(haystack).is_some(),
            Needles::Automaton(a) => a.is_match(haystack),
        }
    }

    /// The matches in `haystack`, left to right, without overlaps.
    pub(crate) fn find_iter<'a>(&'a self, haystack: &'a [u8]) -> impl Iterator<Item = Match> + 'a {
        let (packed, automaton) = match self {
            Needles::Packed(p) => (Some(p.find_iter(haystack)), None),
            Needles::Automaton(a) => (None, Some(a.find_iter(haystack))),
        };
        packed
            .into_iter()
            .flatten()
            .chain(automaton.into_iter().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The automaton finds what the packed searcher finds.
    #[test]
    fn automaton_and_packed_searcher_agree() {
        let patterns = ["claim", "claims", "that", "about", "vow"];
        let texts = crate::test_support::corpus_texts_and(&[
            "his claims that he vowed about",
            "claimsthat",
            "",
        ]);
        let Needles::Packed(packed) = Needles::new(&patterns) else {
            // No packed searcher on this target: nothing to compare.
            return;
        };
        let automaton = Needles::Automaton(
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(patterns)
                .unwrap(),
        );
        let packed = Needles::Packed(packed);
        for t in &texts {
            let found = |n: &Needles| n.find_iter(t.as_bytes()).collect::<Vec<_>>();
            assert_eq!(found(&packed), found(&automaton), "{t}");
            assert_eq!(
                packed.is_match(t.as_bytes()),
                automaton.is_match(t.as_bytes())
            );
        }
    }
}
