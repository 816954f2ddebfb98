//! Fixtures: the exact JSON MSDK sends for every documented code, and that each one
//! classifies back to its code.

use msdk_error_codes::{
    AccessTokenCode, Api, ErrType, Layer, LogicCode, MsdkCode, MsdkResponse, OidbCode,
    PayTokenCode, catalog, fixtures, fixtures_for,
};
use strum::EnumCount;

#[test]
fn every_fixture_classifies_back_to_its_code() {
    let mut shadowed = Vec::new();
    for fixture in fixtures() {
        let code = fixture.code();
        let body = fixture.to_json();
        let response = MsdkResponse::from_slice(body.as_bytes()).expect("a fixture parses");
        assert_eq!(&response, fixture.response(), "{body}");
        let c = response.classify_for(fixture.api());
        if c.known() == Some(code) {
            let expected = if c.ret() == 0 {
                ErrType::Normal
            } else if code.code() == 0 {
                // A success row that travels inside a failed ret: not a success.
                assert!(
                    matches!(
                        code.layer(),
                        Layer::WechatPlatform | Layer::PayToken | Layer::AccessToken
                    ),
                    "{body}"
                );
                ErrType::Unknown
            } else {
                code.err_type()
            };
            assert_eq!(c.err_type(), expected, "{body}");
            assert_eq!(
                c.table_err_type(),
                c.err_type(),
                "{body}: the fixture's err_type is the classification's"
            );
        } else {
            // The only way back to another code: the access table documents the same
            // number, and the access layer answers first for every API.
            let other = c.known().expect("documented");
            assert_eq!(
                (code.layer(), other.layer()),
                (Layer::Logic, Layer::Access),
                "{body}"
            );
            assert_eq!(other.code(), code.code());
            shadowed.push(code.code());
        }
    }
    // Logic 0 (success) and logic -101 share their numbers with the access table; the
    // spec gives no way to tell them apart on the wire.
    assert_eq!(shadowed, [0, -101]);
}

#[test]
fn fixtures_have_the_wire_form() {
    let cases: &[(Layer, i32, Api, &str)] = &[
        (
            Layer::Access,
            -503,
            Api::Generic,
            r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
        ),
        (
            Layer::Access,
            0,
            Api::Generic,
            r#"{"ret":0,"msg":"成功","err_type":0}"#,
        ),
        (
            Layer::Logic,
            -10000,
            Api::Generic,
            r#"{"ret":-10000,"msg":"-10000以上为业务本身的错误","err_type":5}"#,
        ),
        (
            Layer::QqPlatform,
            -73,
            Api::Generic,
            r#"{"ret":-10000,"msg":"-73,0x47 access token改密失效","err_type":2}"#,
        ),
        (
            Layer::WechatPlatform,
            40001,
            Api::Generic,
            r#"{"ret":-20000,"msg":"40001,invalid credential","err_type":2}"#,
        ),
        (
            Layer::WechatPlatform,
            42001,
            Api::Generic,
            r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#,
        ),
        (
            Layer::QqShare,
            100000,
            Api::QqShare,
            r#"{"ret":100000,"msg":"鉴权错误！uin,skey错误","err_type":2}"#,
        ),
        (
            Layer::WechatGroup,
            -10000,
            Api::WechatGroup,
            r#"{"ret":-10000,"msg":"内部错误","err_type":1}"#,
        ),
        (
            Layer::WechatPlatform,
            0,
            Api::Generic,
            r#"{"ret":-20000,"msg":"0,ok","err_type":5}"#,
        ),
        (
            Layer::PayToken,
            17,
            Api::Generic,
            r#"{"ret":-15000,"msg":"oidb decode0x73a failed, ret:17","err_type":5}"#,
        ),
        (
            Layer::AccessToken,
            0x10,
            Api::Generic,
            r#"{"ret":-15000,"msg":"oidb decode0x711 failed, ret:16","err_type":5}"#,
        ),
        (
            Layer::Oidb,
            -1,
            Api::Generic,
            r#"{"ret":-15000,"msg":"oidb call failed, ret:-1","err_type":5}"#,
        ),
        (
            Layer::GameCenter,
            0,
            Api::GameCenter,
            r#"{"ret":0,"msg":"成功","err_type":0}"#,
        ),
    ];
    for &(layer, number, api, json) in cases {
        let fixture = MsdkCode::lookup(layer, number).unwrap().fixture();
        assert_eq!(fixture.api(), api, "{layer:?} {number}");
        assert_eq!(fixture.to_json(), json, "{layer:?} {number}");
    }
}

