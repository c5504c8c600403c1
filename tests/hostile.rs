//! Hostile inputs: each gives a valid summary or a specific error, quickly.

use polysum::{segment, Budget, Config, Document, Error, Language, Summarizer, Summary};

fn summarize(documents: &[Document]) -> Summary {
    Summarizer::new(Config { budget: Budget::Words(100), ..Config::default() }).unwrap().summarize(documents).unwrap()
}

fn assert_valid(summary: &Summary, documents: &[Document]) {
    let words: usize = summary.sentences.iter().map(|s| polysum::text::word_count(&s.text)).sum();
    assert!(words <= 100);
    for s in &summary.sentences {
        let text = &documents[s.doc].text;
        assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        assert_eq!(&text[s.byte_range()], s.text);
    }
}

/// A deterministic stream of bytes.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect()
}

#[test]
fn ten_megabytes_without_punctuation_or_newlines() {
    let text: String = "word ".repeat(2_000_000);
    let documents = [Document::new("a", text)];
    assert_eq!(segment(&documents[0].text, Language::English).len(), 1);
    let summary = summarize(&documents);
    assert!(summary.is_empty(), "an unterminated 2-million-word fragment is never chosen");
}

#[test]
fn a_one_megabyte_word() {
    let documents = [Document::new(
        "a",
        format!("Start here. {} ends it. Then a normal closing sentence follows it.", "x".repeat(1 << 20)),
    )];
    let summary = summarize(&documents);
    assert_valid(&summary, &documents);
    assert!(summary.sentences.iter().all(|s| s.text.len() < 1000));
}

#[test]
fn a_hundred_thousand_one_sentence_documents() {
    let documents: Vec<Document> = (0..100_000)
        .map(|i| {
            Document::new(
                i.to_string(),
                format!("Report {} says the river bridge {} closed for repairs.", i % 97, i % 13),
            )
        })
        .collect();
    let summary = summarize(&documents);
    assert!(!summary.is_empty());
    assert_valid(&summary, &documents);
}

#[test]
fn ten_thousand_copies_of_one_sentence() {
    let text = "The council voted to close the bridge for repairs. ".repeat(10_000);
    let documents = [Document::new("a", text)];
    let summary = summarize(&documents);
    assert_eq!(summary.len(), 1, "one copy, the rest are duplicates");
    assert_valid(&summary, &documents);
}

#[test]
fn binary_junk_and_control_characters() {
    for seed in 0..4 {
        let latin1: String = noise(200_000, seed).into_iter().map(char::from).collect();
        let lossy = String::from_utf8_lossy(&noise(200_000, seed + 10)).into_owned();
        let documents = [
            Document::new("latin1", latin1),
            Document::new("lossy", lossy),
            Document::new("nul", "a\0b. c\u{1}d.\u{7f}"),
        ];
        let summary = summarize(&documents);
        assert_valid(&summary, &documents);
        for document in &documents {
            for s in segment(&document.text, Language::English) {
                assert!(document.text.is_char_boundary(s.start) && document.text.is_char_boundary(s.end));
            }
        }
    }
}

#[test]
fn mixed_scripts_rtl_emoji_combining_and_zero_width() {
    let documents = [
        Document::new("mixed", "قال المسؤولون إن الجسر سيغلق. 🚧 The bridge closes in May for repairs. Мост закроют в мае на ремонт."),
        Document::new("marks", "Ọ̀nà tí a gbà ṣe é dára gan-an ni. Zero\u{200b}width\u{200d}joiners\u{feff} stay inside this sentence here."),
        Document::new("cjk", "大桥将于五月关闭进行维修。市议会周二投票通过了这一决定。"),
    ];
    let summary = Summarizer::new(Config { budget: Budget::Sentences(10), ..Config::default() })
        .unwrap()
        .summarize(&documents)
        .unwrap();
    assert!(summary.len() >= 3);
    for s in &summary.sentences {
        assert_eq!(&documents[s.doc].text[s.byte_range()], s.text);
    }
}

#[test]
fn windows_and_old_mac_line_endings() {
    let documents = [Document::new("crlf", "Heading\r\n\r\nThe council voted on Tuesday to close the bridge.\r\nRepairs will take eighteen months to finish.\rIt reopens in 2027 after the works.")];
    let summary = Summarizer::new(Config { budget: Budget::Sentences(5), ..Config::default() })
        .unwrap()
        .summarize(&documents)
        .unwrap();
    assert_eq!(summary.len(), 3);
    assert!(summary.sentences.iter().all(|s| !s.text.contains('\r') && !s.text.contains('\n')));
}

