//! Speakers across the document: every mention resolved to a canonical name.
//!
//! A registry of the people and organizations named in the body is built first (each
//! capitalized name with its titles: "US Secretary of State Rex Tillerson" registers Rex
//! Tillerson with the role "US Secretary of State"). Then, in text order:
//! - a surname or partial name ("Tillerson", "Mr. Diallo") resolves to the most recently
//!   mentioned registered name that ends with it (or starts with it), of compatible gender;
//! - he/she resolves to the most recent speaker of compatible gender within three paragraphs,
//!   else to the most recently mentioned compatible person; they/it to the most recent
//!   organization speaker;
//! - a definite description ("the top US diplomat", "the minister", "the company") resolves
//!   to the most recent person whose titles fit the description's role family
//!   ([`lexicon::ROLE_FAMILIES`]), or organization whose name holds its head word;
//! - indefinite descriptions ("a spokeswoman", "one official") stay unresolved.
//!
//! Gender comes only from evidence in the text: honorifics (Mr, Ms), gendered role nouns
//! (spokeswoman, chairman) and pronouns that resolved to the person.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::grammar::lexicon::{self, Gender};
use crate::grammar::mention::{Mention, MentionKind, RecentTokens, mention_at, naming_mention_at};
use crate::grammar::words::{WordStart, has_more_words_than, word_starts};
use crate::offsets::floor_boundary;
use crate::{SpeakerGender, SpeakerKind};

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolved {
    /// Canonical name, when known.
    pub name: Option<String>,
    /// person, organization or unknown.
    pub kind: SpeakerKind,
    /// The gender of a person from the mention's own evidence (he/she, Mr/Ms, spokeswoman),
    /// else from the evidence gathered on the resolved entity so far.
    pub gender: SpeakerGender,
}

/// The quote table's gender of a speaker of `kind` with gender evidence `g`.
fn speaker_gender(kind: SpeakerKind, g: Option<Gender>) -> SpeakerGender {
    match (kind, g) {
        (SpeakerKind::Person, Some(Gender::Female)) => SpeakerGender::Female,
        (SpeakerKind::Person, Some(Gender::Male)) => SpeakerGender::Male,
        _ => SpeakerGender::Unknown,
    }
}

#[derive(Debug, Clone)]
struct Entity<'t> {
    /// The [`normalized`] name, borrowed from the text unless its spaces had to be joined.
    name: Cow<'t, str>,
    kind: SpeakerKind,
    /// Lower-cased title and role words ("us secretary of state"): changed by
    /// [`Entity::add_roles`] only, which keeps `offices` in step.
    roles: String,
    /// The role families ([`lexicon::ROLE_FAMILIES`]) whose titles `roles` hold, one bit each
    /// ([`Entity::offices`]): found once when a description first asks, not once for each
    /// description and family, and forgotten when the roles change.
    offices: Cell<Option<u64>>,
    gender: Option<Gender>,
    /// Pronoun evidence: (male, female) counts of pronouns that follow its mentions.
    votes: (u32, u32),
    /// Byte offsets of its mentions, ascending.
    mentions: Vec<usize>,
    /// Paragraph and offset of its last attribution as a speaker.
    spoke: Option<(usize, usize)>,
}

// One bit of [`Entity::offices`] for each role family.
const _: () = assert!(lexicon::ROLE_FAMILIES.len() <= u64::BITS as usize);

impl Entity<'_> {
    /// Adds the lower-cased role words `roles` unless they are held already.
    fn add_roles(&mut self, roles: &str) {
        if !roles.is_empty() && !self.roles.contains(roles) {
            self.roles.push(' ');
            self.roles.push_str(roles);
            self.offices.set(None);
        }
    }

    /// The role families whose titles its roles hold: bit `k` for the family `k` of
    /// [`lexicon::ROLE_FAMILIES`].
    fn offices(&self) -> u64 {
        if let Some(offices) = self.offices.get() {
            return offices;
        }
        let offices = offices_held(&self.roles);
        self.offices.set(Some(offices));
        offices
    }

    /// Adds a mention at `pos`, unless it is known: in order.
    fn add_mention(&mut self, pos: usize) {
        match self.mentions.last() {
            // The registry reads the text in order: most mentions come after the last one.
            Some(&last) if last < pos => self.mentions.push(pos),
            _ => {
                if let Err(k) = self.mentions.binary_search(&pos) {
                    self.mentions.insert(k, pos);
                }
            }
        }
    }

    fn last_before(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|&m| m < pos);
        i.checked_sub(1).map(|i| self.mentions[i])
    }

    fn fits(&self, g: Option<Gender>) -> bool {
        g.is_none() || self.gender().is_none() || self.gender() == g
    }

    /// Gender from explicit evidence, else from the pronouns that followed its mentions.
    fn gender(&self) -> Option<Gender> {
        self.gender.or(match self.votes {
            (m, f) if m > f => Some(Gender::Male),
            (m, f) if f > m => Some(Gender::Female),
            _ => None,
        })
    }
}

/// The words before the first space and after the last space of `name` (all of it for one
/// word).
fn first_and_last_words(name: &str) -> (&str, &str) {
    let b = name.as_bytes();
    // Byte by byte: a name is too short to pay for setting `memchr` up.
    match (
        b.iter().position(|&x| x == b' '),
        b.iter().rposition(|&x| x == b' '),
    ) {
        (Some(a), Some(z)) => (&name[..a], &name[z + 1..]),
        _ => (name, name),
    }
}

/// Whether the name `name` holds a space: byte by byte, a name is too short to pay for
/// setting `memchr` up.
fn has_space(name: &str) -> bool {
    name.bytes().any(|b| b == b' ')
}

/// [`first_and_last_words`] of a name borrowed from the text, borrowed from it too; copied
/// only for a name whose spaces were joined.
fn first_and_last_words_of<'t>(name: &Cow<'t, str>) -> (Cow<'t, str>, Cow<'t, str>) {
    match name {
        Cow::Borrowed(name) => {
            let (first, last) = first_and_last_words(name);
            (Cow::Borrowed(first), Cow::Borrowed(last))
        }
        Cow::Owned(name) => {
            let (first, last) = first_and_last_words(name);
            (Cow::Owned(first.to_string()), Cow::Owned(last.to_string()))
        }
    }
}

