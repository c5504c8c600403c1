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

mod boundary;
mod chars;
mod lines;
mod lists;
mod marks;
#[cfg(test)]
mod tests;

use boundary::{after_references, is_boundary, is_lower_cased};
pub(crate) use chars::is_space;
use chars::{ends_terminal, is_closer, is_terminal, may_hold, CHUNK, MAY_END};
use lines::units;
use lists::{interrupted_speech, list_items};
use marks::{quotations, scan_marks};

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

/// [`segment`] for a language given by name (English name or ISO 639-1 code, as
/// [`Language`] parses them); any other name gets the language-neutral rules
/// rather than an error.
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

/// Splits one unit at its sentence boundaries.
fn split_unit(text: &str, unit: Range<usize>, rules: &SegmentRules, out: &mut Vec<Segment>) {
    let base = unit.start;
    let s = &text[unit];
    let marks = scan_marks(s);
    let lower_cased = is_lower_cased(s);
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
            i = skip_to_may_end(bytes, i + 1, limit);
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
        // Only a run of full stops extends so; each step adds " .", so the run is
        // checked once, not again at every step (". " a million times stays linear).
        let dots_only = s[run_start..run_end].bytes().all(|b| b == b'.');
        while dots_only && s[spaced_end..].starts_with(" .") && !s[spaced_end + 2..].starts_with('.') {
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
        // The quotations are in order and apart: only the last to open at or
        // before the mark can hold it.
        let last_open = quotations.partition_point(|q| q.start <= run_start);
        let quoted = last_open > 0 && end <= quotations[last_open - 1].end;
        // "[...]" and "(...)" mark an omission, not an end.
        let omission = s[..run_start].ends_with(['[', '(']) && s[run_end..].starts_with([']', ')']);
        // A mark opening the sentence ends nothing (". . . The practice was").
        let opens = s[sentence_start..run_start].trim().is_empty();
        if !quoted
            && !omission
            && !opens
            && !mid_sentence_ellipsis
            && is_boundary(s, sentence_start, run_start..run_end, end, rules, lower_cased)
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

/// The first index from `i` below `limit` whose byte may end a sentence
/// ([`MAY_END`]), or `limit` (or `i`, if that is past it). Most of a text's bytes
/// are not, so it looks at a [`CHUNK`] at a time: a chunk holds a candidate only if
/// it has a byte of 0x80 or more or one of the five ASCII marks ([`may_hold`]);
/// the byte loop then finds which.
fn skip_to_may_end(bytes: &[u8], mut i: usize, limit: usize) -> usize {
    while i + CHUNK <= limit {
        let chunk = bytes[i..i + CHUNK].try_into().expect("a chunk");
        if may_hold(chunk, b".!?;:") {
            break;
        }
        i += CHUNK;
    }
    while i < limit && !MAY_END[usize::from(bytes[i])] {
        i += 1;
    }
    i
}
