//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and
//! the legacy single-byte encoding of saved web pages (Windows-1252, which covers Latin-1).
//! Anything that looks binary is refused.

/// The encoding a text was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Why bytes are not a text castlist can read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error(
        "looks like a binary file, not text (byte {offset} is 0x{byte:02X}); castlist reads \
         plain text and castlist/1 JSON"
    )]
    Binary { offset: usize, byte: u8 },
    #[error("is not valid UTF-16 (from the byte-order mark): {0}")]
    Utf16(String),
}

/// Decodes a file's bytes. Line endings and all characters are kept; only a byte-order mark is
/// dropped. Valid UTF-8 is taken over without a copy.
pub fn decode(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return decode_8bit(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes).map(|s| (s, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes).map(|s| (s, Encoding::Utf16Be));
    }
    decode_8bit(bytes)
}

/// UTF-8 when valid, otherwise Windows-1252; binary content is refused either way.
fn decode_8bit(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    check_not_binary(&bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, Encoding::Utf8)),
        Err(err) => Ok((
            err.as_bytes().iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        )),
    }
}

/// A text file has no NUL bytes and few control characters other than tab, line feed, carriage
/// return and form feed (and escape sequences, which the reader shows as placeholders).
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::Binary { offset, byte: 0 });
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let mut controls = 0usize;
    let mut first = None;
    for (i, &b) in sample.iter().enumerate() {
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B) {
            controls += 1;
            first.get_or_insert((i, b));
        }
    }
    // More than 1 in 20 bytes a control character: not a text.
    match first {
        Some((offset, byte)) if controls * 20 > sample.len() => {
            Err(DecodeError::Binary { offset, byte })
        }
        _ => Ok(()),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Utf16("odd number of bytes".to_string()));
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|e| DecodeError::Utf16(e.to_string()))?;
    if let Some(offset) = text.find('\0') {
        return Err(DecodeError::Binary { offset, byte: 0 });
    }
    Ok(text)
}

/// Windows-1252 as the WHATWG Encoding Standard defines it (its five unassigned bytes map to
/// the C1 controls of the same value, as in Latin-1).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let (text, enc) = decode("Größe\r\n".into()).unwrap();
        assert_eq!((text.as_str(), enc), ("Größe\r\n", Encoding::Utf8));
        let (text, _) = decode(b"\xEF\xBB\xBFHaftar".to_vec()).unwrap();
        assert_eq!(text, "Haftar");
    }

    #[test]
    fn windows_1252_pages_decode_with_umlauts_and_typographic_quotes() {
        // "Gespräche „Moskau“ – 5 €" as saved by a Windows browser.
        let bytes = b"Gespr\xE4che \x84Moskau\x93 \x96 5 \x80";
        let (text, enc) = decode(bytes.to_vec()).unwrap();
        assert_eq!(text, "Gespräche „Moskau“ – 5 €");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Tür".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(le.clone()).unwrap(),
            ("Tür".to_string(), Encoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Tür".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be).unwrap().0, "Tür");
        assert!(decode(le[..le.len() - 1].to_vec()).is_err());
    }

    #[test]
    fn binary_files_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(
            decode(png.to_vec()),
            Err(DecodeError::Binary { offset: 8, .. })
        ));
        let controls: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(decode(controls).is_err());
        // A stray escape sequence is still a text: the reader shows it as a placeholder.
        assert!(decode(b"Hallo \x1b]0;title\x07 Welt".to_vec()).is_ok());
    }
}
