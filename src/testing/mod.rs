//! Test doubles for MSDK integrations: [`fixtures()`], the exact response MSDK sends for
//! every documented code, [`fixtures_for`] the ones an API can receive,
//! [`undocumented_response`] one with a number no table documents (for the fallback
//! path), and [`Scenario`], a scripted sequence of one endpoint's answers to drive a
//! retry loop; with the `wiremock` feature, served over HTTP.

mod fixture;
mod scenario;

pub use fixture::{Fixture, fixtures, fixtures_for, undocumented_response};
pub use scenario::Scenario;
#[cfg(feature = "wiremock")]
pub use scenario::ScenarioResponder;
