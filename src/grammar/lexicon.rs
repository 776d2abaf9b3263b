//! Word lists of the mention grammar: titles, role nouns, organization heads, function words,
//! news outlets and platforms. Lookups are case-insensitive over ASCII; the lists are hash
//! maps built on first use (several lists may be answered in one lookup, a bit per list),
//! and a lookup allocates nothing for words up to 48 bytes.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Calls `f` with `bytes` in ASCII lower case: as they are when they hold no capital, else
/// copied on the stack when they are short.
fn with_lower_bytes<R>(bytes: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(bytes);
    }
    let mut buf = [0u8; 48];
    match buf.get_mut(..bytes.len()) {
        Some(lower) => {
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            f(lower)
        }
        None => f(&bytes.to_ascii_lowercase()),
    }
}

/// A long word list with an ASCII-case-insensitive lookup in O(1): [`WordClasses`] with one
/// class.
pub(crate) struct WordSet {
    classes: WordClasses,
}

/// Several word lists, each with its bit: the lookup of a word gives the bits of all the lists
/// that hold it, in one probe (ASCII case-insensitive). The map is built on first use, once
/// per process. Its hasher is FxHash (`rustc-hash`): the keys are our own short words, no
/// adversary chooses them, and SipHash cost a tenth of the analysis. Most words looked up are
/// in no list: a [`LetterFilter`] turns most of them away before they are lower-cased and
/// hashed (unless the lists are so many that the filter lets most words through:
/// [`WordClasses::unfiltered`]).
pub(crate) struct WordClasses {
    lists: Lists,
    /// Whether a [`LetterFilter`] stands before the map.
    filtered: bool,
    map: OnceLock<(ClassMap, LetterFilter)>,
}

/// The bits of each word (lower-cased) of a [`WordClasses`]: the words of up to
/// [`ShortKey::MAX_LEN`] bytes, nearly all, by their [`ShortKey`]; longer ones by their bytes.
struct ClassMap {
    short: FxHashMap<ShortKey, u32>,
    long: FxHashMap<Box<[u8]>, u32>,
}

impl ClassMap {
    /// The map of `words` (lower-cased), each with its bits (a word may come more than once:
    /// its bits are joined).
    fn of_words<'w>(words: impl IntoIterator<Item = (&'w [u8], u32)>) -> Self {
        let mut short: FxHashMap<ShortKey, u32> = FxHashMap::default();
        let mut long: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        for (word, bits) in words {
            match ShortKey::of(word) {
                Some(k) => *short.entry(k).or_default() |= bits,
                None => *long.entry(word.into()).or_default() |= bits,
            }
        }
        ClassMap { short, long }
    }

    /// The classes of `word`, in any ASCII case. Out of line: inlined into each of its many
    /// callers, it would crowd out the inlining of the grammar's own small functions.
    #[inline(never)]
    fn get(&self, word: &[u8]) -> u32 {
        match ShortKey::of(word) {
            Some(k) => self.short.get(&k).copied().unwrap_or(0),
            None => self.get_long(word),
        }
    }

    /// The classes of a word longer than a [`ShortKey`] (few are), out of line.
    #[inline(never)]
    fn get_long(&self, word: &[u8]) -> u32 {
        with_lower_bytes(word, |lower| self.long.get(lower).copied().unwrap_or(0))
    }
}

/// A word of up to [`ShortKey::MAX_LEN`] bytes in ASCII lower case, packed with its length
/// in one `u128`: read by a few loads, lower-cased eight bytes at a time, hashed by two
/// multiplications and compared in one step (where a byte-slice key costs a copy, a loop
/// over its bytes and a `memcmp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ShortKey(u128);

impl ShortKey {
    /// The longest word a key holds: its length takes the last byte.
    pub(crate) const MAX_LEN: usize = 15;

    /// The key of `word` in ASCII lower case, if it is short enough.
    #[inline]
    pub(crate) fn of(word: &[u8]) -> Option<ShortKey> {
        let n = word.len();
        if n > Self::MAX_LEN {
            return None;
        }
        // Most words have eight bytes or fewer: their high half is zero, lower-cased or not.
        let (lo, hi) = match word.split_at_checked(8) {
            Some((head, tail)) => (load_8(head), lower_ascii_8(load_up_to_7(tail))),
            None => (load_up_to_7(word), 0),
        };
        let packed = u128::from(lower_ascii_8(lo)) | u128::from(hi) << 64;
        Some(ShortKey(packed | (n as u128) << 120))
    }
}

/// The eight bytes of `b` (exactly eight), little-endian.
#[inline(always)]
fn load_8(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().expect("eight bytes"))
}

/// The bytes of `b` (at most seven), little-endian and zero-padded: two overlapping loads
/// of a power of two.
#[inline(always)]
fn load_up_to_7(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n < 8);
    if n >= 4 {
        let head = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
        let tail = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
        u64::from(head) | u64::from(tail) << ((n - 4) * 8)
    } else if n >= 2 {
        let head = u16::from_le_bytes(b[..2].try_into().expect("two bytes"));
        let tail = u16::from_le_bytes(b[n - 2..].try_into().expect("two bytes"));
        u64::from(head) | u64::from(tail) << ((n - 2) * 8)
    } else {
        b.first().map_or(0, |&x| u64::from(x))
    }
}

