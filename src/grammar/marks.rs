//! Quotation-mark scanning and classification.
//!
//! [`scan_marks`] lists every quotation-mark character of a text, in order,
//! each with its [`MarkStyle`] and its [`MarkRole`]: whether it opens a
//! quote, closes one, may do either (straight marks whose context does not
//! decide), or is really an apostrophe. Pairing the marks into quoted spans
//! is the job of the sibling `spans` module; this module only looks at the
//! immediate context of each mark (plus, for single marks, a light
//! per-paragraph pending-quote state, see below).
//!
//! # Finding the marks
//!
//! The candidates are found with `memchr`: `memchr3` over `"`, `'` and the
//! byte `0xE2` (lead byte of `“ ” ‘ ’ „ ‚ ‹ ›`), merged with `memchr2` over
//! `0xC2` (lead byte of `« »`) and `0xE3` (lead byte of `「 」 『 』`). All of
//! these are ASCII or UTF-8 lead bytes, so every hit is at a char boundary.
//! The searches run once over the whole text, handing out the candidates of
//! each paragraph as the paragraphs come in order (a search's fixed cost is
//! larger than a short paragraph's own). Each candidate is then recognised by
//! its bytes as a char with a [`style_of`], and classified with `nom` parsers
//! (complete forms only) on the text that follows it, and a look at the
//! character(s) just before it. Hits that are
//! not quotation marks (`—`, `…`, a no-break space, CJK text, ...) are skipped
//! at once.
//!
//! Context is limited to the paragraph being scanned: [`scan_marks`] treats
//! every line (text between `\n`s) as a paragraph, [`scan_marks_in`] treats
//! the given range as one paragraph. A mark at the start of the range is
//! "preceded by the start", a mark at its end is "followed by the end".
//!
//! # Marks and styles
//!
//! | chars | [`MarkStyle`] | role |
//! | --- | --- | --- |
//! | `"` | `Straight` | by context (below): `Open`, `Close` or `Either` |
//! | `'` | `StraightSingle` | apostrophe rules, then by context |
//! | `“` | `Curly` | `Open`; `Close` in a clear closing context (it closes `„` in German, `„…“`) |
//! | `”` | `Curly` | `Close` (also closes `„`, Polish `„…”`); `Open` in a clear opening context (`”…”`) |
//! | `‘` | `CurlySingle` | apostrophe rules; `Close` in a clear closing context (closes `‚`); else `Open` |
//! | `’` | `CurlySingle` | apostrophe rules; `Apostrophe` in a clear opening context (a misdirected `’`); else `Close` |
//! | `„ ‚` | `LowHigh` | `Open` |
//! | `« ‹` | `Guillemet` | `Close` in a clear closing context (Danish/German `»…«`), else `Open` |
//! | `» ›` | `Guillemet` | `Open` in a clear opening context (`»…«`), else `Close` |
//! | `「 『` | `Corner` | `Open` |
//! | `」 』` | `Corner` | `Close` |
//!
//! # Context
//!
//! * *Opening context*: preceded by the start, whitespace, an opening bracket
//!   `( [ { <`, a dash or slash (`- – — ―  /`) or another quotation mark; and
//!   followed by something that is neither whitespace, the end, nor closing
//!   punctuation `, . ; : ! ? ) ] }`.
//! * *Closing context*: preceded by a non-whitespace character (a letter,
//!   digit, punctuation or another mark) and followed by the end, whitespace
//!   or any non-alphanumeric character (punctuation, a mark).
//!
//! A straight `"` is `Open` in opening context only, `Close` in closing
//! context only, and `Either` when both or neither hold (`:"Yes"`, `( " )`);
//! `Either` marks are decided by pairing parity in the `spans` module.
//! A `"` right after feet and inches digits (`6'2"`, `5’11"`) is an inch
//! mark: it is reported with role `Apostrophe` (not a quotation mark).
//!
//! # Single marks and apostrophes
//!
//! `'`, `‘` and `’` are checked for apostrophes first, in this order:
//!
//! 1. between two letters or digits: `don't`, `it’s`, `o'clock`, `ma'am`,
//!    `y'all`, `O'Brien`, `1990's` → `Apostrophe`;
//! 2. not preceded by a letter or digit, and followed by a leading elision:
//!    two digits with an optional `s` (`'90s`, `’05`), or one of the words
//!    `em n til cause cos coz cuz tis twas twere twill bout nuff neath
//!    gainst kay sup fraid scuse` (any case, whole word: `'em`, `'Tis`,
//!    `'cause`) → `Apostrophe`. In `rock 'n' roll` / `rock ’n’ roll` both
//!    marks are apostrophes;
//! 3. a trailing possessive or g-dropping: a word ending in `s` (or `in`),
//!    the mark, one whitespace, then a letter or digit (`Jones' house`, `the
//!    players’ union`, `goin' home`). It is an `Apostrophe` when no single
//!    quote of the same family (straight `'`, or curly `‘ ’ ‚`) is pending
//!    in the paragraph; when one is pending, it is a `Close` unless the next
//!    non-apostrophe single mark of the family in the paragraph is a *strong*
//!    closer (a closing mark right after `. , ! ? ; : …` or a closing double
//!    mark), as in `'The players' union is strong,' he said.`, where it stays
//!    an apostrophe.
//!
//! Otherwise a single mark is classified by context: a `'` is `Open` in
//! opening context (e.g. `'We`), `Close` in closing context (`ready,'`,
//! `go' and`), `Either` when both or neither. The pending state used by rule
//! 3 is a simulation (an `Open` sets it, a `Close` clears it, an `Either`
//! toggles it) reset at each paragraph start; the real pairing, including the
//! dropping of a single opening that never closes, is done in `spans`.
//!
//! # Costs
//!
//! Linear in the text: each mark looks at a bounded window around itself,
//! and the look-ahead of rule 3 stops at the next single mark of its family
//! that is not an apostrophe, so no stretch is looked at twice.

