//! Running a batch: one scored run per seed on every core (rayon), each run folded
//! into its worker's summary at once, so nothing of a run outlives it.

use super::summary::{Key, RunFacts, Summary};
use crate::bots::{Cast, Outlook, play};
use crate::engine::{Engine, Topology};
use crate::scenario::{Scenario, Secs};
use crate::scoring;
use crate::session::script::Planned;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Seeds per piece of work: a worker folds this many runs before taking more.
const CHUNK: u64 = 64;

/// What a batch runs: a scenario with a cast of bots and a scripted play.
pub struct Spec {
    pub scenario: Arc<Scenario>,
    pub cast: Cast,
    pub plan: Vec<Planned>,
    /// The play file's text (for the summary's key), if there is one.
    pub plan_text: Option<String>,
    topo: Arc<Topology>,
    outlook: Arc<Outlook>,
}

impl Spec {
    pub fn new(
        scenario: Arc<Scenario>,
        cast: Cast,
        plan: Vec<Planned>,
        plan_text: Option<String>,
    ) -> Spec {
        let topo = Arc::new(Topology::new(&scenario));
        let outlook = Arc::new(Outlook::new(&scenario));
        Spec {
            scenario,
            cast,
            plan,
            plan_text,
            topo,
            outlook,
        }
    }

    /// What every batch of this calibration shares.
    pub fn key(&self) -> Key {
        let s = &self.scenario;
        let hash = |bytes: &[u8]| format!("{:x}", Sha256::digest(bytes));
        Key {
            scenario: s.id.clone(),
            scenario_hash: self.topo.scenario_hash.clone(),
            cast: self.cast.describe(s),
            commands: self.plan_text.as_ref().map(|t| hash(t.as_bytes())),
            duration: s.duration,
            bin: time_bin(s.duration),
        }
    }

    /// Run seed `seed` and add it to `sum`.
    pub fn run_into(&self, seed: u64, sum: &mut Summary) {
        let s = &self.scenario;
        let end = s.duration;
        let mut engine = Engine::with_topology(s.clone(), self.topo.clone(), seed);
        let mut bots = self.cast.bots(&self.outlook, seed);
        let refused = play(&mut engine, &mut bots, &self.plan, end);
        let journal = engine.journal();
        let fresh = Engine::with_topology(s.clone(), self.topo.clone(), seed);
        let base = scoring::baseline_on(fresh, journal, end);
        let (card, baseline_score) = scoring::score_lean(s, journal, base.journal(), end);
        sum.add(&RunFacts {
            seed,
            journal,
            card: &card,
            baseline_score,
            nodes: engine.condition_nodes_held(),
            refused,
        });
    }
}

/// Time bins of a batch: about 48 over the exercise, in whole minutes.
fn time_bin(duration: Secs) -> Secs {
    (duration.div_ceil(48).div_ceil(60) * 60).max(60)
}

/// Run every seed of `seeds` on `jobs` workers (0: one per core); `done` counts the
/// runs finished, for a progress display. The summary is the same whatever `jobs`.
pub fn run(spec: &Spec, seeds: Range<u64>, jobs: usize, done: &AtomicU64) -> Summary {
    let key = spec.key();
    let empty = || Summary::empty(key.clone(), &spec.scenario);
    let chunks: Vec<Range<u64>> = (seeds.start..seeds.end)
        .step_by(CHUNK as usize)
        .map(|a| a..(a + CHUNK).min(seeds.end))
        .collect();
    let work = || {
        chunks
            .par_iter()
            .map(|chunk| {
                let mut sum = empty();
                for seed in chunk.clone() {
                    spec.run_into(seed, &mut sum);
                    done.fetch_add(1, Ordering::Relaxed);
                }
                sum
            })
            .reduce(empty, |mut a, b| {
                // Parts of one batch: same key, seeds apart by construction.
                let _ = a.merge(&b);
                a
            })
    };
    match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}
