//! The rules for the envelope's values: numbers and what each field expects, in
//! serde's own words for errors.

use serde::de::{self, Expected, Unexpected};

/// What an integer field (`ret`, `err_type`) expects, for error messages.
pub(crate) struct IntExpected(pub(crate) &'static str);

impl Expected for IntExpected {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "`{}` as an integer in the i32 range, or a string holding one",
            self.0
        )
    }
}

/// What `msg` expects, for error messages.
pub(crate) struct MsgExpected;

impl Expected for MsgExpected {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("`msg` as a string")
    }
}

/// What the body expects, for error messages.
pub(crate) struct ObjectExpected;

impl Expected for ObjectExpected {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("an MSDK response object")
    }
}

/// Data errors are worded by serde_json's own `de::Error` ("invalid type: null,
/// expected ..."), so both readers say the same; with no position, its `Display` is the
/// bare message.
pub(crate) type Message = serde_json::Error;

/// A JSON number, classified as serde_json classifies it: integers that fit `u64`
/// (non-negative) or `i64` (negative) are integers; `-0`, fractions, exponents and
/// integers too large for 64 bits are floats.
#[derive(Copy, Clone, Debug, PartialEq)]
pub(crate) enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl Number {
    /// Classifies the text of a JSON number (already checked against the grammar);
    /// `None` for a float too large for `f64` (serde_json's "number out of range").
    pub(crate) fn from_text(text: &[u8]) -> Option<Number> {
        let (negative, digits) = match text {
            [b'-', rest @ ..] => (true, rest),
            _ => (false, text),
        };
        let integral = digits.iter().all(u8::is_ascii_digit);
        if integral {
            let mut magnitude: u64 = 0;
            let mut fits = true;
            for &d in digits {
                match magnitude
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u64::from(d - b'0')))
                {
                    Some(m) => magnitude = m,
                    None => {
                        fits = false;
                        break;
                    }
                }
            }
            if fits {
                if !negative {
                    return Some(Number::U64(magnitude));
                }
                // serde_json reads -0 as the float -0.0.
                if magnitude != 0 && magnitude <= i64::MIN.unsigned_abs() {
                    return Some(Number::I64(0i64.wrapping_sub_unsigned(magnitude)));
                }
            }
        }
        // The grammar was checked, so the text is ASCII and parses as a float.
        let value: f64 = core::str::from_utf8(text).ok()?.parse().ok()?;
        value.is_finite().then_some(Number::F64(value))
    }

    pub(crate) fn unexpected(self) -> Unexpected<'static> {
        match self {
            Number::U64(v) => Unexpected::Unsigned(v),
            Number::I64(v) => Unexpected::Signed(v),
            Number::F64(v) => Unexpected::Float(v),
        }
    }

    /// The rule for `ret` and `err_type` sent as a number: an integer in the `i32` range.
    /// Every float is refused, `-0` included: serde_json hands `-0`, `-0.0` and
    /// `-1e-400` over as the same float, so accepting any float could turn a failure
    /// into `ret 0`.
    pub(crate) fn to_i32<E: de::Error>(self, expected: &IntExpected) -> Result<i32, E> {
        match self {
            Number::U64(v) => {
                i32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), expected))
            }
            Number::I64(v) => {
                i32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), expected))
            }
            Number::F64(v) => Err(E::invalid_type(Unexpected::Float(v), expected)),
        }
    }
}

/// The rule for `ret` and `err_type` sent as a string: the crate's one rule for decimal
/// text ([`strict_i32`](crate::decimal::strict_i32)), in serde's words when it fails.
pub(crate) fn int_from_str<E: de::Error>(text: &str, expected: &IntExpected) -> Result<i32, E> {
    crate::decimal::strict_i32(text).ok_or_else(|| {
        // Quote short strings; a huge one would turn the error into a copy of it.
        let shown = if text.len() <= 32 {
            Unexpected::Str(text)
        } else {
            Unexpected::Other("a long string")
        };
        E::invalid_value(shown, expected)
    })
}

/// "invalid type: ..., expected ..." in serde's words.
pub(crate) fn unexpected_message(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Message {
    <Message as de::Error>::invalid_type(unexpected, expected)
}