/// What the registry knows of a name, and of the names that start or end with it as a word.
#[derive(Debug, Clone, Default)]
struct Named {
    /// The first entity of this name.
    entity: Option<usize>,
    /// The first entity whose name starts or ends with this word ("Rex", "Tillerson").
    first_with_word: Option<usize>,
    /// The entities after the first whose name starts or ends with this word, ascending: most
    /// words are those of one name, held without allocating a vector.
    more_with_word: Vec<usize>,
}

impl Named {
    /// Adds entity `i`, registered after those it holds, to those whose name starts or ends
    /// with its word.
    fn add_with_word(&mut self, i: usize) {
        match self.first_with_word {
            None => self.first_with_word = Some(i),
            Some(_) => self.more_with_word.push(i),
        }
    }

    /// The entities whose name starts or ends with its word, ascending.
    fn with_word(&self) -> impl Iterator<Item = usize> + Clone + '_ {
        self.first_with_word
            .into_iter()
            .chain(self.more_with_word.iter().copied())
    }
}

/// About how many names the body ranges register: news text names someone every ~270 bytes
/// (PolNeAR), so that the registry is sized once instead of growing from empty. At most
/// [`MAX_EXPECTED_NAMES`]: a very long document with few names (up to 64 MiB are read) must
/// not reserve tens of MiB up front; past that size the tables grow as they fill.
fn expected_names(body: &[(usize, Range<usize>)]) -> usize {
    let bytes: usize = body.iter().map(|(_, range)| range.len()).sum();
    (bytes / 256).min(MAX_EXPECTED_NAMES)
}

/// The most names [`expected_names`] reserves room for (those of a 1 MiB body).
const MAX_EXPECTED_NAMES: usize = 4096;

/// Resolves speaker mentions of one document.
#[derive(Debug, Clone)]
pub struct Resolver<'t> {
    text: &'t str,
    entities: Vec<Entity<'t>>,
    /// The entities by name, and by the words that start or end their names, in one map: a
    /// one-word name ("Tillerson") is looked up once as a name and as a word. The names and
    /// words are keyed as the entities hold them: most borrow from the text, so that
    /// registering copies no string.
    names: FxHashMap<Cow<'t, str>, Named>,
}

impl<'t> Resolver<'t> {
    /// Registers the names mentioned in the given body ranges.
    pub fn new(text: &'t str, body: &[(usize, Range<usize>)]) -> Self {
        let names = expected_names(body);
        let mut r = Resolver {
            text,
            entities: Vec::with_capacity(names),
            // The names, and their first and last words.
            names: FxHashMap::with_capacity_and_hasher(3 * names, Default::default()),
        };
        for (_, range) in body {
            r.register_range(range.clone());
        }
        r
    }

    fn register_range(&mut self, range: Range<usize>) {
        let text = self.text;
        let mut covered = range.start;
        let mut recent = RecentTokens::default();
        for WordStart {
            start: pos,
            end: w_end,
            sentence_start,
        } in word_starts(text, range.clone())
        {
            if pos < covered {
                continue;
            }
            // By byte: most words are lower case and turned away by their shape, without
            // slicing the text.
            let word = &text.as_bytes()[pos..w_end];
            let capitalized = match word[0] {
                b if b.is_ascii() => b.is_ascii_uppercase(),
                _ => text[pos..].chars().next().is_some_and(char::is_uppercase),
            };
            if !(capitalized
                || lexicon::may_be_title_bytes(word) && lexicon::is_listed_title(&text[pos..w_end]))
            {
                continue;
            }
            // "Phil Jones's house" names Phil Jones.
            let Some(mut m) = naming_mention_at(text, pos, range.end, &mut recent) else {
                continue;
            };
            // "Deborah Finch and Marcus Wale": register the first conjunct, the loop reaches
            // the next.
            if let Some(k) = find_short(&text.as_bytes()[m.start..m.end], b" and ")
                && let Some(first) = mention_at(text, pos, m.start + k)
            {
                m = first;
            }
            if m.kind == MentionKind::Name
                && m.name
                    .as_ref()
                    .is_some_and(|n| lexicon::is_place_like(&text[n.clone()]))
            {
                covered = m.end;
                continue;
            }
            if matches!(m.kind, MentionKind::Name | MentionKind::Organization) {
                let first_in_sentence = covered <= sentence_start;
                if let Some(i) = self.register(&m) {
                    self.add_appositive_roles(i, &m, sentence_start, range.end);
                    if first_in_sentence && m.kind == MentionKind::Name {
                        self.vote_gender(i, m.end, range.end);
                    }
                }
                covered = m.end;
            }
        }
    }

    /// Role words written in apposition: "Ravnsund's mayor, Per Aukland," and "Ingrid
    /// Solheim, 54," / "Finch, a two-term council member,".
    fn add_appositive_roles(&mut self, i: usize, m: &Mention, sentence_start: usize, limit: usize) {
        let text = self.text;
        let window = floor_boundary(text, m.start.saturating_sub(200)).max(sentence_start);
        let before = appositive_before(&text[window..m.start]);
        let after = appositive_after(&text[m.end..floor_boundary(text, limit.min(m.end + 200))]);
        // Most names stand without an appositive: no roles and no gender to add.
        if before.is_none() && after.is_none() {
            return;
        }
        let mut extra = String::new();
        if let Some(seg) = before {
            extra.push_str(seg);
        }
        if let Some(seg) = after {
            extra.push(' ');
            extra.push_str(seg);
        }
        let extra = extra.trim().to_lowercase();
        let e = &mut self.entities[i];
        e.add_roles(&extra);
        if e.gender.is_none() {
            e.gender = extra.split_whitespace().find_map(lexicon::noun_gender);
        }
    }

