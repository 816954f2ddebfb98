//! The crate's own reader of response bodies, behind [`MsdkResponse::from_slice`]
//! (crate::MsdkResponse::from_slice): the top-level object by hand, `ret`, `msg` and
//! `err_type` decoded by the crate's rules, and every other value skipped by a scanner
//! that checks JSON grammar without recursion and without allocating.
//!
//! Why by hand: serde_json's own skipping either checks strings it does not keep (a lone
//! surrogate escape in a nickname rejects the body) or allocates for nested containers,
//! and which of the two happens depends on how deep the value sits. Here the rules are
//! the same at every depth.

use std::borrow::Cow;

use serde::de::{self, Expected, Unexpected};

use crate::error::{Category, ParseError};

/// One of the three envelope fields, or any other key.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Ret,
    Msg,
    ErrType,
    Other,
}

impl Field {
    pub(crate) fn of(key: &[u8]) -> Field {
        match key {
            b"ret" => Field::Ret,
            b"msg" => Field::Msg,
            b"err_type" => Field::ErrType,
            _ => Field::Other,
        }
    }

    pub(crate) const fn name(self) -> &'static str {
        match self {
            Field::Ret => "ret",
            Field::Msg => "msg",
            Field::ErrType => "err_type",
            Field::Other => "payload",
        }
    }
}

/// A top-level key as it stands in the input: its raw bytes between the quotes.
#[allow(dead_code)] // The raw key is for the envelope, which hands keys to the payload.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Key<'a> {
    pub(crate) raw: &'a [u8],
    pub(crate) escaped: bool,
    pub(crate) field: Field,
}

#[allow(dead_code)]
impl<'a> Key<'a> {
    /// The key as text (see [`text_of`]).
    pub(crate) fn text(&self) -> Cow<'a, str> {
        text_of(self.raw, self.escaped)
    }
}

/// A scanned string's text: borrowed when it has no escapes and is UTF-8, else decoded,
/// with every escape or byte sequence that does not decode replaced by U+FFFD.
fn text_of(raw: &[u8], escaped: bool) -> Cow<'_, str> {
    if !escaped && let Ok(text) = core::str::from_utf8(raw) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(decode_lossy(raw))
}

/// The envelope fields read so far: the same rules for every reader.
#[derive(Default, Debug)]
pub(crate) struct Fields<'a> {
    pub(crate) ret: Option<i32>,
    pub(crate) msg: Option<Cow<'a, str>>,
    pub(crate) err_type: Option<Option<i32>>,
}

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
type Message = serde_json::Error;

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

/// The rule for `ret` and `err_type` sent as a string: an optional `+` or `-`, then ASCII
/// decimal digits, nothing else (no spaces, no `0x`), the value in the `i32` range. `"-0"`
/// is refused like the number `-0`, so a value reads the same in either form.
pub(crate) fn int_from_str<E: de::Error>(text: &str, expected: &IntExpected) -> Result<i32, E> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, bytes),
    };
    let mut magnitude: i64 = 0;
    let mut valid = !digits.is_empty();
    for &d in digits {
        if !d.is_ascii_digit() {
            valid = false;
            break;
        }
        magnitude = magnitude * 10 + i64::from(d - b'0');
        // Past 2^31 nothing fits an i32; stopping here keeps the i64 from overflowing.
        if magnitude > 1 << 31 {
            valid = false;
            break;
        }
    }
    let value = if negative { -magnitude } else { magnitude };
    match i32::try_from(value) {
        Ok(value) if valid && !(negative && magnitude == 0) => Ok(value),
        _ => {
            // Quote short strings; a huge one would turn the error into a copy of it.
            let shown = if text.len() <= 32 {
                Unexpected::Str(text)
            } else {
                Unexpected::Other("a long string")
            };
            Err(E::invalid_value(shown, expected))
        }
    }
}

