//! Proves the allocation claims with a counting global allocator: `classify`,
//! `classify_for` and `parse_passthrough` allocate nothing, and neither does
//! `MsdkResponse::from_slice` + `classify` unless `msg` has escapes (exactly one owned
//! copy) or the payload nests past 1,024 levels.
//!
//! This is its own test binary because it replaces the global allocator; the counter
//! is per thread, so tests running in parallel do not disturb each other.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use msdk_error_codes::{Api, MsdkResponse, catalog, classify, classify_for, parse_passthrough};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: delegates every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations_in(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// `(api, ret, msg)` covering every rule of `classify_for`.
fn inputs() -> Vec<(Api, i32, String)> {
    let mut inputs = vec![
        (Api::Generic, 0, "success".to_owned()),
        (
            Api::Generic,
            -10000,
            "-73,the user modify password wrong".to_owned(),
        ),
        (Api::Generic, -20000, "40001，invalid credential".to_owned()),
        (Api::Generic, -10000, "no code here".to_owned()),
        (Api::Generic, -2345, String::new()),
        (Api::Generic, i32::MIN, "x".repeat(1 << 16)),
        (Api::QqShare, 100000, String::new()),
        (Api::QqShare, -10000, "100000,auth".to_owned()),
        (Api::WechatGroup, -10000, "-73,x".to_owned()),
        (Api::BlueDiamond, -10002, String::new()),
    ];
    for code in catalog() {
        inputs.push((Api::Generic, code.code(), String::new()));
        inputs.push((Api::Generic, -10000, format!("{},text", code.code())));
    }
    inputs
}

#[test]
fn the_counter_counts() {
    // A control: if the allocator were not installed, every test below would pass
    // vacuously.
    let n = allocations_in(|| {
        black_box(Vec::<u8>::with_capacity(16));
    });
    assert_eq!(n, 1);
    let n = allocations_in(|| {
        black_box(classify(-10000, "-73,x").to_error());
    });
    assert!(n >= 1, "to_error owns msg, so it allocates");
}

#[test]
fn classify_and_classify_for_allocate_nothing() {
    let inputs = inputs();
    for (api, ret, msg) in &inputs {
        let n = allocations_in(|| {
            let c = classify_for(*api, *ret, msg);
            black_box(c);
            black_box((c.known(), c.err_type(), c.action(), c.platform_message()));
            black_box(classify(*ret, msg));
        });
        assert_eq!(n, 0, "{api:?} {ret} {msg:.40?}");
    }
}

#[test]
fn parse_passthrough_allocates_nothing() {
    for (_, _, msg) in inputs() {
        let n = allocations_in(|| {
            black_box(parse_passthrough(&msg));
        });
        assert_eq!(n, 0, "{msg:.40?}");
    }
}

/// A realistic success body: a friends list of 50 entries with Chinese nicknames; the
/// benchmarks' wire path reads the same file.
const FRIENDS_RESPONSE: &str = include_str!("data/friends-response.json");

#[test]
fn from_slice_and_classify_allocate_nothing_without_escapes() {
    let bodies = [
        r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#.to_owned(),
        r#"{"ret":"-20000","msg":"40001，invalid credential","err_type":"2"}"#.to_owned(),
        r#"{"ret":-503,"msg":"频率超限"}"#.to_owned(),
        FRIENDS_RESPONSE.to_owned(),
        // Escapes in the payload are skipped, not decoded: a URL's `\/`, a `\u` escape,
        // a lone surrogate, a key with escapes.
        r#"{"ret":0,"msg":"ok","figureurl":"http:\/\/q.qlogo.cn\/g?b=1","nick":"\u5c0f\u660e\ud83d","k\u0065y":"\"q\""}"#.to_owned(),
        // A top-level key with escapes is matched without allocating.
        r#"{"r\u0065t":-503,"m\u0073g":"rate"}"#.to_owned(),
        // Nested payloads allocate nothing up to 1,024 levels.
        format!(
            r#"{{"ret":0,"deep":{}1{}}}"#,
            "[".repeat(1000),
            "]".repeat(1000)
        ),
        format!(
            r#"{{"ret":0,"deep":{}1{}}}"#,
            r#"{"a":"#.repeat(1000),
            "}".repeat(1000)
        ),
    ];
    for body in &bodies {
        let n = allocations_in(|| {
            let response = MsdkResponse::from_slice(body.as_bytes()).expect("valid");
            assert!(response.msg_is_borrowed());
            let c = response.classify();
            black_box((c, response.classify_for(Api::QqShare)));
        });
        assert_eq!(n, 0, "{body:.80}");
    }
}

