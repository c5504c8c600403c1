//! The command's JSON-lines reader and line parser on arbitrary bytes: every
//! line is given once, numbered in order, as it is in the input (a BOM at the
//! start skipped); a line is `Text` exactly when it is valid UTF-8 without NUL,
//! never longer than the limit; after `TooLong` nothing more is read; parsing
//! never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polysum::cli::{parse_line, Line, LineReader};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let limit = usize::from(selector) * 4;
    let mut expected: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if bytes.is_empty() || bytes.ends_with(b"\n") {
        expected.pop();
    }
    let mut read = 0;
    let mut stopped = false;
    for item in LineReader::new(bytes, limit) {
        assert!(!stopped, "nothing after TooLong");
        let (number, line) = item.expect("a slice never fails to read");
        read += 1;
        assert_eq!(number, read);
        // The limit counts the BOM; the line does not hold it.
        let raw = expected[number - 1];
        let content = if number == 1 { raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw) } else { raw };
        match line {
            Line::Text(text) => {
                assert!(raw.len() <= limit);
                assert_eq!(text.as_bytes(), content);
                assert!(!content.contains(&0));
                if let Ok((_, cluster)) = parse_line(&text, number) {
                    assert!(cluster.documents.iter().chain(&cluster.seen).all(|d| text.len() >= d.text.len()));
                }
            }
            Line::Invalid(message) => {
                assert!(raw.len() <= limit);
                assert!(content.contains(&0) || std::str::from_utf8(content).is_err(), "{message}");
            }
            Line::TooLong => {
                assert!(raw.len() > limit);
                stopped = true;
            }
        }
    }
    if !stopped {
        assert_eq!(read, expected.len(), "every line read");
    }
    let _ = parse_line(&String::from_utf8_lossy(bytes), 1);
});
