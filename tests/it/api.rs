//! `Api`: its names, and `Api::from_path`, which must never read a share call as the
//! idempotent `Generic`: every spelling of a share path, the unlisted share endpoints
//! (`Api::OtherShare`), and a model of the normalisation that a proptest holds it to.

use msdk_error_codes::{Api, Layer, classify_for};

use crate::classify::CASES;
use proptest::prelude::*;

use Api::*;

#[test]
fn api_from_path_and_names() {
    let paths = [
        ("/share/qq", QqShare),
        ("/share/qq/", QqShare),
        ("/share/QQ?timestamp=1", QqShare),
        (
            "http://msdktest.qq.com/share/qq/?timestamp=1&appid=2&sig=3&openid=4&encode=1",
            QqShare,
        ),
        ("https://msdk.qq.com/share/qzone", QzoneShare),
        ("/share/qzone#frag", QzoneShare),
        // A share endpoint the spec does not list is not the idempotent Generic.
        ("/share/qqq", OtherShare),
        // Only the path of a URL counts: not the query, the fragment or the host.
        ("http://msdk.qq.com?next=/share/qq", Generic),
        ("https://msdk.qq.com/auth?next=/share/qzone", Generic),
        ("/auth/login#/share/qq", Generic),
        ("http://share/qq", Generic),
        ("http://msdk.qq.com/share/qq?next=/auth", QqShare),
        ("/share/wx/", OtherShare),
        ("/qq", Generic),
        ("/auth/verify_login/", Generic),
        ("", Generic),
        ("http://host", Generic),
    ];
    for (path, api) in paths {
        assert_eq!(Api::from_path(path), api, "{path}");
    }
    for api in Api::ALL {
        assert_eq!(api.as_str().parse::<Api>(), Ok(api));
        assert_eq!(api.to_string(), api.as_str());
    }
    assert_eq!("/share/qzone".parse::<Api>(), Ok(QzoneShare));
    assert_eq!("SHARE-QQ".parse::<Api>(), Ok(QqShare));
    assert!("qq".parse::<Api>().is_err());
    assert!("".parse::<Api>().is_err());
}