    /// A person who opens a sentence is the likeliest referent of the first third-person
    /// pronoun later in that sentence ("Wale ... pointed to his years").
    fn vote_gender(&mut self, i: usize, from: usize, limit: usize) {
        let rest = &self.text[from..floor_boundary(self.text, limit.min(from + 300))];
        // The end of the sentence or the start of a quotation.
        let b = rest.as_bytes();
        let mut end = memchr::memchr3(b'.', b'!', b'?', b).unwrap_or(b.len());
        end = memchr::memchr(b'"', &b[..end]).unwrap_or(end);
        end = find_short(&b[..end], OPENING_QUOTE).unwrap_or(end);
        if let Some(g) = first_pronoun_gender(&rest[..end]) {
            let v = &mut self.entities[i].votes;
            match g {
                Gender::Male => v.0 += 1,
                Gender::Female => v.1 += 1,
            }
        }
    }

    /// Adds a name or organization mention to the registry, returning its entity index.
    fn register(&mut self, m: &Mention) -> Option<usize> {
        let name_range = m.name.clone()?;
        let text = self.text;
        let name = normalized(&text[name_range.clone()]);
        let kind = if m.kind == MentionKind::Organization {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        };
        // Lower-cased only where they are kept: most mentions have none, or are a surname.
        let role_text = &text[m.start..name_range.start];
        let named = self.names.get(name.as_ref());
        if let Some(i) = named.and_then(|n| n.entity) {
            let e = &mut self.entities[i];
            e.add_mention(m.start);
            // Lower-casing neither makes nor unmakes white space: the roles are blank when
            // their text is.
            if !role_text.trim().is_empty() {
                e.add_roles(role_text.to_lowercase().trim());
            }
            e.gender = e.gender.or(m.gender);
            return Some(i);
        }
        // A single word that ends a known full name is that person, not a new one.
        if kind == SpeakerKind::Person && !has_space(&name) {
            let i = person_with_word(&mut self.entities, named, m)?;
            self.entities[i].add_mention(m.start);
            return Some(i);
        }
        Some(self.add_entity(name, kind, lower_cased(role_text), m))
    }

    fn add_entity(
        &mut self,
        name: Cow<'t, str>,
        kind: SpeakerKind,
        roles: String,
        m: &Mention,
    ) -> usize {
        let i = self.entities.len();
        if has_space(&name) {
            self.names
                .entry(name.clone())
                .or_default()
                .entity
                .get_or_insert(i);
            let (first, last) = first_and_last_words_of(&name);
            let one_word = last == first;
            self.names.entry(first).or_default().add_with_word(i);
            if !one_word {
                self.names.entry(last).or_default().add_with_word(i);
            }
        } else {
            // A one-word name is its own first and last word: one entry.
            let named = self.names.entry(name.clone()).or_default();
            named.entity.get_or_insert(i);
            named.add_with_word(i);
        }
        self.entities.push(Entity {
            name,
            kind,
            roles,
            offices: Cell::new(None),
            gender: m.gender,
            votes: (0, 0),
            mentions: vec![m.start],
            spoke: None,
        });
        self.entities.len() - 1
    }

    /// A speaker named by one word that no full name explains ("Obama said") is a person of
    /// its own, so that the pronouns after it resolve to it.
    fn add_lone_name(&mut self, m: &Mention) -> Option<usize> {
        let text = self.text;
        let range = m.name.clone()?;
        let name = normalized(&text[range.clone()]);
        if lexicon::is_place_like(&text[range]) {
            return None;
        }
        let roles = lower_cased(&self.text[m.start..m.name.as_ref()?.start]);
        Some(self.add_entity(name, SpeakerKind::Person, roles, m))
    }

    /// Resolves a speaker mention made at paragraph `paragraph`, and remembers it as the
    /// latest speaker.
    pub fn resolve(&mut self, m: &Mention, paragraph: usize) -> Resolved {
        let found = match m.kind {
            MentionKind::Name => self.resolve_name(m).or_else(|| self.add_lone_name(m)),
            // "the company", "the ministry": a description of an organization named before.
            MentionKind::Organization
                if m.name
                    .as_ref()
                    .is_some_and(|n| self.text[n.clone()].starts_with(char::is_lowercase)) =>
            {
                self.resolve_description(m)
            }
            MentionKind::Organization => self.register(m).or_else(|| self.find_org_name(m)),
            MentionKind::Pronoun => self.resolve_pronoun(m),
            MentionKind::Description => self.resolve_description(m),
        };
        match found {
            Some(i) => {
                let e = &mut self.entities[i];
                if m.kind == MentionKind::Pronoun && e.gender().is_none() {
                    e.gender = m.gender;
                }
                e.spoke = Some((paragraph, m.start));
                e.add_mention(m.start);
                Resolved {
                    name: Some(e.name.to_string()),
                    kind: e.kind,
                    gender: speaker_gender(e.kind, m.gender.or(e.gender())),
                }
            }
            None => {
                let kind = self.kind_of(m);
                Resolved {
                    name: match m.kind {
                        MentionKind::Name => m
                            .name
                            .clone()
                            .map(|r| normalized(&self.text[r]).into_owned()),
                        _ => None,
                    },
                    kind,
                    gender: speaker_gender(kind, m.gender),
                }
            }
        }
    }

    /// The gender of the person registered as `name`, from all the evidence gathered so far
    /// (pronouns resolved to them after their earlier quotes included).
    pub fn gender_of(&self, name: &str) -> SpeakerGender {
        self.entities
            .iter()
            .find(|e| e.name == name && e.kind == SpeakerKind::Person)
            .map_or(SpeakerGender::Unknown, |e| {
                speaker_gender(e.kind, e.gender())
            })
    }

    fn kind_of(&self, m: &Mention) -> SpeakerKind {
        let w = &self.text[m.start..m.end];
        match m.kind {
            MentionKind::Name => SpeakerKind::Person,
            MentionKind::Organization => SpeakerKind::Organization,
            MentionKind::Pronoun => {
                let is_one_of = |words: &[&str]| words.iter().any(|p| w.eq_ignore_ascii_case(p));
                if is_one_of(&["he", "she", "i", "who"]) {
                    SpeakerKind::Person
                } else if is_one_of(&["it", "which"]) {
                    SpeakerKind::Organization
                } else {
                    SpeakerKind::Unknown
                }
            }
            MentionKind::Description => {
                let head = m.head.clone().map_or("", |r| &self.text[r]);
                if lexicon::is_person_noun(head) {
                    SpeakerKind::Person
                } else if lexicon::is_org_head(head) {
                    SpeakerKind::Organization
                } else {
                    SpeakerKind::Unknown
                }
            }
        }
    }

