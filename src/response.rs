//! [`MsdkResponse`]: reading a response body with serde, borrowing `msg` from the input.

use core::fmt;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Unexpected, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::wire::{Field, Fields, IntExpected, MsgExpected, Number, int_from_str};
use crate::{Api, Classification, MsdkError, ParseError, classify_for};

/// The three fields of an MSDK response that say how the call went: `ret`, `msg` and
/// the optional `err_type`. Every other field (the payload) is skipped without being
/// stored.
///
/// # Numbers
/// `ret` and `err_type` are read only when they are exactly an integer in the `i32`
/// range, sent as a JSON number or as a string holding one:
/// - a number must be a JSON integer. Every number with a fraction or an exponent is an
///   error, even `1.0` or `1e3`, and so is `-0`: serde_json hands `-0`, `-0.0` and
///   `-1e-400` (which rounds to zero) over as one and the same float, and reading any
///   float as an integer could turn a failed call into `ret 0`;
/// - a string must be an optional `+` or `-` and ASCII digits, nothing else (no spaces,
///   no `0x`, no `-0`, for the same reason);
/// - out of the `i32` range is an error, never a wrapped number.
///
/// `ret` is required; `err_type` is optional and kept as sent even when MSDK does not
/// define the value; `null` means absent. `msg` is a string, missing or `null` meaning
/// `""`.
///
/// The rules hold whatever features Cargo turns on for serde_json (`arbitrary_precision`,
/// `preserve_order`, `float_roundtrip`, `raw_value`): another crate of a backend may
/// enable them, and the answers stay the same.
///
/// # Tolerance
/// [`from_slice`](Self::from_slice) reads the body with the crate's own reader:
/// - a field other than `ret`, `msg` and `err_type` is skipped and only has to be
///   grammatical JSON, at every depth alike: brackets balanced and matching, commas and
///   colons in place, numbers and literals well formed, strings closed, free of raw
///   control characters and with well-formed escapes. The contents of its strings are
///   not checked: a lone surrogate escape (a nickname cut in the middle of an emoji) or
///   bytes that are not UTF-8 do not reject the body;
/// - in `msg`, an escape that does not decode (a lone surrogate) and bytes that are not
///   UTF-8 become U+FFFD, so `msg` is then owned; `ret` and the platform code are kept;
/// - a top-level key is matched after decoding its escapes (`"r\u0065t"` is `ret`);
/// - a second `ret`, `msg` or `err_type` is an error (`duplicate field`): the body is
///   ambiguous, and guessing which one the server meant could misread a failure;
/// - invalid JSON is an error at every depth, with its line and column.
///
/// Through serde's [`Deserialize`] (`serde_json::from_str`, a `StreamDeserializer`,
/// other formats) the same field rules apply and payload fields are skipped by serde's
/// `IgnoredAny`, which serde_json also checks by grammar alone; but serde_json decodes
/// `msg` and the top-level keys itself and refuses a lone surrogate or invalid UTF-8
/// there.
///
/// # Allocation
/// `from_slice` allocates nothing, whatever the payload holds (escapes such as `\/` in
/// a payload URL included), except for:
/// - one owned copy of `msg` when it has escapes or bytes that are not UTF-8;
/// - a decoded copy of a top-level `ret` or `err_type` string that has escapes;
/// - one buffer for payload containers nested deeper than 1,024 levels;
/// - an error, which owns its message.
///
/// Anything else is a [`ParseError`] saying what and where, never a panic. Deeply
/// nested payloads are skipped without recursion.
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
///
/// // A float is never an integer, not even zero.
/// assert!(MsdkResponse::from_slice(br#"{"ret":-0}"#).is_err());
/// assert!(MsdkResponse::from_slice(br#"{"ret":1e-400}"#).is_err());
/// // A nickname cut in the middle of an emoji does not hide the error code.
/// let cut = br#"{"ret":-20000,"msg":"42001,access_token expired","lists":[{"nick":"\ud83d"}]}"#;
/// assert_eq!(MsdkResponse::from_slice(cut)?.classify().code(), 42001);
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

    /// The same response with the server's `err_type` replaced: `Some(n)` sends `n`
    /// (any integer, also one MSDK does not define), `None` leaves the field out.
    ///
    /// For tests of the server-precedence path: on a failure a server `err_type` of 1,
    /// 2 or 3 decides over the catalogue's, and 0, 5 or an undefined value changes
    /// nothing (see [`Decision`](crate::Decision)).
    ///
    /// ```
    /// use msdk_error_codes::{Backoff, Decision, ErrType, MsdkResponse};
    ///
    /// // -304 (请求参数不是json格式) is a request to fix, unless the server says retry.
    /// let response = MsdkResponse::new(-304, "请求参数不是json格式", Some(5));
    /// assert_eq!(response.classify().decision(), Decision::Fail);
    /// let response = response.with_err_type(Some(1));
    /// assert_eq!(response.server_err_type(), Some(1));
    /// assert_eq!(response.classify().decision(), Decision::Retry(Backoff::Later));
    /// assert_eq!(response.classify().table_err_type(), ErrType::Unknown);
    ///
    /// let without = serde_json::to_string(&response.with_err_type(None)).unwrap();
    /// assert_eq!(without, r#"{"ret":-304,"msg":"请求参数不是json格式"}"#);
    /// ```
    #[must_use]
    pub fn with_err_type(mut self, err_type: Option<i32>) -> Self {
        self.err_type = err_type;
        self
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
        crate::wire::read_response(bytes)
    }

    /// Reads a response body from a string: [`from_slice`](Self::from_slice).
    pub fn from_json(json: &'a str) -> Result<Self, ParseError> {
        Self::from_slice(json.as_bytes())
    }

    /// Reads the response object at the start of `bytes` (after whitespace) and returns
    /// it with the number of bytes it took; whatever follows is left unread. For log
    /// lines with text after the JSON, and for concatenated bodies. The rules are
    /// [`from_slice`](Self::from_slice)'s.
    ///
    /// ```
    /// use msdk_error_codes::MsdkResponse;
    ///
    /// let line = r#"{"ret":-503,"msg":"频率超限"} took 3 ms"#.as_bytes();
    /// let (response, used) = MsdkResponse::from_slice_prefix(line)?;
    /// assert_eq!(response.ret(), -503);
    /// assert_eq!(&line[used..], b" took 3 ms");
    /// # Ok::<(), msdk_error_codes::ParseError>(())
    /// ```
    pub fn from_slice_prefix(bytes: &'a [u8]) -> Result<(Self, usize), ParseError> {
        let mut reader = crate::wire::Reader::new(bytes);
        let response = crate::wire::read_object(&mut reader)?;
        Ok((response, reader.offset()))
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
    /// On a failure, a server `err_type` of 1, 2 or 3 decides (MSDK computed it for this
    /// very call), and [`Classification::table_err_type`] keeps the catalogue's; a server
    /// 0, 5 or undefined value, and anything on a success, changes nothing but
    /// [`server_err_type`](Classification::server_err_type). See
    /// [`Decision`](crate::Decision).
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

    /// `Ok(())` on success (`ret == 0`), else the owned error: a generic endpoint's
    /// ([`into_result_for`](Self::into_result_for) takes the API).
    ///
    /// ```
    /// use msdk_error_codes::MsdkResponse;
    ///
    /// assert!(MsdkResponse::new(0, "success", Some(0)).into_result().is_ok());
    /// let err = MsdkResponse::new(-20000, "42001,access_token expired", Some(3)).into_result().unwrap_err();
    /// assert!(err.needs_token_refresh());
    /// ```
    pub fn into_result(self) -> Result<(), MsdkError> {
        self.into_result_for(Api::Generic)
    }

    /// `Ok(())` on success (`ret == 0`), else the owned error, classified for `api`.
    /// For every API, `into_result_for(api).is_ok()` exactly when
    /// `classify_for(api).decision()` is [`Success`](crate::Decision::Success).
    ///
    /// ```
    /// use msdk_error_codes::{Api, Layer, MsdkResponse};
    ///
    /// let err = MsdkResponse::new(-10002, "x", None).into_result_for(Api::BlueDiamond).unwrap_err();
    /// assert_eq!(err.layer(), Layer::BlueDiamond);
    /// ```
    pub fn into_result_for(self, api: Api) -> Result<(), MsdkError> {
        match self.classify_for(api).to_error() {
            None => Ok(()),
            Some(err) => Err(err),
        }
    }

    /// The body MSDK would send: `{"ret":...,"msg":...,"err_type":...}`.
    pub(crate) fn to_body(&self) -> String {
        // Serialising three plain fields to a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
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
        let mut fields = Fields::default();
        while let Some(field) = map.next_key::<FieldKey>()? {
            read_field(&mut map, field.0, &mut fields)?;
        }
        fields
            .into_response()
            .ok_or_else(|| de::Error::missing_field("ret"))
    }
}

