//! CPU time from Linux's `/proc/self/stat`, all threads together: what the app's frame
//! benchmark and the load benchmark report. `None` where the file cannot be read.

/// Where the counts are taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// This process.
    Own,
    /// Its children that were waited for.
    Children,
}

/// CPU seconds (user and system) of `whose`; the kernel counts 100 ticks a second.
pub fn cpu_secs(whose: Whose) -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name, from field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
    let at = match whose {
        Whose::Own => 11,
        Whose::Children => 13,
    };
    let ticks = fields.get(at)?.parse::<f64>().ok()? + fields.get(at + 1)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_has_a_cpu_time() {
        let spin: u64 = (0..5_000_000u64).fold(0, |a, b| a.wrapping_add(b * b));
        assert!(spin > 0);
        assert!(cpu_secs(Whose::Own).is_some_and(|s| s >= 0.0));
        assert!(cpu_secs(Whose::Children).is_some_and(|s| s >= 0.0));
    }
}
