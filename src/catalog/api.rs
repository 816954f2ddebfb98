//! [`Api`]: the API a response came from, which decides the table read first.

use core::fmt;
use core::str::FromStr;

use super::Layer;

/// The API a response came from: it decides which table is consulted first, because the
/// same number means different things in different tables.
///
/// ```
/// use msdk_error_codes::{Api, Layer};
///
/// assert_eq!(Api::from_path("/share/qq"), Api::QqShare);
/// assert_eq!(Api::from_path("http://msdktest.qq.com/share/qzone/?timestamp=1&appid=2"), Api::QzoneShare);
/// assert_eq!(Api::from_path("/auth/verify_login/"), Api::Generic);
/// assert_eq!("game-center".parse::<Api>(), Ok(Api::GameCenter));
/// assert_eq!(Api::BlueDiamond.layer(), Some(Layer::BlueDiamond));
/// ```
///
/// Serialises as its [`as_str`](Api::as_str) name and reads back whatever
/// [`FromStr`] reads. `#[non_exhaustive]`: a table of a later API would add a context.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Api {
    /// Authorization, relation, profile and every other endpoint: only the generic
    /// tables (access, logic, and the QQ/WeChat platform tables for passthroughs) apply.
    #[default]
    Generic,
    /// `/share/qzone`: [`QzoneShareCode`](crate::QzoneShareCode) first.
    QzoneShare,
    /// `/share/qq`: [`QqShareCode`](crate::QqShareCode) first.
    QqShare,
    /// The QQ game center endpoints: [`GameCenterCode`](crate::GameCenterCode) first.
    GameCenter,
    /// The QQ blue-diamond gift endpoints: [`BlueDiamondCode`](crate::BlueDiamondCode) first.
    BlueDiamond,
    /// The WeChat group-binding endpoints: [`WechatGroupCode`](crate::WechatGroupCode) first;
    /// here `ret -10000` is that table's own internal error, not a QQ passthrough.
    WechatGroup,
}

impl Api {
    /// Every API context.
    pub const ALL: [Api; 6] = [
        Api::Generic,
        Api::QzoneShare,
        Api::QqShare,
        Api::GameCenter,
        Api::BlueDiamond,
        Api::WechatGroup,
    ];

    /// The context in which the codes of `layer` are read: the API of an API table,
    /// [`Api::Generic`] for the access, logic and platform tables.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Layer};
    ///
    /// assert_eq!(Api::for_layer(Layer::QqShare), Api::QqShare);
    /// assert_eq!(Api::for_layer(Layer::WechatPlatform), Api::Generic);
    /// ```
    pub const fn for_layer(layer: Layer) -> Api {
        match layer {
            Layer::Access
            | Layer::Logic
            | Layer::QqPlatform
            | Layer::WechatPlatform
            | Layer::Oidb
            | Layer::PayToken
            | Layer::AccessToken => Api::Generic,
            Layer::QzoneShare => Api::QzoneShare,
            Layer::QqShare => Api::QqShare,
            Layer::GameCenter => Api::GameCenter,
            Layer::BlueDiamond => Api::BlueDiamond,
            Layer::WechatGroup => Api::WechatGroup,
        }
    }

    /// The API's own table, consulted before the generic ones; `None` for [`Api::Generic`].
    pub const fn layer(self) -> Option<Layer> {
        match self {
            Api::Generic => None,
            Api::QzoneShare => Some(Layer::QzoneShare),
            Api::QqShare => Some(Layer::QqShare),
            Api::GameCenter => Some(Layer::GameCenter),
            Api::BlueDiamond => Some(Layer::BlueDiamond),
            Api::WechatGroup => Some(Layer::WechatGroup),
        }
    }

