//! Telling story from page furniture: which sentences may never be chosen
//! (headings, bylines, boilerplate, section-title questions, fragments), and where
//! a sentence's own text starts after a dateline ("HANOI, June 20 (Reuters) – ").

mod context;
mod screen;

pub(crate) use context::leans_back;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use self::screen::PhraseScreen;
use crate::text::{Language, Segment};

/// Why a sentence is kept out of summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Exclusion {
    /// A line without final punctuation (a heading, dateline, byline or caption),
    /// or a document's headline over its date line, punctuated or not.
    Heading,
    /// Page furniture: subscription prompts, copyright notices, sharing widgets.
    Boilerplate,
    /// A credit line ("By Jane Doe.", "Reporting by ...").
    Byline,
    /// A short question standing on its own line, used as a section title.
    Question,
    /// Too few words to say anything on its own.
    TooShort,
    /// Longer than any sentence a reader would take: a table, a list, markup or
    /// a blob run together without punctuation.
    TooLong,
    /// It states what the seen documents already state (a focused summary's
    /// `seen`): nothing new for the reader.
    Seen,
}

impl Exclusion {
    /// The reason's name, as serialised ("heading", "too_short", ...).
    pub fn name(self) -> &'static str {
        match self {
            Exclusion::Heading => "heading",
            Exclusion::Boilerplate => "boilerplate",
            Exclusion::Byline => "byline",
            Exclusion::Question => "question",
            Exclusion::TooShort => "too_short",
            Exclusion::TooLong => "too_long",
            Exclusion::Seen => "seen",
        }
    }
}

/// Sentences longer than this (in bytes of UTF-8) are never chosen: a summary
/// sentence of more than about 600 words is no sentence.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4_096;

/// Where a sentence stands in its document, as far as classifying it needs.
pub(crate) struct Placement {
    /// Nothing but whitespace stands between the line start and the sentence.
    pub(crate) starts_line: bool,
    /// Nothing but whitespace stands between the sentence and the line end.
    pub(crate) ends_line: bool,
}

impl Placement {
    /// Walks only across the whitespace next to the sentence, so the cost is the
    /// gap's length, not the line's: a megabyte-long line of sentences stays
    /// linear.
    pub(crate) fn of(document: &str, start: usize, end: usize) -> Self {
        fn reaches_break(mut chars: impl Iterator<Item = char>) -> bool {
            let line_break = |c: char| c == '\n' || c == '\r';
            chars.find(|c| !c.is_whitespace() || line_break(*c)).is_none_or(line_break)
        }
        Placement {
            starts_line: reaches_break(document[..start].chars().rev()),
            ends_line: reaches_break(document[end..].chars()),
        }
    }
}

/// The page furniture of one language: its boilerplate phrases and the openings of
/// its credit lines, read from `boilerplate/<language>.txt` (English's always too).
struct Furniture {
    /// Whether a sentence contains any of the boilerplate phrases, quickly: nearly
    /// every sentence is screened out before `phrases` is run.
    screen: PhraseScreen,
    /// All boilerplate phrases in one automaton: one pass over a sentence, without
    /// lower-casing it first. English's come first.
    phrases: AhoCorasick,
    /// How many of the patterns are English's, which match anywhere ("subscribe" in
    /// "subscribers", as they always did); the others only as whole words, so that
    /// "lire aussi" is not found in "élire aussi".
    english_phrases: usize,
    /// Openings that make any sentence of at most 8 words a credit line, with the
    /// space that follows them unless they end in ':' ("by ", "foto:").
    credits: Vec<String>,
    /// Openings that make a sentence of at most 12 words a credit line when a name
    /// follows them ("par " + "Jean Dupont").
    named_credits: Vec<String>,
}

/// The furniture lists of the languages that have one besides English.
const FURNITURE: &[(Language, &str)] = &[
    (Language::Czech, include_str!("boilerplate/czech.txt")),
    (Language::Danish, include_str!("boilerplate/danish.txt")),
    (Language::Dutch, include_str!("boilerplate/dutch.txt")),
    (Language::French, include_str!("boilerplate/french.txt")),
    (Language::German, include_str!("boilerplate/german.txt")),
    (Language::Italian, include_str!("boilerplate/italian.txt")),
    (Language::Norwegian, include_str!("boilerplate/norwegian.txt")),
    (Language::Portuguese, include_str!("boilerplate/portuguese.txt")),
    (Language::Russian, include_str!("boilerplate/russian.txt")),
    (Language::Spanish, include_str!("boilerplate/spanish.txt")),
    (Language::Swedish, include_str!("boilerplate/swedish.txt")),
];

