//! Streaming mode (`--format jsonl` with an input from stdin) and `--paths-from`, end to end.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

mod common;

use common::{code, stderr, stdout, whosaid};
use serde_json::Value;

const STORY: &str = "\"We will win,\" Smith said. The mayor said the city was ready.\n\n\
                     \"It is a great day for all of us,\" Jones told reporters.\n";

/// The bundled corpus.
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn spawn(args: &[&str], cwd: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid")
}

/// Runs whosaid with `input` written on stdin by a thread of its own, so that a large
/// output, written as the input comes, never blocks the writer.
fn run_fed(args: &[&str], cwd: &Path, input: Vec<u8>) -> Output {
    let mut child = spawn(args, cwd);
    let mut pipe = child.stdin.take().unwrap();
    let writer = thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

/// The JSON values of the lines of `text`.
fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn record(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

#[test]
fn quotes_come_out_as_each_document_is_read_while_stdin_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn(&["analyze", "--format", "jsonl", "-"], dir.path());
    let mut input = child.stdin.take().unwrap();
    let output = BufReader::new(child.stdout.take().unwrap());
    // Lines read by a thread, so that a stalled whosaid fails the test instead of hanging it.
    let (lines, received) = mpsc::channel();
    let reader = thread::spawn(move || {
        for line in output.lines() {
            if lines.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let next = || -> Value {
        let line = received
            .recv_timeout(Duration::from_secs(60))
            .expect("a quote while stdin is still open");
        serde_json::from_str(&line).unwrap()
    };

    input
        .write_all(record("first", "\"We will win,\" Smith said.").as_bytes())
        .unwrap();
    input.flush().unwrap();
    let row = next();
    assert_eq!(
        (&row["doc"], &row["quote"]),
        (&"first".into(), &"We will win,".into())
    );

    // A bad record in the middle: reported, and the stream goes on.
    input.write_all(b"{\"id\": \"broken\", \n").unwrap();
    input
        .write_all(record("second", "\"Not today,\" Jones said.").as_bytes())
        .unwrap();
    input.flush().unwrap();
    let row = next();
    assert_eq!(
        (&row["doc"], &row["speaker"]),
        (&"second".into(), &"Jones".into())
    );

    drop(input);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(received.try_recv().is_err(), "no more rows");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    let messages = json_lines(&err);
    assert_eq!(messages.len(), 2, "{err}");
    assert_eq!(messages[0]["line"], 2);
    assert_eq!(messages[0]["path"], "<stdin>");
    assert_eq!(messages[0]["skipped"], false);
    assert!(
        messages[0]["error"].as_str().unwrap().contains("EOF"),
        "{err}"
    );
    assert_eq!(
        messages[1],
        serde_json::json!({"summary": {"documents": 2, "skipped": 0, "failed": 1, "quotes": 2,
            "warnings": 0}})
    );
    assert_eq!(status.code(), Some(1), "a record failed");
}

#[test]
fn streaming_gives_the_rows_of_a_file_run_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..400 {
        // Texts of varied length, so that documents finish out of order in the pool.
        let text = STORY.repeat(1 + i % 7);
        input.push_str(&record(&format!("d{i}"), &text));
    }
    fs::write(dir.path().join("articles.jsonl"), &input).unwrap();
    let args = ["analyze", "--format", "jsonl", "--threads", "2", "--quiet"];
    let from_file = whosaid(&[&args[..], &["articles.jsonl"]].concat(), dir.path(), None);
    assert_eq!(code(&from_file), 0, "{}", stderr(&from_file));
    let streamed = run_fed(&[&args[..], &["-"]].concat(), dir.path(), input.into());
    assert_eq!(code(&streamed), 0, "{}", stderr(&streamed));
    assert_eq!(stderr(&streamed), "");
    assert!(json_lines(&stdout(&from_file)).len() > 1000);
    assert_eq!(stdout(&streamed), stdout(&from_file));
}

#[test]
fn every_message_of_the_stream_is_a_json_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = [
        record("ok", STORY),
        "{\"id\": \"no-text\"}\n".to_string(),
        record("huge", &"x".repeat(2000)),
    ]
    .concat();
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xE9\"}\n");
    let out = run_fed(
        &["analyze", "--format", "jsonl", "--max-doc-bytes", "1K", "-"],
        dir.path(),
        bytes,
    );
    assert_eq!(code(&out), 1);
    let mut messages = json_lines(&stderr(&out));
    // Warnings come from the reader, which reads ahead: they may come before the errors of
    // earlier lines. Errors come in input order, the summary last.
    let summary = messages.pop().unwrap();
    let (warnings, messages): (Vec<Value>, Vec<Value>) = messages
        .into_iter()
        .partition(|m| m.get("warning").is_some());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["line"], 4);
    assert!(messages.iter().all(|m| m.get("error").is_some()));
    let lines: Vec<&Value> = messages.iter().map(|m| &m["line"]).collect();
    assert_eq!(lines, [2, 3]);
    assert_eq!(messages[0]["doc"], "no-text");
    assert_eq!(messages[0]["error"], "missing field `text`");
    assert_eq!(messages[1]["skipped"], true);
    assert_eq!(
        summary,
        serde_json::json!({"summary": {"documents": 2, "skipped": 1, "failed": 1, "quotes": 3,
            "warnings": 1}})
    );
}

