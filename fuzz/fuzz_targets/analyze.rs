//! The whole analysis of arbitrary bytes: the first byte chooses how the rest is read (a
//! `.txt`, `.html`, `.jsonl` or `.warc` file, plain or compressed), as `whosaid analyze`
//! would read such a file; every document read is analyzed, and the quote table must keep
//! the properties of `whosaid::invariants` (see `whosaid::invariants::check_bytes`).
//! `tests/fuzz_corpus.rs` replays the saved corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = whosaid::invariants::check_bytes(data) {
        panic!("{e}");
    }
});
