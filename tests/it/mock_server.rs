//! Scenario over real HTTP: a wiremock `MockServer` serving it, and requests sent over
//! TCP with a minimal HTTP/1.1 client (`Connection: close`), so no HTTP client crate is
//! needed. Built only with the `wiremock` feature (the `cfg` on its `mod` in main.rs).

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use msdk_error_codes::{
    AccessCode, Api, Envelope, Error, Layer, RetryPolicy, Scenario, Step, WechatPlatformCode,
    undocumented_response,
};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::support::{self, NamedFriend};

/// One HTTP reply.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: HashMap<String, String>,
    body: String,
}

/// Sends one request and reads the whole reply: the server closes the connection after
/// it (`Connection: close`), so the reply ends at end of stream. The timeout only
/// keeps a broken server from hanging the test; nothing is asserted about time.
async fn send(server: &MockServer, method: &str, target: &str) -> Reply {
    let exchange = async {
        let mut stream = TcpStream::connect(server.address()).await.unwrap();
        let body = if method == "GET" {
            ""
        } else {
            r#"{"appid":"100703379"}"#
        };
        let request = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            server.address(),
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.unwrap();
        parse(&raw)
    };
    tokio::time::timeout(Duration::from_secs(30), exchange)
        .await
        .expect("the mock server answers")
}

/// Parses a reply with a `content-length` body, the form hyper sends for a body it
/// knows whole; anything else fails the test.
fn parse(raw: &[u8]) -> Reply {
    let text = std::str::from_utf8(raw).expect("a UTF-8 reply");
    let (head, body) = text.split_once("\r\n\r\n").expect("a header block");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("status line {status_line:?}"));
    let headers: HashMap<String, String> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').expect("a header");
            (name.trim().to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no content-length in {headers:?}"));
    assert_eq!(body.len(), length, "the whole body arrived");
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}

fn friends_scenario() -> Scenario {
    Scenario::new(Api::Generic)
        .then(WechatPlatformCode::AccessTokenExpired)
        .then(AccessCode::InternalError307)
        .then_success(json!({ "lists": [{ "openid": "A1", "nickName": "小明" }] }))
}

#[tokio::test]
async fn serves_the_bodies_in_order_then_repeats_the_last() {
    let server = MockServer::start().await;
    let scenario = friends_scenario();
    scenario.mount(&server, "/relation/wxfriends_profile").await;
    let bodies = scenario.bodies();
    // Any method, with or without a query string; the sixth and seventh repeat the last.
    let requests = [
        ("GET", "/relation/wxfriends_profile", 0),
        (
            "POST",
            "/relation/wxfriends_profile?timestamp=1&appid=100703379&sig=x",
            1,
        ),
        ("GET", "/relation/wxfriends_profile?openid=A1", 2),
        ("POST", "/relation/wxfriends_profile", 2),
        ("PUT", "/relation/wxfriends_profile?x=1", 2),
        ("GET", "/relation/wxfriends_profile", 2),
    ];
    for (method, target, step) in requests {
        let reply = send(&server, method, target).await;
        assert_eq!(reply.status, 200, "{method} {target}");
        assert_eq!(
            reply.headers.get("content-type").map(String::as_str),
            Some("application/json"),
            "{method} {target}"
        );
        assert_eq!(reply.body, bodies[step], "{method} {target}");
    }
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), requests.len());
}

