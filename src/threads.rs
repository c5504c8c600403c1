//! How many threads a batch may start.

use std::thread;

/// At most this many threads per core: more only adds scheduling and memory,
/// and a mistyped `--jobs 10000` must not bring a machine to a halt.
const PER_CORE: usize = 4;
/// Never more than this many, whatever the machine.
const MAX_THREADS: usize = 256;

/// `wanted` threads, capped at `PER_CORE` × the cores available (and at
/// `MAX_THREADS`); at least 1.
pub fn capped(wanted: usize) -> usize {
    wanted.clamp(1, limit())
}

/// The most threads [`capped`] allows on this machine.
pub fn limit() -> usize {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    (cores * PER_CORE).min(MAX_THREADS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_requests_are_capped_and_zero_is_one() {
        assert_eq!(capped(0), 1);
        assert_eq!(capped(1), 1);
        assert!(capped(10_000) <= MAX_THREADS);
        assert_eq!(capped(10_000), limit());
    }
}
