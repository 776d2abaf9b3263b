//! One article's page: its text paragraph by paragraph (headline, byline, captions; the
//! boilerplate that the analysis cut, greyed out), each quote highlighted by kind, its speaker
//! and cue marked and linked to its row, and the list of rows beside the text.
//!
//! The marks come from the quote table's character offsets. Quote spans are apart or nested
//! (a report inside a report), while speakers and cues may sit inside quotes or cross them, and
//! a paragraph break may fall inside a quote; so the text is cut at every boundary and each
//! piece is written inside the stack of elements that covers it (paragraph, quotes from the
//! outermost, speaker/cue), closing and reopening elements where the stacks differ. A quote
//! cut by a paragraph break becomes several `<mark data-quote="N">` pieces; the first one has
//! `id="quote-N"` and a link to row `N` before it.
//!
//! Markup is written with maud, which escapes every text and attribute (see `super` for the
//! choice); the text of the article itself goes through [`maud::Escaper`].

use std::fmt::Write as _;
use std::ops::Range;

use maud::{DOCTYPE, Escaper, Markup, PreEscaped, html};

use super::head;
use super::stats::{clip, plural};
use crate::document::Document;
use crate::layout::{Layout, Role};
use crate::quote::{Quote, QuoteKind, SpeakerGender, SpeakerKind};

/// The longest quote shown in the list of rows, in characters.
const ROW_QUOTE_CHARS: usize = 280;

/// An article with its quotes and layout, ready to be written as a page.
#[derive(Debug)]
pub struct ArticlePage<'a> {
    doc: &'a Document,
    quotes: &'a [Quote],
    layout: Layout,
}

impl<'a> ArticlePage<'a> {
    /// Lays out `doc` (as the analysis does) for its page; `quotes` are its rows.
    pub fn new(doc: &'a Document, quotes: &'a [Quote]) -> Self {
        let layout = Layout::parse(&doc.text, doc.title.as_deref());
        ArticlePage {
            doc,
            quotes,
            layout,
        }
    }

    /// The headline: the corpus's title, else the headline paragraph found in the text.
    pub fn headline(&self) -> Option<String> {
        self.doc.title.clone().or_else(|| {
            self.layout
                .headline
                .map(|h| self.layout.paragraphs[h].text(&self.doc.text).to_string())
        })
    }

