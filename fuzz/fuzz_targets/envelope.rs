//! `Envelope::from_slice` with three payload types (`IgnoredAny`, a map of `Value`s, a
//! struct with borrowed fields), `from_slice` the one-liner, and `Envelope::from_http`,
//! held to the envelope's promises:
//!
//! - the status is exactly `MsdkResponse::from_slice`'s, whatever the payload type;
//! - a failure is never masked by its payload: when `ret != 0` the envelope reads, with
//!   no payload, whatever the payload holds; the result is the MSDK error;
//! - on success the payload is what serde_json reads from the same members (the oracle,
//!   where serde_json reads the whole body), the envelope's three fields left out; a
//!   borrowed `&str` may fail only where the string has escapes;
//! - `from_http`: an MSDK body decides whatever the status; otherwise a non-2xx status
//!   is a transport failure of that status and API, a 2xx a parse error.

#![no_main]

use std::borrow::Cow;
use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::{Api, Decision, Envelope, Error, MsdkResponse};
use msdk_error_codes_fuzz::{Members, expected_status, members, status_of};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde::de::value::MapDeserializer;
use serde_json::Value;

/// A payload that borrows from the body.
#[derive(Deserialize, Debug)]
struct Friends<'a> {
    #[serde(borrow)]
    lists: Vec<Friend<'a>>,
    #[serde(default)]
    total: Option<u32>,
}

#[derive(Deserialize, Debug)]
struct Friend<'a> {
    openid: &'a str,
    #[serde(rename = "nickName", borrow)]
    nick_name: Cow<'a, str>,
    #[serde(default)]
    gender: Option<i64>,
}

/// `Friends` owned, read from the oracle's `Value`s (which cannot lend a `&str`).
#[derive(Deserialize, Debug, PartialEq)]
struct OwnedFriends {
    lists: Vec<OwnedFriend>,
    #[serde(default)]
    total: Option<u32>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct OwnedFriend {
    openid: String,
    #[serde(rename = "nickName")]
    nick_name: String,
    #[serde(default)]
    gender: Option<i64>,
}

impl From<&Friends<'_>> for OwnedFriends {
    fn from(friends: &Friends<'_>) -> OwnedFriends {
        OwnedFriends {
            lists: friends
                .lists
                .iter()
                .map(|f| OwnedFriend {
                    openid: f.openid.to_owned(),
                    nick_name: f.nick_name.clone().into_owned(),
                    gender: f.gender,
                })
                .collect(),
            total: friends.total,
        }
    }
}

const ENVELOPE_FIELDS: [&str; 3] = ["ret", "msg", "err_type"];

/// The members the payload type is handed, in body order.
fn payload_members(members: &Members) -> impl Iterator<Item = (String, Value)> + '_ {
    members
        .0
        .iter()
        .filter(|(key, _)| !ENVELOPE_FIELDS.contains(&key.as_str()))
        .cloned()
}

fuzz_target!(|body: &[u8]| check(body));

