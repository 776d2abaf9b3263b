//! Attribution frames: a speaker mention bound to a cue in one sentence, in either order
//! ("Tillerson wrote", "wrote Tillerson", "according to Tillerson").

use std::ops::Range;
use std::sync::OnceLock;

use arrayvec::ArrayVec;

use crate::grammar::cue::{Cue, CueClass, CueForm};
use crate::grammar::lexicon;
use crate::grammar::mention::{
    Mention, MentionKind, first_mention_ending_at, mention_at, mention_exact,
};
use crate::grammar::needles::Needles;
use crate::grammar::spans::QuotedSpan;
use crate::grammar::words::{after_last, has_more_words_than, is_alphabetic, is_word_char};

/// A speaker bound to a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The speaker as written.
    pub speaker: Mention,
    /// The cue.
    pub cue: Cue,
    /// Byte range covering speaker and cue.
    pub range: Range<usize>,
    /// True when the speaker follows the cue ("said Smith", "according to Smith").
    pub inverted: bool,
    /// True when the speaker is the subject of the sentence, away from the cue: a participle
    /// ("..., saying") or a coordinated verb ("... and said"). Its content follows the cue.
    pub detached: bool,
}

impl Frame {
    /// A frame of `speaker` and `cue` covering `range`, with the speaker before the cue.
    fn new(range: Range<usize>, speaker: Mention, cue: Cue) -> Self {
        Frame {
            range,
            speaker,
            cue,
            inverted: false,
            detached: false,
        }
    }
}

/// Characters that end the clause in which a subject is looked for.
const CLAUSE_BREAKS: &[char] = &[
    ',', ';', ':', '(', ')', '"', '“', '”', '‘', '’', '«', '»', '„', '「', '」', '—', '–', '[', ']',
];

/// Every frame of a sentence, in text order, from the sentence's `cues` (as
/// [`crate::grammar::cue::find_cues`] gives them; a sub-range of a sentence may pass the cues of the sentence that
/// lie inside it). Cues inside the sentence's quotes are skipped.
pub fn frames(
    text: &str,
    sentence: Range<usize>,
    quotes: &[&QuotedSpan],
    cues: &[Cue],
) -> Vec<Frame> {
    let mut out = Vec::new();
    for cue in cues
        .iter()
        .filter(|c| sentence.start <= c.start && c.end <= sentence.end)
        .cloned()
    {
        // The quotes are in text order and do not overlap: the one that may hold the cue is
        // the last one starting before it.
        let before = quotes.partition_point(|q| q.start <= cue.start);
        if before > 0 && cue.start < quotes[before - 1].end {
            continue;
        }
        if let Some(f) = frame_for(text, sentence.clone(), cue) {
            out.push(f);
            // Run-on text: a sentence never has more frames than this, and the bound keeps
            // the attribution of a sentence linear in its quotes.
            if out.len() == MAX_FRAMES {
                break;
            }
        }
    }
    out
}

/// The most frames read from one sentence.
pub const MAX_FRAMES: usize = 32;

fn frame_for(text: &str, sentence: Range<usize>, cue: Cue) -> Option<Frame> {
    if cue.lemma == "according to"
        || (cue.form == CueForm::Phrase && cue.lemma == "in the words of")
    {
        let at = skip_space(text, cue.end, sentence.end);
        // The source runs to the end of its clause, whatever its grammar.
        let clause_end = text[at..sentence.end]
            .find([',', ';', ':', '(', '"', '“', '”', '„', '«', '»', '「', '—'])
            .map_or(sentence.end, |i| at + i);
        let clause_end = at
            + text[at..clause_end]
                .trim_end()
                .trim_end_matches(['.', '!', '?'])
                .len();
        if clause_end <= at
            || has_more_words_than(&text[at..clause_end], 25)
            || !text[at..clause_end].chars().any(is_alphabetic)
        {
            return None;
        }
        let speaker = mention_at(text, at, clause_end)
            .filter(|m| m.end == clause_end)
            .unwrap_or_else(|| crate::grammar::mention::free_description(text, at, clause_end));
        return Some(Frame {
            inverted: true,
            ..Frame::new(cue.start..speaker.end, speaker, cue)
        });
    }
    let before = text[sentence.start..cue.start].trim_end();
    // "issued a statement saying", "carrying signs reading": a participle after a message.
    const MESSAGES: &[&str] = &[
        "statement",
        "tweet",
        "post",
        "letter",
        "email",
        "e-mail",
        "ad",
        "advertisement",
        "video",
        "message",
        "note",
        "release",
        "sign",
        "signs",
        "banner",
        "memo",
        "report",
        "op-ed",
        "column",
        "speech",
        "interview",
        "text",
    ];
    let last_word = last_word(before);
    let coordinated = before.ends_with(',')
        || before.ends_with(" and")
        || before.ends_with(" but")
        || before.ends_with(", and")
        || (cue.form == CueForm::Gerund
            && MESSAGES.contains(&last_word.to_ascii_lowercase().as_str()));
    // "incurred boos upon saying", "..., before adding": the participle's subject is the
    // sentence's.
    let after_preposition = matches!(
        last_word,
        "upon" | "after" | "before" | "while" | "by" | "without" | "since" | "when"
    );
    if cue.form == CueForm::Gerund {
        if coordinated || after_preposition {
            return detached(text, &sentence, cue);
        }
        // A participle right after its noun: "a super PAC supporting Mrs. Clinton",
        // "placards supporting Sanders".
        let speaker = subject_before(text, sentence.start, cue.start)
            .filter(|m| !matches!(m.kind, MentionKind::Pronoun))?;
        return Some(Frame::new(speaker.start..cue.end, speaker, cue));
    }
    if cue.form == CueForm::Infinitive {
        return None;
    }
    if cue.passive && !text[cue.start..cue.end].contains("quoted") && cue.lemma != "expect" {
        return None;
    }
    // Negated speech reports nothing ("The board did not say how many"); a negated attitude
    // is still one ("has not endorsed Trump", "does not believe the polls").
    let cue_text = &text[cue.start..cue.end];
    // Every negation holds an "n": most cues ("said", "told") are told by one search.
    let negated = || {
        memchr::memchr(b'n', cue_text.as_bytes()).is_some()
            && (cue_text
                .split_whitespace()
                .any(|w| matches!(w, "not" | "never" | "cannot"))
                || holds_negative_contraction(cue_text))
    };
    if matches!(cue.class, CueClass::Speech | CueClass::Writing) && negated() {
        return None;
    }
    if let Some(speaker) = subject_before(text, sentence.start, cue.start) {
        if speaker.kind == MentionKind::Pronoun && speaker_is_dummy(text, &speaker, &cue) {
            return None;
        }
        if !can_hold_belief(text, &speaker, &cue)
            || disagrees(text, &speaker, &cue)
            || names_something(text, &speaker, &cue)
        {
            return None;
        }
        return Some(Frame::new(speaker.start..cue.end, speaker, cue));
    }
    // Inversion after a quote or a comma: `"...," said Smith` / `, added the minister`.
    if matches!(cue.form, CueForm::Finite | CueForm::Phrase)
        && (before.ends_with(" and") || before.ends_with(" but"))
    {
        return detached(text, &sentence, cue);
    }
    if cue.start == cue.verb_start
        && !cue.passive
        && matches!(cue.form, CueForm::Finite | CueForm::Phrase)
    {
        let before = text[sentence.start..cue.start].trim_end();
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let after_quote = before.ends_with(['"', '”', '’', '\'', '»', '」', '“']);
        // "told Reuters" names the addressee; only `"Q," asked Mr. Park` inverts.
        if cue.addressee && !after_quote {
            return None;
        }
        let after_break = before.is_empty()
            || after_quote
            || text[sentence.start..cue.start]
                .trim_end()
                .ends_with([',', ':', '—']);
        if after_break {
            let at = skip_space(text, cue.end, sentence.end);
            let speaker = mention_at(text, at, sentence.end)?;
            if speaker.kind == MentionKind::Pronoun && !is_personal(text, &speaker) {
                return None;
            }
            if cue.addressee
                && speaker
                    .name
                    .as_ref()
                    .is_some_and(|n| lexicon::is_news_outlet(&text[n.clone()]))
            {
                return None;
            }
            // "..., said Smith." but not "..., said the unit would open": the mention must end
            // the clause.
            let rest = text[speaker.end..sentence.end].trim_start();
            let first = rest.split(|c: char| !is_word_char(c)).next().unwrap_or("");
            let ends_clause = rest.is_empty()
                || rest.starts_with([',', '.', ';', '!', '?', ':', '"', '”', '—', '('])
                || matches!(
                    first.to_ascii_lowercase().as_str(),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "from"
                        | "as"
                        | "who"
                        | "when"
                        | "while"
                        | "to"
                        | "with"
                );
            let ok = if after_quote {
                ends_clause
            } else {
                rest.is_empty() || rest.starts_with(['.', '!', '?', ',', ':'])
            };
            if !ok {
                return None;
            }
            return Some(Frame {
                inverted: true,
                ..Frame::new(cue.start..speaker.end, speaker, cue)
            });
        }
    }
    None
}

/// The word that ends `s`, of letters, digits and hyphens (empty when another character ends
/// it): `s.rsplit(|c| !c.is_alphanumeric() && c != '-').next()`.
fn last_word(s: &str) -> &str {
    after_last(s, |c| !(is_word_char(c) || c == '-'))
}

/// True when `s` holds a negative contraction, "n't" or "n’t", looked for after each "n".
fn holds_negative_contraction(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'n', b).any(|i| {
        let rest = &b[i + 1..];
        rest.starts_with(b"'t") || rest.starts_with("’t".as_bytes())
    })
}

