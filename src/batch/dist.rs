//! Distributions kept as whole-number counts, so that adding two of them is exact:
//! batches merged in any order or grouping give the same numbers.

use serde::{Deserialize, Serialize};

/// Scores (0..=100) in thousandths of a point: count, sums, extremes and a histogram
/// of whole points (100 falls in the last bin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreDist {
    pub count: u64,
    pub sum_milli: u64,
    /// Sum of squares of the thousandths (for the spread).
    pub sum_sq_milli: u128,
    pub min_milli: Option<u64>,
    pub max_milli: Option<u64>,
    /// Runs per whole point, `[0, 1)` ... `[99, 100]`.
    pub bins: Vec<u64>,
}

impl Default for ScoreDist {
    fn default() -> Self {
        ScoreDist {
            count: 0,
            sum_milli: 0,
            sum_sq_milli: 0,
            min_milli: None,
            max_milli: None,
            bins: vec![0; 100],
        }
    }
}

/// `x` rounded to thousandths, within 0..=100 000.
fn milli(x: f64) -> u64 {
    (x.clamp(0.0, 100.0) * 1000.0).round() as u64
}

fn merge_opt(a: Option<u64>, b: Option<u64>, f: fn(u64, u64) -> u64) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(f(a, b)),
        (a, b) => a.or(b),
    }
}

impl ScoreDist {
    pub fn add(&mut self, score: f64) {
        let m = milli(score);
        self.count += 1;
        self.sum_milli += m;
        self.sum_sq_milli += (m as u128) * (m as u128);
        self.min_milli = merge_opt(self.min_milli, Some(m), u64::min);
        self.max_milli = merge_opt(self.max_milli, Some(m), u64::max);
        self.bins[((m / 1000) as usize).min(99)] += 1;
    }

    pub fn merge(&mut self, o: &ScoreDist) {
        self.count += o.count;
        self.sum_milli += o.sum_milli;
        self.sum_sq_milli += o.sum_sq_milli;
        self.min_milli = merge_opt(self.min_milli, o.min_milli, u64::min);
        self.max_milli = merge_opt(self.max_milli, o.max_milli, u64::max);
        for (a, b) in self.bins.iter_mut().zip(&o.bins) {
            *a += b;
        }
    }

    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum_milli as f64 / self.count as f64 / 1000.0)
    }

    /// The population standard deviation.
    pub fn sd(&self) -> Option<f64> {
        let n = self.count as f64;
        let mean = self.mean()? * 1000.0;
        let var = (self.sum_sq_milli as f64 / n - mean * mean).max(0.0);
        Some(var.sqrt() / 1000.0)
    }

    /// The `q` quantile (0..1) to the whole point: the lower edge of the bin it falls in.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        quantile_bin(&self.bins, self.count, q).map(|b| b as f64)
    }
}

/// The bin holding the `q` quantile of `count` values spread over `bins`.
pub(crate) fn quantile_bin(bins: &[u64], count: u64, q: f64) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let rank = ((q.clamp(0.0, 1.0) * count as f64).ceil() as u64).max(1);
    let mut seen = 0;
    bins.iter().position(|&b| {
        seen += b;
        seen >= rank
    })
}

/// Times within the exercise: how many runs it happened in, and when (first time per
/// run) in bins of `bin` seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TimeDist {
    pub runs: u64,
    pub bins: Vec<u64>,
}

impl TimeDist {
    pub fn new(bins: usize) -> TimeDist {
        TimeDist {
            runs: 0,
            bins: vec![0; bins],
        }
    }

    pub fn add(&mut self, at: u64, bin: u64) {
        self.runs += 1;
        let i = (at / bin.max(1)) as usize;
        let last = self.bins.len().saturating_sub(1);
        if let Some(b) = self.bins.get_mut(i.min(last)) {
            *b += 1;
        }
    }

    pub fn merge(&mut self, o: &TimeDist) {
        self.runs += o.runs;
        for (a, b) in self.bins.iter_mut().zip(&o.bins) {
            *a += b;
        }
    }

    /// The start of the bin holding the `q` quantile, in seconds.
    pub fn quantile(&self, q: f64, bin: u64) -> Option<u64> {
        quantile_bin(&self.bins, self.runs, q).map(|b| b as u64 * bin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_halves_equal_the_whole_and_figures_come_out() {
        let xs = [12.5, 99.9999, 100.0, 0.0, 47.25, 47.75, 63.0];
        let mut whole = ScoreDist::default();
        xs.iter().for_each(|&x| whole.add(x));
        let (mut a, mut b) = (ScoreDist::default(), ScoreDist::default());
        xs[..3].iter().for_each(|&x| a.add(x));
        xs[3..].iter().for_each(|&x| b.add(x));
        b.merge(&a);
        assert_eq!(b, whole);
        assert_eq!(whole.bins[99], 2);
        assert_eq!(whole.min_milli, Some(0));
        let mean = xs.iter().sum::<f64>() / 7.0;
        assert!((whole.mean().unwrap() - mean).abs() < 1e-3);
        assert_eq!(whole.quantile(0.5), Some(47.0));
        assert_eq!(whole.quantile(1.0), Some(99.0));
        assert_eq!(ScoreDist::default().mean(), None);
    }

    #[test]
    fn times_fall_in_their_bins_and_the_last_takes_the_rest() {
        let mut t = TimeDist::new(4);
        for at in [0, 599, 600, 5000] {
            t.add(at, 600);
        }
        assert_eq!(t.bins, vec![2, 1, 0, 1]);
        assert_eq!(t.quantile(0.5, 600), Some(0));
        assert_eq!(t.quantile(0.75, 600), Some(600));
    }
}
