//! Speaker mentions: pronouns, names with titles and roles, descriptions and organizations.
//!
//! The grammar reads a noun phrase forward from a word start with the word parsers of
//! [`super::words`]:
//!
//! ```text
//! mention     := pronoun | phrase (PP)?
//! phrase      := determiner? modifier* head
//! modifier    := capitalized word | initial | number | role word ("former", "press")
//!                | any word after a determiner
//! head        := proper name | organization name | person or role noun
//! PP          := (of | for | at | from | with | in) determiner? modifier* head
//! ```
//!
//! The phrase is then classified: a trailing run of capitalized words that are not titles is
//! a person's name ("US Secretary of State **Rex Tillerson**"); a capitalized run with an
//! organization head word is an organization ("the **Russian Foreign Ministry**"); a phrase
//! ending in a common noun is a description ("the top US diplomat", "a spokeswoman").
//!
//! Each token is looked up once, when it is read, in one map of every word list the grammar
//! asks about (a bit per list); the rules then test bits. The cue lexicon's answers (is it a
//! verb form?) are looked up the first time a rule asks, and kept with the token.

use std::cell::Cell;
use std::ops::Range;

use arrayvec::ArrayVec;

use super::lexicon::{self, Gender, LetterPairs, WordClasses, WordSet};
use super::words::{plain_ascii_word_len, word_or_initial};

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// he, she, they, we, I, it, you.
    Pronoun,
    /// A person's name, maybe with titles ("President Barack Obama").
    Name,
    /// A description ("the top US diplomat", "a spokeswoman for the ministry").
    Description,
    /// An organization ("the Russian Foreign Ministry", "Acme Corp").
    Organization,
}

/// A speaker mention found in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Start of the mention as written.
    pub start: usize,
    /// End of the mention (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: MentionKind,
    /// The proper-name part: "Rex Tillerson" in "US Secretary of State Rex Tillerson", the
    /// organization's name without its article.
    pub name: Option<Range<usize>>,
    /// The title and role words before the name ("US Secretary of State").
    pub role: Option<Range<usize>>,
    /// The head noun of a description ("diplomat").
    pub head: Option<Range<usize>>,
    /// True for descriptions with a definite article ("the minister").
    pub definite: bool,
    /// Gender evidence carried by the mention itself (Mr, Ms, spokeswoman, he, she).
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Det,
    Cap,
    Lower,
    Num,
    Prep,
    And,
}

impl Class {
    /// The bit of the class in a set of classes ([`classes_of`]).
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The classes of the tokens of `toks`, a bit each ([`Class::bit`]): read in one pass, they
/// spare [`classify_phrase`] its searches for a class that the phrase does not hold (most
/// phrases are a name or a title and a name).
fn classes_of(toks: &[Tok]) -> u8 {
    toks.iter().fold(0, |classes, t| classes | t.class.bit())
}

#[derive(Debug, Clone)]
struct Tok<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    class: Class,
    /// The word lists that hold the token.
    lists: Lists,
    /// The cue lexicon's facts, looked up when first asked for.
    verb_facts: VerbFacts,
    /// Whether the token holds a hyphen ("Sixty-six"): known when it is read, so that the
    /// rules that ask whether it is a number word do not search it again.
    hyphenated: bool,
}

/// The word lists of the grammar, one bit each, looked up once per token ([`TOKEN_LISTS`]).
const STOPWORD: u32 = 1;
const PRONOUN: u32 = 1 << 1;
const NUMBER: u32 = 1 << 2;
const TITLE: u32 = 1 << 3;
const PERSON_NOUN: u32 = 1 << 4;
const ORG_HEAD: u32 = 1 << 5;
const COMPANY_HEAD: u32 = 1 << 6;
const OPENER: u32 = 1 << 7;
const ROLE_ADJECTIVE: u32 = 1 << 8;
const LONE_QUANTIFIER: u32 = 1 << 9;
const DETERMINER: u32 = 1 << 10;
const QUALIFIER: u32 = 1 << 11;
const AMOUNT: u32 = 1 << 12;
const MALE_HONORIFIC: u32 = 1 << 13;
const FEMALE_HONORIFIC: u32 = 1 << 14;
const MALE_NOUN: u32 = 1 << 15;
const FEMALE_NOUN: u32 = 1 << 16;
const CLAUSE_WORD: u32 = 1 << 17;
const PREPOSITION: u32 = 1 << 18;
const AND: u32 = 1 << 19;
const POSTMODIFIER: u32 = 1 << 20;

/// Every word list the grammar asks about a token, in one map: a token is looked up once
/// (twice when it ends with a period or an apostrophe), where the predicates of [`lexicon`]
/// would look it up once per list.
static TOKEN_LISTS: WordClasses = WordClasses::unfiltered(LISTS);

/// The letter pairs of the words of [`TOKEN_LISTS`], built at compile time: they turn away
/// most names ("Tillerson", "Trump") in a few instructions, before the map is asked.
static TOKEN_SHAPES: LetterPairs = LetterPairs::of_lists(LISTS);

/// The bits of the lists of [`TOKEN_LISTS`] that hold `w`, 0 for none.
#[inline(always)]
fn token_lists(w: &str) -> u32 {
    if TOKEN_SHAPES.may_hold(w.as_bytes()) {
        TOKEN_LISTS.of(w)
    } else {
        0
    }
}

/// The lists of [`TOKEN_LISTS`] with their bits.
const LISTS: &[(u32, &[&str])] = &[
    (STOPWORD, lexicon::STOPWORDS),
    (STOPWORD, lexicon::WEEKDAYS),
    (PRONOUN, lexicon::PRONOUNS),
    (NUMBER, NUMBERS),
    (TITLE, lexicon::TITLES),
    (PERSON_NOUN, lexicon::PERSON_NOUNS),
    (ORG_HEAD, lexicon::ORG_HEADS),
    (COMPANY_HEAD, lexicon::COMPANY_HEADS),
    (OPENER, CLAUSE_OPENERS),
    (ROLE_ADJECTIVE, ROLE_ADJECTIVES),
    (LONE_QUANTIFIER, LONE_QUANTIFIERS),
    (DETERMINER, lexicon::DETERMINERS),
    (QUALIFIER, QUALIFIERS),
    (AMOUNT, AMOUNTS),
    (MALE_HONORIFIC, lexicon::MALE_HONORIFICS),
    (FEMALE_HONORIFIC, lexicon::FEMALE_HONORIFICS),
    (MALE_NOUN, lexicon::MALE),
    (FEMALE_NOUN, lexicon::FEMALE),
    (CLAUSE_WORD, &["that", "this", "these", "those"]),
    (PREPOSITION, &["of", "for", "at", "from", "with", "in"]),
    (AND, &["and"]),
    (POSTMODIFIER, POSTMODIFIERS),
];

/// The lists that hold a token, as the predicates of [`lexicon`] see it: the word as written,
/// without its trailing periods ("Mr." for titles and honorifics), without its trailing
/// apostrophes ("officials'" for person nouns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Lists {
    word: u32,
    bare: u32,
    unpossessed: u32,
}

impl Lists {
    fn of(w: &str) -> Self {
        let word = token_lists(w);
        // Only initials end with a period, and only plural possessives with an apostrophe.
        let bare = match w.as_bytes().last() {
            Some(b'.') => token_lists(w.trim_end_matches('.')),
            _ => word,
        };
        let unpossessed = match w.as_bytes().last() {
            Some(b'\'' | 0x99) if w.ends_with(['\'', '’']) => {
                token_lists(w.trim_end_matches(['\'', '’']))
            }
            _ => word,
        };
        Lists {
            word,
            bare,
            unpossessed,
        }
    }

    /// [`Lists::of`] a plain ASCII word ([`plain_ascii_word_len`]): it ends with neither a
    /// period nor an apostrophe, so that it is looked up once, as written. Inlined where a
    /// token is read, as [`read_token`] is: out of line, its call cost more than the letter
    /// pairs of [`token_lists`] save.
    #[inline(always)]
    fn of_plain(w: &str) -> Self {
        let word = token_lists(w);
        Lists {
            word,
            bare: word,
            unpossessed: word,
        }
    }
}

/// Whether a token is a form of a cue verb, looked up the first time a rule asks: [`longest`]
/// classifies every prefix of a phrase, and the rules ask again about the same words.
#[derive(Debug, Clone, Default)]
struct VerbFacts {
    /// The facts looked up so far (one bit each).
    known: Cell<u8>,
    /// Their values.
    value: Cell<u8>,
}

const PAST_FORM: u8 = 1;
const VERB: u8 = 1 << 1;

impl<'t> Tok<'t> {
    /// The token `word`, which starts at byte `start` of the text (the word is sliced once,
    /// by the reader that found it).
    fn new(start: usize, word: &'t str, class: Class, lists: Lists) -> Self {
        // Byte by byte: the words are short, and `contains` calls `memchr`.
        let hyphenated = word.bytes().any(|b| b == b'-');
        Tok::with_hyphens(start, word, class, lists, hyphenated)
    }

    /// [`Tok::new`] for a plain ASCII word ([`plain_ascii_word_len`]), which holds no hyphen:
    /// most tokens, not searched for one.
    fn plain(start: usize, word: &'t str, class: Class, lists: Lists) -> Self {
        Tok::with_hyphens(start, word, class, lists, false)
    }

    /// The token `word`, holding a hyphen when `hyphenated`.
    #[inline(always)]
    fn with_hyphens(
        start: usize,
        word: &'t str,
        class: Class,
        lists: Lists,
        hyphenated: bool,
    ) -> Self {
        Tok {
            start,
            end: start + word.len(),
            text: word,
            class,
            lists,
            verb_facts: VerbFacts::default(),
            hyphenated,
        }
    }

    /// The fact `bit` of the cue lexicon, which `lookup` tells of the token's text.
    #[inline]
    fn verb_fact(&self, bit: u8, lookup: fn(&str) -> bool) -> bool {
        let facts = &self.verb_facts;
        let known = facts.known.get();
        if known & bit != 0 {
            return facts.value.get() & bit != 0;
        }
        let v = lookup(self.text);
        facts.known.set(known | bit);
        if v {
            facts.value.set(facts.value.get() | bit);
        }
        v
    }

    /// [`lexicon::is_stopword`].
    fn stopword(&self) -> bool {
        self.lists.word & STOPWORD != 0
    }

    /// [`lexicon::is_pronoun`].
    fn pronoun(&self) -> bool {
        self.lists.word & PRONOUN != 0
    }

    /// [`is_number_word`].
    fn number_word(&self) -> bool {
        if self.hyphenated {
            is_number_word(self.text)
        } else {
            self.lists.word & NUMBER != 0
        }
    }

