//! [`Code`]: one lossless value for any code of any layer, documented or not.

use core::fmt;
use core::str::FromStr;
use std::borrow::Cow;

use super::{Layer, MsdkCode};

/// Any code of any layer, documented or not: the layer and the number, exactly as they
/// came. `Copy`, ordered, hashable: a key for maps, a column for a database, a field for
/// logs.
///
/// [`MsdkCode`] holds only documented codes; `Code` keeps whatever number a platform
/// sends (WeChat's undocumented `61451`), and [`known`](Code::known) says whether the
/// catalog documents it. It displays, parses and (de)serialises as
/// `<layer>:<number>`.
///
/// ```
/// use msdk_error_codes::{classify, Code, Layer, MsdkCode, WechatPlatformCode};
///
/// let code = Code::new(Layer::WechatPlatform, 61451);
/// assert_eq!(code.to_string(), "wechat_platform:61451");
/// assert_eq!("wechat_platform:61451".parse::<Code>(), Ok(code));
/// assert_eq!(serde_json::to_string(&code).unwrap(), r#""wechat_platform:61451""#);
/// assert_eq!(code.known(), None);
///
/// let expired = Code::from(MsdkCode::from(WechatPlatformCode::AccessTokenExpired));
/// assert_eq!((expired.layer(), expired.value()), (Layer::WechatPlatform, 42001));
/// assert_eq!(classify(-20000, "42001,expired").to_code(), expired);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code {
    layer: Layer,
    value: i32,
}

impl Code {
    /// The code `value` of `layer`.
    pub const fn new(layer: Layer, value: i32) -> Code {
        Code { layer, value }
    }

    /// The layer.
    pub const fn layer(self) -> Layer {
        self.layer
    }

    /// The number, as it came.
    pub const fn value(self) -> i32 {
        self.value
    }

    /// The catalog's row for this number, `None` when the layer does not document it.
    /// A range row (accessToken `0x10~0x11`) documents every number of its range, an
    /// OIDB row its signed and unsigned forms: the row's own number may differ from
    /// [`value`](Self::value), which `Code` keeps.
    pub const fn known(self) -> Option<MsdkCode> {
        MsdkCode::lookup(self.layer, self.value)
    }
}

impl Code {
    /// The `ret` and `msg` MSDK sends carrying this code, in its layer's wire form (spec
    /// §1 points 4 and 5, and the 2016 revision's §9): a QQ or WeChat platform code as
    /// the passthrough `ret -10000` / `-20000` with `"code,text"`, an OIDB code as
    /// `ret -15000` with `ret:N` after the page's own example (`oidb decode0x73a failed,
    /// ret:17` for the PayToken table, `0x711` for the accessToken table, no command for
    /// the unified table), any other code as `ret` itself with its text as `msg`. The
    /// text is the row's description ([`known`](Self::known)), empty for a number no
    /// row documents. [`Fixture`](crate::testing::Fixture)s are these responses.
    ///
    /// ```
    /// use msdk_error_codes::{Code, Layer};
    ///
    /// assert_eq!(Code::new(Layer::PayToken, 17).wire_form(), (-15000, "oidb decode0x73a failed, ret:17".into()));
    /// assert_eq!(Code::new(Layer::WechatPlatform, 61451).wire_form(), (-20000, "61451,".into()));
    /// assert_eq!(Code::new(Layer::Access, -503).wire_form(), (-503, "频率超限".into()));
    /// ```
    pub fn wire_form(self) -> (i32, Cow<'static, str>) {
        let n = self.value;
        let text = self.known().map_or("", MsdkCode::description);
        let passthrough = || Cow::Owned(format!("{n},{text}"));
        let oidb = |what: &str| Cow::Owned(format!("{what}, ret:{n}"));
        match self.layer {
            Layer::QqPlatform => (-10000, passthrough()),
            Layer::WechatPlatform => (-20000, passthrough()),
            Layer::Oidb => (-15000, oidb("oidb call failed")),
            Layer::PayToken => (-15000, oidb("oidb decode0x73a failed")),
            Layer::AccessToken => (-15000, oidb("oidb decode0x711 failed")),
            _ => (n, Cow::Borrowed(text)),
        }
    }
}

impl From<MsdkCode> for Code {
    fn from(code: MsdkCode) -> Code {
        Code::new(code.layer(), code.code())
    }
}

/// `<layer>:<number>`: the layer's [`as_str`](Layer::as_str) name, a colon, the decimal
/// number (`wechat_platform:61451`, `qq_platform:-73`).
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.layer.as_str(), self.value)
    }
}

/// Text that is not `<layer>:<number>`: the error of parsing a [`Code`]. It says what was
/// expected.
///
/// ```
/// use msdk_error_codes::Code;
///
/// let err = "wechat:61451".parse::<Code>().unwrap_err();
/// assert!(err.to_string().contains("expected <layer>:<number>"));
/// assert!(err.to_string().contains("wechat_platform"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid code {input:?}: expected <layer>:<number> such as wechat_platform:61451, {problem}"
)]
pub struct InvalidCode {
    input: String,
    problem: String,
}

impl InvalidCode {
    fn new(input: &str, problem: String) -> Self {
        InvalidCode {
            input: super::names::shown(input),
            problem,
        }
    }
}

/// Reads what `Display` prints: a layer name ([`Layer`]'s `FromStr`), a colon, and a
/// decimal `i32` with an optional sign.
impl FromStr for Code {
    type Err = InvalidCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let Some((layer, number)) = s.rsplit_once(':') else {
            return Err(InvalidCode::new(s, "but there is no `:`".to_owned()));
        };
        let layer = layer.parse::<Layer>().map_err(|e| {
            InvalidCode::new(
                s,
                format!("where <layer> is one of {}", e.expected().join(", ")),
            )
        })?;
        let value = crate::decimal::strict_i32(number)
            .ok_or_else(|| InvalidCode::new(s, "where <number> is a decimal i32".to_owned()))?;
        Ok(Code::new(layer, value))
    }
}

/// As `<layer>:<number>`.
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// From `<layer>:<number>`; anything else is an error saying what was expected.
impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(super::names::NameVisitor::<Code>::new(
            "a code (<layer>:<number>)",
        ))
    }
}