fn check(body: &[u8]) {
    let status = MsdkResponse::from_slice(body);
    let failed = status.as_ref().is_ok_and(|s| s.ret() != 0);
    let oracle = members(body).flatten();
    // The status by the docs' rules, as the response target checks it.
    if let Some(members) = &oracle {
        let read = status.as_ref().ok().map(status_of);
        assert_eq!(read, expected_status(members).ok(), "{status:?}");
    }

    let ignored = Envelope::<IgnoredAny>::from_slice(body);
    check_envelope(&status, &ignored);
    assert_eq!(ignored.is_ok(), status.is_ok());

    let map = Envelope::<BTreeMap<String, Value>>::from_slice(body);
    check_envelope(&status, &map);
    if let (Ok(status), Some(members)) = (&status, &oracle)
        && status.ret() == 0
    {
        // On success the map is the payload's members, read as serde_json reads them.
        let expected: BTreeMap<String, Value> = payload_members(members).collect();
        match &map {
            Ok(map) => assert_eq!(map.payload(), Some(&expected)),
            Err(e) => panic!("a map refuses {expected:?}: {e}"),
        }
    }
    if let Ok(envelope) = &map
        && let Some(payload) = envelope.payload()
    {
        for field in ENVELOPE_FIELDS {
            assert!(!payload.contains_key(field), "{field} reached the payload");
        }
    }
    // The one-liner: the payload, the MSDK error, or the parse error.
    match (
        msdk_error_codes::from_slice::<BTreeMap<String, Value>>(body),
        &map,
    ) {
        (Ok(payload), Ok(envelope)) => assert_eq!(Some(&payload), envelope.payload()),
        (Err(Error::Msdk(e)), Ok(envelope)) => {
            assert_eq!(e.ret(), envelope.response().ret());
            assert_ne!(e.decision(), Decision::Success);
        }
        (Err(Error::Parse(_)), Err(_)) => {}
        (one, envelope) => panic!("from_slice gives {one:?}, the envelope {envelope:?}"),
    }

    let friends = Envelope::<Friends<'_>>::from_slice(body);
    check_envelope(&status, &friends);
    if let (Ok(status), Some(members)) = (&status, &oracle)
        && status.ret() == 0
    {
        let expected = OwnedFriends::deserialize(MapDeserializer::<_, serde_json::Error>::new(
            payload_members(members),
        ));
        match (&friends, &expected) {
            (Ok(friends), Ok(expected)) => {
                assert_eq!(&OwnedFriends::from(friends.payload().unwrap()), expected);
            }
            (Ok(friends), Err(e)) => panic!("read {friends:?}, serde_json refuses: {e}"),
            // A `&str` cannot borrow a string with escapes.
            (Err(e), Ok(_)) => assert!(
                e.to_string().contains("borrowed string"),
                "refused {expected:?}: {e}"
            ),
            (Err(_), Err(_)) => {}
        }
    }

    for status_code in [200, 204, 404, 500, 502] {
        check_http(body, status_code, &status, failed);
    }
}

/// What every envelope promises against the status `MsdkResponse` reads.
fn check_envelope<T: std::fmt::Debug>(
    status: &Result<MsdkResponse<'_>, msdk_error_codes::ParseError>,
    envelope: &Result<Envelope<'_, T>, msdk_error_codes::ParseError>,
) {
    match (status, envelope) {
        (Ok(status), Ok(envelope)) => {
            assert_eq!(envelope.response(), status);
            assert_eq!(envelope.payload().is_some(), status.ret() == 0);
            for api in Api::ALL {
                let c = envelope.classify_for(api);
                assert_eq!(c.decision() == Decision::Success, status.ret() == 0);
            }
        }
        (Ok(status), Err(e)) => assert!(
            status.ret() == 0,
            "a failure ({status:?}) is masked by its payload: {e}"
        ),
        (Err(e), Ok(envelope)) => panic!("the envelope reads {envelope:?}, the status not: {e}"),
        (Err(_), Err(_)) => {}
    }
}

fn check_http(
    body: &[u8],
    status_code: u16,
    status: &Result<MsdkResponse<'_>, msdk_error_codes::ParseError>,
    failed: bool,
) {
    let api = Api::ALL[body.len() % Api::ALL.len()];
    let reply = Envelope::<IgnoredAny>::from_http(api, status_code, body);
    match (status, &reply) {
        (Ok(status), Ok(envelope)) => assert_eq!(envelope.response(), status),
        (Ok(status), Err(e)) => panic!("{status_code} with {status:?} is {e:?}"),
        (Err(_), Err(Error::Parse(_))) => assert!((200..300).contains(&status_code)),
        (Err(_), Err(Error::Transport(e))) => {
            assert!(!(200..300).contains(&status_code));
            assert_eq!(
                (e.failure(), e.api()),
                (TransportFailure::Status(status_code), api)
            );
            assert_eq!(
                e.decision(),
                TransportFailure::Status(status_code).decision()
            );
        }
        (_, other) => panic!("{status_code}: {other:?}"),
    }
    if let Err(e) = &reply {
        assert_ne!(e.decision(), Decision::Success);
    }
    // A payload that does not fit is the payload's problem, whatever the status; a
    // failure is the failure.
    let typed = Envelope::<BTreeMap<String, u8>>::from_http(api, status_code, body);
    if failed {
        assert!(typed.is_ok(), "{status_code}: {typed:?}");
    }
    if status.is_ok() && typed.is_err() {
        assert!(matches!(typed, Err(Error::Parse(_))), "{typed:?}");
    }
}
