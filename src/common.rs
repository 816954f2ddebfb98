//! The types every table shares: [`Layer`], [`ErrType`], [`Action`], [`CodeInfo`],
//! the [`ErrorCode`] trait and the [`UnknownCode`] error.

use core::fmt;
use core::hash::Hash;

use serde::{Deserialize, Serialize};

/// The tables of the spec: which table (and so which enum) a code belongs to. Nine are
/// in the page of 2015-10; the revision of 2016-03-30 adds the three OIDB tables of §9.
///
/// The same number means different things in different tables (`-1` is in four of
/// them), so a code is only meaningful together with its layer.
///
/// ```
/// use msdk_error_codes::Layer;
///
/// assert_eq!(Layer::QqPlatform.to_string(), "QQ platform");
/// assert_eq!(Layer::QqPlatform.as_str(), "qq_platform");
/// assert_eq!("qq_platform".parse::<Layer>(), Ok(Layer::QqPlatform));
/// assert_eq!("QQ platform".parse::<Layer>(), Ok(Layer::QqPlatform)); // what Display prints
/// assert_eq!(serde_json::to_string(&Layer::QqPlatform).unwrap(), r#""qq_platform""#);
/// assert_eq!(Layer::QqPlatform.title_zh(), "手Q平台错误码");
/// assert_eq!(Layer::ALL.len(), 12);
/// ```
///
/// `Layer` is `#[non_exhaustive]`: it grew from nine to twelve with the page's 2016
/// revision, and a table the crate adds later must not break a `match` downstream. (The
/// table enums themselves are closed: each is one table of a published page.)
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
#[non_exhaustive]
pub enum Layer {
    /// §2 MSDK接入层错误码: the MSDK access layer, which answers every call ([`AccessCode`](crate::AccessCode)).
    Access,
    /// §3 MSDK逻辑层错误码: the MSDK logic layer behind it ([`LogicCode`](crate::LogicCode)).
    Logic,
    /// §4 手Q平台错误码: the QQ platform, tunnelled as `ret -10000` ([`QqPlatformCode`](crate::QqPlatformCode)).
    QqPlatform,
    /// §5 微信平台错误码: the WeChat platform, tunnelled as `ret -20000` ([`WechatPlatformCode`](crate::WechatPlatformCode)).
    WechatPlatform,
    /// §5 微信加绑群错误码: WeChat group binding ([`WechatGroupCode`](crate::WechatGroupCode)).
    WechatGroup,
    /// §6 手Q游戏中心错误码: the QQ game center ([`GameCenterCode`](crate::GameCenterCode)).
    GameCenter,
    /// §7 分享到QZone /share/qzone ([`QzoneShareCode`](crate::QzoneShareCode)).
    QzoneShare,
    /// §7 分享到QQ /share/qq ([`QqShareCode`](crate::QqShareCode)).
    QqShare,
    /// §8 手Q蓝钻礼包错误码: QQ blue-diamond gift packs ([`BlueDiamondCode`](crate::BlueDiamondCode)).
    BlueDiamond,
    /// §9.1 OIDB统一返回错误码: QQ's OIDB back end, tunnelled as `ret -15000..=-19999`
    /// with `ret:N` in `msg` ([`OidbCode`](crate::OidbCode)). 2016 revision.
    Oidb,
    /// §9.2 手Q登陆接口PayToken校验(0x73a): the QQ login's pay token check, OIDB command
    /// `0x73a` ([`PayTokenCode`](crate::PayTokenCode)). 2016 revision.
    PayToken,
    /// §9.3 手Q登陆接口accessToken校验(0x711): the QQ login's access token check, OIDB
    /// command `0x711` ([`AccessTokenCode`](crate::AccessTokenCode)). 2016 revision.
    AccessToken,
}

impl Layer {
    /// Every layer, in the spec's order.
    pub const ALL: [Layer; 12] = [
        Layer::Access,
        Layer::Logic,
        Layer::QqPlatform,
        Layer::WechatPlatform,
        Layer::WechatGroup,
        Layer::GameCenter,
        Layer::QzoneShare,
        Layer::QqShare,
        Layer::BlueDiamond,
        Layer::Oidb,
        Layer::PayToken,
        Layer::AccessToken,
    ];

