//! Logs on standard input: a mixed log with `--api auto`, `--no-prefix`, the summary
//! (JSON and the table) against the library's own count, a million lines in bounded
//! memory (peak RSS from `/proc/<pid>/status`) and several braces on a line.

use std::collections::BTreeMap;

use super::{garbage, run_text, spawn};

/// A mixed gateway log: `n` lines over four endpoints and eight responses, every 97th
/// line garbage and every 101st blank, from the xorshift sequence of `garbage`.
fn mixed_log(n: usize) -> String {
    const PATHS: [&str; 4] = [
        "/share/qq",
        "/auth/verify_login",
        "/share/qzone",
        "/share/wechat",
    ];
    const BODIES: [&str; 8] = [
        r#"{"ret":100000,"msg":"鉴权错误"}"#,
        r#"{"ret":0,"msg":"success","lists":[{"nick":"{x}"}]}"#,
        r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#,
        r#"{"ret":-20000,"msg":"42001，access_token expired","err_type":3}"#,
        r#"{"ret":-10002,"msg":"x","err_type":1}"#,
        r#"{"ret":1031,"msg":"x"}"#,
        r#"{"ret":-15000,"msg":"oidb decode0x73a failed, ret:17","err_type":5}"#,
        r#"{"ret":-2345,"msg":"new"}"#,
    ];
    let picks = garbage(2 * n, 7);
    let mut log = String::new();
    for i in 0..n {
        if i % 97 == 96 {
            log.push_str("2026-11-24 10:00:00 ERROR upstream timed out\n");
        } else if i % 101 == 100 {
            log.push('\n');
        } else {
            let path = PATHS[usize::from(picks[2 * i]) % PATHS.len()];
            let body = BODIES[usize::from(picks[2 * i + 1]) % BODIES.len()];
            log.push_str(&format!(
                "2026-11-24 10:00:{:02} INFO req={i} extra={{\"k\":{i}}} api={path} resp={body}\n",
                i % 60
            ));
        }
    }
    log
}

#[test]
fn a_mixed_log_with_api_auto() {
    let log = mixed_log(400);
    let (status, out, err) = run_text(&["--api", "auto", "--json"], &log);
    assert_eq!(status, 1);
    assert_eq!(err.lines().count(), 4, "{err}");
    for (number, line) in log.lines().enumerate() {
        let Some(path) = line
            .split(" api=")
            .nth(1)
            .map(|rest| rest.split(' ').next().unwrap())
        else {
            continue;
        };
        let object: serde_json::Value = out
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|o| o["line"] == number + 1)
            .unwrap_or_else(|| panic!("line {} not explained", number + 1));
        let want = msdk_error_codes::Api::from_path(path).as_str();
        assert_eq!(object["api"], want, "{line}");
        if line.contains(r#"{"ret":100000"#) && path == "/share/qq" {
            assert_eq!(object["label"], "qq_share.100000", "{line}");
        }
    }
    // In text, each explanation starts with its line and the log's text before the JSON.
    let (_, out, _) = run_text(&["--api", "auto"], &log);
    let first = log.lines().next().unwrap();
    let prefix = &first[..first.find("resp=").unwrap() + 5];
    assert!(out.starts_with(&format!("line 1: {prefix} ret ")), "{out}");
}

/// A log counted by other means than the tool's: split by hand, read by serde_json,
/// classified by the library.
struct LibraryCount {
    /// Responses per (label, decision).
    rows: BTreeMap<(String, String), u64>,
    responses: u64,
    bad: u64,
    blank: u64,
}

