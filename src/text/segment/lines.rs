//! The first pass: the text's line structure cut into units that sentences never
//! cross (paragraphs, and lines that do not run on into the next).

use std::ops::Range;

use super::chars::{ends_terminal, is_opener, is_space};

/// Trimmed, non-empty lines of `text`, grouped into paragraphs (runs of lines
/// without a blank line between them).
pub(super) fn paragraphs(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut push_line = |start: usize, end: usize, current: &mut Vec<Range<usize>>| {
        let line = &text[start..end];
        let trimmed = line.trim_matches(is_space);
        if trimmed.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(current));
            }
        } else {
            let offset = start + (line.len() - line.trim_start_matches(is_space).len());
            current.push(offset..offset + trimmed.len());
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next byte that can break a line.
        match memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..]) {
            Some(offset) => i += offset,
            None => break,
        }
        match bytes[i] {
            b'\n' => {
                push_line(line_start, i, &mut current);
                line_start = i + 1;
            }
            b'\r' => {
                push_line(line_start, i, &mut current);
                line_start = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                i = line_start;
                continue;
            }
            // U+2029 PARAGRAPH SEPARATOR (E2 80 A9) and U+2028 LINE SEPARATOR (E2 80 A8).
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                push_line(line_start, i, &mut current);
                if bytes[i + 2] == 0xA9 {
                    push_line(i, i, &mut current);
                }
                line_start = i + 3;
                i = line_start;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push_line(line_start, bytes.len(), &mut current);
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Cuts the text into units that sentences never cross.
pub(super) fn units(text: &str) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    for lines in paragraphs(text) {
        // A line runs on into the next when the next opens in lower case (unless
        // both are short, as in a menu or a list of keywords) or with a bracket
        // that is not a list marker and goes on to end the sentence: "up to 400
        // yd\n(365.8 m)."
        let continues = |i: usize| {
            let line = &text[lines[i].clone()];
            let next = &text[lines[i + 1].clone()];
            // Short: under three words since the line's last full stop.
            let short = |l: &str| {
                let tail = l.rsplit(['.', '!', '?']).next().unwrap_or(l);
                tail.split_whitespace().count() < 3 && !l.ends_with([',', '-', ';'])
            };
            let lower = starts_lower_case(next) && !(short(line) && short(next));
            let bracket = next.starts_with('(') && !ends_terminal(line) && ends_terminal(next);
            (lower || bracket) && !starts_list_item(next)
        };
        // A paragraph of three or more lines, most of them long, in which some line runs on into
        // a lower-case next line is hard-wrapped prose: its line breaks are spaces.
        let mut lengths: Vec<usize> = lines.iter().map(|l| l.len()).collect();
        lengths.sort_unstable();
        let hard_wrapped = lines.len() >= 3
            && lengths[lengths.len() / 2] >= 30
            && (0..lines.len() - 1).any(|i| continues(i) && !ends_terminal(&text[lines[i].clone()]));
        let mut unit_start = lines[0].start;
        for i in 0..lines.len() {
            let joins_next = i + 1 < lines.len()
                && (continues(i) || (hard_wrapped && !starts_list_item(&text[lines[i + 1].clone()])));
            if !joins_next {
                units.push(unit_start..lines[i].end);
                if i + 1 < lines.len() {
                    unit_start = lines[i + 1].start;
                }
            }
        }
    }
    units
}

/// Whether a line opens with a list marker: "a) ", "(ii) ", "3. ", "b.) ".
pub(super) fn starts_list_item(line: &str) -> bool {
    let rest = line.strip_prefix('(').unwrap_or(line);
    let label = rest.chars().take_while(|c| c.is_alphanumeric()).count();
    let label_text = &rest[..rest.char_indices().nth(label).map_or(rest.len(), |(i, _)| i)];
    let numbered = (1..=3).contains(&label) && label_text.bytes().all(|b| b.is_ascii_digit());
    let lettered = label == 1 && label_text.chars().all(char::is_lowercase);
    let roman = (1..=4).contains(&label) && label_text.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let marker = &rest[label_text.len()..];
    (numbered || lettered || roman) && [". ", ") ", ".) "].iter().any(|m| marker.starts_with(m))
}

pub(super) fn starts_lower_case(line: &str) -> bool {
    line.trim_start_matches(is_opener).chars().next().is_some_and(char::is_lowercase)
}
