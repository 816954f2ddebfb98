//! `tower::MsdkPolicy` in tower's `Retry`, over a service that sends each request with
//! reqwest: real HTTP on the loopback.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ::tower::retry::Retry;
use ::tower::{Service, ServiceExt};
use msdk_error_codes::tower::MsdkPolicy;
use msdk_error_codes::{Api, MsdkResponse};

use super::*;

/// An HTTP service of `http` types, as a backend builds one on its client.
fn http_service(
    client: reqwest::Client,
    sent: Arc<AtomicUsize>,
) -> impl Service<
    http::Request<String>,
    Response = http::Response<Vec<u8>>,
    Error = reqwest::Error,
    Future = impl Future<Output = Result<http::Response<Vec<u8>>, reqwest::Error>> + Send,
> + Clone {
    ::tower::service_fn(move |request: http::Request<String>| {
        let client = client.clone();
        sent.fetch_add(1, Ordering::Relaxed);
        async move {
            let request = reqwest::Request::try_from(request)?;
            let response = client.execute(request).await?;
            let status = response.status();
            let body = response.bytes().await?.to_vec();
            Ok(http::Response::builder().status(status).body(body).unwrap())
        }
    })
}

async fn call(
    policy: MsdkPolicy,
    url: &str,
) -> (Result<http::Response<Vec<u8>>, reqwest::Error>, usize) {
    let sent = Arc::new(AtomicUsize::new(0));
    let mut service = Retry::new(policy, http_service(client(), sent.clone()));
    let request = http::Request::post(url).body(String::from("{}")).unwrap();
    let result = service.ready().await.unwrap().call(request).await;
    (result, sent.load(Ordering::Relaxed))
}

#[tokio::test]
async fn a_gateway_page_is_retried_for_a_generic_call_and_not_for_a_share() {
    for api in [Api::Generic, Api::QqShare] {
        let server = serve(gateway_then_success(api), path_of(api)).await;
        let (result, sent) = call(
            MsdkPolicy::new(fast_policy()),
            &format!("{}{}", server.uri(), path_of(api)),
        )
        .await;
        let response = result.unwrap();
        if api.is_idempotent() {
            assert_eq!((response.status().as_u16(), sent), (200, 2));
            assert_eq!(
                serde_json::from_slice::<Friends<String>>(response.body())
                    .unwrap()
                    .lists,
                ["A1"]
            );
        } else {
            assert_eq!((response.status().as_u16(), sent), (502, 1));
        }
    }
}

#[tokio::test]
async fn an_expiry_is_not_retried_by_a_policy_that_cannot_refresh() {
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let (result, sent) = call(
        MsdkPolicy::new(fast_policy()),
        &format!("{}{FRIENDS}", server.uri()),
    )
    .await;
    let response = result.unwrap();
    assert_eq!(sent, 1);
    assert_eq!(
        MsdkResponse::from_slice(response.body())
            .unwrap()
            .classify()
            .code(),
        42001
    );
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_every_api_up_to_the_bound() {
    for api in Api::ALL {
        let policy = MsdkPolicy::new(fast_policy().with_delayed_retries(10).with_max_attempts(3))
            .with_api(api);
        let (result, sent) = call(policy, &closed_port_url(path_of(api))).await;
        assert!(result.unwrap_err().is_connect(), "{api}");
        assert_eq!(sent, 3, "{api}");
    }
}

#[tokio::test]
async fn a_reply_past_the_timeout_is_retried_only_for_idempotent_apis() {
    for api in [Api::Generic, Api::QqShare] {
        let server = serve(timeout_then_success(api), path_of(api)).await;
        let (result, sent) = call(
            MsdkPolicy::new(fast_policy()),
            &format!("{}{}", server.uri(), path_of(api)),
        )
        .await;
        if api.is_idempotent() {
            assert_eq!((result.unwrap().status().as_u16(), sent), (200, 2));
        } else {
            assert!(result.unwrap_err().is_timeout());
            assert_eq!(sent, 1);
        }
    }
}

#[tokio::test]
async fn no_call_makes_more_than_max_attempts() {
    for max in 1..=5 {
        let policy = MsdkPolicy::new(
            fast_policy()
                .with_delayed_retries(100)
                .with_max_attempts(max),
        );
        let server = serve(rate_limited_forever(Api::Generic), FRIENDS).await;
        let (result, sent) = call(policy, &format!("{}{FRIENDS}", server.uri())).await;
        assert_eq!(sent as u32, max);
        assert_eq!(
            MsdkResponse::from_slice(result.unwrap().body())
                .unwrap()
                .ret(),
            -503
        );
    }
}

#[test]
fn a_budget_is_a_tower_budget() {
    use ::tower::retry::budget::Budget;
    fn budget<B: Budget>(b: &B) -> bool {
        b.withdraw()
    }
    let shared = msdk_error_codes::RetryBudget::new(3, 1.0).unwrap();
    assert!(
        budget(&shared),
        "3 tokens: a failure leaves 2, more than 1.5"
    );
    assert!(!budget(&shared), "2: a failure leaves 1");
    shared.deposit();
    assert_eq!(shared.tokens(), 2.0);
}

/// A request reqwest will not send (`is_builder`) is no transport failure: one attempt.
#[tokio::test]
async fn a_request_never_built_is_sent_once() {
    let (result, sent) = call(MsdkPolicy::new(fast_policy()), UNSENDABLE).await;
    assert!(result.unwrap_err().is_builder());
    assert_eq!(sent, 1);
}

/// The calls the policy ends itself (a token expiry it cannot refresh) and a 2xx that
/// is no MSDK answer end with the event of a failed call.
#[cfg(feature = "tracing")]
#[tokio::test]
async fn a_call_the_policy_ends_ends_with_an_info_stop_event() {
    use crate::support::events::{DEBUG, INFO, Recorder, steps};

    let (recorder, _guard) = Recorder::install();
    let server = serve(expiry_then_success(Api::Generic), FRIENDS).await;
    let (result, sent) = call(
        MsdkPolicy::new(fast_policy()),
        &format!("{}{FRIENDS}", server.uri()),
    )
    .await;
    assert_eq!((result.unwrap().status().as_u16(), sent), (200, 1));
    let server = serve(
        Scenario::new(Api::Generic).then_status(200, "<html>maintenance</html>"),
        FRIENDS,
    )
    .await;
    let (result, sent) = call(
        MsdkPolicy::new(fast_policy()),
        &format!("{}{FRIENDS}", server.uri()),
    )
    .await;
    assert_eq!((result.unwrap().status().as_u16(), sent), (200, 1));

    assert_eq!(
        steps(&recorder.events()),
        [
            (DEBUG, "wechat_platform.42001", "refresh_then_retry"),
            (INFO, "wechat_platform.42001", "stop"),
            (INFO, "parse.syntax", "stop"),
        ]
    );
}
