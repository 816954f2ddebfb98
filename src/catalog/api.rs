//! [`Api`]: the API a response came from, which decides the table read first.

use core::fmt;
use core::str::FromStr;

use super::Layer;

/// The API a response came from: it decides which table is consulted first, because the
/// same number means different things in different tables.
///
/// ```
/// use msdk_error_codes::{Api, Layer};
///
/// assert_eq!(Api::from_path("/share/qq"), Api::QqShare);
/// assert_eq!(Api::from_path("http://msdktest.qq.com/share/qzone/?timestamp=1&appid=2"), Api::QzoneShare);
/// assert_eq!(Api::from_path("/auth/verify_login/"), Api::Generic);
/// assert_eq!("game-center".parse::<Api>(), Ok(Api::GameCenter));
/// assert_eq!(Api::BlueDiamond.layer(), Some(Layer::BlueDiamond));
/// ```
///
/// Serialises as its [`as_str`](Api::as_str) name and reads back whatever
/// [`FromStr`] reads. `#[non_exhaustive]`: a table of a later API would add a context.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Api {
    /// Authorization, relation, profile and every other endpoint: only the generic
    /// tables (access, logic, and the QQ/WeChat platform tables for passthroughs) apply.
    #[default]
    Generic,
    /// `/share/qzone`: [`QzoneShareCode`](crate::QzoneShareCode) first.
    QzoneShare,
    /// `/share/qq`: [`QqShareCode`](crate::QqShareCode) first.
    QqShare,
    /// The QQ game center endpoints: [`GameCenterCode`](crate::GameCenterCode) first.
    GameCenter,
    /// The QQ blue-diamond gift endpoints: [`BlueDiamondCode`](crate::BlueDiamondCode) first.
    BlueDiamond,
    /// The WeChat group-binding endpoints: [`WechatGroupCode`](crate::WechatGroupCode) first;
    /// here `ret -10000` is that table's own internal error, not a QQ passthrough.
    WechatGroup,
    /// A `/share/...` endpoint the spec does not list (`/share/wechat`, `/share/qq/extra`,
    /// `/share`): what [`from_path`](Api::from_path) reads for a path with a `share`
    /// segment that is not `.../share/qq` or `.../share/qzone`.
    ///
    /// It has no table of its own ([`layer`](Api::layer) is `None`): its responses are
    /// classified exactly as [`Api::Generic`]'s, by the generic tables. Unlike
    /// `Generic`, it is not [idempotent](Api::is_idempotent): a share endpoint sends a
    /// message, and a retry could send it twice. [`Api::for_layer`] never returns it.
    OtherShare,
}

impl Api {
    /// Every API context.
    pub const ALL: [Api; 7] = [
        Api::Generic,
        Api::QzoneShare,
        Api::QqShare,
        Api::GameCenter,
        Api::BlueDiamond,
        Api::WechatGroup,
        Api::OtherShare,
    ];

    /// The context in which the codes of `layer` are read: the API of an API table,
    /// [`Api::Generic`] for the access, logic and platform tables.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Layer};
    ///
    /// assert_eq!(Api::for_layer(Layer::QqShare), Api::QqShare);
    /// assert_eq!(Api::for_layer(Layer::WechatPlatform), Api::Generic);
    /// ```
    pub const fn for_layer(layer: Layer) -> Api {
        match layer {
            Layer::Access
            | Layer::Logic
            | Layer::QqPlatform
            | Layer::WechatPlatform
            | Layer::Oidb
            | Layer::PayToken
            | Layer::AccessToken => Api::Generic,
            Layer::QzoneShare => Api::QzoneShare,
            Layer::QqShare => Api::QqShare,
            Layer::GameCenter => Api::GameCenter,
            Layer::BlueDiamond => Api::BlueDiamond,
            Layer::WechatGroup => Api::WechatGroup,
        }
    }

    /// The API's own table, consulted before the generic ones; `None` for [`Api::Generic`]
    /// and [`Api::OtherShare`], which have none.
    pub const fn layer(self) -> Option<Layer> {
        match self {
            Api::Generic | Api::OtherShare => None,
            Api::QzoneShare => Some(Layer::QzoneShare),
            Api::QqShare => Some(Layer::QqShare),
            Api::GameCenter => Some(Layer::GameCenter),
            Api::BlueDiamond => Some(Layer::BlueDiamond),
            Api::WechatGroup => Some(Layer::WechatGroup),
        }
    }