    /// One of the [`POSTMODIFIERS`], written in lower case ("a source familiar with").
    fn postmodifier(&self) -> bool {
        self.lists.word & POSTMODIFIER != 0 && !self.text.bytes().any(|b| b.is_ascii_uppercase())
    }

    /// [`lexicon::is_title`].
    fn title(&self) -> bool {
        self.lists.bare & TITLE != 0
    }

    /// [`lexicon::is_person_noun`].
    fn person_noun(&self) -> bool {
        self.lists.unpossessed & PERSON_NOUN != 0 || is_year_old(self.text)
    }

    /// [`lexicon::is_org_head`].
    fn org_head(&self) -> bool {
        self.lists.bare & (ORG_HEAD | COMPANY_HEAD) != 0
    }

    /// A stopword or one of the [`CLAUSE_OPENERS`] ("Given Obama's ...").
    fn clause_opener(&self) -> bool {
        self.lists.word & (STOPWORD | OPENER) != 0
    }

    fn past_form(&self) -> bool {
        self.verb_fact(PAST_FORM, crate::grammar::cue::is_past_form)
    }

    /// A form of a verb of the cue lexicon.
    fn verb(&self) -> bool {
        self.verb_fact(VERB, |w| crate::grammar::cue::verb_lemma(w).is_some())
    }

    /// One of the [`ROLE_ADJECTIVES`] ("senior officials").
    fn role_adjective(&self) -> bool {
        self.lists.word & ROLE_ADJECTIVE != 0
    }

    /// One of the [`LONE_QUANTIFIERS`] ("Several said").
    fn lone_quantifier(&self) -> bool {
        self.lists.word & LONE_QUANTIFIER != 0
    }

    /// The gender of an honorific ("Mr.") or gendered noun ("spokeswoman"):
    /// [`lexicon::honorific_gender`], else [`lexicon::noun_gender`].
    fn gender(&self) -> Option<Gender> {
        let Lists { word, bare, .. } = self.lists;
        let (female, male) = (word & FEMALE_NOUN != 0, word & MALE_NOUN != 0);
        if bare & MALE_HONORIFIC != 0 {
            Some(Gender::Male)
        } else if bare & FEMALE_HONORIFIC != 0 {
            Some(Gender::Female)
        } else if !female && !male && !matches!(self.text.as_bytes().last(), Some(b'n' | b'N')) {
            // The nouns of neither list that have a gender end with "man" or "woman".
            None
        } else {
            lexicon::noun_gender_in(self.text, female, male)
        }
    }
}

/// True for an age as a noun ("54-year-old", "the 20-year-olds'"), with its possessive mark.
fn is_year_old(w: &str) -> bool {
    // Shorter words are none: most are turned away without a search.
    if w.len() < "-year-old".len() {
        return false;
    }
    let w = w.trim_end_matches(['\'', '’']);
    w.ends_with("-year-old") || w.ends_with("-year-olds")
}

/// The most words a phrase is read for; the tokens live on the stack.
const MAX_PHRASE: usize = 16;

/// Reads into `toks` the tokens of a possible noun phrase from `pos` up to `limit` (white
/// space between words only; any punctuation but an initial's period ends the phrase). It
/// also stops before the first word that no mention can hold ([`ends_every_mention`]; a
/// determiner or a verb form after names, [`ends_every_unjoined_mention`]), unless the
/// phrase opens with a quantity (which [`quantity`] reads past function words):
/// what [`longest`] and [`mention_exact`] find is the same as with the whole phrase, for
/// less work.
#[inline(always)]
fn phrase_tokens<'t>(
    toks: &mut ArrayVec<Tok<'t>, MAX_PHRASE>,
    text: &'t str,
    pos: usize,
    limit: usize,
) {
    read_phrase(toks, text, pos, limit, true, |_| true);
}

/// The tokens of [`phrase_tokens`], into `toks` (the caller's array, not a copy); without
/// `barriers`, up to punctuation, `limit` or [`MAX_PHRASE`] words only; none when the first
/// token fails `opens` (the rest is not read).
#[inline(always)]
fn read_phrase<'t>(
    toks: &mut ArrayVec<Tok<'t>, MAX_PHRASE>,
    text: &'t str,
    pos: usize,
    limit: usize,
    barriers: bool,
    opens: impl Fn(&Tok) -> bool,
) {
    read_phrase_with(toks, text, pos, limit, barriers, opens, |p| {
        read_token(text, p, limit)
    });
}

/// [`read_phrase`] with the tokens given by `read` (the token at a position, read up to the
/// same `limit`): [`read_token`], or a cache of its answers.
#[inline(always)]
fn read_phrase_with<'t>(
    toks: &mut ArrayVec<Tok<'t>, MAX_PHRASE>,
    text: &'t str,
    pos: usize,
    limit: usize,
    barriers: bool,
    opens: impl Fn(&Tok) -> bool,
    mut read: impl FnMut(usize) -> Option<Tok<'t>>,
) {
    let mut p = pos;
    let mut phrase = PhraseRules::new(barriers);
    while p < limit && !toks.is_full() {
        let Some(tok) = read(p) else {
            break;
        };
        if !phrase.admits(toks, &tok, &opens) {
            break;
        }
        let end = tok.end;
        toks.push(tok);
        let Some(next) = next_word(text, end, limit) else {
            break;
        };
        p = next;
    }
}

/// What ends a phrase as [`read_phrase_with`] reads it, token by token.
struct PhraseRules {
    /// Whether the phrase stops at the first word that no mention can hold.
    barriers: bool,
    /// Whether a preposition was read.
    after_prep: bool,
}

impl PhraseRules {
    fn new(barriers: bool) -> Self {
        PhraseRules {
            barriers,
            after_prep: false,
        }
    }

    /// Whether `tok`, read after the tokens `before` of the phrase, is part of it: the first
    /// must pass `opens`; with barriers, none may end every mention ([`ends_every_mention`],
    /// [`ends_every_unjoined_mention`]) unless a quantity opens the phrase.
    #[inline(always)]
    fn admits(&mut self, before: &[Tok], tok: &Tok, opens: impl Fn(&Tok) -> bool) -> bool {
        if before.is_empty() && !opens(tok) {
            return false;
        }
        if self.barriers {
            if before.is_empty() && opens_quantity(tok) {
                self.barriers = false;
            } else if ends_every_mention(before.last(), tok, self.after_prep)
                || !self.after_prep
                    && !before.is_empty()
                    && may_end_unjoined_mentions(tok)
                    && ends_every_unjoined_mention(before, tok)
            {
                return false;
            }
        }
        self.after_prep |= tok.class == Class::Prep;
        true
    }
}

/// Whether `t` is a word [`ends_every_unjoined_mention`] may refuse: a determiner, or a word
/// in lower case that ends with "-ed". The few tokens that pass are asked out of line.
#[inline(always)]
fn may_end_unjoined_mentions(t: &Tok) -> bool {
    t.class == Class::Det || t.class == Class::Lower && t.text.ends_with("ed")
}

/// True when no phrase that holds `t` after the words `before` (no preposition among them:
/// the caller knows; false when there are none) is a mention, as [`classify_phrase`] reads
/// phrases: no conjunction or postmodifier, nor a possessive after the first word, comes
/// before `t`, `t` is no postmodifier, and it is
/// - a determiner that is no possessive ("Clinton told a crowd in Iowa", "Trump called the"):
///   a phrase with a determiner after its first word is refused;
/// - after a first word that is no determiner or number, a word in lower case that ends with
///   "-ed" and is no role word ("Trump tweeted Monday", "Critics accused Washington"): without
///   a determiner, a word in lower case is a role word, or a modifier before a name that is
///   neither a verb nor in "-ed".
///
/// A longer phrase is refused too, by every branch of the grammar: one that holds a
/// conjunction, a postmodifier or a preposition after `t` classifies the phrase before it (as
/// a conjunct or a head), which holds `t` and is refused the same way, or asks that the words
/// before a possessive be names or titles, which `t` is not. (A phrase that opens with a
/// quantity is read past it: see [`quantity`].) Asked only of determiners and words in "-ed":
/// most words are not searched.
#[inline(never)]
fn ends_every_unjoined_mention(before: &[Tok], t: &Tok) -> bool {
    let Some(first) = before.first() else {
        return false;
    };
    let refuses = match t.class {
        Class::Det => !is_possessive_token(t) && !t.title(),
        Class::Lower if t.text.ends_with("ed") => {
            let role_word = t.title() || t.person_noun() || t.role_adjective();
            let determined = matches!(first.class, Class::Det | Class::Num) || first.number_word();
            !(role_word || determined)
        }
        _ => false,
    };
    refuses
        && !t.postmodifier()
        && before.iter().enumerate().all(|(i, b)| {
            b.class != Class::And && !b.postmodifier() && !(i > 0 && is_possessive_token(b))
        })
}

/// The start of the word after the token that ends at `end`, when one space stands between
/// them ([`word_gap`]) before `limit`.
#[inline(always)]
fn next_word(text: &str, end: usize, limit: usize) -> Option<usize> {
    // One space between words; anything else ends the phrase.
    word_gap(&text.as_bytes()[end..limit]).map(|spaces| end + spaces)
}

/// The length of the white space at the start of `gap` when it may stand between two words
/// of a phrase: one or two spaces, or one no-break space (1 or 2 bytes); `None` for no space
/// or more.
#[inline]
fn word_gap(gap: &[u8]) -> Option<usize> {
    /// The length of the space (`' '` or U+00A0) at the start of `b`, if one is there.
    fn space(b: &[u8]) -> usize {
        match b {
            [b' ', ..] => 1,
            [0xC2, 0xA0, ..] => 2,
            _ => 0,
        }
    }
    // Most gaps: one space before the next word.
    if let [b' ', next, ..] = gap
        && next.is_ascii_alphanumeric()
    {
        return Some(1);
    }
    match space(gap) {
        0 => None,
        1 => match space(&gap[1..]) {
            0 => Some(1),
            1 if space(&gap[2..]) == 0 => Some(2),
            _ => None,
        },
        _ => (space(&gap[2..]) == 0).then_some(2),
    }
}

/// The token at `p` (a word or an initial, with the mark of a plural possessive), if a word
/// starts there. Inlined where it is called: most words take its first branch, and the
/// others [`read_other_token`], out of line.
#[inline(always)]
fn read_token(text: &str, p: usize, limit: usize) -> Option<Tok<'_>> {
    // Most words: ASCII letters and digits, no initial, no possessive mark after them. Read
    // by their bytes, the text sliced once, at the word.
    if let Some(n) = plain_ascii_word_len(&text.as_bytes()[p..limit]) {
        let w = &text[p..p + n];
        let lists = Lists::of_plain(w);
        return Some(Tok::plain(p, w, classify_plain(w, lists), lists));
    }
    read_other_token(text, p, limit)
}

