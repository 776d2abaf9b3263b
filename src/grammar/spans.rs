//! Pairing quotation marks into quoted spans.
//!
//! [`find_quotes`] scans each paragraph for marks (with
//! `super::marks`, one paragraph at a time, so a mark at a paragraph start is
//! "preceded by the start") and pairs them with a small explicit stack. The
//! result is every [`QuotedSpan`], sorted by start, outer spans before the
//! spans nested in them, with byte offsets into the text.
//!
//! # Pairing
//!
//! Marks are taken in order; apostrophes are skipped. For each mark:
//!
//! * **Closing.** The topmost pending opener that the mark can close is
//!   looked for: `"` closes `"`, `'` closes `'`, `”` closes `“` (and `“`
//!   in a clear closing context closes `“`, a common typo), `’` closes `‘`
//!   (and a closing-context `‘` closes `‘`), `“`/`”` close `„`, `‘`/`’`
//!   close `‚`, `»` closes `«` and `«` closes `»` (both guillemet orders),
//!   likewise `›`/`‹`, `」` closes `「` and `』` closes `『`. If one is found
//!   the span is emitted, and any openers above it on the stack (opened
//!   inside it and never closed) are dropped.
//! * **Mixed double marks** (`“…"`, `"…”`) pair too: newsroom typing mixes them.
//! * **Straight marks** are paired by parity: a `"` (whatever its context
//!   says) closes a pending `"`, and so does an `Either` `'`. Straight
//!   doubles cannot nest in straight doubles.
//! * **Single openings.** A `'` or `‘` in clear opening context never
//!   closes; if the innermost pending opener is the same character (and is
//!   not a quote continued from an earlier paragraph) that earlier opener is
//!   dropped, as an apostrophe or typo that never closed, and the new one
//!   takes its place. Otherwise it is pushed.
//! * **Opening.** A mark with role `Open` or `Either` that closes nothing is
//!   pushed. A `Close` mark that closes nothing is a stray and is ignored.
//! * **Nesting** therefore follows the marks: double inside single and
//!   single inside double (`"He said, 'Never again,' and left"`), curly
//!   inside curly by direction (`“a “b” c”`), `‚…‘` inside `„…“`, `«…«…»…»`.
//!   Depth is computed at the end from the final spans (0 top level, 1 a
//!   quote inside a quote, ...).
//! * **Empty quotes** (`""`, `“ ”`, `“‘’”`: nothing but whitespace and
//!   quotation marks inside) are not spans.
//!
//! # Paragraphs
//!
//! The pairing state is reset at each paragraph boundary, so that one bad
//! mark never shifts the parity of the rest of the document. At the end of a
//! paragraph, the openers still pending are settled:
//!
//! * **Multi-paragraph quotes.** The outermost pending opener is carried to
//!   the next paragraph (single quotes below the outermost double one are
//!   passed over, being dropped anyway). If that paragraph *starts* (after optional
//!   whitespace) with a mark of the same kind (the same character; for
//!   guillemets either direction, so French `»` continuations count), the
//!   quote continues: that mark is recorded in [`QuotedSpan::reopenings`],
//!   the quote goes on until the mark that finally closes it, and
//!   [`QuotedSpan::content`] leaves the reopening marks out (but keeps the
//!   text between paragraphs as is).
//! * **Unclosed quotes, recovered locally.** An opener that is neither
//!   closed in its paragraph nor continued by the next is recovered as a span
//!   running to the end of its (last) paragraph, trailing whitespace
//!   excluded, with `closed == false` and `content_end == end`, if its
//!   content holds at least [`MIN_RECOVERED_WORDS`] words; otherwise it is
//!   dropped. Single quotes (`'`, `‘`, `‚`, `‹`, `›`) that never close in
//!   their paragraph and were never continued are always dropped: they were
//!   apostrophes or typos.
//! * Whitespace-only paragraph ranges are skipped, and so are ranges that are
//!   out of bounds, reversed, not at char boundaries, or that overlap the
//!   previous range. Marks outside every paragraph are ignored. If
//!   `paragraphs` is empty, the non-blank lines of the text are used.
//!
//! # Costs and limits
//!
//! Linear time: every mark is handled once, against a stack of at most
//! [`MAX_DEPTH`] openers, with no recursion. Openers beyond that depth are
//! counted, not stacked, and the same number of closers is then skipped, so
//! a quote nested 1,000 deep yields the outermost [`MAX_DEPTH`] spans, paired
//! correctly. A run of 100,000 `"` pairs them two by two into empty quotes,
//! which are no spans.

