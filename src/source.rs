//! The source publication of a quote: the medium where the speaker said or published it,
//! who relayed it, and the article's own publisher.
//!
//! Looked for in the attribution's sentence outside its content:
//! - medium: "in a commentary published in the New York Times" → The New York Times;
//!   "in an interview with CNN" → CNN; "told Reuters" → Reuters; "on Twitter", "wrote on X",
//!   "in a tweet" → the platform; "in a statement" → statement (the genre when no outlet is
//!   named); "in the article" (definite) → the medium named last in the document;
//! - relay: a news outlet that "reported", "said" or "quoted" next to the speaker's frame
//!   ("Xinhua reported"), "according to (a report by) Reuters", "as reported by AP".

use std::ops::Range;

use crate::grammar::lexicon;
use crate::grammar::mention::{MentionKind, mention_at};
use crate::grammar::words::{self, ASCII_ALNUM, Token, is_word_char};

/// Medium and relay of one quote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// Where the speaker said or published it.
    pub medium: Option<String>,
    /// Who relayed it.
    pub reported_by: Option<String>,
}

/// Genres of the place where something is said or published.
const GENRES: &[&str] = &[
    "statement",
    "interview",
    "commentary",
    "op-ed",
    "oped",
    "column",
    "article",
    "essay",
    "piece",
    "editorial",
    "letter",
    "speech",
    "address",
    "tweet",
    "post",
    "blog",
    "email",
    "e-mail",
    "memo",
    "video",
    "podcast",
    "broadcast",
    "briefing",
    "press",
    "news",
    "conference",
    "report",
    "release",
    "message",
    "note",
    "book",
    "memoir",
    "remarks",
    "appearance",
    "testimony",
    "hearing",
    "rally",
    "debate",
    "radio",
    "television",
    "show",
    "documentary",
    "filing",
    "posting",
    "newsletter",
    "announcement",
    "opinion",
];

/// The sources of a document's quotes, found one attribution after the other: it carries the
/// document's latest named medium (for anaphoric "in the article") and the word tokens of a
/// sentence with the indices of those that may be keywords (`may_be_keyword`), in buffers
/// reused from one sentence to the next.
#[derive(Debug, Default)]
pub struct Sources {
    last_medium: Option<String>,
    words: Vec<Token>,
    keys: Vec<usize>,
}

impl Sources {
    /// Finds medium and relay in `sentence` outside the `content` ranges.
    pub fn find(&mut self, text: &str, sentence: Range<usize>, content: &[Range<usize>]) -> Source {
        let mut src = Source::default();
        // The pieces between the content ranges are scanned in text order; an empty range at
        // the sentence's end closes the last piece.
        let mut pos = sentence.start;
        let end = sentence.end..sentence.end;
        for c in content.iter().chain(std::iter::once(&end)) {
            if c.start > pos {
                let piece = pos..c.start.min(sentence.end);
                word_tokens(text, piece.clone(), &mut self.words, &mut self.keys);
                scan(
                    text,
                    &self.words,
                    &self.keys,
                    piece.end,
                    &mut src,
                    &self.last_medium,
                );
            }
            pos = pos.max(c.end);
        }
        if src
            .medium
            .as_ref()
            .is_some_and(|m| m.starts_with(char::is_uppercase))
        {
            self.last_medium = src.medium.clone();
        }
        src
    }
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.start..t.end]
}