    fn resolve_name(&mut self, m: &Mention) -> Option<usize> {
        let range = m.name.clone()?;
        let name = normalized(&self.text[range]);
        if has_space(&name) {
            // A full name: itself, or a longer registered name that ends with it.
            return self.register(m);
        }
        self.person_named(&name, m)
    }

    /// The person whose surname or given name is the one word `name` ([`normalized`]) of the
    /// mention `m`: [`person_with_word`].
    fn person_named(&mut self, name: &str, m: &Mention) -> Option<usize> {
        person_with_word(&mut self.entities, self.names.get(name), m)
    }

    fn find_org_name(&self, m: &Mention) -> Option<usize> {
        let name = normalized(&self.text[m.name.clone()?]);
        self.names.get(name.as_ref()).and_then(|n| n.entity)
    }

    fn resolve_pronoun(&self, m: &Mention) -> Option<usize> {
        let pos = m.start;
        match pronoun_lemma(&self.text[m.start..m.end]) {
            Some("he" | "she") => {
                // In one pass over the persons of a fitting gender mentioned before it: the most
                // recently mentioned (last mention, entity), and the most recently mentioned of
                // the pronoun's own gender.
                let (mut any, mut known) = (None, None);
                for (i, e) in self.entities.iter().enumerate() {
                    if e.kind != SpeakerKind::Person || !e.fits(m.gender) {
                        continue;
                    }
                    let Some(p) = e.last_before(pos) else {
                        continue;
                    };
                    any = any.max(Some((p, i)));
                    if e.gender() == m.gender {
                        known = known.max(Some((p, i)));
                    }
                }
                // The last speaker keeps the pronoun when nobody was named since it spoke:
                // "Halvorsen said, “...” He added ...".
                let spoke_last = |a: usize, kp: usize| {
                    self.entities[a]
                        .spoke
                        .is_some_and(|(_, at)| at > kp && at < pos)
                };
                match (any, known) {
                    (Some((_, a)), Some((kp, k)))
                        if self.entities[a].gender().is_none()
                            && pos - kp < 800
                            && !spoke_last(a, kp) =>
                    {
                        Some(k)
                    }
                    (Some((_, a)), _) => Some(a),
                    (None, _) => None,
                }
            }
            // "Cruz, who said": the entity named last before it.
            Some("who" | "which") => self
                .entities
                .iter()
                .enumerate()
                .filter_map(|(i, e)| e.last_before(pos).map(|p| (p, i)))
                .max()
                .map(|(_, i)| i),
            Some("they" | "it") => self
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == SpeakerKind::Organization)
                .filter_map(|(i, e)| e.spoke.filter(|&(_, at)| at < pos).map(|(_, at)| (at, i)))
                .max()
                .map(|(_, i)| i),
            _ => None,
        }
    }

    fn resolve_description(&self, m: &Mention) -> Option<usize> {
        if !m.definite {
            return None;
        }
        let head = self.text[m.head.clone()?].to_ascii_lowercase();
        let pos = m.start;
        // The most recent fitting entity; else one named just after, as ledes do ("The mayor
        // of this small town has vowed ... Mayor Sophie Marchand told ...").
        let most_recent = |pred: &dyn Fn(&Entity) -> bool| {
            let fitting = || self.entities.iter().enumerate().filter(|(_, e)| pred(e));
            fitting()
                .filter_map(|(i, e)| e.last_before(pos).map(|p| (p, i)))
                .max()
                .or_else(|| {
                    fitting()
                        .filter_map(|(i, e)| {
                            e.mentions
                                .iter()
                                .find(|&&p| p > pos && p - pos < 400)
                                .map(|&p| (p, i))
                        })
                        .min()
                })
                .map(|(_, i)| i)
        };
        if let Some(family) = lexicon::ROLE_FAMILIES.iter().position(|(h, _)| *h == head) {
            return most_recent(&|e: &Entity| {
                e.kind == SpeakerKind::Person && e.fits(m.gender) && e.offices() & 1 << family != 0
            })
            .or_else(|| {
                // "Hillary Clinton criticized Sen. Bernie Sanders ... the former secretary of
                // state said": an office the text never gave anyone goes to the person named
                // just before who holds no other office.
                let no_office = |e: &Entity| e.offices() == 0;
                self.entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.kind == SpeakerKind::Person && e.fits(m.gender) && no_office(e)
                    })
                    .filter_map(|(i, e)| e.last_before(pos).map(|p| (p, i)))
                    .max()
                    .filter(|(p, _)| pos - p < 600)
                    .map(|(_, i)| i)
            });
        }
        if let Some(age) = head.strip_suffix("-year-old") {
            return most_recent(&|e: &Entity| {
                e.kind == SpeakerKind::Person && e.roles.split_whitespace().any(|w| w == age)
            })
            .or_else(|| {
                most_recent(&|e: &Entity| e.kind == SpeakerKind::Person && e.spoke.is_some())
            });
        }
        if lexicon::is_org_head(&head) {
            let fits = |w: &str| {
                let w = w.trim_end_matches('.');
                if matches!(head.as_str(), "company" | "firm") {
                    lexicon::is_company_head(w)
                } else {
                    w.eq_ignore_ascii_case(&head)
                }
            };
            return most_recent(&|e: &Entity| {
                e.kind == SpeakerKind::Organization && e.name.split(' ').any(fits)
            });
        }
        None
    }
}

/// The third-person pronoun `w` in lower case, a possessive read as its pronoun ("His" → "he",
/// "their" → "they"); `None` for any other word. Compared in ASCII case, without lower-casing
/// the word into a string.
fn pronoun_lemma(w: &str) -> Option<&'static str> {
    const LEMMAS: &[(&str, &str)] = &[
        ("he", "he"),
        ("his", "he"),
        ("she", "she"),
        ("her", "she"),
        ("they", "they"),
        ("their", "they"),
        ("it", "it"),
        ("its", "it"),
        ("who", "who"),
        ("which", "which"),
    ];
    LEMMAS
        .iter()
        .find(|(form, _)| w.eq_ignore_ascii_case(form))
        .map(|&(_, lemma)| lemma)
}