/// The subject of the clause whose verb governs a possessive pronoun: "Woods" in "Woods shared
/// her belief", "Sanders" in "Sanders is lending his support to". Only lower-case verbs,
/// auxiliaries, adverbs and prepositions may stand between the subject and the possessive.
fn possessive_subject(text: &str, lo: usize, possessive: usize, singular: bool) -> Option<Mention> {
    let mut at = possessive;
    for _ in 0..4 {
        let before = text[lo..at].trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        if word.is_empty() || !word.chars().all(|c| c.is_lowercase()) {
            return None;
        }
        at = lo + before.len() - word.len();
        if let Some(m) = subject_before(text, lo, at)
            && !matches!(m.kind, MentionKind::Pronoun)
            && !matches!(&text[m.start..m.end], "who" | "which")
            && m.end < at
        {
            // "his" and "her" need a singular holder: "Voters cheered his claim" is no belief
            // of the voters.
            let last = text[m.start..m.end].rsplit(' ').next().unwrap_or("");
            let plural = m.kind != MentionKind::Name
                && last.ends_with('s')
                && !last.ends_with("ss")
                && !last.ends_with("'s")
                && !last.ends_with("’s");
            return (!(singular && plural)).then_some(m);
        }
    }
    None
}

/// The label before a headline's colon that names no speaker: "Breaking: ...", "WATCH: ...",
/// "UPDATE: ...".
fn is_kicker(label: &str) -> bool {
    matches!(
        label.to_ascii_lowercase().as_str(),
        "breaking"
            | "breaking news"
            | "bombshell"
            | "busted"
            | "watch"
            | "look"
            | "update"
            | "updated"
            | "exclusive"
            | "report"
            | "analysis"
            | "opinion"
            | "editorial"
            | "video"
            | "photos"
            | "live"
            | "just in"
            | "developing"
            | "fact check"
            | "review"
            | "explainer"
            | "wow"
            | "boom"
            | "must see"
            | "must watch"
            | "listen"
            | "read"
            | "new"
            | "poll"
            | "exclusive video"
            | "full text"
            | "transcript"
    )
}

/// `NAME: "Q"` and `NAME: Q` (headlines, transcripts, lists of reactions): a name or an
/// organization before a colon that opens the sentence is the speaker, the colon the cue. In
/// body text the content must be a quotation or the name a transcript label in capitals.
pub fn colon_frame(
    text: &str,
    sentence: Range<usize>,
    quotes: &[&QuotedSpan],
    headline: bool,
) -> Option<Frame> {
    // The colon is looked for among the first 201 bytes only: a label is no longer.
    let head = &text.as_bytes()[sentence.clone()];
    let colon = sentence.start + memchr::memchr(b':', &head[..head.len().min(201)])?;
    if quotes.iter().any(|q| q.start < colon) {
        return None;
    }
    let after = text[colon + 1..sentence.end].trim_start();
    let quoted = quotes.iter().any(|q| q.start == sentence.end - after.len());
    // The whole head is the name ("Cecile Richards: ..."), or a quote follows a name that
    // ends the head ("... doesn't surprise Republican pollster Daron Shaw: “...”").
    let speaker = mention_exact(text, sentence.start, colon).or_else(|| {
        quoted
            .then(|| subject_before(text, sentence.start, colon))
            .flatten()
    })?;
    if !matches!(speaker.kind, MentionKind::Name | MentionKind::Organization)
        || is_kicker(&text[speaker.start..speaker.end])
    {
        return None;
    }
    let transcript = text[speaker.start..speaker.end]
        .chars()
        .all(|c| !c.is_lowercase());
    // A headline names its speaker this way without quotation marks ("Paul Ryan: FBI
    // Decision Not to Indict Hillary ...").
    if !(quoted || transcript || headline) || !has_more_words_than(after, 1) {
        return None;
    }
    Some(Frame::new(
        speaker.start..colon + 1,
        speaker,
        colon_cue(colon),
    ))
}

/// The nouns of attribution, sorted (they are looked up by binary search).
const NOUNS: &[&str] = &[
    "accusation",
    "admission",
    "announcement",
    "argument",
    "assertion",
    "attack",
    "attacks",
    "belief",
    "call",
    "calls",
    "claim",
    "claims",
    "comments",
    "complaint",
    "concerns",
    "contention",
    "criticism",
    "decision",
    "demand",
    "denial",
    "endorsement",
    "fear",
    "fears",
    "hope",
    "hopes",
    "insistence",
    "opposition",
    "plan",
    "pledge",
    "position",
    "praise",
    "prediction",
    "promise",
    "proposal",
    "refusal",
    "remarks",
    "stance",
    "statement",
    "suggestion",
    "support",
    "view",
    "views",
    "vow",
    "warning",
];
/// The words that link a noun of [`NOUNS`] to its content. The content is a proposition:
/// "claim that ...", "comments about ...", and an infinitive after a noun of promising or
/// hoping ("his pledge to ...", [`TO_NOUNS`]). "Her support for X", "his attacks on X", "the
/// decision to X" name a target or an act, no content (measured on PolNeAR train: most such
/// rows were false or took a reporting verb's quote).
const LINKS: &[&str] = &["that", "about"];
/// The nouns of [`NOUNS`] that also take an infinitive.
const TO_NOUNS: &[&str] = &["promise", "pledge", "vow", "hope", "hopes"];

/// The (possessor, noun, link) words of `s`, with their byte offsets in `s`, where a noun of
/// [`NOUNS`] is followed by its link word (of [`LINKS`], or "to" after one of [`TO_NOUNS`]) and
/// the link by one more word. `found` are the [`noun_link_candidates`] in `s`, by their offsets
/// in `s`: the words are read only when one of them may be a link after its noun.
fn noun_links(
    s: &str,
    mut found: impl Iterator<Item = Range<usize>>,
) -> impl Iterator<Item = [(usize, &str); 3]> {
    // The few strings found are told from the words around them, before the sentence is split
    // into words.
    let wanted = found.any(|f| may_link_noun(s, f));
    // The words are read as they come, four at a time: the possessor, the noun, the link, and
    // a word after the link.
    wanted
        .then(|| {
            let mut words = crate::grammar::words::words(s);
            let mut window = [words.next(), words.next(), words.next()];
            words.filter_map(move |after| {
                let [poss, noun, link] = window;
                window = [noun, link, Some(after)];
                let [poss, noun, link] = [poss?, noun?, link?];
                // The link is the rarer word: it is tested first.
                ((LINKS.contains(&link.1) || link.1 == "to" && TO_NOUNS.contains(&noun.1))
                    && is_noun(noun.1))
                .then_some([poss, noun, link])
            })
        })
        .into_iter()
        .flatten()
}

/// True when `word` is one of the [`NOUNS`]: looked up only when a noun has its length and
/// its first and last, or first two, letters ([`NOUN_SHAPES`]), which turns away most words
/// before a "that" ("said", "so", "believe").
fn is_noun(word: &str) -> bool {
    NOUN_SHAPES.may_hold(word.as_bytes()) && NOUNS.binary_search(&word).is_ok()
}

/// The letter pairs and lengths of the [`NOUNS`].
static NOUN_SHAPES: lexicon::LetterPairs = lexicon::LetterPairs::of_list(NOUNS);

/// True when the string of [`LINKS`] or [`TO_NOUNS`] found at `found` in `s` may be a link
/// word after its noun, or a noun before "to", as [`crate::grammar::words::words`] reads words:
/// "that" or "about" after a run of ASCII letters and digits that spells a noun, past
/// characters that are none; a noun of [`TO_NOUNS`] spelled by the run that starts at `found`,
/// before "to". A word ends where such a run ends and starts where one starts, so that no noun
/// and link of [`noun_links`] are turned away (a longer word may pass: the test is for a
/// superset).
fn may_link_noun(s: &str, found: Range<usize>) -> bool {
    let b = s.as_bytes();
    let alnum = |c: &u8| c.is_ascii_alphanumeric();
    if LINKS.contains(&&s[found.clone()]) {
        let noun_end = b[..found.start]
            .iter()
            .rposition(alnum)
            .map_or(0, |i| i + 1);
        let noun_start = b[..noun_end]
            .iter()
            .rposition(|c| !alnum(c))
            .map_or(0, |i| i + 1);
        noun_end < found.start && is_noun(&s[noun_start..noun_end])
    } else {
        let noun_end = found.start + b[found.start..].iter().take_while(|c| alnum(c)).count();
        let Some(to_start) = b[noun_end..].iter().position(alnum).map(|i| noun_end + i) else {
            return false;
        };
        let to_len = b[to_start..].iter().take_while(|c| alnum(c)).count();
        TO_NOUNS.contains(&&s[found.start..noun_end]) && &b[to_start..to_start + to_len] == b"to"
    }
}

/// Where a link of `noun_links` may stand in `text`: its strings of `LINKS` and
/// `TO_NOUNS`, in text order, as [`noun_attributions`] wants them.
///
/// A row needs "that" or "about" after a noun, or a noun of `TO_NOUNS` before "to": most
/// sentences hold none of these strings, not even inside a longer word, and one vectorised pass
/// of a packed (Teddy) searcher of them over the whole text turns those away (one pass per
/// sentence paid the searcher's start-up for each; a searcher of all the nouns read the text
/// once more, for three times the work). No string a row needs is lost by a search across the
/// sentences: the strings are letters, and a row's link and noun follow a character that is
/// none, so no match that starts before them overlaps them.
pub fn noun_link_candidates(text: &str) -> Vec<Range<usize>> {
    static ANY_LINK: OnceLock<Needles> = OnceLock::new();
    let any_link = ANY_LINK.get_or_init(|| {
        let links: Vec<&str> = LINKS.iter().chain(TO_NOUNS).copied().collect();
        Needles::new(&links)
    });
    any_link
        .find_iter(text.as_bytes())
        .map(|m| m.range())
        .collect()
}

/// The `candidates` (of [`noun_link_candidates`], or those from the first in `range` on) that
/// lie in `range`, by their offsets in it.
fn candidates_in(
    candidates: &[Range<usize>],
    range: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    candidates
        .iter()
        .skip_while(move |c| c.start < range.start)
        .take_while(move |c| c.end <= range.end)
        .map(move |c| c.start - range.start..c.end - range.start)
}

