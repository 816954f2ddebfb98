//! Changing what a code means at runtime, without a release of this crate, when WeChat
//! or QQ change it: [`Overrides`] read from a JSON file of the catalog export's rows,
//! and the [`Classifier`] that applies them.

mod classifier;
mod file;

pub use classifier::Classifier;
pub use file::{Override, OverrideError, Overrides};