    /// The stable machine name (`snake_case`), as used by serde, [`FromStr`](core::str::FromStr)
    /// and msdk-explain's JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// A short English name for people, as [`Display`](fmt::Display) prints it.
    pub const fn name_en(self) -> &'static str {
        match self {
            Layer::Access => "access layer",
            Layer::Logic => "logic layer",
            Layer::QqPlatform => "QQ platform",
            Layer::WechatPlatform => "WeChat platform",
            Layer::WechatGroup => "WeChat group binding",
            Layer::GameCenter => "QQ game center",
            Layer::QzoneShare => "QZone share",
            Layer::QqShare => "QQ share",
            Layer::BlueDiamond => "QQ blue-diamond gifts",
            Layer::Oidb => "QQ OIDB",
            Layer::PayToken => "QQ pay token check",
            Layer::AccessToken => "QQ access token check",
        }
    }

    /// The name of the layer's enum (`"QqPlatformCode"`).
    pub const fn enum_name(self) -> &'static str {
        match self {
            Layer::Access => "AccessCode",
            Layer::Logic => "LogicCode",
            Layer::QqPlatform => "QqPlatformCode",
            Layer::WechatPlatform => "WechatPlatformCode",
            Layer::WechatGroup => "WechatGroupCode",
            Layer::GameCenter => "GameCenterCode",
            Layer::QzoneShare => "QzoneShareCode",
            Layer::QqShare => "QqShareCode",
            Layer::BlueDiamond => "BlueDiamondCode",
            Layer::Oidb => "OidbCode",
            Layer::PayToken => "PayTokenCode",
            Layer::AccessToken => "AccessTokenCode",
        }
    }

    /// The metric label shared by every code of the layer that the catalogue does not
    /// document: `<layer>.undocumented` (the logic layer has one per
    /// [`LogicRange`](crate::LogicRange) instead, see
    /// [`LogicRange::undocumented_label`](crate::LogicRange::undocumented_label)).
    pub const fn undocumented_label(self) -> &'static str {
        match self {
            Layer::Access => "access.undocumented",
            Layer::Logic => "logic.undocumented",
            Layer::QqPlatform => "qq_platform.undocumented",
            Layer::WechatPlatform => "wechat_platform.undocumented",
            Layer::WechatGroup => "wechat_group.undocumented",
            Layer::GameCenter => "game_center.undocumented",
            Layer::QzoneShare => "qzone_share.undocumented",
            Layer::QqShare => "qq_share.undocumented",
            Layer::BlueDiamond => "blue_diamond.undocumented",
            Layer::Oidb => "oidb.undocumented",
            Layer::PayToken => "pay_token.undocumented",
            Layer::AccessToken => "access_token.undocumented",
        }
    }

    /// The table's heading in the spec, verbatim (for §9, the table's own heading, not
    /// the section's).
    pub const fn title_zh(self) -> &'static str {
        match self {
            Layer::Access => "MSDK接入层错误码",
            Layer::Logic => "MSDK逻辑层错误码",
            Layer::QqPlatform => "手Q平台错误码",
            Layer::WechatPlatform => "微信平台错误码",
            Layer::WechatGroup => "微信加绑群错误码",
            Layer::GameCenter => "手Q游戏中心错误码",
            Layer::QzoneShare => "分享到QZone /share/qzone",
            Layer::QqShare => "分享到QQ /share/qq",
            Layer::BlueDiamond => "手Q蓝钻礼包错误码",
            Layer::Oidb => "OIDB统一返回错误码",
            Layer::PayToken => "手Q登陆接口PayToken校验(0x73a)返回错误码",
            Layer::AccessToken => "手Q登陆接口accessToken校验(0x711)返回错误码",
        }
    }

    /// The spec section the table is in (`"§4"`).
    pub const fn section(self) -> &'static str {
        match self {
            Layer::Access => "§2",
            Layer::Logic => "§3",
            Layer::QqPlatform => "§4",
            Layer::WechatPlatform | Layer::WechatGroup => "§5",
            Layer::GameCenter => "§6",
            Layer::QzoneShare | Layer::QqShare => "§7",
            Layer::BlueDiamond => "§8",
            Layer::Oidb => "§9.1",
            Layer::PayToken => "§9.2",
            Layer::AccessToken => "§9.3",
        }
    }
}

/// The English name for people ([`name_en`](Layer::name_en)); `FromStr` reads it back.
impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name_en())
    }
}

crate::names::stable_names!(Layer, "layer", also Layer::name_en);