/// The word tokens of `text[range]` into `out`, and the indices of those that [may be
/// keywords](may_be_keyword) into `keys` (both cleared first): the tokens of
/// [`tokens`](crate::grammar::words::tokens) that are words, found without building the
/// others (a word starts at each word character that no word before covers). The keywords
/// are told here, while the word's bytes are at hand, so that [`scan`] goes through them only.
///
/// A run of ASCII letters and digits followed by an ASCII byte that joins no word (`'` and
/// `-` do) is a whole word as [`words::word`] reads it (a period ends it, as a space does):
/// most words, measured here a byte at a time. The others (non-ASCII letters, joiners) are
/// left to [`words::word`].
fn word_tokens(text: &str, range: Range<usize>, out: &mut Vec<Token>, keys: &mut Vec<usize>) {
    out.clear();
    keys.clear();
    let piece = &text.as_bytes()[range.clone()];
    let mut push = |start: usize, end: usize| {
        if may_be_keyword(&piece[start..end]) {
            keys.push(out.len());
        }
        out.push(Token {
            start: range.start + start,
            end: range.start + end,
            is_word: true,
        });
    };
    let mut i = 0;
    while i < piece.len() {
        let b = piece[i];
        if ASCII_ALNUM[usize::from(b)] {
            let mut n = i + 1;
            while n < piece.len() && ASCII_ALNUM[usize::from(piece[n])] {
                n += 1;
            }
            match piece.get(n) {
                Some(&x) if !x.is_ascii() || matches!(x, b'\'' | b'-') => {}
                after => {
                    push(i, n);
                    // The ASCII byte after the word, a space or punctuation, starts no word.
                    i = n + usize::from(after.is_some());
                    continue;
                }
            }
        } else if b.is_ascii() {
            // Spaces and punctuation between words, as most bytes that start no word are.
            i += 1;
            continue;
        } else if !text[range.start + i..]
            .chars()
            .next()
            .is_some_and(is_word_char)
        {
            i += utf8_len(b);
            continue;
        }
        match word_len(&text[range.start + i..range.end]) {
            Some(len) => {
                push(i, i + len);
                i += len;
            }
            None => i += utf8_len(b),
        }
    }
}

/// The length of the word of [`words::word`] at the start of `rest`.
fn word_len(rest: &str) -> Option<usize> {
    let (after, _) = words::word(rest).ok()?;
    Some(rest.len() - after.len())
}

/// The length of the UTF-8 character whose first byte is `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xE0 => 1 + usize::from(b >= 0xC0),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// A word lower-cased (ASCII letters only) on the stack, to compare with the keywords of
/// [`scan`] without allocating: a word longer than every keyword is kept empty, which equals
/// none of them.
struct Key {
    bytes: [u8; Key::MAX],
    len: usize,
}

impl Key {
    /// Longer than the longest keyword ("announcement").
    const MAX: usize = 16;

    fn new(word: &str) -> Key {
        let mut key = Key {
            bytes: [0; Key::MAX],
            len: 0,
        };
        if word.len() <= Key::MAX {
            for (k, b) in key.bytes.iter_mut().zip(word.bytes()) {
                *k = b.to_ascii_lowercase();
            }
            key.len = word.len();
        }
        key
    }

    /// The lower-cased word (empty for a long one).
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// `w` is one of the genres.
fn genre(w: &[u8]) -> Option<&'static str> {
    GENRES.iter().copied().find(|g| g.as_bytes() == w)
}

/// Whether a word may be one of the keywords that [`scan`] acts on, told by its first two
/// letters in either case: most words open as none does ("the", "said", "he"), and are passed
/// over without their [`Key`].
fn may_be_keyword(w: &[u8]) -> bool {
    let [first, second, ..] = *w else {
        return false;
    };
    matches!(
        &[first | 0x20, second | 0x20],
        // in, interviewed; on; during; via; told; tell(s|ing); tweet(s|ed|ing); according;
        // report(s|ed|ing); quoted; cited.
        b"in" | b"on" | b"du" | b"vi" | b"to" | b"te" | b"tw" | b"ac" | b"re" | b"qu" | b"ci"
    )
}

