//! The `polysum` command: one implementation, run by the Rust binary and by the
//! Python console script alike.
//!
//! Clusters are read as files (one cluster), a folder (one cluster of its text
//! files) or JSON lines (one cluster a line, processed in parallel in small
//! chunks, so memory stays bounded however long the input). Results are written
//! in input order, each chunk's as soon as it is done, as whole records.
//!
//! Under faults (docs/GUARANTEES.md): every input is opened before the output is
//! created, and an output that is an input is refused; JSON lines are read as
//! bytes with a length limit, a bad line reported and skipped; SIGINT and SIGTERM
//! stop a batch between clusters with the finished records written; a closed
//! output pipe ends the command quietly.

use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};
use rayon::prelude::*;
use serde::Deserialize;

use crate::options::{Kind, Options, Value, OPTIONS};
use crate::{Cluster, Config, Document, Focus, Summarizer, Summary};

/// Exit codes, as documented in `--help`.
pub mod exit {
    /// Every cluster was summarised.
    pub const OK: i32 = 0;
    /// Some clusters could not be summarised (bad JSON lines, inputs over the
    /// limit); the others were written.
    pub const PARTIAL: i32 = 1;
    /// Bad usage or an invalid option value.
    pub const USAGE: i32 = 2;
    /// A file could not be read or written.
    pub const IO: i32 = 3;
    /// Stopped by SIGINT (Ctrl-C): the clusters finished were written.
    pub const INTERRUPTED: i32 = 130;
    /// The output was closed by its reader (`polysum ... | head -1`): 128 +
    /// SIGPIPE, as a command killed by it, but with no message.
    pub const CLOSED: i32 = 141;
    /// Stopped by SIGTERM: the clusters finished were written.
    pub const TERMINATED: i32 = 143;
}

/// JSON lines are read and summarised this many clusters a thread at a time.
const CHUNKS_PER_THREAD: usize = 16;

const EXAMPLES: &str = "\
Examples:
  polysum reuters.txt ap.txt bbc.txt                 one cluster from three files
  polysum examples/cluster --max-words 60            one cluster: the folder's .txt files
  polysum --jsonl clusters.jsonl --format jsonl -o summaries.jsonl --jobs 8
  cat clusters.jsonl | polysum --jsonl - --max-sentences 3 --format markdown

JSON lines: one cluster a line, {\"id\": ..., \"docs\": [\"text\" | {\"id\": ..., \"text\": ...}, ...]}.

Exit codes:
  0  every cluster was summarised
  1  some clusters failed (each reported on stderr with its line number); the rest were written
  2  bad usage or option value (also: the first failure under --strict)
  3  a file could not be read or written (checked before any output is made)
  130, 143  stopped by SIGINT, SIGTERM: the clusters finished were written, as whole records
  141  the output pipe was closed by its reader";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
}

/// Extractive multi-document summarisation: the sentences, verbatim, that cover a
/// cluster of documents best.
///
/// The summary options (method, budget, weights, ...) are added from the option
/// table (`polysum::OPTIONS`) by [`command`]; these are the command's own.
#[derive(Debug, Parser)]
#[command(name = "polysum", version, after_help = EXAMPLES)]
struct Args {
    /// Text files forming one cluster, or one folder whose .txt files form it.
    #[arg(conflicts_with = "jsonl")]
    inputs: Vec<PathBuf>,
    /// Read clusters as JSON lines from FILE ('-' for standard input).
    #[arg(long, value_name = "FILE")]
    jsonl: Option<String>,
    /// Output format [default: text, or jsonl with --jsonl].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Threads for batches, at most 4 a core [default, or 0: all cores].
    #[arg(short, long)]
    jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Stop at the first cluster that fails.
    #[arg(long)]
    strict: bool,
    /// Focus the summary on a question, topic or keywords (a JSON line's own
    /// "query" wins).
    #[arg(long, value_name = "TEXT")]
    query: Option<String>,
    /// Text files the reader has already seen: the summary tells what is new
    /// (files input only; JSON lines carry "seen").
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "jsonl")]
    seen: Vec<PathBuf>,
}