#[test]
fn api_from_path_sees_through_every_spelling_of_a_share_path() {
    let mut paths: Vec<(String, Api)> = Vec::new();
    for (name, api) in [("qq", QqShare), ("qzone", QzoneShare)] {
        let encoded = format!("%{:02x}{}", name.as_bytes()[0], &name[1..]);
        let encoded_upper = format!("%{:02X}{}", name.as_bytes()[0], &name[1..]);
        for path in [
            format!("/share//{name}"),
            format!("/share/{name};jsessionid=1"),
            format!("/share;v=2/{name}"),
            format!("/share/./{name}"),
            format!("/share/{name}/."),
            format!("/share/{name}/./"),
            format!("/share/{encoded}"),
            format!("/share/{encoded_upper}"),
            format!("/%73hare/{name}"),
            format!("/share/{name} "),
            format!("  /share/ {name}\t/ "),
            format!("/share/{name}%20"),
            format!("http://h/share/{name}:x"),
            format!("/share/{name}:x;y=1"),
            format!("/share/x/../{name}"),
            format!("/share/{name}/x/.."),
            format!("/a/%2E%2e/share/{name}"),
            format!("/../../share/{name}"),
            format!("//share///{name}//"),
            // Today's spellings stay.
            format!("/share/{name}"),
            format!("/share/{name}/"),
            format!("/SHARE/{}", name.to_ascii_uppercase()),
            format!("https://msdk.qq.com/share/{name}?next=/auth#x"),
            format!("share/{name}"),
            format!("/v2/share/{name}"),
            // URL parsers read `\` as `/` and drop tabs and line breaks anywhere.
            format!("http://h/share\\{name}"),
            format!("\\share\\{name}"),
            format!("http://h\\share/{name}"),
            format!("/sh\tare/{name}"),
            format!("/share/{}\n{}", &name[..1], &name[1..]),
            format!("/share/{name}\r\n"),
            // Decoded before the path is split: `%2F` and `%5C` separate segments, a
            // decoded `;` starts parameters and a decoded `:` is the last one's suffix.
            format!("/share%2F{name}"),
            format!("/sha%72e%2F{name}"),
            format!("/share%2f{name}%2F"),
            format!("/x%2F..%2Fshare%5C{name}"),
            format!("/share/{name}%3Bx"),
            format!("/share/{name}%3Ax"),
            // A URL only where a scheme starts the text.
            format!("HTTP://h/share/{name}"),
            format!("a+b.c-9://h/share/{name}"),
            format!("http:/share/{name}"),
            format!("//host/share/{name}"),
        ] {
            paths.push((path, api));
        }
    }
    let other = [
        // Unlisted share endpoints: not idempotent, the generic tables.
        "/share/wechat",
        // Not a URL (no `://`), so `share:` is a segment, the `:` suffix of the last one
        // cut: a share path, whatever a URL parser might make of it (found by the
        // proptest below).
        "share:/\\",
        "/share/qq/extra",
        "/share/qzone/x",
        "/share",
        "/SHARE/",
        "/share:x",
        "/share/qq:x/y",
        "/share/qq%2Fx",
        "/share/%71",
        "/%73hare/x",
        "/share;a/x",
        " /share/ ",
        "http://h/share?/share/qq",
        // A share segment that a `..` removes still counts.
        "/share/..",
        "/share/qq/..",
        "/auth/share/../login",
        // Decoded once only, so the escape is not `q`: a share segment, not /share/qq.
        "/share/%2571q",
        // A `://` that does not follow a scheme at the very start is part of the path:
        // these were read as a host once, and so as Generic.
        "/share/x://y",
        "/share/qq://x",
        "/share/qq;next=http://a/b",
        "1http://share/qq/x",
        "ht tp://share/x",
        "-x://share/x",
        "://share/x",
        // A decoded `/` separates segments, as a server that decodes before it routes
        // reads them: a `share` between decoded slashes is a share segment.
        "/auth%2Fshare",
        "/auth/x%2Fshare%2Fwechat",
        "/share%2Fqq%2Fx",
        "/sh%61re%5Cx",
        "/share%2F..",
        // A `share` before a `:` suffix counts wherever the segment is: with a decoded
        // `/` after it, the raw last segment `share:x%2Fy` is no longer the last.
        "/a/share:x%2Fy",
        "/share:v2/qq",
        "/share%3Ax/qq",
    ];
    paths.extend(other.iter().map(|p| (p.to_string(), OtherShare)));
    let generic = [
        // Query, fragment and host are not the path.
        "http://msdk.qq.com?next=/share/qq",
        "/auth/login#/share/qzone",
        "http://share/qq",
        "http://share.qq.com/qq",
        // No segment is `share`.
        "/shared/qq",
        "/sh are/qq",
        "/share%/qq",
        "/%FFshare/qq",
        "/auth/verify_login/",
        "/qq",
        "",
        " ",
        "/",
        "%",
        "%%",
        "%zz",
        "/..",
        "http://",
        "://",
        // A scheme at the start: its host is not the path, whatever it spells.
        "x://share/qq",
        "git+ssh://share/qq",
        "http://h%2Fshare/qq",
        " http://share\\qq",
        "/auth?x://share",
    ];
    paths.extend(generic.iter().map(|p| (p.to_string(), Generic)));
    for (path, api) in &paths {
        assert_eq!(Api::from_path(path), *api, "{path:?}");
        assert_eq!(from_path_model(path), *api, "the model, {path:?}");
    }
    // Long inputs take linear time: 200,000 segments of each kind.
    let long = [
        ("/..".repeat(200_000) + "/share/qq", QqShare),
        (
            "/x".repeat(200_000) + &"/..".repeat(199_999) + "/share/qzone",
            QzoneShare,
        ),
        ("/share".to_owned() + &"/%zz%".repeat(200_000), OtherShare),
        ("/%41".repeat(200_000), Generic),
        (";".repeat(400_000), Generic),
    ];
    for (path, api) in &long {
        assert_eq!(Api::from_path(path), *api, "{}…", &path[..20]);
    }
}

