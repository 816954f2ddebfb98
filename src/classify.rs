//! Classification of a live response: [`classify`], [`classify_for`] and the result,
//! [`Classification`].

use core::fmt;

use crate::{
    AccessCode, AccessTokenCode, Action, Api, CodeInfo, Decision, ErrType, Layer, LogicCode,
    LogicRange, MsdkCode, MsdkError, OidbCode, PayTokenCode, QqPlatformCode, WechatPlatformCode,
    parse_oidb, parse_passthrough,
};

/// Classifies a response of a generic endpoint: [`classify_for`] with [`Api::Generic`].
///
/// ```
/// use msdk_error_codes::{classify, ErrType, Layer};
///
/// let c = classify(-10000, "-73,the user modify password wrong");
/// assert_eq!((c.layer(), c.code()), (Layer::QqPlatform, -73));
/// assert_eq!(c.err_type(), ErrType::Reauthorize);
/// assert!(c.needs_reauthorization());
/// ```
pub fn classify(ret: i32, msg: &str) -> Classification<'_> {
    classify_for(Api::Generic, ret, msg)
}

/// Classifies a response of `api`: what this `ret` and `msg` mean and what to do.
///
/// The rules (see also the [crate docs](crate#classification)):
/// 1. `ret == 0` is success: `err_type` Normal.
/// 2. For an `api` other than [`Api::Generic`], that API's table is consulted first, for
///    `ret` itself and for a passthrough code; the rules below apply when it has no entry.
///    For [`Api::WechatGroup`], `ret == -10000` is that table's own internal error.
/// 3. `ret == -10000` with a parsable `msg` ([`parse_passthrough`]) is a QQ platform code,
///    `ret == -20000` a WeChat platform code; an undocumented platform code keeps its
///    layer and number, with `known()` `None` and `err_type` Unknown.
/// 4. `ret == -10000 / -20000` whose `msg` does not parse is the logic code itself.
/// 5. `ret` in `-15000..=-19999` with `ret:N` in `msg` ([`parse_oidb`]) is an OIDB code
///    of the table the command in `msg` names (2016 revision).
/// 6. Any other `ret` is looked up in the access table, then the logic table. An
///    undocumented `ret` keeps its number, its [`LogicRange`] and layer Logic (layer
///    Access when it is in no range); it is NetworkUnstable in the system and server
///    ranges, Unknown elsewhere.
///
/// Never panics, never allocates, and reads at most
/// [`PASSTHROUGH_PREFIX_LIMIT`](crate::PASSTHROUGH_PREFIX_LIMIT) bytes of `msg` (at most
/// [`OIDB_PREFIX_LIMIT`](crate::OIDB_PREFIX_LIMIT) for an OIDB `ret`).
///
/// ```
/// use msdk_error_codes::{classify_for, Api, Layer, QqShareCode, MsdkCode};
///
/// // 100000 is "missing response_type" on the QQ platform, but an auth error on /share/qq.
/// let c = classify_for(Api::QqShare, 100000, "");
/// assert_eq!(c.known(), Some(MsdkCode::QqShare(QqShareCode::from_code(100000).unwrap())));
/// assert!(c.needs_reauthorization());
/// ```
pub fn classify_for(api: Api, ret: i32, msg: &str) -> Classification<'_> {
    // A generic endpoint's response is the hot path, resolved inline; an API context's
    // is out of line, where its extra lookups cost the hot path no registers.
    match api {
        Api::Generic => classify_generic(ret, msg),
        _ => classify_in(api, ret, msg),
    }
}

/// Rules 3 to 6, for a generic endpoint. Each rule finishes on its own, so that no
/// intermediate result is merged through memory.
#[inline(always)]
fn classify_generic(ret: i32, msg: &str) -> Classification<'_> {
    if ret == -10000 || ret == -20000 {
        if let Some((code, text)) = parse_passthrough(msg) {
            return finish(Api::Generic, ret, msg, platform(ret, code, msg, text));
        }
    } else if (-19999..=-15000).contains(&ret)
        && let Some(found) = resolve_oidb(msg)
    {
        return finish(Api::Generic, ret, msg, found);
    }
    finish(Api::Generic, ret, msg, generic_tables(ret))
}

