//! Scenario: scripted response sequences, what each step sends, what it refuses, and
//! retry loops driven by them.

use std::panic::{UnwindSafe, catch_unwind};
use std::sync::Once;
use std::time::Duration;

use msdk_error_codes::{
    AccessCode, Api, Backoff, Decision, Envelope, Layer, LogicCode, MsdkCode, MsdkError,
    MsdkResponse, QqShareCode, RetryPolicy, Scenario, Step, WechatPlatformCode, catalog,
    fixtures_for, undocumented_response,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

use crate::support::{self, FriendId};

/// The panic message of `f`, or `None` when it returns. The panics these tests expect
/// are kept off the output; every other panic is printed as usual.
fn panic_message<R>(f: impl FnOnce() -> R + UnwindSafe) -> Option<String> {
    static QUIET: Once = Once::new();
    QUIET.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = payload_text(info.payload());
            if !message.is_some_and(|m| m.starts_with("Scenario::")) {
                default(info);
            }
        }));
    });
    match catch_unwind(f) {
        Ok(_) => None,
        Err(payload) => Some(payload_text(&*payload).unwrap_or_default().to_owned()),
    }
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
}

#[test]
fn then_sends_the_fixture_of_every_code_an_api_receives() {
    for api in Api::ALL {
        let expected: Vec<String> = fixtures_for(api).map(|f| f.to_json()).collect();
        let scenario = fixtures_for(api).fold(Scenario::new(api), |s, f| s.then(f.code()));
        assert_eq!(scenario.bodies(), expected, "{api}");
        assert_eq!((scenario.api(), scenario.len()), (api, expected.len()));
        for (fixture, body) in fixtures_for(api).zip(scenario.bodies()) {
            let response = MsdkResponse::from_json(&body).unwrap();
            assert_eq!(response.classify_for(api).known(), Some(fixture.code()));
        }
    }
}

#[test]
fn then_refuses_every_code_that_would_read_as_another() {
    for api in Api::ALL {
        let received: Vec<MsdkCode> = fixtures_for(api).map(|f| f.code()).collect();
        for code in catalog() {
            let refused = panic_message(|| Scenario::new(api).then(code));
            assert_eq!(
                refused.is_some(),
                !received.contains(&code),
                "{api}: {code}"
            );
            if let Some(message) = refused {
                assert!(message.starts_with("Scenario::then("), "{message}");
                assert!(message.contains(&code.fixture().to_json()), "{message}");
                assert!(message.contains(&format!("Api::{api:?}")), "{message}");
            }
        }
    }
}

#[test]
fn then_refusals_say_why() {
    let logic_success = MsdkCode::from(LogicCode::from_code(0).unwrap());
    let share = QqShareCode::from_code(100000).unwrap();
    let logic_openid = LogicCode::from_code(-10002).unwrap();
    let cases: &[(Api, MsdkCode, &[&str])] = &[
        (
            Api::Generic,
            logic_success,
            &[
                "answers it first for every API",
                "reads as: access:0 Success",
            ],
        ),
        (
            Api::Generic,
            share.into(),
            &[
                "Scenario::new(Api::QqShare)",
                "reads as: access:100000 undocumented",
                "then_response",
            ],
        ),
        (
            Api::BlueDiamond,
            logic_openid.into(),
            &[
                "the Api::BlueDiamond table",
                "reads as: blue_diamond:-10002 AccountNotFound",
            ],
        ),
    ];
    for &(api, code, needles) in cases {
        let message = panic_message(|| Scenario::new(api).then(code)).expect("refused");
        for needle in needles {
            assert!(message.contains(needle), "{needle:?} not in {message}");
        }
    }
}

