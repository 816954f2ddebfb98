//! The explain example's modes, run on in-memory input and output, and the staleness
//! check of `docs/error-codes.md`.

#[path = "../examples/explain/cli.rs"]
mod cli;

use cli::{Command, Format};
use msdk_error_codes::{Api, MsdkCode};
use serde_json::Value;

/// Runs the tool; returns (status, stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = cli::run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

#[test]
fn arguments_parse() {
    let explain = |api, ret, msg: &str, json| Command::Explain {
        api,
        ret,
        msg: msg.to_owned(),
        json,
    };
    let cases: &[(&[&str], Command)] = &[
        (
            &["-10000", "-73,x"],
            explain(Api::Generic, -10000, "-73,x", false),
        ),
        (&["0"], explain(Api::Generic, 0, "", false)),
        (&["--json", "-503"], explain(Api::Generic, -503, "", true)),
        (
            &["--api", "share-qq", "100000"],
            explain(Api::QqShare, 100000, "", false),
        ),
        (
            &["--api=/share/qzone", "1031"],
            explain(Api::QzoneShare, 1031, "", false),
        ),
        (
            &["--api", "blue-diamond", "--", "-1", "-x"],
            explain(Api::BlueDiamond, -1, "-x", false),
        ),
        (
            &[],
            Command::Stdin {
                api: Api::Generic,
                json: false,
            },
        ),
        (
            &["--json", "--api", "wechat-group"],
            Command::Stdin {
                api: Api::WechatGroup,
                json: true,
            },
        ),
        (&["--catalog"], Command::Catalog(Format::Markdown)),
        (&["--catalog", "--json"], Command::Catalog(Format::Json)),
        (
            &["--catalog", "--format", "csv"],
            Command::Catalog(Format::Csv),
        ),
        (
            &["--format=json", "--catalog"],
            Command::Catalog(Format::Json),
        ),
        (&["-10000", "--help"], Command::Help),
        (&["-h"], Command::Help),
    ];
    for (args, want) in cases {
        assert_eq!(
            cli::parse_args(&strings(args)).as_ref(),
            Ok(want),
            "{args:?}"
        );
    }
}

#[test]
fn bad_arguments_are_clear_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["abc"], "<ret> must be an integer"),
        (
            &["2147483648"],
            "<ret> must be an integer from -2147483648 to 2147483647",
        ),
        (&["1", "msg", "extra"], "unexpected argument \"extra\""),
        (&["--api"], "--api needs a value"),
        (&["--api", "qq", "1"], "unknown API \"qq\""),
        (&["--frobnicate"], "unknown option --frobnicate"),
        (&["--catalog", "--format", "xml"], "unknown format \"xml\""),
        (&["--catalog", "1"], "--catalog takes no"),
        (
            &["--format", "csv", "1"],
            "--format applies to --catalog only",
        ),
    ];
    for (args, words) in cases {
        let err = cli::parse_args(&strings(args)).unwrap_err();
        assert!(err.contains(words), "{args:?}: {err}");
        let (status, out, stderr) = run(args, "");
        assert_eq!(status, cli::USAGE_ERROR, "{args:?}");
        assert!(out.is_empty());
        assert!(
            stderr.contains(words) && stderr.contains("--help"),
            "{stderr}"
        );
    }
}

#[test]
fn help_explains_the_modes() {
    let (status, out, _) = run(&["--help"], "");
    assert_eq!(status, 0);
    for words in [
        "USAGE",
        "--api",
        "--json",
        "--catalog",
        "--format",
        "share-qq",
        "/share/qq",
    ] {
        assert!(out.contains(words), "{words}");
    }
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
        first.contains("sent by the server; the catalogue says 1 network_unstable"),
        "{out}"
    );
    assert!(first.contains("decision           reauthorize"), "{out}");
    // A server 5 says less than the catalogue: the catalogue's stays.
    assert!(second.contains("1 network_unstable"), "{out}");
    assert!(
        second.contains("decision           retry_immediately"),
        "{out}"
    );
}

#[test]
fn catalog_json_has_every_code_with_every_field() {
    let (status, out, _) = run(&["--catalog", "--format", "json"], "");
    assert_eq!(status, 0);
    let entries: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(entries.len(), MsdkCode::COUNT);
    for (entry, code) in entries.iter().zip(msdk_error_codes::catalog()) {
        assert_eq!(entry["layer"], code.layer().as_str());
        assert_eq!(entry["code"], code.code());
        assert_eq!(entry["name"], code.name());
        assert_eq!(entry["description"], code.description());
        assert_eq!(entry["recommendation"], code.recommendation());
        assert_eq!(entry["description_en"], code.description_en());
        assert_eq!(entry["recommendation_en"], code.recommendation_en());
        assert_eq!(entry["err_type"], code.err_type().code());
        assert_eq!(entry["action"], code.action().as_str());
        assert_eq!(entry["known"], true);
        let fixture = code.fixture();
        assert_eq!(entry["ret"], fixture.response().ret());
        assert_eq!(entry["msg"], fixture.response().msg());
        assert_eq!(entry["api"], fixture.api().as_str());
        assert_eq!(entry["range_end"], serde_json::json!(code.info().range_end));
        assert_eq!(entry["unsigned"], serde_json::json!(code.info().unsigned));
    }
}

/// Splits one CSV record (RFC 4180, no line breaks inside fields).
fn csv_record(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[test]
fn catalog_csv_round_trips() {
    let (status, out, _) = run(&["--catalog", "--format", "csv"], "");
    assert_eq!(status, 0);
    let mut lines = out.lines();
    let header = csv_record(lines.next().unwrap());
    assert_eq!(header.len(), 15);
    let rows: Vec<Vec<String>> = lines.map(csv_record).collect();
    assert_eq!(rows.len(), MsdkCode::COUNT);
    for (row, code) in rows.iter().zip(msdk_error_codes::catalog()) {
        assert_eq!(row.len(), header.len(), "{row:?}");
        let field = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
        assert_eq!(field("code"), &code.code().to_string());
        assert_eq!(field("description"), code.description());
        assert_eq!(field("recommendation_en"), code.recommendation_en());
        assert_eq!(field("msg"), code.fixture().response().msg());
    }
}

#[test]
fn docs_error_codes_md_is_up_to_date() {
    let (status, generated, _) = run(&["--catalog", "--format", "markdown"], "");
    assert_eq!(status, 0);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/error-codes.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/error-codes.md is stale: regenerate it with\n    {}",
        cli::REGENERATE_DOCS
    );
    // One table per layer, one row per code.
    assert_eq!(
        generated.matches("\n## ").count(),
        msdk_error_codes::Layer::ALL.len()
    );
    assert_eq!(generated.matches("\n## ").count(), 12);
    let rows = generated
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| code"))
        .count();
    assert_eq!(rows, MsdkCode::COUNT);
}