/// The bytes of `b` (1 to 16), little-endian and zero-padded, read by overlapping loads
/// (no copy of a variable length); `None` for an empty or longer `b`.
#[inline(always)]
pub(crate) fn load_up_to_16(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let (lo, hi) = match n {
        9..=16 => (load_8(&b[..8]), load_8(&b[n - 8..]) >> (8 * (16 - n))),
        8 => (load_8(b), 0),
        1..=7 => (load_up_to_7(b), 0),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// `x` with each of its eight bytes in ASCII lower case (SWAR: the bytes from `A` to `Z`
/// found by two additions, their case bit `0x20` set).
#[inline(always)]
fn lower_ascii_8(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & LOW7;
    // The high bit of each byte: set where its low seven bits are at least `A`, and where
    // they are past `Z`.
    let from_a = low7 + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = low7 + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & !x & HIGH;
    x | upper >> 2
}

/// The word lists of a [`WordClasses`].
enum Lists {
    /// Lists of one class (bit 1).
    Plain(&'static [&'static [&'static str]]),
    /// Each list with its bits.
    Classed(&'static [(u32, &'static [&'static str])]),
    /// A list of one class worked out from other lists when the map is built.
    Derived(fn() -> Vec<&'static str>),
}

/// The longest word a [`LetterFilter`] knows; longer words pass it.
const FILTER_LEN: usize = 48;

/// The letters the words of a list start and end with, by length: a word whose length, first
/// or last letter no word of the list has is in no list (a test of a few instructions, where
/// a hash lookup costs a hundred).
#[derive(Debug, Clone)]
pub(crate) struct LetterFilter {
    /// For each length, a bit per first letter ([`letter_bit`]) of a word of that length.
    first: [u32; FILTER_LEN],
    /// The same for the last letter.
    last: [u32; FILTER_LEN],
}

/// The filter bit of a byte: one per ASCII letter whatever its case, one for anything else
/// (the bit of its [`letter_class`]).
#[inline(always)]
const fn letter_bit(b: u8) -> u32 {
    1 << letter_class(b)
}

impl LetterFilter {
    /// A filter that no word passes yet.
    pub(crate) const fn new() -> Self {
        LetterFilter {
            first: [0; FILTER_LEN],
            last: [0; FILTER_LEN],
        }
    }

    /// Lets `word` (and any word of its length, first and last letters) pass.
    pub(crate) const fn add(&mut self, word: &[u8]) {
        if let (Some(&a), Some(&z)) = (word.first(), word.last())
            && word.len() < FILTER_LEN
        {
            self.first[word.len()] |= letter_bit(a);
            self.last[word.len()] |= letter_bit(z);
        }
    }

    /// False when no word added has the length and the first and last letters of `word`
    /// (ASCII case-insensitive).
    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        match (word.first(), word.last()) {
            (Some(&a), Some(&z)) if word.len() < FILTER_LEN => {
                self.first[word.len()] & letter_bit(a) != 0
                    && self.last[word.len()] & letter_bit(z) != 0
            }
            _ => true,
        }
    }
}

/// The classes of [`letter_class`]: one per ASCII letter, one for anything else.
const LETTER_CLASSES: usize = 27;

/// The class of a byte: its letter (0 to 25) whatever its case, 26 for anything else. Read
/// from a table of the 256 bytes: one load, where telling the letters costs a few
/// instructions for each of the two letters of each word the registry of names asks about.
#[inline(always)]
const fn letter_class(b: u8) -> usize {
    /// The class of each byte.
    const CLASSES: [u8; 256] = {
        let mut classes = [0; 256];
        let mut b = 0;
        while b < 256 {
            // Only the letters of either case, with the case bit set, fall from `a` to `z`.
            let l = (b as u8 | 0x20).wrapping_sub(b'a');
            classes[b] = if l < 26 { l } else { LETTER_CLASSES as u8 - 1 };
            b += 1;
        }
        classes
    };
    CLASSES[b as usize] as usize
}

/// The lengths of the words of a list by their first and last letters, and by their first two
/// letters: a word whose length no word of the list has with the same first and last letters,
/// or with the same first two letters, is not in the list (ASCII case-insensitive). Where a
/// [`LetterFilter`] knows each letter apart from the other, the pairs turn away nearly all the
/// words that share a first or a last letter with a word of the list ("campaign", "his"), at
/// about the same cost.
pub(crate) struct LetterPairs {
    /// For the first and last letters of a word (`first * LETTER_CLASSES + last`), a bit per
    /// length: bit `n` for the length `n`, bit 31 for any length from 31 on.
    first_last: [u32; LETTER_CLASSES * LETTER_CLASSES],
    /// The same for the first and second letters (a word of one letter has a second of the
    /// class of anything else).
    first_second: [u32; LETTER_CLASSES * LETTER_CLASSES],
}

impl LetterPairs {
    /// The pairs of the words of `list` (at compile time), none of them empty.
    pub(crate) const fn of_list(list: &[&str]) -> Self {
        let mut pairs = LetterPairs::new();
        pairs.add_list(list);
        pairs
    }

    /// The pairs of the words of all the `lists` of a [`WordClasses`] (at compile time), none
    /// of them empty.
    pub(crate) const fn of_lists(lists: &[(u32, &[&str])]) -> Self {
        let mut pairs = LetterPairs::new();
        let mut i = 0;
        while i < lists.len() {
            pairs.add_list(lists[i].1);
            i += 1;
        }
        pairs
    }

    /// Pairs that hold no word yet.
    const fn new() -> Self {
        LetterPairs {
            first_last: [0; LETTER_CLASSES * LETTER_CLASSES],
            first_second: [0; LETTER_CLASSES * LETTER_CLASSES],
        }
    }

    /// Adds the pairs of the words of `list`, none of them empty.
    const fn add_list(&mut self, list: &[&str]) {
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            let (Some(&a), Some(&z)) = (word.first(), word.last()) else {
                panic!("an empty word in the list");
            };
            let first = letter_class(a) * LETTER_CLASSES;
            let length = Self::length_bit(word);
            self.first_last[first + letter_class(z)] |= length;
            self.first_second[first + Self::second_class(word)] |= length;
            i += 1;
        }
    }

    /// The bit of the length of `word`.
    #[inline(always)]
    const fn length_bit(word: &[u8]) -> u32 {
        1 << if word.len() < 31 { word.len() } else { 31 }
    }

    /// The class of the second letter of `word` (of anything else for a word of one letter).
    #[inline(always)]
    const fn second_class(word: &[u8]) -> usize {
        if word.len() > 1 {
            letter_class(word[1])
        } else {
            LETTER_CLASSES - 1
        }
    }

    /// False when no word of the list has the length and the first and last letters of
    /// `word`, or its length and its first two letters (ASCII case-insensitive); false for the
    /// empty word. The first and last letters are told first: they turn away more words.
    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&a), Some(&z)) = (word.first(), word.last()) else {
            return false;
        };
        let first = letter_class(a) * LETTER_CLASSES;
        let length = Self::length_bit(word);
        self.first_last[first + letter_class(z)] & length != 0
            && self.first_second[first + Self::second_class(word)] & length != 0
    }
}

impl WordSet {
    /// The set of the words of `lists`.
    pub(crate) const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        WordSet {
            classes: WordClasses {
                lists: Lists::Plain(lists),
                filtered: true,
                map: OnceLock::new(),
            },
        }
    }

    /// The set of the words that `words` gives (from other lists), when it is first asked.
    pub(crate) const fn derived(words: fn() -> Vec<&'static str>) -> Self {
        WordSet {
            classes: WordClasses {
                lists: Lists::Derived(words),
                filtered: true,
                map: OnceLock::new(),
            },
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.classes.of(word) != 0
    }

    /// [`WordSet::contains`] without the letter filter, for a word that a filter of the same
    /// words passed already ([`is_title`]): the filter only turns away words the set does not
    /// hold.
    fn contains_unfiltered(&self, word: &str) -> bool {
        self.classes.lookup(word) != 0
    }
}

impl WordClasses {
    /// The classes of the words of `lists`, each list with its bits, without a
    /// [`LetterFilter`]: the only such map, the grammar's map of all its lists, covers so many
    /// lengths and letters that its filter let 91% of the words of `corpus/` through, and
    /// would cost every lookup to save few. ([`WordSet`]s have one; the grammar asks its
    /// [`LetterPairs`], which tell more, before this map.)
    pub(crate) const fn unfiltered(lists: &'static [(u32, &'static [&'static str])]) -> Self {
        WordClasses {
            lists: Lists::Classed(lists),
            filtered: false,
            map: OnceLock::new(),
        }
    }

    /// The bits of the lists that hold `word`, 0 for none. Inlined where it is called: a
    /// lookup is a few dozen instructions, and most are of the grammar's tokens.
    #[inline(always)]
    pub(crate) fn of(&self, word: &str) -> u32 {
        let (map, filter) = self.map.get_or_init(|| self.build());
        let bytes = word.as_bytes();
        if self.filtered && !filter.may_hold(bytes) {
            return 0;
        }
        map.get(bytes)
    }

    /// [`WordClasses::of`] without the letter filter.
    #[inline(always)]
    fn lookup(&self, word: &str) -> u32 {
        let (map, _) = self.map.get_or_init(|| self.build());
        map.get(word.as_bytes())
    }
}

impl WordClasses {
    /// The map and the filter of the lists, built on first use.
    #[cold]
    fn build(&self) -> (ClassMap, LetterFilter) {
        let derived;
        let lists: Vec<(u32, &[&str])> = match self.lists {
            Lists::Plain(lists) => lists.iter().map(|&list| (1, list)).collect(),
            Lists::Classed(lists) => lists.to_vec(),
            Lists::Derived(words) => {
                derived = words();
                vec![(1, derived.as_slice())]
            }
        };
        let words: Vec<(Vec<u8>, u32)> = lists
            .iter()
            .flat_map(|&(bits, list)| list.iter().map(move |w| (w.as_bytes(), bits)))
            .map(|(w, bits)| (w.to_ascii_lowercase(), bits))
            .collect();
        let mut filter = LetterFilter::new();
        for (w, _) in &words {
            filter.add(w);
        }
        let map = ClassMap::of_words(words.iter().map(|(w, bits)| (w.as_slice(), *bits)));
        (map, filter)
    }
}

/// Abbreviations that end with a period inside a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cmdr",
    "sgt", "adm", "maj", "pres", "jr", "sr", "st", "mt", "ft", "rev", "hon", "amb", "supt", "insp",
    "det", "atty", "co", "corp", "inc", "ltd", "bros", "dept", "univ", "no", "vs", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "d.c",
    "etc", "approx", "est", "vol", "fig", "op", "ed",
];
static ABBREVIATIONS_SET: WordSet = WordSet::new(&[ABBREVIATIONS]);

/// True for abbreviations after which a period does not end a sentence ("Mr.", "Sen.").
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS_SET.contains(word)
}

/// Honorifics and titles written before a name ("Mr.", "Senator", "Secretary of State").
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "mayor",
    "judge",
    "justice",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "capt",
    "captain",
    "cmdr",
    "commander",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "maj",
    "major",
    "lieutenant",
    "chief",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "father",
    "sister",
    "brother",
    "rev",
    "reverend",
    "sheikh",
    "sir",
    "dame",
    "lord",
    "lady",
    "ambassador",
    "envoy",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "commissioner",
    "attorney",
    "prosecutor",
    "sheriff",
    "officer",
    "detective",
    "inspector",
    "superintendent",
    "coach",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "councilmember",
    "alderman",
    "assemblyman",
    "assemblywoman",
    "delegate",
    "state",
    "foreign",
    "defense",
    "defence",
    "finance",
    "interior",
    "justice",
    "health",
    "trade",
    "prime",
    "deputy",
    "acting",
    "former",
    "first",
    "crown",
    "emperor",
    "empress",
    "president-elect",
    "nominee",
    "candidate",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "amb",
    "hon",
    "supt",
    "insp",
    "det",
    "atty",
    "pres",
    "jr",
    "sr",
    "sec",
    "treasurer",
    "auditor",
    "comptroller",
    "lawmaker",
    "mp",
    "mep",
    "ceo",
    "cfo",
    "coo",
    "founder",
    "co-founder",
    "executive",
    "economist",
    "analyst",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "counsel",
    "lawyer",
    "attorney-general",
    "solicitor",
    "registrar",
    "dean",
    "provost",
    "rector",
    "headmaster",
    "principal",
    "pastor",
];
static TITLES_SET: WordSet = WordSet::new(&[TITLES]);

