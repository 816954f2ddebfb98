//! [`RetryPolicy`]: bounded retries for one logical call, driven by the caller one
//! response at a time through [`Attempts`] and its [`Step`]s. No runtime, no threads and
//! no clock inside: the caller sleeps on the durations it gets, with whatever it uses.

use core::fmt;
use std::time::Duration;

use crate::{Api, Backoff, Classification, Decision, RetryBudget};

/// How a client retries one logical call: how many retries of each kind, how long to
/// wait, and optionally a [`RetryBudget`] shared with every other call.
///
/// The [`Default`] follows the spec:
/// - **one** immediate retry for [`Retry(Immediately)`](Backoff::Immediately): 重试一次
///   means once;
/// - up to **3** delayed retries for [`Later`](Backoff::Later) and
///   [`SlowDown`](Backoff::SlowDown) together, waiting 500 ms, 1 s, 2 s ... doubling up
///   to a cap of 10 s, with jitter;
/// - **one** token refresh per call: if the refreshed token expires too, the call stops,
///   because the user must re-authorize (a refresh that fails means re-authorize);
/// - at most **5** attempts per call in all, first try included;
/// - no retry of an ambiguous failure (`Immediately`, `Later`) of an API that is not
///   idempotent ([`Api::is_idempotent`]: the share endpoints, which message other
///   users): a retry could send twice. `SlowDown` (the request was refused before it
///   ran) and a refresh after `RefreshToken` are still retried;
/// - no budget ([`with_budget`](Self::with_budget) adds one).
///
/// `Clone + Send + Sync`: build one per client and share it.
///
/// ```
/// use std::time::Duration;
///
/// use msdk_error_codes::{classify, Api, RetryPolicy, Step};
///
/// let policy = RetryPolicy::default().without_jitter();
/// let mut attempts = policy.start(Api::Generic);
/// // -307 says 重试一次: one retry, at once; the second failure stops.
/// assert_eq!(attempts.next(&classify(-307, "")), Step::RetryAfter(Duration::ZERO));
/// assert_eq!(attempts.next(&classify(-307, "")), Step::Stop);
///
/// // -503 says 频率超限: retries with a growing delay.
/// let mut attempts = policy.start(Api::Generic);
/// assert_eq!(attempts.next(&classify(-503, "")), Step::RetryAfter(Duration::from_millis(500)));
/// assert_eq!(attempts.next(&classify(-503, "")), Step::RetryAfter(Duration::from_secs(1)));
///
/// // An expired WeChat token: refresh once; a second expiry stops.
/// let mut attempts = policy.start(Api::Generic);
/// let expired = classify(-20000, "42001,access_token expired");
/// assert_eq!(attempts.next(&expired), Step::RefreshThenRetry);
/// assert_eq!(attempts.next(&expired), Step::Stop);
/// ```
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    immediate_retries: u32,
    delayed_retries: u32,
    token_refreshes: u32,
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    jitter: bool,
    retry_non_idempotent: bool,
    budget: Option<RetryBudget>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            immediate_retries: 1,
            delayed_retries: 3,
            token_refreshes: 1,
            max_attempts: 5,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(10),
            jitter: true,
            retry_non_idempotent: false,
            budget: None,
        }
    }
}

impl RetryPolicy {
    /// Retries for [`Retry(Immediately)`](Backoff::Immediately) per call (default 1).
    pub fn with_immediate_retries(mut self, retries: u32) -> Self {
        self.immediate_retries = retries;
        self
    }

    /// Retries for [`Later`](Backoff::Later) and [`SlowDown`](Backoff::SlowDown)
    /// together per call (default 3).
    pub fn with_delayed_retries(mut self, retries: u32) -> Self {
        self.delayed_retries = retries;
        self
    }

    /// Token refreshes per call (default 1). `0` never refreshes: an expired token stops
    /// the call.
    pub fn with_token_refreshes(mut self, refreshes: u32) -> Self {
        self.token_refreshes = refreshes;
        self
    }

    /// Attempts per call in all, the first included (default 5). `0` is read as `1`:
    /// the first attempt always happens, and then nothing is retried.
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first delayed retry's delay (default 500 ms); each further one doubles it,
    /// up to [`with_max_delay`](Self::with_max_delay).
    pub fn with_base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest delay (default 10 s). No delay is ever longer, jitter or not.
    pub fn with_max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Exact delays: without it (the default), each delay is drawn at random from its
    /// upper half (`d/2..=d`), so that clients that failed together do not retry
    /// together. A delay with jitter is never longer than the same delay without.
    pub fn without_jitter(mut self) -> Self {
        self.jitter = false;
        self
    }

    /// Shares `budget` among every call of this policy (and of its clones): a retry
    /// then also needs the budget's permission (see [`RetryBudget`]).
    pub fn with_budget(mut self, budget: RetryBudget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// Also retries ambiguous failures (`Immediately`, `Later`) of APIs that are not
    /// idempotent. They may then run twice: a share may be sent twice.
    pub fn retrying_non_idempotent(mut self) -> Self {
        self.retry_non_idempotent = true;
        self
    }

    /// The budget, if any.
    pub fn budget(&self) -> Option<&RetryBudget> {
        self.budget.as_ref()
    }

    /// Attempts per call in all.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest delay.
    pub fn max_delay(&self) -> Duration {
        self.max_delay
    }

    /// One logical call of `api`: feed it each attempt's classification.
    pub fn start(&self, api: Api) -> Attempts<'_> {
        Attempts {
            policy: self,
            api,
            attempts: 0,
            immediate: 0,
            delayed: 0,
            refreshes: 0,
            reauthorize: false,
            rng: 0,
        }
    }

    /// The delay of the `n`-th delayed retry (0-based), without jitter.
    fn delay(&self, n: u32) -> Duration {
        let factor = 1u32.checked_shl(n).unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }
}

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

impl Attempts<'_> {
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
