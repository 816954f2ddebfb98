//! The slice path: the crate's reader drives, `T` sees the payload fields.

use core::fmt;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::Envelope;
use crate::response::wire::{self, Field, Fields, Key, Reader};
use crate::response::{MsdkResponse, ParseError};

impl<'a, T: Deserialize<'a>> Envelope<'a, T> {
    /// Reads a response body: the envelope's three fields, and the rest as `T`.
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self, ParseError> {
        let mut reader = Reader::new(bytes);
        reader.begin_object()?;
        let mut state = State::default();
        state.lead(&mut reader)?;
        if !state.fields.failed() {
            let payload = T::deserialize(PayloadDeserializer {
                reader: &mut reader,
                state: &mut state,
            });
            match payload {
                Ok(payload) => {
                    state.drain(&mut reader)?;
                    reader.end()?;
                    let response = MsdkResponse::from(reader.finish(state.fields)?);
                    let payload = (response.ret() == 0).then_some(payload);
                    return Ok(Envelope { response, payload });
                }
                // T gave up at the end of a failed response (a missing field): the
                // envelope is complete, T is not needed.
                Err(_) if state.done && state.fields.failed() => {}
                Err(error) => return Self::after_payload_error(bytes, error.locate(&reader)),
            }
        }
        state.drain(&mut reader)?;
        reader.end()?;
        let response = MsdkResponse::from(reader.finish(state.fields)?);
        Ok(Envelope {
            response,
            payload: None,
        })
    }

    /// `T` failed before the envelope was known: reads the body for the envelope alone.
    /// A failed call is the MSDK error; a successful one the payload's error, placed
    /// with its path by a second, tracking pass.
    #[cold]
    fn after_payload_error(bytes: &'a [u8], error: ParseError) -> Result<Self, ParseError> {
        let response = MsdkResponse::from(wire::read_response(bytes)?);
        if response.ret() != 0 {
            return Ok(Envelope {
                response,
                payload: None,
            });
        }
        let mut reader = Reader::new(bytes);
        reader.begin_object()?;
        let mut state = State::default();
        let tracked = serde_path_to_error::deserialize::<_, T>(PayloadDeserializer {
            reader: &mut reader,
            state: &mut state,
        });
        match tracked {
            Err(tracked) => {
                let path = tracked.path();
                let named = path
                    .iter()
                    .any(|s| !matches!(s, serde_path_to_error::Segment::Unknown));
                let path = path.to_string();
                let located = tracked.into_inner().locate(&reader);
                Err(if named {
                    located.with_path(path)
                } else {
                    located
                })
            }
            Ok(_) => Err(error),
        }
    }
}

/// An error inside `T`'s deserialization on the slice path: placed, or a message from
/// `T`'s visitor, placed where it comes out.
#[derive(Debug)]
enum WireError {
    Parse(ParseError),
    Custom(String),
}

impl WireError {
    fn locate(self, reader: &Reader<'_>) -> ParseError {
        match self {
            WireError::Parse(error) => error,
            WireError::Custom(message) => reader.data_error(message),
        }
    }
}

impl From<ParseError> for WireError {
    fn from(error: ParseError) -> Self {
        WireError::Parse(error)
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Parse(error) => fmt::Display::fmt(error, f),
            WireError::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for WireError {}

impl de::Error for WireError {
    fn custom<M: fmt::Display>(message: M) -> Self {
        WireError::Custom(message.to_string())
    }
}

/// Where the reader is in the top-level object, shared by the passes over it.
#[derive(Default)]
struct State<'a> {
    fields: Fields<'a>,
    /// A payload key read but not yet handed to `T`.
    pending: Option<Key<'a>>,
    /// Keys were read already, so the next one follows a comma.
    started: bool,
    /// The closing `}` was read.
    done: bool,
}

impl<'a> State<'a> {
    /// The next key, or `None` at the end of the object.
    fn next_key(&mut self, reader: &mut Reader<'a>) -> Result<Option<Key<'a>>, ParseError> {
        if let Some(key) = self.pending.take() {
            return Ok(Some(key));
        }
        if self.done {
            return Ok(None);
        }
        let key = reader.next_key(!self.started)?;
        self.started = true;
        self.done = key.is_none();
        Ok(key)
    }

    /// Reads the envelope fields that come before the first payload field, which is
    /// left pending.
    fn lead(&mut self, reader: &mut Reader<'a>) -> Result<(), ParseError> {
        while let Some(key) = self.next_key(reader)? {
            if key.field == Field::Other {
                self.pending = Some(key);
                break;
            }
            reader.field_value(key.field, &mut self.fields)?;
        }
        Ok(())
    }

    /// Reads the rest of the object: envelope fields into the envelope, payload values
    /// skipped.
    fn drain(&mut self, reader: &mut Reader<'a>) -> Result<(), ParseError> {
        while let Some(key) = self.next_key(reader)? {
            reader.field_value(key.field, &mut self.fields)?;
        }
        Ok(())
    }
}

/// The payload object, for `T`: the body's top level without the envelope's fields.
struct PayloadDeserializer<'r, 'de> {
    reader: &'r mut Reader<'de>,
    state: &'r mut State<'de>,
}

impl<'de> Deserializer<'de> for PayloadDeserializer<'_, 'de> {
    type Error = WireError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        visitor.visit_map(PayloadMap {
            reader: self.reader,
            state: self.state,
        })
    }