#[test]
fn absurd_budgets() {
    let documents = [Document::new(
        "a",
        "The council voted to close the bridge on Tuesday. Repairs will take eighteen months to finish.",
    )];
    for budget in [
        Budget::Words(usize::MAX),
        Budget::Bytes(usize::MAX),
        Budget::Sentences(1 << 40),
        Budget::Ratio(1.0),
        Budget::Ratio(f64::MIN_POSITIVE),
    ] {
        let summary = Summarizer::new(Config { budget, ..Config::default() }).unwrap().summarize(&documents).unwrap();
        assert!(summary.len() <= 2, "{budget:?}");
    }
    for budget in [
        Budget::Words(0),
        Budget::Ratio(f64::NAN),
        Budget::Ratio(-1.0),
        Budget::Ratio(f64::INFINITY),
        Budget::Ratio(2.0),
    ] {
        assert!(
            matches!(Summarizer::new(Config { budget, ..Config::default() }), Err(Error::InvalidConfig { .. })),
            "{budget:?}"
        );
    }
}

#[test]
fn a_hundred_thousand_sentences_on_one_line() {
    // Was quadratic: each sentence looked back to the start of its line.
    let documents = [Document::new("a", "The council voted to close the bridge today. ".repeat(100_000))];
    let summary = summarize(&documents);
    assert_eq!(summary.len(), 1);
    assert_valid(&summary, &documents);
}

#[test]
fn a_megabyte_of_unclosed_quotes_brackets_and_list_markers() {
    // Each opening mark searches for its closing one; unpaired, a naive search is
    // quadratic (hours at this size). Same for markers that never count up.
    for unit in ["( ", "\" ", "\u{ab} ", "'a ", "a) ", "1. X ", "-- \" A", "\u{2022} "] {
        let text = unit.repeat(1_000_000 / unit.len());
        let segments = segment(&text, Language::English);
        let mut covered = 0;
        for s in &segments {
            assert!(text[covered..s.start].chars().all(char::is_whitespace));
            covered = s.end;
        }
        assert!(text[covered..].trim().is_empty());
        let documents = [Document::new("a", text)];
        assert_valid(&summarize(&documents), &documents);
    }
}

/// Segments `text`, checks the spans tile it up to whitespace, and returns how many there are.
fn tiled_segments(text: &str) -> usize {
    let segments = segment(text, Language::English);
    let mut covered = 0;
    for s in &segments {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= covered && s.start < s.end);
        assert!(text[covered..s.start].chars().all(char::is_whitespace));
        covered = s.end;
    }
    assert!(text[covered..].trim().is_empty());
    segments.len()
}

#[test]
fn a_megabyte_of_dotted_runs_abbreviations_and_addresses() {
    // Was quadratic: every full stop looked back to the last space for the word or
    // token before it, and forward to the next space (minutes at this size).
    for unit in ["a.", "a.b.c.d.", "1.2.3.", "U.S.", "x.com/", "Mr. ", "U.S. ", "e.g. "] {
        let text = unit.repeat(1_000_000 / unit.len());
        assert_eq!(tiled_segments(&text), 1, "{unit:?}: one run, one sentence");
    }
}

#[test]
fn a_megabyte_of_lower_case_sentences() {
    // Was quadratic (each full stop counted the words to the end of the unit), and
    // lower-cased text was barely split: without capitals, a full stop after a
    // plain word before a lower-case one ends the sentence.
    let n = 1_000_000 / "word. ".len();
    assert_eq!(tiled_segments(&"word. ".repeat(n)), n);
    let news = "the council met on tuesday. the bridge will close for repairs, officials said. \
                it reopens in may after the works. ";
    let copies = 1_000_000 / news.len();
    assert_eq!(tiled_segments(&news.repeat(copies)), 3 * copies);
}

#[test]
fn a_megabyte_of_dense_quotations_brackets_and_spaced_ellipses() {
    // Was quadratic: each mark searched every quotation of the unit, and a spaced
    // ellipsis re-read its whole run at every dot.
    let n = 1_000_000 / "\"Hi.\" ".len();
    assert_eq!(tiled_segments(&"\"Hi.\" ".repeat(n)), n);
    for unit in ["(a.) ", "word.[1] ", ". ", ". . . x "] {
        let count = tiled_segments(&unit.repeat(1_000_000 / unit.len()));
        assert!(count <= 1_000_000 / unit.len(), "{unit:?}: {count}");
    }
    assert_eq!(tiled_segments(&". ".repeat(500_000)), 1, "one spaced ellipsis");
}

// normalize at a megabyte: each shape below was super-linear (minutes) before.
mod normalize_shapes {
    use polysum::text::normalize;

    const MEGABYTE: usize = 1_000_000;

    fn repeated(unit: &str) -> String {
        unit.repeat(MEGABYTE / unit.len())
    }

    #[test]
    fn a_megabyte_of_ampersands() {
        let text = repeated("&");
        assert_eq!(normalize(&text), format!("{text}\n"));
        let entities = repeated("&amp;&lt;b&gt; ");
        assert_eq!(normalize(&entities), format!("{}\n", "& ".repeat(MEGABYTE / 15).trim_end()));
    }

    #[test]
    fn a_megabyte_of_less_than_signs_that_open_no_tag() {
        let text = repeated("x < y and ");
        assert_eq!(normalize(&text), format!("{}\n", text.trim_end()));
        let unclosed = repeated("<b <i ");
        assert_eq!(normalize(&unclosed), format!("{}\n", unclosed.trim_end()));
    }

