//! Sentence segmentation: byte spans into the original text, never a rewritten copy.
//!
//! Two passes. The first cuts the text into *units* by its line structure: a blank
//! line always ends a unit, and so does a single line break unless the next line
//! plainly continues the sentence (it starts in lower case, or the paragraph is
//! hard-wrapped). A line without final punctuation therefore stays its own unit: a
//! heading, byline or dateline is never glued onto the sentence after it. The second
//! pass splits each unit at terminal punctuation, deciding each full stop by the word
//! before it (abbreviations, initials, ordinals, list numbers) and the word after it
//! (lower case continues the sentence; after an ambiguous abbreviation only a common
//! sentence opener starts a new one).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::language::Language;
use super::rules::SegmentRules;

/// One sentence (or heading) found in a text: `text[start..end]` is its text,
/// without surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Segment {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Whether the segment ends with terminal punctuation. A segment that does not
    /// is a heading, a byline, a list item or a fragment.
    pub terminated: bool,
}

impl Segment {
    /// The segment's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Splits `text` into sentences, returning their byte spans in order.
///
/// The spans never overlap, are in text order, start and end on character
/// boundaries, and between them lies only whitespace.
///
/// ```
/// use polysum::{segment, Language};
/// let text = "Mr. Smith paid $3.5bn for it. Sales rose.\n\nMarkets\nShares fell 3.2%.";
/// let sentences: Vec<&str> = segment(text, Language::English)
///     .iter()
///     .map(|s| &text[s.range()])
///     .collect();
/// assert_eq!(sentences, ["Mr. Smith paid $3.5bn for it.", "Sales rose.", "Markets", "Shares fell 3.2%."]);
/// ```
pub fn segment(text: &str, language: Language) -> Vec<Segment> {
    segment_with(text, SegmentRules::of(language))
}

/// [`segment`] for a language given by name (English name or ISO 639-1 code),
/// which need not be one polysum analyses: Armenian, Bulgarian, Slovak, Polish,
/// Kazakh, Chinese and Japanese have rules of their own, and any other name gets
/// the language-neutral rules rather than an error.
///
/// ```
/// use polysum::segment_by_name;
/// let text = "Բարև Ձեզ: Ինչպե՞ս եք:";
/// assert_eq!(segment_by_name(text, "hy").len(), 2);
/// assert_eq!(segment_by_name("One. Two.", "no-such-language").len(), 2);
/// ```
pub fn segment_by_name(text: &str, language: &str) -> Vec<Segment> {
    segment_with(text, SegmentRules::named(language))
}

fn segment_with(text: &str, rules: &SegmentRules) -> Vec<Segment> {
    let mut segments = Vec::new();
    for unit in units(text) {
        split_unit(text, unit, rules, &mut segments);
    }
    segments
}

/// Trimmed, non-empty lines of `text`, grouped into paragraphs (runs of lines
/// without a blank line between them).
fn paragraphs(text: &str) -> Vec<Vec<Range<usize>>> {
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
fn units(text: &str) -> Vec<Range<usize>> {
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

/// Whitespace as both Rust (Unicode White_Space) and Python (`str.isspace`, which
/// adds the information separators U+001C..U+001F) see it, so that spans tile the
/// text the same way from either language.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_terminal(c: char, rules: &SegmentRules) -> bool {
    match c {
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡' | '．' | '।' | '॥' | '؟' | '۔'
        | '።' | '፧' | '፨' | '։' | '။' | '׃' => true,
        ';' => rules.punctuation.semicolon_is_question,
        ':' => rules.punctuation.colon_is_full_stop,
        '،' => rules.punctuation.arabic_comma_is_full_stop,
        _ => false,
    }
}

/// Terminators of scripts written without spaces between sentences.
fn ends_without_space(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．' | '።' | '፧' | '፨' | '။')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '〕' | '】' | '》' | '〉'
    )
}

/// Opening quotes, brackets and marks that may precede a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '「' | '『' | '（' | '`')
}

fn ends_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।' | '۔' | '።'))
}

/// Whether a line opens with a list marker: "a) ", "(ii) ", "3. ", "b.) ".
fn starts_list_item(line: &str) -> bool {
    let rest = line.strip_prefix('(').unwrap_or(line);
    let label = rest.chars().take_while(|c| c.is_alphanumeric()).count();
    let label_text = &rest[..rest.char_indices().nth(label).map_or(rest.len(), |(i, _)| i)];
    let numbered = (1..=3).contains(&label) && label_text.bytes().all(|b| b.is_ascii_digit());
    let lettered = label == 1 && label_text.chars().all(char::is_lowercase);
    let roman = (1..=4).contains(&label) && label_text.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let marker = &rest[label_text.len()..];
    (numbered || lettered || roman) && [". ", ") ", ".) "].iter().any(|m| marker.starts_with(m))
}

fn starts_lower_case(line: &str) -> bool {
    line.trim_start_matches(is_opener).chars().next().is_some_and(char::is_lowercase)
}

/// Bytes that may begin a sentence-ending mark: the ASCII terminators (';' and
/// ':' end sentences in some languages) and every non-ASCII lead byte.
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || matches!(b as u8, b'.' | b'!' | b'?' | b';' | b':');
        b += 1;
    }
    table
};

/// Bytes `scan_marks` looks at: quotes, brackets, '-' and the lead bytes of the
/// non-ASCII marks.
const MARK_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'-' | 0xC2 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};

