//! The driver on tokio: 64 tasks call a fake MSDK endpoint at once with the same
//! access token, every one of them is told it expired, exactly one refreshes it (the
//! `TokenCell`), and each call then rides out the transient failures the fake server
//! has scripted (a refused connection, an internal error, a gateway's 502 page), under
//! one `RetryPolicy` with a shared `RetryBudget`. The refused connection is the HTTP
//! client's own error (`std::io::Error`): the driver reads it as a request that was
//! never sent, and retries it, as it would for a share.
//!
//! ```text
//! cargo run --example retry_tokio --features tokio
//! ```

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use msdk_error_codes::retry::TokenCell;
use msdk_error_codes::{Api, RetryBudget, RetryPolicy};

/// One scripted reply: what the HTTP client returns, a status and a body, or its error.
type Reply = Result<(u16, &'static str), std::io::ErrorKind>;

/// A fake MSDK server: success for the valid token, "access_token expired" for any
/// other, and a script of one-off failures first.
struct FakeMsdk {
    script: Mutex<VecDeque<Reply>>,
    valid_token: Mutex<String>,
    refreshes: AtomicUsize,
    requests: AtomicUsize,
}

impl FakeMsdk {
    /// One request: the status and the body, as an HTTP client gives them.
    async fn call(&self, token: &str) -> Result<(u16, Vec<u8>), std::io::Error> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(Duration::from_millis(2)).await; // the network
        if token != *self.valid_token.lock().unwrap() {
            let expired = r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#;
            return Ok((200, expired.into()));
        }
        let reply = self.script.lock().unwrap().pop_front();
        let (status, body) =
            reply.unwrap_or(Ok((200, r#"{"ret":0,"msg":"success","lists":[]}"#)))?;
        Ok((status, body.into()))
    }

    /// The refresh API: a new token (`None` if it refused; this fake one never does).
    async fn refresh_token(&self) -> Option<String> {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let n = self.refreshes.fetch_add(1, Ordering::Relaxed) + 1;
        let token = format!("token-{n}");
        *self.valid_token.lock().unwrap() = token.clone();
        Some(token)
    }
}

#[derive(serde::Deserialize)]
struct Friends {
    lists: Vec<serde::de::IgnoredAny>,
}

#[tokio::main]
async fn main() {
    let msdk = Arc::new(FakeMsdk {
        script: Mutex::new(VecDeque::from([
            // The connection was refused: the client's error, not a reply.
            Err(std::io::ErrorKind::ConnectionRefused),
            Ok((200, r#"{"ret":-307,"msg":"internal error","err_type":1}"#)),
            Ok((502, "<html><title>502 Bad Gateway</title></html>")),
        ])),
        valid_token: Mutex::new(String::from("token-0")),
        refreshes: AtomicUsize::new(0),
        requests: AtomicUsize::new(0),
    });
    // One policy and one budget per client; one token cell per user session.
    let policy = RetryPolicy::default()
        .with_base_delay(Duration::from_millis(10))
        .with_budget(RetryBudget::default());
    let tokens = Arc::new(TokenCell::new(String::from("expired-token")));

    let calls: Vec<_> = (0..64)
        .map(|_| {
            let (msdk, policy, tokens) = (msdk.clone(), policy.clone(), tokens.clone());
            tokio::spawn(async move {
                let msdk = &*msdk;
                policy
                    .call(Api::Generic)
                    .with_tokens(&tokens, || msdk.refresh_token())
                    .send::<Friends, _, _, _, _>(
                        |token: String| async move { msdk.call(&token).await },
                    )
                    .await
            })
        })
        .collect();

    let mut succeeded = 0;
    for call in calls {
        match call.await.expect("the task ran") {
            Ok(friends) => {
                succeeded += 1;
                assert!(friends.lists.is_empty());
            }
            Err(e) => println!("a call failed: {} ({}, {})", e, e.label(), e.decision()),
        }
    }
    println!(
        "{succeeded} of 64 calls succeeded with {} requests, {} token refresh(es); token generation {}",
        msdk.requests.load(Ordering::Relaxed),
        msdk.refreshes.load(Ordering::Relaxed),
        tokens.current().generation(),
    );
    assert_eq!(
        succeeded, 64,
        "the refused connection was retried, as every failure"
    );
    assert_eq!(msdk.refreshes.load(Ordering::Relaxed), 1);
}
