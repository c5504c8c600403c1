//! The `polysum` command (built with `--features cli`); see `polysum --help`.

fn main() {
    std::process::exit(polysum::cli::main(std::env::args().collect()));
}
