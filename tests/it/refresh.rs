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
