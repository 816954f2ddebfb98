//! [`Verdict`]: everything a classification found, and the accessors, the label and the
//! one-line `Display` that [`Classification`](super::Classification) and
//! [`MsdkError`](super::MsdkError) share.

use core::fmt;

use crate::catalog::{Action, Api, Code, Decision, ErrType, Layer, LogicRange, MsdkCode};

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
    /// A runtime override replaced the catalog's handling.
    pub(crate) overridden: bool,
}

impl Verdict {
    /// Takes the server's `err_type` into account, by [`Decision`'s
    /// rule](crate::Decision#the-servers-err_type).
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
        write!(f, "{}", Code::new(self.layer, self.code))?;
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
        pub fn api(&self) -> $crate::catalog::Api {
            self.verdict.api
        }

        /// The layer of the most specific code found: the platform's for a passthrough.
        pub fn layer(&self) -> $crate::catalog::Layer {
            self.verdict.layer
        }

        /// The most specific code found: the platform's code for a passthrough, else `ret`.
        pub fn code(&self) -> i32 {
            self.verdict.code
        }

        /// The catalog entry of [`code`](Self::code) in [`layer`](Self::layer), `None`
        /// when that code is undocumented.
        pub fn known(&self) -> Option<$crate::catalog::MsdkCode> {
            self.verdict.known
        }

        /// What the client must do: the catalog's `err_type`
        /// ([`table_err_type`](Self::table_err_type)), or the server's where [`Decision`'s
        /// rule](crate::Decision#the-servers-err_type) lets it decide.
        pub fn err_type(&self) -> $crate::catalog::ErrType {
            self.verdict.err_type
        }

        /// What to do next, in one answer: see [`Decision`](crate::Decision) for the
        /// rules. `Success` exactly when `ret == 0`.
        pub fn decision(&self) -> $crate::catalog::Decision {
            self.verdict.decision()
        }

        /// The `err_type` the catalog and the classification rules give, whatever the
        /// server sent.
        pub fn table_err_type(&self) -> $crate::catalog::ErrType {
            self.verdict.table_err_type
        }

        /// The server's `err_type` if it sent a recognised one.
        pub fn server_err_type(&self) -> Option<$crate::catalog::ErrType> {
            self.verdict
                .server_err_type
                .and_then($crate::catalog::ErrType::from_code)
        }

        /// The server's `err_type` exactly as sent, recognised or not.
        pub fn server_err_type_raw(&self) -> Option<i32> {
            self.verdict.server_err_type
        }

        /// The handling, normalised: the catalog's for a documented code, else the one
        /// implied by [`err_type`](Self::err_type); where the server's `err_type`
        /// decides ([`Decision`'s rule](crate::Decision#the-servers-err_type)), the one
        /// it implies, so that the action and the [`decision`](Self::decision) agree.
        pub fn action(&self) -> $crate::catalog::Action {
            self.verdict.action
        }

        /// The most specific code found, lossless: [`layer`](Self::layer) and
        /// [`code`](Self::code) as one [`Code`](crate::Code).
        pub fn to_code(&self) -> $crate::catalog::Code {
            $crate::catalog::Code::new(self.verdict.layer, self.verdict.code)
        }

        /// A metric label of bounded cardinality, lowercase and dot-separated
        /// (`[a-z0-9_.-]`): `<layer>.<code>` for a documented code (the row's own code,
        /// `access_token.16` for every number of the range row `0x10~0x11`), and one
        /// label per layer for the codes the catalog does not document
        /// (`wechat_platform.undocumented`), per range for the logic layer
        /// (`logic.undocumented.server`). A counter keyed on it has at most one series
        /// per catalog row, layer and range, whatever the servers send.
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
        pub fn range(&self) -> Option<$crate::catalog::LogicRange> {
            $crate::catalog::LogicRange::of(self.verdict.ret)
        }

        /// Whether a runtime override ([`Classifier`](crate::Classifier)) replaced the
        /// catalog's `err_type` and action. [`known`](Self::known) stays the
        /// catalog's.
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
            matches!(
                self.verdict.decision(),
                $crate::catalog::Decision::Reauthorize
            )
        }

        /// The [`decision`](Self::decision) is
        /// [`RefreshToken`](crate::Decision::RefreshToken).
        pub fn needs_token_refresh(&self) -> bool {
            matches!(
                self.verdict.decision(),
                $crate::catalog::Decision::RefreshToken
            )
        }
    };
}

pub(crate) use verdict_accessors;