const ENGLISH_FURNITURE: &str = include_str!("boilerplate/english.txt");

/// Most credits and names stay within this many words.
const CREDIT_WORDS: usize = 8;
const NAMED_CREDIT_WORDS: usize = 12;

impl Furniture {
    fn build(sources: &[&str]) -> Furniture {
        let mut phrases: Vec<String> = Vec::new();
        let mut english_phrases = 0;
        let mut credits = Vec::new();
        let mut named_credits = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            let mut section = "";
            for line in source.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if line.starts_with('[') {
                    section = line;
                    continue;
                }
                let opening = if line.ends_with(':') { line.to_owned() } else { format!("{line} ") };
                match section {
                    "[phrases]" => {
                        for form in case_forms(line) {
                            if !phrases.contains(&form) {
                                phrases.push(form);
                            }
                        }
                    }
                    "[credits]" => credits.push(opening),
                    "[credits before a name]" => named_credits.push(opening),
                    _ => {}
                }
            }
            if i == 0 {
                english_phrases = phrases.len();
            }
        }
        let screen = PhraseScreen::new(&phrases);
        let phrases = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)
            .expect("the boilerplate phrases are valid patterns");
        Furniture { screen, phrases, english_phrases, credits, named_credits }
    }

    /// Whether `sentence` contains a boilerplate phrase.
    fn has_phrase(&self, sentence: &str) -> bool {
        if !self.screen.any_in(sentence) {
            return false;
        }
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.phrases.find_overlapping_iter(sentence).any(|found| {
            let (before, phrase, after) =
                (&sentence[..found.start()], &sentence[found.range()], &sentence[found.end()..]);
            let glued_before = word_char(phrase.chars().next()) && word_char(before.chars().next_back());
            let glued_after = word_char(phrase.chars().next_back()) && word_char(after.chars().next());
            found.pattern().as_usize() < self.english_phrases || !(glued_before || glued_after)
        })
    }

    /// The furniture of `language`, built on first use.
    fn of(language: Language) -> &'static Furniture {
        static CACHE: [OnceLock<Furniture>; Language::ALL.len()] = [const { OnceLock::new() }; Language::ALL.len()];
        let slot =
            Language::ALL.iter().position(|l| *l == language).expect("every Language is listed in Language::ALL");
        CACHE[slot].get_or_init(|| {
            let mut sources = vec![ENGLISH_FURNITURE];
            sources.extend(FURNITURE.iter().filter(|(l, _)| *l == language).map(|(_, source)| *source));
            Furniture::build(&sources)
        })
    }

    /// Whether `opening` (a sentence from its first letter or digit) is a credit
    /// line of `words` words.
    fn is_credit(&self, opening: &str, words: usize) -> bool {
        // The length in `opening` of the entry it opens with, if it does.
        let opens_with = |entry: &str| -> Option<usize> {
            if entry.is_ascii() {
                opening.get(..entry.len()).filter(|head| head.eq_ignore_ascii_case(entry)).map(str::len)
            } else {
                let head_end = opening.char_indices().nth(entry.chars().count()).map_or(opening.len(), |(i, _)| i);
                (opening[..head_end].to_lowercase() == entry).then_some(head_end)
            }
        };
        if words <= CREDIT_WORDS && self.credits.iter().any(|entry| opens_with(entry).is_some()) {
            return true;
        }
        words <= NAMED_CREDIT_WORDS
            && self.named_credits.iter().any(|entry| opens_with(entry).is_some_and(|end| is_name(&opening[end..])))
    }
}

/// A phrase as written, and for phrases with letters outside ASCII (which the
/// automaton compares case-sensitively) also with its first letter and with all its
/// letters in upper case: "lesen sie auch" needs nothing more, "réservé aux abonnés"
/// gets "Réservé aux abonnés" and "RÉSERVÉ AUX ABONNÉS".
fn case_forms(phrase: &str) -> Vec<String> {
    let mut forms = vec![phrase.to_owned()];
    if !phrase.is_ascii() {
        let mut chars = phrase.chars();
        if let Some(first) = chars.next() {
            forms.push(first.to_uppercase().chain(chars).collect());
        }
        forms.push(phrase.to_uppercase());
    }
    forms
}

/// Words that join the parts of a name or two names in a credit line.
const NAME_PARTICLES: &[&str] = &[
    "and", "und", "et", "y", "e", "en", "och", "og", "a", "i", "&", "de", "da", "das", "do", "dos", "del", "della",
    "di", "du", "la", "le", "van", "von", "der", "den", "ter", "zu",
];

