//! `RetryBudget`: argument checks, gRPC A6's numbers, and the bucket's bounds under
//! concurrency and random outcome sequences.

use std::sync::Barrier;
use std::thread;

use msdk_error_codes::{InvalidBudget, RetryBudget};
use proptest::prelude::*;

use crate::support::assert_send_sync;

#[test]
fn new_rejects_nonsense_and_names_the_argument() {
    let cases: [(u32, f32, InvalidBudget, &str); 11] = [
        // Below 3 tokens no failure leaves more than half: no retry could ever happen.
        (1, 1.0, InvalidBudget::TooFewTokens(1), "max_tokens"),
        (2, 0.1, InvalidBudget::TooFewTokens(2), "max_tokens"),
        (0, 0.1, InvalidBudget::TooFewTokens(0), "max_tokens"),
        (
            1001,
            0.1,
            InvalidBudget::MaxTokensAboveLimit(1001),
            "max_tokens",
        ),
        (
            u32::MAX,
            0.1,
            InvalidBudget::MaxTokensAboveLimit(u32::MAX),
            "max_tokens",
        ),
        (
            10,
            f32::INFINITY,
            InvalidBudget::RatioNotFinite(f32::INFINITY),
            "token_ratio",
        ),
        (
            10,
            f32::NEG_INFINITY,
            InvalidBudget::RatioNotFinite(f32::NEG_INFINITY),
            "token_ratio",
        ),
        (10, 0.0, InvalidBudget::RatioNotPositive(0.0), "token_ratio"),
        (
            10,
            -0.0,
            InvalidBudget::RatioNotPositive(-0.0),
            "token_ratio",
        ),
        (
            10,
            -0.1,
            InvalidBudget::RatioNotPositive(-0.1),
            "token_ratio",
        ),
        (
            10,
            0.0004,
            InvalidBudget::RatioRoundsToZero(0.0004),
            "token_ratio",
        ),
    ];
    for (max, ratio, expected, argument) in cases {
        let err = RetryBudget::new(max, ratio).unwrap_err();
        assert_eq!(err, expected, "new({max}, {ratio})");
        assert!(err.to_string().starts_with(argument), "{err}");
    }
    // NaN is not equal to itself, so it gets its own check.
    let err = RetryBudget::new(10, f32::NAN).unwrap_err();
    assert!(matches!(err, InvalidBudget::RatioNotFinite(r) if r.is_nan()));
    assert!(err.to_string().starts_with("token_ratio"), "{err}");
    // max_tokens is checked first.
    assert_eq!(
        RetryBudget::new(0, f32::NAN).unwrap_err(),
        InvalidBudget::TooFewTokens(0)
    );
}

#[test]
fn new_accepts_sane_budgets_full_and_rounds_the_ratio_to_3_places() {
    let cases: [(u32, f32, f32); 7] = [
        (10, 0.1, 0.1),
        (3, 1.0, 1.0),
        (1000, 0.001, 0.001),
        (10, 0.0005, 0.001), // rounds up, not to 0
        (10, 0.7, 0.7),      // 0.7_f32 is 0.69999999: rounded, not truncated
        (10, 0.1239, 0.124),
        (10, 1e30, 10.0), // above max_tokens refills the bucket at once, so it is capped
    ];
    for (max, ratio, kept) in cases {
        let budget = RetryBudget::new(max, ratio).unwrap();
        assert_eq!(budget.max_tokens(), max);
        assert_eq!(budget.token_ratio(), kept, "new({max}, {ratio})");
        assert_eq!(budget.tokens(), max as f32, "a new bucket is full");
    }
    let default = RetryBudget::default();
    assert_eq!(
        (
            default.max_tokens(),
            default.token_ratio(),
            default.tokens()
        ),
        (10, 0.1, 10.0)
    );
}

#[test]
fn an_outage_gets_exactly_4_retries_from_the_default_budget() {
    let budget = RetryBudget::new(10, 0.1).unwrap();
    let (mut retries, mut attempts) = (0, 0);
    for _call in 0..1000 {
        loop {
            attempts += 1; // the attempt fails
            if !budget.record_failure() {
                break;
            }
            retries += 1;
        }
    }
    // The first call's failures leave 9, 8, 7, 6 tokens (each > 10 / 2, so each allows a
    // retry), then 5 (not > 5): 4 retries, 5 attempts. Every later call's first failure
    // leaves 5 or fewer tokens, so it is not retried: 4 + 999 * 0.
    assert_eq!(retries, 4);
    assert_eq!(attempts, 1000 + 4);
    assert_eq!(budget.tokens(), 0.0, "drained, and never below 0");
}

