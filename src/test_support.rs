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
