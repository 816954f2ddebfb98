//! `reqwest::RetryMiddleware` in a reqwest-middleware client.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use msdk_error_codes::reqwest::RetryMiddleware;
use msdk_error_codes::retry::TokenCell;
use msdk_error_codes::{Api, MsdkResponse, RetryPolicy};
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use super::*;

fn with(middleware: RetryMiddleware) -> ClientWithMiddleware {
    ClientBuilder::new(client()).with(middleware).build()
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
    assert_eq!(response.json::<Friends>().await.unwrap().lists, ["A1"]);
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
    let body = response.bytes().await.unwrap();
    assert_eq!(
        MsdkResponse::from_slice(&body).unwrap().classify().code(),
        42001
    );
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
            assert_eq!(response.json::<Friends>().await.unwrap().lists, ["A1"]);
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
    let client = with(RetryMiddleware::new(
        fast_policy().with_delayed_retries(10).with_max_attempts(3),
    ));
    for api in Api::ALL {
        let started = Instant::now();
        let err = client
            .get(closed_port_url(path_of(api)))
            .with_extension(api)
            .send()
            .await
            .unwrap_err();
        assert!(err.is_connect(), "{api}: {err}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
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
                result.unwrap().json::<Friends>().await.unwrap().lists,
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

#[tokio::test]
async fn retry_after_sets_the_delay_capped_by_the_policy() {
    let server = wiremock::MockServer::start().await;
    Mock::given(path(FRIENDS))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_string("slow down"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path(FRIENDS))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"ret":0,"msg":"success","lists":[]}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let policy = RetryPolicy::default()
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(200));
    let client = with(RetryMiddleware::new(policy));
    let started = Instant::now();
    let response = client
        .get(format!("{}{FRIENDS}", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let waited = started.elapsed();
    // Retry-After said 1 s; the policy caps it at 200 ms (and the base delay is 1 ms).
    assert!(
        waited >= Duration::from_millis(200) && waited < Duration::from_millis(900),
        "{waited:?}"
    );
}

#[tokio::test]
async fn a_deadline_bounds_the_whole_call() {
    let policy = RetryPolicy::default()
        .with_base_delay(Duration::from_millis(400))
        .with_max_delay(Duration::from_millis(400))
        .without_jitter();
    let client = with(RetryMiddleware::new(policy).with_deadline(Duration::from_millis(600)));
    let server = serve(rate_limited_forever(Api::Generic), FRIENDS).await;
    let started = Instant::now();
    let response = client
        .get(format!("{}{FRIENDS}", server.uri()))
        .send()
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_millis(600));
    assert_eq!(
        requests(&server).await,
        2,
        "one retry fits, the second would sleep past the deadline"
    );
    assert_eq!(
        MsdkResponse::from_slice(&response.bytes().await.unwrap())
            .unwrap()
            .ret(),
        -503
    );
}

#[tokio::test]
async fn a_body_that_cannot_be_cloned_is_sent_once() {
    let client = with(RetryMiddleware::new(fast_policy()));
    let server = serve(gateway_then_success(Api::Generic), FRIENDS).await;
    // A body reqwest only streams, whatever it holds.
    let body = reqwest::Body::wrap(http_body_util::Full::new(bytes::Bytes::from_static(b"{}")));
    let response = client
        .post(format!("{}{FRIENDS}", server.uri()))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 502);
    assert_eq!(requests(&server).await, 1);
}
