//! The instruction budget of classification, counted by callgrind on a mixed stream
//! shaped like real traffic, beside the bare-match floor and the classifier written by
//! hand. `scripts/callgrind.sh` builds it and runs it under valgrind; run alone
//! (`cargo bench --bench callgrind_probe`) it only checks that every mode runs.
//!
//! ```text
//! callgrind_probe <mode> [rounds]    mode: crate, decision, classifier, floor, by_hand,
//!                                    or case0..case7: the crate on one element only
//! ```

use std::hint::black_box;

use msdk_error_codes::{Classifier, classify_for};

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

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next();
    let rounds = args.next().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let modes: Vec<&str> = match mode.as_deref() {
        // `cargo bench` passes `--bench`: run every mode once, as a smoke test.
        None | Some("--bench") => vec!["crate", "decision", "classifier", "floor", "by_hand"],
        Some(mode) => vec![mode],
    };
    for mode in modes {
        match mode {
            "crate" => run_crate(rounds),
            "decision" => run_decision(rounds),
            "classifier" => run_classifier(&Classifier::new(), rounds),
            "floor" => run_floor(rounds),
            "by_hand" => run_by_hand(&baselines::by_hand::Tables::load(), rounds),
            case if case.starts_with("case") => match case[4..].parse::<usize>() {
                Ok(n) => run_case(n, rounds),
                Err(_) => std::process::exit(2),
            },
            other => {
                eprintln!("unknown mode {other:?}: crate, decision, classifier, floor or by_hand");
                std::process::exit(2);
            }
        }
    }
    println!("{} calls per mode", rounds * STREAM.len());
}
