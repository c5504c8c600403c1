//! Summarises the text files of a folder as one cluster.
//!
//!     cargo run --release --example summarize -- examples/cluster 60

use std::error::Error;

use polysum::{Budget, Config, Document, Order, Summarizer};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().unwrap_or_else(|| "examples/cluster".into());
    let words: usize = args.next().map_or(Ok(60), |w| w.parse())?;
    let mut paths: Vec<_> = std::fs::read_dir(&folder)?.collect::<Result<Vec<_>, _>>()?;
    paths.sort_by_key(|entry| entry.path());
    let mut documents = Vec::new();
    for entry in paths {
        let path = entry.path();
        let id = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        documents.push(Document::new(id, std::fs::read_to_string(&path)?));
    }
    let config = Config { budget: Budget::Words(words), order: Order::Source, ..Config::default() };
    let summary = Summarizer::new(config)?.summarize(&documents)?;
    for sentence in &summary.sentences {
        println!("[{} #{}] {}", sentence.doc_id, sentence.index, sentence.text);
    }
    Ok(())
}
