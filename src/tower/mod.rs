//! tower, with the `tower` feature: [`RetryBudget`] as tower's
//! [`Budget`](::tower::retry::budget::Budget), and [`MsdkPolicy`], a
//! [`tower::retry::Policy`] driven by the crate's
//! [`Attempts`], for services of `http::Request<B>` and buffered
//! `http::Response<Body>` (`Bytes`, `Vec<u8>`, `String`: any `AsRef<[u8]>`).
//!
//! tower's own policies see the response type but know nothing of MSDK: a body of
//! `{"ret":-307}` is a success to them. This one reads the body's `ret` and the
//! service's errors ([`TransportCause`]: `std::io::Error`, tower's `BoxError`,
//! `reqwest::Error` with the `reqwest` feature, or the service's own error type with an
//! impl of the trait) and retries by the [`RetryPolicy`].
//!
//! ```
//! use msdk_error_codes::tower::MsdkPolicy;
//! use msdk_error_codes::RetryPolicy;
//!
//! # fn demo<S>(service: S) where S: tower::Service<http::Request<String>, Response = http::Response<Vec<u8>>, Error = std::io::Error> + Clone {
//! let service = tower::retry::Retry::new(MsdkPolicy::new(RetryPolicy::default()), service);
//! # let _ = service;
//! # }
//! ```

use serde::de::IgnoredAny;

use crate::catalog::Api;
use crate::classification::TransportCause;
use crate::response::Envelope;
use crate::retry::{Attempts, RetryBudget, RetryPolicy, Step};

/// tower's budget interface over the crate's gRPC-style token bucket: a deposit is a
/// success ([`record_success`](RetryBudget::record_success)), a withdrawal a failure
/// that asks to retry ([`record_failure`](RetryBudget::record_failure), whose answer
/// it returns).
///
/// ```
/// use msdk_error_codes::RetryBudget;
/// use tower::retry::budget::Budget;
///
/// let budget = RetryBudget::new(4, 1.0).unwrap();
/// assert!(budget.withdraw()); // 3 tokens left: more than half
/// assert!(!budget.withdraw()); // 2: not more than half
/// budget.deposit();
/// assert_eq!(budget.tokens(), 3.0);
/// ```
impl ::tower::retry::budget::Budget for RetryBudget {
    fn deposit(&self) {
        self.record_success();
    }

    fn withdraw(&self) -> bool {
        self.record_failure()
    }
}

/// A [`tower::retry::Policy`] that retries MSDK calls by a
/// [`RetryPolicy`]: tower clones it for each request, and each clone keeps that
/// request's [`Attempts`].
///
/// - The API is the one given ([`with_api`](Self::with_api)), else an [`Api`] in the
///   request's extensions, else [`Api::from_path`] of the URI's path.
/// - A response is read with [`Envelope::from_http`]: MSDK's body decides whatever the
///   status; a non-2xx gateway page is a transport failure; a 2xx that is not an MSDK
///   response is not retried.
/// - An error of the service is read through [`TransportCause`]; one that is no
///   transport failure is not retried.
/// - The request is cloned for a retry when its body is `Clone` (method, URI, version,
///   headers and extensions kept).
/// - A token expiry is not retried: a policy cannot refresh before the next attempt
///   (the caller gets the response, whose decision says `refresh_token`). Use the
///   crate's driver ([`RetryPolicy::call`]) to refresh.
/// - Every call ends with the event of its end, with the `tracing` feature: the
///   attempts' own [`Step::Stop`], or [`Attempts::stop`] for a token expiry the policy
///   cannot refresh.
///
/// Sleeps are tokio's (the `tower` feature enables `tokio`). Requires the `tower`
/// feature.
#[derive(Clone, Debug)]
pub struct MsdkPolicy {
    policy: RetryPolicy,
    api: Option<Api>,
    /// The attempts of the request this clone serves; made at its first reply.
    attempts: Option<Attempts<'static>>,
}

impl MsdkPolicy {
    /// Retries by `policy`, reading the API of each request from it.
    pub fn new(policy: RetryPolicy) -> MsdkPolicy {
        MsdkPolicy {
            policy,
            api: None,
            attempts: None,
        }
    }

    /// Reads every request as a call of `api`.
    pub fn with_api(mut self, api: Api) -> MsdkPolicy {
        self.api = Some(api);
        self
    }

    /// The attempts of the request so far, `None` before its first reply.
    pub fn attempts(&self) -> Option<&Attempts<'static>> {
        self.attempts.as_ref()
    }

    fn api_of<B>(&self, request: &http::Request<B>) -> Api {
        self.api
            .or_else(|| request.extensions().get::<Api>().copied())
            .unwrap_or_else(|| Api::from_path(request.uri().path()))
    }
}

impl<B, Body, E> ::tower::retry::Policy<http::Request<B>, http::Response<Body>, E> for MsdkPolicy
where
    B: Clone,
    Body: AsRef<[u8]>,
    E: TransportCause,
{
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        request: &mut http::Request<B>,
        result: &mut Result<http::Response<Body>, E>,
    ) -> Option<Self::Future> {
        let api = self.api_of(request);
        let policy = &self.policy;
        let attempts = self.attempts.get_or_insert_with(|| policy.start(api));
        let step = match result {
            Ok(response) => {
                let status = response.status().as_u16();
                match Envelope::<IgnoredAny>::from_http(api, status, response.body().as_ref()) {
                    Ok(envelope) => attempts.next_response(envelope.response()),
                    // A gateway's page, or a 2xx that is no MSDK response (an attempt that
                    // fails).
                    Err(error) => attempts.next_error(&error),
                }
            }
            Err(error) => attempts.next_client_error(error),
        };
        match step {
            Step::RetryAfter(delay) => Some(tokio::time::sleep(delay)),
            // A policy cannot refresh before the next attempt: the expiry is the call's
            // answer, and the call ends here.
            Step::RefreshThenRetry => {
                attempts.stop();
                None
            }
            Step::Stop => None,
        }
    }

    fn clone_request(&mut self, request: &http::Request<B>) -> Option<http::Request<B>> {
        let mut clone = http::Request::new(request.body().clone());
        *clone.method_mut() = request.method().clone();
        *clone.uri_mut() = request.uri().clone();
        *clone.version_mut() = request.version();
        *clone.headers_mut() = request.headers().clone();
        *clone.extensions_mut() = request.extensions().clone();
        Some(clone)
    }
}