/// Whether `text` opens with a name: two or more capitalised words, joined only by
/// particles, up to a comma, bar, dash or bracket ("Jean Dupont, à Lyon", "Jan
/// de Vries"); "ailleurs, le ..." or "Montag an gilt ..." are not names.
fn is_name(text: &str) -> bool {
    let end = text.find([',', '|', '–', '—', '(', '/', ';', ':']).unwrap_or(text.len());
    let end = text[..end].find(" - ").unwrap_or(end);
    let mut capitalised = 0;
    for word in text[..end].split_whitespace() {
        let word = word.trim_end_matches(['.', '!', '?']);
        if word.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        } else if !word.is_empty() && !NAME_PARTICLES.contains(&word) {
            return false;
        }
    }
    capitalised >= 2
}

/// Decides whether a sentence of a document in `language` may be chosen. `words` is
/// its word count and `min_words` the configured length below which sentences are
/// damped. The boilerplate phrases and credit lines of English apply to every
/// language, with those of `language` where it has a list.
pub(crate) fn classify(
    language: Language,
    sentence: &str,
    terminated: bool,
    placement: &Placement,
    words: usize,
    min_words: usize,
) -> Option<Exclusion> {
    if !terminated {
        return Some(Exclusion::Heading);
    }
    if sentence.len() > MAX_SENTENCE_BYTES {
        return Some(Exclusion::TooLong);
    }
    let furniture = Furniture::of(language);
    if furniture.has_phrase(sentence) {
        return Some(Exclusion::Boilerplate);
    }
    let opening = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    if furniture.is_credit(opening, words) {
        return Some(Exclusion::Byline);
    }
    let ends_in_question = sentence.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?').ends_with('?');
    if ends_in_question && placement.starts_line && placement.ends_line && words <= 15 {
        return Some(Exclusion::Question);
    }
    if words < (min_words / 2).max(2) {
        return Some(Exclusion::TooShort);
    }
    None
}

/// A headline has at most this many words; a longer opening line over a date
/// line is a lede paragraph (ledes run 25-40 words) and stays a candidate.
const HEADLINE_WORDS: usize = 25;

/// Whether a document's first unit is its headline: a line of its own followed by
/// a date line ("Saturday, January 8, 2005"), the header of a news article. Some
/// sources end headlines with a full stop, so being terminated does not make one a
/// sentence of the story; taken, it would shut out the lede that restates it.
pub(crate) fn is_headline(document: &str, segments: &[Segment]) -> bool {
    let [first, next, ..] = segments else { return false };
    if crate::text::word_count(&document[first.start..first.end]) > HEADLINE_WORDS {
        return false;
    }
    let alone = |s: &Segment| {
        let placement = Placement::of(document, s.start, s.end);
        placement.starts_line && placement.ends_line
    };
    let date_line = {
        let text = &document[next.start..next.end];
        !next.terminated && text.chars().any(|c| c.is_numeric()) && crate::text::word_count(text) <= 8
    };
    date_line && alone(first) && alone(next)
}

/// How many bytes of a line-opening sentence are a dateline to skip: "LONDON (AP)
/// _ ", "HANOI, June 20 (Reuters) – ", "Hanoi: ". Returns 0 where there is none.
pub(crate) fn dateline_length(sentence: &str) -> usize {
    // The first 100 characters: 100 bytes when those are ASCII, as they mostly are
    // (and a sentence of at most 100 bytes has at most 100 characters), without
    // decoding them one by one.
    let head_end = match sentence.as_bytes().get(..100) {
        None => sentence.len(),
        Some(first) if first.is_ascii() => 100,
        Some(_) => sentence.char_indices().nth(100).map_or(sentence.len(), |(i, _)| i),
    };
    let head = &sentence[..head_end];
    // Most sentences have no spaced dash and no ": " at all: one look at each
    // space rules them out before the substring searches.
    let bytes = head.as_bytes();
    let spaced_mark = memchr::memchr_iter(b' ', bytes)
        .any(|at| matches!(bytes.get(at + 1), Some(b'-' | b'_' | 0xE2)) || (at > 0 && bytes[at - 1] == b':'));
    if !spaced_mark {
        return 0;
    }
    for dash in [" – ", " — ", " -- ", " - ", " _ "] {
        if let Some(at) = head.find(dash) {
            let prefix = &head[..at];
            let words = prefix.split_whitespace().count();
            let shouting = prefix
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase));
            let credited = prefix.contains('(') && prefix.trim_end().ends_with(')');
            if words <= 10 && (shouting || credited) {
                return skip_to_text(sentence, at + dash.len());
            }
        }
    }
    if let Some(at) = head.find(": ") {
        let prefix = &head[..at];
        let words: Vec<&str> = prefix.split_whitespace().collect();
        let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let rest = &sentence[at + 2..];
        let next_upper = rest.trim_start().chars().next().is_some_and(char::is_uppercase);
        if (1..=3).contains(&words.len()) && capitalised && next_upper && rest.split_whitespace().count() >= 4 {
            return skip_to_text(sentence, at + 2);
        }
    }
    0
}

