//! Dateline recognition, written with nom combinators.
//!
//! Grammar (on at most the first 200 bytes of the first body paragraph; `SP` is a space, tab,
//! no-break or thin space):
//!
//! ```text
//! dateline  = place [", " date] [SP* "(" agency ")"] SP* sep tail
//!           | date SP* "(" agency ")" SP* sep tail     e.g. "Dec 29 (Reuters) - "
//!           | "(" agency ")" SP* sep tail              e.g. "(CNN) — "
//! place     = words [", " region]                      e.g. "CAIRO, Egypt", "RENO, Nev."
//! words     = word (" " word)*                         1-4 words, plus connectors (de, of, ...)
//! word      = letters (("." | "-" | "'" | "’" | "/") letters)* ["."]   "N.H.", "Port-au-Prince"
//! date      = month ["."] SP+ day [st|nd|rd|th] [[","] SP+ year]
//!           | day SP+ month ["."] [[","] SP+ year]
//! sep       = "--" | "—" | "–" | "―" | "-" | ":"
//! tail      = SP*  (see below for which separators may be glued to the next word)
//! ```
//!
//! Guards against ordinary sentence starts:
//!
//! * every place word except connectors starts with an uppercase letter, the main place has at
//!   most four such words and 40 bytes; region words (after the comma) likewise, at most three;
//! * the place does not start with a title ("Rep. Trey Gowdy (R-S.C.):" is a speaker label);
//! * a parenthesised agency has 2 to 40 bytes, at most four words, no digits, no hyphen or
//!   period unless it is a known agency ("Agence France-Presse"; this rejects party labels such
//!   as "(R-S.C.)"), and starts with an uppercase letter (or is a known agency such as "dpa"):
//!   "President Obama (D) said" fails both here and for lack of a separator;
//! * only an em dash may be glued to the next word ("WASHINGTON—Republicans"); other dashes
//!   only when there is a date or agency ("SIEGEL--Jerome Arthur, 98" is an obituary);
//! * without a date or an agency (the bare form "NEW DELHI:", "WASHINGTON —", "DES MOINES,
//!   Iowa -") the main place must be ALL CAPS with at least two letters, must not be a known
//!   label ("UPDATE", "EXCLUSIVE", "BYLINE", "WATCH", ...), must not contain an all-caps
//!   function word ("FIX IS IN:"), and with a colon the next paragraph must not also start with
//!   an all-caps label and colon (a transcript: "TAPPER: ...", "TRUMP: ...").
//!
//! The `Dateline` keeps the place (main place plus region), the date and the agency as written;
//! the canonical agency name is resolved by the caller.

use std::ops::Range;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while, take_while1},
    character::complete::{char, digit1, satisfy},
    combinator::{opt, recognize, verify},
    multi::{many0, separated_list1},
};

use super::agency;

/// A recognised dateline, with byte ranges relative to the paragraph start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raw {
    /// Length of the whole dateline including separator and following spaces.
    pub len: usize,
    pub place: Option<Range<usize>>,
    pub date: Option<Range<usize>>,
    pub agency: Option<Range<usize>>,
}

type Res<'a, T> = IResult<&'a str, T>;

fn is_sp(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

fn sp0(i: &str) -> Res<'_, &str> {
    take_while(is_sp)(i)
}

fn sp1(i: &str) -> Res<'_, &str> {
    take_while1(is_sp)(i)
}

fn letters(i: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic)(i)
}

fn word(i: &str) -> Res<'_, &str> {
    recognize((
        letters,
        many0((
            satisfy(|c| matches!(c, '.' | '-' | '\'' | '’' | '/')),
            letters,
        )),
        opt(char('.')),
    ))
    .parse(i)
}

fn words(i: &str) -> Res<'_, Vec<&str>> {
    separated_list1(char(' '), word).parse(i)
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

fn is_month(w: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

fn month(i: &str) -> Res<'_, &str> {
    verify(letters, |w: &str| is_month(w)).parse(i)
}

fn day(i: &str) -> Res<'_, &str> {
    verify(digit1, |d: &str| d.len() <= 2).parse(i)
}

fn year(i: &str) -> Res<'_, &str> {
    verify(digit1, |d: &str| d.len() == 4).parse(i)
}

fn year_tail(i: &str) -> Res<'_, ()> {
    (opt(char(',')), sp1, year).map(|_| ()).parse(i)
}

fn date(i: &str) -> Res<'_, &str> {
    recognize(alt((
        (
            month,
            opt(char('.')),
            sp1,
            day,
            opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
            opt(year_tail),
        )
            .map(|_| ()),
        (day, sp1, month, opt(char('.')), opt(year_tail)).map(|_| ()),
    )))
    .parse(i)
}