/// Splits one unit at its sentence boundaries.
fn split_unit(text: &str, unit: Range<usize>, rules: &SegmentRules, out: &mut Vec<Segment>) {
    let base = unit.start;
    let s = &text[unit];
    let marks = scan_marks(s);
    let quotations = quotations(s, &marks.quotes);
    let mut starts = list_items(s, &marks.bullets);
    starts.extend(interrupted_speech(s, &marks.dashes));
    starts.sort_by_key(|start| start.start);
    let mut items = starts.into_iter().peekable();
    let mut sentence_start = 0;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        // An item of an inline list ("a) milk b) eggs", "1. Mix 2. Bake", "• milk •
        // eggs") starts a sentence of its own, and the full stop of its marker ends
        // nothing; so does the sentence after speech broken off ("sir--" The).
        if let Some(item) = items.next_if(|item| item.start <= i) {
            if item.start < sentence_start {
                continue; // already past it: a sentence ended there
            }
            let before = s[sentence_start..item.start].trim_end_matches(is_space);
            if !before.is_empty() {
                out.push(Segment {
                    start: base + sentence_start,
                    end: base + sentence_start + before.len(),
                    terminated: ends_terminal(before),
                });
            }
            sentence_start = item.start;
            i = item.end;
            continue;
        }
        // Most bytes are ASCII that cannot end a sentence: skip them undecoded, up
        // to the next list item.
        let limit = items.peek().map_or(s.len(), |item| item.start.clamp(i, s.len()));
        if !MAY_END[usize::from(bytes[i])] {
            i += 1;
            while i < limit && !MAY_END[usize::from(bytes[i])] {
                i += 1;
            }
            continue;
        }
        let c = s[i..].chars().next().expect("i is on a char boundary inside s");
        if !is_terminal(c, rules) {
            i += c.len_utf8();
            continue;
        }
        let run_start = i;
        let mut run_end = i;
        while let Some(d) = s[run_end..].chars().next().filter(|d| is_terminal(*d, rules)) {
            run_end += d.len_utf8();
        }
        // A spaced ellipsis ". . ." is one mark when it stands apart from the word
        // before ("is . . . I") or closes the unit ("ended. . . ."); a full stop
        // followed by one opening the next sentence ("compounds. . . . The")
        // stays a full stop.
        let spaced_before = s[..run_start].ends_with(is_space);
        let mut spaced_end = run_end;
        while s[run_start..spaced_end].bytes().all(|b| b == b'.' || b == b' ')
            && s[spaced_end..].starts_with(" .")
            && !s[spaced_end + 2..].starts_with('.')
        {
            spaced_end += 2;
        }
        if spaced_end > run_end && (spaced_before || s[spaced_end..].trim_start_matches(is_closer).trim().is_empty()) {
            run_end = spaced_end;
        }
        // Three spaced dots after a space mark an omission; a fourth is a full stop.
        let mid_sentence_ellipsis =
            spaced_before && s[run_start..run_end].contains(' ') && s[run_start..run_end].matches('.').count() == 3;
        let mut end = run_end;
        while let Some(d) = s[end..].chars().next().filter(|d| is_closer(*d)) {
            end += d.len_utf8();
        }
        end = after_references(s, run_start, end);
        // Inside a quotation or brackets closed later in the unit no sentence ends:
        // "Dear! How queer!" she said. A terminator right before the closing mark
        // has taken the mark into `end`, so it is decided below as usual.
        let quoted = quotations.iter().any(|q| q.start <= run_start && end <= q.end);
        // "[...]" and "(...)" mark an omission, not an end.
        let omission = s[..run_start].ends_with(['[', '(']) && s[run_end..].starts_with([']', ')']);
        // A mark opening the sentence ends nothing (". . . The practice was").
        let opens = s[sentence_start..run_start].trim().is_empty();
        if !quoted
            && !omission
            && !opens
            && !mid_sentence_ellipsis
            && is_boundary(s, sentence_start, run_start..run_end, end, rules)
        {
            let next = end + (s[end..].len() - s[end..].trim_start_matches(is_space).len());
            out.push(Segment { start: base + sentence_start, end: base + end, terminated: true });
            sentence_start = next;
        }
        i = end.max(run_end);
    }
    let rest = s[sentence_start..].trim_end_matches(is_space);
    if !rest.is_empty() {
        out.push(Segment {
            start: base + sentence_start,
            end: base + sentence_start + rest.len(),
            terminated: ends_terminal(rest),
        });
    }
}

/// The markers of inline lists in a unit: runs of at least two markers that count
/// up ("1." "2.", "a)" "b)", "(i)" "(ii)"), each at the start or after a space.
fn list_items(s: &str, bullets: &[usize]) -> Vec<Range<usize>> {
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
fn interrupted_speech(s: &str, dashes: &[(usize, usize)]) -> Vec<Range<usize>> {
    let mut starts = Vec::new();
    for &(at, length) in dashes {
        let after_dash = &s[at + length..];
        let closers = after_dash.len() - after_dash.trim_start_matches(['"', '”', '\'', '’']).len();
        let rest = &after_dash[closers..];
        let next = rest.trim_start_matches(is_space);
        if closers > 0 && next.len() < rest.len() && next.starts_with(char::is_uppercase) {
            let start = s.len() - next.len();
            starts.push(start..start);
        }
    }
    starts
}

fn roman_value(label: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    NUMERALS.iter().position(|n| *n == label).map(|p| p as u32 + 1)
}

/// Extends a sentence end over reference marks written right after the full stop:
/// "martyr.[1]", "consultation.11 12", "(type 2).10". Digits count only after a
/// letter or bracket (after a digit they are a decimal) and only when a
/// capitalised word follows them.
fn after_references(s: &str, run_start: usize, mut end: usize) -> usize {
    while let Some(rest) = s[end..].strip_prefix('[') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(']') {
            break;
        }
        end += digits + 2;
    }
    let before = s[..run_start].chars().next_back();
    if !s[run_start..end].starts_with('.') || !before.is_some_and(|c| c.is_alphabetic() || c == ')') {
        return end;
    }
    let mut candidate = end;
    loop {
        let digits = s[candidate..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            break;
        }
        candidate += digits;
        // Several references are separated by single spaces: "11 12".
        let spaced = s[candidate..].strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if !spaced {
            break;
        }
        candidate += 1;
    }
    let next = s[candidate..].trim_start_matches(is_space);
    let capital_follows = next.len() < s[candidate..].len() && next.starts_with(char::is_uppercase);
    if candidate > end && capital_follows {
        candidate
    } else {
        end
    }
}

