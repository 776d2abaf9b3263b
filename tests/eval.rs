//! End-to-end tests of `whosaid eval` on a tiny hand-made gold, with numbers worked out by hand.

use std::fs;
mod common;

use common::{code, stderr, stdout, whosaid};

use serde_json::{Value, json};

//                    0         1         2         3         4         5
//                    0123456789012345678901234567890123456789012345678901234
const TEXT_A: &str = "\"We will win,\" Smith said. Jones said the plan works.";
const TEXT_B: &str = "No quotes at all here.";

/// Doc `a`: a1 = "We will win," (1..13, direct; Smith 15..20, "Bob Smith", said 21..25) and
/// a2 = "the plan works" (38..52, indirect; Jones 27..32, said 33..37). Doc `b`: no quotes.
fn gold_jsonl() -> String {
    let a = json!({
        "id": "a", "publisher": "nyt", "title": null, "date": "2016-05-01", "text": TEXT_A,
        "quotes": [
            {"content": [[1, 13]], "content_text": "We will win,", "direct": true,
             "speaker": [[15, 20]], "speaker_text": "Smith", "speaker_name": "Bob Smith",
             "cue": [[21, 25]], "cue_text": "said", "note": "ignored"},
            {"content": [[38, 52]], "content_text": "the plan works", "direct": false,
             "speaker": [[27, 32]], "speaker_text": "Jones", "speaker_name": null,
             "cue": [[33, 37]], "cue_text": "said"}
        ]
    });
    let b = json!({"id": "b", "text": TEXT_B, "quotes": []});
    format!("{a}\n{b}\n")
}

/// p1 covers a1 with the right speaker, name and cue; p2 covers 10/14 of a2 with the right
/// speaker and no cue; p3 is a false positive in `b`; p4 is for a document not in the gold.
const PRED_CSV: &str = "\
doc,quote,kind,speaker,speaker_name,cue,quote_start,quote_end,speaker_start,speaker_end,cue_start,cue_end
a,\"We will win,\",direct,Smith,Mr. Bob Smith,said,0,14,15,20,21,25
a,plan works,indirect,Jones,,,42,52,27,32,,
b,No quotes,indirect,,,,0,9,,,,
zzz,x,direct,,,,0,1,,,,
";

fn pred_jsonl() -> String {
    let rows = [
        json!({"doc": "a", "quote_start": 0, "quote_end": 14, "speaker_start": 15,
               "speaker_end": 20, "speaker_name": "Mr. Bob Smith", "cue_start": 21, "cue_end": 25}),
        json!({"doc": "a", "quote_start": 42, "quote_end": 52, "speaker_start": 27,
               "speaker_end": 32, "speaker_name": null, "cue_start": null, "cue_end": null}),
        json!({"doc": "b", "quote_start": 0, "quote_end": 9}),
        json!({"doc": "zzz", "quote_start": 0, "quote_end": 1}),
    ];
    rows.iter().map(|r| format!("{r}\n")).collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("gold.jsonl"), gold_jsonl()).unwrap();
    fs::write(dir.path().join("pred.csv"), PRED_CSV).unwrap();
    fs::write(dir.path().join("pred.jsonl"), pred_jsonl()).unwrap();
    // No extension: told by its first byte.
    fs::write(dir.path().join("pred.table"), pred_jsonl()).unwrap();
    dir
}

fn close(a: &Value, b: f64) -> bool {
    (a.as_f64().unwrap() - b).abs() < 1e-9
}

