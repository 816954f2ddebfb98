//! The parsers of platform codes tunnelled in `msg`: [`parse_passthrough`] for `ret
//! -10000/-20000` (`"code,text"`) and [`parse_oidb`] for `ret -15000..=-19999`
//! (`ret:N`).

use crate::catalog::Layer;
use crate::decimal::signed_decimal;

/// `parse_passthrough` reads at most this many bytes of `msg`: a huge `msg` costs no
/// more than a short one.
pub const PASSTHROUGH_PREFIX_LIMIT: usize = 64;

// A classification stores where the platform's text starts as a u8.
const _: () = assert!(PASSTHROUGH_PREFIX_LIMIT <= u8::MAX as usize);

/// Splits a passthrough `msg` (`"code,text"`) into the platform's code and text.
///
/// The accepted form: optional ASCII whitespace, an optional sign, decimal digits whose
/// value fits an `i32`, optional ASCII whitespace, then either the end or a separator —
/// ASCII `,` or the full-width `，` (U+FF0C), both occur in real responses — then the
/// text, with its leading ASCII whitespace trimmed. Anything else (no digits, overflow,
/// other characters after the number) is `None`.
///
/// Only the first [`PASSTHROUGH_PREFIX_LIMIT`] bytes are examined: the number and its
/// separator must lie within them (so a `msg` padded with more than that before its
/// number is not a passthrough), and whitespace after the separator is trimmed only
/// within them. Real messages start with their code.
///
/// ```
/// use msdk_error_codes::parse_passthrough;
///
/// assert_eq!(parse_passthrough("-73,the user modify password wrong"), Some((-73, "the user modify password wrong")));
/// assert_eq!(parse_passthrough("40001，invalid credential"), Some((40001, "invalid credential")));
/// assert_eq!(parse_passthrough(" 40001 , invalid credential"), Some((40001, "invalid credential")));
/// assert_eq!(parse_passthrough("42001"), Some((42001, "")));
/// assert_eq!(parse_passthrough("invalid credential"), None);
/// assert_eq!(parse_passthrough("99999999999,overflow"), None);
/// assert_eq!(parse_passthrough("-73x,text"), None);
/// ```
#[inline(always)]
pub fn parse_passthrough(msg: &str) -> Option<(i32, &str)> {
    // The form MSDK sends, in a few instructions: an optional `-`, up to nine digits,
    // then the end or a separator with the text right after it. Everything else goes the
    // long way, which reads the same for these and for the rest.
    let bytes = msg.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let start = usize::from(negative);
    let end = bytes.len().min(start + 9);
    let mut i = start;
    let mut magnitude: u32 = 0;
    // Two digits a step (codes have one to six); a lone digit after.
    while i + 1 < end {
        let high = bytes[i].wrapping_sub(b'0');
        let low = bytes[i + 1].wrapping_sub(b'0');
        if high > 9 {
            break;
        }
        if low > 9 {
            magnitude = magnitude * 10 + u32::from(high);
            i += 1;
            break;
        }
        magnitude = magnitude * 100 + u32::from(high) * 10 + u32::from(low);
        i += 2;
    }
    if i < end {
        let digit = bytes[i].wrapping_sub(b'0');
        if digit <= 9 {
            magnitude = magnitude * 10 + u32::from(digit);
            i += 1;
        }
    }
    if i > start {
        // At most nine digits: the magnitude fits an i32 as it is.
        let code = if negative {
            -(magnitude as i32)
        } else {
            magnitude as i32
        };
        // The text must not start with whitespace, which the long way trims.
        let text = match &bytes[i..] {
            [] => Some(i),
            [b',', rest @ ..] if !rest.first().is_some_and(u8::is_ascii_whitespace) => Some(i + 1),
            [0xEF, 0xBC, 0x8C, rest @ ..] if !rest.first().is_some_and(u8::is_ascii_whitespace) => {
                Some(i + 3)
            }
            _ => None,
        };
        if let Some(text) = text.and_then(|start| msg.get(start..)) {
            return Some((code, text));
        }
    }
    parse_passthrough_slowly(msg)
}

/// [`parse_passthrough`] for every form: whitespace, a `+`, long or zero-padded numbers,
/// whitespace around the separator.
#[cold]
#[inline(never)]
fn parse_passthrough_slowly(msg: &str) -> Option<(i32, &str)> {
    let bytes = msg.as_bytes();
    let window = &bytes[..bytes.len().min(PASSTHROUGH_PREFIX_LIMIT)];
    let (code, i, _) = signed_decimal(window, skip_whitespace(window, 0))?;
    let i = skip_whitespace(window, i);
    let rest = match &bytes[i..] {
        [] => return Some((code, "")),
        [b',', ..] => i + 1,
        [0xEF, 0xBC, 0x8C, ..] => i + 3,
        _ => return None,
    };
    if rest > window.len() {
        return None;
    }
    let start = skip_whitespace(window, rest);
    // `start` follows ASCII bytes or the whole `，`, so it is a char boundary; `get` keeps
    // that a checked fact rather than a panic.
    msg.get(start..).map(|text| (code, text))
}

