//! The engine through its public API: methods, budgets, orders, errors and the
//! degenerate inputs users will feed it.

mod common;

use polysum::{
    Budget, Cluster, Config, Document, Error, Exclusion, Focus, IdfScope, Language, Method, Order, Summarizer, Summary,
};

fn summarize(config: Config, documents: &[Document]) -> Summary {
    Summarizer::new(config).unwrap().summarize(documents).unwrap()
}

fn assert_spans_exact(summary: &Summary, documents: &[Document]) {
    for s in &summary.sentences {
        assert_eq!(&documents[s.doc].text[s.byte_range()], s.text);
        let chars: String = documents[s.doc].text.chars().skip(s.start).take(s.end - s.start).collect();
        assert_eq!(chars, s.text, "character offsets");
        assert_eq!(documents[s.doc].id, s.doc_id);
    }
}

#[test]
fn every_method_summarises_the_example_cluster() {
    let documents = common::example_cluster();
    for &method in Method::ALL {
        for lexrank_threshold in [None, Some(0.1)] {
            let config = Config { method, lexrank_threshold, budget: Budget::Sentences(3), ..Config::default() };
            let summary = summarize(config.clone(), &documents);
            let ranking = Summarizer::new(config.clone()).unwrap().rank(&documents).unwrap();
            for _ in 0..5 {
                // Bit-identical, run after run (no hash-order sums anywhere).
                assert_eq!(summarize(config.clone(), &documents), summary, "{method}");
                assert_eq!(Summarizer::new(config.clone()).unwrap().rank(&documents).unwrap(), ranking);
            }
            assert_eq!(summary.len(), 3, "{method}");
            assert_eq!(summary.method, method.resolve(false), "a summary reports the method that ran");
            assert_spans_exact(&summary, &documents);
            assert!(summary.sentences.iter().all(|s| s.score > 0.0 && s.score <= 1.0));
            // The story's lead (the vote to close the bridge) is what every method finds.
            assert!(summary.text().contains("close the"), "{method}: {}", summary.text());
            assert!(!summary.text().contains("Subscribe") && !summary.text().contains("rights reserved"));
        }
    }
}

#[test]
fn methods_rank_differently() {
    let documents = common::example_cluster();
    let scores: Vec<Vec<f64>> = Method::ALL
        .iter()
        .map(|&method| {
            Summarizer::new(Config { method, ..Config::default() }).unwrap().rank(&documents).unwrap().scores()
        })
        .collect();
    assert_ne!(scores[0], scores[1]);
    assert_ne!(scores[1], scores[2]);
}

#[test]
fn every_budget_kind_is_respected() {
    let documents = common::example_cluster();
    let total_words: usize = documents.iter().map(|d| polysum::text::word_count(&d.text)).sum();
    let cases = [
        (Budget::Sentences(2), 2usize),
        (Budget::Words(50), 50),
        (Budget::Chars(300), 300),
        (Budget::Bytes(300), 300),
        (Budget::Ratio(0.2), (0.2 * total_words as f64).ceil() as usize),
        (Budget::Tokens(60), 60),
    ];
    for (budget, limit) in cases {
        let summary = summarize(Config { budget, ..Config::default() }, &documents);
        assert!(!summary.is_empty(), "{budget:?}");
        let spent: usize = match budget {
            // Tokens are counted in the joined text, as it will be sent.
            Budget::Tokens(_) => polysum::Encoding::default().count(&summary.text()).unwrap(),
            _ => summary
                .sentences
                .iter()
                .map(|s| match budget {
                    Budget::Sentences(_) => 1,
                    Budget::Words(_) | Budget::Ratio(_) => polysum::text::word_count(&s.text),
                    Budget::Chars(_) => s.text.chars().count(),
                    _ => s.text.len(),
                })
                .sum(),
        };
        assert_eq!(summary.tokens, matches!(budget, Budget::Tokens(_)).then_some(spent), "{budget:?}");
        assert!(spent <= limit, "{budget:?}: spent {spent} of {limit}");
        assert!(spent * 2 > limit, "{budget:?}: spent only {spent} of {limit}");
    }
}

