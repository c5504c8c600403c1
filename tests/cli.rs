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

/// A folder of its own for a test's files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("polysum-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn one_cluster_line(id: &str) -> String {
    let texts: Vec<String> = example_files().iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    serde_json::json!({"id": id, "docs": texts}).to_string()
}

fn records(bytes: &[u8]) -> Vec<serde_json::Value> {
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'), "a torn last line: {text:?}");
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}"))).collect()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_left_intact() {
    let scratch = Scratch::new("same");
    let text = std::fs::read(&example_files()[0]).unwrap();
    let input = scratch.file("in.txt", &text);
    let other = scratch.file("other.txt", &text);
    let batch = scratch.file("in.jsonl", jsonl_batch().as_bytes());
    let link = scratch.0.join("link.txt");
    std::fs::hard_link(&input, &link).unwrap();
    let link = link.display().to_string();
    for args in [
        vec![input.as_str(), "-o", input.as_str()],
        vec![other.as_str(), input.as_str(), "-o", input.as_str()],
        vec![input.as_str(), "-o", link.as_str()],
        vec!["--jsonl", batch.as_str(), "-o", batch.as_str()],
    ] {
        let output = polysum(&args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("is the input"));
    }
    let folder = polysum(&[scratch.0.to_str().unwrap(), "-o", &input], None);
    assert_eq!(folder.status.code(), Some(2), "a file of the input folder");
    assert_eq!(std::fs::read(&input).unwrap(), text);
    assert_eq!(std::fs::read(&batch).unwrap(), jsonl_batch().as_bytes());
}

#[test]
fn inputs_are_checked_before_the_output_is_created() {
    let scratch = Scratch::new("order");
    let output = scratch.file("out.txt", b"keep me");
    let missing = polysum(&["examples/cluster/river-news.txt", "no/such.txt", "-o", &output], None);
    assert_eq!(missing.status.code(), Some(3));
    let missing = polysum(&["--jsonl", "no/such.jsonl", "-o", &output], None);
    assert_eq!(missing.status.code(), Some(3));
    assert_eq!(std::fs::read(&output).unwrap(), b"keep me");
}

#[test]
fn an_output_in_a_missing_or_unwritable_folder_fails_before_any_work() {
    let no_folder = polysum(&["examples/cluster", "-o", "no/such/folder/out.txt"], None);
    assert_eq!(no_folder.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&no_folder.stderr).contains("folder no/such/folder does not exist"));
    // Read-only even for root.
    let read_only = polysum(&["examples/cluster", "-o", "/proc/polysum-out.txt"], None);
    assert_eq!(read_only.status.code(), Some(3));
    assert!(read_only.stdout.is_empty());
}

#[test]
fn jsonl_from_a_pipe_or_dev_stdin_is_read_whole() {
    let batch = [one_cluster_line("a"), one_cluster_line("b")].join("\n");
    for source in ["-", "/dev/stdin"] {
        let output = polysum(&["--jsonl", source, "--max-sentences", "1"], Some(&batch));
        assert_eq!(output.status.code(), Some(0), "{source}");
        let ids: Vec<String> = records(&output.stdout).iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect();
        assert_eq!(ids, ["a", "b"], "{source}");
    }
}

