//! Word-level nom primitives shared by the grammar pieces, and a small tokenizer.
//!
//! A *word* is a run of letters and digits with inner apostrophes or hyphens ("O'Neill",
//! "al-Assad", "54-year-old", "didn’t"). An *initial* is a capital letter or known
//! abbreviation followed by a period ("J.", "Mr.", "U.S.").

use nom::{IResult, Parser, character::complete::char};

/// Result type of the grammar's parsers over `&str`.
pub type PResult<'a, O> = IResult<&'a str, O>;

/// True for characters that make up words: [`char::is_alphanumeric`], with the characters
/// other than ASCII that news text holds most told without the Unicode tables (whose search
/// costs a few hundred instructions a character): Latin-1 (the no-break space, accented
/// letters; its digits are the superscripts and the vulgar fractions) and the first part of
/// General Punctuation (curly quotation marks, dashes, the ellipsis), which holds no letter
/// nor digit.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{FF}' => is_alphabetic(c) || matches!(c, '²' | '³' | '¹' | '¼'..='¾'),
        '\u{2000}'..='\u{203F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// [`char::is_alphabetic`], told as [`is_word_char`] tells letters and digits: Latin-1 and
/// the first part of General Punctuation without the Unicode tables.
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphabetic(),
        '\u{80}'..='\u{FF}' => matches!(c, 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ'),
        '\u{2000}'..='\u{203F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// True for apostrophes and hyphens that may join two parts of a word (what [`word`] and
/// [`words`] test by byte; kept for the tests).
#[cfg(test)]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑')
}

/// ASCII letters and digits, by byte: one load per byte where the word scans run.
pub(crate) static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of word characters (letters and digits) from byte `at` of `s`.
#[inline(always)]
pub(crate) fn word_chars_end(s: &str, mut at: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(at) {
        if ASCII_ALNUM[usize::from(x)] {
            at += 1;
        } else if x.is_ascii() {
            break;
        } else {
            match s[at..].chars().next() {
                Some(c) if is_word_char(c) => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// The length of the word at the start of `b` when it is a plain ASCII word: ASCII letters
/// and digits up to the end of `b` or up to an ASCII byte that neither joins two parts of a
/// word (`'`, `-`) nor may end an initial (`.`). Then [`word`] and [`word_or_initial`] read
/// exactly those bytes, and nothing after them is a possessive mark; `None` leaves the word
/// to them.
#[inline(always)]
pub(crate) fn plain_ascii_word_len(b: &[u8]) -> Option<usize> {
    let mut n = 0;
    while let Some(&x) = b.get(n)
        && ASCII_ALNUM[usize::from(x)]
    {
        n += 1;
    }
    match b.get(n) {
        _ if n == 0 => None,
        None => Some(n),
        Some(&x) if x.is_ascii() && !matches!(x, b'\'' | b'-' | b'.') => Some(n),
        Some(_) => None,
    }
}

/// One word: alphanumeric runs joined by apostrophes or hyphens.
pub fn word(input: &str) -> PResult<'_, &str> {
    let mut end = word_chars_end(input, 0);
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        )));
    }
    // A joiner ([`is_joiner`]) followed by more word characters continues the word.
    loop {
        let joiner = match input.as_bytes().get(end) {
            Some(b'\'' | b'-') => 1,
            Some(0xE2) if input[end..].starts_with(['’', '‑']) => 3,
            _ => break,
        };
        let after = word_chars_end(input, end + joiner);
        if after == end + joiner {
            break;
        }
        end = after;
    }
    Ok((&input[end..], &input[..end]))
}

