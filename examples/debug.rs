//! Prints the quote table of a text given on the command line (a development aid).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    for q in whosaid::analyze(&whosaid::Document::new("arg", text)) {
        println!(
            "{:?} | {:?} -> {:?} | {:?} | {} {}",
            q.kind, q.speaker, q.speaker_name, q.cue, q.quote, q.quote_start
        );
    }
}
