//! Typed error codes for Tencent's MSDK Server.
//!
//! MSDK Server answers every call with `{"ret": ..., "msg": ..., "err_type": ...}`. Its
//! error codes are documented in one Chinese wiki page: nine tables as of 2015-10, and
//! the page's last revision, of 2016-03-30, adds three OIDB tables (§9) and two logic
//! rows. This crate turns the revised page into types: 308 codes. Every documented code is a variant of its table's enum
//! and carries the spec's description and recommended handling verbatim, English for
//! both, a normalised [`Action`] and the [`ErrType`] the client should act on.
//!
//! ```
//! use msdk_error_codes::{Action, ErrType, QqPlatformCode};
//!
//! let code = QqPlatformCode::from_code(-73).unwrap();
//! assert_eq!(code, QqPlatformCode::TokenInvalidatedByPasswordChange);
//! assert_eq!(code.description(), "0x47 access token改密失效");
//! assert_eq!(code.recommendation(), "重新授权");
//! assert_eq!(code.err_type(), ErrType::Reauthorize);
//! assert_eq!(code.action(), Action::Reauthorize);
//! ```
//!
//! # The tables
//!
//! The same number means different things in different tables (`-10002`, `-1`,
//! `100000`, `-101` ...), so each table is its own enum, in a module named after it:
//!
//! | module | enum | [`Layer`] | spec table | codes |
//! |---|---|---|---|---|
//! | [`access`] | [`AccessCode`] | `Access` | §2 MSDK接入层错误码 | 24 |
//! | [`logic`] | [`LogicCode`] | `Logic` | §3 MSDK逻辑层错误码 | 44 (2 of 2016) |
//! | [`qq`] | [`QqPlatformCode`] | `QqPlatform` | §4 手Q平台错误码 | 40 |
//! | [`wechat`] | [`WechatPlatformCode`] | `WechatPlatform` | §5 微信平台错误码 | 32 |
//! | [`wechat`] | [`WechatGroupCode`] | `WechatGroup` | §5 微信加绑群错误码 | 9 |
//! | [`game_center`] | [`GameCenterCode`] | `GameCenter` | §6 手Q游戏中心错误码 | 39 |
//! | [`share`] | [`QzoneShareCode`] | `QzoneShare` | §7 分享到QZone /share/qzone | 10 |
//! | [`share`] | [`QqShareCode`] | `QqShare` | §7 分享到QQ /share/qq | 32 |
//! | [`blue_diamond`] | [`BlueDiamondCode`] | `BlueDiamond` | §8 手Q蓝钻礼包错误码 | 10 |
//! | [`oidb`] | [`OidbCode`] | `Oidb` | §9.1 OIDB统一返回错误码 (2016) | 29 |
//! | [`oidb`] | [`PayTokenCode`] | `PayToken` | §9.2 手Q登陆接口PayToken校验(0x73a) (2016) | 13 |
//! | [`oidb`] | [`AccessTokenCode`] | `AccessToken` | §9.3 手Q登陆接口accessToken校验(0x711) (2016) | 26 |
//!
//! [`MsdkCode`] wraps a code of any table and [`catalog()`] walks all 308. Every enum
//! implements [`ErrorCode`] for generic code, converts to and from `i32`
//! (`From`/`TryFrom`, `PartialEq<i32>`), parses its variant names (`FromStr`), prints
//! its code, name and English description (`Display`) and (de)serialises as the integer
//! code.
//!
//! The Chinese strings are the spec's, verbatim: only tabs and runs of spaces are folded
//! to one space and the ends trimmed. Where the spec is odd (a truncated sentence, a
//! range row, a printf `%d`), the text is kept and the variant's rustdoc says so.
//!
//! # The `err_type` rule
//!
//! `err_type` tells the client what it must do to recover. Each code's [`ErrType`] is
//! derived from its 推荐处理 (recommended handling), taking the first rule that matches:
//!
//! 1. [`ErrType::RefreshToken`] (3): the handling says to refresh the token (刷新token;
//!    only WeChat `42001`).
//! 2. [`ErrType::Reauthorize`] (2): the handling is re-authorization (重新授权,
//!    重新拉起授权).
//! 3. [`ErrType::NetworkUnstable`] (1): the handling is to retry (重试, 稍后重试,
//!    稍后再来) or to slow down (降低频率, 降低访问频率, 限制访问频率), or the row is a
//!    rate limit (频率超限 in its description).
//! 4. [`ErrType::Normal`] (0): success rows (code `0`) and rows that need no handling
//!    (不需要处理, 不用处理, 不用理会, 正常返回).
//! 5. [`ErrType::Unknown`] (5): everything else: fix the request, check the
//!    configuration, contact support, `-`, or no handling at all.
//!
//! The rule is applied to the verbatim text, so it follows the spec even where the spec
//! surprises (QQ share `2` 参数错误 "parameter error" says to retry, so it is
//! `NetworkUnstable`); rows where that is a judgement call say why in their rustdoc. A
//! test re-derives every row's `err_type` from the spec text with this rule.
//!
//! [`Action`] is the finer, normalised handling; [`ErrType`] is the coarse class MSDK
//! itself sends.
//!
//! # Classification
//!
//! [`classify`] and [`classify_for`] turn a live `ret` and `msg` into a [`Classification`]:
//! the most specific code found, its catalogue entry, the `err_type` to act on and the
//! normalised action. MSDK tunnels platform errors through two generic codes: `ret
//! -10000` carries a QQ platform error and `ret -20000` a WeChat one, with the platform's
//! code and text in `msg` as `"code,text"` (spec §1, points 4 and 5). And since numbers
//! collide across tables, the answer depends on the [`Api`] that was called. The rules:
//!
//! 1. `ret == 0` is success: `err_type` Normal, [`is_success`](Classification::is_success).
//! 2. With an [`Api`] other than [`Api::Generic`], that API's table is consulted first,
//!    for `ret` itself and for a passthrough code; the rules below apply when it has no
//!    entry. Exception: for [`Api::WechatGroup`], `ret -10000` is that table's own
//!    internal error, not a QQ passthrough.
//! 3. `ret -10000` with a parsable `msg` ([`parse_passthrough`]) is looked up in the QQ
//!    platform table, `ret -20000` in the WeChat platform table. An undocumented platform
//!    code is still reported with its layer and number, `known()` `None`, `err_type`
//!    Unknown. A platform's success code inside a failed `ret` (`-20000` with `"0,ok"`)
//!    is still a failure: `known()` names the platform's row, but `err_type` is Unknown
//!    and the action Unspecified, as for a code the spec does not explain.
//! 4. `ret -10000 / -20000` whose `msg` does not parse is the logic code itself
//!    ([`LogicCode::QqPlatformError`] / [`LogicCode::WechatPlatformError`]), `msg` kept.
//! 5. `ret -15000..=-19999` (2016 revision) with `ret:N` in `msg` ([`parse_oidb`]) is an
//!    OIDB code: `N` is looked up in the PayToken table when `msg` names command
//!    `0x73a`, in the accessToken table when it names `0x711`, in the OIDB table
//!    otherwise; an unknown `N` keeps its number in that layer. Without `ret:N` the
//!    `ret` is a logic code like any other (rule 6). Only these `ret`s are read this way:
//!    the page's own example, `ret:-103 msg:oidb decode0x73a failed, ret:17`, has
//!    `ret -103`, and that stays the logic row it is.
//! 6. Any other `ret` is looked up in the access table, then the logic table. An
//!    undocumented `ret` keeps its number and its [`LogicRange`] (layer Logic; layer
//!    Access for numbers in no range, like positive ones). Undocumented codes in the
//!    system and server ranges are NetworkUnstable (every documented code there says to
//!    retry); all other undocumented codes are Unknown.
//! 7. One [`Decision`] per response says what to do next
//!    ([`decision`](Classification::decision)): `Success` exactly when `ret == 0`,
//!    `Benign` for the codes the spec calls normal, `Retry` with a [`Backoff`],
//!    `RefreshToken`, `Reauthorize` or `Fail`; the [`Decision`] docs give the rules and
//!    cite the spec's words. On a failure, a server `err_type` of 1, 2 or 3 decides; a
//!    server 0, 5 or a value the spec does not define leaves the catalogue's answer.
//!    The predicates follow the decision, not `err_type`:
//!    [`is_retryable`](Classification::is_retryable) is `Retry`,
//!    [`needs_reauthorization`](Classification::needs_reauthorization) is `Reauthorize`
//!    (access `-901` says so with `err_type` Unknown),
//!    [`needs_token_refresh`](Classification::needs_token_refresh) is `RefreshToken`.
//!
//! ```
//! use msdk_error_codes::{classify, classify_for, Api, ErrType, Layer, LogicRange};
//!
//! // The spec's two examples.
//! let qq = classify(-10000, "-73,the user modify password wrong");
//! assert_eq!((qq.layer(), qq.code(), qq.err_type()), (Layer::QqPlatform, -73, ErrType::Reauthorize));
//! let wx = classify(-20000, "40001,invalid credential");
//! assert_eq!((wx.layer(), wx.code()), (Layer::WechatPlatform, 40001));
//! assert_eq!(wx.platform_message(), Some("invalid credential"));
//!
//! // Rule 2: -10002 is "invalid openid" in the logic table, but "account not found" for
//! // blue-diamond gifts.
//! assert_eq!(classify(-10002, "").layer(), Layer::Logic);
//! assert_eq!(classify_for(Api::BlueDiamond, -10002, "").layer(), Layer::BlueDiamond);
//!
//! // Rule 4: a passthrough without a code.
//! let bare = classify(-10000, "something went wrong");
//! assert_eq!((bare.layer(), bare.code(), bare.platform_message()), (Layer::Logic, -10000, None));
//!
//! // Rule 5: the OIDB result, here in the PayToken table (command 0x73a).
//! let oidb = classify(-15000, "oidb decode0x73a failed, ret:17");
//! assert_eq!((oidb.layer(), oidb.code()), (Layer::PayToken, 17));
//! assert_eq!(oidb.known().unwrap().description(), "pay token已过期");
//!
//! // Rule 6: undocumented codes keep their number and range.
//! let odd = classify(-2345, "");
//! assert_eq!((odd.code(), odd.known(), odd.range()), (-2345, None, Some(LogicRange::Server)));
//! assert!(odd.is_retryable());
//! ```
//!
//! [`MsdkResponse`] reads a response body, borrowing `msg` from the input, and
//! classifies it with the server's `err_type` by rule 7 (1, 2 or 3 decide a failure;
//! 0, 5 and other values do not); the catalogue's stays available as
//! [`table_err_type`](Classification::table_err_type). Classification never panics and
//! never allocates; [`MsdkError`] is the owned form for `Result`s.
//!
//! # Retrying
//!
//! A [`RetryPolicy`] bounds the retries of one logical call the way the spec means them
//! (重试一次 is one retry; one token refresh per call; at most 5 attempts), as a small
//! state machine the caller drives: [`RetryPolicy::start`] gives an [`Attempts`], and
//! [`Attempts::next`] turns each attempt's classification into a [`Step`]. No runtime,
//! thread or clock is inside: sleep on the returned delay with whatever the backend
//! uses. A [`RetryBudget`] shared by all calls of a client stops retries while most
//! attempts fail (gRPC's retry throttling), and a [`RefreshGate`] lets one of many
//! requests that saw the same expired token refresh it while the others wait for the
//! new one. `examples/retry_tokio.rs` puts the three together on tokio.
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

