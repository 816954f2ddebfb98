//! Turns the results of `cargo bench` into the README's Performance tables.
//!
//! ```text
//! cargo bench --all-features --bench msdk --bench explain
//! cargo xtask bench-report [target/criterion]
//! ```
//!
//! For every group it prints the medians of the crate (`crate`) and of each baseline,
//! with the ratio that the targets are stated in: how many times slower a baseline is
//! than the crate, and how many times the floor the crate costs.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// One measured function: its median and, when set, the elements or bytes per iteration.
struct Measurement {
    median_ns: f64,
    elements: Option<u64>,
    bytes: Option<u64>,
}

/// Prints the tables of every group measured under `root`; fails if there is none.
pub fn run(root: &Path) -> ExitCode {
    // group -> case -> function -> measurement
    let mut groups: BTreeMap<String, BTreeMap<String, BTreeMap<String, Measurement>>> =
        BTreeMap::new();
    for dir in new_dirs(root) {
        let Some(meta) = read_json(&dir.join("benchmark.json")) else {
            continue;
        };
        let Some(estimates) = read_json(&dir.join("estimates.json")) else {
            continue;
        };
        let field = |name: &str| meta[name].as_str().unwrap_or_default().to_owned();
        let Some(median_ns) = estimates["median"]["point_estimate"].as_f64() else {
            continue;
        };
        let elements = meta["throughput"]["Elements"].as_u64();
        let bytes = meta["throughput"]["Bytes"].as_u64();
        groups
            .entry(field("group_id"))
            .or_default()
            .entry(field("value_str"))
            .or_default()
            .insert(
                field("function_id"),
                Measurement {
                    median_ns,
                    elements,
                    bytes,
                },
            );
    }
    if groups.is_empty() {
        eprintln!(
            "no results under {}: run `cargo bench --bench msdk` first",
            root.display()
        );
        return ExitCode::FAILURE;
    }
    for (group, cases) in &groups {
        print_group(group, cases);
    }
    ExitCode::SUCCESS
}

fn print_group(group: &str, cases: &BTreeMap<String, BTreeMap<String, Measurement>>) {
    let mut baselines: Vec<&str> = cases
        .values()
        .flat_map(|functions| functions.keys().map(String::as_str))
        .filter(|f| *f != "crate")
        .collect();
    baselines.sort_unstable();
    baselines.dedup();
    println!("\n**{group}** (median per iteration; per element where a case is a batch)\n");
    let mut header = String::from("| case | crate |");
    let mut rule = String::from("|---|---:|");
    for baseline in &baselines {
        if *baseline == "floor" {
            header.push_str(" floor | crate ÷ floor |");
        } else {
            header.push_str(&format!(" {baseline} | {baseline} ÷ crate |"));
        }
        rule.push_str("---:|---:|");
    }
    println!("{header}\n{rule}");
    for (case, functions) in cases {
        let Some(ours) = functions.get("crate") else {
            continue;
        };
        let mut row = format!("| {case} | {} |", time(ours));
        for baseline in &baselines {
            match functions.get(*baseline) {
                Some(theirs) if *baseline == "floor" => {
                    row.push_str(&format!(
                        " {} | {:.1}× |",
                        time(theirs),
                        ours.median_ns / theirs.median_ns
                    ));
                }
                Some(theirs) => {
                    row.push_str(&format!(
                        " {} | {:.1}× |",
                        time(theirs),
                        theirs.median_ns / ours.median_ns
                    ));
                }
                None => row.push_str(" | |"),
            }
        }
        println!("{row}");
    }
}

/// The median, and per element for batches, or the rate for large inputs.
fn time(m: &Measurement) -> String {
    let total = human(m.median_ns);
    match (m.elements, m.bytes) {
        (Some(n), _) if n > 1 => format!("{total} ({} each)", human(m.median_ns / n as f64)),
        // MB/s for inputs of a megabyte and more (1 MB = 10^6 bytes).
        (_, Some(bytes)) if bytes >= 1_000_000 => {
            format!("{total} ({:.1} MB/s)", bytes as f64 / m.median_ns * 1e3)
        }
        _ => total,
    }
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.1} ms", ns / 1e6)
    } else if ns >= 1000.0 {
        format!("{:.2} µs", ns / 1000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

/// Every `.../new` directory below `root`: one per measured function and input.
fn new_dirs(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == "new") {
                    found.push(path);
                } else {
                    stack.push(path);
                }
            }
        }
    }
    found
}