/// The command line: the command's own arguments, then one flag per option of
/// the table, named as in Python with `-` for `_` (a flag option also takes its
/// `--no-` form).
fn command() -> clap::Command {
    let mut command = Args::command().next_help_heading("Summary options");
    let mut groups: Vec<&str> = Vec::new();
    for spec in OPTIONS {
        let long = spec.name.replace('_', "-");
        let default = spec.default_value();
        let mut help = spec.help.split_whitespace().collect::<Vec<_>>().join(" ");
        if !spec.choices.is_empty() {
            help = format!("{help} One of: {}.", spec.choices.join(", "));
        }
        if default != Value::Null {
            help = format!("{help} [default: {}]", plain(&default));
        }
        let mut arg = clap::Arg::new(spec.name).long(long.clone()).help(help).action(clap::ArgAction::Set);
        arg = match spec.kind {
            Kind::Count => arg.value_name("N"),
            Kind::Number => arg.value_name(if spec.optional { "X|none" } else { "X" }),
            Kind::Choice => arg.value_name("NAME"),
            Kind::Flag => arg.value_name("BOOL").num_args(0..=1).default_missing_value("true"),
            Kind::Words => arg.value_name("WORD,..."),
        };
        if let Some(group) = spec.group {
            arg = arg.group(group);
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        command = command.arg(arg);
        if spec.kind == Kind::Flag {
            let negation = clap::Arg::new(format!("no_{}", spec.name))
                .long(format!("no-{long}"))
                .help(format!("The same as --{long} false."))
                .action(clap::ArgAction::SetTrue)
                .conflicts_with(spec.name);
            command = command.arg(negation);
        }
    }
    for group in groups {
        command = command.group(clap::ArgGroup::new(group).multiple(false));
    }
    command
}

/// A default as the command line writes it.
fn plain(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::List(words) if words.is_empty() => "none".into(),
        Value::List(words) => words.join(","),
        other => other.to_string(),
    }
}

/// The options given on the command line, over the defaults.
fn options_of(matches: &clap::ArgMatches) -> crate::Result<Options> {
    let mut pairs: Vec<(&str, Value)> = Vec::new();
    for spec in OPTIONS {
        if let Some(word) = matches.get_one::<String>(spec.name) {
            pairs.push((spec.name, spec.parse(word)?));
        }
        if spec.kind == Kind::Flag && matches.get_flag(&format!("no_{}", spec.name)) {
            pairs.push((spec.name, Value::Bool(false)));
        }
    }
    Options::from_pairs(pairs)
}