/// A `then_status` step is served with the content type of its body, whatever its
/// status: a `200` maintenance page is HTML, not the JSON of MSDK's answers, and MSDK's
/// JSON under a `500` is JSON.
#[tokio::test]
async fn a_status_step_is_served_with_the_content_type_of_its_body() {
    let server = MockServer::start().await;
    let msdk_under_500 = r#"{"ret":-307,"msg":"内部错误"}"#;
    let scenario = Scenario::new(Api::Generic)
        .then_status(200, "<html>maintenance</html>")
        .then_status(502, "\n<!DOCTYPE html><title>502 Bad Gateway</title>")
        .then_status(503, "")
        .then_status(504, "upstream timed out")
        .then_status(500, msdk_under_500)
        .then(AccessCode::InternalError307);
    scenario.mount(&server, "/relation/wxfriends_profile").await;
    let want = [
        (200, "text/html"),
        (502, "text/html"),
        (503, "text/plain"),
        (504, "text/plain"),
        (500, "application/json"),
        (200, "application/json"),
    ];
    for (step, (status, content_type)) in want.into_iter().enumerate() {
        let reply = send(&server, "GET", "/relation/wxfriends_profile").await;
        assert_eq!(reply.status, status, "step {step}");
        assert_eq!(
            reply.headers.get("content-type").map(String::as_str),
            Some(content_type),
            "step {step}: {:?}",
            reply.body
        );
        assert_eq!(reply.body, scenario.bodies()[step], "step {step}");
    }
}

#[tokio::test]
async fn another_path_gets_wiremocks_404_and_takes_no_step() {
    let server = MockServer::start().await;
    let scenario = friends_scenario();
    scenario.mount(&server, "/relation/wxfriends_profile").await;
    for target in [
        "/relation/qqfriends_detail",
        "/relation/wxfriends_profile/extra",
        "/",
    ] {
        let reply = send(&server, "GET", target).await;
        assert_eq!(reply.status, 404, "{target}");
    }
    // The 404s took no step: the scenario starts at its first body.
    let reply = send(&server, "GET", "/relation/wxfriends_profile").await;
    assert_eq!(reply.body, scenario.bodies()[0]);
}

#[tokio::test]
async fn a_mounted_scenario_never_requested_passes() {
    let server = MockServer::start().await;
    friends_scenario()
        .mount(&server, "/relation/wxfriends_profile")
        .await;
    assert!(server.received_requests().await.unwrap().is_empty());
    // Dropping the server verifies the expectations: there are none to fail.
    drop(server);
}

#[tokio::test]
async fn each_mount_counts_on_its_own() {
    let server = MockServer::start().await;
    let scenario = friends_scenario();
    scenario.mount(&server, "/a").await;
    // wiremock adds the leading slash, as for its own path matcher.
    scenario.mount(&server, "b").await;
    let bodies = scenario.bodies();
    assert_eq!(send(&server, "GET", "/a").await.body, bodies[0]);
    assert_eq!(send(&server, "GET", "/a").await.body, bodies[1]);
    assert_eq!(send(&server, "GET", "/b").await.body, bodies[0]);
    assert_eq!(send(&server, "GET", "/a").await.body, bodies[2]);
    assert_eq!(send(&server, "GET", "/b").await.body, bodies[1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_each_take_their_own_step() {
    let server = MockServer::start().await;
    let scenario = friends_scenario();
    scenario.mount(&server, "/relation/wxfriends_profile").await;
    let replies = concurrent_gets(&server, 8).await;
    let bodies = scenario.bodies();
    let count = |i: usize| replies.iter().filter(|r| r.body == bodies[i]).count();
    // Whatever order they were answered in: each step once, the last for the rest.
    assert_eq!((count(0), count(1), count(2)), (1, 1, 6));
}

/// `n` GETs of the friends path at once, each on its own task.
async fn concurrent_gets(server: &MockServer, n: usize) -> Vec<Reply> {
    let address = *server.address();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            tokio::spawn(async move {
                let mut stream = TcpStream::connect(address).await.unwrap();
                let request = "GET /relation/wxfriends_profile HTTP/1.1\r\nHost: localhost\r\n\
                               Connection: close\r\n\r\n";
                stream.write_all(request.as_bytes()).await.unwrap();
                let mut raw = Vec::new();
                stream.read_to_end(&mut raw).await.unwrap();
                parse(&raw)
            })
        })
        .collect();
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.unwrap());
    }
    replies
}