/// [`read_token`] of a word that is not plain ASCII ([`plain_ascii_word_len`]): an initial, a
/// word with an apostrophe, a hyphen or a letter beyond ASCII, a possessive.
#[inline(never)]
fn read_other_token(text: &str, p: usize, limit: usize) -> Option<Tok<'_>> {
    let rest = &text[p..limit];
    let (after, w) = word_or_initial(rest).ok()?;
    let end = p + (rest.len() - after.len());
    // A plural possessive: "Sanders' senior adviser", "the voters’ choice".
    if w.len() > 2
        && w.ends_with('s')
        && let Some(mark) = ['\'', '’'].into_iter().find(|&m| after.starts_with(m))
        && after[mark.len_utf8()..].starts_with(' ')
    {
        let end = end + mark.len_utf8();
        let possessive = &text[p..end];
        return Some(Tok::new(p, possessive, Class::Det, Lists::of(possessive)));
    }
    let lists = Lists::of(w);
    Some(Tok::new(p, w, classify(w, lists), lists))
}

/// The class of the word `w`, which the lists `lists` hold.
fn classify(w: &str, lists: Lists) -> Class {
    if is_possessive(w) {
        return Class::Det;
    }
    let first = match w.as_bytes().first() {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => w.chars().next().unwrap_or(' '),
    };
    class_of(first, lists.bare)
}

/// [`classify`] of a plain ASCII word ([`plain_ascii_word_len`]): it is no possessive (it
/// holds no apostrophe) and its lists are those of the word as written.
#[inline(always)]
fn classify_plain(w: &str, lists: Lists) -> Class {
    class_of(
        char::from(w.as_bytes().first().copied().unwrap_or(b' ')),
        lists.word,
    )
}

/// The class of a word that is no possessive, from its first character and the bits of the
/// lists that hold it.
#[inline(always)]
fn class_of(first: char, lists: u32) -> Class {
    // "that" and "this" open clauses more often than mentions.
    if lists & (DETERMINER | CLAUSE_WORD) == DETERMINER {
        Class::Det
    } else if lists & PREPOSITION != 0 {
        Class::Prep
    } else if lists & AND != 0 {
        Class::And
    } else if first.is_ascii_digit() {
        Class::Num
    } else if first.is_uppercase() {
        Class::Cap
    } else {
        Class::Lower
    }
}

/// True when no prefix of a phrase that holds `t` (after `prev`, after a preposition when
/// `after_prep`) is a mention, as [`classify_phrase`] reads phrases: a lower-case function word
/// ("was", "but", "to") is refused wherever it stands, except a pronoun or quantifier that
/// stands alone or in a pair ("Smith and he", "Several said"), a number word, a demonstrative
/// or article in the object of a preposition ("the mayor of that town"), a postmodifier and
/// the word after it ("a source speaking on condition", "an aide close to him"). Inlined:
/// it is asked of every token read, and most are refused by their class.
#[inline(always)]
fn ends_every_mention(prev: Option<&Tok>, t: &Tok, after_prep: bool) -> bool {
    t.class == Class::Lower
        && t.stopword()
        && !t.pronoun()
        && !t.number_word()
        && !t.lone_quantifier()
        && !t.postmodifier()
        && !t.title()
        && !(after_prep && matches!(t.text, "the" | "those" | "these" | "this" | "that"))
        && !prev.is_some_and(|p| p.postmodifier())
}

/// True for the [`LONE_QUANTIFIERS`], in any case: the lookup that [`Tok::lone_quantifier`]
/// replaces, kept to test it.
#[cfg(test)]
fn is_lone_quantifier(w: &str) -> bool {
    static QUANTIFIERS: WordSet = WordSet::new(&[LONE_QUANTIFIERS]);
    QUANTIFIERS.contains(w)
}

/// Quantifiers that stand for people on their own ("Another tweeted", "Several said").
const LONE_QUANTIFIERS: &[&str] = &[
    "another", "one", "some", "many", "several", "both", "others", "most", "few",
];

fn is_possessive(w: &str) -> bool {
    w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s"))
}

/// A possessive token: "Ibsen's", "Sanders'" (not "his" or "its").
fn is_possessive_token(t: &Tok) -> bool {
    t.class == Class::Det
        && (is_possessive(t.text) || t.text.ends_with("s'") || t.text.ends_with("s’"))
}

/// True when a capitalized word may be part of a name (not a sentence adverb or pronoun).
fn name_like(t: &Tok) -> bool {
    t.class == Class::Cap && !t.stopword() && !t.pronoun()
}

/// Parses the longest mention that starts at `pos` and ends at or before `limit`.
pub fn mention_at(text: &str, pos: usize, limit: usize) -> Option<Mention> {
    let mut toks = ArrayVec::new();
    phrase_tokens(&mut toks, text, pos, limit);
    longest(text, &toks)
}

/// The mention that names someone at `pos`: the owner of a possessive ("Phil Jones's house"
/// names Phil Jones), else the longest mention. The phrase is read once; `None`, and only one
/// word read, when a capitalized function word or pronoun opens it ("But", "This", "He",
/// "Tuesday": see `opens_no_name`). The tokens that the previous phrase read in `recent`
/// (the words from `pos` on, when it read them up to the same `limit`) are not read again.
pub fn naming_mention_at<'t>(
    text: &'t str,
    pos: usize,
    limit: usize,
    recent: &mut RecentTokens<'t>,
) -> Option<Mention> {
    let n = recent.read_phrase(text, pos, limit, |t| !opens_no_name(t));
    let toks = &recent.toks[..n];
    possessor(text, pos, toks).or_else(|| longest(text, toks))
}

/// The tokens that the last phrase read, for the next one: the registry of names reads a
/// phrase from each capitalized word ([`naming_mention_at`]), and the phrases of the words
/// of a name or title overlap ("Secretary of State Rex Tillerson", "the Trump
/// administration"); so do the phrases from the word starts of a subject
/// ([`first_mention_ending_at`]).
#[derive(Debug, Clone, Default)]
pub struct RecentTokens<'t> {
    /// The end of the text the tokens were read in.
    limit: usize,
    /// The tokens, in text order, each the word after the previous one.
    toks: ArrayVec<Tok<'t>, MAX_PHRASE>,
}

impl<'t> RecentTokens<'t> {
    /// Reads the phrase of [`phrase_tokens`] at `pos` into the first tokens (returning their
    /// number), none when its first token fails `opens`, reusing those already read from `pos`
    /// on. The tokens after the phrase stay for the next one: the one that ended it, or those
    /// of an earlier, longer phrase.
    fn read_phrase(
        &mut self,
        text: &'t str,
        pos: usize,
        limit: usize,
        opens: impl Fn(&Tok) -> bool,
    ) -> usize {
        let buf = &mut self.toks;
        if self.limit != limit {
            self.limit = limit;
            buf.clear();
        }
        let before = buf.iter().take_while(|t| t.start < pos).count();
        buf.drain(..before);
        let mut phrase = PhraseRules::new(true);
        let (mut n, mut p) = (0, pos);
        while p < limit && n < MAX_PHRASE {
            if buf.get(n).is_none_or(|t| t.start != p) {
                buf.truncate(n);
                let Some(tok) = read_token(text, p, limit) else {
                    break;
                };
                buf.push(tok);
            }
            if !phrase.admits(&buf[..n], &buf[n], &opens) {
                break;
            }
            n += 1;
            // A token kept is the word after the one before it (read up to the same limit):
            // its start is the next word, not searched for again.
            p = match buf.get(n) {
                Some(kept) => kept.start,
                None => match next_word(text, buf[n - 1].end, limit) {
                    Some(next) => next,
                    None => break,
                },
            };
        }
        n
    }
}

/// True for a first word before which no phrase is a name or an organization, whatever
/// follows: a capitalized function word or pronoun ("But", "This", "He", "Tuesday") that is
/// no title, number or quantifier. Every branch of [`classify_phrase`] gives such a phrase
/// `None`, a pronoun or a description: the words before a name must be name-like or titles,
/// a conjunction or an adjunct makes a description, and a phrase without a determiner that
/// opens with a function word or pronoun is refused.
fn opens_no_name(t: &Tok) -> bool {
    t.class == Class::Cap
        && (t.clause_opener() || t.pronoun())
        && !t.title()
        && !t.number_word()
        && !t.lone_quantifier()
}

/// Where the owner of a possessive token ends, its mark left out: "Jones" of "Jones'",
/// "Party" of "Party's" (the apostrophe straight or curly).
fn owner_end(owner: &Tok) -> usize {
    let suffix = if owner.text.ends_with('s') { 2 } else { 1 };
    owner.end
        - owner
            .text
            .chars()
            .rev()
            .take(suffix)
            .map(char::len_utf8)
            .sum::<usize>()
}

/// The name or organization that owns the first possessive of the phrase `toks` read at
/// `pos`: "Phil Jones" in "Phil Jones' house", "the Labour Party" in "the Labour Party's
/// leader".
fn possessor(text: &str, pos: usize, toks: &[Tok]) -> Option<Mention> {
    let k = toks.iter().position(is_possessive_token)?;
    let owner = &toks[k];
    let end = owner_end(owner);
    // What `mention_exact(text, pos, end)` reads: the tokens before the owner are those of
    // `toks` (a space ends each, within `end`), the owner is read again up to `end`.
    let mut exact_toks = ArrayVec::new();
    read_phrase_with(
        &mut exact_toks,
        text,
        pos,
        end,
        true,
        |_| true,
        |p| match toks[..k].iter().find(|t| t.start == p) {
            Some(t) => Some(t.clone()),
            None => read_token(text, p, end),
        },
    );
    exact(text, &exact_toks, end)
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Organization))
}

/// Parses a mention that starts at `pos` and ends exactly at `end` (trailing spaces allowed).
pub fn mention_exact(text: &str, pos: usize, end: usize) -> Option<Mention> {
    let mut toks = ArrayVec::new();
    phrase_tokens(&mut toks, text, pos, end);
    exact(text, &toks, end)
}

