//! Whole calls over real HTTP on the loopback: the crate's driver with the caller's own
//! reqwest client, the reqwest-middleware layer and the tower policy, each against the
//! same matrix of scripted MSDK behaviours served by wiremock (a token expiry, a
//! gateway's page, a refused connection, a reply past the client's timeout), and the
//! bound on attempts that holds for all of them.

mod driver;
mod middleware;
mod tower;

use std::time::Duration;

use msdk_error_codes::{AccessCode, Api, RetryPolicy, Scenario, WechatPlatformCode};
use serde_json::json;
use wiremock::MockServer;

/// The endpoint every scenario is mounted on.
pub const FRIENDS: &str = "/relation/wxfriends_profile";
/// The endpoint of a share, not idempotent.
pub const SHARE: &str = "/share/qq";

/// The friends list a successful call returns, as `Friends<String>`: its entries are
/// openids.
pub use crate::support::Friends;

/// The default bounds, without the waiting.
pub fn fast_policy() -> RetryPolicy {
    RetryPolicy::default()
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(5))
}

/// A client whose timeout a `then_delay` of [`SLOW`] outlasts.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap()
}

/// Longer than the client's timeout.
pub const SLOW: Duration = Duration::from_millis(1500);

/// A client that follows one redirect and refuses the next: a redirect loop is
/// reqwest's `is_redirect` error.
pub fn redirect_once_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::limited(1))
        .build()
        .unwrap()
}

/// A server whose `path` redirects to itself, forever.
pub async fn redirect_loop(path: &str) -> MockServer {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path(path))
        .respond_with(wiremock::ResponseTemplate::new(302).insert_header("location", path))
        .mount(&server)
        .await;
    server
}

/// A URL reqwest parses but will not send (not http): its `is_builder` error comes
/// from the client's `execute`, so it passes through every middleware first.
pub const UNSENDABLE: &str = "ftp://127.0.0.1/relation/wxfriends_profile";

/// The path of each API the matrix tries: a generic one and a share.
pub fn path_of(api: Api) -> &'static str {
    match api {
        Api::QqShare => SHARE,
        _ => FRIENDS,
    }
}

/// A server with `scenario` mounted at `path`.
pub async fn serve(scenario: Scenario, path: &str) -> MockServer {
    let server = MockServer::start().await;
    scenario.mount(&server, path).await;
    server
}

/// The requests the server received.
pub async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

/// A loopback URL where nothing listens: a port just bound and released.
pub fn closed_port_url(path: &str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}{path}")
}

/// An expired WeChat token, then the friends list.
pub fn expiry_then_success(api: Api) -> Scenario {
    Scenario::new(api)
        .then(WechatPlatformCode::AccessTokenExpired)
        .then_success(json!({ "lists": ["A1"] }))
}

/// A gateway's 502 page, then the friends list.
pub fn gateway_then_success(api: Api) -> Scenario {
    Scenario::new(api)
        .then_status(502, "<html><title>502 Bad Gateway</title></html>")
        .then_success(json!({ "lists": ["A1"] }))
}

/// A reply past the client's timeout (lost with it), then the friends list.
pub fn timeout_then_success(api: Api) -> Scenario {
    Scenario::new(api)
        .then_delay(SLOW)
        .then_success(json!({ "lists": ["late"] }))
        .then_success(json!({ "lists": ["A1"] }))
}

/// Internal errors forever (-307 retries once, then stops): and rate limits, so that
/// the bound on attempts is what stops the call.
pub fn rate_limited_forever(api: Api) -> Scenario {
    Scenario::new(api).then(AccessCode::RateLimitExceeded)
}
