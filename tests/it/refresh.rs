//! `RefreshGate`: one refresh per expired generation however many callers see it, and
//! the ways a refresh can end.
//!
//! Timeouts here are generous upper bounds for liveness: a passing run never waits for
//! one, except where a test is about the timeout itself.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use msdk_error_codes::{RefreshGate, RefreshTicket};

use crate::support::assert_send_sync;

const THREADS: usize = 64;
const ROUNDS: u64 = 4;
/// Longer than any healthy wait, short enough that a lost wake-up fails the test.
const LIVENESS: Duration = Duration::from_secs(60);

#[test]
fn many_callers_of_one_expired_generation_refresh_once() {
    let gate = RefreshGate::new();
    let refreshes: [AtomicUsize; ROUNDS as usize] = Default::default();
    let start = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            let (gate, refreshes, start) = (&gate, &refreshes, &start);
            s.spawn(move || {
                for round in 0..ROUNDS {
                    // Every thread finished the previous round, so all of them hold
                    // this round's token, and nobody can refresh past the next
                    // generation before all of them are done.
                    start.wait();
                    let expired = round;
                    match gate.try_begin(expired) {
                        Some(ticket) => {
                            assert_eq!(ticket.generation(), expired);
                            refreshes[round as usize].fetch_add(1, Ordering::Relaxed);
                            // Long enough for the others to pile up behind the refresh.
                            thread::sleep(Duration::from_millis(5));
                            ticket.succeeded();
                        }
                        None => assert_eq!(gate.wait_for(expired, LIVENESS), expired + 1),
                    }
                }
            });
        }
    });
    for (round, count) in refreshes.iter().enumerate() {
        assert_eq!(count.load(Ordering::Relaxed), 1, "round {round}");
    }
    assert_eq!(gate.generation(), ROUNDS);
    assert!(!gate.is_refreshing());
}

#[test]
fn a_dropped_ticket_keeps_the_generation_and_lets_the_next_caller_begin() {
    let gate = RefreshGate::default();
    let ticket = gate.try_begin(0).expect("nobody is refreshing");
    assert!(gate.is_refreshing());
    assert!(gate.try_begin(0).is_none(), "one refresh at a time");
    thread::scope(|s| {
        let waiter = s.spawn(|| {
            let started = Instant::now();
            (gate.wait_for(0, LIVENESS), started.elapsed())
        });
        drop(ticket); // the refresh failed
        let (generation, waited) = waiter.join().unwrap();
        assert_eq!(generation, 0, "a failure does not advance");
        assert!(
            waited < LIVENESS / 2,
            "woken by the drop, not by the timeout"
        );
    });
    assert_eq!(gate.generation(), 0);
    assert!(!gate.is_refreshing());
    let second = gate.try_begin(0).expect("the next caller may try");
    assert_eq!(second.generation(), 0);
    second.succeeded();
    assert_eq!(gate.generation(), 1);
}

#[test]
fn a_stale_generation_gets_no_ticket_and_does_not_wait() {
    let gate = RefreshGate::new();
    gate.try_begin(0).unwrap().succeeded();
    assert_eq!(gate.generation(), 1);
    assert!(gate.try_begin(0).is_none(), "stale: re-read the token");
    assert!(gate.try_begin(2).is_none(), "from the future");

    // Even while the next refresh runs, generation 0's waiters have their answer.
    let ticket = gate.try_begin(1).unwrap();
    let started = Instant::now();
    assert_eq!(gate.wait_for(0, LIVENESS), 1);
    assert!(started.elapsed() < LIVENESS / 2, "returned at once");
    drop(ticket);

    // With no refresh running there is nothing to wait for either.
    let started = Instant::now();
    assert_eq!(gate.wait_for(1, LIVENESS), 1);
    assert!(started.elapsed() < LIVENESS / 2, "returned at once");
}