fn skip_to_text(sentence: &str, from: usize) -> usize {
    let rest = &sentence[from..];
    from + (rest.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alone() -> Placement {
        Placement { starts_line: true, ends_line: true }
    }

    fn check(sentence: &str, terminated: bool) -> Option<Exclusion> {
        classify(Language::English, sentence, terminated, &alone(), crate::text::word_count(sentence), 8)
    }

    #[test]
    fn placement_looks_only_across_whitespace() {
        let text = "Title\n  First one. Second one.  \r\nThird.";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Placement::of(text, start, start + needle.len())
        };
        let (first, second, third) = (at("First one."), at("Second one."), at("Third."));
        assert!(first.starts_line && !first.ends_line);
        assert!(!second.starts_line && second.ends_line);
        assert!(third.starts_line && third.ends_line);
    }

    #[test]
    fn headings_and_fragments() {
        assert_eq!(check("Strengthening Bilateral Ties", false), Some(Exclusion::Heading));
        assert_eq!(check("2024-06-20 13:43:34 BdST", false), Some(Exclusion::Heading));
        assert_eq!(check("He left.", true), Some(Exclusion::TooShort));
    }

    #[test]
    fn a_line_over_a_date_line_is_a_headline() {
        let headline = |text: &str| is_headline(text, &crate::text::segment(text, crate::text::Language::English));
        assert!(headline(
            "Aid pledges rise sharply.\n\nSaturday, January 1, 2005\n\nThe world's richest nations gave more."
        ));
        assert!(headline(
            "Aid pledges rise sharply.\nSaturday, January 1, 2005\nThe world's richest nations gave more."
        ));
        // A one-sentence first paragraph over a subheading or over text is the lede.
        assert!(!headline("The world's richest nations gave more.\n\nJapan tops the list\n\nJapan gave most."));
        assert!(!headline(
            "The world's richest nations gave more.\n\nJapan gave 500 million dollars on Saturday, Jan. 1."
        ));
        // A date line must stand alone: a dateline opening the lede is no headline's.
        assert!(!headline("Aid pledges rise sharply.\nTOKYO 2005 - Japan gave most."));
        assert!(!headline("Aid pledges rise sharply."));
        // Too long for a headline: a lede paragraph over a time stamp.
        let lede = "The world's wealthiest nations have begun pouring money into the region, and the pledges \
                    made by governments and charities alike doubled in the past day to nearly two billion dollars.";
        assert!(!headline(&format!("{lede}\nPosted 3 hours ago\nMore follows.")));
    }

    #[test]
    fn boilerplate_lines() {
        assert_eq!(
            check("Thank you for reading this post, don't forget to subscribe!", true),
            Some(Exclusion::Boilerplate)
        );
        assert_eq!(
            check("Unauthorized use or reproduction of The Finance Today content for commercial purposes is strictly prohibited.", true),
            Some(Exclusion::Boilerplate)
        );
        assert_eq!(
            check("Copyright © 2024 The Daily Planet. All rights reserved.", true),
            Some(Exclusion::Boilerplate)
        );
    }

    fn check_in(language: Language, sentence: &str) -> Option<Exclusion> {
        classify(language, sentence, true, &alone(), crate::text::word_count(sentence), 8)
    }

    #[test]
    fn german_furniture_and_bylines() {
        let german = |s: &str| check_in(Language::German, s);
        assert_eq!(
            german("Lesen Sie auch: Wie die Bahn ihre Fahrpläne für den Winter ändert."),
            Some(Exclusion::Boilerplate)
        );
        assert_eq!(german("© 2024 Zeitungsverlag. Alle Rechte vorbehalten."), Some(Exclusion::Boilerplate));
        assert_eq!(german("DATENSCHUTZERKLÄRUNG und Impressum finden Sie unten."), Some(Exclusion::Boilerplate));
        assert_eq!(german("Von Anna Schmidt und Jan von Berg, Berlin."), Some(Exclusion::Byline));
        assert_eq!(german("Foto: dpa."), Some(Exclusion::Byline));
        // "Von" opening a story sentence, and the English rules still apply.
        assert_eq!(german("Von Montag an gilt in allen Bundesländern das neue Gesetz."), None);
        assert_eq!(german("Von Angela Merkel kam bis zum Abend keine Antwort."), None);
        assert_eq!(german("Thank you for reading this post, don't forget to subscribe!"), Some(Exclusion::Boilerplate));
        // Another language's furniture is not German's.
        assert_eq!(german("Par Jean Dupont, envoyé spécial."), None);
    }

    #[test]
    fn french_furniture_and_bylines() {
        let french = |s: &str| check_in(Language::French, s);
        assert_eq!(
            french("Cet article est réservé aux abonnés, connectez-vous pour le lire."),
            Some(Exclusion::Boilerplate)
        );
        assert_eq!(
            french("Abonnez-vous à notre lettre quotidienne pour ne rien manquer."),
            Some(Exclusion::Boilerplate)
        );
        assert_eq!(french("Le Journal, tous droits réservés."), Some(Exclusion::Boilerplate));
        assert_eq!(french("Par Jean-Pierre Dupont, envoyé spécial à Kiev."), Some(Exclusion::Byline));
        assert_eq!(french("Propos recueillis par Marie Durand."), Some(Exclusion::Byline));
        assert_eq!(french("Par ailleurs, le gouvernement a annoncé une réforme."), None);
        // Phrases of other languages than English match whole words only.
        assert_eq!(french("Lire aussi : la réforme des retraites expliquée."), Some(Exclusion::Boilerplate));
        assert_eq!(french("Les députés doivent élire aussi un nouveau président de séance."), None);
        assert_eq!(french("Par Emmanuel Macron lui-même, la réforme fut annoncée hier."), None);
    }

    #[test]
    fn english_furniture_alone_for_english() {
        assert_eq!(check_in(Language::English, "Par Jean Dupont, envoyé spécial."), None);
        assert_eq!(check_in(Language::English, "Lesen Sie auch: was geschah."), None);
        assert_eq!(check("By Jane Doe and John Roe.", true), check_in(Language::French, "By Jane Doe and John Roe."));
        assert!(case_forms("lire aussi") == ["lire aussi"]);
        assert_eq!(case_forms("réservé aux"), ["réservé aux", "Réservé aux", "RÉSERVÉ AUX"]);
    }

    #[test]
    fn names_match_the_serialised_form() {
        for reason in [
            Exclusion::Heading,
            Exclusion::Boilerplate,
            Exclusion::Byline,
            Exclusion::Question,
            Exclusion::TooShort,
            Exclusion::TooLong,
        ] {
            assert_eq!(serde_json::to_value(reason).unwrap(), reason.name());
        }
    }

    #[test]
    fn overlong_runs_are_not_sentences() {
        let blob = format!("Start {} ends it.", "x".repeat(MAX_SENTENCE_BYTES));
        assert_eq!(check(&blob, true), Some(Exclusion::TooLong));
    }

    #[test]
    fn bylines_and_title_questions() {
        assert_eq!(check("By Jane Doe and John Roe.", true), Some(Exclusion::Byline));
        assert_eq!(check("Why is Putin going to Hanoi?", true), Some(Exclusion::Question));
        let inline = Placement { starts_line: false, ends_line: true };
        assert_eq!(classify(Language::English, "Why is Putin going to Hanoi?", true, &inline, 6, 8), None);
    }

    #[test]
    fn story_sentences_pass() {
        assert_eq!(
            check("Russian officials say the talks will focus on trade, education and energy issues.", true),
            None
        );
        assert_eq!(check("By the end of the day, the two sides had signed eleven separate agreements.", true), None);
    }

    #[test]
    fn datelines_are_skipped() {
        let cases = [
            ("LONDON (AP) _ An influential lawmaker spoke.", "An influential lawmaker spoke."),
            (
                "date 2024-06-20 HANOI, June 20 (Reuters) – Russian President Vladimir Putin arrived.",
                "Russian President Vladimir Putin arrived.",
            ),
            (
                "Hanoi: After a historic visit to North Korea, Putin arrived.",
                "After a historic visit to North Korea, Putin arrived.",
            ),
            ("WASHINGTON — The Senate voted on Tuesday.", "The Senate voted on Tuesday."),
        ];
        for (sentence, rest) in cases {
            assert_eq!(&sentence[dateline_length(sentence)..], rest);
        }
        for plain in [
            "The so-called approach - seeking strength - works.",
            "Russia has been Vietnam's major supplier – of arms.",
            "He said: this is fine and good.",
        ] {
            assert_eq!(dateline_length(plain), 0, "{plain}");
        }
    }
}
