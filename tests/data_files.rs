//! The language data files: each says where it comes from, under which licence and
//! how to extend it, and src/text/DATA.md lists it.

use std::fs;
use std::path::{Path, PathBuf};

const FOLDERS: &[&str] =
    &["src/text/stopwords", "src/text/abbreviations", "src/clean/boilerplate", "src/clean/context", "src/focus/asking"];

fn data_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in FOLDERS {
        for entry in fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_data_file_has_a_provenance_header() {
    let files = data_files();
    assert!(files.len() >= 50, "found only {} data files", files.len());
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let header: Vec<&str> = text.lines().take_while(|line| line.trim_start().starts_with('#')).collect();
        let header = header.join("\n");
        for field in ["Source: written by the polysum authors", "Licence: MIT OR Apache-2.0", "Format:", "Extend:"] {
            assert!(header.contains(field), "{} lacks {field:?} in its header comment", path.display());
        }
    }
}

#[test]
fn data_md_lists_every_data_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listing = fs::read_to_string(root.join("src/text/DATA.md")).unwrap();
    for path in data_files() {
        let folder = path.parent().unwrap().file_name().unwrap().to_str().unwrap();
        let name = format!("`{folder}/{}`", path.file_name().unwrap().to_str().unwrap());
        assert!(listing.contains(&name), "src/text/DATA.md does not list {name}");
    }
}

#[test]
fn boilerplate_entries_are_lower_case_and_in_known_sections() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in fs::read_dir(root.join("src/clean/boilerplate")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let mut section = None;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if line.starts_with('[') {
                assert!(
                    ["[phrases]", "[credits]", "[credits before a name]"].contains(&line),
                    "{}: unknown section {line}",
                    path.display()
                );
                section = Some(line);
                continue;
            }
            assert!(section.is_some(), "{}: {line:?} stands before any section", path.display());
            assert_eq!(line, line.to_lowercase(), "{}: write entries in lower case", path.display());
        }
    }
}
