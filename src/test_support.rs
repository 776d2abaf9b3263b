//! Helpers shared by the unit tests.

/// The texts of the bundled `corpus/`: every file that reads as UTF-8 (the articles, the web
/// page, the notes), in file-name order. The few articles in legacy encodings and the
/// compressed archive are left out: they are there for the decoders.
pub(crate) fn corpus_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/ is readable")
        .map(|e| e.expect("a corpus entry").path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(
        texts.len() > 30,
        "the corpus is read ({} texts)",
        texts.len()
    );
    texts
}

/// [`corpus_texts`] and then `extra`, made-up texts for the edge cases of a test.
pub(crate) fn corpus_texts_and(extra: &[&str]) -> Vec<String> {
    let mut texts = corpus_texts();
    texts.extend(extra.iter().map(|t| t.to_string()));
    texts
}

/// A word as written in four ways: as it is, with a capital, in capitals, and with a period
/// after it (an abbreviation, or the end of a sentence).
pub(crate) fn spellings(word: &str) -> [String; 4] {
    let mut capital = word.to_string();
    if let Some(first) = capital.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    [
        word.to_string(),
        capital,
        word.to_ascii_uppercase(),
        format!("{word}."),
    ]
}

/// `extra`, made-up lines for the edge cases of a test, and then every line of
/// [`corpus_texts`].
pub(crate) fn corpus_lines_and(extra: &[&str]) -> Vec<String> {
    let mut lines: Vec<String> = extra.iter().map(|l| l.to_string()).collect();
    for text in corpus_texts() {
        lines.extend(text.lines().map(String::from));
    }
    lines
}

/// The words of the word lists `lists` (as `(class bits, words)` pairs) and then every word
/// of [`corpus_texts`] as [`crate::grammar::words::words`] reads them.
pub(crate) fn list_and_corpus_words(lists: &[(u32, &[&str])]) -> Vec<String> {
    let mut words: Vec<String> = lists
        .iter()
        .flat_map(|(_, list)| list.iter().map(|w| w.to_string()))
        .collect();
    for text in corpus_texts() {
        words.extend(crate::grammar::words::words(&text).map(|(_, w)| w.to_string()));
    }
    words
}
