//! reqwest, with the `reqwest` feature: a `reqwest::Error` as a
//! [`TransportFailure`], so that the driver
//! ([`Call`](crate::retry::Call)) and hand-written loops read reqwest's errors; and with
//! the `reqwest-middleware` feature, [`RetryMiddleware`], the MSDK retry policy as a
//! reqwest-middleware layer.
//!
//! reqwest is a dependency without default features: the backend's own reqwest, with
//! its TLS and other features, is the one Cargo builds.
//!
//! # The mapping
//!
//! What each of `reqwest::Error`'s predicates says about the request, in this order:
//!
//! | predicate | the request | [`TransportFailure`] |
//! |---|---|---|
//! | `is_builder()` | was never built | none: [`NotATransportFailure`], never retried |
//! | `is_redirect()` | followed redirects until the client's policy refused one | none: [`NotATransportFailure`], never retried |
//! | `is_connect()`, `is_dns()` | never left: no connection was made (a connect timeout included) | [`NotSent`](TransportFailure::NotSent) |
//! | `is_status()` | was answered with this status (`error_for_status`) | [`Status`](TransportFailure::Status) |
//! | `is_timeout()` (after connecting), `is_request()`, `is_body()`, `is_decode()`, anything else | may have reached MSDK | [`MaybeSent`](TransportFailure::MaybeSent) |
//!
//! ```
//! use msdk_error_codes::classification::TransportFailure;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! // Nothing listens on port 9 of the loopback: the connection is refused.
//! let err = reqwest::Client::new().get("http://127.0.0.1:9/share/qq").send().await.unwrap_err();
//! assert_eq!(TransportFailure::try_from(&err), Ok(TransportFailure::NotSent));
//! # });
//! ```

#[cfg(feature = "reqwest-middleware")]
mod middleware;

#[cfg(feature = "reqwest-middleware")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-middleware")))]
pub use middleware::{DeadlineExceeded, RetryMiddleware};

use crate::classification::{TransportCause, TransportFailure};

/// A `reqwest::Error` that is no transport failure: the request was never built, or the
/// client's redirect policy refused to go on. It ends a call and is never retried.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a transport failure: the request was not built, or a redirect was refused")]
pub struct NotATransportFailure;

/// By the table of the [module docs](self); the mapping itself is
/// [`TransportCause`]'s for `reqwest::Error`, which the crate's classification owns.
impl TryFrom<&::reqwest::Error> for TransportFailure {
    type Error = NotATransportFailure;

    fn try_from(error: &::reqwest::Error) -> Result<Self, Self::Error> {
        error.transport_failure().ok_or(NotATransportFailure)
    }
}

/// reqwest-middleware's error: reqwest's own by the table of the [module docs](self);
/// an error of another middleware is no transport failure (it is not retried).
#[cfg(feature = "reqwest-middleware")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-middleware")))]
impl TransportCause for ::reqwest_middleware::Error {
    fn transport_failure(&self) -> Option<TransportFailure> {
        match self {
            ::reqwest_middleware::Error::Reqwest(e) => e.transport_failure(),
            ::reqwest_middleware::Error::Middleware(_) => None,
        }
    }

    fn into_source(self) -> Box<dyn std::error::Error + Send + Sync> {
        Box::new(self)
    }
}
