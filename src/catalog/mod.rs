//! What the spec says: every documented code, and the vocabulary its tables are written
//! in.
//!
//! - The tables, one enum each, in the modules named after them at the crate's root
//!   ([`qq`](crate::qq), [`oidb`](crate::oidb), ...): every row of the spec is a variant
//!   whose [`CodeInfo`] carries the description and recommended handling verbatim, our
//!   English for both, a normalised [`Action`] and the [`ErrType`] the client should act
//!   on. [`ErrorCode`] is the trait they all implement.
//! - [`Layer`] names a table; [`MsdkCode`] is a documented code of any table and
//!   [`catalog()`] walks all 308; [`Code`] holds any code of any layer, documented or
//!   not, without loss; [`LogicRange`] is the blocks of numbers the logic table's range
//!   rows open.
//! - [`Api`] is the call a response came from, which decides the table read first.
//! - [`Decision`] and [`Backoff`] are what to do next, from a row's handling and
//!   `err_type`; [`Decision`]'s docs hold the rules.
//! - [`ExportRow`] is a code as data: the catalog's export, and an override file's row.
//!
//! # The tables
//!
//! The same number means different things in different tables (`-10002`, `-1`,
//! `100000`, `-101` ...), so each table is its own enum, in a module named after it:
//!
//! | module | enum | [`Layer`] | spec table | codes |
//! |---|---|---|---|---|
//! | [`access`](crate::access) | [`AccessCode`](crate::AccessCode) | `Access` | §2 MSDK接入层错误码 | 24 |
//! | [`logic`](crate::logic) | [`LogicCode`](crate::LogicCode) | `Logic` | §3 MSDK逻辑层错误码 | 44 (2 of 2016) |
//! | [`qq`](crate::qq) | [`QqPlatformCode`](crate::QqPlatformCode) | `QqPlatform` | §4 手Q平台错误码 | 40 |
//! | [`wechat`](crate::wechat) | [`WechatPlatformCode`](crate::WechatPlatformCode) | `WechatPlatform` | §5 微信平台错误码 | 32 |
//! | [`wechat`](crate::wechat) | [`WechatGroupCode`](crate::WechatGroupCode) | `WechatGroup` | §5 微信加绑群错误码 | 9 |
//! | [`game_center`](crate::game_center) | [`GameCenterCode`](crate::GameCenterCode) | `GameCenter` | §6 手Q游戏中心错误码 | 39 |
//! | [`share`](crate::share) | [`QzoneShareCode`](crate::QzoneShareCode) | `QzoneShare` | §7 分享到QZone /share/qzone | 10 |
//! | [`share`](crate::share) | [`QqShareCode`](crate::QqShareCode) | `QqShare` | §7 分享到QQ /share/qq | 32 |
//! | [`blue_diamond`](crate::blue_diamond) | [`BlueDiamondCode`](crate::BlueDiamondCode) | `BlueDiamond` | §8 手Q蓝钻礼包错误码 | 10 |
//! | [`oidb`](crate::oidb) | [`OidbCode`](crate::OidbCode) | `Oidb` | §9.1 OIDB统一返回错误码 (2016) | 29 |
//! | [`oidb`](crate::oidb) | [`PayTokenCode`](crate::PayTokenCode) | `PayToken` | §9.2 手Q登陆接口PayToken校验(0x73a) (2016) | 13 |
//! | [`oidb`](crate::oidb) | [`AccessTokenCode`](crate::AccessTokenCode) | `AccessToken` | §9.3 手Q登陆接口accessToken校验(0x711) (2016) | 26 |
//!
//! Every enum implements [`ErrorCode`] for generic code, converts to and from `i32`
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

mod action;
mod api;
mod code;
mod decision;
mod err_type;
mod export;
mod layer;
mod msdk_code;
pub(crate) mod names;
mod range;
pub(crate) mod row;
pub(crate) mod tables;

pub use action::Action;
pub use api::{Api, UnknownApi};
pub use code::{Code, InvalidCode};
pub use decision::{Backoff, Decision};
#[doc(hidden)]
pub use err_type::InvalidErrType;
pub use err_type::{ErrType, UnknownErrType};
pub use export::ExportRow;
pub use layer::Layer;
pub use msdk_code::{MsdkCode, catalog};
pub use names::UnknownName;
pub use range::LogicRange;
pub use row::{CodeInfo, ErrorCode, UnknownCode};
