//! The scanner: JSON grammar checked byte by byte, without recursion and without
//! allocating, for the values the envelope skips and the tokens it reads.

use std::borrow::Cow;

use super::{Number, Reader, text_of};
use crate::response::error::{Category, ParseError};

/// serde_json's wording of the syntax errors the reader reports.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Syntax {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    TrailingComma,
    TrailingCharacters,
}

impl Syntax {
    pub(crate) const fn message(self) -> &'static str {
        match self {
            Syntax::EofWhileParsingList => "EOF while parsing a list",
            Syntax::EofWhileParsingObject => "EOF while parsing an object",
            Syntax::EofWhileParsingString => "EOF while parsing a string",
            Syntax::EofWhileParsingValue => "EOF while parsing a value",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Syntax::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Syntax::ExpectedSomeIdent => "expected ident",
            Syntax::ExpectedSomeValue => "expected value",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::InvalidNumber => "invalid number",
            Syntax::NumberOutOfRange => "number out of range",
            Syntax::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Syntax::KeyMustBeAString => "key must be a string",
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
        }
    }

    pub(crate) const fn category(self) -> Category {
        match self {
            Syntax::EofWhileParsingList
            | Syntax::EofWhileParsingObject
            | Syntax::EofWhileParsingString
            | Syntax::EofWhileParsingValue => Category::Eof,
            _ => Category::Syntax,
        }
    }
}

/// Payload containers this deep are tracked in a fixed array on the stack; deeper ones
/// (only hostile input nests so deep) spill into one heap allocation.
pub(crate) const INLINE_DEPTH: usize = 1024;

/// Which containers enclose the scanner: one bit per level, 1 for an object.
pub(crate) struct Nesting {
    depth: usize,
    inline: [u64; INLINE_DEPTH / 64],
    spilled: Vec<u64>,
}

impl Nesting {
    fn new() -> Nesting {
        Nesting {
            depth: 0,
            inline: [0; INLINE_DEPTH / 64],
            spilled: Vec::new(),
        }
    }

    fn word(&mut self, level: usize) -> &mut u64 {
        let index = level / 64;
        if index < self.inline.len() {
            &mut self.inline[index]
        } else {
            let spill = index - self.inline.len();
            if spill >= self.spilled.len() {
                self.spilled.resize(spill + 1, 0);
            }
            &mut self.spilled[spill]
        }
    }

    fn push(&mut self, object: bool) {
        let level = self.depth;
        let bit = 1u64 << (level % 64);
        let word = self.word(level);
        if object {
            *word |= bit;
        } else {
            *word &= !bit;
        }
        self.depth += 1;
    }

    /// The innermost container: `Some(true)` for an object, `None` at the top.
    fn top(&mut self) -> Option<bool> {
        let level = self.depth.checked_sub(1)?;
        Some(*self.word(level) & (1u64 << (level % 64)) != 0)
    }

    fn pop(&mut self) {
        self.depth -= 1;
    }
}

impl<'a> Reader<'a> {
    /// Skips one value of any shape, checking its grammar: brackets balanced and of the
    /// same kind, commas and colons in place, numbers and literals well formed, strings
    /// closed, without control characters, with well-formed escapes. String contents are
    /// not decoded: neither UTF-8 nor the pairing of surrogate escapes is checked,
    /// exactly as serde_json checks values it ignores. Iterative: no recursion, and no
    /// allocation up to [`INLINE_DEPTH`] levels.
    pub(crate) fn skip_value(&mut self) -> Result<(), ParseError> {
        let mut nesting = Nesting::new();
        loop {
            // A value is expected at the cursor.
            match self.skip_whitespace() {
                Some(b'"') => {
                    self.pos += 1;
                    self.scan_string()?;
                }
                Some(b'-' | b'0'..=b'9') => self.skip_number()?,
                Some(b't' | b'f' | b'n') => {
                    self.scan_literal()?;
                }
                Some(open @ (b'[' | b'{')) => {
                    self.pos += 1;
                    let object = open == b'{';
                    let close = if object { b'}' } else { b']' };
                    if self.skip_whitespace() == Some(close) {
                        self.pos += 1;
                    } else {
                        nesting.push(object);
                        if object {
                            self.object_key()?;
                        }
                        continue;
                    }
                }
                Some(_) => return Err(self.peek_error(Syntax::ExpectedSomeValue)),
                None => return Err(self.peek_error(Syntax::EofWhileParsingValue)),
            }
            // After a value: close containers until a comma asks for the next value.
            loop {
                let Some(object) = nesting.top() else {
                    return Ok(());
                };
                let close = if object { b'}' } else { b']' };
                match self.skip_whitespace() {
                    Some(b',') => {
                        self.pos += 1;
                        if object {
                            self.skip_whitespace();
                            self.object_key()?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        self.pos += 1;
                        nesting.pop();
                    }
                    Some(_) => {
                        return Err(self.peek_error(if object {
                            Syntax::ExpectedObjectCommaOrEnd
                        } else {
                            Syntax::ExpectedListCommaOrEnd
                        }));
                    }
                    None => {
                        return Err(self.peek_error(if object {
                            Syntax::EofWhileParsingObject
                        } else {
                            Syntax::EofWhileParsingList
                        }));
                    }
                }
            }
        }
    }

    /// Scans a string whose opening quote was consumed; the cursor ends after the
    /// closing quote.
    pub(crate) fn scan_string(&mut self) -> Result<RawString<'a>, ParseError> {
        let start = self.pos;
        let mut escaped = false;
        loop {
            self.pos = skip_plain(self.bytes, self.pos);
            match self.peek() {
                Some(b'"') => {
                    let raw = &self.bytes[start..self.pos];
                    self.pos += 1;
                    return Ok(RawString { raw, escaped });
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.scan_escape()?;
                }
                Some(_) => {
                    // serde_json reports a control character after consuming it.
                    self.pos += 1;
                    return Err(self.error(Syntax::ControlCharacterWhileParsingString));
                }
                None => return Err(self.error(Syntax::EofWhileParsingString)),
            }
        }
    }

