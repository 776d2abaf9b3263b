//! Document layout: paragraphs, headline, dateline, byline/agency and boilerplate.
//!
//! [`Layout::parse`] splits a news text into [`Paragraph`]s and gives each a [`Role`], so that
//! quotes are only looked for in the article body. All ranges are byte ranges into the text, at
//! char boundaries, and the whole analysis is linear in the text length.
//!
//! The steps, in order (details in the submodules):
//!
//! 1. **Paragraphs** (`paragraphs`): blank lines always separate paragraphs; a single newline
//!    does too (one paragraph per line), unless the text is hard-wrapped, in which case single
//!    newlines join lines of one paragraph. `\r\n` is handled; whitespace-only lines are not
//!    paragraphs; paragraph ranges exclude surrounding whitespace.
//! 2. **Roles per paragraph**, first match wins: a single junk line is `Boilerplate`
//!    (`boilerplate`); a byline ("By Jane Roe, Associated Press"), a credit line ("Reporting by
//!    X; Editing by Y") or a paragraph that is only an agency tag ("(AP)") is `Byline`
//!    (`byline`, `agency`); a photo caption or credit is `Caption`; everything else is `Body`.
//!    An agency-tag-only paragraph with body paragraphs both before and after it is a photo
//!    credit and becomes `Caption`.
//! 3. **Headline**: among the first three paragraphs, the first one that, normalised
//!    (alphanumerics only, lowercased), equals the given title, is a prefix of it or has it as
//!    a prefix (at least ten normalised chars in common; polnear headlines carry an added
//!    final period, NYT/USA Today ones a "; deck"). Failing that, the first non-boilerplate
//!    paragraph (leading page junk such as "Skip to main content" is skipped, within the first
//!    three) if it is a body paragraph shorter than 200 bytes, is not the only paragraph, does
//!    not itself start with a dateline, and either does not end with `.`, `!`, `?`, `:` or `…`
//!    (closing quotes and brackets aside) or is followed by a paragraph starting with a
//!    dateline. When the headline ends with `;` (a "headline; deck" pair) the next body
//!    paragraph, if shorter than 250 bytes, also gets the `Headline` role
//!    ([`Layout::headline`] stays the first).
//! 4. **Tail cut**: from the first end-of-article marker line ("Top Stories", "Leave a
//!    Comment", "Comments (3)", "You have 2000 characters left", "Disclaimer:", "Related
//!    Articles", "More from ...", ...; a line of its own of at most 60 bytes) that follows at
//!    least one body paragraph of twelve words or more, every paragraph is `Boilerplate`,
//!    whatever its role was. A marker before the body (a newsletter's "TOP STORIES" heading)
//!    cuts nothing.
//! 5. **Dateline** (`dateline`, written with nom): recognised at the start of the first body
//!    paragraph only; the paragraph range stays whole and the dateline is exposed separately.
//! 6. **Agency**, first found: the dateline's parenthesised agency; the agency of a byline,
//!    tag-only or credit paragraph before the first body paragraph (among the first eight);
//!    then, from the end, the last three paragraphs that are body or byline: a tag-only
//!    paragraph, an end tag of a body paragraph ("... (IANS)", "... — AP", "...--Reuters"), a
//!    byline's agency, a credit line's "for Reuters". Names from the canonical table
//!    (`agency::AGENCIES`) are returned canonical ("AP" → "Associated Press"); an unknown
//!    dateline agency ("(CNN)") is returned as written.

mod agency;
mod boilerplate;
mod byline;
mod dateline;
mod paragraphs;
mod prefixes;

use std::ops::Range;

/// The layout of one document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Every paragraph in text order, including the headline and boilerplate ones.
    pub paragraphs: Vec<Paragraph>,
    /// Index into `paragraphs` of the headline, if the first paragraph looks like one (short,
    /// no final period, or equal to the given title).
    pub headline: Option<usize>,
    /// The dateline at the start of the first body paragraph, if any.
    pub dateline: Option<Dateline>,
    /// The article's own publisher or wire agency as found in the text: dateline agency
    /// "(IANS)", "(Reuters)", "(AP)", a byline "By Jane Roe, Associated Press", an end tag
    /// "— AP", "(IANS)" at the end of the last paragraph, "Reporting by ... for Reuters".
    pub agency: Option<Agency>,
}

