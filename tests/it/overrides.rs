//! Overrides: an exported row edited by hand is an override file; overrides apply as
//! documented through a `Classifier`; bad files are errors that name the row and the
//! field; and a set of overrides builds in O(n log n) whatever the order of its rows.

use msdk_error_codes::{
    Action, Api, Backoff, Classifier, Code, Decision, ErrType, Layer, MsdkCode, MsdkResponse,
    Override, OverrideError, Overrides, classify, classify_for, fixtures,
};

#[test]
fn an_exported_row_edited_by_hand_is_an_override() {
    // The row shape of `msdk-explain --catalog --format json`, with err_type and action
    // edited.
    let exported = serde_json::json!([{
        "ret": -20000, "msg": "40001,invalid credential", "layer": "wechat_platform",
        "code": 40001, "name": "InvalidCredential", "description": "invalid credential",
        "recommendation": "重新拉起授权", "description_en": "Token changed",
        "recommendation_en": "Refresh it.", "err_type": 3, "action": "refresh_token",
        "known": true, "api": "generic", "range_end": null, "unsigned": null,
        "label": "wechat_platform.40001"
    }]);
    let overrides = Overrides::from_json(&exported.to_string()).unwrap();
    assert_eq!(overrides.len(), 1);
    let classifier = Classifier::new().with_overrides(overrides);
    let c = classifier.classify(-20000, "40001,invalid credential");
    assert_eq!(
        (c.err_type(), c.action(), c.decision()),
        (
            ErrType::RefreshToken,
            Action::RefreshToken,
            Decision::RefreshToken
        )
    );
    assert!(c.is_overridden());
    let catalog = MsdkCode::lookup(Layer::WechatPlatform, 40001).unwrap();
    assert_eq!(c.known(), Some(catalog), "known() stays the catalog's");
    assert_ne!(catalog.description_en(), "Token changed");
    let row = classifier.override_for(&c).unwrap();
    assert_eq!(
        (row.description_en(), row.recommendation_en()),
        (Some("Token changed"), Some("Refresh it."))
    );
    assert!(c.to_string().contains("; overridden"));
}

#[test]
fn overrides_apply_as_documented() {
    let file = r#"[
        {"layer":"qq_platform","code":-73,"err_type":1,"action":"retry_later"},
        {"layer":"wechat_platform","code":61451,"err_type":"reauthorize","action":"reauthorize"},
        {"layer":"access_token","code":16,"err_type":2,"action":"reauthorize"},
        {"layer":"access","code":0,"err_type":5,"action":"fix_request"}
    ]"#;
    let classifier = Classifier::new().with_overrides(Overrides::from_json(file).unwrap());
    // A documented code.
    let c = classifier.classify(-10000, "-73,x");
    assert_eq!(c.decision(), Decision::Retry(Backoff::Later));
    assert_eq!(
        c.table_err_type(),
        ErrType::NetworkUnstable,
        "the override replaces the row"
    );
    // An undocumented one gets its handling, and stays undocumented.
    let c = classifier.classify(-20000, "61451,x");
    assert_eq!((c.known(), c.decision()), (None, Decision::Reauthorize));
    // A range row: every number of it.
    for n in [16, 17] {
        let msg = format!("oidb decode0x711 failed, ret:{n}");
        let c = classifier.classify(-15000, &msg);
        assert_eq!((c.code(), c.decision()), (n, Decision::Reauthorize), "{n}");
    }
    // The server's err_type applies on top.
    let response = MsdkResponse::new(-10000, "-73,x", Some(3));
    assert_eq!(
        classifier
            .classify_response_for(Api::Generic, &response)
            .decision(),
        Decision::RefreshToken
    );
    let response = MsdkResponse::new(-10000, "-73,x", Some(5));
    assert_eq!(
        classifier
            .classify_response_for(Api::Generic, &response)
            .decision(),
        Decision::Retry(Backoff::Later)
    );
    // A success stays a success.
    let ok = classifier.classify(0, "ok");
    assert_eq!(
        (ok.decision(), ok.is_overridden()),
        (Decision::Success, false)
    );
    // Codes without an override are the catalog's.
    assert_eq!(classifier.classify(-503, ""), classify(-503, ""));
    // A table's success row is never overridden: inside a failed ret it stays a failure.
    let success_row = Overrides::from_json(
        r#"[{"layer":"wechat_platform","code":0,"err_type":0,"action":"no_action"}]"#,
    )
    .unwrap();
    let c = Classifier::new()
        .with_overrides(success_row)
        .classify(-20000, "0,ok");
    assert_eq!((c.decision(), c.is_overridden()), (Decision::Fail, false));
}

