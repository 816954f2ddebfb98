//! The real msdk-explain binary, for what only a process shows: `--version`, exit
//! statuses, standard input that is garbage or one huge line, and a stdout closed by the
//! reader (`msdk-explain --catalog | head -1`); and each behaviour of issue 21 end to
//! end: a mixed log with `--api auto`, the summary against the library's own count, a
//! million lines in bounded memory (peak RSS from `/proc/<pid>/status`), look-ups,
//! `-0`, several braces on a line, `--overrides` and `--catalog --api`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;

const BIN: &str = env!("CARGO_BIN_EXE_msdk-explain");

/// Starts the binary with every stream piped, `stdin` written from a thread so that a
/// full stdout pipe cannot deadlock the test.
fn spawn(args: &[&str], stdin: Vec<u8>) -> (Child, JoinHandle<()>) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The tool may stop reading early; a broken pipe here is its choice.
        let _ = pipe.write_all(&stdin);
    });
    (child, writer)
}

/// Runs the binary with `stdin` to the end.
fn run(args: &[&str], stdin: Vec<u8>) -> Output {
    let (child, writer) = spawn(args, stdin);
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// xorshift64: reproducible garbage without a dependency.
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 32) as u8
        })
        .collect()
}

#[test]
fn version_and_usage_errors() {
    let output = run(&["--version"], Vec::new());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        format!("msdk-explain {}\n", env!("CARGO_PKG_VERSION"))
    );

    let output = run(&["--json=false", "1"], Vec::new());
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).starts_with("error: unexpected value 'false' for '--json'"));

    let output = run(
        &["-10000", "-73,the user modify password wrong"],
        Vec::new(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains("decision           reauthorize"));
}

#[test]
fn stdin_with_cr_only_line_endings() {
    let input =
        b"{\"ret\":-10000,\"msg\":\"-73,x\"}\r{\"ret\":0}\rnot json\r{\"ret\":-503}".to_vec();
    let output = run(&[], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("line 3: no JSON object"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let stdout = text(&output.stdout);
    assert_eq!(stdout.matches("\n\n").count(), 3, "{stdout}");
    assert!(
        stdout.contains("TokenInvalidatedByPasswordChange"),
        "{stdout}"
    );
    assert!(stdout.contains("RateLimitExceeded"), "{stdout}");
}

#[test]
fn binary_garbage_is_reported_line_by_line() {
    // Random bytes: NULs, invalid UTF-8, braces and line breaks among them; then one
    // megabyte of the same without line breaks, with a brace so the JSON reader runs.
    let mut input = garbage(256 * 1024, 0x9E37_79B9_7F4A_7C15);
    assert!(input.contains(&0) && input.contains(&b'{') && std::str::from_utf8(&input).is_err());
    let mut long: Vec<u8> = garbage(1 << 20, 42)
        .into_iter()
        .filter(|b| !matches!(b, b'\n' | b'\r'))
        .collect();
    long[1000] = b'{';
    input.push(b'\n');
    input.extend_from_slice(&long);
    let output = run(&[], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.lines().count() > 100, "{stderr}");
    for line in stderr.lines() {
        assert!(line.starts_with("line "), "{line}");
    }
    assert!(stderr.contains(": no JSON object"), "{stderr}");
    assert!(stderr.contains(": invalid MSDK response"), "{stderr}");
}

#[test]
fn a_single_5_mb_line() {
    let mut response = br#"{"ret":-20000,"msg":"42001,access_token expired","lists":[""#.to_vec();
    response.extend(std::iter::repeat_n(b'a', 5 << 20));
    response.extend_from_slice(b"\"]}\n");
    let output = run(&["--json"], response);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["name"], "AccessTokenExpired");

    let output = run(&[], vec![b'x'; 5 << 20]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "line 1: no JSON object (no '{') in the line\n"
    );
}

/// Starts the binary with stdout piped, reads one line, closes the pipe, and waits: the
/// tool must stop by itself, quietly (status 0, or killed by SIGPIPE).
fn reader_closes_after_one_line(args: &[&str], stdin: Vec<u8>) {
    let (mut child, writer) = spawn(args, stdin);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "{args:?}");
    drop(stdout);
    // wait_with_output reads stderr to the end; stdout is already closed.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr, "", "{args:?}");
    #[cfg(unix)]
    let killed_by_sigpipe = {
        use std::os::unix::process::ExitStatusExt;
        output.status.signal() == Some(13)
    };
    #[cfg(not(unix))]
    let killed_by_sigpipe = false;
    assert!(
        output.status.code() == Some(0) || killed_by_sigpipe,
        "{args:?}: {:?}",
        output.status
    );
}