/// Finds medium and relay in the word tokens `toks` of a piece that ends at `limit`, at the
/// tokens `keys` (ascending) that may be keywords.
fn scan(
    text: &str,
    toks: &[Token],
    keys: &[usize],
    limit: usize,
    src: &mut Source,
    last_medium: &Option<String>,
) {
    for &i in keys {
        let key = Key::new(word(text, &toks[i]));
        let w = key.as_bytes();
        let next = |k: usize| toks.get(i + k).map(|t| Key::new(word(text, t)));
        match w {
            // in a commentary (published) in the New York Times; in an interview with CNN
            b"in" | b"on" | b"during" | b"via" => {
                if src.medium.is_none()
                    && let Some(p) = outlet_at(text, toks.get(i + 1), limit)
                {
                    src.medium = Some(p);
                    continue;
                }
                let det = next(1);
                let genre_word = next(2);
                if let (Some(det), Some(genre_word)) = (&det, &genre_word)
                    && is_det(det.as_bytes())
                    && let Some(g) = genre(genre_word.as_bytes())
                {
                    // An outlet later in the phrase: "published in X", "with CNN", "on Twitter".
                    let outlet = toks[i + 3..]
                        .iter()
                        .take(6)
                        .enumerate()
                        .filter(|(k, _)| {
                            matches!(
                                Key::new(word(text, &toks[i + 3 + k])).as_bytes(),
                                b"in" | b"on" | b"with" | b"to" | b"by" | b"for"
                            )
                        })
                        .find_map(|(k, _)| outlet_at(text, toks.get(i + 4 + k), limit));
                    if let Some(o) = outlet {
                        src.medium.get_or_insert(o);
                    } else if matches!(det.as_bytes(), b"the" | b"that" | b"this")
                        && last_medium.is_some()
                        && !matches!(g, "statement")
                    {
                        src.medium
                            .get_or_insert(last_medium.clone().unwrap_or_default());
                    } else if matches!(g, "tweet") {
                        src.medium.get_or_insert("Twitter".into());
                    } else if !matches!(g, "report" | "news" | "press" | "conference" | "note") {
                        src.medium.get_or_insert(g.to_string());
                    }
                }
            }
            b"told" | b"tells" | b"telling" | b"tell" | b"interviewed" => {
                if let Some(o) =
                    outlet_at(text, toks.get(i + 1), limit).filter(|o| lexicon::is_news_outlet(o))
                {
                    src.medium.get_or_insert(o);
                }
            }
            b"tweeted" | b"tweets" | b"tweeting" | b"tweet" if i > 0 => {
                src.medium.get_or_insert("Twitter".into());
            }
            b"according" if next(1).is_some_and(|k| k.as_bytes() == b"to") => {
                // according to (a report by|in|from) OUTLET
                let mut k = i + 2;
                if next(2).is_some_and(|k| is_det(k.as_bytes()))
                    && next(3).is_some_and(|g| genre(g.as_bytes()).is_some())
                {
                    k = i + 5;
                }
                if let Some(o) =
                    outlet_at(text, toks.get(k), limit).filter(|o| lexicon::is_news_outlet(o))
                {
                    src.reported_by.get_or_insert(o);
                }
            }
            b"reported" | b"reports" | b"reporting" | b"quoted" | b"cited" => {
                if w == b"reported" && i > 0 && word(text, &toks[i - 1]).eq_ignore_ascii_case("as")
                {
                    if next(1).is_some_and(|k| k.as_bytes() == b"by")
                        && let Some(o) = outlet_at(text, toks.get(i + 2), limit)
                    {
                        src.reported_by.get_or_insert(o);
                    }
                    continue;
                }
                // OUTLET reported: the outlet ends right before the verb.
                if let Some(o) = outlet_ending_before(text, toks, i) {
                    src.reported_by.get_or_insert(o);
                }
            }
            _ => {}
        }
    }
}

fn is_det(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"his"
            | b"her"
            | b"their"
            | b"its"
            | b"that"
            | b"this"
            | b"our"
            | b"my"
    )
}

/// A news outlet or platform named at token `t` ("the New York Times", "CNN", "Twitter").
fn outlet_at(text: &str, t: Option<&Token>, limit: usize) -> Option<String> {
    let t = t?;
    let w = word(text, t);
    if let Some(p) = lexicon::platform(w)
        && (w.len() > 1 || w == "X")
    {
        return Some(p.to_string());
    }
    if !may_name_outlet(&text[t.start..limit]) {
        return None;
    }
    outlet_mention_at(text, t, limit)
}

/// The news outlet named by the mention at token `t`, read as far as `limit`.
fn outlet_mention_at(text: &str, t: &Token, limit: usize) -> Option<String> {
    let m = mention_at(text, t.start, limit)?;
    if !matches!(m.kind, MentionKind::Organization | MentionKind::Name) {
        return None;
    }
    // Keep a capitalized "The" that belongs to the title ("The Guardian").
    let name_range = m.name?;
    let from = if text[m.start..name_range.start].starts_with("The ") {
        m.start
    } else {
        name_range.start
    };
    let raw = &text[from..name_range.end];
    let name = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .unwrap_or(raw);
    if lexicon::is_news_outlet(name) {
        Some(canonical_outlet(name))
    } else {
        None
    }
}

/// The most words a phrase of [`mention_at`] holds.
const MAX_PHRASE_WORDS: usize = 16;

