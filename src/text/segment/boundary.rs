//! The decision at a terminal mark: does it end the sentence? Mostly the full stop,
//! decided by the word before it and the word after it.

use std::ops::Range;

use super::super::rules::SegmentRules;
use super::chars::{ends_without_space, is_bullet, is_dash, is_opener, is_space, is_terminal};
use super::lists::roman_value;

/// Extends a sentence end over reference marks written right after the full stop:
/// "martyr.[1]", "consultation.11 12", "(type 2).10". Digits count only after a
/// letter or bracket (after a digit they are a decimal) and only when a
/// capitalised word follows them.
pub(super) fn after_references(s: &str, run_start: usize, mut end: usize) -> usize {
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

/// Decides whether the terminal punctuation `run` (closers included up to `end`)
/// ends the sentence that began at `sentence_start`.
///
/// The rules of [`MARK_RULES`] look at any terminal mark and what follows it; a
/// bare full stop that none of them decides goes on to [`FULL_STOP_RULES`], which
/// also look at the word before it. The first rule with an opinion decides; a
/// full stop none of them decides ends the sentence.
pub(super) fn is_boundary(
    s: &str,
    sentence_start: usize,
    run: Range<usize>,
    end: usize,
    rules: &SegmentRules,
    lower_cased: bool,
) -> bool {
    let mark = Mark { lower_cased, ..Mark::new(s, sentence_start, run, end, rules) };
    if let Some(decision) = MARK_RULES.iter().find_map(|(_, rule)| rule(&mark)) {
        return decision;
    }
    let full_stop = FullStop::new(&mark);
    FULL_STOP_RULES.iter().find_map(|(_, rule)| rule(&full_stop)).unwrap_or(true)
}

/// A terminal mark in its unit, with the text after it as the rules read it.
struct Mark<'a> {
    s: &'a str,
    sentence_start: usize,
    run: Range<usize>,
    end: usize,
    rules: &'a SegmentRules,
    /// The terminal marks themselves, closers excluded.
    punctuation: &'a str,
    /// Everything after the mark and its closers.
    after: &'a str,
    /// `after` without the whitespace it opens with.
    next_text: &'a str,
    /// `next_text` without its opening quotes and brackets.
    next_word_text: &'a str,
    /// The first character of `next_word_text`.
    next_char: Option<char>,
    /// Whether the unit is written without capitals (see [`is_lower_cased`]).
    lower_cased: bool,
}

impl<'a> Mark<'a> {
    fn new(s: &'a str, sentence_start: usize, run: Range<usize>, end: usize, rules: &'a SegmentRules) -> Self {
        let after = &s[end..];
        let next_text = after.trim_start_matches(is_space);
        let next_word_text = next_text.trim_start_matches(is_opener);
        Mark {
            s,
            sentence_start,
            punctuation: &s[run.clone()],
            run,
            end,
            rules,
            after,
            next_text,
            next_word_text,
            next_char: next_word_text.chars().next(),
            lower_cased: false,
        }
    }

    /// The word that follows, up to the next space.
    fn next_word(&self) -> &'a str {
        self.next_word_text.split(is_space).next().unwrap_or("")
    }

    /// Whether the next word is a common sentence opener ("The", "He", "However").
    fn next_word_starts_sentence(&self) -> bool {
        self.rules.abbreviations.starters.contains(&first_word_lowercase(self.next_word_text))
    }
}

