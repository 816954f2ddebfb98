//! msdk-explain's modes, run on in-memory input and output, and the staleness check of
//! `docs/error-codes.md`; the modules under `explain/` test standard input's lines, the
//! summary and the look-ups the same way. `tests/explain_bin/` runs the real binary.

#[path = "../../src/bin/msdk-explain/cli/mod.rs"]
mod cli;

mod catalog;
mod lines;
mod lookup;
mod streams;
mod summary;

use std::io::BufReader;

use cli::{ApiChoice, Command, Format};
use msdk_error_codes::Api;
use serde_json::Value;

/// Runs the tool on `stdin`; returns (status, stdout, stderr).
fn run_on(args: &[&str], stdin: &[u8]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = cli::run(
        args.iter().copied(),
        &mut &stdin[..],
        &mut out,
        &mut err,
        false,
    );
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// Runs the tool; returns (status, stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (u8, String, String) {
    run_on(args, stdin.as_bytes())
}

fn explain(api: Api, ret: i32, msg: &str, json: bool) -> Command {
    Command::Explain {
        api,
        ret,
        msg: msg.to_owned(),
        json,
        overrides: None,
    }
}

fn stdin(api: ApiChoice, json: bool, summary: bool, prefix: bool) -> Command {
    Command::Stdin {
        api,
        json,
        summary,
        prefix,
        overrides: None,
    }
}

fn catalog(format: Format, api: Option<Api>) -> Command {
    Command::Catalog { format, api }
}

/// Files of a test in a folder of their own, removed with it.
struct Files(std::path::PathBuf);