/// Whether the phrase at the start of `rest` may name a news outlet of
/// [`lexicon::is_news_outlet`]: one of its words is an [outlet word](lexicon::is_outlet_word).
/// Most phrases after "in" or "on" hold none ("in the morning", "on Monday", "in Washington")
/// and are turned away without reading them as a mention.
///
/// The phrase that [`mention_at`] reads is of at most [`MAX_PHRASE_WORDS`] words, initials
/// and possessives (word characters, apostrophes, hyphens, periods) with spaces between them:
/// it ends at any other character. Its words are the runs between the spaces, each tested as
/// written and without a possessive mark or a period after it (where a name may end).
fn may_name_outlet(rest: &str) -> bool {
    let b = rest.as_bytes();
    let (mut word_start, mut words, mut i) = (0, 0, 0);
    while words < MAX_PHRASE_WORDS {
        // The space after the word that runs from `word_start` to `i`, or the phrase's end.
        let (space, ends) = match b.get(i) {
            None => (0, true),
            Some(b' ') => (1, false),
            Some(x) if x.is_ascii_alphanumeric() || matches!(x, b'.' | b'\'' | b'-') => {
                i += 1;
                continue;
            }
            Some(x) if x.is_ascii() => (0, true),
            Some(_) => match rest[i..].chars().next() {
                Some('\u{a0}') => (2, false),
                Some(c) if is_word_char(c) || matches!(c, '’' | '‑') => {
                    i += c.len_utf8();
                    continue;
                }
                _ => (0, true),
            },
        };
        if i > word_start {
            words += 1;
            if is_outlet_word(&rest[word_start..i]) {
                return true;
            }
        }
        if ends {
            return false;
        }
        i += space;
        word_start = i;
    }
    false
}

/// Whether the word `w` of a phrase, or `w` without a possessive mark or a period after it, is
/// an [outlet word](lexicon::is_outlet_word).
fn is_outlet_word(w: &str) -> bool {
    let bare = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
        .trim_end_matches(['\'', '’', '.']);
    lexicon::is_outlet_word(w) || bare.len() < w.len() && lexicon::is_outlet_word(bare)
}

/// The outlet whose last word is token `i - 1` ("Xinhua reported", "The Associated Press reported").
fn outlet_ending_before(text: &str, toks: &[Token], i: usize) -> Option<String> {
    let end = toks.get(i.checked_sub(1)?)?.end;
    (i.saturating_sub(4)..i).find_map(|k| {
        let m = mention_at(text, toks[k].start, end)?;
        let name = &text[m.name.clone()?];
        (m.end == end && m.kind == MentionKind::Organization && lexicon::is_news_outlet(name))
            .then(|| canonical_outlet(name))
    })
}