    /// Whether sending the same call twice is harmless, so that an ambiguous failure (a
    /// timeout, an internal error: did it run?) may be retried.
    ///
    /// The share endpoints send a message to other users: a retry of a share that did
    /// go through sends it twice, so they are not idempotent, [`Api::OtherShare`]
    /// included. The others are: the
    /// generic endpoints read (login checks, profiles, friends) or set state; the spec
    /// itself says to retry once (重试一次) for the game center's and the blue-diamond
    /// gifts' errors, and group binding refuses a second group with the same ID
    /// (`-10005` 群ID已存在).
    ///
    /// ```
    /// use msdk_error_codes::Api;
    ///
    /// assert!(!Api::QqShare.is_idempotent());
    /// assert!(!Api::from_path("/share/wechat").is_idempotent());
    /// assert!(Api::Generic.is_idempotent());
    /// ```
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Api::QzoneShare | Api::QqShare | Api::OtherShare)
    }

    /// The stable name, as serde writes it, [`FromStr`] accepts it and msdk-explain's
    /// `--api` takes it: kebab case, the kind of call first (`share-qq`). Stored data
    /// uses it, so it stays as it is; `FromStr` also accepts the snake-case forms of
    /// [`alias`](Self::alias) and of this name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Api::Generic => "generic",
            Api::QzoneShare => "share-qzone",
            Api::QqShare => "share-qq",
            Api::GameCenter => "game-center",
            Api::BlueDiamond => "blue-diamond",
            Api::WechatGroup => "wechat-group",
            Api::OtherShare => "share-other",
        }
    }

    /// The snake-case name of the API's table, as [`Layer::as_str`] spells it
    /// (`qq_share`; `generic` for [`Api::Generic`], `other_share` for
    /// [`Api::OtherShare`], which have no table): what a reader who knows the layer names
    /// types. [`FromStr`] accepts it, and `share_qq`, beside [`as_str`](Self::as_str).
    ///
    /// ```
    /// use msdk_error_codes::Api;
    ///
    /// assert_eq!(Api::QqShare.alias(), "qq_share");
    /// for name in ["share-qq", "qq_share", "share_qq", "SHARE-QQ"] {
    ///     assert_eq!(name.parse::<Api>(), Ok(Api::QqShare));
    /// }
    /// ```
    pub fn alias(self) -> &'static str {
        match (self, self.layer()) {
            (_, Some(layer)) => layer.as_str(),
            (Api::OtherShare, None) => "other_share",
            (_, None) => "generic",
        }
    }

    /// [`as_str`](Self::as_str) in snake case (`share_qq`).
    const fn snake_case(self) -> &'static str {
        match self {
            Api::Generic => "generic",
            Api::QzoneShare => "share_qzone",
            Api::QqShare => "share_qq",
            Api::GameCenter => "game_center",
            Api::BlueDiamond => "blue_diamond",
            Api::WechatGroup => "wechat_group",
            Api::OtherShare => "share_other",
        }
    }

    /// The API context of an endpoint path or URL.
    ///
    /// The spec names only the two share endpoints: a path whose last two segments are
    /// `share` and `qq` is [`Api::QqShare`], `share` and `qzone` [`Api::QzoneShare`];
    /// any other path with a `share` segment is [`Api::OtherShare`] (a share endpoint
    /// the spec does not list, never retried as if idempotent); every other path is
    /// [`Api::Generic`]. Game center, blue-diamond and WeChat group calls must name
    /// their context explicitly.
    ///
    /// First, as URL parsers do (WHATWG's, which reqwest's `url` crate follows), ASCII
    /// tabs and line breaks anywhere are dropped and `\` separates segments like `/`.
    /// Only the path of a URL is read: the query string and the fragment (from the
    /// first `?` or `#`) are ignored, and so are a scheme and host, but only where the
    /// text (surrounding whitespace ignored) starts with an RFC 3986 scheme (a letter,
    /// then letters, digits, `+`, `-` or `.`) and `://`: everything up to the first `/`
    /// or `\` after that `://` is dropped. A `://` anywhere else is part of the path,
    /// which may hold `:` and `/` (`/share/x://y` is a share path). So
    /// `http://msdk.qq.com?next=/share/qq` is not a share call. The path is then read
    /// the way a server could read it, so that no spelling of a share call passes for a
    /// generic one:
    ///
    /// - percent escapes are decoded once, before the path is split, as a server that
    ///   decodes before it routes (nginx) reads it: `%71q` is `qq`, `%2571` is `%71`,
    ///   the hex digits in either case; a decoded `/` or `\` separates segments
    ///   (`/share%2Fqq` is `/share/qq`), a decoded `;`, `:` or `.` acts as a typed one,
    ///   and a decoded `?` or `#` is part of its segment; a `%` not followed by two hex
    ///   digits stays as it is; decoded bytes that are not UTF-8 match no name;
    /// - whitespace around the whole text and around each segment is ignored;
    /// - a segment's `;` parameters are cut off (`qq;jsessionid=1` is `qq`), and so is a
    ///   `:` suffix of the last segment (`qq:x` is `qq`);
    /// - empty and `.` segments are dropped, and `..` removes the segment before it
    ///   (RFC 3986's dot segments; `/share/x/../qq` is `/share/qq`);
    /// - `share`, `qq` and `qzone` are matched with ASCII case ignored.
    ///
    /// A segment that reads `share` once its `:` suffix is cut, wherever it is
    /// (`/share:v2/x`) and even if a `..` removes it (`/share/..`, as a server that does
    /// not resolve dot segments would route it to a share), makes any path that is not
    /// one of the two listed shares [`Api::OtherShare`].
    ///
    /// Never panics, whatever the text holds, and takes time linear in its length;
    /// allocates only for text with a percent escape to decode (one copy of the path,
    /// two when the decoded bytes are not UTF-8) and for text with a tab or line break
    /// (one copy without them).
    ///
    /// ```
    /// use msdk_error_codes::Api;
    ///
    /// assert_eq!(Api::from_path("http://msdk.qq.com?next=/share/qq"), Api::Generic);
    /// assert_eq!(Api::from_path("/auth/login#/share/qzone"), Api::Generic);
    /// assert_eq!(Api::from_path("/share//%71q;jsessionid=1/."), Api::QqShare);
    /// assert_eq!(Api::from_path("/share%2Fqq"), Api::QqShare);
    /// assert_eq!(Api::from_path("/share/x://y"), Api::OtherShare);
    /// assert_eq!(Api::from_path("/share/wechat"), Api::OtherShare);
    /// assert_eq!(Api::from_path("/share/qq/extra"), Api::OtherShare);
    /// assert_eq!(Api::from_path("http://h/share\\q\tq"), Api::QqShare);
    /// ```
    pub fn from_path(path: &str) -> Api {
        // URL parsers (WHATWG's, which reqwest's `url` follows) drop ASCII tabs and line
        // breaks anywhere in a URL: `/share/q\tq` is a call to `/share/qq`.
        if path.contains(['\t', '\n', '\r']) {
            let cleaned: String = path
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            return Api::from_path(&cleaned);
        }
        // Query and fragment first: a `/share/qq` inside them is not the path. Only a
        // typed `?` or `#` ends the path: decoded, they are data.
        let path = path.trim();
        let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
        let path = without_scheme_and_host(path);
        // RFC 3986 makes a decoded `/` data, not a separator; but servers such as nginx
        // decode before they route, and would send `/share%2Fqq` to the QQ share. The
        // reading that never takes a share for the idempotent Generic decodes first.
        match percent_decoded(path) {
            Some(decoded) => Api::of_decoded_path(&decoded),
            None => Api::of_decoded_path(path),
        }
    }

    /// [`from_path`](Self::from_path)'s reading of a path whose escapes are decoded.
    fn of_decoded_path(path: &str) -> Api {
        // Right to left, `..` is a count of segments still to drop: the last two
        // segments of the normalised path come first, with no stack to keep.
        let mut pending_up = 0usize;
        let mut last = None;
        let mut share_seen = false;
        for raw in path.rsplit(['/', '\\']) {
            let raw = raw.split(';').next().unwrap_or("");
            let before_colon = raw.split(':').next().unwrap_or("");
            // Any `share` segment counts, one a `..` removes included, and its `:`
            // suffix is cut wherever it is: which segment is the last depends on how a
            // server splits and resolves the path, so no reading may hide a share.
            share_seen |= Segment::of(before_colon) == Segment::Share;
            let segment = match Segment::of(raw) {
                Segment::Empty => continue,
                Segment::Up => {
                    pending_up += 1;
                    continue;
                }
                _ if pending_up > 0 => {
                    pending_up -= 1;
                    continue;
                }
                // The last segment of the path: read again without its `:` suffix.
                _ if last.is_none() => Segment::of(before_colon),
                segment => segment,
            };
            match (last, segment) {
                (None, _) => last = Some(segment),
                (Some(Segment::Qq), Segment::Share) => return Api::QqShare,
                (Some(Segment::Qzone), Segment::Share) => return Api::QzoneShare,
                // The last two are neither pair: only a `share` segment still matters,
                // and `Other` as the last keeps the two arms above from matching again.
                _ if share_seen => return Api::OtherShare,
                _ => last = Some(Segment::Other),
            }
        }
        if share_seen {
            Api::OtherShare
        } else {
            Api::Generic
        }
    }
}

