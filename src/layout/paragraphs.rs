//! Paragraph splitting.
//!
//! The text is cut into lines with `memchr` (a trailing `\r` of a `\r\n` pair belongs to the
//! line break, not to the line). Lines that are empty or whitespace-only (Unicode whitespace
//! plus the zero-width characters U+200B..U+200D, U+2060 and U+FEFF) are never paragraphs and
//! always separate paragraphs.
//!
//! Between two non-blank lines the single newline separates paragraphs too (news dumps put one
//! paragraph per line), unless the whole text looks *hard-wrapped*. The text counts as
//! hard-wrapped when there are at least two single-newline breaks and
//!
//! * at least 60 % of the lines that are followed directly by another non-blank line are
//!   between 35 and 100 characters long (the wrap column), and
//! * at least 40 % of those breaks look like a sentence carrying on: the next line starts with
//!   a lowercase letter, or the previous line does not end with sentence punctuation.
//!
//! In a hard-wrapped text a single newline joins the two lines into one paragraph, except when
//! the next line is indented (and most lines are not), or when the previous line is clearly
//! shorter than the wrap column (under 75 % of the median wrapped-line length), ends with
//! sentence punctuation and the next line does not start lowercase: that is the last line of a
//! paragraph, a headline, a byline.
//!
//! Paragraph ranges run from the first non-whitespace character of their first line to the end
//! of the last non-whitespace character of their last line. Everything is linear in the text
//! length (the median comes from a bounded histogram).

use std::ops::Range;

/// One line of the text, with its trimmed byte range.
#[derive(Debug, Clone)]
struct Line {
    /// Trimmed byte range (empty for blank lines).
    range: Range<usize>,
    /// No visible character on the line.
    blank: bool,
    /// The raw line starts with whitespace.
    indented: bool,
}

impl Line {
    /// Number of chars in the trimmed line (counted where the wrap test needs it).
    fn chars(&self, text: &str) -> usize {
        text[self.range.clone()].chars().count()
    }
}

/// Whitespace for trimming: Unicode whitespace plus zero-width characters.
pub(crate) fn is_ws(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Returns the paragraph ranges of `text`, in order.
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    // Found once, read twice: by the wrap test and to make the paragraphs.
    let lines: Vec<Line> = lines(text).collect();
    let wrapped = Wrap::detect(text, &lines);
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut prev: Option<&Line> = None;
    for line in &lines {
        if line.blank {
            if let Some(r) = current.take() {
                out.push(r);
            }
            prev = None;
            continue;
        }
        match (current.as_mut(), prev, &wrapped) {
            (Some(cur), Some(p), Some(wrap)) if wrap.joins(text, p, line) => {
                cur.end = line.range.end;
            }
            _ => {
                if let Some(r) = current.take() {
                    out.push(r);
                }
                current = Some(line.range.clone());
            }
        }
        prev = Some(line);
    }
    if let Some(r) = current {
        out.push(r);
    }
    out
}

/// The lines of `text`, found with `memchr`.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    let mut start = 0;
    ends.map(move |nl| {
        let line_start = start;
        start = nl + 1;
        let mut end = nl;
        if end > line_start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let raw = &text[line_start..end];
        let left = raw.trim_start_matches(is_ws);
        let trimmed = left.trim_end_matches(is_ws);
        let s = line_start + (raw.len() - left.len());
        Line {
            range: s..s + trimmed.len(),
            blank: trimmed.is_empty(),
            indented: left.len() != raw.len(),
        }
    })
}

/// Ends a sentence: `.`, `!`, `?`, `:` possibly followed by closing quotes or brackets.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        is_ws(c) || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    });
    matches!(t.chars().next_back(), Some('.' | '!' | '?' | ':' | '…'))
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Hard-wrap parameters of a text.
struct Wrap {
    /// Median length of lines followed by a non-blank line.
    median: usize,
    /// Indentation marks a paragraph start (most lines are not indented).
    indent_breaks: bool,
}

