//! Sentence embeddings of the caller's own: paraphrases that share no word tell
//! one fact, and only one of them is chosen; sentences that differ are left alone.
//!
//! The embedding is a hand-made concept embedding: a few words and their synonyms
//! share an axis ("expressed displeasure" and "has criticized" are one objection),
//! every other word of four letters or more has an axis of its own.

use ndarray::Array2;
use polysum::{Budget, Config, Document, Embeddings, Error, Focus, Method, Summarizer, Summary};

/// Concepts and the words that name them.
const CONCEPTS: &[&[&str]] = &[
    &["washington", "american", "united", "states"],
    &["displeasure", "expressed", "criticized", "criticised", "opposed", "objected"],
    &["trip", "visit", "journey"],
];
const DIMENSIONS: usize = 64;

/// The concept embedding of one sentence: each concept or other word present
/// counts once, concepts thrice.
fn embed_one(sentence: &str) -> Vec<f32> {
    let mut row = vec![0.0f32; DIMENSIONS];
    for word in sentence.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase) {
        if let Some(concept) = CONCEPTS.iter().position(|words| words.contains(&word.as_str())) {
            row[concept] = 3.0;
        } else if word.chars().count() >= 4 {
            // FNV-1a onto the axes after the concepts.
            let hash =
                word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
            row[CONCEPTS.len() + (hash % (DIMENSIONS - CONCEPTS.len()) as u64) as usize] = 1.0;
        }
    }
    row
}

fn embed(sentences: &[&str]) -> Result<Array2<f32>, String> {
    let rows: Vec<f32> = sentences.iter().flat_map(|s| embed_one(s)).collect();
    Array2::from_shape_vec((sentences.len(), DIMENSIONS), rows).map_err(|e| e.to_string())
}

fn cosine(a: &str, b: &str) -> f64 {
    let (a, b) = (embed_one(a), embed_one(b));
    let dot: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    f64::from(dot / (norm(&a) * norm(&b)))
}

const OBJECTED: &str = "Washington expressed strong displeasure about the trip, American officials said.";
const CRITICIZED: &str = "The United States has criticized this visit by the Kremlin leader to Hanoi.";

fn cluster() -> Vec<Document> {
    vec![
        Document::new(
            "wire",
            format!(
                "Russian President Vladimir Putin arrived in Vietnam on Thursday for a two-day state visit. \
                 {OBJECTED} Putin and Vietnamese leaders will discuss trade, energy and education during the talks."
            ),
        ),
        Document::new(
            "daily",
            format!(
                "Vietnam welcomed the Russian leader with an honour guard at the airport in Hanoi. {CRITICIZED} \
                 Moscow has long been the main arms supplier of the Vietnamese army and navy."
            ),
        ),
    ]
}

/// Every sentence of the cluster, in the order `rank` lists them.
fn sentences(documents: &[Document]) -> Vec<String> {
    let ranking = Summarizer::new(Config::default()).unwrap().rank(documents).unwrap();
    ranking.sentences.into_iter().map(|s| s.sentence.text).collect()
}

fn texts(summary: &Summary) -> Vec<&str> {
    summary.sentences.iter().map(|s| s.text.as_str()).collect()
}

fn everything(method: Method) -> Summarizer {
    Summarizer::new(Config { method, budget: Budget::Sentences(10), ..Config::default() }).unwrap()
}

#[test]
fn the_concept_embedding_makes_the_paraphrases_one_fact_and_nothing_else() {
    let all = sentences(&cluster());
    assert_eq!(all.len(), 6);
    assert!(cosine(OBJECTED, CRITICIZED) >= 0.8, "{}", cosine(OBJECTED, CRITICIZED));
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let paraphrases = [a.as_str(), b.as_str()] == [OBJECTED, CRITICIZED];
            assert_eq!(cosine(a, b) >= 0.8, paraphrases, "{a} / {b}: {}", cosine(a, b));
        }
    }
}

#[test]
fn paraphrases_sharing_no_word_are_one_fact_with_embeddings() {
    let documents = cluster();
    let all = sentences(&documents);
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let rows = embed(&refs).unwrap();
    for &method in Method::ALL {
        let summarizer = everything(method);
        let plain = summarizer.summarize(&documents).unwrap();
        let plain = texts(&plain);
        assert_eq!(plain.len(), 6, "{method:?}: without embeddings every sentence is chosen: {plain:?}");
        for embeddings in [Embeddings::Rows(rows.view()), Embeddings::Model(&embed)] {
            let summary = summarizer.summarize_with_embeddings(&documents, &Focus::default(), &embeddings).unwrap();
            let chosen = texts(&summary);
            let told = chosen.iter().filter(|t| [OBJECTED, CRITICIZED].contains(t)).count();
            assert_eq!(told, 1, "{method:?} {embeddings:?}: {chosen:?}");
            // The sentences that differ are all still there (in an order the
            // penalty may change where scores tie).
            let mut rest: Vec<&&str> = plain.iter().filter(|t| ![OBJECTED, CRITICIZED].contains(t)).collect();
            let mut rest_now: Vec<&&str> = chosen.iter().filter(|t| ![OBJECTED, CRITICIZED].contains(t)).collect();
            rest.sort();
            rest_now.sort();
            assert_eq!(rest, rest_now, "{method:?}");
        }
    }
}

