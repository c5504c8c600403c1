//! Summaries read as a reader reads them: no fact told twice in two outlets'
//! words, no sentence that points back to one the summary does not show before
//! it, and several of the story's facts within a budget.
//!
//! The facts of the seed cluster (../shared/seeds: five outlets on Putin's visit
//! to Vietnam) are labelled here by hand, each by words that only sentences
//! telling it contain; a sentence may tell several. The seed tests skip, saying
//! so, where ../shared is absent.

mod common;

use polysum::{Budget, Config, Document, Language, Summarizer, Summary};

/// Each fact of the seed story and the phrases that tell it (lower case). The
/// phrases are the outlets' own wordings of the fact, one per outlet that has it.
const SEED_FACTS: &[(&str, &[&str])] = &[
    (
        "Putin arrived in Vietnam",
        &[
            "arrived in vietnam",
            "on a state visit to vietnam",
            "visit to hanoi on thursday",
            "meets vietnamese leaders in hanoi",
        ],
    ),
    ("the last stop of a tour of Asia", &["final stop of his two-nation tour", "latest stop in his two-nation tour"]),
    (
        "he came from signing a defence pact with North Korea",
        &[
            "defense pact with north korea",
            "mutual defense deal with north korea",
            "mutual defence deal with north korea",
            "signed a defense pact with north korea",
            "historic visit to north korea",
        ],
    ),
    ("welcomed at the airport by Tran Hong Ha and Le Hoai Trung", &["tran hong ha"]),
    (
        "the United States objected to the visit",
        &["expressed displeasure", "has opposed putin", "has criticized putin", "no country should give putin"],
    ),
    ("his first visit since 2017", &["since 2017"]),
    (
        "ties go back to the 1950s",
        &["back to the 1950s", "dating back to the 1950s", "one of the first countries to recogni"],
    ),
    ("Hanoi will not pledge full support on Ukraine", &["full support"]),
    (
        "Vietnam's bamboo diplomacy: no alliance with any one power",
        &["bamboo diplomacy", "allying too closely", "close alignment with any single power", "neutral foreign policy"],
    ),
    ("Biden and Xi visited recently", &["joe biden and china", "joe biden and chinese president"]),
    ("receiving Putin tests Hanoi's hedging", &["multi-directional hedge", "will test the boundaries"]),
    (
        "the talks: trade, education, energy",
        &["trade, education and energy", "trade, education, energy", "economic, education, and energy"],
    ),
    ("arms, Ukraine and BRICS on the table", &["brics"]),
    ("arms imports have dropped", &["arms imports from russia have dropped"]),
    ("Putin's opinion piece in Nhan Dan", &["opinion piece", "this piece was published"]),
    (
        "Russia has been Vietnam's main arms supplier",
        &[
            "arms supplied by the kremlin",
            "80 percent of vietnam",
            "recipient of russian arms",
            "major military supplier",
            "leading arms supplier",
        ],
    ),
    ("he meets Trong, To Lam and Chinh", &["nguyen phu trong, president to lam", "nguyen phu trong, state president"]),
    (
        "Vietnam abstained from condemning the invasion",
        &["abstain from condemning", "abstained from condemning", "abstain from voting"],
    ),
    (
        "the trip shows Putin has partners",
        &["international supporters", "russia has partners in asia", "demonstrate international support"],
    ),
];

/// Openings that make an English sentence lean on the one before it, for the
/// check below (kept apart from the engine's own list on purpose).
const LEANING: &[&str] = &[
    "this ",
    "these ",
    "that ",
    "his ",
    "her ",
    "its ",
    "their ",
    "he ",
    "she ",
    "it ",
    "they ",
    "however",
    "but ",
    "despite this",
    "also ",
    "the two ",
];

