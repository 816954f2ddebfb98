//! [`Scenario`]: a scripted sequence of responses for one endpoint, to drive a client's
//! retry loop in a test; with the `wiremock` feature, served over HTTP.

#[cfg(feature = "wiremock")]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;

use crate::catalog::{Api, Layer, MsdkCode};
use crate::response::MsdkResponse;

/// A scripted sequence of response bodies for one endpoint, in the order a client
/// receives them: "an expired token, then success with a friends list". Built like
/// aws-smithy-mocks' scripted sequences and fed to a client by hand
/// ([`bodies`](Self::bodies)) or, with the `wiremock` feature, served by a
/// `wiremock::MockServer` (`Scenario::mount`, which refuses a scenario with no
/// steps).
///
/// Each step is one body:
/// - [`then`](Self::then): the documented response of a code, its [`Fixture`](crate::Fixture)
///   body, checked to read back as that code under the scenario's [`Api`];
/// - [`then_response`](Self::then_response): any response, as given (an
///   [`undocumented_response`](crate::undocumented_response), a fixture with
///   another server `err_type`, a shadowed code's body);
/// - [`then_success`](Self::then_success): `ret 0` with a payload.
///
/// The builder methods panic on a step that cannot mean what it says (a code that
/// would read as another, a payload that would overwrite the status). A scenario is
/// test code, and a panic that names the step is the clearest failure a test can have;
/// a step that silently turned into something else would let the test pass for the
/// wrong reason.
///
/// Driving the crate's [`RetryPolicy`](crate::RetryPolicy) through an expired token, an
/// internal error and success:
///
/// ```
/// use std::time::Duration;
///
/// use msdk_error_codes::{AccessCode, Api, Envelope, RetryPolicy, Scenario, Step, WechatPlatformCode};
/// use serde_json::json;
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Friends {
///     lists: Vec<Friend>,
/// }
/// #[derive(Debug, serde::Deserialize)]
/// struct Friend {
///     openid: String,
///     #[serde(rename = "nickName")]
///     nick_name: String,
/// }
///
/// let scenario = Scenario::new(Api::Generic)
///     .then(WechatPlatformCode::AccessTokenExpired) // 42001: refresh the token
///     .then(AccessCode::InternalError307) // -307 内部错误: 重试一次
///     .then_success(json!({ "lists": [{ "openid": "A1", "nickName": "小明" }] }));
/// assert_eq!(scenario.len(), 3);
/// assert!(scenario.bodies()[2].starts_with(r#"{"ret":0,"msg":"success","lists":[{"#));
///
/// let policy = RetryPolicy::default();
/// let mut attempts = policy.start(scenario.api());
/// let mut steps = Vec::new();
/// let mut replies = scenario.bodies().into_iter();
/// let result = loop {
///     let body = replies.next().expect("the client stops within the scenario");
///     let envelope = Envelope::<Friends>::from_slice(body.as_bytes()).unwrap();
///     let step = attempts.next(&envelope.classify_for(scenario.api()));
///     steps.push(step);
///     match step {
///         Step::RetryAfter(delay) => std::thread::sleep(delay),
///         Step::RefreshThenRetry => {} // refresh the token here
///         _ => break envelope.into_result(),
///     }
/// };
/// assert_eq!(steps, [Step::RefreshThenRetry, Step::RetryAfter(Duration::ZERO), Step::Stop]);
/// let friends = result.expect("the third reply is a success");
/// assert_eq!((friends.lists[0].openid.as_str(), friends.lists[0].nick_name.as_str()), ("A1", "小明"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    api: Api,
    replies: Vec<Reply>,
    /// A `then_delay` that waits for the step after it.
    pending_delay: Duration,
}

/// One step: what the endpoint answers, and how long it waits first.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Reply {
    status: u16,
    body: String,
    /// The `content-type` it is served with.
    content_type: &'static str,
    delay: Duration,
}

/// MSDK's own answers are JSON.
const JSON: &str = "application/json";

impl Scenario {
    /// An empty scenario for an endpoint of `api`: the context its codes are read in.
    pub fn new(api: Api) -> Scenario {
        Scenario {
            api,
            replies: Vec::new(),
            pending_delay: Duration::ZERO,
        }
    }