/// What the client must do to recover: the MSDK access layer's own `err_type` field
/// (spec §1, point 6).
///
/// Every catalogue entry carries one, derived from its 推荐处理 by the rule in the
/// [crate docs](crate#the-err_type-rule). Serialises as the integer the wire carries;
/// its name is [`as_str`](Self::as_str), and `FromStr` reads the integer, the name or
/// what `Display` prints.
///
/// `ErrType` is exhaustive, unlike [`Layer`] and [`Action`]: it is MSDK's wire protocol,
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
    type Error = InvalidErrType;

    fn try_from(value: i32) -> Result<Self, Self::Error> {
        ErrType::from_code(value).ok_or(InvalidErrType(value))
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
    type Err = crate::UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = s.split_once(" (").map_or(s, |(number, _)| number);
        // The integer by the wire's rule for err_type strings (no `-0`, no spaces).
        crate::wire::int_from_str::<serde_json::Error>(
            number,
            &crate::wire::IntExpected("err_type"),
        )
        .ok()
        .and_then(ErrType::from_code)
        .filter(|e| number.len() == s.len() || *s == e.to_string())
        .or_else(|| {
            ErrType::ALL
                .into_iter()
                .find(|e| e.as_str().eq_ignore_ascii_case(s))
        })
        .ok_or_else(|| {
            crate::UnknownName::new(
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

/// An integer that is not one of MSDK's `err_type` values (0, 1, 2, 3, 5).
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
pub struct InvalidErrType(i32);

impl InvalidErrType {
    /// The rejected integer, unchanged.
    pub const fn value(self) -> i32 {
        self.0
    }
}

/// The recommended handling (推荐处理) of a code, normalised so that code can `match`
/// on it instead of reading Chinese.
///
/// [`ErrType`] is the coarse recovery class MSDK itself defines; `Action` is finer and
/// says what a person or program should actually do. Each catalogue row states its
/// action; where the spec gives no handling ("-" or an empty cell) the row's rustdoc
/// says how the action was chosen.
///
/// ```
/// use msdk_error_codes::{Action, QqPlatformCode};
///
/// match QqPlatformCode::TokenInvalidatedByPasswordChange.action() {
///     Action::Reauthorize => { /* send the player back to the QQ login */ }
///     Action::Retry | Action::RetryLater | Action::SlowDown => { /* back off and retry */ }
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
///
/// `Action` is `#[non_exhaustive]`: a finer reading of the spec may add actions.
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
#[non_exhaustive]
pub enum Action {
    /// Nothing to do: success, or the spec says the code needs no handling
    /// (不需要处理, 不用处理, 不用理会, 正常返回).
    NoAction,
    /// Retry the call once (重试一次); if it keeps failing, contact MSDK support.
    Retry,
    /// The service is busy or the resource is temporarily unavailable: try again later
    /// (稍后重试, 稍后再来), not immediately.
    RetryLater,
    /// Too many calls: lower the request rate (降低频率, 限制访问频率, 频率超限).
    SlowDown,
    /// The user's authorization is gone: send them through QQ/WeChat login again
    /// (重新授权, 重新拉起授权).
    Reauthorize,
    /// The access token expired: refresh it with the refresh token, and re-authorize if
    /// that fails (刷新token).
    RefreshToken,
    /// The request itself is wrong (missing or invalid parameters, wrong appid/openid,
    /// bad signature, wrong format or protocol): fix the calling code.
    FixRequest,
    /// The app's registration is incomplete: permissions, review status, IP allow-list
    /// or platform configuration. Check the app's settings, usually with MSDK support.
    CheckConfiguration,
    /// Only MSDK support can resolve it (企业QQ 800013811).
    ContactSupport,
    /// An expected business outcome (a daily limit reached, a user who refused, a player
    /// not on the whitelist): tell the user; retrying will not help.
    InformUser,
    /// A range marker whose real cause is in `msg` (请参看msg中具体错误描述): read the
    /// platform's message.
    ReadMessage,
    /// The spec gives no handling and the description does not imply one; also used for
    /// codes the catalogue does not document.
    Unspecified,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: [Action; 12] = [
        Action::NoAction,
        Action::Retry,
        Action::RetryLater,
        Action::SlowDown,
        Action::Reauthorize,
        Action::RefreshToken,
        Action::FixRequest,
        Action::CheckConfiguration,
        Action::ContactSupport,
        Action::InformUser,
        Action::ReadMessage,
        Action::Unspecified,
    ];

    /// What to do, in one English sentence.
    ///
    /// ```
    /// use msdk_error_codes::Action;
    ///
    /// assert_eq!(Action::SlowDown.description(), "Lower the request rate, then try again.");
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Action::NoAction => "Nothing to do.",
            Action::Retry => "Retry once; if it keeps failing, contact MSDK support.",
            Action::RetryLater => "Try again later, not immediately.",
            Action::SlowDown => "Lower the request rate, then try again.",
            Action::Reauthorize => "Send the user through QQ/WeChat authorization again.",
            Action::RefreshToken => {
                "Refresh the access token with the refresh token; re-authorize if that fails."
            }
            Action::FixRequest => "Fix the request: its parameters, format or signature.",
            Action::CheckConfiguration => {
                "Check the app's registration: permissions, review status, IP allow-list."
            }
            Action::ContactSupport => "Contact MSDK support (enterprise QQ 800013811).",
            Action::InformUser => "Tell the user; retrying will not help.",
            Action::ReadMessage => "Read the platform's message in `msg` for the real cause.",
            Action::Unspecified => "No handling is documented.",
        }
    }

    /// The stable machine name (`"slow_down"`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The action implied by a bare `err_type`, for codes the catalogue does not document
    /// and for a server `err_type` that overrides the catalogue. `NetworkUnstable` is
    /// [`RetryLater`](Action::RetryLater): the spec's words for it are
    /// 网络不稳定，请稍后再试 (try again later).
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType};
    ///
    /// assert_eq!(Action::for_err_type(ErrType::RefreshToken), Action::RefreshToken);
    /// assert_eq!(Action::for_err_type(ErrType::NetworkUnstable), Action::RetryLater);
    /// assert_eq!(Action::for_err_type(ErrType::Unknown), Action::Unspecified);
    /// ```
    pub const fn for_err_type(err_type: ErrType) -> Action {
        match err_type {
            ErrType::Normal => Action::NoAction,
            ErrType::NetworkUnstable => Action::RetryLater,
            ErrType::Reauthorize => Action::Reauthorize,
            ErrType::RefreshToken => Action::RefreshToken,
            ErrType::Unknown => Action::Unspecified,
        }
    }
}

/// The stable name ([`as_str`](Action::as_str)).
impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

crate::names::stable_names!(Action, "action");

/// Everything the catalogue knows about one code: one row of the spec plus our
/// English, its [`ErrType`] and its [`Action`].
///
/// Each table's `info()` returns a `&'static CodeInfo`; the other accessors read it.
///
/// ```
/// use msdk_error_codes::{Action, ErrType, Layer, QqPlatformCode};
///
/// let info = QqPlatformCode::TokenInvalidatedByPasswordChange.info();
/// assert_eq!(info.layer, Layer::QqPlatform);
/// assert_eq!(info.code, -73);
/// assert_eq!(info.name, "TokenInvalidatedByPasswordChange");
/// assert_eq!(info.description, "0x47 access token改密失效");
/// assert_eq!(info.recommendation, "重新授权");
/// assert_eq!(info.err_type, ErrType::Reauthorize);
/// assert_eq!(info.action, Action::Reauthorize);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The table the code is in.
    pub layer: Layer,
    /// The number, as on the wire.
    pub code: i32,
    /// The Rust variant name (`"TokenInvalidatedByPasswordChange"`).
    pub name: &'static str,
    /// 错误描述, verbatim from the spec (tabs and runs of spaces folded, ends trimmed).
    pub description: &'static str,
    /// 推荐处理, verbatim the same way; may be empty or `"-"`.
    pub recommendation: &'static str,
    /// The description in English.
    pub description_en: &'static str,
    /// The recommended handling in English.
    pub recommendation_en: &'static str,
    /// What the client must do to recover.
    pub err_type: ErrType,
    /// The handling, normalised.
    pub action: Action,
    /// For a range row (the accessToken table's `0x10~0x11`), the last number of the
    /// range; [`code`](Self::code) is the first.
    pub range_end: Option<i32>,
    /// For an OIDB row, the unsigned decimal form the spec gives beside the signed
    /// [`code`](Self::code) (`255` for `-1`), when the two differ.
    pub unsigned: Option<i32>,
    /// The metric label: `<layer>.<code>`, lowercase (`qq_platform.-73`); see
    /// [`Classification::label`](crate::Classification::label).
    pub label: &'static str,
    /// The code as an [`MsdkCode`](crate::MsdkCode), so that a row found by number needs no
    /// second lookup.
    #[serde(skip)]
    pub(crate) id: crate::MsdkCode,
}

