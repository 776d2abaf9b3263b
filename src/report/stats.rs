//! Corpus statistics: who gets quoted, where, and how.
//!
//! [`Stats`] is a [`QuoteSink`]: it counts the rows of the quote table as they stream by
//! (quotes per speaker, publication and medium; speaker kinds; direct/mixed/indirect; speaker
//! gender; speaker × publication). [`Stats::table`] prints them for the terminal
//! (`whosaid stats`), [`Stats::write_crosstab`] writes the speaker × publication counts as CSV
//! (`whosaid stats --format csv`), and the report's index page draws them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

use crate::error::{Error, Result};
use crate::export::{QuoteSink, excel_safe};
use crate::quote::{Quote, QuoteKind, SpeakerGender, SpeakerKind};

/// The label of the quotes without a speaker name in the speaker × publication table.
pub const UNNAMED: &str = "(no speaker name)";
/// The label of the quotes without a publication in the speaker × publication table.
pub const NO_PUBLICATION: &str = "(no publication)";

/// Quote counts per name, with the number of quotes that had no name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    counts: HashMap<String, usize>,
    /// Quotes without a value.
    pub missing: usize,
}

impl Tally {
    /// Counts one quote under `key` (or as missing).
    pub fn add(&mut self, key: Option<&str>) {
        match key {
            Some(k) => *self.counts.entry(k.to_string()).or_default() += 1,
            None => self.missing += 1,
        }
    }

    /// The `n` largest counts, largest first (ties in name order).
    pub fn top(&self, n: usize) -> Vec<(&str, usize)> {
        let mut all: Vec<(&str, usize)> =
            self.counts.iter().map(|(k, &c)| (k.as_str(), c)).collect();
        all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    /// The count of `key`.
    pub fn get(&self, key: &str) -> usize {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// Number of distinct names.
    pub fn distinct(&self) -> usize {
        self.counts.len()
    }

    /// Every name, most counted first, then `None` for the quotes without one (if any).
    fn keys(&self) -> Vec<Option<&str>> {
        let mut keys: Vec<Option<&str>> = self
            .top(usize::MAX)
            .into_iter()
            .map(|(k, _)| Some(k))
            .collect();
        if self.missing > 0 {
            keys.push(None);
        }
        keys
    }
}

/// Counts over a fixed set of values (kinds, genders), in display order.
pub type Shares = Vec<(&'static str, usize)>;

/// The statistics of a quote table; see the [module docs](self).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Rows counted.
    pub quotes: usize,
    /// Quotes per speaker name (`speaker_name`).
    pub speakers: Tally,
    /// Quotes per publication.
    pub publications: Tally,
    /// Quotes per medium.
    pub media: Tally,
    kinds: [usize; 3],
    speaker_kinds: [usize; 3],
    /// Quotes by persons, per gender.
    genders: [usize; 3],
    crosstab: HashMap<(Option<String>, Option<String>), usize>,
}

impl Stats {
    /// Counts one row.
    pub fn add(&mut self, q: &Quote) {
        self.quotes += 1;
        self.speakers.add(q.speaker_name.as_deref());
        self.publications.add(q.publication.as_deref());
        self.media.add(q.medium.as_deref());
        self.kinds[match q.kind {
            QuoteKind::Direct => 0,
            QuoteKind::Mixed => 1,
            QuoteKind::Indirect => 2,
        }] += 1;
        self.speaker_kinds[match q.speaker_kind {
            SpeakerKind::Person => 0,
            SpeakerKind::Organization => 1,
            SpeakerKind::Unknown => 2,
        }] += 1;
        if q.speaker_kind == SpeakerKind::Person {
            self.genders[match q.speaker_gender {
                SpeakerGender::Female => 0,
                SpeakerGender::Male => 1,
                SpeakerGender::Unknown => 2,
            }] += 1;
        }
        *self
            .crosstab
            .entry((q.speaker_name.clone(), q.publication.clone()))
            .or_default() += 1;
    }

    /// Quotes per kind: direct, mixed, indirect.
    pub fn kinds(&self) -> Shares {
        labelled(["direct", "mixed", "indirect"], self.kinds)
    }

    /// Quotes per speaker kind: person, organization, unknown.
    pub fn speaker_kinds(&self) -> Shares {
        labelled(["person", "organization", "unknown"], self.speaker_kinds)
    }

    /// Quotes by persons per speaker gender: female, male, unknown.
    pub fn genders(&self) -> Shares {
        labelled(["female", "male", "unknown"], self.genders)
    }

    /// The summary as a plain-text table for the terminal: `documents` read, then the
    /// shares and the `top` largest speakers, publications and media.
    pub fn table(&self, documents: usize, top: usize) -> String {
        let persons = self.speaker_kinds[0];
        let mut sections = vec![
            Section::new("quote kind".into(), self.kinds(), self.quotes),
            Section::new("speaker kind".into(), self.speaker_kinds(), self.quotes),
            Section::new(
                "speaker gender (quotes by persons)".into(),
                self.genders(),
                persons,
            ),
        ];
        for (what, tally) in [
            ("speakers", &self.speakers),
            ("publications", &self.publications),
            ("media", &self.media),
        ] {
            let rows = tally.top(top);
            let title = format!(
                "top {} {what} ({} in all; {} quotes with none)",
                rows.len(),
                group(tally.distinct()),
                group(tally.missing)
            );
            sections.push(Section::new(title, rows, self.quotes));
        }
        let width = sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|(l, _)| l.chars().count()))
            .max()
            .unwrap_or(0)
            .clamp(12, 48);
        let mut out = format!(
            "{}, {}\n",
            plural(documents, "document", "documents"),
            plural(self.quotes, "quote", "quotes")
        );
        for section in &sections {
            let _ = write!(out, "\n{}\n", section.title);
            for (label, count) in &section.rows {
                let label = clip(label, width);
                let _ = writeln!(
                    out,
                    "  {label:<w$}{:>9}  {:>6}",
                    group(*count),
                    percent(*count, section.of),
                    w = width
                );
            }
        }
        out
    }