/// Nouns of attribution after a possessor: "Trump's claim that X", "his comments about X",
/// "her pledge to X". The possessor is the speaker, the noun the cue, what follows the content
/// (to the end of its clause). `candidates` are the [`noun_link_candidates`] of `text`, or
/// those from the first in the sentence on.
pub fn noun_attributions(
    text: &str,
    sentence: Range<usize>,
    candidates: &[Range<usize>],
) -> Vec<(Mention, Cue, Range<usize>)> {
    let mut out = Vec::new();
    let found = candidates_in(candidates, sentence.clone());
    for [(poss_at, poss), (noun_at, noun), (link_at, link)] in
        noun_links(&text[sentence.clone()], found)
    {
        let poss_start = sentence.start + poss_at;
        // Possessive pronoun or "Name's".
        let speaker = match poss.to_ascii_lowercase().as_str() {
            "his" | "her" | "their" | "its" => {
                // "Woods shared her belief that ...": the subject of the clause is the holder.
                let singular = matches!(poss, "his" | "her" | "its" | "His" | "Her" | "Its");
                if let Some(m) = possessive_subject(text, sentence.start, poss_start, singular) {
                    m
                } else {
                    let mut m = crate::grammar::mention::relative_pronoun(
                        poss_start,
                        poss_start + poss.len(),
                    );
                    m.gender = match poss.to_ascii_lowercase().as_str() {
                        "his" => Some(lexicon::Gender::Male),
                        "her" => Some(lexicon::Gender::Female),
                        _ => None,
                    };
                    m
                }
            }
            _ if poss.ends_with("'s") || poss.ends_with("’s") => {
                let end = poss_start + poss.len() - if poss.ends_with("'s") { 2 } else { 4 };
                let clause = clause_start(text, sentence.start, end);
                match longest_ending_at(text, clause, end) {
                    Some(m) if matches!(m.kind, MentionKind::Name | MentionKind::Organization) => m,
                    _ => continue,
                }
            }
            _ => continue,
        };
        let content_start = sentence.start + link_at + if link == "that" { 5 } else { 0 };
        let rest = &text[content_start..sentence.end];
        let mut end = rest.find([',', ';', '—', '(', ')']).unwrap_or(rest.len());
        // "his comments about Curiel and said ...": the clause's own verb ends the content.
        if let Some(i) = rest[..end]
            .match_indices(" and ")
            .map(|(i, _)| i)
            .find(|&i| {
                rest[i + 5..]
                    .split(|c: char| !is_alphabetic(c))
                    .next()
                    .is_some_and(|w| crate::grammar::cue::verb_lemma(w).is_some())
            })
        {
            end = i;
        }
        let content = content_start
            ..content_start
                + rest[..end]
                    .trim_end()
                    .trim_end_matches(['.', '!', '?'])
                    .len();
        if !has_more_words_than(&text[content.clone()], 1) {
            continue;
        }
        let noun_start = sentence.start + noun_at;
        let cue = Cue {
            start: noun_start,
            end: noun_start + noun.len(),
            verb_start: noun_start,
            verb_end: noun_start + noun.len(),
            lemma: "",
            class: CueClass::Cognition,
            form: CueForm::Noun,
            addressee: false,
            passive: false,
        };
        out.push((speaker, cue, content));
    }
    out
}

