//! The baselines the benchmarks and the callgrind probe measure the crate against: the
//! classifier a backend writes by hand, and the floor. A module of those benches, not a
//! bench: Cargo takes `benches/*.rs` for targets, not `benches/*/mod.rs`.

#![allow(dead_code)] // each bench target uses its part

use std::collections::HashMap;

use msdk_error_codes::{Api, Layer, catalog};

/// Baseline 1: the classifier a backend writes by hand from the wiki page.
pub mod by_hand {
    use super::*;

    /// What the hand-written classifier returns: owned strings.
    #[allow(dead_code)] // read through black_box only
    pub struct Outcome {
        pub layer: Layer,
        pub code: i32,
        pub description: String,
        pub recommendation: String,
        pub platform_message: String,
    }

    /// One `HashMap` per table, filled at start-up.
    pub struct Tables(HashMap<Layer, HashMap<i32, (String, String)>>);

    impl Tables {
        pub fn load() -> Tables {
            let mut tables: HashMap<Layer, HashMap<i32, (String, String)>> = HashMap::new();
            for code in catalog() {
                tables.entry(code.layer()).or_default().insert(
                    code.code(),
                    (
                        code.description().to_string(),
                        code.recommendation().to_string(),
                    ),
                );
            }
            Tables(tables)
        }

        pub fn table(&self, layer: Layer) -> &HashMap<i32, (String, String)> {
            &self.0[&layer]
        }

        fn outcome(&self, layer: Layer, code: i32, platform_message: String) -> Option<Outcome> {
            let (description, recommendation) = self.table(layer).get(&code)?;
            Some(Outcome {
                layer,
                code,
                description: description.clone(),
                recommendation: recommendation.clone(),
                platform_message,
            })
        }

        pub fn classify(&self, api: Api, ret: i32, msg: &str) -> Outcome {
            if let Some(found) = api
                .layer()
                .and_then(|layer| self.outcome(layer, ret, String::new()))
            {
                return found;
            }
            if ret == -10000 || ret == -20000 {
                let (code, text) = split_passthrough(msg);
                if let Some(code) = code {
                    let platform = if ret == -10000 {
                        Layer::QqPlatform
                    } else {
                        Layer::WechatPlatform
                    };
                    let own = api
                        .layer()
                        .and_then(|l| self.outcome(l, code, text.clone()));
                    return own
                        .or_else(|| self.outcome(platform, code, text.clone()))
                        .unwrap_or_else(|| unknown(platform, code, text));
                }
            }
            self.outcome(Layer::Access, ret, String::new())
                .or_else(|| self.outcome(Layer::Logic, ret, String::new()))
                .unwrap_or_else(|| unknown(Layer::Logic, ret, String::new()))
        }
    }

    fn unknown(layer: Layer, code: i32, platform_message: String) -> Outcome {
        Outcome {
            layer,
            code,
            description: "unknown".to_string(),
            recommendation: String::new(),
            platform_message,
        }
    }

    /// `"code,text"` the usual way: split on ',' and parse the first part.
    pub fn split_passthrough(msg: &str) -> (Option<i32>, String) {
        let mut parts = msg.split(',');
        let code = parts.next().and_then(|p| p.trim().parse::<i32>().ok());
        let text = parts.collect::<Vec<_>>().join(",");
        (code, text)
    }

    /// Baseline 2: `serde_json::Value`, then the hand-written classifier.
    pub fn via_value(tables: &Tables, api: Api, body: &[u8]) -> Outcome {
        let value: serde_json::Value = serde_json::from_slice(body).expect("valid JSON");
        let ret = value["ret"].as_i64().expect("ret") as i32;
        let msg = value["msg"].as_str().unwrap_or("");
        tables.classify(api, ret, msg)
    }
}

/// Baseline 3: the floor, a bare match on `ret` returning a constant.
#[inline(never)]
pub fn floor(ret: i32) -> u8 {
    match ret {
        0 => 0,
        -503 | -307 | -2345 => 1,
        -10000 | -20000 => 2,
        100000 => 2,
        -10002 => 5,
        _ => 5,
    }
}

/// The mixed stream, shaped like real traffic: of every 8 calls, 5 passthroughs (one with
/// a full-width comma, one undocumented), 2 generic codes (one undocumented) and 1
/// success. The criterion bench and the callgrind probe read the same one.
pub const MIXED_STREAM: [(Api, i32, &str); 8] = [
    (Api::Generic, -10000, "-73,the user modify password wrong"),
    (Api::Generic, -20000, "42001，access_token expired"),
    (Api::Generic, -20000, "40001,invalid credential"),
    (Api::Generic, -10000, "-6,api rate limit"),
    (Api::Generic, -20000, "61451,invalid parameter"),
    (Api::Generic, -503, "频率超限"),
    (Api::Generic, -2345, "something new"),
    (Api::Generic, 0, "success"),
];

/// One call of two attempts, for the driver's cost: an internal error (retried at once),
/// then success with a small payload, on a fake in-memory transport and a sleep that is
/// ready at once. Each function returns whether the call used both replies and
/// succeeded, so that a bench measures the call it says it does.
pub mod driver {
    use std::hint::black_box;

    use msdk_error_codes::{Api, Envelope, Error, RetryPolicy, Step};
    use serde::de::IgnoredAny;

    pub const REPLIES: [&[u8]; 2] = [
        br#"{"ret":-307,"msg":"internal error","err_type":1}"#,
        br#"{"ret":0,"msg":"success","lists":[1,2,3]}"#,
    ];

    /// A policy whose budget no call of these can drain: each failure takes the token
    /// its success puts back (with the default budget, a tenth of a token per success,
    /// the retry was refused after a few calls).
    pub fn policy() -> RetryPolicy {
        RetryPolicy::default()
            .with_budget(msdk_error_codes::RetryBudget::new(10, 1.0).expect("valid"))
    }

    /// Runs a future that never waits (the fake transport and the sleep are ready at
    /// once).
    pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                return output;
            }
        }
    }

    /// The crate's driver, `RetryPolicy::call`.
    pub fn by_driver(policy: &RetryPolicy) -> bool {
        let mut replies = REPLIES.iter();
        let result = block_on(
            policy
                .call(Api::Generic)
                .with_sleep(|_| async {})
                .send::<IgnoredAny, _, _, _, _>(|()| {
                    let body = *replies.next().expect("two replies");
                    async move { Ok::<_, std::io::Error>((200u16, black_box(body))) }
                }),
        );
        replies.len() == 0 && black_box(result).is_ok()
    }

    /// The same call, the loop written by hand over `Attempts` as the `Attempts` docs
    /// and the README write it.
    pub fn by_hand(policy: &RetryPolicy) -> bool {
        let mut replies = REPLIES.iter();
        let result: Result<IgnoredAny, Error> = block_on(async {
            let mut attempts = policy.start(Api::Generic);
            loop {
                let body = *replies.next().expect("two replies");
                let reply =
                    match async { Ok::<_, std::io::Error>((200u16, black_box(body))) }.await {
                        Ok((status, body)) => Envelope::from_http(attempts.api(), status, body)
                            .map(Envelope::into_owned),
                        Err(e) => Err(Error::from_client(attempts.api(), e)),
                    };
                let step = match &reply {
                    Ok(envelope) => attempts.next_response(envelope.response()),
                    Err(e) => attempts.next_error(e),
                };
                match step {
                    Step::RetryAfter(_) => async {}.await,
                    _ => break Ok(attempts.result(reply?)?),
                }
            }
        });
        replies.len() == 0 && black_box(result).is_ok()
    }
}