/// Reads the value of one top-level field through serde: the envelope's three by the
/// crate's rules (the same as [`MsdkResponse::from_slice`]'s), any other skipped with
/// serde's `IgnoredAny`, which serde_json checks by grammar alone at every depth.
pub(crate) fn read_field<'de, A: MapAccess<'de>>(
    map: &mut A,
    field: Field,
    fields: &mut Fields<'de>,
) -> Result<(), A::Error> {
    match field {
        Field::Ret if fields.ret.is_some() => Err(de::Error::duplicate_field("ret")),
        Field::Msg if fields.msg.is_some() => Err(de::Error::duplicate_field("msg")),
        Field::ErrType if fields.err_type.is_some() => Err(de::Error::duplicate_field("err_type")),
        Field::Ret => match map.next_value_seed(IntField(IntExpected("ret")))? {
            Some(value) => {
                fields.ret = Some(value);
                Ok(())
            }
            None => Err(de::Error::invalid_type(
                Unexpected::Unit,
                &IntExpected("ret"),
            )),
        },
        Field::Msg => {
            fields.msg = Some(map.next_value_seed(MsgField)?);
            Ok(())
        }
        Field::ErrType => {
            fields.err_type = Some(map.next_value_seed(IntField(IntExpected("err_type")))?);
            Ok(())
        }
        Field::Other => map.next_value::<IgnoredAny>().map(|_| ()),
    }
}

