//! Pathological input for the analyzer core, and the inputs that once broke its invariants:
//! 100,000 quotation marks in a row, quotes nested thousands deep, an "according to" whose
//! source was a bare quotation mark, and a fuzz finding where an indirect content ran over the
//! next row. Every table must keep the properties of [`whosaid::invariants`].
//!
//! That the analysis stays linear in the length of run-on text (a sentence of cue words
//! without punctuation, unclosed quotes with cues, a paragraph of names, many quoted
//! paragraphs) is shown by the benchmark `benches/linear.sh` (kinds `said`, `unbalanced`,
//! `apostrophes`, `paragraphs`), not by timed tests.

use whosaid::invariants::analyze_and_check;
use whosaid::{Document, analyze};

fn check(text: String) -> usize {
    let doc = Document::new("d", text);
    match analyze_and_check(&doc) {
        Ok(quotes) => quotes.len(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_hundred_thousand_quotation_marks_in_a_row() {
    check("\"".repeat(100_000));
    check("“".repeat(100_000));
    check(format!("Smith said: {}", "\"".repeat(100_001)));
}

#[test]
fn quotes_nested_thousands_deep() {
    check(format!("{}deep{}", "“‘".repeat(5_000), "’”".repeat(5_000)));
    check(format!("{}deep", "«".repeat(20_000)));
    check(format!(
        "Smith said {}",
        "\"a 'b \"c 'd ".repeat(5_000) + &"' \"".repeat(10_000)
    ));
}

#[test]
fn run_on_text_keeps_the_invariants() {
    check("We said ".repeat(4_000));
    check("\"We said ".repeat(4_000));
    check("'tis Jones' 'n' the '90s 'quote' ".repeat(2_000));
    check("\"Go,\" he said.\n\n".repeat(5_000));
}

/// Found by `tests/properties.rs` with random seeds: after "according to" the source ran to
/// the next comma, inside a quote, so the speaker was the bare opening mark `„` and the
/// indirect content crossed the direct quote `„,“`. A source now needs letters and stops at
/// any quotation mark.
#[test]
fn according_to_does_not_take_a_quotation_mark_for_its_source() {
    let text = "\"\naccording to„,“— AP ";
    let quotes = analyze(&Document::new("d", text));
    for q in &quotes {
        assert!(
            q.speaker.as_deref() != Some("„"),
            "a quotation mark as speaker: {q:?}"
        );
    }
    check(text.to_string());
}

/// Found by the fuzz target after 113,892 executions (`tests/data/fuzz-crossing-ff7b959f`,
/// 2,840 bytes of mutated news text read as plain text): an indirect row whose cue is the noun
/// "statement" ran its content over the next row, "Work'rs union said". Crossing rows are now
/// cut apart. Reproduce with `cargo run --example replay tests/data/fuzz-crossing-ff7b959f`.
#[test]
fn indirect_content_does_not_run_over_the_next_frame() {
    let data = include_bytes!("data/fuzz-crossing-ff7b959f");
    if let Err(e) = whosaid::invariants::check_bytes(data) {
        panic!("{e}");
    }
}
