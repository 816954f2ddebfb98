//! [`MsdkResponse`]: reading a response body with serde, borrowing `msg` from the input.

use core::fmt;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Api, Classification, MsdkError, ParseError, classify_for};

/// The three fields of an MSDK response that say how the call went: `ret`, `msg` and
/// the optional `err_type`. Every other field (the payload) is skipped without being
/// stored.
///
/// Reading is lenient where real servers vary and strict where a number could change:
/// - `ret`: a JSON integer or a string holding one; it must fit an `i32` (no wrapping).
///   Required.
/// - `msg`: a string, borrowed from the input when it has no escapes; missing or `null`
///   means `""`.
/// - `err_type`: optional; an integer or a string holding one, kept as sent even when
///   MSDK does not define the value; `null` means absent.
///
/// Anything else is a [`ParseError`] saying what and where, never a panic. Deeply nested
/// payloads are skipped without deep recursion.
///
/// ```
/// use msdk_error_codes::{ErrType, Layer, MsdkResponse};
///
/// let body = r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2,"nickName":"小明"}"#;
/// let response = MsdkResponse::from_slice(body.as_bytes())?;
/// assert_eq!(response.ret(), -10000);
/// assert!(response.msg_is_borrowed());
///
/// let c = response.classify();
/// assert_eq!((c.layer(), c.code()), (Layer::QqPlatform, -73));
/// assert_eq!(c.err_type(), ErrType::Reauthorize);
/// assert!(response.into_result().is_err());
/// # Ok::<(), msdk_error_codes::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MsdkResponse<'a> {
    ret: i32,
    msg: Cow<'a, str>,
    err_type: Option<i32>,
}

impl<'a> MsdkResponse<'a> {
    /// A response from its parts, e.g. for tests.
    ///
    /// ```
    /// use msdk_error_codes::MsdkResponse;
    ///
    /// let response = MsdkResponse::new(-503, "频率超限", Some(1));
    /// assert!(response.classify().is_retryable());
    /// ```
    pub fn new(ret: i32, msg: impl Into<Cow<'a, str>>, err_type: Option<i32>) -> Self {
        MsdkResponse {
            ret,
            msg: msg.into(),
            err_type,
        }
    }

    /// Reads a response body.
    ///
    /// ```
    /// use msdk_error_codes::MsdkResponse;
    ///
    /// let response = MsdkResponse::from_slice(br#"{"ret":"0","msg":"success","lists":[]}"#)?;
    /// assert!(response.classify().is_success());
    /// assert!(MsdkResponse::from_slice(b"[1,2]").is_err());
    /// # Ok::<(), msdk_error_codes::ParseError>(())
    /// ```
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self, ParseError> {
        serde_json::from_slice(bytes).map_err(ParseError::from)
    }

    /// Reads a response body from a string.
    pub fn from_json(json: &'a str) -> Result<Self, ParseError> {
        serde_json::from_str(json).map_err(ParseError::from)
    }

    /// `ret` as sent.
    pub fn ret(&self) -> i32 {
        self.ret
    }

    /// `msg` as sent (unescaped).
    pub fn msg(&self) -> &str {
        &self.msg
    }

    /// Whether `msg` borrows from the input (it had no escapes) rather than being a copy.
    pub fn msg_is_borrowed(&self) -> bool {
        matches!(self.msg, Cow::Borrowed(_))
    }

    /// The `err_type` the server sent, exactly as sent (MSDK defines 0, 1, 2, 3 and 5).
    pub fn server_err_type(&self) -> Option<i32> {
        self.err_type
    }

    /// Classifies the response as a generic endpoint's ([`Api::Generic`]).
    ///
    /// When the server sent a recognised `err_type`, [`Classification::err_type`]
    /// reports it (MSDK computed it for this very call) and
    /// [`Classification::table_err_type`] keeps the catalogue's.
    pub fn classify(&self) -> Classification<'_> {
        self.classify_for(Api::Generic)
    }

    /// Classifies the response of `api`; see [`classify_for`].
    ///
    /// ```
    /// use msdk_error_codes::{Api, Layer, MsdkResponse};
    ///
    /// let response = MsdkResponse::from_slice(br#"{"ret":-10002,"msg":"account not found"}"#)?;
    /// assert_eq!(response.classify().layer(), Layer::Logic);
    /// assert_eq!(response.classify_for(Api::BlueDiamond).layer(), Layer::BlueDiamond);
    /// # Ok::<(), msdk_error_codes::ParseError>(())
    /// ```
    pub fn classify_for(&self, api: Api) -> Classification<'_> {
        classify_for(api, self.ret, &self.msg).with_server_err_type(self.err_type)
    }

    /// `Ok(())` on success (`ret == 0`), else the owned error.
    ///
    /// ```
    /// use msdk_error_codes::MsdkResponse;
    ///
    /// assert!(MsdkResponse::new(0, "success", Some(0)).into_result().is_ok());
    /// let err = MsdkResponse::new(-20000, "42001,access_token expired", Some(3)).into_result().unwrap_err();
    /// assert!(err.needs_token_refresh());
    /// ```
    pub fn into_result(self) -> Result<(), MsdkError> {
        match self.classify().to_error() {
            None => Ok(()),
            Some(err) => Err(err),
        }
    }

    /// The same response, owning its `msg`.
    pub fn into_owned(self) -> MsdkResponse<'static> {
        MsdkResponse {
            ret: self.ret,
            msg: Cow::Owned(self.msg.into_owned()),
            err_type: self.err_type,
        }
    }
}

