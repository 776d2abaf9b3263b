//! The seed article against its hand-made gold (`tests/data/*.gold.jsonl`): every gold
//! attribution is found with its speaker name, cue, medium and relay, the article's agency is
//! on every row, and nothing comes from the scare quotes or the comment-form boilerplate.

use serde_json::Value;
use whosaid::{Document, Quote, analyze};

fn seed() -> (Value, Vec<Quote>) {
    let gold: Value = serde_json::from_str(include_str!("data/000_0a1aa9d853795c80.gold.jsonl"))
        .expect("gold parses");
    let text = include_str!("../corpus/000_0a1aa9d853795c80.txt");
    assert_eq!(
        gold["text"].as_str(),
        Some(text),
        "the corpus copy is the gold text"
    );
    let quotes = analyze(&Document::new("000_0a1aa9d853795c80.txt", text));
    (gold, quotes)
}

fn span(v: &Value) -> (usize, usize) {
    let s = &v[0];
    (
        s[0].as_u64().unwrap() as usize,
        s[1].as_u64().unwrap() as usize,
    )
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

#[test]
fn every_gold_attribution_is_found() {
    let (gold, quotes) = seed();
    let golds = gold["quotes"].as_array().unwrap();
    assert_eq!(golds.len(), 6);
    for g in golds {
        let content = span(&g["content"]);
        let q = quotes
            .iter()
            .find(|q| {
                overlap((q.quote_start, q.quote_end), content) * 10 >= (content.1 - content.0) * 8
            })
            .unwrap_or_else(|| panic!("no quote covers {}", g["content_text"]));
        assert_eq!(
            q.speaker_name.as_deref(),
            g["speaker_name"].as_str(),
            "{}",
            g["content_text"]
        );
        let cue = span(&g["cue"]);
        assert!(
            overlap((q.cue_start.unwrap(), q.cue_end.unwrap()), cue) > 0,
            "cue of {}",
            g["content_text"]
        );
        let speaker = span(&g["speaker"]);
        assert!(overlap((q.speaker_start.unwrap(), q.speaker_end.unwrap()), speaker) > 0);
        assert_eq!(q.kind, serde_json::from_value(g["kind"].clone()).unwrap());
        assert_eq!(
            q.reported_by.as_deref(),
            g["reported_by"].as_str(),
            "{}",
            g["content_text"]
        );
        if let Some(medium) = g["medium"].as_str() {
            assert_eq!(q.medium.as_deref(), Some(medium), "{}", g["content_text"]);
        }
    }
}

#[test]
fn publication_is_the_agency_on_every_row() {
    let (_, quotes) = seed();
    assert!(
        quotes
            .iter()
            .all(|q| q.publication.as_deref() == Some("IANS"))
    );
}

#[test]
fn no_quote_from_scare_quotes_or_boilerplate() {
    let (gold, quotes) = seed();
    for nq in gold["not_quotes"].as_array().unwrap() {
        let s = &nq["span"];
        let (start, end) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        // The boilerplate entry marks where the page junk starts: nothing from there on.
        let end = if nq["why"].as_str().unwrap().contains("from here on") {
            usize::MAX
        } else {
            end
        };
        for q in &quotes {
            assert_eq!(
                overlap((q.quote_start, q.quote_end), (start, end)),
                0,
                "{} overlaps {}",
                q.quote,
                nq["why"]
            );
        }
    }
}
