//! One document read as sentences: where each starts and ends (after any
//! dateline), whether it may be chosen and why not, and its words. Nothing here
//! knows about other documents; terms and weights come later, over the cluster.

use std::ops::Range;

use crate::clean::{self, Exclusion, Placement};
use crate::config::Config;
use crate::text::language::{Language, Units};
use crate::text::tokenize::han_kana_units;
use crate::text::{segment, words};

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnalysedSentence {
    /// Its index among its document's sentences (headings included).
    pub(crate) index: usize,
    /// Byte span in the document, after any dateline.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Why it may not be chosen, if it may not.
    pub(crate) exclusion: Option<Exclusion>,
    /// Its position among its document's sentences that are not excluded (0 for
    /// the first): news puts what matters first, so this feeds the position prior.
    pub(crate) candidate_position: usize,
    /// Whether it opens by pointing back to the sentence before it ("This piece",
    /// "However,"), so that it may only be shown right after that one.
    pub(crate) leans_back: bool,
    /// How many words (UAX #29) it has, as budgets and length priors count them.
    pub(crate) word_count: usize,
    /// What it is indexed by, as a range of [`AnalysedDocument::words`]: its
    /// words, or in Chinese and Japanese words, characters and bigrams.
    words: Range<usize>,
}

/// A document's sentences and all their words, in reading order.
#[derive(Debug, Default)]
pub(crate) struct AnalysedDocument<'a> {
    pub(crate) sentences: Vec<AnalysedSentence>,
    /// Every sentence's words back to back: one vector per document rather than
    /// one per sentence.
    words: Vec<&'a str>,
}

impl<'a> AnalysedDocument<'a> {
    /// The words of `sentence` (one of this document's), in reading order.
    pub(crate) fn words(&self, sentence: &AnalysedSentence) -> &[&'a str] {
        &self.words[sentence.words.clone()]
    }
}

/// Segments `text`, skips line-opening datelines and classifies each sentence.
/// With `config.filter_boilerplate` off, every sentence is a candidate and its
/// span is the segment's.
pub(crate) fn analyse<'a>(text: &'a str, config: &Config) -> AnalysedDocument<'a> {
    let segments = segment(text, config.language);
    // News runs about one word per six bytes: reserving that saves regrowing the
    // word list over and over, and a wrong guess costs one regrowth at most.
    let words_guess = text.len() / 6;
    let mut document =
        AnalysedDocument { sentences: Vec::with_capacity(segments.len()), words: Vec::with_capacity(words_guess) };
    let mut candidate_position = 0;
    for (index, segment) in segments.iter().enumerate() {
        let placement = Placement::of(text, segment.start, segment.end);
        let mut start = segment.start;
        if placement.starts_line && config.filter_boilerplate {
            start += clean::dateline_length(&text[start..segment.end]);
        }
        let sentence_text = &text[start..segment.end];
        let first_word = document.words.len();
        let word_count = match config.language.units() {
            Units::Words => {
                document.words.extend(words(sentence_text).map(|(_, word)| word));
                document.words.len() - first_word
            }
            Units::HanKana => {
                han_kana_units(sentence_text, &mut document.words);
                words(sentence_text).count()
            }
        };
        let exclusion = if !config.filter_boilerplate {
            None
        } else if index == 0 && clean::is_headline(text, &segments) {
            Some(Exclusion::Heading)
        } else {
            clean::classify(
                config.language,
                sentence_text,
                segment.terminated,
                &placement,
                word_count,
                config.min_words,
            )
        };
        let leans_back = config.self_contained && clean::leans_back(config.language, &document.words[first_word..]);
        document.sentences.push(AnalysedSentence {
            leans_back,
            index,
            start,
            end: segment.end,
            exclusion,
            candidate_position,
            word_count,
            words: first_word..document.words.len(),
        });
        if exclusion.is_none() {
            candidate_position += 1;
        }
    }
    document
}

/// What `text` (a query) is indexed by in `language`, as a sentence is.
pub(crate) fn units(text: &str, language: Language) -> Vec<&str> {
    let mut units = Vec::new();
    match language.units() {
        Units::Words => units.extend(words(text).map(|(_, word)| word)),
        Units::HanKana => han_kana_units(text, &mut units),
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_skipped_and_headings_excluded() {
        let text = "Markets\n\nLONDON (AP) _ Shares fell sharply on Monday. Bonds rallied strongly after the news.";
        let document = analyse(text, &Config::default());
        let [heading, first, second] = &document.sentences[..] else { panic!("{:?}", document.sentences) };
        assert_eq!(heading.exclusion, Some(Exclusion::Heading));
        assert!(text[first.start..first.end].starts_with("Shares fell"));
        assert_eq!(document.words(first), ["Shares", "fell", "sharply", "on", "Monday"]);
        assert_eq!((first.index, first.candidate_position), (1, 0));
        assert_eq!((second.index, second.candidate_position), (2, 1));
    }

    #[test]
    fn chinese_sentences_are_indexed_by_characters_and_bigrams_and_counted_in_words() {
        let text = "地震造成12人受伤。";
        let config = Config { language: Language::Chinese, ..Config::default() };
        let document = analyse(text, &config);
        let [sentence] = &document.sentences[..] else { panic!("{:?}", document.sentences) };
        let units = ["地", "震", "造", "成", "地震", "震造", "造成", "12", "人", "受", "伤", "人受", "受伤"];
        assert_eq!(document.words(sentence), units);
        assert_eq!(sentence.word_count, crate::text::word_count(text));
        assert_eq!(super::units("地震", Language::Japanese), ["地", "震", "地震"]);
        assert_eq!(super::units("地震", Language::English), ["地", "震"]);
    }

    #[test]
    fn without_filtering_every_segment_is_a_candidate_as_is() {
        let text = "Markets\n\nLONDON (AP) _ Shares fell sharply on Monday.";
        let config = Config { filter_boilerplate: false, ..Config::default() };
        let document = analyse(text, &config);
        assert!(document.sentences.iter().all(|s| s.exclusion.is_none()));
        assert!(text[document.sentences[1].start..].starts_with("LONDON"));
        assert_eq!(document.sentences[1].candidate_position, 1);
    }
}
