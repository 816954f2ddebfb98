//! [`MsdkResponse`]: a response's status, read from a body, borrowing `msg` from the
//! input.

use std::borrow::Cow;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::error::ParseError;
use super::wire::{self, Status};
use crate::catalog::Api;
use crate::classification::{Classification, MsdkError, classify_for};

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
/// Through serde's [`Deserialize`](serde::Deserialize) (`serde_json::from_str`, a `StreamDeserializer`,
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
    /// For tests of the server-precedence path: which server values decide over the
    /// catalog's is [`Decision`](crate::Decision)'s rule.
    ///
    /// ```
    /// use msdk_error_codes::{Backoff, Decision, ErrType, MsdkResponse};
    ///
    /// // -304 (请求参数不是json格式) is a request to fix, unless the server says retry.
    /// let response = MsdkResponse::new(-304, "请求参数不是json格式", Some(5));
    /// assert_eq!(response.classify().decision(), Decision::Fail);
    /// let response = response.with_server_err_type(Some(1));
    /// assert_eq!(response.server_err_type(), Some(1));
    /// assert_eq!(response.classify().decision(), Decision::Retry(Backoff::Later));
    /// assert_eq!(response.classify().table_err_type(), ErrType::Unknown);
    ///
    /// let without = serde_json::to_string(&response.with_server_err_type(None)).unwrap();
    /// assert_eq!(without, r#"{"ret":-304,"msg":"请求参数不是json格式"}"#);
    /// ```
    #[must_use]
    pub fn with_server_err_type(mut self, err_type: Option<i32>) -> Self {
        self.err_type = err_type;
        self
    }

    /// The 0.1 name of [`with_server_err_type`](Self::with_server_err_type).
    #[doc(hidden)]
    #[deprecated(
        since = "0.2.0",
        note = "renamed to `with_server_err_type`, as `Fixture`'s"
    )]
    #[must_use]
    pub fn with_err_type(self, err_type: Option<i32>) -> Self {
        self.with_server_err_type(err_type)
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
        wire::read_response(bytes).map(MsdkResponse::from)
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
        let mut reader = wire::Reader::new(bytes);
        let status = wire::read_object(&mut reader)?;
        Ok((status.into(), reader.offset()))
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
    /// The server's `err_type` weighs in by [`Decision`'s
    /// rule](crate::Decision#the-servers-err_type).
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

impl<'a> From<Status<'a>> for MsdkResponse<'a> {
    fn from(status: Status<'a>) -> Self {
        MsdkResponse::new(status.ret, status.msg, status.err_type)
    }
}