#[test]
fn a_token_budget_holds_the_joined_text_even_when_joins_cost_more() {
    // A counter for which every join costs 3 tokens more than the sentences
    // alone: selection, spending each sentence's own count, overshoots, and the
    // joined text must be cut back to the budget.
    let count = |text: &str| Ok(text.split_whitespace().count() + 3 * text.matches(". ").count());
    let documents = common::example_cluster();
    for limit in [20, 45, 80, 150] {
        let config = Config { budget: Budget::Tokens(limit), ..Config::default() };
        let summary = Summarizer::new(config).unwrap().with_tokenizer(count).summarize(&documents).unwrap();
        let tokens = count(&summary.text()).unwrap();
        assert_eq!(summary.tokens, Some(tokens));
        assert!(tokens <= limit, "{tokens} > {limit}");
        let own: usize = summary.sentences.iter().map(|s| count(&s.text).unwrap()).sum();
        assert!(tokens * 2 > limit || summary.len() <= 1, "{limit}: only {tokens} ({own} alone)");
    }
    let failing = Summarizer::new(Config { budget: Budget::Tokens(50), ..Config::default() })
        .unwrap()
        .with_tokenizer(|_| Err("offline".into()));
    assert_eq!(failing.summarize(&documents).unwrap_err(), polysum::Error::Tokenizer("offline".into()));
}

#[test]
fn budget_smaller_than_any_sentence_gives_an_empty_summary() {
    let summary = summarize(Config { budget: Budget::Words(2), ..Config::default() }, &common::example_cluster());
    assert!(summary.is_empty());
}

#[test]
fn both_orders_hold_the_same_sentences() {
    let documents = common::example_cluster();
    let by_score = summarize(Config { order: Order::Score, ..Config::default() }, &documents);
    let by_source = summarize(Config { order: Order::Source, ..Config::default() }, &documents);
    assert!(by_score.sentences.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(by_source.sentences.windows(2).all(|w| (w[0].doc, w[0].index) < (w[1].doc, w[1].index)));
    let mut a: Vec<_> = by_score.sentences.iter().map(|s| (s.doc, s.index)).collect();
    let mut b: Vec<_> = by_source.sentences.iter().map(|s| (s.doc, s.index)).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn redundancy_keeps_out_copied_sentences() {
    let documents = common::example_cluster();
    let summary = summarize(Config { budget: Budget::Sentences(6), ..Config::default() }, &documents);
    let chosen: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
    let copies = chosen.iter().filter(|t| t.contains("built in 1958")).count();
    assert_eq!(copies, 1, "{chosen:#?}");
    let mayor = chosen.iter().filter(|t| t.contains("painful but unavoidable")).count();
    assert!(mayor <= 1, "{chosen:#?}");
}

#[test]
fn invalid_configs_are_errors_naming_the_field() {
    let cases = [
        (Config { budget: Budget::Sentences(0), ..Config::default() }, "max_sentences"),
        (Config { budget: Budget::Ratio(0.0), ..Config::default() }, "ratio"),
        (Config { budget: Budget::Ratio(1.01), ..Config::default() }, "ratio"),
        (Config { redundancy: 2.0, ..Config::default() }, "redundancy"),
    ];
    for (config, field) in cases {
        let error = Summarizer::new(config).unwrap_err();
        assert!(matches!(error, Error::InvalidConfig { field: f, .. } if f == field), "{error}");
        assert!(error.to_string().contains(field));
    }
    assert!("lexrnk".parse::<Method>().unwrap_err().to_string().contains("textrank, lexrank, centroid"));
    assert!("elvish".parse::<Language>().unwrap_err().to_string().contains("english"));
}

#[test]
fn oversized_input_is_refused() {
    let summarizer = Summarizer::new(Config { max_input_bytes: 100, ..Config::default() }).unwrap();
    let error = summarizer.summarize(&[Document::new("a", "x".repeat(101))]).unwrap_err();
    assert_eq!(error, Error::InputTooLarge { size: 101, limit: 100 });
}

#[test]
fn degenerate_inputs_give_valid_summaries() {
    let summarizer = Summarizer::default();
    let one_sentence = "The only sentence in this whole document says enough on its own.";
    let no_punctuation =
        "a long run of words with no punctuation at all that goes on and on about the river and the bridge";
    let cases: Vec<(Vec<Document>, usize)> = vec![
        (vec![], 0),
        (vec![Document::new("a", "")], 0),
        (vec![Document::new("a", " \n\t "), Document::new("b", "")], 0),
        (vec![Document::new("a", one_sentence)], 1),
        (vec![Document::new("a", no_punctuation)], 0),
        (vec![Document::new("a", "Hi.")], 0),
    ];
    for (documents, expected) in cases {
        let summary = summarizer.summarize(&documents).unwrap();
        assert_eq!(summary.len(), expected, "{documents:?}");
        assert_eq!(summary.documents, documents.len());
        assert_spans_exact(&summary, &documents);
    }
    let unfiltered = Summarizer::new(Config { filter_boilerplate: false, ..Config::default() }).unwrap();
    let summary = unfiltered.summarize(&[Document::new("a", no_punctuation)]).unwrap();
    assert_eq!(summary.sentences[0].text, no_punctuation);
}

#[test]
fn duplicate_documents_give_one_copy_of_each_sentence() {
    let text = common::example_cluster()[0].text.clone();
    let documents: Vec<Document> = (0..4).map(|i| Document::new(format!("copy{i}"), text.clone())).collect();
    let summary = summarize(Config { budget: Budget::Sentences(10), ..Config::default() }, &documents);
    let mut seen = std::collections::HashSet::new();
    for s in &summary.sentences {
        assert!(seen.insert(s.text.clone()), "chosen twice: {}", s.text);
    }
    assert_eq!(summary.len(), 4, "the four story sentences of the one document");
}

#[test]
fn rank_lists_every_sentence_with_exclusions_and_similarities() {
    let documents = common::example_cluster();
    let ranking = Summarizer::default().rank(&documents).unwrap();
    let total: usize = documents.iter().map(|d| polysum::segment(&d.text, Language::English).len()).sum();
    assert_eq!(ranking.sentences.len(), total);
    let excluded: Vec<_> =
        ranking.sentences.iter().filter_map(|r| r.exclusion.map(|e| (e, r.sentence.text.as_str()))).collect();
    assert!(excluded.contains(&(Exclusion::Heading, "By Mira Okafor")));
    assert!(excluded.contains(&(Exclusion::Question, "What happens next?")));
    assert!(excluded.iter().any(|(e, t)| *e == Exclusion::Boilerplate && t.starts_with("Subscribe")));
    assert!(ranking.sentences.iter().filter(|r| r.exclusion.is_some()).all(|r| r.sentence.score == 0.0));
    let matrix = ranking.similarity_matrix().unwrap();
    assert_eq!(matrix.shape(), [total, total]);
    assert_eq!(matrix, matrix.t());
    assert!(!ranking.similarities.is_empty());
    for pair in &ranking.similarities {
        assert!(pair.a < pair.b && pair.cosine > 0.0 && pair.cosine <= 1.0);
    }
}

#[test]
fn summarize_many_matches_one_by_one_in_order() {
    let example = common::example_cluster();
    let clusters: Vec<Vec<Document>> = (0..example.len()).map(|i| example[i..].to_vec()).chain([vec![]]).collect();
    let summarizer = Summarizer::default();
    let many = summarizer.summarize_many(&clusters);
    assert_eq!(many.len(), clusters.len());
    for (cluster, result) in clusters.iter().zip(many) {
        assert_eq!(result.unwrap(), summarizer.summarize(cluster).unwrap());
    }
}

#[test]
fn summary_and_config_round_trip_through_json() {
    let documents = common::example_cluster();
    let config =
        Config { method: Method::TextRank, idf: IdfScope::Documents, budget: Budget::Words(40), ..Config::default() };
    let summary = summarize(config.clone(), &documents);
    let json = serde_json::to_string(&summary).unwrap();
    assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), summary);
    let json = serde_json::to_string(&config).unwrap();
    assert_eq!(serde_json::from_str::<Config>(&json).unwrap(), config);
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Summarizer>();
    check::<Summary>();
    check::<Config>();
    check::<Document>();
    check::<Error>();
    check::<polysum::Ranking>();
}

