//! Page boilerplate: single junk lines and the tail cut.
//!
//! Lines are compared after *normalising*: trimming whitespace, leading bullets/arrows/dashes
//! (`• · » › > | - – — * #`) and trailing punctuation (`. : ; ! » › > | • … -`), lowercasing,
//! and mapping `’` to `'`. Only short paragraphs are examined (junk lines at most 200 bytes,
//! tail markers at most 60), so everything here is constant time per paragraph.
//!
//! **Junk lines** (role `Boilerplate` wherever they are):
//!
//! * lines without any letter or digit ("___", "* * *", "•") and CSS fragments ("}",
//!   ".gmobile {", "width:100%;");
//! * exact lines from [`JUNK_EXACT`]: "Advertisement", "Comments", "Print", "Email", "Share",
//!   "Read more", "Related", "Subscribe", "Facebook", "Twitter", "Continue reading the main
//!   story", ...;
//! * lines starting with a phrase from [`JUNK_PREFIXES`]: "Share on ", "Share this",
//!   "Subscribe to ", "Sign up for ", "Click here", "Read more:", "Related:", "Follow us on",
//!   "©", "All rights reserved", "Also read:", "Disclaimer:", ...; "Copyright" only when followed
//!   by ©, (c) or a year or when the line says "rights reserved" (not "Copyright law experts
//!   ..."); "Follow X on Twitter/Facebook/Instagram ..." and "Twitter: @handle";
//! * lines without quotation marks that contain a phrase from [`JUNK_CONTAINS`] ("all rights
//!   reserved", "click here to", "sign up for our", ...) or both "sign up for" and
//!   "newsletter".
//!
//! **Tail markers** (see [`is_tail_marker`]) are short lines of their own: "Top Stories",
//! "Leave a Comment", "Post a comment", "Comments (12)", "12 Comments", "You have 2000
//! characters left", "Disclaimer", "Related Stories", "Related Articles", "More from X",
//! "Recommended", "Trending", "You may also like", "Most Popular", "Also Read", ... From the
//! first marker that follows at least one body paragraph of twelve words or more, every
//! paragraph is boilerplate. A sentence that mentions comments is never a marker, and a marker
//! before the article body (a page menu, a newsletter section heading) cuts nothing. A bare
//! "Comments" line is only a junk line, not a cut: share bars put it mid-page.

use std::sync::OnceLock;

use arrayvec::ArrayString;
use rustc_hash::FxHashSet;

use super::prefixes::PrefixSet;
use crate::grammar::needles::Needles;

/// Opening quotation marks that make a line "speech-like" (ASCII `'` only after a space).
pub(crate) fn has_quote_marks(s: &str) -> bool {
    // Only the bytes that may start a mark are visited, found with memchr: `"`, `'` (a mark
    // after a space or at the start: a byte before it is a space only where the character
    // is), and the lead bytes of the typographic marks (`«` `»` start with 0xC2, the others
    // with 0xE2).
    let b = s.as_bytes();
    let mark_at = |i: usize| match b[i] {
        b'"' => true,
        b'\'' => i == 0 || b[i - 1] == b' ',
        _ => s[i..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '“' | '”' | '„' | '«' | '»' | '‘')),
    };
    memchr::memchr3_iter(b'"', b'\'', 0xE2, b).any(mark_at)
        || memchr::memchr_iter(0xC2, b).any(mark_at)
}

/// The most bytes of a junk line: a longer paragraph is never one.
const JUNK_LINE_MAX: usize = 200;

/// A normalised line, on the stack: a character's lower case takes at most twice its bytes
/// (a test checks every char), so this holds the normalised form of any junk line candidate
/// (at most [`JUNK_LINE_MAX`] bytes) without a heap allocation.
type Normalised = ArrayString<{ 2 * JUNK_LINE_MAX }>;

