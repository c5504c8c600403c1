//! Character classes of the segmenter, each defined once: whitespace, terminal
//! marks, closers and openers, quotation marks, dashes and bullets.

use super::super::rules::SegmentRules;

/// Whitespace as both Rust (Unicode White_Space) and Python (`str.isspace`, which
/// adds the information separators U+001C..U+001F) see it, so that spans tile the
/// text the same way from either language.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

pub(super) fn is_terminal(c: char, rules: &SegmentRules) -> bool {
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
pub(super) fn ends_without_space(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．' | '።' | '፧' | '፨' | '။')
}

/// Closing quotes and brackets that belong to the sentence they follow.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '〕' | '】' | '》' | '〉'
    )
}

/// Opening quotes, brackets and marks that may precede a sentence's first word.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '「' | '『' | '（' | '`')
}

pub(super) fn ends_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।' | '۔' | '።'))
}

/// Bytes that may begin a sentence-ending mark: the ASCII terminators (';' and
/// ':' end sentences in some languages) and every non-ASCII lead byte.
pub(super) const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || matches!(b as u8, b'.' | b'!' | b'?' | b';' | b':');
        b += 1;
    }
    table
};

/// Bullets that start list items inside a line.
pub(super) fn is_bullet_mark(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '◦' | '‣')
}

/// What may precede a list number at the start of a line: bullets, the marks
/// used as bullets, spaces.
pub(super) fn is_bullet(c: char) -> bool {
    is_bullet_mark(c) || matches!(c, '·' | '*' | '-' | '–') || is_space(c)
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

pub(super) fn is_quote_mark(c: char) -> bool {
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