#[tokio::test]
async fn the_responder_takes_the_tests_own_matchers_and_expectations() {
    let server = MockServer::start().await;
    let scenario = Scenario::new(Api::Generic)
        .then_response(undocumented_response(Layer::WechatPlatform))
        .then_success(json!({}));
    Mock::given(method("POST"))
        .and(path("/auth/verify_login"))
        .respond_with(scenario.responder())
        .expect(2)
        .mount(&server)
        .await;
    assert_eq!(send(&server, "GET", "/auth/verify_login").await.status, 404);
    let bodies = scenario.bodies();
    assert_eq!(
        send(&server, "POST", "/auth/verify_login").await.body,
        bodies[0]
    );
    assert_eq!(
        send(&server, "POST", "/auth/verify_login").await.body,
        bodies[1]
    );
    server.verify().await;
}

#[tokio::test]
async fn an_empty_scenario_is_refused_at_the_call() {
    let server = MockServer::start().await;
    let empty = Scenario::new(Api::Generic);
    assert!(empty.bodies().is_empty());
    // The panic comes from the call itself, before anything is awaited or mounted.
    let refused = std::panic::catch_unwind(AssertUnwindSafe(|| {
        drop(empty.mount(&server, "/relation/wxfriends_profile"));
    }));
    let message = *refused.unwrap_err().downcast::<String>().unwrap();
    assert!(message.contains("has no steps"), "{message}");
    assert!(std::panic::catch_unwind(|| empty.responder()).is_err());
    assert_eq!(
        send(&server, "GET", "/relation/wxfriends_profile")
            .await
            .status,
        404
    );
}

/// The payload the mock server sends: the client reads the nickname too.
type Friends = support::Friends<NamedFriend>;

/// A client's retry loop over HTTP, as the README shows it: the steps it took, the
/// refreshes it made and its result.
async fn fetch_friends(
    server: &MockServer,
    policy: &RetryPolicy,
) -> (Vec<Step>, u32, Result<Friends, Error>) {
    let mut attempts = policy.start(Api::Generic);
    let mut steps = Vec::new();
    let mut refreshes = 0;
    loop {
        let reply = send(server, "POST", "/relation/wxfriends_profile?openid=A1").await;
        let envelope = match Envelope::<Friends>::from_slice(reply.body.as_bytes()) {
            Ok(envelope) => envelope,
            Err(err) => return (steps, refreshes, Err(err.into())),
        };
        let step = attempts.next(&envelope.classify_for(Api::Generic));
        steps.push(step);
        match step {
            Step::RetryAfter(delay) => tokio::time::sleep(delay).await,
            Step::RefreshThenRetry => refreshes += 1,
            _ => {
                let result = envelope.into_result_for(Api::Generic).map_err(Error::from);
                return (steps, refreshes, result);
            }
        }
    }
}

#[tokio::test]
async fn a_retry_loop_against_the_mock_server() {
    let server = MockServer::start().await;
    friends_scenario()
        .mount(&server, "/relation/wxfriends_profile")
        .await;
    let (steps, refreshes, result) = fetch_friends(&server, &RetryPolicy::default()).await;
    assert_eq!(
        steps,
        [
            Step::RefreshThenRetry,
            Step::RetryAfter(Duration::ZERO),
            Step::Stop
        ]
    );
    assert_eq!(refreshes, 1);
    let friends = result.unwrap();
    assert_eq!(
        (
            friends.lists[0].openid.as_str(),
            friends.lists[0].nick_name.as_str()
        ),
        ("A1", "小明")
    );

    // A second expiry in the same call stops, with the error to report.
    let server = MockServer::start().await;
    Scenario::new(Api::Generic)
        .then(WechatPlatformCode::AccessTokenExpired)
        .mount(&server, "/relation/wxfriends_profile")
        .await;
    let (steps, refreshes, result) = fetch_friends(&server, &RetryPolicy::default()).await;
    assert_eq!(
        (steps, refreshes),
        (vec![Step::RefreshThenRetry, Step::Stop], 1)
    );
    match result {
        Err(Error::Msdk(err)) => assert!(err.needs_token_refresh(), "{err}"),
        other => panic!("{other:?}"),
    }
}