#[test]
fn other_share_is_a_name_and_not_idempotent() {
    assert_eq!(Api::ALL.len(), 7);
    assert_eq!(OtherShare.as_str(), "share-other");
    assert_eq!(OtherShare.alias(), "other_share");
    for name in [
        "share-other",
        "other_share",
        "share_other",
        "SHARE-OTHER",
        "/share/x",
    ] {
        assert_eq!(name.parse::<Api>(), Ok(OtherShare), "{name}");
    }
    assert_eq!(
        serde_json::to_string(&OtherShare).unwrap(),
        r#""share-other""#
    );
    assert_eq!(OtherShare.layer(), None);
    assert!(!OtherShare.is_idempotent());
    assert!(Layer::ALL.iter().all(|&l| Api::for_layer(l) != OtherShare));
    let err = "share".parse::<Api>().unwrap_err().to_string();
    for api in Api::ALL {
        assert!(err.contains(api.as_str()), "{err}");
    }
}

#[test]
fn other_share_classifies_as_generic_does() {
    let mut responses: Vec<(i32, String)> =
        CASES.iter().map(|c| (c.ret, c.msg.to_owned())).collect();
    responses.extend(msdk_error_codes::fixtures().map(|f| {
        let r = f.response();
        (r.ret(), r.msg().to_owned())
    }));
    responses.extend((-20_100..=200).map(|ret| (ret, String::new())));
    for (ret, msg) in &responses {
        let generic = classify_for(Generic, *ret, msg);
        let other = classify_for(OtherShare, *ret, msg);
        assert_eq!(other.api(), OtherShare);
        let mut expected = serde_json::to_value(generic).unwrap();
        expected["api"] = "share-other".into();
        assert_eq!(
            serde_json::to_value(other).unwrap(),
            expected,
            "{ret} {msg}"
        );
        assert_eq!(other.to_string(), generic.to_string(), "{ret} {msg}");
    }
}

/// A path as `Api::from_path` documents that it normalises it.
struct Normalised {
    /// The segments of the normalised path.
    segments: Vec<String>,
    /// Whether any segment, before its `:` suffix, was `share` at some step: one that a
    /// `..` removed included.
    share_seen: bool,
}

/// Whether `text` starts with an RFC 3986 scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" /
/// "." )) and `://`: the grammar, character by character.
fn scheme_length(text: &str) -> Option<usize> {
    let mut length = 0;
    for (i, c) in text.char_indices() {
        let allowed = if i == 0 {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii_alphanumeric() || "+-.".contains(c)
        };
        if !allowed {
            break;
        }
        length = i + c.len_utf8();
    }
    (length > 0 && text[length..].starts_with("://")).then_some(length)
}