use std::{borrow::Cow, ops::Range};

use super::marks::{self, Mark, MarkRole, MarkStyle};

/// The deepest nesting of pending quotes kept track of.
pub const MAX_DEPTH: usize = 8;

/// The fewest words an unclosed quote must hold to be recovered as a span.
pub const MIN_RECOVERED_WORDS: usize = 3;

/// A quoted stretch of text, with byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Just past the closing mark; for an unclosed (recovered) span, the end
    /// of its recovered extent (end of its last paragraph, without trailing
    /// whitespace).
    pub end: usize,
    /// Just after the opening mark.
    pub content_start: usize,
    /// At the closing mark (or `== end` when unclosed).
    pub content_end: usize,
    /// Style of the opening mark.
    pub style: MarkStyle,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// 0 at top level, 1 for a quote inside a quote, ...
    pub depth: u8,
    /// Multi-paragraph quotes: the byte ranges of the marks that reopen the
    /// quote at the start of each continuation paragraph.
    pub reopenings: Vec<Range<usize>>,
}

impl QuotedSpan {
    /// The content without the enclosing marks and without the reopening
    /// marks of continuation paragraphs (the text between paragraphs is kept
    /// as is). Borrowed unless there are reopenings. Empty if `text` is not
    /// the text the span was found in.
    pub fn content<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.reopenings.is_empty() {
            return Cow::Borrowed(text.get(self.content_range()).unwrap_or(""));
        }
        let mut out = String::with_capacity(self.content_end.saturating_sub(self.content_start));
        for piece in pieces(self.content_start, self.content_end, &self.reopenings) {
            out.push_str(text.get(piece).unwrap_or(""));
        }
        Cow::Owned(out)
    }

    /// The whole span, marks included: `start..end`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The content, reopening marks included: `content_start..content_end`.
    pub fn content_range(&self) -> Range<usize> {
        self.content_start..self.content_end
    }

    /// Whether the quote runs over more than one paragraph.
    pub fn is_multi_paragraph(&self) -> bool {
        !self.reopenings.is_empty()
    }
}

/// Every quoted span of `text`, sorted by start (outer before inner).
/// `paragraphs` are the byte ranges of the paragraphs in order; see the
/// module docs for the rules.
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuotedSpan> {
    let lines;
    let paragraphs = if paragraphs.is_empty() {
        lines = line_ranges(text);
        &lines[..]
    } else {
        paragraphs
    };
    let mut pairer = Pairer {
        text,
        stack: Vec::with_capacity(MAX_DEPTH),
        overflow: 0,
        carry: None,
        // News text holds a quote every few hundred bytes.
        out: Vec::with_capacity(text.len() / 256),
    };
    // Room for the marks of nearly every paragraph.
    let mut marks_buf: Vec<Mark> = Vec::with_capacity(16);
    let mut scanner = marks::MarkScanner::new(text);
    let mut prev_end = 0;
    for r in paragraphs {
        let Some(para) = text.get(r.clone()) else {
            continue;
        };
        if r.start < prev_end {
            continue;
        }
        prev_end = r.end;
        let trimmed_len = para.trim_end().len();
        if trimmed_len == 0 {
            continue;
        }
        let trimmed_end = r.start + trimmed_len;
        marks_buf.clear();
        scanner.paragraph_into(r.clone(), &mut marks_buf);
        pairer.paragraph(r.start, trimmed_end, &marks_buf);
    }
    pairer.finish()
}

/// A pending opening mark.
struct Opener {
    ch: char,
    style: MarkStyle,
    pos: usize,
    len: usize,
    reopenings: Vec<Range<usize>>,
}

struct Pairer<'t> {
    text: &'t str,
    stack: Vec<Opener>,
    /// Openers ignored because the stack was full.
    overflow: usize,
    /// The outermost opener pending at the end of the last paragraph, with
    /// that paragraph's (trimmed) end.
    carry: Option<(Opener, usize)>,
    out: Vec<QuotedSpan>,
}

