//! `Attempts` for a whole call: the API named once (`next_response`), transport failures
//! through the same bounds as MSDK's answers (`next_failure`), a failed refresh
//! (`refresh_failed`), and `Step`'s names and stored form.

use std::time::Duration;

use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::{
    Api, Attempts, Backoff, Classifier, Decision, MsdkResponse, Overrides, RetryBudget,
    RetryPolicy, Step, classify, fixtures_for,
};
use proptest::prelude::*;

#[test]
fn next_response_classifies_under_the_calls_api() {
    let policy = RetryPolicy::default().without_jitter();
    for api in Api::ALL {
        let mut seen = 0;
        for fixture in fixtures_for(api) {
            for server in [None, Some(0), Some(1), Some(2), Some(3), Some(5), Some(7)] {
                let response = fixture.clone().with_server_err_type(server).into_response();
                let by_response = policy.start(api).next_response(&response);
                let by_hand = policy.start(api).next(&response.classify_for(api));
                assert_eq!(by_response, by_hand, "{api} {}", fixture.to_json());
                seen += 1;
            }
        }
        assert!(seen > 0, "{api} has fixtures");
    }
    // The issue's example: under the call's API, 100000 is /share/qq's authentication
    // error, not the generic tables' undocumented access code.
    let response = MsdkResponse::new(100000, "鉴权错误！uin,skey错误", None);
    let mut share = policy.start(Api::QqShare);
    assert_eq!(share.next_response(&response), Step::Stop);
    assert!(share.must_reauthorize());
    let mut generic = policy.start(Api::Generic);
    assert_eq!(generic.next_response(&response), Step::Stop);
    assert!(
        !generic.must_reauthorize(),
        "under Generic it reads as an undocumented failure"
    );
}

/// A team's overrides that make WeChat's undocumented 61451 a later retry (the catalog
/// alone says fail).
fn retry_61451_later() -> Classifier {
    let file = r#"[{"layer":"wechat_platform","code":61451,"err_type":1,"action":"retry_later"}]"#;
    Classifier::new().with_overrides(Overrides::from_json(file).unwrap())
}

#[test]
fn next_response_follows_the_policys_overrides() {
    let classifier = retry_61451_later();
    let response = MsdkResponse::new(-20000, "61451,invalid parameter", None);
    let plain = RetryPolicy::default();
    assert_eq!(
        plain.start(Api::Generic).next_response(&response),
        Step::Stop
    );
    let overridden = plain.clone().with_classifier(classifier);
    assert!(matches!(
        overridden.start(Api::Generic).next_response(&response),
        Step::RetryAfter(_)
    ));
    assert!(overridden.classifier().is_some() && plain.classifier().is_none());
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "a classification under generic for a call of share-qq")]
fn next_with_another_apis_classification_is_a_caller_bug() {
    let policy = RetryPolicy::default();
    policy.start(Api::QqShare).next(&classify(100000, ""));
}

#[test]
fn a_failed_refresh_stops_the_call_for_good() {
    let policy = RetryPolicy::default()
        .with_token_refreshes(5)
        .without_jitter();
    let expired = MsdkResponse::new(-20000, "42001,access_token expired", Some(3));
    let mut attempts = policy.start(Api::Generic);
    assert_eq!(attempts.next_response(&expired), Step::RefreshThenRetry);
    assert!(!attempts.must_reauthorize());
    assert_eq!(attempts.refresh_failed(), Step::Stop);
    assert_eq!(attempts.attempts(), 1, "a failed refresh is not an attempt");
    assert!(attempts.must_reauthorize());
    // Whatever comes after: stop, and the user must still log in.
    assert_eq!(attempts.next_response(&expired), Step::Stop);
    assert_eq!(attempts.next(&classify(-307, "")), Step::Stop);
    assert_eq!(
        attempts.next_failure(&TransportFailure::NotSent),
        Step::Stop
    );
    assert_eq!(
        attempts.next_response(&MsdkResponse::new(0, "success", None)),
        Step::Stop
    );
    assert!(attempts.must_reauthorize());
    assert_eq!(attempts.refreshes(), 1);
}