/// Counts a log of `mixed_log`.
fn count_with_the_library(log: &str) -> LibraryCount {
    let mut count = LibraryCount {
        rows: BTreeMap::new(),
        responses: 0,
        bad: 0,
        blank: 0,
    };
    for line in log.lines() {
        if line.is_empty() {
            count.blank += 1;
            continue;
        }
        let Some((head, body)) = line.split_once(" resp=") else {
            count.bad += 1;
            continue;
        };
        let path = head.rsplit_once(" api=").unwrap().1;
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        let err_type = body["err_type"].as_i64().map(|e| e as i32);
        let response = msdk_error_codes::MsdkResponse::new(
            body["ret"].as_i64().unwrap() as i32,
            body["msg"].as_str().unwrap_or(""),
            err_type,
        );
        let c = response.classify_for(msdk_error_codes::Api::from_path(path));
        *count
            .rows
            .entry((c.label().to_owned(), c.decision().as_str().to_owned()))
            .or_insert(0) += 1;
        count.responses += 1;
    }
    count
}

#[test]
fn the_summary_counts_what_the_library_counts() {
    let log = mixed_log(20_000);
    let (status, out, err) = run_text(&["--summary", "--json", "--api", "auto"], &log);
    assert_eq!(status, 1);
    // Ten bad lines reported, the rest counted.
    assert_eq!(err.lines().count(), 11, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();

    let want = count_with_the_library(&log);
    assert_eq!(report["lines"], log.lines().count());
    assert_eq!(
        (
            &report["responses"],
            &report["bad_lines"],
            &report["blank_lines"]
        ),
        (
            &serde_json::Value::from(want.responses),
            &serde_json::Value::from(want.bad),
            &serde_json::Value::from(want.blank)
        )
    );
    let got: BTreeMap<(String, String), u64> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                (
                    r["label"].as_str().unwrap().to_owned(),
                    r["decision"].as_str().unwrap().to_owned(),
                ),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want.rows);
    // Most frequent first.
    let counts: Vec<u64> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

/// `count` as a share of `of`, as the table prints it (`57.1%`), read back as a number.
fn assert_share(printed: &str, count: u64, of: u64) {
    let printed: f64 = printed.strip_suffix('%').unwrap().parse().unwrap();
    let want = count as f64 / of as f64 * 100.0;
    // One decimal, rounded: within half a tenth.
    assert!(
        (printed - want).abs() <= 0.05 + 1e-9,
        "{printed} for {count}/{of}"
    );
}

#[test]
fn the_summary_table_for_people() {
    let log = mixed_log(20_000);
    let want = count_with_the_library(&log);
    let (status, table, _) = run_text(&["--summary", "--api", "auto"], &log);
    assert_eq!(status, 1);
    let mut lines = table.lines();

    // The counts: lines read, responses, bad lines (and blank ones).
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "{} lines read: {} responses, {} bad lines, {} blank lines",
            log.lines().count(),
            want.responses,
            want.bad,
            want.blank
        )
    );
    assert!(want.bad > 1 && want.blank > 1, "plural forms above");
    assert_eq!(lines.next(), Some(""));
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["count", "share", "label", "name", "decision", "description"]
    );

    // One row per (label, decision), most frequent first: the library's count.
    let mut rows = BTreeMap::new();
    let mut last = u64::MAX;
    for line in lines.by_ref().take_while(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let count: u64 = fields[0].parse().unwrap();
        assert!(count <= last, "{table}");
        last = count;
        assert_share(fields[1], count, want.responses);
        rows.insert((fields[2].to_owned(), fields[4].to_owned()), count);
    }
    assert_eq!(rows, want.rows);

    // Totals by decision, most frequent first, then nothing more.
    assert_eq!(lines.next(), Some("by decision"));
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    for ((_, decision), count) in &want.rows {
        *totals.entry(decision).or_insert(0) += count;
    }
    let mut want_totals: Vec<(&str, u64)> = totals.into_iter().collect();
    want_totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    assert!(want_totals.len() > 2, "{want_totals:?}");
    let got_totals: Vec<(&str, u64)> = lines
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(fields.len(), 3, "{line}");
            let count = fields[0].parse().unwrap();
            assert_share(fields[1], count, want.responses);
            (fields[2], count)
        })
        .collect();
    assert_eq!(got_totals, want_totals);
}