/// serde_json's wording of the syntax errors the reader reports.
#[derive(Copy, Clone, Debug)]
enum Syntax {
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
    const fn message(self) -> &'static str {
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

    const fn category(self) -> Category {
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
const INLINE_DEPTH: usize = 1024;

/// Which containers enclose the scanner: one bit per level, 1 for an object.
struct Nesting {
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

/// A cursor over a response body.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// The byte offset reached.
    pub(crate) fn offset(&self) -> usize {
        self.pos
    }

    /// Moves the cursor, e.g. past a value another deserializer read.
    #[allow(dead_code)]
    pub(crate) fn advance(&mut self, by: usize) {
        self.pos = (self.pos + by).min(self.bytes.len());
    }

    /// The input from the cursor on.
    #[allow(dead_code)]
    pub(crate) fn rest(&self) -> &'a [u8] {
        &self.bytes[self.pos..]
    }

    /// serde_json's place of an error at byte index `index`: the line, and the bytes
    /// from the line's start to `index` (so the byte at `index - 1` is the last one
    /// counted).
    fn place(&self, index: usize) -> (usize, usize) {
        let before = &self.bytes[..index.min(self.bytes.len())];
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before[..start_of_line]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line, before.len() - start_of_line)
    }

    /// A syntax error shown by the byte at the cursor (serde_json's `peek_error`).
    fn peek_error(&self, code: Syntax) -> ParseError {
        ParseError::own(code.category(), code.message(), self.place(self.pos + 1))
    }

    /// A syntax error after the bytes consumed so far (serde_json's `error`).
    fn error(&self, code: Syntax) -> ParseError {
        ParseError::own(code.category(), code.message(), self.place(self.pos))
    }

    /// A data error, placed after the bytes consumed so far.
    pub(crate) fn data_error(&self, message: impl core::fmt::Display) -> ParseError {
        ParseError::own(Category::Data, message.to_string(), self.place(self.pos))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// After the whole value: nothing but whitespace may follow.
    pub(crate) fn end(&mut self) -> Result<(), ParseError> {
        match self.skip_whitespace() {
            None => Ok(()),
            Some(_) => Err(self.peek_error(Syntax::TrailingCharacters)),
        }
    }

    /// The opening `{` of the body; anything else is an error naming what it is.
    pub(crate) fn begin_object(&mut self) -> Result<(), ParseError> {
        match self.skip_whitespace() {
            Some(b'{') => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.peek_error(Syntax::EofWhileParsingValue)),
            Some(_) => {
                let unexpected = self.unexpected_value()?;
                Err(self.data_error(unexpected_message(unexpected, &ObjectExpected)))
            }
        }
    }