/// True for title words that may stand before a name ("President", "Foreign", "Minister").
/// Most other words are turned away by their shape (`may_be_title`) before the lookup: the
/// registry of names asks about every lower-case word of the body, and the shape test is
/// inlined there: only the words that pass it pay for a call and a lookup.
#[inline]
pub fn is_title(word: &str) -> bool {
    may_be_title(word) && is_listed_title(word)
}

/// The lookup of [`is_title`] in [`TITLES`], its trailing periods left out, for a word that
/// passed the shape test of the set's words ([`may_be_title_bytes`]) already: [`is_title`]
/// and the registry of names, which tests the shape of a word's bytes first.
#[inline(never)]
pub(crate) fn is_listed_title(word: &str) -> bool {
    if word.ends_with('.') {
        TITLES_SET.contains(word.trim_end_matches('.'))
    } else {
        TITLES_SET.contains_unfiltered(word)
    }
}

/// The lengths and letter pairs of the [`TITLES`], built at compile time.
static TITLE_SHAPES: LetterPairs = LetterPairs::of_list(TITLES);

/// False for most words that are no title ([`is_title`]) by their length and the pairs of
/// their first two letters and of their first and last letters, in a few instructions (true
/// for a word that ends with a period).
#[inline]
fn may_be_title(word: &str) -> bool {
    may_be_title_bytes(word.as_bytes())
}

/// [`may_be_title`] of the bytes of a word: the registry of names tests the words of the
/// body by their bytes, and slices a word only when it may be a title.
#[inline]
pub(crate) fn may_be_title_bytes(b: &[u8]) -> bool {
    b.last() == Some(&b'.') || TITLE_SHAPES.may_hold(b)
}

/// Honorifics of men.
pub(crate) const MALE_HONORIFICS: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "father", "brother", "sheikh", "emperor",
];

/// Honorifics of women.
pub(crate) const FEMALE_HONORIFICS: &[&str] = &[
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister", "empress",
];