impl Pairer<'_> {
    fn paragraph(&mut self, start: usize, end: usize, marks: &[Mark]) {
        let mut marks = marks;
        if let Some((mut opener, last_end)) = self.carry.take() {
            let reopening = marks.first().filter(|m| {
                m.role != MarkRole::Apostrophe
                    && self.text[start..m.pos].trim_start().is_empty()
                    && m.char_in(self.text).is_some_and(|c| reopens(opener.ch, c))
            });
            if let Some(m) = reopening {
                opener.reopenings.push(m.range());
                self.stack.push(opener);
                marks = &marks[1..];
            } else {
                self.unclosed(opener, last_end);
            }
        }
        for m in marks {
            self.mark(m);
        }
        // Most paragraphs leave nothing pending.
        if self.stack.is_empty() {
            self.overflow = 0;
            return;
        }
        // Settle the paragraph: carry the outermost opener (skipping single
        // quotes below it that would be dropped anyway), recover the others.
        let mut stack = std::mem::take(&mut self.stack);
        let carried = stack
            .iter()
            .position(|o| !(is_single(o.ch) && o.reopenings.is_empty()))
            .unwrap_or(0);
        let mut drained = stack.drain(carried..);
        let bottom = drained.next();
        for opener in drained.rev() {
            self.unclosed(opener, end);
        }
        stack.clear();
        self.stack = stack;
        self.carry = bottom.map(|b| (b, end));
        self.overflow = 0;
    }

    fn mark(&mut self, m: &Mark) {
        if m.role == MarkRole::Apostrophe {
            return;
        }
        let Some(ch) = m.char_in(self.text) else {
            return;
        };
        if m.role == MarkRole::Open && matches!(ch, '\'' | '‘') {
            if self.overflow == 0
                && self
                    .stack
                    .last()
                    .is_some_and(|top| top.ch == ch && top.reopenings.is_empty())
            {
                self.stack.pop();
            }
            self.push(m, ch);
            return;
        }
        if let Some(idx) = self.stack.iter().rposition(|o| closes(o.ch, ch, m.role)) {
            if self.overflow > 0 {
                self.overflow -= 1;
                return;
            }
            self.stack.truncate(idx + 1);
            if let Some(opener) = self.stack.pop() {
                self.closed(opener, m);
            }
            return;
        }
        if matches!(m.role, MarkRole::Open | MarkRole::Either) {
            self.push(m, ch);
        }
    }

    fn push(&mut self, m: &Mark, ch: char) {
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return;
        }
        self.stack.push(Opener {
            ch,
            style: m.style,
            pos: m.pos,
            len: m.len,
            reopenings: Vec::new(),
        });
    }

    fn closed(&mut self, opener: Opener, close: &Mark) {
        let content_start = opener.pos + opener.len;
        let blank = pieces(content_start, close.pos, &opener.reopenings).all(|p| {
            self.text[p]
                .chars()
                .all(|c| c.is_whitespace() || marks::style_of(c).is_some())
        });
        if blank {
            return;
        }
        self.out.push(QuotedSpan {
            start: opener.pos,
            end: close.pos + close.len,
            content_start,
            content_end: close.pos,
            style: opener.style,
            closed: true,
            depth: 0,
            reopenings: opener.reopenings,
        });
    }

    /// Settles an opener never closed: recover it up to `end`, or drop it.
    fn unclosed(&mut self, opener: Opener, end: usize) {
        if opener.reopenings.is_empty() && is_single(opener.ch) {
            return;
        }
        let content_start = opener.pos + opener.len;
        let end = end.max(content_start);
        if count_words(self.text, content_start, end, &opener.reopenings) < MIN_RECOVERED_WORDS {
            return;
        }
        self.out.push(QuotedSpan {
            start: opener.pos,
            end,
            content_start,
            content_end: end,
            style: opener.style,
            closed: false,
            depth: 0,
            reopenings: opener.reopenings,
        });
    }

    fn finish(mut self) -> Vec<QuotedSpan> {
        if let Some((opener, last_end)) = self.carry.take() {
            self.unclosed(opener, last_end);
        }
        let mut out = self.out;
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut ends: Vec<usize> = Vec::new();
        for span in &mut out {
            while ends.last().is_some_and(|&e| e <= span.start) {
                ends.pop();
            }
            span.depth = u8::try_from(ends.len()).unwrap_or(u8::MAX);
            ends.push(span.end);
        }
        out
    }
}

