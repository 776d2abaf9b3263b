//! The report site on disk: `index.html` (corpus statistics as charts, the list of articles)
//! and `articles/NNNNN.html`, one page per article in corpus order.
//!
//! [`Site`] is a [`DocumentSink`]: each article page is written as its document comes out of
//! the pipeline, so only the statistics and one line per article are kept in memory; the
//! index is written by [`Site::finish`]. Files of the same names in the directory are
//! overwritten; nothing else in it is touched.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use maud::{DOCTYPE, Markup, html};

use super::head;
use super::page::ArticlePage;
use super::stats::{Stats, group, percent, plural};
use super::svg::{bar_chart, share_bar};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::pipeline::{DocumentSink, Summary};
use crate::quote::{Quote, QuoteKind};

/// The folder of the article pages, inside the site.
pub const ARTICLES: &str = "articles";
/// The index page.
pub const INDEX: &str = "index.html";

/// A report site being written: `index.html` and a page per article in `articles/`, each page
/// written as its document comes, the index by [`Site::finish`].
#[derive(Debug)]
pub struct Site {
    dir: PathBuf,
    top: usize,
    stats: Stats,
    articles: Vec<Entry>,
}

/// One line of the list of articles.
#[derive(Debug)]
struct Entry {
    id: String,
    headline: Option<String>,
    publication: Option<String>,
    file: String,
    kinds: [usize; 3],
}

impl Site {
    /// Creates `dir` (and its `articles/` folder) if needed; the charts show the `top`
    /// largest speakers, publications and media.
    pub fn create(dir: impl Into<PathBuf>, top: usize) -> Result<Self> {
        let dir = dir.into();
        let articles = dir.join(ARTICLES);
        fs::create_dir_all(&articles).map_err(|source| Error::Io {
            path: articles,
            source,
        })?;
        Ok(Site {
            dir,
            top,
            stats: Stats::default(),
            articles: Vec::new(),
        })
    }

    /// The statistics of the rows written so far.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Writes the index page for the run that `summary` describes; returns its path.
    pub fn finish(self, summary: &Summary) -> Result<PathBuf> {
        let path = self.dir.join(INDEX);
        write_page(&path, &self.index(summary))?;
        Ok(path)
    }

