//! The stored forms read back from any JSON: `MsdkError` (a job queue's or an audit
//! log's record of a failed call), `retry::Step`, `MsdkCode`. Whatever reads is written
//! again as the same JSON and reads back equal; a stored error is a failure (`ret != 0`,
//! never `Success`), its parts are consistent (a documented code is the catalog's row,
//! the platform message is the end of `msg`), and it displays on one line.

#![no_main]

use libfuzzer_sys::fuzz_target;
use msdk_error_codes::retry::Step;
use msdk_error_codes::{Decision, MsdkCode, MsdkError};

fuzz_target!(|data: &[u8]| {
    if let Ok(error) = serde_json::from_slice::<MsdkError>(data) {
        assert_ne!(error.ret(), 0);
        assert_ne!(error.decision(), Decision::Success);
        assert_eq!(error.classification().decision(), error.decision());
        if let Some(known) = error.known() {
            assert_eq!(
                MsdkCode::lookup(error.layer(), error.code()),
                Some(known),
                "{error:?}"
            );
        }
        if let Some(text) = error.platform_message() {
            assert!(error.msg().ends_with(text));
        }
        assert!(!error.to_string().contains('\n'), "{error}");
        let json = serde_json::to_string(&error).unwrap();
        let back: MsdkError = serde_json::from_str(&json).unwrap();
        assert_eq!(back, error);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
    if let Ok(step) = serde_json::from_slice::<Step>(data) {
        let json = serde_json::to_string(&step).unwrap();
        assert_eq!(serde_json::from_str::<Step>(&json).unwrap(), step);
        assert!(step.to_string().starts_with(step.as_str()));
        assert_eq!(step.delay().is_some(), matches!(step, Step::RetryAfter(_)));
    }
    if let Ok(code) = serde_json::from_slice::<MsdkCode>(data) {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<MsdkCode>(&json).unwrap(), code);
        assert_eq!(MsdkCode::lookup(code.layer(), code.code()), Some(code));
    }
});