/// One paragraph: its byte range (without surrounding whitespace) and its role.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Paragraph {
    /// Byte range of the paragraph in the text.
    pub range: Range<usize>,
    /// What the paragraph is.
    pub role: Role,
}

impl Paragraph {
    /// The paragraph's text, given the document text it was parsed from.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

/// The role of a paragraph in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The article's headline (and a deck line following a headline that ends with `;`).
    Headline,
    /// A byline, a credit line ("Reporting by ...") or an agency tag alone ("(AP)").
    Byline,
    /// Article text: the only role quotes are taken from.
    Body,
    /// Page junk: share buttons, navigation, comment forms, disclaimers, everything after an
    /// end-of-article marker.
    Boilerplate,
    /// A photo caption or photo credit.
    Caption,
}

/// A dateline such as "Washington, Dec 29 (IANS):" at the start of the first body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Dateline {
    /// The whole dateline, including its trailing separator and space.
    pub range: Range<usize>,
    /// The place as written, region included: "Washington", "CAIRO, Egypt".
    pub place: Option<String>,
    /// Month and day (and year, if given) as written: "Dec 29", "Jan. 5".
    pub date: Option<String>,
    /// The parenthesised agency as written: "IANS", "AP".
    pub agency: Option<String>,
}

/// The article's publisher or wire agency.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Agency {
    /// Canonical name ("Associated Press" for "AP"); an unknown dateline agency as written.
    pub name: String,
    /// Where the agency was found in the text.
    pub range: Range<usize>,
}

impl Layout {
    /// Analyses the layout of `text`; `title` is the document's title if known.
    pub fn parse(text: &str, title: Option<&str>) -> Layout {
        let mut paragraphs: Vec<Paragraph> = paragraphs::split(text)
            .into_iter()
            .map(|range| Paragraph {
                role: classify(&text[range.clone()]),
                range,
            })
            .collect();
        let para = |paragraphs: &[Paragraph], i: usize| -> &str {
            paragraphs
                .get(i)
                .map_or("", |p: &Paragraph| &text[p.range.clone()])
        };

        let headline = find_headline(text, &paragraphs, title);
        if let Some(h) = headline {
            paragraphs[h].role = Role::Headline;
            let deck = h + 1;
            if para(&paragraphs, h).ends_with(';')
                && deck < paragraphs.len()
                && paragraphs[deck].range.len() < 250
                && paragraphs[deck].role == Role::Body
            {
                paragraphs[deck].role = Role::Headline;
            }
        }

        let cut = tail_cut(text, &paragraphs);
        if let Some(c) = cut {
            for p in &mut paragraphs[c..] {
                p.role = Role::Boilerplate;
            }
        }
        relabel_inner_tags(text, &mut paragraphs);

        let first_body = paragraphs.iter().position(|p| p.role == Role::Body);
        let dateline = first_body.and_then(|i| {
            let start = paragraphs[i].range.start;
            let raw = dateline::parse(para(&paragraphs, i), Some(para(&paragraphs, i + 1)))?;
            Some((start, raw))
        });
        let agency = dateline
            .as_ref()
            .and_then(|(start, raw)| {
                raw.agency.clone().map(|r| {
                    let r = start + r.start..start + r.end;
                    agency_at(text, r)
                })
            })
            .or_else(|| opening_agency(text, &paragraphs, first_body))
            .or_else(|| closing_agency(text, &paragraphs));
        let dateline = dateline.map(|(start, raw)| {
            let owned = |r: Option<Range<usize>>| {
                r.map(|r| text[start + r.start..start + r.end].to_string())
            };
            Dateline {
                range: start..start + raw.len,
                place: owned(raw.place),
                date: owned(raw.date),
                agency: owned(raw.agency),
            }
        });

        Layout {
            paragraphs,
            headline,
            dateline,
            agency,
        }
    }

    /// Paragraphs whose role is `Body` (what quotes may come from), with their indices. Ranges
    /// are whole: the dateline is not cut off the first body paragraph (see
    /// [`Layout::dateline`]).
    pub fn body(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == Role::Body)
    }

    /// Index of the paragraph that contains byte offset `pos` (`range.start <= pos <
    /// range.end`); `None` between paragraphs.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.end <= pos);
        self.paragraphs
            .get(i)
            .filter(|p| p.range.contains(&pos))
            .map(|_| i)
    }
}