/// Checks the JSON report against the numbers worked out by hand:
///
/// - all@0.3: a1←p1 (1.0), a2←p2 (10/14 = 0.71); p3 unmatched: TP 2, FP 1, FN 0;
///   P 2/3, R 1, F1 0.8; speaker 2/2, name 1/1 (a2 has no name), cue 1/2 (p2 has none).
/// - all@0.8: a2's 0.71 is too little: TP 1, FP 2, FN 1; P 1/3, R 1/2, F1 0.4; 1/1 each.
/// - direct: gold {a1}, predictions with a quotation mark {p1}: TP 1, FP 0, FN 0 at both.
fn check_report(v: &Value) {
    assert_eq!(v["documents"], 2);
    assert_eq!(v["gold_quotes"], 2);
    assert_eq!(v["gold_direct"], 1);
    assert_eq!(v["predictions"], 3);
    assert_eq!(v["predictions_direct"], 1);
    assert_eq!(v["ignored_predictions"], 1);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let expect = [
        (
            "all",
            0.3,
            [2, 1, 0],
            [2.0 / 3.0, 1.0, 0.8],
            [(2, 2), (1, 1), (1, 2)],
        ),
        (
            "all",
            0.8,
            [1, 2, 1],
            [1.0 / 3.0, 0.5, 0.4],
            [(1, 1), (1, 1), (1, 1)],
        ),
        (
            "direct",
            0.3,
            [1, 0, 0],
            [1.0, 1.0, 1.0],
            [(1, 1), (1, 1), (1, 1)],
        ),
        (
            "direct",
            0.8,
            [1, 0, 0],
            [1.0, 1.0, 1.0],
            [(1, 1), (1, 1), (1, 1)],
        ),
    ];
    for (row, (subset, threshold, tfn, prf, acc)) in rows.iter().zip(expect) {
        assert_eq!(row["subset"], subset);
        assert!(close(&row["threshold"], threshold));
        assert_eq!(
            [&row["tp"], &row["fp"], &row["fn"]],
            tfn.map(Value::from).each_ref()
        );
        assert!(close(&row["precision"], prf[0]), "{row}");
        assert!(close(&row["recall"], prf[1]), "{row}");
        assert!(close(&row["f1"], prf[2]), "{row}");
        for (key, (correct, total)) in ["speaker", "speaker_name", "cue"].iter().zip(acc) {
            assert_eq!(row[key]["correct"], correct, "{key} {row}");
            assert_eq!(row[key]["total"], total, "{key} {row}");
            assert!(close(&row[key]["accuracy"], correct as f64 / total as f64));
        }
    }
}

