//! Codes, bodies and the catalog as arguments: look-ups, `-0`, pay token 17's wording,
//! `--overrides`, the catalog's decision column in JSON, CSV and Markdown (of all codes
//! and of `--api share-qq`), the JSON catalog as an override file, and the README's
//! first command.

use msdk_error_codes::{Api, MsdkCode};
use serde_json::Value;

use super::{TempFile, run_text};

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
fn overrides_and_the_catalog_of_an_api() {
    let file = TempFile::new(
        "team.json",
        r#"[{"layer":"access","code":-503,"err_type":2,"action":"reauthorize"}]"#,
    );
    let path = file.path();
    let (status, out, _) = run_text(
        &["--overrides", path, "--summary", "--json"],
        "{\"ret\":-503}\n",
    );
    assert_eq!(status, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["rows"][0]["decision"], "reauthorize");
    std::fs::write(path, "[{").unwrap();
    let (status, _, err) = run_text(&["--overrides", path, "-503"], "");
    assert_eq!(status, 2);
    assert!(
        err.contains("team.json: override row 1: invalid JSON: EOF"),
        "{err}"
    );

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

/// Pay token 17's explanation as the tool prints it: the page's empty 推荐处理 is one
/// line that says where the handling came from (no `(none)` beside a recommendation),
/// and err_type 5 says the decision does not follow it (no "no automatic recovery"
/// beside `reauthorize`).
const PAY_TOKEN_17: &str = "\
ret -15000, msg \"oidb decode0x73a failed, ret:17\"
  decision           reauthorize: Send the user through QQ/WeChat authorization again.
  decided by         the catalog's reading of the description (the page gives no handling), as action reauthorize
  code               QQ pay token check 17 (PayTokenCode::PayTokenExpired)
  platform message   \"oidb decode0x73a failed, ret:17\"
  错误描述           pay token已过期
  description        The pay token has expired
  recommendation     none on the page (no 推荐处理); the catalog's, from the description: The pay token has expired: the user must authorize again.
  action             reauthorize
  err_type           5 unknown (the catalog's): MSDK's coarse class of the error, which the decision does not follow here
";

#[test]
fn pay_token_17_reads_without_contradiction() {
    let (status, out, err) = run_text(&["-15000", "oidb decode0x73a failed, ret:17"], "");
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(out, PAY_TOKEN_17);

    // From a log, with the server's err_type: the err_type line and the decision agree,
    // or the err_type line says the decision does not follow it.
    let cases = [
        (
            "5",
            "reauthorize: Send the user through QQ/WeChat authorization again.",
            "the catalog's reading of the description (the page gives no handling), as action reauthorize",
            "5 unknown (the catalog's, and the server's): MSDK's coarse class of the error, which the decision does not follow here",
        ),
        (
            "2",
            "reauthorize: Send the user through QQ/WeChat authorization again.",
            "the catalog's reading of the description (the page gives no handling), as action reauthorize; the server's err_type 2 reauthorize agrees",
            "2 reauthorize (sent by the server; the catalog says 5 unknown): MSDK's coarse class of the error, in agreement with the decision",
        ),
        (
            "3",
            "refresh_token: Refresh the access token with the refresh token; re-authorize if that fails.",
            "the server's err_type 3 refresh_token (the catalog's action reauthorize does not fit it)",
            "3 refresh_token: refresh the access token with the refresh token (sent by the server; the catalog says 5 unknown)",
        ),
    ];
    for (err_type, decision, decided_by, err_type_line) in cases {
        let line = format!(
            "{{\"ret\":-15000,\"msg\":\"oidb decode0x73a failed, ret:17\",\"err_type\":{err_type}}}\n"
        );
        let (status, out, err) = run_text(&["--no-prefix"], &line);
        assert_eq!((status, err.as_str()), (0, ""));
        let field = |name: &str| {
            out.lines()
                .find_map(|l| l.strip_prefix(&format!("  {name:<19}")))
                .unwrap_or_else(|| panic!("no {name} in {out}"))
                .to_owned()
        };
        assert_eq!(field("decision"), decision, "{out}");
        assert_eq!(field("decided by"), decided_by, "{out}");
        assert_eq!(field("err_type"), err_type_line, "{out}");
        assert!(
            !out.contains("(none)") && !out.contains("no automatic recovery"),
            "{out}"
        );
    }
}

/// The decision of a fixture's response, read in its API, as the library gives it.
fn library_decision(response: &msdk_error_codes::MsdkResponse<'_>, api: Api) -> &'static str {
    response.classify_for(api).decision().as_str()
}

#[test]
fn the_json_catalog_has_each_rows_decision() {
    let (status, out, err) = run_text(&["--catalog", "--format", "json"], "");
    assert_eq!((status, err.as_str()), (0, ""));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), MsdkCode::COUNT);
    for (row, code) in rows.iter().zip(msdk_error_codes::catalog()) {
        assert_eq!(row["name"], code.name());
        let fixture = code.fixture();
        assert_eq!(
            row["decision"],
            library_decision(fixture.response(), fixture.api()),
            "{row}"
        );
    }
    let rate_limit = rows
        .iter()
        .find(|r| r["layer"] == "access" && r["code"] == -503)
        .unwrap();
    assert_eq!(rate_limit["decision"], "retry_slow_down");
}

#[test]
fn the_markdown_catalog_of_share_qq() {
    let (status, out, err) = run_text(&["--catalog", "--api", "share-qq"], "");
    assert_eq!((status, err.as_str()), (0, ""));
    // Each table's header has the decision column, last.
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("| code |")).collect();
    assert!(!headers.is_empty(), "{out}");
    for header in &headers {
        assert!(header.ends_with("| action | decision |"), "{header}");
    }
    // One row per code a share-qq call can receive, in the library's order, each with
    // the decision of its response read as share-qq's.
    let rows: Vec<Vec<&str>> = out
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| code |"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    let fixtures: Vec<_> = msdk_error_codes::fixtures_for(Api::QqShare).collect();
    assert_eq!(rows.len(), fixtures.len());
    for (row, fixture) in rows.iter().zip(&fixtures) {
        // The name: the code column has ranges (`16..=17`) and unsigned forms too.
        assert_eq!(row[1], format!("`{}`", fixture.code().name()), "{row:?}");
        assert_eq!(
            *row.last().unwrap(),
            library_decision(fixture.response(), Api::QqShare),
            "{row:?}"
        );
    }
    assert!(
        rows.iter().any(|r| r[1] == "`AuthenticationFailed`"),
        "share-qq's own table"
    );
    assert!(
        !rows.iter().any(|r| r[1] == "`AccountNotFound`"),
        "blue-diamond codes are not share-qq's"
    );
}

