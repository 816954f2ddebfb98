//! [`RefreshGate`]: single-flight token refresh, the [`RefreshTicket`] of the one
//! caller that refreshes, and [`Wait`], the async wait for it.

use core::fmt;
use core::future::Future;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Lets exactly one of many callers refresh an expired token while the others wait for
/// the new one.
///
/// When an access token expires (WeChat `42001`,
/// [`needs_token_refresh`](crate::Classification::needs_token_refresh)), every request
/// in flight sees it at about the same moment. Refreshing once per request would hammer
/// the refresh endpoint and, since a refresh usually invalidates the previous token,
/// make the refreshes undo each other. The gate numbers the tokens: the *generation*
/// starts at 0 and each successful refresh advances it by one. A caller remembers the
/// generation of the token it sent, and when that token turns out to be expired:
///
/// 1. [`try_begin`](Self::try_begin) with that generation. The one caller that gets a
///    [`RefreshTicket`] refreshes, stores the new token, then calls
///    [`succeeded`](RefreshTicket::succeeded); if the refresh fails it drops the ticket.
/// 2. Everyone else gets `None`: a refresh is running, or it already finished. They
///    [`wait_for`](Self::wait_for) a generation newer than theirs, then re-read the
///    token. If `wait_for` returns their own generation, the refresher gave up (or the
///    wait timed out): go back to step 1.
///
/// Read [`generation`](Self::generation) *before* the token it numbers (or keep both
/// under one lock): a token read first could be older than the generation read after
/// it, and would then start a needless refresh.
///
/// [`wait_for`](Self::wait_for) blocks its thread on a [`Condvar`], for threads; async
/// code awaits [`wait`](Self::wait) instead, which blocks no executor thread and works
/// on any runtime. A [`RefreshTicket`] is `Send`, so a task that owns an
/// `Arc<RefreshGate>` can hold it across `.await`s; a task cancelled while it holds the
/// ticket drops it, which ends the refresh and wakes the waiters. A
/// [`TokenCell`](super::TokenCell) keeps the token with its generation on top of a
/// gate and runs this protocol for you.
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use std::sync::{Arc, Mutex};
/// use std::thread;
/// use std::time::Duration;
///
/// use msdk_error_codes::RefreshGate;
///
/// let gate = Arc::new(RefreshGate::new());
/// let token = Arc::new(Mutex::new(String::from("expired")));
/// let refreshes = Arc::new(AtomicUsize::new(0));
///
/// // Eight requests sent the generation-0 token and were told it expired.
/// let seen = gate.generation();
/// let requests: Vec<_> = (0..8)
///     .map(|_| {
///         let (gate, token, refreshes) = (gate.clone(), token.clone(), refreshes.clone());
///         thread::spawn(move || {
///             loop {
///                 if let Some(ticket) = gate.try_begin(seen) {
///                     // Call the refresh API here; on an error, drop the ticket instead.
///                     *token.lock().unwrap() = String::from("fresh");
///                     refreshes.fetch_add(1, Ordering::Relaxed);
///                     ticket.succeeded();
///                     break;
///                 }
///                 if gate.wait_for(seen, Duration::from_secs(30)) > seen {
///                     break; // someone else refreshed
///                 }
///                 // The refresher gave up (or we timed out): try ourselves.
///             }
///             token.lock().unwrap().clone() // retry the request with this
///         })
///     })
///     .collect();
///
/// for request in requests {
///     assert_eq!(request.join().unwrap(), "fresh");
/// }
/// assert_eq!(refreshes.load(Ordering::Relaxed), 1);
/// assert_eq!(gate.generation(), 1);
/// ```
pub struct RefreshGate {
    state: Mutex<State>,
    /// Signalled whenever a refresh ends, advanced or not.
    ended: Condvar,
}

