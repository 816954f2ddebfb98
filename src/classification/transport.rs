//! [`TransportFailure`]: an attempt that got no MSDK answer, classified by whether the
//! request may have reached MSDK; and [`TransportError`], that failure with its API and
//! the HTTP client's error.

use core::fmt;
use core::str::FromStr;

use crate::catalog::names::{self, UnknownName};
use crate::catalog::{Api, Backoff, Decision};

/// An attempt that got no MSDK answer: the request never left, may have reached MSDK,
/// or came back as an HTTP status whose body is not an MSDK response (a gateway's page,
/// an empty body).
///
/// What may be retried depends on whether the request may have reached MSDK: one that
/// was never sent can be retried for every API, even a share; one that may have run
/// cannot be retried for an API that is not idempotent, or the message may be sent
/// twice. [`decision`](Self::decision) says which, in the crate's [`Decision`]
/// vocabulary, and [`Attempts::next_failure`](crate::retry::Attempts::next_failure)
/// follows it through the same bounds as MSDK's own answers.
///
/// When MSDK's JSON body arrives with a non-2xx status, the body decides, not the status:
/// [`Envelope::from_http`](crate::Envelope::from_http) reads it so. A 2xx whose body is
/// not an MSDK response is a [`ParseError`](crate::response::ParseError), not a transport
/// failure.
///
/// | failure | the request | [`decision`](Self::decision) |
/// |---|---|---|
/// | [`NotSent`](Self::NotSent) | never left this process | [`Retry(SlowDown)`](Backoff::SlowDown): it never ran |
/// | [`Status`](Self::Status)`(408)`, `(429)`, `(503)` | refused by the server | [`Retry(SlowDown)`](Backoff::SlowDown): the server says it did not run it |
/// | [`MaybeSent`](Self::MaybeSent); `Status(500)`, `(502)`, `(504)` and every other 5xx but 501 and 505 | may have run | [`Retry(Later)`](Backoff::Later): retried only for an idempotent API |
/// | every other status | answered, not retryable | [`Fail`](Decision::Fail) |
///
/// Like [`Classification::decision`](crate::Classification::decision), the decision does
/// not depend on the API: [`Backoff::SlowDown`] already means "refused before it ran",
/// which a retry policy follows for every API, and [`Backoff::Later`] is the ambiguous
/// kind it follows only for idempotent ones ([`Api::is_idempotent`]).
///
/// It displays, parses and (de)serialises as one string: `not_sent`, `maybe_sent`, or
/// `status:<code>` (`status:502`), which reads back exactly. [`label`](Self::label) is
/// a metric label from a fixed set of 20.
///
/// ```
/// use msdk_error_codes::classification::TransportFailure;
/// use msdk_error_codes::{Backoff, Decision};
///
/// assert_eq!(TransportFailure::NotSent.decision(), Decision::Retry(Backoff::SlowDown));
/// assert_eq!(TransportFailure::Status(502).decision(), Decision::Retry(Backoff::Later));
/// assert_eq!(TransportFailure::Status(404).decision(), Decision::Fail);
/// assert_eq!(TransportFailure::Status(502).to_string(), "status:502");
/// assert_eq!("status:502".parse(), Ok(TransportFailure::Status(502)));
/// assert_eq!(TransportFailure::Status(418).label(), "http.4xx");
/// assert_eq!(serde_json::to_string(&TransportFailure::MaybeSent).unwrap(), r#""maybe_sent""#);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportFailure {
    /// The request never left this process: the name did not resolve, the connection
    /// was refused or timed out, the TLS handshake failed, no connection of the pool was
    /// free. Safe to retry for every API.
    NotSent,
    /// The request may have reached MSDK: a timeout after it was sent, a connection reset
    /// while waiting, a response cut short. MSDK may have carried it out.
    MaybeSent,
    /// An HTTP status whose body is not an MSDK response: a gateway's error page, an
    /// empty body. MSDK answers with `200` and its JSON, so such a reply comes from
    /// something in front of it.
    Status(u16),
}