use std::ops::Range;

use memchr::{Memchr2, Memchr3, memchr_iter, memchr2_iter, memchr3_iter};
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag_no_case, take_while_m_n},
    character::complete::{one_of, satisfy},
    combinator::{not, opt, recognize, verify},
    sequence::terminated,
};

/// The typographic family a quotation mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkStyle {
    /// Straight double quotes: `"..."`.
    Straight,
    /// Curly double quotes: `“...”`.
    Curly,
    /// Straight single quotes: `'...'` (also the ASCII apostrophe).
    StraightSingle,
    /// Curly single quotes: `‘...’` (`’` is also the typographic apostrophe).
    CurlySingle,
    /// Guillemets, both orders: `«...»` and `»...«`, singles `‹...›` and `›...‹`.
    Guillemet,
    /// Low-high quotes: `„...“`, `„...”` and `‚...‘`.
    LowHigh,
    /// CJK corner brackets: `「...」` and `『...』`.
    Corner,
}

/// What a quotation mark does at its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkRole {
    /// Opens a quote.
    Open,
    /// Closes a quote.
    Close,
    /// A straight mark whose context does not decide; paired by parity.
    Either,
    /// Not a quotation mark at all: an apostrophe (`don't`, `'90s`, `Jones'`).
    Apostrophe,
}

/// One quotation-mark character found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the mark in the text.
    pub pos: usize,
    /// Length of the mark in bytes (1 for `"`/`'`, 2 for `« »`, 3 otherwise).
    pub len: usize,
    /// The mark's typographic family.
    pub style: MarkStyle,
    /// The mark's role at its position.
    pub role: MarkRole,
}

impl Mark {
    /// The byte range the mark occupies in the text.
    pub fn range(&self) -> Range<usize> {
        self.pos..self.pos + self.len
    }

    /// The mark's character, read back from `text` (`None` if `text` is not
    /// the text the mark was found in). Two apostrophes in a row are one straight
    /// double mark: `"`.
    pub fn char_in(&self, text: &str) -> Option<char> {
        let c = text.get(self.pos..)?.chars().next()?;
        Some(if c == '\'' && self.style == MarkStyle::Straight {
            '"'
        } else {
            c
        })
    }
}

/// Every quotation-mark character this module knows, in one string.
pub const QUOTE_CHARS: &str = "\"'“”‘’„‚«»‹›「」『』";

/// The style of a quotation-mark character, `None` for any other character.
pub fn style_of(c: char) -> Option<MarkStyle> {
    Some(match c {
        '"' => MarkStyle::Straight,
        '\'' => MarkStyle::StraightSingle,
        '“' | '”' => MarkStyle::Curly,
        '‘' | '’' => MarkStyle::CurlySingle,
        '„' | '‚' => MarkStyle::LowHigh,
        '«' | '»' | '‹' | '›' => MarkStyle::Guillemet,
        '「' | '」' | '『' | '』' => MarkStyle::Corner,
        _ => return None,
    })
}

/// Every quotation mark of `text` in order, apostrophes classified as such
/// (`don't`, `it’s`, `the '90s`, `rock 'n' roll`, `Jones' house`, `the
/// players’ union`, `o'clock`, `ma'am`, `y'all`).
///
/// Each line (text between `\n`s) is classified as one paragraph; see the
/// module docs for the rules.
pub fn scan_marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut scanner = MarkScanner::new(text);
    let mut start = 0;
    for nl in memchr_iter(b'\n', text.as_bytes()) {
        scanner.paragraph_into(start..nl, &mut out);
        start = nl + 1;
    }
    scanner.paragraph_into(start..text.len(), &mut out);
    out
}

