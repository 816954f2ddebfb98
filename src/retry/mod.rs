//! Retrying a call the way the spec means it.
//!
//! - [`RetryPolicy`] bounds the retries of one logical call (重试一次 is one retry; one
//!   token refresh per call; at most 5 attempts; no ambiguous retry of a share): its
//!   docs hold the rules.
//! - [`Attempts`] is one call under a policy, a small state machine the caller drives:
//!   [`RetryPolicy::start`] gives one, and each attempt's outcome (an MSDK response, a
//!   [`TransportFailure`](crate::classification::TransportFailure), a failed refresh)
//!   gives a [`Step`]. No runtime, thread or clock is inside; its docs have a complete
//!   loop.
//! - [`RetryPolicy::call`] runs that loop for you on any async runtime ([`Call`]): the
//!   caller gives one attempt (its HTTP client), a sleep (tokio's with the `tokio`
//!   feature) and, optionally, a [`TokenCell`] with the refresh API.
//! - A [`RetryBudget`] shared by all calls of a client stops retries while most attempts
//!   fail (gRPC's retry throttling); a [`RefreshGate`] lets one of many requests that saw
//!   the same expired token refresh it while the others wait ([`RefreshGate::wait`] for
//!   async code), and a [`TokenCell`] keeps the token with its generation on top of it.
//!
//! What each response decides is [`Decision`](crate::Decision)'s business; this module
//! only bounds how often, how soon and for which APIs a decision to retry is followed.
//!
//! ```
//! # #[cfg(feature = "tokio")]
//! # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
//! use msdk_error_codes::{Api, RetryPolicy};
//! use serde::de::IgnoredAny;
//!
//! let mut replies = vec![(200, r#"{"ret":-307,"msg":"internal error"}"#), (200, r#"{"ret":0,"msg":"success"}"#)].into_iter();
//! let finished = RetryPolicy::default()
//!     .call(Api::Generic)
//!     .run::<IgnoredAny, _, _, _, _>(|()| {
//!         let reply = replies.next().unwrap(); // one request with your HTTP client
//!         async move { Ok::<_, std::io::Error>(reply) }
//!     })
//!     .await;
//! assert_eq!(finished.attempts.attempts(), 2); // -307 says 重试一次
//! assert!(finished.into_result().is_ok());
//! # });
//! ```

mod attempts;
mod budget;
mod driver;
mod policy;
mod refresh;
mod step;
mod token;
mod trace;

pub use attempts::Attempts;
pub use budget::{InvalidBudget, RetryBudget};
pub use driver::{Call, Finished, NoTokens, Sleep, Tokens, TokioSleep, WithTokens};
pub use policy::RetryPolicy;
pub use refresh::{RefreshGate, RefreshTicket, Wait};
pub use step::Step;
pub use token::{Token, TokenCell};