impl TransportFailure {
    /// Every label [`label`](Self::label) can return: a counter keyed on it has at most
    /// this many series.
    pub const LABELS: [&'static str; 20] = [
        "transport.not_sent",
        "transport.maybe_sent",
        "http.400",
        "http.401",
        "http.403",
        "http.404",
        "http.408",
        "http.429",
        "http.500",
        "http.501",
        "http.502",
        "http.503",
        "http.504",
        "http.505",
        "http.1xx",
        "http.2xx",
        "http.3xx",
        "http.4xx",
        "http.5xx",
        "http.other",
    ];

    /// The kind: `not_sent`, `maybe_sent` or `status`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            TransportFailure::NotSent => "not_sent",
            TransportFailure::MaybeSent => "maybe_sent",
            TransportFailure::Status(_) => "status",
        }
    }

    /// The HTTP status, for [`Status`](Self::Status).
    pub const fn status(&self) -> Option<u16> {
        match *self {
            TransportFailure::Status(status) => Some(status),
            _ => None,
        }
    }

    /// What to do next, by the table in the type's docs.
    ///
    /// ```
    /// use msdk_error_codes::classification::TransportFailure;
    /// use msdk_error_codes::Decision;
    ///
    /// // By reference, as the failures of a log are kept.
    /// let seen = [TransportFailure::NotSent, TransportFailure::Status(404)];
    /// let decisions: Vec<Decision> = seen.iter().map(TransportFailure::decision).collect();
    /// assert_eq!(decisions[1], Decision::Fail);
    /// ```
    pub const fn decision(&self) -> Decision {
        match *self {
            TransportFailure::NotSent | TransportFailure::Status(408 | 429 | 503) => {
                Decision::Retry(Backoff::SlowDown)
            }
            TransportFailure::MaybeSent => Decision::Retry(Backoff::Later),
            TransportFailure::Status(501 | 505) => Decision::Fail,
            TransportFailure::Status(500..=599) => Decision::Retry(Backoff::Later),
            TransportFailure::Status(_) => Decision::Fail,
        }
    }

    /// Whether the request may have been carried out although the call failed: the
    /// failures that decide [`Retry(Later)`](Backoff::Later).
    pub const fn may_have_run(&self) -> bool {
        matches!(self.decision(), Decision::Retry(Backoff::Later))
    }

    /// A metric label of bounded cardinality, one of [`LABELS`](Self::LABELS):
    /// `transport.not_sent`, `transport.maybe_sent`, `http.<status>` for the statuses a
    /// gateway or MSDK's front end commonly sends (400, 401, 403, 404, 408, 429, 500 to
    /// 505), `http.<n>xx` for other statuses of each class, `http.other` outside
    /// `100..=599`.
    pub const fn label(&self) -> &'static str {
        match *self {
            TransportFailure::NotSent => "transport.not_sent",
            TransportFailure::MaybeSent => "transport.maybe_sent",
            TransportFailure::Status(status) => match status {
                400 => "http.400",
                401 => "http.401",
                403 => "http.403",
                404 => "http.404",
                408 => "http.408",
                429 => "http.429",
                500 => "http.500",
                501 => "http.501",
                502 => "http.502",
                503 => "http.503",
                504 => "http.504",
                505 => "http.505",
                _ => match status / 100 {
                    1 => "http.1xx",
                    2 => "http.2xx",
                    3 => "http.3xx",
                    4 => "http.4xx",
                    5 => "http.5xx",
                    _ => "http.other",
                },
            },
        }
    }
}

/// The stable string: `not_sent`, `maybe_sent` or `status:<code>`.
impl fmt::Display for TransportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportFailure::Status(status) => write!(f, "status:{status}"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// Reads what `Display` prints: `not_sent`, `maybe_sent` (ASCII case ignored) or
/// `status:` and a decimal `u16` in ASCII digits.
impl FromStr for TransportFailure {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let kind = s.split_once(':').map_or(s, |(kind, _)| kind);
        let status = s
            .split_once(':')
            .filter(|_| kind.eq_ignore_ascii_case("status"))
            .map(|(_, number)| number)
            .filter(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
            .and_then(crate::decimal::strict_i32)
            .and_then(|number| u16::try_from(number).ok());
        let kinds = [TransportFailure::NotSent, TransportFailure::MaybeSent];
        status
            .map(TransportFailure::Status)
            .or_else(|| names::find(&kinds, s, &[|kind| kind.as_str()]))
            .ok_or_else(|| {
                UnknownName::new(
                    s,
                    "transport failure",
                    ["not_sent", "maybe_sent", "status:<u16>"],
                )
            })
    }
}

/// As the stable string, which reads back exactly.
impl serde::Serialize for TransportFailure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// From the stable string, as `FromStr` reads it.
impl<'de> serde::Deserialize<'de> for TransportFailure {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(names::NameVisitor::<TransportFailure>::new(
            "a transport failure",
        ))
    }
}

