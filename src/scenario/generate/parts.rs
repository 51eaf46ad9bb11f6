//! What the generator builds from: the sectors' shares of the services and their
//! entries in the standard catalogue, and its seeded draws.

use crate::scenario::*;
use crate::scenario::{Mode, STD_SEEDS, load_source_as};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::Rng;

/// Each CI sector's share of the services, per mille, in the order of the standard
/// catalogue (`std:sectors`), where their names, ministries and CEPTOARs come from.
pub(super) const SHARES: [(&str, u32); 14] = [
    ("electricity", 30),
    ("telecom", 70),
    ("finance", 100),
    ("aviation", 40),
    ("airports", 30),
    ("railways", 90),
    ("logistics", 110),
    ("gas", 60),
    ("chemicals", 50),
    ("credit", 60),
    ("petroleum", 40),
    ("government", 110),
    ("medical", 110),
    ("water", 100),
];

/// The CI sectors of the standard catalogue in `SHARES` order, then its national one.
pub(super) fn catalogue() -> Vec<Sector> {
    let text = STD_SEEDS
        .iter()
        .find(|(name, _)| *name == "sectors")
        .map_or("", |(_, text)| *text);
    let all = match load_source_as("std:sectors", text, None, Mode::Seed) {
        Ok(l) => l.scenario.sectors,
        Err(p) => panic!("the built-in sector catalogue does not load:\n{p}"),
    };
    let ids = SHARES.iter().map(|(id, _)| *id).chain(["national"]);
    ids.map(|id| match all.iter().find(|s| s.id == id) {
        Some(s) => s.clone(),
        None => panic!("the built-in sector catalogue has no sector `{id}`"),
    })
    .collect()
}

pub(super) fn text(en: &str, ja: &str) -> Text {
    Text {
        en: en.to_string(),
        ja: ja.to_string(),
    }
}

/// Uniform draws from a seeded ChaCha8 stream.
pub(super) struct Draw(pub(super) ChaCha8Rng);

impl Draw {
    pub(super) fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (((self.0.next_u64() >> 32) * n as u64) >> 32) as usize
    }
    /// An index below `n`, low indices much more likely (hubs).
    pub(super) fn hub(&mut self, n: usize) -> usize {
        ((self.unit().powi(3) * n as f64) as usize).min(n.saturating_sub(1))
    }
    pub(super) fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}
