//! Decimal integers in text, by one rule for the whole crate: the `ret:N` of an OIDB
//! `msg`, a passthrough code, a `ret` or `err_type` sent as a string, and the integers
//! of `FromStr` (`"1"` as an [`ErrType`](crate::ErrType), the number of a
//! [`Code`](crate::Code)). JSON numbers are the wire reader's own business.

/// A signed decimal at `bytes[i..]`: an optional `+` or `-`, then one or more ASCII
/// digits whose value fits an `i32`. Returns the value, the index after the digits and
/// whether a `-` was written (so that a caller can refuse `-0`); `None` without digits
/// or outside the `i32` range. The one digit loop of the crate's slow paths.
pub(crate) fn signed_decimal(bytes: &[u8], mut i: usize) -> Option<(i32, usize, bool)> {
    let negative = bytes.get(i) == Some(&b'-');
    if negative || bytes.get(i) == Some(&b'+') {
        i += 1;
    }
    let start = i;
    // Saturating at 2^32 keeps the u64 exact for every magnitude that can fit an i32,
    // however many digits follow, without a branch per digit.
    let mut magnitude: u64 = 0;
    while let Some(&b) = bytes.get(i) {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        magnitude = (magnitude * 10 + u64::from(digit)).min(1 << 32);
        i += 1;
    }
    if i == start {
        return None;
    }
    // magnitude <= 2^32, so the i64 is exact.
    let signed = if negative {
        -(magnitude as i64)
    } else {
        magnitude as i64
    };
    Some((i32::try_from(signed).ok()?, i, negative))
}

/// The whole of `text` as an `i32`: an optional `+` or `-`, then ASCII digits, nothing
/// else (no spaces, no `0x`), the value in the `i32` range. `"-0"` is refused, as the
/// JSON number `-0` is (a float to serde_json), so that a value reads the same in every
/// form.
pub(crate) fn strict_i32(text: &str) -> Option<i32> {
    match signed_decimal(text.as_bytes(), 0) {
        Some((value, end, negative)) if end == text.len() && !(negative && value == 0) => {
            Some(value)
        }
        _ => None,
    }
}
