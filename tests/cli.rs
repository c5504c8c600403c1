//! The `polysum` command: every input kind, every format, bad JSON lines and the
//! exit codes. Built only with `--features cli`.
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn polysum(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polysum"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = stdin.unwrap_or("").to_owned();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn example_files() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cluster");
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|p| p.display().to_string()).collect()
}

fn jsonl_batch() -> String {
    let texts: Vec<String> = example_files().iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let line = |id: &str, docs: &[String]| serde_json::json!({"id": id, "docs": docs}).to_string();
    let with_ids =
        serde_json::json!({"id": "named", "docs": [{"id": "a", "text": texts[0]}, {"id": "b", "text": texts[1]}]});
    [line("all", &texts), "{not json".to_string(), String::new(), with_ids.to_string(), line("one", &texts[..1])]
        .join("\n")
}

#[test]
fn a_folder_and_its_files_give_the_same_summary() {
    let folder = polysum(&["examples/cluster", "--max-words", "60"], None);
    assert_eq!(folder.status.code(), Some(0), "{}", String::from_utf8_lossy(&folder.stderr));
    let files = example_files();
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.extend(["--max-words", "60"]);
    let listed = polysum(&args, None);
    assert_eq!(stdout(&folder), stdout(&listed));
    let text = stdout(&folder);
    assert!(text.contains("The Portvale city council voted 9 to 2"));
    assert!(text.split_whitespace().count() <= 60);
}

#[test]
fn every_format() {
    let json = polysum(&["examples/cluster", "--format", "json", "--max-sentences", "2"], None);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value[0]["summary"]["sentences"].as_array().unwrap().len(), 2);
    let jsonl = polysum(&["examples/cluster", "--format", "jsonl", "--max-sentences", "2"], None);
    let line: serde_json::Value = serde_json::from_str(stdout(&jsonl).trim()).unwrap();
    assert_eq!(line, value[0]);
    let markdown = stdout(&polysum(&["examples/cluster", "--format", "markdown", "--max-sentences", "2"], None));
    assert!(markdown.starts_with("## examples/cluster\n\n- "));
    assert_eq!(markdown.matches("\n- ").count(), 2);
    let text = stdout(&polysum(&["examples/cluster", "--max-sentences", "2", "--order", "source"], None));
    assert_eq!(text.lines().count(), 2);
}

#[test]
fn jsonl_batches_report_bad_lines_and_keep_the_rest() {
    let batch = jsonl_batch();
    let output = polysum(&["--jsonl", "-", "--max-sentences", "2", "--jobs", "2"], Some(&batch));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: invalid cluster"), "{stderr}");
    let records: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["all", "2", "named", "one"], "input order, blank line skipped");
    assert_eq!(records[1]["line"], 2);
    assert!(records[1]["error"].as_str().unwrap().contains("invalid cluster"));
    let doc_ids: Vec<&str> =
        records[2]["summary"]["sentences"].as_array().unwrap().iter().map(|s| s["doc_id"].as_str().unwrap()).collect();
    assert!(doc_ids.iter().all(|id| *id == "a" || *id == "b"));
    let text = polysum(&["--jsonl", "-", "--format", "text", "--quiet"], Some(&batch));
    assert!(stdout(&text).starts_with("# all\n"));
}

#[test]
fn jsonl_from_a_file_to_a_file_equals_stdin_to_stdout() {
    let dir = std::env::temp_dir().join(format!("polysum-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.jsonl");
    let output = dir.join("out.jsonl");
    std::fs::write(&input, jsonl_batch()).unwrap();
    let to_file = polysum(&["--jsonl", input.to_str().unwrap(), "-o", output.to_str().unwrap()], None);
    assert_eq!(to_file.status.code(), Some(1));
    let piped = polysum(&["--jsonl", "-"], Some(&jsonl_batch()));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), stdout(&piped));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn strict_stops_at_the_first_failure() {
    let output = polysum(&["--jsonl", "-", "--strict"], Some(&jsonl_batch()));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output).lines().count(), 1, "only the cluster before the bad line");
}

#[test]
fn exit_codes_for_usage_and_io_errors() {
    assert_eq!(polysum(&["--method", "nope", "examples/cluster"], None).status.code(), Some(2));
    assert_eq!(polysum(&["--max-words", "0", "examples/cluster"], None).status.code(), Some(2));
    assert_eq!(polysum(&["--max-words", "5", "--max-sentences", "2", "examples/cluster"], None).status.code(), Some(2));
    assert_eq!(polysum(&[], None).status.code(), Some(2));
    assert_eq!(polysum(&["no/such/file.txt"], None).status.code(), Some(3));
    assert_eq!(polysum(&["--jsonl", "no/such/file.jsonl"], None).status.code(), Some(3));
    let help = polysum(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:") && stdout(&help).contains("Exit codes:"));
}