/// Honorifics that tell a gender.
pub fn honorific_gender(word: &str) -> Option<Gender> {
    static MALE_SET: WordSet = WordSet::new(&[MALE_HONORIFICS]);
    static FEMALE_SET: WordSet = WordSet::new(&[FEMALE_HONORIFICS]);
    let w = word.trim_end_matches('.');
    if MALE_SET.contains(w) {
        Some(Gender::Male)
    } else if FEMALE_SET.contains(w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Grammatical gender evidence of a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, Mr, spokesman.
    Male,
    /// she, Ms, spokeswoman.
    Female,
}

/// Role nouns that tell a gender ("spokeswoman", "chairman").
pub fn noun_gender(word: &str) -> Option<Gender> {
    static FEMALE_SET: WordSet = WordSet::new(&[FEMALE]);
    static MALE_SET: WordSet = WordSet::new(&[MALE]);
    noun_gender_in(word, FEMALE_SET.contains(word), MALE_SET.contains(word))
}

/// [`noun_gender`] of `word`, which the list of female nouns holds when `female` and that of
/// male nouns when `male`.
pub(crate) fn noun_gender_in(word: &str, female: bool, male: bool) -> Option<Gender> {
    // An ASCII-case-insensitive suffix; the words that have one are not lower-cased.
    let ends = |suffix: &str| {
        word.len() >= suffix.len()
            && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if female || (ends("woman") && word.len() > 5) {
        Some(Gender::Female)
    } else if male || (ends("man") && word.len() > 3 && !ends("human") && !ends("german")) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Nouns of women ([`noun_gender`]).
pub(crate) const FEMALE: &[&str] = &[
    "woman",
    "women",
    "mother",
    "wife",
    "daughter",
    "sister",
    "girl",
    "grandmother",
    "aunt",
    "niece",
    "widow",
    "actress",
    "waitress",
    "queen",
    "princess",
    "lady",
    "mom",
    "girlfriend",
];

/// Nouns of men ([`noun_gender`]).
pub(crate) const MALE: &[&str] = &[
    "man",
    "men",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "grandfather",
    "uncle",
    "nephew",
    "widower",
    "actor",
    "king",
    "prince",
    "dad",
    "boyfriend",
    "gentleman",
];

/// Nouns that name people by role, for descriptions ("a spokeswoman", "the top US diplomat").
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "minister",
    "ministers",
    "president",
    "secretary",
    "senator",
    "senators",
    "congressman",
    "congresswoman",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "governor",
    "mayor",
    "leader",
    "leaders",
    "chief",
    "head",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "manager",
    "executive",
    "executives",
    "ceo",
    "founder",
    "owner",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "economist",
    "economists",
    "scientist",
    "scientists",
    "researcher",
    "researchers",
    "professor",
    "teacher",
    "student",
    "students",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "physician",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "prosecutor",
    "prosecutors",
    "judge",
    "judges",
    "officer",
    "officers",
    "police",
    "policeman",
    "policewoman",
    "detective",
    "investigator",
    "investigators",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "neighbor",
    "neighbour",
    "neighbours",
    "neighbors",
    "voter",
    "voters",
    "supporter",
    "supporters",
    "critic",
    "critics",
    "opponent",
    "opponents",
    "protester",
    "protesters",
    "activist",
    "activists",
    "candidate",
    "candidates",
    "nominee",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "staffer",
    "staffers",
    "source",
    "sources",
    "insider",
    "insiders",
    "observer",
    "observers",
    "commentator",
    "columnist",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "editor",
    "author",
    "writer",
    "historian",
    "strategist",
    "strategists",
    "pollster",
    "pollsters",
    "consultant",
    "man",
    "woman",
    "men",
    "women",
    "person",
    "people",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "friend",
    "colleague",
    "colleagues",
    "worker",
    "workers",
    "employee",
    "employees",
    "farmer",
    "farmers",
    "owner",
    "owners",
    "player",
    "players",
    "coach",
    "fan",
    "fans",
    "member",
    "members",
    "representative",
    "representatives",
    "delegate",
    "delegates",
    "ambassador",
    "envoy",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "commander",
    "soldier",
    "soldiers",
    "spokespeople",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "progressive",
    "progressives",
    "victim",
    "victims",
    "survivor",
    "survivors",
    "parent",
    "parents",
    "child",
    "children",
    "citizen",
    "citizens",
    "american",
    "americans",
    "negotiator",
    "negotiators",
    "regulator",
    "regulators",
    "economist",
    "banker",
    "bankers",
    "investor",
    "investors",
    "trader",
    "traders",
    "pastor",
    "priest",
    "bishop",
    "cleric",
    "imam",
    "rabbi",
    "nun",
    "monk",
    "actor",
    "actress",
    "singer",
    "organizer",
    "organizers",
    "organiser",
    "organisers",
    "volunteer",
    "volunteers",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "administrator",
    "manager",
    "president-elect",
    "incumbent",
    "challenger",
    "rival",
    "rivals",
    "frontrunner",
    "front-runner",
    "billionaire",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "host",
    "anchor",
    "moderator",
    "speaker",
    "surgeon",
    "veteran",
    "veterans",
    "commissioner",
    "inspector",
    "sheriff",
    "deputy",
    "trooper",
    "agent",
    "agents",
    "guard",
    "guards",
    "mp",
    "mps",
    "mep",
    "peer",
    "campaigner",
    "campaigners",
    "lobbyist",
    "lobbyists",
    "pundit",
    "pundits",
    "blogger",
    "user",
    "users",
    "citizen",
    "operative",
    "operatives",
    "staff",
    "staffer",
    "team",
    "counsel",
    "defendant",
    "plaintiff",
    "suspect",
    "teenager",
    "student",
    "graduate",
    "mom",
    "dad",
    "grandmother",
    "grandfather",
    "boy",
    "girl",
    "year-old",
    "aide",
    "baker",
    "pensioner",
    "retiree",
    "commuter",
    "landlord",
    "landlady",
    "librarian",
    "skipper",
    "fisherman",
    "fishermen",
    "shopkeeper",
    "shopper",
    "shoppers",
    "engineer",
    "engineers",
    "driver",
    "drivers",
    "plumber",
    "chef",
    "cook",
    "waiter",
    "bartender",
    "cashier",
    "clerk",
    "mechanic",
    "electrician",
    "carpenter",
    "builder",
    "miner",
    "miners",
    "nurse",
    "midwife",
    "paramedic",
    "firefighter",
    "firefighters",
    "pilot",
    "sailor",
    "rancher",
    "grower",
    "vendor",
    "merchant",
    "retailer",
    "tenant",
    "tenants",
    "homeowner",
    "homeowners",
    "landowner",
    "patient",
    "patients",
    "passenger",
    "passengers",
    "traveller",
    "traveler",
    "tourist",
    "tourists",
    "visitor",
    "visitors",
    "pupil",
    "pupils",
    "lecturer",
    "scholar",
    "academic",
    "academics",
    "physicist",
    "biologist",
    "chemist",
    "epidemiologist",
    "psychologist",
    "sociologist",
    "architect",
    "designer",
    "artist",
    "musician",
    "writer",
    "novelist",
    "poet",
    "photographer",
    "filmmaker",
    "director",
    "producer",
    "athlete",
    "runner",
    "swimmer",
    "striker",
    "goalkeeper",
    "captain",
    "manager",
    "referee",
    "umpire",
    "winner",
    "champion",
    "mourner",
    "mourners",
    "bystander",
    "bystanders",
    "onlooker",
    "onlookers",
    "eyewitness",
    "local",
    "locals",
    "villager",
    "villagers",
    "islander",
    "islanders",
    "immigrant",
    "immigrants",
    "refugee",
    "refugees",
    "migrant",
    "migrants",
    "striker",
    "strikers",
    "nominee",
    "chairperson",
    "secretary-general",
    "economist",
    "trustee",
    "governor",
    "inspector",
];
static PERSON_NOUNS_SET: WordSet = WordSet::new(&[PERSON_NOUNS]);

/// True for nouns that denote people (heads of descriptions like "a senior official").
pub fn is_person_noun(word: &str) -> bool {
    let w = word.trim_end_matches(['\'', '’']);
    PERSON_NOUNS_SET.contains(w) || w.ends_with("-year-old") || w.ends_with("-year-olds")
}

/// Head words of organization names and descriptions.
pub(crate) const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "dept",
    "office",
    "council",
    "committee",
    "commission",
    "agency",
    "bureau",
    "government",
    "administration",
    "party",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "court",
    "police",
    "army",
    "navy",
    "military",
    "forces",
    "force",
    "guard",
    "bank",
    "fund",
    "association",
    "union",
    "federation",
    "foundation",
    "institute",
    "university",
    "college",
    "school",
    "hospital",
    "clinic",
    "center",
    "centre",
    "authority",
    "board",
    "service",
    "services",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "league",
    "campaign",
    "network",
    "newspaper",
    "magazine",
    "times",
    "journal",
    "news",
    "tribune",
    "herald",
    "guardian",
    "telegraph",
    "reuters",
    "xinhua",
    "cabinet",
    "kremlin",
    "pentagon",
    "embassy",
    "consulate",
    "mission",
    "secretariat",
    "directorate",
    "club",
    "team",
    "society",
    "trust",
    "church",
    "airlines",
    "airways",
    "motors",
    "industries",
    "systems",
    "technologies",
    "labs",
    "laboratory",
    "laboratories",
    "railways",
    "network",
    "broadcaster",
    "channel",
    "station",
    "watchdog",
    "regulator",
    "prosecutors",
    "district",
    "city",
    "county",
    "municipality",
    "township",
    "prefecture",
    "chamber",
    "ministries",
    "unions",
    "shipping",
    "logistics",
    "energy",
    "mining",
    "ab",
    "llp",
    "pty",
    "partners",
    "capital",
    "ventures",
    "media",
    "pharmaceuticals",
    "entertainment",
    "studios",
    "nato",
    "fbi",
    "cia",
    "un",
    "eu",
    "who",
    "imf",
    "opec",
];
static ORG_HEADS_SET: WordSet = WordSet::new(&[ORG_HEADS]);

/// True for words that head an organization name ("Ministry", "Corp", "Council").
pub fn is_org_head(word: &str) -> bool {
    ORG_HEADS_SET.contains(word.trim_end_matches('.')) || is_company_head(word)
}

/// Head words of company names, what "the company" and "the firm" refer back to.
pub(crate) const COMPANY_HEADS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "ltd",
    "llc",
    "plc",
    "co",
    "company",
    "group",
    "holdings",
    "gmbh",
    "ag",
    "sa",
    "nv",
    "firm",
];
static COMPANY_HEADS_SET: WordSet = WordSet::new(&[COMPANY_HEADS]);

