//! What a live response means: [`classify`] and [`classify_for`] turn a `ret` and `msg`
//! into a [`Classification`], the most specific code found, its catalog row, the
//! `err_type` to act on, the normalised action and one [`Decision`]; [`MsdkError`] is
//! its owned form for `Result`s. [`parse_passthrough`] and [`parse_oidb`] read the
//! platform codes MSDK tunnels in `msg`. An attempt that got no MSDK answer at all (a
//! timeout, a refused connection, a gateway's page) is a [`TransportFailure`], decided
//! by whether the request may have reached MSDK, and a [`TransportError`] with its
//! cause.
//!
//! # The rules
//!
//! MSDK tunnels platform errors through two generic codes: `ret -10000` carries a QQ
//! platform error and `ret -20000` a WeChat one, with the platform's code and text in
//! `msg` as `"code,text"` (spec §1, points 4 and 5). And since numbers collide across
//! tables, the answer depends on the [`Api`] that was called. This is the one statement
//! of the rules; everything else links here.
//!
//! 1. `ret == 0` is success: `err_type` Normal, [`is_success`](Classification::is_success).
//! 2. With an [`Api`] that has a table of its own (every one but [`Api::Generic`] and
//!    [`Api::OtherShare`]), that API's table is consulted first, for `ret` itself and
//!    for a passthrough code; the rules below apply when it has no entry. Exception: for [`Api::WechatGroup`], `ret -10000` is that table's own
//!    internal error, not a QQ passthrough.
//! 3. `ret -10000` with a parsable `msg` ([`parse_passthrough`]) is looked up in the QQ
//!    platform table, `ret -20000` in the WeChat platform table. An undocumented platform
//!    code is still reported with its layer and number, `known()` `None`, `err_type`
//!    Unknown. A platform's success code inside a failed `ret` (`-20000` with `"0,ok"`)
//!    is still a failure: `known()` names the platform's row, but `err_type` is Unknown
//!    and the action Unspecified, as for a code the spec does not explain.
//! 4. `ret -10000 / -20000` whose `msg` does not parse is the logic code itself
//!    ([`LogicCode::QqPlatformError`](crate::LogicCode::QqPlatformError) /
//!    [`LogicCode::WechatPlatformError`](crate::LogicCode::WechatPlatformError)), `msg`
//!    kept.
//! 5. `ret -15000..=-19999` (2016 revision) with `ret:N` in `msg` ([`parse_oidb`]) is an
//!    OIDB code: `N` is looked up in the PayToken table when `msg` names command
//!    `0x73a`, in the accessToken table when it names `0x711`, in the OIDB table
//!    otherwise; an unknown `N` keeps its number in that layer. Without `ret:N` the
//!    `ret` is a logic code like any other (rule 6). Only these `ret`s are read this way:
//!    the page's own example, `ret:-103 msg:oidb decode0x73a failed, ret:17`, has
//!    `ret -103`, and that stays the logic row it is. A platform's success row reached
//!    this way (the 成功 rows of the PayToken and accessToken tables) is a failure, as in
//!    rule 3.
//! 6. Any other `ret` is looked up in the access table, then the logic table. An
//!    undocumented `ret` keeps its number and its [`LogicRange`](crate::LogicRange)
//!    (layer Logic; layer Access for numbers in no range, like positive ones).
//!    Undocumented codes in the system and server ranges are NetworkUnstable (every
//!    documented code there says to retry); all other undocumented codes are Unknown.
//! 7. One [`Decision`] per response says what to do next
//!    ([`decision`](Classification::decision)), by the rules in [`Decision`]'s docs,
//!    which also say how the server's own `err_type` weighs in
//!    ([`MsdkResponse::classify_for`](crate::MsdkResponse::classify_for) passes it). The
//!    predicates follow the decision, not `err_type`:
//!    [`is_retryable`](Classification::is_retryable),
//!    [`needs_reauthorization`](Classification::needs_reauthorization),
//!    [`needs_token_refresh`](Classification::needs_token_refresh).
//!
//! Classification never panics and never allocates.
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
//! # Display, and storage
//!
//! A [`Classification`] and an [`MsdkError`] print one line for logs (their `Display`
//! docs give the form), serialise to one stable JSON object, and an [`MsdkError`] reads
//! that object back as stored, without classifying again.
//! [`label`](Classification::label) is a metric label of bounded cardinality and
//! [`to_code`](Classification::to_code) the lossless [`Code`](crate::catalog::Code).
//!
//! [`Api`]: crate::catalog::Api
//! [`Api::Generic`]: crate::catalog::Api::Generic
//! [`Api::OtherShare`]: crate::catalog::Api::OtherShare
//! [`Api::WechatGroup`]: crate::catalog::Api::WechatGroup
//! [`Decision`]: crate::catalog::Decision

mod carriers;
mod error;
mod outcome;
mod rules;
mod transport;
mod verdict;

pub use carriers::{OIDB_PREFIX_LIMIT, PASSTHROUGH_PREFIX_LIMIT, parse_oidb, parse_passthrough};
pub use error::MsdkError;
pub use outcome::Classification;
pub use rules::{classify, classify_for};
pub use transport::{TransportCause, TransportError, TransportFailure};
