//! [`RetryPolicy`]: how a client retries one logical call.

use std::time::Duration;

use super::{Attempts, RetryBudget};
use crate::catalog::Api;
use crate::overrides::Classifier;

/// How a client retries one logical call: how many retries of each kind, how long to
/// wait, and optionally a [`RetryBudget`] shared with every other call and a
/// [`Classifier`] with the team's overrides. This is the one statement of the bounds;
/// [`Attempts::next`] applies them, to MSDK's answers and transport failures
/// ([`TransportFailure`](crate::classification::TransportFailure)) alike.
///
/// The [`Default`] follows the spec:
/// - **one** immediate retry for [`Retry(Immediately)`](crate::catalog::Backoff::Immediately): 重试一次
///   means once;
/// - up to **3** delayed retries for [`Later`](crate::catalog::Backoff::Later) and
///   [`SlowDown`](crate::catalog::Backoff::SlowDown) together, waiting 500 ms, 1 s, 2 s ... doubling up
///   to a cap of 10 s, with jitter;
/// - **one** token refresh per call: if the refreshed token expires too, the call stops,
///   because the user must re-authorize (a refresh that fails means re-authorize);
/// - at most **5** attempts per call in all, first try included;
/// - no retry of an ambiguous failure (`Immediately`, `Later`: MSDK's internal errors,
///   a timeout after sending, a gateway's 502) of an API that is not idempotent
///   ([`Api::is_idempotent`]: the share endpoints, which message other users): a retry
///   could send twice. `SlowDown` (the request was refused before it ran, or never
///   left) and a refresh after `RefreshToken` are still retried;
/// - no budget ([`with_budget`](Self::with_budget) adds one), no overrides
///   ([`with_classifier`](Self::with_classifier) adds them).
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
    pub(super) immediate_retries: u32,
    pub(super) delayed_retries: u32,
    pub(super) token_refreshes: u32,
    pub(super) max_attempts: u32,
    pub(super) base_delay: Duration,
    pub(super) max_delay: Duration,
    pub(super) jitter: bool,
    pub(super) retry_non_idempotent: bool,
    pub(super) budget: Option<RetryBudget>,
    /// Classifies responses for `next_response`; `None` is the plain catalog.
    pub(super) classifier: Option<Classifier>,
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
            classifier: None,
        }
    }
}

impl RetryPolicy {
    /// Retries for [`Retry(Immediately)`](crate::catalog::Backoff::Immediately) per call (default 1).
    pub fn with_immediate_retries(mut self, retries: u32) -> Self {
        self.immediate_retries = retries;
        self
    }

    /// Retries for [`Later`](crate::catalog::Backoff::Later) and [`SlowDown`](crate::catalog::Backoff::SlowDown)
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

    /// Classifies responses with `classifier` (and its [`Overrides`](crate::overrides::Overrides))
    /// in [`Attempts::next_response`], so that retries follow the team's overrides.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Classifier, MsdkResponse, Overrides, RetryPolicy, Step};
    ///
    /// // The team learnt that -304 is transient on their gateway.
    /// let file = r#"[{"layer":"access","code":-304,"err_type":1,"action":"retry_later"}]"#;
    /// let classifier = Classifier::new().with_overrides(Overrides::from_json(file)?);
    /// let policy = RetryPolicy::default().with_classifier(classifier);
    /// let mut attempts = policy.start(Api::Generic);
    /// assert!(matches!(attempts.next_response(&MsdkResponse::new(-304, "x", None)), Step::RetryAfter(_)));
    /// # Ok::<(), msdk_error_codes::OverrideError>(())
    /// ```
    pub fn with_classifier(mut self, classifier: Classifier) -> Self {
        self.classifier = Some(classifier);
        self
    }

    /// The classifier, if any.
    pub fn classifier(&self) -> Option<&Classifier> {
        self.classifier.as_ref()
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

    /// One logical call of `api`: feed it each attempt's outcome ([`Attempts`]). The
    /// attempts own a clone of the policy (sharing its budget and classifier), so they
    /// outlive `self`.
    pub fn start(&self, api: Api) -> Attempts<'static> {
        Attempts::new(self, api)
    }

    /// The delay of the `n`-th delayed retry (0-based), without jitter.
    pub(super) fn delay(&self, n: u32) -> Duration {
        let factor = 1u32.checked_shl(n).unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }
}
