//! Stable names: how the field-less types read back from text and from serde, and
//! [`UnknownName`], the error when a name is none of them.

use core::fmt;

/// Text that is none of a type's names: the error of `FromStr` for [`Layer`](crate::Layer),
/// [`Action`](crate::Action), [`ErrType`](crate::ErrType), [`Decision`](crate::Decision),
/// [`Backoff`](crate::Backoff) and the table enums (their variant names).
///
/// ```
/// use msdk_error_codes::{Layer, QqPlatformCode};
///
/// let err = "qq".parse::<Layer>().unwrap_err();
/// assert_eq!(err.input(), "qq");
/// assert!(err.to_string().starts_with(r#"unknown layer "qq": expected one of access, logic, qq_platform"#));
/// assert!("NoSuchVariant".parse::<QqPlatformCode>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    input: String,
    what: &'static str,
    expected: Vec<&'static str>,
}

/// The longest input an error keeps: a huge one would turn the error into a copy of it.
const SHOWN: usize = 64;

/// `input` as an error shows it: its first 64 characters, and `…` when it is longer.
pub(crate) fn shown(input: &str) -> String {
    match input.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &input[..cut]),
        None => input.to_owned(),
    }
}

impl UnknownName {
    pub(crate) fn new(
        input: &str,
        what: &'static str,
        expected: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        UnknownName {
            input: shown(input),
            what,
            expected: expected.into_iter().collect(),
        }
    }

    /// The text that was given (its first 64 characters and `…` when longer).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What was expected: the type's names.
    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}: expected one of {}",
            self.what,
            self.input,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// The value of `all` that one of `names` calls `s`, ASCII case ignored.
pub(crate) fn find<T: Copy>(all: &[T], s: &str, names: &[fn(T) -> &'static str]) -> Option<T> {
    all.iter()
        .copied()
        .find(|&v| names.iter().any(|name| name(v).eq_ignore_ascii_case(s)))
}

/// For a type with `ALL` and `as_str()`: serde as the name, read back by `FromStr`; and,
/// unless the type parses text its own way (`custom from_str`), a `FromStr` that accepts
/// the names (ASCII case ignored) and what further `fn(Self) -> &str` give (`also`: its
/// `Display` form, aliases), with [`UnknownName`] listing the names.
macro_rules! stable_names {
    ($Type:ty, $what:literal, custom from_str) => {
        /// Serialises as its [`as_str`](Self::as_str) name.
        impl serde::Serialize for $Type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Deserialises from a name, as `FromStr` reads it; anything else is an error
        /// that lists the names.
        impl<'de> serde::Deserialize<'de> for $Type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::catalog::names::NameVisitor::<$Type>::new($what))
            }
        }
    };
    ($Type:ty, $what:literal $(, also $alias:expr)*) => {
        /// Parses [`as_str`](Self::as_str)'s names, ASCII case ignored, and what
        /// `Display` prints.
        impl core::str::FromStr for $Type {
            type Err = $crate::catalog::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::catalog::names::find(&<$Type>::ALL, s, &[<$Type>::as_str $(, $alias)*])
                    .ok_or_else(|| {
                        $crate::catalog::UnknownName::new(s, $what, <$Type>::ALL.iter().map(|v| v.as_str()))
                    })
            }
        }

        $crate::catalog::names::stable_names!($Type, $what, custom from_str);
    };
}

pub(crate) use stable_names;

/// Reads a name with `FromStr`.
pub(crate) struct NameVisitor<T> {
    what: &'static str,
    output: core::marker::PhantomData<T>,
}

impl<T> NameVisitor<T> {
    pub(crate) const fn new(what: &'static str) -> Self {
        NameVisitor {
            what,
            output: core::marker::PhantomData,
        }
    }
}

impl<T: core::str::FromStr<Err: fmt::Display>> serde::de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as a string", self.what)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}
