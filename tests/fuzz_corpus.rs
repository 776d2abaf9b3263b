//! Replays the saved corpus of the fuzz target (`fuzz/corpus/analyze/`, seeds and the inputs
//! that fuzzing found interesting) on stable Rust: each file goes through
//! `whosaid::invariants::check_bytes`, exactly what `fuzz/fuzz_targets/analyze.rs` runs.

use std::fs;
use std::path::Path;

#[test]
fn the_fuzz_corpus_replays_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/analyze");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("the fuzz corpus is committed")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "only {} files in {}",
        files.len(),
        dir.display()
    );
    let mut failures = Vec::new();
    for path in &files {
        let data = fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| whosaid::invariants::check_bytes(&data));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{}: {e}", path.display())),
            Err(_) => failures.push(format!("{}: panicked", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