/// The quotation marks of the paragraph `text[range]`, classified with that
/// range as the whole context (offsets are into `text`). An invalid range (out
/// of bounds, reversed, or not at char boundaries) yields no marks.
pub fn scan_marks_in(text: &str, range: Range<usize>) -> Vec<Mark> {
    let mut out = Vec::new();
    MarkScanner::new(text).paragraph_into(range, &mut out);
    out
}

/// Scans the paragraphs of a text for their marks one after the other: the candidates are
/// searched for in the whole text as the paragraphs come (a search has a fixed cost, larger
/// than a short paragraph's own), and the candidates' buffer of a paragraph is reused for the
/// next rather than allocated for each.
pub(super) struct MarkScanner<'t> {
    text: &'t str,
    /// The candidates from the first paragraph's start on (none before it is scanned): the
    /// search never reads the text before the paragraphs asked for.
    candidates: Option<Candidates<'t>>,
    /// The end of the last paragraph scanned: the candidates before it are used up.
    scanned_to: usize,
    /// The single marks of the paragraph being scanned.
    singles: Vec<Single>,
}

impl<'t> MarkScanner<'t> {
    /// A scanner of the paragraphs of `text`.
    pub(super) fn new(text: &'t str) -> Self {
        MarkScanner {
            text,
            candidates: None,
            scanned_to: 0,
            // Room for the single marks of nearly every paragraph.
            singles: Vec::with_capacity(16),
        }
    }

    /// Appends the marks of the paragraph `text[range]` to `out` (see [`scan_marks_in`]).
    /// Paragraphs are best given in order: one that starts before the end of the previous one
    /// makes the candidates be searched for again from its start.
    pub(super) fn paragraph_into(&mut self, range: Range<usize>, out: &mut Vec<Mark>) {
        let Some(para) = self.text.get(range.clone()) else {
            return;
        };
        if range.start < self.scanned_to {
            self.candidates = None;
        }
        self.scanned_to = range.end;
        let text = self.text;
        let candidates = self
            .candidates
            .get_or_insert_with(|| Candidates::new(text.as_bytes(), range.start));
        candidates.skip_before(range.start);
        self.singles.clear();
        scan_paragraph_into(para, range.start, candidates, &mut self.singles, out);
    }
}

/// The positions, in order, of the bytes of a text that may start a quotation mark: `"`,
/// `'`, and the lead bytes of the others, `0xE2` (`“ ” ‘ ’ „ ‚ ‹ ›`), `0xC2` (`« »`) and
/// `0xE3` (`「 」 『 』`). All of these are ASCII or UTF-8 lead bytes, so every one is at a
/// char boundary. The first three are common, the last two rare: two searches, merged.
struct Candidates<'t> {
    /// Where the searches started.
    from: usize,
    /// `"`, `'` and `0xE2`, at offsets from `from`.
    common: Memchr3<'t>,
    /// `0xC2` and `0xE3`, at offsets from `from`.
    rare: Memchr2<'t>,
    /// The next position found by `common` (`usize::MAX` when there is none).
    next_common: usize,
    /// The next position found by `rare` (`usize::MAX` when there is none).
    next_rare: usize,
}

impl<'t> Candidates<'t> {
    /// The candidates of `bytes[from..]`.
    fn new(bytes: &'t [u8], from: usize) -> Self {
        let hay = &bytes[from..];
        let mut candidates = Candidates {
            from,
            common: memchr3_iter(b'"', b'\'', 0xE2, hay),
            rare: memchr2_iter(0xC2, 0xE3, hay),
            next_common: 0,
            next_rare: 0,
        };
        candidates.next_common = candidates.common.next().map_or(usize::MAX, |j| from + j);
        candidates.next_rare = candidates.rare.next().map_or(usize::MAX, |j| from + j);
        candidates
    }

    /// The next candidate if it is before `end` (consumed), `None` otherwise (kept).
    #[inline]
    fn next_before(&mut self, end: usize) -> Option<usize> {
        let at = self.next_common.min(self.next_rare);
        if at >= end {
            return None;
        }
        if at == self.next_common {
            self.next_common = self.common.next().map_or(usize::MAX, |j| self.from + j);
        } else {
            self.next_rare = self.rare.next().map_or(usize::MAX, |j| self.from + j);
        }
        Some(at)
    }

    /// Drops the candidates before `start`.
    fn skip_before(&mut self, start: usize) {
        while self.next_before(start).is_some() {}
    }

    /// Drops the next candidate if it is the `'` at `at` (the second of a doubled apostrophe).
    fn skip_apostrophe_at(&mut self, at: usize) {
        if self.next_common == at {
            self.next_common = self.common.next().map_or(usize::MAX, |j| self.from + j);
        }
    }
}

