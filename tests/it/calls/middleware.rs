//! `reqwest::RetryMiddleware` in a reqwest-middleware client.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use msdk_error_codes::reqwest::{DeadlineExceeded, RetryMiddleware};
use msdk_error_codes::retry::TokenCell;
use msdk_error_codes::{Api, MsdkResponse, RetryPolicy};
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware, Next};
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use super::*;

/// Far longer than any call here takes when it works: it turns a call that hangs (a
/// deadline that does not cut, a Retry-After that is not capped) into a failure.
const HANG: Duration = Duration::from_secs(10);

fn with(middleware: RetryMiddleware) -> ClientWithMiddleware {
    ClientBuilder::new(client()).with(middleware).build()
}

/// Counts the attempts that reach the client: added after the retry middleware, it
/// sees each attempt the retry middleware sends.
struct Counter(Arc<AtomicUsize>);

#[async_trait::async_trait]
impl reqwest_middleware::Middleware for Counter {
    async fn handle(
        &self,
        request: reqwest::Request,
        extensions: &mut http::Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<reqwest::Response> {
        self.0.fetch_add(1, Ordering::SeqCst);
        next.run(request, extensions).await
    }
}

/// A client of `middleware` over `client`, and the count of the attempts it sends.
fn counted(
    client: reqwest::Client,
    middleware: RetryMiddleware,
) -> (ClientWithMiddleware, Arc<AtomicUsize>) {
    let sent = Arc::new(AtomicUsize::new(0));
    let client = ClientBuilder::new(client)
        .with(middleware)
        .with(Counter(sent.clone()))
        .build();
    (client, sent)
}

/// GETs the friends endpoint of `server`; a call that has not ended within [`HANG`]
/// fails the test, saying `why` it should have.
async fn get_within(
    client: &ClientWithMiddleware,
    server: &wiremock::MockServer,
    why: &str,
) -> reqwest_middleware::Result<reqwest::Response> {
    let call = client.get(format!("{}{FRIENDS}", server.uri())).send();
    tokio::time::timeout(HANG, call)
        .await
        .unwrap_or_else(|_| panic!("the call did not end: {why}"))
}

/// POSTs to the friends endpoint of `server` a body reqwest only streams, whatever it
/// holds: it cannot be cloned for a retry.
async fn post_streamed(
    client: &ClientWithMiddleware,
    server: &wiremock::MockServer,
) -> reqwest::Response {
    let body = reqwest::Body::wrap(http_body_util::Full::new(bytes::Bytes::from_static(b"{}")));
    client
        .post(format!("{}{FRIENDS}", server.uri()))
        .body(body)
        .send()
        .await
        .unwrap()
}

/// The code of the MSDK answer in `response`'s body, which the caller still reads.
async fn code_of(response: reqwest::Response) -> i32 {
    let body = response.bytes().await.unwrap();
    MsdkResponse::from_slice(&body).unwrap().classify().code()
}

/// The `DeadlineExceeded` an error of the middleware carries, if any.
fn deadline_exceeded(err: &reqwest_middleware::Error) -> Option<DeadlineExceeded> {
    match err {
        reqwest_middleware::Error::Middleware(e) => e.downcast_ref::<DeadlineExceeded>().copied(),
        reqwest_middleware::Error::Reqwest(_) => None,
    }
}

/// Replaces the `access_token` query parameter.
fn sign(request: &mut reqwest::Request, token: &str) {
    request
        .url_mut()
        .set_query(Some(&format!("access_token={token}")));
}

#[tokio::test]
async fn an_expiry_is_refreshed_with_a_hook_and_returned_without_one() {
    let refreshes = Arc::new(AtomicUsize::new(0));
    let counter = refreshes.clone();
    let tokens = Arc::new(TokenCell::new(String::from("stale")));
    let refreshing = with(RetryMiddleware::new(fast_policy()).with_refresh(
        tokens.clone(),
        move || {
            counter.fetch_add(1, Ordering::Relaxed);
            async { Some(String::from("fresh")) }
        },
        sign,
    ));
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let response = refreshing
        .get(format!("{}{FRIENDS}", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.url().path(),
        FRIENDS,
        "the caller still reads the URL"
    );
    assert_eq!(
        response.json::<Friends<String>>().await.unwrap().lists,
        ["A1"]
    );
    assert_eq!(refreshes.load(Ordering::Relaxed), 1);
    let queries: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(queries, ["access_token=stale", "access_token=fresh"]);

    // No hook: the 42001 response comes back after one request, readable.
    let plain = with(RetryMiddleware::new(fast_policy()));
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let response = plain
        .get(format!("{}{FRIENDS}", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(code_of(response).await, 42001);
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_gateway_page_is_retried_for_a_generic_call_and_not_for_a_share() {
    let client = with(RetryMiddleware::new(fast_policy()));
    for api in [Api::Generic, Api::QqShare] {
        let server = serve(gateway_then_success(api), path_of(api)).await;
        let response = client
            .post(format!("{}{}", server.uri(), path_of(api)))
            .body("{}")
            .send()
            .await
            .unwrap();
        if api.is_idempotent() {
            assert_eq!(response.status(), 200);
            assert_eq!(
                response.json::<Friends<String>>().await.unwrap().lists,
                ["A1"]
            );
            assert_eq!(requests(&server).await, 2);
        } else {
            assert_eq!(
                response.status(),
                502,
                "the gateway's page comes back as it was"
            );
            assert!(response.text().await.unwrap().contains("Bad Gateway"));
            assert_eq!(requests(&server).await, 1);
        }
    }
}

#[tokio::test]
async fn the_api_comes_from_the_extensions_before_the_path() {
    let client = with(RetryMiddleware::new(fast_policy()));
    // A share under a path the crate cannot recognise: the caller names the API.
    let server = serve(gateway_then_success(Api::QqShare), "/v3/send").await;
    let response = client
        .post(format!("{}/v3/send", server.uri()))
        .with_extension(Api::QqShare)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 502);
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_every_api_up_to_the_bound() {
    let (client, sent) = counted(
        client(),
        RetryMiddleware::new(fast_policy().with_delayed_retries(10).with_max_attempts(3)),
    );
    for api in Api::ALL {
        sent.store(0, Ordering::SeqCst);
        let err = client
            .get(closed_port_url(path_of(api)))
            .with_extension(api)
            .send()
            .await
            .unwrap_err();
        assert!(err.is_connect(), "{api}: {err}");
        assert_eq!(
            sent.load(Ordering::SeqCst),
            3,
            "{api}: never sent, so always retried, up to max_attempts"
        );
    }
}

/// A request reqwest will not send (`is_builder`) and a redirect loop its policy
/// refuses (`is_redirect`) are no transport failures: one attempt, reqwest's error.
#[tokio::test]
async fn a_request_never_built_and_a_refused_redirect_are_sent_once() {
    let (client, sent) = counted(client(), RetryMiddleware::new(fast_policy()));
    let err = client.get(UNSENDABLE).send().await.unwrap_err();
    assert!(err.is_builder(), "{err}");
    assert_eq!(sent.load(Ordering::SeqCst), 1);

    let server = redirect_loop(FRIENDS).await;
    let (client, sent) = counted(redirect_once_client(), RetryMiddleware::new(fast_policy()));
    let err = client
        .get(format!("{}{FRIENDS}", server.uri()))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_redirect(), "{err}");
    assert_eq!(sent.load(Ordering::SeqCst), 1);
    assert_eq!(
        requests(&server).await,
        2,
        "the request and the one redirect the client follows"
    );
}

#[tokio::test]
async fn a_reply_past_the_timeout_is_retried_only_for_idempotent_apis() {
    let client = with(RetryMiddleware::new(fast_policy()));
    for api in [Api::Generic, Api::QqShare] {
        let server = serve(timeout_then_success(api), path_of(api)).await;
        let result = client
            .post(format!("{}{}", server.uri(), path_of(api)))
            .send()
            .await;
        if api.is_idempotent() {
            assert_eq!(
                result
                    .unwrap()
                    .json::<Friends<String>>()
                    .await
                    .unwrap()
                    .lists,
                ["A1"]
            );
            assert_eq!(requests(&server).await, 2);
        } else {
            assert!(result.unwrap_err().is_timeout());
            assert_eq!(requests(&server).await, 1);
        }
    }
}

#[tokio::test]
async fn no_call_makes_more_than_max_attempts_and_the_last_body_reads() {
    for max in 1..=5 {
        let client = with(RetryMiddleware::new(
            fast_policy()
                .with_delayed_retries(100)
                .with_max_attempts(max),
        ));
        let server = serve(rate_limited_forever(Api::Generic), FRIENDS).await;
        let response = client
            .get(format!("{}{FRIENDS}", server.uri()))
            .send()
            .await
            .unwrap();
        assert_eq!(requests(&server).await as u32, max);
        let body = response.bytes().await.unwrap();
        assert_eq!(MsdkResponse::from_slice(&body).unwrap().ret(), -503);
    }
}

/// A server that refuses the first request with `status` (and `Retry-After` if given),
/// then answers with the friends list.
async fn refusal_then_success(status: u16, retry_after: Option<&str>) -> wiremock::MockServer {
    let server = wiremock::MockServer::start().await;
    let mut refusal = ResponseTemplate::new(status).set_body_string("slow down");
    if let Some(seconds) = retry_after {
        refusal = refusal.insert_header("retry-after", seconds);
    }
    Mock::given(path(FRIENDS))
        .respond_with(refusal)
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path(FRIENDS))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"ret":0,"msg":"success","lists":["A1"]}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    server
}

/// `Retry-After` on a 429 or a 503 sets the retry's delay, as the call's deadline
/// shows without a clock: a delay of 30 s cannot fit a deadline of 5 s, so the call
/// returns the refusal at once, whereas the policy's own delay (a millisecond) fits,
/// and without the header the same refusal is retried.
#[tokio::test]
async fn retry_after_on_a_429_or_a_503_sets_the_delay() {
    let policy = fast_policy().with_max_delay(Duration::from_secs(60));
    for status in [429, 503] {
        for retry_after in [Some("30"), None] {
            let server = refusal_then_success(status, retry_after).await;
            let client =
                with(RetryMiddleware::new(policy.clone()).with_deadline(Duration::from_secs(5)));
            let response = get_within(&client, &server, "no sleep past the deadline")
                .await
                .unwrap();
            if retry_after.is_some() {
                assert_eq!(
                    response.status(),
                    status,
                    "{status}: the refusal comes back"
                );
                assert_eq!(requests(&server).await, 1, "{status}");
            } else {
                assert_eq!(response.status(), 200, "{status}");
                assert_eq!(requests(&server).await, 2, "{status}");
            }
        }
    }
}

/// A `Retry-After` of an hour is capped by the policy's longest delay: the call
/// retries and ends, rather than sleeping for an hour.
#[tokio::test]
async fn a_retry_after_past_the_longest_delay_is_capped() {
    let server = refusal_then_success(503, Some("3600")).await;
    let client = with(RetryMiddleware::new(fast_policy()));
    let response = get_within(&client, &server, "the hour is capped at the policy's 5 ms")
        .await
        .unwrap();
    assert_eq!(
        response.json::<Friends<String>>().await.unwrap().lists,
        ["A1"]
    );
    assert_eq!(requests(&server).await, 2);
}

/// An attempt still in flight when the deadline passes is abandoned: the call ends with
/// `DeadlineExceeded` at the deadline, although the client's own timeout and the
/// server's late reply are far off.
#[tokio::test]
async fn a_deadline_cuts_an_attempt_in_flight_short() {
    let patient = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let deadline = Duration::from_millis(300);
    let (client, sent) = counted(
        patient,
        RetryMiddleware::new(fast_policy()).with_deadline(deadline),
    );
    let server = serve(
        Scenario::new(Api::Generic)
            .then_delay(Duration::from_secs(30))
            .then_success(json!({ "lists": ["late"] })),
        FRIENDS,
    )
    .await;
    let err = get_within(
        &client,
        &server,
        "the deadline ends the call long before the reply",
    )
    .await
    .unwrap_err();
    let exceeded = deadline_exceeded(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(
        (exceeded.api(), exceeded.deadline()),
        (Api::Generic, deadline)
    );
    assert!(err.to_string().contains("deadline"), "{err}");
    assert_eq!(sent.load(Ordering::SeqCst), 1);
}

/// A retry whose sleep would pass the deadline is not made: the call returns the last
/// response at once instead of sleeping into the deadline.
#[tokio::test]
async fn a_deadline_that_would_pass_during_a_sleep_ends_the_call_at_once() {
    let policy = RetryPolicy::default()
        .with_base_delay(Duration::from_secs(30))
        .with_max_delay(Duration::from_secs(30))
        .without_jitter();
    let client = with(RetryMiddleware::new(policy).with_deadline(Duration::from_secs(1)));
    let server = serve(rate_limited_forever(Api::Generic), FRIENDS).await;
    let response = get_within(
        &client,
        &server,
        "no sleep of 30 s within a deadline of 1 s",
    )
    .await
    .unwrap();
    assert_eq!(requests(&server).await, 1);
    assert_eq!(
        MsdkResponse::from_slice(&response.bytes().await.unwrap())
            .unwrap()
            .ret(),
        -503
    );
}

/// A refresh still running when the deadline passes is abandoned (and released for
/// other calls): the call returns the expiry's response, and no retry starts.
#[tokio::test]
async fn a_deadline_that_passes_during_a_refresh_returns_the_expiry() {
    let tokens = Arc::new(TokenCell::new(String::from("stale")));
    let client = with(
        RetryMiddleware::new(fast_policy())
            .with_deadline(Duration::from_millis(300))
            .with_refresh(tokens.clone(), std::future::pending::<Option<String>>, sign),
    );
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let response = get_within(&client, &server, "the deadline ends a refresh that hangs")
        .await
        .unwrap();
    assert_eq!(code_of(response).await, 42001);
    assert_eq!(requests(&server).await, 1);
    assert!(!tokens.is_refreshing(), "the abandoned refresh is released");
    assert_eq!(tokens.current().generation(), 0);
}

#[tokio::test]
async fn a_body_that_cannot_be_cloned_is_sent_once() {
    let client = with(RetryMiddleware::new(fast_policy()));
    let server = serve(gateway_then_success(Api::Generic), FRIENDS).await;
    let response = post_streamed(&client, &server).await;
    assert_eq!(response.status(), 502);
    assert_eq!(requests(&server).await, 1);
}

/// The calls the middleware ends itself, although the attempts would go on (no refresh
/// hook for an expiry, a body it cannot send again), end with the event of a failed
/// call, as a call the attempts stop does.
#[cfg(feature = "tracing")]
#[tokio::test]
async fn a_call_the_middleware_ends_itself_ends_with_an_info_stop_event() {
    use crate::support::events::{DEBUG, INFO, Recorder, steps};

    let (recorder, _guard) = Recorder::install();
    let client = with(RetryMiddleware::new(fast_policy()));
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let response = client
        .get(format!("{}{FRIENDS}", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let server = serve(gateway_then_success(Api::Generic), FRIENDS).await;
    let response = post_streamed(&client, &server).await;
    assert_eq!(response.status(), 502);

    assert_eq!(
        steps(&recorder.events()),
        [
            (DEBUG, "wechat_platform.42001", "refresh_then_retry"),
            (INFO, "wechat_platform.42001", "stop"),
            (DEBUG, "http.502", "retry_after"),
            (INFO, "http.502", "stop"),
        ]
    );
}