/// One cluster as a JSON line.
#[derive(Deserialize)]
struct ClusterLine {
    #[serde(default)]
    id: Option<serde_json::Value>,
    docs: Vec<DocumentLine>,
    /// A query: a string, or a topic `{"title": ..., "narrative": ...}` as DUC and
    /// TAC write them.
    #[serde(default)]
    query: Option<QueryLine>,
    /// Documents the reader has seen, in the same forms as `docs`.
    #[serde(default)]
    seen: Vec<DocumentLine>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum QueryLine {
    Text(String),
    Topic {
        #[serde(default)]
        title: String,
        #[serde(default)]
        narrative: String,
    },
}

impl QueryLine {
    fn text(self) -> String {
        match self {
            QueryLine::Text(text) => text,
            QueryLine::Topic { title, narrative } => format!("{title}\n{narrative}").trim().to_owned(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DocumentLine {
    Text(String),
    Document { id: Option<serde_json::Value>, text: String },
}

/// A cluster's outcome, in input order.
struct Outcome {
    /// 1-based line number for JSON lines, 0 otherwise.
    line: usize,
    id: String,
    result: Result<Summary, String>,
}

fn id_text(value: Option<serde_json::Value>, fallback: String) -> String {
    match value {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback,
        Some(other) => other.to_string(),
    }
}

/// Parses one JSON line into a cluster: its id (the line's `"id"`, or `number`
/// when it has none) and its documents (each a string, or an object with
/// `"text"` and an optional `"id"`; a document without an id is named by its
/// position from 0).
///
/// # Errors
///
/// A message (`invalid cluster: ...`) when the line is not such an object.
pub fn parse_line(line: &str, number: usize) -> Result<(String, Cluster), String> {
    let cluster: ClusterLine = serde_json::from_str(line).map_err(|e| format!("invalid cluster: {e}"))?;
    let id = id_text(cluster.id, number.to_string());
    let documents_of = |lines: Vec<DocumentLine>| -> Vec<Document> {
        lines
            .into_iter()
            .enumerate()
            .map(|(i, doc)| match doc {
                DocumentLine::Text(text) => Document::new(i.to_string(), text),
                DocumentLine::Document { id, text } => Document::new(id_text(id, i.to_string()), text),
            })
            .collect()
    };
    Ok((
        id,
        Cluster {
            documents: documents_of(cluster.docs),
            query: cluster.query.map(QueryLine::text),
            seen: documents_of(cluster.seen),
        },
    ))
}

/// The longest JSON line the command reads for a given `max_input_bytes`: twice
/// the limit (JSON escapes make a text longer than the cluster it holds) plus
/// 1 MiB for the ids and the syntax. A longer line could only hold a cluster
/// over the limit.
pub fn line_limit(max_input_bytes: usize) -> usize {
    max_input_bytes.saturating_mul(2).saturating_add(1 << 20)
}

/// One line of a JSON-lines input, as [`LineReader`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The line without its `\n` (a blank line is a `Text` too: the command
    /// skips it).
    Text(String),
    /// A line that cannot be a cluster, with the reason: not valid UTF-8, or a
    /// NUL byte (JSON text never holds one). The lines after it are read.
    Invalid(String),
    /// A line longer than the reader's limit. Nothing after it is read: finding
    /// the next line could mean reading without end (`/dev/zero`).
    TooLong,
}

/// Reads JSON lines as raw bytes, each at most `limit` bytes, and numbers them
/// from 1. A UTF-8 byte order mark at the start is skipped. It stops (yields
/// `None` from then on) at the end of the input, after a read error and after
/// a [`Line::TooLong`]; it never holds more than `limit` bytes of a line.
pub struct LineReader<R> {
    reader: R,
    limit: usize,
    number: usize,
    buffer: Vec<u8>,
    done: bool,
}

impl<R: BufRead> LineReader<R> {
    /// A reader of `reader`'s lines, each at most `limit` bytes long (its `\n`
    /// not counted).
    pub fn new(reader: R, limit: usize) -> Self {
        LineReader { reader, limit, number: 0, buffer: Vec::new(), done: false }
    }
}

/// What [`read_bounded`] found.
enum Bounded {
    Line,
    TooLong,
    End,
}

/// Reads up to the next `\n` (consumed, not kept) into `buffer`, unless the line
/// is longer than `limit`: then it stops there, having kept at most `limit` bytes.
fn read_bounded(reader: &mut impl BufRead, buffer: &mut Vec<u8>, limit: usize) -> io::Result<Bounded> {
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if buffer.is_empty() { Bounded::End } else { Bounded::Line });
        }
        let (take, newline) = match memchr::memchr(b'\n', available) {
            Some(at) => (at, true),
            None => (available.len(), false),
        };
        if buffer.len() + take > limit {
            return Ok(Bounded::TooLong);
        }
        buffer.extend_from_slice(&available[..take]);
        reader.consume(take + usize::from(newline));
        if newline {
            return Ok(Bounded::Line);
        }
    }
}

/// A line's bytes as text, or why they cannot be a JSON line.
fn check_line(bytes: &[u8]) -> Line {
    if let Some(at) = memchr::memchr(0, bytes) {
        return Line::Invalid(format!("NUL byte at byte {at} (JSON text never holds one)"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Line::Text(text.to_owned()),
        Err(e) => Line::Invalid(format!("not valid UTF-8 at byte {}", e.valid_up_to())),
    }
}

impl<R: BufRead> Iterator for LineReader<R> {
    /// The line's number (from 1) and the line, or the read error.
    type Item = io::Result<(usize, Line)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.buffer.clear();
        let found = read_bounded(&mut self.reader, &mut self.buffer, self.limit);
        let line = match found {
            Err(error) => {
                self.done = true;
                return Some(Err(error));
            }
            Ok(Bounded::End) => {
                self.done = true;
                return None;
            }
            Ok(Bounded::TooLong) => {
                self.done = true;
                Line::TooLong
            }
            Ok(Bounded::Line) => {
                let bytes = match self.number {
                    0 => self.buffer.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buffer),
                    _ => &self.buffer,
                };
                check_line(bytes)
            }
        };
        self.number += 1;
        Some(Ok((self.number, line)))
    }
}

/// Runs the command with `argv` (program name first); returns the exit code.
pub fn main(argv: Vec<String>) -> i32 {
    let parsed = command().try_get_matches_from(argv).and_then(|matches| {
        let args = Args::from_arg_matches(&matches)?;
        Ok((args, matches))
    });
    let (args, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            let code = if error.use_stderr() { exit::USAGE } else { exit::OK };
            let _ = error.print();
            return code;
        }
    };
    let config = match options_of(&matches).and_then(Config::try_from) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("polysum: {error}");
            return exit::USAGE;
        }
    };
    let summarizer = Summarizer::new(config).expect("validated above");
    let result = match threads(args.jobs) {
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool.install(|| run(&args, &summarizer)),
            Err(e) => Err(Failure::Io(format!("cannot start {n} threads: {e}"))),
        },
        None => run(&args, &summarizer),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("polysum: {message}");
            exit::USAGE
        }
        Err(Failure::Io(message)) => {
            eprintln!("polysum: {message}");
            exit::IO
        }
        Err(Failure::Closed) => exit::CLOSED,
    }
}

