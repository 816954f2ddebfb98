//! Look-ups (`layer:code`, labels, JSON bodies, the other tables of a bare number), the
//! wording of what decides, `--overrides` and `--catalog --api`.

use msdk_error_codes::{Api, MsdkCode, catalog, fixtures_for};
use serde_json::Value;

use super::{Files, cli, run};

#[test]
fn a_code_or_a_label_is_explained_as_msdk_sends_it() {
    for arg in [
        "wechat_platform:42001",
        "wechat_platform.42001",
        " wechat_platform:42001 ",
    ] {
        let (status, out, err) = run(&[arg], "");
        assert_eq!((status, err.as_str()), (0, ""), "{arg}");
        assert!(
            out.starts_with(
                "wechat_platform:42001, as MSDK sends it: ret -20000, msg \"42001,access_token expired\"\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("WechatPlatformCode::AccessTokenExpired"),
            "{out}"
        );
        assert!(out.contains("decision           refresh_token"), "{out}");
    }
    let (_, out, _) = run(&["--json", "qq_platform.-73"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (json["label"].as_str(), json["ret"].as_i64()),
        (Some("qq_platform.-73"), Some(-10000))
    );
    assert!(json.get("line").is_none());

    // An API table's code is read in its own API.
    let (_, out, _) = run(&["--json", "qq_share:100000"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (json["api"].as_str(), json["name"].as_str()),
        (Some("share-qq"), Some("AuthenticationFailed"))
    );
    // A number inside a range row, and an undocumented one in its layer's wire form.
    let (_, out, _) = run(&["--json", "access_token:17"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (json["code"].as_i64(), json["label"].as_str()),
        (Some(17), Some("access_token.16"))
    );
    let (_, out, _) = run(&["--json", "pay_token:95"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            json["layer"].as_str(),
            json["code"].as_i64(),
            json["known"].as_bool()
        ),
        (Some("pay_token"), Some(95), Some(false))
    );
    assert_eq!(json["msg"], "oidb decode0x73a failed, ret:95");
}

#[test]
fn a_json_body_is_explained() {
    let (status, out, _) = run(&["{\"ret\":-503,\"msg\":\"频率超限\",\"err_type\":1}"], "");
    assert_eq!(status, 0);
    assert!(out.starts_with("ret -503, msg \"频率超限\"\n"), "{out}");
    assert!(out.contains("decision           retry_slow_down"), "{out}");
    let (_, out, _) = run(&["--api", "/share/qq", "--json", "{\"ret\":100000}"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["label"], "qq_share.100000");
    // A body that is not a response is exit 2, with the reader's error.
    let (status, out, err) = run(&["{\"msg\":\"no ret\"}"], "");
    assert_eq!((status, out.as_str()), (cli::USAGE_ERROR, ""));
    assert!(err.starts_with("msdk-explain: the JSON body is not an MSDK response: invalid MSDK response: missing field `ret`"), "{err}");
    let (status, _, err) = run(&["{\"ret\":-0}"], "");
    assert_eq!(status, cli::USAGE_ERROR);
    assert!(err.contains("floating point"), "{err}");
}

#[test]
fn a_bare_number_lists_the_tables_that_document_it() {
    let (status, out, _) = run(&["42001"], "");
    assert_eq!(status, 0);
    assert!(out.contains("access layer 42001: undocumented"), "{out}");
    assert!(
        out.contains("  also documented as\n    wechat_platform:42001 AccessTokenExpired: The access_token has expired\n"),
        "{out}"
    );
    let (_, out, _) = run(&["-73"], "");
    assert!(
        out.contains("    qq_platform:-73 TokenInvalidatedByPasswordChange: "),
        "{out}"
    );
    // 100000 is documented by the QQ platform and QQ share tables; under --api
    // share-qq it is documented where it is read, and no list is printed.
    let (_, out, _) = run(&["--json", "100000"], "");
    let json: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = json["also_documented_as"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"qq_share:100000") && ids.contains(&"qq_platform:100000"),
        "{ids:?}"
    );
    let (_, out, _) = run(&["--api", "share-qq", "100000"], "");
    assert!(!out.contains("also documented as"), "{out}");
    let (_, out, _) = run(&["--json", "-503"], "");
    assert!(!out.contains("also_documented_as"), "{out}");
    // A number no table documents lists nothing.
    let (_, out, _) = run(&["987654"], "");
    assert!(!out.contains("also documented as"), "{out}");
}

#[test]
fn pay_token_17_reads_without_contradiction() {
    let (status, out, _) = run(&["-15000", "oidb decode0x73a failed, ret:17"], "");
    assert_eq!(status, 0);
    let lines: Vec<&str> = out.lines().collect();
    // What to do first, then why.
    assert_eq!(
        lines[1],
        "  decision           reauthorize: Send the user through QQ/WeChat authorization again."
    );
    assert!(lines[2].starts_with("  decided by         the catalog's reading of the description (the page gives no handling)"), "{out}");
    // The page's empty 推荐处理 is one line, not "(none)" beside a recommendation.
    assert!(
        !out.contains("(none)") && !out.contains("推荐处理           "),
        "{out}"
    );
    assert!(
        out.contains("  recommendation     none on the page (no 推荐处理); the catalog's, from the description: The pay token has expired"),
        "{out}"
    );
    // err_type 5 is MSDK's coarse class here, not "no automatic recovery".
    assert!(!out.contains("no automatic recovery"), "{out}");
    assert!(
        out.contains("  err_type           5 unknown (the catalog's): MSDK's coarse class of the error, which the decision does not follow here"),
        "{out}"
    );
}

#[test]
fn no_explanation_contradicts_itself() {
    // Every documented response, with every err_type a server may send.
    for fixture in msdk_error_codes::fixtures() {
        for err_type in [None, Some(0), Some(1), Some(2), Some(3), Some(5), Some(7)] {
            let fixture = fixture.clone().with_server_err_type(err_type);
            let body = fixture.to_json();
            let api = fixture.api().as_str();
            let (status, out, _) = run(&["--api", api, &body], "");
            assert_eq!(status, 0, "{body}");
            let decision = fixture.response().classify_for(fixture.api()).decision();
            let lines: Vec<&str> = out.lines().collect();
            assert!(
                lines[1].starts_with(&format!("  decision           {decision}: ")),
                "{out}"
            );
            assert!(
                !out.contains("(none)") && !out.contains("catalogue"),
                "{out}"
            );
            // The meaning of err_type shows only where it decides, so "no automatic
            // recovery" stands beside a failure only.
            if out.contains("no automatic recovery") {
                assert_eq!(decision.as_str(), "fail", "{out}");
            }
            for meaning in [
                "try again later",
                "the user must log in again",
                "refresh the access token",
            ] {
                if out
                    .lines()
                    .any(|l| l.starts_with("  err_type") && l.contains(meaning))
                {
                    assert!(lines[2].contains("err_type"), "{out}");
                }
            }
        }
    }
}

#[test]
fn a_bad_override_file_is_exit_2_with_its_error() {
    let files = Files::new("overrides");
    let bad = files.write(
        "bad.json",
        r#"[{"layer":"wechat_platform","code":40001,"err_type":3,"action":"soon"}]"#,
    );
    let bad = bad.as_str();
    for args in [vec!["--overrides", bad, "1"], vec!["--overrides", bad]] {
        let (status, out, err) = run(&args, "{\"ret\":1}\n");
        assert_eq!((status, out.as_str()), (cli::USAGE_ERROR, ""), "{args:?}");
        assert!(err.starts_with("msdk-explain: "), "{err}");
        assert!(
            err.contains("override row 1, field `action`: unknown action \"soon\""),
            "{err}"
        );
    }
    let missing = std::path::Path::new(&bad).with_file_name("missing.json");
    let (status, _, err) = run(&["--overrides", missing.to_str().unwrap(), "1"], "");
    assert_eq!(status, cli::USAGE_ERROR);
    assert!(
        err.starts_with("msdk-explain: cannot read the override file"),
        "{err}"
    );

    // A good one: the override decides, and says so.
    let good = files.write(
        "good.json",
        r#"[{"layer":"wechat_platform","code":40001,"err_type":3,"action":"refresh_token","description_en":"Expired, as WeChat says now"}]"#,
    );
    let (status, out, _) = run(
        &["--overrides", &good, "-20000", "40001,invalid credential"],
        "",
    );
    assert_eq!(status, 0);
    assert!(out.contains("decision           refresh_token"), "{out}");
    assert!(
        out.contains("decided by         the override file's action refresh_token"),
        "{out}"
    );
    assert!(
        out.contains("description        Expired, as WeChat says now (override file)"),
        "{out}"
    );
    assert!(out.contains("overridden         by the override file: err_type 3 refresh_token, action refresh_token"), "{out}");
}

#[test]
fn catalog_for_an_api_lists_what_it_can_receive() {
    for api in Api::ALL {
        let (status, out, _) = run(&["--catalog", "--json", "--api", api.as_str()], "");
        assert_eq!(status, 0);
        let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
        let want: Vec<MsdkCode> = fixtures_for(api).map(|f| f.code()).collect();
        assert_eq!(rows.len(), want.len(), "{api}");
        for (row, code) in rows.iter().zip(&want) {
            assert_eq!(
                (&row["layer"], &row["code"]),
                (
                    &Value::from(code.layer().as_str()),
                    &Value::from(code.code())
                )
            );
            assert_eq!(row["api"], api.as_str());
        }
    }
    let (_, out, _) = run(&["--catalog", "--api", "share-qq"], "");
    assert!(
        out.starts_with("# MSDK Server error codes of share-qq calls\n"),
        "{out}"
    );
    assert!(out.contains("\n## §7 分享到QQ /share/qq"), "{out}");
    assert!(!out.contains("\n## §8"), "{out}");
    let (_, csv, _) = run(&["--catalog", "--format", "csv", "--api", "share-qq"], "");
    assert_eq!(csv.lines().count(), fixtures_for(Api::QqShare).count() + 1);
    assert!(
        csv.lines().next().unwrap().contains(",action,decision,"),
        "{csv}"
    );
    // Every code once, in the whole catalog.
    assert_eq!(catalog().count(), MsdkCode::COUNT);
}
