//! The explain tool's throughput over a 43 MB log of realistic lines (a timestamp, some
//! fields, the endpoint, then the JSON response; 60% failures; `explain_log`), as JSON
//! lines, as text and as a summary (with one API, and with `--api auto`), in one
//! process: the tool's own logic (`src/bin/msdk-explain/cli/`), output into a sink.
//! `cargo xtask bench-report` turns the results into MB/s; lines/s is MB/s times the
//! line count per MB this bench prints. `scripts/explain-vs-jq.sh` measures the same log
//! with the built binary, beside jq.

use std::hint::black_box;
use std::io::{self, Cursor};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "../src/bin/msdk-explain/cli/mod.rs"]
#[allow(dead_code)] // the bench uses `run` only
mod cli;

mod explain_log;

fn bench_explain(c: &mut Criterion) {
    let (log, lines) = explain_log::log(43_000_000);
    println!(
        "explain: {} bytes, {lines} lines, {:.0} lines per MB",
        log.len(),
        lines as f64 / (log.len() as f64 / 1e6)
    );
    let mut group = c.benchmark_group("explain");
    group.throughput(Throughput::Bytes(log.len() as u64));
    for (name, args) in [
        ("json", &["--json"][..]),
        ("text", &[][..]),
        ("summary", &["--summary"][..]),
        ("summary_api_auto", &["--summary", "--api", "auto"][..]),
    ] {
        group.bench_with_input(BenchmarkId::new("crate", name), &log, |b, log| {
            b.iter(|| {
                let status = cli::run(
                    args.iter().copied(),
                    &mut Cursor::new(log.as_slice()),
                    &mut io::sink(),
                    &mut io::sink(),
                    false,
                );
                black_box(status)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    targets = bench_explain
}
criterion_main!(benches);