#[test]
fn the_json_catalog_is_an_override_file_that_changes_no_decision() {
    let (status, export, _) = run_text(&["--catalog", "--format", "json"], "");
    assert_eq!(status, 0);
    let file = TempFile::new("export.json", &export);
    // Every documented response of every API, with each err_type a server may send.
    for api in Api::ALL {
        let mut log = String::new();
        for fixture in msdk_error_codes::fixtures_for(api) {
            for err_type in [None, Some(0), Some(1), Some(2), Some(3), Some(5)] {
                log.push_str(&fixture.clone().with_server_err_type(err_type).to_json());
                log.push('\n');
            }
        }
        let decisions = |overrides: &[&str]| {
            let args = [&["--json", "--api", api.as_str()], overrides].concat();
            let (status, out, err) = run_text(&args, &log);
            assert_eq!((status, err.as_str()), (0, ""), "{args:?}");
            out.lines()
                .map(|l| {
                    let o: Value = serde_json::from_str(l).unwrap();
                    (o["line"].as_u64().unwrap(), o["decision"].to_string())
                })
                .collect::<Vec<_>>()
        };
        let without = decisions(&[]);
        assert_eq!(without.len(), log.lines().count());
        assert_eq!(decisions(&["--overrides", file.path()]), without, "{api}");
    }
}