/// True for words that end a company's name ("Acme Corp", "Nordwind Energie GmbH").
pub fn is_company_head(word: &str) -> bool {
    COMPANY_HEADS_SET.contains(word.trim_end_matches('.'))
}

/// Well-known organizations that are named without a head word.
const ORG_NAMES: &[&str] = &[
    "White House",
    "Kremlin",
    "Pentagon",
    "Downing Street",
    "Elysee",
    "Élysée",
    "Congress",
    "Senate",
    "Parliament",
    "Reuters",
    "Xinhua",
    "IANS",
    "AFP",
    "AP",
    "Associated Press",
    "Bloomberg",
    "CNN",
    "BBC",
    "NBC",
    "CBS",
    "ABC",
    "Fox News",
    "MSNBC",
    "NPR",
    "PTI",
    "ANI",
    "UPI",
    "TASS",
    "Kyodo",
    "Yonhap",
    "NATO",
    "FBI",
    "CIA",
    "NASA",
    "EU",
    "UN",
    "WHO",
    "Interfax",
    "Al Jazeera",
    "Politico",
    "Breitbart",
    "Vatican",
    "Hamas",
    "Hezbollah",
    "Taliban",
    "Google",
    "Apple",
    "Microsoft",
    "Amazon",
    "Facebook",
    "Meta",
    "Twitter",
];
static ORG_NAMES_SET: WordSet = WordSet::new(&[ORG_NAMES]);

/// True for well-known organization names ("White House", "Reuters").
pub fn is_org_name(name: &str) -> bool {
    ORG_NAMES_SET.contains(name)
}

/// News agencies and outlets, as relays and media ("Xinhua reported", "told Reuters").
const NEWS_OUTLETS: &[&str] = &[
    "Reuters",
    "Xinhua",
    "IANS",
    "AFP",
    "Agence France-Presse",
    "AP",
    "Associated Press",
    "The Associated Press",
    "Bloomberg",
    "CNN",
    "BBC",
    "NBC",
    "NBC News",
    "CBS",
    "CBS News",
    "ABC",
    "ABC News",
    "Fox News",
    "Fox",
    "MSNBC",
    "NPR",
    "PTI",
    "ANI",
    "UPI",
    "TASS",
    "RIA",
    "RIA Novosti",
    "Interfax",
    "Kyodo",
    "Yonhap",
    "dpa",
    "EFE",
    "ANSA",
    "Al Jazeera",
    "Politico",
    "Axios",
    "Breitbart",
    "Breitbart News",
    "HuffPost",
    "Huffington Post",
    "The Huffington Post",
    "Sky News",
    "CNBC",
    "Euronews",
    "France 24",
    "Deutsche Welle",
    "Anadolu",
    "Sputnik",
    "RT",
    "Nikkei",
    "Yomiuri",
    "Asahi",
    "Le Monde",
    "Der Spiegel",
    "Spiegel",
    "El País",
    "Haaretz",
    "Vox",
    "Slate",
    "Newsweek",
    "Time",
    "BuzzFeed",
    "BuzzFeed News",
    "ProPublica",
    "Daily Mail",
    "Mirror",
    "Sun",
];
static NEWS_OUTLETS_SET: WordSet = WordSet::new(&[NEWS_OUTLETS]);

/// Head words of newspaper titles that take "The" ("The Washington Post", "The Guardian").
const NEWSPAPER_HEADS: &[&str] = &[
    "Times",
    "Post",
    "Journal",
    "Guardian",
    "Herald",
    "Tribune",
    "Telegraph",
    "Independent",
    "Economist",
    "Observer",
    "Chronicle",
    "Gazette",
    "Hill",
    "Atlantic",
    "Yorker",
    "Globe",
    "Sun",
    "Mirror",
    "Star",
    "Inquirer",
    "Examiner",
    "Hindu",
    "Review",
    "Register",
    "Dispatch",
    "Bulletin",
    "Courier",
    "Express",
    "Standard",
    "Monitor",
    "Sentinel",
    "Record",
    "Enquirer",
    "Republic",
    "Statesman",
    "Nation",
    "Mail",
];

