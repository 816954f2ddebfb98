//! [`Attempts`]: one logical call under a [`RetryPolicy`], driven by the caller one
//! response at a time, and its answer, [`Step`].

use core::fmt;
use std::time::Duration;

use super::RetryPolicy;
use crate::catalog::{Api, Backoff, Decision};
use crate::classification::Classification;

/// What to do after an attempt: [`Attempts::next`]'s answer.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// Done: return the last response's `into_result()` to the caller. After a second
    /// token expiry in one call, that error says
    /// [`RefreshToken`](Decision::RefreshToken): the refreshed token is bad too, so the
    /// user must re-authorize ([`Attempts::must_reauthorize`] says so).
    Stop,
    /// Sleep this long (zero for an immediate retry), then send the call again.
    RetryAfter(Duration),
    /// Refresh the access token (through a [`RefreshGate`](crate::RefreshGate) when
    /// calls run concurrently), then send the call again with the new token. If the
    /// refresh itself fails, re-authorize.
    RefreshThenRetry,
}

/// One logical call under a [`RetryPolicy`]: a small state machine the caller drives,
/// one attempt at a time.
///
/// ```
/// use msdk_error_codes::{Api, MsdkError, MsdkResponse, RetryPolicy, Step};
///
/// # let mut replies = vec![
/// #     br#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#.to_vec(),
/// #     br#"{"ret":-307,"msg":"internal error"}"#.to_vec(),
/// #     br#"{"ret":0,"msg":"success"}"#.to_vec(),
/// # ].into_iter();
/// # let mut call_msdk = move || replies.next().unwrap();
/// # let refresh_token = || {};
/// let policy = RetryPolicy::default();
/// let mut attempts = policy.start(Api::Generic);
/// let result: Result<(), MsdkError> = loop {
///     let body = call_msdk();
///     let response = MsdkResponse::from_slice(&body).expect("MSDK sent JSON");
///     match attempts.next(&response.classify()) {
///         Step::RetryAfter(delay) => std::thread::sleep(delay),
///         Step::RefreshThenRetry => refresh_token(),
///         _ => break response.into_result(),
///     }
/// };
/// assert!(result.is_ok());
/// assert_eq!((attempts.attempts(), attempts.refreshes()), (3, 1));
/// ```
#[derive(Clone)]
pub struct Attempts<'p> {
    policy: &'p RetryPolicy,
    api: Api,
    attempts: u32,
    immediate: u32,
    delayed: u32,
    refreshes: u32,
    /// The call stopped on a code that needs the user to log in again.
    reauthorize: bool,
    /// The jitter generator's state; 0 until the first draw.
    rng: u64,
}

impl<'p> Attempts<'p> {
    pub(super) fn new(policy: &'p RetryPolicy, api: Api) -> Self {
        Attempts {
            policy,
            api,
            attempts: 0,
            immediate: 0,
            delayed: 0,
            refreshes: 0,
            reauthorize: false,
            rng: 0,
        }
    }