/// Plain values that every update leaves consistent, so a poisoned lock's state is
/// still good to use.
#[derive(Debug)]
struct State {
    generation: u64,
    refreshing: bool,
    /// The generation whose refresh the refresher said failed ([`RefreshTicket::failed`]),
    /// until a refresh succeeds.
    failed: Option<u64>,
    /// The wakers of pending [`Wait`]s, by slot; `None` where a wait was dropped.
    waiters: Vec<Option<Waker>>,
    /// The slots of `waiters` that are `None`, for the next registration.
    free: Vec<usize>,
    /// Counts the wake-ups: a [`Wait`] whose slot is of an older round registers again.
    round: u64,
}

impl RefreshGate {
    /// A gate at generation 0 with no refresh running.
    pub const fn new() -> RefreshGate {
        RefreshGate {
            state: Mutex::new(State {
                generation: 0,
                refreshing: false,
                failed: None,
                waiters: Vec::new(),
                free: Vec::new(),
                round: 0,
            }),
            ended: Condvar::new(),
        }
    }

    /// The generation of the current token: 0 at first, plus one per successful
    /// refresh.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Whether a refresh is running now (a [`RefreshTicket`] is alive).
    pub fn is_refreshing(&self) -> bool {
        self.lock().refreshing
    }

    /// The generation whose last refresh ended with [`RefreshTicket::failed`], until a
    /// refresh succeeds: the refresh token itself is bad, so the callers of that
    /// generation should re-authorize rather than try the refresh again. A ticket that
    /// was only dropped (an error path, a cancelled task) does not set it: the next
    /// caller may try.
    pub fn failed_generation(&self) -> Option<u64> {
        self.lock().failed
    }

