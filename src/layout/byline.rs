//! Bylines, credit lines and photo captions.
//!
//! * **Byline**: a paragraph of at most 200 bytes starting with "By " (any case) or "Byline:",
//!   whose first segment is a list of names: 1 to 10 words, each capitalised ("Jane", "O'Neil",
//!   "J.", "ROE") or a connector ("and", "&", "de", "van", ...), the first not a weekday, month
//!   or sentence word ("By Thursday afternoon, ..." and "By contrast, ..." are not bylines).
//!   Further segments, split at `,` `|` `;` `/` `•` `·` or a spaced dash, must each be a known
//!   agency ("Associated Press", "Reuters"), a short segment with a digit (a date), or a short
//!   run of capitalised words ("Staff Writer", "The Washington Post"). The first segment that is
//!   a known agency gives the byline's agency; "By Reuters" counts too.
//! * **Credit line**: at most 400 bytes, optionally in parentheses, starting with "Reporting
//!   by", "Additional reporting by", "Writing by", "Editing by", "Compiled by", "Contributed
//!   by", "Contributing:" and the like, or ending with "contributed to this report". Its agency
//!   is a known agency after a final " for " ("Reporting by Jane Roe for Reuters").
//! * **Caption**: at most 500 bytes, starting with a photo label ("(Photo: ...", "Photo by",
//!   "Image:", "File photo", "AP Photo/...") or with a photo credit in its last 100 bytes
//!   ("(AP Photo/Evan Vucci)", "John Moore/Getty Images", "via Getty Images", "REUTERS/",
//!   "/AFP", "(Photo by ...") — or a short line (at most 60 bytes, no quotation marks) that is
//!   or ends with "Getty Images" / "Getty".

use std::ops::Range;
use std::sync::OnceLock;

use super::agency;
use super::boilerplate::has_quote_marks;
use super::prefixes::{PrefixSet, starts_ci};
use crate::grammar::needles::Needles;

/// If `p` is a byline, returns `Some(agency range within p)`.
pub(crate) fn byline(p: &str) -> Option<Option<Range<usize>>> {
    if p.len() > 200 {
        return None;
    }
    let start = byline_prefix(p)?;
    let mut agency = None;
    for (n, seg) in segments(p, start).into_iter().enumerate() {
        let text = &p[seg.clone()];
        if text.is_empty() {
            continue;
        }
        let is_agency = agency::canonical(text).is_some();
        if is_agency && agency.is_none() {
            agency = Some(seg.clone());
        }
        let ok = if n == 0 {
            is_agency || names(text)
        } else {
            is_agency || affiliation(text)
        };
        if !ok {
            return None;
        }
    }
    Some(agency)
}

/// Byte offset after "By " / "Byline:" if `p` starts with one.
fn byline_prefix(p: &str) -> Option<usize> {
    let after = if starts_ci(p, "byline:") {
        7
    } else if starts_ci(p, "by:") {
        3
    } else if starts_ci(p, "by") && p[2..].starts_with(char::is_whitespace) {
        2
    } else {
        return None;
    };
    let rest = &p[after..];
    Some(after + (rest.len() - rest.trim_start().len()))
}

/// Splits `p[start..]` into trimmed segments at byline separators.
fn segments(p: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut seg_start = start;
    let bytes = p.as_bytes();
    for (i, c) in p[start..].char_indices() {
        let i = start + i;
        let spaced_dash = matches!(c, '-' | '—' | '–')
            && i > 0
            && bytes[i - 1] == b' '
            && bytes.get(i + c.len_utf8()) == Some(&b' ');
        if matches!(c, ',' | '|' | ';' | '/' | '•' | '·') || spaced_dash || c == '—' {
            out.push(trim_segment(p, seg_start..i));
            seg_start = i + c.len_utf8();
        }
    }
    out.push(trim_segment(p, seg_start..p.len()));
    out
}

fn trim_segment(p: &str, r: Range<usize>) -> Range<usize> {
    let s = &p[r.clone()];
    let left = s.trim_start();
    let core = left.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    // Keep a final period that belongs to an initial or abbreviation ("Jr.", "J.").
    let core = if core.len() < left.trim_end().len()
        && core
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().count() <= 2 && w.starts_with(char::is_uppercase))
    {
        &left[..core.len() + 1]
    } else {
        core
    };
    let start = r.start + (s.len() - left.len());
    start..start + core.len()
}

