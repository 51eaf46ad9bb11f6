//! Benchmark: scored batch runs of the default scenario with textbook bot teams (each
//! run with its no-response baseline), on one worker and on two, in one process, and
//! the ratio; then the process's peak memory after 100 runs and after 10,000.
//! `cargo bench --no-default-features --bench batch` (`CROSSDRILL_BATCH_RUNS=N`
//! for the throughput runs, default 4,000).

use crossdrill::batch::{Spec, run};
use crossdrill::bots::{Cast, Profile};
use crossdrill::cpu::{Whose, cpu_secs};
use crossdrill::scenario::builtin_default;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Instant;

/// Peak resident memory of this process so far, KiB (`VmHWM`).
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that is not ours skips the benchmark.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with("--") && a != "batch")
    {
        return;
    }
    let s = Arc::new(builtin_default());
    let spec = Spec::new(
        s.clone(),
        Cast::all(&s, Profile::Textbook),
        Vec::new(),
        None,
    );
    let n: u64 = std::env::var("CROSSDRILL_BATCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let done = AtomicU64::new(0);
    // Warm up (page in, fill the allocator).
    let _ = run(&spec, 1..201, 1, &done);
    let _ = run(&spec, 1..101, 2, &done);
    let after_100 = peak_kib();
    let _ = run(&spec, 1..10_001, 2, &done);
    let after_10k = peak_kib();
    if let (Some(a), Some(b)) = (after_100, after_10k) {
        println!(
            "batch/memory: peak {a} KiB after 100 runs, {b} KiB after 10,000 (+{} KiB)",
            b.saturating_sub(a)
        );
    }
    let mut rates = Vec::new();
    for jobs in [1, 2] {
        let (cpu, wall) = (cpu_secs(Whose::Own), Instant::now());
        let sum = run(&spec, 1_000_000..1_000_000 + n, jobs, &done);
        let wall = wall.elapsed().as_secs_f64();
        let cpu = cpu.zip(cpu_secs(Whose::Own)).map(|(a, b)| b - a);
        let rate = n as f64 / wall;
        let per_cpu = cpu.map_or_else(|| "?".into(), |c| format!("{:.0}", n as f64 / c.max(1e-9)));
        println!(
            "batch/jobs {jobs}: {n} scored runs in {wall:.2} s: {rate:.0} runs/s, {per_cpu} runs per CPU second (mean score {:.1})",
            sum.overall.mean().unwrap_or(0.0)
        );
        rates.push(rate);
    }
    println!(
        "batch/speed-up jobs 2 over jobs 1: {:.2}x",
        rates[1] / rates[0]
    );
}