#[test]
fn scores_a_csv_table_as_a_readable_table() {
    let dir = setup();
    let out = whosaid(&["eval", "gold.jsonl", "pred.csv"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("subset"), "{text}");
    assert_eq!(
        lines[1],
        "all      0.3   0.667  1.000  0.800      2     1     0  1.000 (2/2)          \
         1.000 (1/1)          0.500 (1/2)"
    );
    assert!(lines[2].starts_with("all      0.8   0.333  0.500  0.400      1     2     1"));
    assert!(lines[3].starts_with("direct   0.3   1.000  1.000  1.000      1     0     0"));
    assert!(text.contains("2 documents, 2 gold quotes (1 direct), 3 predictions"));
    assert!(!text.contains("documents/s"), "no timing for a given table");
    assert!(
        stderr(&out).contains("1 predictions for 1 documents not in the gold"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_is_the_same_for_csv_jsonl_sniffed_and_stdin_tables() {
    let dir = setup();
    let mut reports = Vec::new();
    for pred in ["pred.csv", "pred.jsonl", "pred.table"] {
        let out = whosaid(&["eval", "gold.jsonl", pred, "--json"], dir.path(), None);
        assert_eq!(code(&out), 0, "{pred}: {}", stderr(&out));
        reports.push(stdout(&out));
    }
    let out = whosaid(
        &["eval", "--json", "gold.jsonl", "-"],
        dir.path(),
        Some(pred_jsonl().as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    reports.push(stdout(&out));
    for report in &reports {
        assert_eq!(report.lines().count(), 1, "one JSON object");
        let v: Value = serde_json::from_str(report).unwrap();
        check_report(&v);
        assert_eq!(v["docs_per_second"], Value::Null);
    }
}

#[test]
fn errors_file_lists_misses_false_alarms_and_wrong_parts() {
    let dir = setup();
    let out = whosaid(
        &["eval", "gold.jsonl", "pred.csv", "--errors", "errors.jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let errors = fs::read_to_string(dir.path().join("errors.jsonl")).unwrap();
    let records: Vec<Value> = errors
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // At 0.3, subset all: a2 is matched without a cue (wrong_cue) and p3 is a false
    // positive; subset direct has no error.
    assert_eq!(records.len(), 2, "{errors}");
    let cue = &records[0];
    assert_eq!(cue["kind"], "wrong_cue");
    assert_eq!(cue["subset"], "all");
    assert_eq!(cue["doc"], "a");
    assert_eq!(cue["text"], "the plan works");
    assert_eq!(
        cue["gold"],
        json!([{"start": 33, "end": 37, "text": "said"}])
    );
    assert_eq!(cue["predicted"], Value::Null);
    assert!(close(&cue["coverage"], 10.0 / 14.0));
    assert_eq!(cue["context_after"], ".");
    let fp = &records[1];
    assert_eq!(fp["kind"], "false_positive");
    assert_eq!(fp["doc"], "b");
    assert_eq!(fp["text"], "No quotes");
    assert_eq!(fp["context_after"], " at all here.");
    assert_eq!(fp["best_gold"], Value::Null);
    assert_eq!(fp["quote_kind"], "indirect");
}

#[test]
fn without_pred_it_analyzes_the_gold_texts_and_times_them() {
    let dir = setup();
    for threads in ["1", "2"] {
        let out = whosaid(
            &[
                "eval",
                "gold.jsonl",
                "--json",
                "--threads",
                threads,
                "--errors",
                "e.jsonl",
            ],
            dir.path(),
            None,
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["documents"], 2);
        assert!(v["docs_per_second"].as_f64().unwrap() > 0.0);
        assert_eq!(v["analysis"]["threads"], threads.parse::<u64>().unwrap());
        // `"We will win," Smith said.` is the simplest of quotes: found, with its speaker.
        let direct = &v["rows"][2];
        assert_eq!(direct["subset"], "direct");
        assert_eq!(direct["tp"], 1, "{v}");
        assert_eq!(direct["speaker"]["correct"], 1, "{v}");
        for line in fs::read_to_string(dir.path().join("e.jsonl"))
            .unwrap()
            .lines()
        {
            let record: Value = serde_json::from_str(line).unwrap();
            assert!(record["kind"].is_string() && record["doc"].is_string());
        }
    }
    let out = whosaid(&["eval", "gold.jsonl"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("documents/s"), "{}", stdout(&out));
}

#[test]
fn a_brat_folder_is_gold_too() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    fs::create_dir_all(&brat).unwrap();
    fs::write(brat.join("a.txt"), TEXT_A).unwrap();
    fs::write(
        brat.join("a.ann"),
        "T1\tSource 15 20\tSmith\nT2\tCue 21 25\tsaid\nT3\tContent 1 13\tWe will win,\n\
         R1\tSource Arg1:T2 Arg2:T1\nR2\tContent Arg1:T2 Arg2:T3\n\
         T4\tSource 27 32\tJones\nT5\tCue 33 37\tsaid\nT6\tContent 38 52\tthe plan works\n\
         E1\tAttribution:T5 Source:T4 Content:T6\n",
    )
    .unwrap();
    // The ids are the .txt paths, as `whosaid analyze brat/` names them.
    let csv = PRED_CSV.replace("\na,", "\na.txt,");
    fs::write(dir.path().join("pred.csv"), csv).unwrap();
    let out = whosaid(&["eval", "brat", "pred.csv", "--json"], dir.path(), None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(v["gold_direct"], 1);
    // Doc b is not in this gold: p3 and p4 are not scored. all@0.3: TP 2, FP 0, FN 0; no
    // names in BRAT gold.
    assert_eq!(v["ignored_predictions"], 2);
    let row = &v["rows"][0];
    assert_eq!(
        [&row["tp"], &row["fp"], &row["fn"]],
        [&json!(2), &json!(0), &json!(0)]
    );
    assert_eq!(row["speaker_name"]["total"], 0);
    assert_eq!(row["speaker_name"]["accuracy"], Value::Null);
    assert_eq!(row["cue"]["correct"], 1);
}

#[test]
fn bad_input_and_usage_have_their_exit_codes() {
    let dir = setup();
    // Usage: --threads only makes sense without PRED; a missing GOLD.
    let out = whosaid(
        &["eval", "gold.jsonl", "pred.csv", "--threads", "2"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = whosaid(&["eval"], dir.path(), None);
    assert_eq!(code(&out), 2);
    // The errors file must not clobber an input.
    let out = whosaid(
        &["eval", "gold.jsonl", "pred.csv", "--errors", "pred.csv"],
        dir.path(),
        None,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("pred.csv")).unwrap(),
        PRED_CSV
    );
    // Failures: no such gold; a bad row; a span past the end of the text.
    let out = whosaid(&["eval", "missing.jsonl", "pred.csv"], dir.path(), None);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with("whosaid: missing.jsonl: "),
        "{}",
        stderr(&out)
    );
    fs::write(
        dir.path().join("bad.csv"),
        "doc,quote_start,quote_end\na,one,2\n",
    )
    .unwrap();
    let out = whosaid(&["eval", "gold.jsonl", "bad.csv"], dir.path(), None);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with("whosaid: bad.csv:2: "),
        "{}",
        stderr(&out)
    );
    fs::write(
        dir.path().join("far.csv"),
        "doc,quote_start,quote_end\nb,0,500\n",
    )
    .unwrap();
    let out = whosaid(&["eval", "gold.jsonl", "far.csv"], dir.path(), None);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("runs past the end of the text"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}
