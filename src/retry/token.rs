//! [`TokenCell`]: an access token kept with its generation, refreshed single-flight by
//! many tasks at once, and [`Token`], one reading of it.

use core::fmt;
use core::future::Future;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::RefreshGate;

/// One reading of a [`TokenCell`]: the token and its generation, read together. Its
/// `Debug` shows the generation only: a token is a secret.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Token<T> {
    value: T,
    generation: u64,
}

impl<T> fmt::Debug for Token<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl<T> Token<T> {
    /// The token.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// Its generation: 0 for the cell's first token, plus one per successful refresh
    /// and per [`TokenCell::replace`].
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The token, by value.
    pub fn into_value(self) -> T {
        self.value
    }
}

/// An access token and its generation, kept together, with single-flight refresh for
/// every task that uses it: when a token expires (WeChat `42001`), every request in
/// flight sees it at once, and exactly one of them refreshes while the others wait for
/// the new token.
///
/// [`current`](Self::current) reads the token and its generation in one step, so a
/// caller cannot get the order wrong (the bare [`RefreshGate`] asks its callers to read
/// the generation before the token). [`refresh`](Self::refresh) takes the
/// [`Token`] that expired and the caller's refresh function: the first caller of that
/// generation runs it, the others await its result without blocking a thread, and one
/// that arrives after the refresh just gets the new token. A refresh that is cancelled
/// (its task dropped at an `.await`) releases the refresh, and a waiting caller takes
/// over; one that reports failure (`None`) ends the refresh for everyone of that
/// generation, who must then re-authorize, and [`replace`](Self::replace) installs the
/// token of that new login. The [`retry` driver](super::Call) does all of this itself.
///
/// One cell per user session (per openid); `Send + Sync` when `T` is: share it behind an
/// `Arc` or a reference. The lock is held only to copy the token, never across an
/// `.await`.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// use msdk_error_codes::retry::TokenCell;
///
/// let cell = TokenCell::new(String::from("expired"));
/// let refreshes = AtomicUsize::new(0);
/// let seen = cell.current(); // the token a request sent
///
/// // Eight requests were told it expired, at once.
/// let refresh = || async {
///     refreshes.fetch_add(1, Ordering::Relaxed);
///     Some(String::from("fresh")) // call the refresh API here; None if it refuses
/// };
/// let all = futures_join_all((0..8).map(|_| cell.refresh(&seen, refresh))).await;
/// assert!(all.iter().all(|token| token.as_ref().unwrap().value() == "fresh"));
/// assert_eq!(refreshes.load(Ordering::Relaxed), 1);
/// assert_eq!(cell.current().generation(), 1);
/// # });
/// # async fn futures_join_all<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
/// #     let mut futures: Vec<_> = futures.map(Box::pin).collect();
/// #     let mut out: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
/// #     std::future::poll_fn(|cx| {
/// #         let mut pending = false;
/// #         for (future, slot) in futures.iter_mut().zip(out.iter_mut()) {
/// #             if slot.is_none() {
/// #                 match future.as_mut().poll(cx) {
/// #                     std::task::Poll::Ready(v) => *slot = Some(v),
/// #                     std::task::Poll::Pending => pending = true,
/// #                 }
/// #             }
/// #         }
/// #         if pending { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
/// #     }).await;
/// #     out.into_iter().map(Option::unwrap).collect()
/// # }
/// ```
pub struct TokenCell<T> {
    gate: RefreshGate,
    current: Mutex<Token<T>>,
}

impl<T: Clone> TokenCell<T> {
    /// A cell holding `token` as generation 0.
    pub fn new(token: T) -> TokenCell<T> {
        TokenCell {
            gate: RefreshGate::new(),
            current: Mutex::new(Token {
                value: token,
                generation: 0,
            }),
        }
    }

    /// The token and its generation, read together.
    pub fn current(&self) -> Token<T> {
        self.lock().clone()
    }

    /// Installs `token` as the next generation, outside any refresh: the user authorized
    /// again (logged in anew after a refresh failed, or the session got a token from
    /// elsewhere). This is how a session gets back in after a failed refresh, which
    /// [`refresh`](Self::refresh) never retries for the generation it failed for: the
    /// failed mark is cleared, every caller waiting on the cell wakes and takes the new
    /// token, and a refresh that is running when it happens does not overwrite it (its
    /// callers get this token instead of theirs).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// use msdk_error_codes::retry::TokenCell;
    ///
    /// let cell = TokenCell::new(String::from("expired"));
    /// let seen = cell.current();
    /// // The refresh API refuses: the refresh token is bad, the user must log in again.
    /// assert!(cell.refresh(&seen, || async { None }).await.is_none());
    /// assert_eq!(cell.failed_generation(), Some(0));
    /// assert!(cell.refresh(&seen, || async { Some(String::from("never")) }).await.is_none());
    ///
    /// // The user logged in again: the new token is generation 1, and refreshes work again.
    /// let token = cell.replace(String::from("after login"));
    /// assert_eq!((token.value().as_str(), token.generation()), ("after login", 1));
    /// assert_eq!(cell.failed_generation(), None);
    /// let refreshed = cell.refresh(&token, || async { Some(String::from("fresh")) }).await.unwrap();
    /// assert_eq!((refreshed.value().as_str(), refreshed.generation()), ("fresh", 2));
    /// # });
    /// ```
    pub fn replace(&self, token: T) -> Token<T> {
        let mut current = self.lock();
        let token = Token {
            value: token,
            generation: current.generation.saturating_add(1),
        };
        *current = token.clone();
        // The gate moves under the cell's lock, so that no caller reads the new token
        // while the gate still numbers the old one (it would find nothing to wait for,
        // and nothing to begin). The waiters wake after, outside both locks.
        let woken = self.gate.advance_to(token.generation);
        drop(current);
        woken.wake();
        token
    }