/// Normalised form of a short line (see module docs); `s` has at most [`JUNK_LINE_MAX`]
/// bytes.
fn normalise(s: &str) -> Normalised {
    let s = s.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '•' | '·' | '»' | '›' | '>' | '|' | '-' | '–' | '—' | '*' | '#'
            )
    });
    let s = s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ':' | ';' | '!' | '»' | '›' | '>' | '|' | '•' | '…' | '-'
            )
    });
    // A short line wrapped in quotes as a whole: "\"Related:\"".
    let s = match (s.chars().next(), s.chars().next_back()) {
        (Some('"' | '“'), Some('"' | '”')) if s.len() <= 40 && s.len() > 2 => {
            let inner = &s[s.chars().next().map_or(1, char::len_utf8)
                ..s.len() - s.chars().next_back().map_or(1, char::len_utf8)];
            inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | ';'))
        }
        _ => s,
    };
    // `s.to_lowercase().replace('’', "'")` in one pass: runs of ASCII (the whole line, mostly)
    // found eight bytes at a time and copied at once, other characters one by one; the ASCII
    // letters are lower-cased at the end, all at once (no character's lower case holds an
    // ASCII capital, so the ones pushed are left as they are).
    let mut n = Normalised::new();
    let mut rest = s;
    loop {
        let ascii = ascii_run(rest.as_bytes());
        n.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            n.make_ascii_lowercase();
            return n;
        };
        match c {
            '’' => n.push('\''),
            'Σ' => {
                // The one letter whose lower case depends on its place in the word: the line
                // is lower-cased as a whole (met here, not looked for first in every line).
                n.clear();
                n.push_str(&s.to_lowercase().replace('’', "'"));
                return n;
            }
            c if is_caseless(c) => n.push(c),
            c => c.to_lowercase().for_each(|l| n.push(l)),
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// Whether `c` is in a block of symbols and punctuation without case: Latin-1's (no-break
/// space, `«`, `»`, `·`, ...), General Punctuation (dashes, typographic quotes, `…`) and the
/// blocks up to the currency signs and their marks. These characters of news text are their own
/// lower case: they are pushed as they are, not looked up in the case tables (a test checks
/// every one).
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{20ff}')
}