/// Byte ranges of the quotations and bracketed passages of a unit whose closing
/// mark is in the unit: from just after the opening mark to just before the
/// closing one. Quotations do not nest here; an opening mark without its closing
/// mark protects nothing.
fn quotations(s: &str, marks: &[(usize, char)]) -> Vec<Range<usize>> {
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
struct Marks {
    /// Quotation marks and brackets, with their positions.
    quotes: Vec<(usize, char)>,
    /// Positions of bullets ("•", "⁃", ...).
    bullets: Vec<usize>,
    /// Dashes ("--", "—", "–"): position and length.
    dashes: Vec<(usize, usize)>,
}

fn scan_marks(s: &str) -> Marks {
    let bytes = s.as_bytes();
    let mut marks = Marks { quotes: Vec::new(), bullets: Vec::new(), dashes: Vec::new() };
    let mut i = 0;
    while i < bytes.len() {
        if !MARK_BYTES[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b @ (b'"' | b'\'' | b'(' | b')' | b'[' | b']') => marks.quotes.push((i, b as char)),
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                marks.dashes.push((i, 2));
                i += 2;
                continue;
            }
            // The lead bytes of the non-ASCII marks: « » (C2), quotes, dashes and
            // bullets (E2), CJK brackets (E3).
            0xC2 | 0xE2 | 0xE3 => {
                let c = s[i..].chars().next().expect("a lead byte starts a char");
                if is_quote_mark(c) {
                    marks.quotes.push((i, c));
                } else if matches!(c, '—' | '–') {
                    marks.dashes.push((i, c.len_utf8()));
                } else if is_bullet_mark(c) {
                    marks.bullets.push(i);
                }
                i += c.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    marks
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '('
            | ')'
            | '['
            | ']'
    )
}

fn opens_quotation(s: &str, at: usize, c: char) -> bool {
    match c {
        '“' | '„' | '‘' | '«' | '»' | '‹' | '「' | '『' | '《' | '〈' | '(' | '[' => true,
        // Straight quotes open where a word starts after them and none ends before.
        '"' | '\'' => {
            let before = s[..at].chars().next_back();
            let after = s[at + c.len_utf8()..].chars().next();
            before.is_none_or(|b| is_space(b) || is_opener(b) || b == '-' || b == '—')
                && after.is_some_and(|a| a.is_alphanumeric() || is_opener(a) || a == '_')
        }
        _ => false,
    }
}

/// Whether the mark `c` at `at` closes a quotation opened by `open`.
fn closes_quotation(s: &str, at: usize, c: char, open: char) -> bool {
    let closes = match open {
        '“' => c == '”',
        '„' => matches!(c, '“' | '”'),
        '‘' => c == '’',
        '«' => c == '»',
        '»' => c == '«',
        '‹' => c == '›',
        '「' => c == '」',
        '『' => c == '』',
        '《' => c == '》',
        '〈' => c == '〉',
        '(' => c == ')',
        '[' => c == ']',
        '"' => c == '"',
        _ => c == '\'',
    };
    // A right single quote or apostrophe before a letter is an apostrophe.
    closes && !(matches!(c, '’' | '\'') && s[at + c.len_utf8()..].starts_with(char::is_alphanumeric))
}

/// Decides whether the terminal punctuation `run` (closers included up to `end`)
/// ends the sentence that began at `sentence_start`.
fn is_boundary(s: &str, sentence_start: usize, run: Range<usize>, end: usize, rules: &SegmentRules) -> bool {
    let punctuation = &s[run.clone()];
    if punctuation.chars().any(ends_without_space) {
        return true;
    }
    let after = &s[end..];
    let next_text = after.trim_start_matches(is_space);
    if next_text.is_empty() {
        return true;
    }
    if next_text.len() == after.len() {
        // No space after the mark: "3.14", "U.S.", "example.com", "Yahoo!Inc" go
        // on; only "world.Today" (a lower-case word, then a capitalised one) is two
        // sentences run together.
        return end == run.end && run.len() == 1 && glued(&s[sentence_start..], run.start - sentence_start, after);
    }
    let next_word_text = next_text.trim_start_matches(is_opener);
    let Some(next_char) = next_word_text.chars().next() else {
        return true;
    };
    if next_text.starts_with('(') {
        // A bracketed aside opening with a relative word comments on the sentence
        // before and belongs to it: "It was empty!' (Which was very likely true.)"
        if rules.abbreviations.relatives.contains(&first_word_lowercase(next_word_text)) {
            return false;
        }
    }
    // Lower case, a dash, a comma or a number sign after the mark continue the
    // sentence: "Yahoo! reported", "voila! -- you have", "? – спросила", "жыл. №590".
    if next_char.is_lowercase() && !(end == run.end && lower_case_opens(s, sentence_start, run.clone(), rules)) {
        return false;
    }
    if matches!(next_char, ',' | ';' | '№' | '%' | ')' | ']') {
        return false;
    }
    if is_dash(next_char) {
        // After a dash a lower-case word goes on ("voila! -- you have"); before a
        // capitalised one ("What do you see? - Posted like sentinels") the usual
        // rules decide.
        let word_after_dash = next_word_text.trim_start_matches(|c: char| is_dash(c) || is_space(c));
        if !word_after_dash.starts_with(char::is_uppercase) {
            return false;
        }
    }
    if punctuation == "،" {
        // A comma between single words lists them: "الدم، والقلب، زرعها".
        let next_word = next_word_text.split(is_space).next().unwrap_or("");
        return !next_word.ends_with('،');
    }
    if punctuation != "." {
        return true;
    }
    let word = word_before(&s[sentence_start..], run.start - sentence_start);
    if word.is_empty() {
        return true;
    }
    let lower = abbreviation_key(word);
    let abbreviations = &rules.abbreviations;
    if abbreviations.title.contains(&lower) {
        return false;
    }
    let single_letter = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    // Spaced abbreviations and initials: "z. B.", "u. Ä.", "s. r. o.", "А. И. Семенов".
    let next_word = next_word_text.split(is_space).next().unwrap_or("");
    if single_letter(word) && next_word.strip_suffix('.').is_some_and(single_letter) {
        return false;
    }
    let starts_sentence = || abbreviations.starters.contains(&first_word_lowercase(next_word_text));
    let roman = word.len() <= 6 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    if word.bytes().all(|b| b.is_ascii_digit()) || (roman && rules.punctuation.ordinal_full_stop) {
        // "1." opening a line is a list number; elsewhere a number ends a sentence,
        // except in languages that write ordinals with a full stop ("am 3. Oktober",
        // "XII. pluk").
        let opens_unit = s[sentence_start..run.start].trim_start_matches(is_bullet).trim_matches(is_space) == word;
        return !opens_unit && (!rules.punctuation.ordinal_full_stop || starts_sentence());
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // A letter opening the sentence is a label: "Q. What is it? A. A pen.", "d. Log".
    let opens_sentence =
        s[sentence_start..run.start].trim_start_matches(is_bullet).trim_start_matches(is_opener) == word;
    if opens_sentence && (single_letter(word) || roman_value(&lower).is_some()) {
        return false;
    }
    // Times: "at 6 p.m. Travelers waited" ends there, "at 6 p.m. Tuesday" does not.
    if lower == "a.m" || lower == "p.m" {
        let next_word: String = next_word_text.chars().take_while(|c| c.is_alphabetic()).collect();
        let all_caps = next_word.chars().count() >= 2 && next_word.chars().all(char::is_uppercase);
        let continues_time = all_caps || TIME_FOLLOWERS.contains(&next_word.to_lowercase().as_str());
        return !next_char.is_numeric() && !continues_time;
    }
    // "U.S.", "e.g.", "D.C." (but not "351.123.465.4" or "120.5°C").
    let dotted = lower.contains('.')
        && lower.split('.').all(|part| part.chars().count() <= 3 && part.chars().all(char::is_alphabetic));
    if abbreviations.general.contains(&lower) || initial || dotted {
        return !next_char.is_numeric() && starts_sentence();
    }
    true
}

/// How the word before a full stop is looked up in the abbreviation lists:
/// lower-cased, and a number glued to a unit read by the unit ("६५०कि.मी.", "5km.").
fn abbreviation_key(word: &str) -> String {
    let unit = word.trim_start_matches(char::is_numeric);
    if unit.starts_with(char::is_alphabetic) { unit } else { word }.to_lowercase()
}

/// The letters and digits `text` opens with, lower-cased.
fn first_word_lowercase(text: &str) -> String {
    text.chars().take_while(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a lower-case word after the bare mark `run` opens a new sentence, as
/// it does after a question mark ("кім? не?"), after a full stop that follows a
/// word no one abbreviates ("Δε δούλευε κανένας. το"), and before a lower-case
/// label closing a unit of scraped text ("in the city. features").
fn lower_case_opens(s: &str, sentence_start: usize, run: Range<usize>, rules: &SegmentRules) -> bool {
    match &s[run.clone()] {
        "?" => true,
        "." => {
            let word = word_before(&s[sentence_start..], run.start - sentence_start);
            let lower = abbreviation_key(word);
            let abbreviations = &rules.abbreviations;
            if word.contains('.') || abbreviations.title.contains(&lower) || abbreviations.general.contains(&lower) {
                return false;
            }
            if rules.function_words.contains(&lower) {
                return true;
            }
            // The label: at most three words and no terminator up to the end of
            // the unit, after a lower-case word of four letters or more.
            let plain_word = word.chars().count() >= 4 && word.chars().all(char::is_lowercase);
            let rest = s[run.end..].trim_matches(is_space);
            plain_word && rest.split(is_space).count() <= 3 && !rest.chars().any(|c| is_terminal(c, rules))
        }
        _ => false,
    }
}

/// Capitalised words that follow a time inside a sentence ("5 p.m. Monday",
/// "8 a.m. Eastern").
const TIME_FOLLOWERS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "eastern",
    "pacific",
    "central",
    "mountain",
    "local",
    "gmt",
    "utc",
];

/// Whether a full stop, question or exclamation mark at `at` with `after` right
/// behind it (no space) joins two sentences: a lower-case word or a number before
/// it, a capitalised word after ("Tuesday.Mr.", "1,000.That").
fn glued(s: &str, at: usize, after: &str) -> bool {
    let token_after = after.split(is_space).next().unwrap_or("");
    let token_before = s[..at].rsplit(is_space).next().unwrap_or("");
    if [token_before, token_after].iter().any(|t| t.contains(['@', '/'])) {
        return false; // "Jane.Doe@example.com", "site.Com/Page"
    }
    let word = word_before(s, at);
    let lower_word = word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && word.chars().next_back().is_some_and(char::is_lowercase);
    // Three characters at least: "1.Helado, 2.Carne" is a list.
    let number = word.len() >= 3 && word.chars().all(|c| c.is_ascii_digit() || c == ',');
    let next_word = after.split(is_space).next().unwrap_or("");
    let mut next = next_word.chars();
    let capitalised = next.next().is_some_and(char::is_uppercase) && next.next().is_none_or(char::is_lowercase);
    let roman = next_word.len() >= 2 && next_word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    (lower_word || number) && (capitalised || (lower_word && roman))
}

/// Bullets that start list items inside a line.
fn is_bullet_mark(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '◦' | '‣')
}

/// What may precede a list number at the start of a line: bullets, the marks
/// used as bullets, spaces.
fn is_bullet(c: char) -> bool {
    is_bullet_mark(c) || matches!(c, '·' | '*' | '-' | '–') || is_space(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// The word that ends just before byte `at`, without surrounding quotes or brackets.
/// An elided article before it is dropped: "l'Ing." gives "Ing".
fn word_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    let start = head.rfind(is_space).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    let word = head[start..]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    match word.find(['\'', '’']) {
        Some(apostrophe) if (1..=2).contains(&word[..apostrophe].chars().count()) => {
            let mark = word[apostrophe..].chars().next().map_or(1, char::len_utf8);
            &word[apostrophe + mark..]
        }
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_in(text, Language::English)
    }

    fn split_in(text: &str, language: Language) -> Vec<&str> {
        segment(text, language).iter().map(|s| &text[s.range()]).collect()
    }

    fn split_by<'a>(text: &'a str, language: &str) -> Vec<&'a str> {
        segment_by_name(text, language).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn titles_and_initials_stay_inside_sentences() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones and Sen. Warren. They talked. J. K. Rowling wrote it."),
            ["Mr. Smith met Dr. Jones and Sen. Warren.", "They talked.", "J. K. Rowling wrote it."]
        );
        assert_eq!(split("Gen. Augusto Pinochet was arrested."), ["Gen. Augusto Pinochet was arrested."]);
    }

    #[test]
    fn latin_forms_do_not_end_sentences() {
        assert_eq!(
            split("Use a tool, e.g. Rust. Or i.e. Python works. Fine."),
            ["Use a tool, e.g. Rust.", "Or i.e. Python works.", "Fine."]
        );
    }

    #[test]
    fn ambiguous_abbreviations_split_only_before_sentence_openers() {
        assert_eq!(
            split("He moved to the U.S. The move was hard. The U.S. Senate voted."),
            ["He moved to the U.S.", "The move was hard.", "The U.S. Senate voted."]
        );
        assert_eq!(
            split("Shares of Acme Corp. rose. Acme Corp. Chief Jane Doe spoke. It ended at 5 p.m. Then rain."),
            ["Shares of Acme Corp. rose.", "Acme Corp. Chief Jane Doe spoke.", "It ended at 5 p.m.", "Then rain."]
        );
    }

    #[test]
    fn abbreviations_before_numbers() {
        assert_eq!(
            split("He wore No. 5 on Jan. 12 last year. Then he quit."),
            ["He wore No. 5 on Jan. 12 last year.", "Then he quit."]
        );
        assert_eq!(split("See p. 4 and fig. 2 for details."), ["See p. 4 and fig. 2 for details."]);
    }

    #[test]
    fn hindi_titles_and_units_do_not_end_sentences() {
        assert_eq!(
            split_in("डॉ. शर्मा ने कहा कि वह आएंगे। मलबा लगभग ६५०कि.मी. दूर मिला था। यह 5 कि.मी. है।", Language::Hindi),
            ["डॉ. शर्मा ने कहा कि वह आएंगे।", "मलबा लगभग ६५०कि.मी. दूर मिला था।", "यह 5 कि.मी. है।"]
        );
    }

    #[test]
    fn decimals_money_and_urls_keep_their_dots() {
        assert_eq!(
            split("Trade stood at $3.5bn in 2022. Pi is 3.14 or so. Visit example.com/a.html today."),
            ["Trade stood at $3.5bn in 2022.", "Pi is 3.14 or so.", "Visit example.com/a.html today."]
        );
        assert_eq!(split("Mail jo.doe@example.org now. Done."), ["Mail jo.doe@example.org now.", "Done."]);
    }

    #[test]
    fn numbers_end_english_sentences_but_not_list_items() {
        assert_eq!(split("It happened in 2010. Nobody knew."), ["It happened in 2010.", "Nobody knew."]);
        assert_eq!(split("1. Buy milk\n2. Sell eggs"), ["1. Buy milk", "2. Sell eggs"]);
    }

    #[test]
    fn german_ordinals() {
        assert_eq!(
            split_in("Er kam am 3. Oktober an. Das war im Jahr 2010. Die Stadt feierte.", Language::German),
            ["Er kam am 3. Oktober an.", "Das war im Jahr 2010.", "Die Stadt feierte."]
        );
        assert_eq!(
            split_in("Das ist z.B. gut. Hr. Müller kam.", Language::German),
            ["Das ist z.B. gut.", "Hr. Müller kam."]
        );
    }

    #[test]
    fn quotes_and_brackets_after_the_full_stop() {
        assert_eq!(
            split("He said, \u{201c}We won.\u{201d} Then he left. (It was late.) She stayed.' Next."),
            ["He said, \u{201c}We won.\u{201d}", "Then he left.", "(It was late.)", "She stayed.'", "Next."]
        );
        assert_eq!(
            split("\u{201c}Why?\u{201d} she asked. \u{201c}Because.\u{201d}"),
            ["\u{201c}Why?\u{201d} she asked.", "\u{201c}Because.\u{201d}"]
        );
    }

    #[test]
    fn question_and_exclamation_marks() {
        assert_eq!(split("Why go? Because! Really?! Yes."), ["Why go?", "Because!", "Really?!", "Yes."]);
        assert_eq!(split("Yahoo! reported gains."), ["Yahoo! reported gains."]);
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("Wait... what happened? He left... The end."),
            ["Wait... what happened?", "He left...", "The end."]
        );
        assert_eq!(split("Well\u{2026} No."), ["Well\u{2026}", "No."]);
    }

    #[test]
    fn colons_and_semicolons_do_not_end_sentences() {
        assert_eq!(split("Note: this holds; that too. End."), ["Note: this holds; that too.", "End."]);
    }

    #[test]
    fn headings_bylines_and_datelines_are_their_own_units() {
        let text = "July 19, 2024, 11:39 pm\n\nBy Jane Doe\nStrengthening Ties\nPutin arrived. He spoke.\nU.S. Opposition\nThe U.S. objected.";
        let segments = segment(text, Language::English);
        let texts: Vec<&str> = segments.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            texts,
            [
                "July 19, 2024, 11:39 pm",
                "By Jane Doe",
                "Strengthening Ties",
                "Putin arrived.",
                "He spoke.",
                "U.S. Opposition",
                "The U.S. objected."
            ]
        );
        let terminated: Vec<bool> = segments.iter().map(|s| s.terminated).collect();
        assert_eq!(terminated, [false, false, false, true, true, false, true]);
    }

    #[test]
    fn lower_case_next_line_continues_the_sentence() {
        assert_eq!(
            split("The talks will focus on trade\nand energy. Next."),
            ["The talks will focus on trade\nand energy.", "Next."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The president said on Tuesday that the\nUnited States would act soon if the\ntalks failed. Officials agreed.\n\nNew paragraph.";
        assert_eq!(
            split(text),
            [
                "The president said on Tuesday that the\nUnited States would act soon if the\ntalks failed.",
                "Officials agreed.",
                "New paragraph."
            ]
        );
    }

    #[test]
    fn line_endings_of_every_platform() {
        assert_eq!(split("One.\r\nTwo\r\rThree.\rFour"), ["One.", "Two", "Three.", "Four"]);
        assert_eq!(split("One\u{2029}Two."), ["One", "Two."]);
    }

    #[test]
    fn other_scripts() {
        assert_eq!(split("你好。我很好！你呢？好"), ["你好。", "我很好！", "你呢？", "好"]);
        assert_eq!(split_in("मैं ठीक हूँ। तुम कैसे हो?", Language::English), ["मैं ठीक हूँ।", "तुम कैसे हो?"]);
        assert_eq!(split_in("ماذا حدث؟ لا شيء.", Language::Arabic), ["ماذا حدث؟", "لا شيء."]);
        assert_eq!(split_in("Τι κάνεις; Καλά.", Language::Greek), ["Τι κάνεις;", "Καλά."]);
        assert_eq!(split("እንደምን አለህ፧መልካም ቀን።"), ["እንደምን አለህ፧", "መልካም ቀን።"]);
    }

    #[test]
    fn no_punctuation_at_all() {
        let text = "words without any end at all";
        assert_eq!(segment(text, Language::English), [Segment { start: 0, end: text.len(), terminated: false }]);
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(segment("", Language::English).is_empty());
        assert!(segment(" \n\t\r\n ", Language::English).is_empty());
        assert_eq!(split("..."), ["..."]);
    }

    #[test]
    fn spans_tile_the_text_up_to_whitespace() {
        let text = "  A b. C d?\n\n“E” f!  G\r\nh. 你好。 Mr. X\u{2029}y.  ";
        let segments = segment(text, Language::English);
        let mut covered = 0;
        for s in &segments {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.start < s.end);
            assert!(text[covered..s.start].chars().all(char::is_whitespace), "lost text before {s:?}");
            assert_eq!(text[s.range()].trim(), &text[s.range()]);
            covered = s.end;
        }
        assert!(text[covered..].chars().all(char::is_whitespace));
    }

    #[test]
    fn quotations_and_brackets_are_not_split_inside() {
        assert_eq!(
            split("\u{201c}We lost. We will be back,\u{201d} the coach said. Fans left."),
            ["\u{201c}We lost. We will be back,\u{201d} the coach said.", "Fans left."]
        );
        assert_eq!(
            split("She shouted \"Stop! Stop now!\" and ran. He stayed."),
            ["She shouted \"Stop! Stop now!\" and ran.", "He stayed."]
        );
        assert_eq!(
            split("The plan (approved. Nobody objected.) took effect. Next."),
            ["The plan (approved. Nobody objected.) took effect.", "Next."]
        );
        assert_eq!(
            split_by("\u{ab}Куда? \u{2013} спросил он. \u{2013} Домой\u{bb}. Всё.", "ru"),
            ["\u{ab}Куда? \u{2013} спросил он. \u{2013} Домой\u{bb}.", "Всё."]
        );
        assert_eq!(split("我们去看《快跑！朋友》好吗？好！"), ["我们去看《快跑！朋友》好吗？", "好！"]);
        // An opening mark never closed protects nothing.
        assert_eq!(split("\"Wait. Go on. Stop."), ["\"Wait.", "Go on.", "Stop."]);
        // Apostrophes are not closing quotes.
        assert_eq!(
            split("'It isn't over. We're here,' he said. Then quiet."),
            ["'It isn't over. We're here,' he said.", "Then quiet."]
        );
    }

    #[test]
    fn dashes_commas_and_number_signs_after_a_mark_continue_the_sentence() {
        assert_eq!(split("He won -- really! -- and left. Next."), ["He won -- really! -- and left.", "Next."]);
        assert_eq!(split("Was it? \u{2014} nobody knew. Next."), ["Was it? \u{2014} nobody knew.", "Next."]);
        assert_eq!(
            split("See the 2019 report. \u{2116}5 explains it."),
            ["See the 2019 report. \u{2116}5 explains it."]
        );
    }

    #[test]
    fn sentences_run_together_without_a_space() {
        assert_eq!(split("It rained all day.Then the sun came out."), ["It rained all day.", "Then the sun came out."]);
        assert_eq!(split("They paid 2,500.Nobody complained."), ["They paid 2,500.", "Nobody complained."]);
        assert_eq!(
            split("Open readme.txt or the U.S.Army site. Done."),
            ["Open readme.txt or the U.S.Army site.", "Done."]
        );
    }

    #[test]
    fn references_after_the_full_stop_stay_with_their_sentence() {
        assert_eq!(
            split("The tower is 300 m tall.[2] It opened in 1889."),
            ["The tower is 300 m tall.[2]", "It opened in 1889."]
        );
        assert_eq!(
            split("Rates rose sharply.12 14 Analysts were surprised."),
            ["Rates rose sharply.12 14", "Analysts were surprised."]
        );
        assert_eq!(
            split("See fig.3 for details. Version 2.10 Beta shipped."),
            ["See fig.3 for details.", "Version 2.10 Beta shipped."]
        );
    }

    #[test]
    fn omission_marks_are_not_ends() {
        assert_eq!(
            split("He wrote \"the law [...] is clear [...]\" (Smith 2001). Next."),
            ["He wrote \"the law [...] is clear [...]\" (Smith 2001).", "Next."]
        );
    }

    #[test]
    fn spaced_abbreviations_initials_and_elisions() {
        assert_eq!(
            split_in("Wir kaufen z. B. Brot u. Ä. im Laden. Dann gehen wir.", Language::German),
            ["Wir kaufen z. B. Brot u. Ä. im Laden.", "Dann gehen wir."]
        );
        assert_eq!(split_by("Выступил А. И. Петров. Все слушали.", "ru"), ["Выступил А. И. Петров.", "Все слушали."]);
        assert_eq!(
            split_in("Ho parlato con l'Avv. Rossi. Poi sono uscito.", Language::Italian),
            ["Ho parlato con l'Avv. Rossi.", "Poi sono uscito."]
        );
    }

    #[test]
    fn dotted_numbers_and_units_end_sentences() {
        assert_eq!(split("The code is 12.34.56.7. Call now."), ["The code is 12.34.56.7.", "Call now."]);
        assert_eq!(split("It reached 98.6°F. Then it fell."), ["It reached 98.6°F.", "Then it fell."]);
    }

    #[test]
    fn roman_ordinals_in_languages_that_write_ordinals_with_a_full_stop() {
        assert_eq!(
            split_by("Bol to XII. Pluk armády. Potom odišiel.", "sk"),
            ["Bol to XII. Pluk armády.", "Potom odišiel."]
        );
        assert_eq!(
            split_by("Stalo sa to 7. Mája v meste. Potom nie.", "slovak"),
            ["Stalo sa to 7. Mája v meste.", "Potom nie."]
        );
    }

    #[test]
    fn list_items_on_their_own_lines() {
        assert_eq!(split("Steps:\n(i) mix it well.\n(ii) bake it."), ["Steps:", "(i) mix it well.", "(ii) bake it."]);
        assert_eq!(
            split("\u{2022} 1. Buy milk\n\u{2022} 2. Sell eggs"),
            ["\u{2022} 1. Buy milk", "\u{2022} 2. Sell eggs"]
        );
    }

    #[test]
    fn language_specific_terminators() {
        assert_eq!(split_by("Բարև Ձեզ: Ինչպե՞ս եք:", "hy"), ["Բարև Ձեզ:", "Ինչպե՞ս եք:"]);
        assert_eq!(split("Note: this holds."), ["Note: this holds."]);
        assert_eq!(
            split("Test strange period\u{ff0e}Does it work\u{ff0e}"),
            ["Test strange period\u{ff0e}", "Does it work\u{ff0e}"]
        );
    }

    #[test]
    fn unknown_language_names_fall_back_to_neutral_rules() {
        assert_eq!(split_by("Dr. Who came. He left.", "klingon"), ["Dr. Who came.", "He left."]);
        assert_eq!(split_by("Dr. Who came. He left.", ""), ["Dr. Who came.", "He left."]);
    }

    #[test]
    fn inline_lists_split_at_markers_that_count_up() {
        assert_eq!(split("Buy: a) milk b) eggs c) bread"), ["Buy:", "a) milk", "b) eggs", "c) bread"]);
        assert_eq!(
            split("Steps. 1. Mix well 2. Bake it 3. Serve"),
            ["Steps.", "1. Mix well", "2. Bake it", "3. Serve"]
        );
        assert_eq!(split("(i) one thing (ii) another"), ["(i) one thing", "(ii) another"]);
        // A lone marker-like word is not a list.
        assert_eq!(split("Plan a) works. Plan b. Done."), ["Plan a) works.", "Plan b.", "Done."]);
        assert_eq!(
            split("It is 5 p.m. today. Then at 6 a.m. we met."),
            ["It is 5 p.m. today.", "Then at 6 a.m. we met."]
        );
    }

    #[test]
    fn spaced_ellipses_are_one_mark() {
        assert_eq!(
            split("He paused . . . and went on. It ended. . . ."),
            ["He paused . . . and went on.", "It ended. . . ."]
        );
    }

    #[test]
    fn a_dash_after_a_mark_defers_to_the_next_word() {
        assert_eq!(split("What now? - Nobody knew. Fine."), ["What now?", "- Nobody knew.", "Fine."]);
    }

    #[test]
    fn an_ellipsis_opening_the_next_sentence_is_not_part_of_the_mark() {
        assert_eq!(
            split_in("Het was raak. ...en toen ging het mis.", Language::Dutch),
            ["Het was raak.", "...en toen ging het mis."]
        );
        assert_eq!(
            split("They met in Washington, D.C. - the capital. Fine."),
            ["They met in Washington, D.C. - the capital.", "Fine."]
        );
    }

    #[test]
    fn lines_continue_after_brackets_but_short_lines_stay_apart() {
        assert_eq!(split("It reached 400 yd\n(365.8 m). Next."), ["It reached 400 yd\n(365.8 m).", "Next."]);
        assert_eq!(
            split("features\ncontact manager\nevents, prices"),
            ["features", "contact manager", "events, prices"]
        );
    }

    #[test]
    fn question_and_answer_labels() {
        assert_eq!(split("Q. Who won? A. The home side."), ["Q. Who won?", "A. The home side."]);
    }

    #[test]
    fn times_end_sentences_unless_a_day_or_zone_follows() {
        assert_eq!(
            split("He left at 6 p.m. Travelers stayed. We met at 5 p.m. Tuesday. It ran till 8 P.M. EDT."),
            ["He left at 6 p.m.", "Travelers stayed.", "We met at 5 p.m. Tuesday.", "It ran till 8 P.M. EDT."]
        );
    }

    #[test]
    fn numbers_pointing_at_items_are_not_lists() {
        assert_eq!(
            split("As agreed in 1. above and in 2. below, we pay."),
            ["As agreed in 1. above and in 2. below, we pay."]
        );
        assert_eq!(
            split("Trophy\n(6 inch crystal - photo soon)\nThe team judges."),
            ["Trophy", "(6 inch crystal - photo soon)", "The team judges."]
        );
        assert_eq!(split("d. Compliance Log\ne. Logistics Data"), ["d. Compliance Log", "e. Logistics Data"]);
    }

    #[test]
    fn bullets_and_broken_off_speech_start_sentences() {
        assert_eq!(
            split("\u{2022} milk \u{2022} eggs \u{2022} 3. bread"),
            ["\u{2022} milk", "\u{2022} eggs", "\u{2022} 3. bread"]
        );
        assert_eq!(
            split("She began, \"If you please, sir--\" The man ran off."),
            ["She began, \"If you please, sir--\"", "The man ran off."]
        );
        assert_eq!(split("A well-known--\"quoted\" word stays."), ["A well-known--\"quoted\" word stays."]);
    }

    #[test]
    fn ellipses_between_and_before_sentences() {
        assert_eq!(split("I mean . . . I didn't mean it. Fine."), ["I mean . . . I didn't mean it.", "Fine."]);
        assert_eq!(
            split("It was over. . . . The rest followed. . . ."),
            ["It was over.", ". . . The rest followed. . . ."]
        );
        assert_eq!(split("Write to Jane.Doe@example.com today."), ["Write to Jane.Doe@example.com today."]);
        assert_eq!(split("We did it, you and I. Did you see him?"), ["We did it, you and I.", "Did you see him?"]);
    }

    #[test]
    fn lower_case_opens_a_sentence_after_a_question_or_a_word_never_abbreviated() {
        assert_eq!(
            split("Who called? nobody knows. Why? because."),
            ["Who called?", "nobody knows.", "Why?", "because."]
        );
        assert_eq!(
            split("'Who called?' she asked. Yahoo! reported it."),
            ["'Who called?' she asked.", "Yahoo! reported it."]
        );
        assert_eq!(
            split("He paid approx. five pounds, i.e. too much."),
            ["He paid approx. five pounds, i.e. too much."]
        );
        assert_eq!(split("That is what it was for. the rest went."), ["That is what it was for.", "the rest went."]);
        assert_eq!(split("We paid the bill. then left."), ["We paid the bill. then left."]);
        assert_eq!(
            split_in("Δεν ήρθε κανένας. το σπίτι ήταν άδειο.", Language::Greek),
            ["Δεν ήρθε κανένας.", "το σπίτι ήταν άδειο."]
        );
        // A lower-case label closing a line of scraped text stands alone.
        assert_eq!(
            split("Welcome to our lovely town. offers\nabout us\nThe market opens at nine."),
            ["Welcome to our lovely town.", "offers", "about us", "The market opens at nine."]
        );
    }

    #[test]
    fn a_bracketed_relative_clause_belongs_to_the_sentence_before() {
        assert_eq!(
            split("'I won!' he cried. (Which was true.) \"We lost!\" (Tom was the coach.) It rained. (Where else?)"),
            [
                "'I won!' he cried. (Which was true.)",
                "\"We lost!\"",
                "(Tom was the coach.)",
                "It rained.",
                "(Where else?)"
            ]
        );
    }

    #[test]
    fn quantities_open_sentences_after_an_abbreviation() {
        assert_eq!(
            split("He moved to the U.S. Thousands followed him."),
            ["He moved to the U.S.", "Thousands followed him."]
        );
        assert_eq!(split("The U.S. Army moved."), ["The U.S. Army moved."]);
    }

    #[test]
    fn arabic_colons_and_commas_end_sentences_but_lists_and_times_do_not() {
        assert_eq!(
            split_in("تقرير خاص: وصل الوفد في الساعة 10:30 صباحا، واستمر الاجتماع طويلا", Language::Arabic),
            ["تقرير خاص:", "وصل الوفد في الساعة 10:30 صباحا،", "واستمر الاجتماع طويلا"]
        );
        assert_eq!(
            split_in("اشترينا الخبز، والحليب، والجبن من السوق.", Language::Arabic),
            ["اشترينا الخبز، والحليب،", "والجبن من السوق."]
        );
        assert_eq!(split_in("قال: نعم، الخبز جيد.", Language::English).len(), 1, "only Arabic rules split there");
    }

    #[test]
    fn every_stemmed_language_keeps_its_abbreviations() {
        let cases = [
            (Language::Swedish, "Vi köpte bl.a. Bröd och mjölk. Sedan gick han.", "Vi köpte bl.a. Bröd och mjölk."),
            (Language::Norwegian, "Vi kjøpte bl.a. Brød og melk. Han gikk hjem.", "Vi kjøpte bl.a. Brød og melk."),
            (Language::Danish, "Vi købte bl.a. Brød og mælk. Han gik hjem.", "Vi købte bl.a. Brød og mælk."),
            (
                Language::Finnish,
                "Paikalla oli esim. Matti Virtanen. Hän lähti pian.",
                "Paikalla oli esim. Matti Virtanen.",
            ),
            (Language::Greek, "Ήρθε ο κ. Παπαδόπουλος σήμερα. Μετά έφυγε.", "Ήρθε ο κ. Παπαδόπουλος σήμερα."),
            (Language::Hungarian, "Ott volt dr. Kovács Péter is. Ő beszélt először.", "Ott volt dr. Kovács Péter is."),
            (Language::Romanian, "A venit dl. Popescu azi. El a plecat devreme.", "A venit dl. Popescu azi."),
            (Language::Turkish, "Bugün Dr. Yılmaz geldi. O konuştu.", "Bugün Dr. Yılmaz geldi."),
            (Language::Czech, "Přišel např. Novák s rodinou. Potom odešel.", "Přišel např. Novák s rodinou."),
            (Language::Portuguese, "Falou o Sr. Silva ontem. Depois saiu.", "Falou o Sr. Silva ontem."),
            (Language::French, "Il a vu M. Dupont hier. Puis il est parti.", "Il a vu M. Dupont hier."),
            (Language::Dutch, "Hij zag dhr. Jansen gisteren. Toen ging hij.", "Hij zag dhr. Jansen gisteren."),
        ];
        for (language, text, first) in cases {
            let sentences = split_in(text, language);
            assert_eq!(sentences.len(), 2, "{language}: {sentences:?}");
            assert_eq!(sentences[0], first, "{language}");
        }
    }
}