impl CodeInfo {
    /// Whether the row documents `number`: its code, any number of its range, or its
    /// unsigned form.
    ///
    /// ```
    /// use msdk_error_codes::{AccessTokenCode, OidbCode};
    ///
    /// let appid = AccessTokenCode::from_code(0x11).unwrap().info();
    /// assert_eq!((appid.code, appid.range_end), (0x10, Some(0x11)));
    /// assert!(appid.covers(0x10) && appid.covers(0x11) && !appid.covers(0x12));
    /// let addressing = OidbCode::from_code(255).unwrap().info();
    /// assert_eq!((addressing.code, addressing.unsigned), (-1, Some(255)));
    /// assert!(addressing.covers(-1) && addressing.covers(255));
    /// ```
    pub const fn covers(&self, number: i32) -> bool {
        let in_range = match self.range_end {
            Some(end) => self.code <= number && number <= end,
            None => number == self.code,
        };
        let unsigned = match self.unsigned {
            Some(unsigned) => number == unsigned,
            None => false,
        };
        in_range || unsigned
    }
}

/// A number that a stored row cannot hold exactly: undocumented, or covered by a row
/// whose own number differs (a range row, an OIDB row's unsigned form).
#[derive(Debug)]
pub(crate) struct NotARow {
    layer: Layer,
    code: i32,
    row: Option<&'static CodeInfo>,
}

