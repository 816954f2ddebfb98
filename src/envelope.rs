//! [`Envelope`]: the status and the payload of a response in one parse, with the MSDK
//! error never masked by a payload that is missing or does not fit; its owned form
//! [`OwnedEnvelope`]; the one-liners [`from_slice`] and [`from_slice_for`]; and
//! [`Error`], which is either a [`ParseError`] or an [`MsdkError`].

use core::fmt;
use core::marker::PhantomData;
use core::ops::Deref;
use std::borrow::Cow;
use std::io;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::response::{FieldKey, read_field};
use crate::wire::{Field, Fields, Key, Reader};
use crate::{Api, Classification, MsdkError, MsdkResponse, ParseError};

/// A response read in one pass: `ret`, `msg` and `err_type` exactly as [`MsdkResponse`]
/// reads them, and every other top-level field decoded into `T`.
///
/// `T` is anything that deserializes from a JSON object: a struct, a map with string
/// keys, or [`IgnoredAny`]. It sees the body's fields but the three of the envelope, in
/// the body's order, and may borrow from the input (`&'a str`, `Cow<'a, str>`).
///
/// A failure is never masked by its payload: when `ret != 0`, `T` is not required, and
/// a payload that is missing, `null`, partial or of the wrong type is skipped; the
/// result is the [`MsdkError`], whatever order the fields come in (`ret` last
/// included). On success (`ret == 0`) a payload that does not fit `T` is a
/// [`ParseError`] that names where, with [`ParseError::path`].
///
/// ```
/// use msdk_error_codes::{Decision, Envelope};
///
/// #[derive(serde::Deserialize, Debug)]
/// struct Friends<'a> {
///     #[serde(borrow)]
///     lists: Vec<Friend<'a>>,
/// }
/// #[derive(serde::Deserialize, Debug)]
/// struct Friend<'a> {
///     openid: &'a str,
///     #[serde(rename = "nickName")]
///     nick_name: std::borrow::Cow<'a, str>,
/// }
///
/// let ok = r#"{"ret":0,"msg":"success","lists":[{"openid":"A1","nickName":"小明"}]}"#;
/// let envelope = Envelope::<Friends>::from_slice(ok.as_bytes())?;
/// assert_eq!(envelope.response().msg(), "success");
/// assert_eq!(envelope.payload().unwrap().lists[0].openid, "A1");
///
/// // A failure has no `lists`: the MSDK error, not "missing field `lists`".
/// let failed = br#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#;
/// let envelope = Envelope::<Friends>::from_slice(failed)?;
/// assert!(envelope.payload().is_none());
/// let err = envelope.into_result().unwrap_err();
/// assert_eq!((err.code(), err.decision()), (42001, Decision::RefreshToken));
/// # Ok::<(), msdk_error_codes::ParseError>(())
/// ```
///
/// # How it reads
/// [`from_slice`](Self::from_slice) reads the top level with the crate's own reader (see
/// [`MsdkResponse`] for its rules) and hands `T` each payload value with serde_json,
/// straight from the input: no intermediate map, no `Value`, no buffering. Payload
/// values `T` does not want are skipped by the crate's scanner, as `MsdkResponse`
/// skips them. Envelope fields that come before the payload are read first, so a
/// failure whose `ret` comes first never reaches `T` at all. If `T` fails before `ret`
/// is known, the body is read once more for the envelope alone, and a failure is
/// reported as the MSDK error. A duplicate `ret`, `msg` or `err_type` is an error, as
/// for `MsdkResponse`.
///
/// Through serde's [`Deserialize`] (`serde_json::from_str`, an HTTP client's `.json()`)
/// it reads the same way in one pass, but it cannot read the body again: there, a payload
/// error that comes *before* `ret` stays a parse error even when `ret` then says the call
/// failed, and a payload error has a line and column but no path. For both, read the
/// body's bytes with [`from_slice`](Self::from_slice) (or
/// [`OwnedEnvelope::from_slice`]).
///
/// # Allocation
/// Nothing beyond what `T` itself allocates; a failure whose `ret` comes before the
/// payload, with a borrowed `msg`, allocates nothing at all.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Envelope<'a, T> {
    response: MsdkResponse<'a>,
    /// `Some` exactly when `ret == 0`.
    payload: Option<T>,
}

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
                    let response = reader.finish(state.fields)?;
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
        let response = reader.finish(state.fields)?;
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
        let response = crate::wire::read_response(bytes)?;
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

