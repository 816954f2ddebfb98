//! Retrying a call the way the spec means it: [`RetryPolicy`] bounds the retries of one
//! logical call (重试一次 is one retry; one token refresh per call; at most 5 attempts)
//! as a small state machine the caller drives: [`RetryPolicy::start`] gives an
//! [`Attempts`], and [`Attempts::next`] turns each attempt's classification into a
//! [`Step`]. No runtime, thread or clock is inside: sleep on the returned delay with
//! whatever the backend uses.
//!
//! A [`RetryBudget`] shared by all calls of a client stops retries while most attempts
//! fail (gRPC's retry throttling), and a [`RefreshGate`] lets one of many requests that
//! saw the same expired token refresh it while the others wait for the new one.
//!
//! What each response decides is [`Decision`](crate::Decision)'s business; this module
//! only bounds how often, how soon and for which APIs a decision to retry is followed.
//!
//! ```
//! use msdk_error_codes::{Api, MsdkError, MsdkResponse, RetryPolicy, Step};
//!
//! # let mut replies = vec![
//! #     br#"{"ret":-307,"msg":"internal error","err_type":1}"#.to_vec(),
//! #     br#"{"ret":0,"msg":"success","err_type":0}"#.to_vec(),
//! # ].into_iter();
//! # let mut call_msdk = move || replies.next().unwrap();
//! # fn refresh_token() {}
//! let policy = RetryPolicy::default();
//! let mut attempts = policy.start(Api::Generic);
//! let result: Result<(), MsdkError> = loop {
//!     let body = call_msdk();
//!     let response = MsdkResponse::from_slice(&body).expect("an MSDK response");
//!     match attempts.next(&response.classify()) {
//!         Step::RetryAfter(delay) => std::thread::sleep(delay),
//!         Step::RefreshThenRetry => refresh_token(),
//!         _ => break response.into_result(), // success, or the error to report
//!     }
//! };
//! assert!(result.is_ok());
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
