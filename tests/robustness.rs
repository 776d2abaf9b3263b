//! Pseudo-random texts built from tricky pieces (curly and odd quotation marks, no-break
//! spaces, multi-byte letters, cues, names, commas) must never make `analyze` panic, and every
//! offset must lie inside the text.

use whosaid::{Document, analyze};

const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "«",
    "»",
    "„",
    "「",
    "」",
    " ",
    " ",
    "\u{a0}",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    "said",
    "says",
    "told",
    "according to",
    "added",
    "Smith",
    "Mr.",
    "Ana Lòpez",
    "the minister",
    "he",
    "she",
    "that",
    "état",
    "naïve",
    "日本",
    "X",
    "Reuters",
    "reported",
    "in a statement",
    "don't",
    "'90s",
    "Jones'",
    "—AP",
    "(IANS)",
];

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn random_texts_never_panic_and_offsets_fit() {
    let mut rng = Lcg(42);
    for i in 0..3000 {
        let len = 5 + rng.next() % 120;
        let text: String = (0..len)
            .map(|_| PIECES[rng.next() % PIECES.len()])
            .collect();
        let chars = text.chars().count();
        for q in analyze(&Document::new(format!("doc{i}"), text.clone())) {
            assert!(
                q.quote_start <= q.quote_end && q.quote_end <= chars,
                "{text:?}"
            );
            for (s, e) in [(q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)] {
                if let (Some(s), Some(e)) = (s, e) {
                    assert!(s <= e && e <= chars, "{text:?}");
                }
            }
        }
    }
}
