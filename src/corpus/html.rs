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

use std::cell::Cell;

use dom_smoothie::{Config, Readability, TextMode};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Pages whose elements nest deeper than this are not read: the HTML parser and Readability
/// take time in the number of elements times their depth, which a page nested 100,000
/// deep turns into minutes. Real pages nest a few dozen deep.
pub const MAX_DEPTH: usize = 1000;

/// Elements that have no end tag, or whose end tag is implied by what follows (`<p>`,
/// `<li>` left open): they add no depth.
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];
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
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "elements nested {depth} deep, over the limit of {MAX_DEPTH}"
        ));
    }
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

/// How deep the elements of a page nest, as its tags say (html5ever's tokenizer, in linear
/// time, without building the tree): start tags open, end tags close, elements without end
/// tags or with implied ones (`<p>`, `<li>`, `<br>`, ...) count for nothing; script and style contents are
/// text. An upper bound of the depth of the parsed tree for all but odd pages.
pub fn nesting_depth(html: &str) -> usize {
    let tokenizer = Tokenizer::new(DepthSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.max.get()
}

#[derive(Default)]
struct DepthSink {
    depth: Cell<usize>,
    max: Cell<usize>,
}

impl TokenSink for DepthSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let name: &str = &tag.name;
        if tag.self_closing || NO_DEPTH.contains(&name) {
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::StartTag => {
                let depth = self.depth.get() + 1;
                self.depth.set(depth);
                self.max.set(self.max.get().max(depth));
                match name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    _ => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                self.depth.set(self.depth.get().saturating_sub(1));
                TokenSinkResult::Continue
            }
        }
    }
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
    fn nesting_is_measured_and_too_deep_pages_are_refused() {
        assert_eq!(nesting_depth("<div><div><p>x<p>y</div></div>"), 2);
        assert_eq!(nesting_depth("<ul><li>a<li>b<li>c</ul><br><img src=x>"), 1);
        assert_eq!(
            nesting_depth("<script>if (a<b && c<d) { x = '<div><div>'; }</script><b>x</b>"),
            1
        );
        assert!(nesting_depth(PAGE) < 10);
        let deep = format!(
            "<html><body>{}<p>\"We will win,\" Smith said.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let err = extract(&deep, None).unwrap_err();
        assert!(err.contains("nested 100000 deep"), "{err}");
    }

    #[test]
    fn relative_urls_are_not_an_error() {
        assert!(extract(PAGE, Some("bridge.html")).is_ok());
    }
}
