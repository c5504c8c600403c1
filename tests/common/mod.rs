// Shared by the integration tests: the example cluster and the seed cluster.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use polysum::Document;

pub fn read_cluster(folder: &Path) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Document::new(p.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

pub fn example_cluster() -> Vec<Document> {
    read_cluster(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cluster"))
}

/// The shared seed cluster beside the checkout, if it is there.
pub fn seed_cluster() -> Option<Vec<Document>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if folder.is_dir() {
        Some(read_cluster(&folder))
    } else {
        eprintln!("skipping: {} is absent", folder.display());
        None
    }
}

/// Lower-cased words with quote marks unified: an independent view of a sentence
/// for judging near-duplicates in tests.
pub fn word_set(text: &str) -> std::collections::BTreeSet<String> {
    text.replace(['’', '‘'], "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (word_set(a), word_set(b));
    let shared = a.intersection(&b).count() as f64;
    let union = a.union(&b).count() as f64;
    if union == 0.0 {
        0.0
    } else {
        shared / union
    }
}