    /// One escape after its backslash: `"\/bfnrt` or `u` and four hex digits.
    pub(crate) fn scan_escape(&mut self) -> Result<(), ParseError> {
        let Some(b) = self.peek() else {
            return Err(self.error(Syntax::EofWhileParsingString));
        };
        self.pos += 1;
        match b {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => {
                let Some(hex) = self.bytes.get(self.pos..self.pos + 4) else {
                    self.pos = self.bytes.len();
                    return Err(self.error(Syntax::EofWhileParsingString));
                };
                self.pos += 4;
                if hex.iter().all(u8::is_ascii_hexdigit) {
                    Ok(())
                } else {
                    Err(self.error(Syntax::InvalidEscape))
                }
            }
            _ => Err(self.error(Syntax::InvalidEscape)),
        }
    }

    /// Scans a number by the JSON grammar and classifies it.
    pub(crate) fn scan_number(&mut self) -> Result<Number, ParseError> {
        let start = self.pos;
        self.skip_number()?;
        Number::from_text(&self.bytes[start..self.pos])
            .ok_or_else(|| self.error(Syntax::NumberOutOfRange))
    }

    /// Skips a number by the JSON grammar alone: a skipped value may be any number the
    /// grammar allows, `1e999` and 400-digit integers included, as serde_json's own
    /// skipping has it.
    pub(crate) fn skip_number(&mut self) -> Result<(), ParseError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                // There can be only one leading '0'.
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(Syntax::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.eat_digits(),
            Some(_) => return Err(self.peek_error(Syntax::InvalidNumber)),
            None => return Err(self.peek_error(Syntax::EofWhileParsingValue)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.require_digit()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.require_digit()?;
        }
        Ok(())
    }

    pub(crate) fn eat_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    pub(crate) fn require_digit(&mut self) -> Result<(), ParseError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.eat_digits();
                Ok(())
            }
            Some(_) => Err(self.peek_error(Syntax::InvalidNumber)),
            None => Err(self.peek_error(Syntax::EofWhileParsingValue)),
        }
    }

    /// `true`, `false` or `null`.
    pub(crate) fn scan_literal(&mut self) -> Result<Literal, ParseError> {
        let (word, literal): (&[u8], _) = match self.peek() {
            Some(b't') => (b"true", Literal::True),
            Some(b'f') => (b"false", Literal::False),
            _ => (b"null", Literal::Null),
        };
        for &expected in word {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error(Syntax::ExpectedSomeIdent)),
                None => return Err(self.error(Syntax::EofWhileParsingValue)),
            }
        }
        Ok(literal)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Literal {
    True,
    False,
    Null,
}

/// A scanned string: the bytes between its quotes, and whether it has escapes.
#[derive(Copy, Clone)]
pub(crate) struct RawString<'a> {
    pub(crate) raw: &'a [u8],
    pub(crate) escaped: bool,
}

impl<'a> RawString<'a> {
    pub(crate) fn text(&self) -> Cow<'a, str> {
        text_of(self.raw, self.escaped)
    }
}

/// The index of the first byte from `pos` on that ends a string's plain run: `"`, `\`
/// or a control character. Eight bytes a step: a byte equal to `c` is a zero byte of
/// `x ^ c`, and `(y - 0x01..) & !y & 0x80..` flags zero bytes (and bytes below `0x20`
/// with `0x20..` in place of `0x01..`; bytes from `0x80` never). A borrow only flags
/// bytes above a flagged one, so the lowest flag is exact.
#[inline(always)]
fn skip_plain(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let hits = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | x.wrapping_sub(ONES * 0x20) & !x)
            & HIGHS;
        if hits != 0 {
            return pos + (hits.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while let Some(&b) = bytes.get(pos) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        pos += 1;
    }
    pos
}