    /// Whether sending the same call twice is harmless, so that an ambiguous failure (a
    /// timeout, an internal error: did it run?) may be retried.
    ///
    /// The share endpoints send a message to other users: a retry of a share that did
    /// go through sends it twice, so they are not idempotent. The others are: the
    /// generic endpoints read (login checks, profiles, friends) or set state; the spec
    /// itself says to retry once (重试一次) for the game center's and the blue-diamond
    /// gifts' errors, and group binding refuses a second group with the same ID
    /// (`-10005` 群ID已存在).
    ///
    /// ```
    /// use msdk_error_codes::Api;
    ///
    /// assert!(!Api::QqShare.is_idempotent());
    /// assert!(Api::Generic.is_idempotent());
    /// ```
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Api::QzoneShare | Api::QqShare)
    }

    /// The stable name, as serde writes it, [`FromStr`] accepts it and msdk-explain's
    /// `--api` takes it: kebab case, the kind of call first (`share-qq`). Stored data
    /// uses it, so it stays as it is; `FromStr` also accepts the snake-case forms of
    /// [`alias`](Self::alias) and of this name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Api::Generic => "generic",
            Api::QzoneShare => "share-qzone",
            Api::QqShare => "share-qq",
            Api::GameCenter => "game-center",
            Api::BlueDiamond => "blue-diamond",
            Api::WechatGroup => "wechat-group",
        }
    }

    /// The snake-case name of the API's table, as [`Layer::as_str`] spells it
    /// (`qq_share`; `generic` for [`Api::Generic`]): what a reader who knows the layer
    /// names types. [`FromStr`] accepts it, and `share_qq`, beside [`as_str`](Self::as_str).
    ///
    /// ```
    /// use msdk_error_codes::Api;
    ///
    /// assert_eq!(Api::QqShare.alias(), "qq_share");
    /// for name in ["share-qq", "qq_share", "share_qq", "SHARE-QQ"] {
    ///     assert_eq!(name.parse::<Api>(), Ok(Api::QqShare));
    /// }
    /// ```
    pub fn alias(self) -> &'static str {
        match self.layer() {
            Some(layer) => layer.as_str(),
            None => "generic",
        }
    }

    /// [`as_str`](Self::as_str) in snake case (`share_qq`).
    const fn snake_case(self) -> &'static str {
        match self {
            Api::Generic => "generic",
            Api::QzoneShare => "share_qzone",
            Api::QqShare => "share_qq",
            Api::GameCenter => "game_center",
            Api::BlueDiamond => "blue_diamond",
            Api::WechatGroup => "wechat_group",
        }
    }

    /// The API context of an endpoint path or URL.
    ///
    /// The spec names only the two share endpoints, so only `/share/qzone` and `/share/qq`
    /// are recognised (with or without scheme, host, trailing slash, ASCII case
    /// ignored); every other path is [`Api::Generic`]. Only the path of a URL is read:
    /// the scheme, host, query string and fragment are ignored, so
    /// `http://msdk.qq.com?next=/share/qq` is not a share call. Game center,
    /// blue-diamond and WeChat group calls must name their context explicitly.
    ///
    /// ```
    /// use msdk_error_codes::Api;
    ///
    /// assert_eq!(Api::from_path("http://msdk.qq.com?next=/share/qq"), Api::Generic);
    /// assert_eq!(Api::from_path("/auth/login#/share/qzone"), Api::Generic);
    /// ```
    pub fn from_path(path: &str) -> Api {
        // Query and fragment first: a `/share/qq` inside them is not the path.
        let path = path.split(['?', '#']).next().unwrap_or("");
        // Then scheme and host: the path starts at the first `/` after them.
        let path = match path.find("://") {
            Some(i) => path[i + 3..].find('/').map_or("", |j| &path[i + 3 + j..]),
            None => path,
        };
        let mut segments = path.trim_end_matches('/').rsplit('/');
        let last = segments.next().unwrap_or("");
        let parent = segments.next().unwrap_or("");
        if !parent.eq_ignore_ascii_case("share") {
            return Api::Generic;
        }
        if last.eq_ignore_ascii_case("qq") {
            Api::QqShare
        } else if last.eq_ignore_ascii_case("qzone") {
            Api::QzoneShare
        } else {
            Api::Generic
        }
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

// Serde as the name, read back by `FromStr` (names, aliases and endpoint paths).
super::names::stable_names!(Api, "an API name", custom from_str);

/// A name that is neither an [`Api`] name nor an endpoint path.
///
/// ```
/// use msdk_error_codes::Api;
///
/// let err = "share".parse::<Api>().unwrap_err();
/// assert!(err.to_string().contains("share-qq"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown API {0:?}: expected generic, share-qzone, share-qq, game-center, blue-diamond, wechat-group or an endpoint path starting with /"
)]
pub struct UnknownApi(String);

/// Accepts the names of [`Api::as_str`] and [`Api::alias`] and their snake-case forms
/// (ASCII case ignored) and, for anything starting with `/` or containing `://`, an
/// endpoint path ([`Api::from_path`]).
impl FromStr for Api {
    type Err = UnknownApi;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with('/') || s.contains("://") {
            return Ok(Api::from_path(s));
        }
        super::names::find(&Api::ALL, s, &[Api::as_str, Api::alias, Api::snake_case])
            .ok_or_else(|| UnknownApi(super::names::shown(s)))
    }
}