const NAME_CONNECTORS: &[&str] = &[
    "and", "&", "And", "AND", "de", "van", "von", "der", "den", "da", "del", "la", "le", "di",
    "du", "bin", "al", "y", "dos", "das", "ter",
];

const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "This",
    "That",
    "Then",
    "Now",
    "Far",
    "Contrast",
    "Comparison",
    "All",
    "Law",
    "Noon",
    "Midnight",
    "Mid",
    "Late",
    "Early",
];

fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// A list of person names: "Jane Roe", "JANE ROE and JOHN DOE".
fn names(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    (1..=10).contains(&words.len())
        && name_word(first)
        && !NOT_NAMES.contains(&first.trim_end_matches(['.', ',']))
        && words
            .iter()
            .all(|w| name_word(w) || NAME_CONNECTORS.contains(w))
}

const AFFILIATION_CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "at", "in", "to", "on", "&", "de", "la", "by",
];

/// A title, publication or date after the names.
fn affiliation(s: &str) -> bool {
    if s.len() <= 40 && s.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || AFFILIATION_CONNECTORS.contains(w))
}

pub(super) const CREDIT_PREFIXES: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "additional reporting:",
    "with reporting by",
    "writing by",
    "editing by",
    "edited by",
    "compiled by",
    "contributed by",
    "contributing:",
    "contributing by",
    "contributing reporter",
    "contributing writer",
    "contributors:",
    "translated by",
    "research by",
];

/// If `p` is a credit line, returns `Some(agency range within p)`.
pub(crate) fn credit_line(p: &str) -> Option<Option<Range<usize>>> {
    if p.len() > 400 {
        return None;
    }
    let s = p.trim_start_matches(['(', '[']);
    let tail = p.trim_end_matches(closing_or_space);
    let is_credit = CREDIT_STARTS.starts(s)
        || (p.len() <= 200
            && [
                "contributed to this report",
                "contributed to this story",
                "contributed reporting",
            ]
            .iter()
            .any(|e| ends_ci(tail, e)));
    if !is_credit {
        return None;
    }
    let agency = tail.rfind(" for ").and_then(|i| {
        let start = i + 5;
        agency::canonical(&tail[start..]).map(|_| start..tail.len())
    });
    Some(agency)
}

pub(super) const CAPTION_PREFIXES: &[&str] = &[
    "(photo",
    "[photo",
    "photo:",
    "photo by",
    "photo credit",
    "photos:",
    "photograph:",
    "photograph by",
    "photographs:",
    "(image",
    "[image",
    "image:",
    "image by",
    "image credit",
    "images:",
    "picture:",
    "pictured:",
    "caption:",
    "credit:",
    "file photo",
    "(file photo",
    "ap photo",
];

const CREDIT_NEEDLES: &[&str] = &[
    "ap photo",
    "(photo",
    "photo by",
    "photo courtesy",
    "image courtesy",
    "/getty images",
    "via getty images",
    "(getty images",
    "getty images)",
    "getty images/",
    "/ getty images",
    "shutterstock",
];

/// Agency-slash photo credits: matched as written (upper case, "REUTERS/Jim Bourg"), or in
/// any case on a short line ("Gary Cameron/Reuters."), so that "a Reuters/Ipsos poll" in a
/// sentence is not a caption.
const SLASH_CREDITS: &[&str] = &[
    "reuters/", "/reuters", "afp/", "/afp", "epa/", "/epa", "xinhua/", "getty/", "/getty",
];

/// Whether `p` is a photo caption or photo credit.
pub(crate) fn caption(p: &str) -> bool {
    if p.len() > 500 {
        return false;
    }
    if CAPTION_STARTS.starts(p) {
        return true;
    }
    if ["file -", "file –", "file —"]
        .iter()
        .any(|pre| starts_ci(p, pre))
        && contains_ci(p, "photo")
    {
        return true;
    }
    let tail = &p[agency::floor_boundary(p, p.len().saturating_sub(100))..];
    if has_photo_credit(tail) {
        return true;
    }
    // A slash credit ("Reuters/"): in any case in a short line, else in capitals only.
    if memchr::memchr(b'/', tail.as_bytes()).is_some()
        && has_slash_credit(tail, p.len() <= 80 && !has_quote_marks(p))
    {
        return true;
    }
    p.len() <= 60
        && {
            let core = p.trim_end_matches(closing_or_space);
            ends_ci(core, "getty images") || core.eq_ignore_ascii_case("getty")
        }
        && !has_quote_marks(p)
}

