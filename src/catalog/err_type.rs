//! [`ErrType`]: MSDK's own `err_type` field, and [`UnknownErrType`], an integer that is
//! none of its values.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::UnknownName;

/// What the client must do to recover: the MSDK access layer's own `err_type` field
/// (spec §1, point 6).
///
/// Every catalog entry carries one, derived from its 推荐处理 by the rule in the
/// [crate docs](crate#the-err_type-rule). Serialises as the integer the wire carries;
/// its name is [`as_str`](Self::as_str), and `FromStr` reads the integer, the name or
/// what `Display` prints.
///
/// `ErrType` is exhaustive, unlike [`Layer`](super::Layer) and [`Action`](super::Action): it is MSDK's wire protocol,
/// whose five values a client must handle, and a value MSDK does not define stays
/// readable as sent ([`server_err_type_raw`](crate::Classification::server_err_type_raw)).
///
/// ```
/// use msdk_error_codes::ErrType;
///
/// assert_eq!(i32::from(ErrType::RefreshToken), 3);
/// assert_eq!(ErrType::try_from(2), Ok(ErrType::Reauthorize));
/// assert!(ErrType::try_from(4).is_err()); // 4 is not defined by MSDK
/// assert_eq!(ErrType::NetworkUnstable.description_zh(), "网络不稳定，请稍后再试");
/// assert_eq!("network_unstable".parse::<ErrType>(), Ok(ErrType::NetworkUnstable));
/// assert_eq!("1".parse::<ErrType>(), Ok(ErrType::NetworkUnstable));
/// assert_eq!(ErrType::NetworkUnstable.to_string().parse::<ErrType>(), Ok(ErrType::NetworkUnstable));
/// ```
#[derive(
    Copy,
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::EnumIter,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[repr(u8)]
pub enum ErrType {
    /// `0` 正常: nothing went wrong, or nothing needs handling.
    Normal = 0,
    /// `1` 网络不稳定，请稍后再试: transient; retry later (or slow down).
    NetworkUnstable = 1,
    /// `2` 重新授权: the user must authorize (log in) again.
    Reauthorize = 2,
    /// `3` 用refreshToken刷新acessToken: refresh the access token with the refresh token.
    RefreshToken = 3,
    /// `5` 未知错误: no automatic recovery; fix the request, check the configuration
    /// or contact support.
    Unknown = 5,
}

impl ErrType {
    /// Every value MSDK defines, in numeric order.
    pub const ALL: [ErrType; 5] = [
        ErrType::Normal,
        ErrType::NetworkUnstable,
        ErrType::Reauthorize,
        ErrType::RefreshToken,
        ErrType::Unknown,
    ];

    /// The wire value.
    pub const fn code(self) -> i32 {
        self as i32
    }

    /// The value for a wire integer, `None` for integers MSDK does not define (4, 6, ...).
    pub const fn from_code(code: i32) -> Option<ErrType> {
        match code {
            0 => Some(ErrType::Normal),
            1 => Some(ErrType::NetworkUnstable),
            2 => Some(ErrType::Reauthorize),
            3 => Some(ErrType::RefreshToken),
            5 => Some(ErrType::Unknown),
            _ => None,
        }
    }

    /// The meaning MSDK gives the value, verbatim from spec §1 point 6
    /// (including its `acessToken` typo).
    pub const fn description_zh(self) -> &'static str {
        match self {
            ErrType::Normal => "正常",
            ErrType::NetworkUnstable => "网络不稳定，请稍后再试",
            ErrType::Reauthorize => "重新授权",
            ErrType::RefreshToken => "用refreshToken刷新acessToken",
            ErrType::Unknown => "未知错误",
        }
    }

    /// The meaning in English.
    pub const fn description(self) -> &'static str {
        match self {
            ErrType::Normal => "normal: nothing to recover from",
            ErrType::NetworkUnstable => "network unstable: try again later",
            ErrType::Reauthorize => "re-authorize: the user must log in again",
            ErrType::RefreshToken => "refresh the access token with the refresh token",
            ErrType::Unknown => "unknown error: no automatic recovery",
        }
    }

    /// The stable machine name (`"network_unstable"`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl From<ErrType> for i32 {
    fn from(value: ErrType) -> i32 {
        value.code()
    }
}

impl TryFrom<i32> for ErrType {
    type Error = UnknownErrType;

    fn try_from(value: i32) -> Result<Self, Self::Error> {
        ErrType::from_code(value).ok_or(UnknownErrType(value))
    }
}

impl fmt::Display for ErrType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code(), self.description())
    }
}

/// Reads the wire integer (`"1"`), the name (`"network_unstable"`, ASCII case ignored)
/// or what `Display` prints (`"1 (network unstable: try again later)"`).
impl core::str::FromStr for ErrType {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = s.split_once(" (").map_or(s, |(number, _)| number);
        // The integer by the crate's rule for decimal text (no `-0`, no spaces), as the
        // wire reads an err_type string.
        crate::decimal::strict_i32(number)
            .and_then(ErrType::from_code)
            .filter(|e| number.len() == s.len() || *s == e.to_string())
            .or_else(|| {
                ErrType::ALL
                    .into_iter()
                    .find(|e| e.as_str().eq_ignore_ascii_case(s))
            })
            .ok_or_else(|| {
                UnknownName::new(
                    s,
                    "err_type",
                    ["0", "1", "2", "3", "5"]
                        .into_iter()
                        .chain(ErrType::ALL.iter().map(|e| e.as_str())),
                )
            })
    }
}

impl Serialize for ErrType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(self.code())
    }
}

impl<'de> Deserialize<'de> for ErrType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = i32::deserialize(deserializer)?;
        ErrType::try_from(raw).map_err(serde::de::Error::custom)
    }
}

/// An integer that is not one of MSDK's `err_type` values (0, 1, 2, 3, 5): the error of
/// `ErrType::try_from(i32)` and of deserializing such an integer.
///
/// `Unknown*` by [the crate's rule for naming errors](crate#errors): the integer is
/// well formed, and names nothing. It was `InvalidErrType` in 0.1, which stays as an
/// alias.
///
/// ```
/// use msdk_error_codes::ErrType;
///
/// let err = ErrType::try_from(4).unwrap_err();
/// assert_eq!(err.value(), 4);
/// assert_eq!(err.to_string(), "4 is not an MSDK err_type (expected 0, 1, 2, 3 or 5)");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{0} is not an MSDK err_type (expected 0, 1, 2, 3 or 5)")]
pub struct UnknownErrType(i32);

/// The 0.1 name of [`UnknownErrType`].
#[doc(hidden)]
pub type InvalidErrType = UnknownErrType;

impl UnknownErrType {
    /// The rejected integer, unchanged.
    pub const fn value(self) -> i32 {
        self.0
    }
}
