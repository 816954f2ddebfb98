//! [`Layer`]: which table of the spec a code belongs to.

use core::fmt;

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

    /// The metric label shared by every code of the layer that the catalog does not
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

super::names::stable_names!(Layer, "layer", also Layer::name_en);
