//! [`RetryMiddleware`]: the MSDK retry policy as a reqwest-middleware layer.

use core::future::Future;
use core::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use ::reqwest::header::RETRY_AFTER;
use ::reqwest::{Request, Response, ResponseBuilderExt};
use ::reqwest_middleware::{Middleware, Next};
use http::Extensions;
use serde::de::IgnoredAny;
use tokio::time::Instant;

use crate::catalog::Api;
use crate::classification::TransportFailure;
use crate::response::Envelope;
use crate::retry::{Attempts, RetryPolicy, Step, TokenCell};

/// The future a refresh hook returns.
type Refreshing = Pin<Box<dyn Future<Output = Option<String>> + Send>>;

/// Puts a token in a request.
type Sign = dyn Fn(&mut Request, &str) + Send + Sync;

/// How the middleware refreshes and signs: the cell, the refresh API, and where the
/// token goes in a request.
struct Refresh {
    tokens: Arc<TokenCell<String>>,
    refresh: Box<dyn Fn() -> Refreshing + Send + Sync>,
    sign: Box<Sign>,
}

/// The MSDK retry policy as a [`reqwest_middleware::Middleware`]: it reads each
/// response's body, classifies it under the call's API, and retries by the
/// [`RetryPolicy`], with transport failures from `reqwest::Error` (see the
/// [module docs](super) for the mapping) and gateway pages in the same bounds. reqwest's
/// own retry tools see the status, never the body, so they cannot read MSDK's `ret`, and
/// they retry POSTs whatever the API; this one retries a share only when the request
/// never ran.
///
/// - The API is the one in the request's extensions, when the caller put an [`Api`]
///   there (`RequestBuilder::with_extension(Api::QqShare)`), else
///   [`Api::from_path`] of the URL's path.
/// - The body is buffered, and the last response comes back rebuilt from its bytes with
///   its status, version, headers, extensions and URL, so the caller's `.bytes()`,
///   `.json()` and `.url()` work as without the middleware. What the caller gets is a
///   response reqwest gave or reqwest's error, or [`DeadlineExceeded`] when the
///   deadline cut an attempt short: the middleware decides when to stop, not what the
///   call returned.
/// - `Retry-After` (in seconds) on a `429` or `503` sets the delay of the retry, capped
///   by the policy's [`max_delay`](RetryPolicy::max_delay).
/// - A request whose body cannot be cloned (a stream) is sent once.
/// - [`with_deadline`](Self::with_deadline) bounds the whole call, attempts, sleeps
///   and refreshes included (its docs say exactly how).
/// - A token expiry (`Step::RefreshThenRetry`) returns the response as it is, unless
///   [`with_refresh`](Self::with_refresh) gave a refresh: then the middleware refreshes
///   single-flight ([`TokenCell::refresh`]) and signs the retry with the new token.
/// - Every call ends with the event of its end, with the `tracing` feature: the
///   attempts' own [`Step::Stop`], or [`Attempts::stop`] when the middleware ends a
///   call the attempts would go on with (no refresh hook, a body it cannot send again,
///   the deadline).
///
/// Sleeps and the deadline are tokio's (the `reqwest-middleware` feature enables
/// `tokio`). Requires the `reqwest-middleware` feature.
///
/// ```
/// use msdk_error_codes::reqwest::RetryMiddleware;
/// use msdk_error_codes::{RetryBudget, RetryPolicy};
///
/// let policy = RetryPolicy::default().with_budget(RetryBudget::default());
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
///     .with(RetryMiddleware::new(policy))
///     .build();
/// # let _ = client;
/// ```
pub struct RetryMiddleware {
    policy: RetryPolicy,
    deadline: Option<Duration>,
    refresh: Option<Refresh>,
}

/// The error of a call whose [deadline](RetryMiddleware::with_deadline) passed while an
/// attempt was in flight: no reply came in time, and the attempt was abandoned (its
/// request may have reached MSDK). It reaches the caller as
/// `reqwest_middleware::Error::Middleware`, whose `downcast_ref` finds it.
///
/// ```
/// use std::time::Duration;
///
/// use msdk_error_codes::reqwest::DeadlineExceeded;
///
/// # async fn demo(client: reqwest_middleware::ClientWithMiddleware) {
/// match client.get("http://msdk.example/relation/wxfriends_profile").send().await {
///     Err(reqwest_middleware::Error::Middleware(e)) if e.downcast_ref::<DeadlineExceeded>().is_some() => {
///         // Too slow: fail fast upstream.
///     }
///     _ => {}
/// }
/// # }
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("MSDK call ({api}): its deadline of {deadline:?} passed before an answer came")]
pub struct DeadlineExceeded {
    api: Api,
    deadline: Duration,
}

impl DeadlineExceeded {
    /// The API of the call.
    pub fn api(&self) -> Api {
        self.api
    }

    /// The deadline it was given ([`RetryMiddleware::with_deadline`]).
    pub fn deadline(&self) -> Duration {
        self.deadline
    }
}

