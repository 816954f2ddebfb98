//! `--summary`: the table, its JSON, and the counts against the library's own reading.

use msdk_error_codes::{Api, MsdkResponse};
use serde_json::Value;

use super::{Files, cli, run};

const LOG: &str = "\
t=1 api=/share/qq {\"ret\":100000,\"msg\":\"鉴权错误\"}
t=2 api=/share/qq {\"ret\":100000,\"msg\":\"鉴权错误\"}
t=3 api=/auth {\"ret\":-10000,\"msg\":\"-73,x\",\"err_type\":2}
t=4 api=/auth {\"ret\":0,\"msg\":\"success\"}

not a response
t=6 api=/gift {\"ret\":-10002,\"msg\":\"x\",\"err_type\":2}
t=7 api=/gift {\"ret\":-10002,\"msg\":\"x\"}
t=8 api=/gift {\"ret\":-10002,\"msg\":\"x\",\"err_type\":5}
";

fn summary(args: &[&str], input: &str) -> (u8, Value, String) {
    let mut all = vec!["--summary", "--json"];
    all.extend_from_slice(args);
    let (status, out, err) = run(&all, input);
    assert_eq!(out.lines().count(), 1, "one JSON object: {out}");
    (status, serde_json::from_str(&out).unwrap(), err)
}

/// (count, label, decision) of each row.
fn rows(report: &Value) -> Vec<(u64, String, String)> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["count"].as_u64().unwrap(),
                r["label"].as_str().unwrap().to_owned(),
                r["decision"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn row(count: u64, label: &str, decision: &str) -> (u64, String, String) {
    (count, label.to_owned(), decision.to_owned())
}

#[test]
fn counts_by_label_and_decision_most_frequent_first() {
    let (status, report, err) = summary(&["--api", "auto"], LOG);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(err, "line 6: no JSON object (no '{') in the line\n");
    assert_eq!(
        (
            &report["lines"],
            &report["responses"],
            &report["bad_lines"],
            &report["blank_lines"]
        ),
        (
            &Value::from(9),
            &Value::from(7),
            &Value::from(1),
            &Value::from(1)
        )
    );
    // /gift is generic: -10002 is the logic table's invalid openid there, and the
    // server's err_type 2 makes one of its three re-authorize, a row of its own.
    assert_eq!(
        rows(&report),
        [
            row(2, "logic.-10002", "fail"),
            row(2, "qq_share.100000", "reauthorize"),
            row(1, "access.0", "success"),
            row(1, "logic.-10002", "reauthorize"),
            row(1, "qq_platform.-73", "reauthorize"),
        ]
    );
    let first = &report["rows"][1];
    assert_eq!(first["name"], "AuthenticationFailed");
    assert_eq!(first["share"], 0.2857);
    assert!(
        first["description_en"]
            .as_str()
            .unwrap()
            .starts_with("Authentication")
    );
    let by_decision: Vec<(String, u64)> = report["by_decision"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["decision"].as_str().unwrap().to_owned(),
                t["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by_decision,
        [
            ("reauthorize".to_owned(), 4),
            ("fail".to_owned(), 2),
            ("success".to_owned(), 1)
        ]
    );

    // Without auto, /share/qq's 100000 reads as the generic tables do.
    let (_, report, _) = summary(&[], LOG);
    assert!(rows(&report).contains(&row(2, "access.undocumented", "fail")));
}

#[test]
fn the_table_for_people() {
    let (status, out, _) = run(&["--summary", "--api", "auto"], LOG);
    assert_eq!(status, cli::BAD_INPUT);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "9 lines read: 7 responses, 1 bad line, 1 blank line"
    );
    assert!(lines[2].starts_with("count   share  label"), "{out}");
    assert!(lines[2].ends_with("decision     description"), "{out}");
    assert!(
        lines[4].starts_with("    2   28.6%  qq_share.100000  AuthenticationFailed"),
        "{out}"
    );
    assert!(lines[4].contains("  reauthorize  Authentication"), "{out}");
    assert!(
        out.contains("\nby decision\n    4   57.1%  reauthorize\n"),
        "{out}"
    );
    // Undocumented rows have no name.
    let (_, out, _) = run(&["--summary"], "{\"ret\":-2345}\n");
    assert!(
        out.contains("1  100.0%  logic.undocumented.server  -     retry_later  undocumented logic code in the server range"),
        "{out}"
    );
}

#[test]
fn empty_input_and_bad_lines() {
    let (status, report, err) = summary(&[], "");
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(report["lines"], 0);
    assert_eq!(report["rows"], Value::Array(Vec::new()));

    // The first ten bad lines are reported, all are counted.
    let input = "bad\n".repeat(25) + "{\"ret\":0}\n";
    let (status, report, err) = summary(&[], &input);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(report["bad_lines"], 25);
    assert_eq!(report["responses"], 1);
    let errors: Vec<&str> = err.lines().collect();
    assert_eq!(errors.len(), cli::SUMMARY_REPORTED as usize + 1, "{err}");
    assert_eq!(errors[9], "line 10: no JSON object (no '{') in the line");
    assert_eq!(errors[10], "msdk-explain: 15 more bad lines not shown");
}

#[test]
fn overrides_change_the_decisions_counted() {
    let files = Files::new("summary");
    let path = files.write(
        "overrides.json",
        r#"[{"layer":"qq_share","code":100000,"err_type":1,"action":"retry_later","description_en":"Flaky auth"}]"#,
    );
    let (_, report, _) = summary(&["--api", "auto", "--overrides", &path], LOG);
    assert!(rows(&report).contains(&row(2, "qq_share.100000", "retry_later")));
    let overridden = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "qq_share.100000")
        .unwrap();
    assert_eq!(overridden["description_en"], "Flaky auth");
}

#[test]
fn the_counts_are_the_librarys() {
    // A generated mixed log, counted again here by the library alone: every line holds
    // one response after `api=<path> resp=`.
    let paths = ["/share/qq", "/share/qzone", "/auth/login", "/share/other"];
    let bodies = [
        r#"{"ret":100000,"msg":"鉴权错误"}"#,
        r#"{"ret":-10000,"msg":"-73,x","err_type":2}"#,
        r#"{"ret":-10002,"msg":"x","err_type":1}"#,
        r#"{"ret":0,"msg":"ok"}"#,
        r#"{"ret":-20000,"msg":"61451,x"}"#,
        r#"{"ret":1031,"msg":"x"}"#,
        r#"{"ret":-503}"#,
    ];
    let mut log = String::new();
    let mut want = std::collections::BTreeMap::new();
    for n in 0..2000usize {
        let (path, body) = (paths[n % 4], bodies[(n * 7 / 3) % bodies.len()]);
        log.push_str(&format!("n={n} api={path} resp={body}\n"));
        let response = MsdkResponse::from_json(body).unwrap();
        let c = response.classify_for(Api::from_path(path));
        *want
            .entry((c.label(), c.decision().as_str()))
            .or_insert(0u64) += 1;
    }
    let (status, report, _) = summary(&["--api", "auto"], &log);
    assert_eq!(status, 0);
    let got: std::collections::BTreeMap<(&str, &str), u64> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                (
                    r["label"].as_str().unwrap(),
                    r["decision"].as_str().unwrap(),
                ),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(report["responses"], 2000);
}