/// A call that failed without an MSDK answer: the [`TransportFailure`], the [`Api`]
/// called, and the HTTP client's own error as [`source`](std::error::Error::source).
///
/// Its `Display` says what failed and, for a failure that may have run
/// ([`may_have_run`](TransportFailure::may_have_run)) on an API that is not idempotent,
/// that the request may have been carried out; it does not repeat the source's text,
/// which a reporter that prints the chain (anyhow, eyre) shows once.
///
/// ```
/// use msdk_error_codes::classification::{TransportError, TransportFailure};
/// use msdk_error_codes::{Api, Decision};
///
/// let timeout = std::io::Error::new(std::io::ErrorKind::TimedOut, "read timed out");
/// let err = TransportError::new(TransportFailure::MaybeSent, Api::QqShare, timeout);
/// assert_eq!(
///     err.to_string(),
///     "MSDK call (share-qq) failed: the request may have reached MSDK (maybe_sent); \
///      it may have been carried out, and share-qq is not idempotent: check before sending it again"
/// );
/// assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "read timed out");
/// assert!(err.decision().is_retry()); // Later: a policy retries it for idempotent APIs only
/// ```
#[derive(Debug)]
pub struct TransportError {
    failure: TransportFailure,
    api: Api,
    source: Box<dyn std::error::Error + Send + Sync>,
}

impl TransportError {
    /// The failure of a call of `api`, caused by `source` (the HTTP client's error, or
    /// what the body was).
    pub fn new(
        failure: TransportFailure,
        api: Api,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> TransportError {
        TransportError {
            failure,
            api,
            source: source.into(),
        }
    }

    /// What failed.
    pub fn failure(&self) -> TransportFailure {
        self.failure
    }

    /// The API that was called.
    pub fn api(&self) -> Api {
        self.api
    }

    /// The failure's label ([`TransportFailure::label`]).
    pub fn label(&self) -> &'static str {
        self.failure.label()
    }

    /// The failure's decision ([`TransportFailure::decision`]).
    pub fn decision(&self) -> Decision {
        self.failure.decision()
    }

    /// The source error, by value.
    pub fn into_source(self) -> Box<dyn std::error::Error + Send + Sync> {
        self.source
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MSDK call ({}) failed: ", self.api)?;
        match self.failure {
            TransportFailure::NotSent => f.write_str("the request was not sent")?,
            TransportFailure::MaybeSent => f.write_str("the request may have reached MSDK")?,
            TransportFailure::Status(status) => {
                write!(f, "HTTP {status} with a body that is not an MSDK response")?
            }
        }
        write!(f, " ({})", self.failure)?;
        if self.failure.may_have_run() && !self.api.is_idempotent() {
            write!(
                f,
                "; it may have been carried out, and {} is not idempotent: check before sending it again",
                self.api
            )?;
        }
        Ok(())
    }
}

/// The HTTP client's error (or what the body was): the cause, shown once by reporters.
impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.source)
    }
}