/// Role of a paragraph on its own (before headline and tail cut).
fn classify(p: &str) -> Role {
    if boilerplate::is_junk_line(p) {
        Role::Boilerplate
    } else if byline::byline(p).is_some()
        || byline::credit_line(p).is_some()
        || agency::tag_only(p).is_some()
        || desk_initials(p)
    {
        Role::Byline
    } else if byline::caption(p) {
        Role::Caption
    } else {
        Role::Body
    }
}

/// Wire-desk initials closing a story: "svk/arm", "ab/cd/ef".
fn desk_initials(p: &str) -> bool {
    if p.len() > 40 {
        return false;
    }
    // Two parts at least: a slash.
    let t = p.trim();
    t.contains('/')
        && t.split('/')
            .all(|w| (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// Alphanumeric chars of `s`, lowercased (ASCII ones without the Unicode tables).
fn alnum_lower(s: &str) -> AlnumLower<'_> {
    AlnumLower {
        chars: s.chars(),
        pending: None,
    }
}

/// The iterator of [`alnum_lower`]: `s.chars().filter(char::is_alphanumeric)` lowercased.
struct AlnumLower<'a> {
    chars: std::str::Chars<'a>,
    /// The rest of the lower case of a non-ASCII character (some have several chars).
    pending: Option<std::char::ToLowercase>,
}

impl Iterator for AlnumLower<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.pending.as_mut().and_then(Iterator::next) {
            return Some(c);
        }
        loop {
            let c = self.chars.next()?;
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    return Some(c.to_ascii_lowercase());
                }
            } else if c.is_alphanumeric() {
                let mut lower = c.to_lowercase();
                let first = lower.next();
                self.pending = Some(lower);
                return first;
            }
        }
    }
}

/// `p` and `title` are equal after normalisation, or one is a prefix of the other (at least
/// ten normalised chars long).
fn matches_title(p: &str, title: &str) -> bool {
    if p.len() > title.len() + 200 {
        return false;
    }
    // Most headlines are the title as written, with a final period or a deck after it (or
    // the other way round): then the normalised chars of the shorter one are all in common,
    // and only whether the longer one has more of them and how many are in common are left to
    // tell, without walking both.
    if let Some(rest) = p.strip_prefix(title) {
        return written_prefix_matches(title, rest);
    }
    if let Some(rest) = title.strip_prefix(p) {
        return written_prefix_matches(p, rest);
    }
    normalised_match(p, title)
}

/// [`matches_title`] of two lines one of which is `common` followed by `rest` and the other
/// `common` alone: normalising is char by char, so `common`'s normalised chars are all in
/// common.
fn written_prefix_matches(common: &str, rest: &str) -> bool {
    let in_common = |n: usize| alnum_lower(common).nth(n - 1).is_some();
    if alnum_lower(rest).next().is_none() {
        in_common(1)
    } else {
        in_common(10)
    }
}

/// [`matches_title`] by comparing the normalised chars of `p` and `title` one by one.
fn normalised_match(p: &str, title: &str) -> bool {
    let (mut a, mut b) = (alnum_lower(p), alnum_lower(title));
    let mut common = 0;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => common += 1,
            (None, None) => return common > 0,
            (None, Some(_)) | (Some(_), None) => return common >= 10,
            _ => return false,
        }
    }
}

fn find_headline(text: &str, paragraphs: &[Paragraph], title: Option<&str>) -> Option<usize> {
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    let first3 = paragraphs.iter().take(3).enumerate();
    if let Some(t) = title {
        for (i, p) in first3.clone() {
            if matches_title(p.text(text), t) {
                return Some(i);
            }
        }
    }
    let (i, p) = first3.clone().find(|(_, p)| p.role != Role::Boilerplate)?;
    let s = p.text(text);
    if p.role != Role::Body
        || s.len() >= 200
        || !s.chars().any(char::is_alphanumeric)
        || i + 1 >= paragraphs.len()
    {
        return None;
    }
    if dateline::parse(s, None).is_some() {
        return None;
    }
    let next = paragraphs.get(i + 1).map(|n| n.text(text));
    let next_dateline = next.is_some_and(|n| dateline::parse(n, None).is_some());
    (!paragraphs::ends_sentence(s) || next_dateline).then_some(i)
}

