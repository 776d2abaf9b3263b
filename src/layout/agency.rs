//! Wire agencies: the canonical names table and end-of-story agency tags.
//!
//! [`canonical`] maps every spelling in [`AGENCIES`] (compared ASCII-case-insensitively, with
//! runs of whitespace collapsed and a leading "The" ignored) to its canonical name. The table is
//! the only place that lists agencies.
//!
//! End tags are recognised at the very end of a paragraph, within its last 48 bytes: a
//! parenthesised agency "... said. (IANS)" or an agency after a dash "... said. — AP",
//! "--Reuters". A paragraph that is nothing but an agency tag ("(AP)", "— Reuters",
//! "ASSOCIATED PRESS") is a tag-only paragraph. Only names from the table count here.

use std::ops::Range;

use super::prefixes::PrefixSet;

/// Canonical agency names and the spellings that map to them.
pub(crate) const AGENCIES: &[(&str, &[&str])] = &[
    ("IANS", &["IANS", "Indo-Asian News Service"]),
    ("Reuters", &["Reuters", "Thomson Reuters"]),
    ("Associated Press", &["AP", "Associated Press"]),
    (
        "AFP",
        &["AFP", "Agence France-Presse", "Agence France Presse"],
    ),
    ("Xinhua", &["Xinhua", "Xinhua News Agency"]),
    ("PTI", &["PTI", "Press Trust of India"]),
    ("ANI", &["ANI", "Asian News International"]),
    ("Bloomberg", &["Bloomberg", "Bloomberg News"]),
    ("UPI", &["UPI", "United Press International"]),
    ("dpa", &["dpa", "Deutsche Presse-Agentur"]),
    ("Kyodo", &["Kyodo", "Kyodo News"]),
    ("Yonhap", &["Yonhap", "Yonhap News Agency"]),
    ("TASS", &["TASS", "ITAR-TASS"]),
    ("EFE", &["EFE"]),
    ("ANSA", &["ANSA"]),
];

/// Compares `a` and `b` ignoring ASCII case and treating any whitespace run as one space.
fn loose_eq(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

/// Canonical name of the agency spelled `name`, if it is in the table.
pub(crate) fn canonical(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.len() > 40 {
        return None;
    }
    let name = strip_article(name);
    // Only the spellings that the name's first bytes allow are compared in full: a spelling
    // has no white space in its first bytes, so the name's are the same (in any case) where
    // it is one.
    let mut candidates = SPELLING_STARTS.candidates(name);
    while candidates != 0 {
        let i = candidates.trailing_zeros() as usize;
        if loose_eq(SPELLINGS[i].1, name) {
            return Some(SPELLINGS[i].0);
        }
        candidates &= candidates - 1;
    }
    None
}

/// How many spellings [`AGENCIES`] has.
const SPELLING_COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < AGENCIES.len() {
        n += AGENCIES[i].1.len();
        i += 1;
    }
    n
};

/// The (canonical name, spelling) pairs of [`AGENCIES`], in table order.
const SPELLINGS: [(&str, &str); SPELLING_COUNT] = {
    let mut pairs = [("", ""); SPELLING_COUNT];
    let (mut n, mut i) = (0, 0);
    while i < AGENCIES.len() {
        let mut j = 0;
        while j < AGENCIES[i].1.len() {
            pairs[n] = (AGENCIES[i].0, AGENCIES[i].1[j]);
            n += 1;
            j += 1;
        }
        i += 1;
    }
    pairs
};

/// The spellings of [`SPELLINGS`] alone, in the same order.
const SPELLING_NAMES: [&str; SPELLING_COUNT] = {
    let mut names = [""; SPELLING_COUNT];
    let mut n = 0;
    while n < SPELLING_COUNT {
        names[n] = SPELLINGS[n].1;
        n += 1;
    }
    names
};

/// [`SPELLING_NAMES`] by their first bytes.
static SPELLING_STARTS: PrefixSet = PrefixSet::new(&SPELLING_NAMES);

/// Drops a leading "The " ("The Associated Press").
fn strip_article(s: &str) -> &str {
    match s.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("the ") => s[4..].trim_start(),
        _ => s,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '―')
}

/// Trims whitespace and trailing periods; returns the trimmed range within `s`.
fn trimmed(s: &str, range: Range<usize>) -> Range<usize> {
    let part = &s[range.clone()];
    let left = part.trim_start();
    let core = left.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let start = range.start + (part.len() - left.len());
    start..start + core.len()
}