#[test]
fn embeddings_that_tell_nothing_apart_change_nothing() {
    // Every sentence on its own axis: nothing is at the threshold, and the MMR
    // penalty never exceeds the tf-idf cosine (orthogonal rows).
    let documents = cluster();
    let n = sentences(&documents).len();
    let identity = Array2::<f32>::eye(n);
    for &method in Method::ALL {
        let summarizer = Summarizer::new(Config { method, ..Config::default() }).unwrap();
        let plain = summarizer.summarize(&documents).unwrap();
        let embedded = summarizer
            .summarize_with_embeddings(&documents, &Focus::default(), &Embeddings::Rows(identity.view()))
            .unwrap();
        assert_eq!(plain, embedded, "{method:?}");
    }
}

#[test]
fn a_seen_fact_in_other_words_is_left_out_with_a_model() {
    let documents = cluster();
    let seen = [Document::new("seen", "The United States criticized the journey.")];
    let focus = Focus { seen: &seen, ..Focus::default() };
    let summarizer = everything(Method::Centroid);
    let words_only = summarizer.summarize_focused(&documents, &focus).unwrap();
    assert!(texts(&words_only).contains(&OBJECTED), "{:?}", texts(&words_only));
    let summary = summarizer.summarize_with_embeddings(&documents, &focus, &Embeddings::Model(&embed)).unwrap();
    let chosen = texts(&summary);
    assert!(!chosen.contains(&OBJECTED) && !chosen.contains(&CRITICIZED), "{chosen:?}");
    assert!(summary.notes.iter().any(|n| n.contains("already told by the seen documents")), "{:?}", summary.notes);
    // Rows cover the cluster only: the seen documents are compared by words alone.
    let all = sentences(&documents);
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let rows = embed(&refs).unwrap();
    let summary = summarizer.summarize_with_embeddings(&documents, &focus, &Embeddings::Rows(rows.view())).unwrap();
    assert_eq!(texts(&summary).iter().filter(|t| [OBJECTED, CRITICIZED].contains(t)).count(), 1);
}

#[test]
fn embeddings_that_do_not_fit_are_errors_naming_what_was_expected() {
    let documents = cluster();
    let summarizer = Summarizer::new(Config::default()).unwrap();
    let focus = Focus::default();
    let run = |embeddings: Embeddings<'_>| summarizer.summarize_with_embeddings(&documents, &focus, &embeddings);
    let expect = |result: Result<Summary, Error>, wanted: &str| match result {
        Err(Error::Embeddings(message)) => assert!(message.contains(wanted), "{message}"),
        other => panic!("expected an embeddings error, got {other:?}"),
    };
    expect(
        run(Embeddings::Rows(Array2::<f32>::zeros((5, 3)).view())),
        "expected one row per sentence of the cluster's documents, in the order rank() lists them, 6 rows, got 5 rows",
    );
    let mut nan = Array2::<f32>::ones((6, 3));
    nan[[4, 1]] = f32::NAN;
    expect(run(Embeddings::Rows(nan.view())), "row 4 holds NaN");
    expect(run(Embeddings::Rows(Array2::<f32>::zeros((6, 0)).view())), "no columns");
    let failing = |_: &[&str]| -> Result<Array2<f32>, String> { Err("the model is not loaded".into()) };
    expect(run(Embeddings::Model(&failing)), "the embedding model: the model is not loaded");
    let short = |s: &[&str]| -> Result<Array2<f32>, String> { Ok(Array2::zeros((s.len() - 1, 3))) };
    expect(run(Embeddings::Model(&short)), "6 rows, got 5 rows");
    // Seen sentences of another width than the cluster's.
    let seen = [Document::new("seen", "The United States criticized the journey.")];
    let widths =
        |s: &[&str]| -> Result<Array2<f32>, String> { Ok(Array2::ones((s.len(), if s.len() == 1 { 2 } else { 3 }))) };
    let error = summarizer
        .summarize_with_embeddings(&documents, &Focus { seen: &seen, ..Focus::default() }, &Embeddings::Model(&widths))
        .unwrap_err();
    assert!(error.to_string().contains("expected one width"), "{error}");
    // An empty cluster never calls the model.
    let never = |_: &[&str]| -> Result<Array2<f32>, String> { panic!("called") };
    let empty = summarizer.summarize_with_embeddings(&[], &focus, &Embeddings::Model(&never)).unwrap();
    assert!(empty.sentences.is_empty());
}