/// Rules 2 to 6 in the context of an API with a table of its own.
#[inline(never)]
fn classify_in(api: Api, ret: i32, msg: &str) -> Classification<'_> {
    finish(api, ret, msg, resolve_in(api, ret, msg))
}

/// The classification of what the rules found.
#[inline(always)]
fn finish(api: Api, ret: i32, msg: &str, found: Found) -> Classification<'_> {
    let (known, table_err_type, action) = match found.info {
        Some(info) => {
            let (err_type, action) = handling(ret, info);
            (Some(info.id), err_type, action)
        }
        None => {
            let err_type = match LogicRange::of(ret) {
                Some(range) if found.platform_start.is_none() => range.undocumented_err_type(),
                _ => ErrType::Unknown,
            };
            (None, err_type, Action::for_err_type(err_type))
        }
    };
    Classification {
        msg,
        verdict: Verdict {
            ret,
            api,
            layer: found.layer,
            code: found.code,
            known,
            platform_start: found.platform_start,
            table_err_type,
            server_err_type: None,
            err_type: table_err_type,
            action,
            overridden: false,
        },
    }
}

/// The catalogue's handling of a documented code found for `ret`.
///
/// A success row (code `0`) reached through a failed `ret` (`-20000` with `"0,ok"`) does
/// not make the call a success: the platform reported success, MSDK a failure, and the
/// spec does not explain the pair. It is handled as an undocumented failure of that
/// layer: `err_type` Unknown, action Unspecified.
pub(crate) const fn handling(ret: i32, info: &CodeInfo) -> (ErrType, Action) {
    if ret == 0 {
        (ErrType::Normal, info.action)
    } else if info.code == 0 {
        (ErrType::Unknown, Action::Unspecified)
    } else {
        (info.err_type, info.action)
    }
}

/// What rules 2 to 6 found: the layer and code, the catalogue entry if documented, and
/// where the platform's text starts in `msg` for a passthrough.
pub(crate) struct Found {
    layer: Layer,
    code: i32,
    info: Option<&'static CodeInfo>,
    platform_start: Option<u8>,
}

impl Found {
    pub(crate) fn documented(layer: Layer, code: i32, info: &'static CodeInfo) -> Found {
        Found {
            layer,
            code,
            info: Some(info),
            platform_start: None,
        }
    }
}

/// Rules 2 to 6 in the context of an API with a table of its own: that table first, for
/// `ret` and for a passthrough code.
#[inline(never)]
fn resolve_in(api: Api, ret: i32, msg: &str) -> Found {
    if let Some(found) = api.entry(ret) {
        return found;
    }
    if (ret == -10000 || ret == -20000)
        && let Some((code, text)) = parse_passthrough(msg)
    {
        return match api.entry(code) {
            Some(mut found) => {
                found.platform_start = text_start(msg, text);
                found
            }
            None => platform(ret, code, msg, text),
        };
    }
    if (-19999..=-15000).contains(&ret)
        && let Some(found) = resolve_oidb(msg)
    {
        return found;
    }
    generic_tables(ret)
}

/// Rule 3: the platform table's entry for a passthrough code.
#[inline(always)]
fn platform(ret: i32, code: i32, msg: &str, text: &str) -> Found {
    // The platform tables are called directly: through MsdkCode::entry this path
    // measured about 10% more instructions.
    let (layer, info) = if ret == -10000 {
        (Layer::QqPlatform, QqPlatformCode::entry(code))
    } else {
        (Layer::WechatPlatform, WechatPlatformCode::entry(code))
    };
    Found {
        layer,
        code,
        info,
        platform_start: text_start(msg, text),
    }
}

