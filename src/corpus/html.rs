//! Web pages: the article of an HTML page, as readers see it.
//!
//! [`dom_smoothie`] (a port of Mozilla's Readability, the algorithm behind Firefox's reader
//! view) finds the article body and drops navigation, scripts, comment sections and lists of
//! related stories; it also reads the headline, the byline and the publisher (`og:site_name`,
//! JSON-LD). Nothing is fetched.
//!
//! The document text is the headline, the byline, then the body's paragraphs, separated by
//! blank lines, so that the analyzer's layout finds the headline as paragraph 0 and reads
//! the agency of a byline ("By Jane Roe, Associated Press"). Offsets of the quote table refer
//! to this text (`whosaid analyze --emit-text DIR` writes it out).

use dom_smoothie::{Config, Readability, TextMode};

/// Page furniture removed before the article is looked for, by CSS selector: Readability
/// can take a comment section or a list of related stories that sits beside the article for
/// part of it.
const FURNITURE: &str = "nav, aside, footer, form, \
    :is([id*=comment i], [class*=comment i], [id*=related i], [class*=related i], \
        [id*=disqus i], [class*=newsletter i], [class*=share i])\
    :not(html, body, main, article)";

use crate::document::Document;

/// The parts of a page that the analyzer reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline (`<title>` or `og:title`, without the site name).
    pub title: Option<String>,
    /// The byline ("By Jane Roe, Associated Press").
    pub byline: Option<String>,
    /// The publisher (`og:site_name`, JSON-LD `publisher`).
    pub site_name: Option<String>,
    /// The body text, paragraphs separated by blank lines.
    pub body: String,
}

impl Article {
    /// The document text: headline, byline and body, separated by blank lines.
    pub fn text(&self) -> String {
        let parts = [
            self.title.as_deref(),
            self.byline.as_deref(),
            Some(&self.body),
        ];
        let parts: Vec<&str> = parts
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
            .collect();
        let mut text = parts.join("\n\n");
        text.push('\n');
        text
    }

    /// The article as a document with id `id`: its [`text`](Article::text), the headline as
    /// title and the site name as publisher.
    pub fn into_document(self, id: impl Into<String>) -> Document {
        let text = self.text();
        Document {
            id: id.into(),
            text,
            publisher: self.site_name,
            title: self.title,
        }
    }
}

/// Extracts the article of a page. `url` is the page's address when known (WARC records);
/// it is only used to resolve relative links and ignored unless absolute. An `Err` says why
/// there is no article (no readable content).
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, String> {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let page = dom_query::Document::from(html);
    page.select(FURNITURE).remove();
    let mut readability =
        Readability::with_document(page, url, Some(config)).map_err(|e| e.to_string())?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article text found ({e})"))?;
    let body = paragraphs(&article.text_content);
    if body.is_empty() {
        return Err("no article text found".into());
    }
    let clean = |s: Option<String>| s.map(|s| one_line(&s)).filter(|s| !s.is_empty());
    Ok(Article {
        title: clean(Some(article.title.to_string())),
        byline: clean(article.byline),
        site_name: clean(article.site_name),
        body,
    })
}

/// Collapses runs of whitespace into one space and trims.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The non-blank lines of extracted text, each made one line, separated by blank lines.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Mayor backs new bridge - The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="Mayor backs new bridge">
<script>var tracking = "\"Ignore me,\" the script said.";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Mayor backs new bridge</h1>
<p class="byline">By Jane Roe</p>
<p>The city council voted on Tuesday to fund a second bridge across the harbour, ending
a debate that had lasted for more than a decade and divided the two districts.</p>
<p>"This bridge will bring the two halves of our city together," Mayor Ann Lee said after the
vote. "We have waited long enough for it, and now the work can begin."</p>
<p>Opponents said the project was too expensive. "The money would be better spent on
schools," said council member Tom Hart, who voted against the plan on Tuesday.</p>
</article>
<section class="comments"><h3>Comments</h3><p>"Great news," said reader42.</p></section>
<div id="comment-list"><p>"I disagree," wrote another reader, who said the bridge was a waste.</p></div>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Bridge costs soar</a></li></ul></aside>
</body></html>"#;

    #[test]
    fn the_article_is_extracted_without_page_furniture() {
        let article = extract(PAGE, Some("https://gazette.example/bridge")).unwrap();
        assert_eq!(article.title.as_deref(), Some("Mayor backs new bridge"));
        assert_eq!(article.site_name.as_deref(), Some("The Harbour Gazette"));
        assert!(
            article.body.contains("\"This bridge will bring"),
            "{}",
            article.body
        );
        assert!(!article.body.contains("after the\nvote"));
        assert_eq!(article.byline.as_deref(), Some("By Jane Roe"));
        for furniture in [
            "Ignore me",
            "Home",
            "reader42",
            "I disagree",
            "Bridge costs soar",
        ] {
            assert!(
                !article.body.contains(furniture),
                "{furniture}: {}",
                article.body
            );
        }
        let doc = article.into_document("bridge.html");
        assert!(
            doc.text.starts_with("Mayor backs new bridge\n\n"),
            "{}",
            doc.text
        );
        assert_eq!(doc.publisher.as_deref(), Some("The Harbour Gazette"));
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert!(extract("", None).is_err());
        assert!(
            extract(
                "<html><body><script>var x = 1;</script></body></html>",
                None
            )
            .is_err()
        );
    }

    #[test]
    fn relative_urls_are_not_an_error() {
        assert!(extract(PAGE, Some("bridge.html")).is_ok());
    }
}