/// A rule of the cascade, by name: `Some(decision)` settles the mark, `None`
/// leaves it to the rules after it.
type MarkRule = (&'static str, for<'m, 'a> fn(&'m Mark<'a>) -> Option<bool>);

/// The rules for every terminal mark, in the order they are tried.
const MARK_RULES: &[MarkRule] = &[
    ("ends without space", ends_without_space_rule),
    ("ends the unit", ends_the_unit),
    ("no space after", no_space_after),
    ("only openers follow", only_openers_follow),
    ("relative aside", relative_aside),
    ("lower case continues", lower_case_continues),
    ("punctuation continues", punctuation_continues),
    ("dash before lower case", dash_before_lower_case),
    ("arabic comma in a list", arabic_comma),
    ("not a full stop", not_a_full_stop),
];

/// A terminator of a script written without spaces between sentences ("。") ends
/// the sentence whatever follows: nothing after it can say otherwise.
fn ends_without_space_rule(m: &Mark) -> Option<bool> {
    m.punctuation.chars().any(ends_without_space).then_some(true)
}

/// Only whitespace after the mark: the unit, so the sentence, ends here.
fn ends_the_unit(m: &Mark) -> Option<bool> {
    m.next_text.is_empty().then_some(true)
}

/// No space after the mark: "3.14", "U.S.", "example.com", "Yahoo!Inc" go on;
/// only "world.Today" (a lower-case word, then a capitalised one) is two
/// sentences run together.
fn no_space_after(m: &Mark) -> Option<bool> {
    (m.next_text.len() == m.after.len()).then(|| {
        m.end == m.run.end
            && m.run.len() == 1
            && glued(&m.s[m.sentence_start..], m.run.start - m.sentence_start, m.after)
    })
}

/// Nothing but opening quotes and brackets follow: no word continues the sentence.
fn only_openers_follow(m: &Mark) -> Option<bool> {
    m.next_char.is_none().then_some(true)
}

/// A bracketed aside opening with a relative word comments on the sentence
/// before and belongs to it: "It was empty!' (Which was very likely true.)"
fn relative_aside(m: &Mark) -> Option<bool> {
    (m.next_text.starts_with('(') && m.rules.abbreviations.relatives.contains(&first_word_lowercase(m.next_word_text)))
        .then_some(false)
}

/// Lower case after the mark continues the sentence ("Yahoo! reported"), unless
/// the bare mark is one after which a lower-case word opens a new sentence (see
/// [`lower_case_opens`]).
fn lower_case_continues(m: &Mark) -> Option<bool> {
    let next = m.next_char?;
    (next.is_lowercase()
        && !(m.end == m.run.end && lower_case_opens(m.s, m.sentence_start, m.run.clone(), m.rules, m.lower_cased)))
    .then_some(false)
}

/// A comma, a number sign or a closing bracket after the mark continue the
/// sentence: "жыл. №590", "Yahoo!, the portal".
fn punctuation_continues(m: &Mark) -> Option<bool> {
    matches!(m.next_char?, ',' | ';' | '№' | '%' | ')' | ']').then_some(false)
}

/// After a dash a lower-case word goes on ("voila! -- you have", "? – спросила");
/// before a capitalised one ("What do you see? - Posted like sentinels") the
/// usual rules decide.
fn dash_before_lower_case(m: &Mark) -> Option<bool> {
    if !is_dash(m.next_char?) {
        return None;
    }
    let word_after_dash = m.next_word_text.trim_start_matches(|c: char| is_dash(c) || is_space(c));
    (!word_after_dash.starts_with(char::is_uppercase)).then_some(false)
}

/// The Arabic comma ends a sentence (where the rules make it terminal) except
/// between single words, which it lists: "الدم، والقلب، زرعها".
fn arabic_comma(m: &Mark) -> Option<bool> {
    (m.punctuation == "،").then(|| !m.next_word().ends_with('،'))
}

/// Question and exclamation marks, ellipses and full stops doubled with other
/// marks end the sentence once the rules above let them: only a bare full stop
/// can be an abbreviation.
fn not_a_full_stop(m: &Mark) -> Option<bool> {
    (m.punctuation != ".").then_some(true)
}

/// A bare full stop, with the word before it.
struct FullStop<'m, 'a> {
    mark: &'m Mark<'a>,
    /// The word before the full stop (see [`word_before`]).
    word: &'a str,
    /// `word` as the abbreviation lists spell it (see [`abbreviation_key`]).
    key: String,
}

impl<'m, 'a> FullStop<'m, 'a> {
    fn new(mark: &'m Mark<'a>) -> Self {
        let word = word_before(&mark.s[mark.sentence_start..], mark.run.start - mark.sentence_start);
        FullStop { mark, word, key: abbreviation_key(word) }
    }

    /// The sentence so far, up to the full stop.
    fn sentence(&self) -> &'a str {
        &self.mark.s[self.mark.sentence_start..self.mark.run.start]
    }
}

fn single_letter(w: &str) -> bool {
    w.chars().count() == 1 && w.chars().all(char::is_alphabetic)
}

