//! The owned errors: [`MsdkError`] (an MSDK call failed) and [`ParseError`] (a response
//! could not be read).

use crate::classify::{Classification, Verdict, verdict_accessors};

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
/// assert!(err.to_string().starts_with("MSDK QQ platform -73 (ret -10000) TokenInvalidatedByPasswordChange"));
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

/// The same JSON as its [`Classification`]'s.
impl serde::Serialize for MsdkError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.classification().serialize(serializer)
    }
}

/// A response body that is not a readable MSDK response: what was wrong and where.
///
/// Invalid JSON, a body that is not an object, a missing or non-integer `ret`, a `ret`
/// or `err_type` outside the `i32` range, a `msg` that is not a string: each is a
/// `ParseError`, never a panic and never a wrapped number.
///
/// ```
/// use msdk_error_codes::MsdkResponse;
///
/// let err = MsdkResponse::from_slice(br#"{"msg":"ok"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "invalid MSDK response: missing field `ret` at line 1 column 12");
/// assert_eq!((err.line(), err.column()), (1, 12));
///
/// let err = MsdkResponse::from_slice(br#"{"ret":4294967296}"#).unwrap_err();
/// assert!(err.to_string().contains("4294967296"));
/// assert!(err.is_data());
/// ```
#[derive(Debug, thiserror::Error)]
#[error("invalid MSDK response: {0}")]
pub struct ParseError(#[from] serde_json::Error);

impl ParseError {
    /// The 1-based line of the input where the problem was found.
    pub fn line(&self) -> usize {
        self.0.line()
    }

    /// The 1-based column (byte) of the input where the problem was found.
    pub fn column(&self) -> usize {
        self.0.column()
    }

    /// Not JSON at all (a syntax error).
    pub fn is_syntax(&self) -> bool {
        self.0.is_syntax()
    }

    /// Valid JSON that is not an MSDK response (wrong type, missing or out-of-range field).
    pub fn is_data(&self) -> bool {
        self.0.is_data()
    }

    /// The input ended in the middle of a value.
    pub fn is_eof(&self) -> bool {
        self.0.is_eof()
    }
}