#[test]
fn a_closed_stdout_is_a_quiet_exit() {
    // The Markdown catalog (over 80 KB) and the JSON one are larger than a pipe's
    // buffer, so the tool is still writing when the reader goes away.
    reader_closes_after_one_line(&["--catalog"], Vec::new());
    reader_closes_after_one_line(&["--catalog", "--format", "json"], Vec::new());
    // And while reading standard input, which it stops reading.
    let responses = "{\"ret\":-10000,\"msg\":\"-73,x\"}\n".repeat(50_000);
    reader_closes_after_one_line(&[], responses.into_bytes());
}

/// Runs the binary and returns (status, stdout, stderr).
fn run_text(args: &[&str], stdin: &str) -> (i32, String, String) {
    let output = run(args, stdin.as_bytes().to_vec());
    (
        output.status.code().unwrap_or(-1),
        text(&output.stdout),
        text(&output.stderr),
    )
}

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
fn look_ups_and_bodies() {
    let (status, out, _) = run_text(&["wechat_platform:42001"], "");
    assert_eq!(status, 0);
    assert!(
        out.starts_with("wechat_platform:42001, as MSDK sends it: ret -20000"),
        "{out}"
    );
    let (_, out, _) = run_text(&["qq_platform.-73"], "");
    assert!(
        out.contains("QqPlatformCode::TokenInvalidatedByPasswordChange"),
        "{out}"
    );
    let (_, out, _) = run_text(&["42001"], "");
    assert!(
        out.contains("also documented as\n    wechat_platform:42001 AccessTokenExpired"),
        "{out}"
    );
    let (_, out, _) = run_text(&["-73"], "");
    assert!(
        out.contains("    qq_platform:-73 TokenInvalidatedByPasswordChange"),
        "{out}"
    );
    let (status, out, _) = run_text(&[r#"{"ret":-10000,"msg":"-73,x"}"#], "");
    assert_eq!(status, 0);
    assert!(out.contains("decision           reauthorize"), "{out}");
    let (status, _, err) = run_text(&[r#"{"msg":"x"}"#], "");
    assert_eq!(status, 2);
    assert!(err.contains("missing field `ret`"), "{err}");
}

#[test]
fn minus_zero_is_refused_plus_and_blanks_are_not() {
    for args in [&["--", "-0"][..], &[" -0"][..], &["-0"][..]] {
        let (status, out, err) = run_text(args, "");
        assert_eq!((status, out.as_str()), (2, ""), "{args:?}");
        assert!(
            err.contains("-0 is refused, as the library refuses it in every response form"),
            "{err}"
        );
    }
    for arg in ["+0", " 0 ", "+503"] {
        let (status, _, err) = run_text(&[arg], "");
        assert_eq!((status, err.as_str()), (0, ""), "{arg}");
    }
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

#[test]
fn overrides_and_the_catalog_of_an_api() {
    let dir = std::env::temp_dir().join(format!("msdk-explain-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("team.json");
    std::fs::write(
        &file,
        r#"[{"layer":"access","code":-503,"err_type":2,"action":"reauthorize"}]"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let (status, out, _) = run_text(
        &["--overrides", path, "--summary", "--json"],
        "{\"ret\":-503}\n",
    );
    assert_eq!(status, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["rows"][0]["decision"], "reauthorize");
    std::fs::write(&file, "[{").unwrap();
    let (status, _, err) = run_text(&["--overrides", path, "-503"], "");
    assert_eq!(status, 2);
    assert!(
        err.contains("team.json: override row 1: invalid JSON: EOF"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    let (status, out, _) = run_text(&["--catalog", "--api", "share-qq", "--format", "csv"], "");
    assert_eq!(status, 0);
    let header = out.lines().next().unwrap();
    assert!(header.contains(",action,decision,"), "{header}");
    assert!(out.contains(",AuthenticationFailed,"), "{out}");
    assert!(
        !out.contains(",AccountNotFound,"),
        "blue-diamond codes are not share-qq's: {out}"
    );
}

#[test]
fn the_readmes_first_command() {
    let (status, out, err) = run_text(&["-10000", "-73,the user modify password wrong"], "");
    assert_eq!((status, err.as_str()), (0, ""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "ret -10000, msg \"-73,the user modify password wrong\""
    );
    assert_eq!(
        lines[1],
        "  decision           reauthorize: Send the user through QQ/WeChat authorization again."
    );
    assert!(
        out.contains("QqPlatformCode::TokenInvalidatedByPasswordChange"),
        "{out}"
    );
}
