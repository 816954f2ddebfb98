//! [`Call`]: one logical call run end to end, on any async runtime: attempts, backoff
//! sleeps, the shared budget, single-flight token refresh, transport failures and the
//! typed result.

use core::future::Future;
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::{Attempts, RetryPolicy, Step, Token, TokenCell};
use crate::catalog::Api;
use crate::classification::TransportCause;
use crate::response::{Error, OwnedEnvelope};

/// How the driver sleeps between attempts: any runtime's timer.
///
/// Every `Fn(Duration) -> impl Future<Output = ()>` is one (`|d| tokio::time::sleep(d)`,
/// `|d| async_io::Timer::after(d)` ...); with the `tokio` feature, [`TokioSleep`] is the
/// default.
pub trait Sleep {
    /// The future of one sleep.
    type Future: Future<Output = ()>;

    /// Sleeps for `duration`.
    fn sleep(&self, duration: Duration) -> Self::Future;
}

impl<F, Fut> Sleep for F
where
    F: Fn(Duration) -> Fut,
    Fut: Future<Output = ()>,
{
    type Future = Fut;

    fn sleep(&self, duration: Duration) -> Fut {
        self(duration)
    }
}

/// tokio's timer, [`Call`]'s default sleep with the `tokio` feature. Without it, give
/// one with [`Call::with_sleep`].
#[derive(Copy, Clone, Debug, Default)]
pub struct TokioSleep;

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
impl Sleep for TokioSleep {
    type Future = tokio::time::Sleep;

    fn sleep(&self, duration: Duration) -> tokio::time::Sleep {
        tokio::time::sleep(duration)
    }
}

/// The token side of a [`Call`]: none ([`NoTokens`]), or a [`TokenCell`] with its
/// refresh ([`WithTokens`], from [`Call::with_tokens`]). Sealed: the two are all there
/// is.
pub trait Tokens: sealed::Sealed {
    /// What each attempt is given to sign the request with.
    type Value;
    /// What the call remembers of the token an attempt sent.
    type Seen;

    /// The token to send now.
    fn current(&self) -> (Self::Value, Self::Seen);

    /// Refreshes the token seen (single-flight); `Some(true)` when a new token is there,
    /// `Some(false)` when the refresh failed, `None` when there is no refresh at all.
    fn refresh(&self, seen: &Self::Seen) -> impl Future<Output = Option<bool>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::NoTokens {}
    impl<T, R> Sealed for super::WithTokens<'_, T, R> {}
}

/// No token: each attempt is given `()`, and a token expiry ends the call.
#[derive(Copy, Clone, Debug, Default)]
pub struct NoTokens;

impl Tokens for NoTokens {
    type Value = ();
    type Seen = ();

    fn current(&self) -> ((), ()) {
        ((), ())
    }

    async fn refresh(&self, _: &()) -> Option<bool> {
        None
    }
}

/// A [`TokenCell`] and the refresh function that brings a new token.
pub struct WithTokens<'c, T, R> {
    cell: &'c TokenCell<T>,
    refresh: R,
}

impl<T: Clone, R> core::fmt::Debug for WithTokens<'_, T, R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("WithTokens")
            .field("cell", self.cell)
            .finish_non_exhaustive()
    }
}

impl<T, R, Fut> Tokens for WithTokens<'_, T, R>
where
    T: Clone,
    R: Fn() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    type Value = T;
    type Seen = Token<T>;

    fn current(&self) -> (T, Token<T>) {
        let token = self.cell.current();
        (token.value().clone(), token)
    }

    async fn refresh(&self, seen: &Token<T>) -> Option<bool> {
        Some(self.cell.refresh(seen, &self.refresh).await.is_some())
    }
}