/// Appends the marks of the paragraph `para`, at offset `base` in its text, to `out`: their
/// candidates taken from `candidates` (at the paragraph's start), the single marks among them
/// noted in `singles` (empty) for phase 2.
fn scan_paragraph_into(
    para: &str,
    base: usize,
    candidates: &mut Candidates<'_>,
    singles: &mut Vec<Single>,
    out: &mut Vec<Mark>,
) {
    let end = base + para.len();
    // Position (local) of the second mark of `'n'`, already known to be an apostrophe.
    let mut forced_apostrophe: Option<usize> = None;

    let bytes = para.as_bytes();
    while let Some(at) = candidates.next_before(end) {
        let i = at - base;
        // Two apostrophes in a row are a straight double mark (''Like this,'' as some
        // newspaper archives print quotes).
        // Three in a row after a letter or punctuation close a nested quote, then the
        // quote (`the enemy,'''`): the first is the single mark, the next two the double one.
        let closes_three = bytes.get(i + 2) == Some(&b'\'')
            && para[..i]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
        if bytes[i] == b'\'' && bytes.get(i + 1) == Some(&b'\'') && !closes_three {
            candidates.skip_apostrophe_at(base + i + 1);
            let prev = para[..i].chars().next_back();
            let next = para[i + 2..].chars().next();
            out.push(Mark {
                pos: base + i,
                len: 2,
                style: MarkStyle::Straight,
                role: straight_role(opening_context(prev, next), closing_context(prev, next)),
            });
            continue;
        }
        let Some((after, ch)) = quote_char(&para[i..]) else {
            continue;
        };
        let len = ch.len_utf8();
        let before = &para[..i];
        let mut weak = false;
        let mut strong = false;
        let role = if forced_apostrophe == Some(i) {
            MarkRole::Apostrophe
        } else {
            let prev = before.chars().next_back();
            let next = after.chars().next();
            if let '\'' | '‘' | '’' = ch {
                let s = single_role(ch, before, after, prev, next);
                if let Some(second) = s.n_elision_second {
                    forced_apostrophe = Some(i + len + second);
                }
                weak = s.weak;
                strong =
                    s.role == MarkRole::Close && prev.is_some_and(|p| ".,!?;:…”\"»«".contains(p));
                s.role
            } else {
                let open = opening_context(prev, next);
                let close = closing_context(prev, next);
                match ch {
                    '"' if inch_mark(before) => MarkRole::Apostrophe,
                    '"' => straight_role(open, close),
                    '“' | '«' | '‹' => {
                        if close && !open {
                            MarkRole::Close
                        } else {
                            MarkRole::Open
                        }
                    }
                    '»' | '›' => {
                        if open && !close {
                            MarkRole::Open
                        } else {
                            MarkRole::Close
                        }
                    }
                    // A misdirected `”` opening a word ("”Fear. I am afraid.”") opens; so do
                    // Swedish and Finnish quotes, `”…”`.
                    '”' if open && !close => MarkRole::Open,
                    '”' | '」' | '』' => MarkRole::Close,
                    // The low-high and corner openers: „ ‚ 「 『.
                    _ => MarkRole::Open,
                }
            }
        };
        if let Some(family) = single_family(ch) {
            singles.push(Single {
                index: out.len(),
                family,
                weak,
                strong,
            });
        }
        out.push(Mark {
            pos: base + i,
            len,
            // Every char recognised by `quote_char` has a style.
            style: style_of(ch).unwrap_or(MarkStyle::Straight),
            role,
        });
    }

    // Most paragraphs hold no single mark.
    if !singles.is_empty() {
        resolve_singles(out, singles);
    }
}

/// A single mark (one with a [`single_family`]) found in phase 1, before the single-quote
/// pending state is applied.
struct Single {
    /// Its index among the marks.
    index: usize,
    /// Its family.
    family: usize,
    /// A trailing possessive / g-dropping candidate (rule 3): decided in phase 2.
    weak: bool,
    /// A closing single mark right after closing punctuation or a closing mark.
    strong: bool,
}

/// The single-quote family of a char: 0 straight, 1 curly, `None` otherwise.
fn single_family(ch: char) -> Option<usize> {
    match ch {
        '\'' => Some(0),
        '‘' | '’' | '‚' => Some(1),
        _ => None,
    }
}