/// The first of the mentions that start at one of `starts`, in their order, and end exactly
/// at `end`: what [`mention_exact`] finds from each. The phrases from the starts of a subject,
/// in text order, share their tail: each token is read once, and the phrases are classified
/// where the tokens lie ([`RecentTokens`]).
pub fn first_mention_ending_at(
    text: &str,
    starts: impl IntoIterator<Item = usize>,
    end: usize,
) -> Option<Mention> {
    let mut recent = RecentTokens::default();
    starts.into_iter().find_map(|pos| {
        let n = recent.read_phrase(text, pos, end, |_| true);
        exact(text, &recent.toks[..n], end)
    })
}

/// The mention the phrase `toks` makes if it reaches `end` (but for white space): a phrase
/// cut short by a barrier does not.
fn exact(text: &str, toks: &[Tok], end: usize) -> Option<Mention> {
    let last = toks.last()?;
    if !text[last.end..end].trim().is_empty() {
        return None;
    }
    let m = classify_phrase(text, toks).or_else(|| quantity(text, toks))?;
    (m.end == last.end).then_some(m)
}

/// A quantity of people as a speaker: "58 percent of Florida Latino voters", "About one in
/// five", "At least half of voters in each state", "Nearly nine out of 10", "Several".
fn quantity(text: &str, toks: &[Tok]) -> Option<Mention> {
    let mut i = 0;
    while i < toks.len() && is_qualifier(&toks[i]) {
        i += 1;
    }
    if !toks.get(i).is_some_and(is_amount) {
        return None;
    }
    i += 1;
    // "one in five", "nine out of 10", "58 percent".
    while i < toks.len()
        && (is_amount(&toks[i])
            || matches!(toks[i].text, "in" | "out" | "of")
                && toks.get(i + 1).is_some_and(is_amount))
    {
        i += 1;
    }
    let head = &toks[i.saturating_sub(1)];
    let end = if i == toks.len() {
        toks.last()?.end
    } else if toks[i].text == "of" {
        // "of voters in each state": the group the quantity is taken from.
        classify_phrase(text, &toks[i + 1..])
            .map(|m| m.end)
            .or_else(|| {
                toks[i + 1..]
                    .iter()
                    .rev()
                    .find(|t| t.class == Class::Lower || t.class == Class::Cap)
                    .map(|t| t.end)
            })?
    } else {
        return None;
    };
    let mut m = mention(toks[0].start, end, MentionKind::Description, None);
    m.head = Some(head.start..head.end);
    Some(m)
}

/// A word that qualifies a quantity ("at least", "about", "nearly").
fn is_qualifier(t: &Tok) -> bool {
    t.lists.word & QUALIFIER != 0
}

/// The words of [`is_qualifier`].
const QUALIFIERS: &[&str] = &[
    "at", "least", "about", "nearly", "almost", "more", "less", "fewer", "than", "over", "under",
    "roughly", "around", "some", "just", "only", "a", "mere", "majority", "minority", "the",
];

/// The words of [`is_amount`] other than numbers.
const AMOUNTS: &[&str] = &[
    "half", "several", "most", "many", "majority", "minority", "percent",
];

/// A word that gives an amount ("58", "half", "several", "percent").
fn is_amount(t: &Tok) -> bool {
    t.class == Class::Num || t.number_word() || t.lists.word & AMOUNT != 0
}

/// True when [`quantity`] may read a phrase that opens with `t`.
fn opens_quantity(t: &Tok) -> bool {
    t.class == Class::Num
        || t.lists.word & (QUALIFIER | AMOUNT | NUMBER) != 0
        || (t.hyphenated && t.number_word())
}

/// The longest well-formed prefix of the tokens. A phrase that opens with a quantity was read
/// past its barriers (for [`quantity`]): no prefix that holds one is classified.
fn longest(text: &str, toks: &[Tok]) -> Option<Mention> {
    let n = match toks.first() {
        Some(t) if opens_quantity(t) => before_barrier(toks),
        _ => toks.len(),
    };
    let mut heads = PrefixMemo::default();
    for n in (1..=n).rev() {
        let prefix = &toks[..n];
        if !refused_at_a_glance(prefix)
            && let Some(m) = classify_with(text, prefix, &mut heads)
        {
            return Some(m);
        }
    }
    None
}

/// True for a phrase of two words or more that [`classify_phrase`] refuses, told without
/// classifying it: the common longest phrase read at a name, the name and the verb after it
/// ("Trump said", "Lavrov told"). Without a determiner (and no number word opening it), a
/// conjunction, a preposition or a postmodifier, a phrase is a name or a bare role phrase,
/// and neither ends with a lower-case word that is no role word.
#[inline(always)]
fn refused_at_a_glance(toks: &[Tok]) -> bool {
    const JOINERS: u8 = Class::Det.bit() | Class::Prep.bit() | Class::And.bit();
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    toks.len() > 1
        && last.class == Class::Lower
        && !(last.title() || last.person_noun() || last.role_adjective())
        && matches!(first.class, Class::Cap | Class::Lower)
        && !first.number_word()
        && classes_of(toks) & JOINERS == 0
        && !toks.iter().any(Tok::postmodifier)
}

/// The last head classified in a phrase, kept for the next prefix: the head of a phrase (its
/// words before a conjunction, a postmodifier or a preposition) is a prefix of it, which
/// [`longest`] would classify again for each longer prefix that holds it.
#[derive(Debug, Default)]
struct PrefixMemo {
    /// The prefix (where its first token starts, its number of tokens) and its classification.
    /// Within one phrase the two tell a run of its tokens from any other.
    last: Option<(usize, usize, Option<Mention>)>,
}

impl PrefixMemo {
    /// [`classify_phrase`] of `toks[..n]`, made once while it is the last head asked for.
    fn classify(&mut self, text: &str, toks: &[Tok], n: usize) -> Option<Mention> {
        let start = toks.first().map_or(0, |t| t.start);
        if let Some((s, len, m)) = &self.last
            && (*s, *len) == (start, n)
        {
            return m.clone();
        }
        let m = classify_with(text, &toks[..n], self);
        self.last = Some((start, n, m.clone()));
        m
    }
}

/// The number of tokens before the first that [`ends_every_mention`] refuses, as
/// [`read_phrase`] tests them: no prefix longer than that is classified as a mention.
fn before_barrier(toks: &[Tok]) -> usize {
    let mut after_prep = false;
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| &toks[k]);
        if ends_every_mention(prev, t, after_prep) {
            return i;
        }
        after_prep |= t.class == Class::Prep;
    }
    toks.len()
}

/// Classifies a whole token run as a mention, or refuses it.
fn classify_phrase(text: &str, toks: &[Tok]) -> Option<Mention> {
    classify_with(text, toks, &mut PrefixMemo::default())
}

/// [`classify_phrase`], with the heads of the phrase (prefixes of `toks`) classified through
/// `heads`, which holds classifications of prefixes of the same phrase.
fn classify_with(text: &str, toks: &[Tok], heads: &mut PrefixMemo) -> Option<Mention> {
    match toks {
        [word] if word.class == Class::Cap => classify_capitalized_word(word),
        _ => classify_any(text, toks, heads),
    }
}

/// [`classify_any`] of a phrase of one capitalized word ("Trump", "Reuters", "Officials"),
/// the commonest phrase classified (a name before its verb): the branches that such a
/// phrase reaches, without the searches of the phrase for other classes of words.
fn classify_capitalized_word(word: &Tok) -> Option<Mention> {
    if let Some(m) = lone_word_mention(word) {
        return Some(m);
    }
    // An opener is no name ("Given", "Despite"), nor a verb ("Said"); the clause openers
    // hold the stopwords, and a pronoun was a mention.
    if word.clause_opener() || word.past_form() {
        return None;
    }
    let whole = word.start..word.end;
    if word.org_head() || lexicon::is_org_name_or_known_outlet(word.text) {
        let mut m = mention(word.start, word.end, MentionKind::Organization, None);
        m.name = Some(whole);
        return Some(m);
    }
    // A lone title word is a surname ("King says"), an abbreviated one nobody ("Sen.").
    if word.title() {
        return (!word.text.ends_with('.')).then(|| {
            let mut m = mention(word.start, word.end, MentionKind::Name, None);
            m.name = Some(whole);
            m
        });
    }
    let mut m = mention(word.start, word.end, MentionKind::Name, word.gender());
    if word.person_noun() {
        // A role noun alone is a description ("Officials", "Spokeswoman").
        m.kind = MentionKind::Description;
        m.head = Some(whole);
    } else {
        m.name = Some(whole);
    }
    Some(m)
}

/// The mention that a pronoun or a quantifier makes on its own ("he", "Several said"), which
/// no longer phrase makes.
fn lone_word_mention(word: &Tok) -> Option<Mention> {
    if word.pronoun() {
        let gender = if word.text.eq_ignore_ascii_case("he") {
            Some(Gender::Male)
        } else if word.text.eq_ignore_ascii_case("she") {
            Some(Gender::Female)
        } else {
            None
        };
        return Some(mention(word.start, word.end, MentionKind::Pronoun, gender));
    }
    // "Another tweeted", "Several said": a quantifier alone stands for people.
    if word.lone_quantifier() {
        let mut m = mention(word.start, word.end, MentionKind::Description, None);
        m.head = Some(word.start..word.end);
        return Some(m);
    }
    None
}

