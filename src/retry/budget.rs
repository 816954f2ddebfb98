//! [`RetryBudget`]: gRPC-style retry throttling (proposal A6), shared by every call of a
//! client, and its constructor's error [`InvalidBudget`].

use core::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// One token in the bucket's fixed-point unit: the bucket counts milli-tokens, so a
/// `token_ratio` of 0.1 is exactly 100 and no rounding error builds up.
const MILLI: u32 = 1000;

/// A token bucket that throttles retries across all calls of a client, so that an
/// outage of MSDK or a platform behind it does not turn into a retry storm.
///
/// Retrying one failed call is cheap; every client of a failing server retrying every
/// call multiplies its load just when it can least take it. The budget watches the
/// outcomes of all attempts: while most succeed, failures are retried; once failures
/// outweigh successes, retries stop until successes refill the bucket. These are the
/// rules of gRPC's [retry throttling] (proposal A6):
///
/// - The bucket holds up to `max_tokens` tokens and starts full.
/// - Every attempt (first try or retry) whose [`Decision`](crate::Decision) is
///   `Retry` takes one token: [`record_failure`](Self::record_failure). The bucket never
///   goes below 0.
/// - Every success adds `token_ratio` tokens: [`record_success`](Self::record_success).
///   The bucket never goes above `max_tokens`.
/// - Other outcomes (a request to fix, a re-authorisation) leave the bucket alone: they
///   say nothing about the server's health.
/// - A retry is allowed only while the bucket holds *more than* `max_tokens / 2` tokens,
///   counted after the failure's withdrawal.
///
/// With the [`Default`] budget of 10 tokens and a ratio of 0.1, a client whose calls all
/// fail makes 4 retries in total (10 → 9, 8, 7, 6 allow one each; 5 does not), and
/// once the bucket is drained, 51 successes (0 → 5.1 tokens) bring retries back. In a
/// steady state, retries go on while there is at most one failure per ten successes.
///
/// Like gRPC, the ratio is kept to 3 decimal places (rounded to the nearest thousandth)
/// and `max_tokens` is at most 1000 ([`MAX_TOKENS_LIMIT`](Self::MAX_TOKENS_LIMIT)).
///
/// Clones share one bucket: create one budget per client (or per upstream server) and
/// hand clones to every task. The budget is `Send + Sync` and lock-free.
///
/// A [`RetryPolicy`](crate::RetryPolicy) with [`with_budget`](crate::RetryPolicy::with_budget)
/// does this bookkeeping itself; by hand it reads:
///
/// ```
/// use msdk_error_codes::{Decision, MsdkResponse, RetryBudget};
///
/// # fn call_msdk() -> Vec<u8> { br#"{"ret":-307,"msg":"internal error","err_type":1}"#.to_vec() }
/// let budget = RetryBudget::default(); // 10 tokens, ratio 0.1
/// let mut retries = 0;
/// loop {
///     let body = call_msdk();
///     let response = MsdkResponse::from_slice(&body).expect("an MSDK response");
///     match response.classify().decision() {
///         Decision::Success => {
///             budget.record_success();
///             break;
///         }
///         Decision::Retry(_) if budget.record_failure() => retries += 1, // back off, retry
///         _ => break, // not retryable, or the budget says stop: fail the call
///     }
/// }
/// // This server always fails: the budget allowed 4 retries, then stopped.
/// assert_eq!(retries, 4);
/// assert_eq!(budget.tokens(), 5.0);
/// assert!(!budget.would_allow_retry());
/// ```
///
/// [retry throttling]: https://github.com/grpc/proposal/blob/master/A6-client-retries.md#throttling-retry-attempts-and-hedged-rpcs
#[derive(Clone)]
pub struct RetryBudget {
    bucket: Arc<Bucket>,
}

/// The shared state of a budget and its clones.
struct Bucket {
    /// `max_tokens * MILLI`; at most `1000 * MILLI`, so no sum below overflows a `u32`.
    max_milli: u32,
    /// `token_ratio * MILLI`, rounded; at most `max_milli`, as more refills just as much.
    ratio_milli: u32,
    /// The current tokens, `0..=max_milli`.
    milli_tokens: AtomicU32,
}

impl RetryBudget {
    /// The largest `max_tokens` [`new`](Self::new) accepts: gRPC's limit.
    pub const MAX_TOKENS_LIMIT: u32 = 1000;