    /// Then the documented response of `code`: its [`Fixture`](crate::Fixture) body,
    /// `{"ret":...,"msg":...,"err_type":...}` in the code's wire form. Takes a table
    /// enum (`WechatPlatformCode::AccessTokenExpired`) or an [`MsdkCode`].
    ///
    /// # Panics
    /// When that body would not read back as `code` under the scenario's API, i.e.
    /// when `code` is not among [`fixtures_for(api)`](crate::fixtures_for): a code of
    /// another API's table (a QQ share code in a [`Api::Generic`] scenario reads as an
    /// access or logic code), a generic code the API's own table answers first (logic
    /// `-10002` under [`Api::BlueDiamond`]), or logic `0` and `-101`, whose numbers the
    /// access table answers for every API. The message names the code, the body and
    /// what it reads as. To send such a body anyway, on purpose, use
    /// [`then_response`](Self::then_response) with `code.fixture().into_response()`.
    ///
    /// ```
    /// use msdk_error_codes::{Api, QqShareCode, Scenario};
    ///
    /// let share_auth_error = QqShareCode::from_code(100000).unwrap();
    /// let scenario = Scenario::new(Api::QqShare).then(share_auth_error);
    /// assert_eq!(scenario.bodies(), [r#"{"ret":100000,"msg":"鉴权错误！uin,skey错误","err_type":2}"#]);
    ///
    /// // Under a generic endpoint, ret 100000 would not be this code: refused.
    /// let wrong = std::panic::catch_unwind(|| Scenario::new(Api::Generic).then(share_auth_error));
    /// assert!(wrong.is_err());
    /// ```
    #[must_use]
    #[track_caller]
    pub fn then(mut self, code: impl Into<MsdkCode>) -> Scenario {
        let code = code.into();
        let fixture = code.fixture();
        let body = fixture.to_json();
        let read = fixture.response().classify_for(self.api);
        if read.known() != Some(code) {
            let api = self.api;
            let on_purpose =
                "send its body on purpose with then_response(code.fixture().into_response())";
            let reason = match read.known().map(|known| known.layer()) {
                Some(Layer::Access) if code.layer() == Layer::Logic => format!(
                    "the access table documents the same number and answers it first for \
                     every API, so no scenario sends it as this code; {on_purpose}"
                ),
                Some(layer) if api.layer() == Some(layer) => format!(
                    "the Api::{api:?} table documents the same number and answers it first; \
                     {on_purpose}"
                ),
                _ => format!(
                    "it is read under Api::{own:?}: build the scenario with \
                     Scenario::new(Api::{own:?}), or {on_purpose}",
                    own = fixture.api()
                ),
            };
            panic!(
                "Scenario::then({code}) under Api::{api:?}: {reason}. Its body {body} reads as: {read}"
            );
        }
        self.push(200, body, JSON);
        self
    }

    /// Then `response`, exactly as given: an
    /// [`undocumented_response`](crate::undocumented_response), a fixture with another
    /// server `err_type` ([`Fixture::with_server_err_type`](crate::Fixture::with_server_err_type)),
    /// or any hand-made one. Nothing is checked: this is the way to send what
    /// [`then`](Self::then) refuses.
    ///
    /// ```
    /// use msdk_error_codes::{undocumented_response, Api, Layer, MsdkResponse, Scenario};
    ///
    /// let scenario = Scenario::new(Api::Generic)
    ///     .then_response(undocumented_response(Layer::WechatPlatform))
    ///     .then_response(MsdkResponse::new(-503, "频率超限", None));
    /// assert_eq!(
    ///     scenario.bodies(),
    ///     [r#"{"ret":-20000,"msg":"61451,invalid parameter","err_type":5}"#, r#"{"ret":-503,"msg":"频率超限"}"#]
    /// );
    /// ```
    #[must_use]
    pub fn then_response(mut self, response: MsdkResponse<'_>) -> Scenario {
        self.push(200, response.to_body(), JSON);
        self
    }