/// `path` without its scheme and host when it starts with an RFC 3986 scheme and `://`
/// (the path then starts at the first `/` or `\` after them, or is empty); else `path`.
fn without_scheme_and_host(path: &str) -> &str {
    // The first `://` is the only one that can follow a scheme: a scheme has no `:`.
    let Some((scheme, rest)) = path.split_once("://") else {
        return path;
    };
    let mut chars = scheme.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return path;
    }
    // The host ends where the path starts; URL parsers read `\` as `/` there too.
    rest.find(['/', '\\']).map_or("", |at| &rest[at..])
}

/// What one segment of a path is, to [`Api::from_path`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// Empty or `.`: dropped.
    Empty,
    /// `..`: drops the segment before it.
    Up,
    Share,
    Qq,
    Qzone,
    Other,
}

impl Segment {
    /// The decoded segment `text` (its `;` parameters already cut off), surrounding
    /// whitespace and ASCII case ignored.
    fn of(text: &str) -> Segment {
        match text.trim() {
            "" | "." => Segment::Empty,
            ".." => Segment::Up,
            text if text.eq_ignore_ascii_case("share") => Segment::Share,
            text if text.eq_ignore_ascii_case("qq") => Segment::Qq,
            text if text.eq_ignore_ascii_case("qzone") => Segment::Qzone,
            _ => Segment::Other,
        }
    }
}

