//! Reading response bodies: [`MsdkResponse`] (the status: `ret`, `msg`, `err_type`),
//! [`Envelope`] (the status and the payload in one pass) and the one-liners
//! [`from_slice`] and [`from_slice_for`]; their errors, [`ParseError`] and [`Error`].
//!
//! `from_slice` readers are the crate's own (zero-copy, no recursion, the same rules at
//! every depth); the `Deserialize` impls serve `serde_json::from_str`, readers and HTTP
//! clients' `.json()`. [`MsdkResponse`]'s docs hold the reading rules (numbers,
//! tolerance, allocation); both paths follow them.

mod de;
mod envelope;
mod error;
mod msdk_response;
pub(crate) mod wire;

pub use envelope::{Envelope, OwnedEnvelope, from_slice, from_slice_for};
pub use error::{Error, ParseError, UnexpectedBody};
pub use msdk_response::MsdkResponse;
