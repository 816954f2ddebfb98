//! [`Envelope`]: the status and the payload of a response in one parse, with the MSDK
//! error never masked by a payload that is missing or does not fit; its owned form
//! [`OwnedEnvelope`]; and the one-liners [`from_slice`] and [`from_slice_for`].

use core::ops::Deref;
use std::io;

use serde::de;
use serde::{Deserialize, Deserializer};

use super::{Error, MsdkResponse, ParseError, UnexpectedBody};
use crate::catalog::Api;
use crate::classification::{Classification, MsdkError, TransportError, TransportFailure};

mod slice;
mod visitor;

/// A response read in one pass: `ret`, `msg` and `err_type` exactly as [`MsdkResponse`]
/// reads them, and every other top-level field decoded into `T`.
///
/// `T` is anything that deserializes from a JSON object: a struct, a map with string
/// keys, or [`IgnoredAny`](de::IgnoredAny). It sees the body's fields but the three of the envelope, in
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
/// Every top-level key handed to `T` is decoded exactly, as serde_json decodes the keys
/// it hands on, whether `T` then reads its value or ignores it: a key with a lone
/// surrogate escape or bytes that are not UTF-8 is a [`ParseError`] at that key, with
/// serde_json's message ("lone leading surrogate in hex escape", "invalid unicode code
/// point", ...), line and column. (In 0.1 such a key reached `T` with U+FFFD in it,
/// so that two keys could merge into one, or fill a field renamed to the replacement.)
/// It is the payload's error, under the rules above: a failure whose `ret` comes first
/// never reads the key, and one whose `ret` comes after it is still the MSDK error. The
/// payload values `T` skips, and a `T` that ignores the whole payload
/// ([`IgnoredAny`](de::IgnoredAny)), which is handed no key, keep `MsdkResponse`'s
/// tolerance.
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

impl<'a, T: Deserialize<'a>> Envelope<'a, T> {
    /// Reads an HTTP reply of a call of `api`: from the status to what the attempt is,
    /// in one place.
    ///
    /// - A body that is an MSDK response is read as [`from_slice`](Self::from_slice)
    ///   reads it, whatever the status: MSDK's own answer decides, also on a `500`.
    /// - Otherwise, a non-2xx status is an [`Error::Transport`] with
    ///   [`TransportFailure::Status`] (a gateway's page, an empty body), its source the
    ///   [`UnexpectedBody`].
    /// - Otherwise (a 2xx whose body is not an MSDK response, or a success whose payload
    ///   does not fit `T`), an [`Error::Parse`].
    ///
    /// So a retry loop feeds the envelope's response to
    /// [`Attempts::next_response`](crate::retry::Attempts::next_response), a transport
    /// error's failure to [`Attempts::next_failure`](crate::retry::Attempts::next_failure),
    /// and reports a parse error.
    ///
    /// ```
    /// use msdk_error_codes::classification::TransportFailure;
    /// use msdk_error_codes::{Api, Envelope, Error};
    /// use serde::de::IgnoredAny;
    ///
    /// let gateway = Envelope::<IgnoredAny>::from_http(Api::Generic, 502, b"<html>Bad Gateway</html>");
    /// assert!(matches!(gateway, Err(Error::Transport(e)) if e.failure() == TransportFailure::Status(502)));
    ///
    /// let msdk = Envelope::<IgnoredAny>::from_http(Api::Generic, 500, br#"{"ret":-307,"msg":"internal error"}"#)?;
    /// assert_eq!(msdk.response().ret(), -307); // the body decides, not the status
    ///
    /// let odd = Envelope::<IgnoredAny>::from_http(Api::Generic, 200, b"<html>");
    /// assert!(matches!(odd, Err(Error::Parse(_))));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_http(api: Api, status: u16, body: &'a [u8]) -> Result<Self, Error> {
        match Envelope::from_slice(body) {
            Ok(envelope) => Ok(envelope),
            // An MSDK body whose payload does not fit is the payload's problem, whatever
            // the status; only a body that is no MSDK response at all lets it decide.
            Err(parse)
                if (200..300).contains(&status) || MsdkResponse::from_slice(body).is_ok() =>
            {
                Err(Error::Parse(parse))
            }
            Err(_) => Err(Error::Transport(TransportError::new(
                TransportFailure::Status(status),
                api,
                UnexpectedBody::new(status, body),
            ))),
        }
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

    /// Reads an HTTP reply with [`Envelope::from_http`], then owns it.
    pub fn from_http(api: Api, status: u16, body: &[u8]) -> Result<Self, Error> {
        Envelope::<T>::from_http(api, status, body).map(Envelope::into_owned)
    }
}

impl<T> From<OwnedEnvelope<T>> for Envelope<'static, T> {
    fn from(owned: OwnedEnvelope<T>) -> Self {
        owned.0
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
