//! Typed error codes for Tencent's MSDK Server.
//!
//! MSDK Server answers every call with `{"ret": ..., "msg": ..., "err_type": ...}`. Its
//! error codes are documented in one Chinese wiki page with nine tables; this crate
//! turns that page into types. Every documented code is a variant of its table's enum
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
//! | [`logic`] | [`LogicCode`] | `Logic` | §3 MSDK逻辑层错误码 | 42 |
//! | [`qq`] | [`QqPlatformCode`] | `QqPlatform` | §4 手Q平台错误码 | 40 |
//! | [`wechat`] | [`WechatPlatformCode`] | `WechatPlatform` | §5 微信平台错误码 | 32 |
//! | [`wechat`] | [`WechatGroupCode`] | `WechatGroup` | §5 微信加绑群错误码 | 9 |
//! | [`game_center`] | [`GameCenterCode`] | `GameCenter` | §6 手Q游戏中心错误码 | 39 |
//! | [`share`] | [`QzoneShareCode`] | `QzoneShare` | §7 分享到QZone /share/qzone | 10 |
//! | [`share`] | [`QqShareCode`] | `QqShare` | §7 分享到QQ /share/qq | 32 |
//! | [`blue_diamond`] | [`BlueDiamondCode`] | `BlueDiamond` | §8 手Q蓝钻礼包错误码 | 10 |
//!
//! [`MsdkCode`] wraps a code of any table and [`catalog()`] walks all 238. Every enum
//! implements [`ErrorCode`] for generic code, converts to and from `i32`
//! (`From`/`TryFrom`, `PartialEq<i32>`), parses its variant names (`FromStr`, via
//! strum), prints its layer, number and English description (`Display`) and
//! (de)serialises as the integer code.
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

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod classify;
mod common;
mod error;
mod msdk_code;
mod response;
mod table;

pub mod access;
pub mod blue_diamond;
pub mod game_center;
pub mod logic;
pub mod qq;
pub mod share;
pub mod wechat;

pub use access::AccessCode;
pub use blue_diamond::BlueDiamondCode;
pub use classify::{
    Api, Classification, LogicRange, PASSTHROUGH_PREFIX_LIMIT, UnknownApi, classify, classify_for,
    parse_passthrough,
};
pub use common::{Action, CodeInfo, ErrType, ErrorCode, InvalidErrType, Layer, UnknownCode};
pub use error::{MsdkError, ParseError};
pub use game_center::GameCenterCode;
pub use logic::LogicCode;
pub use msdk_code::{MsdkCode, catalog};
pub use qq::QqPlatformCode;
pub use response::MsdkResponse;
pub use share::{QqShareCode, QzoneShareCode};
pub use wechat::{WechatGroupCode, WechatPlatformCode};