#[test]
fn one_fixture_per_code_in_catalog_order() {
    let codes: Vec<MsdkCode> = fixtures().map(|f| f.code()).collect();
    assert_eq!(codes, msdk_error_codes::catalog().collect::<Vec<_>>());
}

#[test]
fn with_server_err_type_replaces_only_err_type() {
    for fixture in fixtures() {
        let (code, api) = (fixture.code(), fixture.api());
        let expected_known = fixture.response().classify_for(api).known();
        for err_type in [None, Some(0), Some(1), Some(2), Some(3), Some(5), Some(42)] {
            let changed = fixture.clone().with_server_err_type(err_type);
            assert_eq!((changed.code(), changed.api()), (code, api));
            let response = changed.response();
            assert_eq!(response.server_err_type(), err_type);
            assert_eq!(response.ret(), fixture.response().ret());
            assert_eq!(response.msg(), fixture.response().msg());
            // The body is what MSDK sends: err_type left out when absent.
            let body = changed.to_json();
            assert_eq!(body.contains("err_type"), err_type.is_some(), "{body}");
            assert_eq!(&MsdkResponse::from_json(&body).unwrap(), response);
            // The code found never changes, only what the server says to do.
            let c = response.classify_for(api);
            assert_eq!(c.known(), expected_known, "{body}");
            assert_eq!(c.server_err_type_raw(), err_type);
            assert_eq!(
                c.table_err_type(),
                fixture.response().classify_for(api).table_err_type()
            );
        }
    }
}

#[test]
fn a_server_err_type_decides_a_failure_the_catalog_would_not_retry() {
    use msdk_error_codes::{AccessCode, Backoff, Decision, WechatPlatformCode};

    let cases: &[(MsdkCode, Option<i32>, Decision)] = &[
        // -303: check the configuration; the server's 1, 2 or 3 decides.
        (AccessCode::AppidNotPermitted.into(), None, Decision::Fail),
        (
            AccessCode::AppidNotPermitted.into(),
            Some(0),
            Decision::Fail,
        ),
        (
            AccessCode::AppidNotPermitted.into(),
            Some(1),
            Decision::Retry(Backoff::Later),
        ),
        (
            AccessCode::AppidNotPermitted.into(),
            Some(2),
            Decision::Reauthorize,
        ),
        (
            AccessCode::AppidNotPermitted.into(),
            Some(3),
            Decision::RefreshToken,
        ),
        (
            AccessCode::AppidNotPermitted.into(),
            Some(5),
            Decision::Fail,
        ),
        (
            AccessCode::AppidNotPermitted.into(),
            Some(42),
            Decision::Fail,
        ),
        // -503 slows down; a server 1 keeps the catalog's backoff.
        (
            AccessCode::RateLimitExceeded.into(),
            Some(1),
            Decision::Retry(Backoff::SlowDown),
        ),
        // 42001: the server's 0 does not make an expired token fine.
        (
            WechatPlatformCode::AccessTokenExpired.into(),
            Some(0),
            Decision::RefreshToken,
        ),
        (
            WechatPlatformCode::AccessTokenExpired.into(),
            Some(2),
            Decision::Reauthorize,
        ),
    ];
    for &(code, err_type, decision) in cases {
        let fixture = code.fixture().with_server_err_type(err_type);
        let c = fixture.response().classify_for(fixture.api());
        assert_eq!(c.decision(), decision, "{}", fixture.to_json());
        assert!(fixture.into_response().into_result().is_err());
    }
    // Success stays success whatever the server says.
    let success = MsdkCode::from(AccessCode::Success).fixture();
    for err_type in [None, Some(1), Some(2), Some(3), Some(5)] {
        let response = success
            .clone()
            .with_server_err_type(err_type)
            .into_response();
        assert_eq!(response.classify().decision(), Decision::Success);
    }
}

/// Whether a generic code's fixture is answered first by `api`'s own table, derived
/// from the classification rules as the spec states them rather than from the
/// classifier: the table documents the `ret`, or the platform code of a passthrough;
/// and under WeChat group binding, `ret -10000` is the table's own internal error.
fn shadowed_by_api_table(api: Api, code: MsdkCode) -> bool {
    let Some(table) = api.layer() else {
        return false;
    };
    let ret = code.fixture().response().ret();
    let documented = |n: i32| MsdkCode::lookup(table, n).is_some();
    documented(ret)
        || (matches!(code.layer(), Layer::QqPlatform | Layer::WechatPlatform)
            && documented(code.code()))
}

