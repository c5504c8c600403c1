//! Character classes of the segmenter, each defined once: whitespace, terminal
//! marks, closers and openers, quotation marks, dashes and bullets.

use super::super::rules::SegmentRules;

/// Whitespace as both Rust (Unicode White_Space) and Python (`str.isspace`, which
/// adds the information separators U+001C..U+001F) see it, so that spans tile the
/// text the same way from either language.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Marks that end a sentence in every language: full stops, question and
/// exclamation marks, ellipses, the danda, the Arabic question mark, the Ethiopic,
/// Armenian, Myanmar and Hebrew full stops.
const TERMINALS: &[char] = &[
    '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？', '｡', '．', '।', '॥', '؟', '۔', '።', '፧', '፨', '։', '။',
    '׃',
];

/// The terminals of scripts written without spaces between sentences: after one
/// a sentence ends whatever follows.
const TERMINALS_WITHOUT_SPACE: &[char] = &['。', '！', '？', '｡', '．', '።', '፧', '፨', '။'];

/// Closing quotation marks ('“' closes German „quotes“).
const CLOSING_QUOTES: &[char] = &['"', '\'', '”', '’', '“', '»', '›', '」', '』'];

/// Closing brackets.
const CLOSING_BRACKETS: &[char] = &[')', ']', '}', '）', '〕', '】', '》', '〉'];

/// Opening quotation marks.
const OPENING_QUOTES: &[char] = &['"', '\'', '“', '‘', '„', '«', '‹', '「', '『'];

/// Opening brackets: the mirror of [`CLOSING_BRACKETS`].
const OPENING_BRACKETS: &[char] = &['(', '[', '{', '（', '〔', '【', '《', '〈'];

/// Marks that open a sentence before its first word without being quotes or
/// brackets: Spanish inverted marks, TeX-style quotes.
const OPENING_MARKS: &[char] = &['¿', '¡', '`'];

/// Quotation marks and brackets that pair into a protected passage (see
/// `marks::quotations`), each opening mark with the marks that close it. '»' and
/// '«' open and close each other: French «…» and Danish/German »…«.
pub(super) const QUOTATION_PAIRS: &[(char, &[char])] = &[
    ('“', &['”']),
    ('„', &['“', '”']),
    ('‘', &['’']),
    ('«', &['»']),
    ('»', &['«']),
    ('‹', &['›']),
    ('「', &['」']),
    ('『', &['』']),
    ('《', &['》']),
    ('〈', &['〉']),
    ('(', &[')']),
    ('[', &[']']),
    ('"', &['"']),
    ('\'', &['\'']),
];

/// Dashes. An ASCII hyphen is a dash where the rules say so (after a terminal
/// mark, or doubled as "--").
pub(super) const DASHES: &[char] = &['-', '–', '—', '―'];

/// Bullets that start list items inside a line.
pub(super) const BULLETS: &[char] = &['•', '⁃', '▪', '◦', '‣'];

/// Marks used as bullets at the start of a line besides [`BULLETS`].
const BULLET_LIKE: &[char] = &['·', '*', '-', '–'];

