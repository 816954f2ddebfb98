//! The crate's paths beside what users write without it, in the same run.
//!
//! Every group measures the crate (`crate`) and its baselines:
//! - `by_hand`: a `HashMap<i32, (String, String)>` per table filled at start-up,
//!   `msg.split(',')`, `parse::<i32>()` and owned `String`s in the result;
//! - `value`: parse to `serde_json::Value`, read `ret`/`msg`, then `by_hand`;
//! - `floor`: a bare `match` on `ret` returning a constant: the least any classifier
//!   can cost.
//!
//! `cargo bench` runs it all (about two minutes on two cores); `cargo xtask bench-report`
//! turns the results into the README's table.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::{
    AccessCode, AccessTokenCode, Api, Attempts, BlueDiamondCode, Classifier, Envelope, ErrorCode,
    GameCenterCode, LogicCode, MsdkResponse, OidbCode, PayTokenCode, QqPlatformCode, QqShareCode,
    QzoneShareCode, RetryPolicy, Step, WechatGroupCode, WechatPlatformCode, classify_for,
    parse_passthrough,
};

mod baselines;

use baselines::{MIXED_STREAM, by_hand, floor};

/// The mixed stream, 100 times over: 800 calls an iteration.
fn mixed_stream() -> Vec<(Api, i32, &'static str)> {
    MIXED_STREAM
        .iter()
        .copied()
        .cycle()
        .take(MIXED_STREAM.len() * 100)
        .collect()
}

/// The classification cases: (name, api, ret, msg).
const CASES: &[(&str, Api, i32, &str)] = &[
    ("access_code", Api::Generic, -503, "频率超限"),
    (
        "qq_passthrough",
        Api::Generic,
        -10000,
        "-73,the user modify password wrong",
    ),
    (
        "wechat_fullwidth_comma",
        Api::Generic,
        -20000,
        "42001，access_token expired",
    ),
    ("undocumented", Api::Generic, -2345, "something new"),
    (
        "api_context",
        Api::QqShare,
        100000,
        "鉴权错误！uin,skey错误",
    ),
];

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(900))
        .configure_from_args()
}

fn bench_classify(c: &mut Criterion) {
    let tables = by_hand::Tables::load();
    let mut group = c.benchmark_group("classify");
    for &(name, api, ret, msg) in CASES {
        group.bench_with_input(
            BenchmarkId::new("crate", name),
            &(api, ret, msg),
            |b, &(api, ret, msg)| {
                b.iter(|| classify_for(black_box(api), black_box(ret), black_box(msg)))
            },
        );
        group.bench_with_input(
            BenchmarkId::new("by_hand", name),
            &(api, ret, msg),
            |b, &(api, ret, msg)| {
                b.iter(|| tables.classify(black_box(api), black_box(ret), black_box(msg)))
            },
        );
        group.bench_with_input(BenchmarkId::new("floor", name), &ret, |b, &ret| {
            b.iter(|| floor(black_box(ret)))
        });
    }

    // The mixed stream of the callgrind probe, shaped like real traffic.
    let stream = mixed_stream();
    group.throughput(Throughput::Elements(stream.len() as u64));
    group.bench_function(BenchmarkId::new("crate", "mixed_stream"), |b| {
        b.iter(|| {
            for &(api, ret, msg) in black_box(&stream) {
                black_box(classify_for(api, ret, msg));
            }
        })
    });
    group.bench_function(BenchmarkId::new("by_hand", "mixed_stream"), |b| {
        b.iter(|| {
            for &(api, ret, msg) in black_box(&stream) {
                black_box(tables.classify(api, ret, msg));
            }
        })
    });
    group.bench_function(BenchmarkId::new("floor", "mixed_stream"), |b| {
        b.iter(|| {
            for &(_, ret, _) in black_box(&stream) {
                black_box(floor(ret));
            }
        })
    });
    group.finish();
}

fn bench_parse_passthrough(c: &mut Criterion) {
    let long = format!("-73,{}", "the user modify password wrong; ".repeat(128));
    let inputs = [
        (
            "ascii_comma",
            "-73,the user modify password wrong".to_string(),
        ),
        (
            "full_width_comma",
            "42001，access_token expired".to_string(),
        ),
        ("4k_text", long),
    ];
    let mut group = c.benchmark_group("parse_passthrough");
    for (name, msg) in &inputs {
        group.bench_with_input(BenchmarkId::new("crate", name), msg.as_str(), |b, msg| {
            b.iter(|| parse_passthrough(black_box(msg)))
        });
        group.bench_with_input(BenchmarkId::new("by_hand", name), msg.as_str(), |b, msg| {
            b.iter(|| by_hand::split_passthrough(black_box(msg)))
        });
    }
    group.finish();
}