#[test]
fn successes_bring_retries_back() {
    let budget = RetryBudget::new(10, 0.1).unwrap();
    while budget.tokens() > 0.0 {
        budget.record_failure();
    }
    assert!(!budget.would_allow_retry());
    // A retry needs more than 10 / 2 = 5 tokens after the failure's own: from 0 at 0.1 a
    // success, 60 successes reach exactly 6 (a failure would leave 5, not enough) and
    // the 61st 6.1.
    for _ in 0..60 {
        budget.record_success();
    }
    assert_eq!(budget.tokens(), 6.0, "fixed point: no rounding drift");
    assert!(!budget.would_allow_retry());
    budget.record_success();
    assert_eq!(budget.tokens(), 6.1);
    assert!(budget.would_allow_retry());
    // would_allow_retry took nothing, and said what the next failure gets.
    assert_eq!(budget.tokens(), 6.1);
    assert!(budget.record_failure(), "5.1 is > 5");
    assert!(!budget.would_allow_retry());
    assert!(!budget.record_failure(), "4.1 is not > 5");
    // Successes stop at max_tokens.
    for _ in 0..1000 {
        budget.record_success();
    }
    assert_eq!(budget.tokens(), 10.0);
}

#[test]
fn clones_share_one_bucket() {
    let budget = RetryBudget::default();
    let clone = budget.clone();
    clone.record_failure();
    assert_eq!(budget.tokens(), 9.0);
    thread::spawn(move || clone.record_failure())
        .join()
        .unwrap();
    assert_eq!(budget.tokens(), 8.0);
    assert_eq!(
        format!("{budget:?}"),
        "RetryBudget { max_tokens: 10, token_ratio: 0.1, tokens: 8.0 }"
    );
}

#[test]
fn is_send_and_sync() {
    assert_send_sync::<RetryBudget>();
    assert_send_sync::<InvalidBudget>();
}

const THREADS: usize = 32;

/// A deterministic pseudo-random stream (xorshift64*), one seed per thread.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Runs `work` on [`THREADS`] threads at once, each with its index and its own clone.
fn on_every_thread(budget: &RetryBudget, work: impl Fn(u64, RetryBudget) + Sync) {
    let start = Barrier::new(THREADS);
    thread::scope(|s| {
        for index in 0..THREADS as u64 {
            let (budget, start, work) = (budget.clone(), &start, &work);
            s.spawn(move || {
                // Released together, so the updates really contend.
                start.wait();
                work(index, budget);
            });
        }
    });
}

#[test]
fn threads_hammering_clones_keep_the_bucket_in_bounds() {
    let budget = RetryBudget::new(10, 0.3).unwrap();
    on_every_thread(&budget, |seed, budget| {
        let mut rng = Rng(seed + 1);
        for _ in 0..20_000 {
            // Mostly failures, so the bucket keeps hitting both bounds.
            if rng.next().is_multiple_of(3) {
                budget.record_success();
            } else {
                budget.record_failure();
            }
            let tokens = budget.tokens();
            assert!((0.0..=10.0).contains(&tokens), "{tokens}");
        }
    });
    let tokens = budget.tokens();
    assert!((0.0..=10.0).contains(&tokens), "{tokens}");
}

#[test]
fn concurrent_updates_are_never_lost() {
    // Far from both bounds, every withdrawal and refill must count exactly.
    let budget = RetryBudget::new(1000, 1.0).unwrap();
    on_every_thread(&budget, |_, budget| {
        for _ in 0..10 {
            budget.record_failure();
        }
    });
    assert_eq!(budget.tokens(), (1000 - THREADS * 10) as f32);
    on_every_thread(&budget, |_, budget| {
        for _ in 0..5 {
            budget.record_success();
        }
    });
    assert_eq!(budget.tokens(), (1000 - THREADS * 5) as f32);
}

/// The bucket in plain integers, the way A6 states it.
struct Model {
    max: i64,
    ratio: i64,
    tokens: i64,
}

proptest! {
    #[test]
    fn random_outcomes_keep_the_bucket_in_bounds_and_follow_a6(
        max in 3u32..=1000,
        ratio_milli in 1u32..=3000,
        outcomes in proptest::collection::vec(any::<bool>(), 0..400),
    ) {
        let ratio = ratio_milli as f32 / 1000.0;
        let budget = RetryBudget::new(max, ratio).unwrap();
        let max_milli = i64::from(max) * 1000;
        let mut model = Model {
            max: max_milli,
            ratio: i64::from(ratio_milli).min(max_milli),
            tokens: max_milli,
        };
        for success in outcomes {
            if success {
                budget.record_success();
                model.tokens = (model.tokens + model.ratio).min(model.max);
            } else {
                let allowed = budget.record_failure();
                model.tokens = (model.tokens - 1000).max(0);
                prop_assert_eq!(allowed, model.tokens * 2 > model.max);
            }
            let tokens = budget.tokens();
            prop_assert!((0.0..=max as f32).contains(&tokens), "{}", tokens);
            prop_assert_eq!(tokens, model.tokens as f32 / 1000.0);
            // It answers what the next failure would get.
            prop_assert_eq!(budget.would_allow_retry(), (model.tokens - 1000).max(0) * 2 > model.max);
        }
    }
}