/// Phase 2: decides the roles of the weak single marks among `marks` with a simulated pending
/// state (only single marks change it).
fn resolve_singles(marks: &mut [Mark], singles: &[Single]) {
    let mut pending = [false; 2];
    for (k, single) in singles.iter().enumerate() {
        let fam = single.family;
        if single.weak {
            let apostrophe = !pending[fam] || {
                // Next single mark of the family that is not an apostrophe.
                let next = singles[k + 1..]
                    .iter()
                    .find(|c| c.family == fam && marks[c.index].role != MarkRole::Apostrophe);
                next.is_some_and(|c| c.strong && !c.weak)
            };
            marks[single.index].role = if apostrophe {
                MarkRole::Apostrophe
            } else {
                MarkRole::Close
            };
        }
        match marks[single.index].role {
            MarkRole::Open => pending[fam] = true,
            MarkRole::Close => pending[fam] = false,
            MarkRole::Either => pending[fam] = !pending[fam],
            MarkRole::Apostrophe => {}
        }
    }
}

/// Outcome of the single-mark rules.
struct SingleRole {
    role: MarkRole,
    weak: bool,
    /// For `'n'`: byte offset, from the end of the first mark, of the second.
    n_elision_second: Option<usize>,
}

fn single_role(
    ch: char,
    before: &str,
    after: &str,
    prev: Option<char>,
    next: Option<char>,
) -> SingleRole {
    let done = |role| SingleRole {
        role,
        weak: false,
        n_elision_second: None,
    };
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // Rule 1: between letters/digits.
    if is_word(prev) && is_word(next) {
        return done(MarkRole::Apostrophe);
    }
    // Rule 2: leading elision.
    if !is_word(prev) {
        if n_elision(after).is_ok() {
            return SingleRole {
                role: MarkRole::Apostrophe,
                weak: false,
                n_elision_second: Some(1),
            };
        }
        if elision(after).is_ok() {
            return done(MarkRole::Apostrophe);
        }
    }
    // Rule 3: trailing possessive / g-dropping before a word.
    if trailing_word_end(before) && space_then_word(after).is_ok() {
        return SingleRole {
            role: MarkRole::Close,
            weak: true,
            n_elision_second: None,
        };
    }
    // The context is only looked at now: most single marks are apostrophes between letters.
    let open = opening_context(prev, next);
    let close = closing_context(prev, next);
    let role = match ch {
        '\'' => straight_role(open, close),
        '‘' => {
            if close && !open {
                MarkRole::Close
            } else {
                MarkRole::Open
            }
        }
        // '’'
        _ => {
            if open && !close {
                MarkRole::Apostrophe
            } else {
                MarkRole::Close
            }
        }
    };
    done(role)
}

/// Role of a straight mark from its context.
fn straight_role(open: bool, close: bool) -> MarkRole {
    match (open, close) {
        (true, false) => MarkRole::Open,
        (false, true) => MarkRole::Close,
        _ => MarkRole::Either,
    }
}

/// Whether `before` ends with feet and inches digits, `6'2` (then `"` is an
/// inch mark).
fn inch_mark(before: &str) -> bool {
    let mut rev = before.chars().rev().peekable();
    let mut digits = 0;
    while rev.next_if(char::is_ascii_digit).is_some() {
        digits += 1;
        if digits > 2 {
            return false;
        }
    }
    digits > 0
        && rev.next().is_some_and(|c| matches!(c, '\'' | '’' | '′'))
        && rev.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `before` ends with a word ending in `s` or `in` (rule 3).
fn trailing_word_end(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next(), rev.next()) {
        (Some('s' | 'S'), Some(p), _) => p.is_alphanumeric(),
        (Some('n' | 'N'), Some('i' | 'I'), Some(p)) => p.is_alphabetic(),
        _ => false,
    }
}

fn opening_context(prev: Option<char>, next: Option<char>) -> bool {
    // Sets of chars as `matches!` patterns (a string's `contains` searches it each time).
    let after_ok = match prev {
        None => true,
        // Brackets, hyphens and dashes (U+2010..U+2015: ‐ ‑ ‒ – — ―), a slash, a mark.
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '<' | '-' | '\u{2010}'..='\u{2015}' | '/'
                )
                || style_of(c).is_some()
        }
    };
    let before_ok = next.is_some_and(|c| {
        !c.is_whitespace() && !matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}')
    });
    after_ok && before_ok
}

fn closing_context(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(|c| !c.is_alphanumeric())
}

/// The quotation-mark character (one of [`QUOTE_CHARS`], those with a [`style_of`]) at the
/// start of `input`, and the text after it. Told by its bytes: most candidates are ASCII,
/// and the others are one of a few byte sequences (decoding the char costs more).
fn quote_char(input: &str) -> Option<(&str, char)> {
    let c = match *input.as_bytes() {
        [b'"', ..] => '"',
        [b'\'', ..] => '\'',
        [0xC2, 0xAB, ..] => '«',
        [0xC2, 0xBB, ..] => '»',
        [0xE2, 0x80, third, ..] => match third {
            0x98 => '‘',
            0x99 => '’',
            0x9A => '‚',
            0x9C => '“',
            0x9D => '”',
            0x9E => '„',
            0xB9 => '‹',
            0xBA => '›',
            _ => return None,
        },
        [0xE3, 0x80, third, ..] => match third {
            0x8C => '「',
            0x8D => '」',
            0x8E => '『',
            0x8F => '』',
            _ => return None,
        },
        _ => return None,
    };
    Some((&input[c.len_utf8()..], c))
}