impl RetryMiddleware {
    /// Retries by `policy`; clones of the policy share its budget, so one middleware
    /// (one client) shares it across all its calls.
    pub fn new(policy: RetryPolicy) -> RetryMiddleware {
        RetryMiddleware {
            policy,
            deadline: None,
            refresh: None,
        }
    }

    /// Bounds each call to `deadline` from the moment the middleware gets its request:
    ///
    /// - each attempt (sending, the response's headers and its whole body) and each
    ///   token refresh runs under a timeout of the time left;
    /// - an attempt the deadline cuts short is abandoned (its request may have reached
    ///   MSDK), and the call fails with [`DeadlineExceeded`];
    /// - a retry whose sleep would reach the deadline is not made, and no retry starts
    ///   once it passed (after a sleep or a refresh): the call returns the last
    ///   attempt's response or reqwest's error, as when the policy stops, and so does a
    ///   refresh the deadline cuts short (which releases the refresh for the other
    ///   calls, [`TokenCell::refresh`]).
    ///
    /// What runs outside the middleware is not bounded: the middlewares added before it,
    /// and the caller reading the body it returns (already buffered). Each attempt's own
    /// limit stays reqwest's `timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use msdk_error_codes::reqwest::RetryMiddleware;
    /// use msdk_error_codes::RetryPolicy;
    ///
    /// // At most 2 s for a call, its retries included.
    /// let middleware = RetryMiddleware::new(RetryPolicy::default()).with_deadline(Duration::from_secs(2));
    /// # let _ = middleware;
    /// ```
    pub fn with_deadline(mut self, deadline: Duration) -> RetryMiddleware {
        self.deadline = Some(deadline);
        self
    }

    /// Refreshes expired tokens and signs every attempt: `sign(request, token)` puts
    /// the cell's current token in the request (a query parameter, a header), and
    /// `refresh()` calls the refresh API (`Some(new token)`, `None` when it refuses).
    /// The refresh runs once for all the calls that saw the same expired token; after
    /// a failed one the call returns the expiry's response (the user must re-authorize).
    ///
    /// `refresh` returns `None` only when the refresh API refuses (the refresh token is
    /// bad): that is final for the token's generation, and every call that sent it
    /// returns the expiry, until the session logs in again and [`TokenCell::replace`]
    /// installs the new token in `tokens`. Retry a transient failure of the refresh API
    /// (a timeout, a gateway's page) inside `refresh`.
    ///
    /// ```
    /// use std::sync::Arc;
    ///
    /// use msdk_error_codes::reqwest::RetryMiddleware;
    /// use msdk_error_codes::retry::TokenCell;
    /// use msdk_error_codes::RetryPolicy;
    ///
    /// let tokens = Arc::new(TokenCell::new(String::from("token-0")));
    /// let middleware = RetryMiddleware::new(RetryPolicy::default()).with_refresh(
    ///     tokens,
    ///     || async { Some(String::from("token-1")) }, // call the refresh API here
    ///     |request, token| {
    ///         let url = request.url_mut();
    ///         let others: Vec<(String, String)> = url
    ///             .query_pairs()
    ///             .filter(|(key, _)| key != "access_token")
    ///             .map(|(key, value)| (key.into_owned(), value.into_owned()))
    ///             .collect();
    ///         url.query_pairs_mut().clear().extend_pairs(others).append_pair("access_token", token);
    ///     },
    /// );
    /// # let _ = middleware;
    /// ```
    pub fn with_refresh<R, Fut, S>(
        mut self,
        tokens: Arc<TokenCell<String>>,
        refresh: R,
        sign: S,
    ) -> RetryMiddleware
    where
        R: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Option<String>> + Send + 'static,
        S: Fn(&mut Request, &str) + Send + Sync + 'static,
    {
        self.refresh = Some(Refresh {
            tokens,
            refresh: Box::new(move || Box::pin(refresh())),
            sign: Box::new(sign),
        });
        self
    }

    /// The delay of a retry: the policy's, or the server's `Retry-After` on a 429 or 503,
    /// capped by the policy's longest delay.
    fn delay(
        &self,
        step_delay: Duration,
        status: Option<u16>,
        retry_after: Option<u64>,
    ) -> Duration {
        match (status, retry_after) {
            (Some(429 | 503), Some(seconds)) => {
                Duration::from_secs(seconds).min(self.policy.max_delay())
            }
            _ => step_delay,
        }
    }
}

impl core::fmt::Debug for RetryMiddleware {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RetryMiddleware")
            .field("policy", &self.policy)
            .field("deadline", &self.deadline)
            .field("refresh", &self.refresh.as_ref().map(|r| &r.tokens))
            .finish()
    }
}

/// One attempt's reply, read: the step, and what to give the caller if it is the last.
struct Read {
    step: Step,
    status: Option<u16>,
    retry_after: Option<u64>,
    outcome: ::reqwest_middleware::Result<Response>,
}