/// Other head words of outlet names ("Daily", "News", "Radio", "Agency").
const OUTLET_HEADS: &[&str] = &[
    "Daily",
    "Weekly",
    "Magazine",
    "News",
    "Radio",
    "Television",
    "TV",
    "Agency",
    "Wire",
    "Press",
    "Reporter",
    "Dawn",
    "Today",
];

/// True for the last word of a newspaper title that takes "The" ("Times", "Post").
pub fn is_newspaper_head(word: &str) -> bool {
    NEWSPAPER_HEADS.contains(&word)
}

/// True when `name` is a well-known news outlet ("Xinhua", "Associated Press").
pub fn is_known_outlet(name: &str) -> bool {
    NEWS_OUTLETS_SET.contains(name.strip_prefix("The ").unwrap_or(name))
}

/// [`is_org_name`] or [`is_known_outlet`]: one lookup in a set of both lists for a name
/// without "The " (most of the capitalized runs that the grammar asks about), where the two
/// tests would make two.
pub fn is_org_name_or_known_outlet(name: &str) -> bool {
    static ORGS_AND_OUTLETS: WordSet = WordSet::new(&[ORG_NAMES, NEWS_OUTLETS]);
    match name.strip_prefix("The ") {
        None => ORGS_AND_OUTLETS.contains(name),
        Some(bare) => is_org_name(name) || NEWS_OUTLETS_SET.contains(bare),
    }
}

/// True when `name` (a capitalized phrase, without a leading "the") names a news outlet: a
/// known one, or a phrase of several words ending like a publication ("Daily Telegraph",
/// "Ravnsund Herald") or starting like a broadcaster ("Radio Seine").
pub fn is_news_outlet(name: &str) -> bool {
    let bare = name.strip_prefix("The ").unwrap_or(name);
    let last = bare.rsplit(' ').next().unwrap_or(bare);
    let head = |w: &str| is_newspaper_head(w) || OUTLET_HEADS.contains(&w);
    if name.starts_with("The ") && head(last) {
        return true;
    }
    NEWS_OUTLETS_SET.contains(bare)
        || bare
            .rsplit(' ')
            .next()
            .is_some_and(|last| head(last) && bare.contains(' '))
        || bare
            .split(' ')
            .next()
            .is_some_and(|first| BROADCASTER_OPENERS.contains(&first) && bare.contains(' '))
}

/// The first words of broadcasters' names ("Radio Seine", "TV Azteca").
const BROADCASTER_OPENERS: &[&str] = &["Radio", "TV", "Channel", "Télé"];

/// True when `word`, in any case of its ASCII letters, is one that [`is_news_outlet`] tells an
/// outlet by: the last word of a known outlet's name (which its lookup matches in any case),
/// a head word, or the first word of a broadcaster's. A phrase that holds none names no
/// outlet.
pub fn is_outlet_word(word: &str) -> bool {
    static OUTLET_WORDS: WordSet = WordSet::derived(outlet_words);
    OUTLET_WORDS.contains(word)
}

/// The words of [`is_outlet_word`].
fn outlet_words() -> Vec<&'static str> {
    let last_words = NEWS_OUTLETS.iter().filter_map(|o| o.rsplit(' ').next());
    let heads = NEWSPAPER_HEADS
        .iter()
        .chain(OUTLET_HEADS)
        .chain(BROADCASTER_OPENERS);
    last_words.chain(heads.copied()).collect()
}

/// Social platforms and channels that are a medium ("on Twitter", "wrote on X").
const PLATFORMS: &[&str] = &[
    "Twitter",
    "X",
    "Facebook",
    "Instagram",
    "TikTok",
    "YouTube",
    "LinkedIn",
    "Threads",
    "Bluesky",
    "Truth Social",
    "Telegram",
    "WhatsApp",
    "Weibo",
    "WeChat",
    "Reddit",
    "Snapchat",
    "Medium",
    "Substack",
];

/// The canonical platform name if `name` is one ("twitter" → "Twitter").
pub fn platform(name: &str) -> Option<&'static str> {
    PLATFORMS
        .iter()
        .find(|p| p.eq_ignore_ascii_case(name))
        .copied()
}

/// True when a capitalized phrase is more likely a place than a person: it opens with the
/// first word of place names that look like people's names ("Port Ellery", "Lake Placid").
pub fn is_place_like(name: &str) -> bool {
    // Byte by byte: a name is too short to pay for setting `memchr` up.
    let first = name
        .bytes()
        .position(|b| b == b' ')
        .map_or(name, |i| &name[..i]);
    // As written (a `match` compares the length first).
    matches!(
        first.trim_end_matches('.'),
        "Port"
            | "Fort"
            | "Mount"
            | "Mt"
            | "Lake"
            | "Cape"
            | "Saint"
            | "St"
            | "San"
            | "Santa"
            | "New"
            | "Los"
            | "Las"
            | "North"
            | "South"
            | "East"
            | "West"
            | "Upper"
            | "Lower"
            | "Glen"
            | "Bay"
            | "Isle"
            | "Point"
            | "Great"
            | "Little"
            | "Old"
            | "Mont"
            | "Monte"
            | "Rio"
            | "Sierra"
            | "Costa"
            | "Puerto"
            | "Bad"
    )
}

/// Function words that never start or end a speaker mention.
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "for",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "without",
    "about",
    "as",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "this",
    "these",
    "those",
    "there",
    "here",
    "then",
    "now",
    "also",
    "still",
    "even",
    "just",
    "only",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "if",
    "though",
    "although",
    "because",
    "unless",
    "whether",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "any",
    "many",
    "much",
    "more",
    "most",
    "other",
    "such",
    "own",
    "same",
    "very",
    "too",
    "again",
    "once",
    "instead",
    "indeed",
    "thus",
    "hence",
    "therefore",
    "moreover",
    "furthermore",
    "besides",
    "otherwise",
    "nevertheless",
    "nonetheless",
    "meanwhile",
    "finally",
    "first",
    "next",
    "last",
    "last",
    "asked",
    "speaking",
    "reacting",
    "responding",
    "according",
    "separately",
    "privately",
    "publicly",
    "recently",
    "previously",
    "ultimately",
    "overall",
    "specifically",
    "notably",
    "it's",
    "during",
    "despite",
    "amid",
    "among",
    "between",
    "against",
    "through",
    "throughout",
    "like",
    "unlike",
    "than",
    "via",
    "whereas",
];
static STOPWORDS_SET: WordSet = WordSet::new(&[STOPWORDS, WEEKDAYS]);

/// True for function words and sentence adverbs ("the", "however", "Earlier", "Monday").
pub fn is_stopword(word: &str) -> bool {
    // The weekdays are in the set.
    STOPWORDS_SET.contains(word)
}

