//! The `polysum` command (built with `--features cli`); see `polysum --help`.

/// See the `mimalloc` feature in Cargo.toml (with `python` on, the library sets it).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(polysum::cli::main(std::env::args().collect()));
}
