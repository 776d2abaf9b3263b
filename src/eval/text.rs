//! Character-offset access to a document text, and the quotation-mark test of the `direct`
//! subset.

/// The characters that count as quotation marks: straight, curly, low-9, guillemets and CJK
/// corner brackets. `'` and `’` count only when they are not between two letters (so the
/// apostrophes of "don't" and "O’Brien" do not make a span direct; those of "Jones' house"
/// and "the '90s", which look like any closing or opening single quote, do).
pub const QUOTATION_MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '\'', '«', '»', '‹', '›', '「', '」', '『', '』',
];

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
    /// The letters around an apostrophe are looked up in the whole text, so a span that
    /// starts or ends inside a word is judged like the word.
    pub fn has_quotation_mark(&self, start: usize, end: usize) -> bool {
        let end = end.min(self.len());
        let start = start.min(end);
        let span = self.slice(start, end);
        if !span.contains(QUOTATION_MARKS) {
            return false;
        }
        let mut prev = start.checked_sub(1).and_then(|i| self.char_at(i));
        let mut chars = span.chars().peekable();
        while let Some(c) = chars.next() {
            if QUOTATION_MARKS.contains(&c) {
                let apostrophe =
                    matches!(c, '\'' | '’') && prev.is_some_and(char::is_alphabetic) && {
                        let next = match chars.peek() {
                            Some(&n) => Some(n),
                            None => self.char_at(end),
                        };
                        next.is_some_and(char::is_alphabetic)
                    };
                if !apostrophe {
                    return true;
                }
            }
            prev = Some(c);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_characters() {
        let t = CharText::new("«Oui», dit-elle. “Yes.”");
        assert_eq!(t.len(), 23);
        assert_eq!(t.slice(0, 5), "«Oui»");
        assert_eq!(t.slice(17, 23), "“Yes.”");
        assert_eq!(t.slice(20, 99), "s.”");
        assert_eq!(t.char_at(22), Some('”'));
        assert_eq!(t.char_at(23), None);
        assert_eq!(t.before(5, 3), "ui»");
        assert_eq!(t.after(20, 100), "s.”");
        let ascii = CharText::new("abc");
        assert_eq!((ascii.len(), ascii.slice(1, 2)), (3, "b"));
    }

    #[test]
    fn quotation_marks_but_not_apostrophes_inside_words() {
        let t = CharText::new("He said \"no\". Don't. O’Brien. Jones' car. 'Yes' «Non» 「はい」");
        let has = |s: &str| {
            let start = t.text.find(s).unwrap();
            let start = t.text[..start].chars().count();
            t.has_quotation_mark(start, start + s.chars().count())
        };
        assert!(has("\"no\""));
        assert!(!has("Don't"));
        assert!(!has("O’Brien"));
        // A span that cuts the word at the apostrophe still sees the letters around it.
        assert!(!has("Don'"));
        assert!(!has("'t"));
        assert!(has("Jones'"));
        assert!(has("'Yes'"));
        assert!(has("«Non»"));
        assert!(has("「はい」"));
        assert!(!has("He said"));
    }
}
