//! [`MsdkCode`]: a code of any table, and [`catalog()`]: all of them.

use core::fmt;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::tables::{
    access::AccessCode, blue_diamond::BlueDiamondCode, game_center::GameCenterCode,
    logic::LogicCode, oidb::AccessTokenCode, oidb::OidbCode, oidb::PayTokenCode,
    qq::QqPlatformCode, share::QqShareCode, share::QzoneShareCode, wechat::WechatGroupCode,
    wechat::WechatPlatformCode,
};
use super::{Code, CodeInfo, Layer};

/// Lists the tables once, in the spec's order; generates [`MsdkCode`] and what walks it.
macro_rules! tables {
    ($($Layer:ident($Enum:ident)),+ $(,)?) => {
        /// A documented code of any table: one variant per [`Layer`], wrapping that
        /// layer's enum.
        ///
        /// ```
        /// use msdk_error_codes::{Layer, MsdkCode, QqPlatformCode};
        ///
        /// let code = MsdkCode::from(QqPlatformCode::TokenInvalidatedByPasswordChange);
        /// assert_eq!(code.layer(), Layer::QqPlatform);
        /// assert_eq!(code.code(), -73);
        /// assert_eq!(MsdkCode::lookup(Layer::QqPlatform, -73), Some(code));
        /// assert!(matches!(code, MsdkCode::QqPlatform(QqPlatformCode::TokenInvalidatedByPasswordChange)));
        /// ```
        ///
        /// `#[non_exhaustive]`, as [`Layer`] is: a variant per table.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum MsdkCode {
            $(
                #[doc = concat!("A code of [`Layer::", stringify!($Layer), "`].")]
                $Layer($Enum),
            )+
        }

        impl MsdkCode {
            /// How many codes the catalog documents (308).
            pub const COUNT: usize = 0 $(+ <$Enum as strum::EnumCount>::COUNT)+;

            /// The catalog row of this code.
            pub const fn info(self) -> &'static CodeInfo {
                match self {
                    $(MsdkCode::$Layer(code) => code.info(),)+
                }
            }

            /// The documented code `code` of table `layer`, `None` if that table does not
            /// document it.
            ///
            /// ```
            /// use msdk_error_codes::{Layer, MsdkCode};
            ///
            /// // -10002 means different things in different tables.
            /// let logic = MsdkCode::lookup(Layer::Logic, -10002).unwrap();
            /// let gift = MsdkCode::lookup(Layer::BlueDiamond, -10002).unwrap();
            /// assert_eq!(logic.description(), "非法的openid");
            /// assert_eq!(gift.description(), "账号不存在（OpenId->QQ转换失败）");
            /// assert_eq!(MsdkCode::lookup(Layer::Access, -10002), None);
            /// ```
            pub const fn lookup(layer: Layer, code: i32) -> Option<MsdkCode> {
                match MsdkCode::entry(layer, code) {
                    Some(info) => Some(info.id),
                    None => None,
                }
            }

            /// The row of [`lookup`](Self::lookup), in one `match` per table.
            pub(crate) const fn entry(layer: Layer, code: i32) -> Option<&'static CodeInfo> {
                match layer {
                    $(Layer::$Layer => $Enum::entry(code),)+
                }
            }
        }

        /// Every documented code, table by table in the spec's order, rows in the spec's
        /// order: 308 in all (238 of 2015-10, 70 added in 2016-03).
        ///
        /// ```
        /// use msdk_error_codes::{catalog, ErrType, Layer, MsdkCode};
        ///
        /// assert_eq!(catalog().count(), MsdkCode::COUNT);
        /// assert_eq!(catalog().next().unwrap().layer(), Layer::Access);
        /// let reauth = catalog().filter(|c| c.err_type() == ErrType::Reauthorize).count();
        /// assert!(reauth > 0);
        /// ```
        pub fn catalog() -> impl Iterator<Item = MsdkCode> + Clone + Send + Sync + 'static {
            core::iter::empty()
                $(.chain($Enum::all().iter().map(|&code| MsdkCode::$Layer(code))))+
        }
    };
}

tables! {
    Access(AccessCode),
    Logic(LogicCode),
    QqPlatform(QqPlatformCode),
    WechatPlatform(WechatPlatformCode),
    WechatGroup(WechatGroupCode),
    GameCenter(GameCenterCode),
    QzoneShare(QzoneShareCode),
    QqShare(QqShareCode),
    BlueDiamond(BlueDiamondCode),
    Oidb(OidbCode),
    PayToken(PayTokenCode),
    AccessToken(AccessTokenCode),
}

impl MsdkCode {
    /// The table the code is in.
    pub const fn layer(self) -> Layer {
        self.info().layer
    }

    /// The number, as on the wire.
    pub const fn code(self) -> i32 {
        self.info().code
    }

    super::tables::info_accessors!();
}

impl MsdkCode {
    /// The `ret` and `msg` MSDK sends for this code: [`Code::wire_form`].
    pub(crate) fn wire_form(self) -> (i32, Cow<'static, str>) {
        Code::from(self).wire_form()
    }
}

/// `<layer>:<code> <Name>: <English description>`, as the crate docs' "Display"
/// section has it; the same as the wrapped enum's.
///
/// ```
/// use msdk_error_codes::{MsdkCode, QqPlatformCode};
///
/// assert_eq!(
///     MsdkCode::from(QqPlatformCode::TokenInvalidatedByPasswordChange).to_string(),
///     "qq_platform:-73 TokenInvalidatedByPasswordChange: Access token invalidated because the user changed the QQ password (0x47)",
/// );
/// ```
impl fmt::Display for MsdkCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            Code::from(*self),
            self.name(),
            self.description_en()
        )
    }
}

/// The serde form: the layer's machine name and the number.
#[derive(Serialize, Deserialize)]
#[serde(rename = "MsdkCode", deny_unknown_fields)]
struct Repr {
    layer: Layer,
    code: i32,
}

/// Serialises as `{"layer": "qq_platform", "code": -73}`.
///
/// ```
/// use msdk_error_codes::{MsdkCode, QqPlatformCode};
///
/// let code = MsdkCode::from(QqPlatformCode::TokenInvalidatedByPasswordChange);
/// let json = serde_json::to_string(&code).unwrap();
/// assert_eq!(json, r#"{"layer":"qq_platform","code":-73}"#);
/// assert_eq!(serde_json::from_str::<MsdkCode>(&json).unwrap(), code);
/// ```
impl Serialize for MsdkCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Repr {
            layer: self.layer(),
            code: self.code(),
        }
        .serialize(serializer)
    }
}

/// Deserialises `{"layer": ..., "code": ...}`; a code the layer does not document is an
/// error naming both, and so is a number that only a range row (or an OIDB row's
/// unsigned form) covers, which an `MsdkCode` would store as the row's own number.
impl<'de> Deserialize<'de> for MsdkCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Repr { layer, code } = Repr::deserialize(deserializer)?;
        match MsdkCode::lookup(layer, code) {
            Some(row) if row.code() == code => Ok(row),
            found => Err(serde::de::Error::custom(super::row::NotARow::new(
                layer,
                code,
                found.map(MsdkCode::info),
            ))),
        }
    }
}
