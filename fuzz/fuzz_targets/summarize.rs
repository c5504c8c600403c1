//! Summaries of arbitrary clusters under arbitrary configurations: no panic,
//! spans that slice the sentence out of its document, the budget respected.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polysum::{Budget, Config, Document, Method, Order, Summarizer};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, body) = data.split_at(4);
    let method = Method::ALL[head[0] as usize % Method::ALL.len()];
    let limit = 1 + head[1] as usize;
    let budget = match head[2] % 6 {
        0 => Budget::Sentences(limit % 9 + 1),
        1 => Budget::Words(limit),
        2 => Budget::Chars(limit * 4),
        3 => Budget::Bytes(limit * 4),
        4 => Budget::Tokens(limit),
        _ => Budget::Ratio(f64::from(head[1]) / 255.0),
    };
    let config = Config {
        method,
        budget,
        order: if head[3] & 1 == 0 { Order::Score } else { Order::Source },
        redundancy: f64::from(head[3] >> 1) / 127.0,
        lexrank_threshold: (head[3] & 2 == 0).then_some(0.1),
        ..Config::default()
    };
    let Ok(summarizer) = Summarizer::new(config) else { return };
    // A 0xFF byte separates documents.
    let documents: Vec<Document> = body
        .split(|&b| b == 0xFF)
        .enumerate()
        .map(|(i, bytes)| Document::new(i.to_string(), String::from_utf8_lossy(bytes)))
        .collect();
    let summary = summarizer.summarize(&documents).expect("valid configurations never fail on small input");
    let mut words = 0;
    for s in &summary.sentences {
        let text = &documents[s.doc].text;
        assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        assert_eq!(&text[s.byte_range()], s.text);
        assert_eq!(s.end - s.start, s.text.chars().count());
        words += polysum::text::word_count(&s.text);
    }
    if let Budget::Words(n) = budget {
        assert!(words <= n);
    }
    if let Budget::Sentences(n) = budget {
        assert!(summary.len() <= n);
    }
    if let Budget::Tokens(n) = budget {
        // The joined text, not the sum of the sentences: BPE merges across joins.
        let tokens = polysum::Encoding::default().count(&summary.text()).expect("the encoding is compiled in");
        assert!(tokens <= n && summary.tokens == Some(tokens));
    }
});