/// The index of the first byte from `i` on that is not ASCII whitespace.
#[inline]
fn skip_whitespace(window: &[u8], mut i: usize) -> usize {
    while window.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// [`parse_oidb`] reads at most this many bytes of `msg`: a huge `msg` costs no more than
/// a short one.
pub const OIDB_PREFIX_LIMIT: usize = 128;

/// Finds the OIDB result in the `msg` of a `ret` in `-15000..=-19999` (2016 revision,
/// §9): the number after `ret:`, and the table it belongs to, named by the OIDB command
/// in `msg`. The page's own example is `oidb decode0x73a failed, ret:17`: command
/// `0x73a`, so 17 is [`PayTokenCode`](crate::PayTokenCode)'s `pay token已过期`.
///
/// - The table: [`Layer::PayToken`] when `msg` names command `0x73a`,
///   [`Layer::AccessToken`] when it names `0x711`, [`Layer::Oidb`] (the unified table)
///   otherwise. If it names both, the first named wins. A command is named by `0x73a` or
///   `0x711` (ASCII case ignored) not followed by another hex digit and not preceded by a
///   decimal digit, so `0x7110` and `10x711` name neither.
/// - The number: `ret:` (ASCII case ignored) not preceded by a letter, digit or `_`
///   (`secret:` does not count), optional spaces, an optional sign and decimal digits that
///   fit an `i32` and are not followed by a letter, digit, `_` or a decimal fraction
///   (`ret:0x11` and `ret:1.5` are not the integers 0 and 1; `ret:17.` is 17). When `ret:` occurs more than once the last one decides, as in the page's
///   own example `ret:-103 msg:oidb decode0x73a failed, ret:17`, where the OIDB result
///   comes last; if that one is not followed by such a number, `msg` has none.
/// - Only the first [`OIDB_PREFIX_LIMIT`] bytes are searched: a name or number must lie
///   within them, and one cut off by the limit does not count.
///
/// ```
/// use msdk_error_codes::{parse_oidb, Layer};
///
/// assert_eq!(parse_oidb("oidb decode0x73a failed, ret:17"), Some((Layer::PayToken, 17)));
/// assert_eq!(parse_oidb("oidb decode0x711 failed, ret:65"), Some((Layer::AccessToken, 65)));
/// assert_eq!(parse_oidb("oidb failed, ret:-103"), Some((Layer::Oidb, -103)));
/// assert_eq!(parse_oidb("ret:-103 msg:oidb decode0x73a failed, ret:17"), Some((Layer::PayToken, 17)));
/// assert_eq!(parse_oidb("oidb decode0x73a failed"), None);
/// assert_eq!(parse_oidb("ret:99999999999"), None);
/// ```
pub fn parse_oidb(msg: &str) -> Option<(Layer, i32)> {
    let bytes = msg.as_bytes();
    let limit = bytes.len().min(OIDB_PREFIX_LIMIT);
    let code = oidb_number(bytes, limit)?;
    Some((oidb_command(bytes, limit), code))
}

/// Letters, digits and `_`: what may not touch `ret:` or its number.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The number after the last `ret:` that starts within `bytes[..limit]`; the number must
/// end within the limit too. The byte after a name or number is looked at even past the
/// limit, so that a cut never makes a longer token look like a shorter one.
fn oidb_number(bytes: &[u8], limit: usize) -> Option<i32> {
    let window = &bytes[..limit];
    let start = (0..window.len().saturating_sub(3)).rev().find(|&i| {
        window[i..i + 4].eq_ignore_ascii_case(b"ret:") && (i == 0 || !is_word(window[i - 1]))
    })? + 4;
    let mut i = start;
    while window.get(i) == Some(&b' ') {
        i += 1;
    }
    let (code, i, _) = signed_decimal(window, i)?;
    // `ret:17x` and `ret:1.5` are not the decimal 17 or 1; `ret:17.` ends a sentence.
    let fraction = bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    if fraction || bytes.get(i).is_some_and(|&b| is_word(b)) {
        return None;
    }
    Some(code)
}

/// The table the command named first in `bytes[..limit]` reads `ret:N` in.
fn oidb_command(bytes: &[u8], limit: usize) -> Layer {
    for i in 0..limit.saturating_sub(4) {
        let name = &bytes[i..i + 5];
        let layer = if name.eq_ignore_ascii_case(b"0x73a") {
            Layer::PayToken
        } else if name.eq_ignore_ascii_case(b"0x711") {
            Layer::AccessToken
        } else {
            continue;
        };
        let before_is_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        let after_is_hex = bytes.get(i + 5).is_some_and(u8::is_ascii_hexdigit);
        if !before_is_digit && !after_is_hex {
            return layer;
        }
    }
    Layer::Oidb
}