#[test]
fn without_overrides_a_classifier_is_classify() {
    let classifier = Classifier::new();
    for fixture in fixtures() {
        let response = fixture.response();
        assert_eq!(
            classifier.classify_response_for(fixture.api(), response),
            response.classify_for(fixture.api())
        );
        assert_eq!(
            classifier.classify_for(fixture.api(), response.ret(), response.msg()),
            classify_for(fixture.api(), response.ret(), response.msg())
        );
    }
    fn send_sync_clone<T: Send + Sync + Clone>() {}
    send_sync_clone::<Classifier>();
}

#[test]
fn bad_override_files_name_the_row_and_the_field() {
    let row = |fields: &str| format!("[{{{fields}}}]");
    let good = r#""layer":"qq_platform","code":-73,"err_type":1,"action":"retry_later""#;
    let cases: Vec<(String, Option<usize>, Option<&str>, &str)> = vec![
        ("not json".into(), None, None, "invalid JSON"),
        ("{}".into(), None, None, "expected a JSON array"),
        ("[1]".into(), Some(1), None, "expected an object"),
        (
            row(r#""layer":"nowhere","code":1,"err_type":1,"action":"retry""#),
            Some(1),
            Some("layer"),
            "unknown layer",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"err_type":4,"action":"retry""#),
            Some(1),
            Some("err_type"),
            "not an MSDK err_type",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"err_type":"sometimes","action":"retry""#),
            Some(1),
            Some("err_type"),
            "unknown err_type",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"err_type":1,"action":"soon""#),
            Some(1),
            Some("action"),
            "unknown action",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"action":"retry""#),
            Some(1),
            Some("err_type"),
            "missing",
        ),
        (
            row(r#""layer":"qq_platform","err_type":1,"action":"retry""#),
            Some(1),
            Some("code"),
            "missing",
        ),
        (
            row(r#""layer":"qq_platform","code":4294967296,"err_type":1,"action":"retry""#),
            Some(1),
            Some("code"),
            "expected an i32",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"err_type":1,"action":"retry","err_typ":1"#),
            Some(1),
            None,
            "unknown field",
        ),
        (
            row(
                r#""layer":"qq_platform","code":1,"err_type":1,"action":"retry","description_en":5"#,
            ),
            Some(1),
            Some("description_en"),
            "expected a string",
        ),
        (
            row(r#""layer":"access_token","code":17,"err_type":1,"action":"retry""#),
            Some(1),
            Some("code"),
            "covered by the row",
        ),
        (
            format!("[{{{good}}},{{{good}}}]"),
            Some(2),
            None,
            "overridden twice",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"code":2,"err_type":1,"action":"retry""#),
            Some(1),
            None,
            "duplicate field \"code\"",
        ),
        (
            row(r#""layer":"qq_platform","code":1,"err_type":"-0","action":"retry""#),
            Some(1),
            Some("err_type"),
            "unknown err_type",
        ),
        ("[1.5]".into(), Some(1), None, "expected an object"),
    ];
    for (file, row_number, field, words) in cases {
        let err: OverrideError = Overrides::from_json(&file).unwrap_err();
        assert_eq!(
            (err.row(), err.field()),
            (row_number, field),
            "{file}: {err}"
        );
        assert!(err.to_string().contains(words), "{file}: {err}");
    }
}

#[test]
fn json_errors_inside_a_row_name_the_row_and_the_field() {
    let good = r#""layer":"qq_platform","code":-73,"err_type":1,"action":"retry_later""#;
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let digits = "9".repeat(100_000);
    // (file, row, field, any of the words: serde_json's own errors differ with its
    // features, a huge integer is a number there under arbitrary_precision)
    type Case = (
        String,
        Option<usize>,
        Option<&'static str>,
        &'static [&'static str],
    );
    let cases: Vec<Case> = vec![
        (
            format!(
                r#"[{{{good}}},{{"layer":"qq_platform","code":{digits},"err_type":1,"action":"retry_later"}}]"#
            ),
            Some(2),
            Some("code"),
            &["number out of range", "expected an i32"],
        ),
        (
            format!(r#"[{{{good},"description_en":{deep}}}]"#),
            Some(1),
            Some("description_en"),
            &["recursion limit exceeded"],
        ),
        (
            format!(r#"[{{{good},"description_en":"\ud83d"}}]"#),
            Some(1),
            Some("description_en"),
            &["hex escape"],
        ),
        // A key that does not decode: the row, and no field yet.
        (
            format!(r#"[{{{good}}},{{{good},"\ud83d":1}}]"#),
            Some(2),
            None,
            &["hex escape"],
        ),
        // A field the file may not have: the row only.
        (
            format!(r#"[{{{good},"nope":{deep}}}]"#),
            Some(1),
            None,
            &["recursion limit exceeded"],
        ),
        // Between rows, or around them: the file.
        (
            format!(r#"[{{{good}}} {{{good}}}]"#),
            None,
            None,
            &["expected `,` or `]`"],
        ),
        (
            format!(r#"[{{{good}}}] x"#),
            None,
            None,
            &["trailing characters"],
        ),
    ];
    for (file, row, field, words) in &cases {
        let err = Overrides::from_json(file).unwrap_err();
        let shown = &file[..file.len().min(120)];
        assert_eq!((err.row(), err.field()), (*row, *field), "{shown}: {err}");
        let text = err.to_string();
        assert!(words.iter().any(|w| text.contains(w)), "{shown}: {err}");
        let prefix = match (row, field) {
            (Some(row), Some(field)) => format!("override row {row}, field `{field}`: "),
            (Some(row), None) => format!("override row {row}: "),
            (None, _) => "overrides: ".to_owned(),
        };
        assert!(text.starts_with(&prefix), "{shown}: {err}");
    }
    // Every field of the export, required or ignored, is named inside its value.
    for &field in msdk_error_codes::catalog::ExportRow::FIELDS.iter() {
        for value in [deep.as_str(), r#""\udc00""#] {
            let file = format!(r#"[{{{good}}},{{"{field}":{value}}}]"#);
            let err = Overrides::from_json(&file).unwrap_err();
            assert_eq!((err.row(), err.field()), (Some(2), Some(field)), "{err}");
            assert!(err.to_string().contains("invalid JSON"), "{err}");
        }
    }
}

#[test]
fn the_first_bad_row_in_file_order_wins() {
    let row = |code: i32| {
        format!(
            r#"{{"layer":"wechat_platform","code":{code},"err_type":1,"action":"retry_later"}}"#
        )
    };
    let mut rows: Vec<String> = (1..=9).map(|n| row(1_000_000 + n)).collect();
    // Row 9 gives row 2's code again.
    rows[8] = row(1_000_002);
    let err = Overrides::from_json(&format!("[{}]", rows.join(","))).unwrap_err();
    assert_eq!((err.row(), err.field()), (Some(9), None), "{err}");
    assert!(err.to_string().contains("overridden twice"), "{err}");
    // A bad row 7 comes first.
    rows[6] = rows[6].replace("wechat_platform", "nowhere");
    let err = Overrides::from_json(&format!("[{}]", rows.join(","))).unwrap_err();
    assert_eq!((err.row(), err.field()), (Some(7), Some("layer")), "{err}");
    // JSON that does not parse is the error wherever it is, as before: row 8 here.
    rows[7] = "{x}".to_owned();
    let err = Overrides::from_json(&format!("[{}]", rows.join(","))).unwrap_err();
    assert_eq!((err.row(), err.field()), (Some(8), None), "{err}");
    assert!(err.to_string().contains("invalid JSON"), "{err}");
    // The same rows through `with`: the duplicate is the later one, numbered as added.
    let add = |overrides: Overrides, code: i32| {
        overrides.with(Override::new(
            Code::new(Layer::WechatPlatform, code),
            ErrType::NetworkUnstable,
            Action::RetryLater,
        ))
    };
    let overrides = (1..=8)
        .try_fold(Overrides::new(), |o, n| add(o, 1_000_000 + n))
        .unwrap();
    let err = add(overrides, 1_000_002).unwrap_err();
    assert_eq!(err.row(), Some(9));
}

/// An override file with one row per code, in the order given: each code of the WeChat
/// platform retried later.
fn file_of(codes: &[i32]) -> String {
    let rows: Vec<String> = codes
        .iter()
        .map(|c| {
            format!(
                r#"{{"layer":"wechat_platform","code":{c},"err_type":1,"action":"retry_later"}}"#
            )
        })
        .collect();
    format!("[{}]", rows.join(",\n"))
}

#[test]
fn overrides_of_any_order_are_ordered_by_code() {
    let ascending: Vec<i32> = (0..500).map(|n| 1_000_000 + n).collect();
    let descending: Vec<i32> = ascending.iter().rev().copied().collect();
    let mixed: Vec<i32> = (0..500).map(|n| 1_000_000 + (n * 7919) % 500).collect();
    let built: Vec<Overrides> = [&ascending, &descending, &mixed]
        .iter()
        .map(|codes| Overrides::from_json(&file_of(codes)).unwrap())
        .collect();
    assert!(built.iter().all(|o| *o == built[0]));
    let codes: Vec<i32> = built[0].iter().map(|o| o.code().value()).collect();
    assert_eq!(codes, ascending);
    for &code in &mixed {
        let found = built[2]
            .get(Code::new(Layer::WechatPlatform, code))
            .unwrap();
        assert_eq!(found.code().value(), code);
    }
    assert!(
        built[2]
            .get(Code::new(Layer::WechatPlatform, 999_999))
            .is_none()
    );
}

/// By hand: `cargo test --release --all-features --test it
/// overrides::overrides_build_in_n_log_n_whatever_the_order -- --ignored --nocapture`.
/// 200,000 rows, ascending and descending: `from_json` and as many `with` calls.
///
/// A measurement, so not run by `cargo test`: no count the public API exposes grows
/// with a quadratic build (the keys' order is derived, so comparisons cannot be
/// counted, and moving rows allocates nothing), and the house rule keeps timing out of
/// tests. The `overrides` group of `benches/msdk.rs` shows the same in criterion, both
/// orders in one run.
#[test]
#[ignore = "a measurement, run by hand"]
fn overrides_build_in_n_log_n_whatever_the_order() {
    use std::time::{Duration, Instant};

    let n = 200_000;
    let mut times: Vec<Duration> = Vec::new();
    for descending in [false, true] {
        let codes: Vec<i32> = if descending {
            (0..n).rev().map(|i| 10_000_000 + i).collect()
        } else {
            (0..n).map(|i| 10_000_000 + i).collect()
        };
        let json = file_of(&codes);
        let start = Instant::now();
        let read = Overrides::from_json(&json).unwrap();
        let from_json = start.elapsed();
        let start = Instant::now();
        let mut added = Overrides::new();
        for &c in &codes {
            added = added
                .with(Override::new(
                    Code::new(Layer::WechatPlatform, c),
                    ErrType::NetworkUnstable,
                    Action::RetryLater,
                ))
                .unwrap();
        }
        let with = start.elapsed();
        assert_eq!((read.len(), added.len()), (n as usize, n as usize));
        let order = if descending {
            "descending"
        } else {
            "ascending"
        };
        eprintln!("{n} rows {order:10}: from_json {from_json:?}, {n} x with {with:?}");
        times.extend([from_json, with]);
    }
    // Quadratic, descending took minutes against a fraction of a second ascending.
    let slowest = times.iter().max().unwrap();
    assert!(*slowest < Duration::from_secs(10), "{times:?}");
}