/// Where the platform's text starts in `msg`: within the prefix the parsers read, so it
/// fits a u8.
#[inline(always)]
fn text_start(msg: &str, text: &str) -> Option<u8> {
    u8::try_from(msg.len() - text.len()).ok()
}

/// Rules 4 and 6: the access table, then the logic table, then the ranges.
#[inline(always)]
fn generic_tables(ret: i32) -> Found {
    // The generic tables are called directly, not through MsdkCode::entry: this is the
    // path most responses take.
    if let Some(info) = AccessCode::entry(ret) {
        return Found::documented(Layer::Access, ret, info);
    }
    if let Some(info) = LogicCode::entry(ret) {
        return Found::documented(Layer::Logic, ret, info);
    }
    let layer = match LogicRange::of(ret) {
        Some(_) => Layer::Logic,
        None => Layer::Access,
    };
    Found {
        layer,
        code: ret,
        info: None,
        platform_start: None,
    }
}

/// The OIDB rule (2016 revision): `None` when `msg` carries no `ret:N`. Out of line:
/// rare, and its parser is long.
#[cold]
#[inline(never)]
fn resolve_oidb(msg: &str) -> Option<Found> {
    let (layer, code) = parse_oidb(msg)?;
    let info = match layer {
        Layer::PayToken => PayTokenCode::entry(code),
        Layer::AccessToken => AccessTokenCode::entry(code),
        _ => OidbCode::entry(code),
    };
    Some(Found {
        layer,
        code,
        info,
        // msg has no separate text: the platform's message is all of it.
        platform_start: Some(0),
    })
}

/// Everything a classification found, computed once; shared by [`Classification`] and
/// the owned [`MsdkError`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Verdict {
    pub(crate) ret: i32,
    pub(crate) api: Api,
    pub(crate) layer: Layer,
    pub(crate) code: i32,
    pub(crate) known: Option<MsdkCode>,
    /// Byte offset of the platform's text in `msg`, for a passthrough (always within
    /// [`PASSTHROUGH_PREFIX_LIMIT`]).
    pub(crate) platform_start: Option<u8>,
    pub(crate) table_err_type: ErrType,
    /// The raw `err_type` the server sent, if any.
    pub(crate) server_err_type: Option<i32>,
    pub(crate) err_type: ErrType,
    pub(crate) action: Action,
    /// A runtime override replaced the catalogue's handling.
    pub(crate) overridden: bool,
}

impl Verdict {
    /// Takes the server's `err_type` into account. On a failure, a server value of 1, 2
    /// or 3 wins: MSDK computed it for this call. Its action stays the catalogue's when
    /// that already says the same (a retry for 1, re-authorize for 2, refresh for 3),
    /// else becomes the one the value implies. A server 0, 5 or a value the spec does not
    /// define changes nothing: a failed call must not read as fine, and "unknown" says
    /// less than the catalogue. On success nothing changes either. The raw value is kept
    /// in every case.
    pub(crate) fn with_server_err_type(mut self, raw: Option<i32>) -> Verdict {
        self.server_err_type = raw;
        let server = match raw.and_then(ErrType::from_code) {
            Some(
                server @ (ErrType::NetworkUnstable | ErrType::Reauthorize | ErrType::RefreshToken),
            ) if self.ret != 0 => server,
            _ => return self,
        };
        let fits = match server {
            ErrType::NetworkUnstable => matches!(
                self.action,
                Action::Retry | Action::RetryLater | Action::SlowDown
            ),
            ErrType::Reauthorize => matches!(self.action, Action::Reauthorize),
            _ => matches!(self.action, Action::RefreshToken),
        };
        self.err_type = server;
        if !fits {
            self.action = Action::for_err_type(server);
        }
        self
    }