/// Every `%` and two hex digits as the byte they name, once, left to right; any other
/// byte as it is. Bytes that are not UTF-8 are replaced: they can match no name.
fn decode_once(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes.get(i + 1..i + 3).and_then(|hex| {
            let hex = std::str::from_utf8(hex).ok()?;
            // from_str_radix takes a sign, which an escape does not.
            u8::from_str_radix(hex, 16)
                .ok()
                .filter(|_| !hex.starts_with('+'))
        });
        match (bytes[i], escape) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `Api::from_path`'s documented rules written out plainly, in the order the docs give
/// them, left to right, with a stack of strings: a model to hold its right-to-left scan
/// to. It shares no code with the crate.
fn normalise(path: &str) -> Normalised {
    // Tabs and line breaks dropped, as URL parsers do; the whole text trimmed; the query
    // and fragment cut at the first typed `?` or `#`.
    let cleaned: String = path
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let text = cleaned.trim();
    let text = text.split(['?', '#']).next().unwrap();
    // A scheme at the very start, `://` and the host up to the first `/` or `\`.
    let text = match scheme_length(text) {
        Some(length) => {
            let after = &text[length + 3..];
            match after.char_indices().find(|&(_, c)| c == '/' || c == '\\') {
                Some((at, _)) => &after[at..],
                None => "",
            }
        }
        None => text,
    };
    // Decoded once, before anything is split; then `\` is `/`.
    let decoded = decode_once(text).replace('\\', "/");
    let is_share = |text: &str| text.trim().eq_ignore_ascii_case("share");
    let mut stack: Vec<String> = Vec::new();
    let mut share_seen = false;
    for segment in decoded.split('/') {
        // `;` parameters cut off, then the surrounding whitespace.
        let segment = segment.split(';').next().unwrap();
        share_seen |= is_share(segment.split(':').next().unwrap());
        match segment.trim() {
            "" | "." => {}
            ".." => {
                stack.pop();
            }
            kept => stack.push(kept.to_owned()),
        }
    }
    // The last segment without its `:` suffix.
    if let Some(last) = stack.last_mut() {
        *last = last.split(':').next().unwrap().trim().to_owned();
    }
    Normalised {
        segments: stack,
        share_seen,
    }
}

/// What the model says `Api::from_path` reads.
fn from_path_model(path: &str) -> Api {
    let normalised = normalise(path);
    let is = |text: &String, name: &str| text.eq_ignore_ascii_case(name);
    match normalised.segments.as_slice() {
        [.., parent, last] if is(parent, "share") && is(last, "qq") => QqShare,
        [.., parent, last] if is(parent, "share") && is(last, "qzone") => QzoneShare,
        _ if normalised.share_seen => OtherShare,
        _ => Generic,
    }
}

/// Text built of the pieces that make paths hard to read: names in every spelling,
/// separators, dot segments, parameters, escapes valid and not, whitespace.
fn tricky_path() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "/", "/", "/", "share", "SHARE", "%73hare", "sh%41re", "qq", "%71Q", "qzone",
            "qz%6Fne", "x", ".", "..", "%2e", "%2E%2e", ";a=1", ";", ":x", ":", " ", "%20", "\t",
            "\\", "\n", "\r", "\u{3000}", "?", "#", "http://h", "://", "%", "%7", "%zz", "%2F",
            "%3B", "%3A", "%FF", "%C3%A9", "é", "%25", "%2f", "%5C", "%3F", "%23", "%3a",
            // What a scheme is made of, and what it is not.
            "http", "HTTP", "x", "1", "+", "-", "a+b.c", "qq:", "x:",
        ]),
        "[a-z%/.;:?# ]{0,3}".prop_map(|s| Box::leak(s.into_boxed_str()) as &str),
    ];
    prop::collection::vec(piece, 0..14).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// The idempotency guard: whatever the text, a `Generic` answer means that no
    /// segment of it, at any step of the normalisation, is `share`.
    #[test]
    fn from_path_never_takes_a_share_path_for_generic(path in tricky_path()) {
        let api = Api::from_path(&path);
        if api == Generic {
            let normalised = normalise(&path);
            prop_assert!(!normalised.share_seen, "{:?}: {:?}", path, normalised.segments);
        }
        prop_assert_eq!(api, from_path_model(&path), "{:?}", path);
    }

    /// Independent of the model: a typed `/share/` segment before any query or fragment
    /// makes the path a share whatever comes around it (`://` included: no scheme can
    /// start a text that starts with `/`), and a path that ends in `/share/qq` or
    /// `/share/qzone` is that share whatever comes before it.
    #[test]
    fn a_typed_share_segment_is_never_generic(before in tricky_path(), after in tricky_path()) {
        let before: String = before.chars().filter(|c| !matches!(c, '?' | '#')).collect();
        prop_assert_ne!(Api::from_path(&format!("/{before}/share/{after}")), Generic);
        prop_assert_eq!(Api::from_path(&format!("/{before}/share/qq?{after}")), QqShare);
        prop_assert_eq!(Api::from_path(&format!("/{before}/share/qzone#{after}")), QzoneShare);
    }

    /// Any text at all: no panic, and the model's answer.
    #[test]
    fn from_path_never_panics(path in any::<String>()) {
        prop_assert_eq!(Api::from_path(&path), from_path_model(&path), "{:?}", path);
    }
}