impl NotARow {
    pub(crate) const fn new(layer: Layer, code: i32, row: Option<&'static CodeInfo>) -> Self {
        NotARow { layer, code, row }
    }
}

impl fmt::Display for NotARow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            None => fmt::Display::fmt(&UnknownCode::new(self.layer, self.code), f),
            Some(row) => write!(
                f,
                "{} is covered by the MSDK {} row {} ({}), which is stored as {}: keep the number itself to keep {}",
                self.code, self.layer, row.name, row.code, row.code, self.code
            ),
        }
    }
}

/// A table of codes: implemented by each of the twelve enums so that generic code can
/// walk any table.
///
/// The enums also have inherent `const fn`s of the same names; this trait exists for
/// code that is generic over the table.
///
/// ```
/// use msdk_error_codes::{BlueDiamondCode, ErrType, ErrorCode, QqShareCode};
///
/// fn retryable<T: ErrorCode>() -> usize {
///     T::all().iter().filter(|c| c.err_type() == ErrType::NetworkUnstable).count()
/// }
///
/// assert_eq!(retryable::<BlueDiamondCode>(), 8);
/// assert!(retryable::<QqShareCode>() > 0);
/// ```
pub trait ErrorCode:
    Copy
    + Eq
    + Hash
    + fmt::Debug
    + fmt::Display
    + Into<i32>
    + Into<crate::MsdkCode>
    + TryFrom<i32, Error = UnknownCode>
    + core::str::FromStr<Err = crate::UnknownName>
    + Into<&'static str>
    + Send
    + Sync
    + 'static
{
    /// The table this enum is.
    const LAYER: Layer;

    /// The catalogue row of this code.
    fn info(self) -> &'static CodeInfo;

    /// Every code of the table, in the spec's row order.
    fn all() -> &'static [Self];

    /// The code for a number, `None` if this table does not document it.
    fn from_code(code: i32) -> Option<Self>;

    /// The number, as on the wire.
    fn code(self) -> i32 {
        self.info().code
    }

    /// The Rust variant name.
    fn name(self) -> &'static str {
        self.info().name
    }

    /// 错误描述, verbatim.
    fn description(self) -> &'static str {
        self.info().description
    }

    /// 推荐处理, verbatim.
    fn recommendation(self) -> &'static str {
        self.info().recommendation
    }

    /// The description in English.
    fn description_en(self) -> &'static str {
        self.info().description_en
    }

    /// The recommended handling in English.
    fn recommendation_en(self) -> &'static str {
        self.info().recommendation_en
    }

    /// What the client must do to recover.
    fn err_type(self) -> ErrType {
        self.info().err_type
    }

    /// The handling, normalised.
    fn action(self) -> Action {
        self.info().action
    }
}

/// A number that the table asked for does not document: the error of every
/// `TryFrom<i32>` and of deserializing an undocumented code.
///
/// ```
/// use msdk_error_codes::{Layer, QqPlatformCode};
///
/// let err = QqPlatformCode::try_from(-74).unwrap_err();
/// assert_eq!(err.layer(), Layer::QqPlatform);
/// assert_eq!(err.code(), -74);
/// assert_eq!(err.to_string(), "-74 is not a documented MSDK QQ platform error code");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{code} is not a documented MSDK {layer} error code")]
pub struct UnknownCode {
    layer: Layer,
    code: i32,
}

impl UnknownCode {
    pub(crate) const fn new(layer: Layer, code: i32) -> Self {
        UnknownCode { layer, code }
    }

    /// The table that was asked.
    pub const fn layer(self) -> Layer {
        self.layer
    }

    /// The number, unchanged.
    pub const fn code(self) -> i32 {
        self.code
    }
}