/// True for words that end a time adverbial: weekdays, month names, and "week", "year",
/// "yesterday", "tonight", ... ("last week", "on Tuesday", "earlier this month", "in 2012").
pub fn is_time_word(word: &str) -> bool {
    static TIME_WORDS_SET: WordSet = WordSet::new(&[WEEKDAYS, TIME_WORDS]);
    TIME_WORDS_SET.contains(word)
        || word.len() == 4
            && word.starts_with(['1', '2'])
            && word.bytes().all(|b| b.is_ascii_digit())
}

/// Months and other words that end a time adverbial, besides the weekdays.
const TIME_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "tonight",
    "fall",
    "spring",
    "summer",
    "winter",
];

/// The days of the week.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for the names of the days of the week, in any case.
pub fn is_weekday(word: &str) -> bool {
    static WEEKDAYS_SET: WordSet = WordSet::new(&[WEEKDAYS]);
    WEEKDAYS_SET.contains(word)
}

/// Subject pronouns that can be speakers.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// True for subject pronouns ("he", "She", "they").
pub fn is_pronoun(word: &str) -> bool {
    static PRONOUNS_SET: WordSet = WordSet::new(&[PRONOUNS]);
    PRONOUNS_SET.contains(word)
}

/// Determiners that open a description ("the", "a", "one", "his").
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "your", "this",
    "that", "these", "those", "some", "several", "two", "three", "four", "five", "many", "most",
    "other", "both", "few", "each", "every", "no", "any",
];
static DETERMINERS_SET: WordSet = WordSet::new(&[DETERMINERS]);

/// True for words that may open a description.
pub fn is_determiner(word: &str) -> bool {
    DETERMINERS_SET.contains(word)
}

