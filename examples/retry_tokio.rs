//! A retry loop on a real async runtime: eight tasks call a fake MSDK endpoint at once,
//! every one of them is told the shared access token expired, exactly one refreshes it
//! (through a `RefreshGate`), and each call then rides out the transient errors the
//! fake server has scripted, under one `RetryPolicy` with a shared `RetryBudget`.
//!
//! ```text
//! cargo run --example retry_tokio
//! ```

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use msdk_error_codes::{Api, MsdkError, MsdkResponse, RefreshGate, RetryBudget, RetryPolicy, Step};
use tokio::sync::Notify;

/// A fake MSDK server: a script of one-off answers first, then success for the valid
/// token and "access_token expired" for any other.
struct FakeMsdk {
    script: Mutex<VecDeque<&'static str>>,
    valid_token: Mutex<String>,
    refreshes: AtomicUsize,
}

impl FakeMsdk {
    async fn call(&self, token: &str) -> Vec<u8> {
        tokio::time::sleep(Duration::from_millis(2)).await; // the network
        if token != *self.valid_token.lock().unwrap() {
            return br#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#.to_vec();
        }
        match self.script.lock().unwrap().pop_front() {
            Some(body) => body.as_bytes().to_vec(),
            None => br#"{"ret":0,"msg":"success","lists":[]}"#.to_vec(),
        }
    }

    /// A new token, or `None` when the refresh API fails (this fake one never does).
    async fn refresh_token(&self) -> Option<String> {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let n = self.refreshes.fetch_add(1, Ordering::SeqCst) + 1;
        let token = format!("token-{n}");
        *self.valid_token.lock().unwrap() = token.clone();
        Some(token)
    }
}

/// A running refresh: dropping it ends the refresh (as failed, unless its ticket was
/// taken to succeed) and then wakes every task waiting for it.
struct Refreshing<'a> {
    ticket: Option<msdk_error_codes::RefreshTicket<'a>>,
    refreshed: &'a Notify,
}

impl Drop for Refreshing<'_> {
    fn drop(&mut self) {
        drop(self.ticket.take());
        self.refreshed.notify_waiters();
    }
}

/// The client's side: the token with its generation, and the single-flight refresh.
struct Client {
    msdk: FakeMsdk,
    token: Mutex<String>,
    gate: RefreshGate,
    refreshed: Notify,
    policy: RetryPolicy,
}

impl Client {
    /// The generation first, then the token it numbers (see `RefreshGate`).
    fn token(&self) -> (u64, String) {
        let generation = self.gate.generation();
        (generation, self.token.lock().unwrap().clone())
    }

    /// Refreshes the token of generation `seen`, or waits for the task that does;
    /// `false` when no new token came (then the user must log in again).
    async fn refresh(&self, seen: u64) -> bool {
        for _ in 0..3 {
            // Created before the gate is checked, so the wake-up cannot be missed.
            let refreshed = self.refreshed.notified();
            if let Some(ticket) = self.gate.try_begin(seen) {
                // The guard ends the refresh and wakes the waiters however this ends:
                // success, an error, or the task cancelled at the .await.
                let mut guard = Refreshing {
                    ticket: Some(ticket),
                    refreshed: &self.refreshed,
                };
                match self.msdk.refresh_token().await {
                    Some(token) => {
                        *self.token.lock().unwrap() = token;
                        if let Some(ticket) = guard.ticket.take() {
                            ticket.succeeded();
                        }
                        return true;
                    }
                    None => return false,
                }
            }
            if self.gate.generation() > seen {
                return true; // another task already refreshed
            }
            refreshed.await;
            if self.gate.generation() > seen {
                return true;
            }
            // The refresher gave up: try again, maybe as the refresher.
        }
        false
    }

    /// One logical call, with the policy's bounded retries.
    async fn friends(&self, task: usize) -> Result<(), MsdkError> {
        let mut attempts = self.policy.start(Api::Generic);
        loop {
            let (generation, token) = self.token();
            let body = self.msdk.call(&token).await;
            let response = MsdkResponse::from_slice(&body).expect("the fake server sends JSON");
            let outcome = response.classify();
            let step = attempts.next(&outcome);
            println!("task {task}: {} -> {step:?}", outcome.decision());
            match step {
                Step::RetryAfter(delay) => tokio::time::sleep(delay).await,
                Step::RefreshThenRetry if self.refresh(generation).await => {}
                // Done, or no new token: the error says so (then: log in again).
                _ => return response.into_result(),
            }
        }
    }
}

#[tokio::main]
async fn main() {
    let client = Arc::new(Client {
        msdk: FakeMsdk {
            // After the refresh: an internal error (重试一次), a rate limit (频率超限),
            // then success for everyone.
            script: Mutex::new(VecDeque::from([
                r#"{"ret":-307,"msg":"internal error","err_type":1}"#,
                r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
            ])),
            valid_token: Mutex::new("token-0-but-rotated".to_owned()),
            refreshes: AtomicUsize::new(0),
        },
        token: Mutex::new("token-0".to_owned()),
        gate: RefreshGate::new(),
        refreshed: Notify::new(),
        policy: RetryPolicy::default()
            .with_base_delay(Duration::from_millis(10))
            .with_budget(RetryBudget::default()),
    });

    let tasks: Vec<_> = (0..8)
        .map(|task| {
            let client = client.clone();
            tokio::spawn(async move { client.friends(task).await })
        })
        .collect();
    for task in tasks {
        task.await
            .expect("no panic")
            .expect("every call succeeds in the end");
    }
    let refreshes = client.msdk.refreshes.load(Ordering::SeqCst);
    println!("8 calls succeeded; {refreshes} token refresh for all of them");
    assert_eq!(
        refreshes, 1,
        "single-flight: one refresh for eight expired calls"
    );
}
