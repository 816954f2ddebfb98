//! Typed error codes for Tencent's MSDK Server.
//!
//! MSDK Server answers every call with `{"ret": ..., "msg": ..., "err_type": ...}`. Its
//! error codes are documented in one Chinese wiki page: nine tables as of 2015-10, and
//! the page's last revision, of 2016-03-30, adds three OIDB tables (§9) and two logic
//! rows. This crate turns the revised page into types, 308 codes, and a live response
//! into a typed, actionable result.
//!
//! ```
//! use msdk_error_codes::{Api, Decision, MsdkResponse};
//!
//! let body = br#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#;
//! let response = MsdkResponse::from_slice(body)?;
//! let outcome = response.classify_for(Api::Generic);
//! assert_eq!(outcome.label(), "wechat_platform.42001");
//! assert_eq!(outcome.decision(), Decision::RefreshToken);
//! println!("{outcome}"); // wechat_platform:42001 AccessTokenExpired: ...; decision refresh_token: ...
//! # Ok::<(), msdk_error_codes::ParseError>(())
//! ```
//!
//! # The map
//!
//! | module | what it holds |
//! |---|---|
//! | [`catalog`](mod@catalog) | what the spec says: [`Layer`], [`ErrType`] (and [the `err_type` rule](mod@catalog#the-err_type-rule)), [`Action`], the rows, [`MsdkCode`], [`catalog()`](catalog::catalog), [`Code`], [`Api`], [`Decision`] |
//! | the table modules: [`access`], [`logic`], [`qq`], [`wechat`], [`game_center`], [`share`], [`blue_diamond`], [`oidb`] | one enum per table of the spec ([the list](mod@catalog#the-tables)) |
//! | [`classification`] | what a live response means: [`classify`], [`classify_for`], [`Classification`], [`MsdkError`], and [the rules](classification#the-rules) |
//! | [`response`] | reading bodies: [`MsdkResponse`], [`Envelope`], [`from_slice`], [`Error`] and [`ParseError`] |
//! | [`retry`] | bounded retries of one call: [`RetryPolicy`], [`Attempts`], the shared [`RetryBudget`] and single-flight [`RefreshGate`] |
//! | [`overrides`] | changing what a code means at runtime: [`Overrides`] and the [`Classifier`] |
//! | [`testing`] | test doubles: [`fixtures()`], [`Scenario`] |
//! | `reqwest` (feature `reqwest`, `reqwest-middleware`) | `reqwest::Error` as a transport failure, and `RetryMiddleware`, the retry policy as a reqwest-middleware layer |
//! | `tower` (feature `tower`) | `MsdkPolicy`, a `tower::retry::Policy` driven by [`Attempts`], and tower's `Budget` for [`RetryBudget`] |
//!
//! Each rule is stated once, where its module is, and linked from everywhere else:
//! [how a response is classified](classification#the-rules), [how a code's `err_type`
//! follows from the spec](mod@catalog#the-err_type-rule), [what each response
//! decides](Decision) (the server's own `err_type` included), [how bodies are
//! read](MsdkResponse) (numbers, tolerance, allocation), and [how retries are
//! bounded](RetryPolicy).
//!
//! # Logs, metrics and storage
//!
//! Every value type round-trips through serde in one stable form: [`Api`], [`Layer`],
//! [`Action`], [`Decision`], [`Backoff`] and
//! [`LogicRange`] as their `as_str` names (`FromStr` reads them
//! back, and what `Display` prints); [`ErrType`] as MSDK's wire integer; [`MsdkCode`] as
//! `{"layer", "code"}`; [`Code`] as `"layer:code"`; and [`MsdkError`] as
//! its classification's JSON, which reads back as stored, without classifying again.
//! [`Classification::label`] is a metric label of bounded cardinality.
//!
//! | type | `Display` | example |
//! |---|---|---|
//! | [`Code`] | `<layer>:<number>` | `wechat_platform:61451` |
//! | [`MsdkCode`], the table enums | `<code> <Name>: <English description>` | `access:-503 RateLimitExceeded: Rate limit exceeded` |
//! | [`Classification`], [`MsdkError`] | `<code> <Name>: <description>` (or `<code> undocumented`), then `; ret <ret>` when the code is not `ret`, `; platform message "…"` for a passthrough or `; message "…"` for an undocumented code, `; overridden`, and `; err_type <n> (<name>); decision <decision>: <what to do>` | `qq_platform:-73 TokenInvalidatedByPasswordChange: …; ret -10000; platform message "the user modify password wrong"; err_type 2 (reauthorize); decision reauthorize: Send the user through QQ/WeChat authorization again.` |
//! | [`Layer`] | its English name | `QQ platform` |
//! | [`Api`], [`Action`], [`Decision`], [`Backoff`], [`LogicRange`] | the `as_str` name | `retry_later` |
//! | [`ErrType`] | `<n> (<meaning>)` | `1 (network unstable: try again later)` |
//!
//! Recorded as structured fields, with `tracing` for example:
//!
//! ```
//! use msdk_error_codes::MsdkResponse;
//!
//! let body = br#"{"ret":-20000,"msg":"61451,invalid parameter","err_type":5}"#;
//! let response = MsdkResponse::from_slice(body)?;
//! let outcome = response.classify();
//! tracing::warn!(
//!     msdk.label = outcome.label(),            // "wechat_platform.undocumented": a bounded metric key
//!     msdk.code = %outcome.to_code(),          // "wechat_platform:61451": lossless
//!     msdk.decision = %outcome.decision(),     // "fail"
//!     msdk.ret = outcome.ret(),
//!     "MSDK call failed: {outcome}",
//! );
//! # Ok::<(), msdk_error_codes::ParseError>(())
//! ```
//!
//! # Errors
//!
//! Each module keeps its own errors. They are named by one rule: `Unknown*` for a
//! well-formed value that names nothing ([`UnknownCode`]: a
//! number a table does not document; [`UnknownErrType`](catalog::UnknownErrType),
//! [`UnknownName`], [`UnknownApi`]), and
//! `Invalid*` for input that makes no value at all ([`InvalidCode`]:
//! text that is not `<layer>:<number>`; [`InvalidBudget`]:
//! arguments out of range). A document that cannot be read is a `*Error` that says
//! where: [`ParseError`],
//! [`OverrideError`].
//!
//! The README's "Testing your integration" has a complete test of a client against a
//! scripted MSDK, over HTTP ([`testing`] holds the pieces).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod decimal;

