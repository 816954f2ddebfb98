//! The tables of the spec, one file each, and the table macro: each table file is one
//! invocation of [`error_codes!`], and everything else about a code (the enum, lookups,
//! conversions, rustdoc) is generated from its row, so no row's data is written twice.
//!
//! The table modules are public at the crate's root (`msdk_error_codes::qq`), one module
//! per layer; this folder is where their rows live.

pub mod access;
pub mod blue_diamond;
pub mod game_center;
pub mod logic;
pub mod oidb;
pub mod qq;
pub mod share;
pub mod wechat;

/// Declares one table of the spec as an enum.
///
/// ```text
/// error_codes! {
///     /// Docs of the enum.
///     pub enum BlueDiamondCode in BlueDiamond as "blue_diamond"; // the layer's as_str
///
///     /// Extra rustdoc for the row (judgement calls, oddities of the spec).
///     -10002 => AccountNotFound {
///         description: "…",          // 错误描述, verbatim
///         recommendation: "…",       // 推荐处理, verbatim
///         description_en: "…",
///         recommendation_en: "…",
///         err_type: NetworkUnstable, // an ErrType variant
///         action: Retry,             // an Action variant
///     },
/// }
/// ```
///
/// Two more row forms, for the tables of the 2016 revision:
/// - `0x10..=0x11 => InvalidAppid { … }`: a range row, one variant for every number from
///   the first to the last; the code is the first;
/// - `-1 | 255 => AddressingFailed { … }`: a row the spec gives in signed and unsigned
///   decimal (the OIDB table); the code is the signed one, and lookup finds both.
///
/// Rows are written in the spec's order; the discriminant is the code, so a duplicated
/// code is a compile error, and so is a row that an earlier row's range covers
/// entirely (an unreachable `match` arm is denied). The spec test checks that every
/// number a row covers finds that row.
macro_rules! error_codes {
    (
        $(#[$enum_meta:meta])*
        pub enum $Enum:ident in $Layer:ident as $layer_name:literal;
        $(
            $(#[$row_meta:meta])*
            $code:literal $(..= $last:literal)? $(| $unsigned:literal)? => $Variant:ident {
                description: $description:literal,
                recommendation: $recommendation:literal,
                description_en: $description_en:literal,
                recommendation_en: $recommendation_en:literal,
                err_type: $err_type:ident,
                action: $action:ident $(,)?
            }
        ),+ $(,)?
    ) => {
        $(#[$enum_meta])*
        // The verbatim descriptions hold bare URLs, most of them internal to Tencent; a
        // link would suggest they can be opened.
        #[allow(rustdoc::bare_urls)]
        #[derive(
            Copy,
            Clone,
            Debug,
            PartialEq,
            Eq,
            Hash,
            strum::EnumIter,
            strum::EnumCount,
            strum::IntoStaticStr,
        )]
        #[repr(i32)]
        pub enum $Enum {
            $(
                #[doc = concat!(
                    "`", stringify!($code), "`", $(" to `", stringify!($last), "`",)?
                    $(" (unsigned `", stringify!($unsigned), "`)",)? " ", $description_en, "\n\n",
                    "- 错误描述: ", $description, "\n",
                    "- 推荐处理: ", $recommendation, "\n",
                    "- Handling: ", $recommendation_en, "\n",
                    "- err_type: [`", stringify!($err_type), "`](crate::catalog::ErrType::", stringify!($err_type), ")",
                    ", action: [`", stringify!($action), "`](crate::catalog::Action::", stringify!($action), ")\n",
                )]
                $(#[$row_meta])*
                $Variant = $code,
            )+
        }

        impl $Enum {
            /// The table these codes belong to.
            pub const LAYER: $crate::catalog::Layer = $crate::catalog::Layer::$Layer;

            /// Every code of the table, in the spec's row order.
            const ALL: &'static [$Enum] = &[$($Enum::$Variant),+];

            /// The number, as on the wire.
            pub const fn code(self) -> i32 {
                self as i32
            }

            /// The row that documents a number, `None` if this table does not document it.
            ///
            /// A `match` on the number: no allocation, no scan. A range row is found by
            /// any number in its range, an OIDB row by its signed and its unsigned form;
            /// [`code`](Self::code) is then the row's own number.
            #[deny(unreachable_patterns)]
            pub const fn from_code(code: i32) -> Option<Self> {
                match code {
                    $($code $(..= $last)? $(| $unsigned)? => Some($Enum::$Variant),)+
                    _ => None,
                }
            }

            /// Every code of the table, in the spec's row order.
            #[doc = concat!(
                "\n```\nuse msdk_error_codes::", stringify!($Enum), ";\n\n",
                "for &code in ", stringify!($Enum), "::all() {\n",
                "    assert_eq!(", stringify!($Enum), "::from_code(code.code()), Some(code));\n",
                "}\n```"
            )]
            pub const fn all() -> &'static [Self] {
                Self::ALL
            }

            /// The rows, in the spec's order.
            const INFOS: &'static [$crate::catalog::CodeInfo] = &[
                $(
                    $crate::catalog::CodeInfo {
                        layer: $crate::catalog::Layer::$Layer,
                        code: $code,
                        name: stringify!($Variant),
                        description: $description,
                        recommendation: $recommendation,
                        description_en: $description_en,
                        recommendation_en: $recommendation_en,
                        err_type: $crate::catalog::ErrType::$err_type,
                        action: $crate::catalog::Action::$action,
                        range_end: $crate::catalog::tables::optional!($($last)?),
                        unsigned: $crate::catalog::tables::optional!($($unsigned)?),
                        label: concat!($layer_name, ".", $code),
                        id: $crate::catalog::MsdkCode::$Layer($Enum::$Variant),
                    },
                )+
            ];

            /// The catalog row of this code.
            pub const fn info(self) -> &'static $crate::catalog::CodeInfo {
                // Each variant's row index, counted by the compiler; the arms are
                // constants, so the match can compile to arithmetic or a lookup table.
                #[allow(dead_code)]
                #[repr(usize)]
                enum Row { $($Variant),+ }
                let row = match self {
                    $($Enum::$Variant => Row::$Variant as usize,)+
                };
                &Self::INFOS[row]
            }

            /// The row that documents a number, `None` if none does: one `match`, for
            /// the classification's hot path (the row holds the code as
            /// [`MsdkCode`](crate::MsdkCode), so nothing else is looked up).
            #[inline(always)]
            pub(crate) const fn entry(code: i32) -> Option<&'static $crate::catalog::CodeInfo> {
                match code {
                    $($code $(..= $last)? $(| $unsigned)? => Some($Enum::$Variant.info()),)+
                    _ => None,
                }
            }

            $crate::catalog::tables::info_accessors!();

            /// The table the code belongs to (always [`Self::LAYER`]).
            pub const fn layer(self) -> $crate::catalog::Layer {
                Self::LAYER
            }
        }

        impl $crate::catalog::ErrorCode for $Enum {
            const LAYER: $crate::catalog::Layer = $crate::catalog::Layer::$Layer;

            fn info(self) -> &'static $crate::catalog::CodeInfo {
                $Enum::info(self)
            }

            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn from_code(code: i32) -> Option<Self> {
                $Enum::from_code(code)
            }
        }

        /// Parses a variant name ([`name`](Self::name)), exactly.
        impl core::str::FromStr for $Enum {
            type Err = $crate::catalog::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL.iter().copied().find(|code| code.name() == s).ok_or_else(|| {
                    $crate::catalog::UnknownName::new(
                        s,
                        concat!(stringify!($Enum), " variant"),
                        Self::ALL.iter().map(|code| code.name()),
                    )
                })
            }
        }

        impl From<$Enum> for i32 {
            fn from(value: $Enum) -> i32 {
                value.code()
            }
        }

        impl TryFrom<i32> for $Enum {
            type Error = $crate::catalog::UnknownCode;

            fn try_from(value: i32) -> Result<Self, Self::Error> {
                $Enum::from_code(value).ok_or($crate::catalog::UnknownCode::new($crate::catalog::Layer::$Layer, value))
            }
        }

        impl PartialEq<i32> for $Enum {
            fn eq(&self, other: &i32) -> bool {
                self.code() == *other
            }
        }

        impl PartialEq<$Enum> for i32 {
            fn eq(&self, other: &$Enum) -> bool {
                *self == other.code()
            }
        }

        /// `<layer>:<code> <Name>: <English description>`, as [`MsdkCode`](crate::MsdkCode)'s.
        impl core::fmt::Display for $Enum {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Display::fmt(&$crate::catalog::MsdkCode::from(*self), f)
            }
        }

        /// Serialises as the integer code.
        impl serde::Serialize for $Enum {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.code())
            }
        }

        /// Deserialises from the integer code; an undocumented integer is an error that
        /// names the layer and the number, and so is a number that only a range row (or
        /// an OIDB row's unsigned form) covers: the enum would store it as the row's own
        /// number, changing it.
        impl<'de> serde::Deserialize<'de> for $Enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = i32::deserialize(deserializer)?;
                match $Enum::from_code(code) {
                    Some(row) if row.code() == code => Ok(row),
                    found => Err(serde::de::Error::custom(
                        $crate::catalog::row::NotARow::new($crate::catalog::Layer::$Layer, code, found.map($Enum::info)),
                    )),
                }
            }
        }

        impl From<$Enum> for $crate::catalog::MsdkCode {
            fn from(value: $Enum) -> $crate::catalog::MsdkCode {
                $crate::catalog::MsdkCode::$Layer(value)
            }
        }
    };
}

/// The accessors that read a code's `&'static CodeInfo`: the same for every table enum
/// and for `MsdkCode`.
macro_rules! info_accessors {
    () => {
        /// The Rust variant name.
        pub const fn name(self) -> &'static str {
            self.info().name
        }

        /// 错误描述, verbatim from the spec.
        pub const fn description(self) -> &'static str {
            self.info().description
        }

        /// 推荐处理, verbatim from the spec; may be empty or `"-"`.
        pub const fn recommendation(self) -> &'static str {
            self.info().recommendation
        }

        /// The description in English.
        pub const fn description_en(self) -> &'static str {
            self.info().description_en
        }

        /// The recommended handling in English.
        pub const fn recommendation_en(self) -> &'static str {
            self.info().recommendation_en
        }

        /// What the client must do to recover.
        pub const fn err_type(self) -> $crate::catalog::ErrType {
            self.info().err_type
        }

        /// The handling, normalised.
        pub const fn action(self) -> $crate::catalog::Action {
            self.info().action
        }
    };
}

/// `None`, or `Some` of the one token given: the optional columns of a row.
macro_rules! optional {
    () => {
        None
    };
    ($value:literal) => {
        Some($value)
    };
}

pub(crate) use {error_codes, info_accessors, optional};