/// The length of the run of ASCII bytes that starts `b`, read eight bytes at a time.
fn ascii_run(b: &[u8]) -> usize {
    /// The high bit of each byte: set in the bytes that are not ASCII.
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut n = 0;
    while let Some(word) = b.get(n..n + 8) {
        let high = u64::from_le_bytes(word.try_into().expect("eight bytes")) & HIGH;
        if high != 0 {
            // The first byte in memory is the lowest in a little-endian word.
            return n + high.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + b[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Exact junk lines (normalised).
pub(crate) const JUNK_EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "comments",
    "comment",
    "print",
    "email",
    "e-mail",
    "share",
    "shares",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share article",
    "share story",
    "tweet",
    "pin",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "google+",
    "flipboard",
    "x",
    "read more",
    "read more below",
    "read more here",
    "continue reading",
    "continue reading the main story",
    "continue reading below",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues after advertisement",
    "scroll to continue with content",
    "advertisement - scroll to continue",
    "related",
    "related content",
    "related coverage",
    "skip to main content",
    "skip to content",
    "skip navigation",
    "menu",
    "search",
    "close",
    "loading",
    "back to top",
    "home",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "save",
    "saved",
    "like",
    "reply",
    "embed",
    "copy link",
    "link copied",
    "view comments",
    "show comments",
    "hide comments",
    "listen",
    "listen to this article",
    "gallery",
    "next",
    "previous",
    "next article",
    "previous article",
    "abstract",
    "full text",
    "editor's picks",
    "newsletter",
    "ad feedback",
    "supported by",
    "all rights reserved",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "contact us",
    "about us",
    "getty images",
];

/// Prefixes of junk lines (normalised).
pub(crate) const JUNK_PREFIXES: &[&str] = &[
    "share on ",
    "share this",
    "share via",
    "share with",
    "subscribe to ",
    "subscribe for ",
    "sign up for ",
    "sign up to ",
    "sign up here",
    "click here",
    "click to ",
    "tap here",
    "read more:",
    "read more at",
    "read more about",
    "read more from",
    "read more here",
    "read more >",
    "related:",
    "related coverage:",
    "related story:",
    "related stories:",
    "related article:",
    "related articles:",
    "follow us on",
    "follow us:",
    "like us on facebook",
    "©",
    "(c) 1",
    "(c) 2",
    "all rights reserved",
    "also read:",
    "also read |",
    "also see:",
    "see also:",
    "more:",
    "download the ",
    "download our ",
    "get the app",
    "this article was originally published",
    "this story was originally published",
    "originally published",
    "don't miss:",
    "want more",
    "have a news tip",
    "got a tip",
    "send us a tip",
    "disclaimer:",
    "twitter: @",
    "watch the video",
    "watch the full",
    "listen to the podcast",
    "advertisement",
];

/// Phrases that make a quote-free short line junk (normalised).
pub(crate) const JUNK_CONTAINS: &[&str] = &[
    "all rights reserved",
    "click here to",
    "sign up for our",
    "subscribe to our",
    "this material may not be published",
    "may not be published, broadcast, rewritten",
    "follow us on",
    "download our app",
    "share this article",
    "listen to this article",
    "like the page",
];

fn is_css(s: &str) -> bool {
    let t = s.trim();
    if matches!(t, "}" | "};" | "}." | "{") || t.ends_with('{') {
        return true;
    }
    t.len() <= 60
        && t.ends_with(';')
        && t.contains(':')
        && t.split_whitespace().count() <= 3
        && t.starts_with(|c: char| c.is_ascii_lowercase() || c == '.' || c == '#')
}

/// Whether the paragraph is a single junk line.
pub(crate) fn is_junk_line(p: &str) -> bool {
    if p.len() > JUNK_LINE_MAX {
        return false;
    }
    if !p.chars().any(char::is_alphanumeric) || is_css(p) {
        return true;
    }
    let n = normalise(p);
    let needles = junk_needles();
    if needles.is_exact(&n) || JUNK_STARTS.starts(&n) {
        return true;
    }
    if let Some(rest) = n.strip_prefix("copyright") {
        let rest = rest.trim_start();
        if rest.starts_with(['©', '1', '2']) || rest.starts_with("(c)") || n.contains("reserved") {
            return true;
        }
    }
    if n.starts_with("follow ")
        && n.len() <= 160
        && [
            " on twitter",
            " on facebook",
            " on instagram",
            " on x ",
            "@",
        ]
        .iter()
        .any(|s| n.contains(s))
    {
        return true;
    }
    // The phrases first: few lines hold one, and looking for them costs less than looking
    // for quotation marks in every line. One search tells the lines that hold none of them
    // (nor "sign up for"); the few others are looked at again.
    needles.has_phrase_or_sign_up(&n)
        && (needles.has_junk_phrase(&n) || (n.contains(SIGN_UP) && n.contains("newsletter")))
        && !has_quote_marks(p)
}

/// With "newsletter" in the same line, a junk phrase.
const SIGN_UP: &str = "sign up for";

/// The junk and tail marker lists as sets and automata, built once: a short paragraph is
/// looked up once instead of compared with each of some 220 phrases.
struct JunkNeedles {
    /// [`JUNK_EXACT`].
    exact: FxHashSet<&'static str>,
    /// The length of the longest of [`JUNK_EXACT`]: a longer line is none of them.
    exact_max: usize,
    /// [`JUNK_CONTAINS`].
    phrases: Needles,
    /// [`JUNK_CONTAINS`] and [`SIGN_UP`].
    phrases_or_sign_up: Needles,
    /// [`TAIL_EXACT`].
    tail_exact: FxHashSet<&'static str>,
}

/// [`JUNK_PREFIXES`] by their first bytes (in a normalised line, the lower case ones).
static JUNK_STARTS: PrefixSet = PrefixSet::new(JUNK_PREFIXES);

impl JunkNeedles {
    /// Whether the normalised line `n` is one of [`JUNK_EXACT`].
    fn is_exact(&self, n: &str) -> bool {
        n.len() <= self.exact_max && self.exact.contains(n)
    }

    /// Whether the normalised line `n` holds one of [`JUNK_CONTAINS`].
    fn has_junk_phrase(&self, n: &str) -> bool {
        self.phrases.is_match(n.as_bytes())
    }

    /// Whether the normalised line `n` holds one of [`JUNK_CONTAINS`] or [`SIGN_UP`].
    fn has_phrase_or_sign_up(&self, n: &str) -> bool {
        self.phrases_or_sign_up.is_match(n.as_bytes())
    }
}

fn junk_needles() -> &'static JunkNeedles {
    static NEEDLES: OnceLock<JunkNeedles> = OnceLock::new();
    NEEDLES.get_or_init(|| JunkNeedles {
        exact: JUNK_EXACT.iter().copied().collect(),
        exact_max: JUNK_EXACT.iter().map(|e| e.len()).max().unwrap_or(0),
        phrases: Needles::new(JUNK_CONTAINS),
        phrases_or_sign_up: Needles::new(&[JUNK_CONTAINS, &[SIGN_UP]].concat()),
        tail_exact: TAIL_EXACT.iter().copied().collect(),
    })
}

/// Exact tail markers (normalised).
const TAIL_EXACT: &[&str] = &[
    "top stories",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "post comment",
    "post your comment",
    "add a comment",
    "add comment",
    "write a comment",
    "join the conversation",
    "join the discussion",
    "disclaimer",
    "related stories",
    "related articles",
    "related news",
    "related posts",
    "related reading",
    "related links",
    "more stories",
    "more news",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended reading",
    "trending",
    "trending now",
    "trending stories",
    "trending news",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "we recommend",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "popular stories",
    "also read",
    "latest news",
    "latest stories",
    "don't miss",
    "what others are reading",
    "around the web",
    "from the web",
    "sponsored stories",
    "promoted stories",
];

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

/// Whether the paragraph is a strong end-of-article marker (a short line of its own).
pub(crate) fn is_tail_marker(p: &str) -> bool {
    if p.len() > 60 {
        return false;
    }
    let n = normalise(p);
    if junk_needles().tail_exact.contains(n.as_str()) {
        return true;
    }
    // "Comments (12)", "Comments: 12", "12 Comments", "Show comments (3)".
    let counted = n
        .strip_prefix("comments")
        .or_else(|| n.strip_prefix("show comments"))
        .or_else(|| n.strip_prefix("view comments"))
        .map(|r| r.trim_matches(|c: char| c.is_whitespace() || "():[]".contains(c)));
    if counted.is_some_and(is_digits) {
        return true;
    }
    let count_first = n
        .strip_suffix(" comments")
        .or_else(|| n.strip_suffix(" comment"));
    if count_first.is_some_and(|r| is_digits(r.trim())) {
        return true;
    }
    // "You have 2000 characters left" / "remaining".
    if let Some(r) = n.strip_prefix("you have ") {
        let r = r
            .strip_suffix(" characters left")
            .or_else(|| r.strip_suffix(" characters remaining"));
        if r.is_some_and(is_digits) {
            return true;
        }
    }
    // "More from Daijiworld", "More From Politico".
    n.starts_with("more from ") && !has_quote_marks(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// The lines of the bundled corpus, and a few with typographic marks and letters whose
    /// lower case is not one character or depends on the word ("İ", "Σ").
    fn sample_lines() -> Vec<String> {
        let mut lines: Vec<String> = crate::test_support::corpus_texts()
            .iter()
            .flat_map(|t| t.lines().map(str::to_string))
            .collect();
        lines.extend(
            [
                "“Related:”",
                "• FOLLOW US ON TWITTER ›",
                "It’s ‘here’ and «there» „now” 'then'",
                "don't",
                "'lead",
                "ΟΔΥΣΣΕΥΣ ΣΑΣ ΣΟΦΟΣ Σ",
                "İSTANBUL — ẞ Ǆ Ω K Å ﬁ",
                "Café  Ü —",
                "",
            ]
            .map(String::from),
        );
        lines
    }

    /// The packed search finds a junk phrase where the automaton does.
    #[test]
    fn junk_phrases_found_as_by_the_automaton() {
        let needles = junk_needles();
        let automaton = AhoCorasick::new(JUNK_CONTAINS).unwrap();
        let mut lines: Vec<String> = sample_lines()
            .iter()
            .map(|l| normalise_reference(l))
            .collect();
        for phrase in JUNK_CONTAINS {
            lines.extend([
                phrase.to_string(),
                format!("x {phrase}"),
                format!("{phrase} and a line that runs on for more than forty bytes"),
                phrase[1..].to_string(),
            ]);
        }
        lines.extend([
            SIGN_UP.to_string(),
            format!("please {SIGN_UP} the newsletter"),
        ]);
        for n in &lines {
            assert_eq!(needles.has_junk_phrase(n), automaton.is_match(n), "{n}");
            assert_eq!(
                needles.has_phrase_or_sign_up(n),
                automaton.is_match(n) || n.contains(SIGN_UP),
                "{n}"
            );
        }
    }

    /// Each character, alone and between letters, is normalised as by the reference; the
    /// caseless ones are their own lower case.
    #[test]
    fn every_char_normalised_as_before() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_caseless(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
            for s in [c.to_string(), format!("Ab{c}Cd{c}")] {
                assert_eq!(normalise(&s).as_str(), normalise_reference(&s), "{c:?}");
            }
        }
    }

    /// The byte loop and the ASCII / one-pass lower-casing give what the char loop and
    /// `to_lowercase().replace(..)` gave.
    #[test]
    fn quote_marks_and_normalised_lines_as_before() {
        fn has_quote_marks_chars(s: &str) -> bool {
            let mut prev = ' ';
            for c in s.chars() {
                if matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘')
                    || (c == '\'' && prev == ' ')
                {
                    return true;
                }
                prev = c;
            }
            false
        }
        for line in sample_lines() {
            assert_eq!(
                has_quote_marks(&line),
                has_quote_marks_chars(&line),
                "{line}"
            );
            for from in (0..line.len()).filter(|&i| line.is_char_boundary(i)) {
                let s = &line[from..];
                assert_eq!(has_quote_marks(s), has_quote_marks_chars(s), "{s}");
                if s.len() <= JUNK_LINE_MAX {
                    assert_eq!(normalise(s).as_str(), normalise_reference(s), "{s}");
                }
            }
        }
    }

    /// The ASCII run is where the first byte that is not ASCII is.
    #[test]
    fn ascii_runs_end_at_the_first_wide_byte() {
        for line in sample_lines() {
            for from in 0..line.len() {
                let b = &line.as_bytes()[from..];
                let slow = b.iter().position(|b| !b.is_ascii()).unwrap_or(b.len());
                assert_eq!(ascii_run(b), slow, "{line}");
            }
        }
    }

    /// Every char's lower case takes at most twice its bytes, as [`Normalised`] needs; the
    /// longest normalised line fits.
    #[test]
    fn lower_case_at_most_twice_as_long() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(lower <= 2 * c.len_utf8(), "{c:?}");
        }
        let widest = "\u{130}".repeat(JUNK_LINE_MAX / 2);
        assert_eq!(normalise(&widest).as_str(), widest.to_lowercase());
    }

    /// Junk lines as the lists tell them: a line that is or starts with a listed one is junk;
    /// a speech-like line is junk only then (unless it starts with "copyright" or "follow").
    #[test]
    fn junk_lines_as_by_the_lists() {
        for line in sample_lines() {
            for from in (0..line.len()).filter(|&i| line.is_char_boundary(i)) {
                let p = &line[from..];
                if p.len() > JUNK_LINE_MAX {
                    continue;
                }
                let n = normalise_reference(p);
                let listed = JUNK_EXACT.contains(&n.as_str())
                    || JUNK_PREFIXES.iter().any(|pre| n.starts_with(pre));
                if listed {
                    assert!(is_junk_line(p), "{p}");
                } else if p.chars().any(char::is_alphanumeric)
                    && !is_css(p)
                    && !n.starts_with("copyright")
                    && !n.starts_with("follow ")
                    && has_quote_marks(p)
                {
                    assert!(!is_junk_line(p), "{p}");
                }
            }
        }
    }

    /// [`normalise`] as it was: the same trims, then `to_lowercase` and `replace`.
    fn normalise_reference(s: &str) -> String {
        let s = s.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '•' | '·' | '»' | '›' | '>' | '|' | '-' | '–' | '—' | '*' | '#'
                )
        });
        let s = s.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ':' | ';' | '!' | '»' | '›' | '>' | '|' | '•' | '…' | '-'
                )
        });
        let s = match (s.chars().next(), s.chars().next_back()) {
            (Some('"' | '“'), Some('"' | '”')) if s.len() <= 40 && s.len() > 2 => {
                let inner = &s[s.chars().next().map_or(1, char::len_utf8)
                    ..s.len() - s.chars().next_back().map_or(1, char::len_utf8)];
                inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | ';'))
            }
            _ => s,
        };
        s.to_lowercase().replace('’', "'")
    }

    #[test]
    fn junk_lines() {
        for p in [
            "Share this article",
            "Share on Facebook",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing",
            "Click here to read more.",
            "Advertisement",
            "ADVERTISEMENT",
            "Read more: Trump wins Iowa",
            "READ MORE",
            "Related:",
            "\"Related:\"",
            "Follow us on Twitter",
            "Follow Pam Key on Twitter @pamkeyNEN.",
            "Copyright 2017 The Associated Press. All rights reserved.",
            "© 2017 Daijiworld",
            "All rights reserved.",
            "Comments",
            "Print",
            "Email",
            "___.",
            "* * *",
            "width:100%;",
            ".gmobile {",
            "}",
            "TWITTER.",
            "X.",
            "For more, sign up for the What’s Working newsletter.",
            "Disclaimer: This story is auto-generated from a syndicated feed.",
            "Twitter: @Milbank.",
        ] {
            assert!(is_junk_line(p), "{p}");
        }
        for p in [
            "Copyright law experts said the ruling was wrong.",
            "Comments from the senator drew criticism.",
            "\"Click here to donate,\" the email said.",
            "The printer was broken, she said.",
            "He urged followers to share the video.",
            "\"Related: it is all connected,\" he said.",
        ] {
            assert!(!is_junk_line(p), "{p}");
        }
    }

    #[test]
    fn tail_markers() {
        for p in [
            "Top Stories",
            "TOP STORIES.",
            "Leave a Comment",
            "Post a comment",
            "Comments (12)",
            "12 Comments",
            "You have 2000 characters left.",
            "Disclaimer:",
            "Related Stories",
            "Related Articles",
            "More from Daijiworld",
            "Recommended",
            "Trending",
            "You may also like",
            "Most Popular",
            "Also Read",
        ] {
            assert!(is_tail_marker(p), "{p}");
        }
        for p in [
            "Comments",
            "The comments were posted on Facebook.",
            "Readers left a comment on the story, saying they disagreed.",
            "You have to see this.",
            "Trending topics included the debate, officials said.",
        ] {
            assert!(!is_tail_marker(p), "{p}");
        }
    }
}