/// `raw` with its percent escapes decoded once: `None` when it has none (nothing to
/// allocate). A `%` not followed by two hex digits stays as it is. Decoded bytes that
/// are not UTF-8 become U+FFFD, which is neither whitespace, a separator nor part of a
/// name, so they match nothing, as bytes no name holds.
fn percent_decoded(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut decoded: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| b == b'%') {
        let percent = at + found;
        let hex = |i: usize| bytes.get(i).and_then(|&b| (b as char).to_digit(16));
        match (hex(percent + 1), hex(percent + 2)) {
            (Some(high), Some(low)) => {
                let out = decoded.get_or_insert_with(|| Vec::with_capacity(raw.len()));
                out.extend_from_slice(&bytes[copied..percent]);
                // Two hex digits make at most 0xff.
                out.push((high * 16 + low) as u8);
                copied = percent + 3;
                at = copied;
            }
            _ => at = percent + 1,
        }
    }
    let mut out = decoded?;
    out.extend_from_slice(&bytes[copied..]);
    Some(match String::from_utf8(out) {
        Ok(text) => text,
        // Lossy decoding never swallows an ASCII byte, so the separators stay.
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

// Serde as the name, read back by `FromStr` (names, aliases and endpoint paths).
super::names::stable_names!(Api, "an API name", custom from_str);

/// A name that is neither an [`Api`] name nor an endpoint path.
///
/// ```
/// use msdk_error_codes::Api;
///
/// let err = "share".parse::<Api>().unwrap_err();
/// assert!(err.to_string().contains("share-qq"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown API {0:?}: expected generic, share-qzone, share-qq, share-other, game-center, blue-diamond, wechat-group or an endpoint path starting with /"
)]
pub struct UnknownApi(String);

/// Accepts the names of [`Api::as_str`] and [`Api::alias`] and their snake-case forms
/// (ASCII case ignored) and, for anything starting with `/` or containing `://`, an
/// endpoint path ([`Api::from_path`]).
impl FromStr for Api {
    type Err = UnknownApi;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with('/') || s.contains("://") {
            return Ok(Api::from_path(s));
        }
        super::names::find(&Api::ALL, s, &[Api::as_str, Api::alias, Api::snake_case])
            .ok_or_else(|| UnknownApi(super::names::shown(s)))
    }
}