/// One logical call of an API, run end to end: made by [`RetryPolicy::call`], given a
/// sleep and optionally a [`TokenCell`], then run by [`send`](Self::send) with the
/// caller's HTTP client.
///
/// Each attempt calls the caller's `send(token)`, which sends one request and returns
/// `Ok((status, body))` or the client's error (a [`TransportCause`]: `reqwest::Error`
/// with the `reqwest` feature, `std::io::Error`, or the caller's own). The driver reads
/// the reply with [`OwnedEnvelope::from_http`] and follows the [`Attempts`] of the
/// policy: it sleeps for `Step::RetryAfter`, refreshes the token single-flight for
/// `Step::RefreshThenRetry` (and tells the attempts when the refresh failed), and
/// returns when they say stop. So every rule of the policy holds: at most
/// `max_attempts` attempts, the budget, no ambiguous retry of a share.
///
/// The result is the payload (`Result<T, Error>`, [`send`](Self::send)), the envelope
/// ([`send_envelope`](Self::send_envelope)), or everything with the attempts
/// ([`run`](Self::run): whether the user must re-authorize, how many attempts were made).
/// A reply that is not an MSDK response and a client error that is no transport failure
/// end the call at once ([`Error::Parse`], [`Error::Request`]). An MSDK error is
/// classified as the attempts classified it: under the call's API, with the policy's
/// [`Classifier`](crate::overrides::Classifier) ([`Attempts::result`]).
///
/// No runtime is inside: the sleep is the caller's ([`with_sleep`](Self::with_sleep);
/// tokio's by default with the `tokio` feature), and the future is `Send` when the
/// caller's closures and futures are.
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// use msdk_error_codes::retry::TokenCell;
/// use msdk_error_codes::{Api, RetryPolicy};
/// # let server = |token: &str| if token == "stale" {
/// #     (200, br#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#.to_vec())
/// # } else {
/// #     (200, br#"{"ret":0,"msg":"success","lists":["A1"]}"#.to_vec())
/// # };
///
/// #[derive(serde::Deserialize)]
/// struct Friends {
///     lists: Vec<String>,
/// }
///
/// let policy = RetryPolicy::default(); // one per client, with its budget
/// let tokens = TokenCell::new(String::from("stale")); // one per user session
/// let friends: Friends = policy
///     .call(Api::Generic)
///     .with_tokens(&tokens, || async { Some(String::from("fresh")) }) // the refresh API
///     .send(|token: String| async move {
///         // One request with the HTTP client of your choice.
///         Ok::<_, std::io::Error>(server(&token))
///     })
///     .await?;
/// assert_eq!(friends.lists, ["A1"]);
/// assert_eq!(tokens.current().generation(), 1);
/// # Ok::<(), msdk_error_codes::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug)]
#[must_use = "a Call does nothing until it is sent"]
pub struct Call<'p, K = NoTokens, S = TokioSleep> {
    policy: &'p RetryPolicy,
    api: Api,
    tokens: K,
    sleep: S,
}

/// A finished call: the last result and the [`Attempts`] that led to it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Finished<T> {
    /// The last MSDK response (success or failure) as an envelope, or the error that
    /// ended the call.
    pub result: Result<OwnedEnvelope<T>, Error>,
    /// The call's attempts: [`must_reauthorize`](Attempts::must_reauthorize),
    /// [`attempts`](Attempts::attempts), [`refreshes`](Attempts::refreshes).
    pub attempts: Attempts<'static>,
}

impl<T> Finished<T> {
    /// The payload on success, else the error (an MSDK failure classified as the
    /// attempts classified it: [`Attempts::result`]).
    pub fn into_result(self) -> Result<T, Error> {
        Ok(self.attempts.result(self.result?)?)
    }
}

impl RetryPolicy {
    /// One logical call of `api`, run end to end by the driver: see [`Call`].
    pub fn call(&self, api: Api) -> Call<'_> {
        Call {
            policy: self,
            api,
            tokens: NoTokens,
            sleep: TokioSleep,
        }
    }
}

