//! Shared pieces of motcua's benchmarks: a seeded input generator and a
//! throughput report that prints each figure with its ratio to a peer.

use std::hint::black_box;
use std::time::Instant;

/// A small deterministic PRNG (xorshift64*), so every run and every peer
/// sees the same inputs without a `rand` dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// A uniform integer in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) % n
    }
}

/// Median wall time of `runs` runs of `f` over `n` elements, as elements
/// per second.
pub fn throughput<T>(n: usize, runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    n as f64 / times[times.len() / 2]
}

/// One row of the summary: a figure, its peer and its goal.
pub struct Row {
    /// What was measured.
    pub name: &'static str,
    /// Elements per second.
    pub per_second: f64,
    /// The naive peer's elements per second on the same inputs, if any.
    pub peer: Option<f64>,
    /// The goal in elements per second.
    pub goal: f64,
}

/// Prints the summary table.
pub fn report(title: &str, rows: &[Row]) {
    println!("\n{title}");
    println!(
        "{:<44} {:>12} {:>12} {:>9} {:>10} {:>5}",
        "operation", "M ops/s", "naive M/s", "× naive", "goal M/s", "met"
    );
    for r in rows {
        let peer = r.peer.map_or("-".into(), |p| format!("{:.1}", p / 1e6));
        let ratio = r
            .peer
            .map_or("-".into(), |p| format!("{:.1}×", r.per_second / p));
        println!(
            "{:<44} {:>12.1} {:>12} {:>9} {:>10.0} {:>5}",
            r.name,
            r.per_second / 1e6,
            peer,
            ratio,
            r.goal / 1e6,
            if r.per_second >= r.goal { "yes" } else { "NO" }
        );
    }
}