/// The person among `entities` whose surname or given name is the word of `named` (that of
/// the mention `m`): the most recently mentioned before it, else the first mentioned after.
/// A person without gender evidence takes that of the mention.
fn person_with_word(
    entities: &mut [Entity<'_>],
    named: Option<&Named>,
    m: &Mention,
) -> Option<usize> {
    let pos = m.start;
    // In one pass over the persons whose surname or given name it is: the most recently
    // mentioned before (last mention, entity), and the first mentioned, the first of them on
    // a tie (first mention, entity), which counts when none was mentioned before.
    let (mut before, mut first) = (None, None::<(usize, usize)>);
    for i in named.into_iter().flat_map(Named::with_word) {
        let e = &entities[i];
        if e.kind != SpeakerKind::Person || !e.fits(m.gender) {
            continue;
        }
        if let Some(p) = e.last_before(pos) {
            before = before.max(Some((p, i)));
        } else if first.is_none_or(|(p, _)| e.mentions[0] < p) {
            first = Some((e.mentions[0], i));
        }
    }
    let best = before.or(first).map(|(_, i)| i);
    if let Some(i) = best
        && entities[i].gender.is_none()
    {
        entities[i].gender = m.gender;
    }
    best
}

/// The appositive that ends with a comma at the end of `before`, the text before a name
/// ("Ravnsund's mayor," of "Ravnsund's mayor, Per Aukland"): the words after the last
/// separator, six at most, none a pronoun.
fn appositive_before(before: &str) -> Option<&str> {
    let before = before.trim_end().strip_suffix(',')?;
    // The separators are ASCII: found by byte, where `rsplit` decoded each character.
    let from = before
        .bytes()
        .rposition(|b| matches!(b, b',' | b';' | b':' | b'('))
        .map_or(0, |k| k + 1);
    let seg = before[from..].trim();
    (!has_more_words_than(seg, 6) && seg.split_whitespace().all(|w| !lexicon::is_pronoun(w)))
        .then_some(seg)
}

/// The appositive that opens `after`, the text after a name, after a comma (", 54," and ", a
/// two-term council member,"): up to the next separator, eight words at most, opening with a
/// lower-case letter or a digit.
fn appositive_after(after: &str) -> Option<&str> {
    let after = after.strip_prefix(", ")?;
    // The separators are ASCII: found by byte, where `split` decoded each character.
    let to = after
        .bytes()
        .position(|b| matches!(b, b',' | b'.' | b';' | b':' | b'(' | b')'))
        .unwrap_or(after.len());
    let seg = &after[..to];
    (seg.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        && !has_more_words_than(seg, 8))
    .then_some(seg)
}

/// `text` in lower case: no call for the empty roles of most names.
fn lower_cased(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        text.to_lowercase()
    }
}

/// The first occurrence of `needle` in `hay`, both short (a name, a sentence): its first byte
/// is found by `memchr`, without the searcher `memmem` builds for each call; in a hay of a
/// few words (a name), byte by byte, which costs less than setting `memchr` up. The needle's
/// length is a constant, so that it is compared without a call to `memcmp`.
fn find_short<const N: usize>(hay: &[u8], needle: &[u8; N]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let at = |i: usize| hay.get(i..i + N) == Some(needle.as_slice());
    if hay.len() <= SHORT_HAY {
        return hay
            .iter()
            .enumerate()
            .find(|&(i, &b)| b == first && at(i))
            .map(|(i, _)| i);
    }
    memchr::memchr_iter(first, hay).find(|&i| at(i))
}

/// The bytes of the opening quotation mark “ in UTF-8.
const OPENING_QUOTE: &[u8; 3] = b"\xE2\x80\x9C";

/// The longest hay that [`find_short`] reads byte by byte.
const SHORT_HAY: usize = 64;

/// The gender of the first third-person pronoun of `s` ("he", "his", "She", "herself"...),
/// read as whole words (runs of letters and digits): each of them holds an `h`, first or
/// after the `s` of "she", and only the words around an `h` are looked at.
fn first_pronoun_gender(s: &str) -> Option<Gender> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(h) = next_h(b, from) {
        from = h + 1;
        let start = match h.checked_sub(1) {
            Some(k) if b[k] | 0x20 == b's' => k,
            _ => h,
        };
        // Most `h`s are inside a word ("the", "which"): turned away before the word is read.
        if s[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let word_end = crate::grammar::words::word_chars_end(s, h);
        from = word_end;
        match &s[start..word_end] {
            "he" | "him" | "his" | "himself" | "He" | "His" => return Some(Gender::Male),
            "she" | "her" | "hers" | "herself" | "She" | "Her" => return Some(Gender::Female),
            _ => {}
        }
    }
    None
}

/// The first byte of `b` from `from` on that is an `h` in either case. SWAR: eight bytes at a
/// time (a sentence has several words between two `h`s that may be in a pronoun), then byte
/// by byte.
fn next_h(b: &[u8], from: usize) -> Option<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    /// The high bit of each zero byte of `v` (no carry crosses a byte).
    fn zero_bytes(v: u64) -> u64 {
        !(((v & LOW7) + LOW7) | v | LOW7)
    }
    let mut at = from;
    while let Some(chunk) = b.get(at..at + 8) {
        // The case bit set: `H` reads as `h`, no other byte does.
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) | 0x2020_2020_2020_2020;
        let found = zero_bytes(x ^ u64::from_le_bytes([b'h'; 8]));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b.get(at..)?
        .iter()
        .position(|&x| x | 0x20 == b'h')
        .map(|k| at + k)
}

