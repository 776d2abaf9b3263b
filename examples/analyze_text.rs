//! Prints the quote table of a text given on the command line, one line per quote:
//! `cargo run --example analyze_text -- '"We won," Smith said.'`
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    for q in whosaid::analyze(&whosaid::Document::new("arg", text)) {
        println!(
            "{:?} | {} | {} -> {} | cue: {} | medium: {} | relay: {}",
            q.kind,
            q.quote,
            q.speaker.unwrap_or_default(),
            q.speaker_name.unwrap_or_default(),
            q.cue.unwrap_or_default(),
            q.medium.unwrap_or_default(),
            q.reported_by.unwrap_or_default(),
        );
    }
}
