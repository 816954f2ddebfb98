//! `Api::from_path` on any text: never a panic, and the normalisation's promises. A path
//! whose last segments are `share/qq` or `share/qzone` is that share whatever comes
//! before it or in its query; a path with a `share` segment is never `Generic` (a retry
//! policy would take it as idempotent); tabs and line breaks, surrounding whitespace and
//! ASCII case change nothing; `FromStr` reads a path as `from_path` does.

#![no_main]

use libfuzzer_sys::fuzz_target;
use msdk_error_codes::Api;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let api = Api::from_path(text);
    assert!(Api::ALL.contains(&api));
    let without: String = text
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    assert_eq!(Api::from_path(&without), api, "tabs and line breaks");
    assert_eq!(
        Api::from_path(&format!(" {text}\t")),
        api,
        "surrounding whitespace"
    );
    assert_eq!(
        Api::from_path(&text.to_ascii_uppercase()),
        api,
        "ASCII case"
    );
    if text.starts_with('/') {
        assert_eq!(text.parse::<Api>(), Ok(api));
    }

    // Built around the text, with what would end the path (`?`, `#`) or start a host
    // (`:`, for `://`) taken out of it.
    let inner: String = text
        .chars()
        .filter(|c| !matches!(c, '?' | '#' | ':'))
        .collect();
    assert_eq!(Api::from_path(&format!("{inner}/share/qq")), Api::QqShare);
    assert_eq!(
        Api::from_path(&format!("{inner}/share/qzone/")),
        Api::QzoneShare
    );
    assert_eq!(
        Api::from_path(&format!("http://msdk.qq.com{inner}/share/qq?{text}")),
        Api::QqShare
    );
    // A typed `/share/` at the start is a share segment whatever follows: a `://` in
    // a path is no scheme (only a scheme at the start is), and a `?` or `#` after it
    // cuts only what follows.
    assert_ne!(
        Api::from_path(&format!("/share/{text}")),
        Api::Generic,
        "/share/{text:?}"
    );
    for shared in [
        format!("/share/{inner}"),
        format!("{inner}/share/{inner}"),
        format!("{inner}/share"),
        format!("https://h/share/{inner}#{text}"),
    ] {
        assert_ne!(Api::from_path(&shared), Api::Generic, "{shared:?}");
    }
});