/// [`classify_with`] of any phrase, by every rule of the grammar (the oracle of
/// [`classify_capitalized_word`]).
fn classify_any(text: &str, toks: &[Tok], heads: &mut PrefixMemo) -> Option<Mention> {
    let first = toks.first()?;
    let last = toks.last()?;
    if let [word] = toks
        && let Some(m) = lone_word_mention(word)
    {
        return Some(m);
    }
    if matches!(last.class, Class::Det | Class::Prep | Class::And) {
        return None;
    }
    let classes = classes_of(toks);
    let holds = |class: Class| classes & class.bit() != 0;
    // Conjoined mentions: "Smith and Jones", "the mayor and her deputy".
    if holds(Class::And)
        && let Some(i) = toks.iter().position(|t| t.class == Class::And)
    {
        let left = heads.classify(text, toks, i)?;
        let right = classify_phrase(text, &toks[i + 1..])?;
        let not_personal = |m: &Mention| {
            m.kind == MentionKind::Pronoun
                && !["he", "she", "i", "we"]
                    .iter()
                    .any(|p| text[m.start..m.end].eq_ignore_ascii_case(p))
        };
        // "a photo and Clinton" is no pair of speakers: a description must name people.
        let not_people = |m: &Mention| {
            m.kind == MentionKind::Description
                && m.head.as_ref().is_some_and(|h| {
                    let head = &text[h.clone()];
                    !lexicon::is_person_noun(head) && !lexicon::is_org_head(head)
                })
        };
        if not_personal(&left) || not_personal(&right) || not_people(&left) {
            return None;
        }
        let mut m = mention(first.start, last.end, MentionKind::Description, None);
        m.head = right.head;
        return Some(m);
    }
    // A name's possessive opens the phrase: "Councillor Ruth Ibsen's office", "The Post's Ruth
    // Marcus". (A possessive is a determiner.)
    if holds(Class::Det)
        && let Some(k) = toks
        .iter()
        .skip(1)
        .position(is_possessive_token)
        .map(|k| k + 1)
        && toks[..k].iter().enumerate().all(|(i, t)| {
            name_like(t)
                || t.title()
                || i == 0 && t.text.eq_ignore_ascii_case("the")
        })
        && toks[..k].iter().any(name_like)
        // "Given Obama's approval", "Unlike Trump's plan": a sentence opener, not a name.
        && !(k == 1 && toks[0].clause_opener())
    {
        let mut m = classify_phrase(text, &toks[k..])?;
        m.start = first.start;
        return Some(m);
    }
    // An adjective phrase after the head: "a source familiar with the talks", "an official
    // close to the campaign", "people involved in the deal". (A postmodifier is a lower-case
    // word: most phrases, names, hold none and are not searched.)
    if holds(Class::Lower)
        && let Some(j) = toks.iter().position(|t| t.postmodifier())
        && j > 0
        && toks
            .get(j + 1)
            .is_some_and(|t| matches!(t.text, "with" | "to" | "in" | "on"))
    {
        let head = heads.classify(text, toks, j)?;
        let object = &toks[j + 2..];
        let small_phrase = !object.is_empty()
            && object.len() <= 8
            && object
                .iter()
                .all(|t| matches!(t.class, Class::Det | Class::Cap | Class::Lower | Class::Num | Class::Prep))
            // "on condition of anonymity": one phrase of its own at most.
            && object.iter().filter(|t| t.class == Class::Prep).count() <= 1
            && matches!(
                object.last().map(|t| t.class),
                Some(Class::Cap | Class::Lower)
            )
            && !object.iter().enumerate().any(|(k, t)| {
                // A verb form is a noun right after a determiner ("Cruz's thinking").
                let after_det = k > 0 && object[k - 1].class == Class::Det;
                t.class == Class::Lower
                    && (t.stopword()
                        || !after_det && t.verb())
            });
        if head.kind != MentionKind::Description || !small_phrase {
            return None;
        }
        let mut m = head;
        m.end = last.end;
        return Some(m);
    }
    // A prepositional phrase after the head: "a spokeswoman for the ministry", "Joel Pollak
    // of Breitbart". "of" inside a title or organization ("Secretary of State", "Bank of
    // England") is part of the phrase.
    if holds(Class::Prep)
        && let Some(i) = toks.iter().position(|t| t.class == Class::Prep)
    {
        let before = &toks[..i];
        let inner_of = toks[i].text.eq_ignore_ascii_case("of")
            && before
                .last()
                .is_some_and(|t| t.class == Class::Cap && (t.title() || t.org_head()))
            && toks
                .get(i + 1)
                .is_some_and(|t| t.class == Class::Cap || t.text.eq_ignore_ascii_case("the"));
        if !inner_of {
            // "one of two witnesses", "some of his aides": the head is in the object.
            let quantified = toks[i].text.eq_ignore_ascii_case("of")
                && before.len() == 1
                && (before[0].class == Class::Det
                    || before[0].class == Class::Num
                    || before[0].number_word());
            if quantified {
                let object = classify_phrase(text, &toks[i + 1..])?;
                let mut m = mention(first.start, last.end, MentionKind::Description, None);
                m.head = object.head.or(object.name);
                return Some(m);
            }
            let head = heads.classify(text, toks, i)?;
            let prep = toks[i].text;
            let prep_is = |p: &[&str]| p.iter().any(|w| w.eq_ignore_ascii_case(prep));
            // After a name only an affiliation: "Joel Pollak of Breitbart", "Jane Doe at Harvard".
            let allowed = match head.kind {
                MentionKind::Name | MentionKind::Organization => prep_is(&["of", "from", "at"]),
                MentionKind::Description => true,
                MentionKind::Pronoun => false,
            };
            if !allowed {
                return None;
            }
            let object = &toks[i + 1..];
            // A verb form in the object is a clause ("a spokesman for the group said"), unless
            // a determiner or "of" makes it a noun ("secretary of state", "the report").
            if object.iter().enumerate().any(|(k, t)| {
                let noun_slot = if k == 0 {
                    prep_is(&["of"])
                } else {
                    object[k - 1].class == Class::Det
                };
                t.class == Class::Lower
                    && !noun_slot
                    && t.verb()
                    && !t.person_noun()
                    && !t.org_head()
            }) {
                return None;
            }
            // The object must be a small noun phrase, maybe with a phrase of its own ("of this
            // small town in the Loire valley").
            if object.is_empty()
                || object.len() > 10
                || object.iter().filter(|t| t.class == Class::Prep).count() > 1
                || !matches!(
                    object.last().map(|t| t.class),
                    Some(Class::Cap | Class::Lower | Class::Num)
                )
                || object.iter().any(|t| {
                    t.class == Class::Lower
                        && t.stopword()
                        && !matches!(t.text, "the" | "those" | "these" | "this" | "that")
                })
            {
                return None;
            }
            let mut m = head;
            m.end = last.end;
            return Some(m);
        }
    }
    // Quantities open descriptions too: "55 percent", "Sixty-six percent", "two officials".
    let has_det = first.class == Class::Det
        || (toks.len() > 1 && (first.class == Class::Num || first.number_word()));
    let body = if has_det { &toks[1..] } else { toks };
    if body.is_empty() {
        return None;
    }
    if holds(Class::Det) && body.iter().any(|t| t.class == Class::Det) {
        return None;
    }
    // Without a determiner: a name, a titled name, or a bare plural role noun.
    if !has_det {
        let b0 = &body[0];
        // "Given Obama's ...", "Despite Trump": an opener is no part of a name.
        if b0.class == Class::Cap && (b0.clause_opener() || b0.past_form()) {
            return None;
        }
        let ok_start = match b0.class {
            Class::Cap => name_like(b0),
            Class::Lower => true,
            Class::Num => false,
            _ => false,
        };
        if !ok_start {
            return None;
        }
        // Lower-case words without a determiner: role words, or up to three modifiers of a
        // name ("head librarian Marjorie Kettle").
        let role_word = |t: &Tok| t.title() || t.person_noun() || t.role_adjective();
        let lowers = if holds(Class::Lower) {
            body.iter().filter(|t| t.class == Class::Lower).count()
        } else {
            0
        };
        let before_name = last.class == Class::Cap && lowers <= 3;
        if lowers > 0
            && body.iter().any(|t| {
                t.class == Class::Lower
                    && !role_word(t)
                    && !(before_name && !t.verb() && !t.text.ends_with("ed"))
            })
        {
            return None;
        }
        if b0.class == Class::Lower && !role_word(b0) && !before_name {
            return None;
        }
    }
    if holds(Class::Lower)
        && body
            .iter()
            .any(|t| t.class == Class::Lower && (t.stopword() || t.pronoun()))
    {
        return None;
    }
    let definite = has_det && first.text.eq_ignore_ascii_case("the");
    // Asked only where a mention is made.
    let title_gender = || toks.iter().find_map(Tok::gender);
    match last.class {
        Class::Cap => {
            // The trailing run of capitalized non-title words is the name.
            let mut i = body.len();
            // A surname may be a role noun ("James Baker", "Dale Porter") when a given name
            // stands before it; a role noun that opens the run is a role ("Farmer Joseph Amadi").
            let name_word = |t: &Tok| t.class == Class::Cap && name_like(t) && !t.title();
            let surname_ok = |k: usize| {
                k == body.len() - 1
                    && k > 0
                    && name_word(&body[k - 1])
                    && !body[k - 1].person_noun()
            };
            while i > 0
                && name_word(&body[i - 1])
                && (!body[i - 1].person_noun() || surname_ok(i - 1))
            {
                i -= 1;
            }
            // Most phrases here are names, all capitalized: not searched.
            let caps_start = if classes == Class::Cap.bit() {
                0
            } else {
                body.iter()
                    .rposition(|t| t.class != Class::Cap)
                    .map_or(0, |k| k + 1)
            };
            let caps = &body[caps_start..];
            // "Senate Intelligence Ranking Democrat Dianne Feinstein": a role word right before
            // the trailing name makes a person, whatever organization words come before it.
            let role_before_name = i < body.len()
                && i > 0
                && !body[i..].iter().any(|t| t.org_head())
                && (body[i - 1].person_noun() || body[i - 1].title());
            let org = !role_before_name && caps.iter().any(|t| t.org_head())
                || lexicon::is_org_name_or_known_outlet(&text[caps[0].start..last.end]);
            if org {
                let mut m = mention(first.start, last.end, MentionKind::Organization, None);
                m.name = Some(caps[0].start..last.end);
                m.definite = definite;
                return Some(m);
            }
            if i == body.len() {
                // Only titles: "the Secretary of State", "the President". A lone title word
                // without a determiner is a surname ("King says").
                if !has_det && body.len() == 1 && body[0].title() && !body[0].text.ends_with('.') {
                    let mut m = mention(first.start, last.end, MentionKind::Name, None);
                    m.name = Some(first.start..last.end);
                    return Some(m);
                }
                if !has_det && body.iter().all(|t| t.title()) {
                    return None;
                }
                let mut m = mention(
                    first.start,
                    last.end,
                    MentionKind::Description,
                    title_gender(),
                );
                m.head = Some(last.start..last.end);
                m.definite = definite;
                return Some(m);
            }
            if has_det && i == 0 && first.text.eq_ignore_ascii_case("the") {
                // "the Smiths", "the Democrats": a group.
                let mut m = mention(first.start, last.end, MentionKind::Description, None);
                m.head = Some(last.start..last.end);
                m.definite = true;
                return Some(m);
            }
            let mut m = mention(first.start, last.end, MentionKind::Name, title_gender());
            m.name = Some(body[i].start..last.end);
            if i > 0 || has_det {
                m.role = Some(first.start..body[i.saturating_sub(1)].end.max(first.end));
                if i == 0 {
                    m.role = None;
                }
            }
            Some(m)
        }
        Class::Lower | Class::Num => {
            if last.class == Class::Num && !last.text.ends_with("-year-old") {
                return None;
            }
            if !(has_det || last.person_noun() || last.org_head()) {
                return None;
            }
            // A verb particle heads nothing ("the office shrugged off").
            if matches!(
                last.text,
                "off" | "up" | "out" | "down" | "away" | "back" | "over" | "about" | "on"
            ) {
                return None;
            }
            // An adjective cannot head a description ("two lengthy investigative [reports]").
            if has_adjective_ending(last.text) && !last.person_noun() && !last.org_head() {
                return None;
            }
            // "the report", "his statement" are nouns; "the said", "they reported" are not.
            // An inflected verb other than a plural-looking -s ("said", "told", "reported") is no
            // noun, whatever stands before it.
            let inflected = crate::grammar::cue::verb_lemma(last.text).is_some_and(|(lemma, _)| {
                !last.text.eq_ignore_ascii_case(lemma) && !last.text.ends_with('s')
            });
            let verb_form =
                last.text.ends_with("ed") || last.text.ends_with("ing") || !has_det || inflected;
            if verb_form && last.verb() && !last.person_noun() && !last.org_head() {
                return None;
            }
            let kind = if last.org_head() && !last.person_noun() {
                MentionKind::Organization
            } else {
                MentionKind::Description
            };
            let mut m = mention(first.start, last.end, kind, title_gender());
            m.head = Some(last.start..last.end);
            m.definite = definite;
            if kind == MentionKind::Organization {
                let s = if has_det { body[0].start } else { first.start };
                m.name = Some(s..last.end);
            }
            Some(m)
        }
        _ => None,
    }
}

