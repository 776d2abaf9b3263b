//! End-to-end tests of the `whosaid` binary on temporary corpora.

use std::fs;
use std::io::Write;
use std::path::Path;
mod common;

use common::{code, stderr, stdout, whosaid};
use std::process::{Command, Stdio};

use whosaid::export::COLUMNS;

fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

/// The `doc` column of a CSV quote table, checking the header on the way.
fn csv_docs(csv_text: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<&str> = reader.headers().unwrap().iter().collect();
    assert_eq!(header, COLUMNS);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), COLUMNS.len());
            r[0].to_string()
        })
        .collect()
}

/// Checks that the docs of the rows come in the order of `expected` (each doc's rows together,
/// docs without quotes skipped).
fn assert_in_order(rows: &[String], expected: &[&str]) {
    let mut next = 0;
    let mut last: Option<&str> = None;
    for doc in rows {
        if last == Some(doc.as_str()) {
            continue;
        }
        let pos = expected[next..]
            .iter()
            .position(|e| e == doc)
            .unwrap_or_else(|| panic!("row for {doc:?} out of order or unknown in {expected:?}"));
        next += pos + 1;
        last = Some(doc.as_str());
    }
}

const STORY: &str = "\"We will win,\" Smith said. The mayor said the city was ready.\n\n\
                     \"It is a great day for all of us,\" Jones told reporters.\n";

/// A nested tree: .txt files at several depths, a .jsonl file, and a file to skip.
fn nested_corpus(root: &Path) -> Vec<&'static str> {
    write(root, "b.txt", STORY);
    write(root, "a/2.txt", STORY);
    write(root, "a/1/x.txt", STORY);
    write(
        root,
        "a/3.jsonl",
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "j-one", "text": STORY, "publisher": "nyt", "quotes": []}),
            serde_json::json!({"id": "j-two", "text": STORY, "title": null}),
        ),
    );
    write(root, "c/readme.md", "not a corpus file");
    vec!["a/1/x.txt", "a/2.txt", "j-one", "j-two", "b.txt"]
}

#[test]
fn csv_of_a_nested_tree_has_the_exact_header_and_rows_in_walk_order() {
    let dir = tempfile::tempdir().unwrap();
    let expected = nested_corpus(&dir.path().join("corpus"));
    let out = whosaid(&["analyze", "corpus"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().next().unwrap(),
        "doc,publication,quote,kind,speaker,speaker_name,speaker_kind,cue,medium,\
         reported_by,paragraph,quote_start,quote_end,speaker_start,speaker_end,cue_start,cue_end,\
         speaker_gender"
    );
    assert_in_order(&csv_docs(&text), &expected);
    assert!(
        stderr(&out).contains("5 documents read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn jsonl_lines_are_objects_with_the_18_columns() {
    let dir = tempfile::tempdir().unwrap();
    let expected = nested_corpus(dir.path());
    let out = whosaid(&["analyze", "--format", "jsonl", "."], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut docs = Vec::new();
    for line in stdout(&out).lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let object = value.as_object().expect("an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut columns = COLUMNS.to_vec();
        keys.sort_unstable();
        columns.sort_unstable();
        assert_eq!(keys, columns);
        docs.push(object["doc"].as_str().unwrap().to_string());
    }
    assert_in_order(&docs, &expected);
}

#[test]
fn dash_reads_jsonl_from_stdin_with_the_record_ids() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": "first", "text": STORY}),
        serde_json::json!({"id": "second", "text": STORY, "publisher": "Reuters"}),
        serde_json::json!({"id": "third", "text": "No quotes here."}),
    );
    let out = whosaid(&["analyze", "-"], dir.path(), Some(input.as_bytes()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_in_order(&csv_docs(&stdout(&out)), &["first", "second", "third"]);
    assert!(
        stderr(&out).contains("3 documents read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn one_or_two_threads_give_byte_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "Smith",
        "Jones",
        "the mayor",
        "a spokeswoman",
        "Rex Tillerson",
    ];
    let mut jsonl = String::new();
    for i in 0..50 {
        let name = names[i % names.len()];
        let mut text = format!("Story {i}.\n\n");
        for p in 0..(i % 4 + 1) {
            text.push_str(&format!(
                "\"We will win round {p}, and soon,\" {name} said. {name} said that the team \
                 would \"never give up\" on {i}.\n\n"
            ));
        }
        if i % 2 == 0 {
            write(
                dir.path(),
                &format!("corpus/{:02}/s{i:02}.txt", i / 10),
                &text,
            );
        } else {
            let record = serde_json::json!({"id": format!("rec{i}"), "text": text});
            jsonl.push_str(&format!("{record}\n"));
        }
    }
    write(dir.path(), "corpus/records.jsonl", &jsonl);
    for format in ["csv", "jsonl"] {
        let run = |threads: &str| {
            let out = whosaid(
                &[
                    "analyze",
                    "corpus",
                    "--format",
                    format,
                    "--threads",
                    threads,
                ],
                dir.path(),
                None,
            );
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            assert!(
                stderr(&out).contains("50 documents read"),
                "{}",
                stderr(&out)
            );
            out.stdout
        };
        let one = run("1");
        assert_eq!(one, run("2"), "{format}: --threads 1 and 2 differ");
        assert_eq!(one, run("2"), "{format}: two runs with 2 threads differ");
    }
}

#[test]
fn invalid_utf8_is_a_warning_naming_the_file_and_is_still_analyzed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "corpus/good.txt", STORY);
    write(
        dir.path(),
        "corpus/latin1.txt",
        b"\"Caf\xE9 prices will rise,\" the owner said.\n",
    );
    let out = whosaid(&["analyze", "corpus"], dir.path(), None);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let warning = err
        .lines()
        .find(|l| l.contains("warning"))
        .expect("a warning");
    assert!(warning.contains("latin1.txt"), "{warning}");
    assert!(warning.starts_with("whosaid: "), "{warning}");
    assert!(err.contains("2 documents read"), "{err}");
    assert_in_order(&csv_docs(&stdout(&out)), &["good.txt", "latin1.txt"]);
}

#[test]
fn a_malformed_jsonl_line_is_reported_with_file_and_line_and_the_rest_is_analyzed() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n{}\n",
        serde_json::json!({"id": "one", "text": STORY}),
        serde_json::json!({"id": "three", "text": STORY}),
    );
    write(dir.path(), "data.jsonl", input);
    let out = whosaid(&["analyze", "data.jsonl"], dir.path(), None);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("whosaid: data.jsonl:2: ")),
        "{err}"
    );
    assert!(err.contains("2 documents read"), "{err}");
    assert!(err.contains("1 failed"), "{err}");
    assert_in_order(&csv_docs(&stdout(&out)), &["one", "three"]);
}