    /// Reads the value at the cursor only far enough to say what it is, for an
    /// "invalid type" error.
    fn unexpected_value(&mut self) -> Result<Unexpected<'a>, ParseError> {
        Ok(match self.peek() {
            Some(b'[') => {
                self.pos += 1;
                Unexpected::Seq
            }
            Some(b'{') => {
                self.pos += 1;
                Unexpected::Map
            }
            Some(b'"') => {
                self.pos += 1;
                let string = self.scan_string()?;
                // Quote a short plain string; a long one would turn the error into a copy.
                match core::str::from_utf8(string.raw) {
                    Ok(text) if !string.escaped && text.len() <= 32 => Unexpected::Str(text),
                    _ => Unexpected::Other("a string"),
                }
            }
            Some(b't' | b'f') => Unexpected::Bool(self.scan_literal()? == Literal::True),
            Some(b'n') => {
                self.scan_literal()?;
                Unexpected::Unit
            }
            Some(b'-' | b'0'..=b'9') => self.scan_number()?.unexpected(),
            Some(_) => return Err(self.peek_error(Syntax::ExpectedSomeValue)),
            None => return Err(self.peek_error(Syntax::EofWhileParsingValue)),
        })
    }

    /// The next key of the object, or `None` at its closing `}`. `first` is true for
    /// the first call after [`begin_object`](Self::begin_object).
    pub(crate) fn next_key(&mut self, first: bool) -> Result<Option<Key<'a>>, ParseError> {
        match self.skip_whitespace() {
            Some(b'}') => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b',') if !first => {
                self.pos += 1;
                if self.skip_whitespace() == Some(b'}') {
                    return Err(self.peek_error(Syntax::TrailingComma));
                }
            }
            Some(_) if !first => return Err(self.peek_error(Syntax::ExpectedObjectCommaOrEnd)),
            Some(_) => {}
            None => return Err(self.peek_error(Syntax::EofWhileParsingObject)),
        }
        let key = self.object_key()?;
        Ok(Some(key))
    }

    /// A key and its `:`, the cursor on the value.
    fn object_key(&mut self) -> Result<Key<'a>, ParseError> {
        match self.peek() {
            Some(b'"') => self.pos += 1,
            Some(_) => return Err(self.peek_error(Syntax::KeyMustBeAString)),
            None => return Err(self.peek_error(Syntax::EofWhileParsingObject)),
        }
        let string = self.scan_string()?;
        let field = if string.escaped {
            decoded_field(string.raw)
        } else {
            Field::of(string.raw)
        };
        match self.skip_whitespace() {
            Some(b':') => self.pos += 1,
            Some(_) => return Err(self.peek_error(Syntax::ExpectedColon)),
            None => return Err(self.peek_error(Syntax::EofWhileParsingObject)),
        }
        self.skip_whitespace();
        Ok(Key {
            raw: string.raw,
            escaped: string.escaped,
            field,
        })
    }

    /// Reads the value of an envelope field into `fields`; a second `ret`, `msg` or
    /// `err_type` is an error.
    pub(crate) fn field_value(
        &mut self,
        field: Field,
        fields: &mut Fields<'a>,
    ) -> Result<(), ParseError> {
        let duplicate = match field {
            Field::Ret => fields.ret.is_some(),
            Field::Msg => fields.msg.is_some(),
            Field::ErrType => fields.err_type.is_some(),
            Field::Other => return self.skip_value(),
        };
        if duplicate {
            return Err(self.data_error(format_args!("duplicate field `{}`", field.name())));
        }
        match field {
            Field::Ret => {
                let expected = IntExpected("ret");
                match self.int_value(&expected)? {
                    Some(ret) => fields.ret = Some(ret),
                    None => {
                        return Err(
                            self.data_error(unexpected_message(Unexpected::Unit, &expected))
                        );
                    }
                }
            }
            Field::ErrType => fields.err_type = Some(self.int_value(&IntExpected("err_type"))?),
            Field::Msg => fields.msg = Some(self.msg_value()?),
            Field::Other => {}
        }
        Ok(())
    }

    /// The response, once the closing `}` has been read.
    pub(crate) fn finish(&self, fields: Fields<'a>) -> Result<crate::MsdkResponse<'a>, ParseError> {
        let Some(ret) = fields.ret else {
            return Err(self.data_error("missing field `ret`"));
        };
        Ok(crate::MsdkResponse::new(
            ret,
            fields.msg.unwrap_or(Cow::Borrowed("")),
            fields.err_type.flatten(),
        ))
    }

    /// `ret` or `err_type`: a number, a string holding one, or `null` (`None`).
    fn int_value(&mut self, expected: &IntExpected) -> Result<Option<i32>, ParseError> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let number = self.scan_number()?;
                number
                    .to_i32::<Message>(expected)
                    .map(Some)
                    .map_err(|e| self.data_error(e))
            }
            Some(b'"') => {
                self.pos += 1;
                let string = self.scan_string()?;
                let text = string.text();
                int_from_str::<Message>(&text, expected)
                    .map(Some)
                    .map_err(|e| self.data_error(e))
            }
            Some(b'n') if self.scan_literal()? == Literal::Null => Ok(None),
            _ => {
                let unexpected = self.unexpected_value()?;
                Err(self.data_error(unexpected_message(unexpected, expected)))
            }
        }
    }

    /// `msg`: a string (borrowed unless it needs decoding) or `null` (`""`).
    fn msg_value(&mut self) -> Result<Cow<'a, str>, ParseError> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                Ok(self.scan_string()?.text())
            }
            Some(b'n') if self.scan_literal()? == Literal::Null => Ok(Cow::Borrowed("")),
            _ => {
                let unexpected = self.unexpected_value()?;
                Err(self.data_error(unexpected_message(unexpected, &MsgExpected)))
            }
        }
    }

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
                Some(b'-' | b'0'..=b'9') => {
                    self.scan_number()?;
                }
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
    fn scan_string(&mut self) -> Result<RawString<'a>, ParseError> {
        let start = self.pos;
        let mut escaped = false;
        loop {
            // The common bytes in one tight loop.
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
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
    fn scan_escape(&mut self) -> Result<(), ParseError> {
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
    fn scan_number(&mut self) -> Result<Number, ParseError> {
        let start = self.pos;
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
        Number::from_text(&self.bytes[start..self.pos])
            .ok_or_else(|| self.error(Syntax::NumberOutOfRange))
    }

    fn eat_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn require_digit(&mut self) -> Result<(), ParseError> {
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
    fn scan_literal(&mut self) -> Result<Literal, ParseError> {
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
enum Literal {
    True,
    False,
    Null,
}

/// A scanned string: the bytes between its quotes, and whether it has escapes.
#[derive(Copy, Clone)]
struct RawString<'a> {
    raw: &'a [u8],
    escaped: bool,
}

impl<'a> RawString<'a> {
    fn text(&self) -> Cow<'a, str> {
        text_of(self.raw, self.escaped)
    }
}

/// "invalid type: ..., expected ..." in serde's words.
fn unexpected_message(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Message {
    <Message as de::Error>::invalid_type(unexpected, expected)
}

/// The field a key with escapes names, decoding at most as much as the longest field
/// name: no allocation.
fn decoded_field(raw: &[u8]) -> Field {
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
/// surrogate pair without its other half is emitted as U+FFFD.
fn for_each_decoded(raw: &[u8], mut emit: impl FnMut(&[u8])) {
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
        let Some(&kind) = raw.get(i + 1) else { break };
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
        let Some(unit) = hex4(raw, i + 2) else { break };
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
            None => emit(REPLACEMENT),
        }
    }
}

/// Four hex digits at `at`, as a UTF-16 code unit.
fn hex4(raw: &[u8], at: usize) -> Option<u16> {
    let digits = raw.get(at..at + 4)?;
    let text = core::str::from_utf8(digits).ok()?;
    u16::from_str_radix(text, 16).ok()
}

/// Reads a whole body: the object and nothing after it but whitespace.
pub(crate) fn read_response(bytes: &[u8]) -> Result<crate::MsdkResponse<'_>, ParseError> {
    let mut reader = Reader::new(bytes);
    let response = read_object(&mut reader)?;
    reader.end()?;
    Ok(response)
}

/// Reads the object at the cursor, skipping every field but the envelope's.
pub(crate) fn read_object<'a>(
    reader: &mut Reader<'a>,
) -> Result<crate::MsdkResponse<'a>, ParseError> {
    reader.begin_object()?;
    let mut fields = Fields::default();
    let mut first = true;
    while let Some(key) = reader.next_key(first)? {
        first = false;
        reader.field_value(key.field, &mut fields)?;
    }
    reader.finish(fields)
}

/// The number `text` holds, when it is one whole JSON number; for the text serde_json
/// hands over under its `arbitrary_precision` feature.
pub(crate) fn scan_number_text(text: &[u8]) -> Option<Number> {
    let mut reader = Reader::new(text);
    let number = reader.scan_number().ok()?;
    (reader.pos == text.len()).then_some(number)
}
