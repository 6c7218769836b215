//! Text files that are not UTF-8: refused with where the first foreign
//! byte is and which legacy encoding the file looks like.
//!
//! Vietnamese CSV files still come out of older tools in Windows-1258 (base
//! letters with combining tone marks, bytes 0xCC 0xD2 0xDE 0xEC 0xF2 after
//! a vowel) or TCVN3/ABC (precomposed letters from 0xA1 up, which in the
//! Windows code page are symbols never seen in Vietnamese text), and
//! Excel's "Unicode text" is UTF-16. Decoding by a guess could read one for
//! the other and garble every name, so the file is refused and the message
//! says to save it as "CSV UTF-8". Each record is checked as it is read, so
//! the error names the first row and column holding a foreign byte.

use crate::error::{Error, ErrorKind, Result};

/// The bytes without a UTF-8 byte-order mark; UTF-16 is refused.
pub(super) fn without_bom<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a [u8]> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::new(
            ErrorKind::UnsupportedEncoding,
            "the file is UTF-16 (Excel's \"Unicode text\"), not UTF-8: save it as \"CSV UTF-8\"",
        )
        .in_file(file, None, None));
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// The message for a cell that is not UTF-8, in a file of `bytes`.
pub(super) fn foreign(bytes: &[u8]) -> String {
    format!(
        "the text is not UTF-8: the file looks like {}; save it as \"CSV UTF-8\"",
        legacy(bytes)
    )
}

/// Which legacy encoding the bytes look like, in words.
fn legacy(bytes: &[u8]) -> &'static str {
    const TONES_1258: [u8; 5] = [0xCC, 0xD2, 0xDE, 0xEC, 0xF2];
    const VOWELS_1258: [u8; 12] = [
        0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD,
    ];
    let (mut windows_1258, mut tcvn3) = (0usize, 0usize);
    for pair in bytes.windows(2) {
        let (before, byte) = (pair[0], pair[1]);
        let after_vowel = b"aeiouyAEIOUY".contains(&before) || VOWELS_1258.contains(&before);
        if TONES_1258.contains(&byte) && after_vowel {
            windows_1258 += 1;
        }
        if (0xA1..=0xAE).contains(&byte) {
            tcvn3 += 1;
        }
    }
    match (windows_1258, tcvn3) {
        (0, 0) => "an 8-bit code page",
        (w, t) if w >= t => "Windows-1258",
        _ => "TCVN3 (ABC)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_vietnamese_is_named() {
        // "Mã hồ sơ" in Windows-1258: a + combining tilde, ô + combining grave, ơ.
        assert!(foreign(b"M\x61\xDE h\xF4\xCC s\xF5").contains("Windows-1258"));
        // "Đơn vị sơ" in TCVN3: Đ 0xA7, ơ 0xAC, ị 0xDE.
        assert!(foreign(b"\xA7\xACn v\xDE s\xAC").contains("TCVN3"));
        assert!(foreign(b"\x80").contains("an 8-bit code page"));
        let err = without_bom("c.csv", b"\xFF\xFEM\x00").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnsupportedEncoding);
        assert!(err.message().contains("UTF-16"));
        assert_eq!(
            without_bom("d.csv", "\u{feff}Mã".as_bytes()),
            Ok("Mã".as_bytes())
        );
    }
}