/// The role families ([`lexicon::ROLE_FAMILIES`], bit `k` for the family `k`) with a title
/// that the role words `roles` hold as whole words: "us secretary of state" holds "secretary
/// of state" (diplomat) and "secretary" (secretary, official). One pass over the words, each
/// looked up once, where a search for each title of each family cost a `memchr` call. Every
/// whole-word occurrence of a title counts, as for the string search that found the
/// non-overlapping ones: a match of a one-word title that overlaps a later one puts a letter
/// before it, and no title of several words ends with its own start (as "x x" does).
fn offices_held(roles: &str) -> u64 {
    let mut offices = 0;
    let mut word_start = None;
    // The end of the roles ends their last word.
    for (i, c) in roles.char_indices().chain([(roles.len(), ' ')]) {
        match (word_start, c.is_alphanumeric()) {
            (None, true) => word_start = Some(i),
            (Some(start), false) => {
                word_start = None;
                for &(title, families) in titles_opening_with(&roles[start..i]) {
                    // A title of several words: its other words follow, and end a word.
                    let rest = &roles[start..];
                    if rest.starts_with(title)
                        && !rest[title.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                    {
                        offices |= families;
                    }
                }
            }
            _ => {}
        }
    }
    offices
}

/// The titles of [`lexicon::ROLE_FAMILIES`] whose first word is `word`, each with the families
/// it belongs to (bit `k` for the family `k`): "secretary" opens "secretary of state"
/// (diplomat) and "secretary" (secretary, official).
fn titles_opening_with(word: &str) -> &'static [(&'static str, u64)] {
    static BY_FIRST_WORD: OnceLock<FxHashMap<&str, Vec<(&str, u64)>>> = OnceLock::new();
    let by_first_word = BY_FIRST_WORD.get_or_init(|| {
        let mut by_first_word: FxHashMap<&str, Vec<(&str, u64)>> = FxHashMap::default();
        for (k, (_, titles)) in lexicon::ROLE_FAMILIES.iter().enumerate() {
            for &title in *titles {
                let (first, _) = first_and_last_words(title);
                let opened = by_first_word.entry(first).or_default();
                match opened.iter_mut().find(|(t, _)| *t == title) {
                    Some((_, families)) => *families |= 1 << k,
                    None => opened.push((title, 1 << k)),
                }
            }
        }
        by_first_word
    });
    by_first_word.get(word).map_or(&[], Vec::as_slice)
}

/// A name with its white space collapsed and its possessive ending dropped, borrowed from `s`
/// when it is written with single spaces (most names): no copy to look a known name up.
fn normalized(s: &str) -> Cow<'_, str> {
    // A name that starts and ends with a printable ASCII character (most) has no white
    // space to trim.
    let s = match s.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    };
    // Most names are written with single spaces: kept as they are.
    let single_spaced = s
        .as_bytes()
        .windows(2)
        .all(|w| w[1].is_ascii_graphic() || (w[1] == b' ' && w[0] != b' '));
    if single_spaced {
        return Cow::Borrowed(&s[..kept_len(s)]);
    }
    let mut joined = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    joined.truncate(kept_len(&joined));
    Cow::Owned(joined)
}

