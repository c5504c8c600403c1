//! What the sentence segmenter knows about a language: its abbreviations and the
//! few punctuation habits that differ between languages.
//!
//! Every [`Language`] has rules; any other name gets the language-neutral rules
//! (so that `segment_by_name` never fails).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::language::{Language, LanguageData};

/// Abbreviations the segmenter knows, lower-cased and without the final full stop.
#[derive(Debug, Default)]
pub(crate) struct Abbreviations {
    /// Never end a sentence ("Mr.", "e.g.", "No.").
    pub(crate) title: HashSet<String>,
    /// End a sentence only before a common sentence opener ("Inc.", "U.S.").
    pub(crate) general: HashSet<String>,
    /// Lower-cased words that commonly open a sentence.
    pub(crate) starters: HashSet<String>,
    /// Relative words that tie a bracketed aside to the sentence before it:
    /// "It was true. (Which surprised no one.)" is one sentence.
    pub(crate) relatives: HashSet<String>,
}

impl Abbreviations {
    fn parse_into(&mut self, source: &str) {
        let mut section = None;
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = Some(line);
                continue;
            }
            let target = match section {
                Some("[title]") => &mut self.title,
                Some("[general]") => &mut self.general,
                Some("[starters]") => &mut self.starters,
                Some("[relatives]") => &mut self.relatives,
                _ => continue,
            };
            target.extend(line.split_whitespace().map(str::to_lowercase));
        }
    }
}

/// Sentence openers used for every language in addition to a language's own.
const COMMON_STARTERS: &str = "the a an he she it they we i you his her its their our this that these those \
    there but and or so yet however in on at for if when while after before as mr mrs ms dr";

/// The segmentation rules of one language.
#[derive(Debug, Default)]
pub(crate) struct SegmentRules {
    pub(crate) abbreviations: Abbreviations,
    pub(crate) punctuation: Punctuation,
    /// Stop words of three letters or more: a full stop after one that is not also
    /// an abbreviation ends a sentence even before a lower-case word ("nobody. the").
    pub(crate) function_words: HashSet<String>,
}

/// The punctuation habits in which languages differ.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Punctuation {
    /// Whether "3." before a capitalised word is an ordinal ("am 3. Oktober") rather
    /// than the end of a sentence.
    pub(crate) ordinal_full_stop: bool,
    /// Whether ';' is the question mark (Greek).
    pub(crate) semicolon_is_question: bool,
    /// Whether ':' ends a sentence: the full stop of Armenian typewriters, which
    /// lacked '։'; the end of a lead-in in Arabic news ("سؤال وجواب:", "Q&A:").
    pub(crate) colon_is_full_stop: bool,
    /// Whether the Arabic comma '،' ends a sentence: Arabic prose chains whole
    /// clauses with it where English would use full stops. A comma between single
    /// words ("الدم، والقلب،") lists them instead.
    pub(crate) arabic_comma_is_full_stop: bool,
}

impl Punctuation {
    const PLAIN: Punctuation = Punctuation {
        ordinal_full_stop: false,
        semicolon_is_question: false,
        colon_is_full_stop: false,
        arabic_comma_is_full_stop: false,
    };
    const ORDINALS: Punctuation = Punctuation { ordinal_full_stop: true, ..Punctuation::PLAIN };
}

impl SegmentRules {
    fn build(sources: &[&str], punctuation: Punctuation) -> Self {
        let mut abbreviations = Abbreviations::default();
        abbreviations.parse_into(include_str!("abbreviations/generic.txt"));
        for source in sources {
            abbreviations.parse_into(source);
        }
        abbreviations.starters.extend(COMMON_STARTERS.split_whitespace().map(str::to_owned));
        SegmentRules { abbreviations, punctuation, function_words: HashSet::new() }
    }

    /// The rules of a language polysum analyses, built on first use.
    pub(crate) fn of(language: Language) -> &'static SegmentRules {
        static CACHE: [OnceLock<SegmentRules>; Language::ALL.len()] = [const { OnceLock::new() }; Language::ALL.len()];
        let slot =
            Language::ALL.iter().position(|l| *l == language).expect("every Language is listed in Language::ALL");
        CACHE[slot].get_or_init(|| {
            let punctuation = match language {
                Language::German
                | Language::Danish
                | Language::Norwegian
                | Language::Finnish
                | Language::Hungarian
                | Language::Turkish
                | Language::Czech
                | Language::Slovak
                | Language::Polish => Punctuation::ORDINALS,
                Language::Armenian => Punctuation { colon_is_full_stop: true, ..Punctuation::PLAIN },
                Language::Greek => Punctuation { semicolon_is_question: true, ..Punctuation::PLAIN },
                Language::Arabic => {
                    Punctuation { colon_is_full_stop: true, arabic_comma_is_full_stop: true, ..Punctuation::PLAIN }
                }
                _ => Punctuation::PLAIN,
            };
            let sources: Vec<&str> = language.abbreviation_source().into_iter().collect();
            let mut rules = SegmentRules::build(&sources, punctuation);
            rules.function_words = LanguageData::get(language)
                .stopwords
                .iter()
                .filter(|word| word.chars().count() >= 3)
                .cloned()
                .collect();
            rules
        })
    }

    /// The rules for a language named by its English name or ISO 639-1 code, or
    /// else the language-neutral rules. Never fails.
    pub(crate) fn named(name: &str) -> &'static SegmentRules {
        static NEUTRAL: OnceLock<SegmentRules> = OnceLock::new();
        match name.parse::<Language>() {
            Ok(language) => SegmentRules::of(language),
            Err(_) => NEUTRAL.get_or_init(|| SegmentRules::build(&[], Punctuation::PLAIN)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysed_segmentation_only_and_unknown_languages_all_have_rules() {
        let english = SegmentRules::of(Language::English);
        assert!(english.abbreviations.title.contains("mr"));
        assert!(english.abbreviations.general.contains("u.s"));
        assert!(std::ptr::eq(SegmentRules::named("en"), english));
        assert!(SegmentRules::named("hy").punctuation.colon_is_full_stop);
        assert!(SegmentRules::named("Slovak").punctuation.ordinal_full_stop);
        let neutral = SegmentRules::named("klingon");
        assert!(!neutral.punctuation.colon_is_full_stop && !neutral.abbreviations.title.contains("mr"));
        assert!(neutral.abbreviations.title.contains("dr"), "the generic list applies everywhere");
    }
}
