//! `Summary::from_json` on arbitrary bytes: an error or a summary whose every
//! sentence's offsets cover its text, never a panic; and what it accepts
//! round-trips through `serde_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polysum::Summary;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    if let Ok(summary) = Summary::from_json(json) {
        for s in &summary.sentences {
            assert_eq!(s.end - s.start, s.text.chars().count());
            assert_eq!(s.byte_end - s.byte_start, s.text.len());
        }
        let again = serde_json::to_string(&summary).expect("a summary serialises");
        assert_eq!(Summary::from_json(&again).expect("what it wrote it reads"), summary);
    }
});
