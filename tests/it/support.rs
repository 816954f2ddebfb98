//! What several test modules share: the friends-list payload the envelope, scenario and
//! mock-server tests read, and the compile-time checks of auto traits.

use serde::Deserialize;

/// The payload of a relation call's success: the friends list. The entry type is each
/// module's own, by what it reads; fields the entry does not name are ignored.
#[derive(Debug, Deserialize, PartialEq)]
pub struct Friends<F> {
    pub lists: Vec<F>,
}

/// An entry read for its `openid` alone.
#[derive(Debug, Deserialize, PartialEq)]
pub struct FriendId {
    pub openid: String,
}

/// An entry whose `level` is required and an unsigned number: a body with a missing or
/// wrong `level` is a payload that does not fit.
#[derive(Debug, Deserialize, PartialEq)]
pub struct LeveledFriend {
    pub openid: String,
    pub level: u32,
}

/// An entry with its nickname, as MSDK spells the key.
#[cfg(feature = "wiremock")] // only the mock-server tests read it
#[derive(Debug, Deserialize, PartialEq)]
pub struct NamedFriend {
    pub openid: String,
    #[serde(rename = "nickName")]
    pub nick_name: String,
}

/// Compiles only if `T` is `Send + Sync`: the check is the build.
pub fn assert_send_sync<T: Send + Sync>() {}

/// Compiles only if `err` can be boxed as `Box<dyn Error + Send + Sync>`, as callers'
/// error types require.
pub fn assert_send_sync_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