    /// The whole HTML page; `index` is the relative URL of the corpus index.
    pub fn render(&self, index: &str) -> Markup {
        let doc = self.doc;
        let headline = self.headline();
        let count = |k: QuoteKind| self.quotes.iter().filter(|q| q.kind == k).count();
        let publication = self.quotes.iter().find_map(|q| q.publication.clone());
        html! {
            (DOCTYPE)
            html lang="en" {
                (head(&format!("{} · whosaid", headline.as_deref().unwrap_or(&doc.id))))
                body class="article" {
                    header {
                        a class="back" href=(index) { "← all articles" }
                        h1 class="doc-id" { (doc.id) }
                        p class="summary" {
                            @if let Some(p) = &publication { span class="publication" { (p) } " · " }
                            span data-count=(self.quotes.len()) { (plural(self.quotes.len(), "quote", "quotes")) }
                            " (" (count(QuoteKind::Direct)) " direct, " (count(QuoteKind::Mixed))
                            " mixed, " (count(QuoteKind::Indirect)) " indirect)"
                        }
                        p class="key" {
                            mark class="quote direct" { "direct" } " "
                            mark class="quote mixed" { "mixed" } " "
                            mark class="quote indirect" { "indirect" } " quote · "
                            span class="speaker" { "speaker" } " · "
                            span class="cue" { "cue" } " · "
                            span class="para cut" { "cut as boilerplate" }
                        }
                    }
                    main {
                        article class="text" { (PreEscaped(self.text_html())) }
                        aside {
                            h2 { "Attributions" }
                            @if self.quotes.is_empty() { p class="empty" { "No quotes found." } }
                            ol class="rows" {
                                @for (i, q) in self.quotes.iter().enumerate() { (row(i + 1, q)) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The article text as HTML: one element per paragraph, with the marks.
    fn text_html(&self) -> String {
        let text = self.doc.text.as_str();
        let bytes = ByteOffsets::new(
            text,
            self.quotes.iter().flat_map(|q| {
                [Some(q.quote_start), Some(q.quote_end)]
                    .into_iter()
                    .chain([q.speaker_start, q.speaker_end, q.cue_start, q.cue_end])
                    .flatten()
            }),
        );
        let span = |s: usize, e: usize| bytes.get(s)..bytes.get(e);
        let mut quotes: Vec<Interval> = Vec::new();
        let mut tags: Vec<Interval> = Vec::new();
        for (i, q) in self.quotes.iter().enumerate() {
            let row = i + 1;
            quotes.push(Interval::new(
                span(q.quote_start, q.quote_end),
                row,
                Mark::Quote,
            ));
            if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
                tags.push(Interval::new(span(s, e), row, Mark::Speaker));
            }
            if let (Some(s), Some(e)) = (q.cue_start, q.cue_end) {
                tags.push(Interval::new(span(s, e), row, Mark::Cue));
            }
        }
        // Outer quotes first: by start, then the longer first.
        quotes.sort_by_key(|q| (q.range.start, std::cmp::Reverse(q.range.end), q.row));
        tags.sort_by_key(|t| (t.range.start, t.row));

        let paragraphs = &self.layout.paragraphs;
        let mut cuts: Vec<usize> = paragraphs
            .iter()
            .flat_map(|p| [p.range.start, p.range.end])
            .chain(
                quotes
                    .iter()
                    .chain(&tags)
                    .flat_map(|m| [m.range.start, m.range.end]),
            )
            .collect();
        cuts.sort_unstable();
        cuts.dedup();

        let kinds: Vec<QuoteKind> = self.quotes.iter().map(|q| q.kind).collect();
        let mut writer = MarkWriter::new(&kinds);
        let (mut next_para, mut next_quote, mut next_tag) = (0, 0, 0);
        let mut open_quotes: Vec<&Interval> = Vec::new();
        let mut open_tags: Vec<&Interval> = Vec::new();
        for w in cuts.windows(2) {
            let (x, y) = (w[0], w[1]);
            while next_para < paragraphs.len() && paragraphs[next_para].range.end <= x {
                next_para += 1;
            }
            let para = paragraphs
                .get(next_para)
                .filter(|p| p.range.start <= x)
                .map(|p| (next_para, p.role));
            open_quotes.retain(|q| q.range.end > x);
            while next_quote < quotes.len() && quotes[next_quote].range.start <= x {
                if quotes[next_quote].range.end > x {
                    open_quotes.push(&quotes[next_quote]);
                }
                next_quote += 1;
            }
            open_tags.retain(|t| t.range.end > x);
            while next_tag < tags.len() && tags[next_tag].range.start <= x {
                if tags[next_tag].range.end > x {
                    open_tags.push(&tags[next_tag]);
                }
                next_tag += 1;
            }
            let Some((p, role)) = para else {
                // Between paragraphs: only white space, which the blocks stand for.
                writer.close_all();
                continue;
            };
            let mut stack = vec![Open::Paragraph(p, role)];
            stack.extend(open_quotes.iter().map(|q| Open::Quote(q.row)));
            if !open_tags.is_empty() {
                let rows = |m: Mark| {
                    let mut rows: Vec<usize> = open_tags
                        .iter()
                        .filter(|t| t.mark == m)
                        .map(|t| t.row)
                        .collect();
                    rows.sort_unstable();
                    rows
                };
                stack.push(Open::Tag {
                    speaker: rows(Mark::Speaker),
                    cue: rows(Mark::Cue),
                });
            }
            writer.write(&stack, &text[x..y]);
        }
        writer.close_all();
        writer.out
    }
}

/// One row of the list beside the text.
fn row(n: usize, q: &Quote) -> Markup {
    let who = q.speaker_name.as_deref().or(q.speaker.as_deref());
    html! {
        li id=(format!("row-{n}")) class=(format!("row {}", kind_name(q.kind))) data-row=(n) {
            a class="to-quote" href=(format!("#quote-{n}")) title="show the quote in the text" {
                (n)
            }
            span class="kind" { (kind_name(q.kind)) }
            " "
            strong class="who" { (who.unwrap_or("no speaker")) }
            dl {
                @if let Some(s) = &q.speaker {
                    @if Some(s.as_str()) != q.speaker_name.as_deref() {
                        dt { "as written" } dd class="speaker-text" { (s) }
                    }
                }
                dt { "speaker" }
                dd class="speaker-kind" {
                    (speaker_kind_name(q.speaker_kind))
                    @if q.speaker_kind == SpeakerKind::Person { ", " (gender_name(q.speaker_gender)) }
                }
                @if let Some(c) = &q.cue { dt { "cue" } dd class="cue-text" { (c) } }
                @if let Some(m) = &q.medium { dt { "medium" } dd { (m) } }
                @if let Some(r) = &q.reported_by { dt { "reported by" } dd { (r) } }
            }
            blockquote { (clip(&q.quote, ROW_QUOTE_CHARS)) }
        }
    }
}

/// `direct`, `mixed`, `indirect`, as in the quote table.
pub fn kind_name(kind: QuoteKind) -> &'static str {
    kind.as_str()
}

fn speaker_kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Unknown => "unknown kind",
    }
}

fn gender_name(gender: SpeakerGender) -> &'static str {
    match gender {
        SpeakerGender::Female => "female",
        SpeakerGender::Male => "male",
        SpeakerGender::Unknown => "gender unknown",
    }
}

/// What an interval marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Quote,
    Speaker,
    Cue,
}

/// A marked byte range of the text and its row (from 1).
#[derive(Debug)]
struct Interval {
    range: Range<usize>,
    row: usize,
    mark: Mark,
}

impl Interval {
    fn new(range: Range<usize>, row: usize, mark: Mark) -> Self {
        Interval { range, row, mark }
    }
}

/// An element open around a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Open {
    /// Paragraph index and role.
    Paragraph(usize, Role),
    /// A quote, by row.
    Quote(usize),
    /// A speaker and/or cue of these rows.
    Tag {
        speaker: Vec<usize>,
        cue: Vec<usize>,
    },
}

/// Writes pieces of text inside stacks of elements, closing and opening what differs.
struct MarkWriter<'k> {
    out: String,
    open: Vec<Open>,
    kinds: &'k [QuoteKind],
    /// Rows whose quote has been opened once (the first piece holds the id).
    seen: Vec<bool>,
}