/// The peak resident set (VmHWM) of a running process, in KiB.
#[cfg(target_os = "linux")]
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(target_os = "linux")]
#[test]
fn a_million_lines_in_bounded_memory() {
    const LINES: usize = 1_000_000;
    const BOUND_KIB: u64 = 64 * 1024;
    let bodies = [
        r#"{"ret":-503,"msg":"频率超限"}"#,
        r#"{"ret":-10000,"msg":"-73,x","err_type":2}"#,
        r#"{"ret":0,"msg":"ok"}"#,
        r#"{"ret":-20000,"msg":"61451,x"}"#,
    ];
    let mut input = Vec::with_capacity(LINES * 48);
    for i in 0..LINES {
        input.extend_from_slice(format!("{i} api=/share/qq {}\n", bodies[i % 4]).as_bytes());
    }
    let (mut child, writer) = spawn(&["--summary", "--json", "--api", "auto"], input);
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut out).unwrap();
        out
    });
    // VmHWM is the peak so far: the last reading before the process ends is its peak.
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    writer.join().unwrap();
    let report: serde_json::Value = serde_json::from_str(&reader.join().unwrap()).unwrap();
    assert_eq!(report["responses"], LINES);
    assert_eq!(report["rows"].as_array().unwrap().len(), 4);
    assert!(peak > 0, "VmHWM was never read");
    assert!(
        peak < BOUND_KIB,
        "peak RSS {peak} KiB over {LINES} lines, bound {BOUND_KIB} KiB"
    );
    println!("peak RSS over {LINES} lines: {peak} KiB");
}

#[test]
fn several_braces_on_a_line() {
    let (status, out, err) = run_text(
        &["--json"],
        "extra={\"k\":1} body={\"ret\":-503}\n{\"a\":{} {\"ret\":1}\n",
    );
    assert_eq!((status, err.as_str()), (0, ""));
    let rets: Vec<i64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["ret"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(rets, [-503, 1]);
    // A long line of braces that never read: a bounded number of passes, then the
    // first error (tests/it/explain/lines.rs counts the bytes those passes read).
    let mut line = "{\"a\":".repeat(8 << 20 >> 3);
    line.push('\n');
    let (status, _, err) = run_text(&[], &line);
    assert_eq!(status, 1);
    assert!(
        err.starts_with("line 1: invalid MSDK response: EOF"),
        "{err}"
    );
}

#[test]
fn no_prefix_drops_the_line_and_its_text() {
    let log = "\
2026-11-24 10:00:01 INFO api=/share/qq resp={\"ret\":-503,\"msg\":\"频率超限\"}
not json
{\"ret\":0}
";
    let (status, with, err) = run_text(&[], log);
    assert_eq!(status, 1);
    assert_eq!(err, "line 2: no JSON object (no '{') in the line\n");
    let (status, without, err) = run_text(&["--no-prefix"], log);
    assert_eq!(status, 1);
    // Errors still name their line: only the explanations lose the prefix.
    assert_eq!(err, "line 2: no JSON object (no '{') in the line\n");

    // An explanation's first line is the one after a blank line (or the output's first).
    let firsts = |out: &str| -> Vec<String> {
        out.split("\n\n")
            .filter(|e| !e.is_empty())
            .map(|e| e.lines().next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        firsts(&with),
        [
            "line 1: 2026-11-24 10:00:01 INFO api=/share/qq resp= ret -503, msg \"频率超限\"",
            "line 3: ret 0, msg \"\"",
        ]
    );
    assert_eq!(
        firsts(&without),
        ["ret -503, msg \"频率超限\"", "ret 0, msg \"\""]
    );
    // And the rest of each explanation is the same.
    let rest = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.starts_with("  "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(rest(&with), rest(&without));
    assert!(!without.contains("line "), "{without}");
}