/// Whether `mark` (with `role`) closes a pending `opener`.
fn closes(opener: char, mark: char, role: MarkRole) -> bool {
    match opener {
        // Mixed double marks are a common typo: “…" and "…”.
        '"' => mark == '"' || mark == '”',
        '\'' => mark == '\'',
        '“' | '”' => {
            mark == '”'
                || (mark == '“' && role == MarkRole::Close)
                || (mark == '"' && role != MarkRole::Open)
        }
        '‘' => mark == '’' || (mark == '‘' && role == MarkRole::Close),
        '„' => mark == '“' || mark == '”',
        '‚' => mark == '‘' || mark == '’',
        '«' => mark == '»',
        '»' => mark == '«',
        '‹' => mark == '›',
        '›' => mark == '‹',
        '「' => mark == '」',
        '『' => mark == '』',
        _ => false,
    }
}

/// Whether a paragraph starting with `mark` continues a quote opened by `opener`.
fn reopens(opener: char, mark: char) -> bool {
    match opener {
        '«' | '»' => matches!(mark, '«' | '»'),
        '‹' | '›' => matches!(mark, '‹' | '›'),
        '"' | '“' | '”' => matches!(mark, '"' | '“'),
        _ => opener == mark,
    }
}

/// Single quotation marks: dropped when they never close.
fn is_single(ch: char) -> bool {
    matches!(ch, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

/// The ranges of `start..end` outside the `holes` (sorted, inside it).
fn pieces(start: usize, end: usize, holes: &[Range<usize>]) -> impl Iterator<Item = Range<usize>> {
    let mut at = start;
    let mut holes = holes.iter();
    std::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let piece = match holes.next() {
            Some(h) if h.start >= at && h.start < end => {
                let p = at..h.start;
                at = h.end.min(end);
                p
            }
            _ => {
                let p = at..end;
                at = end;
                p
            }
        };
        Some(piece)
    })
}

/// Number of words (whitespace-separated tokens holding a letter or digit)
/// in `start..end` outside the holes, counted up to `MIN_RECOVERED_WORDS`.
fn count_words(text: &str, start: usize, end: usize, holes: &[Range<usize>]) -> usize {
    let mut words = 0;
    for piece in pieces(start, end, holes) {
        let mut in_counted = false;
        for c in text[piece].chars() {
            if c.is_whitespace() {
                in_counted = false;
            } else if !in_counted && c.is_alphanumeric() {
                in_counted = true;
                words += 1;
                if words >= MIN_RECOVERED_WORDS {
                    return words;
                }
            }
        }
    }
    words
}

