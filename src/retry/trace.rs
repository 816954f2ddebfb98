//! The `tracing` events of [`Attempts`](super::Attempts): one per step, target
//! `msdk_error_codes`, with the feature `tracing`; nothing without it.
//!
//! Levels, by tracing's conventions for a library (the application decides what to
//! report): every step that retries or refreshes is `DEBUG`, diagnostics of a call that
//! goes on; the step that ends a call is `DEBUG` when the call succeeded (or its failure
//! is benign) and `INFO` when it failed, so that an operator at the usual `INFO` level
//! sees each failed call once, with its label and decision, and never each retry.

use crate::catalog::{Api, Decision};
use crate::classification::{Classification, TransportFailure};

use super::Step;

/// What an attempt saw, for its event: read only when an event is recorded.
#[derive(Copy, Clone)]
pub(super) enum Seen<'a> {
    Classification(&'a Classification<'a>),
    Failure(TransportFailure),
    /// The refresh a step asked for failed.
    RefreshFailed,
}

impl Seen<'_> {
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    fn label(self) -> &'static str {
        match self {
            Seen::Classification(c) => c.label(),
            Seen::Failure(failure) => failure.label(),
            Seen::RefreshFailed => "refresh.failed",
        }
    }

    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    fn ret(self) -> Option<i32> {
        match self {
            Seen::Classification(c) => Some(c.ret()),
            _ => None,
        }
    }
}

/// Records one step: fields `api`, `attempt`, `label`, `decision`, `step`, `delay_ms`
/// (for a retry after a delay) and `ret` (for an MSDK answer).
#[cfg(feature = "tracing")]
pub(super) fn step(api: Api, attempt: u32, seen: Seen<'_>, decision: Option<Decision>, step: Step) {
    let delay_ms = step
        .delay()
        .map(|delay| u64::try_from(delay.as_millis()).unwrap_or(u64::MAX));
    let decision = decision.map(Decision::as_str);
    macro_rules! event {
        ($level:expr, $message:literal) => {
            tracing::event!(
                target: "msdk_error_codes",
                $level,
                api = api.as_str(),
                attempt,
                label = seen.label(),
                decision,
                step = step.as_str(),
                delay_ms,
                ret = seen.ret(),
                $message
            )
        };
    }
    match step {
        Step::Stop => {
            let failed = !matches!(decision, Some("success" | "benign"));
            if failed {
                event!(tracing::Level::INFO, "MSDK call failed");
            } else {
                event!(tracing::Level::DEBUG, "MSDK call done");
            }
        }
        _ => event!(tracing::Level::DEBUG, "MSDK call goes on"),
    }
}

/// Without the feature: nothing.
#[cfg(not(feature = "tracing"))]
#[inline(always)]
pub(super) fn step(_: Api, _: u32, _: Seen<'_>, _: Option<Decision>, _: Step) {}
