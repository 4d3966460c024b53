//! Files that are not UTF-8. kepu reads UTF-8 only; on Windows an editor
//! may still save a file in GBK (what Chinese Windows calls "ANSI") or in
//! UTF-16 (Notepad's "Unicode"). The error names the encoding the file is
//! most likely in and how to save it again as UTF-8, at the first byte
//! that is not UTF-8.

use std::path::PathBuf;

use crate::error::Diagnostic;

/// The encodings told apart in the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// UTF-16 with its byte order mark (Notepad's "Unicode").
    Utf16,
    /// Chinese text in GBK or GB2312 ("ANSI" on Chinese Windows).
    Gbk,
    /// Anything else.
    Other,
}

/// The error for the contents of the file `shown`, which are not UTF-8.
pub fn not_utf8(shown: impl Into<PathBuf>, e: &std::string::FromUtf8Error) -> Diagnostic {
    let bytes = e.as_bytes();
    let (line, column) = line_col_of(bytes, e.utf8_error().valid_up_to());
    let (message, hint) = match guess(bytes) {
        Found::Utf16 => (crate::text!("content.utf16"), crate::text!("content.utf16.help")),
        Found::Gbk => (crate::text!("content.gbk"), crate::text!("content.gbk.help")),
        Found::Other => (crate::text!("content.not_utf8"), crate::text!("content.not_utf8.help")),
    };
    Diagnostic::error(shown, line, column, message).with_hint(hint)
}

/// The encoding `bytes` (not UTF-8) are most likely in.
pub fn guess(bytes: &[u8]) -> Found {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Found::Utf16;
    }
    if looks_like_gbk(bytes) {
        return Found::Gbk;
    }
    Found::Other
}

/// Whether every byte outside ASCII pairs up as GBK does (a lead byte
/// 0x81–0xFE and a second byte 0x40–0xFE other than 0x7F) and most pairs
/// are the Chinese characters and punctuation of GB2312, as Chinese text
/// saved in GBK is.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (mut pairs, mut common) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let Some(&trail) = bytes.get(i + 1) else {
            return false;
        };
        if !(0x81..=0xfe).contains(&lead) || !(0x40..=0xfe).contains(&trail) || trail == 0x7f {
            return false;
        }
        pairs += 1;
        // GB2312: symbols in rows 0xA1–0xA9, characters in rows 0xB0–0xF7.
        if (0xa1..=0xfe).contains(&trail) && matches!(lead, 0xa1..=0xa9 | 0xb0..=0xf7) {
            common += 1;
        }
        i += 2;
    }
    pairs > 0 && common * 10 >= pairs * 8
}

/// Line and column (in characters, from 1) of byte `pos` of `bytes`.
pub(crate) fn line_col_of(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` in GBK, encoded by hand for the few characters used here.
    fn gbk(text: &str) -> Vec<u8> {
        let table: &[(char, [u8; 2])] = &[
            ('防', [0xb7, 0xc0]),
            ('溺', [0xc4, 0xe7]),
            ('水', [0xcb, 0xae]),
            ('，', [0xa3, 0xac]),
            ('。', [0xa1, 0xa3]),
        ];
        let mut out = Vec::new();
        for c in text.chars() {
            match table.iter().find(|(k, _)| *k == c) {
                Some((_, b)) => out.extend_from_slice(b),
                None => out.push(u8::try_from(u32::from(c)).expect("ASCII")),
            }
        }
        out
    }

    #[test]
    fn tells_gbk_utf16_and_other_bytes_apart() {
        assert_eq!(guess(&gbk("title: 防溺水\n防溺水，防溺水。\n")), Found::Gbk);
        assert_eq!(guess(&[0xff, 0xfe, b't', 0]), Found::Utf16);
        assert_eq!(guess(&[0xfe, 0xff, 0, b't']), Found::Utf16);
        // Latin-1 accents, a lone lead byte, binary.
        assert_eq!(guess(b"caf\xe9 au lait"), Found::Other);
        assert_eq!(guess(&gbk("防溺水")[..5]), Found::Other);
        assert_eq!(guess(&[0x00, 0x80, 0x81, 0x7f]), Found::Other);
    }

    #[test]
    fn the_error_is_at_the_first_byte_that_is_not_utf8() {
        let mut bytes = b"---\ntitle: ".to_vec();
        bytes.extend(gbk("防溺水"));
        let e = String::from_utf8(bytes).expect_err("GBK is not UTF-8");
        let d = not_utf8("content/a.md", &e);
        assert_eq!((d.line, d.column), (2, 8));
        let text = d.to_string();
        assert!(text.contains("GBK"), "{text}");
        assert_eq!(line_col_of("中\n文x".as_bytes(), 7), (2, 2));
    }
}