/// A word that starts with an upper-case letter (or a digit-led ordinal is refused).
pub fn cap_word(input: &str) -> PResult<'_, &str> {
    let (rest, w) = word(input)?;
    if w.chars().next().is_some_and(char::is_uppercase) {
        Ok((rest, w))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

/// An initial or dotted abbreviation: "J.", "U.S.", "Mr.", "Jr.".
pub fn initial(input: &str) -> PResult<'_, &str> {
    let (rest, w) = cap_word(input)?;
    match dotted_rest(input, w, rest) {
        Some(rest) => Ok((rest, &input[..input.len() - rest.len()])),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// What follows the [`initial`] that opens `input`, given its first word `w` (capitalized)
/// and the text `rest` after that word; `None` when no initial opens it. The first word is
/// read by the caller, once: [`word_or_initial`] has read it already.
fn dotted_rest<'a>(input: &'a str, w: &str, rest: &'a str) -> Option<&'a str> {
    let rest = rest.strip_prefix('.')?;
    if !(w.chars().count() == 1 || crate::grammar::lexicon::is_abbreviation(w)) {
        return None;
    }
    // "U.S." : more letter-period pairs.
    let mut rest = rest;
    while let Ok((r, _)) = (cap_word, char('.')).parse(rest) {
        if input.len() - r.len() > 8 {
            break;
        }
        rest = r;
    }
    Some(rest)
}

/// An [`initial`] where there is one, else a [`word`] (what `alt((initial, word))` parses),
/// reading the word once: an initial is tried only before a period.
pub fn word_or_initial(input: &str) -> PResult<'_, &str> {
    let (rest, w) = word(input)?;
    if rest.starts_with('.')
        && w.chars().next().is_some_and(char::is_uppercase)
        && let Some(rest) = dotted_rest(input, w, rest)
    {
        return Ok((rest, &input[..input.len() - rest.len()]));
    }
    Ok((rest, w))
}

/// The words of `s` (letters and digits, with inner apostrophes and hyphens) with their byte
/// offsets in `s`.
pub fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    words(s).collect()
}

/// The words of [`word_offsets`], one at a time: a word starts at a letter or digit and runs
/// over letters, digits, apostrophes and hyphens.
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Byte by byte to the next letter or digit; only non-ASCII characters are decoded.
        let start = loop {
            let x = *b.get(pos)?;
            if x.is_ascii() {
                if ASCII_ALNUM[usize::from(x)] {
                    break pos;
                }
                pos += 1;
            } else {
                let c = s[pos..].chars().next()?;
                if is_word_char(c) {
                    break pos;
                }
                pos += c.len_utf8();
            }
        };
        // Runs of letters and digits, and any joiners between or after them.
        loop {
            pos = word_chars_end(s, pos);
            match b.get(pos) {
                Some(b'\'' | b'-') => pos += 1,
                Some(0xE2) if s[pos..].starts_with(['’', '‑']) => pos += 3,
                _ => break,
            }
        }
        Some((start, &s[start..pos]))
    })
}

/// A word start found by [`word_starts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordStart {
    /// The first byte of the word.
    pub start: usize,
    /// The end of its run of letters and digits ([`word_chars_end`]).
    pub end: usize,
    /// The byte after the last sentence mark (`.`, `!`, `?` or a line break) before it, or
    /// the start of the range.
    pub sentence_start: usize,
}

/// The word starts of `text[range]`, in order: each letter or digit that follows neither a
/// letter or digit nor an apostrophe or hyphen right after one ("O'Neill" and "al-Assad"
/// start once). The text is read byte by byte, each run of letters and digits in one step;
/// only non-ASCII bytes are decoded.
pub(crate) fn word_starts(
    text: &str,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = WordStart> + '_ {
    // Cut once at the end of the range: each word is read to its end within it.
    let text = &text[..range.end];
    let bytes = text.as_bytes();
    let mut pos = range.start;
    let mut sentence_start = range.start;
    let mut after_word = false;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(pos) {
            // The commonest byte between words, which neither joins nor ends a sentence.
            if b == b' ' {
                after_word = false;
                pos += 1;
                continue;
            }
            let (in_word, len, joiner) = if b.is_ascii() {
                (ASCII_ALNUM[usize::from(b)], 1, matches!(b, b'\'' | b'-'))
            } else {
                let c = text[pos..].chars().next()?;
                (is_word_char(c), c.len_utf8(), c == '’')
            };
            if !in_word {
                if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                    sentence_start = pos + 1;
                }
                after_word = after_word && joiner;
                pos += len;
                continue;
            }
            let start = pos;
            let starts_word = !after_word;
            after_word = true;
            pos = word_chars_end(text, start);
            if starts_word {
                return Some(WordStart {
                    start,
                    end: pos,
                    sentence_start,
                });
            }
        }
        None
    })
}

