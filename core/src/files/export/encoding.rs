//! Text files that are not UTF-8: found before parsing, refused with where
//! the first foreign byte is and which legacy encoding it looks like.
//!
//! Vietnamese CSV files still come out of older tools in Windows-1258 (base
//! letters with combining tone marks, bytes 0xCC 0xD2 0xDE 0xEC 0xF2 after
//! a vowel) or TCVN3/ABC (precomposed letters from 0xA1 up, the Windows
//! code page's symbols, never seen in Vietnamese text), and Excel's
//! "Unicode text" is UTF-16. Decoding by a guess could read one for the
//! other and garble every name, so the file is refused and the message
//! says to save it as "CSV UTF-8".

use crate::error::{Error, ErrorKind, Result};

/// The text of `bytes` without a UTF-8 byte-order mark, or an
/// [`ErrorKind::UnsupportedEncoding`] error in `file` at the row and column
/// of the first byte that is not UTF-8.
pub(super) fn utf8<'a>(file: &str, bytes: &'a [u8], delimiter: u8) -> Result<&'a str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::new(
            ErrorKind::UnsupportedEncoding,
            "the file is UTF-16 (Excel's \"Unicode text\"), not UTF-8: save it as \"CSV UTF-8\"",
        )
        .in_file(file, None, None));
    }
    let bad = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.valid_up_to(),
    };
    // Valid up to the first foreign byte: its row and column from there.
    let before = std::str::from_utf8(&bytes[..bad]).unwrap_or_default();
    let row = before.matches('\n').count() as u64 + 1;
    let line = before.rsplit('\n').next().unwrap_or_default();
    let index = line.bytes().filter(|&b| b == delimiter).count();
    let header = (row > 1)
        .then(|| before.lines().next())
        .flatten()
        .and_then(|h| h.split(delimiter as char).nth(index))
        .map(|h| h.trim().trim_matches('"').to_owned());
    Err(Error::new(
        ErrorKind::UnsupportedEncoding,
        format!(
            "byte 0x{:02X} is not UTF-8: the file looks like {}; save it as \"CSV UTF-8\"",
            bytes[bad],
            legacy(bytes)
        ),
    )
    .in_file(file, Some(row), header.as_deref()))
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
    fn legacy_vietnamese_is_found_and_named() {
        // "Mã hồ sơ" in Windows-1258: a + combining tilde, ô + combining grave, ơ.
        let w1258 = b"M\x61\xDE h\xF4\xCC s\xF5,Tr\x61\xDEng\n";
        let err = utf8("a.csv", w1258, b',').unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnsupportedEncoding);
        assert!(err.message().contains("Windows-1258"), "{err}");
        assert_eq!(
            (err.file(), err.row(), err.column()),
            (Some("a.csv"), Some(1), None)
        );
        // "Mã hồ sơ" in TCVN3: ã 0xB7, ồ 0xE5, ơ 0xAC; "Đơn vị": Đ 0xA7, ơ 0xAC.
        let tcvn3 = b"code,unit\nH21-1,\xA7\xACn v\xDE s\xAC\n";
        let err = utf8("b.csv", tcvn3, b',').unwrap_err();
        assert!(err.message().contains("TCVN3"), "{err}");
        assert_eq!((err.row(), err.column()), (Some(2), Some("unit")));
        let utf16 = b"\xFF\xFEM\x00";
        assert!(utf8("c.csv", utf16, b',')
            .unwrap_err()
            .message()
            .contains("UTF-16"));
        assert_eq!(
            utf8("d.csv", "\u{feff}Mã hồ sơ".as_bytes(), b','),
            Ok("Mã hồ sơ")
        );
    }
}
