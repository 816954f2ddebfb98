//! One row of the catalog: [`CodeInfo`], the [`ErrorCode`] trait every table enum
//! implements, and [`UnknownCode`], a number a table does not document.

use core::fmt;
use core::hash::Hash;

use serde::Serialize;

use super::{Action, ErrType, Layer, MsdkCode, UnknownName};

/// Everything the catalog knows about one code: one row of the spec plus our
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
    pub(crate) id: MsdkCode,
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

impl CodeInfo {
    /// The row's handling when a response with this `ret` reached it.
    ///
    /// A success row (code `0`) reached through a failed `ret` (`-20000` with `"0,ok"`)
    /// does not make the call a success: the platform reported success, MSDK a failure,
    /// and the spec does not explain the pair. It is handled as an undocumented failure
    /// of that layer: `err_type` Unknown, action Unspecified (classification rule 3).
    pub(crate) const fn handling(&self, ret: i32) -> (ErrType, Action) {
        if ret == 0 {
            (ErrType::Normal, self.action)
        } else if self.code == 0 {
            (ErrType::Unknown, Action::Unspecified)
        } else {
            (self.err_type, self.action)
        }
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
    + Into<MsdkCode>
    + TryFrom<i32, Error = UnknownCode>
    + core::str::FromStr<Err = UnknownName>
    + Into<&'static str>
    + Send
    + Sync
    + 'static
{
    /// The table this enum is.
    const LAYER: Layer;

    /// The catalog row of this code.
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