    /// Waits, without blocking a thread, until the generation is newer than
    /// `seen_generation` or no refresh is running; resolves to the generation then, as
    /// [`wait_for`](Self::wait_for) returns it.
    ///
    /// Runtime-agnostic (a waker list of the gate's own, no runtime inside) and
    /// cancel-safe: dropping the future unregisters it, and a wake-up cannot be lost,
    /// because the condition is checked and the waker registered under the lock that
    /// ending a refresh takes.
    ///
    /// ```
    /// # futures_lite_block_on(async {
    /// use msdk_error_codes::RefreshGate;
    ///
    /// let gate = RefreshGate::new();
    /// let ticket = gate.try_begin(0).unwrap();
    /// let wait = gate.wait(0);
    /// ticket.succeeded();
    /// assert_eq!(wait.await, 1);
    /// assert_eq!(gate.wait(0).await, 1); // ready at once: the generation moved
    /// # });
    /// # fn futures_lite_block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
    /// # }
    /// ```
    pub fn wait(&self, seen_generation: u64) -> Wait<'_> {
        Wait {
            gate: self,
            seen: seen_generation,
            slot: None,
        }
    }

    /// The ticket to refresh, for the one caller whose token is of the current
    /// generation (`seen_generation == generation()`) while no refresh is running.
    ///
    /// `None` for everyone else: a refresh is running (wait for it with
    /// [`wait_for`](Self::wait_for)), or `seen_generation` is stale, because a newer
    /// token already exists (re-read it). A `seen_generation` from the future is
    /// treated the same way.
    ///
    /// ```
    /// use msdk_error_codes::RefreshGate;
    ///
    /// let gate = RefreshGate::new();
    /// let ticket = gate.try_begin(0).expect("the first caller refreshes");
    /// assert!(gate.try_begin(0).is_none(), "one refresh at a time");
    /// ticket.succeeded();
    /// assert_eq!(gate.generation(), 1);
    /// assert!(gate.try_begin(0).is_none(), "generation 0 is stale now");
    /// assert!(gate.try_begin(1).is_some());
    /// ```
    #[must_use = "dropping the ticket ends the refresh as failed"]
    pub fn try_begin(&self, seen_generation: u64) -> Option<RefreshTicket<'_>> {
        let mut state = self.lock();
        if state.refreshing || state.generation != seen_generation {
            return None;
        }
        state.refreshing = true;
        Some(RefreshTicket {
            gate: self,
            generation: seen_generation,
        })
    }

    /// Blocks until the generation is newer than `seen_generation`, or no refresh is
    /// running, or `timeout` has passed; returns the generation then.
    ///
    /// A result above `seen_generation` means a newer token exists: re-read it. A result
    /// equal to it means the refresher gave up or the wait timed out (see
    /// [`is_refreshing`](Self::is_refreshing)): [`try_begin`](Self::try_begin) again.
    /// It returns at once if either condition already holds, so call it after
    /// `try_begin` returned `None`. Spurious wake-ups are waited through; a
    /// `Duration::MAX` timeout waits as long as it takes.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use msdk_error_codes::RefreshGate;
    ///
    /// let gate = RefreshGate::new();
    /// let ticket = gate.try_begin(0).unwrap();
    /// // The refresh hangs: the wait times out with the old generation.
    /// assert_eq!(gate.wait_for(0, Duration::from_millis(10)), 0);
    /// std::thread::scope(|s| {
    ///     let waiter = s.spawn(|| gate.wait_for(0, Duration::MAX));
    ///     ticket.succeeded();
    ///     assert_eq!(waiter.join().unwrap(), 1);
    /// });
    /// ```
    pub fn wait_for(&self, seen_generation: u64, timeout: Duration) -> u64 {
        // No deadline (the sum overflows) means no limit.
        let deadline = Instant::now().checked_add(timeout);
        let mut state = self.lock();
        // A loop of our own rather than `wait_timeout_while`, which returns at the first
        // wake-up once the lock is poisoned; this one recovers and waits on.
        while state.generation <= seen_generation && state.refreshing {
            state = match deadline {
                None => self
                    .ended
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner),
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    self.ended
                        .wait_timeout(state, left)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
            };
        }
        state.generation
    }

    /// The state, whether or not a thread panicked while holding the lock: no update
    /// leaves it half done (see [`State`]), so poisoning is no reason to fail.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Ends the running refresh of `ticket`'s generation, advancing the generation if it
    /// succeeded, and wakes every waiter: the successful refresh's token serves them all,
    /// and after a failure all of them may race to begin the next one.
    ///
    /// The generation never moves backwards nor twice for one refresh: a success makes it
    /// `ticket + 1` unless it is there already (a [`TokenCell::replace`](super::TokenCell::replace)
    /// moved it while the refresh ran), and a failure marks `ticket` failed only while it
    /// is still the current generation.
    fn end(&self, ticket: u64, outcome: Ended) {
        let mut state = self.lock();
        state.refreshing = false;
        match outcome {
            Ended::Succeeded => {
                let next = ticket.saturating_add(1);
                if next > state.generation {
                    state.generation = next;
                    state.failed = None;
                }
            }
            Ended::Failed if state.generation == ticket => state.failed = Some(ticket),
            Ended::Failed | Ended::Dropped => {}
        }
        self.release(state).wake();
    }

    /// Moves the generation to `generation` unless it is there already, clears the
    /// failed mark and wakes every waiter, whether or not a refresh is running: a token
    /// was installed from outside a refresh (the user authorized again). The waiters are
    /// returned, to be woken once the caller has let go of its own locks.
    pub(crate) fn advance_to(&self, generation: u64) -> Woken {
        let mut state = self.lock();
        state.generation = state.generation.max(generation);
        state.failed = None;
        self.release(state)
    }

    /// Takes every pending waiter out of `state` and signals the threads; the tasks are
    /// woken by [`Woken::wake`], outside the lock.
    fn release(&self, mut state: MutexGuard<'_, State>) -> Woken {
        let waiters = core::mem::take(&mut state.waiters);
        state.free.clear();
        state.round = state.round.wrapping_add(1);
        drop(state);
        self.ended.notify_all();
        Woken(waiters)
    }
}

/// The wakers of the waiters a change of the gate released, to be woken outside every
/// lock: a waker may poll its future at once, on this thread, and that future takes the
/// locks again.
#[must_use = "the waiters sleep until woken"]
pub(crate) struct Woken(Vec<Option<Waker>>);

