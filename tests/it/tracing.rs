//! With the `tracing` feature, `Attempts` records one event per attempt (target
//! `msdk_error_codes`) with the fields the issue names, at the documented levels.

use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::{Api, MsdkResponse, RetryPolicy, Step};

use crate::support::events::{DEBUG, INFO, recorded, steps};

/// An expected event: attempt, label, decision, step, delay_ms, ret.
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn one_event_per_attempt_with_its_fields() {
    let policy = RetryPolicy::default().without_jitter();
    let mut steps = Vec::new();
    let events = recorded(|| {
        let mut attempts = policy.start(Api::QqShare);
        steps.push(attempts.next_failure(&TransportFailure::NotSent));
        steps.push(attempts.next_response(&MsdkResponse::new(-503, "频率超限", None)));
        steps.push(attempts.next_response(&MsdkResponse::new(100000, "鉴权错误", Some(2))));
    });
    assert_eq!(
        steps.len(),
        events.len(),
        "one event per attempt: {events:#?}"
    );
    let want: [Expected; 3] = [
        (
            "1",
            "transport.not_sent",
            "retry_slow_down",
            "retry_after",
            Some("500"),
            None,
        ),
        (
            "2",
            "access.-503",
            "retry_slow_down",
            "retry_after",
            Some("1000"),
            Some("-503"),
        ),
        (
            "3",
            "qq_share.100000",
            "reauthorize",
            "stop",
            None,
            Some("100000"),
        ),
    ];
    for (event, (attempt, label, decision, step, delay_ms, ret)) in events.iter().zip(want) {
        let f = &event.fields;
        assert_eq!(f["api"], "share-qq");
        assert_eq!(f["attempt"], attempt);
        assert_eq!(f["label"], label);
        assert_eq!(f["decision"], decision);
        assert_eq!(f["step"], step);
        assert_eq!(f.get("delay_ms").map(String::as_str), delay_ms);
        assert_eq!(f.get("ret").map(String::as_str), ret);
        assert!(f.contains_key("message"));
    }
    // Retries are DEBUG; the end of a failed call is INFO.
    assert_eq!(events[0].level, DEBUG);
    assert_eq!(events[1].level, DEBUG);
    assert_eq!(events[2].level, INFO);
    assert_eq!(steps[2], Step::Stop);
}

#[test]
fn a_successful_end_is_debug_and_a_failed_refresh_ends_the_call() {
    let policy = RetryPolicy::default();
    let events = recorded(|| {
        let mut attempts = policy.start(Api::Generic);
        attempts.next_response(&MsdkResponse::new(0, "success", None));
        let mut attempts = policy.start(Api::Generic);
        attempts.next_response(&MsdkResponse::new(-20000, "42001,expired", Some(3)));
        attempts.refresh_failed();
    });
    assert_eq!(
        steps(&events),
        [
            (DEBUG, "access.0", "stop"),
            (DEBUG, "wechat_platform.42001", "refresh_then_retry"),
            (INFO, "refresh.failed", "stop"),
        ]
    );
}

#[test]
fn a_call_its_caller_stops_and_a_reply_that_is_no_msdk_answer_end_with_an_info_event() {
    use msdk_error_codes::{Envelope, Error};
    use serde::de::IgnoredAny;

    let policy = RetryPolicy::default();
    let events = recorded(|| {
        // An expiry with no refresh to make: the caller stops the call.
        let mut attempts = policy.start(Api::Generic);
        attempts.next_response(&MsdkResponse::new(-20000, "42001,expired", None));
        assert_eq!(attempts.stop(), Step::Stop);
        // A 200 whose body is a gateway's page: an attempt that decides `fail`.
        let mut attempts = policy.start(Api::Generic);
        let err = Envelope::<IgnoredAny>::from_http(Api::Generic, 200, b"<html>").unwrap_err();
        assert_eq!(attempts.next_error(&err), Step::Stop);
        // A request the client could not make.
        let mut attempts = policy.start(Api::Generic);
        let err = Error::Request("bad URL".into());
        assert_eq!(attempts.next_error(&err), Step::Stop);
    });
    let summary: Vec<_> = events
        .iter()
        .map(|e| {
            (
                e.level,
                e.fields["attempt"].as_str(),
                e.fields["label"].as_str(),
                e.fields.get("decision").map(String::as_str),
                e.fields["step"].as_str(),
                e.fields.get("ret").map(String::as_str),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                DEBUG,
                "1",
                "wechat_platform.42001",
                Some("refresh_token"),
                "refresh_then_retry",
                Some("-20000")
            ),
            (
                INFO,
                "1",
                "wechat_platform.42001",
                Some("refresh_token"),
                "stop",
                Some("-20000")
            ),
            (INFO, "1", "parse.syntax", Some("fail"), "stop", None),
            (INFO, "1", "request.invalid", Some("fail"), "stop", None),
        ]
    );
}