impl<'k> MarkWriter<'k> {
    fn new(kinds: &'k [QuoteKind]) -> Self {
        MarkWriter {
            out: String::new(),
            open: Vec::new(),
            kinds,
            seen: vec![false; kinds.len() + 1],
        }
    }

    fn write(&mut self, stack: &[Open], text: &str) {
        let common = self
            .open
            .iter()
            .zip(stack)
            .take_while(|(a, b)| a == b)
            .count();
        while self.open.len() > common {
            self.close_one();
        }
        for element in &stack[common..] {
            self.open_one(element);
            self.open.push(element.clone());
        }
        // Writing to a String cannot fail.
        let _ = Escaper::new(&mut self.out).write_str(text);
    }

    fn close_all(&mut self) {
        while !self.open.is_empty() {
            self.close_one();
        }
    }

    fn close_one(&mut self) {
        let closing = match self.open.pop() {
            Some(Open::Paragraph(_, Role::Headline)) => "</h2>",
            Some(Open::Paragraph(..)) => "</p>",
            Some(Open::Quote(_)) => "</mark>",
            Some(Open::Tag { .. }) => "</a>",
            None => "",
        };
        self.out.push_str(closing);
    }

    fn open_one(&mut self, element: &Open) {
        let out = &mut self.out;
        match element {
            Open::Paragraph(i, role) => {
                let (tag, class) = match role {
                    Role::Headline => ("h2", "para headline"),
                    Role::Byline => ("p", "para byline"),
                    Role::Body => ("p", "para"),
                    Role::Caption => ("p", "para caption"),
                    Role::Boilerplate => ("p", "para cut"),
                };
                let _ = write!(out, r#"<{tag} class="{class}" data-paragraph="{i}""#);
                if *role == Role::Boilerplate {
                    out.push_str(r#" title="cut as boilerplate: no quotes are taken from it""#);
                }
                out.push('>');
            }
            Open::Quote(row) => {
                let kind = kind_name(self.kinds[row - 1]);
                if !self.seen[*row] {
                    self.seen[*row] = true;
                    let _ = write!(
                        out,
                        r##"<a class="row-link" href="#row-{row}" title="row {row}">{row}</a><mark class="quote {kind}" id="quote-{row}" data-quote="{row}">"##
                    );
                } else {
                    let _ = write!(out, r#"<mark class="quote {kind}" data-quote="{row}">"#);
                }
            }
            Open::Tag { speaker, cue } => {
                let first = speaker.iter().chain(cue).min().copied().unwrap_or(0);
                let list = |rows: &[usize]| {
                    rows.iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let mut class = Vec::new();
                out.push_str("<a");
                if !speaker.is_empty() {
                    class.push("speaker");
                    let _ = write!(out, r#" data-speaker="{}""#, list(speaker));
                }
                if !cue.is_empty() {
                    class.push("cue");
                    let _ = write!(out, r#" data-cue="{}""#, list(cue));
                }
                let _ = write!(
                    out,
                    r##" class="{}" href="#row-{first}">"##,
                    class.join(" ")
                );
            }
        }
    }
}

/// Character offsets of one text turned into byte offsets, for a known set of offsets.
struct ByteOffsets {
    chars: Vec<usize>,
    bytes: Vec<usize>,
}

impl ByteOffsets {
    /// Looks up every offset of `wanted` in one pass over `text`.
    fn new(text: &str, wanted: impl IntoIterator<Item = usize>) -> Self {
        let mut chars: Vec<usize> = wanted.into_iter().collect();
        chars.sort_unstable();
        chars.dedup();
        let mut bytes = Vec::with_capacity(chars.len());
        let mut positions = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .enumerate();
        for &c in &chars {
            let byte = positions
                .by_ref()
                .find(|&(i, _)| i == c)
                .map_or(text.len(), |(_, b)| b);
            bytes.push(byte);
        }
        ByteOffsets { chars, bytes }
    }

    /// The byte offset of character offset `c` (one of the offsets given; past the end of the
    /// text: its length).
    fn get(&self, c: usize) -> usize {
        self.chars
            .binary_search(&c)
            .map_or(usize::MAX, |i| self.bytes[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn page(text: &str) -> (Document, Vec<Quote>) {
        let doc = Document::new("a.txt", text);
        let quotes = analyze(&doc);
        (doc, quotes)
    }

    #[test]
    fn byte_offsets_of_characters() {
        let text = "«Non» — ça va.";
        let b = ByteOffsets::new(text, [0, 1, 5, 14, 99]);
        assert_eq!(b.get(0), 0);
        assert_eq!(b.get(1), 2, "« is two bytes");
        assert_eq!(&text[b.get(1)..b.get(5)], "Non»");
        assert_eq!(b.get(14), text.len());
        assert_eq!(b.get(99), text.len());
    }

    #[test]
    fn quotes_speakers_and_cues_are_marked_and_linked() {
        let (doc, quotes) = page("Title line\n\n\"We will win,\" Mayor Ann Lee said on Monday.\n");
        assert_eq!(quotes.len(), 1);
        let html = ArticlePage::new(&doc, &quotes)
            .render("../index.html")
            .into_string();
        assert!(
            html.contains(
                r##"<a class="row-link" href="#row-1" title="row 1">1</a><mark class="quote direct" id="quote-1" data-quote="1">&quot;We will win,&quot;</mark> <a data-speaker="1" class="speaker" href="#row-1">Mayor Ann Lee</a> <a data-cue="1" class="cue" href="#row-1">said</a> on Monday.</p>"##
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<h2 class="para headline" data-paragraph="0">Title line</h2>"#),
            "{html}"
        );
        assert!(html.contains(r##"<li id="row-1" class="row direct" data-row="1"><a class="to-quote" href="#quote-1""##), "{html}");
    }

    #[test]
    fn a_quote_over_paragraphs_is_cut_into_pieces_and_the_text_is_escaped() {
        let text = "Headline here\n\n“First part <b>,\n\n“second part,” said Ann Lee & co.\n";
        let doc = Document::new("a.txt", text);
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let quote = Quote {
            doc: doc.id.clone(),
            publication: None,
            quote: "First part <b>, … second part,".into(),
            kind: QuoteKind::Direct,
            speaker: Some("Ann Lee".into()),
            speaker_name: Some("Ann Lee".into()),
            speaker_kind: SpeakerKind::Person,
            cue: Some("said".into()),
            medium: None,
            reported_by: None,
            paragraph: 1,
            quote_start: at("“First"),
            quote_end: at(" said"),
            speaker_start: Some(at("Ann")),
            speaker_end: Some(at(" & co")),
            cue_start: Some(at("said")),
            cue_end: Some(at(" Ann")),
            speaker_gender: SpeakerGender::Unknown,
        };
        let html = ArticlePage::new(&doc, &[quote])
            .render("i.html")
            .into_string();
        assert!(
            html.contains(r#"id="quote-1" data-quote="1">“First part &lt;b&gt;,</mark></p>"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<p class="para" data-paragraph="2"><mark class="quote direct" data-quote="1">“second part,”</mark> <a data-cue="1""#
            ),
            "{html}"
        );
        assert!(html.contains("Ann Lee</a> &amp; co."), "{html}");
    }

    #[test]
    fn a_nested_report_nests_its_marks_and_boilerplate_is_greyed_out() {
        let text = "Council news\n\nSmith said Jones told him the plan would fail, according to \
                    people at the meeting of the city council on Monday evening.\n\n\
                    Leave a Comment\n\nYou must be logged in to post a comment.\n";
        let (doc, quotes) = page(text);
        let html = ArticlePage::new(&doc, &quotes)
            .render("i.html")
            .into_string();
        assert!(
            html.contains(r#"<p class="para cut" data-paragraph="2" title="cut as boilerplate"#),
            "{html}"
        );
        let body = &html[html.find("<article").unwrap()..];
        let opened = body.matches("<mark").count();
        assert_eq!(opened, body.matches("</mark>").count());
        assert_eq!(body.matches("<a ").count(), body.matches("</a>").count());
        assert!(quotes.len() >= 2, "{quotes:?}");
        assert_eq!(opened, quotes.len(), "{html}");
    }
}