    /// Then a success: `{"ret":0,"msg":"success", ...}` with the fields of `payload`
    /// after `ret` and `msg`, in `payload`'s order (serde_json's `Map` sorts its keys
    /// unless its `preserve_order` feature is on). No `err_type`, as MSDK sends success.
    ///
    /// # Panics
    /// When `payload` is not a JSON object, or has a `ret`, `msg` or `err_type` key: the
    /// status is this step's to set, and a payload field never overwrites it (a success
    /// whose body says `"ret":-1` would be no success). The message names the problem.
    /// A failure is [`then`](Self::then)'s or [`then_response`](Self::then_response)'s.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Scenario};
    /// use serde_json::json;
    ///
    /// let scenario = Scenario::new(Api::Generic).then_success(json!({ "lists": [] }));
    /// assert_eq!(scenario.bodies(), [r#"{"ret":0,"msg":"success","lists":[]}"#]);
    /// assert_eq!(Scenario::new(Api::Generic).then_success(json!({})).bodies(), [r#"{"ret":0,"msg":"success"}"#]);
    ///
    /// assert!(std::panic::catch_unwind(|| Scenario::new(Api::Generic).then_success(json!([1, 2]))).is_err());
    /// assert!(std::panic::catch_unwind(|| Scenario::new(Api::Generic).then_success(json!({ "ret": -1 }))).is_err());
    /// ```
    #[must_use]
    #[track_caller]
    pub fn then_success(mut self, payload: Value) -> Scenario {
        let fields = match payload {
            Value::Object(fields) => fields,
            other => panic!(
                "Scenario::then_success: the payload must be a JSON object, whose fields go \
                 beside \"ret\":0 and \"msg\":\"success\"; got {}: {other}",
                kind(&other)
            ),
        };
        if let Some(key) = ["ret", "msg", "err_type"]
            .into_iter()
            .find(|key| fields.contains_key(*key))
        {
            panic!(
                "Scenario::then_success: the payload has a {key:?} field, which would \
                 overwrite the success status; a payload never sets ret, msg or err_type \
                 (send a failure with then or then_response)"
            );
        }
        let mut body = String::from(r#"{"ret":0,"msg":"success""#);
        for (key, value) in fields {
            // A Value displays as its compact JSON, escapes included; the key too, as a
            // JSON string.
            body.push(',');
            body.push_str(&Value::String(key).to_string());
            body.push(':');
            body.push_str(&value.to_string());
        }
        body.push('}');
        self.push(200, body, JSON);
        self
    }

    /// Then an HTTP reply that is not an MSDK response: `status` with `body` as it is (a
    /// gateway's `502` page, an empty `503`, a `200` maintenance page), for the
    /// transport-failure path of a client (`TransportFailure::Status`). Served with the
    /// content type its body has, whatever the status: `application/json` when the body
    /// is JSON (MSDK's answer under another status), `text/html` when it starts with `<`
    /// (blanks before it ignored), else `text/plain` (an empty body included). It is a
    /// step like the others: it counts in [`len`](Self::len) and its body is in
    /// [`bodies`](Self::bodies).
    ///
    /// ```
    /// use msdk_error_codes::{AccessCode, Api, Scenario};
    ///
    /// let scenario = Scenario::new(Api::Generic)
    ///     .then_status(502, "<html>Bad Gateway</html>")
    ///     .then(AccessCode::RateLimitExceeded);
    /// assert_eq!(scenario.len(), 2);
    /// assert_eq!(scenario.statuses(), [502, 200]);
    /// assert_eq!(scenario.bodies()[0], "<html>Bad Gateway</html>");
    /// ```
    ///
    /// # Panics
    /// When `status` is not an HTTP status (`100..=999`), which no server can send.
    #[must_use]
    #[track_caller]
    pub fn then_status(mut self, status: u16, body: impl Into<String>) -> Scenario {
        assert!(
            (100..=999).contains(&status),
            "Scenario::then_status({status}): an HTTP status is 100..=999"
        );
        let body = body.into();
        // What the body is, whatever the status: a gateway's page is HTML even with a
        // 200, and MSDK's JSON is JSON even with a 502.
        let content_type = if serde_json::from_str::<serde::de::IgnoredAny>(&body).is_ok() {
            JSON
        } else if body.trim_start().starts_with('<') {
            "text/html"
        } else {
            "text/plain"
        };
        self.push(status, body, content_type);
        self
    }

    /// Then wait `delay` before the step that follows this one (added up when given
    /// twice), to make a client's timeout fire: the response is served late, so a client
    /// whose timeout is shorter sees a timeout after sending (`MaybeSent`). A delay is
    /// not a step: it counts in neither [`len`](Self::len) nor [`bodies`](Self::bodies);
    /// [`delays`](Self::delays) lists them. A delay with no step after it delays nothing.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use msdk_error_codes::{AccessCode, Api, Scenario};
    ///
    /// let scenario = Scenario::new(Api::Generic)
    ///     .then_delay(Duration::from_secs(5))
    ///     .then(AccessCode::InternalError307)
    ///     .then_success(serde_json::json!({}));
    /// assert_eq!(scenario.len(), 2);
    /// assert_eq!(scenario.delays(), [Duration::from_secs(5), Duration::ZERO]);
    /// ```
    #[must_use]
    pub fn then_delay(mut self, delay: Duration) -> Scenario {
        self.pending_delay = self.pending_delay.saturating_add(delay);
        self
    }

    fn push(&mut self, status: u16, body: String, content_type: &'static str) {
        let delay = core::mem::take(&mut self.pending_delay);
        self.replies.push(Reply {
            status,
            body,
            content_type,
            delay,
        });
    }

    /// The bodies, in order, one per step: MSDK's JSON, and as given for
    /// [`then_status`](Self::then_status).
    pub fn bodies(&self) -> Vec<String> {
        self.replies
            .iter()
            .map(|reply| reply.body.clone())
            .collect()
    }

    /// The HTTP status of each step: 200 but for [`then_status`](Self::then_status).
    pub fn statuses(&self) -> Vec<u16> {
        self.replies.iter().map(|reply| reply.status).collect()
    }

    /// How long each step waits before it answers ([`then_delay`](Self::then_delay)).
    pub fn delays(&self) -> Vec<Duration> {
        self.replies.iter().map(|reply| reply.delay).collect()
    }

    /// The number of steps.
    pub fn len(&self) -> usize {
        self.replies.len()
    }

    /// Whether the scenario has no steps yet.
    pub fn is_empty(&self) -> bool {
        self.replies.is_empty()
    }

    /// The API the scenario's codes are read in (for
    /// [`classify_for`](crate::MsdkResponse::classify_for) and
    /// [`RetryPolicy::start`](crate::RetryPolicy::start)).
    pub fn api(&self) -> Api {
        self.api
    }
}

/// Serving a scenario over HTTP, as wiremock's `MockServer` does for any other mock.
#[cfg(feature = "wiremock")]
#[cfg_attr(docsrs, doc(cfg(feature = "wiremock")))]
impl Scenario {
    /// Serves the scenario on `server` for requests to `path`: the bodies in order, one
    /// per request, then the last one again for every request after the end. Any
    /// method and any query string match; `path` is the URL path as
    /// `wiremock::matchers::path` takes it (a missing leading `/` is added; a `?` or a
    /// host in it panics). Each MSDK response is `200` with `content-type:
    /// application/json`: MSDK reports failures in the body, never in the status; a
    /// [`then_status`](Self::then_status) step has its own status and the content type
    /// of its body, and a
    /// [`then_delay`](Self::then_delay) makes the step after it answer late (the repeat
    /// of a delayed last step is delayed too). Requires the `wiremock` feature.
    ///
    /// No expectation is set: a scenario that is never requested is not an error, and
    /// one requested more often than it has steps is not either (the last body
    /// repeats). To check how often the client called, mount
    /// [`responder`](Self::responder) on a `Mock` with wiremock's own `.expect(..)`.
    /// Each `mount` counts on its own: the same scenario mounted on two paths serves
    /// each path from its first body. Requests to other paths get wiremock's `404`.
    ///
    /// # Panics
    /// When the scenario has no steps: there is no body to serve, and a mock that
    /// answers nothing is a test that forgot its script. The check happens at the call,
    /// before the returned future is awaited.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Scenario, WechatPlatformCode};
    /// use serde_json::json;
    /// # use tokio::io::{AsyncReadExt, AsyncWriteExt};
    /// # /// A minimal HTTP/1.1 GET; a client under test would use its own.
    /// # async fn get(server: &wiremock::MockServer, target: &str) -> String {
    /// #     let mut stream = tokio::net::TcpStream::connect(server.address()).await.unwrap();
    /// #     let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    /// #     stream.write_all(request.as_bytes()).await.unwrap();
    /// #     let mut reply = String::new();
    /// #     stream.read_to_string(&mut reply).await.unwrap();
    /// #     reply.split_once("\r\n\r\n").unwrap().1.to_owned()
    /// # }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let server = wiremock::MockServer::start().await;
    /// let scenario = Scenario::new(Api::Generic)
    ///     .then(WechatPlatformCode::AccessTokenExpired)
    ///     .then_success(json!({ "lists": [] }));
    /// scenario.mount(&server, "/relation/wxfriends_profile").await;
    ///
    /// let [expired, success] = [scenario.bodies()[0].clone(), scenario.bodies()[1].clone()];
    /// assert_eq!(get(&server, "/relation/wxfriends_profile?openid=A1").await, expired);
    /// assert_eq!(get(&server, "/relation/wxfriends_profile").await, success);
    /// assert_eq!(get(&server, "/relation/wxfriends_profile").await, success); // the last repeats
    /// # }
    /// ```
    #[track_caller]
    pub fn mount<'a>(
        &self,
        server: &'a wiremock::MockServer,
        path: &str,
    ) -> impl Future<Output = ()> + Send + use<'a> {
        let mock = wiremock::Mock::given(wiremock::matchers::path(path))
            .respond_with(self.responder())
            .named(format!(
                "msdk-error-codes Scenario for Api::{:?} at {path} ({} steps)",
                self.api,
                self.len()
            ));
        mock.mount(server)
    }

    /// The scenario as a `wiremock::Respond`, for a `Mock` with matchers or
    /// expectations of the test's own choosing; [`mount`](Self::mount) is
    /// `Mock::given(path(path)).respond_with(scenario.responder())`. The responder
    /// serves the bodies in order, then repeats the last, counting the requests it
    /// answers with an atomic counter, so concurrent requests each get their own step.
    /// Requires the `wiremock` feature.
    ///
    /// # Panics
    /// When the scenario has no steps, as [`mount`](Self::mount).
    ///
    /// ```
    /// use msdk_error_codes::{AccessCode, Api, Scenario};
    /// use wiremock::matchers::{method, path};
    /// use wiremock::Mock;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let server = wiremock::MockServer::start().await;
    /// let scenario = Scenario::new(Api::Generic).then(AccessCode::RateLimitExceeded).then_success(serde_json::json!({}));
    /// Mock::given(method("POST"))
    ///     .and(path("/auth/verify_login"))
    ///     .respond_with(scenario.responder())
    ///     .expect(0) // this test's client never calls it
    ///     .mount(&server)
    ///     .await;
    /// # }
    /// ```
    #[track_caller]
    pub fn responder(&self) -> ScenarioResponder {
        assert!(
            !self.replies.is_empty(),
            "Scenario::responder/mount: the scenario for Api::{:?} has no steps, so there is \
             no body to serve; add one with then, then_response or then_success",
            self.api
        );
        ScenarioResponder {
            replies: self.replies.clone(),
            served: AtomicUsize::new(0),
        }
    }
}

