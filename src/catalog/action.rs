//! [`Action`]: a code's recommended handling (推荐处理), normalised.

use core::fmt;

use super::ErrType;

/// The recommended handling (推荐处理) of a code, normalised so that code can `match`
/// on it instead of reading Chinese.
///
/// [`ErrType`] is the coarse recovery class MSDK itself defines; `Action` is finer and
/// says what a person or program should actually do. Each catalog row states its
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
    /// codes the catalog does not document.
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

    /// The action implied by a bare `err_type`, for codes the catalog does not document
    /// and for a server `err_type` that overrides the catalog. `NetworkUnstable` is
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

super::names::stable_names!(Action, "action");