impl Woken {
    pub(crate) fn wake(self) {
        for waker in self.0.into_iter().flatten() {
            waker.wake();
        }
    }
}

/// How a refresh ended.
#[derive(Copy, Clone, Debug)]
enum Ended {
    Succeeded,
    Failed,
    Dropped,
}

/// The future of [`RefreshGate::wait`]: resolves to the generation once it is newer
/// than the one seen, or no refresh is running.
#[must_use = "a Wait does nothing unless awaited"]
#[derive(Debug)]
pub struct Wait<'a> {
    gate: &'a RefreshGate,
    seen: u64,
    /// The waker's slot in the gate and the round it was registered in.
    slot: Option<(u64, usize)>,
}

impl Future for Wait<'_> {
    type Output = u64;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        let this = self.get_mut();
        let mut state = this.gate.lock();
        if state.generation > this.seen || !state.refreshing {
            this.unregister(&mut state);
            return Poll::Ready(state.generation);
        }
        match this.slot {
            // Registered in this round: keep the waker current.
            Some((round, index)) if round == state.round => match &mut state.waiters[index] {
                Some(waker) if waker.will_wake(cx.waker()) => {}
                slot => *slot = Some(cx.waker().clone()),
            },
            _ => {
                let waker = Some(cx.waker().clone());
                let index = match state.free.pop() {
                    Some(index) => {
                        state.waiters[index] = waker;
                        index
                    }
                    None => {
                        state.waiters.push(waker);
                        state.waiters.len() - 1
                    }
                };
                this.slot = Some((state.round, index));
            }
        }
        Poll::Pending
    }
}

impl Wait<'_> {
    /// Frees the waker's slot, if it is still this round's.
    fn unregister(&mut self, state: &mut State) {
        if let Some((round, index)) = self.slot.take() {
            if round == state.round {
                if let Some(slot) = state.waiters.get_mut(index) {
                    *slot = None;
                    state.free.push(index);
                }
            }
        }
    }
}

/// A cancelled wait leaves nothing behind.
impl Drop for Wait<'_> {
    fn drop(&mut self) {
        if self.slot.is_some() {
            let gate = self.gate;
            self.unregister(&mut gate.lock());
        }
    }
}

impl Default for RefreshGate {
    fn default() -> Self {
        RefreshGate::new()
    }
}

/// Shows the generation and whether a refresh is running.
///
/// ```
/// let gate = msdk_error_codes::RefreshGate::new();
/// assert_eq!(format!("{gate:?}"), "RefreshGate { generation: 0, refreshing: false }");
/// ```
impl fmt::Debug for RefreshGate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("RefreshGate")
            .field("generation", &state.generation)
            .field("refreshing", &state.refreshing)
            .finish()
    }
}

/// The right to refresh the token, held by the one caller
/// [`RefreshGate::try_begin`] chose.
///
/// Call [`succeeded`](Self::succeeded) once the new token is stored, or
/// [`failed`](Self::failed) when the refresh API said no (the refresh token is bad: the
/// user must re-authorize). Dropping the ticket instead (an error, `?`, a panic, a
/// cancelled task) ends the refresh as failed too, without that verdict: the generation
/// stays, waiters wake up, and the next caller may begin.
///
/// The ticket is `Send`, so it can move to another thread or be held across `.await`.
///
/// ```
/// use msdk_error_codes::RefreshGate;
///
/// let gate = RefreshGate::new();
/// let ticket = gate.try_begin(0).unwrap();
/// assert_eq!(ticket.generation(), 0);
/// drop(ticket); // the refresh failed
/// assert_eq!(gate.generation(), 0);
/// assert!(gate.try_begin(0).is_some(), "the next caller may try");
/// ```
#[must_use = "dropping the ticket ends the refresh as failed"]
pub struct RefreshTicket<'a> {
    gate: &'a RefreshGate,
    generation: u64,
}

