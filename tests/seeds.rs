//! The real seed cluster (five outlets on one visit, with copied paragraphs,
//! headings, bylines, datelines and boilerplate), read from ../shared/seeds.

mod common;

use polysum::{Budget, Config, Summarizer, Summary};

const BOILERPLATE: &[&str] = &["subscribe", "unauthorized use", "popular article", "correspondent", "bdst"];

fn summaries() -> Option<(Vec<polysum::Document>, Vec<Summary>)> {
    let documents = common::seed_cluster()?;
    let summaries = [Budget::Sentences(5), Budget::Words(100)]
        .into_iter()
        .map(|budget| Summarizer::new(Config { budget, ..Config::default() }).unwrap().summarize(&documents).unwrap())
        .collect();
    Some((documents, summaries))
}

#[test]
fn summaries_fill_their_budget_without_repeating_themselves() {
    let Some((_, summaries)) = summaries() else { return };
    assert_eq!(summaries[0].len(), 5);
    let words: usize = summaries[1].sentences.iter().map(|s| polysum::text::word_count(&s.text)).sum();
    assert!((60..=100).contains(&words), "100-word summary has {words} words");
    for summary in &summaries {
        for (i, a) in summary.sentences.iter().enumerate() {
            for b in &summary.sentences[i + 1..] {
                let overlap = common::jaccard(&a.text, &b.text);
                assert!(overlap < 0.5, "near-duplicates chosen ({overlap:.2}):\n  {}\n  {}", a.text, b.text);
            }
        }
    }
}

#[test]
fn summaries_hold_no_boilerplate_headings_or_datelines() {
    let Some((_, summaries)) = summaries() else { return };
    for sentence in summaries.iter().flat_map(|s| &s.sentences) {
        let lower = sentence.text.to_lowercase();
        assert!(!BOILERPLATE.iter().any(|b| lower.contains(b)), "boilerplate chosen: {}", sentence.text);
        let last = sentence.text.trim_end_matches(['"', '”', '’', '\'']).chars().last().unwrap();
        assert!(matches!(last, '.' | '!'), "heading, fragment or question chosen: {}", sentence.text);
        assert!(
            !sentence.text.starts_with("Hanoi:") && !sentence.text.contains("(Reuters)"),
            "dateline kept: {}",
            sentence.text
        );
    }
}

#[test]
fn spans_slice_exactly_the_sentence_and_runs_agree() {
    let Some((documents, summaries)) = summaries() else { return };
    for sentence in summaries.iter().flat_map(|s| &s.sentences) {
        let document = &documents[sentence.doc];
        assert_eq!(document.id, sentence.doc_id);
        assert_eq!(&document.text[sentence.byte_range()], sentence.text);
    }
    let (_, again) = self::summaries().unwrap();
    assert_eq!(summaries, again);
}

#[test]
fn us_and_senator_stay_inside_sentences() {
    let Some(documents) = common::seed_cluster() else { return };
    for document in &documents {
        for segment in polysum::segment(&document.text, polysum::Language::English) {
            let text = &document.text[segment.range()];
            assert!(!text.ends_with(" U.S.") && !text.ends_with(" Sen."), "split after an abbreviation: {text}");
        }
    }
}