impl<'a, T> Envelope<'a, T> {
    /// The status: `ret`, `msg` and `err_type`.
    pub fn response(&self) -> &MsdkResponse<'a> {
        &self.response
    }

    /// The payload, `Some` only for a successful call (`ret == 0`).
    pub fn payload(&self) -> Option<&T> {
        self.payload.as_ref()
    }

    /// The payload, `Some` only for a successful call (`ret == 0`).
    pub fn into_payload(self) -> Option<T> {
        self.payload
    }

    /// The status and the payload.
    pub fn into_parts(self) -> (MsdkResponse<'a>, Option<T>) {
        (self.response, self.payload)
    }

    /// Classifies the status as a generic endpoint's; see
    /// [`MsdkResponse::classify`].
    pub fn classify(&self) -> Classification<'_> {
        self.response.classify()
    }

    /// Classifies the status of `api`; see [`MsdkResponse::classify_for`].
    pub fn classify_for(&self, api: Api) -> Classification<'_> {
        self.response.classify_for(api)
    }

    /// The payload on success, else the MSDK error of a generic endpoint.
    pub fn into_result(self) -> Result<T, MsdkError> {
        self.into_result_for(Api::Generic)
    }

    /// The payload on success, else the MSDK error, classified for `api`.
    pub fn into_result_for(self, api: Api) -> Result<T, MsdkError> {
        match self.payload {
            Some(payload) => Ok(payload),
            // No payload means ret != 0, so the classification is an error.
            None => Err(self.response.classify_for(api).into_error()),
        }
    }

    /// The same envelope, owning its `msg`.
    pub fn into_owned(self) -> OwnedEnvelope<T> {
        OwnedEnvelope(Envelope {
            response: self.response.into_owned(),
            payload: self.payload,
        })
    }
}

/// An [`Envelope`] that owns its `msg`: `DeserializeOwned` when `T` is, for
/// `serde_json::from_reader` and HTTP clients' `.json::<OwnedEnvelope<T>>()`. It
/// dereferences to the [`Envelope`], for [`payload`](Envelope::payload),
/// [`response`](Envelope::response) and the rest.
///
/// [`MsdkResponse`] itself is not `DeserializeOwned`, because it borrows `msg` from the
/// input; `OwnedEnvelope<IgnoredAny>` is its owned form: the same three fields, the
/// payload skipped.
///
/// ```
/// use msdk_error_codes::OwnedEnvelope;
/// use serde::de::IgnoredAny;
///
/// let body = r#"{"ret":-503,"msg":"频率超限","lists":[]}"#;
/// let envelope = OwnedEnvelope::<IgnoredAny>::from_reader(body.as_bytes())?;
/// assert_eq!(envelope.response().ret(), -503);
/// assert!(envelope.into_result().unwrap_err().is_retryable());
/// # Ok::<(), msdk_error_codes::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OwnedEnvelope<T>(Envelope<'static, T>);

impl<T: de::DeserializeOwned> OwnedEnvelope<T> {
    /// Reads a body from a reader, through serde (see [`Envelope`] for what that cannot
    /// do: read again after a payload error that comes before `ret`, or give a path).
    pub fn from_reader(reader: impl io::Read) -> Result<Self, ParseError> {
        serde_json::from_reader(reader).map_err(ParseError::from)
    }

    /// Reads a body from a slice with [`Envelope::from_slice`], then owns it.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, ParseError> {
        Envelope::<T>::from_slice(bytes).map(Envelope::into_owned)
    }
}

impl<T> OwnedEnvelope<T> {
    /// The envelope.
    pub fn into_envelope(self) -> Envelope<'static, T> {
        self.0
    }

    /// The payload on success, else the MSDK error of a generic endpoint.
    pub fn into_result(self) -> Result<T, MsdkError> {
        self.0.into_result()
    }

    /// The payload on success, else the MSDK error, classified for `api`.
    pub fn into_result_for(self, api: Api) -> Result<T, MsdkError> {
        self.0.into_result_for(api)
    }
}

impl<T> Deref for OwnedEnvelope<T> {
    type Target = Envelope<'static, T>;

    fn deref(&self) -> &Envelope<'static, T> {
        &self.0
    }
}

impl<'a, T> From<Envelope<'a, T>> for OwnedEnvelope<T> {
    fn from(envelope: Envelope<'a, T>) -> Self {
        envelope.into_owned()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OwnedEnvelope<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Envelope::<'de, T>::deserialize(deserializer).map(Envelope::into_owned)
    }
}

/// A failed MSDK call, or a body that could not be read: the error of [`from_slice`].
///
/// Its `Display` is the inner error's, and `source()` is the inner error's own source
/// (none), so a reporter that prints the chain says the cause once.
///
/// ```
/// use msdk_error_codes::Error;
///
/// #[derive(serde::Deserialize, Debug)]
/// struct Friends { lists: Vec<serde::de::IgnoredAny> }
///
/// let err = msdk_error_codes::from_slice::<Friends>(br#"{"ret":-503,"msg":"rate"}"#).unwrap_err();
/// assert!(matches!(&err, Error::Msdk(e) if e.code() == -503));
/// let err = msdk_error_codes::from_slice::<Friends>(b"not json").unwrap_err();
/// assert!(matches!(err, Error::Parse(_)));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The body is not a readable MSDK response (or its successful payload does not
    /// fit).
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The call failed: MSDK said so.
    #[error(transparent)]
    Msdk(#[from] MsdkError),
}

