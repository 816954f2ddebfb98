//! Transport failures: the decision table over every kind, status and API, the labels,
//! the stable string, `TransportError`, `Error`'s label and decision for every variant,
//! and `Envelope::from_http`, which turns an HTTP reply into one of them.

use msdk_error_codes::classification::{TransportError, TransportFailure};
use msdk_error_codes::response::UnexpectedBody;
use msdk_error_codes::{Api, Backoff, Decision, Envelope, Error, RetryPolicy, Step};
use serde::de::IgnoredAny;

use crate::support::Friends;

/// Every failure a test tries: the two without a status, and every status of HTTP's
/// range.
fn every_failure() -> impl Iterator<Item = TransportFailure> {
    [TransportFailure::NotSent, TransportFailure::MaybeSent]
        .into_iter()
        .chain((100..=599).map(TransportFailure::Status))
}

/// The decision table of `TransportFailure`'s docs, written out again independently.
fn expected(failure: TransportFailure) -> Decision {
    match failure {
        TransportFailure::NotSent => Decision::Retry(Backoff::SlowDown),
        TransportFailure::MaybeSent => Decision::Retry(Backoff::Later),
        TransportFailure::Status(status) => {
            if [408, 429, 503].contains(&status) {
                Decision::Retry(Backoff::SlowDown) // the server says it did not run it
            } else if (500..=599).contains(&status) && status != 501 && status != 505 {
                Decision::Retry(Backoff::Later) // it may have run
            } else {
                Decision::Fail
            }
        }
        _ => unreachable!("a kind this test does not know"),
    }
}

#[test]
fn every_failure_of_every_api_decides_by_the_table() {
    let policy = RetryPolicy::default();
    let mut retried = 0;
    for api in Api::ALL {
        for failure in every_failure() {
            let decision = failure.decision();
            assert_eq!(decision, expected(failure), "{failure}");
            assert_eq!(
                failure.may_have_run(),
                decision == Decision::Retry(Backoff::Later)
            );
            let step = policy.start(api).next_failure(&failure);
            let may_retry = match decision {
                Decision::Retry(Backoff::SlowDown) => true,
                Decision::Retry(_) => api.is_idempotent(),
                _ => false,
            };
            assert_eq!(
                matches!(step, Step::RetryAfter(_)),
                may_retry,
                "{api} after {failure}: {step}"
            );
            if !api.is_idempotent() && failure.may_have_run() {
                assert_eq!(step, Step::Stop, "{api} may have been sent: never retried");
            }
            retried += usize::from(may_retry);
        }
    }
    // Not vacuous: every API retries something, and shares retry less.
    assert!(retried > Api::ALL.len() * 3, "{retried}");
}

#[test]
fn the_methods_take_the_failure_by_reference() {
    // The issue's contract, `decision(&self)`: a path call on a reference and a map over
    // borrowed failures compile, in const contexts too.
    const REFUSED: Decision = TransportFailure::Status(503).decision();
    assert_eq!(REFUSED, Decision::Retry(Backoff::SlowDown));
    let failures: Vec<TransportFailure> = every_failure().collect();
    let decisions: Vec<Decision> = failures.iter().map(TransportFailure::decision).collect();
    let kinds: Vec<&str> = failures.iter().map(TransportFailure::as_str).collect();
    let labels: Vec<&str> = failures.iter().map(TransportFailure::label).collect();
    for (i, failure) in failures.iter().enumerate() {
        assert_eq!(decisions[i], expected(*failure), "{failure}");
        assert_eq!(TransportFailure::decision(failure), decisions[i]);
        let kind = match failure {
            TransportFailure::NotSent => "not_sent",
            TransportFailure::MaybeSent => "maybe_sent",
            _ => "status",
        };
        assert_eq!(kinds[i], kind);
        assert_eq!(
            labels[i].starts_with("http."),
            kind == "status",
            "{failure}"
        );
    }
    assert_eq!(labels[..2], ["transport.not_sent", "transport.maybe_sent"]);
}

#[test]
fn a_policy_that_opted_in_retries_ambiguous_failures_of_a_share() {
    let policy = RetryPolicy::default().retrying_non_idempotent();
    for failure in [TransportFailure::MaybeSent, TransportFailure::Status(502)] {
        let step = policy.start(Api::QqShare).next_failure(&failure);
        assert!(matches!(step, Step::RetryAfter(_)), "{failure}: {step}");
    }
}

