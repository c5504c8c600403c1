//! Properties over generated clusters: no panic, spans on character boundaries
//! that slice the sentence, sentences drawn from the input, budgets respected,
//! and the same output every time (also through summarize_many).

use polysum::{segment, Budget, Config, Document, Language, Method, Summarizer};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("the".to_string()),
        Just("bridge".to_string()),
        Just("Council".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("3.5".to_string()),
        Just("é".to_string()),
        Just("日本。".to_string()),
        Just("🚧".to_string()),
        Just("\u{200b}".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("\n".to_string()),
        Just("\r\n\r\n".to_string()),
        Just("\"".to_string()),
        "[a-zA-Z]{1,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|pieces| pieces.join(" "))
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (1usize..8).prop_map(Budget::Sentences),
        (1usize..120).prop_map(Budget::Words),
        (1usize..600).prop_map(Budget::Chars),
        (1usize..600).prop_map(Budget::Bytes),
        (0.01f64..=1.0).prop_map(Budget::Ratio),
        (1usize..200).prop_map(Budget::Tokens),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn segments_tile_the_text(text in document()) {
        let mut covered = 0;
        for s in segment(&text, Language::English) {
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(covered <= s.start && s.start < s.end);
            let gap_is_space = text[covered..s.start].chars().all(|c| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c));
            prop_assert!(gap_is_space, "text lost between sentences");
            covered = s.end;
        }
    }

    #[test]
    fn summaries_are_valid_and_deterministic(
        texts in prop::collection::vec(document(), 0..5),
        budget in budget(),
        method in prop::sample::select(Method::ALL.to_vec()),
    ) {
        let documents: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t.clone())).collect();
        let summarizer = Summarizer::new(Config { budget, method, ..Config::default() }).unwrap();
        let summary = summarizer.summarize(&documents).unwrap();
        let mut spent = (0usize, 0usize, 0usize, 0usize);
        for s in &summary.sentences {
            let text = &documents[s.doc].text;
            prop_assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
            prop_assert_eq!(&text[s.byte_range()], s.text.as_str());
            spent.0 += 1;
            spent.1 += polysum::text::word_count(&s.text);
            spent.2 += s.text.chars().count();
            spent.3 += s.text.len();
        }
        let total_words: usize = documents.iter().map(|d| polysum::text::word_count(&d.text)).sum();
        match budget {
            Budget::Sentences(n) => prop_assert!(spent.0 <= n),
            Budget::Words(n) => prop_assert!(spent.1 <= n),
            Budget::Chars(n) => prop_assert!(spent.2 <= n),
            Budget::Bytes(n) => prop_assert!(spent.3 <= n),
            Budget::Ratio(r) => prop_assert!(spent.1 <= ((r * total_words as f64).ceil() as usize).max(1)),
            Budget::Tokens(n) => {
                let tokens = polysum::Encoding::default().count(&summary.text()).unwrap();
                prop_assert!(tokens <= n);
                prop_assert_eq!(summary.tokens, Some(tokens));
            }
        }
        prop_assert_eq!(&summarizer.summarize(&documents).unwrap(), &summary);
        let many = summarizer.summarize_many(&[documents.clone(), documents.clone()]);
        for result in many {
            prop_assert_eq!(&result.unwrap(), &summary);
        }
    }
}
