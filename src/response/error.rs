//! The errors of reading a response: [`ParseError`] (a body that is not a readable MSDK
//! response), [`UnexpectedBody`] (what a non-2xx reply carried instead), and [`Error`],
//! the error of a call's result: a parse error, the [`MsdkError`] MSDK answered, or a
//! [`TransportError`].

use crate::catalog::{Api, Decision};
use crate::classification::{MsdkError, TransportCause, TransportError};

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

/// A failed MSDK call, a body that could not be read, or an attempt that got no MSDK
/// answer: the error of [`from_slice`](super::from_slice),
/// [`Envelope::from_http`](super::Envelope::from_http) and of a whole call.
///
/// Its `Display` is the inner error's, and `source()` is the inner error's own source
/// (none for a parse or MSDK error, the HTTP client's error for a transport error), so
/// a reporter that prints the chain says the cause once. [`label`](Self::label) and
/// [`decision`](Self::decision) answer for every variant, for one metrics counter and
/// one retry `match`.
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
    /// The attempt got no MSDK answer: not sent, maybe sent, or an HTTP status whose
    /// body is not an MSDK response.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The HTTP client could not make the request as asked (it could not be built, or
    /// the client refused a redirect): no transport failure, never retried. The source
    /// is the client's error.
    #[error("the request could not be made as asked, so it was not retried")]
    Request(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// An HTTP client's error on an attempt of a call of `api`: a [`Transport`](Self::Transport)
    /// error when it is a transport failure ([`TransportCause::transport_failure`]),
    /// else a [`Request`](Self::Request) error, which is never retried. The source is
    /// the client's error either way.
    ///
    /// ```
    /// use msdk_error_codes::classification::TransportFailure;
    /// use msdk_error_codes::{Api, Error};
    ///
    /// let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    /// let err = Error::from_client(Api::QqShare, refused);
    /// assert!(matches!(&err, Error::Transport(e) if e.failure() == TransportFailure::NotSent));
    /// assert_eq!(err.label(), "transport.not_sent");
    /// ```
    pub fn from_client(api: Api, error: impl TransportCause) -> Error {
        match error.transport_failure() {
            Some(failure) => {
                Error::Transport(TransportError::new(failure, api, error.into_source()))
            }
            None => Error::Request(error.into_source()),
        }
    }

    /// The labels of a body that could not be read, one per [`ParseError`] class: a
    /// counter keyed on [`label`](Self::label) has at most these for parse errors.
    pub const PARSE_LABELS: [&'static str; 4] =
        ["parse.syntax", "parse.data", "parse.eof", "parse.io"];

    /// A metric label of bounded cardinality: the code's label for an MSDK failure
    /// ([`MsdkError::label`]), the failure's for a transport error
    /// ([`TransportFailure::label`](crate::classification::TransportFailure::label)),
    /// one of [`PARSE_LABELS`](Self::PARSE_LABELS) for a parse error, and
    /// `request.invalid` for a request the client could not make.
    ///
    /// ```
    /// let err = msdk_error_codes::from_slice::<serde::de::IgnoredAny>(b"<html>").unwrap_err();
    /// assert_eq!(err.label(), "parse.syntax");
    /// ```
    pub fn label(&self) -> &'static str {
        match self {
            Error::Msdk(e) => e.label(),
            Error::Transport(e) => e.label(),
            Error::Parse(e) if e.is_syntax() => "parse.syntax",
            Error::Parse(e) if e.is_eof() => "parse.eof",
            Error::Parse(e) if e.is_io() => "parse.io",
            Error::Parse(_) => "parse.data",
            Error::Request(_) => "request.invalid",
        }
    }

    /// What to do next: the MSDK error's decision, the transport failure's, and
    /// [`Fail`](Decision::Fail) for a body that could not be read (a body cut short is
    /// the HTTP client's to report, as a transport failure that may have reached MSDK,
    /// not a parse error) and for a request the client could not make.
    pub fn decision(&self) -> Decision {
        match self {
            Error::Msdk(e) => e.decision(),
            Error::Transport(e) => e.decision(),
            Error::Parse(_) | Error::Request(_) => Decision::Fail,
        }
    }
}

/// What a non-2xx HTTP reply carried instead of an MSDK response (a gateway's page, an
/// empty body): the source of the [`TransportError`] that
/// [`Envelope::from_http`](super::Envelope::from_http) returns for it.
///
/// ```
/// use msdk_error_codes::response::UnexpectedBody;
///
/// let body = UnexpectedBody::new(502, b"<html><title>502 Bad Gateway</title></html>");
/// assert_eq!(body.to_string(), r#"HTTP 502, 43 bytes: "<html><title>502 Bad Gateway</title></html>""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnexpectedBody {
    status: u16,
    len: usize,
    excerpt: Box<str>,
    /// The excerpt is not the whole body.
    cut: bool,
}

impl UnexpectedBody {
    /// The longest excerpt kept, in characters.
    pub const EXCERPT: usize = 120;

    /// The reply's status and the start of its body (invalid UTF-8 shown as U+FFFD).
    pub fn new(status: u16, body: &[u8]) -> UnexpectedBody {
        // At most 4 bytes a character: decode no more than the excerpt can show.
        let head = &body[..body.len().min(4 * Self::EXCERPT)];
        let text = String::from_utf8_lossy(head);
        let excerpt: String = text.chars().take(Self::EXCERPT).collect();
        let cut = head.len() < body.len() || excerpt.len() < text.len();
        UnexpectedBody {
            status,
            len: body.len(),
            excerpt: excerpt.into(),
            cut,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the body was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The start of the body: its first [`EXCERPT`](Self::EXCERPT) characters.
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }
}

impl core::fmt::Display for UnexpectedBody {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "HTTP {}, {} bytes", self.status, self.len)?;
        if !self.excerpt.is_empty() {
            write!(f, ": {:?}", self.excerpt)?;
            if self.cut {
                f.write_str("…")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for UnexpectedBody {}