#[test]
fn labels_come_from_a_fixed_set() {
    assert!(TransportFailure::LABELS.len() <= 32);
    let mut seen = std::collections::BTreeSet::new();
    let all = [TransportFailure::NotSent, TransportFailure::MaybeSent]
        .into_iter()
        .chain((0..=u16::MAX).map(TransportFailure::Status));
    for failure in all {
        let label = failure.label();
        assert!(
            TransportFailure::LABELS.contains(&label),
            "{failure}: {label}"
        );
        assert!(
            label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
        );
        seen.insert(label);
    }
    assert_eq!(
        seen.len(),
        TransportFailure::LABELS.len(),
        "every label is reachable"
    );
    let cases = [
        (TransportFailure::NotSent, "transport.not_sent"),
        (TransportFailure::MaybeSent, "transport.maybe_sent"),
        (TransportFailure::Status(429), "http.429"),
        (TransportFailure::Status(502), "http.502"),
        (TransportFailure::Status(503), "http.503"),
        (TransportFailure::Status(504), "http.504"),
        (TransportFailure::Status(418), "http.4xx"),
        (TransportFailure::Status(599), "http.5xx"),
        (TransportFailure::Status(302), "http.3xx"),
        (TransportFailure::Status(99), "http.other"),
        (TransportFailure::Status(600), "http.other"),
    ];
    for (failure, label) in cases {
        assert_eq!(failure.label(), label, "{failure}");
    }
}

