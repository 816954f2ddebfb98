//! [`Attempts`]: one logical call under a [`RetryPolicy`], driven by the caller one
//! attempt at a time.

use core::fmt;
use core::marker::PhantomData;
use std::time::Duration;

use super::trace::{self, Seen};
use super::{RetryPolicy, Step};
use crate::catalog::{Api, Backoff, Decision};
#[cfg(any(feature = "tower", feature = "reqwest-middleware"))]
use crate::classification::TransportCause;
use crate::classification::{Classification, MsdkError, TransportFailure};
use crate::response::{Envelope, Error, MsdkResponse};

/// One logical call under a [`RetryPolicy`]: a small state machine the caller drives,
/// one attempt at a time. Each attempt ends in one of three ways, and each has its
/// method, which returns the [`Step`] to take:
///
/// - MSDK answered: [`next_response`](Self::next_response) classifies the response
///   under the call's API (with the policy's [`Classifier`](crate::overrides::Classifier),
///   if any), so the API is named once, at [`RetryPolicy::start`];
/// - the attempt got no MSDK answer (a timeout, a refused connection, a gateway's page):
///   [`next_failure`](Self::next_failure), with the [`TransportFailure`];
/// - the attempt ended in one of the crate's [`Error`]s (what
///   [`Envelope::from_http`] returns for a reply that is no MSDK answer):
///   [`next_error`](Self::next_error), which follows the error's own decision;
/// - the refresh that [`Step::RefreshThenRetry`] asked for failed:
///   [`refresh_failed`](Self::refresh_failed); or the caller cannot follow a step (no
///   refresh to make, a deadline passed): [`stop`](Self::stop).
///
/// The call's result comes from the same API and classifier:
/// [`result`](Self::result) turns the last envelope into the payload or the
/// [`MsdkError`], as [`next_response`](Self::next_response) read it.
///
/// MSDK answers and transport failures share the bounds: each is an attempt, they share
/// the delayed-retry bound, the backoff and jitter, and the [`RetryBudget`](super::RetryBudget),
/// so a call never makes more than [`max_attempts`](RetryPolicy::with_max_attempts)
/// attempts, whatever the mix. [`next`](Self::next) takes a classification made by the
/// caller instead of a response.
///
/// `Attempts` owns what it needs (clones of a policy share one budget), so it is
/// `Send + 'static` and a spawned task, a tower policy or a middleware can keep it after
/// the policy is gone. (The lifetime parameter is kept for code written against 0.1;
/// [`RetryPolicy::start`] returns `Attempts<'static>`.)
///
/// ```
/// use msdk_error_codes::{Api, Envelope, Error, RetryPolicy, Step};
/// use serde::de::IgnoredAny;
///
/// # let mut replies = vec![
/// #     Err(std::io::Error::from(std::io::ErrorKind::ConnectionRefused)),
/// #     Ok((502, b"<html>Bad Gateway</html>".to_vec())),
/// #     Ok((200, br#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#.to_vec())),
/// #     Ok((200, br#"{"ret":0,"msg":"success"}"#.to_vec())),
/// # ].into_iter();
/// # let mut send = move || replies.next().unwrap();
/// # let refresh_token = || true;
/// let policy = RetryPolicy::default().with_base_delay(std::time::Duration::from_millis(1));
/// let mut attempts = policy.start(Api::Generic);
/// let result: Result<IgnoredAny, Error> = loop {
///     // `send` is the HTTP client: Ok((status, body)), or its error.
///     let reply = match send() {
///         Ok((status, body)) => Envelope::from_http(attempts.api(), status, &body).map(Envelope::into_owned),
///         Err(e) => Err(Error::from_client(attempts.api(), e)), // refused, timed out ...
///     };
///     let step = match &reply {
///         Ok(envelope) => attempts.next_response(envelope.response()),
///         Err(e) => attempts.next_error(e), // a gateway's page, a refused connection ...
///     };
///     match step {
///         Step::RetryAfter(delay) => std::thread::sleep(delay),
///         Step::RefreshThenRetry if refresh_token() => {}
///         step => {
///             if step == Step::RefreshThenRetry {
///                 attempts.refresh_failed(); // the user must log in again
///             }
///             break reply.and_then(|envelope| Ok(attempts.result(envelope)?));
///         }
///     }
/// };
/// assert!(result.is_ok());
/// assert_eq!((attempts.attempts(), attempts.refreshes()), (4, 1));
/// ```
#[derive(Clone)]
pub struct Attempts<'p> {
    policy: RetryPolicy,
    api: Api,
    attempts: u32,
    immediate: u32,
    delayed: u32,
    refreshes: u32,
    /// The call stopped on a code that needs the user to log in again.
    reauthorize: bool,
    /// A refresh failed, or the caller stopped the call: it is over, whatever comes.
    over: bool,
    /// What the last attempt saw, for the event of [`stop`](Self::stop); kept only with
    /// the `tracing` feature.
    last: Option<trace::Last>,
    /// The jitter generator's state; 0 until the first draw.
    rng: u64,
    /// 0.1's `Attempts<'p>` borrowed its policy; the lifetime stays for code that names it.
    borrowed: PhantomData<&'p ()>,
}

