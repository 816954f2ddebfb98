//! `Decision`: one answer per response. Every catalog row is decided under every kind
//! of server `err_type`, against the rules stated here once more, and the decision is
//! checked against `into_result` and the predicates.

use msdk_error_codes::{
    Action, Api, Backoff, Decision, ErrType, Layer, MsdkCode, MsdkResponse, catalog, classify,
    classify_for,
};

/// The server `err_type`s tried: none, every value MSDK defines, and two it does not.
const SERVER: [Option<i32>; 8] = [
    None,
    Some(0),
    Some(1),
    Some(2),
    Some(3),
    Some(5),
    Some(7),
    Some(-1),
];

/// The rules of the `Decision` docs, written out again from the catalog's row.
fn expected(code: MsdkCode, ret: i32, server: Option<i32>) -> Decision {
    if ret == 0 {
        return Decision::Success;
    }
    let catalog = if code.code() == 0 {
        // A platform's success row inside a failed ret: an unexplained failure.
        Decision::Fail
    } else {
        match code.action() {
            Action::NoAction => Decision::Benign,
            Action::Retry => Decision::Retry(Backoff::Immediately),
            Action::RetryLater => Decision::Retry(Backoff::Later),
            Action::SlowDown => Decision::Retry(Backoff::SlowDown),
            Action::RefreshToken => Decision::RefreshToken,
            Action::Reauthorize => Decision::Reauthorize,
            Action::FixRequest
            | Action::CheckConfiguration
            | Action::ContactSupport
            | Action::InformUser => Decision::Fail,
            _ => match code.err_type() {
                ErrType::NetworkUnstable => Decision::Retry(Backoff::Later),
                ErrType::Reauthorize => Decision::Reauthorize,
                ErrType::RefreshToken => Decision::RefreshToken,
                _ => Decision::Fail,
            },
        }
    };
    match server {
        Some(1) => match catalog {
            Decision::Retry(backoff) => Decision::Retry(backoff),
            _ => Decision::Retry(Backoff::Later),
        },
        Some(2) => Decision::Reauthorize,
        Some(3) => Decision::RefreshToken,
        _ => catalog,
    }
}

#[test]
fn every_row_under_every_server_err_type() {
    let mut decided = std::collections::HashSet::new();
    for fixture in msdk_error_codes::fixtures() {
        let code = fixture.code();
        let api = fixture.api();
        let (ret, msg) = (fixture.response().ret(), fixture.response().msg());
        for server in SERVER {
            let response = MsdkResponse::new(ret, msg, server);
            let c = response.classify_for(api);
            let at = format!("{code:?} ret {ret} msg {msg:?} server {server:?}");
            let decision = c.decision();
            // Logic 0 and -101 read back as the access layer's, which decide the same.
            let known = c.known().unwrap_or_else(|| panic!("{at}: undocumented"));
            assert_eq!(decision, expected(known, ret, server), "{at}");
            decided.insert(decision);
            // Success exactly when ret is 0, and then into_result is Ok.
            assert_eq!(decision == Decision::Success, ret == 0, "{at}");
            assert_eq!(
                response.clone().into_result_for(api).is_ok(),
                decision == Decision::Success,
                "{at}"
            );
            // The predicates and the owned error agree with the decision.
            assert_eq!(c.is_retryable(), decision.is_retry(), "{at}");
            assert_eq!(c.needs_reauthorization(), decision == Decision::Reauthorize);
            assert_eq!(c.needs_token_refresh(), decision == Decision::RefreshToken);
            if let Some(err) = c.to_error() {
                assert_eq!(err.decision(), decision, "{at}");
                assert_eq!(err.is_retryable(), decision.is_retry(), "{at}");
            }
            // The action says the same as the decision.
            let action_agrees = match decision {
                Decision::Success => true,
                Decision::Benign => c.action() == Action::NoAction,
                Decision::Retry(Backoff::Immediately) => c.action() == Action::Retry,
                Decision::Retry(Backoff::Later) => matches!(
                    c.action(),
                    Action::RetryLater | Action::ReadMessage | Action::Unspecified
                ),
                Decision::Retry(Backoff::SlowDown) => c.action() == Action::SlowDown,
                Decision::RefreshToken => matches!(
                    c.action(),
                    Action::RefreshToken | Action::ReadMessage | Action::Unspecified
                ),
                Decision::Reauthorize => matches!(
                    c.action(),
                    Action::Reauthorize | Action::ReadMessage | Action::Unspecified
                ),
                _ => !matches!(
                    c.action(),
                    Action::NoAction
                        | Action::Retry
                        | Action::RetryLater
                        | Action::SlowDown
                        | Action::Reauthorize
                        | Action::RefreshToken
                ),
            };
            assert!(
                action_agrees,
                "{at}: action {:?} vs {decision:?}",
                c.action()
            );
            // A server 0, 5 or undefined value overrides neither err_type nor action.
            if matches!(server, Some(0 | 5 | 7 | -1)) && ret != 0 {
                let plain = classify_for(api, ret, msg);
                assert_eq!(
                    (c.err_type(), c.action()),
                    (plain.err_type(), plain.action())
                );
                assert_eq!(c.server_err_type_raw(), server);
            }
        }
    }
    // Every decision occurs somewhere in the catalog.
    assert_eq!(decided.len(), 8, "{decided:?}");
}

