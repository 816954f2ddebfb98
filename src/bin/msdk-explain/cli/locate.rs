//! Where in a log line the MSDK response is, and which endpoint the line names.

use msdk_error_codes::{Api, MsdkResponse};
use serde::de::IgnoredAny;

use super::lines::find_byte;

/// The response of a line and where its JSON starts.
pub(crate) struct Found<'a> {
    /// The byte index of the response's `{`.
    pub(super) start: usize,
    pub(super) response: MsdkResponse<'a>,
}

/// The first JSON object of the line that reads as an MSDK response, trying each `{`
/// from the left; text before it (a log prefix) is skipped, text after it ignored.
/// When none reads, the error of the first `{`.
///
/// Linear in the line: a well-formed object that is not a response (`extra={"k":1}`)
/// is skipped whole, its inner `{` untried, and the attempts that start inside bytes an
/// earlier attempt has already read may read at most [`rescan_budget`] bytes in all,
/// so that `{"a":{"a":{"a":…` without an end costs no more than a few passes.
pub(super) fn find_response(line: &[u8]) -> Result<Found<'_>, String> {
    find_response_reading(line).0
}

/// [`find_response`], and how many bytes its attempts read in all (each reader's pass up
/// to where it stopped, and each pass that skips a well-formed object): the work that
/// stays linear in the line, which the tests count rather than time.
pub(crate) fn find_response_reading(line: &[u8]) -> (Result<Found<'_>, String>, usize) {
    let mut total = 0usize;
    let mut first_error = None;
    let mut at = 0;
    // The furthest byte an attempt has read, and what rereading may still cost.
    let mut frontier = 0;
    let mut budget = rescan_budget(line.len());
    while let Some(offset) = find_byte(&line[at..], b'{') {
        let start = at + offset;
        let rest = &line[start..];
        let error = match MsdkResponse::from_slice_prefix(rest) {
            Ok((response, end)) => {
                return (Ok(Found { start, response }), total.saturating_add(end));
            }
            Err(error) => error,
        };
        // Where the reader stopped: the line has no line breaks, so the column is the
        // byte offset (one past it, for an error shown by the byte at the cursor).
        let mut read = error.column().clamp(1, rest.len());
        total = total.saturating_add(read);
        let mut next = start + 1;
        // A data error leaves the grammar readable: if the object is well formed JSON
        // (no `ret`, a `ret` that is not an integer ...), skip it whole.
        if error.is_data() {
            if let Some(length) = json_value_length(rest) {
                read = length;
                next = start + length;
                total = total.saturating_add(length);
            }
        }
        if start < frontier {
            budget = budget.saturating_sub(read);
        }
        frontier = frontier.max(start + read);
        first_error.get_or_insert((start, error));
        at = if budget == 0 {
            frontier.max(next)
        } else {
            next
        };
        if at >= line.len() {
            break;
        }
    }
    let error = match first_error {
        None => "no JSON object (no '{') in the line".to_owned(),
        Some((0, error)) => error.to_string(),
        Some((start, error)) => format!("{error} (the JSON starts at byte {})", start + 1),
    };
    (Err(error), total)
}

/// How many bytes the attempts that reread a line may read in all: twice the line, and
/// a floor for short lines.
pub(super) fn rescan_budget(length: usize) -> usize {
    length.saturating_mul(2).max(4096)
}

/// The length of the well-formed JSON value at the start of `bytes`, read by grammar
/// alone.
fn json_value_length(bytes: &[u8]) -> Option<usize> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => Some(values.byte_offset()),
        _ => None,
    }
}

/// The API of a line for `--api auto`: the first token of `prefix` (the line's text
/// before the response, split at ASCII whitespace) that, after an optional `key=` and
/// without the quotes around it, starts with `/` or is a URL (`scheme://…`), read by
/// [`Api::from_path`]; [`Api::Generic`] when no token is.
///
/// The last few paths and their APIs are kept: a log names the same endpoints over and
/// over.
#[derive(Default)]
pub(super) struct Endpoints {
    recent: Vec<(Vec<u8>, Api)>,
    next: usize,
}

impl Endpoints {
    const KEPT: usize = 8;

    pub(super) fn api(&mut self, prefix: &[u8]) -> Api {
        let Some(path) = endpoint(prefix) else {
            return Api::Generic;
        };
        if let Some(&(_, api)) = self.recent.iter().find(|(kept, _)| kept == path) {
            return api;
        }
        let api = match std::str::from_utf8(path) {
            Ok(path) => Api::from_path(path),
            Err(_) => Api::from_path(&String::from_utf8_lossy(path)),
        };
        let entry = (path.to_vec(), api);
        if self.recent.len() < Self::KEPT {
            self.recent.push(entry);
        } else {
            self.recent[self.next] = entry;
            self.next = (self.next + 1) % Self::KEPT;
        }
        api
    }
}

/// The endpoint token of [`Endpoints::api`], without its key and quotes. Every such
/// token holds a `/`, so the search jumps from one `/` to the next, and reads only the
/// tokens that hold one.
pub(super) fn endpoint(prefix: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    while let Some(found) = find_byte(&prefix[at..], b'/') {
        let slash = at + found;
        let start = prefix[..slash]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1);
        let end = prefix[slash..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(prefix.len(), |i| slash + i);
        let value = unquoted(after_key(&prefix[start..end]));
        if value.first() == Some(&b'/') || is_url(value) {
            return Some(value);
        }
        at = end;
    }
    None
}

/// The value of a `key=value` token (the key: ASCII letters, digits, `_`, `-` and `.`),
/// else the token.
fn after_key(token: &[u8]) -> &[u8] {
    match token.iter().position(|&b| b == b'=') {
        Some(at)
            if at > 0
                && token[..at]
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) =>
        {
            &token[at + 1..]
        }
        _ => token,
    }
}

/// Without a `"` or `'` at the start, and the same quote at the end if there is one.
fn unquoted(value: &[u8]) -> &[u8] {
    match value.first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let inner = &value[1..];
            inner.strip_suffix(&[quote]).unwrap_or(inner)
        }
        _ => value,
    }
}

/// `scheme://…`, the scheme a letter then letters, digits, `+`, `-` or `.` (RFC 3986).
fn is_url(value: &[u8]) -> bool {
    let Some(colon) = value.windows(3).position(|w| w == b"://") else {
        return false;
    };
    let scheme = &value[..colon];
    scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}
