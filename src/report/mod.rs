//! `whosaid report` and `whosaid stats`: what the quote table says about a corpus, for people.
//!
//! - [`stats`]: counts over the rows (quotes per speaker, publication, medium; speaker kinds;
//!   direct/mixed/indirect; speaker gender; speaker × publication), as a terminal table or CSV.
//! - [`Site`]: a static site that works offline from `file://` (no server, no script, no
//!   external font or style sheet): an index with the statistics drawn as inline SVG charts
//!   (`svg`), and a page per article (`page`) with its text, each quote highlighted, its
//!   speaker and cue linked to its row in the list beside the text, and the boilerplate that
//!   the analysis cut greyed out.
//!
//! The HTML is written with maud: its `html!` templates are checked at compile time, live in
//! Rust beside the data they show, and escape every interpolated value unless told not to
//! (only the style sheet below and the article markup, itself built from escaped pieces, are
//! inserted as they are), which a report of scraped web text needs.

mod page;
mod site;
pub mod stats;
mod svg;

pub use page::kind_name;
pub use site::{ARTICLES, INDEX, Site};
pub use stats::Stats;

/// The style sheet of every page, inlined in a `<style>` element.
const STYLE: &str = include_str!("style.css");

/// The `<head>` of every page: charset, viewport, `title` and the inlined style sheet.
fn head(title: &str) -> maud::Markup {
    maud::html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) }
            style { (maud::PreEscaped(STYLE)) }
        }
    }
}