#[test]
fn wait_for_times_out_on_a_hanging_refresh_with_the_old_generation() {
    let gate = RefreshGate::new();
    let _hanging = gate.try_begin(0).unwrap();
    let timeout = Duration::from_millis(20);
    let started = Instant::now();
    assert_eq!(gate.wait_for(0, timeout), 0);
    // A lower bound only: the wait loops on until its deadline has passed.
    assert!(started.elapsed() >= timeout);
    assert_eq!(gate.wait_for(0, Duration::ZERO), 0);
    assert!(gate.is_refreshing(), "the refresh is still running");
}

#[test]
fn a_ticket_can_finish_on_another_thread() {
    let gate = RefreshGate::new();
    thread::scope(|s| {
        let ticket = gate.try_begin(0).unwrap();
        s.spawn(move || ticket.succeeded());
        assert_eq!(gate.wait_for(0, LIVENESS), 1);
    });
    assert_eq!(
        format!("{gate:?}"),
        "RefreshGate { generation: 1, refreshing: false }"
    );
}

fn assert_send<T: Send>() {}
/// What `tokio::spawn` and its peers require of a task.
fn assert_spawnable<F: Future + Send + 'static>(_: &F) {}

#[test]
fn the_gate_is_send_and_sync_and_the_ticket_send() {
    assert_send_sync::<RefreshGate>();
    assert_send::<RefreshTicket<'static>>();
    // A task that owns an Arc of the gate can hold a ticket across an await.
    let gate = Arc::new(RefreshGate::new());
    let task = async move {
        if let Some(ticket) = gate.try_begin(0) {
            std::future::ready(()).await; // the refresh call
            ticket.succeeded();
        }
    };
    assert_spawnable(&task);
}

/// A waker that counts its wake-ups, for polling futures by hand.
struct CountingWaker(std::sync::atomic::AtomicUsize);

impl std::task::Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn counting_waker() -> (Arc<CountingWaker>, std::task::Waker) {
    let counter = Arc::new(CountingWaker(AtomicUsize::new(0)));
    (counter.clone(), std::task::Waker::from(counter))
}

fn poll<F: std::future::Future + Unpin>(
    future: &mut F,
    waker: &std::task::Waker,
) -> std::task::Poll<F::Output> {
    std::pin::Pin::new(future).poll(&mut std::task::Context::from_waker(waker))
}

#[test]
fn an_async_wait_wakes_once_the_refresh_ends_however_it_ends() {
    for end in ["succeeded", "failed", "dropped"] {
        let gate = RefreshGate::new();
        let ticket = gate.try_begin(0).unwrap();
        let (woken, waker) = counting_waker();
        let mut wait = gate.wait(0);
        assert!(poll(&mut wait, &waker).is_pending());
        assert!(
            poll(&mut wait, &waker).is_pending(),
            "polled again: still one waker"
        );
        match end {
            "succeeded" => ticket.succeeded(),
            "failed" => ticket.failed(),
            _ => drop(ticket),
        }
        assert_eq!(
            woken.0.load(Ordering::SeqCst),
            1,
            "{end}: woken exactly once"
        );
        let expected = if end == "succeeded" { 1 } else { 0 };
        assert_eq!(
            poll(&mut wait, &waker),
            std::task::Poll::Ready(expected),
            "{end}"
        );
        assert_eq!(gate.failed_generation(), (end == "failed").then_some(0));
    }
}

