//! Standard input's lines: where each result came from, the response among several
//! `{` of a line (in time linear in the line), and `--api auto`.

use serde_json::Value;

use super::{cli, run};

/// The JSON objects of `--json` output.
fn objects(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn each_result_says_which_line_it_came_from() {
    let input = "\
2026-11-24 10:00:01.123 INFO req=1 resp={\"ret\":-503,\"msg\":\"频率超限\"}
garbage
\t {\"ret\":1}  \n\n2026-11-24 10:00:04 WARN {\"ret\":-2345}
";
    let (status, out, err) = run(&[], input);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(err, "line 2: no JSON object (no '{') in the line\n");
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("line ")).collect();
    assert_eq!(
        headers,
        [
            "line 1: 2026-11-24 10:00:01.123 INFO req=1 resp= ret -503, msg \"频率超限\"",
            "line 3: ret 1, msg \"\"",
            "line 5: 2026-11-24 10:00:04 WARN ret -2345, msg \"\"",
        ]
    );

    // --no-prefix: the explanations as they were, nothing before `ret`.
    let (_, plain, _) = run(&["--no-prefix"], input);
    assert!(plain.starts_with("ret -503, msg \"频率超限\"\n"), "{plain}");
    assert!(!plain.contains("line "), "{plain}");
    assert_eq!(plain.matches("\n\n").count(), 3);

    // JSON objects carry the number, and only JSON: the prefix stays in the input.
    let (_, json, _) = run(&["--json"], input);
    let lines: Vec<Value> = objects(&json).iter().map(|o| o["line"].clone()).collect();
    assert_eq!(lines, [1, 3, 5]);
    let (_, json, _) = run(&["--json", "--no-prefix"], input);
    assert_eq!(objects(&json)[2]["line"], 5);
}

#[test]
fn a_bad_line_does_not_shift_the_numbers() {
    // 405 lines, every 80th bad: each result still names its own line.
    let mut input = String::new();
    for n in 1..=405 {
        if n % 80 == 0 {
            input.push_str("truncated {\"ret\":\n");
        } else {
            input.push_str(&format!("seq={n} {{\"ret\":{n},\"msg\":\"x\"}}\n"));
        }
    }
    let (status, out, err) = run(&["--json"], &input);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(err.lines().count(), 5, "{err}");
    let objects = objects(&out);
    assert_eq!(objects.len(), 400);
    for object in objects {
        assert_eq!(object["line"], object["ret"], "{object}");
    }
}

#[test]
fn each_brace_is_tried_until_one_is_a_response() {
    let cases: &[(&str, i64)] = &[
        // The issue's line: an object without ret, then the body.
        (r#"extra={"k":1} body={"ret":-503,"msg":"频率超限"}"#, -503),
        // Nested objects without ret are skipped whole.
        (r#"ctx={"a":{"b":{"c":[{}]}}} resp={"ret":1}"#, 1),
        // A ret that does not read (-0, a float) is no response either.
        (r#"{"ret":-0} {"ret":2}"#, 2),
        (r#"{"ret":"x"} then {"ret":3}"#, 3),
        // A malformed object first: the next brace is tried.
        (r#"{"k": nope} {"ret":4}"#, 4),
        (r#"{"k":{"ret":5} trailing"#, 5),
        (r#"{{{{"ret":6}"#, 6),
    ];
    for (line, ret) in cases {
        let (status, out, err) = run(&["--json"], line);
        assert_eq!((status, err.as_str()), (0, ""), "{line}");
        assert_eq!(objects(&out)[0]["ret"], *ret, "{line}");
    }
    // The prefix is the text before the response that was read.
    let (_, out, _) = run(&[], r#"extra={"k":1} body={"ret":-503}"#);
    assert!(
        out.starts_with("line 1: extra={\"k\":1} body= ret -503"),
        "{out}"
    );
}

#[test]
fn when_no_brace_reads_the_first_error_is_reported() {
    let cases: &[(&str, &str)] = &[
        (
            r#"a={"k":1} b={"msg":"x"}"#,
            "line 1: invalid MSDK response: missing field `ret` at line 1 column 7 (the JSON starts at byte 3)",
        ),
        (
            r#"{"ret":-0} {"ret":1.5}"#,
            "line 1: invalid MSDK response: invalid type: floating point `-0.0`",
        ),
        (r#"x {"ret": {"#, "line 1: invalid MSDK response: "),
    ];
    for (line, words) in cases {
        let (status, out, err) = run(&[], line);
        assert_eq!(status, cli::BAD_INPUT, "{line}");
        assert_eq!(out, "", "{line}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(words), "{line}: {err}");
    }
}

/// Runs the tool on one line, and counts the bytes its search for the response read.
fn counted(line: &[u8]) -> (usize, u8, String, String) {
    let (_, read) = cli::locate::find_response_reading(line);
    let (status, out, err) = super::run_on(&["--json"], line);
    (read, status, out, err)
}

#[test]
fn many_braces_take_linear_time() {
    // Each of these would read about a terabyte if every `{` were read to the end of
    // the line (quadratic in 1 MB). The search reads each byte a bounded number of
    // times: the first pass, a rereading budget of twice the line, and one more pass
    // over each well-formed object it skips. Counted, not timed.
    let size = 1 << 20;
    let linear = |line: &[u8], read: usize| {
        assert!(
            read <= 4 * line.len() + 4096,
            "read {read} bytes of a line of {}",
            line.len()
        );
    };

    // Nested objects that never end, then a response.
    let mut line = br#"{"a":"#.repeat(size / 5);
    line.extend_from_slice(br#"{"ret":1}"#);
    let (read, status, _, err) = counted(&line);
    linear(&line, read);
    assert_eq!(status, cli::BAD_INPUT);
    assert!(
        err.starts_with("line 1: invalid MSDK response: EOF"),
        "{err}"
    );

    // Well-formed objects without ret, then a response: each is skipped whole.
    let mut line = br#"{"k":{"v":[1,2]}} "#.repeat(size / 18);
    line.extend_from_slice(br#"{"ret":7}"#);
    let (read, status, out, err) = counted(&line);
    linear(&line, read);
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(objects(&out)[0]["ret"], 7);

    // Braces that each start a long malformed object, then a response after them.
    let mut line = br#"{"k":"#.to_vec();
    line.extend(std::iter::repeat_n(b'{', size));
    line.extend_from_slice(br#" {"ret":8}"#);
    let (read, _, _, _) = counted(&line);
    linear(&line, read);

    // Many short malformed objects: every one is tried, and the response is found.
    let mut line = br#"{"k" "#.repeat(size / 5);
    line.extend_from_slice(br#"{"ret":9}"#);
    let (read, status, out, _) = counted(&line);
    linear(&line, read);
    assert_eq!(status, 0);
    assert_eq!(objects(&out)[0]["ret"], 9);

    // The count is real: a line whose every brace starts a response-less object that
    // runs to the end is read about once per brace until the budget runs out.
    let line = br#"{"a":"#.repeat(4096);
    let (read, ..) = counted(&line);
    assert!(
        read > 2 * line.len(),
        "the rereading budget was used: {read}"
    );
}

#[test]
fn api_auto_reads_each_lines_endpoint() {
    let input = "\
2026-11-24 10:00:01 INFO api=/share/qq resp={\"ret\":100000,\"msg\":\"鉴权错误\"}
2026-11-24 10:00:02 INFO api=/auth/verify_login resp={\"ret\":100000,\"msg\":\"x\"}
2026-11-24 10:00:03 INFO resp={\"ret\":100000}
10.0.0.1 \"POST /share/qzone?appid=1 HTTP/1.1\" 200 {\"ret\":1031,\"msg\":\"x\"}
uri=\"/share/qq\" {\"ret\":100000}
url='http://msdk.qq.com/share/qq?timestamp=1' {\"ret\":100000}
req=a/b path=/share/wechat {\"ret\":-2}
x=\"https://h/relation/friends\" y=/share/qq {\"ret\":100000}
ctx={\"path\":\"/share/qq\"} {\"ret\":100000}
";
    let (status, out, err) = run(&["--api", "auto", "--json"], input);
    assert_eq!((status, err.as_str()), (0, ""));
    let got: Vec<(String, String)> = objects(&out)
        .iter()
        .map(|o| {
            (
                o["api"].as_str().unwrap().to_owned(),
                o["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("share-qq", "qq_share.100000"),
        ("generic", "access.undocumented"),
        ("generic", "access.undocumented"),
        ("share-qzone", "qzone_share.1031"),
        ("share-qq", "qq_share.100000"),
        ("share-qq", "qq_share.100000"),
        // `req=a/b` holds a `/` but is neither a path nor a URL.
        ("share-other", "access.undocumented"),
        // The first token that is a path or a URL decides: here a URL.
        ("generic", "access.undocumented"),
        // `{"path":"/share/qq"}` is one token whose value starts with `{`.
        ("generic", "access.undocumented"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, l)| ((*a).to_owned(), (*l).to_owned()))
        .collect();
    assert_eq!(got, want);

    // Without auto, --api applies to every line, as before.
    let (_, out, _) = run(&["--api", "share-qq", "--json"], input);
    assert!(objects(&out).iter().all(|o| o["api"] == "share-qq"));
    // In text, the API shows on lines that are not generic.
    let (_, out, _) = run(&["--api", "auto"], input);
    assert_eq!(
        out.matches("  api                share-qq\n").count(),
        3,
        "{out}"
    );
}