impl<'p, K, S> Call<'p, K, S> {
    /// Sleeps with `sleep` between attempts: any runtime's timer
    /// (`|d| async_io::Timer::after(d)`, `|d| tokio::time::sleep(d)` ...).
    pub fn with_sleep<S2: Sleep>(self, sleep: S2) -> Call<'p, K, S2> {
        Call {
            policy: self.policy,
            api: self.api,
            tokens: self.tokens,
            sleep,
        }
    }

    /// Signs each attempt with the token of `cell` and, when it expired, refreshes it
    /// with `refresh` (the refresh API: `Some(new token)`, or `None` when it refuses),
    /// once for every call that saw the same token ([`TokenCell::refresh`]). A failed
    /// refresh ends the call with the expiry's error, and the attempts say the user must
    /// re-authorize.
    pub fn with_tokens<'c, T, R, Fut>(
        self,
        cell: &'c TokenCell<T>,
        refresh: R,
    ) -> Call<'p, WithTokens<'c, T, R>, S>
    where
        T: Clone,
        R: Fn() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        Call {
            policy: self.policy,
            api: self.api,
            tokens: WithTokens { cell, refresh },
            sleep: self.sleep,
        }
    }
}

impl<K: Tokens, S: Sleep> Call<'_, K, S> {
    /// Runs the call and returns the payload of its success, or the error.
    pub async fn send<T, F, Fut, B, E>(self, send: F) -> Result<T, Error>
    where
        T: DeserializeOwned,
        F: FnMut(K::Value) -> Fut,
        Fut: Future<Output = Result<(u16, B), E>>,
        B: AsRef<[u8]>,
        E: TransportCause,
    {
        let mut attempts = self.policy.start(self.api);
        let envelope = self.drive(&mut attempts, send).await?;
        Ok(attempts.result(envelope)?)
    }

    /// Runs the call and returns the last MSDK response as an envelope, success or
    /// failure, or the error that ended the call without one.
    pub async fn send_envelope<T, F, Fut, B, E>(self, send: F) -> Result<OwnedEnvelope<T>, Error>
    where
        T: DeserializeOwned,
        F: FnMut(K::Value) -> Fut,
        Fut: Future<Output = Result<(u16, B), E>>,
        B: AsRef<[u8]>,
        E: TransportCause,
    {
        let mut attempts = self.policy.start(self.api);
        self.drive(&mut attempts, send).await
    }

    /// Runs the call and returns its last result with its [`Attempts`].
    pub async fn run<T, F, Fut, B, E>(self, send: F) -> Finished<T>
    where
        T: DeserializeOwned,
        F: FnMut(K::Value) -> Fut,
        Fut: Future<Output = Result<(u16, B), E>>,
        B: AsRef<[u8]>,
        E: TransportCause,
    {
        let mut attempts = self.policy.start(self.api);
        let result = self.drive(&mut attempts, send).await;
        Finished { result, attempts }
    }

    /// The loop of one call: the last result. The attempts stay the caller's, so that a
    /// call that wants only the payload never moves them.
    async fn drive<T, F, Fut, B, E>(
        &self,
        attempts: &mut Attempts<'static>,
        mut send: F,
    ) -> Result<OwnedEnvelope<T>, Error>
    where
        T: DeserializeOwned,
        F: FnMut(K::Value) -> Fut,
        Fut: Future<Output = Result<(u16, B), E>>,
        B: AsRef<[u8]>,
        E: TransportCause,
    {
        loop {
            let (value, seen) = self.tokens.current();
            let result = match send(value).await {
                Ok((status, body)) => {
                    OwnedEnvelope::<T>::from_http(self.api, status, body.as_ref())
                }
                Err(e) => Err(Error::from_client(self.api, e)),
            };
            let step = match &result {
                Ok(envelope) => attempts.next_response(envelope.response()),
                Err(e) => attempts.next_error(e),
            };
            match step {
                Step::RetryAfter(delay) => self.sleep.sleep(delay).await,
                Step::RefreshThenRetry => match self.tokens.refresh(&seen).await {
                    Some(true) => {}
                    Some(false) => {
                        attempts.refresh_failed();
                        return result;
                    }
                    // No refresh: the expiry is the call's answer.
                    None => {
                        attempts.stop();
                        return result;
                    }
                },
                _ => return result,
            }
        }
    }
}
