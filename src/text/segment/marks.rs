//! Quotes, brackets, dashes and bullets: the one-pass scan of a unit for them, and
//! the pairing of quotation marks and brackets into protected passages.

use std::ops::Range;

use super::chars::{
    closing_marks, is_bullet_mark, is_dash, is_opener, is_quote_mark, is_space, lead_byte, may_hold, BULLETS, CHUNK,
    DASHES, QUOTATION_PAIRS,
};

/// Bytes `scan_marks` looks at: the first byte of every quotation mark, bracket,
/// dash and bullet.
const MARK_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < QUOTATION_PAIRS.len() {
        table[lead_byte(QUOTATION_PAIRS[i].0) as usize] = true;
        let mut j = 0;
        while j < QUOTATION_PAIRS[i].1.len() {
            table[lead_byte(QUOTATION_PAIRS[i].1[j]) as usize] = true;
            j += 1;
        }
        i += 1;
    }
    let mut i = 0;
    while i < DASHES.len() {
        table[lead_byte(DASHES[i]) as usize] = true;
        i += 1;
    }
    let mut i = 0;
    while i < BULLETS.len() {
        table[lead_byte(BULLETS[i]) as usize] = true;
        i += 1;
    }
    table
};

/// The ASCII bytes of [`MARK_BYTES`] (a test checks the two agree): a run of
/// eight bytes without them and without non-ASCII bytes holds no mark.
const ASCII_MARK_BYTES: &[u8] = b"\"'()-[]";

/// Byte ranges of the quotations and bracketed passages of a unit whose closing
/// mark is in the unit: from just after the opening mark to just before the
/// closing one. Quotations do not nest here; an opening mark without its closing
/// mark protects nothing.
pub(super) fn quotations(s: &str, marks: &[(usize, char)]) -> Vec<Range<usize>> {
    // Pairing is linear: a search for the closing mark of one kind that fails
    // once fails for every later opening mark of that kind, so it is not repeated
    // (hostile text of a million "(" stays linear).
    let mut spans = Vec::new();
    let mut failed_from: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        let (position, open) = marks[i];
        i += 1;
        if !opens_quotation(s, position, open) {
            continue;
        }
        if failed_from.iter().any(|&(kind, from)| kind == open && from <= i) {
            continue;
        }
        let closing = marks[i..].iter().position(|&(at, c)| closes_quotation(s, at, c, open));
        match closing {
            Some(offset) => {
                spans.push(position + open.len_utf8()..marks[i + offset].0);
                i += offset + 1;
            }
            None => failed_from.push((open, i)),
        }
    }
    spans
}

/// The marks the rules of a unit look at, found in one pass over its bytes.
pub(super) struct Marks {
    /// Quotation marks and brackets, with their positions.
    pub(super) quotes: Vec<(usize, char)>,
    /// Positions of bullets ("•", "⁃", ...).
    pub(super) bullets: Vec<usize>,
    /// Dashes ("--", "—", "–"): position and length.
    pub(super) dashes: Vec<(usize, usize)>,
}

pub(super) fn scan_marks(s: &str) -> Marks {
    let bytes = s.as_bytes();
    let mut marks = Marks { quotes: Vec::new(), bullets: Vec::new(), dashes: Vec::new() };
    let mut i = 0;
    while i < bytes.len() {
        // Most of a unit is letters and spaces: skipped a chunk at a time.
        while let Some(chunk) = bytes.get(i..i + CHUNK) {
            if may_hold(chunk.try_into().expect("a chunk"), ASCII_MARK_BYTES) {
                break;
            }
            i += CHUNK;
        }
        // Then byte by byte to the mark, or past the chunk that held none.
        let chunk_end = bytes.len().min(i + CHUNK);
        while i < chunk_end && !MARK_BYTES[usize::from(bytes[i])] {
            i += 1;
        }
        if i == chunk_end {
            continue;
        }
        match bytes[i] {
            // A hyphen is a dash only doubled: "sir--".
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                marks.dashes.push((i, 2));
                i += 2;
                continue;
            }
            b'-' => {}
            _ => {
                let c = s[i..].chars().next().expect("a mark byte starts a char");
                if is_quote_mark(c) {
                    marks.quotes.push((i, c));
                } else if is_dash(c) {
                    marks.dashes.push((i, c.len_utf8()));
                } else if is_bullet_mark(c) {
                    marks.bullets.push(i);
                }
                i += c.len_utf8();
                continue;
            }
        }
        i += 1;
    }
    marks
}

pub(super) fn opens_quotation(s: &str, at: usize, c: char) -> bool {
    match c {
        // Straight quotes open where a word starts after them and none ends before.
        '"' | '\'' => {
            let before = s[..at].chars().next_back();
            let after = s[at + c.len_utf8()..].chars().next();
            before.is_none_or(|b| is_space(b) || is_opener(b) || is_dash(b))
                && after.is_some_and(|a| a.is_alphanumeric() || is_opener(a) || a == '_')
        }
        _ => closing_marks(c).is_some(),
    }
}

/// Whether the mark `c` at `at` closes a quotation opened by `open`.
pub(super) fn closes_quotation(s: &str, at: usize, c: char, open: char) -> bool {
    let closes = closing_marks(open).is_some_and(|closes| closes.contains(&c));
    // A right single quote or apostrophe before a letter is an apostrophe.
    closes && !(matches!(c, '’' | '\'') && s[at + c.len_utf8()..].starts_with(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_mark_bytes_are_those_of_the_table() {
        let ascii: Vec<u8> = (0..0x80u8).filter(|&b| MARK_BYTES[usize::from(b)]).collect();
        let mut listed = ASCII_MARK_BYTES.to_vec();
        listed.sort_unstable();
        assert_eq!(ascii, listed);
    }

    #[test]
    fn marks_are_found_wherever_they_fall_in_a_run_of_eight() {
        for at in 0..20 {
            let text = format!("{}\u{201c}x\u{201d} (a) -- b \u{2022}", "w".repeat(at));
            let marks = scan_marks(&text);
            assert_eq!(marks.quotes.iter().map(|q| q.1).collect::<String>(), "\u{201c}\u{201d}()");
            assert_eq!(marks.quotes[0].0, at);
            assert_eq!(marks.dashes, [(at + 12, 2)]);
            assert_eq!(marks.bullets, [at + 17]);
        }
    }
}
