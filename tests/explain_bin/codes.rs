//! Codes, bodies and the catalog as arguments: look-ups, `-0`, `--overrides`,
//! `--catalog --api` and the README's first command.

use super::run_text;

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