    /// See `Classification::label`.
    pub(crate) fn label(&self) -> &'static str {
        match (self.known, self.layer) {
            (Some(known), _) => known.info().label,
            (None, Layer::Logic) => match LogicRange::of(self.code) {
                Some(range) => range.undocumented_label(),
                None => Layer::Logic.undocumented_label(),
            },
            (None, layer) => layer.undocumented_label(),
        }
    }

    /// What to do next: see [`Decision`].
    pub(crate) const fn decision(&self) -> Decision {
        Decision::of(self.ret, self.action, self.err_type)
    }

    /// The one line that `Classification` and `MsdkError` display (the crate docs'
    /// "Display" section): the code and what it is, where it came from, the platform's
    /// text, and what to do.
    pub(crate) fn write_line(&self, msg: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::Code::new(self.layer, self.code))?;
        match self.known {
            Some(known) => write!(f, " {}: {}", known.name(), known.description_en())?,
            None => {
                f.write_str(" undocumented")?;
                if let Some(range) =
                    LogicRange::of(self.code).filter(|_| self.layer == Layer::Logic)
                {
                    write!(f, " in the {} range", range.description())?;
                }
            }
        }
        if self.code != self.ret || self.platform_start.is_some() {
            write!(f, "; ret {}", self.ret)?;
        }
        // A platform's own text always shows; for an undocumented code the server's text
        // is the only description there is.
        match self.platform_start.and_then(|i| msg.get(usize::from(i)..)) {
            Some(text) => write!(f, "; platform message {:?}", Ellipsis(text))?,
            None if self.known.is_none() && !msg.is_empty() => {
                write!(f, "; message {:?}", Ellipsis(msg))?
            }
            None => {}
        }
        if self.overridden {
            f.write_str("; overridden")?;
        }
        write!(
            f,
            "; err_type {} ({}); decision {}: {}",
            self.err_type.code(),
            self.err_type.as_str(),
            self.decision(),
            self.action.description()
        )
    }
}

/// At most 120 characters of a message, for one-line logs.
struct Ellipsis<'a>(&'a str);

impl fmt::Debug for Ellipsis<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 120;
        match self.0.char_indices().nth(MAX) {
            None => write!(f, "{:?}", self.0),
            Some((cut, _)) => write!(f, "{:?}…", &self.0[..cut]),
        }
    }
}

