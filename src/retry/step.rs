//! [`Step`]: what to do after an attempt, [`Attempts`](super::Attempts)' answer.

use core::fmt;
use std::time::Duration;

/// What to do after an attempt: the answer of [`Attempts`](super::Attempts)'
/// `next_response`, `next_failure`, `next_error`, `next`, `refresh_failed` and `stop`.
///
/// It displays as its [`as_str`](Self::as_str) name, with the delay for
/// [`RetryAfter`](Self::RetryAfter) (`retry_after 500ms`), and (de)serialises as an
/// object that reads back exactly, to the nanosecond: `{"step":"stop"}`,
/// `{"step":"refresh_then_retry"}`, `{"step":"retry_after","delay":{"secs":0,"nanos":500000000}}`
/// (the delay in serde's own form for a `Duration`).
///
/// ```
/// use std::time::Duration;
///
/// use msdk_error_codes::Step;
///
/// let step = Step::RetryAfter(Duration::from_millis(500));
/// assert_eq!(step.as_str(), "retry_after");
/// assert_eq!(step.to_string(), "retry_after 500ms");
/// let json = serde_json::to_string(&step).unwrap();
/// assert_eq!(json, r#"{"step":"retry_after","delay":{"secs":0,"nanos":500000000}}"#);
/// assert_eq!(serde_json::from_str::<Step>(&json).unwrap(), step);
/// assert_eq!(serde_json::to_string(&Step::Stop).unwrap(), r#"{"step":"stop"}"#);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// Done: return the last attempt's result to the caller (the envelope's
    /// [`attempts.result(envelope)`](super::Attempts::result), or the error). When
    /// [`Attempts::must_reauthorize`](super::Attempts::must_reauthorize) says so, send the
    /// user through login: a refresh failed, or the refreshed token expired too (that
    /// error's own decision still says [`RefreshToken`](crate::Decision::RefreshToken):
    /// it is that code).
    Stop,
    /// Sleep this long (zero for an immediate retry), then send the call again.
    RetryAfter(Duration),
    /// Refresh the access token (through a [`RefreshGate`](super::RefreshGate) when
    /// calls run concurrently), then send the call again with the new token. If the
    /// refresh itself fails, tell the attempts
    /// ([`refresh_failed`](super::Attempts::refresh_failed)): the user must
    /// re-authorize.
    RefreshThenRetry,
}

impl Step {
    /// The stable name: `stop`, `retry_after` or `refresh_then_retry`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Step::Stop => "stop",
            Step::RetryAfter(_) => "retry_after",
            Step::RefreshThenRetry => "refresh_then_retry",
        }
    }

    /// The delay of a [`RetryAfter`](Self::RetryAfter).
    pub const fn delay(self) -> Option<Duration> {
        match self {
            Step::RetryAfter(delay) => Some(delay),
            _ => None,
        }
    }
}

/// The name, and for `RetryAfter` the delay as `Duration`'s `Debug` prints it
/// (`retry_after 1.5s`).
impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::RetryAfter(delay) => write!(f, "retry_after {delay:?}"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// The serde form: a tag and, for `retry_after`, the delay.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(
    rename = "Step",
    tag = "step",
    rename_all = "snake_case",
    deny_unknown_fields
)]
enum Repr {
    // Empty struct variants rather than unit ones, so that `deny_unknown_fields` refuses
    // a `delay` beside them.
    Stop {},
    RetryAfter { delay: Duration },
    RefreshThenRetry {},
}

impl serde::Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Step::Stop => Repr::Stop {},
            Step::RetryAfter(delay) => Repr::RetryAfter { delay },
            Step::RefreshThenRetry => Repr::RefreshThenRetry {},
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Step {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Repr::deserialize(deserializer)? {
            Repr::Stop {} => Step::Stop,
            Repr::RetryAfter { delay } => Step::RetryAfter(delay),
            Repr::RefreshThenRetry {} => Step::RefreshThenRetry,
        })
    }
}
