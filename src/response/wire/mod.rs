//! The crate's own reader of response bodies, behind
//! [`MsdkResponse::from_slice`](crate::MsdkResponse::from_slice): the top-level object by hand, `ret`, `msg` and
//! `err_type` decoded by the crate's rules, and every other value skipped by a scanner
//! that checks JSON grammar without recursion and without allocating.
//!
//! Why by hand: serde_json's own skipping either checks strings it does not keep (a lone
//! surrogate escape in a nickname rejects the body) or allocates for nested containers,
//! and which of the two happens depends on how deep the value sits. Here the rules are
//! the same at every depth.

mod rules;
mod scan;
mod text;

use std::borrow::Cow;

use serde::de::Unexpected;

use crate::response::error::{Category, ParseError};

pub(crate) use rules::{
    IntExpected, Message, MsgExpected, Number, ObjectExpected, int_from_str, unexpected_message,
};
pub(crate) use scan::{Literal, Syntax};
use text::exact_text_of;
pub(crate) use text::{decoded_field, text_of};

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
#[derive(Copy, Clone, Debug)]
pub(crate) struct Key<'a> {
    pub(crate) raw: &'a [u8],
    pub(crate) escaped: bool,
    pub(crate) field: Field,
    /// The byte offset of its opening quote, to place an error in it.
    pub(crate) start: usize,
}

/// The envelope fields read so far: the same rules for every reader.
#[derive(Default, Debug)]
pub(crate) struct Fields<'a> {
    pub(crate) ret: Option<i32>,
    pub(crate) msg: Option<Cow<'a, str>>,
    pub(crate) err_type: Option<Option<i32>>,
}

impl<'a> Fields<'a> {
    /// `ret` is known and says the call failed.
    pub(crate) fn failed(&self) -> bool {
        self.ret.is_some_and(|ret| ret != 0)
    }

    /// The status the fields make: `msg` missing is `""`, `err_type` missing is absent;
    /// `None` while `ret` is missing, which every reader reports as an error.
    pub(crate) fn into_status(self) -> Option<Status<'a>> {
        Some(Status {
            ret: self.ret?,
            msg: self.msg.unwrap_or(Cow::Borrowed("")),
            err_type: self.err_type.flatten(),
        })
    }
}

/// A response's status as read: what an [`MsdkResponse`](crate::MsdkResponse) is made
/// of. The reader hands this over rather than the response type, so that it depends on
/// nothing above it.
#[derive(Debug)]
pub(crate) struct Status<'a> {
    pub(crate) ret: i32,
    pub(crate) msg: Cow<'a, str>,
    pub(crate) err_type: Option<i32>,
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
    pub(crate) fn advance(&mut self, by: usize) {
        self.pos = (self.pos + by).min(self.bytes.len());
    }

    /// The input from the cursor on.
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

    /// An error serde_json found in a value that starts at byte `base`, read on its own
    /// from there: its place turned from relative to the value into absolute.
    pub(crate) fn relocate(&self, base: usize, error: &serde_json::Error) -> ParseError {
        let category = match error.classify() {
            serde_json::error::Category::Syntax => Category::Syntax,
            serde_json::error::Category::Eof => Category::Eof,
            _ => Category::Data,
        };
        let (line, column) = (error.line(), error.column());
        let message = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        let place = if line == 0 {
            self.place(self.pos)
        } else {
            let (base_line, base_column) = self.place(base);
            if line == 1 {
                (base_line, base_column + column)
            } else {
                (base_line + line - 1, column)
            }
        };
        ParseError::own(category, message, place)
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
        let start = self.pos;
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
            start,
        })
    }

    /// A key's text, decoded exactly, as serde_json decodes the keys it hands on: a key
    /// with an escape or bytes that do not decode is serde_json's error, placed in it.
    pub(crate) fn key_text(&self, key: &Key<'a>) -> Result<Cow<'a, str>, ParseError> {
        match exact_text_of(key.raw, key.escaped) {
            Some(text) => Ok(text),
            None => self.undecodable_key(key),
        }
    }

    /// serde_json's own reading of a key the crate's decoder refuses, for its message
    /// and place.
    #[cold]
    fn undecodable_key(&self, key: &Key<'a>) -> Result<Cow<'a, str>, ParseError> {
        let mut json = serde_json::Deserializer::from_slice(&self.bytes[key.start..]);
        match <String as serde::Deserialize>::deserialize(&mut json) {
            Err(error) => Err(self.relocate(key.start, &error)),
            // The two decoders agree on what decodes; should they ever not,
            // serde_json's text is the one a key read through serde would have.
            Ok(text) => Ok(Cow::Owned(text)),
        }
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
    pub(crate) fn finish(&self, fields: Fields<'a>) -> Result<Status<'a>, ParseError> {
        fields
            .into_status()
            .ok_or_else(|| self.data_error("missing field `ret`"))
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
}

/// Reads a whole body: the object and nothing after it but whitespace.
pub(crate) fn read_response(bytes: &[u8]) -> Result<Status<'_>, ParseError> {
    let mut reader = Reader::new(bytes);
    let response = read_object(&mut reader)?;
    reader.end()?;
    Ok(response)
}

/// Reads the object at the cursor, skipping every field but the envelope's.
pub(crate) fn read_object<'a>(reader: &mut Reader<'a>) -> Result<Status<'a>, ParseError> {
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