/// A question reported with a passive "asked" ("Asked whether he was ever bullied, ...",
/// "when asked by Ingraham about the bill"): the cue, the question (up to the next comma) and
/// the asker when named after "by".
pub fn asked_questions(
    text: &str,
    sentence: Range<usize>,
    cues: &[Cue],
) -> Vec<(Cue, Range<usize>, Option<Mention>)> {
    let mut out = Vec::new();
    for cue in cues.iter().cloned() {
        if cue.lemma != "ask" || !cue.passive {
            continue;
        }
        let mut at = skip_space(text, cue.end, sentence.end);
        let mut asker = None;
        if text[at..sentence.end].starts_with("by ") {
            let m = mention_at(text, at + 3, sentence.end);
            if let Some(m) = &m {
                at = skip_space(text, m.end, sentence.end);
            }
            asker = m;
        }
        let end = text[at..sentence.end]
            .find([',', ':', ';', '"', '“'])
            .map_or(sentence.end, |i| at + i);
        // The question starts at its question word: "Asked on Monday whether he would resign".
        const QUESTION_WORDS: &[&str] = &[
            "whether", "if", "about", "why", "what", "how", "who", "which", "when", "where", "to",
        ];
        if let Some((offset, _)) = crate::grammar::words::words(&text[at..end])
            .take(6)
            .skip(1)
            .find(|(_, w)| QUESTION_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        {
            at += offset;
        }
        let question = at..at + text[at..end].trim_end().trim_end_matches(['.', '?']).len();
        if has_more_words_than(&text[question.clone()], 1) {
            out.push((cue, question, asker));
        }
    }
    out
}

/// A sentence that holds a quotation but no cue the lexicon knows, and opens with its subject
/// and a verb ("Trump continued to portray “illegal” immigrants as criminals"): the verb is the
/// cue, what follows it the (mixed) content. News attribution corpora count such verbs of
/// stance; a quotation inside a sentence without a subject stays a scare quote.
pub fn verb_frame(text: &str, sentence: Range<usize>, quotes: &[&QuotedSpan]) -> Option<Frame> {
    let first_quote = quotes.first()?.start;
    let speaker = mention_at(text, sentence.start, first_quote)?;
    let personal = match speaker.kind {
        MentionKind::Pronoun => is_personal(text, &speaker),
        MentionKind::Description => speaker.head.as_ref().is_some_and(|h| {
            let head = &text[h.clone()];
            lexicon::is_person_noun(head) || lexicon::is_org_head(head)
        }),
        MentionKind::Name | MentionKind::Organization => true,
    };
    if !personal {
        return None;
    }
    let gap = &text[speaker.end..first_quote];
    let verb_start = speaker.end + (gap.len() - gap.trim_start().len());
    let verb: &str = text[verb_start..first_quote]
        .split(|c: char| !is_word_char(c) && c != '-')
        .next()
        .unwrap_or("");
    let lower = verb.starts_with(|c: char| c.is_lowercase());
    // Without a part-of-speech tagger, only a past tense is surely a verb ("portrayed",
    // "dubbed", "labeled").
    let past = verb.ends_with("ed") && !verb.ends_with("eed");
    let whole_word = text[verb_start + verb.len()..].starts_with(char::is_whitespace);
    if !lower || !past || !whole_word || lexicon::is_stopword(verb) {
        return None;
    }
    let verb_end = verb_start + verb.len();
    // The quotation is the verb's object, not a phrase further on ("marched through the town
    // behind a banner reading «...»").
    if has_more_words_than(&text[verb_end..first_quote], 4) {
        return None;
    }
    let cue = Cue {
        start: verb_start,
        end: verb_end,
        verb_start,
        verb_end,
        lemma: "",
        class: crate::grammar::cue::CueClass::Cognition,
        form: CueForm::Finite,
        addressee: false,
        passive: false,
    };
    Some(Frame::new(speaker.start..verb_end, speaker, cue))
}

/// `S VERB ...: "Q"` with a verb the lexicon does not know ("Trump issued the following
/// statement: “...”", "Clinton has since apologized for what happened: “...”"): the subject
/// that opens the sentence (maybe after an introductory phrase) is the speaker, the colon the
/// cue.
pub fn colon_quote_frame(
    text: &str,
    sentence: Range<usize>,
    quotes: &[&QuotedSpan],
) -> Option<Frame> {
    let q = quotes.first()?;
    let before = text[sentence.start..q.start].trim_end();
    let colon = sentence.start + before.len().checked_sub(1)?;
    if !before.ends_with(':') {
        return None;
    }
    let intro_end = text[sentence.start..colon]
        .find(", ")
        .filter(|&i| i <= 100)
        .map(|i| sentence.start + i + 2);
    let subject = |at: usize| {
        mention_at(text, at, colon).filter(|m| {
            text[m.end..colon]
                .trim_start()
                .starts_with(|c: char| c.is_lowercase())
                && (m.kind != MentionKind::Pronoun || is_personal(text, m))
        })
    };
    let speaker = subject(sentence.start).or_else(|| intro_end.and_then(subject))?;
    Some(Frame::new(
        speaker.start..colon + 1,
        speaker,
        colon_cue(colon),
    ))
}

/// A sentence that ends with a colon and opens with its subject ("He listed the qualities
/// necessary in a nominee:"): the subject is the speaker of what follows, the colon the cue.
pub fn colon_intro(text: &str, sentence: Range<usize>) -> Option<Frame> {
    let body = text[sentence.clone()].trim_end();
    if !body.ends_with(':') {
        return None;
    }
    let colon = sentence.start + body.len() - 1;
    let intro_end = text[sentence.start..colon]
        .find(", ")
        .filter(|&i| i <= 100)
        .map(|i| sentence.start + i + 2);
    let speaker = mention_at(text, sentence.start, colon)
        .filter(|m| {
            text[m.end..colon]
                .trim_start()
                .starts_with(|c: char| c.is_lowercase())
        })
        .or_else(|| intro_end.and_then(|at| mention_at(text, at, colon)))?;
    // The subject is followed by its verb (a lower-case word).
    let next = text[speaker.end..colon].trim_start();
    if !next.starts_with(|c: char| c.is_lowercase())
        || speaker.kind == MentionKind::Pronoun && !is_personal(text, &speaker)
    {
        return None;
    }
    Some(Frame::new(
        speaker.start..colon + 1,
        speaker,
        colon_cue(colon),
    ))
}

/// The cue of `NAME: "Q"`: the colon itself.
fn colon_cue(colon: usize) -> Cue {
    punctuation_cue(colon..colon + 1, ":")
}

/// A punctuation mark as the cue: the colon of `NAME: "Q"`, the dash of `"Q" — NAME`.
pub fn punctuation_cue(mark: Range<usize>, lemma: &'static str) -> Cue {
    Cue {
        start: mark.start,
        end: mark.end,
        verb_start: mark.start,
        verb_end: mark.end,
        lemma,
        class: crate::grammar::cue::CueClass::Speech,
        form: CueForm::Phrase,
        addressee: false,
        passive: false,
    }
}

/// A frame whose speaker is the subject that opens the sentence ("Tracy Martin issued a
/// statement, saying ...", "McConnell ... and said this week that ...").
fn detached(text: &str, sentence: &Range<usize>, cue: Cue) -> Option<Frame> {
    // The subject opens the sentence, or follows an introductory phrase ("In an interview
    // with CNN, Trump continued ..., saying").
    // Only the head of the sentence is looked at, whatever its length.
    let head = &text
        [sentence.start..crate::offsets::floor_boundary(text, cue.start.min(sentence.start + 160))];
    // Each ", " of the head may end the introductory phrase ("At a campaign event in Ames,
    // Iowa, on Sunday, Mrs. Clinton tried ...").
    // (Found at each comma: a search for the two bytes is set up anew at each call.)
    let bytes = head.as_bytes();
    let intro_ends: ArrayVec<usize, 4> = memchr::memchr_iter(b',', bytes)
        .filter(|&i| bytes.get(i + 1) == Some(&b' '))
        .take_while(|&i| i <= 100)
        .take(4)
        .map(|i| sentence.start + i + 2)
        .collect();
    // Past an opening conjunction or adverb ("And then Trump went on the attack, saying").
    let mut opening = sentence.start;
    for w in crate::grammar::words::words(head).take(3) {
        if matches!(
            w.1.to_ascii_lowercase().as_str(),
            "and"
                | "but"
                | "then"
                | "so"
                | "yet"
                | "still"
                | "also"
                | "meanwhile"
                | "later"
                | "instead"
        ) {
            opening = sentence.start + w.0 + w.1.len();
        } else {
            break;
        }
    }
    let opening = skip_space(text, opening, cue.start);
    let starts_with_subject = |at: usize| {
        mention_at(text, at, cue.start).filter(|m| {
            let at_opening = at == opening;
            let mut next = text[m.end..cue.start].trim_start();
            // "Florida Gov. Rick Scott (R) blasted ...": past the party affiliation.
            if let Some(rest) = next.strip_prefix('(')
                && let Some(close) = rest.find(')').filter(|&c| c <= 14)
                && !rest[..close].contains(char::is_whitespace)
            {
                next = rest[close + 1..].trim_start();
            }
            let written = &text[m.start..m.end];
            let first = written.split_whitespace().next().unwrap_or("");
            // "Eight years ago, he ...": a time; "Walking to the car, Ebeling ...", "Beyond
            // the footage, the affidavit ...": an opening phrase, not a subject.
            let last = written.rsplit(' ').next().filter(|_| written.contains(' '));
            let time = ["ago", "later", "earlier"]
                .iter()
                .any(|w| last == Some(*w) || next.starts_with(w));
            let opener =
                time || matches!(
                    first,
                    "Back" | "Hours" | "Days" | "Moments" | "Shortly" | "Soon"
                ) || at_opening
                    && (crate::grammar::cue_lexicon::is_preposition(&first.to_lowercase())
                        || (!written.contains(' ') && written.ends_with("ing")));
            // An appositive may follow the subject that opens the sentence ("Trump, a
            // billionaire, ..."); after an introductory phrase the verb follows.
            !opener
                && (next.starts_with(|c: char| c.is_lowercase())
                    || at_opening && next.starts_with(','))
        })
    };
    let speaker = starts_with_subject(opening)
        .or_else(|| intro_ends.iter().find_map(|&at| starts_with_subject(at)))?;
    let rest = text[speaker.end..cue.start].trim_start();
    // The subject must be followed by its verb or an appositive, not by the end of a quote.
    if rest.starts_with(['"', '”', ':'])
        || speaker.kind == MentionKind::Pronoun && !is_personal(text, &speaker)
    {
        return None;
    }
    Some(Frame {
        detached: true,
        ..Frame::new(cue.start..cue.end, speaker, cue)
    })
}

/// The subject mention that ends right before `cue_start`, within its clause. Appositives
/// and relative clauses between the subject and the cue are stepped over ("Hugh Hill, a doctor
/// at the clinic, said", "Ruth Ashby, chair of X, which paid for it, said"); a name in
/// apposition to a description is the speaker ("The city's transport director, Helen Cho,
/// said").
pub fn subject_before(text: &str, lo: usize, cue_start: usize) -> Option<Mention> {
    let lo = lo.max(window_start(text, cue_start));
    let cue_start = strip_affiliation(text, lo, strip_adverb(text, lo, cue_start));
    // "Cruz, who said ...": the relative pronoun is the speaker, bound to Cruz later.
    let head = text[lo..cue_start].trim_end();
    for relative in ["who", "which"] {
        // Without the comma only right after a name: "a tweet from Rikkie Wells who tweeted".
        let after_name = || {
            let b = head[..head.len() - relative.len()].trim_end();
            let last = b.rsplit(' ').next().unwrap_or("");
            relative == "who"
                && last.starts_with(char::is_uppercase)
                && !lexicon::is_stopword(last)
                && b.rsplit(' ')
                    .nth(1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
        };
        if let Some(before) = head.strip_suffix(relative)
            && (before.trim_end().ends_with(',') || after_name())
            && before.ends_with(char::is_whitespace)
        {
            let start = lo + before.len();
            return Some(crate::grammar::mention::relative_pronoun(
                start,
                start + relative.len(),
            ));
        }
    }
    let window_start = clause_start(text, lo, cue_start);
    if let Some(m) = relative_head(text, window_start, cue_start) {
        return Some(m);
    }
    if let Some(m) = longest_ending_at(text, window_start, cue_start) {
        return Some(m);
    }
    // The clause before the cue is empty: walk back over comma-separated appositives.
    // A name that opens the sentence before its first comma is the subject over any name
    // inside the appositives ("Clinton, during a town hall in Columbus, Ohio, said", "Giovanni
    // Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said").
    // Read only when a subject is found past the appositives (at most once): most walks end
    // at the first segment, with no comma before the cue.
    let lead = || {
        text[lo..cue_start].find(',').and_then(|c| {
            let start = skip_space(text, lo, lo + c);
            mention_exact(text, start, lo + c).filter(|m| {
                m.kind == MentionKind::Name
                    && !text[lo..start].contains(|c: char| !c.is_whitespace())
            })
        })
    };
    let prefer_lead = |m: Mention| match lead() {
        Some(l) if l.start < m.start => l,
        _ => m,
    };
    let mut end = cue_start;
    for depth in 0..4 {
        let before = text[lo..end].trim_end();
        let comma = (lo + before.len()).checked_sub(1)?;
        if !before.ends_with(',') {
            return None;
        }
        let unstripped = comma;
        let comma = strip_affiliation(text, lo, comma);
        let affiliated = comma != unstripped;
        let open = text[lo..comma]
            .rfind([',', ';', ':', '"', '“', '”'])
            .map_or(lo, |i| after_char(text, lo + i));
        let segment = text[open..comma].trim();
        let seg_start = comma - text[open..comma].trim_start().len();
        // The segment as a mention, read once: it decides only past a clause break.
        let mention = (open > lo)
            .then(|| mention_exact(text, seg_start, comma))
            .flatten();
        let kind = mention.as_ref().map(|m| m.kind);
        if depth == 0
            && let Some(name) = mention.filter(|m| m.kind == MentionKind::Name)
        {
            return Some(prefer_lead(name));
        }
        // "Tad Devine, Sanders' senior media adviser, said": a description is an appositive
        // whatever its first letter.
        let described = kind == Some(MentionKind::Description);
        if open == lo || !(is_appositive(segment) || described) {
            // Past an appositive, the segment ends with the subject. Right before the cue, a
            // segment that is no appositive is another clause ("US recognizes ... relation
            // with Russia, seeks cooperation": Russia does not seek), unless it ends with a
            // party affiliation ("Sen. Jack Reed (D-R.I.), said").
            if depth == 0 && !affiliated {
                return None;
            }
            return longest_ending_at(text, seg_start, comma)
                .filter(|m| m.kind != MentionKind::Pronoun)
                .map(prefer_lead);
        }
        end = open;
    }
    None
}

/// The head of a restrictive relative clause that ends right before the cue: "Executives who
/// have worked with Lachlan Murdoch say", "Republicans who support Trump said", "groups that
/// have endorsed him say". The clause must open with its verb ("who worked", "that have"), so
/// that a complement clause ("told reporters that voters say") is not taken for one, and end
/// with its object.
fn relative_head(text: &str, clause: usize, cue_start: usize) -> Option<Mention> {
    let head = &text[clause..cue_start];
    let (at, relative) = last_relative(head)?;
    let inner = &head[at + relative.len() + 2..];
    let first = inner.split_whitespace().next()?;
    if has_more_words_than(inner, 12)
        || !first.starts_with(|c: char| c.is_lowercase())
        || lexicon::is_determiner(first)
        || lexicon::is_pronoun(first)
    {
        return None;
    }
    let verb_first = relative == "who"
        || crate::grammar::cue_lexicon::aux_of(first).is_some()
        || first.ends_with("ed")
        || crate::grammar::cue::verb_lemma(first).is_some();
    // The relative clause ends with its object right before the cue ("... with Lachlan
    // Murdoch say"), else the cue may be inside it ("an operative who worked the GOP's
    // contested convention").
    // A subordinate clause inside ("who gained attention when he yelled", "that were not
    // reported until Reuters asked") has a subject of its own.
    let inner_start = clause + at + relative.len() + 2;
    let subordinate = inner.split_whitespace().any(|w| {
        matches!(
            w,
            "when"
                | "until"
                | "because"
                | "if"
                | "after"
                | "before"
                | "while"
                | "since"
                | "although"
                | "what"
                | "as"
        )
    });
    // The object is read last: only a clause that opens with its verb and holds no
    // subordinate clause may end with it.
    if !verb_first
        || subordinate
        || !longest_ending_at(text, inner_start, cue_start)
            .is_some_and(|m| m.kind != MentionKind::Pronoun)
    {
        return None;
    }
    if let Some(m) = longest_ending_at(text, clause, clause + at) {
        // "Those who back her opponents say": a pronoun head is the subject too.
        return (m.end == clause + at).then_some(m);
    }
    // A head the mention grammar does not know ("groups that have backed the unions") is
    // still the subject: never the relative clause's object.
    let start = skip_space(text, clause, clause + at);
    let words = text[start..clause + at].split_whitespace().count();
    let verbal = text[start..clause + at]
        .split_whitespace()
        .any(|w| crate::grammar::cue::verb_lemma(w).is_some());
    (words > 0 && words <= 5 && !verbal)
        .then(|| crate::grammar::mention::free_description(text, start, clause + at))
}

/// The relative pronouns that open the clauses of [`relative_head`].
const RELATIVES: [&str; 3] = ["who", "that", "which"];

/// The last of the [`RELATIVES`] in `head` with a space on either side, and the offset of the
/// space before it. Each of them has an "h" for its second letter: the "h"s of the clause are
/// found backwards by `memrchr` (far fewer than its spaces, and between them the bytes are
/// not read one by one), and only a space two bytes before one may open a relative.
fn last_relative(head: &str) -> Option<(usize, &'static str)> {
    let b = head.as_bytes();
    memchr::memrchr_iter(b'h', b).find_map(|h| {
        let space = h.checked_sub(2).filter(|&i| b[i] == b' ')?;
        let after = &b[space + 1..];
        RELATIVES
            .into_iter()
            .find(|r| {
                after
                    .strip_prefix(r.as_bytes())
                    .is_some_and(|rest| rest.first() == Some(&b' '))
            })
            .map(|r| (space, r))
    })
}

/// True for the text of an appositive or a relative clause: it starts with a lower-case word
/// or a number ("a doctor", "chair of the trust", "who trained in Glasgow", "67").
fn is_appositive(segment: &str) -> bool {
    let words = segment.split_whitespace().count();
    // "the race will be tight": a clause with a finite verb of its own, no appositive (a
    // relative clause, "who has served ...", is one).
    let relative = segment
        .split_whitespace()
        .take(4)
        .any(|w| matches!(w, "who" | "whose" | "which" | "whom" | "that"));
    let finite = segment.split_whitespace().skip(1).take(3).any(|w| {
        matches!(
            w,
            "will"
                | "would"
                | "is"
                | "are"
                | "was"
                | "were"
                | "can"
                | "could"
                | "should"
                | "must"
                | "won't"
                | "isn't"
                | "wasn't"
        )
    });
    if finite && !relative {
        return false;
    }
    let lower = segment
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    // A place after a place ("in Allentown, Pa.,") or a party and state ("R-Ky.").
    let abbreviation = words == 1 && segment.ends_with('.') && segment.len() <= 8;
    (lower && words <= 30) || abbreviation
}

/// Sentence adverbs and emphatic pronouns that [`strip_adverb`] drops.
const ADVERBS: &[&str] = &[
    "however",
    "though",
    "meanwhile",
    "also",
    "too",
    "then",
    "instead",
    "later",
    "earlier",
    "now",
    "still",
    "reportedly",
    "previously",
    "recently",
    "once",
    "again",
    "himself",
    "herself",
    "themselves",
    "itself",
    "alone",
    "quickly",
    "immediately",
];

/// The [`ADVERBS`], looked up in one probe in any ASCII case: comparing the word with each
/// of them cost a tenth of the subject search.
static ADVERB_SET: lexicon::WordSet = lexicon::WordSet::new(&[ADVERBS]);

/// Drops a sentence adverb or emphatic pronoun between subject and cue: "Carter however
/// said", "Cruz himself said".
fn strip_adverb(text: &str, lo: usize, end: usize) -> usize {
    // Words that open a time adverbial: "on Tuesday", "late last week", "earlier this month".
    const TIME_OPENERS: &[&str] = &[
        "on", "in", "last", "this", "next", "later", "earlier", "early", "late", "that",
    ];
    let mut end = end;
    for _ in 0..3 {
        let t = text[lo..end].trim_end();
        let last = last_spaced_word(t);
        let rest = |w: &str| lo + t[..t.len() - w.len()].trim_end().len();
        if !last.is_empty() && ADVERB_SET.contains(last) {
            end = rest(last);
        } else if lexicon::is_time_word(last) {
            let mut at = rest(last);
            for _ in 0..2 {
                let t = text[lo..at].trim_end();
                let w = last_spaced_word(t);
                if TIME_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                    at = lo + t[..t.len() - w.len()].trim_end().len();
                }
            }
            // A time word alone is no subject: keep something before it.
            if text[lo..at].trim().is_empty() {
                break;
            }
            end = at;
        } else {
            break;
        }
    }
    end
}

/// What follows the last white space of `t` (all of `t` without one), as
/// `t.rsplit(char::is_whitespace).next()` gives it.
fn last_spaced_word(t: &str) -> &str {
    after_last(t, char::is_whitespace)
}

/// Drops a party-and-state affiliation written after a name: "Sen. Marco Rubio (R-Fla.)"
/// ends before its parenthesis.
fn strip_affiliation(text: &str, lo: usize, end: usize) -> usize {
    let t = text[lo..end].trim_end();
    let Some(body) = t.strip_suffix(')') else {
        return end;
    };
    match body.rfind('(') {
        Some(open) if body.len() - open <= 14 && !body[open..].contains(char::is_whitespace) => {
            lo + body[..open].trim_end().len()
        }
        _ => end,
    }
}

/// How far back from a cue its subject may start, in bytes: longer "clauses" are run-on
/// text, and the bound keeps the analysis linear in the length of a sentence.
const SUBJECT_WINDOW: usize = 600;

fn window_start(text: &str, end: usize) -> usize {
    crate::offsets::floor_boundary(text, end.saturating_sub(SUBJECT_WINDOW))
}

/// Start of the clause that ends at `end`: just past the last clause break after `lo`.
fn clause_start(text: &str, lo: usize, end: usize) -> usize {
    let lo = lo.max(window_start(text, end));
    let mut end = end;
    while let Some(i) = rfind_clause_break(&text[lo..end]) {
        let at = lo + i;
        let c = text[at..].chars().next().unwrap_or(' ');
        // An apostrophe inside a word ("night’s") is no clause break.
        let inside_word = matches!(c, '’' | '\'')
            && text[..at].chars().next_back().is_some_and(is_word_char)
            && text[at + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char);
        if !inside_word {
            return at + c.len_utf8();
        }
        end = at;
    }
    lo
}

/// Whether each byte may end one of [`CLAUSE_BREAKS`] in UTF-8: the ASCII breaks, and the
/// last bytes of the others.
static CLAUSE_BREAK_ENDS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < CLAUSE_BREAKS.len() {
        let c = CLAUSE_BREAKS[i] as u32;
        let last = if c < 0x80 { c } else { 0x80 | (c & 0x3f) };
        table[last as usize] = true;
        i += 1;
    }
    table
};