#[test]
fn fixtures_for_an_api_are_what_it_receives_and_read_back_under_it() {
    for api in Api::ALL {
        let got: Vec<MsdkCode> = fixtures_for(api).map(|f| f.code()).collect();
        let expected: Vec<MsdkCode> = catalog()
            .filter(|code| {
                let layer = code.layer();
                let generic = Api::for_layer(layer) == Api::Generic;
                let shadowed_by_access = layer == Layer::Logic && [0, -101].contains(&code.code());
                (generic && !shadowed_by_access && !shadowed_by_api_table(api, *code))
                    || api.layer() == Some(layer)
            })
            .collect();
        assert_eq!(got, expected, "{api}");
        for fixture in fixtures_for(api) {
            assert_eq!(fixture.api(), api);
            let body = fixture.to_json();
            let response = MsdkResponse::from_json(&body).unwrap();
            assert_eq!(&response, fixture.response(), "{body}");
            assert_eq!(
                &response,
                fixture.code().fixture().response(),
                "the wire form is the code's"
            );
            let c = response.classify_for(api);
            assert_eq!(c.known(), Some(fixture.code()), "{api}: {body}");
            assert_eq!(c.err_type(), c.table_err_type(), "{api}: {body}");
        }
    }
}

#[test]
fn fixtures_for_names_what_each_api_table_shadows() {
    use msdk_error_codes::{AccessCode, GameCenterCode, QqPlatformCode, WechatPlatformCode};

    let contains = |api: Api, code: MsdkCode| fixtures_for(api).any(|f| f.code() == code);
    let logic = |n: i32| MsdkCode::from(LogicCode::from_code(n).unwrap());
    let qq = |n: i32| MsdkCode::from(QqPlatformCode::from_code(n).unwrap());
    let wechat = |n: i32| MsdkCode::from(WechatPlatformCode::from_code(n).unwrap());
    let cases: &[(Api, MsdkCode, bool)] = &[
        (Api::Generic, logic(-10002), true),
        (Api::BlueDiamond, logic(-10002), false),
        (Api::BlueDiamond, qq(-1), false),
        (Api::BlueDiamond, qq(-8), true),
        (Api::BlueDiamond, wechat(-1), false),
        (Api::BlueDiamond, wechat(42001), true),
        (Api::WechatGroup, qq(-73), false),
        (Api::WechatGroup, wechat(42001), true),
        (Api::WechatGroup, logic(-10000), false),
        (Api::GameCenter, AccessCode::Success.into(), false),
        (
            Api::GameCenter,
            GameCenterCode::from_code(0).unwrap().into(),
            true,
        ),
        (Api::GameCenter, wechat(0), false),
        (Api::QqShare, qq(100000), false),
        (Api::QqShare, qq(100002), true),
        (Api::QzoneShare, qq(100000), true),
        (Api::Generic, logic(0), false),
        (Api::Generic, logic(-101), false),
        (Api::Generic, AccessCode::HttpParseFailed.into(), true),
    ];
    for &(api, code, expected) in cases {
        assert_eq!(contains(api, code), expected, "{api}: {code}");
    }
    // Under WeChat group binding, no QQ platform code arrives at all.
    assert!(fixtures_for(Api::WechatGroup).all(|f| f.code().layer() != Layer::QqPlatform));
    // The OIDB tables are read the same under every API.
    for api in Api::ALL {
        let oidb = fixtures_for(api)
            .filter(|f| {
                matches!(
                    f.code().layer(),
                    Layer::Oidb | Layer::PayToken | Layer::AccessToken
                )
            })
            .count();
        assert_eq!(
            oidb,
            OidbCode::COUNT + PayTokenCode::COUNT + AccessTokenCode::COUNT,
            "{api}"
        );
    }
}

#[test]
fn every_code_but_the_two_shadowed_logic_rows_is_received_under_some_api() {
    use std::collections::HashSet;

    let union: HashSet<MsdkCode> = Api::ALL
        .into_iter()
        .flat_map(fixtures_for)
        .map(|f| f.code())
        .collect();
    let expected: HashSet<MsdkCode> = catalog()
        .filter(|code| !(code.layer() == Layer::Logic && [0, -101].contains(&code.code())))
        .collect();
    assert_eq!(union, expected);
    assert_eq!(union.len(), MsdkCode::COUNT - 2);
}

