//! `whosaid stats` and `whosaid report` from the command line: the counts agree with the
//! quote table of `whosaid analyze` on the same corpus, and a report directory inside an
//! input directory is refused.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{code, stderr, stdout, whosaid};
use whosaid::Quote;

/// A copy of the first `n` articles of `corpus/` in `dir/corpus`.
fn corpus(dir: &Path, n: usize) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let to = dir.join("corpus");
    std::fs::create_dir(&to).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(&from)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|f| f.to_string_lossy().ends_with(".txt"))
        .collect();
    names.sort();
    for name in names.into_iter().take(n) {
        std::fs::copy(from.join(&name), to.join(&name)).unwrap();
    }
}

fn quotes(dir: &Path) -> Vec<Quote> {
    let out = whosaid(&["analyze", "corpus", "--format", "jsonl", "-q"], dir, None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_table_counts_what_analyze_finds() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 12);
    let quotes = quotes(dir.path());
    let out = whosaid(&["stats", "corpus", "--top", "3"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        table.starts_with(&format!("12 documents, {} quotes\n", quotes.len())),
        "{table}"
    );
    let direct = quotes
        .iter()
        .filter(|q| q.kind == whosaid::QuoteKind::Direct)
        .count();
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with("direct "))
        .unwrap();
    assert_eq!(
        line.split_whitespace().nth(1),
        Some(direct.to_string().as_str()),
        "{line}"
    );
    assert!(table.contains("\ntop 3 speakers ("), "{table}");
    assert!(
        stderr(&out).contains(&format!("{} quotes found", quotes.len())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_csv_has_the_quotes_of_each_speaker_in_each_publication() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 40);
    let quotes = quotes(dir.path());
    let out = whosaid(
        &["stats", "corpus", "--format", "csv", "-q"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let csv = stdout(&out);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.first().map(String::as_str), Some("speaker"));
    assert_eq!(header.last().map(String::as_str), Some("total"));
    let mut table: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut total = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let mut sum = 0;
        for (i, publication) in header.iter().enumerate().take(header.len() - 1).skip(1) {
            let n: usize = record[i].parse().unwrap();
            sum += n;
            if n > 0 {
                table.insert((record[0].to_string(), publication.clone()), n);
            }
        }
        assert_eq!(record[header.len() - 1].parse::<usize>().unwrap(), sum);
        total += sum;
    }
    assert_eq!(total, quotes.len());
    let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
    for q in &quotes {
        let speaker = q.speaker_name.clone().unwrap_or("(no speaker name)".into());
        let publication = q.publication.clone().unwrap_or("(no publication)".into());
        *expected.entry((speaker, publication)).or_default() += 1;
    }
    assert_eq!(table, expected);
}

#[test]
fn the_report_writes_one_page_per_article_and_refuses_a_directory_inside_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 3);
    let out = whosaid(&["report", "corpus", "-o", "corpus/site"], dir.path(), None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the report directory is inside this input"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("corpus/site").exists());

    let out = whosaid(&["report", "corpus", "-o", "site"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("report of 3 documents written to site/index.html"));
    let mut pages: Vec<String> = std::fs::read_dir(dir.path().join("site/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(pages, ["00001.html", "00002.html", "00003.html"]);
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    for page in pages {
        assert!(
            index.contains(&format!("href=\"articles/{page}\"")),
            "{page}"
        );
    }
}
