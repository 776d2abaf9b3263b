//! Snapshot tests: the quote table of every article in `corpus/`, one snapshot per file in
//! `snapshots/`.

use whosaid::{Document, analyze};

#[test]
fn corpus_attributions() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("../corpus", "*.txt", |path| {
            let text = std::fs::read_to_string(path).expect("corpus files are UTF-8");
            let id = path.file_name().unwrap().to_string_lossy().into_owned();
            let quotes = analyze(&Document::new(id, text));
            insta::assert_yaml_snapshot!(quotes);
        });
    });
}
