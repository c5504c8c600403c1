//! The `polysum` command: one implementation, run by the Rust binary and by the
//! Python console script alike.
//!
//! Clusters are read as files (one cluster), a folder (one cluster of its text
//! files) or JSON lines (one cluster a line, processed in parallel in chunks, so
//! memory stays bounded however long the input). Results are written in input
//! order.

use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};
use rayon::prelude::*;
use serde::Deserialize;

use crate::options::{Kind, Options, Value, OPTIONS};
use crate::{Config, Document, Summarizer, Summary};

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
}

/// Clusters are read and summarised this many at a time.
const CHUNK: usize = 2048;

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
  3  a file could not be read or written";

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
    /// Threads for batches [default: all cores].
    #[arg(short, long)]
    jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Stop at the first cluster that fails.
    #[arg(long)]
    strict: bool,
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

fn parse_line(line: &str, number: usize) -> Result<(String, Vec<Document>), String> {
    let cluster: ClusterLine = serde_json::from_str(line).map_err(|e| format!("invalid cluster: {e}"))?;
    let id = id_text(cluster.id, number.to_string());
    let documents = cluster
        .docs
        .into_iter()
        .enumerate()
        .map(|(i, doc)| match doc {
            DocumentLine::Text(text) => Document::new(i.to_string(), text),
            DocumentLine::Document { id, text } => Document::new(id_text(id, i.to_string()), text),
        })
        .collect();
    Ok((id, documents))
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
    let result = match args.jobs {
        Some(0) => Err(Failure::Usage("--jobs must be at least 1".into())),
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool.install(|| run(&args, &summarizer)),
            Err(e) => Err(Failure::Usage(format!("cannot start {n} threads: {e}"))),
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
    }
}

enum Failure {
    Usage(String),
    Io(String),
}

fn io_failure(what: &str, path: &dyn std::fmt::Display, error: io::Error) -> Failure {
    Failure::Io(format!("cannot {what} {path}: {error}"))
}

fn run(args: &Args, summarizer: &Summarizer) -> Result<i32, Failure> {
    let format = args.format.unwrap_or(if args.jsonl.is_some() { Format::Jsonl } else { Format::Text });
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(fs::File::create(path).map_err(|e| io_failure("create", &path.display(), e))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut writer = Writer { out: BufWriter::new(sink), format, written: 0 };
    let code = match &args.jsonl {
        Some(source) => batch(args, summarizer, source, &mut writer)?,
        None => {
            let (id, documents) = read_cluster(&args.inputs)?;
            let result = summarizer.summarize(&documents).map_err(|e| e.to_string());
            let failed = result.is_err();
            writer.write(&Outcome { line: 0, id, result })?;
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

fn read_cluster(inputs: &[PathBuf]) -> Result<(String, Vec<Document>), Failure> {
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
    let documents = files
        .iter()
        .map(|path| {
            let bytes = fs::read(path).map_err(|e| io_failure("read", &path.display(), e))?;
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            Ok(Document::new(name, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect::<Result<_, Failure>>()?;
    Ok((id, documents))
}

fn batch(args: &Args, summarizer: &Summarizer, source: &str, writer: &mut Writer) -> Result<i32, Failure> {
    let reader: Box<dyn BufRead> = if source == "-" {
        Box::new(BufReader::new(io::stdin().lock()))
    } else {
        let file = fs::File::open(source).map_err(|e| io_failure("open", &source, e))?;
        Box::new(BufReader::new(file))
    };
    let total = match source {
        "-" => None,
        path => count_lines(Path::new(path)),
    };
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(total));
    let mut failures = 0usize;
    let mut lines = reader.lines().enumerate();
    loop {
        let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
        for (index, line) in lines.by_ref() {
            let line = line.map_err(|e| io_failure("read line of", &source, e))?;
            if !line.trim().is_empty() {
                chunk.push((index + 1, line));
            }
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|(number, line)| match parse_line(line, *number) {
                Ok((id, documents)) => {
                    let result = summarizer.summarize(&documents).map_err(|e| e.to_string());
                    Outcome { line: *number, id, result }
                }
                Err(message) => Outcome { line: *number, id: number.to_string(), result: Err(message) },
            })
            .collect();
        for outcome in &outcomes {
            if let Err(message) = &outcome.result {
                failures += 1;
                let report = format!("line {}: {message}", outcome.line);
                match &progress {
                    Some(bar) => bar.println(format!("polysum: {report}")),
                    None => eprintln!("polysum: {report}"),
                }
                if args.strict {
                    return Ok(exit::USAGE);
                }
            }
            writer.write(outcome)?;
        }
        if let Some(bar) = &progress {
            bar.inc(outcomes.len() as u64);
        }
    }
    if let Some(bar) = progress {
        bar.finish();
    }
    Ok(if failures > 0 { exit::PARTIAL } else { exit::OK })
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
        lines += buffer[..read].iter().filter(|&&b| b == b'\n').count() as u64;
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
        self.render(outcome).map_err(|e| io_failure("write", &"the output", e))?;
        self.written += 1;
        Ok(())
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
                    writeln!(out, "{}", sentence.text)?;
                }
                if batch {
                    writeln!(out)?;
                }
            }
            (Format::Markdown, Ok(summary)) => {
                writeln!(out, "## {}\n", outcome.id)?;
                for sentence in &summary.sentences {
                    writeln!(out, "- {} *({})*", sentence.text, sentence.doc_id)?;
                }
                writeln!(out)?;
            }
            (Format::Json | Format::Jsonl, result) => {
                let record = match result {
                    Ok(summary) => serde_json::json!({"id": outcome.id, "summary": summary}),
                    Err(message) => serde_json::json!({"id": outcome.id, "line": outcome.line, "error": message}),
                };
                if self.format == Format::Json {
                    out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                }
                serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
                if self.format == Format::Jsonl {
                    out.write_all(b"\n")?;
                }
            }
            // Failures are reported on stderr; text formats carry only summaries.
            (Format::Text | Format::Markdown, Err(_)) => {}
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(), Failure> {
        if self.format == Format::Json {
            let closing: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(closing).map_err(|e| io_failure("write", &"the output", e))?;
        }
        self.out.flush().map_err(|e| io_failure("write", &"the output", e))
    }
}