#[test]
fn headlines_over_date_lines_give_way_to_their_ledes() {
    // Sources that end headlines with a full stop: the headline is page furniture,
    // and the lede that restates it at length is the sentence to take.
    let documents = [
        Document::new(
            "a",
            "Storm floods the coastal town.\n\nMonday, March 3, 2025\n\n\
             A winter storm flooded the coastal town of Easton on Monday, forcing hundreds of families from their homes. \
             Rescue crews worked through the night.",
        ),
        Document::new(
            "b",
            "Easton begins to rebuild after storm.\n\nFriday, March 7, 2025\n\n\
             Families in the coastal town of Easton returned on Friday to homes the storm had flooded earlier in the week. \
             The mayor promised help with repairs.",
        ),
    ];
    let ranking = Summarizer::new(Config::default()).unwrap().rank(&documents).unwrap();
    let headlines: Vec<_> = ranking.sentences.iter().filter(|r| r.sentence.index == 0).collect();
    assert_eq!(headlines.len(), 2);
    assert!(headlines.iter().all(|r| r.exclusion == Some(Exclusion::Heading)));
    let summary = summarize(Config { budget: Budget::Sentences(2), ..Config::default() }, &documents);
    assert!(summary.text().contains("A winter storm flooded"), "{}", summary.text());
    assert!(!summary.text().contains("Storm floods the coastal town."), "{}", summary.text());
}