// ---- nom parsers on the text that follows a mark ----

/// Succeeds (consuming nothing) when no letter or digit follows.
fn word_boundary(input: &str) -> IResult<&str, ()> {
    not(satisfy(char::is_alphanumeric)).parse(input)
}

/// Words that are commonly written with a leading elision apostrophe.
const ELIDED_WORDS: &[&str] = &[
    "em", "n", "til", "cause", "cos", "coz", "cuz", "tis", "twas", "twere", "twill", "bout",
    "nuff", "neath", "gainst", "kay", "sup", "fraid", "scuse",
];

/// A leading elision after an apostrophe: `90s`, `05`, `em`, `Tis`, ...
fn elision(input: &str) -> IResult<&str, &str> {
    let year = recognize((
        satisfy(|c: char| c.is_ascii_digit()),
        satisfy(|c: char| c.is_ascii_digit()),
        opt(tag_no_case("s")),
    ));
    let word = verify(take_while_m_n(1, 5, char::is_alphabetic), |w: &str| {
        ELIDED_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w))
    });
    terminated(alt((year, word)), word_boundary).parse(input)
}

/// `n'` / `n’` of `rock 'n' roll`, after the first mark.
fn n_elision(input: &str) -> IResult<&str, char> {
    let (rest, (_, second, _)) = (tag_no_case("n"), one_of("'’‘"), word_boundary).parse(input)?;
    Ok((rest, second))
}