#[test]
fn csv_from_stdin_keeps_the_plain_messages() {
    let dir = tempfile::tempdir().unwrap();
    let out = whosaid(
        &["analyze", "-"],
        dir.path(),
        Some(b"{\"id\": \"no-text\"}\n"),
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with("whosaid: <stdin>:1: missing field `text`\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn paths_from_stdin_reads_each_path_as_if_named_on_the_command_line() {
    let corpus = corpus();
    let named = [
        corpus.join("035_cc_news.warc.gz"),
        corpus.join("001_quote_comma_said.txt"),
        corpus.join("034_web_page.html"),
    ];
    let names: Vec<&str> = named.iter().map(|p| p.to_str().unwrap()).collect();
    let dir = tempfile::tempdir().unwrap();
    let direct = whosaid(
        &[&["analyze", "--format", "jsonl", "--quiet"], &names[..]].concat(),
        dir.path(),
        None,
    );
    assert_eq!(code(&direct), 0, "{}", stderr(&direct));
    let list = format!("{}\n\n{}\r\n{}\n", names[0], names[1], names[2]);
    let listed = run_fed(
        &["analyze", "--paths-from", "-", "--format", "jsonl"],
        dir.path(),
        list.into_bytes(),
    );
    assert_eq!(code(&listed), 0, "{}", stderr(&listed));
    assert_eq!(stdout(&listed), stdout(&direct));
    let docs: Vec<Value> = json_lines(&stdout(&listed))
        .into_iter()
        .map(|row| row["doc"].clone())
        .collect();
    assert!(
        docs.iter()
            .any(|d| d.as_str().unwrap().starts_with("https://"))
    );
    assert!(docs.contains(&"001_quote_comma_said.txt".into()));
    let summary = json_lines(&stderr(&listed)).pop().unwrap();
    assert_eq!(
        summary["summary"]["documents"], 5,
        "3 WARC responses, 2 files"
    );
}

#[test]
fn paths_from_a_file_reports_a_missing_path_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), STORY).unwrap();
    fs::write(dir.path().join("list.txt"), "missing.txt\na.txt\n").unwrap();
    let out = whosaid(
        &["analyze", "--paths-from", "list.txt", "-o", "quotes.csv"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.starts_with("whosaid: missing.txt: "), "{err}");
    assert!(
        err.ends_with(
            "whosaid: 1 document read, 0 skipped, 1 failed, 3 quotes found, 0 warnings\n"
        ),
        "{err}"
    );
    let table = fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
    assert_eq!(table.lines().filter(|l| l.starts_with("a.txt,")).count(), 3);
}

#[test]
fn paths_from_takes_the_place_of_paths() {
    let dir = tempfile::tempdir().unwrap();
    let out = whosaid(
        &["analyze", "a.txt", "--paths-from", "list.txt"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = whosaid(&["analyze"], dir.path(), None);
    assert_eq!(code(&out), 2);
    fs::write(dir.path().join("list.txt"), "list.txt\n").unwrap();
    let out = whosaid(
        &["analyze", "--paths-from", "list.txt", "-o", "list.txt"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("the output file is also an input"));
}