/// The paragraph has at least `n` words (stops counting at `n`).
fn has_words(p: &str, n: usize) -> bool {
    p.split_whitespace().take(n).count() >= n
}

/// Index of the first tail marker after real body text, or of a share bar (three junk lines
/// in a row) after which no long body paragraph (40 words) follows.
fn tail_cut(text: &str, paragraphs: &[Paragraph]) -> Option<usize> {
    let mut seen_body = false;
    let mut junk_run = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        let s = p.text(text);
        if seen_body && boilerplate::is_tail_marker(s) {
            return Some(i);
        }
        junk_run = if p.role == Role::Boilerplate {
            junk_run + 1
        } else {
            0
        };
        if seen_body
            && junk_run == 3
            && !paragraphs[i + 1..]
                .iter()
                .any(|n| n.role == Role::Body && has_words(n.text(text), 40))
        {
            return Some(i + 1 - junk_run);
        }
        if !seen_body && p.role == Role::Body && has_words(s, 12) {
            seen_body = true;
        }
    }
    None
}

/// Agency-tag-only paragraphs between body paragraphs are photo credits.
fn relabel_inner_tags(text: &str, paragraphs: &mut [Paragraph]) {
    let first = paragraphs.iter().position(|p| p.role == Role::Body);
    let last = paragraphs.iter().rposition(|p| p.role == Role::Body);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    for p in paragraphs.iter_mut().take(last).skip(first + 1) {
        if p.role == Role::Byline && agency::tag_only(&text[p.range.clone()]).is_some() {
            p.role = Role::Caption;
        }
    }
}

/// An [`Agency`] for the name at `range`.
fn agency_at(text: &str, range: Range<usize>) -> Agency {
    let written = &text[range.clone()];
    let name = agency::canonical(written).unwrap_or(written.trim());
    Agency {
        name: name.to_string(),
        range,
    }
}

/// Shifts a paragraph-relative range to text offsets.
fn shift(p: &Paragraph, r: Range<usize>) -> Range<usize> {
    p.range.start + r.start..p.range.start + r.end
}

/// Agency from bylines before the first body paragraph.
fn opening_agency(
    text: &str,
    paragraphs: &[Paragraph],
    first_body: Option<usize>,
) -> Option<Agency> {
    let end = first_body.unwrap_or(paragraphs.len()).min(8);
    paragraphs[..end]
        .iter()
        .filter(|p| p.role == Role::Byline)
        .find_map(|p| {
            let s = p.text(text);
            let r = byline::byline(s)
                .flatten()
                .or_else(|| agency::tag_only(s))
                .or_else(|| byline::credit_line(s).flatten())?;
            Some(agency_at(text, shift(p, r)))
        })
}

