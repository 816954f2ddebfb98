//! `RetryPolicy` and `Attempts`: the bounds of the default policy, idempotency, jitter,
//! the shared budget, and that no sequence of responses makes them loop or sleep long.

use std::time::Duration;

use msdk_error_codes::{
    Api, Classification, MsdkResponse, RetryBudget, RetryPolicy, Step, classify, classify_for,
};
use proptest::prelude::*;

const IMMEDIATE: (i32, &str) = (-307, ""); // 重试一次
const LATER: (i32, &str) = (-2345, ""); // undocumented, server range: 请稍后再试
const SLOW_DOWN: (i32, &str) = (-503, ""); // 频率超限
const EXPIRED: (i32, &str) = (-20000, "42001,access_token expired");
const REAUTH: (i32, &str) = (-10000, "-73,x");
const FAIL: (i32, &str) = (-304, "");
const BENIGN: (i32, &str) = (1, "");
const SUCCESS: (i32, &str) = (0, "success");

/// The steps a policy takes for a scripted sequence of responses, up to its first Stop.
fn steps(policy: &RetryPolicy, api: Api, script: &[(i32, &str)]) -> Vec<Step> {
    let mut attempts = policy.start(api);
    let mut steps = Vec::new();
    for &(ret, msg) in script {
        let step = attempts.next(&classify_for(api, ret, msg));
        steps.push(step);
        if step == Step::Stop {
            break;
        }
    }
    steps
}