#[test]
fn undocumented_responses_keep_their_number_and_read_as_their_layer() {
    use msdk_error_codes::{
        Backoff, Decision, LogicRange, parse_oidb, parse_passthrough, undocumented_response,
    };

    use Decision::Fail;
    let later = Decision::Retry(Backoff::Later);
    // (layer, ret, the number it carries, the layer it reads as, decision)
    let cases: &[(Layer, i32, i32, Layer, Decision)] = &[
        (Layer::Access, -99, -99, Layer::Access, Fail),
        (Layer::Logic, -2011, -2011, Layer::Logic, later),
        (Layer::QqPlatform, -10000, 100030, Layer::QqPlatform, Fail),
        (
            Layer::WechatPlatform,
            -20000,
            61451,
            Layer::WechatPlatform,
            Fail,
        ),
        (Layer::WechatGroup, -10008, -10008, Layer::Logic, Fail),
        (Layer::GameCenter, -4038, -4038, Layer::Logic, later),
        (Layer::QzoneShare, 1029, 1029, Layer::Access, Fail),
        (Layer::QqShare, 40, 40, Layer::Access, Fail),
        (Layer::BlueDiamond, -13, -13, Layer::Access, Fail),
        (Layer::Oidb, -15000, -30, Layer::Oidb, Fail),
        (Layer::PayToken, -15000, 95, Layer::PayToken, Fail),
        (Layer::AccessToken, -15000, 48, Layer::AccessToken, Fail),
    ];
    assert_eq!(
        cases.iter().map(|c| c.0).collect::<Vec<_>>(),
        Layer::ALL,
        "one case per layer"
    );
    for &(layer, ret, number, reads_as, decision) in cases {
        let response = undocumented_response(layer);
        let body = serde_json::to_string(&response).unwrap();
        assert_eq!(MsdkResponse::from_json(&body).unwrap(), response, "{body}");
        assert_eq!(response.ret(), ret, "{layer:?}");
        // The number is documented in no table, so no API context can find it.
        for table in Layer::ALL {
            assert_eq!(
                MsdkCode::lookup(table, number),
                None,
                "{layer:?}: {number} in {table:?}"
            );
        }
        // The layer's own wire form carries it.
        match layer {
            Layer::QqPlatform | Layer::WechatPlatform => {
                assert_eq!(
                    parse_passthrough(response.msg()).map(|(n, _)| n),
                    Some(number)
                )
            }
            Layer::Oidb | Layer::PayToken | Layer::AccessToken => {
                assert_eq!(parse_oidb(response.msg()), Some((layer, number)))
            }
            _ => assert_eq!(ret, number),
        }
        let c = response.classify_for(Api::for_layer(layer));
        assert_eq!(c.known(), None, "{body}");
        assert_eq!((c.layer(), c.code()), (reads_as, number), "{body}");
        // Logic when the number is in a logic range, access otherwise (classification rule 6).
        if matches!(reads_as, Layer::Logic | Layer::Access) {
            let in_a_range = LogicRange::of(number).is_some();
            assert_eq!(reads_as == Layer::Logic, in_a_range, "{body}");
        }
        assert_eq!(c.decision(), decision, "{body}");
        assert_eq!(
            response.server_err_type(),
            Some(c.table_err_type().code()),
            "{body}: the classification's err_type, as for a fixture"
        );
        assert!(
            response
                .clone()
                .into_result_for(Api::for_layer(layer))
                .is_err()
        );
        // A platform or OIDB number is in no API table either, so it reads the same under
        // every API; except that for WeChat group binding, ret -10000 is the group
        // table's own internal error.
        let tunnelled = matches!(
            layer,
            Layer::QqPlatform
                | Layer::WechatPlatform
                | Layer::Oidb
                | Layer::PayToken
                | Layer::AccessToken
        );
        if tunnelled {
            for api in Api::ALL {
                if api == Api::WechatGroup && ret == -10000 {
                    let c = response.classify_for(api);
                    assert_eq!(c.known().map(|k| k.layer()), Some(Layer::WechatGroup));
                    continue;
                }
                let c = response.classify_for(api);
                assert_eq!(
                    (c.layer(), c.code(), c.known()),
                    (layer, number, None),
                    "{api}: {body}"
                );
            }
        }
    }
}