fn comma(i: &str) -> Res<'_, ()> {
    (char(','), sp1).map(|_| ()).parse(i)
}

fn paren(i: &str) -> Res<'_, &str> {
    verify(
        (
            char('('),
            take_while1(|c: char| c != ')' && c != '(' && c != '\n'),
            char(')'),
        )
            .map(|(_, inner, _): (char, &str, char)| inner),
        |inner: &str| valid_agency(inner.trim()),
    )
    .parse(i)
}

/// A plausible agency in parentheses; hyphens and periods only in known names, which rules
/// out party labels such as "(R-S.C.)" and "(D-Calif.)".
fn valid_agency(a: &str) -> bool {
    let known = agency::canonical(a).is_some();
    (2..=40).contains(&a.len())
        && (known || !a.contains(['-', '.']))
        && a.split_whitespace().count() <= 4
        && !a.chars().any(|c| c.is_ascii_digit())
        && (a.starts_with(char::is_uppercase) || known)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// No separator (after a parenthesized agency).
    None,
    EmDash,
    Dash,
    Hyphen,
    Colon,
}

fn sep(i: &str) -> Res<'_, Sep> {
    alt((
        tag("—").map(|_| Sep::EmDash),
        alt((tag("--"), tag("–"), tag("―"))).map(|_| Sep::Dash),
        char('-').map(|_| Sep::Hyphen),
        char(':').map(|_| Sep::Colon),
    ))
    .parse(i)
}

/// Parses the separator and trailing spaces; returns the rest after them. Only an em dash may
/// be glued to the following word ("WASHINGTON—Republicans"), and only a dateline with a date
/// or an agency may glue any other dash ("SIEGEL--Jerome Arthur, 98" is an obituary).
fn finish(i: &str, strong: bool) -> Option<(&str, Sep)> {
    let (rest, (_, s, spaces)) = (sp0, sep, sp0).parse(i).ok()?;
    let glued = spaces.is_empty() && rest.starts_with(char::is_alphanumeric);
    let glue_ok = match s {
        Sep::EmDash => true,
        Sep::Dash => strong,
        Sep::Hyphen | Sep::Colon | Sep::None => false,
    };
    if glued && !glue_ok {
        return None;
    }
    Some((rest, s))
}

const CONNECTORS: &[&str] = &[
    "de", "del", "della", "da", "do", "dos", "das", "du", "des", "la", "le", "el", "al", "of",
    "upon", "on", "am", "an", "im", "sur", "y", "en",
];

fn is_connector(w: &str) -> bool {
    CONNECTORS.contains(&w)
}

/// Titles that start a person's name, not a place: "Rep. Trey Gowdy (R-S.C.):".
const HONORIFICS: &[&str] = &[
    "Rep", "Sen", "Gov", "Dr", "Mr", "Mrs", "Ms", "Pres", "Gen", "Lt", "Col", "Sgt", "Prof", "Rev",
    "Hon", "Capt", "Adm", "Amb", "Sec", "Atty",
];

fn capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

fn all_caps(w: &str) -> bool {
    !w.chars().any(char::is_lowercase)
}

/// Checks a run of place words: capitalised apart from inner connectors, at most `max`.
fn valid_words(ws: &[&str], max: usize) -> bool {
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    let real = ws.iter().filter(|w| !is_connector(w)).count();
    capitalised(first)
        && capitalised(last)
        && (1..=max).contains(&real)
        && ws.iter().all(|w| capitalised(w) || is_connector(w))
        && !ws.iter().any(|w| is_month(w.trim_end_matches('.')))
}

const LABELS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "BREAKING NEWS",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTO",
    "PHOTOS",
    "BYLINE",
    "CORRECTION",
    "CLARIFICATION",
    "ABSTRACT",
    "FULL TEXT",
    "ANALYSIS",
    "OPINION",
    "COMMENTARY",
    "EDITORIAL",
    "REVIEW",
    "LIVE",
    "ALERT",
    "NOTE",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "EDITORS NOTE",
    "TRANSCRIPT",
    "QUESTION",
    "ANSWER",
    "FACT CHECK",
    "POLL",
    "REPORT",
    "SOURCE",
    "SOURCES",
    "URGENT",
    "FLASH",
    "BULLETIN",
    "LETTERS",
    "TOP STORIES",
    "WARNING",
    "RELATED",
    "READ MORE",
    "ADVERTISEMENT",
    "SPONSORED",
    "FILE",
    "NEWS",
    "UPDATE",
    "DEVELOPING",
    "SPOILER",
    "SUMMARY",
    "HIGHLIGHTS",
];