//! # Storing, logging, overriding
//!
//! Every value type round-trips through serde in one stable form: [`Api`], [`Layer`],
//! [`Action`], [`Decision`], [`Backoff`] and [`LogicRange`] as their `as_str` names
//! (`FromStr` reads them back, and what `Display` prints); [`ErrType`] as MSDK's wire
//! integer; [`MsdkCode`] as `{"layer", "code"}`; [`Code`] as `"layer:code"`; and
//! [`MsdkError`] as its classification's JSON, which reads back as stored, without
//! classifying again. [`Code`] holds any code, documented or not, without loss;
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
//! A [`Classifier`] with [`Overrides`] read from a JSON file at runtime changes what a
//! code means without a release of this crate, when WeChat or QQ change it.
//!
//! # Testing a client
//!
//! [`fixtures()`] is the exact response MSDK sends for every documented code, and
//! [`fixtures_for`] the ones a given [`Api`] can receive, each reading back as its code
//! under it; [`undocumented_response`] is one with a number no table documents, for
//! the fallback path, and [`Fixture::with_server_err_type`] sets the server's
//! `err_type`. A [`Scenario`] scripts one endpoint's answers ("an expired token, then
//! success with a friends list") to drive a retry loop; with the `wiremock` feature,
//! `Scenario::mount` serves it from a `wiremock::MockServer`. The README's "Testing
//! your integration" has a complete test.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod api;
mod budget;
mod classify;
mod code;
mod common;
mod decision;
mod envelope;
mod error;
mod fixture;
mod msdk_code;
mod names;
mod overrides;
mod passthrough;
mod range;
mod refresh;
mod response;
mod retry;
mod scenario;
mod table;
mod wire;

