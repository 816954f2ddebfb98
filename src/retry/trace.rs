//! The `tracing` events of [`Attempts`](super::Attempts): one per step, target
//! `msdk_error_codes`, with the feature `tracing`; nothing without it.
//!
//! Levels, by tracing's conventions for a library (the application decides what to
//! report): every step that retries or refreshes is `DEBUG`, diagnostics of a call that
//! goes on; the step that ends a call (a [`Step::Stop`] of the attempts, or
//! [`Attempts::stop`](super::Attempts::stop) when the caller ends it) is `DEBUG` when the
//! call succeeded (or its failure is benign) and `INFO` when it failed, so that an
//! operator at the usual `INFO` level sees each failed call once, with its label and
//! decision, and never each retry.

use crate::catalog::{Api, Decision};
use crate::classification::{Classification, TransportFailure};
use crate::response::Error;

use super::Step;

/// What an attempt saw, for its event: read only when an event is recorded.
#[derive(Copy, Clone)]
pub(super) enum Seen<'a> {
    Classification(&'a Classification<'a>),
    Failure(TransportFailure),
    /// An error that is neither an MSDK answer nor a transport failure.
    Error(&'a Error),
    /// The refresh a step asked for failed.
    RefreshFailed,
    /// The caller stopped the call after the attempt it saw last, if any.
    Stopped(Option<Last>),
}

/// What an attempt saw, kept for the event of a call its caller stops.
#[derive(Copy, Clone, Debug)]
pub(super) struct Last {
    label: &'static str,
    ret: Option<i32>,
    pub(super) decision: Decision,
}

/// What to keep of an attempt: with the feature, its label, `ret` and decision; nothing
/// without it, so that an untraced call pays nothing for it.
#[inline(always)]
pub(super) fn last(seen: Seen<'_>, decision: Decision) -> Option<Last> {
    #[cfg(feature = "tracing")]
    return Some(Last {
        label: seen.label(),
        ret: seen.ret(),
        decision,
    });
    #[cfg(not(feature = "tracing"))]
    {
        let _ = (seen, decision);
        None
    }
}

impl Seen<'_> {
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    fn label(self) -> &'static str {
        match self {
            Seen::Classification(c) => c.label(),
            Seen::Failure(failure) => failure.label(),
            Seen::Error(e) => e.label(),
            Seen::RefreshFailed => "refresh.failed",
            Seen::Stopped(last) => last.map_or("call.stopped", |last| last.label),
        }
    }

    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    fn ret(self) -> Option<i32> {
        match self {
            Seen::Classification(c) => Some(c.ret()),
            Seen::Error(Error::Msdk(e)) => Some(e.ret()),
            Seen::Stopped(last) => last.and_then(|last| last.ret),
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
    let decision_name = decision.map(Decision::as_str);
    macro_rules! event {
        ($level:expr, $message:literal) => {
            tracing::event!(
                target: "msdk_error_codes",
                $level,
                api = api.as_str(),
                attempt,
                label = seen.label(),
                decision = decision_name,
                step = step.as_str(),
                delay_ms,
                ret = seen.ret(),
                $message
            )
        };
    }
    match step {
        Step::Stop => {
            let failed = !matches!(decision, Some(Decision::Success | Decision::Benign));
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
