//! Line prefixes compared in any ASCII case, looked up by the line's first bytes.
//!
//! The lists of line starts (junk lines, credit lines, photo captions) and of agency names are
//! short, and a line is compared in full only with those that its first four bytes allow:
//! tables built at compile time, so that nothing is built when the program starts and most
//! lines, which start with bytes that start no prefix, are told with four loads.

/// How many of a line's first bytes are looked up before prefixes are compared in full.
const LOOKED_UP: usize = 4;

/// A set of at most 64 prefixes, compared in any ASCII case.
pub(super) struct PrefixSet {
    prefixes: &'static [&'static str],
    /// Bit `i` of `by_byte[k][b]` is set when `prefixes[i]` has byte `b` (in either case) at
    /// `k`, or is shorter than `k + 1` bytes.
    by_byte: [[u64; 256]; LOOKED_UP],
    /// One bit for each prefix.
    all: u64,
}

impl PrefixSet {
    /// The set of `prefixes` (at most 64: one bit each).
    pub(super) const fn new(prefixes: &'static [&'static str]) -> PrefixSet {
        assert!(
            prefixes.len() <= 64,
            "a prefix set holds at most 64 prefixes"
        );
        let mut by_byte = [[0u64; 256]; LOOKED_UP];
        let mut i = 0;
        while i < prefixes.len() {
            let bit = 1 << i;
            let bytes = prefixes[i].as_bytes();
            let mut k = 0;
            while k < LOOKED_UP {
                if k < bytes.len() {
                    by_byte[k][bytes[k].to_ascii_lowercase() as usize] |= bit;
                    by_byte[k][bytes[k].to_ascii_uppercase() as usize] |= bit;
                } else {
                    let mut b = 0;
                    while b < 256 {
                        by_byte[k][b] |= bit;
                        b += 1;
                    }
                }
                k += 1;
            }
            i += 1;
        }
        PrefixSet {
            prefixes,
            by_byte,
            all: if prefixes.len() == 64 {
                u64::MAX
            } else {
                (1 << prefixes.len()) - 1
            },
        }
    }

    /// The prefixes that the first bytes of `s` allow, one bit each (bit `i` for the `i`-th):
    /// each of the others differs from `s` (in any ASCII case) in one of its first
    /// [`LOOKED_UP`] bytes. A prefix longer than `s` may be among them.
    pub(super) fn candidates(&self, s: &str) -> u64 {
        let allowed = |candidates: u64, (by_byte, &b): (&[u64; 256], &u8)| {
            candidates & by_byte[usize::from(b)]
        };
        // Lines have the bytes looked up, nearly all: four loads, unrolled.
        match s.as_bytes().first_chunk::<LOOKED_UP>() {
            Some(head) => self.by_byte.iter().zip(head).fold(self.all, allowed),
            None => self
                .by_byte
                .iter()
                .zip(s.as_bytes())
                .fold(self.all, allowed),
        }
    }

    /// `s` starts with one of the prefixes, ignoring ASCII case.
    pub(super) fn starts(&self, s: &str) -> bool {
        let mut candidates = self.candidates(s);
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
    fn prefixes_by_first_bytes_as_one_by_one() {
        let lists: [&'static [&'static str]; 6] = [
            super::super::byline::CAPTION_PREFIXES,
            super::super::byline::CREDIT_PREFIXES,
            super::super::boilerplate::JUNK_PREFIXES,
            &["", "a"],
            &["Ab", "(x", "©"],
            &[],
        ];
        let mut lines: Vec<String> = [
            "",
            "(",
            "PHOTO: x",
            "Photograph by",
            "édition",
            "[Image",
            "A",
            "Ab",
            "aB(",
        ]
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
