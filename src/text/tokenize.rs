//! Word tokens by Unicode word boundaries (UAX #29), and the characters and
//! character bigrams that stand for words in text written without spaces.

use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

/// The words of `text` (runs of letters, digits and joiners such as the apostrophe
/// in "don't"; punctuation and spaces are dropped), with their byte offsets.
pub fn words(text: &str) -> Words<'_> {
    if text.is_ascii() {
        Words::Ascii(AsciiWords { text, at: 0 })
    } else {
        Words::Unicode(text.unicode_word_indices())
    }
}

/// How many words `text` has, as budgets and length priors count them.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// Whether `c` is of a script written without spaces between words: Han (with
/// the iteration mark 々), Hiragana and Katakana (with the prolonged sound mark
/// and half-width forms).
fn is_han_or_kana(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}' | '\u{20000}'..='\u{3134F}')
}

/// Appends to `units` what a sentence of Chinese or Japanese is indexed by: its
/// words ([`words`]), except that each run of Han and kana not broken by a space
/// or a mark (which UAX #29 cuts into single Han characters and whole kana runs)
/// gives its characters, then its overlapping character bigrams ("地震造成" → 地,
/// 震, 造, 成, 地震, 震造, 造成). Bigrams find a text's words without a dictionary
/// (the true word is among them; the false ones are spread thin over a cluster,
/// where idf weighs them down), and the characters keep paraphrases that share
/// few bigrams similar enough for the redundancy rules (docs/experiments.md).
pub(crate) fn han_kana_units<'a>(text: &'a str, units: &mut Vec<&'a str>) {
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: &mut Option<(usize, usize)>, units: &mut Vec<&'a str>| {
        if let Some((start, end)) = run.take() {
            let piece = &text[start..end];
            let bounds: Vec<usize> = piece.char_indices().map(|(i, _)| start + i).chain([end]).collect();
            units.extend(bounds.windows(2).map(|w| &text[w[0]..w[1]]));
            units.extend(bounds.windows(3).map(|w| &text[w[0]..w[2]]));
        }
    };
    for (start, word) in words(text) {
        if !word.chars().all(is_han_or_kana) {
            flush(&mut run, units);
            units.push(word);
            continue;
        }
        let end = start + word.len();
        match &mut run {
            Some((_, run_end)) if *run_end == start => *run_end = end,
            _ => {
                flush(&mut run, units);
                run = Some((start, end));
            }
        }
    }
    flush(&mut run, units);
}

/// The iterator of [`words`].
#[derive(Debug)]
pub enum Words<'a> {
    /// ASCII text: the same boundaries, found without Unicode property lookups.
    Ascii(AsciiWords<'a>),
    /// Any other text.
    Unicode(UnicodeWordIndices<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    // Inlined, with `AsciiWords::next`, into the loops that collect or count a
    // sentence's words: left to the compiler, a call per word (registers saved and
    // restored, the `Option` through memory) cost a fifth of the tokenizer's
    // instructions on DUC clusters.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Words::Ascii(words) => words.next(),
            Words::Unicode(words) => words.next(),
        }
    }
}

/// UAX #29 words of ASCII text. Within ASCII the rules reduce to: letters, digits
/// and '_' run together (WB5, WB8-WB10, WB13a/b); '.', ':' and '\'' join two
/// letters (WB6/7: "U.S", "don't", "a:b"); '.', ',', ';' and '\'' join two digits
/// (WB11/12: "3.5", "1,000"); a run counts as a word if it has a letter or digit.
/// A test checks this against unicode-segmentation on random ASCII text.
#[derive(Debug, Clone)]
pub struct AsciiWords<'a> {
    text: &'a str,
    at: usize,
}

/// Byte classes of the ASCII word rules, one table lookup per byte instead of
/// several range comparisons: the tokenizer runs over every byte of the cluster.
const ALPHA: u8 = 1;
const DIGIT: u8 = 2;
/// Letters, digits and '_': the bytes that run together into a word.
const CORE: u8 = 4;
/// '.', ':' and '\'' join two letters.
const JOINS_LETTERS: u8 = 8;
/// '.', ',', ';' and '\'' join two digits.
const JOINS_DIGITS: u8 = 16;

const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            table[b] = ALPHA | CORE;
        } else if c.is_ascii_digit() {
            table[b] = DIGIT | CORE;
        }
        b += 1;
    }
    table[b'_' as usize] = CORE;
    table[b'.' as usize] = JOINS_LETTERS | JOINS_DIGITS;
    table[b':' as usize] = JOINS_LETTERS;
    table[b'\'' as usize] = JOINS_LETTERS | JOINS_DIGITS;
    table[b',' as usize] = JOINS_DIGITS;
    table[b';' as usize] = JOINS_DIGITS;
    table
};

