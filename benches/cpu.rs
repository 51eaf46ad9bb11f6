//! CPU time of the calling thread (Linux: `/proc/thread-self/schedstat`), so figures
//! measured on a shared machine can be given per core as well as per wall-clock second.

/// Nanoseconds of CPU the current thread has used, if the platform tells.
pub fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Run `f` `n` times; return (wall seconds, CPU seconds if known).
pub fn time<F: FnMut()>(n: u32, mut f: F) -> (f64, Option<f64>) {
    let cpu = thread_cpu_ns();
    let wall = std::time::Instant::now();
    for _ in 0..n {
        f();
    }
    let wall = wall.elapsed().as_secs_f64();
    let cpu = cpu.zip(thread_cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);
    (wall, cpu)
}