pub mod access;
pub mod blue_diamond;
pub mod game_center;
pub mod logic;
pub mod oidb;
pub mod qq;
pub mod share;
pub mod wechat;

pub use access::AccessCode;
pub use api::{Api, UnknownApi};
pub use blue_diamond::BlueDiamondCode;
pub use budget::{InvalidBudget, RetryBudget};
pub use classify::{Classification, classify, classify_for};
pub use code::{Code, InvalidCode};
pub use common::{Action, CodeInfo, ErrType, ErrorCode, InvalidErrType, Layer, UnknownCode};
pub use decision::{Backoff, Decision};
pub use envelope::{Envelope, Error, OwnedEnvelope, from_slice, from_slice_for};
pub use error::{MsdkError, ParseError};
pub use fixture::{Fixture, fixtures, fixtures_for, undocumented_response};
pub use game_center::GameCenterCode;
pub use logic::LogicCode;
pub use msdk_code::{MsdkCode, catalog};
pub use names::UnknownName;
pub use oidb::{AccessTokenCode, OidbCode, PayTokenCode};
pub use overrides::{Classifier, Override, OverrideError, Overrides};
pub use passthrough::{OIDB_PREFIX_LIMIT, PASSTHROUGH_PREFIX_LIMIT, parse_oidb, parse_passthrough};
pub use qq::QqPlatformCode;
pub use range::LogicRange;
pub use refresh::{RefreshGate, RefreshTicket};
pub use response::MsdkResponse;
pub use retry::{Attempts, RetryPolicy, Step};
pub use scenario::Scenario;
#[cfg(feature = "wiremock")]
pub use scenario::ScenarioResponder;
pub use share::{QqShareCode, QzoneShareCode};
pub use wechat::{WechatGroupCode, WechatPlatformCode};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