/// The endings of adjectives, which head no description ("two lengthy investigative"): the list
/// that [`has_adjective_ending`] matches, kept to test it.
#[cfg(test)]
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ed", "ive", "ous", "ful", "less", "able", "ible", "ic", "ical", "ary", "ing",
];

/// True when `w` ends with one of the endings of adjectives, which head no description ("two
/// lengthy investigative"): -ed, -ive, -ous, -ful, -less, -able, -ible, -ic, -ical, -ary, -ing
/// (as written). The endings are told apart by their last letter, then compared as constants.
fn has_adjective_ending(w: &str) -> bool {
    let b = w.as_bytes();
    let ends = |e: &[u8]| b.ends_with(e);
    match b.last() {
        Some(b'd') => ends(b"ed"),
        Some(b'e') => ends(b"ive") || ends(b"able") || ends(b"ible"),
        Some(b's') => ends(b"ous") || ends(b"less"),
        Some(b'l') => ends(b"ful") || ends(b"ical"),
        Some(b'c') => ends(b"ic"),
        Some(b'y') => ends(b"ary"),
        Some(b'g') => ends(b"ing"),
        _ => false,
    }
}

/// True for stopwords and [`CLAUSE_OPENERS`]: the lookup that [`Tok::clause_opener`] replaces,
/// kept to test it.
#[cfg(test)]
fn is_clause_opener(w: &str) -> bool {
    static OPENERS_SET: WordSet = WordSet::new(&[CLAUSE_OPENERS]);
    lexicon::is_stopword(w) || OPENERS_SET.contains(w)
}

/// Capitalized words besides the stopwords that open a sentence before a possessive without
/// being part of a name ("Given Obama's ...", "Despite Trump").
const CLAUSE_OPENERS: &[&str] = &[
    "given",
    "despite",
    "unlike",
    "like",
    "amid",
    "under",
    "as",
    "for",
    "following",
    "including",
    "regarding",
    "concerning",
    "during",
    "unless",
    "whether",
];

/// True for the [`POSTMODIFIERS`] as written: the comparison that [`Tok::postmodifier`]
/// replaces, kept to test it.
#[cfg(test)]
fn is_postmodifier(w: &str) -> bool {
    POSTMODIFIERS.contains(&w)
}

/// Adjectives and participles that follow a person noun with their own complement: "a source
/// familiar with ...", "an aide close to ...".
const POSTMODIFIERS: &[&str] = &[
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "briefed",
    "loyal",
    "allied",
    "speaking",
    "writing",
];

/// Number words ("two", "Sixty-six", "dozens").
pub fn is_number_word(w: &str) -> bool {
    // The set's letter filter turns most words away before a lookup.
    static NUMBERS_SET: WordSet = WordSet::new(&[NUMBERS]);
    w.split('-').all(|part| NUMBERS_SET.contains(part))
}

/// The words of [`is_number_word`], alone or joined by hyphens.
const NUMBERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "half",
    "most",
    "many",
];

/// True for the [`ROLE_ADJECTIVES`], in any case: the lookup that [`Tok::role_adjective`]
/// replaces, kept to test it.
#[cfg(test)]
fn is_role_adjective(w: &str) -> bool {
    static ADJ_SET: WordSet = WordSet::new(&[ROLE_ADJECTIVES]);
    ADJ_SET.contains(w)
}

/// Adjectives that may stand before a role noun without a determiner ("senior officials").
const ROLE_ADJECTIVES: &[&str] = &[
    "senior",
    "top",
    "former",
    "chief",
    "deputy",
    "acting",
    "local",
    "federal",
    "state",
    "government",
    "administration",
    "campaign",
    "party",
    "military",
    "police",
    "press",
    "foreign",
    "defense",
    "health",
    "security",
    "intelligence",
    "white",
    "house",
    "some",
    "other",
    "many",
    "several",
    "longtime",
    "veteran",
    "independent",
    "presidential",
    "democratic",
    "republican",
    "conservative",
    "liberal",
    "prominent",
    "leading",
    "anonymous",
    "outside",
    "legal",
    "industry",
    "company",
    "union",
    "city",
    "county",
    "council",
    "opposition",
    "rebel",
    "university",
    "hospital",
    "western",
    "european",
    "american",
    "us",
    "u.s.",
    "uk",
    "eu",
    "un",
    "prime",
    "vice",
    "assistant",
    "associate",
    "executive",
    "managing",
    "general",
    "national",
    "regional",
    "international",
];

/// The relative pronoun "who" or "which" as a speaker ("Cruz, who said ..."): a pronoun
/// that the resolver binds to the name just before it.
pub fn relative_pronoun(start: usize, end: usize) -> Mention {
    mention(start, end, MentionKind::Pronoun, None)
}