#[async_trait::async_trait]
impl Middleware for RetryMiddleware {
    async fn handle(
        &self,
        request: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> ::reqwest_middleware::Result<Response> {
        let api = extensions
            .get::<Api>()
            .copied()
            .unwrap_or_else(|| Api::from_path(request.url().path()));
        // No deadline where the sum overflows: it would never pass.
        let deadline = self
            .deadline
            .and_then(|deadline| Instant::now().checked_add(deadline));
        let mut attempts = self.policy.start(api);
        let mut request = request;
        loop {
            let token = self.refresh.as_ref().map(|refresh| {
                let token = refresh.tokens.current();
                (refresh.sign)(&mut request, token.value());
                token
            });
            // A body that cannot be cloned cannot be sent again: this is the only try.
            let again = request.try_clone();
            let attempt = async {
                let reply = next.clone().run(request, extensions).await;
                read(&mut attempts, api, reply).await
            };
            let Some(read) = within(deadline, attempt).await else {
                attempts.stop();
                return Err(::reqwest_middleware::Error::middleware(DeadlineExceeded {
                    api,
                    deadline: self.deadline.unwrap_or_default(),
                }));
            };
            if read.step == Step::Stop {
                return read.outcome;
            }
            // The attempts would go on; from here, a call that ends is ended by us.
            let Some(retry) = again else {
                attempts.stop();
                return read.outcome;
            };
            let goes_on = match read.step {
                Step::RetryAfter(delay) => {
                    let delay = self.delay(delay, read.status, read.retry_after);
                    let fits = deadline.is_none_or(|deadline| {
                        Instant::now()
                            .checked_add(delay)
                            .is_some_and(|end| end < deadline)
                    });
                    if fits {
                        tokio::time::sleep(delay).await;
                    }
                    fits
                }
                Step::RefreshThenRetry => match (&self.refresh, token) {
                    (Some(refresh), Some(seen)) if !passed(deadline) => {
                        let refreshing = refresh.tokens.refresh(&seen, || (refresh.refresh)());
                        match within(deadline, refreshing).await {
                            Some(Some(_)) => true,
                            Some(None) => {
                                attempts.refresh_failed();
                                return read.outcome;
                            }
                            // The deadline cut the refresh short.
                            None => false,
                        }
                    }
                    // No refresh hook (or no time left): the expiry is the call's answer.
                    _ => false,
                },
                Step::Stop => false,
            };
            if !goes_on || passed(deadline) {
                attempts.stop();
                return read.outcome;
            }
            request = retry;
        }
    }
}

/// `future`'s output, or `None` when the deadline passes first.
async fn within<F: Future>(deadline: Option<Instant>, future: F) -> Option<F::Output> {
    match deadline {
        Some(deadline) => tokio::time::timeout_at(deadline, future).await.ok(),
        None => Some(future.await),
    }
}

/// Whether the deadline, if any, has passed.
fn passed(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|deadline| Instant::now() >= deadline)
}

/// Reads one attempt's reply: buffers a response's body and classifies it, or maps
/// reqwest's error; says what the attempts decide. The attempts learn of the attempt
/// only once it is read whole, so an attempt the deadline abandons leaves them as they
/// were.
async fn read(
    attempts: &mut Attempts<'static>,
    api: Api,
    reply: ::reqwest_middleware::Result<Response>,
) -> Read {
    let response = match reply {
        Ok(response) => response,
        Err(error) => {
            return Read {
                step: attempts.next_client_error(&error),
                status: None,
                retry_after: None,
                outcome: Err(error),
            };
        }
    };
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    let url = response.url().clone();
    let extensions = response.extensions().clone();
    let body = match response.bytes().await {
        Ok(body) => body,
        // The response was cut short: it may have run.
        Err(error) => {
            return Read {
                step: attempts.next_failure(&TransportFailure::MaybeSent),
                status: Some(status.as_u16()),
                retry_after: None,
                outcome: Err(error.into()),
            };
        }
    };
    let step = match Envelope::<IgnoredAny>::from_http(api, status.as_u16(), &body) {
        Ok(envelope) => attempts.next_response(envelope.response()),
        // A gateway's page, or a 2xx that is no MSDK response (an attempt that fails).
        Err(error) => attempts.next_error(&error),
    };
    let retry_after = headers
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let mut builder = http::Response::builder().status(status).version(version);
    if let Some(rebuilt) = builder.headers_mut() {
        *rebuilt = headers;
    }
    if let Some(rebuilt) = builder.extensions_mut() {
        *rebuilt = extensions;
    }
    // After the extensions: the URL travels as one of them.
    let builder = builder.url(url);
    let outcome = match builder.body(body) {
        Ok(response) => Ok(Response::from(response)),
        Err(error) => Err(::reqwest_middleware::Error::middleware(error)),
    };
    Read {
        step,
        status: Some(status.as_u16()),
        retry_after,
        outcome,
    }
}