/// The threads to start for `--jobs`: `None` for the default (all cores), a
/// request over [`crate::threads::limit`] capped, and said so.
fn threads(jobs: Option<usize>) -> Option<usize> {
    match jobs {
        None | Some(0) => None,
        Some(n) if n > crate::threads::limit() => {
            let cap = crate::threads::limit();
            eprintln!("polysum: --jobs {n} capped at {cap} (4 threads a core, at most 256)");
            Some(cap)
        }
        Some(n) => Some(n),
    }
}

enum Failure {
    Usage(String),
    Io(String),
    /// The reader of the output went away (a closed pipe): stop quietly.
    Closed,
}

fn io_failure(what: &str, path: &dyn std::fmt::Display, error: io::Error) -> Failure {
    Failure::Io(format!("cannot {what} {path}: {error}"))
}

fn write_failure(error: io::Error) -> Failure {
    match error.kind() {
        io::ErrorKind::BrokenPipe => Failure::Closed,
        _ => io_failure("write", &"the output", error),
    }
}

/// Whether two files are one (same device and inode), for refusing to write
/// over an input.
#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Refuses an output that is one of the inputs (it would be emptied before
/// being read); compares device and inode, and canonical paths where those are
/// not available.
fn check_output(output: &Path, inputs: &[PathBuf]) -> Result<(), Failure> {
    let Ok(target) = fs::metadata(output) else { return Ok(()) };
    if !target.is_file() {
        return Ok(());
    }
    let canonical = fs::canonicalize(output).ok();
    for input in inputs {
        let same = fs::metadata(input).is_ok_and(|m| same_file(&m, &target))
            || (canonical.is_some() && fs::canonicalize(input).ok() == canonical);
        if same {
            return Err(Failure::Usage(format!(
                "the output {} is the input {}: writing would destroy it",
                output.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

/// Creates the output file, after every input was checked.
fn create_output(path: &Path) -> Result<fs::File, Failure> {
    fs::File::create(path).map_err(|error| {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let why = match error.kind() {
            io::ErrorKind::NotFound if !folder.is_dir() => format!("the folder {} does not exist", folder.display()),
            io::ErrorKind::PermissionDenied => format!("no permission to write in {}", folder.display()),
            _ => error.to_string(),
        };
        Failure::Io(format!("cannot create {}: {why}", path.display()))
    })
}

fn run(args: &Args, summarizer: &Summarizer) -> Result<i32, Failure> {
    let format = args.format.unwrap_or(if args.jsonl.is_some() { Format::Jsonl } else { Format::Text });
    // Every input is opened (and, for files, read) before the output is created.
    let input = match &args.jsonl {
        Some(source) => Input::Batch(open_jsonl(source)?),
        None => Input::Cluster(read_cluster(&args.inputs)?),
    };
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => {
            let inputs = match &input {
                Input::Batch(jsonl) => jsonl.path.iter().cloned().collect(),
                Input::Cluster(cluster) => cluster.files.clone(),
            };
            check_output(path, &inputs)?;
            Box::new(create_output(path)?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut writer = Writer { out: BufWriter::new(sink), format, written: 0 };
    let code = match input {
        Input::Batch(jsonl) => batch(args, summarizer, jsonl, &mut writer)?,
        Input::Cluster(cluster) => {
            let seen = read_documents(&args.seen)?;
            let focus = Focus { query: args.query.as_deref(), seen: &seen };
            let result = summarizer.summarize_focused(&cluster.documents, &focus).map_err(|e| e.to_string());
            if let Err(message) = &result {
                eprintln!("polysum: {message}");
            }
            let failed = result.is_err();
            writer.write(&Outcome { line: 0, id: cluster.id, result })?;
            if failed {
                exit::PARTIAL
            } else {
                exit::OK
            }
        }
    };
    writer.finish()?;
    Ok(code)
}

enum Input {
    Batch(Jsonl),
    Cluster(FileCluster),
}

/// One cluster read from files.
struct FileCluster {
    id: String,
    files: Vec<PathBuf>,
    documents: Vec<Document>,
}

fn read_cluster(inputs: &[PathBuf]) -> Result<FileCluster, Failure> {
    let files: Vec<PathBuf> = match inputs {
        [] => return Err(Failure::Usage("give files, a folder or --jsonl FILE (see --help)".into())),
        [folder] if folder.is_dir() => {
            let mut files: Vec<PathBuf> = fs::read_dir(folder)
                .map_err(|e| io_failure("read folder", &folder.display(), e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Failure::Usage(format!("{} holds no .txt files", folder.display())));
            }
            files
        }
        files => files.to_vec(),
    };
    let id = match inputs {
        [folder] if folder.is_dir() => folder.display().to_string(),
        _ => "cluster".to_string(),
    };
    let documents = read_documents(&files)?;
    Ok(FileCluster { id, files, documents })
}

/// Text files as documents named by their file names.
fn read_documents(files: &[PathBuf]) -> Result<Vec<Document>, Failure> {
    files
        .iter()
        .map(|path| {
            let bytes = fs::read(path).map_err(|e| io_failure("read", &path.display(), e))?;
            if let Some(at) = memchr::memchr(0, &bytes) {
                return Err(Failure::Io(format!(
                    "cannot read {}: a NUL byte at byte {at}: a binary file, not text",
                    path.display()
                )));
            }
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            // Text that is not valid UTF-8 (Latin-1, a stray byte) is read with
            // U+FFFD for each bad byte.
            Ok(Document::new(name, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect()
}

/// An opened JSON-lines input.
struct Jsonl {
    /// The name as given (`-` for standard input).
    name: String,
    /// The file, `None` for standard input.
    path: Option<PathBuf>,
    file: Option<fs::File>,
    /// Lines in the input, for the progress bar: counted only for a regular
    /// file (counting a pipe would drain it).
    total: Option<u64>,
}

fn open_jsonl(source: &str) -> Result<Jsonl, Failure> {
    if source == "-" {
        // `-o FILE < FILE` would empty FILE before reading it.
        let path = cfg!(target_os = "linux").then(|| PathBuf::from("/dev/stdin"));
        return Ok(Jsonl { name: source.into(), path, file: None, total: None });
    }
    let file = fs::File::open(source).map_err(|e| io_failure("open", &source, e))?;
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    let total = if regular { count_lines(Path::new(source)) } else { None };
    Ok(Jsonl { name: source.into(), path: Some(PathBuf::from(source)), file: Some(file), total })
}

/// Receives SIGINT and SIGTERM while a batch runs, as a flag the batch checks
/// between clusters (the signal number, 0 for none). Registered with
/// signal-hook, which chains to a handler already installed (the Python
/// interpreter's for SIGINT, which raises `KeyboardInterrupt` once the command
/// returns); unregistered when dropped.
struct Interrupt {
    signal: Arc<AtomicUsize>,
    ids: Vec<signal_hook::SigId>,
}

impl Interrupt {
    fn register() -> Self {
        let signal = Arc::new(AtomicUsize::new(0));
        let ids = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM]
            .into_iter()
            .filter_map(|s| signal_hook::flag::register_usize(s, Arc::clone(&signal), s as usize).ok())
            .collect();
        Interrupt { signal, ids }
    }

    /// The exit code for the signal received (128 + its number), if any.
    fn received(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(128 + signal as i32),
        }
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// A chunk of read lines, in input order; a read error ends the input.
type Chunk = Vec<io::Result<(usize, Line)>>;

/// Reads `jsonl` on a thread of its own, `size` clusters a chunk (blank lines
/// skipped), so that the batch can stop on a signal while a read blocks.
fn spawn_reader(jsonl: Jsonl, limit: usize, size: usize) -> mpsc::Receiver<Chunk> {
    let (sender, receiver) = mpsc::sync_channel::<Chunk>(2);
    std::thread::spawn(move || {
        let reader: Box<dyn BufRead> = match jsonl.file {
            Some(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            None => Box::new(io::stdin().lock()),
        };
        let mut lines = LineReader::new(reader, limit).peekable();
        while lines.peek().is_some() {
            let chunk: Chunk = lines
                .by_ref()
                .filter(|item| !matches!(item, Ok((_, Line::Text(text))) if text.trim().is_empty()))
                .take(size)
                .collect();
            if chunk.is_empty() || sender.send(chunk).is_err() {
                return;
            }
        }
    });
    receiver
}

fn batch(args: &Args, summarizer: &Summarizer, jsonl: Jsonl, writer: &mut Writer) -> Result<i32, Failure> {
    let interrupt = Interrupt::register();
    let name = jsonl.name.clone();
    let limit = line_limit(summarizer.config().max_input_bytes);
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(jsonl.total));
    let report = |message: String| match &progress {
        Some(bar) => bar.println(format!("polysum: {message}")),
        None => eprintln!("polysum: {message}"),
    };
    // Small chunks, a few per thread: output appears early and a signal is
    // answered within a few clusters.
    let chunks = spawn_reader(jsonl, limit, CHUNKS_PER_THREAD * rayon::current_num_threads());
    let mut failures = 0usize;
    'batch: loop {
        let chunk = loop {
            if interrupt.received().is_some() {
                break 'batch;
            }
            match chunks.recv_timeout(Duration::from_millis(100)) {
                Ok(chunk) => break chunk,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => break 'batch,
            }
        };
        // A cluster not started when a signal comes is never started.
        let outcomes: Vec<Option<io::Result<Outcome>>> = chunk
            .into_par_iter()
            .map(|item| {
                if interrupt.received().is_some() {
                    return None;
                }
                Some(item.map(|(number, line)| outcome_of(summarizer, number, line, limit, args.query.as_deref())))
            })
            .collect();
        let mut done = 0u64;
        for outcome in outcomes {
            // Whole records only, in input order: stop at the first not made.
            let Some(outcome) = outcome else { break };
            let outcome = match outcome {
                Ok(outcome) => outcome,
                Err(error) => {
                    writer.flush()?;
                    return Err(io_failure("read a line of", &name, error));
                }
            };
            if let Err(message) = &outcome.result {
                failures += 1;
                report(format!("line {}: {message}", outcome.line));
                if args.strict {
                    return Ok(exit::USAGE);
                }
            }
            writer.write(&outcome)?;
            done += 1;
        }
        writer.flush()?;
        if let Some(bar) = &progress {
            bar.inc(done);
        }
    }
    if let Some(bar) = &progress {
        bar.finish();
    }
    if let Some(code) = interrupt.received() {
        report(format!("interrupted: the {} clusters finished were written", writer.written));
        return Ok(code);
    }
    Ok(if failures > 0 { exit::PARTIAL } else { exit::OK })
}

/// Summarises one read line.
fn outcome_of(summarizer: &Summarizer, number: usize, line: Line, limit: usize, query: Option<&str>) -> Outcome {
    let failed = |message: String| Outcome { line: number, id: number.to_string(), result: Err(message) };
    match line {
        Line::Text(text) => match parse_line(&text, number) {
            Ok((id, mut cluster)) => {
                // The line's own query wins over --query.
                if cluster.query.is_none() {
                    cluster.query = query.map(str::to_owned);
                }
                let result =
                    summarizer.summarize_focused(&cluster.documents, &cluster.focus()).map_err(|e| e.to_string());
                Outcome { line: number, id, result }
            }
            Err(message) => failed(message),
        },
        Line::Invalid(message) => failed(message),
        Line::TooLong => failed(format!(
            "longer than {limit} bytes (twice --max-input-bytes, plus 1 MiB): stopped reading here, \
             no line after it was read"
        )),
    }
}

fn count_lines(path: &Path) -> Option<u64> {
    let mut file = fs::File::open(path).ok()?;
    let mut buffer = vec![0u8; 1 << 16];
    let mut lines = 0u64;
    loop {
        let read = file.read(&mut buffer).ok()?;
        if read == 0 {
            return Some(lines);
        }
        lines += memchr::memchr_iter(b'\n', &buffer[..read]).count() as u64;
    }
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::no_length(),
    };
    let template = "{elapsed_precise} [{bar:30}] {human_pos}/{human_len} clusters, {per_sec}, ETA {eta}";
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

struct Writer {
    out: BufWriter<Box<dyn Write>>,
    format: Format,
    written: usize,
}

impl Writer {
    fn write(&mut self, outcome: &Outcome) -> Result<(), Failure> {
        self.render(outcome).map_err(write_failure)?;
        self.written += 1;
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Failure> {
        self.out.flush().map_err(write_failure)
    }

    fn render(&mut self, outcome: &Outcome) -> io::Result<()> {
        let out = &mut self.out;
        match (self.format, &outcome.result) {
            (Format::Text, Ok(summary)) => {
                let batch = outcome.line > 0;
                if batch {
                    writeln!(out, "# {}", outcome.id)?;
                }
                for sentence in &summary.sentences {
                    // One sentence a line: its own line breaks collapsed.
                    writeln!(out, "{}", crate::display_text([sentence.text.as_str()]))?;
                }
                if batch {
                    writeln!(out)?;
                }
            }
            (Format::Markdown, Ok(summary)) => {
                writeln!(out, "## {}\n", outcome.id)?;
                for sentence in &summary.sentences {
                    writeln!(out, "- {} *({})*", crate::display_text([sentence.text.as_str()]), sentence.doc_id)?;
                }
                writeln!(out)?;
            }
            (Format::Json | Format::Jsonl, result) => {
                let record = match result {
                    Ok(summary) => serde_json::json!({"id": outcome.id, "summary": summary}),
                    Err(message) => serde_json::json!({"id": outcome.id, "line": outcome.line, "error": message}),
                };
                // The record is made whole before any of it is written.
                let mut bytes = serde_json::to_vec(&record).map_err(io::Error::other)?;
                if self.format == Format::Json {
                    out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                } else {
                    bytes.push(b'\n');
                }
                out.write_all(&bytes)?;
            }
            // Failures are reported on stderr; text formats carry only summaries.
            (Format::Text | Format::Markdown, Err(_)) => {}
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(), Failure> {
        if self.format == Format::Json {
            let closing: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(closing).map_err(write_failure)?;
        }
        self.flush()
    }
}