impl Files {
    fn new(test: &str) -> Files {
        let dir = std::env::temp_dir().join(format!("msdk-explain-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Files(dir)
    }

    /// Writes `name` with `text`; returns its path, as an argument.
    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn arguments_parse() {
    let cases: &[(&[&str], Command)] = &[
        (
            &["-10000", "-73,x"],
            explain(Api::Generic, -10000, "-73,x", false),
        ),
        // A negative ret, and a msg that is a negative number or starts with '-'.
        (
            &["-10000", "-73"],
            explain(Api::Generic, -10000, "-73", false),
        ),
        (&["-1", "-x"], explain(Api::Generic, -1, "-x", false)),
        (&["0"], explain(Api::Generic, 0, "", false)),
        (&[" -10000 "], explain(Api::Generic, -10000, "", false)),
        (&["--json", "-503"], explain(Api::Generic, -503, "", true)),
        (&["-503", "--json"], explain(Api::Generic, -503, "", true)),
        (
            &["-10000", "-73,x", "--json"],
            explain(Api::Generic, -10000, "-73,x", true),
        ),
        // After <RET>, an unknown option is the msg: MSG takes hyphen values.
        (
            &["-10000", "--frob"],
            explain(Api::Generic, -10000, "--frob", false),
        ),
        (
            &["--api", "share-qq", "100000"],
            explain(Api::QqShare, 100000, "", false),
        ),
        (
            &["--api=/share/qzone", "1031"],
            explain(Api::QzoneShare, 1031, "", false),
        ),
        // `--` ends the options: `-h` and `--json` after it are values.
        (
            &["--api", "blue-diamond", "--", "-1", "-x"],
            explain(Api::BlueDiamond, -1, "-x", false),
        ),
        (
            &["--", "-10000", "-h"],
            explain(Api::Generic, -10000, "-h", false),
        ),
        (
            &["--", "1", "--json"],
            explain(Api::Generic, 1, "--json", false),
        ),
        (
            &[],
            stdin(ApiChoice::Fixed(Api::Generic), false, false, true),
        ),
        (
            &["--json", "--api", "wechat-group"],
            stdin(ApiChoice::Fixed(Api::WechatGroup), true, false, true),
        ),
        // New in issue 21: --summary, --no-prefix, --api auto, --overrides.
        (
            &["--summary", "--api", "auto"],
            stdin(ApiChoice::Auto, false, true, true),
        ),
        (
            &["--api=AUTO", "--json", "--no-prefix"],
            stdin(ApiChoice::Auto, true, false, false),
        ),
        (
            &["--overrides", "team.json", "--summary"],
            Command::Stdin {
                api: ApiChoice::Fixed(Api::Generic),
                json: false,
                summary: true,
                prefix: true,
                overrides: Some("team.json".into()),
            },
        ),
        // <RET>: a leading + and blanks around it stay accepted.
        (&["+5"], explain(Api::Generic, 5, "", false)),
        (&[" +0 "], explain(Api::Generic, 0, "", false)),
        (&["--catalog"], catalog(Format::Markdown, None)),
        (&["--catalog", "--json"], catalog(Format::Json, None)),
        (
            &["--catalog", "--format", "csv"],
            catalog(Format::Csv, None),
        ),
        (
            &["--catalog", "--format", "md"],
            catalog(Format::Markdown, None),
        ),
        (&["--format=json", "--catalog"], catalog(Format::Json, None)),
        (
            &["--catalog", "--json", "--format", "csv"],
            catalog(Format::Csv, None),
        ),
        (
            &["--catalog", "--api", "share-qq"],
            catalog(Format::Markdown, Some(Api::QqShare)),
        ),
    ];
    for (args, want) in cases {
        match cli::parse_args(args.iter().copied()) {
            Ok(got) => assert_eq!(&got, want, "{args:?}"),
            Err(e) => panic!("{args:?}: {e}"),
        }
    }
}

#[test]
fn bad_arguments_exit_2_with_claps_message() {
    let cases: &[(&[&str], &str)] = &[
        // --json is a flag: it takes no value, `false` included.
        (
            &["--json=false", "1"],
            "unexpected value 'false' for '--json'",
        ),
        (&["--json=true"], "unexpected value 'true' for '--json'"),
        // Unknown options before the positionals.
        (&["--frobnicate", "1"], "unexpected argument '--frobnicate'"),
        (&["--frobnicate"], "unexpected argument '--frobnicate'"),
        (&["-x", "1"], "unexpected argument '-x'"),
        (&["--jsn", "1"], "a similar argument exists: '--json'"),
        (
            &["--catalog", "--format", "xml"],
            "invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["--catalog", "--format"],
            "a value is required for '--format",
        ),
        (
            &["abc"],
            "must be an integer from -2147483648 to 2147483647",
        ),
        (
            &["2147483648"],
            "invalid value '2147483648' for '[RET]': must be an integer",
        ),
        (&["-0x10"], "unexpected argument '-0'"),
        (&["1", "msg", "extra"], "unexpected argument 'extra'"),
        (&["--api"], "a value is required for '--api <API>'"),
        (&["--api", "qq", "1"], "unknown API \"qq\""),
        (
            &["--catalog", "1"],
            "'--catalog' cannot be used with '[RET]'",
        ),
        // -0 is refused as the library refuses it, with the reason.
        (&["-0"], "-0 is refused, as the library refuses it"),
        (&[" -0"], "JSON's -0 is a float"),
        (&["--", "-00"], "-0 is refused"),
        (
            &["--api", "auto", "1"],
            "--api auto reads each line's endpoint",
        ),
        (
            &["--api", "auto", "--catalog"],
            "--api auto reads each line's endpoint",
        ),
        (
            &["--summary", "1"],
            "'--summary' cannot be used with '[RET]'",
        ),
        (&["--summary", "--catalog"], "cannot be used with"),
        (&["--no-prefix", "--summary"], "cannot be used with"),
        (
            &["--overrides", "f.json", "--catalog"],
            "cannot be used with",
        ),
        (
            &["wechat_platform:42001", "msg"],
            "[MSG] goes with a numeric <RET> only",
        ),
        (
            &["--api", "share-qq", "qq_share:100000"],
            "--api does not apply to a code or a label",
        ),
        (&["wechat:42001"], "expected <layer>:<number>"),
        (&["qq_platform.x"], "is not <layer>.<number>"),
        (
            &["qq_platform.undocumented"],
            "the label of every QQ platform code the catalog does not document",
        ),
        (
            &["--format", "csv", "1"],
            "--format applies to --catalog only",
        ),
        (&["--format", "csv"], "--format applies to --catalog only"),
    ];
    for (args, words) in cases {
        let (status, out, err) = run(args, "");
        assert_eq!(status, cli::USAGE_ERROR, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(err.contains("'--help'"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_exit_2() {
    use std::os::unix::ffi::OsStringExt;

    for args in [
        vec![&b"\xff"[..]],
        vec![b"-10000", b"-73,\xff"],
        vec![b"--api", b"/\xff"],
    ] {
        let args = args
            .into_iter()
            .map(|a| std::ffi::OsString::from_vec(a.to_vec()));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = cli::run(args, &mut &b""[..], &mut out, &mut err, false);
        assert_eq!(status, cli::USAGE_ERROR);
        assert!(out.is_empty());
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("invalid UTF-8"), "{err}");
    }
}

#[test]
fn help_and_version_anywhere_before_a_msg() {
    let help = "Usage: msdk-explain [--api <API>] [--json] [--] <RET> [MSG]";
    let version = format!("msdk-explain {}\n", env!("CARGO_PKG_VERSION"));
    let cases: &[(&[&str], &str)] = &[
        (&["-h"], help),
        (&["--help"], help),
        (&["--json", "-h"], help),
        // In MSG's place, `-h` is help: only the tool's own short flags are, while
        // `-73,...` or `-x` are a msg. `--` makes it a msg (arguments_parse).
        (&["-10000", "-h"], help),
        (&["-10000", "--help"], help),
        (&["-10000", "-73,x", "-h"], help),
        (&["--catalog", "--help"], help),
        (&["--version"], &version),
        (&["-V"], &version),
        (&["-10000", "--version"], &version),
    ];
    for (args, want) in cases {
        let (status, out, err) = run(args, "");
        assert_eq!((status, err.as_str()), (0, ""), "{args:?}");
        assert!(out.contains(want), "{args:?}: {out}");
        if *want == version {
            assert_eq!(&out, want);
        }
    }
}

#[test]
fn help_explains_the_modes() {
    let (status, out, _) = run(&["--help"], "");
    assert_eq!(status, 0);
    for words in [
        "Usage:",
        "< responses.log",
        "--catalog [--format <FORMAT>]",
        "--api <API>",
        "--json",
        "--summary",
        "--no-prefix",
        "--overrides <FILE>",
        "--api auto reads each line's API",
        "after an optional key=",
        "also documented as",
        "-0 is refused",
        "line N:",
        "- csv:",
        "share-qq",
        "/share/qq",
        "msdk-explain -10000 \"-73,the user modify password wrong\"",
        "msdk-explain -- 1 -h",
        "\\n, \\r\\n or \\r",
        "Exit status: 0 done, 1 some input lines were bad",
        "2 bad arguments,\nan unreadable or bad --overrides file",
    ] {
        assert!(out.contains(words), "{words:?} not in\n{out}");
    }
    // -h is the summary: the same sections, shorter option descriptions.
    let (status, short, _) = run(&["-h"], "");
    assert_eq!(status, 0);
    assert!(
        short.contains("Examples:") && short.len() < out.len(),
        "{short}"
    );
}

#[test]
fn explains_one_response_for_people() {
    let (status, out, err) = run(&["-10000", "-73,the user modify password wrong"], "");
    assert_eq!((status, err.as_str()), (0, ""));
    for words in [
        "ret -10000, msg \"-73,the user modify password wrong\"",
        "QQ platform -73 (QqPlatformCode::TokenInvalidatedByPasswordChange)",
        "\"the user modify password wrong\"",
        "0x47 access token改密失效",
        "重新授权",
        "Access token invalidated because the user changed the QQ password",
        "Re-authorize",
        "2 reauthorize",
        "action             reauthorize",
        "decision           reauthorize",
    ] {
        assert!(out.contains(words), "{words:?} not in\n{out}");
    }

    let (_, out, _) = run(&["--api", "share-qq", "100000"], "");
    assert!(out.contains("api                share-qq"), "{out}");
    assert!(out.contains("QqShareCode::AuthenticationFailed"), "{out}");

    let (_, out, _) = run(&["-2345"], "");
    assert!(out.contains("undocumented, in the server range"), "{out}");
    assert!(out.contains("1 network_unstable"), "{out}");
}

#[test]
fn json_output_has_the_stable_fields() {
    let (status, out, _) = run(&["--json", "-20000", "42001，access_token expired"], "");
    assert_eq!(status, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["ret"], -20000);
    assert_eq!(json["msg"], "42001，access_token expired");
    assert_eq!(json["layer"], "wechat_platform");
    assert_eq!(json["code"], 42001);
    assert_eq!(json["name"], "AccessTokenExpired");
    assert_eq!(json["description"], "access_token expired");
    assert_eq!(
        json["recommendation"],
        "accessToken过期，刷新token或重新拉起授权"
    );
    assert!(json["description_en"].is_string() && json["recommendation_en"].is_string());
    assert_eq!(json["err_type"], 3);
    assert_eq!(json["action"], "refresh_token");
    assert_eq!(json["decision"], "refresh_token");
    assert_eq!(json["known"], true);

    let (_, out, _) = run(&["--json", "-10000", "99999,new"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (json["known"].clone(), json["name"].clone()),
        (Value::Bool(false), Value::Null)
    );
    assert_eq!(json["code"], 99999);
}

#[test]
fn stdin_explains_each_line_and_reports_bad_ones() {
    let input = "\
{\"ret\":-10000,\"msg\":\"-73,the user modify password wrong\",\"err_type\":2}

2026-11-24 10:00:01 INFO msdk resp={\"ret\":-503,\"msg\":\"频率超限\",\"lists\":[]} took=3ms
{\"ret\":
not json at all
{\"msg\":\"no ret\"}
{\"ret\":0,\"msg\":\"success\"}\r
";
    let (status, out, err) = run(&[], input);
    assert_eq!(status, cli::BAD_INPUT);
    let errors: Vec<&str> = err.lines().collect();
    assert_eq!(errors.len(), 3, "{err}");
    assert!(
        errors[0].starts_with("line 4: invalid MSDK response: EOF"),
        "{err}"
    );
    assert!(errors[1].starts_with("line 5: no JSON object"), "{err}");
    assert!(
        errors[2].starts_with("line 6: invalid MSDK response: missing field `ret`"),
        "{err}"
    );
    assert_eq!(out.matches("ret ").count(), 3, "{out}");
    // Where each came from: the line, and the text before the JSON (issue 21).
    assert!(out.starts_with("line 1: ret -10000"), "{out}");
    assert!(
        out.contains("\nline 3: 2026-11-24 10:00:01 INFO msdk resp= ret -503, msg \"频率超限\"\n"),
        "{out}"
    );
    assert!(out.contains("\nline 7: ret 0, msg \"success\"\n"), "{out}");
    assert!(out.contains("TokenInvalidatedByPasswordChange"));
    assert!(out.contains("RateLimitExceeded"));
    assert!(out.contains("ret 0, msg \"success\""));

    let (status, out, err) = run(&["--json"], input);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(err.lines().count(), 3);
    let objects: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 3);
    assert_eq!(objects[1]["code"], -503);
    let lines: Vec<&Value> = objects.iter().map(|o| &o["line"]).collect();
    assert_eq!(lines, [1, 3, 7]);

    let (status, _, err) = run(&[], "{\"ret\":1}\n\n");
    assert_eq!((status, err.as_str()), (0, ""));
}

#[test]
fn stdin_uses_the_api_context_and_the_servers_err_type() {
    let (_, out, _) = run(
        &["--api", "blue-diamond"],
        "{\"ret\":-10002,\"msg\":\"x\",\"err_type\":2}\n{\"ret\":-10002,\"msg\":\"x\",\"err_type\":5}\n",
    );
    let (first, second) = out.split_once("\n\n").unwrap();
    assert!(first.contains("BlueDiamondCode::AccountNotFound"), "{out}");
    assert!(first.contains("2 reauthorize"), "{out}");
    assert!(
        // "catalog", as the crate spells it everywhere now (issue 21; was "catalogue").
        first.contains("sent by the server; the catalog says 1 network_unstable"),
        "{out}"
    );
    assert!(first.contains("decision           reauthorize"), "{out}");
    // A server 5 says less than the catalog: the catalog's stays.
    assert!(second.contains("1 network_unstable"), "{out}");
    assert!(
        second.contains("decision           retry_immediately"),
        "{out}"
    );
}

/// The numbers of the lines reported on stderr.
fn reported_lines(err: &str) -> Vec<u64> {
    err.lines()
        .map(|l| {
            let number = l.strip_prefix("line ").and_then(|l| l.split_once(':'));
            number.unwrap_or_else(|| panic!("{l}")).0.parse().unwrap()
        })
        .collect()
}

#[test]
fn stdin_lines_end_in_lf_crlf_or_a_lone_cr() {
    // 1 bad, 2 good (CR LF), 3 bad (LF), 4 empty (CR), 5 good (CR), 6 bad (no ending).
    let input = b"a\r{\"ret\":0}\r\nb\n\r{\"ret\":-503}\rc";
    let (status, out, err) = run_on(&[], input);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(reported_lines(&err), [1, 3, 6], "{err}");
    assert_eq!(
        // Each explanation starts with its line number (issue 21).
        out.lines().filter(|l| l.starts_with("line ")).count(),
        2,
        "{out}"
    );
    assert!(out.starts_with("line 2: ret 0, msg \"\""), "{out}");
    assert!(out.contains("\nline 5: ret -503"), "{out}");
    assert!(out.contains("ret -503"), "{out}");

    // The same through readers that split the input everywhere, a CR LF across two
    // reads included.
    for capacity in 1..=4 {
        let (mut out_small, mut err_small) = (Vec::new(), Vec::new());
        let mut reader = BufReader::with_capacity(capacity, &input[..]);
        let status = cli::run(
            [] as [&str; 0],
            &mut reader,
            &mut out_small,
            &mut err_small,
            false,
        );
        assert_eq!(status, cli::BAD_INPUT);
        assert_eq!(
            (out_small, err_small),
            (out.clone().into_bytes(), err.clone().into_bytes())
        );
    }

    // Only CRs, as old Mac files have them; a CR LF CR LF is one empty line.
    let (status, out, err) = run_on(
        &["--json"],
        b"{\"ret\":1}\r{\"ret\":2}\r\n\r\n{\"ret\":3}\r",
    );
    assert_eq!((status, err.as_str()), (0, ""));
    let codes: Vec<i64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["ret"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(codes, [1, 2, 3]);
}

#[test]
fn stdin_garbage_is_reported_by_line() {
    let input = b"\0\0\0\n\xff\xfe{\"ret\n{\"ret\":1,\"msg\":\"\xff\"}\n\x80{\0}\n{\"ret\":-1}";
    let (status, out, err) = run_on(&[], input);
    assert_eq!(status, cli::BAD_INPUT);
    assert_eq!(reported_lines(&err), [1, 2, 4], "{err}");
    assert!(err.contains("line 1: no JSON object"), "{err}");
    assert!(err.contains("(the JSON starts at byte 3)"), "{err}");
    // A msg that is not UTF-8 is read lossily, as the library does.
    assert!(out.contains("ret 1, msg \"\u{fffd}\""), "{out}");
    assert!(out.contains("ret -1, msg \"\""), "{out}");
}

#[test]
fn stdin_lines_longer_than_the_limit_are_skipped() {
    let mut input = vec![b'x'; cli::MAX_LINE + 1];
    input.extend_from_slice(b"\r\n{\"ret\":0}\n");
    input.extend(std::iter::repeat_n(b' ', cli::MAX_LINE));
    input.extend_from_slice(b"{\"ret\":1}");
    let (status, out, err) = run_on(&[], &input);
    assert_eq!(status, cli::BAD_INPUT);
    let too_long = format!(
        "line 1: longer than {} bytes ({} bytes), skipped\nline 3: longer than",
        cli::MAX_LINE,
        cli::MAX_LINE + 1
    );
    assert!(err.starts_with(&too_long), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        out.starts_with("line 2: ret 0, msg \"\"") && !out.contains("ret 1"),
        "{out}"
    );

    // Exactly at the limit, a line is read.
    let mut input = vec![b' '; cli::MAX_LINE - 9];
    input.extend_from_slice(b"{\"ret\":1}");
    let (status, out, err) = run_on(&[], &input);
    assert_eq!((status, err.as_str()), (0, ""));
    assert!(out.starts_with("line 1: ret 1"), "{out}");
}

#[test]
fn a_terminal_on_stdin_is_told_how_to_end_the_input() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = cli::run([] as [&str; 0], &mut &b""[..], &mut out, &mut err, true);
    assert_eq!(status, 0);
    assert!(String::from_utf8(err).unwrap().contains("end with Ctrl-D"));
    // Not when there is nothing to read.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = cli::run(["1"], &mut &b""[..], &mut out, &mut err, true);
    assert_eq!((status, err.as_slice()), (0, &b""[..]));
}