/// A top-level key, sorted into the envelope's fields and the rest.
pub(crate) struct FieldKey(pub(crate) Field);

impl<'de> Deserialize<'de> for FieldKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;

        impl Visitor<'_> for FieldVisitor {
            type Value = FieldKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<FieldKey, E> {
                Ok(FieldKey(Field::of(key.as_bytes())))
            }
        }

        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// The key serde_json uses, with its `arbitrary_precision` feature, to hand a number
/// over as a one-entry map holding the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Reads serde_json's `arbitrary_precision` form of a number (a map of one entry,
/// [`NUMBER_TOKEN`] to the number's text) and classifies it as serde_json does without
/// the feature, so that Cargo's feature unification, which may turn the feature on for
/// this crate too, changes no result. Any other map is `invalid type: map`.
fn number_in_map<'de, A: MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<Number, A::Error> {
    struct IsToken;

    impl<'de> DeserializeSeed<'de> for IsToken {
        type Value = bool;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
            deserializer.deserialize_identifier(self)
        }
    }

    impl Visitor<'_> for IsToken {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a key")
        }

        fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
            Ok(key == NUMBER_TOKEN)
        }
    }

    /// serde_json hands the number's text over as an owned `String`; a string in the
    /// input arrives borrowed or as `&str`, so an object in the input that merely has
    /// this key is still a map.
    struct OwnedText;

    impl Visitor<'_> for OwnedText {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number's text")
        }

        fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
            Ok(text)
        }

        /// A string from the input itself: so the map is the input's, not a number.
        fn visit_str<E: de::Error>(self, _: &str) -> Result<String, E> {
            Err(E::invalid_type(Unexpected::Map, &self))
        }
    }

    impl<'de> DeserializeSeed<'de> for OwnedText {
        type Value = String;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
            deserializer.deserialize_string(self)
        }
    }

    let not_a_number = || de::Error::invalid_type(Unexpected::Map, expected);
    // Without the feature, no number arrives as a map, and an object that merely has the
    // key (built by hand in a `serde_json::Value`) is a map like any other.
    if !numbers_arrive_as_maps() {
        return Err(not_a_number());
    }
    if map.next_key_seed(IsToken)? != Some(true) {
        return Err(not_a_number());
    }
    let text = map.next_value_seed(OwnedText).map_err(|_| not_a_number())?;
    let number = crate::wire::scan_number_text(text.as_bytes()).ok_or_else(not_a_number)?;
    if map.next_key::<IgnoredAny>()?.is_some() {
        return Err(not_a_number());
    }
    Ok(number)
}

/// Whether this build's serde_json hands numbers over as maps (its
/// `arbitrary_precision` feature, which Cargo may have turned on for another crate):
/// asked of serde_json itself, once.
fn numbers_arrive_as_maps() -> bool {
    struct Probe;

    impl<'de> Visitor<'de> for Probe {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
            Ok(false)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(true)
        }
    }

    static ANSWER: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANSWER.get_or_init(|| {
        // A fraction: integers that fit 64 bits arrive as integers even with the feature.
        let mut json = serde_json::Deserializer::from_str("0.5");
        Deserializer::deserialize_any(&mut json, Probe).unwrap_or(false)
    })
}

/// An `i32` field sent as a JSON integer or a string holding one; `null` is `None`.
struct IntField(IntExpected);

impl<'de> DeserializeSeed<'de> for IntField {
    type Value = Option<i32>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IntField {
    type Value = Option<i32>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&self.0, f)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Number::I64(v).to_i32(&self.0).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Number::U64(v).to_i32(&self.0).map(Some)
    }

    /// Every float is refused, `-0` included (serde_json reads the integer `-0` as the
    /// float `-0.0`, the same as `-1e-400`).
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Number::F64(v).to_i32(&self.0).map(Some)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        int_from_str(v, &self.0).map(Some)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        number_in_map(map, &self.0)?.to_i32(&self.0).map(Some)
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
        de::Expected::fmt(&MsgExpected, f)
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

    /// A number under serde_json's `arbitrary_precision` is refused in the same words as
    /// without it.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let number = number_in_map(map, &MsgExpected)?;
        Err(de::Error::invalid_type(number.unexpected(), &MsgExpected))
    }
}