const FUNCTION_WORDS: &[&str] = &[
    "IS", "ARE", "WAS", "WERE", "BE", "IN", "ON", "TO", "FOR", "AND", "OR", "BUT", "NOT", "WILL",
    "HAS", "HAVE", "HAD", "WHY", "HOW", "WHAT", "WHO", "WHEN", "NO", "YES", "A", "AN", "I", "WE",
    "YOU", "HE", "SHE", "IT", "THEY", "MY", "OUR", "THIS", "THAT", "DO", "DOES", "DID", "CAN",
    "SAYS", "SAID", "WITH", "AT", "BY",
];

fn is_label(ws: &[&str]) -> bool {
    let joined = ws.join(" ");
    let joined = joined.trim_end_matches('.');
    LABELS.iter().any(|l| l.eq_ignore_ascii_case(joined))
        || ws
            .iter()
            .any(|w| FUNCTION_WORDS.contains(&w.trim_end_matches('.')))
}

/// The paragraph starts with an all-caps label and a colon ("TRUMP:", "JAKE TAPPER:").
fn starts_with_caps_label(p: &str) -> bool {
    let head = &p[..agency::floor_boundary(p, p.len().min(60))];
    let Ok((rest, ws)) = words(head) else {
        return false;
    };
    rest.starts_with(':') && ws.len() <= 4 && ws.iter().all(|w| all_caps(w))
}

fn offset(whole: &str, rest: &str) -> usize {
    whole.len() - rest.len()
}

/// Recognises a dateline at the start of paragraph `p`; `next` is the following paragraph.
pub(crate) fn parse(p: &str, next: Option<&str>) -> Option<Raw> {
    let input = &p[..agency::floor_boundary(p, p.len().min(200))];
    agency_only(input)
        .or_else(|| dated(input))
        .or_else(|| placed(input, next))
}

/// "Dec 29 (Reuters) - ...": a date and an agency without a place.
fn dated(input: &str) -> Option<Raw> {
    let (rest, (d, spaces, inner)) = (date, sp0, paren).parse(input).ok()?;
    let (rest, _) = finish(rest, true)?;
    let open = d.len() + spaces.len() + 1;
    let lead = inner.len() - inner.trim_start().len();
    Some(Raw {
        len: offset(input, rest),
        place: None,
        date: Some(0..d.len()),
        agency: Some(open + lead..open + lead + inner.trim().len()),
    })
}

/// "(Reuters) - ...", "(CNN) — ...".
fn agency_only(input: &str) -> Option<Raw> {
    let (rest, inner) = paren(input).ok()?;
    let (rest, _) = finish(rest, true)?;
    let start = 1 + (inner.len() - inner.trim_start().len());
    Some(Raw {
        len: offset(input, rest),
        place: None,
        date: None,
        agency: Some(start..start + inner.trim().len()),
    })
}

/// Whether `input` starts with more than 40 bytes that [`words`] reads whole, told by its
/// bytes alone: its first 42 are ASCII letters and single spaces, periods, hyphens,
/// apostrophes or slashes each between two letters. Such a main place is too long, and most
/// first sentences ("The minister said on Monday that the ...") are turned away here without
/// the parsers.
fn starts_with_long_words(input: &str) -> bool {
    let Some(head) = input.as_bytes().get(..42) else {
        return false;
    };
    let joiner = |i: usize| {
        matches!(head[i], b' ' | b'.' | b'-' | b'\'' | b'/')
            && head[i - 1].is_ascii_alphabetic()
            && head[i + 1].is_ascii_alphabetic()
    };
    head[0].is_ascii_alphabetic()
        && head[41].is_ascii_alphabetic()
        && (1..41).all(|i| head[i].is_ascii_alphabetic() || joiner(i))
}

/// How many bytes of a paragraph's start [`placed`] reads its main place's words in: 40 for
/// the place, 7 more that the parsers may look at past it, and a char boundary's margin.
const PLACE_WORDS_READ: usize = 52;