/// A rule for a bare full stop, as [`MarkRule`].
type FullStopRule = (&'static str, for<'f, 'm, 'a> fn(&'f FullStop<'m, 'a>) -> Option<bool>);

/// The rules for a bare full stop, in the order they are tried.
const FULL_STOP_RULES: &[FullStopRule] = &[
    ("no word before", no_word_before),
    ("title", title),
    ("spaced initials", spaced_initials),
    ("number or ordinal", number_or_ordinal),
    ("label", label),
    ("time", time),
    ("abbreviation", abbreviation),
];

/// A full stop after no word at all ("(1).", "--.") ends the sentence.
fn no_word_before(f: &FullStop) -> Option<bool> {
    f.word.is_empty().then_some(true)
}

/// Titles and the like are never the last word of a sentence: "Mr.", "e.g.", "No.".
fn title(f: &FullStop) -> Option<bool> {
    f.mark.rules.abbreviations.title.contains(&f.key).then_some(false)
}

/// Spaced abbreviations and initials: "z. B.", "u. Ä.", "s. r. o.", "А. И. Семенов".
fn spaced_initials(f: &FullStop) -> Option<bool> {
    (single_letter(f.word) && f.mark.next_word().strip_suffix('.').is_some_and(single_letter)).then_some(false)
}

/// "1." opening a line is a list number; elsewhere a number ends a sentence,
/// except in languages that write ordinals with a full stop ("am 3. Oktober",
/// "XII. pluk"), where only a common sentence opener after it says so.
fn number_or_ordinal(f: &FullStop) -> Option<bool> {
    let word = f.word;
    let ordinal_full_stop = f.mark.rules.punctuation.ordinal_full_stop;
    let roman = word.len() <= 6 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    if !(word.bytes().all(|b| b.is_ascii_digit()) || (roman && ordinal_full_stop)) {
        return None;
    }
    let opens_unit = f.sentence().trim_start_matches(is_bullet).trim_matches(is_space) == word;
    Some(!opens_unit && (!ordinal_full_stop || f.mark.next_word_starts_sentence()))
}

/// A letter or roman numeral opening the sentence is a label: "Q. What is it? A.
/// A pen.", "d. Log", "iv. Results".
fn label(f: &FullStop) -> Option<bool> {
    let opens_sentence = f.sentence().trim_start_matches(is_bullet).trim_start_matches(is_opener) == f.word;
    (opens_sentence && (single_letter(f.word) || roman_value(&f.key).is_some())).then_some(false)
}

/// Times: "at 6 p.m. Travelers waited" ends there; "at 6 p.m. Tuesday", "8 P.M.
/// EDT" and "5 p.m. 6 p.m." do not.
fn time(f: &FullStop) -> Option<bool> {
    if f.key != "a.m" && f.key != "p.m" {
        return None;
    }
    let next_word: String = f.mark.next_word_text.chars().take_while(|c| c.is_alphabetic()).collect();
    let all_caps = next_word.chars().count() >= 2 && next_word.chars().all(char::is_uppercase);
    let continues_time = all_caps || TIME_FOLLOWERS.contains(&next_word.to_lowercase().as_str());
    Some(!f.mark.next_char?.is_numeric() && !continues_time)
}

/// An ambiguous abbreviation ("Inc.", "U.S."), an initial or a dotted
/// abbreviation ("D.C.", but not "351.123.465.4" or "120.5°C") ends a sentence
/// only before a common sentence opener, and never before a number.
fn abbreviation(f: &FullStop) -> Option<bool> {
    let initial = f.word.chars().count() == 1 && f.word.chars().all(char::is_uppercase);
    let dotted = f.key.contains('.')
        && f.key.split('.').all(|part| part.chars().count() <= 3 && part.chars().all(char::is_alphabetic));
    (f.mark.rules.abbreviations.general.contains(&f.key) || initial || dotted)
        .then(|| !f.mark.next_char.is_some_and(char::is_numeric) && f.mark.next_word_starts_sentence())
}

/// How the word before a full stop is looked up in the abbreviation lists:
/// lower-cased, and a number glued to a unit read by the unit ("६५०कि.मी.", "5km.").
pub(super) fn abbreviation_key(word: &str) -> String {
    let unit = word.trim_start_matches(char::is_numeric);
    if unit.starts_with(char::is_alphabetic) { unit } else { word }.to_lowercase()
}

/// The letters and digits `text` opens with, lower-cased.
pub(super) fn first_word_lowercase(text: &str) -> String {
    head(text, MAX_TOKEN).chars().take_while(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a lower-case word after the bare mark `run` opens a new sentence, as
/// it does after a question mark ("кім? не?"), after a full stop that follows a
/// word no one abbreviates ("Δε δούλευε κανένας. το"), and before a lower-case
/// label closing a unit of scraped text ("in the city. features").
pub(super) fn lower_case_opens(
    s: &str,
    sentence_start: usize,
    run: Range<usize>,
    rules: &SegmentRules,
    lower_cased: bool,
) -> bool {
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
            // In a unit written without capitals (lower-cased text), a plain word of
            // two letters or more ends the sentence at its full stop: there is no
            // capital to say so ("it was late. the talks ended").
            if lower_cased && word.chars().count() >= 2 && word.chars().all(char::is_lowercase) {
                return true;
            }
            // The label: at most three words and no terminator up to the end of
            // the unit, after a lower-case word of four letters or more. Counting
            // stops at the fourth word, so that the look-ahead is bounded.
            let plain_word = word.chars().count() >= 4 && word.chars().all(char::is_lowercase);
            let rest = s[run.end..].trim_matches(is_space);
            plain_word && rest.split(is_space).take(4).count() <= 3 && !rest.chars().any(|c| is_terminal(c, rules))
        }
        _ => false,
    }
}

/// Capitalised words that follow a time inside a sentence ("5 p.m. Monday",
/// "8 a.m. Eastern").
pub(super) const TIME_FOLLOWERS: &[&str] = &[
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
pub(super) fn glued(s: &str, at: usize, after: &str) -> bool {
    // Bounded: a run of "a.a.a." has a full stop every other byte.
    let token_after = head(after, MAX_TOKEN).split(is_space).next().unwrap_or("");
    let token_before = tail(&s[..at], MAX_TOKEN).rsplit(is_space).next().unwrap_or("");
    if [token_before, token_after].iter().any(|t| t.contains(['@', '/'])) {
        return false; // "Jane.Doe@example.com", "site.Com/Page"
    }
    let word = word_before(s, at);
    let lower_word = word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && word.chars().next_back().is_some_and(char::is_lowercase);
    // Three characters at least: "1.Helado, 2.Carne" is a list.
    let number = word.len() >= 3 && word.chars().all(|c| c.is_ascii_digit() || c == ',');
    let next_word = token_after;
    let mut next = next_word.chars();
    let capitalised = next.next().is_some_and(char::is_uppercase) && next.next().is_none_or(char::is_lowercase);
    let roman = next_word.len() >= 2 && next_word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    (lower_word || number) && (capitalised || (lower_word && roman))
}

/// The word that ends just before byte `at`, without surrounding quotes or brackets.
/// An elided article before it is dropped: "l'Ing." gives "Ing". A word longer than
/// [`MAX_TOKEN`] bytes is read by its end: no abbreviation is that long, and the
/// look-back stays bounded however many full stops a long token holds.
pub(super) fn word_before(s: &str, at: usize) -> &str {
    let head = tail(&s[..at], MAX_TOKEN);
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

/// The longest token (word, address, number) the rules read around a mark, in
/// bytes. Every look-back and look-ahead from a mark is bounded by it, so that
/// segmentation stays linear in text with a mark every few bytes ("a.a.a.",
/// "x.com/x.com/"); real words and abbreviations are far shorter.
pub(super) const MAX_TOKEN: usize = 256;

/// The last `max` bytes of `s` or fewer, starting on a character boundary.
pub(super) fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The first `max` bytes of `s` or fewer, ending on a character boundary.
pub(super) fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Whether a unit is written in a cased script without a single capital: text
/// lower-cased by some pipeline, in which no capital marks a sentence's start.
/// Read once per unit.
pub(super) fn is_lower_cased(unit: &str) -> bool {
    let mut lower = 0usize;
    let mut uncased = 0usize;
    for c in unit.chars() {
        if c.is_uppercase() {
            return false;
        }
        if c.is_lowercase() {
            lower += 1;
        } else if c.is_alphabetic() {
            uncased += 1;
        }
    }
    lower > 0 && lower >= uncased
}
