//! Input split into lines that end in `\n`, `\r\n` or a lone `\r` (old Mac files, and
//! some log shippers), handed over without a copy where the reader's buffer holds the
//! whole line, and the byte searches the per-line work is made of.

use std::io::{self, BufRead};

/// One line, without its line ending.
pub(super) enum Line<'a> {
    /// The line's bytes.
    Text(&'a [u8]),
    /// A line longer than the limit, with its length: skipped, never held in memory.
    TooLong(usize),
}

/// Calls `each` with every line of `input`, in order. A line longer than `max` bytes is
/// [`Line::TooLong`], so that input without line breaks (`msdk-explain < /dev/zero`)
/// cannot take all the memory: at most `max` bytes of a line are kept, and only when a
/// line crosses the end of the reader's buffer.
pub(super) fn for_each_line(
    input: &mut dyn BufRead,
    max: usize,
    mut each: impl FnMut(Line<'_>) -> io::Result<()>,
) -> io::Result<()> {
    // The start of a line that crossed the end of the buffer, and its full length.
    let mut carry: Vec<u8> = Vec::new();
    let mut carried = 0usize;
    let mut pending = false;
    // The last line ended in `\r`: a `\n` right after it belongs to that line's end.
    let mut after_cr = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            if pending {
                each(carried_line(&carry, carried, max))?;
            }
            return Ok(());
        }
        let mut at = 0;
        if std::mem::take(&mut after_cr) && buffer[0] == b'\n' {
            at = 1;
        }
        while let Some(found) = find_line_end(&buffer[at..]) {
            let end = at + found;
            let text = &buffer[at..end];
            if pending {
                keep(&mut carry, &mut carried, text, max);
                each(carried_line(&carry, carried, max))?;
                carry.clear();
                carried = 0;
                pending = false;
            } else if text.len() > max {
                each(Line::TooLong(text.len()))?;
            } else {
                each(Line::Text(text))?;
            }
            at = end + 1;
            if buffer[end] == b'\r' {
                match buffer.get(at) {
                    Some(b'\n') => at += 1,
                    Some(_) => {}
                    None => after_cr = true,
                }
            }
        }
        if at < buffer.len() {
            keep(&mut carry, &mut carried, &buffer[at..], max);
            pending = true;
        }
        let used = buffer.len();
        input.consume(used);
    }
}

/// Adds `part` to a line being carried across buffers, keeping at most `max` bytes.
fn keep(carry: &mut Vec<u8>, carried: &mut usize, part: &[u8], max: usize) {
    let room = max.saturating_sub(carry.len());
    carry.extend_from_slice(&part[..part.len().min(room)]);
    *carried = carried.saturating_add(part.len());
}

fn carried_line(carry: &[u8], carried: usize, max: usize) -> Line<'_> {
    if carried > max {
        Line::TooLong(carried)
    } else {
        Line::Text(carry)
    }
}

/// Eight bytes at a time: the per-line searches run over every byte of the input, and
/// a byte-by-byte loop with an early exit is the slowest part of a summary otherwise.
const LANES: usize = 8;
const ONES: u64 = u64::from_ne_bytes([0x01; LANES]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; LANES]);

/// A nonzero word exactly when some byte of `word` equals the byte `repeated` holds in
/// every lane (the classic "has zero byte" test on `word ^ repeated`).
#[inline(always)]
fn lanes_equal(word: u64, repeated: u64) -> u64 {
    let x = word ^ repeated;
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The index of the first byte for which `hit` holds, eight bytes a step while
/// `chunk_hits` says a chunk of eight has none.
#[inline(always)]
fn find_with(
    bytes: &[u8],
    chunk_hits: impl Fn(u64) -> bool,
    hit: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = 0;
    for chunk in bytes.chunks_exact(LANES) {
        let mut word = [0; LANES];
        word.copy_from_slice(chunk);
        if chunk_hits(u64::from_ne_bytes(word)) {
            break;
        }
        at += LANES;
    }
    bytes[at..].iter().position(|&b| hit(b)).map(|i| at + i)
}

/// The first `\n` or `\r`.
pub(super) fn find_line_end(bytes: &[u8]) -> Option<usize> {
    const LF: u64 = u64::from_ne_bytes([b'\n'; LANES]);
    const CR: u64 = u64::from_ne_bytes([b'\r'; LANES]);
    find_with(
        bytes,
        |word| lanes_equal(word, LF) | lanes_equal(word, CR) != 0,
        |b| b == b'\n' || b == b'\r',
    )
}

/// The first `byte`.
pub(super) fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    let repeated = u64::from_ne_bytes([byte; LANES]);
    find_with(
        bytes,
        |word| lanes_equal(word, repeated) != 0,
        |b| b == byte,
    )
}