/// Each byte's lowest and highest bit, for handling eight bytes as one integer.
const LOW: u64 = u64::from_le_bytes([0x01; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit of each byte of `x` (ASCII: every byte below 0x80) that lies in
/// `lo..=hi`. Adding `0x80 - lo` to a byte sets its high bit when it is at least
/// `lo`, adding `0x7F - hi` when it is above `hi`; no sum carries into the next
/// byte.
fn within(x: u64, lo: u8, hi: u8) -> u64 {
    (x + LOW * u64::from(0x80 - lo)) & !(x + LOW * u64::from(0x7F - hi)) & HIGH
}

/// For eight ASCII bytes, the high bit of each byte that is core (letters, digits,
/// '_'), and of each that is a letter or digit.
fn classify_eight(chunk: &[u8]) -> (u64, u64) {
    let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    // Setting 0x20 folds 'A'..='Z' onto 'a'..='z' and moves nothing else there.
    let letters_or_digits = within(x | (LOW * 0x20), b'a', b'z') | within(x, b'0', b'9');
    (letters_or_digits | within(x, b'_', b'_'), letters_or_digits)
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = (usize, &'a str);

    // See `Words::next`.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let class = |i: usize| CLASS[usize::from(bytes[i])];
        loop {
            let start = self.at + bytes[self.at..].iter().position(|&b| CLASS[usize::from(b)] & CORE != 0)?;
            let mut end = start + 1;
            let mut alphanumeric = class(start) & (ALPHA | DIGIT) != 0;
            while end < bytes.len() {
                // Eight bytes at a time while there are eight: the word's end is
                // found from a mask, not by a branch per byte, which the processor
                // mispredicted at nearly every word's end.
                if let Some(chunk) = bytes.get(end..end + 8) {
                    let (core, letters_or_digits) = classify_eight(chunk);
                    let others = !core & HIGH;
                    // The bytes before the first that is not core (all eight if none).
                    let run = others.wrapping_sub(1) & !others;
                    alphanumeric |= letters_or_digits & run != 0;
                    if others == 0 {
                        end += 8;
                        continue;
                    }
                    end += others.trailing_zeros() as usize / 8;
                } else if class(end) & CORE != 0 {
                    alphanumeric |= class(end) & (ALPHA | DIGIT) != 0;
                    end += 1;
                    continue;
                }
                let here = class(end);
                if here & (JOINS_LETTERS | JOINS_DIGITS) == 0 || end + 1 >= bytes.len() {
                    break;
                }
                let (before, after) = (class(end - 1), class(end + 1));
                let joins_letters = here & JOINS_LETTERS != 0 && before & after & ALPHA != 0;
                let joins_digits = here & JOINS_DIGITS != 0 && before & after & DIGIT != 0;
                if joins_letters || joins_digits {
                    end += 2;
                    alphanumeric = true;
                } else {
                    break;
                }
            }
            self.at = end;
            if alphanumeric {
                return Some((start, &self.text[start..end]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_punctuation_and_keep_offsets() {
        let text = "Putin’s “full support” — 3.5bn, U.S.-led!";
        let found: Vec<(usize, &str)> = words(text).collect();
        let tokens: Vec<&str> = found.iter().map(|(_, w)| *w).collect();
        assert_eq!(tokens, ["Putin’s", "full", "support", "3.5bn", "U.S", "led"]);
        for (offset, word) in found {
            assert_eq!(&text[offset..offset + word.len()], word);
        }
        assert_eq!(word_count(text), 6);
        assert_eq!(word_count("  ...  "), 0);
    }

    #[test]
    fn han_and_kana_runs_become_characters_and_bigrams() {
        let units = |text| {
            let mut units = Vec::new();
            han_kana_units(text, &mut units);
            units
        };
        // Han is split by UAX #29 into characters; a digit or a mark ends a run.
        assert_eq!(units("岚溪县3月，地震。"), ["岚", "溪", "县", "岚溪", "溪县", "3", "月", "地", "震", "地震"]);
        // Kana runs, which UAX #29 keeps whole, are read the same way.
        assert_eq!(units("東京でイベ"), ["東", "京", "で", "イ", "ベ", "東京", "京で", "でイ", "イベ"]);
        // Other scripts and spaced runs stay words.
        assert_eq!(units("中 GPS 서울시는"), ["中", "GPS", "서울시는"]);
        assert!(units("").is_empty());
    }

    #[test]
    fn ascii_words() {
        let tokens: Vec<&str> =
            words("Putin's \"full support\" -- 3.5bn, 1,000; U.S.-led a:b __ x_1 3.a").map(|(_, w)| w).collect();
        assert_eq!(tokens, ["Putin's", "full", "support", "3.5bn", "1,000", "U.S", "led", "a:b", "x_1", "3", "a"]);
    }

    #[test]
    fn ascii_fast_path_agrees_with_unicode_segmentation() {
        // A small deterministic generator over the characters that matter to the
        // rules, so that joiners meet letters, digits and each other often.
        const ALPHABET: &[u8] = b"aZq09_.:,;'\" \n\t-!?()/@#%&*+=xyM7AzB[`{~^";
        let mut next = crate::testing::splitmix64(7);
        for _ in 0..20_000 {
            let length = (next() % 40) as usize;
            let text: String =
                (0..length).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize] as char).collect();
            let fast: Vec<(usize, &str)> = words(&text).collect();
            let reference: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(fast, reference, "{text:?}");
        }
    }
}
