//! The driver (`RetryPolicy::call`) with the caller's own reqwest client.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::retry::TokenCell;
use msdk_error_codes::{Api, Decision, Error, RetryPolicy};
use wiremock::matchers::{path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::*;

/// One attempt: GET `url` with the token, as a backend would with reqwest.
async fn get(
    client: &reqwest::Client,
    url: &str,
    token: String,
) -> Result<(u16, Vec<u8>), reqwest::Error> {
    let response = client
        .get(format!("{url}?access_token={token}"))
        .send()
        .await?;
    let status = response.status().as_u16();
    Ok((status, response.bytes().await?.to_vec()))
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_with_a_refresh_and_returned_without() {
    let client = client();
    let policy = fast_policy();

    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let url = format!("{}{FRIENDS}", server.uri());
    let tokens = TokenCell::new(String::from("stale"));
    let refreshes = AtomicUsize::new(0);
    let friends: Friends<String> = policy
        .call(Api::Generic)
        .with_tokens(&tokens, || async {
            refreshes.fetch_add(1, Ordering::Relaxed);
            Some(String::from("fresh"))
        })
        .send(|token: String| get(&client, &url, token))
        .await
        .unwrap();
    assert_eq!(friends.lists, ["A1"]);
    assert_eq!(refreshes.load(Ordering::Relaxed), 1);
    assert_eq!(tokens.current().value(), "fresh");
    let sent: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        sent,
        ["access_token=stale", "access_token=fresh"],
        "the retry is signed with the new token"
    );

    // Without a refresh, the expiry is the answer, after one request.
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let url = format!("{}{FRIENDS}", server.uri());
    let err = policy
        .call(Api::Generic)
        .send::<Friends<String>, _, _, _, _>(|()| get(&client, &url, "stale".into()))
        .await
        .unwrap_err();
    assert_eq!(
        (err.label(), err.decision()),
        ("wechat_platform.42001", Decision::RefreshToken)
    );
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_failed_refresh_ends_the_call_and_says_reauthorize() {
    let client = client();
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let url = format!("{}{FRIENDS}", server.uri());
    let tokens = TokenCell::new(String::from("stale"));
    let finished = fast_policy()
        .call(Api::Generic)
        .with_tokens(&tokens, || async { None::<String> })
        .run::<Friends<String>, _, _, _, _>(|token: String| get(&client, &url, token))
        .await;
    assert!(finished.attempts.must_reauthorize());
    assert_eq!(finished.attempts.attempts(), 1);
    assert_eq!(tokens.failed_generation(), Some(0));
    let err = finished.into_result().unwrap_err();
    assert_eq!(err.label(), "wechat_platform.42001");
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_gateway_page_is_retried_for_a_generic_call_and_not_for_a_share() {
    let client = client();
    for api in [Api::Generic, Api::QqShare] {
        let server = serve(gateway_then_success(api), path_of(api)).await;
        let url = format!("{}{}", server.uri(), path_of(api));
        let result = fast_policy()
            .call(api)
            .send::<Friends<String>, _, _, _, _>(|()| get(&client, &url, "t".into()))
            .await;
        if api.is_idempotent() {
            assert_eq!(result.unwrap().lists, ["A1"]);
            assert_eq!(requests(&server).await, 2);
        } else {
            let err = result.unwrap_err();
            let Error::Transport(e) = &err else {
                panic!("{err:?}")
            };
            assert_eq!(e.failure(), TransportFailure::Status(502));
            assert!(
                err.to_string().contains("may have been carried out"),
                "{err}"
            );
            assert_eq!(
                requests(&server).await,
                1,
                "a share that may have run is not sent again"
            );
        }
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_every_api_up_to_the_bound() {
    let client = client();
    let policy = fast_policy().with_delayed_retries(10).with_max_attempts(4);
    for api in Api::ALL {
        let url = closed_port_url(path_of(api));
        let sent = AtomicUsize::new(0);
        let finished = policy
            .call(api)
            .run::<Friends<String>, _, _, _, _>(|()| {
                sent.fetch_add(1, Ordering::Relaxed);
                get(&client, &url, "t".into())
            })
            .await;
        assert_eq!(
            sent.load(Ordering::Relaxed),
            4,
            "{api}: never sent, so always retried, up to max_attempts"
        );
        let err = finished.into_result().unwrap_err();
        assert_eq!(err.label(), "transport.not_sent", "{api}: {err}");
    }
}

#[tokio::test]
async fn a_reply_past_the_timeout_is_retried_only_for_idempotent_apis() {
    let client = client();
    for api in [
        Api::Generic,
        Api::QqShare,
        Api::QzoneShare,
        Api::OtherShare,
        Api::GameCenter,
    ] {
        let server = serve(timeout_then_success(api), path_of(api)).await;
        let url = format!("{}{}", server.uri(), path_of(api));
        let result = fast_policy()
            .call(api)
            .send::<Friends<String>, _, _, _, _>(|()| get(&client, &url, "t".into()))
            .await;
        if api.is_idempotent() {
            assert_eq!(
                result.unwrap().lists,
                ["A1"],
                "{api}: the late reply is lost with its timeout"
            );
        } else {
            let err = result.unwrap_err();
            assert_eq!(err.label(), "transport.maybe_sent", "{api}: {err}");
        }
        let expected = if api.is_idempotent() { 2 } else { 1 };
        assert_eq!(requests(&server).await, expected, "{api}");
    }
}

#[tokio::test]
async fn no_call_makes_more_than_max_attempts() {
    let client = client();
    for max in 1..=6 {
        let policy = fast_policy()
            .with_delayed_retries(100)
            .with_max_attempts(max);
        let server = serve(rate_limited_forever(Api::Generic), FRIENDS).await;
        let url = format!("{}{FRIENDS}", server.uri());
        let finished = policy
            .call(Api::Generic)
            .run::<Friends<String>, _, _, _, _>(|()| get(&client, &url, "t".into()))
            .await;
        assert_eq!(requests(&server).await as u32, max);
        assert_eq!(finished.attempts.attempts(), max);
        assert_eq!(finished.into_result().unwrap_err().label(), "access.-503");
    }
}

/// 64 concurrent calls that all see the same expired token make one refresh, on a
/// current-thread runtime: a wait that blocked its thread would never let the refresh
/// finish. Each call sends the stale token once (every call reads it before any reply
/// can come back) and the fresh one once. The runtime runs on a thread of its own,
/// watched from the test's: a regression that blocks or spins on the runtime's thread
/// fails the test instead of hanging it.
#[test]
fn sixty_four_concurrent_expiries_make_one_refresh() {
    crate::support::within(Duration::from_secs(60), async {
        let server = MockServer::start().await;
        Mock::given(path(FRIENDS))
            .and(query_param("access_token", "stale"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(
                r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#,
                "application/json",
            ))
            .mount(&server)
            .await;
        Mock::given(path(FRIENDS))
            .and(query_param("access_token", "fresh"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(
                r#"{"ret":0,"msg":"success","lists":["A1"]}"#,
                "application/json",
            ))
            .mount(&server)
            .await;
        let url = format!("{}{FRIENDS}", server.uri());
        let client = client();
        let tokens = Arc::new(TokenCell::new(String::from("stale")));
        let refreshes = Arc::new(AtomicUsize::new(0));
        let policy = fast_policy();
        let calls: Vec<_> = (0..64)
            .map(|_| {
                let (client, url, tokens, refreshes, policy) = (
                    client.clone(),
                    url.clone(),
                    tokens.clone(),
                    refreshes.clone(),
                    policy.clone(),
                );
                tokio::spawn(async move {
                    policy
                        .call(Api::Generic)
                        .with_tokens(&tokens, || async {
                            refreshes.fetch_add(1, Ordering::Relaxed);
                            // The refresh API takes a while: calls wait for it.
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            Some(String::from("fresh"))
                        })
                        .send::<Friends<String>, _, _, _, _>(|token: String| {
                            get(&client, &url, token)
                        })
                        .await
                })
            })
            .collect();
        for call in calls {
            assert_eq!(call.await.unwrap().unwrap().lists, ["A1"]);
        }
        assert_eq!(refreshes.load(Ordering::Relaxed), 1);
        assert_eq!(tokens.current().generation(), 1);
        let mut sent = std::collections::BTreeMap::new();
        for request in server.received_requests().await.unwrap() {
            let query = request.url.query().unwrap_or_default().to_owned();
            *sent.entry(query).or_insert(0) += 1;
        }
        assert_eq!(
            sent,
            [
                (String::from("access_token=fresh"), 64),
                (String::from("access_token=stale"), 64),
            ]
            .into(),
            "each call sent the stale token once, and the fresh one once"
        );
    });
}

/// A request reqwest will not send (`is_builder`) and a redirect loop its policy
/// refuses (`is_redirect`) are no transport failures: the call ends after one attempt
/// with `Error::Request`, whose source is reqwest's error.
#[tokio::test]
async fn a_request_never_built_and_a_refused_redirect_end_the_call_at_once() {
    let server = redirect_loop(FRIENDS).await;
    let looping = format!("{}{FRIENDS}", server.uri());
    for (client, url) in [(client(), UNSENDABLE), (redirect_once_client(), &looping)] {
        let sent = AtomicUsize::new(0);
        let finished = fast_policy()
            .call(Api::Generic)
            .run::<Friends<String>, _, _, _, _>(|()| {
                sent.fetch_add(1, Ordering::Relaxed);
                get(&client, url, "t".into())
            })
            .await;
        assert_eq!(sent.load(Ordering::Relaxed), 1, "{url}");
        assert_eq!(finished.attempts.attempts(), 1, "{url}");
        let err = finished.into_result().unwrap_err();
        let Error::Request(source) = &err else {
            panic!("{url}: {err:?}")
        };
        let reqwest = source
            .downcast_ref::<reqwest::Error>()
            .unwrap_or_else(|| panic!("{url}: {source:?}"));
        assert!(
            reqwest.is_builder() || reqwest.is_redirect(),
            "{url}: {reqwest}"
        );
        assert_eq!(reqwest.is_builder(), url == UNSENDABLE, "{url}: {reqwest}");
        assert_eq!(err.label(), "request.invalid");
    }
    assert_eq!(
        requests(&server).await,
        2,
        "the loop's request and the one redirect the client follows"
    );
}

#[tokio::test]
async fn a_body_that_is_no_msdk_response_ends_the_call() {
    let client = client();
    let server = serve(
        Scenario::new(Api::Generic).then_status(200, "<html>maintenance</html>"),
        FRIENDS,
    )
    .await;
    let url = format!("{}{FRIENDS}", server.uri());
    let err = RetryPolicy::default()
        .call(Api::Generic)
        .send::<Friends<String>, _, _, _, _>(|()| get(&client, &url, "t".into()))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Parse(_)), "{err:?}");
    assert_eq!(requests(&server).await, 1);
}
