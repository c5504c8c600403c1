//! Criterion benches of the engine: summarising the seed cluster and a large
//! synthetic cluster, and segmenting a multi-megabyte text. Throughput in bytes.
//!
//!     cargo bench --bench engine

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use polysum::{segment, Budget, Config, Document, Language, Method, Summarizer};

/// A small deterministic generator, so that every run benches the same text.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound
    }
}

/// Deterministic news-like text: sentences of 8-30 words drawn with a Zipf-like
/// skew from a vocabulary of 5,000 made-up words plus function words and
/// abbreviations, with paragraph breaks.
fn synthetic_document(seed: u64, sentences: usize) -> String {
    const SYLLABLES: &[&str] =
        &["ka", "ro", "mi", "ten", "sul", "bra", "vo", "lin", "dre", "po", "sha", "tor", "ne", "gu"];
    const COMMON: &[&str] = &["the", "of", "to", "and", "a", "in", "said", "on", "Mr.", "U.S.", "3.5", "would", "was"];
    let mut rng = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
    let vocabulary: Vec<String> = (0..5_000)
        .map(|i| {
            let mut g = Lcg(i);
            (0..2 + g.below(3)).map(|_| SYLLABLES[g.below(SYLLABLES.len())]).collect()
        })
        .collect();
    let mut text = String::new();
    for i in 0..sentences {
        let length = 8 + rng.below(23);
        for w in 0..length {
            let word = if rng.below(3) == 0 {
                COMMON[rng.below(COMMON.len())]
            } else {
                // The square of a uniform draw skews towards the front: frequent words.
                let u = rng.below(10_000) as f64 / 10_000.0;
                vocabulary[(u * u * vocabulary.len() as f64) as usize].as_str()
            };
            text.push_str(if w == 0 { "" } else { " " });
            text.push_str(word);
        }
        text.push_str(if i % 5 == 4 { ".\n\n" } else { ". " });
    }
    text
}

fn seed_cluster() -> Option<Vec<Document>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(folder).ok()?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Some(paths.iter().map(|p| Document::new(p.display().to_string(), std::fs::read_to_string(p).unwrap())).collect())
}

fn bytes(documents: &[Document]) -> u64 {
    documents.iter().map(|d| d.text.len() as u64).sum()
}

fn summarize(c: &mut Criterion) {
    let mut group = c.benchmark_group("summarize");
    let summarizer = Summarizer::new(Config { budget: Budget::Words(100), ..Config::default() }).unwrap();
    match seed_cluster() {
        Some(seeds) => {
            group.throughput(Throughput::Bytes(bytes(&seeds)));
            group.bench_function("seed cluster", |b| b.iter(|| summarizer.summarize(black_box(&seeds)).unwrap()));
        }
        None => eprintln!("skipping the seed cluster bench: ../shared/seeds is absent"),
    }
    let large: Vec<Document> = (0..50).map(|d| Document::new(format!("doc{d}"), synthetic_document(d, 40))).collect();
    group.throughput(Throughput::Bytes(bytes(&large)));
    for &method in Method::ALL {
        let summarizer = Summarizer::new(Config { method, budget: Budget::Words(100), ..Config::default() }).unwrap();
        group.bench_with_input(BenchmarkId::new("2000 sentences", method), &large, |b, docs| {
            b.iter(|| summarizer.summarize(black_box(docs)).unwrap())
        });
    }
    group.finish();
}

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    let text = synthetic_document(7, 40_000);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function(format!("{} MB", text.len() >> 20), |b| {
        b.iter(|| segment(black_box(&text), Language::English))
    });
    group.finish();
}

criterion_group!(benches, summarize, segmentation);
criterion_main!(benches);