#[test]
fn the_stable_string_round_trips_exactly() {
    let all = [TransportFailure::NotSent, TransportFailure::MaybeSent]
        .into_iter()
        .chain((0..=u16::MAX).map(TransportFailure::Status));
    for failure in all {
        let text = failure.to_string();
        assert_eq!(text.parse::<TransportFailure>(), Ok(failure), "{text}");
        let json = serde_json::to_string(&failure).unwrap();
        assert_eq!(json, format!("{text:?}"));
        assert_eq!(
            serde_json::from_str::<TransportFailure>(&json).unwrap(),
            failure
        );
        assert!(text.starts_with(failure.as_str()), "{text}");
    }
    assert_eq!("NOT_SENT".parse(), Ok(TransportFailure::NotSent));
    for bad in [
        "",
        "status",
        "status:",
        "status:-1",
        "status:+5",
        "status: 5",
        "status:65536",
        "status:5x",
        "sent",
        "http.502",
    ] {
        let err = bad.parse::<TransportFailure>().unwrap_err();
        assert!(
            err.to_string()
                .contains("not_sent, maybe_sent, status:<u16>"),
            "{bad}: {err}"
        );
        assert!(
            serde_json::from_value::<TransportFailure>(serde_json::json!(bad)).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn a_transport_error_says_what_failed_and_gives_the_cause_once() {
    let cause = || std::io::Error::other("the cause's own text");
    let cases = [
        (
            TransportFailure::NotSent,
            Api::QqShare,
            "MSDK call (share-qq) failed: the request was not sent (not_sent)",
        ),
        (
            TransportFailure::MaybeSent,
            Api::Generic,
            "MSDK call (generic) failed: the request may have reached MSDK (maybe_sent)",
        ),
        (
            TransportFailure::MaybeSent,
            Api::QzoneShare,
            "MSDK call (share-qzone) failed: the request may have reached MSDK (maybe_sent); it may have been carried out, and share-qzone is not idempotent: check before sending it again",
        ),
        (
            TransportFailure::Status(502),
            Api::QqShare,
            "MSDK call (share-qq) failed: HTTP 502 with a body that is not an MSDK response (status:502); it may have been carried out, and share-qq is not idempotent: check before sending it again",
        ),
        (
            TransportFailure::Status(503),
            Api::QqShare,
            "MSDK call (share-qq) failed: HTTP 503 with a body that is not an MSDK response (status:503)",
        ),
    ];
    for (failure, api, text) in cases {
        let err = TransportError::new(failure, api, cause());
        assert_eq!(err.to_string(), text);
        assert!(!err.to_string().contains("the cause's own text"));
        assert_eq!(
            std::error::Error::source(&err).unwrap().to_string(),
            "the cause's own text"
        );
        assert_eq!(
            (err.failure(), err.api(), err.label(), err.decision()),
            (failure, api, failure.label(), failure.decision())
        );
        // Through the crate's Error, the chain is the same: the cause once, below.
        let outer = Error::from(err);
        assert_eq!(outer.to_string(), text);
        assert_eq!(
            std::error::Error::source(&outer).unwrap().to_string(),
            "the cause's own text"
        );
        assert_eq!(
            (outer.label(), outer.decision()),
            (failure.label(), failure.decision())
        );
    }
    crate::support::assert_send_sync_error(&TransportError::new(
        TransportFailure::NotSent,
        Api::Generic,
        "x",
    ));
}

#[test]
fn every_error_variant_has_a_bounded_label_and_a_decision() {
    let msdk =
        msdk_error_codes::from_slice::<IgnoredAny>(br#"{"ret":-20000,"msg":"42001,expired"}"#)
            .unwrap_err();
    assert_eq!(
        (msdk.label(), msdk.decision()),
        ("wechat_platform.42001", Decision::RefreshToken)
    );
    let cases: [(&[u8], &str); 4] = [
        (b"<html>", "parse.syntax"),
        (br#"{"msg":"no ret"}"#, "parse.data"),
        (br#"{"ret":"#, "parse.eof"),
        (br#"[1]"#, "parse.data"),
    ];
    for (body, label) in cases {
        let err = msdk_error_codes::from_slice::<IgnoredAny>(body).unwrap_err();
        assert!(matches!(err, Error::Parse(_)));
        assert_eq!(
            (err.label(), err.decision()),
            (label, Decision::Fail),
            "{err}"
        );
        assert!(Error::PARSE_LABELS.contains(&err.label()));
    }
    let io = msdk_error_codes::response::OwnedEnvelope::<IgnoredAny>::from_reader(FailingReader)
        .unwrap_err();
    assert_eq!(Error::from(io).label(), "parse.io");
    // A request the client could not make: a label of its own, never retried, the
    // client's error as the source, said once.
    let request = Error::Request("relative URL without a base".into());
    assert_eq!(
        (request.label(), request.decision()),
        ("request.invalid", Decision::Fail)
    );
    assert!(!Error::PARSE_LABELS.contains(&request.label()));
    assert_eq!(
        std::error::Error::source(&request).unwrap().to_string(),
        "relative URL without a base"
    );
    assert!(!request.to_string().contains("relative URL"), "{request}");
}

/// reqwest's builder error is no transport failure: `Error::from_client` makes it an
/// `Error::Request`, with its label and decision.
#[cfg(feature = "reqwest")]
#[test]
fn a_request_reqwest_could_not_build_is_a_request_error() {
    let builder = reqwest::Client::new()
        .get("no scheme, no host")
        .build()
        .unwrap_err();
    assert!(builder.is_builder());
    let err = Error::from_client(Api::Generic, builder);
    assert!(matches!(err, Error::Request(_)), "{err:?}");
    assert_eq!(
        (err.label(), err.decision()),
        ("request.invalid", Decision::Fail)
    );
}

/// A reader whose every read fails.
struct FailingReader;

impl std::io::Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "reset",
        ))
    }
}

#[test]
fn from_http_lets_msdk_decide_whatever_the_status() {
    let msdk_failure: &[u8] = br#"{"ret":-307,"msg":"internal error"}"#;
    let msdk_success: &[u8] = br#"{"ret":0,"msg":"success","lists":[]}"#;
    let gateway: &[u8] = b"<html><title>502 Bad Gateway</title></html>";
    for status in [100, 200, 204, 301, 404, 429, 500, 502, 503, 599, 0, 999] {
        // MSDK's body decides, whatever the status.
        let envelope =
            Envelope::<IgnoredAny>::from_http(Api::Generic, status, msdk_failure).unwrap();
        assert_eq!(envelope.response().ret(), -307, "{status}");
        assert!(
            Envelope::<IgnoredAny>::from_http(Api::Generic, status, msdk_success)
                .unwrap()
                .payload()
                .is_some()
        );
        // A body that is not MSDK's: a status failure, unless the status is 2xx.
        for body in [gateway, b"", b"{}", b"null"] {
            match Envelope::<IgnoredAny>::from_http(Api::QqShare, status, body) {
                Err(Error::Parse(_)) => assert!((200..300).contains(&status), "{status}"),
                Err(Error::Transport(e)) => {
                    assert!(!(200..300).contains(&status), "{status}");
                    assert_eq!(
                        (e.failure(), e.api()),
                        (TransportFailure::Status(status), Api::QqShare)
                    );
                    let source = std::error::Error::source(&e).unwrap();
                    let body_error = source.downcast_ref::<UnexpectedBody>().unwrap();
                    assert_eq!(
                        (body_error.status(), body_error.len()),
                        (status, body.len())
                    );
                }
                other => panic!("{status} {body:?}: {other:?}"),
            }
        }
    }
    // An MSDK success whose payload does not fit is the payload's problem, on any status.
    let bad_payload: &[u8] = br#"{"ret":0,"msg":"success","lists":["x"]}"#;
    for status in [200, 500] {
        assert!(matches!(
            Envelope::<Friends<u32>>::from_http(Api::Generic, status, bad_payload),
            Err(Error::Parse(ref e)) if e.path() == Some("lists[0]")
        ));
    }
    let owned = msdk_error_codes::response::OwnedEnvelope::<IgnoredAny>::from_http(
        Api::Generic,
        200,
        msdk_failure,
    )
    .unwrap();
    assert_eq!(owned.response().ret(), -307);
}

#[test]
fn an_unexpected_body_keeps_only_an_excerpt() {
    let empty = UnexpectedBody::new(502, b"");
    assert!(empty.is_empty());
    assert_eq!(empty.to_string(), "HTTP 502, 0 bytes");
    let long = vec![b'x'; 10_000];
    let body = UnexpectedBody::new(504, &long);
    assert_eq!(body.excerpt().chars().count(), UnexpectedBody::EXCERPT);
    assert!(body.to_string().ends_with("\"…"), "{body}");
    assert_eq!(body.len(), 10_000);
    let invalid = UnexpectedBody::new(500, b"\xff\xfe<html>");
    assert!(invalid.excerpt().starts_with('\u{FFFD}'));
    let chinese = "网关错误".repeat(100);
    let body = UnexpectedBody::new(502, chinese.as_bytes());
    assert_eq!(body.excerpt().chars().count(), UnexpectedBody::EXCERPT);
}