#[test]
fn a_focus_without_query_or_seen_changes_nothing_and_batches_match_one_by_one() {
    let documents = common::example_cluster();
    for method in Method::ALL {
        let summarizer =
            Summarizer::new(Config { method: *method, budget: Budget::Words(80), ..Config::default() }).unwrap();
        let generic = summarizer.summarize(&documents).unwrap();
        assert_eq!(summarizer.summarize_focused(&documents, &Focus::default()).unwrap(), generic);
        assert_eq!(
            summarizer.rank_focused(&documents, &Focus::default()).unwrap(),
            summarizer.rank(&documents).unwrap()
        );
        let clusters = [
            Cluster::from(documents.clone()),
            Cluster {
                documents: documents[1..].to_vec(),
                query: Some("repairs cost".into()),
                seen: documents[..1].to_vec(),
            },
        ];
        let batch = summarizer.summarize_clusters(&clusters);
        assert_eq!(batch[0].as_ref().unwrap(), &generic);
        let one = summarizer.summarize_focused(&clusters[1].documents, &clusters[1].focus()).unwrap();
        assert_eq!(batch[1].as_ref().unwrap(), &one);
        assert_eq!(one.query.as_deref(), Some("repairs cost"));
        assert_eq!(one.seen_documents, 1);
    }
}

#[test]
fn summaries_read_back_from_json_are_checked() {
    let documents = common::example_cluster();
    let summary = Summarizer::new(Config::default()).unwrap().summarize(&documents).unwrap();
    let json = serde_json::to_string(&summary).unwrap();
    assert_eq!(Summary::from_json(&json).unwrap(), summary);
    let broken = json.replacen("\"end\":", "\"end\":1", 1);
    assert!(matches!(Summary::from_json(&broken), Err(Error::InvalidSummary(_))));
    assert!(Summary::from_json(&"[".repeat(100_000)).is_err());
}

/// Greedy selection by sentence count takes the same sentences in the same order
/// whatever the count, so a shorter summary's sentences are all in a longer one:
/// lazy evaluation (a heap of stale values, src/select/pool.rs) must choose what a
/// scan of every candidate chooses at every step. The exhaustive scan itself is
/// compared step by step in `select::tests::lazy_selection_equals_the_exhaustive_scan`.
#[test]
fn selection_by_sentence_count_grows_by_prefixes_for_every_method() {
    let mut documents = common::example_cluster();
    documents.extend(common::example_cluster().into_iter().map(|d| Document::new(format!("{}-copy", d.id), d.text)));
    for &method in Method::ALL {
        let mut previous: Vec<(usize, usize)> = Vec::new();
        for count in 1..=8 {
            let config = Config { method, budget: Budget::Sentences(count), ..Config::default() };
            let summary = summarize(config, &documents);
            let chosen: Vec<(usize, usize)> = summary.sentences.iter().map(|s| (s.doc, s.index)).collect();
            assert!(
                previous.iter().all(|p| chosen.contains(p)),
                "{method:?} at {count}: {previous:?} not in {chosen:?}"
            );
            previous = chosen;
        }
    }
}

/// `auto`, the default, is centroid for the story itself (the same summary, bit
/// for bit) and concepts about a query; an empty query is no query.
#[test]
fn auto_runs_centroid_for_the_story_and_concepts_about_a_query() {
    let documents = common::example_cluster();
    let with = |method| Summarizer::new(Config { method, budget: Budget::Words(60), ..Config::default() }).unwrap();
    let (auto, centroid, concepts) = (with(Method::Auto), with(Method::Centroid), with(Method::Concepts));
    assert_eq!(Config::default().method, Method::Auto);
    assert_eq!(auto.summarize(&documents).unwrap(), centroid.summarize(&documents).unwrap());
    assert_eq!(auto.rank(&documents).unwrap(), centroid.rank(&documents).unwrap());
    let asked = Focus { query: Some("Who pays for the bridge repairs?"), ..Focus::default() };
    let answer = auto.summarize_focused(&documents, &asked).unwrap();
    assert_eq!(answer.method, Method::Concepts);
    assert_eq!(answer, concepts.summarize_focused(&documents, &asked).unwrap());
    let seen_only = Focus { seen: &documents[..1], ..Focus::default() };
    assert_eq!(auto.summarize_focused(&documents[1..], &seen_only).unwrap().method, Method::Centroid);
    let empty = Focus { query: Some("the of and"), ..Focus::default() };
    let generic = auto.summarize_focused(&documents, &empty).unwrap();
    assert_eq!(generic.method, Method::Centroid);
    assert_eq!(generic.sentences, centroid.summarize(&documents).unwrap().sentences);
}