pub(super) const fn contains(list: &[char], c: char) -> bool {
    let mut i = 0;
    while i < list.len() {
        if list[i] == c {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `c` ends a sentence in every language ([`TERMINALS`]).
pub(super) const fn is_terminal_mark(c: char) -> bool {
    contains(TERMINALS, c)
}

/// Whether `c` ends a sentence under `rules`: a terminal mark, or a mark some
/// languages end sentences with (the Greek question mark ';', the Armenian and
/// Arabic ':', the Arabic comma).
pub(super) fn is_terminal(c: char, rules: &SegmentRules) -> bool {
    is_terminal_mark(c)
        || match c {
            ';' => rules.punctuation.semicolon_is_question,
            ':' => rules.punctuation.colon_is_full_stop,
            '،' => rules.punctuation.arabic_comma_is_full_stop,
            _ => false,
        }
}

/// Whether any ASCII byte but these can be terminal under some rules: ';' and ':'.
const fn may_be_terminal_ascii(b: u8) -> bool {
    is_terminal_mark(b as char) || matches!(b, b';' | b':')
}

/// Terminators of scripts written without spaces between sentences.
pub(super) fn ends_without_space(c: char) -> bool {
    contains(TERMINALS_WITHOUT_SPACE, c)
}

/// Closing quotes and brackets that belong to the sentence they follow.
pub(super) fn is_closer(c: char) -> bool {
    contains(CLOSING_QUOTES, c) || contains(CLOSING_BRACKETS, c)
}

/// Closing quotation marks, brackets excluded: the marks that end speech.
pub(super) fn is_closing_quote(c: char) -> bool {
    contains(CLOSING_QUOTES, c)
}

/// Opening quotes, brackets and marks that may precede a sentence's first word.
pub(super) fn is_opener(c: char) -> bool {
    contains(OPENING_QUOTES, c) || contains(OPENING_BRACKETS, c) || contains(OPENING_MARKS, c)
}

/// Whether a line or sentence ends with a terminal mark, closers aside. The marks
/// that end sentences only in some languages do not count.
pub(super) fn ends_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal_mark)
}

/// Bytes that may begin a sentence-ending mark: the ASCII terminators (';' and
/// ':' end sentences in some languages) and every non-ASCII lead byte.
pub(super) const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || may_be_terminal_ascii(b as u8);
        b += 1;
    }
    table
};

/// How many bytes [`may_hold`] looks at at once.
pub(super) const CHUNK: usize = 16;

/// Whether `chunk` may hold a byte of interest: one of 0x80 or more (any
/// non-ASCII character), or one of `ascii`. Every byte is compared with every
/// mark, mark by mark, and no comparison stops early, so that the compiler makes a
/// few vector instructions of the whole test (bit tricks on eight bytes at a time took
/// about four instructions a byte of a DUC cluster): scans for the few bytes that
/// matter skip most of a text a chunk at a time.
#[inline(always)]
pub(super) fn may_hold(chunk: &[u8; CHUNK], ascii: &[u8]) -> bool {
    let mut hits = chunk.map(|byte| byte >= 0x80);
    for &mark in ascii {
        for (hit, &byte) in hits.iter_mut().zip(chunk) {
            *hit |= byte == mark;
        }
    }
    hits.iter().fold(false, |any, &hit| any | hit)
}

/// Bullets that start list items inside a line ([`BULLETS`]).
pub(super) fn is_bullet_mark(c: char) -> bool {
    contains(BULLETS, c)
}

/// What may precede a list number at the start of a line: bullets, the marks
/// used as bullets, spaces.
pub(super) fn is_bullet(c: char) -> bool {
    is_bullet_mark(c) || contains(BULLET_LIKE, c) || is_space(c)
}

/// Whether `c` is a dash ([`DASHES`]).
pub(super) fn is_dash(c: char) -> bool {
    contains(DASHES, c)
}

/// Whether `c` is one of [`QUOTATION_PAIRS`], opening or closing.
pub(super) const fn is_quote_mark(c: char) -> bool {
    let mut i = 0;
    while i < QUOTATION_PAIRS.len() {
        if QUOTATION_PAIRS[i].0 == c || contains(QUOTATION_PAIRS[i].1, c) {
            return true;
        }
        i += 1;
    }
    false
}

/// The marks that close a quotation opened by `open`, if `open` opens one.
pub(super) fn closing_marks(open: char) -> Option<&'static [char]> {
    QUOTATION_PAIRS.iter().find(|(o, _)| *o == open).map(|(_, closes)| *closes)
}

/// The first byte of `c` in UTF-8, for byte tables of marks.
pub(super) const fn lead_byte(c: char) -> u8 {
    let c = c as u32;
    if c < 0x80 {
        c as u8
    } else if c < 0x800 {
        0xC0 | (c >> 6) as u8
    } else if c < 0x10000 {
        0xE0 | (c >> 12) as u8
    } else {
        0xF0 | (c >> 18) as u8
    }
}