/// One (non-newline) whitespace then a letter or digit (`' house`).
fn space_then_word(input: &str) -> IResult<&str, char> {
    let (rest, (_, c)) = (
        satisfy(|c: char| c.is_whitespace() && c != '\n' && c != '\r'),
        satisfy(char::is_alphanumeric),
    )
        .parse(input)?;
    Ok((rest, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_chars_are_those_with_a_style() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(style_of(c).is_some(), QUOTE_CHARS.contains(c), "{c:?}");
            let s = format!("{c}x");
            let nom: IResult<&str, char> = one_of(QUOTE_CHARS).parse(s.as_str());
            assert_eq!(quote_char(&s), nom.ok(), "{c:?}");
        }
        assert_eq!(quote_char(""), None);
    }

    /// The lines of `text`, as byte ranges.
    fn line_ranges(text: &str) -> Vec<Range<usize>> {
        let mut start = 0;
        text.split('\n')
            .map(|line| {
                let r = start..start + line.len();
                start = r.end + 1;
                r
            })
            .collect()
    }

    /// The candidates handed out paragraph by paragraph from one search of the whole text
    /// are the candidate bytes of each paragraph; and paragraphs given backwards (each one
    /// searched again) have the marks they have in order. Over the corpus texts, their lines
    /// as paragraphs.
    #[test]
    fn whole_text_candidates_are_each_paragraphs() {
        let extra = "''a'' \"b\" «c» 「d」 ‘e’ — …\n''' 'n' x\n\n„f“";
        for text in crate::test_support::corpus_texts_and(&[extra]) {
            let bytes = text.as_bytes();
            let lines = line_ranges(&text);
            let mut candidates = Candidates::new(bytes, 0);
            for r in &lines {
                candidates.skip_before(r.start);
                let found: Vec<usize> =
                    std::iter::from_fn(|| candidates.next_before(r.end)).collect();
                let candidate_bytes: Vec<usize> = r
                    .clone()
                    .filter(|&i| matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3))
                    .collect();
                assert_eq!(found, candidate_bytes, "{:?}", &text[r.clone()]);
            }
            let mut scanner = MarkScanner::new(&text);
            let mut backwards = Vec::new();
            for r in lines.iter().rev() {
                let mut marks = Vec::new();
                scanner.paragraph_into(r.clone(), &mut marks);
                backwards.splice(0..0, marks);
            }
            assert_eq!(scan_marks(&text), backwards);
        }
    }

    #[test]
    fn opening_context_as_before() {
        let before = |prev: Option<char>, next: Option<char>| {
            let after_ok = match prev {
                None => true,
                Some(c) => {
                    c.is_whitespace() || "([{<-‐‑‒–—―/".contains(c) || QUOTE_CHARS.contains(c)
                }
            };
            let before_ok = next.is_some_and(|c| !c.is_whitespace() && !",.;:!?)]}".contains(c));
            after_ok && before_ok
        };
        let chars: Vec<Option<char>> = std::iter::once(None)
            .chain(
                (0..0x3100)
                    .chain(0xFE00..0xFFFF)
                    .filter_map(char::from_u32)
                    .map(Some),
            )
            .collect();
        for &prev in &chars {
            for next in [None, Some('a'), Some(' '), Some(','), Some('“')] {
                assert_eq!(
                    opening_context(prev, next),
                    before(prev, next),
                    "{prev:?} {next:?}"
                );
            }
        }
        for &next in &chars {
            for prev in [None, Some('a'), Some(' '), Some('('), Some('—')] {
                assert_eq!(
                    opening_context(prev, next),
                    before(prev, next),
                    "{prev:?} {next:?}"
                );
            }
        }
    }
    use MarkRole::*;

    /// (char, role) of every mark.
    fn roles(text: &str) -> Vec<(char, MarkRole)> {
        scan_marks(text)
            .iter()
            .map(|m| (m.char_in(text).unwrap(), m.role))
            .collect()
    }

    /// Roles of the marks only.
    fn role_list(text: &str) -> Vec<MarkRole> {
        scan_marks(text).iter().map(|m| m.role).collect()
    }

    #[test]
    fn no_marks() {
        assert!(scan_marks("").is_empty());
        assert!(scan_marks("Plain text — with dashes… and café, «» none? no: ").len() == 2);
        assert!(scan_marks("Nothing here at all, 東京 — … \u{a0}").is_empty());
    }

    #[test]
    fn offsets_and_lengths() {
        let text = "a “b” «c» 「d」 'e'";
        let marks = scan_marks(text);
        assert_eq!(marks.len(), 8);
        for m in &marks {
            let s = &text[m.range()];
            assert_eq!(s.chars().count(), 1);
            assert!(QUOTE_CHARS.contains(s));
            assert_eq!(Some(m.style), style_of(s.chars().next().unwrap()));
        }
        assert_eq!(&text[marks[0].range()], "“");
        assert_eq!(marks[0].pos, 2);
        assert_eq!(marks[0].len, 3);
        assert_eq!(&text[marks[2].range()], "«");
        assert_eq!(marks[2].len, 2);
    }

    #[test]
    fn straight_double_context() {
        assert_eq!(role_list(r#""Yes," he said."#), vec![Open, Close]);
        assert_eq!(role_list(r#"He said "no"."#), vec![Open, Close]);
        assert_eq!(role_list(r#"(—"Yes")"#), vec![Open, Close]);
        // Neither clearly opening nor closing.
        assert_eq!(
            role_list(r#"said:"Yes" a " b"#),
            vec![Either, Close, Either]
        );
        // Inch marks.
        assert_eq!(
            role_list(r#""He's 6'2" and 5’11" tall," she said"#),
            vec![
                Open, Apostrophe, Apostrophe, Apostrophe, Apostrophe, Apostrophe, Close
            ]
        );
        assert_eq!(role_list(r#"'123" ok"#), vec![Open, Close]);
    }

    #[test]
    fn curly_and_other_styles() {
        assert_eq!(roles("“Hi,” she said."), vec![('“', Open), ('”', Close)]);
        assert_eq!(roles("„Hallo“, sagte er."), vec![('„', Open), ('“', Close)]);
        assert_eq!(roles("„Cześć”."), vec![('„', Open), ('”', Close)]);
        assert_eq!(roles("‚nein‘."), vec![('‚', Open), ('‘', Close)]);
        assert_eq!(
            roles("« Bonjour », dit-il."),
            vec![('«', Open), ('»', Close)]
        );
        assert_eq!(roles("»Hej«, sagde han."), vec![('»', Open), ('«', Close)]);
        assert_eq!(roles("‹oui›"), vec![('‹', Open), ('›', Close)]);
        // Swedish quotes and a misdirected opening `”`.
        assert_eq!(roles("”Fear.” ― Ed"), vec![('”', Open), ('”', Close)]);
        assert_eq!(roles("he said ”no”."), vec![('”', Open), ('”', Close)]);
        assert_eq!(
            roles("「こんにちは」と『言った』"),
            vec![('「', Open), ('」', Close), ('『', Open), ('』', Close)]
        );
        let m = scan_marks("„a“ ‚b‘ «c» 「d」");
        assert_eq!(m[0].style, MarkStyle::LowHigh);
        assert_eq!(m[1].style, MarkStyle::Curly);
        assert_eq!(m[2].style, MarkStyle::LowHigh);
        assert_eq!(m[3].style, MarkStyle::CurlySingle);
        assert_eq!(m[4].style, MarkStyle::Guillemet);
        assert_eq!(m[6].style, MarkStyle::Corner);
    }

    #[test]
    fn apostrophes_between_letters() {
        for t in [
            "don't", "it’s", "o'clock", "ma'am", "y'all", "O'Brien", "1990's", "l'homme",
        ] {
            assert_eq!(role_list(t), vec![Apostrophe], "{t}");
        }
    }

    #[test]
    fn leading_elisions() {
        for t in [
            "the '90s",
            "the ’90s",
            "the ‘90s",
            "in '05 it",
            "get 'em",
            "'Tis the season",
            "’Twas night",
            "wait 'til then",
            "'cause I said",
        ] {
            assert_eq!(role_list(t), vec![Apostrophe], "{t}");
        }
        assert_eq!(role_list("rock 'n' roll"), vec![Apostrophe, Apostrophe]);
        assert_eq!(role_list("rock ’n’ roll"), vec![Apostrophe, Apostrophe]);
        assert_eq!(role_list("rock 'n roll"), vec![Apostrophe]);
        // Not elisions: longer words, longer numbers.
        assert_eq!(role_list("'Emma"), vec![Open]);
        assert_eq!(role_list("'2020 was"), vec![Open]);
    }

    #[test]
    fn trailing_possessives() {
        assert_eq!(role_list("Jones' house"), vec![Apostrophe]);
        assert_eq!(role_list("the players’ union"), vec![Apostrophe]);
        assert_eq!(role_list("the Dodgers' 3-2 win"), vec![Apostrophe]);
        assert_eq!(role_list("was goin' home"), vec![Apostrophe]);
        // A pending single quote makes it a closer...
        assert_eq!(
            roles("He said 'we saw the dogs' and left."),
            vec![('\'', Open), ('\'', Close)]
        );
        // ...unless a strong closer follows.
        assert_eq!(
            role_list("'The players' union is strong,' he said."),
            vec![Open, Apostrophe, Close]
        );
        assert_eq!(
            role_list("‘We won’t accept the owners’ offer,’ he said."),
            vec![Open, Apostrophe, Apostrophe, Close]
        );
        // The pending state is per line.
        assert_eq!(
            role_list("He said 'hi\nJones' house"),
            vec![Open, Apostrophe]
        );
    }

    #[test]
    fn mixed_apostrophes_and_single_quotes() {
        assert_eq!(
            role_list("'We are ready,' he said. He said 'we won't go' and left."),
            vec![Open, Close, Open, Apostrophe, Close]
        );
        assert_eq!(
            role_list("‘It’s the ’90s,’ he said of rock ’n’ roll at Jones’ house."),
            vec![
                Open, Apostrophe, Apostrophe, Close, Apostrophe, Apostrophe, Apostrophe
            ]
        );
        // `’` where a quote would open: a misdirected apostrophe.
        assert_eq!(role_list("’Hello"), vec![Apostrophe]);
    }

    #[test]
    fn scan_in_range() {
        let text = "x \"a\" y\n\"b\"";
        let marks = scan_marks_in(text, 8..11);
        assert_eq!(marks.len(), 2);
        assert_eq!(marks[0].pos, 8);
        assert_eq!(marks[0].role, Open);
        assert!(scan_marks_in(text, 5..100).is_empty());
        assert!(scan_marks_in("“x", 1..3).is_empty());
        assert_eq!(scan_marks(text).len(), 4);
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        let t = "''We won,'' he said, ''and it's over.''";
        let marks = scan_marks(t);
        let quotes: Vec<(usize, usize)> = marks
            .iter()
            .filter(|m| m.role != MarkRole::Apostrophe)
            .map(|m| (m.pos, m.len))
            .collect();
        assert_eq!(quotes, [(0, 2), (9, 2), (21, 2), (37, 2)]);
        // A nested single quote closing with the quote: `'''` is `'` then `''`.
        let t = "''We will not run 'ghost boats,''' he said.";
        let roles: Vec<(usize, usize, MarkRole)> = scan_marks(t)
            .iter()
            .map(|m| (m.pos, m.len, m.role))
            .collect();
        assert_eq!(
            roles,
            [(0, 2, Open), (18, 1, Open), (31, 1, Close), (32, 2, Close)]
        );
        assert_eq!(scan_marks(t)[0].char_in(t), Some('"'));
    }

    #[test]
    fn many_marks_are_linear() {
        let text = "\"".repeat(100_000);
        let marks = scan_marks(&text);
        assert_eq!(marks.len(), 100_000);
        assert_eq!(marks[0].role, Open);
        let text = "Jones' ".repeat(50_000) + &"'a ".repeat(50_000);
        assert_eq!(scan_marks(&text).len(), 100_000);
    }
}
