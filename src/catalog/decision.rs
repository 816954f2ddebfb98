//! [`Decision`]: what a backend does next with one response, and [`Backoff`], how soon a
//! retry may go.

use core::fmt;

use super::{Action, ErrType};

/// What to do next with one response: the single answer a retry loop matches on.
///
/// [`Classification::decision`](crate::Classification::decision) and
/// [`MsdkError::decision`](crate::MsdkError::decision) give it; the predicates
/// ([`is_retryable`](crate::Classification::is_retryable),
/// [`needs_reauthorization`](crate::Classification::needs_reauthorization),
/// [`needs_token_refresh`](crate::Classification::needs_token_refresh)) follow it.
///
/// # Which code gets which decision, and why
///
/// | the spec says (推荐处理) | [`Action`] | decision |
/// |---|---|---|
/// | `ret 0` (成功) | any | [`Success`](Decision::Success) |
/// | 不需要处理, 不用处理, 不用理会, 正常返回: ret 1 结果为空, -10010 已抢过号, -507 | `NoAction` | [`Benign`](Decision::Benign) |
/// | 重试一次 (retry once): -307, -102, blue diamond -10002 ... | `Retry` | [`Retry(Immediately)`](Backoff::Immediately): one retry, at once |
/// | 稍后重试, 稍后再来 (later): QZone 1001, logic -10011 | `RetryLater` | [`Retry(Later)`](Backoff::Later) |
/// | 降低频率, 限制访问频率, 频率超限 (slow down): -503, WeChat 45009 | `SlowDown` | [`Retry(SlowDown)`](Backoff::SlowDown) |
/// | 刷新token (refresh the token): WeChat 42001 | `RefreshToken` | [`RefreshToken`](Decision::RefreshToken); a refresh that fails means re-authorize |
/// | 重新授权, 重新拉起授权 (authorize again): QQ -73, WeChat 40001 | `Reauthorize` | [`Reauthorize`](Decision::Reauthorize) |
/// | fix the parameters, check the configuration, contact support, tell the user | `FixRequest`, `CheckConfiguration`, `ContactSupport`, `InformUser` | [`Fail`](Decision::Fail) |
/// | a range marker (请参看msg中具体错误描述), nothing, or an undocumented code | `ReadMessage`, `Unspecified` | by `err_type`: 1 (网络不稳定，请稍后再试) [`Retry(Later)`](Backoff::Later), 2 `Reauthorize`, 3 `RefreshToken`, else `Fail` |
///
/// A platform's success row reached through a failed `ret` (WeChat `0` inside `-20000`,
/// the 成功 rows of the PayToken and accessToken tables inside `-15000..=-19999`) is a
/// failure the spec does not explain: [`Fail`](Decision::Fail).
///
/// # The server's `err_type`
///
/// This is the one statement of how the `err_type` MSDK sends weighs in; everything else
/// links here. On a failure, a server `err_type` of 1, 2 or 3 decides, as MSDK computed
/// it for the call: 1 retries (with the catalog's backoff when the code already retries,
/// else [`Later`](Backoff::Later)), 2 re-authorizes, 3 refreshes the token. The
/// classification's `err_type()` becomes the server's, and its `action()` becomes the
/// one the value implies ([`Action::for_err_type`]) unless the catalog's already says
/// the same, so that action and decision agree; `table_err_type()` keeps the catalog's.
/// A server `0`, `5` or a value the spec does not define leaves the catalog's decision:
/// nothing the server sends turns a failure into `Success` or `Benign`, and "unknown"
/// says less than the catalog. On success nothing changes. The raw value is kept in
/// every case (`server_err_type_raw()`).
///
/// So `Success` ⇔ `ret == 0` ⇔ `into_result()` is `Ok`, whatever `err_type` the server
/// sent.
///
/// ```
/// use msdk_error_codes::{classify, classify_for, Api, Backoff, Decision, MsdkResponse};
///
/// assert_eq!(classify(0, "success").decision(), Decision::Success);
/// assert_eq!(classify(1, "").decision(), Decision::Benign); // 查询结果为空, 不需要处理
/// assert_eq!(classify(-307, "").decision(), Decision::Retry(Backoff::Immediately)); // 重试一次
/// assert_eq!(classify(-503, "").decision(), Decision::Retry(Backoff::SlowDown)); // 频率超限
/// assert_eq!(classify(-20000, "42001,access_token expired").decision(), Decision::RefreshToken);
/// assert_eq!(classify(-10000, "-73,x").decision(), Decision::Reauthorize);
/// assert_eq!(classify(-901, "").decision(), Decision::Reauthorize);
/// assert_eq!(classify(-304, "").decision(), Decision::Fail);
/// assert_eq!(classify(-2345, "").decision(), Decision::Retry(Backoff::Later)); // server range
/// assert_eq!(classify(-20000, "0,ok").decision(), Decision::Fail);
///
/// // The server's err_type 0 on a failure does not make it fine.
/// let body = br#"{"ret":-20000,"msg":"42001,expired","err_type":0}"#;
/// let response = MsdkResponse::from_slice(body)?;
/// assert_eq!(response.classify().decision(), Decision::RefreshToken);
/// assert!(response.into_result().is_err());
/// # Ok::<(), msdk_error_codes::ParseError>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Decision {
    /// `ret == 0`: the call succeeded.
    Success,
    /// `ret != 0`, but the spec calls the outcome normal (an empty result, a slot
    /// already claimed, a code that needs no handling): no retry, no re-authorization,
    /// nothing to alert on. [`into_result`](crate::MsdkResponse::into_result) is still
    /// `Err`, carrying the code.
    Benign,
    /// The failure is transient: retry, no sooner than the [`Backoff`] says.
    Retry(Backoff),
    /// The access token expired: refresh it, then retry once. If the refresh fails, or
    /// the refreshed token expires too, re-authorize.
    RefreshToken,
    /// The user's authorization is gone: send them through QQ/WeChat login again.
    Reauthorize,
    /// Permanent for this request: retrying will not help.
    /// [`action()`](crate::Classification::action) says what to fix.
    Fail,
}