#[test]
fn decisions_of_the_rows_that_decide_them() {
    use Backoff::*;
    use Decision::*;
    /// (api, ret, msg, server err_type, decision, why)
    type Case = (Api, i32, &'static str, Option<i32>, Decision, &'static str);
    let cases: &[Case] = &[
        (Api::Generic, 0, "success", None, Success, "ret 0"),
        (
            Api::Generic,
            0,
            "success",
            Some(2),
            Success,
            "ret 0 whatever the server says",
        ),
        (
            Api::Generic,
            1,
            "",
            None,
            Benign,
            "logic 1 查询结果为空，没数据, 不需要处理",
        ),
        (Api::Generic, -10010, "", None, Benign, "已抢过号, 正常返回"),
        (Api::Generic, -507, "", None, Benign, "不用处理"),
        (Api::QqShare, 34, "", None, Benign, "不用理会"),
        (
            Api::Generic,
            1,
            "",
            Some(0),
            Benign,
            "a server 0 changes nothing",
        ),
        (
            Api::Generic,
            1,
            "",
            Some(2),
            Reauthorize,
            "a server 2 decides",
        ),
        (Api::Generic, -307, "", None, Retry(Immediately), "重试一次"),
        (
            Api::Generic,
            -307,
            "",
            Some(1),
            Retry(Immediately),
            "server 1 keeps the backoff",
        ),
        (Api::Generic, -503, "", None, Retry(SlowDown), "频率超限"),
        (
            Api::Generic,
            -503,
            "",
            Some(1),
            Retry(SlowDown),
            "server 1 keeps the backoff",
        ),
        (Api::QzoneShare, 1001, "", None, Retry(Later), "稍后重试"),
        (
            Api::Generic,
            -20000,
            "42001,access_token expired",
            None,
            RefreshToken,
            "刷新token",
        ),
        (Api::Generic, -10000, "-73,x", None, Reauthorize, "重新授权"),
        (
            Api::Generic,
            -10000,
            "-73,x",
            Some(1),
            Retry(Later),
            "server 1 on a reauthorize",
        ),
        (
            Api::Generic,
            -10000,
            "-73,x",
            Some(5),
            Reauthorize,
            "a server 5 changes nothing",
        ),
        (
            Api::Generic,
            -901,
            "",
            None,
            Reauthorize,
            "action Reauthorize, err_type Unknown",
        ),
        (Api::Generic, -304, "", None, Fail, "fix the request"),
        (
            Api::Generic,
            -304,
            "",
            Some(3),
            RefreshToken,
            "a server 3 decides",
        ),
        (
            Api::Generic,
            -20000,
            "0,ok",
            None,
            Fail,
            "WeChat's success in a failed ret",
        ),
        (
            Api::Generic,
            -20000,
            "0,ok",
            Some(0),
            Fail,
            "even with a server 0",
        ),
        (
            Api::Generic,
            -15000,
            "oidb decode0x73a failed, ret:0",
            None,
            Fail,
            "PayToken 成功 in a failed ret",
        ),
        (
            Api::Generic,
            -15000,
            "oidb decode0x73a failed, ret:17",
            None,
            Reauthorize,
            "pay token已过期",
        ),
        (
            Api::Generic,
            -15000,
            "oidb call failed, ret:-103",
            None,
            Retry(SlowDown),
            "频率上限",
        ),
        (
            Api::Generic,
            -10000,
            "no code here",
            None,
            Fail,
            "a range marker without a code",
        ),
        (
            Api::Generic,
            -2345,
            "",
            None,
            Retry(Later),
            "undocumented, server range: 请稍后再试",
        ),
        (
            Api::Generic,
            -150,
            "",
            None,
            Retry(Later),
            "undocumented, system range",
        ),
        (
            Api::Generic,
            -1500,
            "",
            None,
            Fail,
            "undocumented, client range",
        ),
        (
            Api::Generic,
            -10000,
            "12345,new",
            None,
            Fail,
            "undocumented QQ code",
        ),
        (
            Api::Generic,
            -10000,
            "12345,new",
            Some(1),
            Retry(Later),
            "undocumented, server 1",
        ),
        (
            Api::Generic,
            i32::MAX,
            "",
            Some(0),
            Fail,
            "undocumented, server 0",
        ),
    ];
    for &(api, ret, msg, server, want, why) in cases {
        let response = MsdkResponse::new(ret, msg, server);
        let c = response.classify_for(api).decision();
        assert_eq!(c, want, "{api:?} {ret} {msg:?} {server:?}: {why}");
    }
}

#[test]
fn a_fixtures_own_err_type_changes_no_decision() {
    for code in catalog() {
        let fixture = code.fixture();
        let (ret, msg) = (fixture.response().ret(), fixture.response().msg());
        assert_eq!(
            classify_for(fixture.api(), ret, msg).decision(),
            fixture.response().classify_for(fixture.api()).decision()
        );
    }
    assert_eq!(classify(-1, "").layer(), Layer::Access);
}

#[test]
fn names_are_stable() {
    let names = [
        (Decision::Success, "success"),
        (Decision::Benign, "benign"),
        (Decision::Retry(Backoff::Immediately), "retry_immediately"),
        (Decision::Retry(Backoff::Later), "retry_later"),
        (Decision::Retry(Backoff::SlowDown), "retry_slow_down"),
        (Decision::RefreshToken, "refresh_token"),
        (Decision::Reauthorize, "reauthorize"),
        (Decision::Fail, "fail"),
    ];
    for (decision, name) in names {
        assert_eq!(decision.as_str(), name);
        assert_eq!(decision.to_string(), name);
    }
    assert_eq!(
        Action::for_err_type(ErrType::NetworkUnstable),
        Action::RetryLater
    );
}
