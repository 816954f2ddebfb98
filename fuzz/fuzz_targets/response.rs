//! `MsdkResponse::from_slice` and `from_slice_prefix` on any bytes, held to the
//! documented rules and to the other readers:
//!
//! - the oracle: wherever serde_json reads the whole body as a `Value`, `from_slice`
//!   gives exactly the `ret`, `msg` and `err_type` the docs' rules give, or refuses
//!   exactly when they refuse (a float `ret` such as `-0`, a second `ret`, ...);
//! - `Envelope::<IgnoredAny>::from_slice` reads exactly what `from_slice` reads;
//! - serde's path (`serde_json::from_slice::<MsdkResponse>`): whatever it reads,
//!   `from_slice` reads the same. They may differ in one direction only, as documented:
//!   `from_slice` tolerates a lone surrogate escape or bytes that are not UTF-8 in `msg`
//!   (as U+FFFD) and in a top-level key, where serde_json refuses them. Payload values
//!   are skipped by grammar alone on both paths, so nothing else may differ;
//! - `OwnedEnvelope::<IgnoredAny>` through serde reads what serde's `MsdkResponse` reads;
//! - `from_slice_prefix` reads what `from_slice` reads, leaving only whitespace;
//! - what is read classifies for every API with every promise kept, and serialises back
//!   to JSON that reads as the same response.

#![no_main]

use libfuzzer_sys::fuzz_target;
use msdk_error_codes::{Envelope, MsdkResponse, OwnedEnvelope};
use msdk_error_codes_fuzz::{
    check_classification, expected_status, is_json_whitespace, is_string_decoding_error, members,
    status_of,
};
use serde::de::IgnoredAny;

fuzz_target!(|body: &[u8]| check(body));

fn check(body: &[u8]) {
    let own = MsdkResponse::from_slice(body);

    // The oracle, where serde_json can read the body at all.
    match members(body) {
        Some(Some(members)) => match (expected_status(&members), &own) {
            (Ok(expected), Ok(read)) => assert_eq!(status_of(read), expected),
            (Ok(expected), Err(e)) => panic!("refused {expected:?}: {e}"),
            (Err(why), Ok(read)) => panic!("read {read:?} although {why}"),
            (Err(_), Err(_)) => {}
        },
        Some(None) => assert!(own.is_err(), "read a body that is not an object"),
        None => {}
    }

    // The envelope with a payload it skips: the same, to the error.
    let envelope = Envelope::<IgnoredAny>::from_slice(body);
    assert_eq!(
        own.as_ref().ok(),
        envelope.as_ref().ok().map(Envelope::response)
    );
    assert_eq!(own.is_ok(), envelope.is_ok());
    if let Ok(envelope) = &envelope {
        assert_eq!(envelope.payload().is_some(), envelope.response().ret() == 0);
    }

    // serde's path.
    let serde = serde_json::from_slice::<MsdkResponse<'_>>(body);
    match (&serde, &own) {
        (Ok(serde), Ok(own)) => assert_eq!(serde, own),
        (Ok(serde), Err(e)) => panic!("serde_json reads {serde:?}, from_slice refuses: {e}"),
        (Err(e), Ok(own)) => assert!(
            is_string_decoding_error(e),
            "from_slice reads {own:?}, serde_json refuses for another reason: {e}"
        ),
        (Err(_), Err(_)) => {}
    }
    let owned = serde_json::from_slice::<OwnedEnvelope<IgnoredAny>>(body);
    assert_eq!(
        serde.as_ref().ok(),
        owned.as_ref().ok().map(|e| e.response())
    );

    // The prefix reader.
    match (MsdkResponse::from_slice_prefix(body), &own) {
        (Ok((prefix, used)), Ok(own)) => {
            assert_eq!(&prefix, own);
            assert!(body[used..].iter().all(is_json_whitespace));
        }
        (Ok((prefix, used)), Err(_)) => {
            // Something other than whitespace follows: the object alone reads the same.
            assert!(!body[used..].iter().all(is_json_whitespace));
            assert_eq!(MsdkResponse::from_slice(&body[..used]).ok(), Some(prefix));
        }
        (Err(e), Ok(own)) => panic!("from_slice reads {own:?}, from_slice_prefix refuses: {e}"),
        (Err(_), Err(_)) => {}
    }

    let Ok(response) = own else { return };
    check_classification(response.ret(), response.msg(), response.server_err_type());
    assert_eq!(response.clone().into_result().is_ok(), response.ret() == 0);
    // Written back as MSDK sends it, and read again as the same response by both paths.
    let json = serde_json::to_vec(&response).expect("a response serialises");
    assert_eq!(
        MsdkResponse::from_slice(&json).ok().as_ref(),
        Some(&response)
    );
    assert_eq!(
        serde_json::from_slice::<MsdkResponse<'_>>(&json)
            .ok()
            .as_ref(),
        Some(&response)
    );
}