/// Role families for resolving a definite description to a titled person: the description's
/// head word and the title words that satisfy it ("the top US diplomat" ← "Secretary of State").
pub const ROLE_FAMILIES: &[(&str, &[&str])] = &[
    (
        "diplomat",
        &[
            "secretary of state",
            "foreign minister",
            "foreign secretary",
            "ambassador",
            "envoy",
            "diplomat",
        ],
    ),
    ("minister", &["minister", "premier", "prime"]),
    ("president", &["president"]),
    ("senator", &["senator", "sen"]),
    (
        "lawmaker",
        &[
            "senator",
            "sen",
            "rep",
            "representative",
            "congressman",
            "congresswoman",
            "mp",
            "lawmaker",
            "assemblyman",
            "assemblywoman",
            "legislator",
        ],
    ),
    ("congressman", &["rep", "representative", "congressman"]),
    ("congresswoman", &["rep", "representative", "congresswoman"]),
    ("governor", &["governor", "gov"]),
    ("mayor", &["mayor"]),
    ("chancellor", &["chancellor"]),
    ("premier", &["premier", "prime minister"]),
    ("secretary", &["secretary"]),
    (
        "official",
        &[
            "secretary",
            "minister",
            "official",
            "director",
            "commissioner",
            "spokesman",
            "spokeswoman",
            "spokesperson",
        ],
    ),
    (
        "executive",
        &[
            "chief executive",
            "ceo",
            "executive",
            "chairman",
            "president",
        ],
    ),
    ("ceo", &["chief executive", "ceo"]),
    ("chief", &["chief"]),
    (
        "leader",
        &[
            "leader",
            "president",
            "prime minister",
            "chancellor",
            "premier",
        ],
    ),
    ("candidate", &["candidate", "nominee"]),
    ("nominee", &["nominee", "candidate"]),
    ("spokesman", &["spokesman", "spokesperson"]),
    ("spokeswoman", &["spokeswoman", "spokesperson"]),
    (
        "spokesperson",
        &["spokesman", "spokeswoman", "spokesperson"],
    ),
    ("judge", &["judge", "justice"]),
    ("general", &["general", "gen"]),
    ("commander", &["commander", "general", "admiral"]),
    ("chairman", &["chairman", "chair"]),
    ("chairwoman", &["chairwoman", "chair"]),
    ("ambassador", &["ambassador", "amb"]),
    ("envoy", &["envoy", "ambassador"]),
    ("prosecutor", &["prosecutor", "attorney"]),
    ("director", &["director"]),
    ("commissioner", &["commissioner"]),
    ("speaker", &["speaker"]),
    ("coach", &["coach"]),
    ("professor", &["professor", "prof"]),
    ("doctor", &["dr", "doctor", "physician", "surgeon"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every outlet that [`is_news_outlet`] knows holds an [outlet word](is_outlet_word), in
    /// any case of its letters.
    #[test]
    fn outlets_hold_an_outlet_word() {
        for outlet in NEWS_OUTLETS
            .iter()
            .chain(NEWSPAPER_HEADS)
            .chain(OUTLET_HEADS)
            .chain(BROADCASTER_OPENERS)
        {
            for name in [
                outlet.to_string(),
                outlet.to_ascii_lowercase(),
                outlet.to_ascii_uppercase(),
            ] {
                assert!(name.split(' ').any(is_outlet_word), "{name}");
            }
        }
        assert!(is_outlet_word("DPA") && is_outlet_word("tImEs"));
        assert!(!is_outlet_word("Monday") && !is_outlet_word("the") && !is_outlet_word(""));
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_title("Secretary"));
        assert!(is_title("Sen."));
        assert!(is_org_head("Ministry"));
        assert!(is_person_noun("spokeswoman"));
        assert!(is_person_noun("54-year-old"));
        assert!(is_stopword("However"));
        assert!(is_pronoun("She"));
    }

    #[test]
    fn outlets_and_platforms() {
        assert!(is_news_outlet("Xinhua"));
        assert!(is_news_outlet("New York Times"));
        assert!(is_news_outlet("The Guardian"));
        assert!(!is_news_outlet("Times"));
        assert_eq!(platform("twitter"), Some("Twitter"));
        assert_eq!(platform("Parliament"), None);
    }

    /// The key [`ShortKey::of`] must give: the lower-cased bytes, zero-padded, and the length.
    fn reference_key(word: &[u8]) -> Option<ShortKey> {
        let mut bytes = [0u8; 16];
        bytes.get_mut(..word.len())?.copy_from_slice(word);
        bytes[..word.len()].make_ascii_lowercase();
        (word.len() <= ShortKey::MAX_LEN).then(|| {
            bytes[15] = word.len() as u8;
            ShortKey(u128::from_le_bytes(bytes))
        })
    }

    #[test]
    fn short_keys_are_the_lower_cased_bytes_and_the_length() {
        // Every byte value in every position of every length.
        for len in 0..=17 {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut w = vec![b'Q'; len];
                    w[pos] = b;
                    assert_eq!(ShortKey::of(&w), reference_key(&w), "{w:?}");
                }
            }
        }
        // Every word of the corpus, and its substrings from each of its first bytes.
        for text in crate::test_support::corpus_texts() {
            for (_, w) in crate::grammar::words::words(&text) {
                let b = w.as_bytes();
                for i in 0..b.len() {
                    assert_eq!(ShortKey::of(&b[i..]), reference_key(&b[i..]));
                }
            }
        }
        assert_ne!(ShortKey::of(b"ab"), ShortKey::of(b"ab\0"));
    }

    /// [`may_be_title`] turns away no title, and [`is_title`] answers as the set's lookup: on
    /// every word of the corpus and of the lists, as written, capitalized, upper-cased and with
    /// a period; and the shape test turns most words away.
    #[test]
    fn title_shapes_turn_away_no_title() {
        let mut words: Vec<String> = TITLES.iter().map(|w| w.to_string()).collect();
        for text in crate::test_support::corpus_texts() {
            words.extend(crate::grammar::words::words(&text).map(|(_, w)| w.to_string()));
        }
        words.extend(["", ".", "Gen.", "u.s.", "a"].map(String::from));
        let mut turned_away = 0;
        for base in &words {
            for w in crate::test_support::spellings(base) {
                // The lookup without the filter behind the shape test answers as with it.
                assert_eq!(
                    is_title(&w),
                    TITLES_SET.contains(w.trim_end_matches('.')),
                    "{w:?}"
                );
                if !may_be_title(&w) {
                    turned_away += 1;
                    // The list lookup alone, without the shape test in front of it.
                    assert!(!TITLES_SET.contains(w.trim_end_matches('.')), "{w:?}");
                }
            }
        }
        // Of the three spellings of a word without a period, nine in ten (the first and last
        // letters told apart, the bound was one in two).
        assert!(
            turned_away * 10 > words.len() * 27,
            "{turned_away} turned away"
        );
    }

    /// [`LetterPairs::may_hold`] answers as a search of the list for a word of the same length
    /// whose first two letters, and one whose first and last letters, are those of the word
    /// (ASCII case-insensitive; the second letter of a one-letter word, and any byte but a
    /// letter, of the class of anything else): on every word of the titles and of the corpus,
    /// in several spellings, and on edge cases. So it never turns a title away.
    #[test]
    fn letter_pairs_as_the_list_tells() {
        let of_byte = |b: u8| match b {
            b'a'..=b'z' | b'A'..=b'Z' => usize::from(b.to_ascii_lowercase() - b'a'),
            _ => 26,
        };
        for b in 0..=255 {
            assert_eq!(letter_class(b), of_byte(b), "{b}");
        }
        let class = |w: &[u8], i: usize| w.get(i).copied().map_or(26, of_byte);
        let same_length_and = |w: &[u8], t: &[u8], other: usize, other_t: usize| {
            // Lengths from 31 on share their bit.
            t.len().min(31) == w.len().min(31)
                && class(w, 0) == class(t, 0)
                && class(w, other) == class(t, other_t)
        };
        let by_search = |w: &[u8]| {
            !w.is_empty()
                && TITLES
                    .iter()
                    .any(|t| same_length_and(w, t.as_bytes(), 1, 1))
                && TITLES
                    .iter()
                    .any(|t| same_length_and(w, t.as_bytes(), w.len() - 1, t.len() - 1))
        };
        let mut words = crate::test_support::list_and_corpus_words(&[(1, TITLES)]);
        words.extend(["", "m", "M", "mr", "c0-founder", "co\u{e9}", "\u{e9}"].map(String::from));
        let mut held = 0;
        for base in &words {
            for w in crate::test_support::spellings(base) {
                let w = w.as_bytes();
                assert_eq!(TITLE_SHAPES.may_hold(w), by_search(w), "{w:?}");
                held += usize::from(by_search(w));
            }
        }
        assert!(TITLES.iter().all(|t| TITLE_SHAPES.may_hold(t.as_bytes())));
        assert!(held > TITLES.len(), "{held} held");
        // Lengths from 31 on share their bit.
        let long = LetterPairs::of_list(&["ab-----------------------------z"]);
        assert!(long.may_hold(b"AB------------------------------------Z"));
        assert!(!long.may_hold(b"AB-------------------------z"));
    }

    /// [`WordClasses::of`] gives each word the bits of the lists that hold it, as a search of
    /// the lists tells: for every word of the lists and of the corpus, in several spellings,
    /// short keys and long ones alike.
    #[test]
    fn classes_found_as_the_lists_tell() {
        const LISTS: &[(u32, &[&str])] = &[
            (1, STOPWORDS),
            (2, TITLES),
            (4, PERSON_NOUNS),
            (8, ORG_HEADS),
            (16, NEWS_OUTLETS),
            (32, WEEKDAYS),
            (64, ORG_NAMES),
        ];
        static CLASSES: WordClasses = WordClasses::unfiltered(LISTS);
        static FILTERED: WordSet = WordSet::new(&[TITLES, NEWS_OUTLETS]);
        let by_search = |w: &str| {
            LISTS
                .iter()
                .filter(|(_, list)| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
                .fold(0, |bits, (b, _)| bits | b)
        };
        let mut words = crate::test_support::list_and_corpus_words(LISTS);
        words.extend(["", "a", "\u{e9}t\u{e9}"].map(String::from));
        words.extend(["x".repeat(15), "x".repeat(16)]);
        words.sort();
        words.dedup();
        let mut found = 0;
        for base in &words {
            for w in crate::test_support::spellings(base) {
                let bits = by_search(&w);
                assert_eq!(CLASSES.of(&w), bits, "{w:?}");
                assert_eq!(FILTERED.contains(&w), bits & (2 | 16) != 0, "{w:?}");
                found += usize::from(bits != 0);
            }
        }
        assert!(found > 2000, "{found} words found");
    }

    #[test]
    fn long_words_are_looked_up_too() {
        assert!(is_org_head("Administration"));
        assert!(is_org_head("ADMINISTRATION"));
        assert!(NEWS_OUTLETS_SET.contains("agence france-presse"));
        assert!(NEWS_OUTLETS_SET.contains("The Associated Press"));
        assert!(!NEWS_OUTLETS_SET.contains("The Associated Pres"));
    }

    #[test]
    fn genders() {
        assert_eq!(noun_gender("spokeswoman"), Some(Gender::Female));
        assert_eq!(noun_gender("chairman"), Some(Gender::Male));
        assert_eq!(noun_gender("German"), None);
        assert_eq!(noun_gender("Spokeswoman"), Some(Gender::Female));
        assert_eq!(noun_gender("CONGRESSMAN"), Some(Gender::Male));
        assert_eq!(noun_gender("Mother"), Some(Gender::Female));
        assert_eq!(noun_gender("Human"), None);
        assert_eq!(noun_gender("woman"), Some(Gender::Female));
        assert_eq!(noun_gender("minister"), None);
        assert_eq!(honorific_gender("Mrs."), Some(Gender::Female));
    }
}