/// Writes `{"ret": ..., "msg": ..., "err_type": ...}`, leaving `err_type` out when absent:
/// the shape MSDK sends.
impl Serialize for MsdkResponse<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("MsdkResponse", 3)?;
        out.serialize_field("ret", &self.ret)?;
        out.serialize_field("msg", &self.msg)?;
        match self.err_type {
            Some(err_type) => out.serialize_field("err_type", &err_type)?,
            None => out.skip_field("err_type")?,
        }
        out.end()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for MsdkResponse<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ResponseVisitor)
    }
}

struct ResponseVisitor;

impl<'de> Visitor<'de> for ResponseVisitor {
    type Value = MsdkResponse<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an MSDK response object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut ret = None;
        let mut msg = None;
        let mut err_type = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Ret if ret.is_some() => return Err(de::Error::duplicate_field("ret")),
                Field::Msg if msg.is_some() => return Err(de::Error::duplicate_field("msg")),
                Field::ErrType if err_type.is_some() => {
                    return Err(de::Error::duplicate_field("err_type"));
                }
                Field::Ret => match map.next_value_seed(IntField::RET)? {
                    Some(value) => ret = Some(value),
                    None => return Err(de::Error::invalid_type(Unexpected::Unit, &IntField::RET)),
                },
                Field::Msg => msg = Some(map.next_value_seed(MsgField)?),
                Field::ErrType => err_type = Some(map.next_value_seed(IntField::ERR_TYPE)?),
                Field::Other => map.next_value_seed(Skip { depth: 0 })?,
            }
        }
        Ok(MsdkResponse {
            ret: ret.ok_or_else(|| de::Error::missing_field("ret"))?,
            msg: msg.unwrap_or(Cow::Borrowed("")),
            err_type: err_type.flatten(),
        })
    }
}

/// The keys that matter; every other key is skipped.
enum Field {
    Ret,
    Msg,
    ErrType,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;

        impl Visitor<'_> for FieldVisitor {
            type Value = Field;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
                Ok(match key {
                    "ret" => Field::Ret,
                    "msg" => Field::Msg,
                    "err_type" => Field::ErrType,
                    _ => Field::Other,
                })
            }
        }

        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// An `i32` field sent as a JSON integer or a string holding one; `null` is `None`.
struct IntField(&'static str);

impl IntField {
    const RET: IntField = IntField("ret");
    const ERR_TYPE: IntField = IntField("err_type");
}

impl<'de> DeserializeSeed<'de> for IntField {
    type Value = Option<i32>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for IntField {
    type Value = Option<i32>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` as an integer in the i32 range, or a string holding one",
            self.0
        )
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        i32::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i32::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    /// serde_json reads the integer `-0` as the float `-0.0`: zero is the one float taken,
    /// as no number changes.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v == 0.0 {
            Ok(Some(0))
        } else {
            Err(E::invalid_type(Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        v.parse().map(Some).map_err(|_| {
            // Quote short strings; a huge one would turn the error into a copy of it.
            let shown = if v.len() <= 32 {
                Unexpected::Str(v)
            } else {
                Unexpected::Other("a long string")
            };
            E::invalid_value(shown, &self)
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// `msg`: borrowed when the input has it without escapes; `null` is `""`.
struct MsgField;

impl<'de> DeserializeSeed<'de> for MsgField {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MsgField {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`msg` as a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(""))
    }
}

/// Below this depth, payload values are skipped by visiting them, which allocates
/// nothing; deeper ones are left to serde's `IgnoredAny`, which serde_json skips
/// without recursion (it keeps its own stack of brackets). Together: no allocation for
/// realistic payloads and no stack overflow for hostile ones.
const SKIP_BY_VISITING: u8 = 16;

/// Skips one value of any shape.
struct Skip {
    depth: u8,
}

impl Skip {
    fn deeper(&self) -> Skip {
        Skip {
            depth: self.depth + 1,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.depth >= SKIP_BY_VISITING {
            IgnoredAny::deserialize(deserializer).map(|_| ())
        } else {
            deserializer.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self.deeper())?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(self.deeper())?.is_some() {
            map.next_value_seed(self.deeper())?;
        }
        Ok(())
    }
}