    #[test]
    fn a_megabyte_of_line_breaks_and_break_tags() {
        assert_eq!(normalize(&repeated("\n")), "");
        assert_eq!(normalize(&repeated("<br>")), "");
        // Blank lines are kept (one per break): only text between them matters here.
        let out = normalize(&format!("Top.{}Bottom.", repeated("<br>")));
        assert_eq!(out.split('\n').filter(|line| !line.is_empty()).collect::<Vec<_>>(), ["Top.", "Bottom."]);
        assert_eq!(normalize(&format!("Top{}. Bottom.", repeated("\n"))), "Top. Bottom.\n");
    }

    #[test]
    fn a_megabyte_of_dot_runs_on_one_line() {
        // Each run of six dots is a leader inside the line: a space.
        let text = repeated("...... x ");
        let expected = vec!["x"; MEGABYTE / 9].join(" ");
        assert_eq!(normalize(&text), format!("{expected}\n"));
        assert_eq!(normalize(&format!("{text}...... 12")), format!("{expected}\n"));
    }

    #[test]
    fn a_megabyte_of_scripts_paths_and_escapes() {
        assert_eq!(normalize(&repeated("<script>")), "");
        assert_eq!(normalize(&repeated("<script>x</script>")), "");
        let paths = repeated("C:\\new\\reports ");
        assert_eq!(normalize(&paths), format!("{}\n", paths.trim_end()));
        let escaped = repeated("Line.\\n");
        assert_eq!(normalize(&escaped), "Line.\n".repeat(MEGABYTE / 7));
    }
}

/// Sizes on both sides of where the similarity graph used to switch to its
/// large-cluster build, dense news repeated to megabytes, and a summary as long
/// as its cluster: each is built within a work budget, so each is quick.
mod graph_budget {
    use super::*;
    use polysum::Method;

    /// One-sentence documents, each ten of thirty shared words: every word is in
    /// about 1,700 sentences, so nearly every pair of sentences shares a term.
    fn shared_word_documents(count: usize) -> Vec<Document> {
        let words: Vec<String> = (0..30).map(|i| format!("word{i}")).collect();
        let bytes = noise(count * 10, 7);
        (0..count)
            .map(|i| {
                let picked: Vec<&str> = (0..10).map(|j| words[bytes[i * 10 + j] as usize % 30].as_str()).collect();
                Document::new(i.to_string(), format!("The {} said today.", picked.join(" ")))
            })
            .collect()
    }

    #[test]
    fn just_under_and_just_over_five_thousand_one_sentence_documents() {
        for count in [4_999, 5_001] {
            let documents = shared_word_documents(count);
            let summary = summarize(&documents);
            assert!(!summary.is_empty(), "{count}");
            assert_valid(&summary, &documents);
        }
    }

    #[test]
    fn a_news_paragraph_repeated_to_two_megabytes() {
        let paragraph = "The harbour board approved the dredging plan on Monday after a long debate. \
            Its chair, Ms. Okafor, said the work would start in spring and cost $3.5 million. \
            \"We waited long enough,\" she told reporters at the terminal. \
            Critics (including two councillors) said the budget was too small.\n\n";
        let text = paragraph.repeat((2 << 20) / paragraph.len());
        let documents = [Document::new("a", text)];
        for method in [Method::TextRank, Method::Lsa, Method::Coverage, Method::KlSum] {
            let config = Config { method, budget: Budget::Words(100), ..Config::default() };
            let summary = Summarizer::new(config).unwrap().summarize(&documents).unwrap();
            assert_valid(&summary, &documents);
            assert!(!summary.is_empty() && summary.len() <= 4, "{method:?}: one copy of each sentence at most");
        }
    }

    #[test]
    fn a_summary_as_long_as_ten_thousand_sentences() {
        let words: Vec<String> = (0..3_000).map(|i| format!("w{i}")).collect();
        let bytes = noise(10_000 * 24, 11);
        let documents: Vec<Document> = (0..500)
            .map(|d| {
                let text: Vec<String> = (0..20)
                    .map(|s| {
                        let at = (d * 20 + s) * 24;
                        let len = 8 + bytes[at] as usize % 16;
                        let picked: Vec<&str> = (1..=len)
                            .map(|j| {
                                let i = (bytes[at + j] as usize) << 4 | (bytes[at + j - 1] as usize & 15);
                                words[i % 3_000].as_str()
                            })
                            .collect();
                        format!("The {} today.", picked.join(" "))
                    })
                    .collect();
                Document::new(d.to_string(), text.join(" "))
            })
            .collect();
        // KL-Sum is left out: its lazy evaluation is exact but re-evaluates most
        // candidates at each step, so a summary as long as the cluster is quadratic.
        for method in [Method::TextRank, Method::Coverage] {
            let config = Config { method, budget: Budget::Ratio(1.0), ..Config::default() };
            let summary = Summarizer::new(config).unwrap().summarize(&documents).unwrap();
            assert!(summary.len() > 5_000, "{method:?}: {} sentences", summary.len());
        }
    }
}