/// The offset of the last of [`CLAUSE_BREAKS`] in `s` (`s.rfind(CLAUSE_BREAKS)`), read
/// backwards a byte at a time: a character is decoded only where its last byte may end a
/// break.
fn rfind_clause_break(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(i) = b[..end]
        .iter()
        .rposition(|&x| CLAUSE_BREAK_ENDS[usize::from(x)])
    {
        if b[i].is_ascii() {
            return Some(i);
        }
        if s.is_char_boundary(i + 1)
            && let Some(c) = s[..=i].chars().next_back()
            && CLAUSE_BREAKS.contains(&c)
        {
            return Some(i + 1 - c.len_utf8());
        }
        end = i;
    }
    None
}

/// The offset just past the character at byte `at`.
fn after_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(0, char::len_utf8)
}

/// The longest mention in `text[from..end]` that ends exactly at `end` (allowing a comma
/// that closes an appositive).
fn longest_ending_at(text: &str, from: usize, end: usize) -> Option<Mention> {
    let from = from.max(window_start(text, end));
    let mut target = text[from..end].trim_end().len() + from;
    // "Hugh Hill, a doctor, said": the comma closes the appositive.
    if text[from..target].ends_with(',') {
        target -= 1;
    }
    let starts = last_word_starts(text, from, target);
    let hopeless = hopeless_starts(text, &starts, target);
    let hopeful = starts
        .iter()
        .enumerate()
        .filter(|(i, _)| !hopeless.contains(i))
        .map(|(_, &s)| s);
    first_mention_ending_at(text, hopeful, target)
}

/// Lower-case function words that no mention holds, wherever they stand in it, as
/// [`mention_exact`] reads phrases: stopwords that are no pronoun, determiner, preposition,
/// title, quantifier, qualifier of a quantity or postmodifier (a unit test checks each against
/// the grammar). Sorted.
const NO_MENTION_WORDS: &[&str] = &[
    "after", "again", "against", "all", "also", "although", "amid", "among", "are", "as", "asked",
    "be", "because", "been", "before", "being", "besides", "between", "but", "by", "can", "could",
    "despite", "did", "do", "does", "during", "earlier", "even", "finally", "had", "has", "have",
    "hence", "here", "how", "however", "if", "indeed", "instead", "into", "is", "last", "later",
    "like", "may", "might", "moreover", "much", "must", "next", "nor", "not", "notably", "now",
    "once", "onto", "or", "overall", "own", "publicly", "recently", "same", "shall", "should",
    "since", "so", "still", "such", "then", "there", "though", "through", "thus", "today",
    "tonight", "too", "unless", "unlike", "until", "very", "via", "was", "were", "what", "when",
    "where", "whereas", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "without", "would", "yes", "yet",
];

/// The indices of the `starts` (of words before `target`) where no mention ending at `target`
/// starts: those up to the last word of [`NO_MENTION_WORDS`], as a phrase that reaches
/// `target` from them holds it, but for those before an "of" (a quantity such as "half of
/// those who voted" reads past such a word).
fn hopeless_starts(text: &str, starts: &[usize], target: usize) -> Range<usize> {
    let Some(last) = starts
        .iter()
        .rposition(|&s| no_mention_word_at(text, s, target))
    else {
        return 0..0;
    };
    let after_of = starts[..last]
        .iter()
        .rposition(|&s| of_at(text, s))
        .map_or(0, |i| i + 1);
    after_of..last + 1
}