    /// Takes the outcome of the attempt just made and says what to do next.
    ///
    /// In order: every outcome counts as an attempt; with a budget, a `Retry` decision
    /// takes a token and a `Success` adds one (gRPC A6); `Success`, `Benign`, `Fail` and
    /// `Reauthorize` stop; so does anything once
    /// [`max_attempts`](RetryPolicy::with_max_attempts) attempts are made. A
    /// `RefreshToken` refreshes while refreshes are left. A `Retry` retries while
    /// retries of its kind are left, the budget allows it, and the API is idempotent or
    /// the backoff is `SlowDown`.
    pub fn next(&mut self, outcome: &Classification<'_>) -> Step {
        self.attempts = self.attempts.saturating_add(1);
        let decision = outcome.decision();
        let policy = self.policy;
        let budget_allows = match (&policy.budget, decision) {
            (Some(budget), Decision::Retry(_)) => budget.record_failure(),
            (Some(budget), Decision::Success) => {
                budget.record_success();
                false
            }
            _ => true,
        };
        // A second expiry means the refreshed token is bad too: the user must log in.
        self.reauthorize = match decision {
            Decision::Reauthorize => true,
            Decision::RefreshToken => self.refreshes >= policy.token_refreshes,
            _ => false,
        };
        if self.attempts >= policy.max_attempts {
            return Step::Stop;
        }
        match decision {
            Decision::RefreshToken if self.refreshes < policy.token_refreshes => {
                self.refreshes += 1;
                Step::RefreshThenRetry
            }
            Decision::Retry(backoff) if budget_allows && self.may_retry(backoff) => match backoff {
                Backoff::Immediately if self.immediate < policy.immediate_retries => {
                    self.immediate += 1;
                    Step::RetryAfter(Duration::ZERO)
                }
                Backoff::Later | Backoff::SlowDown if self.delayed < policy.delayed_retries => {
                    let delay = policy.delay(self.delayed);
                    self.delayed += 1;
                    Step::RetryAfter(self.jittered(delay))
                }
                _ => Step::Stop,
            },
            _ => Step::Stop,
        }
    }

    /// Whether the API allows a retry with this backoff: an API that is not idempotent
    /// retries only what was refused before it ran.
    fn may_retry(&self, backoff: Backoff) -> bool {
        self.api.is_idempotent()
            || self.policy.retry_non_idempotent
            || matches!(backoff, Backoff::SlowDown)
    }

    /// `delay`, or with jitter a random delay from its upper half.
    fn jittered(&mut self, delay: Duration) -> Duration {
        if !self.policy.jitter {
            return delay;
        }
        let half = delay / 2;
        let spread = u64::try_from((delay - half).as_nanos()).unwrap_or(u64::MAX);
        let random = self.random() % spread.saturating_add(1);
        half + Duration::from_nanos(random)
    }

    /// SplitMix64, seeded from std's per-process random hash keys on first use: enough
    /// to spread clients apart, no dependency, no clock.
    fn random(&mut self) -> u64 {
        if self.rng == 0 {
            use std::hash::BuildHasher;
            self.rng = std::collections::hash_map::RandomState::new().hash_one(self.attempts) | 1;
        }
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The attempts made so far (the outcomes given to [`next`](Self::next)).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The token refreshes asked for so far.
    pub fn refreshes(&self) -> u32 {
        self.refreshes
    }

    /// Whether the call stopped because the user must authorize again: the last outcome
    /// said [`Reauthorize`](Decision::Reauthorize), or the token expired once more after
    /// the refreshes the policy allows. After a [`Step::Stop`] with this, send the user
    /// through login instead of refreshing again (the error's own decision still says
    /// `RefreshToken` for a second expiry: it is that code).
    ///
    /// ```
    /// use msdk_error_codes::{classify, Api, RetryPolicy, Step};
    ///
    /// let policy = RetryPolicy::default();
    /// let mut attempts = policy.start(Api::Generic);
    /// let expired = classify(-20000, "42001,access_token expired");
    /// assert_eq!(attempts.next(&expired), Step::RefreshThenRetry);
    /// assert!(!attempts.must_reauthorize());
    /// assert_eq!(attempts.next(&expired), Step::Stop);
    /// assert!(attempts.must_reauthorize());
    /// ```
    pub fn must_reauthorize(&self) -> bool {
        self.reauthorize
    }

    /// The retries asked for so far, immediate and delayed (refreshes not included).
    pub fn retries(&self) -> u32 {
        self.immediate + self.delayed
    }

    /// The API of the call.
    pub fn api(&self) -> Api {
        self.api
    }
}

impl fmt::Debug for Attempts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attempts")
            .field("api", &self.api)
            .field("attempts", &self.attempts)
            .field("retries", &self.retries())
            .field("refreshes", &self.refreshes)
            .finish()
    }
}
