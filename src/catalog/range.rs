//! [`LogicRange`]: the blocks of numbers the logic table's range rows open.

use core::ops::RangeInclusive;

use super::ErrType;
use super::tables::logic::LogicCode;

/// The ranges of the logic table (§3): the range rows `-100`, `-1000`, `-2000`,
/// `-10000`, `-15000`, `-20000` and `-30000` say which kind of error each block of
/// numbers is.
///
/// The 2016 revision's row `-15000` (-15000~-19999为手Q平台OIDB相关的业务错误) lies
/// inside the first revision's QQ business range (`-10000以上`): the newer page wins for
/// that sub-range, so [`QqBusiness`](LogicRange::QqBusiness) is `-10000..=-14999` and
/// [`Oidb`](LogicRange::Oidb) `-15000..=-19999`.
///
/// ```
/// use msdk_error_codes::{LogicCode, LogicRange};
///
/// assert_eq!(LogicRange::of(-2999), Some(LogicRange::Server));
/// assert_eq!(LogicRange::of(-99), None);
/// assert_eq!(LogicRange::of(i32::MIN), Some(LogicRange::Lbs));
/// assert_eq!(LogicRange::Server.marker().code(), -2000);
/// assert_eq!(*LogicRange::Client.codes().start(), -1999);
/// ```
///
/// Serialises as its [`as_str`](LogicRange::as_str) name. `#[non_exhaustive]`: the
/// 2016 revision added [`Oidb`](LogicRange::Oidb).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum LogicRange {
    /// `-100..=-999`: system errors (-100到-999为系统级错误).
    System,
    /// `-1000..=-1999`: errors returned by the client (-1000到-1999为客户端返回的错误).
    Client,
    /// `-2000..=-9999`: errors returned by the server (-2000~-9999以下为服务器返回的错误).
    Server,
    /// `-10000..=-14999`: QQ business errors (-10000以上为业务本身的错误; the OIDB range
    /// of the 2016 revision takes the rest of the first revision's block).
    QqBusiness,
    /// `-15000..=-19999`: QQ OIDB business errors, with the OIDB result in `msg` as
    /// `ret:N` (-15000~-19999为手Q平台OIDB相关的业务错误). 2016 revision.
    Oidb,
    /// `-20000..=-29999`: WeChat business errors (-20000以上为微信业务错误).
    WechatBusiness,
    /// `-30000` and below: LBS (location) errors (-30000及以上为LBS错误).
    Lbs,
}

impl LogicRange {
    /// Every range, from -100 downwards.
    pub const ALL: [LogicRange; 7] = [
        LogicRange::System,
        LogicRange::Client,
        LogicRange::Server,
        LogicRange::QqBusiness,
        LogicRange::Oidb,
        LogicRange::WechatBusiness,
        LogicRange::Lbs,
    ];

    /// The range `code` falls in; `None` for codes above `-100` (including every
    /// positive number).
    pub const fn of(code: i32) -> Option<LogicRange> {
        match code {
            -999..=-100 => Some(LogicRange::System),
            -1999..=-1000 => Some(LogicRange::Client),
            -9999..=-2000 => Some(LogicRange::Server),
            -14999..=-10000 => Some(LogicRange::QqBusiness),
            -19999..=-15000 => Some(LogicRange::Oidb),
            -29999..=-20000 => Some(LogicRange::WechatBusiness),
            i32::MIN..=-30000 => Some(LogicRange::Lbs),
            _ => None,
        }
    }

    /// The numbers in the range.
    pub const fn codes(self) -> RangeInclusive<i32> {
        match self {
            LogicRange::System => -999..=-100,
            LogicRange::Client => -1999..=-1000,
            LogicRange::Server => -9999..=-2000,
            LogicRange::QqBusiness => -14999..=-10000,
            LogicRange::Oidb => -19999..=-15000,
            LogicRange::WechatBusiness => -29999..=-20000,
            LogicRange::Lbs => i32::MIN..=-30000,
        }
    }

    /// The range row of the logic table that introduces the range.
    pub const fn marker(self) -> LogicCode {
        match self {
            LogicRange::System => LogicCode::SystemErrorRange,
            LogicRange::Client => LogicCode::ClientErrorRange,
            LogicRange::Server => LogicCode::ServerErrorRange,
            LogicRange::QqBusiness => LogicCode::QqPlatformError,
            LogicRange::Oidb => LogicCode::OidbErrorRange,
            LogicRange::WechatBusiness => LogicCode::WechatPlatformError,
            LogicRange::Lbs => LogicCode::LbsErrorRange,
        }
    }

    /// The `err_type` of an undocumented code in the range: `NetworkUnstable` for the
    /// system and server ranges (every documented code there says to retry),
    /// `Unknown` for the others.
    pub const fn undocumented_err_type(self) -> ErrType {
        match self {
            LogicRange::System | LogicRange::Server => ErrType::NetworkUnstable,
            _ => ErrType::Unknown,
        }
    }

    /// The stable machine name (`"server"`, `"qq_business"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            LogicRange::System => "system",
            LogicRange::Client => "client",
            LogicRange::Server => "server",
            LogicRange::QqBusiness => "qq_business",
            LogicRange::Oidb => "oidb",
            LogicRange::WechatBusiness => "wechat_business",
            LogicRange::Lbs => "lbs",
        }
    }

    /// The metric label of an undocumented logic code in the range:
    /// `logic.undocumented.<range>`.
    pub const fn undocumented_label(self) -> &'static str {
        match self {
            LogicRange::System => "logic.undocumented.system",
            LogicRange::Client => "logic.undocumented.client",
            LogicRange::Server => "logic.undocumented.server",
            LogicRange::QqBusiness => "logic.undocumented.qq_business",
            LogicRange::Oidb => "logic.undocumented.oidb",
            LogicRange::WechatBusiness => "logic.undocumented.wechat_business",
            LogicRange::Lbs => "logic.undocumented.lbs",
        }
    }

    /// The range in English.
    pub const fn description(self) -> &'static str {
        match self {
            LogicRange::System => "system error",
            LogicRange::Client => "error returned by the client",
            LogicRange::Server => "error returned by the server",
            LogicRange::QqBusiness => "QQ business error",
            LogicRange::Oidb => "QQ OIDB business error",
            LogicRange::WechatBusiness => "WeChat business error",
            LogicRange::Lbs => "LBS (location) error",
        }
    }
}

/// The stable name ([`as_str`](LogicRange::as_str)).
impl core::fmt::Display for LogicRange {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.as_str())
    }
}

super::names::stable_names!(LogicRange, "logic range");