/// Range (within `p`) of an agency tag ending the paragraph: "(IANS)", "— AP", "--Reuters".
pub(crate) fn end_tag(p: &str) -> Option<Range<usize>> {
    let end = p
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.')
        .len();
    let body = &p[..end];
    let window_start = floor_boundary(body, body.len().saturating_sub(48));
    let window = &body[window_start..];
    if window.ends_with(')') {
        let open = window.rfind('(')?;
        let r = trimmed(p, window_start + open + 1..end - 1);
        return canonical(&p[r.clone()]).map(|_| r);
    }
    // Try every dash from the right, so that "— Agence France-Presse" is found too.
    for (dash, c) in window.char_indices().rev().filter(|&(_, c)| is_dash(c)) {
        let r = trimmed(p, window_start + dash + c.len_utf8()..end);
        let name = &p[r.clone()];
        // The dash must start the tag: "Smith-AP" is not a tag, "said. —AP" is.
        let before = window[..dash].trim_end_matches(is_dash);
        let ok_before = before.is_empty()
            || before
                .ends_with(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '"' | '”'));
        if ok_before && canonical(name).is_some() {
            return Some(r);
        }
    }
    None
}

/// Range of the agency if the whole paragraph is an agency tag: "(AP)", "— Reuters", "AFP.".
pub(crate) fn tag_only(p: &str) -> Option<Range<usize>> {
    if p.len() > 48 {
        return None;
    }
    let core = p.trim_matches(|c: char| c.is_whitespace() || is_dash(c) || "().".contains(c));
    let start = core.as_ptr() as usize - p.as_ptr() as usize;
    canonical(core).map(|_| start..start + core.len())
}

pub(crate) use crate::offsets::floor_boundary;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_start_with_a_word() {
        // canonical compares the first bytes before the whole names: a name the same as a
        // spelling but for case and white space has the same first bytes.
        for (_, spellings) in AGENCIES {
            for s in *spellings {
                assert!(s.starts_with(|c: char| c.is_ascii_alphabetic()), "{s}");
                let head = &s[..s.len().min(4)];
                assert!(!head.contains(char::is_whitespace), "{s}");
            }
        }
    }

    /// The names of the corpus lines and of their tails are told as by comparing each spelling
    /// in full.
    #[test]
    fn canonical_as_by_every_spelling() {
        // canonical as it was: only the first bytes compared before the whole names.
        let reference = |name: &str| {
            let name = name.trim();
            if name.len() > 40 {
                return None;
            }
            let name = strip_article(name);
            let first = name.bytes().next()?;
            AGENCIES
                .iter()
                .find(|(_, spellings)| {
                    spellings
                        .iter()
                        .any(|s| s.as_bytes()[0].eq_ignore_ascii_case(&first) && loose_eq(s, name))
                })
                .map(|(canon, _)| *canon)
        };
        let mut names = crate::test_support::corpus_lines_and(&[
            "The  Associated\u{a0}Press ",
            "reuterS",
            "A P",
            "ap.",
            "  Xinhua News\tAgency",
            "the dpa",
            "ITAR-TASS",
        ]);
        for (_, spellings) in AGENCIES {
            names.extend(
                spellings
                    .iter()
                    .flat_map(|s| crate::test_support::spellings(s)),
            );
        }
        for line in names {
            let from = floor_boundary(&line, line.len().saturating_sub(48));
            for (i, _) in line[from..].char_indices() {
                let name = &line[from + i..];
                assert_eq!(canonical(name), reference(name), "{name:?}");
            }
        }
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical("AP"), Some("Associated Press"));
        assert_eq!(canonical("The Associated Press"), Some("Associated Press"));
        assert_eq!(canonical("ASSOCIATED  PRESS"), Some("Associated Press"));
        assert_eq!(canonical("Agence France-Presse"), Some("AFP"));
        assert_eq!(canonical("reuters"), Some("Reuters"));
        assert_eq!(canonical("DPA"), Some("dpa"));
        assert_eq!(canonical("CNN"), None);
        assert_eq!(canonical("D"), None);
    }

    #[test]
    fn end_tags() {
        let p = "The talks will resume next week, officials said. (IANS)";
        assert_eq!(&p[end_tag(p).unwrap()], "IANS");
        let p = "The talks will resume next week, officials said. — AP";
        assert_eq!(&p[end_tag(p).unwrap()], "AP");
        let p = "Talks will resume, officials said. — Agence France-Presse";
        assert_eq!(&p[end_tag(p).unwrap()], "Agence France-Presse");
        let p = "The talks will resume next week, officials said.--Reuters";
        assert_eq!(&p[end_tag(p).unwrap()], "Reuters");
        assert_eq!(end_tag("He met Smith-AP."), None);
        assert_eq!(end_tag("He backed the bill (D)."), None);
        assert_eq!(end_tag("Nothing here."), None);
    }

    #[test]
    fn tags_only() {
        let p = "(AP)";
        assert_eq!(&p[tag_only(p).unwrap()], "AP");
        let p = "— Reuters";
        assert_eq!(&p[tag_only(p).unwrap()], "Reuters");
        let p = "ASSOCIATED PRESS.";
        assert_eq!(&p[tag_only(p).unwrap()], "ASSOCIATED PRESS");
        assert_eq!(tag_only("The end."), None);
    }
}