/// The payload of a successful response of a generic endpoint, or the error: the
/// one-liner for the common case. See [`Envelope`] for the rules.
///
/// ```
/// # fn demo(body: &[u8]) -> Result<(), msdk_error_codes::Error> {
/// #[derive(serde::Deserialize)]
/// struct Friends { lists: Vec<serde::de::IgnoredAny> }
///
/// let friends: Friends = msdk_error_codes::from_slice(body)?;
/// # let _ = friends;
/// # Ok(())
/// # }
/// # demo(br#"{"ret":0,"msg":"ok","lists":[]}"#).unwrap();
/// ```
pub fn from_slice<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Error> {
    from_slice_for(Api::Generic, bytes)
}

/// [`from_slice`] for a response of `api`, whose error is classified in that context.
///
/// ```
/// use msdk_error_codes::{Api, Error, Layer};
///
/// let body = br#"{"ret":-10002,"msg":"account not found"}"#;
/// let err = msdk_error_codes::from_slice_for::<serde::de::IgnoredAny>(Api::BlueDiamond, body).unwrap_err();
/// assert!(matches!(err, Error::Msdk(e) if e.layer() == Layer::BlueDiamond));
/// ```
pub fn from_slice_for<'a, T: Deserialize<'a>>(api: Api, bytes: &'a [u8]) -> Result<T, Error> {
    Ok(Envelope::<T>::from_slice(bytes)?.into_result_for(api)?)
}

// ---------------------------------------------------------------------------------
// The slice path: the crate's reader drives, T sees the payload fields.

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
                return seed.deserialize(KeyDeserializer(key)).map(Some);
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

/// A payload key, borrowed from the input when it needs no decoding.
struct KeyDeserializer<'de>(Key<'de>);

impl<'de> Deserializer<'de> for KeyDeserializer<'de> {
    type Error = WireError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0.text() {
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

// ---------------------------------------------------------------------------------
// The serde path: any deserializer drives, through a filtering MapAccess.

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Envelope<'de, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor(PhantomData))
    }
}

struct EnvelopeVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for EnvelopeVisitor<T> {
    type Value = Envelope<'de, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an MSDK response object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut state = SerdeState::default();
        let payload = T::deserialize(FilterDeserializer {
            map: &mut map,
            state: &mut state,
        });
        let payload = match payload {
            Ok(payload) => {
                state.drain(&mut map)?;
                Some(payload)
            }
            // T gave up at the end of a failed response: not needed.
            Err(_) if state.done && state.fields.failed() => None,
            Err(error) => return Err(error),
        };
        let response = state
            .fields
            .into_response()
            .ok_or_else(|| de::Error::missing_field("ret"))?;
        let payload = payload.filter(|_| response.ret() == 0);
        Ok(Envelope { response, payload })
    }
}

#[derive(Default)]
struct SerdeState<'de> {
    fields: Fields<'de>,
    done: bool,
}

impl<'de> SerdeState<'de> {
    /// Reads the rest of the map: envelope fields into the envelope, the rest skipped.
    fn drain<A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        if !self.done {
            while let Some(FieldKey(field)) = map.next_key()? {
                read_field(map, field, &mut self.fields)?;
            }
            self.done = true;
        }
        Ok(())
    }
}

/// The payload object for `T` on the serde path.
struct FilterDeserializer<'m, 'de, A> {
    map: &'m mut A,
    state: &'m mut SerdeState<'de>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for FilterDeserializer<'_, 'de, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(FilterMap {
            map: self.map,
            state: self.state,
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        self.state.drain(self.map)?;
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// The outer map without the envelope's fields.
struct FilterMap<'m, 'de, A> {
    map: &'m mut A,
    state: &'m mut SerdeState<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for FilterMap<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        mut seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            if self.state.fields.failed() {
                self.state.drain(self.map)?;
            }
            if self.state.done {
                return Ok(None);
            }
            match self.map.next_key_seed(SplitKey(seed))? {
                None => {
                    self.state.done = true;
                    return Ok(None);
                }
                Some(Split::Payload(key)) => return Ok(Some(key)),
                Some(Split::Envelope(field, back)) => {
                    read_field(self.map, field, &mut self.state.fields)?;
                    seed = back;
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key of the outer map: an envelope field (and the payload's seed, unused, back), or
/// the payload's key as its seed made it. The key is looked at once, borrowed.
enum Split<S, V> {
    Envelope(Field, S),
    Payload(V),
}

struct SplitKey<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for SplitKey<S> {
    type Value = Split<S, S::Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for SplitKey<S> {
    type Value = Split<S, S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
        match Field::of(key.as_bytes()) {
            Field::Other => self
                .0
                .deserialize(de::value::BorrowedStrDeserializer::new(key))
                .map(Split::Payload),
            field => Ok(Split::Envelope(field, self.0)),
        }
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        match Field::of(key.as_bytes()) {
            Field::Other => self
                .0
                .deserialize(de::value::StrDeserializer::new(key))
                .map(Split::Payload),
            field => Ok(Split::Envelope(field, self.0)),
        }
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
        match Field::of(key.as_bytes()) {
            Field::Other => self
                .0
                .deserialize(de::value::StringDeserializer::new(key))
                .map(Split::Payload),
            field => Ok(Split::Envelope(field, self.0)),
        }
    }
}
