//! The crate's features, from `cargo metadata`, for CI's feature loop and its Rust 1.85
//! check: a feature added to Cargo.toml is covered without editing `.ci/run`.
//!
//! ```text
//! cargo xtask features               every feature, one a line (not `default`)
//! cargo xtask features --at-msrv     those that build with the crate's rust-version
//! cargo xtask features --above-msrv  the others, as `<feature> <rust>`
//! ```
//!
//! A feature that needs a newer Rust than `rust-version` (through its dependencies) is
//! listed in Cargo.toml's `[package.metadata.feature-rust-version]`, with the version;
//! an entry that names no feature is an error, so the table cannot go stale silently.

use std::path::Path;
use std::process::{Command, ExitCode};

use serde_json::Value;

const PACKAGE: &str = "msdk-error-codes";
const TABLE: &str = "feature-rust-version";

pub fn run(flag: Option<&str>) -> ExitCode {
    match features() {
        Ok(Features { all, above }) => {
            match flag {
                None => all.iter().for_each(|f| println!("{f}")),
                Some("--at-msrv") => all
                    .iter()
                    .filter(|f| !above.iter().any(|(a, _)| a == *f))
                    .for_each(|f| println!("{f}")),
                Some("--above-msrv") => above.iter().for_each(|(f, v)| println!("{f} {v}")),
                Some(other) => {
                    eprintln!("unknown flag {other}: expected --at-msrv or --above-msrv");
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cargo xtask features: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every feature but `default`, sorted; and those of the table, each with its Rust.
struct Features {
    all: Vec<String>,
    above: Vec<(String, String)>,
}

fn features() -> Result<Features, String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--manifest-path",
        ])
        .arg(&manifest)
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata's output: {e}"))?;
    let package = metadata["packages"]
        .as_array()
        .and_then(|packages| packages.iter().find(|p| p["name"] == PACKAGE))
        .ok_or_else(|| format!("no package {PACKAGE} in cargo metadata"))?;
    let mut all: Vec<String> = package["features"]
        .as_object()
        .map(|features| {
            features
                .keys()
                .filter(|f| *f != "default")
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    all.sort();
    let mut above = Vec::new();
    if let Some(table) = package["metadata"][TABLE].as_object() {
        for (feature, rust) in table {
            if !all.contains(feature) {
                return Err(format!(
                    "[package.metadata.{TABLE}] names {feature}, which is no feature"
                ));
            }
            let rust = rust
                .as_str()
                .ok_or_else(|| format!("[package.metadata.{TABLE}] {feature}: not a string"))?;
            above.push((feature.clone(), rust.to_owned()));
        }
    }
    Ok(Features { all, above })
}