#[test]
fn the_result_agrees_with_what_the_attempts_did() {
    use msdk_error_codes::{Envelope, OwnedEnvelope};
    use serde::de::IgnoredAny;

    // The team's overrides turn an undocumented WeChat code into a later retry: the
    // call retries it, and the error the caller gets says so (the catalog alone says
    // fail).
    let classifier = retry_61451_later();
    let policy = RetryPolicy::default()
        .with_classifier(classifier)
        .with_delayed_retries(0);
    let body = br#"{"ret":-20000,"msg":"61451,invalid parameter"}"#;
    let mut attempts = policy.start(Api::Generic);
    let envelope = Envelope::<IgnoredAny>::from_slice(body).unwrap();
    assert_eq!(attempts.next_response(envelope.response()), Step::Stop);
    let err = attempts.result(envelope.clone()).unwrap_err();
    assert!(err.is_overridden());
    assert_eq!(err.decision(), Decision::Retry(Backoff::Later));
    assert_eq!(
        envelope
            .into_result_for(Api::Generic)
            .unwrap_err()
            .decision(),
        Decision::Fail,
        "without the overrides"
    );
    // Under the call's API: /share/qq's 100000, not the access layer's undocumented one.
    let share = RetryPolicy::default().start(Api::QqShare);
    let owned = OwnedEnvelope::<IgnoredAny>::from_slice(br#"{"ret":100000,"msg":"x"}"#).unwrap();
    let err = share.result(owned).unwrap_err();
    assert_eq!(err.label(), "qq_share.100000");
    // A success is the payload.
    let ok = Envelope::<serde_json::Value>::from_slice(br#"{"ret":0,"msg":"ok","a":1}"#).unwrap();
    assert_eq!(share.result(ok).unwrap()["a"], 1);
}

#[test]
fn next_error_follows_each_errors_decision() {
    use msdk_error_codes::{Envelope, Error};
    use serde::de::IgnoredAny;

    let policy = RetryPolicy::default().without_jitter();
    let read = |status: u16, body: &[u8]| {
        Envelope::<IgnoredAny>::from_http(Api::Generic, status, body).unwrap_err()
    };
    // A gateway's page is its transport failure, exactly as next_failure takes it.
    let gateway = read(502, b"<html>Bad Gateway</html>");
    let mut by_error = policy.start(Api::Generic);
    let mut by_failure = policy.start(Api::Generic);
    assert_eq!(
        by_error.next_error(&gateway),
        by_failure.next_failure(&TransportFailure::Status(502))
    );
    assert!(matches!(by_error.next_error(&gateway), Step::RetryAfter(_)));
    // An MSDK error is its classification, as next takes it.
    let msdk = Error::Msdk(classify(-307, "").to_error().unwrap());
    let mut attempts = policy.start(Api::Generic);
    assert_eq!(attempts.next_error(&msdk), Step::RetryAfter(Duration::ZERO));
    // A body that is no MSDK response, and a request that could not be made: attempts
    // that stop the call.
    for err in [read(200, b"<html>"), Error::Request("no URL".into())] {
        let mut attempts = policy.start(Api::Generic);
        assert_eq!(attempts.next_error(&err), Step::Stop, "{err}");
        assert_eq!(attempts.attempts(), 1);
        assert!(!attempts.must_reauthorize());
    }
    // A client's error, through Error::from_client: a refused connection is retried
    // even for a share; a reset only for an idempotent API.
    let refused = || std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    let reset = || std::io::Error::from(std::io::ErrorKind::ConnectionReset);
    let mut share = policy.start(Api::QqShare);
    assert!(matches!(
        share.next_error(&Error::from_client(Api::QqShare, refused())),
        Step::RetryAfter(_)
    ));
    assert_eq!(
        share.next_error(&Error::from_client(Api::QqShare, reset())),
        Step::Stop
    );
    let mut generic = policy.start(Api::Generic);
    assert!(matches!(
        generic.next_error(&Error::from_client(Api::Generic, reset())),
        Step::RetryAfter(_)
    ));
}

#[test]
fn a_stopped_call_stays_stopped_without_asking_for_login() {
    let policy = RetryPolicy::default();
    let mut attempts = policy.start(Api::Generic);
    let expired = MsdkResponse::new(-20000, "42001,access_token expired", None);
    assert_eq!(attempts.next_response(&expired), Step::RefreshThenRetry);
    assert_eq!(attempts.stop(), Step::Stop);
    assert_eq!((attempts.attempts(), attempts.refreshes()), (1, 1));
    assert!(
        !attempts.must_reauthorize(),
        "stopping is not a failed refresh"
    );
    assert_eq!(attempts.next(&classify(-307, "")), Step::Stop);
    assert_eq!(
        attempts.next_failure(&TransportFailure::NotSent),
        Step::Stop
    );
    // A call stopped before any attempt.
    assert_eq!(policy.start(Api::Generic).stop(), Step::Stop);
}

#[test]
fn transport_failures_share_the_bounds_with_msdk_answers() {
    let policy = RetryPolicy::default().without_jitter();
    let later = MsdkResponse::new(-2345, "", None); // server range: retry later
    let mut attempts = policy.start(Api::Generic);
    // Three delayed retries in all, whoever asks, with one backoff.
    assert_eq!(
        attempts.next_failure(&TransportFailure::Status(502)),
        Step::RetryAfter(Duration::from_millis(500))
    );
    assert_eq!(
        attempts.next_response(&later),
        Step::RetryAfter(Duration::from_secs(1))
    );
    assert_eq!(
        attempts.next_failure(&TransportFailure::NotSent),
        Step::RetryAfter(Duration::from_secs(2))
    );
    assert_eq!(
        attempts.next_failure(&TransportFailure::NotSent),
        Step::Stop
    );
    assert_eq!(attempts.attempts(), 4);

    // The issue's call: three 502 pages, then -503, never more than max_attempts.
    let mut attempts = policy.start(Api::Generic);
    let mut made = 0;
    let script = [
        Err(502),
        Err(502),
        Err(502),
        Ok(MsdkResponse::new(-503, "频率超限", None)),
        Ok(MsdkResponse::new(-503, "频率超限", None)),
    ];
    for reply in script.iter().cycle().take(20) {
        made += 1;
        let step = match reply {
            Err(status) => attempts.next_failure(&TransportFailure::Status(*status)),
            Ok(response) => attempts.next_response(response),
        };
        if step == Step::Stop {
            break;
        }
    }
    assert!(made <= policy.max_attempts(), "{made} attempts");

    // The budget counts transport failures like MSDK's retryable answers.
    let budget = RetryBudget::new(4, 1.0).unwrap();
    let policy = RetryPolicy::default().with_budget(budget.clone());
    assert!(matches!(
        policy
            .start(Api::Generic)
            .next_failure(&TransportFailure::NotSent),
        Step::RetryAfter(_)
    ));
    assert_eq!(budget.tokens(), 3.0);
    assert_eq!(
        policy
            .start(Api::Generic)
            .next_failure(&TransportFailure::NotSent),
        Step::Stop
    );
    assert_eq!(budget.tokens(), 2.0);
}

#[test]
fn attempts_outlive_their_policy_and_cross_threads() {
    fn send_static<T: Send + Sync + 'static>(_: &T) {}
    let attempts: Attempts<'static> = RetryPolicy::default().start(Api::Generic);
    send_static(&attempts);
    let mut attempts = std::thread::spawn(move || attempts).join().unwrap();
    assert_eq!(attempts.next(&classify(0, "success")), Step::Stop);
    // 0.1's signatures still compile: a function that names `Attempts<'_>`.
    fn count(attempts: &Attempts<'_>) -> u32 {
        attempts.attempts()
    }
    assert_eq!(count(&attempts), 1);
}

#[test]
fn decisions_come_from_what_a_loop_holds() {
    let c = classify(-20000, "42001,access_token expired");
    assert_eq!(Decision::from(&c), Decision::RefreshToken);
    let err = c.to_error().unwrap();
    assert_eq!(Decision::from(&err), err.decision());
    for fixture in msdk_error_codes::fixtures() {
        let c = fixture.response().classify_for(fixture.api());
        assert_eq!(Decision::from(&c), c.decision());
        if let Some(err) = c.to_error() {
            assert_eq!(Decision::from(&err), c.decision());
        }
    }
}

#[test]
fn steps_have_names_and_a_stored_form() {
    let cases = [
        (Step::Stop, "stop", "stop", r#"{"step":"stop"}"#),
        (
            Step::RefreshThenRetry,
            "refresh_then_retry",
            "refresh_then_retry",
            r#"{"step":"refresh_then_retry"}"#,
        ),
        (
            Step::RetryAfter(Duration::ZERO),
            "retry_after",
            "retry_after 0ns",
            r#"{"step":"retry_after","delay":{"secs":0,"nanos":0}}"#,
        ),
        (
            Step::RetryAfter(Duration::new(1, 500_000_001)),
            "retry_after",
            "retry_after 1.500000001s",
            r#"{"step":"retry_after","delay":{"secs":1,"nanos":500000001}}"#,
        ),
    ];
    for (step, name, display, json) in cases {
        assert_eq!(
            (step.as_str(), step.to_string()),
            (name, display.to_owned())
        );
        assert_eq!(serde_json::to_string(&step).unwrap(), json);
        assert_eq!(serde_json::from_str::<Step>(json).unwrap(), step);
    }
    for bad in [
        r#"{"step":"later"}"#,
        r#"{"step":"retry_after"}"#,
        r#"{"step":"stop","delay":{"secs":0,"nanos":0}}"#,
        r#""stop""#,
    ] {
        assert!(serde_json::from_str::<Step>(bad).is_err(), "{bad}");
    }
}

/// One attempt's outcome, for the property below.
#[derive(Clone, Debug)]
enum Outcome {
    Msdk(i32, &'static str, Option<i32>),
    Failure(TransportFailure),
}

fn any_outcome() -> impl Strategy<Value = Outcome> {
    let msdk = (
        prop::sample::select(vec![
            (0, "success"),
            (-307, ""),
            (-2345, ""),
            (-503, ""),
            (-20000, "42001,access_token expired"),
            (-10000, "-73,x"),
            (-304, ""),
            (1, ""),
            (100000, ""),
            (-1, ""),
        ]),
        prop::option::of(prop::sample::select(vec![0, 1, 2, 3, 5, 7])),
    )
        .prop_map(|((ret, msg), err_type)| Outcome::Msdk(ret, msg, err_type));
    let failure = prop_oneof![
        Just(TransportFailure::NotSent),
        Just(TransportFailure::MaybeSent),
        (0u16..=700).prop_map(TransportFailure::Status),
    ]
    .prop_map(Outcome::Failure);
    prop_oneof![msdk, failure]
}

/// A policy's settings, kept beside it so that the property can check against them.
#[derive(Clone, Debug)]
struct Settings {
    immediate: u32,
    delayed: u32,
    refreshes: u32,
    max: u32,
    base: Duration,
    cap: Duration,
    jitter: bool,
    non_idempotent: bool,
    budget: bool,
    /// The policy classifies with [`team_classifier`]'s overrides.
    overrides: bool,
}

impl Settings {
    fn policy(&self) -> RetryPolicy {
        let mut policy = RetryPolicy::default()
            .with_immediate_retries(self.immediate)
            .with_delayed_retries(self.delayed)
            .with_token_refreshes(self.refreshes)
            .with_max_attempts(self.max)
            .with_base_delay(self.base)
            .with_max_delay(self.cap);
        if !self.jitter {
            policy = policy.without_jitter();
        }
        if self.non_idempotent {
            policy = policy.retrying_non_idempotent();
        }
        if self.budget {
            policy = policy.with_budget(RetryBudget::default());
        }
        if self.overrides {
            policy = policy.with_classifier(team_classifier());
        }
        policy
    }
}

/// The team's overrides the property sometimes runs with: a code the catalog retries
/// made to fail (`-503`, slow down, becomes a request to fix), and a code it fails made
/// to retry later (`-304`), so that the bounds are checked whoever decides.
fn team_classifier() -> Classifier {
    let file = r#"[
        {"layer":"access","code":-503,"err_type":5,"action":"fix_request"},
        {"layer":"access","code":-304,"err_type":1,"action":"retry_later"}
    ]"#;
    Classifier::new().with_overrides(Overrides::from_json(file).unwrap())
}

#[test]
fn the_propertys_overrides_turn_a_retry_into_a_failure_and_back() {
    let classifier = team_classifier();
    let decide = |ret: i32| {
        let response = MsdkResponse::new(ret, "", None);
        (
            response.classify_for(Api::Generic).decision(),
            classifier
                .classify_response_for(Api::Generic, &response)
                .decision(),
        )
    };
    assert_eq!(
        decide(-503),
        (Decision::Retry(Backoff::SlowDown), Decision::Fail)
    );
    assert_eq!(
        decide(-304),
        (Decision::Fail, Decision::Retry(Backoff::Later))
    );
    // And the policy follows them.
    let policy = RetryPolicy::default().with_classifier(classifier);
    let mut attempts = policy.start(Api::Generic);
    assert!(matches!(
        attempts.next_response(&MsdkResponse::new(-304, "", None)),
        Step::RetryAfter(_)
    ));
    assert_eq!(
        attempts.next_response(&MsdkResponse::new(-503, "", None)),
        Step::Stop
    );
}

fn any_settings() -> impl Strategy<Value = Settings> {
    (
        0u32..4,
        0u32..5,
        0u32..3,
        0u32..8,
        0u64..2_000,
        0u64..5_000,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                immediate,
                delayed,
                refreshes,
                max,
                base,
                cap,
                jitter,
                non_idempotent,
                budget,
                overrides,
            )| {
                Settings {
                    immediate,
                    delayed,
                    refreshes,
                    max,
                    base: Duration::from_millis(base),
                    cap: Duration::from_millis(cap),
                    jitter,
                    non_idempotent,
                    budget,
                    overrides,
                }
            },
        )
}

proptest! {
    /// Whatever mix of MSDK answers and transport failures a call sees, under any
    /// policy (the team's overrides or not): it stops within max_attempts, its retries
    /// of each kind stay within their bounds, no delay exceeds the cap, and a share is
    /// never retried on an ambiguous outcome unless the policy opted in.
    #[test]
    fn every_call_stays_within_its_bounds(
        settings in any_settings(),
        api in prop::sample::select(Api::ALL.to_vec()),
        script in prop::collection::vec(any_outcome(), 1..40),
        refresh_ok in prop::collection::vec(any::<bool>(), 40),
    ) {
        let policy = settings.policy();
        let classifier = settings.overrides.then(team_classifier);
        let max_attempts = settings.max.max(1);
        let mut attempts = policy.start(api);
        let (mut made, mut immediate, mut delayed, mut refreshes) = (0u32, 0u32, 0u32, 0u32);
        for (n, outcome) in script.iter().enumerate() {
            made += 1;
            let (step, decision) = match outcome {
                Outcome::Msdk(ret, msg, err_type) => {
                    let response = MsdkResponse::new(*ret, *msg, *err_type);
                    let classification = match &classifier {
                        Some(classifier) => classifier.classify_response_for(api, &response),
                        None => response.classify_for(api),
                    };
                    (attempts.next_response(&response), classification.decision())
                }
                Outcome::Failure(failure) => (attempts.next_failure(failure), failure.decision()),
            };
            prop_assert_eq!(attempts.attempts(), made);
            match step {
                Step::Stop => break,
                Step::RetryAfter(delay) => {
                    prop_assert!(delay <= settings.cap, "{:?} > cap {:?}", delay, settings.cap);
                    match decision {
                        Decision::Retry(Backoff::Immediately) => {
                            prop_assert_eq!(delay, Duration::ZERO);
                            immediate += 1;
                        }
                        Decision::Retry(_) => delayed += 1,
                        other => prop_assert!(false, "a retry on {}", other),
                    }
                    let ambiguous = decision != Decision::Retry(Backoff::SlowDown);
                    prop_assert!(
                        api.is_idempotent() || settings.non_idempotent || !ambiguous,
                        "{} retried an ambiguous {:?} without opting in", api, outcome
                    );
                }
                Step::RefreshThenRetry => {
                    prop_assert_eq!(decision, Decision::RefreshToken);
                    refreshes += 1;
                    if !refresh_ok[n] {
                        prop_assert_eq!(attempts.refresh_failed(), Step::Stop);
                        prop_assert!(attempts.must_reauthorize());
                        break;
                    }
                }
                other => prop_assert!(false, "{}", other),
            }
            prop_assert!(made < max_attempts, "a retry after {} of {} attempts", made, max_attempts);
        }
        prop_assert!(made <= max_attempts);
        prop_assert!(immediate <= settings.immediate && delayed <= settings.delayed && refreshes <= settings.refreshes);
        prop_assert_eq!(attempts.retries(), immediate + delayed);
        prop_assert_eq!(attempts.refreshes(), refreshes);
    }
}

#[test]
fn the_drivers_error_is_classified_with_the_policys_overrides() {
    use msdk_error_codes::Error;
    use serde::de::IgnoredAny;

    let classifier = retry_61451_later();
    let policy = RetryPolicy::default()
        .with_classifier(classifier)
        .with_base_delay(Duration::from_millis(1));
    let mut sent = 0;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let result: Result<IgnoredAny, Error> = runtime.block_on(
        policy
            .call(Api::Generic)
            .with_sleep(|_| async {})
            .send(|()| {
                sent += 1;
                async { Ok::<_, std::io::Error>((200, &br#"{"ret":-20000,"msg":"61451,x"}"#[..])) }
            }),
    );
    // 1 + the policy's 3 delayed retries, and the error says why they were made.
    assert_eq!(sent, 4);
    let err = result.unwrap_err();
    assert_eq!(err.decision(), Decision::Retry(Backoff::Later));
    assert!(matches!(&err, Error::Msdk(e) if e.is_overridden()));
}