    /// A full budget of `max_tokens` tokens that refills `token_ratio` tokens per
    /// success.
    ///
    /// `token_ratio` is rounded to 3 decimal places, as gRPC does. Rejected, with an
    /// [`InvalidBudget`] naming the argument: `max_tokens` below 3 (no failure would ever
    /// leave more than half of them, so no retry could ever be allowed) or above
    /// [`MAX_TOKENS_LIMIT`](Self::MAX_TOKENS_LIMIT); a `token_ratio`
    /// that is NaN or infinite, 0 or negative (the bucket would never refill: once
    /// drained, retries would stop for good), or below 0.0005 (it rounds to 0).
    ///
    /// A ratio above `max_tokens` is accepted and refills the whole bucket on one
    /// success; [`token_ratio`](Self::token_ratio) then reports `max_tokens`.
    ///
    /// ```
    /// use msdk_error_codes::{InvalidBudget, RetryBudget};
    ///
    /// let budget = RetryBudget::new(100, 0.25).unwrap();
    /// assert_eq!((budget.max_tokens(), budget.token_ratio(), budget.tokens()), (100, 0.25, 100.0));
    ///
    /// assert_eq!(RetryBudget::new(2, 0.1).unwrap_err(), InvalidBudget::TooFewTokens(2));
    /// let err = RetryBudget::new(10, -1.0).unwrap_err();
    /// assert_eq!(err.to_string(), "token_ratio must be greater than 0 (at 0 or below the budget never refills), got -1");
    /// ```
    pub fn new(max_tokens: u32, token_ratio: f32) -> Result<RetryBudget, InvalidBudget> {
        // A retry needs more than half the tokens left after the failure's own: below 3
        // tokens no failure ever leaves that, so no retry could ever be allowed.
        if max_tokens < 3 {
            return Err(InvalidBudget::TooFewTokens(max_tokens));
        }
        if max_tokens > Self::MAX_TOKENS_LIMIT {
            return Err(InvalidBudget::MaxTokensAboveLimit(max_tokens));
        }
        if !token_ratio.is_finite() {
            return Err(InvalidBudget::RatioNotFinite(token_ratio));
        }
        if token_ratio <= 0.0 {
            return Err(InvalidBudget::RatioNotPositive(token_ratio));
        }
        let max_milli = max_tokens * MILLI;
        // Rounded, not truncated: 0.7_f32 is 0.69999999, which must still be 700. The
        // float-to-int `as` saturates, and anything above max_milli refills the same.
        let ratio_milli =
            ((f64::from(token_ratio) * f64::from(MILLI)).round() as u32).min(max_milli);
        if ratio_milli == 0 {
            return Err(InvalidBudget::RatioRoundsToZero(token_ratio));
        }
        Ok(RetryBudget::from_milli(max_milli, ratio_milli))
    }

    fn from_milli(max_milli: u32, ratio_milli: u32) -> RetryBudget {
        RetryBudget {
            bucket: Arc::new(Bucket {
                max_milli,
                ratio_milli,
                milli_tokens: AtomicU32::new(max_milli),
            }),
        }
    }

    /// Records an attempt that failed with a retryable error: takes one token (never
    /// going below 0) and returns whether the failed call may be retried now, that is
    /// whether more than `max_tokens / 2` tokens are left after the withdrawal.
    ///
    /// Call it once per failed attempt, first tries included, and only for retryable
    /// failures; a `false` means: give up and report the error.
    ///
    /// ```
    /// use msdk_error_codes::RetryBudget;
    ///
    /// let budget = RetryBudget::new(4, 1.0).unwrap();
    /// assert!(budget.record_failure()); // 3 > 2
    /// assert!(!budget.record_failure()); // 2 is not > 2
    /// assert!(!budget.record_failure()); // 1
    /// assert!(!budget.record_failure()); // 0
    /// assert!(!budget.record_failure()); // still 0
    /// assert_eq!(budget.tokens(), 0.0);
    /// ```
    pub fn record_failure(&self) -> bool {
        let b = &*self.bucket;
        // Relaxed is enough: the counter guards no other memory, and each update is a
        // read-modify-write, so no withdrawal is lost whatever the interleaving.
        let before = match b
            .milli_tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
                (t > 0).then(|| t.saturating_sub(MILLI))
            }) {
            Ok(before) | Err(before) => before,
        };
        b.allows_retry(before.saturating_sub(MILLI))
    }

    /// Records a successful attempt: adds `token_ratio` tokens, never going above
    /// `max_tokens`.
    ///
    /// ```
    /// use msdk_error_codes::RetryBudget;
    ///
    /// let budget = RetryBudget::new(10, 0.5).unwrap();
    /// budget.record_failure();
    /// budget.record_success();
    /// assert_eq!(budget.tokens(), 9.5);
    /// budget.record_success();
    /// budget.record_success();
    /// assert_eq!(budget.tokens(), 10.0);
    /// ```
    pub fn record_success(&self) {
        let b = &*self.bucket;
        // A full bucket is left unwritten, which spares the cache line when all is well.
        let _ = b
            .milli_tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
                (t < b.max_milli).then(|| (t + b.ratio_milli).min(b.max_milli))
            });
    }

    /// Whether a failure now would be retried, without taking a token: the bucket holds
    /// more than `max_tokens / 2` tokens plus the one a failure takes, so that it answers
    /// what [`record_failure`](Self::record_failure) would.
    ///
    /// Useful to skip a hedged or speculative retry up front, or as a health signal; a
    /// retry decision after a failure is `record_failure`'s return value. Other threads
    /// may change the answer at any moment.
    ///
    /// ```
    /// use msdk_error_codes::RetryBudget;
    ///
    /// let budget = RetryBudget::new(4, 0.1).unwrap();
    /// assert!(budget.would_allow_retry()); // a failure would leave 3 > 2
    /// assert!(budget.record_failure());
    /// assert!(!budget.would_allow_retry()); // a failure would leave 2, not > 2
    /// assert!(!budget.record_failure());
    /// ```
    pub fn would_allow_retry(&self) -> bool {
        let b = &*self.bucket;
        b.allows_retry(b.milli_tokens.load(Ordering::Relaxed).saturating_sub(MILLI))
    }

    /// The tokens in the bucket now, `0.0..=max_tokens`, with 3 decimal places (exact
    /// for whole tokens); for metrics and logs, as other threads may change it at any
    /// moment.
    pub fn tokens(&self) -> f32 {
        to_tokens(self.bucket.milli_tokens.load(Ordering::Relaxed))
    }

    /// The capacity of the bucket, as given to [`new`](Self::new).
    pub fn max_tokens(&self) -> u32 {
        self.bucket.max_milli / MILLI
    }

    /// The tokens one success adds: `token_ratio` as given to [`new`](Self::new),
    /// rounded to 3 decimal places and capped at `max_tokens`.
    ///
    /// ```
    /// use msdk_error_codes::RetryBudget;
    ///
    /// assert_eq!(RetryBudget::new(10, 0.1234).unwrap().token_ratio(), 0.123);
    /// assert_eq!(RetryBudget::new(10, 99.0).unwrap().token_ratio(), 10.0);
    /// ```
    pub fn token_ratio(&self) -> f32 {
        to_tokens(self.bucket.ratio_milli)
    }
}