fn placed(input: &str, next: Option<&str>) -> Option<Raw> {
    // The main place has at most 40 bytes, and its words are read in the first
    // `PLACE_WORDS_READ` bytes only: a run of words that ends within 40 bytes is read there as
    // in the whole input (no parser looks more than 7 bytes past the end of what it takes),
    // and so is one that ends past them (else it would end within 40 bytes in both), while
    // the words of a first sentence are not all read.
    if starts_with_long_words(input) {
        return None;
    }
    let head = &input[..agency::floor_boundary(input, input.len().min(PLACE_WORDS_READ))];
    let (head_rest, main) = words(head).ok()?;
    let main_end = offset(head, head_rest);
    let honorific = main[0].ends_with('.') && HONORIFICS.contains(&main[0].trim_end_matches('.'));
    if main_end > 40 || honorific || !valid_words(&main, 4) {
        return None;
    }
    let rest = &input[main_end..];
    let mut place_end = main_end;
    let mut date_range = None;
    // ", date" or ", region" (then possibly ", date").
    let mut rest = rest;
    if let Ok((r, d)) = (comma, date).map(|(_, d)| d).parse(rest) {
        let s = offset(input, r) - d.len();
        date_range = Some(s..s + d.len());
        rest = r;
    } else if let Ok((r, _)) = (comma, verify(words, |ws: &[&str]| valid_words(ws, 3))).parse(rest)
    {
        place_end = offset(input, r);
        rest = r;
        if let Ok((r, d)) = (comma, date).map(|(_, d)| d).parse(rest) {
            let s = offset(input, r) - d.len();
            date_range = Some(s..s + d.len());
            rest = r;
        }
    }
    let mut agency_range = None;
    if let Ok((r, (spaces, inner))) = (sp0, paren).parse(rest) {
        let open = offset(input, rest) + spaces.len() + 1;
        let lead = inner.len() - inner.trim_start().len();
        agency_range = Some(open + lead..open + lead + inner.trim().len());
        rest = r;
    }
    // "Bengaluru, Feb 8 (IANS) The Karnataka ...": a place, a date and an agency need no
    // separator before the capitalized first word.
    let bare_agency = (date_range.is_some() && agency_range.is_some())
        .then(|| rest.strip_prefix(' '))
        .flatten()
        .filter(|r| r.starts_with(char::is_uppercase));
    let (rest, sep) = match bare_agency {
        Some(r) if finish(rest, true).is_none() => (r, Sep::None),
        _ => finish(rest, date_range.is_some() || agency_range.is_some())?,
    };
    if date_range.is_none() && agency_range.is_none() {
        let letters = main
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic());
        let bare_ok = main.iter().all(|w| all_caps(w))
            && letters.count() >= 2
            && !is_label(&main)
            && !(sep == Sep::Colon && next.is_some_and(starts_with_caps_label));
        if !bare_ok {
            return None;
        }
    }
    Some(Raw {
        len: offset(input, rest),
        place: Some(0..place_end),
        date: date_range,
        agency: agency_range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (dateline, place, date, agency) as strings.
    type Parts<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    fn dl(p: &str) -> Option<Parts<'_>> {
        let raw = parse(p, None)?;
        Some((
            &p[..raw.len],
            raw.place.map(|r| &p[r]),
            raw.date.map(|r| &p[r]),
            raw.agency.map(|r| &p[r]),
        ))
    }

    #[test]
    fn dateline_forms() {
        assert_eq!(
            dl("Washington, Dec 29 (IANS): The United States said."),
            Some((
                "Washington, Dec 29 (IANS): ",
                Some("Washington"),
                Some("Dec 29"),
                Some("IANS")
            ))
        );
        assert_eq!(
            dl("LONDON (Reuters) - Britain said."),
            Some(("LONDON (Reuters) - ", Some("LONDON"), None, Some("Reuters")))
        );
        assert_eq!(
            dl("LONDON (Reuters) — Britain said."),
            Some(("LONDON (Reuters) — ", Some("LONDON"), None, Some("Reuters")))
        );
        assert_eq!(
            dl("Paris, March 3 (AFP): France said."),
            Some((
                "Paris, March 3 (AFP): ",
                Some("Paris"),
                Some("March 3"),
                Some("AFP")
            ))
        );
        assert_eq!(
            dl("NEW DELHI: India said."),
            Some(("NEW DELHI: ", Some("NEW DELHI"), None, None))
        );
        assert_eq!(
            dl("WASHINGTON — The Senate voted."),
            Some(("WASHINGTON — ", Some("WASHINGTON"), None, None))
        );
        assert_eq!(
            dl("BEIJING, Jan. 5 (Xinhua) -- China said."),
            Some((
                "BEIJING, Jan. 5 (Xinhua) -- ",
                Some("BEIJING"),
                Some("Jan. 5"),
                Some("Xinhua")
            ))
        );
        assert_eq!(
            dl("CAIRO, Egypt (AP) — Egypt said."),
            Some((
                "CAIRO, Egypt (AP) — ",
                Some("CAIRO, Egypt"),
                None,
                Some("AP")
            ))
        );
    }

    #[test]
    fn more_forms() {
        assert_eq!(
            dl("MANCHESTER, N.H. - Voters said."),
            Some(("MANCHESTER, N.H. - ", Some("MANCHESTER, N.H."), None, None))
        );
        assert_eq!(
            dl("CHARLESTON, S.C.\u{a0}— Voters said.").map(|d| d.1),
            Some(Some("CHARLESTON, S.C."))
        );
        assert_eq!(
            dl("RENO, Nev. (AP) — Voters said.").map(|d| (d.1, d.3)),
            Some((Some("RENO, Nev."), Some("AP")))
        );
        assert_eq!(
            dl("New York (AFP) – Stocks fell.").map(|d| (d.1, d.3)),
            Some((Some("New York"), Some("AFP")))
        );
        assert_eq!(
            dl("ST. LOUIS — Voters said.").map(|d| d.1),
            Some(Some("ST. LOUIS"))
        );
        assert_eq!(
            dl("WASHINGTON—Republicans said.").map(|d| d.0),
            Some("WASHINGTON—")
        );
        assert_eq!(
            dl("NEW DELHI, 29 December 2017: India said.").map(|d| d.2),
            Some(Some("29 December 2017"))
        );
        assert_eq!(
            dl("Dec 29 (Reuters) - Clinton said."),
            Some(("Dec 29 (Reuters) - ", None, Some("Dec 29"), Some("Reuters")))
        );
        assert_eq!(dl("Dec 29: Clinton said."), None);
        assert_eq!(
            dl("(Reuters) - Stocks fell.").map(|d| (d.0, d.1, d.3)),
            Some(("(Reuters) - ", None, Some("Reuters")))
        );
    }

    #[test]
    fn not_datelines() {
        for p in [
            "The minister said: no.",
            "President Obama (D) said the bill was bad.",
            "Trump: I will win.",
            "The Latest: Clinton wins.",
            "Poll: Trump leads.",
            "EXCLUSIVE – Roger Stone speaks.",
            "UPDATE: The vote was delayed.",
            "FIX IS IN: The vote was delayed.",
            "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark said.",
            "Washington - the capital - said.",
            "He said - no.",
            "Sen. John Smith (R-Texas) said.",
            "Rep. Trey Gowdy (R-S.C.):\"I have not heard anyone cite that figure.\"",
            "Sen. John Smith (Reuters): no.",
            "SIEGEL--Jerome Arthur, 98, of Mamaroneck, passed away.",
            "WASHINGTON-based groups said.",
            "NEW YORK, the city, said.",
            "Q: What happened?",
            "At 10:30 the vote began.",
            "",
        ] {
            assert_eq!(parse(p, None), None, "{p}");
        }
    }

    /// The main place's words read in the head of a paragraph are those read in the whole
    /// paragraph, wherever these end within 40 bytes; and none are read there where these end
    /// past them. The paragraphs whose bytes tell they start with long words do.
    #[test]
    fn place_words_read_in_the_head_as_in_the_whole_paragraph() {
        let mut lines = crate::test_support::corpus_lines_and(&[]);
        for len in 30..60 {
            for end in [
                " ", ".", "’", "’A", "’É", ". A", " —", "É", " É", "-A", "/", "..", "’’A",
            ] {
                for word in ["A", "É", "AB CD", "Ab-c", "A.b", "Ab’c", "Ab'c/d "] {
                    lines.push(format!("{}{end} Bc de", word.repeat(len)));
                }
            }
        }
        fn main_end(input: &str) -> Option<(usize, Vec<&str>)> {
            words(input)
                .ok()
                .map(|(rest, ws)| (offset(input, rest), ws))
                .filter(|(end, _)| *end <= 40)
        }
        let mut long = 0;
        for line in &lines {
            let starts = line.char_indices().map(|(i, _)| i).take_while(|&i| i < 300);
            for from in starts {
                let input = &line[from..];
                let input = &input[..agency::floor_boundary(input, input.len().min(200))];
                let head =
                    &input[..agency::floor_boundary(input, input.len().min(PLACE_WORDS_READ))];
                assert_eq!(main_end(head), main_end(input), "{input:?}");
                if starts_with_long_words(input) {
                    assert_eq!(main_end(input), None, "{input:?}");
                    long += 1;
                }
            }
        }
        assert!(long > 1000, "{long}");
    }

    #[test]
    fn transcript_label_is_not_a_dateline() {
        let p = "TAPPER: Welcome to the show.";
        assert_eq!(parse(p, Some("TRUMP: Thank you.")), None);
        assert!(parse(p, Some("It was a good show.")).is_some());
    }
}
