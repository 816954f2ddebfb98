//! Logs on standard input: a mixed log with `--api auto`, the summary against the
//! library's own count, a million lines in bounded memory (peak RSS from
//! `/proc/<pid>/status`) and several braces on a line.

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

#[test]
fn the_summary_counts_what_the_library_counts() {
    let log = mixed_log(20_000);
    let (status, out, err) = run_text(&["--summary", "--json", "--api", "auto"], &log);
    assert_eq!(status, 1);
    // Ten bad lines reported, the rest counted.
    assert_eq!(err.lines().count(), 11, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();

    // The same log counted by other means: split by hand, read by serde_json, classified
    // by the library.
    let mut want = std::collections::BTreeMap::new();
    let (mut responses, mut bad, mut blank) = (0u64, 0u64, 0u64);
    for line in log.lines() {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        let Some((head, body)) = line.split_once(" resp=") else {
            bad += 1;
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
        *want
            .entry((c.label().to_owned(), c.decision().as_str().to_owned()))
            .or_insert(0u64) += 1;
        responses += 1;
    }
    assert_eq!(report["lines"], log.lines().count());
    assert_eq!(
        (
            &report["responses"],
            &report["bad_lines"],
            &report["blank_lines"]
        ),
        (
            &serde_json::Value::from(responses),
            &serde_json::Value::from(bad),
            &serde_json::Value::from(blank)
        )
    );
    let got: std::collections::BTreeMap<(String, String), u64> = report["rows"]
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
    assert_eq!(got, want);
    // Most frequent first.
    let counts: Vec<u64> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    // The table for people says the same.
    let (_, table, _) = run_text(&["--summary", "--api", "auto"], &log);
    assert!(
        table.starts_with(&format!(
            "{} lines read: {responses} responses, {bad} bad lines, {blank} blank lines\n",
            log.lines().count()
        )),
        "{table}"
    );
    assert!(bad > 1 && blank > 1, "plural forms above");
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
    // first error. 8 MB of it would take hours if each brace were read to the end.
    let mut line = "{\"a\":".repeat(8 << 20 >> 3);
    line.push('\n');
    let started = std::time::Instant::now();
    let (status, _, err) = run_text(&[], &line);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(status, 1);
    assert!(
        err.starts_with("line 1: invalid MSDK response: EOF"),
        "{err}"
    );
}
