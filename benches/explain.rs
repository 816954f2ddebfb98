//! The explain tool's throughput over a 40 MB log of realistic lines (a timestamp, some
//! fields, then the JSON response), as JSON lines and as text, in one process: the tool's
//! own logic (`src/bin/msdk-explain/cli/`), output into a sink. `cargo xtask
//! bench-report` turns the results into MB/s; lines/s is MB/s times the line count per
//! MB this bench prints.

use std::hint::black_box;
use std::io::{self, Cursor};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "../src/bin/msdk-explain/cli/mod.rs"]
#[allow(dead_code)] // the bench uses `run` only
mod cli;

/// The responses the log carries, in the mixed stream's shape plus payloads.
const RESPONSES: [&str; 8] = [
    r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#,
    r#"{"ret":-20000,"msg":"42001，access_token expired","err_type":3}"#,
    r#"{"ret":-20000,"msg":"40001,invalid credential","err_type":2}"#,
    r#"{"ret":-10000,"msg":"-6,api rate limit","err_type":1}"#,
    r#"{"ret":-20000,"msg":"61451,invalid parameter"}"#,
    r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
    r#"{"ret":-2345,"msg":"something new"}"#,
    r#"{"ret":0,"msg":"success","err_type":0,"lists":[{"openid":"4F2E8C00A1B2C3D4E5F6A7B8C9D0E1F2","nickName":"玩家小明","figureurl":"http:\/\/q.qlogo.cn\/qqapp\/100703379\/4F2E8C00\/100","level":3}]}"#,
];

/// A log of about `size` bytes: `2026-11-24 10:00:01.123 INFO [gateway-3] req=… openid=…
/// api=… cost=…ms resp={…}`, the fields varied by a fixed pseudo-random sequence.
fn log(size: usize) -> (Vec<u8>, usize) {
    let apis = [
        "/relation/qqfriends_detail",
        "/auth/verify_login",
        "/share/qq",
        "/profile/qqprofile",
    ];
    let mut out = Vec::with_capacity(size + 1024);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut lines = 0;
    while out.len() < size {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = (state >> 33) as usize;
        let line = format!(
            "2026-11-24 10:{:02}:{:02}.{:03} INFO [gateway-{}] req={:08x} openid={:032X} api={} cost={}ms resp={}\n",
            r % 60,
            (r / 60) % 60,
            r % 1000,
            r % 8,
            state as u32,
            state,
            apis[r % apis.len()],
            r % 500,
            RESPONSES[r % RESPONSES.len()],
        );
        out.extend_from_slice(line.as_bytes());
        lines += 1;
    }
    (out, lines)
}

fn bench_explain(c: &mut Criterion) {
    let (log, lines) = log(40 << 20);
    println!(
        "explain: {} bytes, {lines} lines, {:.0} lines per MB",
        log.len(),
        lines as f64 / (log.len() as f64 / 1e6)
    );
    let mut group = c.benchmark_group("explain");
    group.throughput(Throughput::Bytes(log.len() as u64));
    for (name, args) in [("json", &["--json"][..]), ("text", &[][..])] {
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
