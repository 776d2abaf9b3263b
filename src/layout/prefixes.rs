//! Line prefixes compared in any ASCII case, looked up by the line's first byte.
//!
//! The lists of line starts (junk lines, credit lines, photo captions) are short, and a line
//! is compared in full only with those of its first byte: a table built at compile time, so
//! that nothing is built when the program starts and most lines, which start with a byte
//! that starts no prefix, are told with one load.

/// A set of at most 64 prefixes, compared in any ASCII case.
pub(super) struct PrefixSet {
    prefixes: &'static [&'static str],
    /// Bit `i` of `by_first[b]` is set when `prefixes[i]` starts with byte `b` in either case
    /// (or is empty).
    by_first: [u64; 256],
    /// One of the prefixes is empty: it starts every line, the empty one too.
    has_empty: bool,
}

impl PrefixSet {
    /// The set of `prefixes` (at most 64: one bit each).
    pub(super) const fn new(prefixes: &'static [&'static str]) -> PrefixSet {
        assert!(
            prefixes.len() <= 64,
            "a prefix set holds at most 64 prefixes"
        );
        let mut by_first = [0u64; 256];
        let mut has_empty = false;
        let mut i = 0;
        while i < prefixes.len() {
            let bit = 1 << i;
            match prefixes[i].as_bytes() {
                [] => {
                    has_empty = true;
                    let mut b = 0;
                    while b < 256 {
                        by_first[b] |= bit;
                        b += 1;
                    }
                }
                [first, ..] => {
                    by_first[first.to_ascii_lowercase() as usize] |= bit;
                    by_first[first.to_ascii_uppercase() as usize] |= bit;
                }
            }
            i += 1;
        }
        PrefixSet {
            prefixes,
            by_first,
            has_empty,
        }
    }

    /// `s` starts with one of the prefixes, ignoring ASCII case.
    pub(super) fn starts(&self, s: &str) -> bool {
        let Some(first) = s.bytes().next() else {
            return self.has_empty;
        };
        let mut candidates = self.by_first[usize::from(first)];
        while candidates != 0 {
            if starts_ci(s, self.prefixes[candidates.trailing_zeros() as usize]) {
                return true;
            }
            // The next candidate: the lowest bit cleared.
            candidates &= candidates - 1;
        }
        false
    }
}

/// `s` starts with `pre`, ignoring ASCII case.
pub(super) fn starts_ci(s: &str, pre: &str) -> bool {
    s.as_bytes()
        .get(..pre.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(pre.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table finds a prefix where comparing the line with each prefix does.
    #[test]
    fn prefixes_by_first_byte_as_one_by_one() {
        let lists: [&'static [&'static str]; 5] = [
            super::super::byline::CAPTION_PREFIXES,
            super::super::byline::CREDIT_PREFIXES,
            super::super::boilerplate::JUNK_PREFIXES,
            &["", "a"],
            &["Ab", "(x", "©"],
        ];
        let mut lines: Vec<String> = ["", "(", "PHOTO: x", "Photograph by", "édition", "[Image"]
            .map(String::from)
            .to_vec();
        for pre in lists.iter().flat_map(|l| l.iter()) {
            lines.extend([
                pre.to_string(),
                pre.to_ascii_uppercase(),
                format!("{pre} x"),
                format!("x{pre}"),
            ]);
            if let Some((end, _)) = pre.char_indices().next_back() {
                lines.push(pre[..end].to_string());
            }
        }
        lines.extend(
            crate::test_support::corpus_texts()
                .iter()
                .flat_map(|t| t.lines().map(|l| l.trim().to_string()).collect::<Vec<_>>()),
        );
        for list in lists {
            let set = PrefixSet::new(list);
            for s in &lines {
                let one_by_one = list.iter().any(|pre| starts_ci(s, pre));
                assert_eq!(set.starts(s), one_by_one, "{s}");
            }
        }
    }
}