/// A token of the text: a word or a single punctuation character, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first character.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// True for words, false for punctuation.
    pub is_word: bool,
}

/// Tokenizes `text[range]` into words and punctuation characters (white space skipped).
pub fn tokens(text: &str, range: std::ops::Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = range.start;
    let end = range.end;
    while pos < end {
        let rest = &text[pos..end];
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else if let Ok((r, _)) = word(rest) {
            let len = rest.len() - r.len();
            out.push(Token {
                start: pos,
                end: pos + len,
                is_word: true,
            });
            pos += len;
        } else {
            out.push(Token {
                start: pos,
                end: pos + c.len_utf8(),
                is_word: false,
            });
            pos += c.len_utf8();
        }
    }
    out
}

/// What follows the last character of `s` for which `ends` holds (all of `s` without one):
/// `s.rsplit(ends).next()`, read backwards a byte at a time, decoding only the characters
/// that are not ASCII (the last word of a phrase is short and mostly ASCII; a split from the
/// back decodes every character).
#[inline]
pub(crate) fn after_last(s: &str, ends: impl Fn(char) -> bool) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(k) = b[..end]
        .iter()
        .rposition(|&byte| !byte.is_ascii() || ends(char::from(byte)))
    {
        if b[k].is_ascii() {
            return &s[k + 1..];
        }
        // `k` is the last byte of a character of several bytes: decoded whole.
        let c = s[..=k].chars().next_back().unwrap_or_default();
        if ends(c) {
            return &s[k + 1..];
        }
        end = k + 1 - c.len_utf8();
    }
    s
}

