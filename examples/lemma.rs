//! Reads words on stdin and prints those the cue lexicon does not know (a development aid).
use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let mut parts = line.split_whitespace();
        let (Some(count), Some(word)) = (parts.next(), parts.next()) else {
            continue;
        };
        if whosaid::grammar::cue::verb_lemma(word).is_none() {
            println!("{count} {word}");
        }
    }
}
