//! Byte offsets to Unicode character offsets (what FORMAT.md and the quote table count).
//!
//! The analysis works on byte offsets into the UTF-8 text; [`CharIndex`] converts them to
//! character offsets at the end in O(1) memory per 256 bytes and O(256) time per lookup.
//! Characters are counted a block at a time with a byte-wide counter, which the compiler
//! turns into vector code (16 bytes an instruction or so): both the index and each lookup
//! cost a fraction of an instruction per byte.

/// Largest char boundary of `s` that is `<= i` (`i` is clamped to the length).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Converts byte offsets of one text into character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    ascii: bool,
    /// Characters before each 256-byte block.
    blocks: Vec<usize>,
}

const BLOCK: usize = 256;

impl CharIndex {
    /// Builds the index of `text` in one pass.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                ascii: true,
                blocks: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(chars);
            chars += count_chars(chunk);
        }
        blocks.push(chars);
        CharIndex {
            ascii: false,
            blocks,
        }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary of the text).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let base = block * BLOCK;
        self.blocks[block] + count_chars(&text.as_bytes()[base..byte])
    }
}

/// Number of characters in a run of UTF-8 bytes: the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    // A byte-wide count cannot overflow within 255 bytes, and vectorizes where a `usize`
    // count (`filter().count()`) stays a byte at a time.
    bytes
        .chunks(255)
        .map(|chunk| {
            usize::from(
                chunk
                    .iter()
                    .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40)),
            )
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let t = "hello world";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_offset(t, 6), 6);
    }

    #[test]
    fn characters_counted_as_before() {
        let before = |bytes: &[u8]| bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
        let mut texts = crate::test_support::corpus_texts();
        texts.push("é".repeat(300));
        texts.push("“".repeat(1000));
        for t in &texts {
            let b = t.as_bytes();
            for n in [0, 1, 254, 255, 256, 511, 600, b.len()] {
                let run = &b[..n.min(b.len())];
                assert_eq!(count_chars(run), before(run));
            }
            assert_eq!(count_chars(b), t.chars().count());
        }
    }

    #[test]
    fn multibyte_counts_characters() {
        let t = "“Yes,” she said. «Non» — ça va. ".repeat(40);
        let ix = CharIndex::new(&t);
        for (chars, (byte, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_offset(&t, byte), chars);
        }
        assert_eq!(ix.char_offset(&t, t.len()), t.chars().count());
    }
}
