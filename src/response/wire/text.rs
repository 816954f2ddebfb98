//! Decoding of scanned strings: escapes, surrogate pairs, and U+FFFD for what does not
//! decode.

use std::borrow::Cow;

use super::Field;

/// A scanned string's text: borrowed when it has no escapes and is UTF-8, else decoded,
/// with every escape or byte sequence that does not decode replaced by U+FFFD.
pub(crate) fn text_of(raw: &[u8], escaped: bool) -> Cow<'_, str> {
    if !escaped {
        if let Ok(text) = core::str::from_utf8(raw) {
            return Cow::Borrowed(text);
        }
    }
    Cow::Owned(decode_lossy(raw))
}

/// A scanned string's text, decoded exactly: `None` where [`text_of`] would put U+FFFD
/// for an escape or bytes that do not decode (a lone surrogate, bytes that are not
/// UTF-8). Borrowed when it has no escapes; else one allocation, as for `text_of`.
pub(crate) fn exact_text_of(raw: &[u8], escaped: bool) -> Option<Cow<'_, str>> {
    if !escaped {
        return core::str::from_utf8(raw).ok().map(Cow::Borrowed);
    }
    let mut out = Vec::with_capacity(raw.len());
    if !for_each_decoded(raw, |bytes| out.extend_from_slice(bytes)) {
        return None;
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

/// The field a key with escapes names, decoding at most as much as the longest field
/// name: no allocation.
pub(crate) fn decoded_field(raw: &[u8]) -> Field {
    let mut buffer = [0u8; 8];
    let mut len = 0;
    let mut fits = true;
    for_each_decoded(raw, |bytes| {
        if fits && len + bytes.len() <= buffer.len() {
            buffer[len..len + bytes.len()].copy_from_slice(bytes);
            len += bytes.len();
        } else {
            fits = false;
        }
    });
    if fits {
        Field::of(&buffer[..len])
    } else {
        Field::Other
    }
}

/// Decodes a scanned string's raw bytes into text; an escape or byte sequence that does
/// not decode becomes U+FFFD.
pub(crate) fn decode_lossy(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    for_each_decoded(raw, |bytes| out.extend_from_slice(bytes));
    match String::from_utf8(out) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Calls `emit` with the decoded bytes of a scanned string's raw content, piece by
/// piece. Escapes were checked by the scanner; a `\u` escape that is half of a
/// surrogate pair without its other half is emitted as U+FFFD. Returns whether every
/// escape decoded (no U+FFFD stands in for one); the bytes between escapes are passed
/// on as they are, UTF-8 or not.
pub(crate) fn for_each_decoded(raw: &[u8], mut emit: impl FnMut(&[u8])) -> bool {
    let mut exact = true;
    const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let plain_end = raw[i..]
            .iter()
            .position(|&b| b == b'\\')
            .map_or(raw.len(), |n| i + n);
        if plain_end > i {
            emit(&raw[i..plain_end]);
            i = plain_end;
            continue;
        }
        // raw[i] is a backslash and the scanner checked what follows.
        let Some(&kind) = raw.get(i + 1) else {
            return false;
        };
        let simple = match kind {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'/' => Some(b'/'),
            b'b' => Some(0x08),
            b'f' => Some(0x0C),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            _ => None,
        };
        if let Some(byte) = simple {
            emit(&[byte]);
            i += 2;
            continue;
        }
        let Some(unit) = hex4(raw, i + 2) else {
            return false;
        };
        i += 6;
        let scalar = match unit {
            0xD800..=0xDBFF => match (raw.get(i), raw.get(i + 1), hex4(raw, i + 2)) {
                (Some(b'\\'), Some(b'u'), Some(low @ 0xDC00..=0xDFFF)) => {
                    i += 6;
                    char::from_u32(
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )
                }
                _ => None,
            },
            _ => char::from_u32(u32::from(unit)),
        };
        match scalar {
            Some(c) => emit(c.encode_utf8(&mut [0; 4]).as_bytes()),
            None => {
                exact = false;
                emit(REPLACEMENT);
            }
        }
    }
    exact
}

/// Four hex digits at `at`, as a UTF-16 code unit.
pub(crate) fn hex4(raw: &[u8], at: usize) -> Option<u16> {
    let digits = raw.get(at..at + 4)?;
    let text = core::str::from_utf8(digits).ok()?;
    u16::from_str_radix(text, 16).ok()
}
