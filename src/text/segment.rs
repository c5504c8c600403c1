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

use super::language::{Language, LanguageData};

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
    let data = LanguageData::get(language);
    let mut segments = Vec::new();
    for unit in units(text) {
        split_unit(text, unit, data, &mut segments);
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
        let continues = |i: usize| starts_lower_case(&text[lines[i + 1].clone()]);
        // A paragraph of three or more lines in which some line runs on into a
        // lower-case next line is hard-wrapped prose: its line breaks are spaces.
        let hard_wrapped = lines.len() >= 3
            && (0..lines.len() - 1).any(|i| continues(i) && !ends_terminal(&text[lines[i].clone()]));
        let mut unit_start = lines[0].start;
        for i in 0..lines.len() {
            let joins_next = i + 1 < lines.len() && (hard_wrapped || continues(i));
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

fn is_terminal(c: char, data: &LanguageData) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔'
            | '።' | '፧' | '፨' | '։' | '။' | '׃' | ';'
    ) && (c != ';' || data.semicolon_is_question)
}

/// Terminators of scripts written without spaces between sentences.
fn ends_without_space(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '።' | '፧' | '፨' | '။')
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
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '「' | '『' | '（' | '`'
    )
}

fn ends_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।' | '۔' | '።'))
}

fn starts_lower_case(line: &str) -> bool {
    line.trim_start_matches(is_opener).chars().next().is_some_and(char::is_lowercase)
}

/// Splits one unit at its sentence boundaries.
fn split_unit(text: &str, unit: Range<usize>, data: &LanguageData, out: &mut Vec<Segment>) {
    let base = unit.start;
    let s = &text[unit];
    let mut sentence_start = 0;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        // Most bytes are ASCII that cannot end a sentence: skip them undecoded.
        if bytes[i].is_ascii() && !matches!(bytes[i], b'.' | b'!' | b'?' | b';') {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("i is on a char boundary inside s");
        if !is_terminal(c, data) {
            i += c.len_utf8();
            continue;
        }
        let run_start = i;
        let mut run_end = i;
        while let Some(d) = s[run_end..].chars().next().filter(|d| is_terminal(*d, data)) {
            run_end += d.len_utf8();
        }
        let mut end = run_end;
        while let Some(d) = s[end..].chars().next().filter(|d| is_closer(*d)) {
            end += d.len_utf8();
        }
        if is_boundary(s, sentence_start, run_start..run_end, end, data) {
            let next = end + (s[end..].len() - s[end..].trim_start_matches(is_space).len());
            out.push(Segment { start: base + sentence_start, end: base + end, terminated: true });
            sentence_start = next;
        }
        i = end;
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

/// Decides whether the terminal punctuation `run` (closers included up to `end`)
/// ends the sentence that began at `sentence_start`.
fn is_boundary(s: &str, sentence_start: usize, run: Range<usize>, end: usize, data: &LanguageData) -> bool {
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
        // No space after the mark: "3.14", "U.S.", "example.com", "Yahoo!Inc".
        return false;
    }
    let next_word_text = next_text.trim_start_matches(is_opener);
    let Some(next_char) = next_word_text.chars().next() else {
        return true;
    };
    if next_char.is_lowercase() {
        return false;
    }
    if punctuation != "." {
        return true;
    }
    let word = word_before(s, run.start);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let abbreviations = &data.abbreviations;
    if abbreviations.title.contains(&lower) {
        return false;
    }
    let starts_sentence = || {
        let next_word: String = next_word_text
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        abbreviations.starters.contains(&next_word)
    };
    if word.bytes().all(|b| b.is_ascii_digit()) {
        // "1." opening a line is a list number; elsewhere a number ends a sentence,
        // except in languages that write ordinals with a full stop ("am 3. Oktober").
        let opens_unit = s[sentence_start..run.start].trim_matches(is_space) == word;
        return !opens_unit && (!data.ordinal_full_stop || starts_sentence());
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 3);
    if abbreviations.general.contains(&lower) || initial || dotted {
        return !next_char.is_numeric() && starts_sentence();
    }
    true
}

/// The word that ends just before byte `at`, without surrounding quotes or brackets.
fn word_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    let start = head.rfind(is_space).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    head[start..].trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
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
        assert_eq!(split("He wore No. 5 on Jan. 12 last year. Then he quit."), ["He wore No. 5 on Jan. 12 last year.", "Then he quit."]);
        assert_eq!(split("See p. 4 and fig. 2 for details."), ["See p. 4 and fig. 2 for details."]);
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
        assert_eq!(split("\u{201c}Why?\u{201d} she asked. \u{201c}Because.\u{201d}"), ["\u{201c}Why?\u{201d} she asked.", "\u{201c}Because.\u{201d}"]);
    }

    #[test]
    fn question_and_exclamation_marks() {
        assert_eq!(split("Why go? Because! Really?! Yes."), ["Why go?", "Because!", "Really?!", "Yes."]);
        assert_eq!(split("Yahoo! reported gains."), ["Yahoo! reported gains."]);
    }

    #[test]
    fn ellipses() {
        assert_eq!(split("Wait... what happened? He left... The end."), ["Wait... what happened?", "He left...", "The end."]);
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
            ["July 19, 2024, 11:39 pm", "By Jane Doe", "Strengthening Ties", "Putin arrived.", "He spoke.", "U.S. Opposition", "The U.S. objected."]
        );
        let terminated: Vec<bool> = segments.iter().map(|s| s.terminated).collect();
        assert_eq!(terminated, [false, false, false, true, true, false, true]);
    }

    #[test]
    fn lower_case_next_line_continues_the_sentence() {
        assert_eq!(split("The talks will focus on trade\nand energy. Next."), ["The talks will focus on trade\nand energy.", "Next."]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The president said on Tuesday that the\nUnited States would act soon if the\ntalks failed. Officials agreed.\n\nNew paragraph.";
        assert_eq!(
            split(text),
            ["The president said on Tuesday that the\nUnited States would act soon if the\ntalks failed.", "Officials agreed.", "New paragraph."]
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
}
