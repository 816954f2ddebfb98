//! [`Quoted`]: a string as `{:?}` writes it, faster.

use std::fmt;

/// A string as `{:?}` writes it, with runs that need no escape (printable ASCII, CJK
/// ideographs, full-width forms: what MSDK's messages are made of) written at once:
/// `{:?}` asks Unicode's tables about every character, the most expensive step of an
/// explanation otherwise. Everything else is escaped as `{:?}` escapes it.
pub(super) struct Quoted<'a>(pub(super) &'a str);

impl Quoted<'_> {
    /// Characters that `{:?}` of a `str` writes as they are, whatever Rust's Unicode
    /// version (these ranges have been assigned for years).
    fn plain(c: char) -> bool {
        matches!(c, ' '..='~' | '\u{4e00}'..='\u{9fef}' | '\u{ff01}'..='\u{ff5e}')
            && c != '"'
            && c != '\\'
    }
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        f.write_char('"')?;
        let mut rest = self.0;
        while !rest.is_empty() {
            let plain = rest
                .char_indices()
                .find(|&(_, c)| !Self::plain(c))
                .map_or(rest.len(), |(i, _)| i);
            f.write_str(&rest[..plain])?;
            rest = &rest[plain..];
            if let Some(c) = rest.chars().next() {
                // `{:?}` of a str leaves a single quote as it is; a char's escape_debug
                // does not.
                if c == '\'' {
                    f.write_char(c)?;
                } else {
                    write!(f, "{}", c.escape_debug())?;
                }
                rest = &rest[c.len_utf8()..];
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    // No `use`: a bench without a test harness compiles this module without the test.
    #[test]
    fn every_character_is_written_as_debug_writes_it() {
        // Alone, and between plain text on both sides, so that runs and escapes meet.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}中"), format!("{c}{c}")] {
                assert_eq!(
                    super::Quoted(&text).to_string(),
                    format!("{text:?}"),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }
}