/// The words of [`NO_MENTION_WORDS`] (of up to 8 letters) as [`word_key`]s, in the same
/// order: a word is looked up with a few comparisons of integers.
static NO_MENTION_KEYS: [u64; NO_MENTION_WORDS.len()] = {
    let mut keys = [0; NO_MENTION_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = word_key(NO_MENTION_WORDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// The bytes of a word of up to 8 bytes, big-endian and zero-padded: the keys of words sort
/// as the words do.
const fn word_key(w: &[u8]) -> u64 {
    let mut key = 0;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < w.len() {
            key |= w[i] as u64;
        }
        i += 1;
    }
    key
}

/// True when the word that starts at `at` is one of [`NO_MENTION_WORDS`] with a space on
/// either side (or `target` after it): a token of its own, as the phrase reader reads words,
/// in any phrase read past it.
fn no_mention_word_at(text: &str, at: usize, target: usize) -> bool {
    let b = &text.as_bytes()[..target];
    if !text[..at].ends_with([' ', '\u{a0}']) {
        return false;
    }
    // The words are of lower-case ASCII letters only, 2 to 8 of them.
    let len = b[at..]
        .iter()
        .take(9)
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    let rest = &text[at + len..target];
    (2..=8).contains(&len)
        && (rest.is_empty() || rest.starts_with([' ', '\u{a0}']))
        && NO_MENTION_KEYS
            .binary_search(&word_key(&b[at..at + len]))
            .is_ok()
}

/// True when the word that starts at `at` may be "of": its first two bytes spell it and no
/// ASCII letter or digit follows (a longer word may pass: the test is for a superset).
fn of_at(text: &str, at: usize) -> bool {
    let b = &text.as_bytes()[at..];
    b.starts_with(b"of") && b.get(2).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The most words a subject found by [`longest_ending_at`] may have.
const MAX_SUBJECT_WORDS: usize = 12;

/// How [`last_word_starts`] counts a character of a run: a letter or digit, a joiner
/// (`'`, `’`, `-`, `.`), or a character that ends the run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunChar {
    Word,
    Joiner,
    Break,
}

/// The [`RunChar`] of a character that is not ASCII (those are in [`ASCII_RUN_CHARS`]): of
/// the joiners, only `’` is one.
fn run_char_beyond_ascii(c: char) -> RunChar {
    if is_word_char(c) {
        RunChar::Word
    } else if c == '’' {
        RunChar::Joiner
    } else {
        RunChar::Break
    }
}

/// The [`RunChar`] of each ASCII character, by byte: most of the text before a cue is ASCII,
/// read with one load a byte, where decoding each character backwards cost several times more.
static ASCII_RUN_CHARS: [RunChar; 128] = {
    let mut table = [RunChar::Break; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = RunChar::Word;
        } else if matches!(c, b'\'' | b'-' | b'.') {
            table[b] = RunChar::Joiner;
        }
        b += 1;
    }
    table
};

/// The byte offsets where the last [`MAX_SUBJECT_WORDS`] words of `text[from..to]` start, in
/// text order. A word starts at the first letter or digit of each run of letters, digits and
/// the joiners `'`, `’`, `-` and `.` (joiners before it start none), so the runs are read
/// backwards from `to`, and no further back than the run of the first word wanted: the clause
/// before it is not read. ASCII characters are told by their byte ([`ASCII_RUN_CHARS`]), the
/// others decoded.
fn last_word_starts(text: &str, from: usize, to: usize) -> ArrayVec<usize, MAX_SUBJECT_WORDS> {
    let s = &text[from..to];
    let b = s.as_bytes();
    let mut starts = ArrayVec::new();
    // The first letter or digit so far of the run being read, if it has one.
    let mut first = None;
    let mut end = b.len();
    while end > 0 {
        let x = b[end - 1];
        let kind = if x.is_ascii() {
            end -= 1;
            ASCII_RUN_CHARS[usize::from(x)]
        } else {
            let Some(c) = s[..end].chars().next_back() else {
                break;
            };
            end -= c.len_utf8();
            run_char_beyond_ascii(c)
        };
        match kind {
            RunChar::Word => first = Some(end),
            RunChar::Joiner => {}
            RunChar::Break => {
                if let Some(at) = first.take() {
                    starts.push(from + at);
                    if starts.is_full() {
                        break;
                    }
                }
            }
        }
    }
    if let Some(at) = first {
        starts.push(from + at);
    }
    starts.reverse();
    starts
}

fn skip_space(text: &str, pos: usize, limit: usize) -> usize {
    let rest = &text[pos..limit];
    pos + (rest.len() - rest.trim_start().len())
}

/// "it" in "it said" is a speaker (an organization); "it" before a passive cue or a
/// cognition verb ("it was reported", "it seems") is not.
fn speaker_is_dummy(text: &str, speaker: &Mention, cue: &Cue) -> bool {
    let w = &text[speaker.start..speaker.end];
    w.eq_ignore_ascii_case("it")
        && (cue.passive || cue.class != crate::grammar::cue::CueClass::Speech)
}

/// A bare present-tense cue that does not agree with its subject, or that is followed by an
/// auxiliary, is a noun: "Rust Belt states have suffered", "the Democratic contest",
/// "Illinois state Rep. ...".
fn disagrees(text: &str, speaker: &Mention, cue: &Cue) -> bool {
    if cue.start != cue.verb_start || cue.form != CueForm::Finite {
        return false;
    }
    let verb = &text[cue.verb_start..cue.verb_end];
    if verb.starts_with(char::is_uppercase) {
        // "Trump Wants": a capitalized verb inside a title or a name.
        return true;
    }
    let lemma = cue.lemma;
    // "The email read": a base form that is also the past agrees with any subject.
    let base = verb == lemma && !crate::grammar::cue::is_past_form(verb);
    let third_singular = verb.len() > lemma.len()
        && verb.ends_with('s')
        && (verb.starts_with(lemma)
            || lemma
                .strip_suffix('y')
                .is_some_and(|stem| verb.starts_with(stem)));
    if !base && !third_singular {
        return false;
    }
    const AUXILIARIES: &[&str] = &[
        "have", "has", "had", "will", "would", "are", "is", "was", "were", "can", "could",
        "should", "may", "might", "must", "do", "does", "did", "be", "been",
    ];
    let next = text[cue.end..]
        .split(|c: char| !is_word_char(c))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if text[cue.end..].starts_with(' ') && AUXILIARIES.contains(&next) {
        return true;
    }
    // Words more often nouns than verbs ("three states", "the debates") are verbs only before
    // a complement: "states that", "shows the", "answers: ...".
    const NOUNISH: &[&str] = &[
        "state",
        "contest",
        "debate",
        "email",
        "answer",
        "show",
        "call",
        "report",
        "claim",
        "comment",
        "promise",
        "post",
        "tweet",
        "note",
        "speak",
        "want",
        "view",
        "support",
        "attack",
        "plan",
        "credit",
        "label",
        "reference",
        "welcome",
    ];
    if NOUNISH.contains(&lemma) {
        const OPENERS: &[&str] = &[
            "that", "the", "a", "an", "his", "her", "their", "its", "he", "she", "they", "it",
            "we", "i", "this", "these", "those", "there", "what", "how", "why", "whether", "to",
        ];
        let rest = text[cue.end..].trim_start();
        let complement = rest.starts_with([':', '"', '“', ','])
            || OPENERS.iter().any(|o| o.eq_ignore_ascii_case(next))
            || next.starts_with(char::is_uppercase);
        if !complement {
            return true;
        }
    }
    let subject = &text[speaker.start..speaker.end];
    let is_any = |list: &[&str]| list.iter().any(|p| p.eq_ignore_ascii_case(subject));
    let head = speaker.head.as_ref().map_or("", |h| &text[h.clone()]);
    let plural_head = head.ends_with('s') && !head.ends_with("ss")
        || head.chars().all(|c| c.is_ascii_digit()) && !head.is_empty()
        || crate::grammar::mention::is_number_word(head)
        || matches!(
            head.to_ascii_lowercase().as_str(),
            "people"
                | "police"
                | "staff"
                | "media"
                | "percent"
                | "majority"
                | "minority"
                | "most"
                | "half"
                | "third"
                | "quarter"
                | "all"
                | "many"
                | "some"
                | "few"
                | "both"
                | "others"
                | "public"
                | "electorate"
        );
    let description = speaker.kind == MentionKind::Description;
    let clearly_plural = is_any(&["i", "we", "you", "they"])
        || subject.contains(" and ")
        || (description && plural_head);
    let clearly_singular = is_any(&["he", "she", "it"])
        || (description && !plural_head && !head.is_empty())
        || (matches!(speaker.kind, MentionKind::Name | MentionKind::Organization)
            && !subject.ends_with('s'));
    if third_singular {
        clearly_plural
    } else {
        clearly_singular
    }
}

/// "a firm called Cambridge Analytica", "a move dubbed the boneless": a naming participle
/// after an indefinite description, not speech.
fn names_something(text: &str, speaker: &Mention, cue: &Cue) -> bool {
    matches!(cue.lemma, "call" | "dub" | "label" | "name" | "title")
        && cue.start == cue.verb_start
        && speaker.kind == MentionKind::Description
        && !speaker.definite
        && text[cue.end..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || "\"“'‘".contains(c))
}

/// Beliefs need a person or an organization as holder: "the plan hopes" is no attribution,
/// while findings have any source ("Polls show", "the report found").
fn can_hold_belief(text: &str, speaker: &Mention, cue: &Cue) -> bool {
    use crate::grammar::cue::CueClass;
    if matches!(
        cue.class,
        CueClass::Speech | CueClass::Writing | CueClass::Report
    ) || speaker.kind != MentionKind::Description
    {
        return true;
    }
    speaker.head.as_ref().is_some_and(|h| {
        let head = &text[h.clone()];
        lexicon::is_person_noun(head) || lexicon::is_org_head(head)
    })
}

fn is_personal(text: &str, m: &Mention) -> bool {
    let w = &text[m.start..m.end];
    ["he", "she", "they"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

impl Frame {
    /// True when the speaker is a relative pronoun ("..., who said ..."): such a frame sits in
    /// a relative clause.
    pub fn is_relative(&self, text: &str) -> bool {
        matches!(&text[self.speaker.start..self.speaker.end], "who" | "which")
    }

    /// True for a frame in an adverbial clause that ends at its cue: "As he spoke, Trump
    /// continued: ...", "When she testified, ...".
    pub fn is_subordinate(&self, text: &str) -> bool {
        const CONJUNCTIONS: &[&str] = &[
            "as", "when", "while", "after", "before", "since", "because", "if", "once", "until",
            "although", "though",
        ];
        // The comma after the frame is the rarer condition: it is tested first.
        if !text[self.range.end..].trim_start().starts_with(',') {
            return false;
        }
        let before = text[..self.speaker.start].trim_end();
        let conjunction = before
            .rsplit(|c: char| !is_alphabetic(c))
            .next()
            .unwrap_or("");
        CONJUNCTIONS
            .iter()
            .any(|c| c.eq_ignore_ascii_case(conjunction))
    }
}

/// True when the frame's speaker is a news outlet relaying the report ("Xinhua reported").
pub fn is_relay(text: &str, frame: &Frame) -> bool {
    frame.speaker.kind == MentionKind::Organization
        && frame
            .speaker
            .name
            .as_ref()
            .is_some_and(|n| lexicon::is_news_outlet(&text[n.clone()]))
        && matches!(frame.cue.lemma, "report" | "say" | "quote" | "cite")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::cue::find_cues;

    fn frame_texts(t: &str) -> Vec<(String, String)> {
        frames(t, 0..t.len(), &[], &find_cues(t, 0..t.len()))
            .into_iter()
            .map(|f| {
                (
                    t[f.speaker.start..f.speaker.end].to_string(),
                    t[f.cue.start..f.cue.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn subject_verb_and_inversion() {
        assert_eq!(
            frame_texts("Russian Foreign Minister Sergey Lavrov has denied it."),
            [(
                "Russian Foreign Minister Sergey Lavrov".into(),
                "has denied".into()
            )]
        );
        assert_eq!(
            frame_texts("Reacting to it, the Russian Foreign Ministry said that it will."),
            [("the Russian Foreign Ministry".into(), "said".into())]
        );
        assert_eq!(
            frame_texts("\"No,\" said Hugh Hill, a doctor."),
            [("Hugh Hill".into(), "said".into())]
        );
    }

    #[test]
    fn a_name_opening_the_sentence_beats_names_in_its_appositives() {
        let f = frame_texts("Clinton, during a town hall in Columbus, Ohio, said it was over.");
        assert_eq!(f, [("Clinton".into(), "said".into())]);
        let f = frame_texts(
            "Ann Vian, the editor of the city's paper, The Ledger, said every pope was political.",
        );
        assert_eq!(f, [("Ann Vian".into(), "said".into())]);
    }

    #[test]
    fn opening_phrases_are_no_subjects_of_coordinated_verbs() {
        let f = frame_texts("Walking to the car, Ebeling smiled and said it was over.");
        assert_eq!(f.last().unwrap().0, "Ebeling");
        let f = frame_texts("Eight years ago, Lee backed Obama and said it was over.");
        assert_eq!(f.last().unwrap().0, "Lee");
        let f = frame_texts("Hours later, Trump returned the favor, telling Reuters it was over.");
        assert_eq!(f.last().unwrap().0, "Trump");
        let f = frame_texts(
            "At an event in Ames, Iowa, on Sunday, Clinton went on, saying it was over.",
        );
        assert_eq!(f.last().unwrap().0, "Clinton");
        let f = frame_texts("Silverman, a Sanders fan, drew boos upon saying it was over.");
        assert_eq!(f.last().unwrap().0, "Silverman");
        let f = frame_texts(
            "In a statement, Gov. Rick Scott (R) blasted Congress and said it was over.",
        );
        assert_eq!(
            f,
            [
                ("Gov. Rick Scott".into(), "blasted".into()),
                ("Gov. Rick Scott".into(), "said".into())
            ]
        );
    }

    #[test]
    fn relative_clause_heads_are_subjects() {
        let f = frame_texts("Officials who have worked with Mayor Ines Duarte say she will sign.");
        assert_eq!(f, [("Officials".into(), "say".into())]);
        let f = frame_texts("On Monday, groups that have backed the unions warned it was over.");
        assert_eq!(f, [("groups".into(), "warned".into())]);
        // A complement clause is no relative clause.
        let f = frame_texts("She told reporters that voters say he is right.");
        assert_eq!(f[0], ("She".into(), "told reporters".into()));
    }

    #[test]
    fn appositive_gives_the_name() {
        let f = frame_texts("Hugh Hill, a doctor at the clinic, said it was over.");
        assert_eq!(f[0].0, "Hugh Hill");
    }

    /// The filtered, streamed word windows of [`noun_links`] are the (possessor, noun, link)
    /// triples the indexed loop over all the words of a sentence found, in the corpus texts,
    /// their lines and their pieces between full stops, whether the candidate links were
    /// found in the whole text or in the piece.
    #[test]
    fn noun_links_are_the_triples_of_the_indexed_loop() {
        fn indexed(s: &str) -> Vec<[(usize, &str); 3]> {
            let words = crate::grammar::words::word_offsets(s);
            (1..words.len().saturating_sub(2))
                .filter(|&k| {
                    let (noun, link) = (words[k].1, words[k + 1].1);
                    (LINKS.contains(&link) || link == "to" && TO_NOUNS.contains(&noun))
                        && NOUNS.contains(&noun)
                })
                .map(|k| [words[k - 1], words[k], words[k + 1]])
                .collect()
        }
        let mut texts = crate::test_support::corpus_texts();
        texts.push("his claim that x. Her hopes to win it; its vow to. a b c".to_string());
        // A noun inside a longer word, before a joiner, a longer noun, punctuation before the
        // link.
        texts.push(
            "her claims that x; his recall about y; its views, that z; our hopes-to be; a \
             plan’s that; my calls to; the viewpoint that w"
                .to_string(),
        );
        // Links and nouns next to other characters, in other cases, inside longer words.
        texts.push(
            "her hopes — to win; his vow-to be; their claim’ that x; a disclaim that y; his \
             HOPE to go; é claim that z; its hopeful to; his pledge to; her vow2 to; our \
             claim—about it; his promise,that q; hope to; x claimthat y; é"
                .to_string(),
        );
        assert!(NOUNS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            NOUNS.iter().all(|n| {
                n.len() < 32 && n.bytes().all(|b| b.is_ascii_lowercase()) && is_noun(n)
            })
        );
        let mut found = 0;
        for t in &texts {
            // The candidates are found once in the whole text, as [`noun_attributions`] takes
            // them, and in each piece on its own.
            let in_text = noun_link_candidates(t);
            let pieces = std::iter::once(t.as_str())
                .chain(t.lines())
                .chain(t.split(". "));
            for s in pieces {
                let triples = indexed(s);
                found += triples.len();
                let at = s.as_ptr() as usize - t.as_ptr() as usize;
                let of_text = candidates_in(&in_text, at..at + s.len());
                assert_eq!(noun_links(s, of_text).collect::<Vec<_>>(), triples, "{s}");
                let own = noun_link_candidates(s).into_iter();
                assert_eq!(noun_links(s, own).collect::<Vec<_>>(), triples, "{s}");
            }
        }
        assert!(found > 0);
    }

    /// The pieces of the corpus texts the scans are checked on: each text, its lines and the
    /// prefixes of its lines that end before a space.
    fn corpus_pieces() -> Vec<String> {
        let mut pieces = Vec::new();
        for t in crate::test_support::corpus_texts() {
            for line in t.lines() {
                pieces.extend(line.match_indices(' ').map(|(i, _)| line[..i].to_string()));
                pieces.push(line.to_string());
            }
            pieces.push(t);
        }
        pieces
    }

    /// [`last_relative`] finds what the three backward searches it replaces found, in the
    /// corpus texts and at the edges.
    #[test]
    fn last_relative_as_before() {
        fn before(head: &str) -> Option<(usize, &'static str)> {
            [" who ", " that ", " which "]
                .iter()
                .filter_map(|r| {
                    memchr::memmem::rfind(head.as_bytes(), r.as_bytes()).map(|i| (i, r.trim()))
                })
                .max_by_key(|&(i, _)| i)
        }
        let mut pieces = corpus_pieces();
        pieces.extend(
            [
                "",
                " who ",
                "who ",
                " who",
                "x who that y",
                "x that who y",
                " whom ",
                " which",
                " thatwho ",
                "a  who  b",
                "a who’s b",
                "people who that which are",
                "h",
                " h",
                "  h who h ",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for p in &pieces {
            let old = before(p);
            found += usize::from(old.is_some());
            assert_eq!(last_relative(p), old, "{p}");
        }
        assert!(found > 100);
    }

    /// [`rfind_clause_break`] finds the break that `rfind` found, in the corpus texts and at the
    /// edges.
    #[test]
    fn clause_breaks_as_before() {
        let mut pieces = corpus_pieces();
        pieces.extend(
            [
                "",
                ",",
                "a, b",
                "«a» b",
                "x — y",
                "「q」",
                "night’s end",
                "é",
                "日本",
                "a\u{2019}",
                "\u{1F600}",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for p in &pieces {
            let old = p.rfind(CLAUSE_BREAKS);
            found += usize::from(old.is_some());
            assert_eq!(rfind_clause_break(p), old, "{p}");
        }
        assert!(found > 100);
    }

    /// [`last_word_starts`] keeps the last of the word starts that the vector it replaces
    /// collected, in the corpus texts and at the edges.
    #[test]
    fn last_word_starts_as_before() {
        fn word_starts(text: &str) -> Vec<usize> {
            let mut out = Vec::new();
            let mut prev_word = false;
            for (i, c) in text.char_indices() {
                let is_word = c.is_alphanumeric();
                if is_word && !prev_word {
                    out.push(i);
                }
                prev_word = is_word || (prev_word && matches!(c, '\'' | '’' | '-' | '.'));
            }
            out
        }
        let mut pieces = corpus_pieces();
        pieces.extend(
            [
                "",
                "a",
                "U.S. officials",
                "O’Neill-Smith's 3.5 a b c d e f g h i j k l m",
                " é 日本 .",
                "“Quoted” — ’tis the ‑x Ça\u{a0}va 2½ .",
            ]
            .map(String::from),
        );
        for p in &pieces {
            let all = word_starts(p);
            let last = &all[all.len().saturating_sub(MAX_SUBJECT_WORDS)..];
            assert_eq!(last_word_starts(p, 0, p.len()).as_slice(), last, "{p}");
        }
    }

    /// Each of [`NO_MENTION_WORDS`] is what the grammar of mentions refuses wherever it
    /// stands: a lower-case stopword (a mention with one in its body is refused) that is no
    /// pronoun or lone quantifier (alone it is no mention), no postmodifier ("sources familiar
    /// with ..."), no qualifier or amount of a quantity ("about five of the voters"), no title,
    /// determiner, preposition or link word. The keys are sorted as the words.
    #[test]
    fn no_mention_words_are_refused_by_the_grammar() {
        assert!(NO_MENTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(NO_MENTION_KEYS.windows(2).all(|k| k[0] < k[1]));
        for &w in NO_MENTION_WORDS {
            assert!((2..=8).contains(&w.len()), "{w}");
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(lexicon::is_stopword(w), "{w}");
            assert!(!lexicon::is_pronoun(w) && !lexicon::is_title(w), "{w}");
            assert!(!lexicon::is_determiner(w), "{w}");
            assert!(!crate::grammar::mention::is_number_word(w), "{w}");
            let links = [
                "of", "for", "at", "from", "with", "in", "and", "to", "on", "the", "those",
                "these", "this", "that",
            ];
            assert!(!links.contains(&w), "{w}");
            for t in [
                w.to_string(),
                format!("sources {w} with officials"),
                format!("{w} five of the voters"),
                format!("{w} half of voters"),
            ] {
                assert_eq!(mention_exact(&t, 0, t.len()), None, "{t}");
            }
        }
    }

    /// Skipping the starts before a word of [`NO_MENTION_WORDS`] finds the mention that
    /// trying every start found: in the corpus texts, for the clause before every space of
    /// every line, and at the edges.
    #[test]
    fn hopeless_starts_are_skipped_as_before() {
        fn before(text: &str, from: usize, end: usize) -> Option<Mention> {
            let from = from.max(window_start(text, end));
            let mut target = text[from..end].trim_end().len() + from;
            if text[from..target].ends_with(',') {
                target -= 1;
            }
            last_word_starts(text, from, target)
                .into_iter()
                .find_map(|s| mention_exact(text, s, target))
        }
        let mut lines: Vec<String> = crate::test_support::corpus_texts()
            .iter()
            .flat_map(|t| t.lines().map(String::from).collect::<Vec<_>>())
            .collect();
        lines.extend(
            [
                "Half of those who were polled said",
                "About five of the voters who have",
                "the voters who are ,",
                "officials\u{a0}who have",
                "a source close to the talks who has",
                "people involved have",
                "Smith, who was there,",
            ]
            .map(String::from),
        );
        let (mut found, mut skipped) = (0, 0);
        for line in &lines {
            for (end, _) in line.match_indices(' ').chain([(line.len(), "")]) {
                for from in [0, clause_start(line, 0, end)] {
                    let old = before(line, from, end);
                    found += usize::from(old.is_some());
                    let target = line[..end].trim_end().trim_end_matches(',').len();
                    if target > from {
                        let starts =
                            last_word_starts(line, from.max(window_start(line, end)), target);
                        skipped += hopeless_starts(line, &starts, target).len();
                    }
                    assert_eq!(longest_ending_at(line, from, end), old, "{}", &line[..end]);
                }
            }
        }
        assert!(found > 1000 && skipped > 1000, "{found} {skipped}");
    }

    /// [`ADVERB_SET`] holds a word when one of the [`ADVERBS`] equals it in ASCII case: each
    /// word of the corpus, and the adverbs in their usual spellings.
    #[test]
    fn adverb_set_as_the_list() {
        let mut words: Vec<String> = ADVERBS
            .iter()
            .flat_map(|a| crate::test_support::spellings(a))
            .chain(["hOwEvEr", "Ïtself", "alonе", "x"].map(String::from))
            .collect();
        for t in crate::test_support::corpus_texts() {
            words.extend(t.split_whitespace().map(String::from));
        }
        let mut found = 0;
        for w in &words {
            let listed = ADVERBS.iter().any(|a| a.eq_ignore_ascii_case(w));
            found += usize::from(listed);
            assert_eq!(ADVERB_SET.contains(w), listed, "{w}");
        }
        assert!(found > 100, "{found}");
    }

    /// [`last_spaced_word`] is what splitting at white space gave, on every line of the corpus
    /// and its prefixes at spaces, and at the edges (every ASCII control, spaces beyond ASCII).
    #[test]
    fn last_spaced_words_as_before() {
        let mut pieces = corpus_pieces();
        pieces.extend((0..=0x7f_u8).map(|b| format!("a{}b", char::from(b))));
        pieces.extend(
            [
                "",
                " ",
                "a ",
                " a",
                "é b",
                "a\u{a0}b",
                "a\u{2003}b c",
                "日本 x\u{3000}y",
                "a\u{85}",
            ]
            .map(String::from),
        );
        for p in &pieces {
            let old = p.rsplit(char::is_whitespace).next().unwrap_or("");
            assert_eq!(last_spaced_word(p), old, "{p:?}");
        }
    }

    /// [`last_word`] and [`holds_negative_contraction`] answer as the searches by character
    /// they replace, on every line of the corpus and its prefixes at spaces, and at the edges.
    #[test]
    fn last_words_and_contractions_as_before() {
        let mut pieces = corpus_pieces();
        pieces.extend(
            [
                "",
                "-",
                "a-b",
                "x didn’t",
                "can't",
                "n’",
                "n'",
                "é-ß",
                "日本",
                "it’s 3rd-",
                "a\u{a0}b",
            ]
            .map(String::from),
        );
        let mut negatives = 0;
        for p in &pieces {
            let old = p.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next();
            assert_eq!(Some(last_word(p)), old, "{p}");
            let old = p.contains("n't") || p.contains("n’t");
            negatives += usize::from(old);
            assert_eq!(holds_negative_contraction(p), old, "{p}");
        }
        assert!(negatives > 10, "{negatives}");
    }

    #[test]
    fn nouns_of_attribution_take_their_possessor() {
        let t = "Voters cheered his claim that it would be cheap, but not Trump's call for a \
                 wall. Ann Lee repeated her pledge to build it.";
        let found: Vec<(String, String, String)> =
            noun_attributions(t, 0..t.len(), &noun_link_candidates(t))
                .into_iter()
                .map(|(m, c, r)| {
                    (
                        t[m.start..m.end].into(),
                        t[c.start..c.end].into(),
                        t[r].into(),
                    )
                })
                .collect();
        assert_eq!(
            found,
            [
                ("his".into(), "claim".into(), "it would be cheap".into()),
                ("Ann Lee".into(), "pledge".into(), "to build it".into()),
            ]
        );
    }

    #[test]
    fn according_to() {
        let f = frame_texts("The plan failed, according to the mayor.");
        assert_eq!(f, [("the mayor".into(), "according to".into())]);
    }

    #[test]
    fn coordinated_and_participle_frames() {
        // The negation of the first verb does not reach the one after "but".
        let f = frame_texts("Carson did not mention his rivals, but told his supporters, “Q.”");
        assert_eq!(f, [("Carson".into(), "told his supporters".into())]);
        // A participle with its addressee is still detached from its subject.
        let f = frame_texts("Ryan's campaign shrugged it off, telling reporters, “Q.”");
        assert_eq!(f, [("Ryan's campaign".into(), "telling reporters".into())]);
    }

    #[test]
    fn past_forms_equal_to_the_base_agree_with_any_subject() {
        let f = frame_texts("\"Friend, let me be blunt,\" the email read.");
        assert_eq!(f, [("the email".into(), "read".into())]);
        // A bare present still has to agree: "the states say" is no "the state say".
        assert!(frame_texts("\"Go,\" the Democratic contest say.").is_empty());
    }

    #[test]
    fn time_adverbials_between_subject_and_verb() {
        for (t, speaker) in [
            (
                "Priebus later Thursday told Fox News: “We meet.”",
                "Priebus",
            ),
            ("Sanders on Tuesday said the plan was dead.", "Sanders"),
            (
                "Sanders earlier this month said the plan was dead.",
                "Sanders",
            ),
            (
                "Sen. Dianne Feinstein (D-Calif.) last week said it was fine.",
                "Sen. Dianne Feinstein",
            ),
        ] {
            let f = frame_texts(t);
            assert_eq!(f.first().map(|f| f.0.as_str()), Some(speaker), "{t}");
        }
    }

    #[test]
    fn possessive_holders_are_the_subject() {
        let t = "Woods shared her belief that none of it was beyond the pale.";
        let rows = noun_attributions(t, 0..t.len(), &noun_link_candidates(t));
        assert_eq!(rows.len(), 1);
        assert_eq!(&t[rows[0].0.start..rows[0].0.end], "Woods");
        // Without a subject the possessive itself stands for the holder.
        let t = "Critics doubted it. But his claim that taxes fell was wrong.";
        let rows = noun_attributions(t, 0..t.len(), &noun_link_candidates(t));
        assert_eq!(&t[rows[0].0.start..rows[0].0.end], "his");
    }

    #[test]
    fn headline_kickers_are_no_speakers() {
        let t = "Breaking: Federal Judge Just Gave Hillary Some Of The Worst News";
        assert!(colon_frame(t, 0..t.len(), &[], true).is_none());
        let t = "Paul Ryan: FBI Decision Not to Indict Hillary Sets a Precedent";
        assert!(colon_frame(t, 0..t.len(), &[], true).is_some());
    }

    #[test]
    fn as_someone_put_it() {
        let f = frame_texts("As The Post's Ruth Marcus puts it, Obama made \"an offer.\"");
        assert_eq!(f, [("Post's Ruth Marcus".into(), "puts it".into())]);
        assert!(frame_texts("He put it on the table.").is_empty());
    }
}