/// A [`Scenario`] as a `wiremock::Respond`: the steps in order, one per request it
/// answers, then the last one again; MSDK's bodies as a `200` with `content-type:
/// application/json`, a [`then_status`](Scenario::then_status) step with its status and
/// the content type of its body, each after its [`then_delay`](Scenario::then_delay). Made by
/// [`Scenario::responder`]. Requires the `wiremock` feature.
#[cfg(feature = "wiremock")]
#[cfg_attr(docsrs, doc(cfg(feature = "wiremock")))]
#[derive(Debug)]
pub struct ScenarioResponder {
    /// Never empty: `Scenario::responder` refuses an empty scenario.
    replies: Vec<Reply>,
    /// The requests answered so far. Only the count is shared, so `Relaxed` suffices:
    /// each request takes a distinct number, whatever the order they arrive in.
    served: AtomicUsize,
}

#[cfg(feature = "wiremock")]
impl wiremock::Respond for ScenarioResponder {
    fn respond(&self, _request: &wiremock::Request) -> wiremock::ResponseTemplate {
        // Saturating: after usize::MAX requests the last body still repeats, rather
        // than the count wrapping to the first.
        let n = self
            .served
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                Some(n.saturating_add(1))
            })
            .unwrap_or_else(|n| n);
        let last = self.replies.len().saturating_sub(1);
        let Some(reply) = self.replies.get(n.min(last)) else {
            return wiremock::ResponseTemplate::new(500);
        };
        wiremock::ResponseTemplate::new(reply.status)
            .set_body_raw(reply.body.clone(), reply.content_type)
            .set_delay(reply.delay)
    }
}

/// The JSON type of a value that is not an object, for the panic message.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
