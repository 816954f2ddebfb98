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
/// The catalogue's texts, `decision`, `range`, `label` and `id` are derived again and
/// other fields are ignored, so a record from another version of the crate still reads.
/// A stored `known: true` for a code this catalogue does not document is an error, and so
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
        let known = match (
            stored.known,
            crate::MsdkCode::lookup(stored.layer, stored.code),
        ) {
            (false, _) => None,
            (true, Some(code)) => Some(code),
            (true, None) => {
                return Err(D::Error::custom(format_args!(
                    "known is true, but {} is not a documented code",
                    crate::Code::new(stored.layer, stored.code)
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
    api: crate::Api,
    layer: crate::Layer,
    code: i32,
    err_type: crate::ErrType,
    action: crate::Action,
    known: bool,
    #[serde(default)]
    table_err_type: Option<crate::ErrType>,
    #[serde(default)]
    server_err_type: Option<i32>,
    #[serde(default, borrow)]
    platform_message: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    overridden: bool,
}

/// A response body that is not a readable MSDK response: what was wrong and where.
///
/// Invalid JSON, a body that is not an object, a missing or non-integer `ret`, a `ret`
/// or `err_type` outside the `i32` range, a `msg` that is not a string: each is a
/// `ParseError`, never a panic and never a changed number.
///
/// Its [`Display`](core::fmt::Display) says everything, the cause included, in one line,
/// so [`source()`](std::error::Error::source) is `None`: error reporters that print
/// the chain (anyhow, eyre) show the cause once.
///
/// ```
/// use msdk_error_codes::MsdkResponse;
///
/// let err = MsdkResponse::from_slice(br#"{"msg":"ok"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "invalid MSDK response: missing field `ret` at line 1 column 12");
/// assert_eq!((err.line(), err.column()), (1, 12));
/// assert!(std::error::Error::source(&err).is_none());
///
/// let err = MsdkResponse::from_slice(br#"{"ret":4294967296}"#).unwrap_err();
/// assert!(err.to_string().contains("4294967296"));
/// assert!(err.is_data());
/// ```
#[derive(Debug)]
pub struct ParseError(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: Kind,
    /// Where in the payload, for an [`Envelope`](crate::Envelope) whose payload did not
    /// fit its type (`lists[3].level`).
    path: Option<Box<str>>,
}

#[derive(Debug)]
enum Kind {
    /// An error serde_json found (the serde paths: `Deserialize`, readers).
    Json(serde_json::Error),
    /// An error the crate's own reader found ([`MsdkResponse::from_slice`](crate::MsdkResponse::from_slice)).
    Own {
        category: Category,
        message: Box<str>,
        line: usize,
        column: usize,
    },
}

/// The classes of [`ParseError`], as serde_json has them.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Category {
    Syntax,
    Data,
    Eof,
}

impl ParseError {
    pub(crate) fn own(
        category: Category,
        message: impl Into<Box<str>>,
        (line, column): (usize, usize),
    ) -> Self {
        ParseError(Box::new(Inner {
            kind: Kind::Own {
                category,
                message: message.into(),
                line,
                column,
            },
            path: None,
        }))
    }

    /// The same error, placed at `path` in the payload.
    pub(crate) fn with_path(mut self, path: impl Into<Box<str>>) -> Self {
        self.0.path = Some(path.into());
        self
    }

    /// Where in the payload the problem is, as a path like `lists[3].level`, when an
    /// [`Envelope`](crate::Envelope) read from a slice found a successful response whose
    /// payload does not fit its type; `None` for every other error, and for a problem of
    /// the payload object as a whole (a missing field: the message names it).
    ///
    /// ```
    /// use msdk_error_codes::Envelope;
    ///
    /// #[derive(serde::Deserialize, Debug)]
    /// struct Friends { lists: Vec<Friend> }
    /// #[derive(serde::Deserialize, Debug)]
    /// struct Friend { level: u32 }
    ///
    /// let body = br#"{"ret":0,"msg":"ok","lists":[{"level":1},{"level":"high"}]}"#;
    /// let err = Envelope::<Friends>::from_slice(body).unwrap_err();
    /// assert_eq!(err.path(), Some("lists[1].level"));
    /// assert!(err.to_string().contains("`lists[1].level`"));
    /// ```
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// The 1-based line of the input where the problem was found.
    ///
    /// `0` when the error has no place in a text: an I/O error of a reader, or an error
    /// raised by a non-JSON deserializer through serde (such errors come through
    /// `From<serde_json::Error>` with serde_json's own 0).
    pub fn line(&self) -> usize {
        match &self.0.kind {
            Kind::Json(e) => e.line(),
            Kind::Own { line, .. } => *line,
        }
    }

    /// The column of the input where the problem was found: the number of bytes from the
    /// start of [`line`](Self::line) up to and including the byte that showed it.
    ///
    /// `0` when the problem shows at the start of a line: empty input (`line 1 column
    /// 0`), or a line break inside a string, which is reported on the next line. Also `0`
    /// whenever [`line`](Self::line) is.
    pub fn column(&self) -> usize {
        match &self.0.kind {
            Kind::Json(e) => e.column(),
            Kind::Own { column, .. } => *column,
        }
    }

    fn category(&self) -> Option<Category> {
        match &self.0.kind {
            Kind::Json(e) => match e.classify() {
                serde_json::error::Category::Syntax => Some(Category::Syntax),
                serde_json::error::Category::Data => Some(Category::Data),
                serde_json::error::Category::Eof => Some(Category::Eof),
                serde_json::error::Category::Io => None,
            },
            Kind::Own { category, .. } => Some(*category),
        }
    }

    /// Not JSON at all (a syntax error).
    pub fn is_syntax(&self) -> bool {
        self.category() == Some(Category::Syntax)
    }

    /// Valid JSON that is not an MSDK response (wrong type, missing or out-of-range field).
    pub fn is_data(&self) -> bool {
        self.category() == Some(Category::Data)
    }

    /// The input ended in the middle of a value.
    pub fn is_eof(&self) -> bool {
        self.category() == Some(Category::Eof)
    }

    /// Reading the input failed (only from a reader, such as `serde_json::from_reader`).
    pub fn is_io(&self) -> bool {
        self.category().is_none()
    }
}

impl From<serde_json::Error> for ParseError {
    fn from(error: serde_json::Error) -> Self {
        ParseError(Box::new(Inner {
            kind: Kind::Json(error),
            path: None,
        }))
    }
}

impl core::fmt::Display for ParseError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("invalid MSDK response: ")?;
        if let Some(path) = &self.0.path {
            write!(f, "payload field `{path}`: ")?;
        }
        match &self.0.kind {
            // serde_json's own Display already ends in " at line L column C".
            Kind::Json(e) => core::fmt::Display::fmt(e, f),
            Kind::Own {
                message,
                line,
                column,
                ..
            } => {
                f.write_str(message)?;
                if *line != 0 {
                    write!(f, " at line {line} column {column}")?;
                }
                Ok(())
            }
        }
    }
}

/// The cause is part of the message: there is no `source()`.
impl std::error::Error for ParseError {}