/// A scripted sequence, the steps it must give, and why.
type Case<'a> = (&'a [(i32, &'a str)], &'a [Step], &'a str);

fn ms(n: u64) -> Step {
    Step::RetryAfter(Duration::from_millis(n))
}

#[test]
fn the_default_follows_the_spec() {
    let policy = RetryPolicy::default().without_jitter();
    let cases: &[Case<'_>] = &[
        (
            &[IMMEDIATE, IMMEDIATE],
            &[ms(0), Step::Stop],
            "重试一次: one retry",
        ),
        (
            &[IMMEDIATE, SUCCESS],
            &[ms(0), Step::Stop],
            "the retry succeeds",
        ),
        (
            &[LATER, LATER, LATER, LATER],
            &[ms(500), ms(1000), ms(2000), Step::Stop],
            "three delayed retries, doubling",
        ),
        (
            &[SLOW_DOWN, LATER, SLOW_DOWN, LATER],
            &[ms(500), ms(1000), ms(2000), Step::Stop],
            "Later and SlowDown share the three",
        ),
        (
            &[EXPIRED, EXPIRED],
            &[Step::RefreshThenRetry, Step::Stop],
            "one refresh per call: a second expiry stops",
        ),
        (
            &[EXPIRED, IMMEDIATE, LATER, LATER, LATER],
            &[Step::RefreshThenRetry, ms(0), ms(500), ms(1000), Step::Stop],
            "five attempts in all",
        ),
        (&[REAUTH], &[Step::Stop], "re-authorize: stop"),
        (&[FAIL], &[Step::Stop], "fail: stop"),
        (&[BENIGN], &[Step::Stop], "benign: stop"),
        (&[SUCCESS], &[Step::Stop], "success: stop"),
    ];
    for &(script, want, why) in cases {
        assert_eq!(steps(&policy, Api::Generic, script), want, "{why}");
    }
}

#[test]
fn the_bounds_are_configurable() {
    let policy = RetryPolicy::default()
        .without_jitter()
        .with_immediate_retries(2)
        .with_delayed_retries(10)
        .with_token_refreshes(2)
        .with_max_attempts(20)
        .with_base_delay(Duration::from_secs(4))
        .with_max_delay(Duration::from_secs(10));
    assert_eq!(
        steps(&policy, Api::Generic, &[IMMEDIATE; 3]),
        [ms(0), ms(0), Step::Stop]
    );
    assert_eq!(
        steps(&policy, Api::Generic, &[LATER; 4]),
        [ms(4000), ms(8000), ms(10_000), ms(10_000)],
        "capped"
    );
    assert_eq!(
        steps(&policy, Api::Generic, &[EXPIRED; 3]),
        [Step::RefreshThenRetry, Step::RefreshThenRetry, Step::Stop]
    );
    let never = RetryPolicy::default().with_token_refreshes(0);
    assert_eq!(steps(&never, Api::Generic, &[EXPIRED]), [Step::Stop]);
    let once = RetryPolicy::default().with_max_attempts(0);
    assert_eq!(once.max_attempts(), 1);
    assert_eq!(steps(&once, Api::Generic, &[IMMEDIATE]), [Step::Stop]);
}

#[test]
fn a_share_retries_only_what_was_refused_before_it_ran() {
    let policy = RetryPolicy::default().without_jitter();
    assert!(!Api::QqShare.is_idempotent() && !Api::QzoneShare.is_idempotent());
    for api in [Api::QqShare, Api::QzoneShare] {
        assert_eq!(steps(&policy, api, &[IMMEDIATE]), [Step::Stop], "{api:?}");
        assert_eq!(steps(&policy, api, &[LATER]), [Step::Stop], "{api:?}");
        assert_eq!(
            steps(&policy, api, &[SLOW_DOWN, SUCCESS]),
            [ms(500), Step::Stop]
        );
        assert_eq!(
            steps(&policy, api, &[EXPIRED, SUCCESS]),
            [Step::RefreshThenRetry, Step::Stop]
        );
    }
    let anyway = RetryPolicy::default()
        .without_jitter()
        .retrying_non_idempotent();
    assert_eq!(
        steps(&anyway, Api::QqShare, &[IMMEDIATE, LATER]),
        [ms(0), ms(500)]
    );
    for api in Api::ALL {
        assert_eq!(
            api.is_idempotent(),
            !matches!(api, Api::QqShare | Api::QzoneShare | Api::OtherShare),
            "{api:?}"
        );
    }
}

#[test]
fn jitter_never_lengthens_a_delay() {
    let exact = RetryPolicy::default().without_jitter();
    let jittered = RetryPolicy::default();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..200 {
        let without = steps(&exact, Api::Generic, &[LATER; 4]);
        let with = steps(&jittered, Api::Generic, &[LATER; 4]);
        for (a, b) in without.iter().zip(&with) {
            match (a, b) {
                (Step::RetryAfter(exact), Step::RetryAfter(jittered)) => {
                    assert!(jittered <= exact, "{jittered:?} > {exact:?}");
                    assert!(*jittered >= *exact / 2, "{jittered:?} < half of {exact:?}");
                    seen.insert(*jittered);
                }
                _ => assert_eq!(a, b),
            }
        }
    }
    assert!(seen.len() > 10, "jitter spreads the delays: {}", seen.len());
}

/// Runs `calls` logical calls against a server that answers every attempt with `ret`,
/// under `policy`; returns the retries made in all.
fn retries_against(policy: &RetryPolicy, calls: usize, (ret, msg): (i32, &str)) -> u32 {
    let mut retries = 0;
    for _ in 0..calls {
        let mut attempts = policy.start(Api::Generic);
        while let Step::RetryAfter(_) = attempts.next(&classify(ret, msg)) {}
        retries += attempts.retries();
    }
    retries
}

#[test]
fn a_budget_stops_a_retry_storm_and_lets_retries_back_after_successes() {
    let budget = RetryBudget::new(10, 0.1).unwrap();
    let policy = RetryPolicy::default()
        .without_jitter()
        .with_budget(budget.clone());
    // 1,000 failing calls: the first call retries three times (its failures leave 9, 8
    // and 7 tokens, more than half; its fourth leaves 6, but its three delayed retries
    // are spent), and the second call's failure leaves 5, which is not more than half:
    // from there on no call retries, and each failure takes a token down to 0.
    let retries = retries_against(&policy, 1000, LATER);
    assert!(retries <= 10, "{retries} retries");
    assert_eq!(retries, 3);
    assert_eq!(budget.tokens(), 0.0);
    // Successes refill it, 0.1 each. A retry needs more than 5 tokens after the
    // failure's own withdrawal: 61 successes (6.1 tokens) let one failing call retry once
    // (its failures leave 5.1, then 4.1).
    assert!(!budget.would_allow_retry());
    for _ in 0..61 {
        let mut attempts = policy.start(Api::Generic);
        assert_eq!(attempts.next(&classify(0, "ok")), Step::Stop);
    }
    assert!(budget.would_allow_retry());
    assert_eq!(retries_against(&policy, 1, LATER), 1);
    assert_eq!(retries_against(&policy, 1, LATER), 0);
    // Failures that are not retries leave the bucket alone.
    let before = budget.tokens();
    retries_against(&policy, 100, FAIL);
    retries_against(&policy, 100, REAUTH);
    assert_eq!(budget.tokens(), before);
}

#[test]
fn the_types_are_what_the_contract_says() {
    fn clone_send_sync_debug<T: Clone + Send + Sync + std::fmt::Debug>() {}
    fn copy_eq_debug<T: Copy + Eq + std::fmt::Debug>() {}
    clone_send_sync_debug::<RetryPolicy>();
    copy_eq_debug::<Step>();
    copy_eq_debug::<msdk_error_codes::Decision>();
    copy_eq_debug::<msdk_error_codes::Backoff>();
    assert!(RetryPolicy::default().budget().is_none());
}

/// A pool of responses covering every decision, with and without server err_types.
fn any_outcome() -> impl Strategy<Value = (Api, i32, String, Option<i32>)> {
    let responses = vec![
        IMMEDIATE,
        LATER,
        SLOW_DOWN,
        EXPIRED,
        REAUTH,
        FAIL,
        BENIGN,
        SUCCESS,
        (-20000, "0,ok"),
        (-15000, "oidb decode0x73a failed, ret:17"),
        (-10000, "junk"),
    ];
    (
        proptest::sample::select(Api::ALL.to_vec()),
        proptest::sample::select(responses),
        proptest::option::of(prop_oneof![
            Just(0),
            Just(1),
            Just(2),
            Just(3),
            Just(5),
            any::<i32>()
        ]),
    )
        .prop_map(|(api, (ret, msg), server)| (api, ret, msg.to_owned(), server))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever arrives, a call stops within max_attempts steps, refreshes at most as
    /// often as allowed, and never sleeps past the cap.
    #[test]
    fn no_sequence_loops_or_sleeps_long(
        script in proptest::collection::vec(any_outcome(), 1..40),
        max_attempts in 0u32..8,
        refreshes in 0u32..3,
        cap_ms in 0u64..20_000,
        jitter in any::<bool>(),
        budget in any::<bool>(),
    ) {
        let mut policy = RetryPolicy::default()
            .with_max_attempts(max_attempts)
            .with_token_refreshes(refreshes)
            .with_max_delay(Duration::from_millis(cap_ms));
        if !jitter {
            policy = policy.without_jitter();
        }
        if budget {
            policy = policy.with_budget(RetryBudget::default());
        }
        let api = script[0].0;
        let mut attempts = policy.start(api);
        let mut steps = 0;
        let mut refreshed = 0;
        let mut stopped = false;
        for (_, ret, msg, server) in script.iter().cycle().take(100) {
            let response = MsdkResponse::new(*ret, msg.as_str(), *server);
            let c: Classification<'_> = response.classify_for(api);
            steps += 1;
            match attempts.next(&c) {
                Step::Stop => {
                    stopped = true;
                    break;
                }
                Step::RetryAfter(delay) => prop_assert!(delay <= policy.max_delay()),
                Step::RefreshThenRetry => refreshed += 1,
                _ => {}
            }
        }
        prop_assert!(stopped, "no Stop in 100 steps");
        prop_assert!(steps <= policy.max_attempts(), "{} steps", steps);
        prop_assert!(refreshed <= refreshes);
        prop_assert_eq!(attempts.attempts(), steps);
    }
}

#[test]
fn must_reauthorize_after_a_reauthorize_or_a_second_expiry() {
    let policy = RetryPolicy::default();
    let cases: &[(&[(i32, &str)], bool)] = &[
        (&[REAUTH], true),
        (&[EXPIRED, EXPIRED], true),
        (&[EXPIRED, SUCCESS], false),
        (&[EXPIRED, FAIL], false),
        (&[IMMEDIATE, IMMEDIATE], false),
        (&[SUCCESS], false),
    ];
    for &(script, want) in cases {
        let mut attempts = policy.start(Api::Generic);
        for &(ret, msg) in script {
            attempts.next(&classify(ret, msg));
        }
        assert_eq!(attempts.must_reauthorize(), want, "{script:?}");
    }
    let never = RetryPolicy::default().with_token_refreshes(0);
    let mut attempts = never.start(Api::Generic);
    assert_eq!(attempts.next(&classify(EXPIRED.0, EXPIRED.1)), Step::Stop);
    assert!(
        attempts.must_reauthorize(),
        "no refresh allowed: log in again"
    );
}
