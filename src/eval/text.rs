//! Character-offset access to a document text, and the quotation-mark test of the `direct`
//! subset.

/// The characters that count as quotation marks: the double marks, straight, curly, low-9,
/// guillemets and CJK corner brackets. Single marks (`'`, `‘`, `’`, `‚`, `‹`, `›`) do not
/// count, as in PolNeAR's `direct` flag, where content holding only single marks is never
/// direct: in English news they are apostrophes, or quotes nested in a quote, and the
/// newspaper-archive `''…''` is marked not direct either. Predictions are judged like the gold.
pub const QUOTATION_MARKS: &[char] = &['"', '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』'];

/// A text indexed by Unicode character offsets (as FORMAT.md and the quote table count them).
#[derive(Debug, Clone)]
pub struct CharText<'a> {
    text: &'a str,
    /// The byte offset of each character, then the text length; `None` for ASCII text, where
    /// byte and character offsets are the same.
    bounds: Option<Vec<usize>>,
}

impl<'a> CharText<'a> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let bounds = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        CharText { text, bounds }
    }

    /// The number of characters.
    pub fn len(&self) -> usize {
        match &self.bounds {
            Some(b) => b.len() - 1,
            None => self.text.len(),
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte(&self, char_offset: usize) -> usize {
        let c = char_offset.min(self.len());
        match &self.bounds {
            Some(b) => b[c],
            None => c,
        }
    }

    /// The text of the characters `start..end`, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let end = end.min(self.len());
        let start = start.min(end);
        &self.text[self.byte(start)..self.byte(end)]
    }

    /// The character at `offset`, if any.
    pub fn char_at(&self, offset: usize) -> Option<char> {
        if offset >= self.len() {
            return None;
        }
        self.slice(offset, offset + 1).chars().next()
    }

    /// Up to `n` characters before `offset`.
    pub fn before(&self, offset: usize, n: usize) -> &'a str {
        self.slice(offset.saturating_sub(n), offset)
    }

    /// Up to `n` characters from `offset` on.
    pub fn after(&self, offset: usize, n: usize) -> &'a str {
        self.slice(offset, offset.saturating_add(n))
    }

    /// Whether the characters `start..end` hold a quotation mark (see [`QUOTATION_MARKS`]).
    pub fn has_quotation_mark(&self, start: usize, end: usize) -> bool {
        let end = end.min(self.len());
        let start = start.min(end);
        self.slice(start, end).contains(QUOTATION_MARKS)
    }
}