impl Attempts<'static> {
    pub(super) fn new(policy: &RetryPolicy, api: Api) -> Self {
        Attempts {
            policy: policy.clone(),
            api,
            attempts: 0,
            immediate: 0,
            delayed: 0,
            refreshes: 0,
            reauthorize: false,
            over: false,
            last: None,
            rng: 0,
            borrowed: PhantomData,
        }
    }
}

impl Attempts<'_> {
    /// MSDK answered: classifies `response` under the call's API (with the policy's
    /// classifier, if any) and says what to do next; [`next`](Self::next) gives the
    /// rules, in order.
    ///
    /// ```
    /// use msdk_error_codes::{Api, MsdkResponse, RetryPolicy, Step};
    ///
    /// let policy = RetryPolicy::default();
    /// let mut attempts = policy.start(Api::QqShare);
    /// // 100000 is the QQ share table's authentication error: re-authorize, no retry.
    /// assert_eq!(attempts.next_response(&MsdkResponse::new(100000, "鉴权错误", None)), Step::Stop);
    /// assert!(attempts.must_reauthorize());
    /// ```
    pub fn next_response(&mut self, response: &MsdkResponse<'_>) -> Step {
        let classification = self.classify(response);
        self.decide(
            classification.decision(),
            Seen::Classification(&classification),
        )
    }

    /// The attempt got no MSDK answer: follows
    /// [`failure.decision()`](TransportFailure::decision) through the same bounds as an
    /// MSDK answer. It is an attempt; a retry shares the delayed-retry bound, the
    /// backoff and the jitter with MSDK's `Later` and `SlowDown`, and draws on the
    /// budget. So a share is retried after a failure that never ran
    /// ([`NotSent`](TransportFailure::NotSent), 408, 429, 503), and not after one that may
    /// have run ([`MaybeSent`](TransportFailure::MaybeSent), 500, 502, 504), unless the
    /// policy is [`retrying_non_idempotent`](RetryPolicy::retrying_non_idempotent).
    ///
    /// ```
    /// use msdk_error_codes::classification::TransportFailure;
    /// use msdk_error_codes::{Api, RetryPolicy, Step};
    ///
    /// let policy = RetryPolicy::default();
    /// let mut share = policy.start(Api::QqShare);
    /// assert!(matches!(share.next_failure(&TransportFailure::NotSent), Step::RetryAfter(_)));
    /// assert_eq!(share.next_failure(&TransportFailure::MaybeSent), Step::Stop); // it may have been sent
    /// ```
    pub fn next_failure(&mut self, failure: &TransportFailure) -> Step {
        self.decide(failure.decision(), Seen::Failure(*failure))
    }

    /// The attempt ended in one of the crate's [`Error`]s: follows its
    /// [`decision`](Error::decision). A transport error is
    /// [`next_failure`](Self::next_failure) of its failure; an MSDK error is
    /// [`next`](Self::next) of its classification (made under the call's API, as
    /// there); a reply that is no MSDK response ([`Error::Parse`]: a `200` with a
    /// gateway's page) and a request the client could not make ([`Error::Request`]) are
    /// attempts that decide [`Fail`](Decision::Fail), so the call stops, and its event
    /// says why.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Envelope, RetryPolicy, Step};
    /// use serde::de::IgnoredAny;
    ///
    /// let policy = RetryPolicy::default();
    /// let mut attempts = policy.start(Api::Generic);
    /// let gateway = Envelope::<IgnoredAny>::from_http(attempts.api(), 502, b"<html>Bad Gateway</html>").unwrap_err();
    /// assert!(matches!(attempts.next_error(&gateway), Step::RetryAfter(_)));
    /// let not_msdk = Envelope::<IgnoredAny>::from_http(attempts.api(), 200, b"<html>").unwrap_err();
    /// assert_eq!(attempts.next_error(&not_msdk), Step::Stop);
    /// assert_eq!(attempts.attempts(), 2);
    /// ```
    pub fn next_error(&mut self, error: &Error) -> Step {
        match error {
            Error::Transport(e) => self.next_failure(&e.failure()),
            Error::Msdk(e) => self.next(&e.classification()),
            _ => self.decide(error.decision(), Seen::Error(error)),
        }
    }

    /// The attempt ended in the HTTP client's own error, which the caller keeps (an
    /// adapter hands it back as it came): a transport failure is
    /// [`next_failure`](Self::next_failure) of it; an error that is none (a request that
    /// was never built, a redirect the client refused) is read as the
    /// [`Error::Request`] that [`Error::from_client`] would make of it, so the call
    /// stops and its event says why.
    #[cfg(any(feature = "tower", feature = "reqwest-middleware"))]
    pub(crate) fn next_client_error(&mut self, error: &impl TransportCause) -> Step {
        match error.transport_failure() {
            Some(failure) => self.next_failure(&failure),
            // Read as the error the caller keeps would read: `request.invalid`, `Fail`.
            None => self.next_error(&Error::Request(
                "the HTTP client's error is no transport failure: the request was not made".into(),
            )),
        }
    }

    /// Ends the call here, although the last step would go on, because the caller
    /// cannot follow it: there is no token refresh to make, a deadline passed, a request
    /// body cannot be sent again. Returns [`Step::Stop`]; every later attempt stops too.
    /// It is not an attempt, and changes nothing else: the last attempt's result is the
    /// call's. With the `tracing` feature it records the end of the call, with the last
    /// attempt's label and decision, as a [`Stop`](Step::Stop) from the attempts does.
    ///
    /// ```
    /// use msdk_error_codes::{classify, Api, RetryPolicy, Step};
    ///
    /// let policy = RetryPolicy::default();
    /// let mut attempts = policy.start(Api::Generic);
    /// assert_eq!(attempts.next(&classify(-20000, "42001,expired")), Step::RefreshThenRetry);
    /// // This caller has no refresh API: the expiry is the call's answer.
    /// assert_eq!(attempts.stop(), Step::Stop);
    /// assert!(!attempts.must_reauthorize());
    /// assert_eq!(attempts.next(&classify(-307, "")), Step::Stop);
    /// ```
    pub fn stop(&mut self) -> Step {
        self.over = true;
        trace::step(
            self.api,
            self.attempts,
            Seen::Stopped(self.last),
            self.last.map(|last| last.decision),
            Step::Stop,
        );
        Step::Stop
    }

    /// Classifies `response` as [`next_response`](Self::next_response) does: under the
    /// call's API, with the policy's [`Classifier`](crate::overrides::Classifier), if
    /// any.
    pub fn classify<'r>(&self, response: &'r MsdkResponse<'_>) -> Classification<'r> {
        match &self.policy.classifier {
            Some(classifier) => classifier.classify_response_for(self.api, response),
            None => response.classify_for(self.api),
        }
    }

    /// The call's result from its last envelope: the payload on success, else the
    /// [`MsdkError`] as [`next_response`](Self::next_response) classified it (the call's
    /// API, the policy's overrides), so that the error a caller gets agrees with what the
    /// attempts did. ([`Envelope::into_result_for`] knows the API but not the overrides.)
    ///
    /// ```
    /// use msdk_error_codes::{Api, Classifier, Decision, Envelope, Overrides, RetryPolicy, Step};
    /// use serde::de::IgnoredAny;
    ///
    /// // This team's overrides say QQ -73 is worth a later retry.
    /// let file = r#"[{"layer":"qq_platform","code":-73,"err_type":1,"action":"retry_later"}]"#;
    /// let classifier = Classifier::new().with_overrides(Overrides::from_json(file)?);
    /// let policy = RetryPolicy::default().with_classifier(classifier).with_delayed_retries(0);
    /// let mut attempts = policy.start(Api::Generic);
    /// let body = br#"{"ret":-10000,"msg":"-73,the user modify password wrong"}"#;
    /// let envelope = Envelope::<IgnoredAny>::from_slice(body)?;
    /// assert_eq!(attempts.next_response(envelope.response()), Step::Stop); // no delayed retry left
    /// let err = attempts.result(envelope).unwrap_err();
    /// assert!(err.is_overridden());
    /// assert_eq!(err.decision(), Decision::Retry(msdk_error_codes::catalog::Backoff::Later));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn result<'a, T>(&self, envelope: impl Into<Envelope<'a, T>>) -> Result<T, MsdkError> {
        let (response, payload) = envelope.into().into_parts();
        match payload {
            Some(payload) => Ok(payload),
            // No payload means ret != 0, so the classification is an error.
            None => Err(self.classify(&response).into_error()),
        }
    }

    /// Takes the classification of the attempt just made and says what to do next.
    /// [`next_response`](Self::next_response) classifies for you, under the call's API;
    /// a classification made under another API than the call's is a bug of the caller
    /// (the answer would be another table's), caught by a `debug_assert!`.
    ///
    /// The rules, in order, for every method that takes an attempt: every attempt counts;
    /// after a failed refresh ([`refresh_failed`](Self::refresh_failed)) everything stops;
    /// with a budget, a `Retry` decision takes a token and a `Success` adds one (gRPC
    /// A6); `Success`, `Benign`, `Fail` and `Reauthorize` stop; so does anything once
    /// [`max_attempts`](RetryPolicy::with_max_attempts) attempts are made. A
    /// `RefreshToken` refreshes while refreshes are left. A `Retry` retries while
    /// retries of its kind are left, the budget allows it, and the API is idempotent or
    /// the backoff is `SlowDown`.
    pub fn next(&mut self, outcome: &Classification<'_>) -> Step {
        debug_assert_eq!(
            outcome.api(),
            self.api,
            "Attempts::next: a classification under {} for a call of {} (use next_response, which classifies under the call's API)",
            outcome.api(),
            self.api
        );
        self.decide(outcome.decision(), Seen::Classification(outcome))
    }

    /// The refresh that [`Step::RefreshThenRetry`] asked for did not bring a new token:
    /// the user must re-authorize. Returns [`Step::Stop`]; from then on
    /// [`must_reauthorize`](Self::must_reauthorize) stays true and every later attempt
    /// stops, whatever the policy's refresh bound. It is not an attempt.
    ///
    /// ```
    /// use msdk_error_codes::{classify, Api, RetryPolicy, Step};
    ///
    /// let policy = RetryPolicy::default().with_token_refreshes(3);
    /// let mut attempts = policy.start(Api::Generic);
    /// assert_eq!(attempts.next(&classify(-20000, "42001,expired")), Step::RefreshThenRetry);
    /// assert_eq!(attempts.refresh_failed(), Step::Stop);
    /// assert!(attempts.must_reauthorize());
    /// assert_eq!(attempts.next(&classify(-307, "")), Step::Stop);
    /// assert!(attempts.must_reauthorize());
    /// ```
    pub fn refresh_failed(&mut self) -> Step {
        self.over = true;
        self.reauthorize = true;
        trace::step(
            self.api,
            self.attempts,
            Seen::RefreshFailed,
            None,
            Step::Stop,
        );
        Step::Stop
    }

    /// One attempt's decision, by the rules of [`next`](Self::next), recorded as one
    /// event with the `tracing` feature.
    fn decide(&mut self, decision: Decision, seen: Seen<'_>) -> Step {
        self.attempts = self.attempts.saturating_add(1);
        let step = self.step(decision);
        self.last = trace::last(seen, decision);
        trace::step(self.api, self.attempts, seen, Some(decision), step);
        step
    }

    /// The step for an attempt's decision, the attempt counted.
    fn step(&mut self, decision: Decision) -> Step {
        if self.over {
            return Step::Stop;
        }
        let budget_allows = match (&self.policy.budget, decision) {
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
            Decision::RefreshToken => self.refreshes >= self.policy.token_refreshes,
            _ => false,
        };
        if self.attempts >= self.policy.max_attempts {
            return Step::Stop;
        }
        match decision {
            Decision::RefreshToken if self.refreshes < self.policy.token_refreshes => {
                self.refreshes += 1;
                Step::RefreshThenRetry
            }
            Decision::Retry(backoff) if budget_allows && self.may_retry(backoff) => match backoff {
                Backoff::Immediately if self.immediate < self.policy.immediate_retries => {
                    self.immediate += 1;
                    Step::RetryAfter(Duration::ZERO)
                }
                Backoff::Later | Backoff::SlowDown
                    if self.delayed < self.policy.delayed_retries =>
                {
                    let delay = self.policy.delay(self.delayed);
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
        match u64::try_from(delay.as_nanos()) {
            // Any delay under 584 years, in whole nanoseconds: 11 instructions fewer a
            // step than `Duration`'s arithmetic on scripts/callgrind.sh's failures.
            Ok(nanos) => {
                let half = nanos / 2;
                let spread = nanos - half;
                Duration::from_nanos(half + self.random() % (spread + 1))
            }
            Err(_) => {
                let half = delay / 2;
                let spread = u64::try_from((delay - half).as_nanos()).unwrap_or(u64::MAX);
                half + Duration::from_nanos(self.random() % spread.saturating_add(1))
            }
        }
    }

    /// SplitMix64, seeded on first use from [`seed`]: enough to spread clients apart, no
    /// dependency, no clock.
    fn random(&mut self) -> u64 {
        if self.rng == 0 {
            self.rng = seed();
        }
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The attempts made so far: the responses, failures and classifications given.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The token refreshes asked for so far.
    pub fn refreshes(&self) -> u32 {
        self.refreshes
    }

    /// Whether the call stopped because the user must authorize again: the last outcome
    /// said [`Reauthorize`](Decision::Reauthorize), the token expired once more after
    /// the refreshes the policy allows, or a refresh failed
    /// ([`refresh_failed`](Self::refresh_failed)). After a [`Step::Stop`] with this,
    /// send the user through login instead of refreshing again (the error's own decision
    /// still says `RefreshToken` for a second expiry: it is that code).
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

    /// The API of the call, as given to [`RetryPolicy::start`]: the call's result is
    /// classified under it ([`result`](Self::result)).
    pub fn api(&self) -> Api {
        self.api
    }
}

/// A jitter seed for a new call: the next of a per-thread sequence whose start comes from
/// std's random hash keys (`RandomState`), so that calls, threads and processes draw
/// apart. Hashing a fresh `RandomState` per call cost more than the rest of the step
/// (about 20 ns); this costs a thread-local read.
fn seed() -> u64 {
    use std::cell::Cell;
    use std::hash::BuildHasher;
    thread_local! {
        static NEXT: Cell<u64> = Cell::new(
            std::collections::hash_map::RandomState::new().hash_one(0x6d73_646b_u64),
        );
    }
    NEXT.with(|next| {
        // SplitMix64's own step: distinct seeds for 2^64 calls on this thread.
        let seed = next.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        next.set(seed);
        seed | 1
    })
}

impl fmt::Debug for Attempts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attempts")
            .field("api", &self.api)
            .field("attempts", &self.attempts)
            .field("retries", &self.retries())
            .field("refreshes", &self.refreshes)
            .field("must_reauthorize", &self.reauthorize)
            .finish()
    }
}