fn facts_of(sentence: &str, facts: &[(&'static str, &[&str])]) -> Vec<&'static str> {
    let lower = sentence.to_lowercase().replace('’', "'");
    facts.iter().filter(|(_, phrases)| phrases.iter().any(|p| lower.contains(p))).map(|(fact, _)| *fact).collect()
}

/// Asserts that no two sentences of `summary` tell the same fact and that every
/// sentence that leans back directly follows the sentence before it in its
/// document; returns the distinct facts told.
fn read(summary: &Summary, facts: &[(&'static str, &[&str])], leaning: &[&str]) -> Vec<&'static str> {
    let mut told: Vec<(&str, &str)> = Vec::new();
    for (i, sentence) in summary.sentences.iter().enumerate() {
        for fact in facts_of(&sentence.text, facts) {
            if let Some((_, first)) = told.iter().find(|(f, _)| *f == fact) {
                panic!("told twice, {fact:?}:\n  {first}\n  {}\n\n{}", sentence.text, summary.text());
            }
            told.push((fact, &sentence.text));
        }
        let lower = sentence.text.to_lowercase();
        if leaning.iter().any(|opening| lower.starts_with(opening)) {
            let before = i.checked_sub(1).map(|j| &summary.sentences[j]);
            assert!(
                before.is_some_and(|b| b.doc == sentence.doc && b.index + 1 == sentence.index),
                "{:?} shown without the sentence it leans on:\n{}",
                sentence.text,
                summary.text()
            );
        }
    }
    let mut distinct: Vec<&str> = told.into_iter().map(|(f, _)| f).collect();
    distinct.dedup();
    distinct
}

fn summarize(documents: &[Document], budget: Budget, language: Language) -> Summary {
    Summarizer::new(Config { budget, language, ..Config::default() }).unwrap().summarize(documents).unwrap()
}

#[test]
fn seed_summaries_tell_each_fact_once_and_lean_on_nothing_missing() {
    let Some(documents) = common::seed_cluster() else { return };
    for budget in [Budget::Words(60), Budget::Words(100), Budget::Sentences(5)] {
        let summary = summarize(&documents, budget, Language::English);
        let told = read(&summary, SEED_FACTS, LEANING);
        let minimum = if budget == Budget::Words(60) { 2 } else { 4 };
        assert!(told.len() >= minimum, "{budget:?} tells only {told:?}:\n{}", summary.text());
    }
}

#[test]
fn every_method_keeps_seed_sentences_self_contained() {
    let Some(documents) = common::seed_cluster() else { return };
    for &method in polysum::Method::ALL {
        for budget in [Budget::Words(100), Budget::Sentences(5), Budget::Ratio(0.5)] {
            let config = Config { method, budget, ..Config::default() };
            let summary = Summarizer::new(config).unwrap().summarize(&documents).unwrap();
            read(&summary, &[], LEANING);
        }
    }
}

/// A German story of our own, told by three outlets: the cabinet passes a
/// climate law. Two ledes tell the event in other words ("beschlossen",
/// "billigte"); a "Dieses …" sentence points back.
fn german_cluster() -> Vec<Document> {
    let texts = [
        "Die Bundesregierung hat am Mittwoch das neue Klimaschutzgesetz beschlossen, das den Ausstoß von \
         Treibhausgasen bis 2030 deutlich senken soll. Die Umweltministerin sprach nach der Sitzung von einem \
         Wendepunkt für die Industrie. Die Opposition kritisierte, das Gesetz komme zu spät und sei zu schwach. \
         Der Bundestag soll noch vor der Sommerpause über den Entwurf abstimmen.",
        "Das Kabinett billigte am Mittwoch in Berlin das Klimaschutzgesetz der Regierung, mit dem der Ausstoß von \
         Treibhausgasen bis 2030 sinken soll. Umweltverbände begrüßten den Beschluss und forderten schärfere \
         Vorgaben für den Verkehr. Für die Stahlindustrie sind Förderprogramme von zwölf Milliarden Euro \
         vorgesehen.",
        "Die Wirtschaftsverbände warnten am Mittwoch vor steigenden Strompreisen für mittelständische Betriebe. \
         Dieses Klimaschutzgesetz senke den Ausstoß von Treibhausgasen bis 2030 nur auf dem Papier, sagte ihr \
         Präsident. Kommunen sollen bis 2028 eine Wärmeplanung für alle Stadtteile vorlegen. Der Bundestag stimmt \
         voraussichtlich im Juli über das Gesetz ab.",
    ];
    texts.iter().enumerate().map(|(i, t)| Document::new(format!("outlet{i}"), *t)).collect()
}

const GERMAN_FACTS: &[(&str, &[&str])] = &[
    ("the cabinet passed the climate law", &["das neue klimaschutzgesetz beschlossen", "billigte am mittwoch"]),
    ("the Bundestag votes before the summer", &["vor der sommerpause", "im juli über das gesetz"]),
];

const GERMAN_LEANING: &[&str] = &["dies", "sie ", "er ", "jedoch", "aber "];

#[test]
fn a_german_cluster_tells_its_event_once() {
    let documents = german_cluster();
    for budget in [Budget::Words(40), Budget::Words(60), Budget::Sentences(3)] {
        let summary = summarize(&documents, budget, Language::German);
        let told = read(&summary, GERMAN_FACTS, GERMAN_LEANING);
        assert!(!told.is_empty(), "{budget:?} tells no fact:\n{}", summary.text());
    }
    // Everything, in score order, paraphrases allowed: "Dieses …" still comes
    // right after its sentence.
    let config =
        Config { budget: Budget::Ratio(1.0), language: Language::German, same_fact: None, ..Config::default() };
    let everything = Summarizer::new(config).unwrap().summarize(&documents).unwrap();
    assert!(everything.sentences.iter().any(|s| s.text.starts_with("Dieses")));
    read(&everything, &[], GERMAN_LEANING);
}