/// Accessors over a [`Verdict`]: the same for the borrowed [`Classification`] and the
/// owned [`MsdkError`].
macro_rules! verdict_accessors {
    () => {
        /// `ret` exactly as given.
        pub fn ret(&self) -> i32 {
            self.verdict.ret
        }

        /// The API context used.
        pub fn api(&self) -> $crate::Api {
            self.verdict.api
        }

        /// The layer of the most specific code found: the platform's for a passthrough.
        pub fn layer(&self) -> $crate::Layer {
            self.verdict.layer
        }

        /// The most specific code found: the platform's code for a passthrough, else `ret`.
        pub fn code(&self) -> i32 {
            self.verdict.code
        }

        /// The catalogue entry of [`code`](Self::code) in [`layer`](Self::layer), `None`
        /// when that code is undocumented.
        pub fn known(&self) -> Option<$crate::MsdkCode> {
            self.verdict.known
        }

        /// What the client must do: on a failure, the server's `err_type` when it sent
        /// 1, 2 or 3, else the catalogue's (see [`table_err_type`](Self::table_err_type)).
        pub fn err_type(&self) -> $crate::ErrType {
            self.verdict.err_type
        }

        /// What to do next, in one answer: see [`Decision`](crate::Decision) for the
        /// rules. `Success` exactly when `ret == 0`.
        pub fn decision(&self) -> $crate::Decision {
            self.verdict.decision()
        }

        /// The `err_type` the catalogue and the classification rules give, whatever the
        /// server sent.
        pub fn table_err_type(&self) -> $crate::ErrType {
            self.verdict.table_err_type
        }

        /// The server's `err_type` if it sent a recognised one.
        pub fn server_err_type(&self) -> Option<$crate::ErrType> {
            self.verdict
                .server_err_type
                .and_then($crate::ErrType::from_code)
        }

        /// The server's `err_type` exactly as sent, recognised or not.
        pub fn server_err_type_raw(&self) -> Option<i32> {
            self.verdict.server_err_type
        }

        /// The handling, normalised: the catalogue's for a documented code, else the one
        /// implied by [`err_type`](Self::err_type); a server `err_type` of 1, 2 or 3 on a
        /// failure decides it when the catalogue's says otherwise, so that the action and
        /// the [`decision`](Self::decision) agree.
        pub fn action(&self) -> $crate::Action {
            self.verdict.action
        }

        /// The most specific code found, lossless: [`layer`](Self::layer) and
        /// [`code`](Self::code) as one [`Code`](crate::Code).
        pub fn to_code(&self) -> $crate::Code {
            $crate::Code::new(self.verdict.layer, self.verdict.code)
        }

        /// A metric label of bounded cardinality, lowercase and dot-separated
        /// (`[a-z0-9_.-]`): `<layer>.<code>` for a documented code (the row's own code,
        /// `access_token.16` for every number of the range row `0x10~0x11`), and one
        /// label per layer for the codes the catalogue does not document
        /// (`wechat_platform.undocumented`), per range for the logic layer
        /// (`logic.undocumented.server`). A counter keyed on it has at most one series
        /// per catalogue row, layer and range, whatever the servers send.
        ///
        /// ```
        /// use msdk_error_codes::classify;
        ///
        /// assert_eq!(classify(-10000, "-73,x").label(), "qq_platform.-73");
        /// assert_eq!(classify(-20000, "61451,new").label(), "wechat_platform.undocumented");
        /// assert_eq!(classify(-2345, "").label(), "logic.undocumented.server");
        /// assert_eq!(classify(0, "ok").label(), "access.0");
        /// ```
        pub fn label(&self) -> &'static str {
            self.verdict.label()
        }

        /// The [`LogicRange`](crate::LogicRange) `ret` falls in, if any.
        pub fn range(&self) -> Option<$crate::LogicRange> {
            $crate::LogicRange::of(self.verdict.ret)
        }

        /// Whether a runtime override ([`Classifier`](crate::Classifier)) replaced the
        /// catalogue's `err_type` and action. [`known`](Self::known) stays the
        /// catalogue's.
        pub fn is_overridden(&self) -> bool {
            self.verdict.overridden
        }

        /// Whether `msg` carried a platform code (`ret` -10000/-20000 with `"code,text"`).
        pub fn is_passthrough(&self) -> bool {
            self.verdict.platform_start.is_some()
        }

        /// `ret == 0`.
        pub fn is_success(&self) -> bool {
            self.verdict.ret == 0
        }

        /// The [`decision`](Self::decision) is [`Retry`](crate::Decision::Retry) (it
        /// follows the decision, not `err_type`).
        pub fn is_retryable(&self) -> bool {
            self.verdict.decision().is_retry()
        }

        /// The [`decision`](Self::decision) is
        /// [`Reauthorize`](crate::Decision::Reauthorize): access `-901` says so with
        /// `err_type` Unknown, for instance.
        pub fn needs_reauthorization(&self) -> bool {
            matches!(self.verdict.decision(), $crate::Decision::Reauthorize)
        }

        /// The [`decision`](Self::decision) is
        /// [`RefreshToken`](crate::Decision::RefreshToken).
        pub fn needs_token_refresh(&self) -> bool {
            matches!(self.verdict.decision(), $crate::Decision::RefreshToken)
        }
    };
}

pub(crate) use verdict_accessors;

/// What a live response means: computed once by [`classify`], [`classify_for`] or
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
    /// catalogue's (before the server's `err_type` is applied).
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

/// One line, in the style of the crate docs' "Display" section: the code
/// (`layer:number`), its name and English description (or `undocumented`), `ret` when it
/// is not the code, the platform's text for a passthrough (the server's text for an
/// undocumented code), `err_type`, the decision and what to do.
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
/// catalogue's fields are `null` for an undocumented code. [`MsdkError`] reads it back.
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