/// How soon a [`Decision::Retry`] may go.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backoff {
    /// 重试一次: retry once, at once.
    Immediately,
    /// 稍后重试: the service is busy; retry later, with a growing delay.
    Later,
    /// 降低频率: too many calls; retry after lowering the rate (a growing delay). The
    /// request was refused before it ran, so even a call that is not idempotent may
    /// retry it.
    SlowDown,
}

impl Backoff {
    /// Every backoff.
    pub const ALL: [Backoff; 3] = [Backoff::Immediately, Backoff::Later, Backoff::SlowDown];

    /// The stable machine name (`"later"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Backoff::Immediately => "immediately",
            Backoff::Later => "later",
            Backoff::SlowDown => "slow_down",
        }
    }
}

/// The stable name ([`as_str`](Backoff::as_str)).
impl fmt::Display for Backoff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

super::names::stable_names!(Backoff, "backoff");

impl Decision {
    /// Every decision.
    pub const ALL: [Decision; 8] = [
        Decision::Success,
        Decision::Benign,
        Decision::Retry(Backoff::Immediately),
        Decision::Retry(Backoff::Later),
        Decision::Retry(Backoff::SlowDown),
        Decision::RefreshToken,
        Decision::Reauthorize,
        Decision::Fail,
    ];

    /// The decision for a classified response, from what the classification computed:
    /// `ret`, the final action and the final `err_type` (the server's `1`, `2` or `3`
    /// already folded into both).
    pub(crate) const fn of(ret: i32, action: Action, err_type: ErrType) -> Decision {
        if ret == 0 {
            return Decision::Success;
        }
        match action {
            Action::NoAction => Decision::Benign,
            Action::Retry => Decision::Retry(Backoff::Immediately),
            Action::RetryLater => Decision::Retry(Backoff::Later),
            Action::SlowDown => Decision::Retry(Backoff::SlowDown),
            Action::RefreshToken => Decision::RefreshToken,
            Action::Reauthorize => Decision::Reauthorize,
            Action::FixRequest
            | Action::CheckConfiguration
            | Action::ContactSupport
            | Action::InformUser => Decision::Fail,
            Action::ReadMessage | Action::Unspecified => match err_type {
                ErrType::NetworkUnstable => Decision::Retry(Backoff::Later),
                ErrType::Reauthorize => Decision::Reauthorize,
                ErrType::RefreshToken => Decision::RefreshToken,
                ErrType::Normal | ErrType::Unknown => Decision::Fail,
            },
        }
    }

    /// The stable machine name: `success`, `benign`, `retry_immediately`,
    /// `retry_later`, `retry_slow_down`, `refresh_token`, `reauthorize` or `fail`.
    ///
    /// ```
    /// use msdk_error_codes::{Backoff, Decision};
    ///
    /// assert_eq!(Decision::Retry(Backoff::SlowDown).as_str(), "retry_slow_down");
    /// assert_eq!(Decision::Fail.to_string(), "fail");
    /// assert_eq!("retry_slow_down".parse::<Decision>(), Ok(Decision::Retry(Backoff::SlowDown)));
    /// assert_eq!(serde_json::to_string(&Decision::Reauthorize).unwrap(), r#""reauthorize""#);
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Decision::Success => "success",
            Decision::Benign => "benign",
            Decision::Retry(Backoff::Immediately) => "retry_immediately",
            Decision::Retry(Backoff::Later) => "retry_later",
            Decision::Retry(Backoff::SlowDown) => "retry_slow_down",
            Decision::RefreshToken => "refresh_token",
            Decision::Reauthorize => "reauthorize",
            Decision::Fail => "fail",
        }
    }

    /// Whether the call may be retried ([`Retry`](Decision::Retry)).
    pub const fn is_retry(self) -> bool {
        matches!(self, Decision::Retry(_))
    }
}

/// The stable name ([`as_str`](Decision::as_str)).
impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

super::names::stable_names!(Decision, "decision");