#[test]
fn an_endless_line_stops_the_batch_with_the_clusters_before_it_written() {
    let scratch = Scratch::new("long");
    let mut bytes = one_cluster_line("first").into_bytes();
    bytes.push(b'\n');
    bytes.extend(std::iter::repeat_n(b' ', 1_100_000));
    bytes.extend(b"\n");
    bytes.extend(one_cluster_line("after").as_bytes());
    let batch = scratch.file("long.jsonl", &bytes);
    let limit = ["--max-input-bytes", "10000"];
    let output = polysum(&[&["--jsonl", batch.as_str()], &limit[..]].concat(), None);
    assert_eq!(output.status.code(), Some(1));
    let records = records(&output.stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "first");
    assert_eq!(records[1]["line"], 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: longer than") && stderr.contains("stopped reading"), "{stderr}");
    // Endless input without a newline: the same, instead of reading forever.
    let zero = polysum(&[&["--jsonl", "/dev/zero"], &limit[..]].concat(), None);
    assert_eq!(zero.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("line 1: longer than"));
}

#[test]
fn bad_bytes_in_a_jsonl_line_fail_that_line_only() {
    let scratch = Scratch::new("bytes");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(one_cluster_line("first").as_bytes());
    bytes.extend(b"\n{\"id\": \"bad\", \"docs\": [\"caf\xE9 au lait.\"]}\n");
    bytes.extend(b"{\"docs\": [\"a\0b\"]}\n");
    bytes.extend(one_cluster_line("last").as_bytes());
    let batch = scratch.file("bytes.jsonl", &bytes);
    let output = polysum(&["--jsonl", &batch, "--max-sentences", "1"], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: not valid UTF-8 at byte 27"), "{stderr}");
    assert!(stderr.contains("line 3: NUL byte at byte 12"), "{stderr}");
    let ids: Vec<String> = records(&output.stdout).iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, ["first", "2", "3", "last"], "the BOM is skipped, the lines around the bad ones kept");
}

#[test]
fn a_binary_input_file_is_refused_and_invalid_utf8_text_read_lossily() {
    let scratch = Scratch::new("binary");
    let binary = scratch.file("image.txt", b"GIF89a\0\0\x01\x02 and more");
    let output = polysum(&[&binary], None);
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("image.txt: a NUL byte at byte 6"));
    let latin1 = scratch.file("latin1.txt", b"The caf\xE9 on the harbour front reopened on Monday after the floods.\n");
    let output = polysum(&[&latin1, "--min-words", "2"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("caf\u{FFFD} on the harbour"));
}

#[test]
fn jobs_zero_means_every_core_and_huge_jobs_are_capped() {
    let batch = one_cluster_line("a");
    let zero = polysum(&["--jsonl", "-", "--jobs", "0"], Some(&batch));
    assert_eq!(zero.status.code(), Some(0));
    let huge = polysum(&["--jsonl", "-", "--jobs", "100000"], Some(&batch));
    assert_eq!(huge.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&huge.stderr).contains("--jobs 100000 capped at"));
    assert_eq!(records(&huge.stdout), records(&zero.stdout));
}

/// Starts the command on an endless batch on standard input, fed by a thread
/// until the command goes away.
fn endless(args: &[&str]) -> std::process::Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polysum"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = one_cluster_line("x") + "\n";
    std::thread::spawn(move || while stdin.write_all(line.as_bytes()).is_ok() {});
    child
}

fn first_line(child: &mut std::process::Child) -> (std::io::BufReader<std::process::ChildStdout>, String) {
    use std::io::BufRead;
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(line.ends_with('\n'), "output appears before the input ends");
    (out, line)
}

fn stopped_by(signal: &str, code: i32) {
    use std::io::Read;
    let mut child = endless(&["--jsonl", "-", "--jobs", "2", "--max-sentences", "2"]);
    let (mut out, first) = first_line(&mut child);
    let status = Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let mut rest = Vec::new();
    out.read_to_end(&mut rest).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{}", String::from_utf8_lossy(&output.stderr));
    let all = [first.as_bytes(), &rest].concat();
    let records = records(&all);
    assert!(records.iter().all(|r| r["id"] == "x" && r["summary"]["sentences"].is_array()));
    assert!(String::from_utf8_lossy(&output.stderr).contains("interrupted"));
}

#[test]
fn sigterm_stops_a_batch_with_whole_records() {
    stopped_by("TERM", 143);
}

#[test]
fn sigint_stops_a_batch_with_whole_records() {
    stopped_by("INT", 130);
}

#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    let mut child = endless(&["--jsonl", "-", "--jobs", "2"]);
    let (out, _) = first_line(&mut child);
    drop(out);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(141));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn the_text_format_prints_one_sentence_a_line() {
    let folder = std::env::temp_dir().join(format!("polysum-wrapped-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let wrapped =
        "The harbour board met on Monday and agreed\nto dredge the channel before the summer season begins.\n";
    std::fs::write(folder.join("a.txt"), wrapped).unwrap();
    let output = polysum(&[folder.to_str().unwrap(), "--max-sentences", "1"], None);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
    assert!(stdout.contains("agreed to dredge"), "{stdout:?}");
    std::fs::remove_dir_all(&folder).unwrap();
}
