//! [`Classification`]: what a live response means, borrowing its `msg`.

use core::fmt;

use super::MsdkError;
use super::verdict::{Verdict, verdict_accessors};
use crate::catalog::{Action, Decision, ErrType, LogicRange, MsdkCode};

/// What a live response means: computed once by [`classify`](super::classify), [`classify_for`](super::classify_for) or
/// [`MsdkResponse::classify`](crate::MsdkResponse::classify); every accessor is a field
/// read.
///
/// The original `ret` and `msg` are always kept; undocumented codes keep their numbers.
///
/// ```
/// use msdk_error_codes::{classify, ErrType, Layer};
///
/// let c = classify(-20000, "40001,invalid credential");
/// assert_eq!((c.ret(), c.msg()), (-20000, "40001,invalid credential"));
/// assert_eq!((c.layer(), c.code()), (Layer::WechatPlatform, 40001));
/// assert_eq!(c.platform_message(), Some("invalid credential"));
/// assert_eq!(c.err_type(), ErrType::Reauthorize);
///
/// let unknown = classify(-20000, "61451,invalid parameter");
/// assert_eq!((unknown.layer(), unknown.code(), unknown.known()), (Layer::WechatPlatform, 61451, None));
/// assert_eq!(unknown.err_type(), ErrType::Unknown);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Classification<'a> {
    msg: &'a str,
    verdict: Verdict,
}

impl<'a> Classification<'a> {
    verdict_accessors!();

    /// `msg` exactly as given.
    pub fn msg(&self) -> &'a str {
        self.msg
    }

    /// The platform's text after the separator, for a passthrough.
    pub fn platform_message(&self) -> Option<&'a str> {
        self.verdict
            .platform_start
            .and_then(|i| self.msg.get(usize::from(i)..))
    }

    /// The error this response is, owned; `None` on success.
    ///
    /// ```
    /// use msdk_error_codes::classify;
    ///
    /// assert!(classify(0, "success").to_error().is_none());
    /// let err = classify(-10000, "-73,the user modify password wrong").to_error().unwrap();
    /// assert_eq!(err.code(), -73);
    /// assert_eq!(err.msg(), "-73,the user modify password wrong");
    /// ```
    pub fn to_error(&self) -> Option<MsdkError> {
        (!self.is_success()).then(|| MsdkError::new(self.msg, self.verdict))
    }

    /// The owned error, whatever `ret` is; for callers that know the call failed.
    pub(crate) fn into_error(self) -> MsdkError {
        MsdkError::new(self.msg, self.verdict)
    }

    pub(crate) fn from_parts(msg: &'a str, verdict: Verdict) -> Self {
        Classification { msg, verdict }
    }

    /// The classification with a runtime override's handling in place of the
    /// catalog's (before the server's `err_type` is applied).
    pub(crate) fn overridden(mut self, err_type: ErrType, action: Action) -> Self {
        self.verdict.table_err_type = err_type;
        self.verdict.err_type = err_type;
        self.verdict.action = action;
        self.verdict.overridden = true;
        self
    }

    pub(crate) fn with_server_err_type(self, raw: Option<i32>) -> Self {
        Classification::from_parts(self.msg, self.verdict.with_server_err_type(raw))
    }
}

/// One line, in the form [the crate docs' table](crate#logs-metrics-and-storage) gives
/// for `Classification` and `MsdkError`.
///
/// ```
/// use msdk_error_codes::classify;
///
/// assert_eq!(
///     classify(-503, "").to_string(),
///     "access:-503 RateLimitExceeded: Rate limit exceeded; err_type 1 (network_unstable); decision retry_slow_down: Lower the request rate, then try again."
/// );
/// ```
impl fmt::Display for Classification<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.verdict.write_line(self.msg, f)
    }
}

/// The stable JSON form, for logs, tools and storage: `ret`, `msg`, `api`, `layer`,
/// `code`, `name`, `description`, `recommendation`, `description_en`,
/// `recommendation_en`, `err_type` (the wire integer), `action`, `decision`, `known`,
/// then `platform_message`, `table_err_type`, `server_err_type` (as sent), `range`,
/// `overridden`, `label` and `id` (the [`Code`](crate::Code), `layer:code`). The
/// catalog's fields are `null` for an undocumented code. [`MsdkError`] reads it back.
///
/// ```
/// use msdk_error_codes::classify;
///
/// let json = serde_json::to_value(classify(-10000, "-73,the user modify password wrong")).unwrap();
/// assert_eq!(json["layer"], "qq_platform");
/// assert_eq!(json["code"], -73);
/// assert_eq!(json["name"], "TokenInvalidatedByPasswordChange");
/// assert_eq!(json["err_type"], 2);
/// assert_eq!(json["action"], "reauthorize");
/// assert_eq!(json["known"], true);
///
/// let unknown = serde_json::to_value(classify(-2345, "")).unwrap();
/// assert_eq!((unknown["name"].is_null(), &unknown["range"]), (true, &serde_json::json!("server")));
/// ```
impl serde::Serialize for Classification<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        let info = self.known().map(MsdkCode::info);
        let mut out = serializer.serialize_struct("Classification", 21)?;
        out.serialize_field("ret", &self.ret())?;
        out.serialize_field("msg", self.msg())?;
        out.serialize_field("api", self.api().as_str())?;
        out.serialize_field("layer", &self.layer())?;
        out.serialize_field("code", &self.code())?;
        out.serialize_field("name", &info.map(|i| i.name))?;
        out.serialize_field("description", &info.map(|i| i.description))?;
        out.serialize_field("recommendation", &info.map(|i| i.recommendation))?;
        out.serialize_field("description_en", &info.map(|i| i.description_en))?;
        out.serialize_field("recommendation_en", &info.map(|i| i.recommendation_en))?;
        out.serialize_field("err_type", &self.err_type())?;
        out.serialize_field("action", &self.action())?;
        out.serialize_field("decision", self.decision().as_str())?;
        out.serialize_field("known", &info.is_some())?;
        out.serialize_field("platform_message", &self.platform_message())?;
        out.serialize_field("table_err_type", &self.table_err_type())?;
        out.serialize_field("server_err_type", &self.server_err_type_raw())?;
        out.serialize_field("range", &self.range().map(LogicRange::as_str))?;
        out.serialize_field("overridden", &self.is_overridden())?;
        out.serialize_field("label", self.label())?;
        out.serialize_field("id", &self.to_code())?;
        out.end()
    }
}

/// The classification's [`decision`](Classification::decision), for a loop that holds
/// the classification already.
///
/// ```
/// use msdk_error_codes::{classify, Decision};
///
/// assert_eq!(Decision::from(&classify(-73, "")), classify(-73, "").decision());
/// ```
impl From<&Classification<'_>> for Decision {
    fn from(classification: &Classification<'_>) -> Decision {
        classification.decision()
    }
}
