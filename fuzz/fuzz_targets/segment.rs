//! Segmentation of arbitrary text in every language: spans in bounds, on
//! character boundaries, in order, with only whitespace between them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polysum::{segment, Language};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(bytes);
    let language = Language::ALL[selector as usize % Language::ALL.len()];
    let mut covered = 0;
    for s in segment(&text, language) {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(covered <= s.start);
        assert!(text[covered..s.start].chars().all(|c| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)));
        covered = s.end;
    }
});