/// The non-blank lines of `text`, as byte ranges.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            out.push(start..end);
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs: the non-blank lines.
    fn paras(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                out.push(start..start + line.len());
            }
            start += line.len() + 1;
        }
        out
    }

    fn quotes(text: &str) -> Vec<QuotedSpan> {
        find_quotes(text, &paras(text))
    }

    /// The whole text of each span, marks included.
    fn whole(text: &str) -> Vec<&str> {
        quotes(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn check_invariants(text: &str, spans: &[QuotedSpan]) {
        for s in spans {
            assert!(s.start < s.content_start);
            assert!(s.content_start <= s.content_end);
            assert!(s.content_end <= s.end);
            assert!(s.end <= text.len());
            for i in [s.start, s.end, s.content_start, s.content_end] {
                assert!(text.is_char_boundary(i));
            }
            if !s.closed {
                assert_eq!(s.content_end, s.end);
            }
        }
        for w in spans.windows(2) {
            assert!(w[0].start < w[1].start);
        }
    }

    #[test]
    fn no_marks() {
        let text = "Nothing quoted here.\n\nNot even — an apostrophe… ok";
        assert!(quotes(text).is_empty());
        assert!(quotes("").is_empty());
        assert!(find_quotes("", &[]).is_empty());
    }

    #[test]
    fn straight_double() {
        let text = r#""We are ready," he said. "Truly.""#;
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(whole(text), vec![r#""We are ready,""#, r#""Truly.""#]);
        assert_eq!(spans[0].start, 0);
        assert_eq!(spans[0].end, 15);
        assert_eq!(spans[0].content(text), "We are ready,");
        assert_eq!(spans[0].style, MarkStyle::Straight);
        assert!(spans[0].closed);
        assert_eq!(spans[0].depth, 0);
        assert_eq!(spans[1].content(text), "Truly.");
    }

    #[test]
    fn each_style() {
        let cases: &[(&str, &str, MarkStyle)] = &[
            (
                "He said “hello there” twice.",
                "hello there",
                MarkStyle::Curly,
            ),
            (
                "He said ‘hello there’ twice.",
                "hello there",
                MarkStyle::CurlySingle,
            ),
            (
                "He said 'hello there' twice.",
                "hello there",
                MarkStyle::StraightSingle,
            ),
            (
                "Il a dit « bonjour » hier.",
                " bonjour ",
                MarkStyle::Guillemet,
            ),
            ("Er sagte »Hallo« gestern.", "Hallo", MarkStyle::Guillemet),
            ("Er sagte „Hallo“ gestern.", "Hallo", MarkStyle::LowHigh),
            ("Powiedział „cześć” wczoraj.", "cześć", MarkStyle::LowHigh),
            ("Er sagte ‚Hallo‘ gestern.", "Hallo", MarkStyle::LowHigh),
            (
                "彼は「こんにちは」と言った。",
                "こんにちは",
                MarkStyle::Corner,
            ),
            (
                "彼は『こんにちは』と言った。",
                "こんにちは",
                MarkStyle::Corner,
            ),
            ("Il a dit ‹ oui › hier.", " oui ", MarkStyle::Guillemet),
        ];
        for (text, content, style) in cases {
            let spans = quotes(text);
            check_invariants(text, &spans);
            assert_eq!(spans.len(), 1, "{text}");
            assert_eq!(spans[0].content(text), *content, "{text}");
            assert_eq!(spans[0].style, *style, "{text}");
            assert!(spans[0].closed);
        }
    }

    #[test]
    fn german_nested_low_high() {
        let text = "„Er sagte: ‚Nein‘, und ging“, hieß es.";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(whole(text), vec!["„Er sagte: ‚Nein‘, und ging“", "‚Nein‘"]);
        assert_eq!(spans[0].depth, 0);
        assert_eq!(spans[1].depth, 1);
    }

    #[test]
    fn apostrophes_mixed_with_single_quotes() {
        let text = "'We are ready,' he said. He said 'we won't go' and left.";
        assert_eq!(whole(text), vec!["'We are ready,'", "'we won't go'"]);

        let text = "'It's the '90s and rock 'n' roll at Jones' house,' he said. \
                    'Tis true: the players' union don't care, o'clock be damned.";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(
            whole(text),
            vec!["'It's the '90s and rock 'n' roll at Jones' house,'"]
        );

        let text = "‘It’s the ’90s,’ he said of the players’ union. ‘We’re done.’";
        assert_eq!(whole(text), vec!["‘It’s the ’90s,’", "‘We’re done.’"]);

        let text = "'The players' union is strong,' he said, 'and we won.'";
        assert_eq!(
            whole(text),
            vec!["'The players' union is strong,'", "'and we won.'"]
        );

        // Apostrophes alone make no span.
        let text = "Jones' house, the players’ union, o'clock, ma'am, y'all, 'Tis.";
        assert!(quotes(text).is_empty());
    }

    #[test]
    fn unclosed_single_is_dropped_without_disturbing() {
        let text = "He moved to the 'burbs and said 'never again' today, \"fine\" too.";
        assert_eq!(whole(text), vec!["'never again'", "\"fine\""]);
        let text = "\"He said 'hi and left,\" she said. 'Yes,' he said.";
        let spans = quotes(text);
        assert_eq!(whole(text), vec!["\"He said 'hi and left,\"", "'Yes,'"]);
        assert!(spans.iter().all(|s| s.depth == 0));
    }

    #[test]
    fn nested_depths() {
        let text = r#""He said, 'Never again,' and left," she said."#;
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(
            whole(text),
            vec![r#""He said, 'Never again,' and left,""#, "'Never again,'"]
        );
        assert_eq!(spans[0].depth, 0);
        assert_eq!(spans[1].depth, 1);
        assert_eq!(spans[1].content(text), "Never again,");

        let text = "‘He told me “she said ‘no’ twice” today,’ he said.";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(
            whole(text),
            vec![
                "‘He told me “she said ‘no’ twice” today,’",
                "“she said ‘no’ twice”",
                "‘no’"
            ]
        );
        assert_eq!(
            spans.iter().map(|s| s.depth).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );

        let text = "“a “b “c” d” e”";
        let spans = quotes(text);
        assert_eq!(whole(text), vec!["“a “b “c” d” e”", "“b “c” d”", "“c”"]);
        assert_eq!(
            spans.iter().map(|s| s.depth).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );

        let text = "« Il a dit « oui » hier »";
        assert_eq!(whole(text), vec![text, "« oui »"]);
    }

    #[test]
    fn three_paragraph_quote() {
        let text = "\"The first part of it.\n\n\"The second part.\n\n\"And the third,\" he said.";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(spans.len(), 1);
        let s = &spans[0];
        assert_eq!(&text[s.start..s.end], &text[..text.len() - 9]);
        assert!(s.closed);
        assert_eq!(s.depth, 0);
        assert_eq!(s.reopenings, vec![24..25, 43..44]);
        assert_eq!(&text[s.reopenings[0].clone()], "\"");
        assert_eq!(&text[s.reopenings[1].clone()], "\"");
        assert_eq!(
            s.content(text),
            "The first part of it.\n\nThe second part.\n\nAnd the third,"
        );
        assert!(matches!(s.content(text), Cow::Owned(_)));

        // Curly, British single, French continuation with ».
        let text = "“One two.\n“Three four.\n“Five,” he said.";
        let spans = quotes(text);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].content(text), "One two.\nThree four.\nFive,");
        let text = "‘One two.\n‘Three four,’ he said.";
        assert_eq!(quotes(text)[0].content(text), "One two.\nThree four,");
        let text = "« Un deux.\n» Trois quatre. »";
        let spans = quotes(text);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].content(text), " Un deux.\n Trois quatre. ");
    }

    #[test]
    fn stray_single_does_not_block_continuation() {
        let text = "He moved to the 'burbs and said “we will stay here\n“forever,” he said.";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].content(text), "we will stay here\nforever,");
        assert_eq!(spans[0].reopenings.len(), 1);
    }

    #[test]
    fn multi_paragraph_never_closed() {
        let text = "“One two three.\n“Four five six\nAfter.";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(spans.len(), 1);
        assert!(!spans[0].closed);
        assert_eq!(&text[spans[0].range()], "“One two three.\n“Four five six");
        assert_eq!(spans[0].content(text), "One two three.\nFour five six");
    }

    #[test]
    fn unclosed_in_paragraph_two_of_four() {
        let text = "\"First,\" he said.\n\n\
                    \"This one never closes and runs on   \n\n\
                    Then she said \"third\" quietly.\n\n\
                    \"Fourth,\" they said, \"and fifth.\"";
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(
            whole(text),
            vec![
                "\"First,\"",
                "\"This one never closes and runs on",
                "\"third\"",
                "\"Fourth,\"",
                "\"and fifth.\""
            ]
        );
        assert!(!spans[1].closed);
        assert_eq!(spans[1].content(text), "This one never closes and runs on");
        assert!(spans.iter().filter(|s| s.closed).count() == 4);

        // Too short to recover: dropped, and the rest is unaffected.
        let text = "He said \"no way.\nShe said \"yes\" then.";
        assert_eq!(whole(text), vec!["\"yes\""]);
    }

    #[test]
    fn three_straight_doubles_in_a_paragraph() {
        let text = r#""We will win," he said, "and then"#;
        assert_eq!(whole(text), vec![r#""We will win,""#]);
        let text = r#""It's over," he said. "We lost. And nobody cares"#;
        let spans = quotes(text);
        check_invariants(text, &spans);
        assert_eq!(
            whole(text),
            vec![r#""It's over,""#, r#""We lost. And nobody cares"#]
        );
        assert!(spans[0].closed);
        assert!(!spans[1].closed);
        // The next paragraph starts afresh.
        let text = "A \"b\" c \"d e f\nG \"g\" h \"i\"";
        assert_eq!(whole(text), vec!["\"b\"", "\"d e f", "\"g\"", "\"i\""]);
    }

    #[test]
    fn stray_closers_and_empty_quotes() {
        let text = "He said” nothing. “” and \"\" and “ ” are empty. “Real.”";
        assert_eq!(whole(text), vec!["“Real.”"]);
    }

    /// Runs of marks find no quote and keep the invariants. That the scan stays linear on
    /// them is shown by the benchmark `benches/linear.sh` (kinds `marks`, `curly-marks`,
    /// `nested`), not by a timed test.
    #[test]
    fn hundred_thousand_straight_quotes() {
        for n in [100_000, 100_001] {
            let text = "\"".repeat(n);
            let spans = quotes(&text);
            assert!(spans.is_empty());
        }
        let text = "\"a\"".repeat(50_000);
        let spans = quotes(&text);
        check_invariants(&text, &spans);
        assert!(spans.len() <= 50_000);
        assert!(spans.iter().all(|s| s.depth == 0));
        let text = "“".repeat(100_000) + &"”".repeat(100_000);
        assert!(quotes(&text).is_empty());
        let text = "'".repeat(100_000);
        assert!(quotes(&text).is_empty());
    }

    #[test]
    fn nesting_a_thousand_deep() {
        let text = "“a ".repeat(1000) + "core" + &"”".repeat(1000);
        let spans = quotes(&text);
        check_invariants(&text, &spans);
        assert_eq!(spans.len(), MAX_DEPTH);
        for (i, s) in spans.iter().enumerate() {
            assert_eq!(s.depth as usize, i);
            assert!(s.closed);
            assert_eq!(s.start, i * "“a ".len());
            assert_eq!(s.end, text.len() - i * "”".len());
        }
        // Alternating styles, and straight marks.
        let text = "“a ‘b ".repeat(500) + "core" + &"’ c” d".repeat(500);
        let spans = quotes(&text);
        check_invariants(&text, &spans);
        assert_eq!(spans.len(), MAX_DEPTH);
        assert_eq!(spans[0].start, 0);
        assert_eq!(spans[0].end, text.len() - " d".len());
        let text = "\"a 'b ".repeat(500) + "core" + &"' c\" d".repeat(500);
        check_invariants(&text, &quotes(&text));
    }

    #[test]
    fn random_inputs_keep_invariants() {
        const ALPHABET: &[&str] = &[
            "\"", "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "「", "」", "『", "』",
            "a", "bc", " ", " ", "\n", "\n\n", ",", ".", "s", "é", "9",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let len = next(120);
            let text: String = (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect();
            let spans = quotes(&text);
            check_invariants(&text, &spans);
            let mut open: Vec<&QuotedSpan> = Vec::new();
            for s in &spans {
                while open.last().is_some_and(|o| o.end <= s.start) {
                    open.pop();
                }
                // Properly nested: inside every span still open.
                assert!(open.iter().all(|o| s.end <= o.end), "{text:?}");
                assert_eq!(s.depth as usize, open.len(), "{text:?}");
                open.push(s);
                for r in &s.reopenings {
                    assert!(s.content_start < r.start && r.end <= s.content_end);
                    assert!(text[..r.start].trim_end_matches(' ').ends_with('\n'));
                }
                let content = s.content(&text);
                assert!(content.chars().any(|c| !c.is_whitespace()));
            }
        }
    }

    #[test]
    fn paragraph_ranges_are_sanitised() {
        let text = "“Hello there,” he said.";
        let spans = find_quotes(text, &[]);
        assert_eq!(spans.len(), 1);
        // Not at a char boundary, reversed, out of bounds: skipped.
        let reversed = Range { start: 5, end: 2 };
        assert!(find_quotes(text, &[0..1, reversed.clone(), 3..500]).is_empty());
        let spans = find_quotes(text, &[0..1, reversed, 0..text.len(), 3..500]);
        assert_eq!(spans.len(), 1);
        let spans = find_quotes(text, &[0..text.len(), 0..text.len()]);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].content(text), "Hello there,");
        // A span from another text reads as empty, not a panic.
        assert_eq!(spans[0].content("short"), "");
    }
}