/// An HTTP client's error, read as a [`TransportFailure`]: how the crate's driver
/// ([`Call`](crate::retry::Call)) and adapters see the errors of the client they run.
///
/// Implemented for [`std::io::Error`] (by its kind), for `Box<dyn Error + Send + Sync>`
/// (tower's `BoxError`: the first error in its chain that the crate knows), and, with
/// the `reqwest` feature, for `reqwest::Error` (the mapping is in the `reqwest` module's
/// docs); implement it for another client's error type.
///
/// ```
/// use msdk_error_codes::classification::{TransportCause, TransportFailure};
///
/// let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
/// assert_eq!(refused.transport_failure(), Some(TransportFailure::NotSent));
/// let reset = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
/// assert_eq!(reset.transport_failure(), Some(TransportFailure::MaybeSent));
/// ```
pub trait TransportCause {
    /// The failure this error is, or `None` when it is no transport failure at all (a
    /// request that could not be built, a redirect the client refused): such an error
    /// ends the call and is never retried.
    fn transport_failure(&self) -> Option<TransportFailure>;

    /// The error, boxed, as the [`TransportError`]'s source.
    fn into_source(self) -> Box<dyn std::error::Error + Send + Sync>;
}

/// By kind: a connection that was refused, or could not be made or addressed, was
/// [`NotSent`](TransportFailure::NotSent); every other kind (a timeout, a reset, a
/// response cut short, anything unknown) [`MaybeSent`](TransportFailure::MaybeSent),
/// since it cannot say that the request did not leave.
impl TransportCause for std::io::Error {
    fn transport_failure(&self) -> Option<TransportFailure> {
        use std::io::ErrorKind;
        Some(match self.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::AddrNotAvailable
            | ErrorKind::AddrInUse
            | ErrorKind::NotConnected
            | ErrorKind::HostUnreachable
            | ErrorKind::NetworkUnreachable
            | ErrorKind::NetworkDown => TransportFailure::NotSent,
            _ => TransportFailure::MaybeSent,
        })
    }

    fn into_source(self) -> Box<dyn std::error::Error + Send + Sync> {
        Box::new(self)
    }
}

/// By its predicates, with the `reqwest` feature: the table is in the
/// [`reqwest` module's docs](crate::reqwest#the-mapping), where
/// `TryFrom<&reqwest::Error> for TransportFailure` reads the same. A request that was
/// never built (`is_builder`) or a redirect the client's policy refused (`is_redirect`)
/// is no transport failure: `None`, never retried.
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
impl TransportCause for ::reqwest::Error {
    fn transport_failure(&self) -> Option<TransportFailure> {
        if self.is_builder() || self.is_redirect() {
            return None;
        }
        if self.is_connect() || self.is_dns() {
            return Some(TransportFailure::NotSent);
        }
        if let Some(status) = self.status().filter(|_| self.is_status()) {
            return Some(TransportFailure::Status(status.as_u16()));
        }
        // A timeout after connecting, a reset, a body cut short, an undecodable body:
        // the request may have reached MSDK.
        Some(TransportFailure::MaybeSent)
    }

    fn into_source(self) -> Box<dyn std::error::Error + Send + Sync> {
        Box::new(self)
    }
}

/// The first error in the chain that the crate knows decides ([`TransportError`],
/// `std::io::Error`, and with their features `reqwest::Error`); an error it does not
/// know is [`MaybeSent`](TransportFailure::MaybeSent), the failure that never retries a
/// call that is not idempotent.
impl TransportCause for Box<dyn std::error::Error + Send + Sync> {
    fn transport_failure(&self) -> Option<TransportFailure> {
        let mut error: Option<&(dyn std::error::Error + 'static)> = Some(&**self);
        while let Some(e) = error {
            if let Some(known) = known_failure(e) {
                return known;
            }
            error = e.source();
        }
        Some(TransportFailure::MaybeSent)
    }

    fn into_source(self) -> Box<dyn std::error::Error + Send + Sync> {
        self
    }
}

/// The failure of an error of a type the crate knows, `None` for other types.
fn known_failure(error: &(dyn std::error::Error + 'static)) -> Option<Option<TransportFailure>> {
    if let Some(e) = error.downcast_ref::<TransportError>() {
        return Some(Some(e.failure()));
    }
    if let Some(e) = error.downcast_ref::<std::io::Error>() {
        return Some(e.transport_failure());
    }
    #[cfg(feature = "reqwest")]
    if let Some(e) = error.downcast_ref::<::reqwest::Error>() {
        return Some(e.transport_failure());
    }
    None
}