/// White space and the closing punctuation trimmed off a line's end before its last words
/// are compared: `.`, `)`, `]`.
fn closing_or_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ')' | ']')
}

/// The longest tail [`has_photo_credit`] reads: the last 100 bytes of a caption, from the
/// char boundary at or before.
const CREDIT_TAIL_MAX: usize = 103;

/// Whether `tail` (the last 100 bytes of a caption) holds one of [`CREDIT_NEEDLES`] in any
/// ASCII case: they are looked for in one lower-cased copy on the stack.
fn has_photo_credit(tail: &str) -> bool {
    let mut on_stack = [0u8; CREDIT_TAIL_MAX];
    let mut on_heap;
    let lower: &mut [u8] = match on_stack.get_mut(..tail.len()) {
        Some(lower) => {
            lower.copy_from_slice(tail.as_bytes());
            lower
        }
        // Longer than a caption's tail can be: copied to the heap rather than panic.
        None => {
            on_heap = tail.as_bytes().to_vec();
            &mut on_heap
        }
    };
    lower.make_ascii_lowercase();
    static CREDITS: OnceLock<Needles> = OnceLock::new();
    CREDITS
        .get_or_init(|| Needles::new(CREDIT_NEEDLES))
        .is_match(lower)
}

/// Whether `tail` holds one of [`SLASH_CREDITS`], in any ASCII case if `any_case`, else in
/// capitals. Each of them has its slash at one end, so only the text around each slash of
/// `tail` is compared.
fn has_slash_credit(tail: &str, any_case: bool) -> bool {
    let t = tail.as_bytes();
    memchr::memchr_iter(b'/', t).any(|slash| {
        SLASH_CREDITS.iter().any(|credit| {
            let credit = credit.as_bytes();
            let at = if credit[0] == b'/' {
                t.get(slash..slash + credit.len())
            } else {
                (slash + 1)
                    .checked_sub(credit.len())
                    .map(|start| &t[start..=slash])
            };
            at.is_some_and(|w| {
                if any_case {
                    w.eq_ignore_ascii_case(credit)
                } else {
                    w.iter()
                        .zip(credit)
                        .all(|(a, c)| *a == c.to_ascii_uppercase())
                }
            })
        })
    })
}

/// [`CREDIT_PREFIXES`] by their first bytes.
static CREDIT_STARTS: PrefixSet = PrefixSet::new(CREDIT_PREFIXES);

/// [`CAPTION_PREFIXES`] by their first bytes.
static CAPTION_STARTS: PrefixSet = PrefixSet::new(CAPTION_PREFIXES);

/// `s` ends with `suf`, ignoring ASCII case.
fn ends_ci(s: &str, suf: &str) -> bool {
    s.len() >= suf.len() && s.as_bytes()[s.len() - suf.len()..].eq_ignore_ascii_case(suf.as_bytes())
}