pub mod catalog;
pub mod classification;
pub mod overrides;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
pub mod response;
pub mod retry;
pub mod testing;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower;

#[doc(inline)]
pub use catalog::tables::{access, blue_diamond, game_center, logic, oidb, qq, share, wechat};

#[doc(inline)]
pub use catalog::{Action, Api, Decision, ErrType, Layer, MsdkCode};
#[doc(inline)]
pub use classification::{Classification, MsdkError, classify, classify_for};
#[doc(inline)]
pub use response::{Envelope, Error, MsdkResponse, from_slice};
#[doc(inline)]
pub use retry::RetryPolicy;

#[doc(inline)]
pub use access::AccessCode;
#[doc(inline)]
pub use blue_diamond::BlueDiamondCode;
#[doc(inline)]
pub use game_center::GameCenterCode;
#[doc(inline)]
pub use logic::LogicCode;
#[doc(inline)]
pub use oidb::{AccessTokenCode, OidbCode, PayTokenCode};
#[doc(inline)]
pub use qq::QqPlatformCode;
#[doc(inline)]
pub use share::{QqShareCode, QzoneShareCode};
#[doc(inline)]
pub use wechat::{WechatGroupCode, WechatPlatformCode};

// The rest of 0.1's root names, kept at their paths and documented in their modules.
#[doc(hidden)]
pub use catalog::{
    Backoff, Code, CodeInfo, ErrorCode, InvalidCode, InvalidErrType, LogicRange, UnknownApi,
    UnknownCode, UnknownName, catalog,
};
#[doc(hidden)]
pub use classification::{
    OIDB_PREFIX_LIMIT, PASSTHROUGH_PREFIX_LIMIT, parse_oidb, parse_passthrough,
};
#[doc(hidden)]
pub use overrides::{Classifier, Override, OverrideError, Overrides};
#[doc(hidden)]
pub use response::{OwnedEnvelope, ParseError, from_slice_for};
#[doc(hidden)]
pub use retry::{Attempts, InvalidBudget, RefreshGate, RefreshTicket, RetryBudget, Step};
#[cfg(feature = "wiremock")]
#[doc(hidden)]
pub use testing::ScenarioResponder;
#[doc(hidden)]
pub use testing::{Fixture, Scenario, fixtures, fixtures_for, undocumented_response};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