#[test]
fn escapes_in_msg_cost_exactly_one_owned_msg() {
    let bodies = [
        r#"{"ret":-20000,"msg":"40001,\"invalid\" credential","figureurl":"http:\/\/x"}"#,
        r#"{"ret":-20000,"msg":"40001,\ud83d cut"}"#,
        r#"{"ret":-20000,"msg":"40001,\u4e2d\u6587","lists":[[[["\/"]]]]}"#,
    ];
    for body in bodies {
        let n = allocations_in(|| {
            let response = MsdkResponse::from_slice(body.as_bytes()).unwrap();
            assert!(!response.msg_is_borrowed());
            black_box(response.classify());
        });
        assert_eq!(n, 1, "{body}: the unescaped msg, nothing else");
    }
}

#[test]
fn nesting_past_1024_levels_costs_one_buffer() {
    let body = format!(
        r#"{{"ret":0,"deep":{}1{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let n = allocations_in(|| {
        black_box(MsdkResponse::from_slice(body.as_bytes()).unwrap());
    });
    assert!(
        (1..=8).contains(&n),
        "{n} allocations: a growing buffer, not one per level"
    );
}

/// The friends list as a backend reads it, borrowing its strings.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct BorrowedFriends<'a> {
    #[serde(borrow)]
    lists: Vec<BorrowedFriend<'a>>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct BorrowedFriend<'a> {
    openid: &'a str,
    #[serde(rename = "nickName")]
    nick_name: &'a str,
    level: u32,
}

/// The same, owning its strings.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct OwnedFriends {
    lists: Vec<OwnedFriend>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)] // read through black_box only
struct OwnedFriend {
    openid: String,
    #[serde(rename = "nickName")]
    nick_name: String,
    level: u32,
}

#[test]
fn the_envelope_allocates_nothing_beyond_its_payload() {
    use msdk_error_codes::Envelope;
    let body = FRIENDS_RESPONSE.as_bytes();
    let n = allocations_in(|| {
        black_box(Envelope::<serde::de::IgnoredAny>::from_slice(body).unwrap());
    });
    assert_eq!(n, 0, "an ignored payload costs nothing");

    let alone = allocations_in(|| {
        black_box(serde_json::from_slice::<BorrowedFriends>(body).unwrap());
    });
    let enveloped = allocations_in(|| {
        black_box(Envelope::<BorrowedFriends>::from_slice(body).unwrap());
    });
    assert!(alone > 0);
    // No more than serde_json alone; one fewer here, as the crate's scanner skips the
    // nested `privilege` object without serde_json's buffer.
    assert!(
        enveloped <= alone,
        "borrowed payload: {enveloped} > {alone}"
    );

    let alone = allocations_in(|| {
        black_box(serde_json::from_slice::<OwnedFriends>(body).unwrap());
    });
    let enveloped = allocations_in(|| {
        black_box(Envelope::<OwnedFriends>::from_slice(body).unwrap());
    });
    assert!(enveloped <= alone, "owned payload: {enveloped} > {alone}");
    assert!(
        enveloped + 1 >= alone,
        "the payload's own allocations all happen"
    );
}

#[test]
fn a_failure_whose_ret_comes_first_allocates_nothing() {
    use msdk_error_codes::Envelope;
    // The friends payload, but the call failed: ret and msg come first.
    let body = FRIENDS_RESPONSE.replacen(
        r#"{"ret":0,"msg":"success","err_type":0,"#,
        r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3,"#,
        1,
    );
    assert!(body.starts_with(r#"{"ret":-20000"#));
    let n = allocations_in(|| {
        let envelope = Envelope::<OwnedFriends>::from_slice(body.as_bytes()).unwrap();
        assert!(envelope.payload().is_none());
        assert!(envelope.response().msg_is_borrowed());
        black_box(envelope.classify());
    });
    assert_eq!(n, 0);
}
