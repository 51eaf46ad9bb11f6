//! The engine's only randomness: a ChaCha8 stream from the run's seed, used through
//! integer arithmetic so every platform draws the same numbers.

use crate::scenario::Secs;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

#[derive(Debug, Clone)]
pub(crate) struct Dice(ChaCha8Rng);

impl Dice {
    pub(crate) fn new(seed: u64) -> Self {
        Dice(ChaCha8Rng::seed_from_u64(seed))
    }

    /// True with chance `chance / 2^32`.
    pub(crate) fn below(&mut self, chance: u32) -> bool {
        (self.0.next_u64() >> 32) < chance as u64
    }

    /// A delay with mean `mean`: the sum of two uniform draws on `0..mean`
    /// (a triangular spread over `0..2*mean`), in whole seconds.
    pub(crate) fn around(&mut self, mean: Secs) -> Secs {
        let r = self.0.next_u64();
        let sum = (r >> 32) + (r & 0xffff_ffff);
        ((mean as u128 * sum as u128) >> 32) as Secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_draws_and_sane_spread() {
        let mut a = Dice::new(7);
        let mut b = Dice::new(7);
        let xs: Vec<Secs> = (0..1000).map(|_| a.around(600)).collect();
        let ys: Vec<Secs> = (0..1000).map(|_| b.around(600)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|&x| x < 1200));
        let mean = xs.iter().sum::<Secs>() as f64 / 1000.0;
        assert!((500.0..700.0).contains(&mean), "mean {mean}");
        assert!(!a.below(0));
    }
}