impl Wrap {
    /// Returns wrap parameters if the text (whose [`lines`] are `lines`) is hard-wrapped.
    fn detect(text: &str, lines: &[Line]) -> Option<Wrap> {
        const CAP: usize = 201;
        let mut hist = [0usize; CAP + 1];
        let (mut breaks, mut in_width, mut carry_on, mut indented, mut nonblank) = (0, 0, 0, 0, 0);
        let mut prev: Option<&Line> = None;
        for line in lines {
            if line.blank {
                prev = None;
                continue;
            }
            nonblank += 1;
            indented += usize::from(line.indented);
            if let Some(p) = &prev {
                breaks += 1;
                let chars = p.chars(text);
                hist[chars.min(CAP)] += 1;
                in_width += usize::from((35..=100).contains(&chars));
                let prev_text = &text[p.range.clone()];
                let next_text = &text[line.range.clone()];
                carry_on += usize::from(starts_lowercase(next_text) || !ends_sentence(prev_text));
            }
            prev = Some(line);
        }
        if breaks < 2 || in_width * 10 < breaks * 6 || carry_on * 10 < breaks * 4 {
            return None;
        }
        let mut seen = 0;
        let mut median = 0;
        for (len, &n) in hist.iter().enumerate() {
            seen += n;
            if seen * 2 >= breaks {
                median = len;
                break;
            }
        }
        Some(Wrap {
            median,
            indent_breaks: indented * 2 < nonblank,
        })
    }

    /// Whether `next` continues the paragraph whose last line is `prev`.
    fn joins(&self, text: &str, prev: &Line, next: &Line) -> bool {
        if self.indent_breaks && next.indented {
            return false;
        }
        let prev_text = &text[prev.range.clone()];
        let next_text = &text[next.range.clone()];
        let short = prev.chars(text) * 4 < self.median * 3;
        !(short && ends_sentence(prev_text) && !starts_lowercase(next_text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn blank_lines_and_single_lines() {
        let t = "Head line\n\nFirst para.\nSecond para.\n\n\n  Third para.  \n";
        assert_eq!(
            texts(t),
            ["Head line", "First para.", "Second para.", "Third para."]
        );
    }

    #[test]
    fn crlf_and_whitespace_lines() {
        let t = "One.\r\n\r\n \t \r\nTwo.\r\nThree.\r\n";
        assert_eq!(texts(t), ["One.", "Two.", "Three."]);
        assert!(texts("").is_empty());
        assert!(texts(" \n\r\n\t\u{a0}\u{200b}\n").is_empty());
    }

    #[test]
    fn hard_wrapped() {
        let t = "The committee met on Tuesday to discuss the proposal that had been\n\
                 put forward by the minister, who said it would help farmers across\n\
                 the region.\n\
                 \n\
                 Critics were not convinced. \"This is a bad idea,\" said one of the\n\
                 opposition members, adding that the plan would cost too much money\n\
                 and deliver too little.\n";
        let p = texts(t);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("the region."));
        assert!(p[1].starts_with("Critics") && p[1].ends_with("too little."));
    }

    #[test]
    fn hard_wrapped_without_blank_lines() {
        let t = "The committee met on Tuesday to discuss the proposal that had been\n\
                 put forward by the minister, who said it would help farmers.\n\
                 Short end.\n\
                 Critics were not convinced by any of this, said one of the members\n\
                 of the opposition, adding that the plan would cost too much.\n";
        let p = texts(t);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("Short end."));
    }

    #[test]
    fn one_paragraph_per_line() {
        let t = "The committee met on Tuesday to discuss the proposal that had been put forward.\n\
                 Critics were not convinced by the plan, which they said would cost too much.\n\
                 \"This is a bad idea,\" said one of the opposition members on Wednesday.\n";
        assert_eq!(texts(t).len(), 3);
    }

    #[test]
    fn wrapped_crlf() {
        let t = "the committee met on tuesday to discuss the proposal that had been\r\n\
                 put forward by the minister, who said it would help farmers across\r\n\
                 the region and beyond.\r\n";
        let p = texts(t);
        assert_eq!(p.len(), 1);
        assert!(!p[0].contains("\r\n\r"));
        assert!(p[0].ends_with("beyond."));
    }
}