    /// Writes the speaker × publication counts as CSV: one row per speaker name (most quoted
    /// first; the quotes without a name last, as [`UNNAMED`]), one column per publication
    /// (most quoted first; [`NO_PUBLICATION`] last), then the row total. Every cell is passed
    /// through [`excel_safe`], as the table is meant for spreadsheets.
    pub fn write_crosstab<W: Write>(&self, out: W) -> Result<()> {
        let speakers = self.speakers.keys();
        let publications = self.publications.keys();
        let mut w = csv::Writer::from_writer(out);
        let mut header = vec!["speaker".to_string()];
        header.extend(
            publications
                .iter()
                .map(|p| excel_safe(p.unwrap_or(NO_PUBLICATION)).into_owned()),
        );
        header.push("total".into());
        w.write_record(&header)?;
        for speaker in speakers {
            let mut record = vec![excel_safe(speaker.unwrap_or(UNNAMED)).into_owned()];
            let mut total = 0;
            for publication in &publications {
                let key = (speaker.map(str::to_string), publication.map(str::to_string));
                let n = self.crosstab.get(&key).copied().unwrap_or(0);
                total += n;
                record.push(n.to_string());
            }
            record.push(total.to_string());
            w.write_record(&record)?;
        }
        w.flush().map_err(Error::Output)
    }
}

