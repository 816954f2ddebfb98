//! What several test modules share: the friends-list payload the envelope, scenario and
//! mock-server tests read, the compile-time checks of auto traits, a watchdog for
//! futures that could block their thread, and a recorder of the crate's tracing events.

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

/// The crate's tracing events (target `msdk_error_codes`), recorded with their level and
/// fields as text: for the tracing tests and the adapters' tests of how a call ends.
#[cfg(feature = "tracing")]
pub mod events {
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

    /// One recorded event: its level, message and fields, as text.
    #[derive(Debug, Clone)]
    pub struct Event {
        pub level: tracing::Level,
        pub fields: BTreeMap<String, String>,
    }

    /// A layer that keeps the crate's events.
    #[derive(Clone, Default)]
    pub struct Recorder(Arc<Mutex<Vec<Event>>>);

    impl<S: tracing::Subscriber> Layer<S> for Recorder {
        fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
            if event.metadata().target() != "msdk_error_codes" {
                return;
            }
            struct Fields<'a>(&'a mut BTreeMap<String, String>);
            impl Visit for Fields<'_> {
                fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
                    self.0.insert(field.name().to_owned(), format!("{value:?}"));
                }
                fn record_str(&mut self, field: &Field, value: &str) {
                    self.0.insert(field.name().to_owned(), value.to_owned());
                }
            }
            let mut fields = BTreeMap::new();
            event.record(&mut Fields(&mut fields));
            self.0.lock().unwrap().push(Event {
                level: *event.metadata().level(),
                fields,
            });
        }
    }

    impl Recorder {
        /// Records the events of this thread until the guard drops: across the
        /// `.await`s of a test on a current-thread runtime, where the code under test
        /// runs on the test's thread.
        pub fn install() -> (Recorder, tracing::subscriber::DefaultGuard) {
            let recorder = Recorder::default();
            let subscriber = tracing_subscriber::registry().with(recorder.clone());
            (recorder, tracing::subscriber::set_default(subscriber))
        }

        /// The events so far.
        pub fn events(&self) -> Vec<Event> {
            self.0.lock().unwrap().clone()
        }
    }

    /// The levels of the crate's events, short for the tables of [`steps`].
    pub const DEBUG: tracing::Level = tracing::Level::DEBUG;
    pub const INFO: tracing::Level = tracing::Level::INFO;

    /// Each event's level, label and step, in order: how a call went, at a glance.
    pub fn steps(events: &[Event]) -> Vec<(tracing::Level, &str, &str)> {
        events
            .iter()
            .map(|e| {
                (
                    e.level,
                    e.fields["label"].as_str(),
                    e.fields["step"].as_str(),
                )
            })
            .collect()
    }

    /// The events of running `body`, on this thread.
    pub fn recorded(body: impl FnOnce()) -> Vec<Event> {
        let (recorder, guard) = Recorder::install();
        body();
        drop(guard);
        recorder.events()
    }
}