impl Bucket {
    /// A6's rule: strictly more than half of the capacity. `max_milli` is a multiple of
    /// 1000, so the halving is exact.
    fn allows_retry(&self, milli_tokens: u32) -> bool {
        milli_tokens > self.max_milli / 2
    }
}

/// Milli-tokens as tokens. Every count is at most 1,000,000 < 2^24, so the `f32` is
/// exact and the division correctly rounded (100 milli-tokens is `0.1_f32`).
fn to_tokens(milli: u32) -> f32 {
    milli as f32 / MILLI as f32
}

/// 10 tokens and a ratio of 0.1: gRPC's example configuration, which allows retries
/// while at most about one attempt in ten fails.
impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget::from_milli(10 * MILLI, 100)
    }
}

/// Shows the configuration and the current tokens, which clones share.
///
/// ```
/// let budget = msdk_error_codes::RetryBudget::default();
/// budget.record_failure();
/// assert_eq!(
///     format!("{budget:?}"),
///     "RetryBudget { max_tokens: 10, token_ratio: 0.1, tokens: 9.0 }",
/// );
/// ```
impl fmt::Debug for RetryBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryBudget")
            .field("max_tokens", &self.max_tokens())
            .field("token_ratio", &self.token_ratio())
            .field("tokens", &self.tokens())
            .finish()
    }
}

/// Why [`RetryBudget::new`] rejected its arguments; the message names the argument.
///
/// ```
/// use msdk_error_codes::{InvalidBudget, RetryBudget};
///
/// let err = RetryBudget::new(10, f32::NAN).unwrap_err();
/// assert!(matches!(err, InvalidBudget::RatioNotFinite(r) if r.is_nan()));
/// assert_eq!(err.to_string(), "token_ratio must be a finite number, got NaN");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidBudget {
    /// `max_tokens` was below 3: no failure would leave more than half of them, so the
    /// bucket could never allow a retry.
    #[error("max_tokens must be at least 3 (with fewer, no retry is ever allowed), got {0}")]
    TooFewTokens(u32),
    /// `max_tokens` was above [`RetryBudget::MAX_TOKENS_LIMIT`].
    #[error("max_tokens must be at most 1000 (gRPC's limit), got {0}")]
    MaxTokensAboveLimit(u32),
    /// `token_ratio` was NaN or infinite.
    #[error("token_ratio must be a finite number, got {0}")]
    RatioNotFinite(f32),
    /// `token_ratio` was 0 or negative (`-0.0` included).
    #[error("token_ratio must be greater than 0 (at 0 or below the budget never refills), got {0}")]
    RatioNotPositive(f32),
    /// `token_ratio` was positive but below 0.0005, so 0 at 3 decimal places.
    #[error("token_ratio must be at least 0.0005 (it is kept to 3 decimal places), got {0}")]
    RatioRoundsToZero(f32),
}