/// A success body with a realistic payload: 50 friends with Chinese nicknames (the same
/// file the allocation test reads).
const FRIENDS_BODY: &str = include_str!("../tests/data/friends-response.json");

fn bench_wire(c: &mut Criterion) {
    let tables = by_hand::Tables::load();
    let bodies = [
        (
            "small_error",
            r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#.to_string(),
        ),
        ("friends_payload", FRIENDS_BODY.to_string()),
        (
            "escaped_msg",
            r#"{"ret":-20000,"msg":"40001,invalid credential \"\u6e38\u5ba2\"","err_type":2}"#
                .to_string(),
        ),
    ];
    let mut group = c.benchmark_group("wire");
    for (name, body) in &bodies {
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("crate", name),
            body.as_bytes(),
            |b, body| {
                b.iter(|| {
                    let response = MsdkResponse::from_slice(black_box(body)).expect("valid");
                    let outcome = response.classify();
                    black_box((outcome.err_type(), outcome.known()));
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("value", name),
            body.as_bytes(),
            |b, body| b.iter(|| by_hand::via_value(&tables, Api::Generic, black_box(body))),
        );
    }
    group.finish();
}

/// Looks up every code of table `T`, by the crate and by `HashMap`.
fn bench_table<T: ErrorCode>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    tables: &by_hand::Tables,
) {
    let codes: Vec<i32> = T::all().iter().map(|c| c.code()).collect();
    let name = T::LAYER.as_str();
    let map = tables.table(T::LAYER);
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_with_input(BenchmarkId::new("crate", name), &codes, |b, codes| {
        b.iter(|| {
            for &code in black_box(codes) {
                black_box(T::from_code(code).map(|c| c.description()));
            }
        })
    });
    group.bench_with_input(BenchmarkId::new("hash_map", name), &codes, |b, codes| {
        b.iter(|| {
            for &code in black_box(codes) {
                black_box(map.get(&code).map(|(description, _)| description.as_str()));
            }
        })
    });
}

fn bench_lookup(c: &mut Criterion) {
    let tables = by_hand::Tables::load();
    let mut group = c.benchmark_group("lookup");
    bench_table::<AccessCode>(&mut group, &tables);
    bench_table::<LogicCode>(&mut group, &tables);
    bench_table::<QqPlatformCode>(&mut group, &tables);
    bench_table::<WechatPlatformCode>(&mut group, &tables);
    bench_table::<WechatGroupCode>(&mut group, &tables);
    bench_table::<GameCenterCode>(&mut group, &tables);
    bench_table::<QzoneShareCode>(&mut group, &tables);
    bench_table::<QqShareCode>(&mut group, &tables);
    bench_table::<BlueDiamondCode>(&mut group, &tables);
    bench_table::<OidbCode>(&mut group, &tables);
    bench_table::<PayTokenCode>(&mut group, &tables);
    bench_table::<AccessTokenCode>(&mut group, &tables);
    group.finish();
}

/// `decision()` on top of `classify_for` (it should add nothing measurable), and one
/// step of a retry state machine.
fn bench_decision(c: &mut Criterion) {
    let stream = mixed_stream();
    let mut group = c.benchmark_group("decision");
    group.throughput(Throughput::Elements(stream.len() as u64));
    group.bench_function(BenchmarkId::new("crate", "mixed_stream"), |b| {
        b.iter(|| {
            for &(api, ret, msg) in black_box(&stream) {
                black_box(classify_for(api, ret, msg).decision());
            }
        })
    });
    group.bench_function(BenchmarkId::new("classify_only", "mixed_stream"), |b| {
        b.iter(|| {
            for &(api, ret, msg) in black_box(&stream) {
                black_box(classify_for(api, ret, msg));
            }
        })
    });
    // The steps are measured on calls started before the measurement, beside `start`
    // alone (`start_only`, a policy clone), for reference: see `steps`.
    // No budget: the step itself. A budget adds one atomic update of a shared counter
    // per retry or success, and a shared one would be drained within the first batch of
    // these streams (mostly failures), after which every step would measure a refusal.
    let policy = RetryPolicy::default();
    let outcomes: Vec<_> = stream
        .iter()
        .map(|&(api, ret, msg)| classify_for(api, ret, msg))
        .collect();
    steps(
        &mut group,
        &policy,
        "attempts_next",
        &outcomes,
        |c| c.api(),
        |a, c| a.next(c),
    );
    // A whole attempt from a response: the call's classification and the step. Its
    // baselines are the classification alone, and `start` alone.
    let responses: Vec<_> = stream
        .iter()
        .map(|&(api, ret, msg)| (api, MsdkResponse::new(ret, msg, Some(1))))
        .collect();
    steps(
        &mut group,
        &policy,
        "next_response",
        &responses,
        |(api, _)| *api,
        |a, (_, response)| a.next_response(response),
    );
    group.bench_function(BenchmarkId::new("classify_only", "next_response"), |b| {
        b.iter(|| {
            for (api, response) in black_box(&responses) {
                black_box(response.classify_for(*api).decision());
            }
        })
    });
    let failures: Vec<_> = [
        TransportFailure::NotSent,
        TransportFailure::MaybeSent,
        TransportFailure::Status(502),
        TransportFailure::Status(503),
        TransportFailure::Status(404),
    ]
    .into_iter()
    .cycle()
    .zip(stream.iter().map(|&(api, _, _)| api))
    .take(stream.len())
    .collect();
    steps(
        &mut group,
        &policy,
        "next_failure",
        &failures,
        |(_, api)| *api,
        |a, (failure, _)| a.next_failure(failure),
    );
    group.finish();
}

/// `step` on every item of `items`, measured as the `crate` function of `case`: one
/// step of a call started before the measurement, so that `start` (a policy clone) is
/// not in it; and `policy.start` alone for every item, for reference, as the
/// `start_only` function.
///
/// `PerIteration`: the input is one batch of 800 calls started from `policy`, against
/// which the timer's cost is negligible, and as warm in the cache as a call that was
/// just started.
fn steps<T>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    policy: &RetryPolicy,
    case: &str,
    items: &[T],
    api: impl Fn(&T) -> Api,
    step: impl Fn(&mut Attempts<'static>, &T) -> Step,
) {
    group.bench_function(BenchmarkId::new("crate", case), |b| {
        b.iter_batched(
            || {
                items
                    .iter()
                    .map(|item| policy.start(api(item)))
                    .collect::<Vec<_>>()
            },
            |mut started| {
                for (attempts, item) in started.iter_mut().zip(black_box(items)) {
                    black_box(step(attempts, item));
                }
                // Dropped by criterion, outside the measurement.
                started
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function(BenchmarkId::new("start_only", case), |b| {
        b.iter(|| {
            for item in black_box(items) {
                black_box(policy.start(api(item)));
            }
        })
    });
}

/// A `Classifier` without overrides beside `classify_for`: it should cost the same.
fn bench_classifier(c: &mut Criterion) {
    let stream = mixed_stream();
    let classifier = Classifier::new();
    let mut group = c.benchmark_group("classifier");
    group.throughput(Throughput::Elements(stream.len() as u64));
    group.bench_function(BenchmarkId::new("crate", "no_overrides"), |b| {
        b.iter(|| {
            for &(api, ret, msg) in black_box(&stream) {
                black_box(classifier.classify_for(api, ret, msg));
            }
        })
    });
    group.bench_function(BenchmarkId::new("classify_for", "no_overrides"), |b| {
        b.iter(|| {
            for &(api, ret, msg) in black_box(&stream) {
                black_box(classify_for(api, ret, msg));
            }
        })
    });
    group.finish();
}

/// The friends list as a backend types it.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct Friends {
    lists: Vec<Friend>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct Friend {
    openid: String,
    #[serde(rename = "nickName")]
    nick_name: String,
    gender: String,
    figureurl: String,
    #[serde(rename = "isFriend")]
    is_friend: bool,
    score: f64,
    level: u32,
    tags: Vec<String>,
}

/// What users write with `#[serde(flatten)]`: the status beside the payload.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct Flattened {
    ret: i32,
    msg: String,
    err_type: Option<i32>,
    #[serde(flatten)]
    payload: Friends,
}

/// The payload and the status in one parse (`Envelope`), beside `#[serde(flatten)]`,
/// parsing twice (`MsdkResponse`, then `T`), and the floor: `T` alone, ignoring the
/// status.
fn bench_envelope(c: &mut Criterion) {
    let body = FRIENDS_BODY.as_bytes();
    let mut group = c.benchmark_group("envelope");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_with_input(BenchmarkId::new("crate", "friends_50"), body, |b, body| {
        b.iter(|| black_box(Envelope::<Friends>::from_slice(black_box(body)).expect("valid")))
    });
    group.bench_with_input(
        BenchmarkId::new("flatten", "friends_50"),
        body,
        |b, body| {
            b.iter(|| {
                black_box(serde_json::from_slice::<Flattened>(black_box(body)).expect("valid"))
            })
        },
    );
    group.bench_with_input(
        BenchmarkId::new("parse_twice", "friends_50"),
        body,
        |b, body| {
            b.iter(|| {
                let status = MsdkResponse::from_slice(black_box(body)).expect("valid");
                let payload = serde_json::from_slice::<Friends>(black_box(body)).expect("valid");
                black_box((status, payload))
            })
        },
    );
    group.bench_with_input(BenchmarkId::new("floor", "friends_50"), body, |b, body| {
        b.iter(|| black_box(serde_json::from_slice::<Friends>(black_box(body)).expect("valid")))
    });
    group.finish();
}

/// The driver (`RetryPolicy::call`) beside the same loop written by hand over
/// `Attempts` (`baselines::driver`), on a fake in-memory transport: an internal error
/// (retried at once), then success with a small payload. What the driver adds over the
/// hand-written loop is the cost to measure.
fn bench_driver(c: &mut Criterion) {
    use baselines::driver;

    let policy = driver::policy();
    let mut group = c.benchmark_group("driver");
    group.bench_function(BenchmarkId::new("crate", "retry_then_success"), |b| {
        b.iter(|| assert!(driver::by_driver(&policy), "not the two-attempt call"))
    });
    group.bench_function(BenchmarkId::new("by_hand", "retry_then_success"), |b| {
        b.iter(|| assert!(driver::by_hand(&policy), "not the two-attempt call"))
    });
    group.finish();
}

/// An override file of 20,000 rows read in descending code order (`crate`: the order
/// that made the build quadratic before 0.2.0), beside the same rows in ascending order
/// (`ascending`), in the same run: a ratio near 1 is a build whose cost does not depend
/// on the order. `from_json` reads the file, `with` adds the rows one by one.
fn bench_overrides(c: &mut Criterion) {
    use msdk_error_codes::{Action, Code, ErrType, Layer, Override, Overrides};

    const ROWS: i32 = 20_000;
    let ascending: Vec<i32> = (0..ROWS).map(|n| 10_000_000 + n).collect();
    let descending: Vec<i32> = ascending.iter().rev().copied().collect();
    let file = |codes: &[i32]| {
        let rows: Vec<String> = codes
            .iter()
            .map(|c| {
                format!(r#"{{"layer":"wechat_platform","code":{c},"err_type":1,"action":"retry_later"}}"#)
            })
            .collect();
        format!("[{}]", rows.join(",\n"))
    };
    let add_all = |codes: &[i32]| {
        codes.iter().fold(Overrides::new(), |overrides, &code| {
            let row = Override::new(
                Code::new(Layer::WechatPlatform, code),
                ErrType::NetworkUnstable,
                Action::RetryLater,
            );
            overrides.with(row).expect("a new code")
        })
    };
    let mut group = c.benchmark_group("overrides");
    // Milliseconds an iteration: criterion's fewest samples.
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    for (function, codes) in [("crate", &descending), ("ascending", &ascending)] {
        let json = file(codes);
        group.bench_function(BenchmarkId::new(function, "from_json_20000"), |b| {
            b.iter(|| {
                let read = Overrides::from_json(black_box(&json)).expect("valid");
                assert_eq!(read.len(), ROWS as usize);
                read
            })
        });
        group.bench_function(BenchmarkId::new(function, "with_20000"), |b| {
            b.iter(|| add_all(black_box(codes)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_classify, bench_parse_passthrough, bench_wire, bench_lookup, bench_decision,
        bench_envelope, bench_classifier, bench_driver, bench_overrides
}
criterion_main!(benches);