impl QuoteSink for Stats {
    fn write_quote(&mut self, quote: &Quote) -> Result<()> {
        self.add(quote);
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

/// One part of the terminal table: a title, labelled counts and what their shares are of.
struct Section<'a> {
    title: String,
    rows: Vec<(&'a str, usize)>,
    of: usize,
}

impl<'a> Section<'a> {
    fn new(title: String, rows: Vec<(&'a str, usize)>, of: usize) -> Self {
        Section { title, rows, of }
    }
}

fn labelled(labels: [&'static str; 3], counts: [usize; 3]) -> Shares {
    labels.into_iter().zip(counts).collect()
}

/// `n` of `of` as a percentage with one decimal ("61.5%"); "-" when `of` is 0.
pub fn percent(n: usize, of: usize) -> String {
    if of == 0 {
        "-".into()
    } else {
        format!("{:.1}%", n as f64 * 100.0 / of as f64)
    }
}

/// `n` with thousands separators ("12,345").
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` and the noun, singular for 1 ("1 quote", "12,345 quotes").
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group(n), if n == 1 { one } else { many })
}

/// `s` cut to `width` characters, with a final `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(speaker: Option<&str>, publication: Option<&str>, kind: QuoteKind) -> Quote {
        Quote {
            doc: "d".into(),
            publication: publication.map(Into::into),
            quote: "q".into(),
            kind,
            speaker: speaker.map(Into::into),
            speaker_name: speaker.map(Into::into),
            speaker_kind: if speaker.is_some() {
                SpeakerKind::Person
            } else {
                SpeakerKind::Unknown
            },
            cue: None,
            medium: None,
            reported_by: None,
            paragraph: 0,
            quote_start: 0,
            quote_end: 1,
            speaker_start: None,
            speaker_end: None,
            cue_start: None,
            cue_end: None,
            speaker_gender: if speaker == Some("Ann Lee") {
                SpeakerGender::Female
            } else {
                SpeakerGender::Unknown
            },
        }
    }

    fn sample() -> Stats {
        let mut stats = Stats::default();
        for q in [
            quote(Some("Ann Lee"), Some("AP"), QuoteKind::Direct),
            quote(Some("Ann Lee"), Some("AP"), QuoteKind::Mixed),
            quote(Some("Ann Lee"), Some("Reuters"), QuoteKind::Direct),
            quote(Some("Bo Park"), Some("Reuters"), QuoteKind::Indirect),
            quote(None, None, QuoteKind::Direct),
        ] {
            stats.write_quote(&q).unwrap();
        }
        stats
    }

    #[test]
    fn counts_every_dimension() {
        let stats = sample();
        assert_eq!(stats.quotes, 5);
        assert_eq!(stats.speakers.top(10), [("Ann Lee", 3), ("Bo Park", 1)]);
        assert_eq!(stats.speakers.missing, 1);
        assert_eq!(stats.publications.top(1), [("AP", 2)]);
        assert_eq!(stats.media.missing, 5);
        assert_eq!(
            stats.kinds(),
            [("direct", 3), ("mixed", 1), ("indirect", 1)]
        );
        assert_eq!(
            stats.speaker_kinds(),
            [("person", 4), ("organization", 0), ("unknown", 1)]
        );
        assert_eq!(
            stats.genders(),
            [("female", 3), ("male", 0), ("unknown", 1)]
        );
    }

    #[test]
    fn ties_are_in_name_order() {
        let mut t = Tally::default();
        for k in ["b", "a", "c", "c"] {
            t.add(Some(k));
        }
        assert_eq!(t.top(3), [("c", 2), ("a", 1), ("b", 1)]);
        assert_eq!(t.get("a"), 1);
        assert_eq!(t.get("z"), 0);
    }

    #[test]
    fn the_table_shows_counts_and_shares() {
        let table = sample().table(2, 1);
        assert!(table.starts_with("2 documents, 5 quotes\n"), "{table}");
        assert!(
            table.contains("  direct              3   60.0%\n"),
            "{table}"
        );
        assert!(
            table.contains("speaker gender (quotes by persons)"),
            "{table}"
        );
        assert!(
            table.contains("  female              3   75.0%\n"),
            "{table}"
        );
        assert!(
            table.contains("top 1 speakers (2 in all; 1 quotes with none)"),
            "{table}"
        );
        assert!(
            table.contains("  Ann Lee             3   60.0%\n"),
            "{table}"
        );
        assert!(!table.contains("Bo Park"), "top 1 only: {table}");
    }

    #[test]
    fn the_crosstab_has_a_row_per_speaker_and_a_column_per_publication() {
        let mut out = Vec::new();
        sample().write_crosstab(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "speaker,AP,Reuters,(no publication),total\n\
             Ann Lee,2,1,0,3\n\
             Bo Park,0,1,0,1\n\
             (no speaker name),0,0,1,1\n"
        );
    }

    #[test]
    fn the_crosstab_guards_formula_cells() {
        let mut stats = Stats::default();
        stats.add(&quote(Some("=cmd()"), Some("@pub"), QuoteKind::Direct));
        let mut out = Vec::new();
        stats.write_crosstab(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "speaker,'@pub,total\n'=cmd(),1,1\n"
        );
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(group(0), "0");
        assert_eq!(plural(1, "quote", "quotes"), "1 quote");
        assert_eq!(plural(1000, "quote", "quotes"), "1,000 quotes");
        assert_eq!(group(1234567), "1,234,567");
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(1, 0), "-");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