/// Whether `s` has more than `n` words apart ([`str::split_whitespace`]), counted up to the
/// word after the `n`th: eight ASCII bytes at a time (see [`ascii_white_space`]) up to the
/// first byte that is not ASCII, then byte by byte, characters other than ASCII decoded.
pub(crate) fn has_more_words_than(s: &str, n: usize) -> bool {
    const HIGH: u64 = (u64::MAX / 0xFF) * 0x80;
    let b = s.as_bytes();
    let (mut at, mut words, mut in_word) = (0, 0, false);
    while let Some(chunk) = b.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        if x & HIGH != 0 {
            break;
        }
        let space = ascii_white_space(x);
        // A word starts at a byte that is no space after a space (or the space before).
        let space_before = (space << 8) | (u64::from(!in_word) << 7);
        words += (!space & HIGH & space_before).count_ones() as usize;
        if words > n {
            return true;
        }
        in_word = space >> 63 == 0;
        at += 8;
    }
    while let Some(&c) = b.get(at) {
        let (space, len) = if c.is_ascii() {
            (char::from(c).is_whitespace(), 1)
        } else {
            let ch = s[at..].chars().next().unwrap_or_default();
            (ch.is_whitespace(), ch.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
        at += len;
    }
    false
}

/// The high bit of each byte of the 8 ASCII bytes `x` that is white space to
/// [`char::is_whitespace`] (a space, or a control from tab to carriage return), all bytes
/// tested at once with carry-free additions.
fn ascii_white_space(x: u64) -> u64 {
    const EACH_BYTE: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = EACH_BYTE * 0x80;
    let t = x ^ (EACH_BYTE * u64::from(b' '));
    let spaces = !(((t & !HIGH) + !HIGH) | t) & HIGH;
    let from_tab = x + EACH_BYTE * (0x80 - 0x09);
    let past_return = x + EACH_BYTE * (0x80 - 0x0E);
    spaces | (from_tab & !past_return & HIGH)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast paths of [`is_alphabetic`] and [`is_word_char`] agree with the Unicode
    /// tables on every character.
    #[test]
    fn letters_and_digits_are_told_as_the_unicode_tables_tell_them() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The 8-byte white space test marks the bytes that [`char::is_whitespace`] takes, whatever
    /// the ASCII byte and wherever it stands.
    #[test]
    fn ascii_white_space_is_char_white_space() {
        for c in 0..0x80u8 {
            for at in 0..8 {
                let mut chunk = *b"aZ0-.;_~";
                chunk[at] = c;
                let marks = ascii_white_space(u64::from_le_bytes(chunk));
                let want = chunk
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| char::from(b).is_whitespace())
                    .fold(0, |m, (i, _)| m | 0x80 << (8 * i));
                assert_eq!(marks, want, "{c} {at}");
            }
        }
    }

    #[test]
    fn word_or_initial_parses_as_the_alternative_does() {
        use nom::branch::alt;
        for input in [
            "J. Smith",
            "U.S. officials",
            "Mr. Diallo",
            "Smith. He",
            "smith.",
            "Washington.",
            "e.g. this",
            "Jr.",
            "U.S.A.B.C.D.E.F. long",
            "O'Neill said",
            "",
            " x",
        ] {
            assert_eq!(
                word_or_initial(input),
                alt((initial, word)).parse(input),
                "{input:?}"
            );
        }
    }

    /// [`initial`] and [`word_or_initial`], which read the first word once, read what the
    /// parsers they replaced read, at every character of the corpus and on edge cases.
    #[test]
    fn initials_read_as_the_parsers_did() {
        fn by_parsers(input: &str) -> PResult<'_, &str> {
            let (rest, (w, _)) = (cap_word, char('.')).parse(input)?;
            if !(w.chars().count() == 1 || crate::grammar::lexicon::is_abbreviation(w)) {
                return Err(nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::Verify,
                )));
            }
            let mut rest = rest;
            while let Ok((r, _)) = (cap_word, char('.')).parse(rest) {
                if input.len() - r.len() > 8 {
                    break;
                }
                rest = r;
            }
            Ok((rest, &input[..input.len() - rest.len()]))
        }
        let texts = crate::test_support::corpus_texts_and(&[
            "J. Smith",
            "U.S.A.B.C.D.E.F. long",
            "Mr.",
            "Ms.X.",
            "É. Zola",
        ]);
        let mut initials = 0;
        for t in &texts {
            for (i, _) in t.char_indices() {
                let expected = by_parsers(&t[i..]).ok();
                initials += usize::from(expected.is_some());
                assert_eq!(initial(&t[i..]).ok(), expected, "{:?}", &t[i..]);
                let read = expected.map_or_else(|| word(&t[i..]), Ok);
                assert_eq!(word_or_initial(&t[i..]), read, "{:?}", &t[i..]);
            }
        }
        assert!(initials > 30, "{initials} initials");
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(word("O'Neill said"), Ok((" said", "O'Neill")));
        assert_eq!(word("didn’t."), Ok((".", "didn’t")));
        assert_eq!(word("54-year-old,"), Ok((",", "54-year-old")));
        assert_eq!(word("Jones' house"), Ok(("' house", "Jones")));
        assert!(word(" x").is_err());
    }

    #[test]
    fn capitals_and_initials() {
        assert!(cap_word("Tillerson").is_ok());
        assert!(cap_word("the").is_err());
        assert_eq!(initial("U.S. officials"), Ok((" officials", "U.S.")));
        assert_eq!(initial("Mr. Park"), Ok((" Park", "Mr.")));
        assert!(initial("Washington.").is_err());
    }

    #[test]
    fn word_offsets_skip_punctuation() {
        assert_eq!(
            word_offsets("Asked, on Monday: didn’t it?"),
            [
                (0, "Asked"),
                (7, "on"),
                (10, "Monday"),
                (18, "didn’t"),
                (27, "it")
            ]
        );
    }

    /// The shortcut of [`is_word_char`] for punctuation answers as `char::is_alphanumeric`.
    #[test]
    fn word_chars_are_the_alphanumeric_chars() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The byte scan of [`words`] splits every text of the bundled corpus (and strings of
    /// non-ASCII letters, digits and joiners) as the character loop it replaced did.
    #[test]
    fn words_split_as_the_character_loop_did() {
        fn by_chars(s: &str) -> Vec<(usize, &str)> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices() {
                let in_word = c.is_alphanumeric() || (start.is_some() && is_joiner(c));
                match (in_word, start) {
                    (true, None) => start = Some(i),
                    (false, Some(st)) => {
                        out.push((st, &s[st..i]));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(st) = start {
                out.push((st, &s[st..]));
            }
            out
        }
        let mut texts: Vec<String> = [
            "Žižek’s -- rôle: naïve‑ish ’quoted’ 'twas 42-year-old ‑x- é",
            "",
            "-'’",
            "«Ça va» — dit-il, l’air las…",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_support::corpus_texts());
        for t in &texts {
            assert_eq!(word_offsets(t), by_chars(t));
        }
    }

    /// [`word_starts`] finds the words, their ends and their sentence starts that the
    /// character loop of the registry of names found, on every corpus text and in every range
    /// that starts at a line and ends at the end of the line or of the text.
    #[test]
    fn word_starts_as_the_character_loop_found_them() {
        fn by_chars(text: &str, range: std::ops::Range<usize>) -> Vec<WordStart> {
            let mut out = Vec::new();
            let (mut prev_alnum, mut sentence_start, mut next) = (false, range.start, range.start);
            while next < range.end {
                let pos = next;
                let c = text[pos..].chars().next().unwrap();
                next += c.len_utf8();
                if matches!(c, '.' | '!' | '?' | '\n') {
                    sentence_start = pos + 1;
                }
                if !c.is_alphanumeric() {
                    prev_alnum = prev_alnum && matches!(c, '\'' | '’' | '-');
                    continue;
                }
                let starts_word = !prev_alnum;
                prev_alnum = true;
                next = word_chars_end(&text[..range.end], pos);
                if starts_word {
                    out.push(WordStart {
                        start: pos,
                        end: next,
                        sentence_start,
                    });
                }
            }
            out
        }
        let mut texts: Vec<String> = [
            "Žižek’s -- rôle: naïve‑ish ’quoted’ 'twas 42-year-old ‑x- é. O'Neill! al-Assad?",
            "",
            "-'’",
            "«Ça va» — dit-il, l’air las…\nU.S. officials",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_support::corpus_texts());
        for t in &texts {
            let lines = std::iter::once(0).chain(t.match_indices('\n').map(|(i, _)| i + 1));
            for from in lines {
                // To the end of the text, and to the end of the line (a range cut mid-text).
                let line_end = t[from..].find('\n').map_or(t.len(), |k| from + k);
                for end in [t.len(), line_end] {
                    let got: Vec<WordStart> = word_starts(t, from..end).collect();
                    assert_eq!(got, by_chars(t, from..end));
                }
            }
        }
    }

    /// Where [`plain_ascii_word_len`] answers, [`word_or_initial`] reads the same word, at
    /// every byte of the corpus and on edge cases.
    #[test]
    fn plain_ascii_words_are_the_words_read() {
        let mut texts: Vec<String> = [
            "J. Smith",
            "U.S.",
            "O'Neill",
            "al-Assad",
            "Jones' x",
            "didn’t",
            "abc",
            "x.",
            "naïve",
            "ab\u{a0}c",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_support::corpus_texts());
        let mut plain = 0;
        for t in &texts {
            for (i, _) in t.char_indices() {
                if let Some(n) = plain_ascii_word_len(&t.as_bytes()[i..]) {
                    plain += 1;
                    assert_eq!(word_or_initial(&t[i..]), Ok((&t[i + n..], &t[i..i + n])));
                    assert!(!t[i + n..].starts_with(['\'', '’']));
                }
            }
        }
        assert!(plain > 10_000);
    }

    #[test]
    fn tokenizer_offsets() {
        let t = "\"Yes,\" Smith said.";
        let toks = tokens(t, 0..t.len());
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(texts, ["\"", "Yes", ",", "\"", "Smith", "said", "."]);
    }
}
