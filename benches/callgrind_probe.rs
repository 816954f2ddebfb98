//! The instruction budget of classification, counted by callgrind on a mixed stream
//! shaped like real traffic, beside the bare-match floor and the classifier written by
//! hand. `scripts/callgrind.sh` builds it and runs it under valgrind; run alone
//! (`cargo bench --bench callgrind_probe`) it only checks that every mode runs.
//!
//! ```text
//! callgrind_probe <mode> [rounds]    mode: crate, decision, classifier, floor, by_hand,
//!                                    next_response, next_failure, driver,
//!                                    driver_by_hand,
//!                                    or case0..case7: the crate on one element only
//! ```
//!
//! `next_response` and `next_failure` are one attempt's step of a call (`Attempts`, the
//! default policy, no budget) started before the count: the response of each element of
//! the stream, or a transport failure. `driver` and `driver_by_hand` count a whole call
//! of two attempts (`baselines::driver`), by the driver and by a loop written by hand;
//! their `per_call` is per 8 calls, as for the stream's modes.

use std::hint::black_box;

use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::{Attempts, Classifier, MsdkResponse, RetryPolicy, classify_for};

mod baselines;

use baselines::MIXED_STREAM as STREAM;

#[inline(never)]
fn run_crate(rounds: usize) {
    for _ in 0..rounds {
        for &(api, ret, msg) in black_box(&STREAM) {
            black_box(classify_for(api, ret, msg));
        }
    }
}

/// One element of the stream, for a per-case profile.
#[inline(never)]
fn run_case(case: usize, rounds: usize) {
    let (api, ret, msg) = STREAM[case % STREAM.len()];
    for _ in 0..rounds * STREAM.len() {
        black_box(classify_for(black_box(api), black_box(ret), black_box(msg)));
    }
}

#[inline(never)]
fn run_decision(rounds: usize) {
    for _ in 0..rounds {
        for &(api, ret, msg) in black_box(&STREAM) {
            black_box(classify_for(api, ret, msg).decision());
        }
    }
}

#[inline(never)]
fn run_classifier(classifier: &Classifier, rounds: usize) {
    for _ in 0..rounds {
        for &(api, ret, msg) in black_box(&STREAM) {
            black_box(classifier.classify_for(api, ret, msg));
        }
    }
}

#[inline(never)]
fn run_floor(rounds: usize) {
    for _ in 0..rounds {
        for &(_, ret, _) in black_box(&STREAM) {
            black_box(baselines::floor(ret));
        }
    }
}

#[inline(never)]
fn run_by_hand(tables: &baselines::by_hand::Tables, rounds: usize) {
    for _ in 0..rounds {
        for &(api, ret, msg) in black_box(&STREAM) {
            black_box(tables.classify(api, ret, msg));
        }
    }
}

/// One call started for every element of `rounds` passes over the stream, before the
/// count: each step below is the first attempt of a call of its own.
fn started(rounds: usize) -> Vec<Attempts<'static>> {
    let policy = RetryPolicy::default();
    (0..rounds)
        .flat_map(|_| STREAM.iter().map(|&(api, _, _)| policy.start(api)))
        .collect()
}

#[inline(never)]
fn run_next_response(calls: &mut [Attempts<'static>], responses: &[MsdkResponse<'_>]) {
    for (attempts, response) in calls.iter_mut().zip(responses.iter().cycle()) {
        black_box(attempts.next_response(black_box(response)));
    }
}

#[inline(never)]
fn run_next_failure(calls: &mut [Attempts<'static>], failures: &[TransportFailure]) {
    for (attempts, failure) in calls.iter_mut().zip(failures.iter().cycle()) {
        black_box(attempts.next_failure(black_box(failure)));
    }
}

#[inline(never)]
fn run_driver(policy: &RetryPolicy, rounds: usize) {
    for _ in 0..rounds * STREAM.len() {
        assert!(
            baselines::driver::by_driver(policy),
            "not the two-attempt call"
        );
    }
}

#[inline(never)]
fn run_driver_by_hand(policy: &RetryPolicy, rounds: usize) {
    for _ in 0..rounds * STREAM.len() {
        assert!(
            baselines::driver::by_hand(policy),
            "not the two-attempt call"
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next();
    let rounds = args.next().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let modes: Vec<&str> = match mode.as_deref() {
        // `cargo bench` passes `--bench`: run every mode once, as a smoke test.
        None | Some("--bench") => vec![
            "crate",
            "decision",
            "classifier",
            "floor",
            "by_hand",
            "next_response",
            "next_failure",
            "driver",
            "driver_by_hand",
        ],
        Some(mode) => vec![mode],
    };
    for mode in modes {
        match mode {
            "crate" => run_crate(rounds),
            "decision" => run_decision(rounds),
            "classifier" => run_classifier(&Classifier::new(), rounds),
            "floor" => run_floor(rounds),
            "by_hand" => run_by_hand(&baselines::by_hand::Tables::load(), rounds),
            "next_response" => {
                let responses: Vec<_> = STREAM
                    .iter()
                    .map(|&(_, ret, msg)| MsdkResponse::new(ret, msg, None))
                    .collect();
                run_next_response(&mut started(rounds), &responses);
            }
            "driver" => run_driver(&baselines::driver::policy(), rounds),
            "driver_by_hand" => run_driver_by_hand(&baselines::driver::policy(), rounds),
            "next_failure" => {
                // Of every 8: each kind, the statuses that retry and one that does not.
                let failures = [
                    TransportFailure::NotSent,
                    TransportFailure::MaybeSent,
                    TransportFailure::Status(502),
                    TransportFailure::Status(503),
                    TransportFailure::Status(429),
                    TransportFailure::Status(500),
                    TransportFailure::Status(404),
                    TransportFailure::NotSent,
                ];
                run_next_failure(&mut started(rounds), &failures);
            }
            case if case.starts_with("case") => match case[4..].parse::<usize>() {
                Ok(n) => run_case(n, rounds),
                Err(_) => std::process::exit(2),
            },
            other => {
                eprintln!(
                    "unknown mode {other:?}: crate, decision, classifier, floor, by_hand, next_response, next_failure, driver or driver_by_hand"
                );
                std::process::exit(2);
            }
        }
    }
    println!("{} calls per mode", rounds * STREAM.len());
}
