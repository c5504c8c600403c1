//! Sentence starts inside a unit that no full stop marks: the items of inline lists
//! (markers counting up, bullets) and speech broken off with a dash.

use std::ops::Range;

use super::chars::{is_bullet_mark, is_closing_quote, is_space};

/// The markers of inline lists in a unit: runs of at least two markers that count
/// up ("1." "2.", "a)" "b)", "(i)" "(ii)"), each at the start or after a space.
pub(super) fn list_items(s: &str, bullets: &[usize]) -> Vec<Range<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Number,
        Letter,
        Roman,
    }
    // (marker span, kind, value, suffix); a letter such as "i" or "v" is also a roman numeral.
    let mut markers: Vec<(Range<usize>, Kind, u32, &str)> = Vec::new();
    let bytes = s.as_bytes();
    // A marker ends in "." or ")" followed by a space: find those, then look back
    // at the label (at most four letters or digits, after a space or "(").
    for mark in memchr::memchr2_iter(b'.', b')', bytes) {
        let suffix = match (bytes[mark], bytes.get(mark + 1), bytes.get(mark + 2)) {
            (b'.', Some(b')'), Some(b' ')) => ".) ",
            (b'.', Some(b' '), _) => ". ",
            (b')', Some(b' '), _) if mark == 0 || bytes[mark - 1] != b'.' => ") ",
            _ => continue,
        };
        let label_len = bytes[..mark].iter().rev().take(5).take_while(|b| b.is_ascii_alphanumeric()).count();
        if label_len == 0 || label_len > 4 {
            continue;
        }
        let label_start = mark - label_len;
        let bracketed = label_start > 0 && bytes[label_start - 1] == b'(';
        let start = if bracketed { label_start - 1 } else { label_start };
        if (bracketed && suffix != ") ") || (start > 0 && !bytes[start - 1].is_ascii_whitespace()) {
            continue;
        }
        if s[..start].trim_end().ends_with(is_bullet_mark) {
            continue; // "• 9. The first item": the bullet starts the item
        }
        let label = &s[label_start..mark];
        let end = mark + suffix.trim_end().len();
        // "1. Mix" is a list; "for 1. above" points at one.
        let capitalised = s[end..].trim_start().starts_with(char::is_uppercase);
        if (1..=2).contains(&label_len) && label.bytes().all(|b| b.is_ascii_digit()) && capitalised {
            markers.push((start..end, Kind::Number, label.parse().unwrap_or(0), suffix));
        }
        if label_len == 1 && label.bytes().all(|b| b.is_ascii_lowercase()) {
            markers.push((start..end, Kind::Letter, u32::from(label.as_bytes()[0] - b'a') + 1, suffix));
        }
        if let Some(value) = roman_value(label) {
            markers.push((start..end, Kind::Roman, value, suffix));
        }
    }
    let mut items: Vec<Range<usize>> = Vec::new();
    // Bullets inside a unit: each starts an item.
    for &at in bullets {
        if at > 0 && s[..at].ends_with(is_space) {
            let length = s[at..].chars().next().map_or(1, char::len_utf8);
            items.push(at..at + length);
        }
    }
    for (index, (span, kind, value, suffix)) in markers.iter().enumerate() {
        // The same kind of label with the same punctuation, one more or one less.
        let counts_on = |other: &(Range<usize>, Kind, u32, &str), step: i64| {
            other.1 == *kind && other.3 == *suffix && i64::from(other.2) == i64::from(*value) + step && other.0 != *span
        };
        let previous = markers[..index].iter().rev().take(3).any(|m| counts_on(m, -1));
        let next = markers[index + 1..].iter().take(3).any(|m| counts_on(m, 1));
        if (previous || next) && items.last() != Some(span) {
            items.push(span.clone());
        }
    }
    items
}

/// Where a sentence starts after speech broken off with a dash: `"If you please,
/// sir--" The Rabbit started`. Empty ranges: no marker to skip.
pub(super) fn interrupted_speech(s: &str, dashes: &[(usize, usize)]) -> Vec<Range<usize>> {
    let mut starts = Vec::new();
    for &(at, length) in dashes {
        let after_dash = &s[at + length..];
        let closers = after_dash.len() - after_dash.trim_start_matches(is_closing_quote).len();
        let rest = &after_dash[closers..];
        let next = rest.trim_start_matches(is_space);
        if closers > 0 && next.len() < rest.len() && next.starts_with(char::is_uppercase) {
            let start = s.len() - next.len();
            starts.push(start..start);
        }
    }
    starts
}

pub(super) fn roman_value(label: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    NUMERALS.iter().position(|n| *n == label).map(|p| p as u32 + 1)
}
