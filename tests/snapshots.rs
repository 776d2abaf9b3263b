//! Snapshot tests: the quote table of every article in `corpus/`, one snapshot per file in
//! `snapshots/`. Files are read as `whosaid analyze` reads them (HTML extraction, WARC
//! records, compression, encoding detection), so the snapshots of `.html`, `.warc.gz`,
//! UTF-16 and Windows-1252 files cover the input side too.

use whosaid::analyze;
use whosaid::corpus::{ReadOptions, read_memory};

#[test]
fn corpus_attributions() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("../corpus", "*.{txt,html,htm,jsonl,warc,gz,zst}", |path| {
            let bytes = std::fs::read(path).expect("corpus files are readable");
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let quotes: Vec<_> = read_memory(&name, &bytes, &ReadOptions::default())
                .into_iter()
                .flat_map(|doc| analyze(&doc.expect("corpus files are documents")))
                .collect();
            insta::assert_yaml_snapshot!(quotes);
        });
    });
}
