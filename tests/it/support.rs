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

/// Runs `future` to its end on a current-thread tokio runtime in a thread of its own, and
/// fails if it has not ended within `limit`. A future that blocks its thread, or spins
/// without ever returning `Pending`, cannot be stopped by a timer of its own runtime (the
/// timer runs on that very thread), so the watch is kept from the test's thread: a
/// regression fails instead of hanging the suite. A panic inside (a failed assertion)
/// is the test's failure, with its message.
pub fn within<F>(limit: std::time::Duration, future: F) -> F::Output
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let (done, ended) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| runtime.block_on(future)));
        let _ = done.send(result);
    });
    match ended.recv_timeout(limit) {
        Ok(Ok(output)) => output,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(_) => panic!("not finished within {limit:?}: it blocks or spins on its thread"),
    }
}