    /// Whether a refresh is running now.
    pub fn is_refreshing(&self) -> bool {
        self.gate.is_refreshing()
    }

    /// The generation whose refresh the refresh API refused, until a token of a newer
    /// generation arrives (a successful refresh, or [`replace`](Self::replace)): its
    /// callers get `None` from [`refresh`](Self::refresh) without calling the refresh
    /// API again, and must re-authorize.
    pub fn failed_generation(&self) -> Option<u64> {
        self.gate.failed_generation()
    }

    /// Refreshes the token `expired` (as read by [`current`](Self::current)), once for
    /// all callers that saw it: returns the new token, or `None` when the refresh failed
    /// (the user must re-authorize).
    ///
    /// - If the cell holds a token of another generation than `expired`'s (a newer one,
    ///   or `expired` is not this cell's token), the cell's token is returned at once.
    /// - Else the first caller of `expired`'s generation runs `refresh`: `Some(token)`
    ///   stores it as the next generation and wakes the others; `None` ends the refresh
    ///   as failed for that generation ([`failed_generation`](Self::failed_generation)),
    ///   and every caller of it gets `None`, now and later, until
    ///   [`replace`](Self::replace) installs the token of a new login.
    /// - The others await the refresh without blocking a thread; if it was abandoned
    ///   (its task cancelled, or it panicked), one of them takes over with its own
    ///   `refresh`.
    /// - If [`replace`](Self::replace) installs a token while the refresh runs, that
    ///   token wins: the refresh's result is not stored, and its callers get the
    ///   replaced token.
    ///
    /// `refresh` should return `None` only when the refresh API refuses (the refresh
    /// token is bad or revoked), since that is final for the generation. A transient
    /// failure (a timeout, a gateway's page, a rate limit) is no reason to log the user
    /// out: retry it inside `refresh`, for instance with the crate's own driver on the
    /// refresh API ([`RetryPolicy::call`](super::RetryPolicy::call)).
    ///
    /// `refresh` is called at most once per call of this method. Cancel-safe: a caller
    /// dropped while it refreshes releases the refresh for the others.
    pub async fn refresh<F, Fut>(&self, expired: &Token<T>, refresh: F) -> Option<Token<T>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let seen = expired.generation;
        let mut refresh = Some(refresh);
        loop {
            let current = self.current();
            // A newer token, or a token of another cell: no refresh of ours could make
            // `seen` current again, and waiting for it would wait for nothing.
            if current.generation != seen {
                return Some(current);
            }
            if self.gate.failed_generation() == Some(seen) {
                return None;
            }
            if let Some(ticket) = self.gate.try_begin(seen) {
                // We get a ticket at most once: we return with it below.
                let refresh = refresh.take()?;
                let refreshed = refresh().await;
                let mut cell = self.lock();
                if cell.generation != seen {
                    // `replace` installed a token while we refreshed: it wins. The gate
                    // is past `seen` already; the ticket only ends the refresh.
                    let current = cell.clone();
                    drop(cell);
                    drop(ticket);
                    return Some(current);
                }
                let Some(value) = refreshed else {
                    drop(cell);
                    ticket.failed();
                    return None;
                };
                let token = Token {
                    value,
                    generation: seen.saturating_add(1),
                };
                // Stored before the gate moves, so whoever sees the new generation
                // finds the new token; the gate says a refresh runs until then, so a
                // caller of the new token waits instead of finding nothing to begin.
                *cell = token.clone();
                drop(cell);
                ticket.succeeded();
                return Some(token);
            }
            // A refresh of our generation is running: await it, then look again.
            self.gate.wait(seen).await;
        }
    }

    fn lock(&self) -> MutexGuard<'_, Token<T>> {
        // A token is replaced whole, so a poisoned lock's value is still a token.
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Shows the generation and whether a refresh is running, not the token (a secret).
///
/// ```
/// let cell = msdk_error_codes::retry::TokenCell::new("secret");
/// assert_eq!(format!("{cell:?}"), "TokenCell { generation: 0, refreshing: false }");
/// ```
impl<T: Clone> fmt::Debug for TokenCell<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let generation = self.lock().generation;
        f.debug_struct("TokenCell")
            .field("generation", &generation)
            .field("refreshing", &self.gate.is_refreshing())
            .finish()
    }
}