/// Every way of cancelling, at every point: waiters dropped before, while and after
/// they registered, a refresher dropped while they wait; the gate stays usable, no
/// dropped waiter is woken, and the live ones are.
#[test]
fn cancelled_waiters_and_refreshers_leave_the_gate_usable() {
    for round in 0..64u32 {
        let gate = RefreshGate::new();
        let mut live = Vec::new();
        let mut generation = 0;
        for step in 0..6 {
            let ticket = gate.try_begin(generation).expect("no refresh is running");
            let (woken_dropped, dropped_waker) = counting_waker();
            // A waiter that registers, then is cancelled.
            let mut cancelled = gate.wait(generation);
            assert!(poll(&mut cancelled, &dropped_waker).is_pending());
            // A waiter created but never polled, cancelled too.
            let never_polled = gate.wait(generation);
            let (woken, waker) = counting_waker();
            let mut waiting = gate.wait(generation);
            assert!(poll(&mut waiting, &waker).is_pending());
            if round & (1 << step) != 0 {
                drop(cancelled);
                drop(never_polled);
            } else {
                drop(never_polled);
                drop(cancelled);
            }
            // Half the refreshes are abandoned (a cancelled refresher), half succeed.
            let succeeds = (round >> step) & 2 == 0;
            if succeeds {
                ticket.succeeded();
                generation += 1;
            } else {
                drop(ticket);
            }
            assert_eq!(
                woken_dropped.0.load(Ordering::SeqCst),
                0,
                "a cancelled waiter is not woken"
            );
            assert_eq!(woken.0.load(Ordering::SeqCst), 1);
            assert_eq!(
                poll(&mut waiting, &waker),
                std::task::Poll::Ready(generation)
            );
            live.push(waiting);
        }
        assert_eq!(gate.generation(), generation);
        assert!(!gate.is_refreshing());
        assert!(
            gate.try_begin(generation).is_some(),
            "usable after every kind of cancellation"
        );
    }
}

/// A refresher task cancelled at its `.await` releases the refresh: a waiting caller of
/// the same token takes over and brings the new one.
#[tokio::test(flavor = "current_thread")]
async fn a_refresher_cancelled_at_an_await_hands_the_refresh_over() {
    use msdk_error_codes::retry::TokenCell;

    let cell = Arc::new(TokenCell::new(String::from("expired")));
    let seen = cell.current();
    let refreshes = Arc::new(AtomicUsize::new(0));
    // The first refresher hangs on the refresh API, and is cancelled.
    let hanging = {
        let (cell, seen) = (cell.clone(), seen.clone());
        tokio::spawn(async move {
            cell.refresh(&seen, std::future::pending::<Option<String>>)
                .await
        })
    };
    tokio::task::yield_now().await;
    assert!(cell.is_refreshing());
    let waiter = {
        let (cell, seen, refreshes) = (cell.clone(), seen.clone(), refreshes.clone());
        tokio::spawn(async move {
            cell.refresh(&seen, || async move {
                refreshes.fetch_add(1, Ordering::SeqCst);
                Some(String::from("fresh"))
            })
            .await
        })
    };
    tokio::task::yield_now().await;
    assert_eq!(
        refreshes.load(Ordering::SeqCst),
        0,
        "the waiter waits while the refresh runs"
    );
    hanging.abort();
    assert!(hanging.await.unwrap_err().is_cancelled());
    let token = waiter.await.unwrap().expect("the waiter took over");
    assert_eq!((token.value().as_str(), token.generation()), ("fresh", 1));
    assert_eq!(refreshes.load(Ordering::SeqCst), 1);
    assert!(!cell.is_refreshing());
}

/// A refresh the refresh API refused ends it for every caller of that token: none of
/// them calls the refresh API again.
#[tokio::test(flavor = "current_thread")]
async fn a_refused_refresh_is_a_failure_for_every_caller() {
    use msdk_error_codes::retry::TokenCell;

    let cell = Arc::new(TokenCell::new(String::from("expired")));
    let seen = cell.current();
    let calls = Arc::new(AtomicUsize::new(0));
    let callers: Vec<_> = (0..16)
        .map(|_| {
            let (cell, seen, calls) = (cell.clone(), seen.clone(), calls.clone());
            tokio::spawn(async move {
                cell.refresh(&seen, || async move {
                    calls.fetch_add(1, Ordering::SeqCst);
                    tokio::task::yield_now().await;
                    None::<String>
                })
                .await
            })
        })
        .collect();
    for caller in callers {
        assert!(caller.await.unwrap().is_none());
    }
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert_eq!(cell.failed_generation(), Some(0));
}