/// The length of `name` without its possessive marks and trailing periods and commas.
fn kept_len(name: &str) -> usize {
    // Most names end with a letter that none of them ends with: nothing to trim.
    if !matches!(name.as_bytes().last(), Some(b's' | b'.' | b',')) {
        return name.len();
    }
    // What `trim_end_matches("'s")` then `("’s")` leave, without building a searcher.
    let mut kept = name;
    while let Some(k) = kept.strip_suffix("'s") {
        kept = k;
    }
    while let Some(k) = kept.strip_suffix("’s") {
        kept = k;
    }
    kept.trim_end_matches(['.', ',']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The room reserved for the registry's names follows the length of the body, up to
    /// [`MAX_EXPECTED_NAMES`].
    #[test]
    fn registry_room_grows_with_the_body_up_to_a_bound() {
        assert_eq!(expected_names(&[]), 0);
        assert_eq!(expected_names(&[(0, 0..1280), (2, 2000..3280)]), 10);
        assert_eq!(expected_names(&[(0, 0..64 << 20)]), MAX_EXPECTED_NAMES);
    }

    /// [`normalized`] gives what the joining of the words and the trims of the possessive
    /// marks, periods and commas gave, on every line of the corpus and on edge cases.
    #[test]
    fn names_normalized_as_the_trims_left_them() {
        let names = crate::test_support::corpus_lines_and(&[
            "",
            " Rex  Tillerson ",
            "Phil Jones's",
            "Cruz’s's",
            "U.S.",
            "Acme, Inc.,",
            "a\u{a0}b",
        ]);
        for n in &names {
            let joined = n.split_whitespace().collect::<Vec<_>>().join(" ");
            let by_trims = joined
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(['.', ',']);
            assert_eq!(normalized(n), by_trims, "{n:?}");
        }
    }

    /// [`pronoun_lemma`] reads each word as lower-casing it and mapping the possessives did, on
    /// the spellings of the pronouns and on every word of the corpus.
    #[test]
    fn pronouns_read_as_their_lower_case_was() {
        fn by_lower_case(w: &str) -> Option<String> {
            let w = w.to_ascii_lowercase();
            let lemma = match w.as_str() {
                "his" => "he",
                "her" => "she",
                "their" => "they",
                "its" => "it",
                w => w,
            };
            matches!(lemma, "he" | "she" | "they" | "it" | "who" | "which")
                .then(|| lemma.to_string())
        }
        let pronouns = [
            "he", "his", "she", "her", "they", "their", "it", "its", "who", "which",
        ];
        let mut words: Vec<String> = pronouns
            .iter()
            .flat_map(|p| crate::test_support::spellings(p))
            .chain(["hE", "İt", "hers", "whose", ""].map(String::from))
            .collect();
        for text in crate::test_support::corpus_texts() {
            words.extend(crate::grammar::words::words(&text).map(|(_, w)| w.to_string()));
        }
        for w in &words {
            assert_eq!(
                pronoun_lemma(w).map(String::from),
                by_lower_case(w),
                "{w:?}"
            );
        }
    }

    /// [`first_and_last_words`] splits as `split(' ')` and `rsplit(' ')` did, on every line of
    /// the corpus and on edge cases.
    #[test]
    fn first_and_last_words_as_split_found_them() {
        let names = crate::test_support::corpus_lines_and(&[
            "",
            "a",
            "a b",
            " a ",
            "a  b c",
            "Rex Tillerson",
            "é ü",
        ]);
        for n in &names {
            let by_split = (
                n.split(' ').next().unwrap_or(n),
                n.rsplit(' ').next().unwrap_or(n),
            );
            assert_eq!(first_and_last_words(n), by_split, "{n:?}");
        }
    }

    /// [`find_short`] finds what `memmem` finds, in short hays (read byte by byte) and long
    /// ones: edge cases, and every line of the corpus and its first [`SHORT_HAY`] bytes.
    #[test]
    fn short_needles_found_first() {
        fn check<const N: usize>(hay: &[u8], needle: &[u8; N]) {
            assert_eq!(
                find_short(hay, needle),
                memchr::memmem::find(hay, needle).filter(|_| N > 0),
                "{:?} {:?}",
                String::from_utf8_lossy(hay),
                String::from_utf8_lossy(needle)
            );
        }
        check(b"Deborah Finch and Marcus Wale", b" and ");
        check(b"Smith andand and", b" and ");
        check(b"", b" and ");
        check(b"abc", b"");
        check("he said “yes”".as_bytes(), OPENING_QUOTE);
        check(b"x", b"xy");
        check(b"a name that runs to 33 bytes and", b" and");
        assert_eq!(OPENING_QUOTE, "“".as_bytes());
        for line in crate::test_support::corpus_lines_and(&[]) {
            let line = line.as_bytes();
            for hay in [line, &line[..line.len().min(SHORT_HAY)]] {
                check(hay, b" and ");
                check(hay, OPENING_QUOTE);
            }
        }
    }

    /// [`appositive_before`] and [`appositive_after`] find the segments that the splits by
    /// character found, in every line of the corpus cut at each comma, and in edge cases.
    #[test]
    fn appositives_as_the_splits_found_them() {
        fn before_by_split(before: &str) -> Option<&str> {
            let before = before.trim_end().strip_suffix(',')?;
            let seg = before
                .rsplit([',', ';', ':', '('])
                .next()
                .unwrap_or(before)
                .trim();
            (seg.split_whitespace().count() <= 6
                && seg.split_whitespace().all(|w| !lexicon::is_pronoun(w)))
            .then_some(seg)
        }
        fn after_by_split(after: &str) -> Option<&str> {
            let seg = after
                .strip_prefix(", ")?
                .split([',', '.', ';', ':', '(', ')'])
                .next()
                .unwrap_or("");
            (seg.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                && seg.split_whitespace().count() <= 8)
                .then_some(seg)
        }
        let lines = crate::test_support::corpus_lines_and(&[
            "",
            ",",
            ", ",
            "Ravnsund's mayor, ",
            "(the mayor,",
            "he, ",
            "é; l’adjoint ,\u{a0}",
            ", 54, said",
            ", a two-term council member (D), said",
            ", Élan",
        ]);
        for line in &lines {
            for (k, _) in line.match_indices(',').chain([(line.len(), "")]) {
                let (before, after) = (&line[..k], &line[k..]);
                let before_comma = &line[..(k + 1).min(line.len())];
                assert_eq!(
                    appositive_before(before),
                    before_by_split(before),
                    "{before:?}"
                );
                assert_eq!(
                    appositive_before(before_comma),
                    before_by_split(before_comma),
                    "{before_comma:?}"
                );
                assert_eq!(appositive_after(after), after_by_split(after), "{after:?}");
            }
        }
    }

    /// [`next_h`] finds the byte the search byte by byte finds, from every offset of every text
    /// of the corpus, and in every position of a chunk for every byte value.
    #[test]
    fn letter_h_found_as_byte_by_byte() {
        fn by_bytes(b: &[u8], from: usize) -> Option<usize> {
            (from..b.len()).find(|&i| matches!(b[i], b'h' | b'H'))
        }
        for text in crate::test_support::corpus_texts() {
            let b = text.as_bytes();
            for from in 0..=b.len() {
                assert_eq!(next_h(b, from), by_bytes(b, from), "{from}");
            }
        }
        for len in 0..20 {
            for pos in 0..len {
                for x in 0..=255u8 {
                    let mut b = vec![b'q'; len];
                    b[pos] = x;
                    for from in 0..=len {
                        assert_eq!(next_h(&b, from), by_bytes(&b, from), "{b:?} {from}");
                    }
                }
            }
        }
    }

    /// [`has_more_words_than`] answers as the count of `split_whitespace`, on every line of the
    /// corpus, its words and the halves of both, and on edge cases.
    #[test]
    fn words_counted_as_split_whitespace_counts_them() {
        let lines = crate::test_support::corpus_lines_and(&[
            "",
            " ",
            "a",
            " a  b\tc\u{b}d\u{c}e\rf\ng ",
            "a\u{a0}b c\u{2009}d",
            "a\u{85}b\u{1c}c",
            "one two three four five six seven eight nine",
        ]);
        for line in &lines {
            let mut segs = vec![line.as_str()];
            let half = crate::offsets::floor_boundary(line, line.len() / 2);
            segs.extend([&line[..half], &line[half..]]);
            for seg in segs {
                for n in 0..10 {
                    assert_eq!(
                        !has_more_words_than(seg, n),
                        seg.split_whitespace().count() <= n,
                        "{seg:?} {n}"
                    );
                }
            }
        }
    }

    /// [`first_pronoun_gender`] finds the pronoun the split of the text into words found, in
    /// every sentence of the corpus and on edge cases.
    #[test]
    fn pronouns_found_as_the_word_split_found_them() {
        fn by_split(s: &str) -> Option<Gender> {
            s.split(|c: char| !c.is_alphanumeric())
                .find_map(|w| match w {
                    "he" | "him" | "his" | "himself" | "He" | "His" => Some(Gender::Male),
                    "she" | "her" | "hers" | "herself" | "She" | "Her" => Some(Gender::Female),
                    _ => None,
                })
        }
        let mut texts: Vec<String> = [
            "",
            "he",
            "She said",
            "shehe his",
            "éhe she",
            "ßhe; Her",
            "HE she",
            "the hat, his",
            "sshe, 1he, Sher or sHe",
            "h",
            "sh",
            "she",
        ]
        .map(String::from)
        .to_vec();
        for text in crate::test_support::corpus_texts() {
            texts.extend(text.split(['.', '!', '?']).map(String::from));
        }
        for t in &texts {
            assert_eq!(first_pronoun_gender(t), by_split(t), "{t:?}");
        }
    }

    /// [`offices_held`] finds the families that the search by `str::match_indices` of each of
    /// their titles found, whose matches do not overlap ("ax x x" holds no whole "x x" for it):
    /// in edge cases and in every line of the corpus, lower-cased.
    #[test]
    fn offices_found_as_the_string_search_found_them() {
        fn by_search(hay: &str, needle: &str) -> bool {
            hay.match_indices(needle).any(|(i, _)| {
                let before = hay[..i].chars().next_back();
                let after = hay[i + needle.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        }
        fn families_by_search(roles: &str) -> u64 {
            lexicon::ROLE_FAMILIES
                .iter()
                .enumerate()
                .filter(|(_, (_, titles))| titles.iter().any(|t| by_search(roles, t)))
                .fold(0, |offices, (k, _)| offices | 1 << k)
        }
        let mut hays = crate::test_support::corpus_lines_and(&[
            "",
            "us secretary of state",
            "secretary of  state",
            "former senator and senate leader",
            "senators",
            "the minister’s aide",
            "état minister",
            "co-chair",
            "chief executive officer",
            "chief executives",
            "prime-minister",
            "éprime minister",
            "sen.",
        ]);
        for hay in &mut hays {
            *hay = hay.to_lowercase();
        }
        for hay in &hays {
            assert_eq!(offices_held(hay), families_by_search(hay), "{hay:?}");
        }
        assert_ne!(offices_held("us secretary of state"), 0);
        // No title of several words ends with its own start: its occurrences never overlap.
        for (_, titles) in lexicon::ROLE_FAMILIES {
            for t in titles.iter().filter(|t| has_space(t)) {
                assert!(t.is_ascii(), "{t:?}");
                assert!((1..t.len()).all(|k| t[..k] != t[t.len() - k..]), "{t:?}");
            }
        }
    }

    /// A mention of one name, for the tests of entities.
    fn name_mention() -> Mention {
        Mention {
            start: 0,
            end: 3,
            kind: MentionKind::Name,
            name: Some(0..3),
            role: None,
            head: None,
            definite: false,
            gender: None,
        }
    }

    /// An entity's mentions stay ascending and distinct, whether they come in order (appended)
    /// or not (inserted).
    #[test]
    fn mentions_kept_ascending_and_distinct() {
        let mut r = Resolver::new("Rex", &[]);
        let i = r.add_entity(
            Cow::Borrowed("Rex"),
            SpeakerKind::Person,
            String::new(),
            &name_mention(),
        );
        let mut expected = vec![0];
        for pos in [5, 9, 9, 2, 14, 0, 7, 14, 20, 1] {
            r.entities[i].add_mention(pos);
            if let Err(k) = expected.binary_search(&pos) {
                expected.insert(k, pos);
            }
            assert_eq!(r.entities[i].mentions, expected);
        }
    }

    /// [`person_with_word`] picks the person that the two passes over the candidates picked
    /// (the latest mentioned before, else the first mentioned, the first of them on a tie),
    /// for mentions at every position and of every gender, among persons and organizations
    /// sharing a word, with and without gender evidence, mentioned at the same places.
    #[test]
    fn person_with_word_as_the_two_passes_found_it() {
        fn by_two_passes(entities: &[Entity<'_>], named: &Named, m: &Mention) -> Option<usize> {
            let candidates = named
                .with_word()
                .map(|i| (i, &entities[i]))
                .filter(|(_, e)| e.kind == SpeakerKind::Person && e.fits(m.gender));
            candidates
                .clone()
                .filter_map(|(i, e)| e.last_before(m.start).map(|p| (p, i)))
                .max()
                .map(|(_, i)| i)
                .or_else(|| {
                    candidates
                        .min_by_key(|(_, e)| e.mentions[0])
                        .map(|(i, _)| i)
                })
        }
        let mut r = Resolver::new("", &[]);
        let registered = [
            ("Rex Tillerson", SpeakerKind::Person, None, &[10, 40][..]),
            (
                "Tillerson",
                SpeakerKind::Person,
                Some(Gender::Male),
                &[20, 60],
            ),
            (
                "Anne Tillerson",
                SpeakerKind::Person,
                Some(Gender::Female),
                &[10, 50],
            ),
            ("Tillerson Group", SpeakerKind::Organization, None, &[30]),
            ("Tillerson Rex", SpeakerKind::Person, None, &[70]),
        ];
        for (name, kind, gender, mentions) in registered {
            let m = Mention {
                start: mentions[0],
                gender,
                ..name_mention()
            };
            let i = r.add_entity(Cow::Borrowed(name), kind, String::new(), &m);
            for &pos in &mentions[1..] {
                r.entities[i].add_mention(pos);
            }
        }
        for word in ["Tillerson", "Rex", "Anne", "Group"] {
            let named = &r.names[word];
            for start in 0..80 {
                for gender in [None, Some(Gender::Male), Some(Gender::Female)] {
                    let m = Mention {
                        start,
                        gender,
                        ..name_mention()
                    };
                    let expected = by_two_passes(&r.entities, named, &m);
                    let mut entities = r.entities.clone();
                    assert_eq!(
                        person_with_word(&mut entities, Some(named), &m),
                        expected,
                        "{word} {start} {gender:?}"
                    );
                }
            }
        }
    }

    /// An entity's offices follow its roles as they are added.
    #[test]
    fn offices_follow_the_roles() {
        let m = name_mention();
        let mut r = Resolver::new("Rex", &[]);
        let i = r.add_entity(Cow::Borrowed("Rex"), SpeakerKind::Person, String::new(), &m);
        assert_eq!(r.entities[i].offices(), 0);
        r.entities[i].add_roles("mayor");
        assert_eq!(r.entities[i].offices(), offices_held("mayor"));
        r.entities[i].add_roles("former senator");
        assert_eq!(
            r.entities[i].offices(),
            offices_held("mayor former senator")
        );
    }
}