    /// `IgnoredAny` skips the payload without looking at it.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        self.state.drain(self.reader)?;
        visitor.visit_unit()
    }

    /// An object is `Some`, as in serde_json.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, WireError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// The payload's fields, one by one; envelope fields on the way are read into the
/// envelope. Once `ret` says the call failed, `T` sees no more fields.
struct PayloadMap<'r, 'de> {
    reader: &'r mut Reader<'de>,
    state: &'r mut State<'de>,
}

impl<'de> MapAccess<'de> for PayloadMap<'_, 'de> {
    type Error = WireError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, WireError> {
        loop {
            if self.state.fields.failed() {
                self.state.drain(self.reader)?;
                return Ok(None);
            }
            let Some(key) = self.state.next_key(self.reader)? else {
                return Ok(None);
            };
            if key.field == Field::Other {
                let text = self.reader.key_text(&key)?;
                return seed.deserialize(KeyDeserializer(text)).map(Some);
            }
            self.reader.field_value(key.field, &mut self.state.fields)?;
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, WireError> {
        seed.deserialize(ValueDeserializer {
            reader: self.reader,
        })
    }
}

/// A payload key, decoded exactly, borrowed from the input when it needs no decoding.
struct KeyDeserializer<'de>(Cow<'de, str>);

impl<'de> Deserializer<'de> for KeyDeserializer<'de> {
    type Error = WireError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0 {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// One payload value, read by serde_json straight from the input, or skipped by the
/// crate's scanner when `T` ignores it.
struct ValueDeserializer<'r, 'de> {
    reader: &'r mut Reader<'de>,
}

impl<'de> ValueDeserializer<'_, 'de> {
    /// Runs serde_json on the value at the cursor, then moves the cursor past it.
    fn with_json<R>(
        self,
        read: impl FnOnce(
            &mut serde_json::Deserializer<serde_json::de::SliceRead<'de>>,
        ) -> Result<R, serde_json::Error>,
    ) -> Result<R, WireError> {
        let base = self.reader.offset();
        let mut json = serde_json::Deserializer::from_slice(self.reader.rest());
        match read(&mut json) {
            Ok(value) => {
                // serde_json's own count of the bytes it read.
                let used = json.into_iter::<IgnoredAny>().byte_offset();
                self.reader.advance(used);
                Ok(value)
            }
            Err(error) => Err(WireError::Parse(self.reader.relocate(base, &error))),
        }
    }
}

/// Forwards `deserialize_*` methods to serde_json's deserializer of the value.
macro_rules! forward_to_json {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, WireError> {
                self.with_json(|json| serde::Deserializer::$method(json, $($arg,)* visitor))
            }
        )*
    };
}

impl<'de> Deserializer<'de> for ValueDeserializer<'_, 'de> {
    type Error = WireError;

    /// The crate's scanner: the same tolerance as `MsdkResponse`'s, no allocation.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        self.reader.skip_value()?;
        visitor.visit_unit()
    }

    forward_to_json! {
        deserialize_any(), deserialize_bool(), deserialize_i8(), deserialize_i16(),
        deserialize_i32(), deserialize_i64(), deserialize_i128(), deserialize_u8(),
        deserialize_u16(), deserialize_u32(), deserialize_u64(), deserialize_u128(),
        deserialize_f32(), deserialize_f64(), deserialize_char(), deserialize_str(),
        deserialize_string(), deserialize_bytes(), deserialize_byte_buf(),
        deserialize_option(), deserialize_unit(), deserialize_seq(), deserialize_map(),
        deserialize_identifier(),
        deserialize_unit_struct(name: &'static str),
        deserialize_newtype_struct(name: &'static str),
        deserialize_tuple(len: usize),
        deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_struct(name: &'static str, fields: &'static [&'static str]),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
    }
}