/// After a refused refresh, only a new login brings the session back: `replace` installs
/// its token as the next generation, and that token's expiry is refreshed again.
#[test]
fn a_replaced_token_after_a_refused_refresh_refreshes_again() {
    use msdk_error_codes::retry::TokenCell;

    crate::support::within(LIVENESS, async {
        let cell = TokenCell::new(String::from("expired"));
        let seen = cell.current();
        let calls = AtomicUsize::new(0);
        let refuse = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            None::<String>
        };
        assert!(cell.refresh(&seen, refuse).await.is_none());
        assert!(cell.refresh(&seen, refuse).await.is_none());
        assert_eq!(
            calls.load(Ordering::SeqCst),
            1,
            "a refused generation is not refreshed again"
        );
        assert_eq!(cell.failed_generation(), Some(0));

        let login = cell.replace(String::from("after login"));
        assert_eq!(
            (login.value().as_str(), login.generation()),
            ("after login", 1)
        );
        assert_eq!(cell.current(), login);
        assert_eq!(cell.failed_generation(), None);
        // The caller that still holds the refused token gets the new one, unrefreshed.
        assert_eq!(cell.refresh(&seen, refuse).await, Some(login.clone()));
        let fresh = cell
            .refresh(&login, || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Some(String::from("fresh"))
            })
            .await
            .expect("the new login's token is refreshed");
        assert_eq!((fresh.value().as_str(), fresh.generation()), ("fresh", 2));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    });
}

/// A token installed while a refresh runs wins over what the refresh brings: the
/// refresh's callers get it, it stays in the cell, and the gate moves once, so the
/// next expiry refreshes as usual.
#[test]
fn a_token_replaced_while_a_refresh_runs_wins() {
    use msdk_error_codes::retry::TokenCell;

    crate::support::within(LIVENESS, async {
        let cell = Arc::new(TokenCell::new(String::from("expired")));
        let seen = cell.current();
        let (release, released) = tokio::sync::oneshot::channel::<()>();
        let refresher = {
            let (cell, seen) = (cell.clone(), seen.clone());
            tokio::spawn(async move {
                cell.refresh(&seen, || async move {
                    released.await.unwrap();
                    Some(String::from("refreshed"))
                })
                .await
            })
        };
        let waiter_refreshes = Arc::new(AtomicUsize::new(0));
        let waiter = {
            let (cell, seen, calls) = (cell.clone(), seen.clone(), waiter_refreshes.clone());
            tokio::spawn(async move {
                cell.refresh(&seen, || async move {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Some(String::from("the waiter's"))
                })
                .await
            })
        };
        tokio::task::yield_now().await;
        assert!(cell.is_refreshing());

        let login = cell.replace(String::from("after login"));
        assert_eq!(login.generation(), 1);
        assert_eq!(
            waiter.await.unwrap(),
            Some(login.clone()),
            "a waiter wakes with the replaced token while the refresh still runs"
        );
        assert!(cell.is_refreshing());
        release.send(()).unwrap();
        assert_eq!(
            refresher.await.unwrap(),
            Some(login.clone()),
            "the refresher gets the replaced token, not its own"
        );
        assert_eq!(cell.current(), login, "the refresh did not overwrite it");
        assert!(!cell.is_refreshing());
        assert_eq!(waiter_refreshes.load(Ordering::SeqCst), 0);

        let next = cell
            .refresh(&login, || async { Some(String::from("fresh")) })
            .await
            .expect("the replaced token's expiry is refreshed");
        assert_eq!((next.value().as_str(), next.generation()), ("fresh", 2));
    });
}

/// A token that is not the cell's (another session's, of a higher generation) gets
/// the cell's own token back at once, without a refresh: there is nothing of its
/// generation to refresh or to wait for. (It used to spin on its thread forever.)
#[test]
fn a_token_of_another_cell_gets_the_cells_token_at_once() {
    use msdk_error_codes::retry::TokenCell;

    crate::support::within(LIVENESS, async {
        let other = TokenCell::new(String::from("another session"));
        for login in 1..=3 {
            other.replace(format!("login {login}"));
        }
        let foreign = other.current();
        assert_eq!(foreign.generation(), 3);

        let cell = TokenCell::new(String::from("mine"));
        let calls = AtomicUsize::new(0);
        let got = cell
            .refresh(&foreign, || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Some(String::from("refreshed"))
            })
            .await;
        assert_eq!(got, Some(cell.current()));
        assert_eq!(got.unwrap().value(), "mine");
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        assert!(!cell.is_refreshing());
    });
}