impl RefreshTicket<'_> {
    /// The generation being refreshed: the token that expired. Success makes the
    /// gate's generation one more than this.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Ends the refresh as successful: the gate's generation becomes one more than the
    /// ticket's, and every waiter wakes. Store the new token *before* calling this, so that whoever sees the
    /// new generation finds the new token.
    pub fn succeeded(self) {
        // Skips Drop, which would end the refresh a second time, as failed.
        let ticket = ManuallyDrop::new(self);
        ticket.gate.end(ticket.generation, Ended::Succeeded);
    }

    /// Ends the refresh as failed for good: the refresh API refused (the refresh token
    /// is bad too), so trying again will not help. The generation stays, waiters wake
    /// up, and [`RefreshGate::failed_generation`] names this generation, so that they
    /// re-authorize instead of refreshing again.
    ///
    /// ```
    /// use msdk_error_codes::RefreshGate;
    ///
    /// let gate = RefreshGate::new();
    /// gate.try_begin(0).unwrap().failed();
    /// assert_eq!(gate.failed_generation(), Some(0));
    /// gate.try_begin(0).unwrap().succeeded(); // a caller may still try, and succeed
    /// assert_eq!(gate.failed_generation(), None);
    /// ```
    pub fn failed(self) {
        let ticket = ManuallyDrop::new(self);
        ticket.gate.end(ticket.generation, Ended::Failed);
    }
}

impl Drop for RefreshTicket<'_> {
    fn drop(&mut self) {
        self.gate.end(self.generation, Ended::Dropped);
    }
}

impl fmt::Debug for RefreshTicket<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshTicket")
            .field("generation", &self.generation)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generation installed from outside while a refresh runs (`TokenCell::replace`)
    /// is not moved again by that refresh's end: success does not advance past it, and
    /// failure does not mark it failed, since the refresh was of an older token.
    #[test]
    fn a_refresh_that_ends_after_an_advance_leaves_the_generation_alone() {
        let gate = RefreshGate::new();
        let ticket = gate.try_begin(0).unwrap();
        gate.advance_to(1).wake();
        assert!(gate.is_refreshing(), "the refresh still runs");
        ticket.succeeded();
        assert_eq!(gate.generation(), 1);
        assert!(
            gate.try_begin(1).is_some(),
            "the advanced generation can refresh"
        );

        let ticket = gate.try_begin(1).unwrap();
        gate.advance_to(3).wake();
        ticket.failed();
        assert_eq!((gate.generation(), gate.failed_generation()), (3, None));

        // An advance to an older generation changes nothing but the failed mark.
        gate.try_begin(3).unwrap().failed();
        assert_eq!(gate.failed_generation(), Some(3));
        gate.advance_to(2).wake();
        assert_eq!((gate.generation(), gate.failed_generation()), (3, None));
    }

    /// The only way to poison the lock is a panic while holding it, which the gate's
    /// own code never does; a test can, from inside the module.
    #[test]
    fn a_poisoned_lock_is_recovered() {
        let gate = RefreshGate::new();
        let ticket = gate.try_begin(0).unwrap();
        std::thread::scope(|s| {
            let poisoner = s.spawn(|| {
                let _guard = gate.state.lock().unwrap();
                panic!("poison the gate's lock");
            });
            assert!(poisoner.join().is_err());
        });
        assert!(gate.state.is_poisoned());
        assert!(gate.is_refreshing());
        assert_eq!(gate.wait_for(0, Duration::ZERO), 0);
        std::thread::scope(|s| {
            let waiter = s.spawn(|| gate.wait_for(0, Duration::MAX));
            ticket.succeeded();
            assert_eq!(waiter.join().unwrap(), 1);
        });
        assert_eq!(gate.generation(), 1);
        assert!(gate.try_begin(1).is_some());
        assert_eq!(
            format!("{gate:?}"),
            "RefreshGate { generation: 1, refreshing: false }"
        );
    }
}