/// `s` contains `needle`, ignoring ASCII case (for short `s` only).
fn contains_ci(s: &str, needle: &str) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency_of(p: &str) -> Option<&str> {
        byline(p).unwrap().map(|r| &p[r])
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Roe"), Some(None));
        assert_eq!(
            agency_of("By Jane Roe, Associated Press"),
            Some("Associated Press")
        );
        assert_eq!(
            agency_of("By JANE ROE and JOHN DOE | Reuters"),
            Some("Reuters")
        );
        assert_eq!(byline("BYLINE: Amber Phillips."), Some(None));
        assert_eq!(byline("By J. Smith Jr."), Some(None));
        assert_eq!(
            byline("By Jane Roe, The Washington Post | Dec. 29, 2017"),
            Some(None)
        );
        assert_eq!(
            agency_of("By The Associated Press"),
            Some("The Associated Press")
        );
        assert_eq!(byline("By Jane Roe, Staff Writer"), Some(None));
    }

    #[test]
    fn not_bylines() {
        for p in [
            "By Thursday afternoon, Clinton had accepted interviews.",
            "By contrast, the Iowa caucuses are different.",
            "By then, Donald had broken into the market.",
            "By winning the Republican primary in Ohio, Kasich picked up 66 delegates.",
            "By July 2013, the show was officially named.",
            "By Thursday, Clinton had accepted.",
            "Byron Smith said no.",
            "By John Smith, who said he was tired.",
        ] {
            assert_eq!(byline(p), None, "{p}");
        }
    }

    #[test]
    fn credit_lines() {
        assert_eq!(
            credit_line("Reporting by Jane Roe; Editing by John Doe"),
            Some(None)
        );
        assert_eq!(
            credit_line("(Reporting by Jane Roe in Paris; Editing by John Doe)"),
            Some(None)
        );
        assert_eq!(
            credit_line("Additional reporting by Max Mustermann in Berlin"),
            Some(None)
        );
        assert_eq!(credit_line("Contributed by Jane Roe"), Some(None));
        assert_eq!(
            credit_line("The Associated Press contributed to this report."),
            Some(None)
        );
        let p = "Reporting by Jane Roe for Reuters";
        assert_eq!(credit_line(p).unwrap().map(|r| &p[r]), Some("Reuters"));
        assert_eq!(credit_line("Reporters said the vote was close."), None);
    }

    /// The tails of the corpus lines and each of their ends, and a few with credits in
    /// several cases, wide characters and slashes.
    fn sample_tails() -> Vec<String> {
        let mut lines = crate::test_support::corpus_lines_and(&[
            "Evan Vucci/AP PHOTO)",
            "via Getty Images",
            "the minister said on Monday",
            "REUTERS/Jim Bourg",
            "Jim Bourg/Reuters",
            "/AFP",
            "AFP/",
            "xinhua/Getty/epa/",
            "é/Reuters/é",
            "Photo courtesy of IMAGE COURTESY",
            "/",
            "",
        ]);
        lines.push("é".repeat(51));
        let mut tails = Vec::new();
        for line in lines {
            let mut from = agency::floor_boundary(&line, line.len().saturating_sub(100));
            while from < line.len() {
                tails.push(line[from..].to_string());
                from += line[from..].chars().next().map_or(1, char::len_utf8);
            }
        }
        tails
    }

    /// The credits are found in a tail as by automata over the lists.
    #[test]
    fn credits_found_as_by_automata() {
        use aho_corasick::AhoCorasick;
        let ci = |words: &[&str]| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(words)
                .unwrap()
        };
        let credits = ci(CREDIT_NEEDLES);
        let slash = ci(SLASH_CREDITS);
        let upper: Vec<String> = SLASH_CREDITS
            .iter()
            .map(|n| n.to_ascii_uppercase())
            .collect();
        let slash_upper = AhoCorasick::new(&upper).unwrap();
        // A caller's tail longer than a caption's can be is read too, not a panic.
        let long = format!("{} (AP Photo/Evan Vucci)", "x".repeat(2 * CREDIT_TAIL_MAX));
        let mut tails = sample_tails();
        tails.extend([long.clone(), long.replace("Photo", "P")]);
        for tail in tails {
            assert_eq!(has_photo_credit(&tail), credits.is_match(&tail), "{tail}");
            assert_eq!(
                has_slash_credit(&tail, true),
                slash.is_match(&tail),
                "{tail}"
            );
            assert_eq!(
                has_slash_credit(&tail, false),
                slash_upper.is_match(&tail),
                "{tail}"
            );
        }
    }

    #[test]
    fn slash_credits_hold_a_slash_at_one_end() {
        // has_slash_credit compares them only around the slashes of a tail.
        for credit in SLASH_CREDITS {
            assert_eq!(credit.matches('/').count(), 1, "{credit}");
            assert!(credit.starts_with('/') || credit.ends_with('/'), "{credit}");
        }
    }

    #[test]
    fn captions() {
        for p in [
            "(Photo: John Roe/USA TODAY)",
            "Photo by Jane Roe",
            "Getty.",
            "Getty Images",
            "Scott Olson via Getty Images.",
            "John Moore/Getty Images.",
            "President Obama speaks in Washington. (AP Photo/Evan Vucci)",
            "Christoph Blocher reacts during a meeting. (FABRICE COFFRINI/AFP/Getty Images.)",
            "Trump at a rally in Ohio. (Photo by Ty Wright/Getty Images)",
            "FILE - In this Jan. 5, 2016 file photo, Trump speaks.",
            "Gary Cameron/Reuters.",
            "Getty/Instagram.",
            "Trump speaks in Iowa on Monday in a long caption here. REUTERS/Jim Bourg",
        ] {
            assert!(caption(p), "{p}");
        }
        for p in [
            "\"We are thrilled,\" said Jane Roe, the chief executive of Getty Images.",
            "The photo was taken in 2015, officials said.",
            "Image is everything, he said.",
            "According to a Reuters/Ipsos poll, the two candidates are in a dead heat nationally.",
        ] {
            assert!(!caption(p), "{p}");
        }
    }
}
