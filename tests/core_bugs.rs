//! Pathological input for the analyzer core: what it handles (100,000 quotation marks in a
//! row, quotes nested thousands deep), and, marked `#[ignore]`, the failures found by the
//! property tests and the linear-time benchmark (`benches/linear.sh`), kept here as failing
//! reproductions for the owners of the core (`src/attribution/`). Run them with
//! `cargo test --release --test core_bugs -- --ignored`.

use std::time::Instant;

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

/// Seconds to analyze `text`.
fn seconds(text: &str) -> f64 {
    let doc = Document::new("d", text);
    let start = Instant::now();
    let _ = analyze(&doc);
    start.elapsed().as_secs_f64()
}

/// Time for four times the input, as a multiple of the time for the input: about 4 when the
/// analysis is linear, 16 when it is quadratic.
fn growth(unit: &str, n: usize) -> f64 {
    let small = seconds(&unit.repeat(n));
    let large = seconds(&unit.repeat(4 * n));
    large / small.max(1e-6)
}

/// BUG (quadratic): a long sentence of cue words without punctuation. For every cue,
/// `clause_start` (src/attribution/frame.rs:772) searches back to the sentence start and
/// `longest_ending_at` (src/attribution/frame.rs:802) lists every word start of that clause
/// (`word_starts`, :816) only to keep the last 12: O(cues × sentence length). Measured with
/// the release build: 256 KB of "We said " takes 49 s, 512 KB 187 s.
#[test]
#[ignore = "quadratic in the analyzer core: src/attribution/frame.rs clause_start / longest_ending_at"]
fn a_long_sentence_of_cues_is_analyzed_in_linear_time() {
    let ratio = growth("We said ", 2_000);
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

/// BUG (quadratic): a paragraph of unclosed quotation marks and cues ("\"We said " repeated)
/// is one long sentence with many quotes and frames: `frames` tests every cue against every
/// quote (src/attribution/frame.rs:60-62) and the attribution of secondary frames tests every
/// quote against every covered range for each frame (src/attribution/mod.rs:275-283).
/// Measured with the release build: 1 MB takes 8.2 s, 2 MB 30.8 s.
#[test]
#[ignore = "quadratic in the analyzer core: src/attribution/frame.rs frames, src/attribution/mod.rs:283"]
fn unclosed_quotes_with_cues_are_analyzed_in_linear_time() {
    let ratio = growth("\"We said ", 4_000);
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

/// BUG (crossing rows), found by `tests/properties.rs` with random seeds: after "according
/// to", the source runs to the next clause break (src/attribution/frame.rs:73-80), and here
/// that is a comma inside a quote, so the source is the bare opening mark `„` and the
/// indirect content `“— AP` (16..21) starts inside the direct quote `„,“` (14..17): two rows
/// whose spans cross, and a speaker that is only a quotation mark.
#[test]
#[ignore = "crossing quote spans from the analyzer core: src/attribution/frame.rs according-to frames"]
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

/// BUG (quadratic): a long paragraph of capitalized names without sentence punctuation
/// (`'tis Jones' 'n' the '90s 'quote'` repeated, as in the `apostrophes` input of
/// `benches/linear.sh`). For every name, `Resolver::register_range` searches back to the
/// sentence start (`rfind` at src/speaker.rs:130-132) and `vote_gender` searches forward for
/// the sentence end before cutting at 300 bytes (`find` at src/speaker.rs:189-192):
/// O(names × paragraph length). Measured with the release build: 1 MB takes 7.1 s, 2 MB
/// 33.5 s.
#[test]
#[ignore = "quadratic in the analyzer core: src/speaker.rs Resolver::register_range / vote_gender"]
fn a_long_paragraph_of_names_is_analyzed_in_linear_time() {
    let ratio = growth("'tis Jones' 'n' the '90s 'quote' ", 4_000);
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

/// BUG (quadratic): a long document of many short quoted paragraphs. `sentence::split_block`
/// filters every quote of the document for each paragraph (src/sentence.rs:69-72, where the
/// quotes from `qi` on would do): O(paragraphs × quotes). It shows on large normal text:
/// the `paragraphs` input of `benches/linear.sh` takes 0.19 s/MB at 1 MB and 0.37 s/MB at
/// 8 MB.
#[test]
#[ignore = "quadratic in the analyzer core: src/sentence.rs split_block"]
fn many_quoted_paragraphs_are_analyzed_in_linear_time() {
    let ratio = growth("\"Go,\" he said.\n\n", 20_000);
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

/// BUG (crossing rows), found by the fuzz target after 113,892 executions
/// (`tests/data/fuzz-crossing-ff7b959f`, 2,840 bytes of mutated news text read as plain
/// text): an indirect row whose cue is the noun "statement" (speaker "its", span 2390..2582)
/// runs its content over the speaker and cue of the next row, a mixed quote of "Work'rs union
/// said" (2530..2766). Reproduce with `cargo run --example replay tests/data/fuzz-crossing-ff7b959f`.
#[test]
#[ignore = "crossing quote spans from the analyzer core (indirect content runs over the next frame)"]
fn indirect_content_does_not_run_over_the_next_frame() {
    let data = include_bytes!("data/fuzz-crossing-ff7b959f");
    if let Err(e) = whosaid::invariants::check_bytes(data) {
        panic!("{e}");
    }
}