/// Agency from the end of the article: tags, end tags, bylines and credit lines.
fn closing_agency(text: &str, paragraphs: &[Paragraph]) -> Option<Agency> {
    paragraphs
        .iter()
        .rev()
        .filter(|p| matches!(p.role, Role::Body | Role::Byline))
        .take(3)
        .find_map(|p| {
            let s = p.text(text);
            let r = match p.role {
                Role::Body => agency::end_tag(s),
                _ => agency::tag_only(s)
                    .or_else(|| byline::byline(s).flatten())
                    .or_else(|| byline::credit_line(s).flatten()),
            }?;
            Some(agency_at(text, shift(p, r)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../corpus/000_0a1aa9d853795c80.txt");

    fn roles(l: &Layout) -> Vec<Role> {
        l.paragraphs.iter().map(|p| p.role).collect()
    }

    fn texts<'a>(l: &Layout, text: &'a str, role: Role) -> Vec<&'a str> {
        l.paragraphs
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.text(text))
            .collect()
    }

    #[test]
    fn seed_article() {
        let l = Layout::parse(SEED, None);
        assert_eq!(l.headline, Some(0));
        assert_eq!(
            l.paragraphs[0].text(SEED),
            "US recognizes 'poor' relation with Russia, seeks cooperation on Syria"
        );
        let top = l
            .paragraphs
            .iter()
            .position(|p| p.text(SEED) == "Top Stories")
            .unwrap();
        assert_eq!(top, 12);
        assert!(l.paragraphs[1..top].iter().all(|p| p.role == Role::Body));
        assert!(
            l.paragraphs[top..]
                .iter()
                .all(|p| p.role == Role::Boilerplate)
        );
        let junk = texts(&l, SEED, Role::Boilerplate);
        assert!(junk.iter().any(|t| t.starts_with("Title: US recognizes")));
        assert!(junk.contains(&"You have 2000 characters left."));
        assert!(junk.contains(&"Disclaimer:"));
        assert!(
            junk.iter()
                .any(|t| t.starts_with("Hence, sending offensive"))
        );
        assert_eq!(l.body().count(), 11);
        assert!(l.body().all(|(i, p)| l.paragraphs[i] == *p));

        let d = l.dateline.as_ref().unwrap();
        assert_eq!(&SEED[d.range.clone()], "Washington, Dec 29 (IANS): ");
        assert_eq!(d.place.as_deref(), Some("Washington"));
        assert_eq!(d.date.as_deref(), Some("Dec 29"));
        assert_eq!(d.agency.as_deref(), Some("IANS"));
        assert_eq!(d.range.start, l.paragraphs[1].range.start);

        let a = l.agency.as_ref().unwrap();
        assert_eq!(a.name, "IANS");
        assert_eq!(&SEED[a.range.clone()], "IANS");

        // Same with the title given.
        let t = Layout::parse(
            SEED,
            Some("US recognizes 'poor' relation with Russia, seeks cooperation on Syria"),
        );
        assert_eq!(t, l);
    }

    #[test]
    fn alnum_lower_as_before() {
        let before = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut lines: Vec<String> = crate::test_support::corpus_texts()
            .iter()
            .flat_map(|t| t.lines().map(String::from).collect::<Vec<_>>())
            .collect();
        lines.extend(
            ["", "İstanbul ΣΑΣ Straße ǅ Ⅻ ½ x²", "A-B c’d 3.5%", "ÀÉÎ õü"].map(String::from),
        );
        for line in &lines {
            assert_eq!(
                alnum_lower(line).collect::<String>(),
                before(line),
                "{line}"
            );
        }
    }

    /// Lines that start with the title as written are told as by comparing normalised chars.
    #[test]
    fn written_prefixes_match_as_normalised() {
        let mut lines = crate::test_support::corpus_lines_and(&[
            "",
            ".",
            "Trump wins Iowa",
            "Ünïcödé İstanbul ΣΑΣ Straße",
            "abc",
            "1234567890",
        ]);
        lines.truncate(3000);
        for line in &lines {
            let cuts = (0..=line.len()).filter(|&i| line.is_char_boundary(i));
            for cut in cuts.step_by(7).chain([line.len()]) {
                let head = &line[..cut];
                for (p, title) in [(line.as_str(), head), (head, line.as_str())] {
                    assert_eq!(
                        matches_title(p, title),
                        p.len() <= title.len() + 200 && normalised_match(p, title),
                        "{p:?} {title:?}"
                    );
                }
                let dotted = format!("{head}.");
                assert_eq!(
                    matches_title(&dotted, head),
                    normalised_match(&dotted, head),
                    "{head:?}"
                );
            }
        }
    }

    #[test]
    fn paragraph_at_offsets() {
        let l = Layout::parse(SEED, None);
        let p1 = l.paragraphs[1].range.clone();
        assert_eq!(l.paragraph_at(0), Some(0));
        assert_eq!(l.paragraph_at(p1.start), Some(1));
        assert_eq!(l.paragraph_at(p1.end - 1), Some(1));
        assert_eq!(l.paragraph_at(p1.end), None);
        assert_eq!(l.paragraph_at(SEED.len() + 10), None);
        let i = SEED.find("Hence,").unwrap();
        assert_eq!(l.paragraph_at(i + 5), Some(l.paragraphs.len() - 1));
    }

    #[test]
    fn empty_and_whitespace() {
        for t in ["", "   ", "\n\n\r\n\t \n", "\u{a0}\u{200b}"] {
            let l = Layout::parse(t, None);
            assert_eq!(l, Layout::default(), "{t:?}");
            assert_eq!(l.body().count(), 0);
            assert_eq!(l.paragraph_at(0), None);
        }
    }

    #[test]
    fn crlf_text() {
        let t = "Storm hits coast\r\n\r\nMIAMI (AP) \u{2014} A storm hit the coast on Monday, officials said, and thousands lost power.\r\nMore rain is expected.\r\n";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Body, Role::Body]);
        assert_eq!(l.paragraphs[2].text(t), "More rain is expected.");
        assert!(l.paragraphs.iter().all(|p| !p.text(t).contains('\r')));
        assert_eq!(l.agency.as_ref().unwrap().name, "Associated Press");
        assert_eq!(l.dateline.as_ref().unwrap().place.as_deref(), Some("MIAMI"));
    }

    #[test]
    fn headline_rules() {
        // Ends with a period, but equals the title (polnear style).
        let t = "Trump wins Iowa.\n\nDonald Trump won the Iowa caucuses on Monday.";
        assert_eq!(Layout::parse(t, None).headline, None);
        assert_eq!(Layout::parse(t, Some("Trump wins Iowa")).headline, Some(0));
        // A sentence is not a headline.
        let t = "Donald Trump won the Iowa caucuses on Monday.\nHe thanked voters.";
        assert_eq!(Layout::parse(t, None).headline, None);
        // Headline ending with a period, followed by a dateline.
        let t = "Trump wins Iowa.\n\nDES MOINES (AP) \u{2014} Donald Trump won on Monday.";
        assert_eq!(Layout::parse(t, None).headline, Some(0));
        // Headline; deck.
        let t = "Carson on defense; \nCandidate's biography questioned.\n\nBen Carson says he is under attack.";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Headline, Role::Body]);
        assert_eq!(l.headline, Some(0));
    }

    #[test]
    fn dateline_forms_in_documents() {
        let cases = [
            (
                "Washington, Dec 29 (IANS): The US said.",
                Some("Washington"),
                Some("Dec 29"),
                Some("IANS"),
                Some("IANS"),
            ),
            (
                "LONDON (Reuters) - Britain said.",
                Some("LONDON"),
                None,
                Some("Reuters"),
                Some("Reuters"),
            ),
            (
                "LONDON (Reuters) \u{2014} Britain said.",
                Some("LONDON"),
                None,
                Some("Reuters"),
                Some("Reuters"),
            ),
            (
                "Paris, March 3 (AFP): France said.",
                Some("Paris"),
                Some("March 3"),
                Some("AFP"),
                Some("AFP"),
            ),
            (
                "NEW DELHI: India said.",
                Some("NEW DELHI"),
                None,
                None,
                None,
            ),
            (
                "WASHINGTON \u{2014} The Senate voted.",
                Some("WASHINGTON"),
                None,
                None,
                None,
            ),
            (
                "BEIJING, Jan. 5 (Xinhua) -- China said.",
                Some("BEIJING"),
                Some("Jan. 5"),
                Some("Xinhua"),
                Some("Xinhua"),
            ),
            (
                "CAIRO, Egypt (AP) \u{2014} Egypt said.",
                Some("CAIRO, Egypt"),
                None,
                Some("AP"),
                Some("Associated Press"),
            ),
            (
                "NEW YORK (CNN) \u{2014} Stocks fell.",
                Some("NEW YORK"),
                None,
                Some("CNN"),
                Some("CNN"),
            ),
        ];
        for (body, place, date, ag, canon) in cases {
            let t = format!("A headline here\n\n{body}\n\nMore text follows.");
            let l = Layout::parse(&t, None);
            let d = l.dateline.as_ref().unwrap_or_else(|| panic!("{body}"));
            assert_eq!(d.place.as_deref(), place, "{body}");
            assert_eq!(d.date.as_deref(), date, "{body}");
            assert_eq!(d.agency.as_deref(), ag, "{body}");
            assert_eq!(l.agency.as_ref().map(|a| a.name.as_str()), canon, "{body}");
            assert!(t[d.range.clone()].ends_with(' '), "{body}");
            assert_eq!(l.paragraphs[1].range.start, d.range.start);
            assert_eq!(l.body().next().unwrap().0, 1);
        }
    }

    #[test]
    fn non_datelines() {
        for body in [
            "The minister said: no.",
            "President Obama (D) said the bill was bad.",
            "Trump: I will win.",
        ] {
            let t = format!("Headline\n\n{body}");
            let l = Layout::parse(&t, None);
            assert_eq!(l.dateline, None, "{body}");
            assert_eq!(l.agency, None, "{body}");
        }
    }

    #[test]
    fn bylines_and_agency() {
        let t =
            "Storm hits coast\n\nBy Jane Roe, Associated Press\n\nA storm hit the coast on Monday.";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Byline, Role::Body]);
        let a = l.agency.unwrap();
        assert_eq!(a.name, "Associated Press");
        assert_eq!(&t[a.range], "Associated Press");

        let t = "Storm hits coast\nBy JANE ROE and JOHN DOE | Reuters\nA storm hit the coast on Monday.";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Byline, Role::Body]);
        assert_eq!(l.agency.unwrap().name, "Reuters");

        let t = "Storm hits coast\nBy JANE ROE\nAssociated Press\nA storm hit the coast on Monday.";
        let l = Layout::parse(t, None);
        assert_eq!(
            roles(&l),
            [Role::Headline, Role::Byline, Role::Byline, Role::Body]
        );
        assert_eq!(l.agency.unwrap().name, "Associated Press");

        let t = "By Thursday afternoon, Clinton had accepted interviews with ABC News.";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Body]);
    }

    #[test]
    fn end_tags_and_credits() {
        let t = "India and China held talks on Monday, officials said. (IANS)";
        let l = Layout::parse(t, None);
        let a = l.agency.unwrap();
        assert_eq!((a.name.as_str(), &t[a.range]), ("IANS", "IANS"));

        let t =
            "Talks\n\nIndia and China held talks on Monday.\n\nThey will meet again. \u{2014} AP";
        assert_eq!(
            Layout::parse(t, None).agency.unwrap().name,
            "Associated Press"
        );

        let t = "Talks\n\nIndia and China held talks on Monday.\n\nThey will meet again.--Reuters";
        assert_eq!(Layout::parse(t, None).agency.unwrap().name, "Reuters");

        let t = "Talks\n\nIndia and China held talks on Monday.\n\n(Reporting by Jane Roe; Editing by John Doe)";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Body, Role::Byline]);
        assert_eq!(l.agency, None);

        let t = "Talks\n\nIndia and China held talks on Monday.\n\nReporting by Jane Roe for Reuters\nAdditional reporting by Max Muster";
        let l = Layout::parse(t, None);
        assert_eq!(
            roles(&l),
            [Role::Headline, Role::Body, Role::Byline, Role::Byline]
        );
        assert_eq!(l.agency.unwrap().name, "Reuters");

        let t = "Talks\n\nIndia and China held talks on Monday.\n\n(AP)";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Body, Role::Byline]);
        assert_eq!(l.agency.unwrap().name, "Associated Press");
    }

    #[test]
    fn captions_and_photo_credits() {
        let t = "Talks\n\nIndia and China held talks on Monday.\n\n(Photo: Jane Roe/USA TODAY)\n\nObama at the White House. (AP Photo/Evan Vucci)\n\nASSOCIATED PRESS.\n\nThey will meet again, officials said.";
        let l = Layout::parse(t, None);
        assert_eq!(
            roles(&l),
            [
                Role::Headline,
                Role::Body,
                Role::Caption,
                Role::Caption,
                Role::Caption,
                Role::Body
            ]
        );
        assert_eq!(l.agency, None);
    }

    #[test]
    fn junk_lines_anywhere() {
        let t = "Talks\nShare this article\nIndia and China held talks on Monday.\nAdvertisement\nRead more: Other talks\nThey will meet again.\nSubscribe to our newsletter\nFollow us on Twitter\nCopyright 2017 IANS. All rights reserved.\nComments\nPrint\nEmail";
        let l = Layout::parse(t, None);
        assert_eq!(
            texts(&l, t, Role::Body),
            [
                "India and China held talks on Monday.",
                "They will meet again."
            ]
        );
        assert_eq!(l.headline, Some(0));
    }

    #[test]
    fn tail_cut_rules() {
        let body = "The minister said the two countries would work together on trade and security in the coming year.";
        // Marker after body: cut.
        let t = format!(
            "Talks\n\n{body}\n\nRelated Articles\n\n\"We will win,\" he said in another story.\n\nMore text."
        );
        let l = Layout::parse(&t, None);
        assert_eq!(
            roles(&l),
            [
                Role::Headline,
                Role::Body,
                Role::Boilerplate,
                Role::Boilerplate,
                Role::Boilerplate
            ]
        );
        // Marker before any body paragraph: no cut.
        let t = format!("Morning email\n\nTOP STORIES.\n\n{body}\n\n\"We will win,\" he said.");
        let l = Layout::parse(&t, None);
        assert_eq!(
            roles(&l),
            [Role::Headline, Role::Body, Role::Body, Role::Body]
        );
        // A sentence mentioning comments is not a marker.
        let t =
            format!("Talks\n\n{body}\n\nThe comments drew criticism.\n\n\"We will win,\" he said.");
        let l = Layout::parse(&t, None);
        assert_eq!(l.body().count(), 3);
        // Counted comments and the character counter are markers.
        for m in [
            "Comments (3)",
            "You have 2000 characters left.",
            "Leave a Comment",
            "Top Stories",
        ] {
            let t = format!("Talks\n\n{body}\n\n{m}\n\n\"Great story,\" wrote a reader.");
            let l = Layout::parse(&t, None);
            assert_eq!(l.body().count(), 1, "{m}");
        }
    }

    #[test]
    fn hard_wrapped_document() {
        let t = "Senate passes budget\n\n\
                 WASHINGTON (AP) -- The Senate passed the budget on Tuesday after a\n\
                 long night of debate, sending the measure to the House, where its\n\
                 fate is uncertain.\n\n\
                 \"This is a good day,\" said the majority leader, who had pushed for\n\
                 the bill for months, adding that he expected the House to follow.\n";
        let l = Layout::parse(t, None);
        assert_eq!(roles(&l), [Role::Headline, Role::Body, Role::Body]);
        assert!(l.paragraphs[1].text(t).ends_with("fate is uncertain."));
        assert_eq!(l.agency.unwrap().name, "Associated Press");
    }

    #[test]
    fn one_paragraph_per_line_document() {
        let t = "Senate passes budget\nWASHINGTON (AP) \u{2014} The Senate passed the budget on Tuesday after a long night of debate.\n\"This is a good day,\" said the majority leader, who had pushed for the bill for months.\nThe House is expected to vote next week.";
        let l = Layout::parse(t, None);
        assert_eq!(
            roles(&l),
            [Role::Headline, Role::Body, Role::Body, Role::Body]
        );
    }

    #[test]
    fn ranges_at_char_boundaries() {
        let t = "\u{feff}  Überschrift  \n\n  «Ça va», dit-il.  \u{a0}\n";
        let l = Layout::parse(t, None);
        assert_eq!(l.paragraphs.len(), 2);
        for p in &l.paragraphs {
            assert!(t.is_char_boundary(p.range.start) && t.is_char_boundary(p.range.end));
        }
        assert_eq!(l.paragraphs[0].text(t), "Überschrift");
        assert_eq!(l.paragraphs[1].text(t), "«Ça va», dit-il.");
    }

    #[test]
    fn large_single_line_is_linear() {
        let line = "The minister said the talks went well. ".repeat(20_000);
        let l = Layout::parse(&line, Some("Talks"));
        assert_eq!(l.paragraphs.len(), 1);
        let many = "A short line of text here.\n".repeat(20_000);
        let l = Layout::parse(&many, None);
        assert_eq!(l.paragraphs.len(), 20_000);
    }
}

#[cfg(test)]
mod corpus_ians_tests {
    use super::*;

    #[test]
    fn ians_dateline_without_colon_and_end_tag_before_desk_initials() {
        let text = include_str!("../../corpus/029_dateline_ians.txt");
        let l = Layout::parse(text, None);
        let d = l.dateline.expect("dateline");
        assert_eq!(d.place.as_deref(), Some("Bengaluru"));
        assert_eq!(d.agency.as_deref(), Some("IANS"));
        assert_eq!(l.agency.map(|a| a.name).as_deref(), Some("IANS"));
        let last = l.paragraphs.last().unwrap();
        assert_eq!(&text[last.range.clone()], "svk/arm");
        assert_ne!(last.role, Role::Body, "desk initials are no body text");
    }
}