    fn index(&self, summary: &Summary) -> Markup {
        let stats = &self.stats;
        let top = self.top;
        let total = stats.quotes;
        let persons = stats.speaker_kinds()[0].1;
        html! {
            (DOCTYPE)
            html lang="en" {
                (head("whosaid report"))
                body class="index" {
                    header {
                        h1 { "Who said it" }
                        p class="summary" {
                            span data-count=(summary.documents) { (plural(summary.documents, "article", "articles")) }
                            ", "
                            span data-count=(total) { (plural(total, "quote", "quotes")) }
                            @if summary.skipped + summary.failures > 0 {
                                " (" (plural(summary.skipped, "input", "inputs")) " skipped, "
                                (summary.failures) " failed: see the messages of the run)"
                            }
                            " · whosaid " (env!("CARGO_PKG_VERSION"))
                        }
                    }
                    main class="charts" {
                        section {
                            h2 { "Quote kinds" }
                            (share_bar("kinds", "Quotes by kind", &stats.kinds()))
                            p class="note" { "direct: the content is a quotation; mixed: a reported clause holding a quoted fragment; indirect: a reported clause without marks." }
                        }
                        section {
                            h2 { "Speaker kinds" }
                            (share_bar("speaker-kinds", "Quotes by speaker kind", &stats.speaker_kinds()))
                        }
                        section {
                            h2 { "Speaker gender" }
                            (share_bar("genders", "Quotes by persons, by speaker gender", &stats.genders()))
                            p class="note" {
                                "Of the " (group(persons)) " quotes by persons; from evidence in the text only (he/she, Mr/Ms, spokeswoman), never from first names."
                            }
                        }
                        section {
                            h2 { "Top speakers" }
                            (bar_chart("speakers", "Quotes per speaker", &stats.speakers.top(top), total))
                            p class="note" {
                                (group(stats.speakers.distinct())) " speaker names; "
                                (group(stats.speakers.missing)) " quotes without a speaker name."
                            }
                        }
                        section {
                            h2 { "Publications" }
                            (bar_chart("publications", "Quotes per publication", &stats.publications.top(top), total))
                            p class="note" {
                                (group(stats.publications.distinct())) " publications; "
                                (group(stats.publications.missing)) " quotes without one."
                            }
                        }
                        section {
                            h2 { "Media" }
                            (bar_chart("media", "Quotes per medium", &stats.media.top(top), total))
                            p class="note" {
                                "Where the speaker said it (outlet, platform or genre); "
                                (group(stats.media.missing)) " quotes ("
                                (percent(stats.media.missing, total)) ") name none."
                            }
                        }
                    }
                    section class="articles" {
                        h2 { "Articles" }
                        table {
                            thead { tr {
                                th { "#" } th { "article" } th { "publication" }
                                th class="n" { "quotes" } th class="n" { "direct" }
                                th class="n" { "mixed" } th class="n" { "indirect" }
                            } }
                            tbody {
                                @for (i, a) in self.articles.iter().enumerate() {
                                    tr data-doc=(a.id) {
                                        td class="n" { (i + 1) }
                                        td {
                                            a href=(a.file) { (a.headline.as_deref().unwrap_or(&a.id)) }
                                            @if a.headline.is_some() { br; span class="doc-id" { (a.id) } }
                                        }
                                        td { (a.publication.as_deref().unwrap_or("")) }
                                        td class="n" data-count=(a.kinds.iter().sum::<usize>()) {
                                            (a.kinds.iter().sum::<usize>())
                                        }
                                        @for k in a.kinds { td class="n" { (k) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

impl DocumentSink for Site {
    fn write_document(&mut self, doc: &Document, quotes: &[Quote]) -> Result<()> {
        let file = format!("{ARTICLES}/{:05}.html", self.articles.len() + 1);
        let page = ArticlePage::new(doc, quotes);
        write_page(&self.dir.join(&file), &page.render(&format!("../{INDEX}")))?;
        let mut kinds = [0; 3];
        for q in quotes {
            self.stats.add(q);
            kinds[match q.kind {
                QuoteKind::Direct => 0,
                QuoteKind::Mixed => 1,
                QuoteKind::Indirect => 2,
            }] += 1;
        }
        self.articles.push(Entry {
            id: doc.id.clone(),
            headline: page.headline(),
            publication: quotes
                .iter()
                .find_map(|q| q.publication.clone())
                .or_else(|| doc.publisher.clone()),
            file,
            kinds,
        });
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

/// Writes one page.
fn write_page(path: &Path, page: &Markup) -> Result<()> {
    let io_error = |source: io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut out = BufWriter::new(fs::File::create(path).map_err(io_error)?);
    out.write_all(page.0.as_bytes()).map_err(io_error)?;
    out.flush().map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    #[test]
    fn writes_a_page_per_article_and_an_index_with_the_counts() {
        let dir = tempfile::tempdir().unwrap();
        let mut site = Site::create(dir.path().join("out"), 5).unwrap();
        let docs = [
            Document::new(
                "a.txt",
                "Mayor speaks\n\n\"We will win,\" Mayor Ann Lee said.\n",
            ),
            Document::new(
                "b.txt",
                "Quiet day\n\nNothing was said today in the town.\n",
            ),
        ];
        for doc in &docs {
            site.write_document(doc, &analyze(doc)).unwrap();
        }
        assert_eq!(site.stats().quotes, 1);
        let summary = Summary {
            documents: 2,
            quotes: 1,
            ..Summary::default()
        };
        let index = site.finish(&summary).unwrap();
        let html = fs::read_to_string(&index).unwrap();
        assert!(
            html.contains(r#"<span data-count="2">2 articles</span>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"data-label="Ann Lee" data-count="1""#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="articles/00001.html">Mayor speaks</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="articles/00002.html">Quiet day</a>"#),
            "{html}"
        );
        let page = fs::read_to_string(dir.path().join("out/articles/00001.html")).unwrap();
        assert!(
            page.contains(r#"<a class="back" href="../index.html">"#),
            "{page}"
        );
        assert!(page.contains(r#"id="quote-1""#), "{page}");
        let empty = fs::read_to_string(dir.path().join("out/articles/00002.html")).unwrap();
        assert!(empty.contains("No quotes found."), "{empty}");
    }
}