#[test]
fn then_takes_table_enums_and_msdk_codes_alike() {
    let by_enum = Scenario::new(Api::Generic).then(WechatPlatformCode::AccessTokenExpired);
    let by_code =
        Scenario::new(Api::Generic).then(MsdkCode::from(WechatPlatformCode::AccessTokenExpired));
    assert_eq!(by_enum, by_code);
    assert_eq!(
        by_enum.bodies(),
        [r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#]
    );
}

#[test]
fn then_response_sends_the_response_as_given() {
    let mut scenario = Scenario::new(Api::Generic);
    let mut expected = Vec::new();
    let responses = Layer::ALL.into_iter().map(undocumented_response).chain([
        MsdkResponse::new(-503, "频率超限", None),
        MsdkResponse::new(-1, "quote \" and newline \n", Some(42)),
        // What then() refuses can still be sent on purpose.
        MsdkCode::from(QqShareCode::from_code(100000).unwrap())
            .fixture()
            .into_response(),
    ]);
    for response in responses {
        expected.push(serde_json::to_string(&response).unwrap());
        assert_eq!(
            MsdkResponse::from_json(expected.last().unwrap()).unwrap(),
            response
        );
        scenario = scenario.then_response(response);
    }
    assert_eq!(scenario.bodies(), expected);
}

#[test]
fn then_success_puts_ret_and_msg_first_and_the_payload_after() {
    let cases: &[(Value, &str)] = &[
        (json!({}), r#"{"ret":0,"msg":"success"}"#),
        (
            json!({ "lists": [] }),
            r#"{"ret":0,"msg":"success","lists":[]}"#,
        ),
        (
            json!({ "nick\"name": "小明\n" }),
            r#"{"ret":0,"msg":"success","nick\"name":"小明\n"}"#,
        ),
        (
            json!({ "lists": [{ "openid": "A1" }, null, 1.5, -3, true] }),
            r#"{"ret":0,"msg":"success","lists":[{"openid":"A1"},null,1.5,-3,true]}"#,
        ),
        // Only the exact keys are the envelope's: the reader matches them exactly too.
        (
            json!({ "RET": -1 }),
            r#"{"ret":0,"msg":"success","RET":-1}"#,
        ),
    ];
    for (payload, body) in cases {
        let scenario = Scenario::new(Api::Generic).then_success(payload.clone());
        assert_eq!(scenario.bodies(), [*body]);
        let response = MsdkResponse::from_json(body).unwrap();
        assert_eq!(response.classify().decision(), Decision::Success);
        assert_eq!(response.server_err_type(), None);
    }
}

#[test]
fn then_success_refuses_what_would_hide_or_replace_the_status() {
    let cases: &[(Value, &str)] = &[
        (json!(null), "got null"),
        (json!(true), "got a boolean"),
        (json!(7), "got a number"),
        (json!("lists"), "got a string"),
        (json!([{ "openid": "A1" }]), "got an array"),
        (json!({ "ret": 0 }), r#""ret" field"#),
        (json!({ "lists": [], "msg": "ok" }), r#""msg" field"#),
        (json!({ "err_type": 0 }), r#""err_type" field"#),
    ];
    for (payload, needle) in cases {
        let payload = payload.clone();
        let message =
            panic_message(|| Scenario::new(Api::Generic).then_success(payload)).expect("refused");
        assert!(message.starts_with("Scenario::then_success"), "{message}");
        assert!(message.contains(needle), "{needle:?} not in {message}");
    }
}

#[test]
fn an_empty_scenario_has_no_bodies() {
    let scenario = Scenario::new(Api::GameCenter);
    assert!(scenario.is_empty());
    assert_eq!(scenario.len(), 0);
    assert!(scenario.bodies().is_empty());
    assert_eq!(scenario.api(), Api::GameCenter);
    assert!(!scenario.then_success(json!({})).is_empty());
}

/// The payload the scenarios send: the clients read only `openid`.
type Friends = support::Friends<FriendId>;

/// A client's retry loop fed by the scenario: the steps it took and its result. Fails
/// the test if the client asks for more bodies than the scenario has.
fn drive(scenario: &Scenario, policy: &RetryPolicy) -> (Vec<Step>, Result<Friends, MsdkError>) {
    let mut attempts = policy.start(scenario.api());
    let mut steps = Vec::new();
    for body in scenario.bodies() {
        let envelope = Envelope::<Friends>::from_slice(body.as_bytes()).expect("a scenario body");
        let step = attempts.next(&envelope.classify_for(scenario.api()));
        steps.push(step);
        if !matches!(step, Step::RetryAfter(_) | Step::RefreshThenRetry) {
            return (steps, envelope.into_result_for(scenario.api()));
        }
    }
    panic!("the client wanted more than the {} bodies", scenario.len());
}

#[test]
fn scenarios_drive_the_retry_policy() {
    let friends = json!({ "lists": [{ "openid": "A1" }] });
    let expired = WechatPlatformCode::AccessTokenExpired;
    let internal = AccessCode::InternalError307;
    let policy = RetryPolicy::default().without_jitter();
    let cases: Vec<(Scenario, Vec<Step>, Result<(), Decision>)> = vec![
        (
            // The brief's: refresh, retry once, success.
            Scenario::new(Api::Generic)
                .then(expired)
                .then(internal)
                .then_success(friends.clone()),
            vec![
                Step::RefreshThenRetry,
                Step::RetryAfter(Duration::ZERO),
                Step::Stop,
            ],
            Ok(()),
        ),
        (
            // One refresh per call: a second expiry stops.
            Scenario::new(Api::Generic).then(expired).then(expired),
            vec![Step::RefreshThenRetry, Step::Stop],
            Err(Decision::RefreshToken),
        ),
        (
            // 重试一次 is once.
            Scenario::new(Api::Generic).then(internal).then(internal),
            vec![Step::RetryAfter(Duration::ZERO), Step::Stop],
            Err(Decision::Retry(Backoff::Immediately)),
        ),
        (
            // A share is not retried after an ambiguous failure: it could go out twice.
            Scenario::new(Api::QqShare).then(internal),
            vec![Step::Stop],
            Err(Decision::Retry(Backoff::Immediately)),
        ),
        (
            // An undocumented server-range code retries later, with a growing delay.
            Scenario::new(Api::Generic)
                .then_response(undocumented_response(Layer::Logic))
                .then_response(undocumented_response(Layer::Logic))
                .then_success(friends.clone()),
            vec![
                Step::RetryAfter(Duration::from_millis(500)),
                Step::RetryAfter(Duration::from_secs(1)),
                Step::Stop,
            ],
            Ok(()),
        ),
        (
            // An undocumented WeChat code is a failure, not a retry.
            Scenario::new(Api::Generic).then_response(undocumented_response(Layer::WechatPlatform)),
            vec![Step::Stop],
            Err(Decision::Fail),
        ),
        (
            // The server's err_type decides: -304 with err_type 1 is retried.
            Scenario::new(Api::Generic)
                .then_response(
                    MsdkCode::from(AccessCode::RequestNotJson)
                        .fixture()
                        .with_server_err_type(Some(1))
                        .into_response(),
                )
                .then_success(friends.clone()),
            vec![Step::RetryAfter(Duration::from_millis(500)), Step::Stop],
            Ok(()),
        ),
    ];
    for (scenario, steps, outcome) in cases {
        let (got_steps, result) = drive(&scenario, &policy);
        assert_eq!(got_steps, steps, "{:?}", scenario.bodies());
        match (result, outcome) {
            (Ok(friends), Ok(())) => assert_eq!(friends.lists[0].openid, "A1"),
            (Err(err), Err(decision)) => assert_eq!(err.decision(), decision, "{err}"),
            (result, outcome) => {
                panic!("{:?}: {result:?}, expected {outcome:?}", scenario.bodies())
            }
        }
    }
}

/// Payload keys: anything but the envelope's three.
fn payload_key() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("not an envelope key", |k| {
        !["ret", "msg", "err_type"].contains(&k.as_str())
    })
}

fn payload_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map(payload_key(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Whatever the payload, the success body is valid JSON holding exactly the status
    /// and the payload, starts with the status, and reads as a success.
    #[test]
    fn then_success_bodies_hold_the_status_and_exactly_the_payload(
        fields in proptest::collection::btree_map(payload_key(), payload_value(), 0..6),
    ) {
        let payload: Map<String, Value> = fields.into_iter().collect();
        let scenario = Scenario::new(Api::Generic).then_success(Value::Object(payload.clone()));
        let body = scenario.bodies().pop().unwrap();
        prop_assert!(body.starts_with(r#"{"ret":0,"msg":"success""#), "{}", body);
        let mut expected = payload;
        expected.insert("ret".into(), json!(0));
        expected.insert("msg".into(), json!("success"));
        prop_assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), Value::Object(expected));
        let response = MsdkResponse::from_json(&body).unwrap();
        prop_assert_eq!(response.classify().decision(), Decision::Success);
    }

    /// A payload with an envelope key is always refused, whatever else it holds.
    #[test]
    fn then_success_always_refuses_an_envelope_key(
        fields in proptest::collection::btree_map(payload_key(), payload_value(), 0..4),
        key in proptest::sample::select(vec!["ret", "msg", "err_type"]),
        value in payload_value(),
    ) {
        let mut payload: Map<String, Value> = fields.into_iter().collect();
        payload.insert(key.to_owned(), value);
        let message = panic_message(|| Scenario::new(Api::Generic).then_success(Value::Object(payload)));
        let needle = format!("{key:?} field");
        prop_assert!(message.as_deref().is_some_and(|m| m.contains(&needle)), "{:?}", message);
    }
}

#[test]
fn http_level_steps_count_as_steps_and_delays_do_not() {
    use std::time::Duration;

    let scenario = Scenario::new(Api::Generic)
        .then_status(502, "<html>Bad Gateway</html>")
        .then_delay(Duration::from_millis(300))
        .then_delay(Duration::from_millis(200))
        .then(AccessCode::InternalError307)
        .then_status(503, "")
        .then_success(serde_json::json!({}))
        .then_delay(Duration::from_secs(1)); // nothing after it: delays nothing
    assert_eq!(scenario.len(), 4);
    assert_eq!(scenario.statuses(), [502, 200, 503, 200]);
    assert_eq!(
        scenario.delays(),
        [
            Duration::ZERO,
            Duration::from_millis(500),
            Duration::ZERO,
            Duration::ZERO
        ]
    );
    let bodies = scenario.bodies();
    assert_eq!(bodies.len(), 4);
    assert_eq!(
        (bodies[0].as_str(), bodies[2].as_str()),
        ("<html>Bad Gateway</html>", "")
    );
    assert!(bodies[1].starts_with(r#"{"ret":-307,"#));
    for status in [0, 99, 1000, u16::MAX] {
        let refused =
            std::panic::catch_unwind(|| Scenario::new(Api::Generic).then_status(status, "x"));
        assert!(refused.is_err(), "{status}");
    }
}