/// A description covering `start..end` whose grammar was not checked (the source named after
/// "according to" runs to the end of its clause: "early results of exit polls conducted for
/// the Associated Press").
pub fn free_description(text: &str, start: usize, end: usize) -> Mention {
    let last_word = text[start..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    let mut m = mention(start, end, MentionKind::Description, None);
    m.head = Some(last_word..end);
    m
}

fn mention(start: usize, end: usize, kind: MentionKind, gender: Option<Gender>) -> Mention {
    Mention {
        start,
        end,
        kind,
        name: None,
        role: None,
        head: None,
        definite: false,
        gender,
    }
}

#[cfg(test)]
mod tests {

    /// [`word_gap`] measures the white space between two words as the trim of spaces and
    /// no-break spaces it replaced did, after every word of the corpus and on edge cases.
    #[test]
    fn word_gaps_as_the_trim_measured_them() {
        fn by_trim(gap: &str) -> Option<usize> {
            let spaces = gap.len() - gap.trim_start_matches([' ', '\u{a0}']).len();
            (spaces != 0 && spaces <= 2).then_some(spaces)
        }
        let mut gaps: Vec<String> = [
            "", " ", "  ", "   ", "\u{a0}", "\u{a0} ", " \u{a0}", "x", " x",
        ]
        .map(String::from)
        .to_vec();
        for text in crate::test_support::corpus_texts() {
            for (at, w) in crate::grammar::words::words(&text) {
                gaps.push(text[at + w.len()..].chars().take(4).collect());
            }
        }
        for gap in &gaps {
            assert_eq!(word_gap(gap.as_bytes()), by_trim(gap), "{gap:?}");
        }
    }
    use super::*;

    fn exact(s: &str) -> Option<(MentionKind, Option<String>)> {
        mention_exact(s, 0, s.len()).map(|m| (m.kind, m.name.map(|r| s[r].to_string())))
    }

    #[test]
    fn titled_names() {
        assert_eq!(
            exact("US Secretary of State Rex Tillerson"),
            Some((MentionKind::Name, Some("Rex Tillerson".into())))
        );
        assert_eq!(
            exact("Russian Foreign Minister Sergey Lavrov"),
            Some((MentionKind::Name, Some("Sergey Lavrov".into())))
        );
        assert_eq!(
            exact("Mr. Park"),
            Some((MentionKind::Name, Some("Park".into())))
        );
        assert_eq!(
            exact("White House press secretary Sean Spicer"),
            Some((MentionKind::Name, Some("Sean Spicer".into())))
        );
        assert_eq!(
            exact("Tillerson"),
            Some((MentionKind::Name, Some("Tillerson".into())))
        );
    }

    #[test]
    fn organizations() {
        assert_eq!(
            exact("the Russian Foreign Ministry"),
            Some((
                MentionKind::Organization,
                Some("Russian Foreign Ministry".into())
            ))
        );
        assert_eq!(
            exact("Acme Corp"),
            Some((MentionKind::Organization, Some("Acme Corp".into())))
        );
        assert_eq!(
            exact("Xinhua"),
            Some((MentionKind::Organization, Some("Xinhua".into())))
        );
    }

    #[test]
    fn descriptions_and_pronouns() {
        assert_eq!(
            exact("the top US diplomat").map(|m| m.0),
            Some(MentionKind::Description)
        );
        assert_eq!(
            exact("a spokeswoman for the ministry").map(|m| m.0),
            Some(MentionKind::Description)
        );
        assert_eq!(
            exact("senior officials").map(|m| m.0),
            Some(MentionKind::Description)
        );
        assert_eq!(
            exact("the 54-year-old").map(|m| m.0),
            Some(MentionKind::Description)
        );
        assert_eq!(exact("she").map(|m| m.0), Some(MentionKind::Pronoun));
        let m = mention_exact("a spokeswoman", 0, 13).unwrap();
        assert_eq!(m.gender, Some(Gender::Female));
        assert!(!m.definite);
    }

    #[test]
    fn refuses_non_mentions() {
        assert_eq!(exact("However"), None);
        assert_eq!(exact("remained widely confrontational"), None);
        assert_eq!(exact("the"), None);
        assert_eq!(exact("Earlier this month"), None);
    }

    #[test]
    fn longest_prefix_forward() {
        let t = "said Hugh Hill, a doctor.";
        let m = mention_at(t, 5, t.len()).unwrap();
        assert_eq!(&t[m.start..m.end], "Hugh Hill");
    }
}

#[cfg(test)]
mod possessor_tests {
    use super::*;

    #[test]
    fn mentions_with_possessives_and_postmodifiers() {
        for (t, want) in [
            (
                "Councillor Ruth Ibsen's office",
                "Councillor Ruth Ibsen's office",
            ),
            (
                "Sanders' senior media adviser",
                "Sanders' senior media adviser",
            ),
            (
                "A source familiar with Cruz’s thinking",
                "A source familiar with Cruz’s thinking",
            ),
            (
                "an official close to the campaign",
                "an official close to the campaign",
            ),
            ("Fox News the plan", "Fox News"),
            ("the office shrugged off", "the office"),
        ] {
            let m = mention_at(t, 0, t.len()).expect(t);
            assert_eq!(&t[m.start..m.end], want);
        }
        assert!(mention_at("Given Obama's approval", 0, 22).is_none());
        assert!(mention_at("a photo and Clinton", 0, 19).is_none_or(|m| m.end < 19));
        let m = mention_at("Senate Ranking Democrat Dianne Feinstein", 0, 40).unwrap();
        assert_eq!(m.kind, MentionKind::Name);
    }

    /// [`has_adjective_ending`] answers as the test of each of the [`ADJECTIVE_ENDINGS`], on
    /// every word of the corpus and on the endings themselves.
    #[test]
    fn adjective_endings_by_last_letter() {
        let mut words: Vec<String> = ADJECTIVE_ENDINGS.iter().map(|e| format!("x{e}")).collect();
        words.extend(["", "d", "ED", "Ic", "ical", "bus", "glass"].map(String::from));
        for t in crate::test_support::corpus_texts() {
            words.extend(crate::grammar::words::words(&t).map(|(_, w)| w.to_string()));
        }
        for w in &words {
            let by_list = ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e));
            assert_eq!(has_adjective_ending(w), by_list, "{w:?}");
        }
    }

    /// [`possessor`], which reuses the tokens before the owner, finds the mention that
    /// [`mention_exact`] finds up to the owner, at every word of the corpus and on phrases
    /// made for it.
    #[test]
    fn possessors_as_the_exact_mentions_found_them() {
        fn by_exact(text: &str, pos: usize, toks: &[Tok]) -> Option<Mention> {
            let owner = toks.iter().find(|t| is_possessive_token(t))?;
            mention_exact(text, pos, owner_end(owner))
                .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Organization))
        }
        let texts = crate::test_support::corpus_texts_and(&[
            "Phil Jones's house",
            "Sanders' senior adviser",
            "the voters’ choice of U.S. Sen. Ted Cruz’s aide",
            "Trump's",
            "J. Edgar Hoover's FBI",
            "the Labour Party’s leader",
        ]);
        let mut owners = 0;
        for t in &texts {
            for (i, _) in crate::grammar::words::words(t) {
                let mut toks = ArrayVec::new();
                phrase_tokens(&mut toks, t, i, t.len());
                let want = by_exact(t, i, &toks);
                owners += usize::from(want.is_some());
                assert_eq!(possessor(t, i, &toks), want, "{:?}", &t[i..]);
            }
        }
        assert!(owners > 50, "{owners} owners");
    }

    /// [`naming_mention_at`] finds with the tokens of the previous phrase what it finds with
    /// none, from each word start of the corpus in order (as the registry of names asks), from
    /// every other one, and after a phrase read up to another limit.
    #[test]
    fn recent_tokens_change_no_naming_mention() {
        let mut found = 0;
        for t in crate::test_support::corpus_texts() {
            let starts: Vec<usize> = crate::grammar::words::words(&t).map(|(i, _)| i).collect();
            for step in [1, 2] {
                let mut recent = RecentTokens::default();
                for (k, &i) in starts.iter().enumerate().step_by(step) {
                    // Now and then, a phrase read up to the end of its word only.
                    let limit = if k % 7 == 3 {
                        t.len().min(i + 4)
                    } else {
                        t.len()
                    };
                    let limit = crate::offsets::floor_boundary(&t, limit);
                    let alone = naming_mention_at(&t, i, limit, &mut RecentTokens::default());
                    found += usize::from(alone.is_some());
                    assert_eq!(
                        naming_mention_at(&t, i, limit, &mut recent),
                        alone,
                        "{:?}",
                        &t[i..]
                    );
                }
            }
        }
        assert!(found > 1000, "{found} mentions found");
    }

    /// [`first_mention_ending_at`], which reads each token once for all the starts, finds
    /// the mention that [`mention_exact`] finds from the first start that has one: before
    /// every word end of the corpus, from the six word starts before it.
    #[test]
    fn shared_tokens_find_the_mentions_of_each_start() {
        let mut found = 0;
        for t in crate::test_support::corpus_texts() {
            let words: Vec<(usize, &str)> = crate::grammar::words::words(&t).collect();
            for (k, &(at, w)) in words.iter().enumerate() {
                let end = at + w.len();
                let starts: Vec<usize> = words[k.saturating_sub(5)..=k]
                    .iter()
                    .map(|&(s, _)| s)
                    .collect();
                let each = starts.iter().find_map(|&s| mention_exact(&t, s, end));
                found += usize::from(each.is_some());
                assert_eq!(
                    first_mention_ending_at(&t, starts.iter().copied(), end),
                    each,
                    "{:?}",
                    &t[starts[0]..end]
                );
            }
        }
        assert!(found > 1000, "{found} mentions found");
    }

    /// After a word of [`opens_no_name`], no phrase is a name or an organization: not the
    /// longest mention, no prefix of the phrase (not the owner of a possessive, not a conjunct),
    /// on every word of the bundled corpus and on phrases made for the branches of
    /// [`classify_phrase`].
    #[test]
    fn phrases_after_a_function_word_name_nobody() {
        let is_naming =
            |m: &Mention| matches!(m.kind, MentionKind::Name | MentionKind::Organization);
        let texts = crate::test_support::corpus_texts_and(&[
            "He and Ruth Ibsen said",
            "But Smith and Jones said",
            "Tuesday's meeting of the Labour Party",
            "This Administration said",
            "She and her husband Bill Clinton",
            "It's Trump's plan",
            "But Secretary of State Rex Tillerson said",
            "Several Democrats and Senator Warren",
            "These officials close to the White House",
            "They of the Senate Intelligence Committee",
            "When President Obama's aide",
        ]);
        let mut refused = 0;
        for_each_whole_phrase(&texts, |t, i, whole| {
            if !whole.first().is_some_and(opens_no_name) {
                return;
            }
            refused += 1;
            for n in 1..=whole.len() {
                let phrase = &t[i..whole[n - 1].end];
                let m = classify_phrase(t, &whole[..n]).or_else(|| quantity(t, &whole[..n]));
                assert!(!m.is_some_and(|m| is_naming(&m)), "{phrase:?}");
                assert!(possessor(t, i, &whole[..n]).is_none(), "{phrase:?}");
            }
        });
        assert!(refused > 300, "{refused} phrases refused");
    }

    /// Classifying the prefixes of a phrase from the longest down with one [`PrefixMemo`], as
    /// [`longest`] does, gives each the classification of [`classify_phrase`]: on every word
    /// of the bundled corpus and on phrases whose heads come before a conjunction, a
    /// postmodifier or a preposition.
    #[test]
    fn prefixes_classified_with_their_heads_kept_agree() {
        let texts = crate::test_support::corpus_texts_and(&[
            "a spokeswoman for the ministry of health said",
            "Smith and Jones of the Labour Party",
            "an official close to the campaign in Ohio",
            "Joel Pollak of Breitbart and his editor",
            "one of two witnesses at the scene",
        ]);
        let mut heads_kept = 0;
        for_each_whole_phrase(&texts, |t, i, whole| {
            let mut heads = PrefixMemo::default();
            for n in (1..=whole.len()).rev() {
                let prefix = &whole[..n];
                assert_eq!(
                    classify_with(t, prefix, &mut heads),
                    classify_phrase(t, prefix),
                    "{:?}",
                    &t[i..prefix[n - 1].end]
                );
                heads_kept += usize::from(heads.last.is_some());
            }
        });
        assert!(heads_kept > 1000, "{heads_kept} prefixes with a head kept");
    }

    /// A phrase of one capitalized word is classified by [`classify_capitalized_word`] as
    /// [`classify_any`] classifies it: every capitalized word of the bundled corpus, and words
    /// made for its branches.
    #[test]
    fn capitalized_words_classified_as_any_phrase() {
        let texts = crate::test_support::corpus_texts_and(&[
            "He She It They Several Another Given Said Told Despite",
            "Sen. Mr. King President Officials Spokeswoman Newman Ministry Reuters Acme Corp",
            "Sanders' Trump’s U.S. Sixty-six Two",
        ]);
        let mut checked = 0;
        for t in &texts {
            for (p, _) in crate::grammar::words::words(t) {
                let Some(word) = read_token(t, p, t.len()) else {
                    continue;
                };
                if word.class != Class::Cap {
                    continue;
                }
                checked += 1;
                assert_eq!(
                    classify_capitalized_word(&word),
                    classify_any(t, std::slice::from_ref(&word), &mut PrefixMemo::default()),
                    "{:?}",
                    word.text
                );
            }
        }
        assert!(checked > 2000, "{checked} capitalized words");
    }

    /// [`refused_at_a_glance`] refuses only phrases that [`classify_phrase`] refuses: every
    /// prefix of the whole phrase at each word of the bundled corpus, and phrases made for it.
    #[test]
    fn phrases_refused_at_a_glance_are_refused() {
        let texts = crate::test_support::corpus_texts_and(&[
            "Trump said",
            "President Trump tweeted",
            "senior officials said",
            "Two officials said",
            "Smith and Jones said",
            "a source familiar with",
            "Sanders' senior adviser said",
            "Acme Corp spokeswoman",
            "Mr. Park",
        ]);
        let mut refused = 0;
        for_each_whole_phrase(&texts, |t, i, whole| {
            for n in 1..=whole.len() {
                let prefix = &whole[..n];
                if refused_at_a_glance(prefix) {
                    refused += 1;
                    assert_eq!(
                        classify_phrase(t, prefix),
                        None,
                        "{:?}",
                        &t[i..prefix[n - 1].end]
                    );
                }
            }
        });
        assert!(refused > 1000, "{refused} phrases refused at a glance");
    }

    /// Calls `f` with each text of `texts`, each of its word starts and the whole phrase read
    /// there, barriers and all.
    fn for_each_whole_phrase(texts: &[String], mut f: impl FnMut(&str, usize, &[Tok])) {
        for t in texts {
            for (i, _) in crate::grammar::words::words(t) {
                let mut whole = ArrayVec::new();
                read_phrase(&mut whole, t, i, t.len(), false, |_| true);
                f(t, i, &whole);
            }
        }
    }

    /// What [`phrase_tokens`] leaves out could never change a mention: on every word of the
    /// bundled corpus, and of phrases made for the determiners that end a phrase
    /// ([`ends_every_unjoined_mention`]) and for the words that let a phrase read past them,
    /// no longer prefix of the whole phrase is a mention or an exact quantity.
    #[test]
    fn barriers_cut_nothing_a_mention_could_hold() {
        let texts = crate::test_support::corpus_texts_and(&[
            "Clinton told a crowd in Iowa",
            "Trump called the Times",
            "Trump's aide told the mayor",
            "Sanders' senior adviser told the Times",
            "Smith and the Jones family",
            "a source close to the campaign",
            "an official familiar with the talks said",
            "Secretary of the Navy Ray Mabus",
            "the mayor of this small town in the Loire valley",
            "Jones the Labour Party's leader",
            "Half of the voters",
            "Most of the officials",
            "Two of the senators",
            "Trump tweeted Monday",
            "Critics accused Washington of meddling",
            "Obama aides involved in the deal",
            "Smith and jailed activist Jones",
            "the embattled mayor Jones",
            "Two embattled senators",
            "Sanders' embattled aide",
            "Senate retired Gen. Michael Flynn",
        ]);
        let (mut cut, mut cut_at_determiner, mut cut_in_ed) = (0, 0, 0);
        for t in texts {
            let starts = t.char_indices().filter(|&(i, c)| {
                c.is_alphanumeric()
                    && !t[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            });
            for (i, _) in starts {
                let mut read = ArrayVec::new();
                phrase_tokens(&mut read, &t, i, t.len());
                let mut whole = ArrayVec::new();
                read_phrase(&mut whole, &t, i, t.len(), false, |_| true);
                assert!(read.len() <= whole.len());
                match whole.get(read.len()) {
                    Some(t) if t.class == Class::Det => cut_at_determiner += 1,
                    Some(t) if t.class == Class::Lower && t.text.ends_with("ed") => cut_in_ed += 1,
                    _ => {}
                }
                // Past the first barrier of the whole phrase (which a quantity reads past), no
                // prefix is classified either.
                for n in before_barrier(&whole) + 1..=whole.len() {
                    let longer = &whole[..n];
                    assert_eq!(
                        classify_phrase(&t, longer),
                        None,
                        "{:?}",
                        &t[i..longer[n - 1].end]
                    );
                }
                for n in read.len() + 1..=whole.len() {
                    cut += 1;
                    let longer = &whole[..n];
                    assert_eq!(
                        classify_phrase(&t, longer),
                        None,
                        "{:?}",
                        &t[i..longer[n - 1].end]
                    );
                    assert_eq!(quantity(&t, longer), None, "{:?}", &t[i..longer[n - 1].end]);
                }
            }
        }
        assert!(
            cut > 1000 && cut_at_determiner > 300 && cut_in_ed > 100,
            "the corpus exercises the barriers ({cut} prefixes cut, {cut_at_determiner} phrases \
             at a determiner, {cut_in_ed} at a word in -ed)"
        );
    }

    /// The class of a word as `classify` found it with word lists and comparisons.
    fn classify_by_lists(w: &str) -> Class {
        let first = w.chars().next().unwrap_or(' ');
        let bare = w.trim_end_matches('.');
        let clause_word = ["that", "this", "these", "those"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(bare));
        if (lexicon::is_determiner(bare) && !clause_word) || is_possessive(w) {
            return Class::Det;
        }
        if ["of", "for", "at", "from", "with", "in"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(bare))
        {
            return Class::Prep;
        }
        if bare.eq_ignore_ascii_case("and") {
            return Class::And;
        }
        if first.is_ascii_digit() {
            return Class::Num;
        }
        if first.is_uppercase() {
            Class::Cap
        } else {
            Class::Lower
        }
    }

    /// A token's lists answer as the predicates of the lexicon do, for every word of the
    /// bundled corpus and of the lists, capitalized, upper-cased, with a period or an
    /// apostrophe.
    #[test]
    fn token_lists_agree_with_the_lexicon_predicates() {
        let mut words = crate::test_support::list_and_corpus_words(LISTS);
        words.extend(
            [
                "Mr.",
                "Ms..",
                "officials'",
                "aides’",
                "40-year-old",
                "20-year-olds",
                "two-thirds",
            ]
            .map(String::from),
        );
        words.sort();
        words.dedup();
        assert!(words.len() > 2000, "{} words", words.len());
        let mut checked = 0;
        for base in &words {
            let marked = [format!("{base}'"), format!("{base}’")];
            for w in crate::test_support::spellings(base)
                .into_iter()
                .chain(marked)
            {
                let lists = Lists::of(&w);
                let t = Tok::new(0, &w, classify(&w, lists), lists);
                let bare = w.trim_end_matches('.');
                assert_eq!(t.stopword(), lexicon::is_stopword(&w), "{w}");
                assert_eq!(t.pronoun(), lexicon::is_pronoun(&w), "{w}");
                assert_eq!(t.postmodifier(), is_postmodifier(&w), "{w}");
                // [`classify_with`] looks for postmodifiers only among lower-case words.
                assert!(!t.postmodifier() || t.class == Class::Lower, "{w}");
                assert_eq!(t.number_word(), is_number_word(&w), "{w}");
                assert_eq!(t.title(), lexicon::is_title(&w), "{w}");
                assert_eq!(t.person_noun(), lexicon::is_person_noun(&w), "{w}");
                assert_eq!(t.org_head(), lexicon::is_org_head(&w), "{w}");
                assert_eq!(t.clause_opener(), is_clause_opener(&w), "{w}");
                assert_eq!(t.role_adjective(), is_role_adjective(&w), "{w}");
                assert_eq!(t.lone_quantifier(), is_lone_quantifier(&w), "{w}");
                assert_eq!(
                    t.gender(),
                    lexicon::honorific_gender(&w).or_else(|| lexicon::noun_gender(&w)),
                    "{w}"
                );
                assert_eq!(
                    lists.bare & DETERMINER != 0,
                    lexicon::is_determiner(bare),
                    "{w}"
                );
                assert_eq!(t.class, classify_by_lists(&w), "{w}");
                let has = |list: &[&str]| list.iter().any(|q| q.eq_ignore_ascii_case(&w));
                assert_eq!(is_qualifier(&t), has(QUALIFIERS), "{w}");
                assert_eq!(
                    is_amount(&t),
                    t.class == Class::Num || is_number_word(&w) || has(AMOUNTS),
                    "{w}"
                );
                checked += 1;
            }
        }
        assert!(checked > 12_000, "{checked} words checked");
    }

    /// The letter pairs before the map ([`token_lists`]) turn away no word that a list holds:
    /// the lookup gives what the map gives, for every word of the lists and of the corpus in
    /// several spellings, trimmed as [`Lists::of`] trims them; and they turn away most of the
    /// capitalized words of the corpus, which the registry of names reads.
    #[test]
    fn letter_pairs_turn_away_no_listed_word() {
        let mut words = crate::test_support::list_and_corpus_words(LISTS);
        words.extend(
            [
                "",
                "Mr.",
                "U.S.",
                "officials'",
                "aides’",
                "é",
                "x".repeat(40).as_str(),
            ]
            .map(String::from),
        );
        let (mut capitalized, mut turned_away) = (0, 0);
        for base in &words {
            for w in crate::test_support::spellings(base) {
                for w in [
                    &w[..],
                    w.trim_end_matches('.'),
                    w.trim_end_matches(['\'', '’']),
                ] {
                    assert_eq!(token_lists(w), TOKEN_LISTS.of(w), "{w:?}");
                }
            }
            if base.starts_with(|c: char| c.is_ascii_uppercase()) {
                capitalized += 1;
                turned_away += usize::from(!TOKEN_SHAPES.may_hold(base.as_bytes()));
            }
        }
        assert!(
            2 * turned_away > capitalized,
            "{turned_away} of {capitalized}"
        );
    }

    /// A token knows whether it holds a hyphen, as a search of its text tells: the plain
    /// words of the fast path of [`read_token`] hold none; and its lists and class are those
    /// of [`Lists::of`] and [`classify`].
    #[test]
    fn tokens_know_their_hyphens() {
        let mut hyphenated = 0;
        for text in crate::test_support::corpus_texts_and(&["Sixty-six", "al-Assad's", "U.S.-led"])
        {
            for (p, _) in crate::grammar::words::words(&text) {
                if let Some(t) = read_token(&text, p, text.len()) {
                    assert_eq!(t.hyphenated, t.text.contains('-'), "{:?}", t.text);
                    // The plain words' lists, looked up once, are those of any word.
                    assert_eq!(t.lists, Lists::of(t.text), "{:?}", t.text);
                    // Their class is that of any word (a plural possessive is a determiner).
                    if !t.text.ends_with(['\'', '’']) {
                        assert_eq!(t.class, classify(t.text, t.lists), "{:?}", t.text);
                    }
                    hyphenated += usize::from(t.hyphenated);
                }
            }
        }
        assert!(hyphenated > 50, "{hyphenated} hyphenated tokens");
    }

    #[test]
    fn quantity_openers_are_the_qualifiers_amounts_and_numbers() {
        let tok = |w: &'static str| Tok::new(0, w, classify(w, Lists::of(w)), Lists::of(w));
        for &w in QUALIFIERS.iter().chain(AMOUNTS).chain(NUMBERS) {
            assert!(opens_quantity(&tok(w)), "{w}");
        }
        for w in ["Sixty-six", "twenty-one", "58", "About", "MOST"] {
            assert!(opens_quantity(&tok(w)), "{w}");
        }
        for w in ["Smith", "said", "The-end", "atop", "halfway", "sixty-odd"] {
            assert_eq!(
                opens_quantity(&tok(w)),
                is_qualifier(&tok(w)) || is_amount(&tok(w)),
                "{w}"
            );
        }
    }

    #[test]
    fn possessors() {
        for (t, want) in [
            ("Phil Jones’s house was full", Some("Phil Jones")),
            ("Phil Jones' house was full", Some("Phil Jones")),
            ("the Labour Party's leader", Some("the Labour Party")),
            ("the house was full", None),
            ("Given Obama's approval", Some("Obama")),
        ] {
            let got = (0..t.len())
                .filter(|&i| i == 0 || t.as_bytes()[i - 1] == b' ')
                .find_map(|i| {
                    let mut toks = ArrayVec::new();
                    phrase_tokens(&mut toks, t, i, t.len());
                    possessor(t, i, &toks)
                })
                .map(|m| &t[m.start..m.end]);
            assert_eq!(got, want, "{t}");
        }
    }
}
