//! The integration tests, in one binary: one link instead of one per file, so a change
//! to the library relinks once. Each module was a file of its own under `tests/`.
//!
//! Kept out, as binaries of their own: `tests/allocations.rs` (it installs a counting
//! global allocator, which would count every other test too) and `tests/explain_bin/`
//! (it runs the built `msdk-explain` as a process: a test of the binary, not of the
//! library).
//!
//! proptest keeps the seeds of failed cases of `tests/it/NAME.rs` in
//! `tests/proptest-regressions/NAME.txt`: its default, beside the folder of `main.rs`.

mod support;

mod api;
mod attempts;
mod budget;
// Whole calls over HTTP: the driver, the middleware and the tower policy.
#[cfg(all(
    feature = "wiremock",
    feature = "reqwest-middleware",
    feature = "tower"
))]
mod calls;
mod classify;
mod conventions;
mod decision;
mod envelope;
// It includes the tool's CLI source, which needs clap.
#[cfg(feature = "cli")]
mod explain;
mod fixtures;
mod layering;
// Real HTTP against a wiremock MockServer.
#[cfg(feature = "wiremock")]
mod mock_server;
mod overrides;
mod paths;
mod properties;
mod refresh;
mod response;
mod retry;
mod scenario;
mod spec;
mod storage;
// The events of Attempts.
#[cfg(feature = "tracing")]
mod tracing;
mod transport;