/// "New York Times" → "The New York Times"; other outlets as written.
pub fn canonical_outlet(name: &str) -> String {
    let bare = name.strip_prefix("the ").unwrap_or(name);
    if !bare.starts_with("The ")
        && bare
            .rsplit(' ')
            .next()
            .is_some_and(lexicon::is_newspaper_head)
    {
        format!("The {bare}")
    } else {
        bare.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(t: &str, content: Range<usize>) -> Source {
        Sources::default().find(t, 0..t.len(), &[content])
    }

    #[test]
    fn commentary_in_newspaper_relayed() {
        let t = "\"Q,\" wrote Tillerson in a commentary published in the New York Times, Xinhua reported on Thursday.";
        let s = src(t, 0..4);
        assert_eq!(s.medium.as_deref(), Some("The New York Times"));
        assert_eq!(s.reported_by.as_deref(), Some("Xinhua"));
    }

    #[test]
    fn platforms_and_genres() {
        assert_eq!(
            src("\"Q,\" she wrote on X.", 0..4).medium.as_deref(),
            Some("X")
        );
        assert_eq!(
            src("\"Q,\" he said in a statement.", 0..4)
                .medium
                .as_deref(),
            Some("statement")
        );
        assert_eq!(
            src("\"Q,\" he told Reuters.", 0..4).medium.as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            src("\"Q,\" he said in an interview with CNN.", 0..4)
                .medium
                .as_deref(),
            Some("CNN")
        );
    }

    #[test]
    fn word_tokens_as_the_tokenizer_gives_them() {
        let texts = crate::test_support::corpus_texts_and(&[
            "",
            "é",
            "a",
            "don’t stop—the U.S.-led al-Assad's 54-year-old ‑x «Ça» 北京 \u{a0}x\u{2019}",
            "ends with a joiner-",
            "x’",
        ]);
        let (mut got, mut keys) = (Vec::new(), Vec::new());
        for t in &texts {
            let mut ranges = Vec::from([0..t.len(), t.len()..t.len()]);
            let mut start = 0;
            for (i, _) in t.match_indices(['\n', ',', '"', '’']) {
                ranges.push(start..i);
                start = i;
            }
            ranges.push(start..t.len());
            for r in ranges {
                let before: Vec<Token> = crate::grammar::words::tokens(t, r.clone())
                    .into_iter()
                    .filter(|t| t.is_word)
                    .collect();
                word_tokens(t, r, &mut got, &mut keys);
                assert_eq!(got, before);
                let may_be_keys: Vec<usize> = (0..got.len())
                    .filter(|&k| may_be_keyword(word(t, &got[k]).as_bytes()))
                    .collect();
                assert_eq!(keys, may_be_keys);
            }
        }
    }

    #[test]
    fn keys_hold_every_keyword() {
        let longest = GENRES.iter().map(|g| g.len()).max().unwrap();
        assert!(longest <= Key::MAX && "interviewed".len() <= Key::MAX);
        assert_eq!(Key::new("Interviewed").as_bytes(), b"interviewed");
        assert_eq!(Key::new("ÉTAT").as_bytes(), "État".as_bytes());
        assert_eq!(Key::new(&"x".repeat(Key::MAX + 1)).as_bytes(), b"");
    }

    /// Every keyword that [`scan`] acts on passes [`may_be_keyword`], in any case of its
    /// letters: as written in the corpus, and in the usual spellings.
    #[test]
    fn keywords_pass_the_opening_test() {
        const KEYWORDS: &[&str] = &[
            "in",
            "on",
            "during",
            "via",
            "told",
            "tells",
            "telling",
            "tell",
            "interviewed",
            "tweeted",
            "tweets",
            "tweeting",
            "tweet",
            "according",
            "reported",
            "reports",
            "reporting",
            "quoted",
            "cited",
        ];
        let mut words: Vec<String> = KEYWORDS
            .iter()
            .flat_map(|k| crate::test_support::spellings(k))
            .chain(["iN", "DuRiNg", "ReporTS"].map(String::from))
            .collect();
        let (mut toks, mut keys) = (Vec::new(), Vec::new());
        for t in crate::test_support::corpus_texts() {
            word_tokens(&t, 0..t.len(), &mut toks, &mut keys);
            words.extend(toks.iter().map(|tok| word(&t, tok).to_string()));
        }
        let mut found = 0;
        for w in &words {
            let key = Key::new(w);
            if KEYWORDS.iter().any(|k| k.as_bytes() == key.as_bytes()) {
                found += 1;
                assert!(may_be_keyword(w.as_bytes()), "{w}");
            }
        }
        assert!(found > 100, "{found}");
        assert!(!may_be_keyword(b"said") && !may_be_keyword(b"i") && !may_be_keyword(b""));
    }

    /// [`outlet_at`] finds at every word what it finds without [`may_name_outlet`], which
    /// turns away most of them.
    #[test]
    fn outlets_found_as_without_the_outlet_word_test() {
        let texts = crate::test_support::corpus_texts_and(&[
            "according to dpa, in the morning",
            "on twitter and in the new york times, via the Times's site",
            "in state media Xinhua and on Radio Seine’s show; in the Ravnsund Herald",
            "in the morning, Reuters said; on U.S.-based Fox News' site (CNN) and AP.",
            "in the New\u{a0}York Times—and in Agence France-Presse’s wire",
        ]);
        let (mut toks, mut keys) = (Vec::new(), Vec::new());
        let (mut found, mut turned_away) = (0, 0);
        for t in &texts {
            let mut start = 0;
            for (end, _) in t.match_indices(['\n', ',', '"']).chain([(t.len(), "")]) {
                word_tokens(t, start..end, &mut toks, &mut keys);
                for tok in &toks {
                    let got = outlet_at(t, Some(tok), end);
                    if lexicon::platform(word(t, tok)).is_none() {
                        let before = outlet_mention_at(t, tok, end);
                        assert_eq!(got, before, "{:?}", &t[tok.start..end]);
                    }
                    found += usize::from(got.is_some());
                    turned_away += usize::from(!may_name_outlet(&t[tok.start..end]));
                }
                start = end;
            }
        }
        assert!(found > 100 && turned_away > 10_000, "{found} {turned_away}");
    }

    #[test]
    fn according_to_a_report() {
        let t = "The plant will close, according to a report by Reuters.";
        assert_eq!(src(t, 0..20).reported_by.as_deref(), Some("Reuters"));
    }
}
