//! The engine's only randomness: draws keyed by what they decide, hashed with the
//! run's seed. A draw never depends on how many were asked for before it, nor on the
//! order events are processed in, so noticing something (a view) can never shift an
//! outcome of the world. Integer arithmetic only: every platform draws the same.

use crate::scenario::Secs;

/// What a draw decides, and so which number it gets.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Draw {
    /// Whether a worsening of dependency `dep` arriving at `at`, bringing its
    /// dependent down to `limit` (millis), takes hold.
    Link { dep: u32, at: Secs, limit: u16 },
    /// How long `team` takes to notice a detection of `kind` on `service` (due to
    /// the packed `origin`) that became noticeable at `at`.
    Notice {
        team: u32,
        service: u32,
        kind: u8,
        origin: u32,
        at: Secs,
    },
    /// A bot team's decision `what` about `key` (an incident, message or service, with
    /// how often it came up), for the bot playing `team`.
    Bot { team: u32, what: u32, key: u64 },
}

impl Draw {
    /// The draw's key: its kind and the numbers that name it.
    fn words(self) -> [u64; 4] {
        match self {
            Draw::Link { dep, at, limit } => [1, dep as u64, at, limit as u64],
            Draw::Notice {
                team,
                service,
                kind,
                origin,
                at,
            } => [
                2 | (kind as u64) << 8 | (team as u64) << 32,
                service as u64,
                origin as u64,
                at,
            ],
            Draw::Bot { team, what, key } => {
                [3 | (what as u64) << 8 | (team as u64) << 32, key, 0, 0]
            }
        }
    }
}

/// The seeded source of every draw of a run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dice {
    key: u64,
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's finaliser: a bijection of 64-bit words that mixes every bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Dice {
    pub(crate) fn new(seed: u64) -> Self {
        Dice {
            key: mix(seed.wrapping_add(GOLDEN)),
        }
    }

    /// 64 random bits for `draw`: the same for the same seed and draw, whatever else
    /// was drawn.
    fn bits(self, draw: Draw) -> u64 {
        let mut h = self.key;
        for w in draw.words() {
            h = mix(h.wrapping_add(GOLDEN) ^ w);
        }
        h
    }

    /// True with chance `chance / 2^32`.
    pub(crate) fn below(self, draw: Draw, chance: u32) -> bool {
        (self.bits(draw) >> 32) < chance as u64
    }

    /// A delay with mean `mean`: the sum of two uniform draws on `0..mean`
    /// (a triangular spread over `0..2*mean`), in whole seconds.
    pub(crate) fn around(self, draw: Draw, mean: Secs) -> Secs {
        let r = self.bits(draw);
        let sum = (r >> 32) + (r & 0xffff_ffff);
        ((mean as u128 * sum as u128) >> 32) as Secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(service: u32, at: Secs) -> Draw {
        Draw::Notice {
            team: 1,
            service,
            kind: 0,
            origin: 0,
            at,
        }
    }

    #[test]
    fn same_seed_same_draws_and_sane_spread() {
        let (a, b) = (Dice::new(7), Dice::new(7));
        let xs: Vec<Secs> = (0..1000).map(|i| a.around(notice(i, 60), 600)).collect();
        let ys: Vec<Secs> = (0..1000).map(|i| b.around(notice(i, 60), 600)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|&x| x < 1200));
        let mean = xs.iter().sum::<Secs>() as f64 / 1000.0;
        assert!((500.0..700.0).contains(&mean), "mean {mean}");
        let link = Draw::Link {
            dep: 3,
            at: 10,
            limit: 0,
        };
        assert!(!a.below(link, 0));
    }

    #[test]
    fn a_draw_depends_on_what_it_decides_not_on_what_came_before() {
        let d = Dice::new(1);
        let link = |dep, at, limit| Draw::Link { dep, at, limit };
        let first = d.below(link(5, 100, 0), u32::MAX / 2);
        for i in 0..100 {
            let _ = d.around(notice(i, i as Secs), 600);
        }
        assert_eq!(d.below(link(5, 100, 0), u32::MAX / 2), first);
        // Neighbouring keys and other seeds give other numbers.
        assert_ne!(d.bits(link(5, 100, 0)), d.bits(link(6, 100, 0)));
        assert_ne!(d.bits(link(5, 100, 0)), d.bits(link(5, 101, 0)));
        assert_ne!(d.bits(link(5, 100, 0)), d.bits(link(5, 100, 1)));
        assert_ne!(d.bits(link(5, 100, 0)), Dice::new(2).bits(link(5, 100, 0)));
    }

    #[test]
    fn chances_come_out_at_their_rate_over_neighbouring_keys() {
        let d = Dice::new(42);
        let chance = (0.3 * 4_294_967_296.0) as u32;
        let n = 20_000u32;
        let held = (0..n)
            .filter(|&i| {
                d.below(
                    Draw::Link {
                        dep: i % 97,
                        at: (i / 97) as Secs,
                        limit: 0,
                    },
                    chance,
                )
            })
            .count();
        let rate = held as f64 / n as f64;
        assert!((0.28..0.32).contains(&rate), "rate {rate}");
    }
}
