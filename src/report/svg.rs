//! The report's charts as inline SVG: horizontal bar charts (top speakers, publications,
//! media) and 100 % share bars (quote kinds, speaker kinds, speaker genders).
//!
//! Written with maud like the pages, so that every label is escaped. Colors come from the
//! page's CSS through classes (`fill-direct`, `fill-female`, ...). Each bar or part carries
//! its label and count as `data-label` and `data-count`, and a `<title>` tooltip.

use maud::{Markup, html};

use super::stats::{clip, group, percent};

/// Width of a chart in SVG user units.
const WIDTH: usize = 640;
/// Where the bars start (labels are right-aligned before it).
const BARS_X: usize = 230;
/// Room left after the longest bar for its count.
const COUNT_ROOM: usize = 70;
/// Height of one bar row.
const ROW: usize = 24;

/// A horizontal bar chart of `rows` (label, count), largest first; shares are of `total`.
/// `id` names the chart (`data-chart`) and its title element.
pub fn bar_chart(id: &str, title: &str, rows: &[(&str, usize)], total: usize) -> Markup {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let span = WIDTH - BARS_X - COUNT_ROOM;
    let height = ROW * rows.len().max(1) + 8;
    let title_id = format!("chart-{id}");
    html! {
        svg class="chart" data-chart=(id) viewBox=(format!("0 0 {WIDTH} {height}"))
            width=(WIDTH) height=(height) role="img" aria-labelledby=(title_id) {
            title id=(title_id) { (title) }
            @if rows.is_empty() {
                text x=(BARS_X) y="18" class="empty" { "none" }
            }
            @for (i, (label, count)) in rows.iter().enumerate() {
                @let y = 4 + i * ROW;
                @let length = (count * span).div_ceil(max).max(1);
                g class="bar" data-label=(label) data-count=(count) {
                    title { (label) ": " (group(*count)) " quotes (" (percent(*count, total)) ")" }
                    text x=(BARS_X - 8) y=(y + 15) text-anchor="end" class="label" {
                        (clip(label, 30))
                    }
                    rect x=(BARS_X) y=(y + 3) width=(length) height=(ROW - 8) rx="2" {}
                    text x=(BARS_X + length + 6) y=(y + 15) class="count" { (group(*count)) }
                }
            }
        }
    }
}

/// A 100 % bar of `parts` (label, count) with a legend; `id` as for [`bar_chart`].
pub fn share_bar(id: &str, title: &str, parts: &[(&str, usize)]) -> Markup {
    let total: usize = parts.iter().map(|p| p.1).sum();
    let title_id = format!("chart-{id}");
    // Each part starts where the ones before it end (rounded once, so the parts add up).
    let mut starts = Vec::with_capacity(parts.len() + 1);
    let mut sum = 0;
    for (_, count) in parts {
        starts.push((sum * WIDTH).checked_div(total).unwrap_or(0));
        sum += count;
    }
    starts.push(WIDTH);
    let legend_y = 48;
    let height = legend_y + 8;
    let slot = WIDTH / parts.len().max(1);
    html! {
        svg class="chart share" data-chart=(id) viewBox=(format!("0 0 {WIDTH} {height}"))
            width=(WIDTH) height=(height) role="img" aria-labelledby=(title_id) {
            title id=(title_id) { (title) }
            rect x="0" y="4" width=(WIDTH) height="26" class="track" {}
            @for (i, (label, count)) in parts.iter().enumerate() {
                g class="part" data-label=(label) data-count=(count) {
                    title { (label) ": " (group(*count)) " (" (percent(*count, total)) ")" }
                    @if *count > 0 {
                        rect x=(starts[i]) y="4" width=(starts[i + 1] - starts[i]) height="26"
                            class=(format!("fill-{label}")) {}
                    }
                    rect x=(i * slot) y=(legend_y - 11) width="12" height="12"
                        class=(format!("fill-{label}")) {}
                    text x=(i * slot + 18) y=(legend_y) class="legend" {
                        (label) " " (group(*count)) " (" (percent(*count, total)) ")"
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_carry_label_count_and_escaped_text() {
        let svg = bar_chart(
            "speakers",
            "Top speakers",
            &[("Ann <Lee>", 4), ("Bo", 2)],
            8,
        )
        .into_string();
        assert!(svg.contains(r#"data-chart="speakers""#), "{svg}");
        assert!(
            svg.contains(r#"data-label="Ann &lt;Lee&gt;" data-count="4""#),
            "{svg}"
        );
        assert!(
            svg.contains("<title>Ann &lt;Lee&gt;: 4 quotes (50.0%)</title>"),
            "{svg}"
        );
        // The largest bar takes the whole span, the other half of it.
        let span = WIDTH - BARS_X - COUNT_ROOM;
        assert!(svg.contains(&format!(r#"width="{span}""#)), "{svg}");
        assert!(svg.contains(&format!(r#"width="{}""#, span / 2)), "{svg}");
        assert!(!svg.contains("<Lee>"));
    }

    #[test]
    fn an_empty_chart_says_so() {
        let svg = bar_chart("media", "Media", &[], 0).into_string();
        assert!(svg.contains(">none</text>"), "{svg}");
    }

    #[test]
    fn share_parts_fill_the_width_and_show_their_shares() {
        let svg = share_bar(
            "kinds",
            "Quote kinds",
            &[("direct", 1), ("mixed", 1), ("indirect", 1)],
        )
        .into_string();
        assert!(
            svg.contains(r#"x="0" y="4" width="213" height="26" class="fill-direct""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"x="426" y="4" width="214" height="26" class="fill-indirect""#),
            "{svg}"
        );
        assert!(svg.contains("direct 1 (33.3%)"), "{svg}");
        let none = share_bar("g", "Genders", &[("female", 0), ("male", 0)]).into_string();
        assert!(none.contains("female 0 (-)"), "{none}");
    }
}
