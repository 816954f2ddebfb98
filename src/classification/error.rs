//! [`MsdkError`]: an MSDK call that failed, owned.

use super::Classification;
use super::verdict::{Verdict, verdict_accessors};
use crate::catalog::{Action, Api, Code, Decision, ErrType, Layer, MsdkCode};

/// An MSDK call that failed: everything its [`Classification`] found, with `msg` owned,
/// so it can be returned, stored and sent across threads (`Send + Sync + 'static`).
///
/// ```
/// use msdk_error_codes::{classify, Action, ErrType, Layer};
///
/// let err = classify(-10000, "-73,the user modify password wrong").to_error().unwrap();
/// assert_eq!((err.layer(), err.code(), err.ret()), (Layer::QqPlatform, -73, -10000));
/// assert_eq!(err.err_type(), ErrType::Reauthorize);
/// assert_eq!(err.action(), Action::Reauthorize);
/// assert_eq!(err.platform_message(), Some("the user modify password wrong"));
/// assert!(err.to_string().starts_with("qq_platform:-73 TokenInvalidatedByPasswordChange: "));
/// assert!(err.to_string().contains(r#"; ret -10000; platform message "the user modify password wrong""#));
///
/// fn is_std_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
/// is_std_error(&err);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", Classification::from_parts(.msg, *.verdict))]
pub struct MsdkError {
    msg: Box<str>,
    verdict: Verdict,
}

impl MsdkError {
    pub(crate) fn new(msg: &str, verdict: Verdict) -> MsdkError {
        MsdkError {
            msg: msg.into(),
            verdict,
        }
    }

    verdict_accessors!();

    /// `msg` exactly as the server sent it.
    pub fn msg(&self) -> &str {
        &self.msg
    }

    /// The platform's text after the separator, for a passthrough.
    pub fn platform_message(&self) -> Option<&str> {
        self.verdict
            .platform_start
            .and_then(|i| self.msg.get(usize::from(i)..))
    }

    /// The classification again, borrowing this error's `msg`.
    pub fn classification(&self) -> Classification<'_> {
        Classification::from_parts(&self.msg, self.verdict)
    }
}

/// The error's [`decision`](MsdkError::decision), for a loop that holds the error
/// already.
///
/// ```
/// use msdk_error_codes::{classify, Decision};
///
/// let err = classify(-20000, "42001,access_token expired").to_error().unwrap();
/// assert_eq!(Decision::from(&err), Decision::RefreshToken);
/// ```
impl From<&MsdkError> for Decision {
    fn from(error: &MsdkError) -> Decision {
        error.decision()
    }
}

/// The same JSON as its [`Classification`]'s.
impl serde::Serialize for MsdkError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.classification().serialize(serializer)
    }
}

/// Reads back what [`Serialize`](serde::Serialize) wrote, as the record of what was
/// decided then: nothing is classified again, so `ret`, `msg`, `api`, `layer`, `code`,
/// `known()`, `err_type()`, `table_err_type()`, the raw server `err_type`, `action()`,
/// the platform message and `is_overridden()` come back as stored.
///
/// Required: `ret`, `msg`, `api`, `layer`, `code`, `err_type`, `action` and `known`;
/// `table_err_type` (default: `err_type`), `server_err_type`, `platform_message` (a
/// suffix of `msg` starting within its first 255 bytes) and `overridden` are optional.
/// The catalog's texts, `decision`, `range`, `label` and `id` are derived again and
/// other fields are ignored, so a record from another version of the crate still reads.
/// A stored `known: true` for a code this catalog does not document is an error, and so
/// is `ret` 0: a successful call is not an `MsdkError`.
///
/// ```
/// use msdk_error_codes::{classify, MsdkError};
///
/// let err = classify(-20000, "42001,access_token expired").to_error().unwrap();
/// let stored = serde_json::to_string(&err).unwrap();
/// let back: MsdkError = serde_json::from_str(&stored).unwrap();
/// assert_eq!(back, err);
/// assert!(serde_json::from_str::<MsdkError>(r#"{"ret":1}"#).is_err());
/// ```
impl<'de> serde::Deserialize<'de> for MsdkError {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;

        let stored = Stored::deserialize(deserializer)?;
        // An MsdkError is a failed call: a stored success is not one.
        if stored.ret == 0 {
            return Err(D::Error::custom(
                "ret is 0: a successful call is not an MsdkError",
            ));
        }
        let known = match (stored.known, MsdkCode::lookup(stored.layer, stored.code)) {
            (false, _) => None,
            (true, Some(code)) => Some(code),
            (true, None) => {
                return Err(D::Error::custom(format_args!(
                    "known is true, but {} is not a documented code",
                    Code::new(stored.layer, stored.code)
                )));
            }
        };
        let platform_start = match &stored.platform_message {
            None => None,
            Some(text) => {
                let start = stored
                    .msg
                    .len()
                    .checked_sub(text.len())
                    .filter(|&start| stored.msg.get(start..) == Some(&**text));
                match start.and_then(|start| u8::try_from(start).ok()) {
                    Some(start) => Some(start),
                    None => {
                        return Err(D::Error::custom(
                            "platform_message must be the end of msg, starting within its first 255 bytes",
                        ));
                    }
                }
            }
        };
        Ok(MsdkError {
            verdict: Verdict {
                ret: stored.ret,
                api: stored.api,
                layer: stored.layer,
                code: stored.code,
                known,
                platform_start,
                table_err_type: stored.table_err_type.unwrap_or(stored.err_type),
                server_err_type: stored.server_err_type,
                err_type: stored.err_type,
                action: stored.action,
                overridden: stored.overridden,
            },
            msg: stored.msg.into(),
        })
    }
}

/// The stored form an [`MsdkError`] reads back.
#[derive(serde::Deserialize)]
struct Stored<'a> {
    ret: i32,
    #[serde(borrow)]
    msg: std::borrow::Cow<'a, str>,
    api: Api,
    layer: Layer,
    code: i32,
    err_type: ErrType,
    action: Action,
    known: bool,
    #[serde(default)]
    table_err_type: Option<ErrType>,
    #[serde(default)]
    server_err_type: Option<i32>,
    #[serde(default, borrow)]
    platform_message: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    overridden: bool,
}