#[test]
fn a_missing_path_fails_with_a_message_and_the_other_inputs_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "here.txt", STORY);
    let out = whosaid(&["analyze", "nowhere", "here.txt"], dir.path(), None);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.lines().any(|l| l.starts_with("whosaid: nowhere: ")),
        "{err}"
    );
    assert!(err.contains("1 document read"), "{err}");
    assert_eq!(stdout(&out).lines().next().unwrap(), COLUMNS.join(","));
}

#[test]
fn an_unsupported_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "table.csv", "a,b\n");
    let out = whosaid(&["analyze", "table.csv"], dir.path(), None);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("table.csv: unsupported file type"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", STORY);
    for args in [
        &["analyze", "a.txt", "--no-such-option"][..],
        &["analyze"],
        &[],
        &["analyse", "a.txt"],
        &["analyze", "a.txt", "--format", "xml"],
        &["analyze", "a.txt", "--threads", "0"],
        &["analyze", "a.txt", "--threads", "many"],
    ] {
        let out = whosaid(args, dir.path(), None);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["--help"][..], &["analyze", "--help"], &["--version"]] {
        let out = whosaid(args, dir.path(), None);
        assert_eq!(code(&out), 0, "{args:?}");
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn output_option_writes_the_file_and_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "corpus/a.txt", STORY);
    let out = whosaid(&["analyze", "corpus", "-o", "quotes.csv"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
    assert_in_order(&csv_docs(&written), &["a.txt"]);

    let out = whosaid(
        &[
            "analyze", "corpus", "--output", "q.jsonl", "--format", "jsonl",
        ],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(dir.path().join("q.jsonl").is_file());
}

#[test]
fn an_output_file_inside_the_corpus_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "corpus/a.txt", STORY);
    for _ in 0..2 {
        let out = whosaid(
            &["analyze", "corpus", "-o", "corpus/out.jsonl", "-f", "jsonl"],
            dir.path(),
            None,
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stderr(&out).contains("1 document read"), "{}", stderr(&out));
    }
}

#[test]
fn an_input_is_never_overwritten_by_the_output() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
    let out = whosaid(&["analyze", "a.jsonl", "-o", "a.jsonl"], dir.path(), None);
    assert_eq!(code(&out), 2);
    assert_eq!(
        fs::read_to_string(dir.path().join("a.jsonl")).unwrap(),
        "{\"id\": \"a\", \"text\": \"x\"}\n"
    );
}

#[test]
fn quiet_prints_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", STORY);
    let out = whosaid(&["analyze", "--quiet", "a.txt"], dir.path(), None);
    assert_eq!(code(&out), 0);
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_closed_stdout_pipe_is_a_normal_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["analyze", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before anything is written: the first write (the header, flushed
    // after the first batch) hits a closed pipe.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..300 {
        let record = serde_json::json!({"id": format!("d{i}"), "text": STORY});
        if writeln!(stdin, "{record}").is_err() {
            break;
        }
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}
