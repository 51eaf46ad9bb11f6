//! A batch's summary: what each run adds, in counts only, and the merge of two
//! batches of the same calibration (same scenario, cast and play; other seeds).

use super::dist::{ScoreDist, TimeDist};
use crate::engine::{EntryKind, Journal, ServiceStatus};
use crate::scenario::{Scenario, Secs};
use crate::scoring::{Outcome, Phase, Scorecard};
use serde::{Deserialize, Serialize};

/// The version of the summary file.
pub const SUMMARY_FORMAT: u32 = 1;

/// What makes two batches parts of one calibration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    pub scenario: String,
    /// SHA-256 of the scenario as the engine runs it.
    pub scenario_hash: String,
    /// `team=profile,...` (as `Cast::parse` reads it).
    pub cast: String,
    /// SHA-256 of the scripted play's text, if there was one.
    pub commands: Option<String>,
    pub duration: Secs,
    /// Width of the time bins, seconds.
    pub bin: Secs,
}

/// On-time counts of one phase for one team, over every run and incident.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseCount {
    pub scored: u64,
    pub on_time: u64,
    pub late: u64,
}

/// Everything a batch keeps: flat in the number of runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub format: u32,
    pub key: Key,
    /// Seed ranges run, `[from, to)`, sorted and joined.
    pub seeds: Vec<(u64, u64)>,
    pub runs: u64,
    /// Commands the engine refused, over all runs.
    pub refused: u64,
    pub overall: ScoreDist,
    /// The no-response baseline's score (what doing nothing earns).
    pub baseline: ScoreDist,
    /// Runs per grade (index into the scenario's grades).
    pub grades: Vec<u64>,
    /// Per team (scenario order): its score, in runs where it has one.
    pub teams: Vec<ScoreDist>,
    /// Per team, per phase.
    pub phases: Vec<[PhaseCount; 5]>,
    /// Per service: runs in which it went down, and when first.
    pub down: Vec<TimeDist>,
    /// Per inject: runs in which it fired, and when first; `fired` counts every firing.
    pub injects: Vec<TimeDist>,
    pub fired: Vec<u64>,
    /// Per inject, per condition node: runs in which the node held at some check.
    pub nodes: Vec<Vec<u64>>,
    /// Per dependency: runs in which its worsening took hold at least once.
    pub links: Vec<u64>,
}

/// Why two summaries do not merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// Not parts of one calibration: what differs.
    Different(&'static str),
    /// A seed was run in both.
    Overlap(u64),
    Format(u32),
}

impl Summary {
    pub fn empty(key: Key, s: &Scenario) -> Summary {
        let bins = s.duration.div_ceil(key.bin.max(1)).max(1) as usize;
        Summary {
            format: SUMMARY_FORMAT,
            key,
            seeds: Vec::new(),
            runs: 0,
            refused: 0,
            overall: ScoreDist::default(),
            baseline: ScoreDist::default(),
            grades: vec![0; s.scoring.grades.len()],
            teams: vec![ScoreDist::default(); s.teams.len()],
            phases: vec![[PhaseCount::default(); 5]; s.teams.len()],
            down: vec![TimeDist::new(bins); s.services.len()],
            injects: vec![TimeDist::new(bins); s.injects.len()],
            fired: vec![0; s.injects.len()],
            nodes: s
                .injects
                .iter()
                .map(|i| match &i.trigger {
                    crate::scenario::Trigger::When(c) => vec![0; c.nodes().len().min(64)],
                    crate::scenario::Trigger::At(_) => Vec::new(),
                })
                .collect(),
            links: vec![0; s.dependencies.len()],
        }
    }

    /// Add one run: its seed, journal, scorecard, the baseline's score, the condition
    /// nodes that held (from the engine) and how many commands were refused.
    pub fn add(&mut self, run: &RunFacts) {
        let bin = self.key.bin;
        self.add_seeds(run.seed, run.seed + 1);
        self.runs += 1;
        self.refused += run.refused as u64;
        self.overall.add(run.card.score);
        self.baseline.add(run.baseline_score);
        if let Some(g) = self.grades.get_mut(run.card.grade) {
            *g += 1;
        }
        for t in &run.card.teams {
            let i = t.team.idx();
            if let (Some(score), Some(d)) = (t.score, self.teams.get_mut(i)) {
                d.add(score);
            }
            for duty in &t.duties {
                let c = &mut self.phases[i][duty.phase as usize];
                if duty.outcome.scored() {
                    c.scored += 1;
                }
                match duty.outcome {
                    Outcome::OnTime => c.on_time += 1,
                    Outcome::Late => c.late += 1,
                    _ => {}
                }
            }
        }
        let mut down = vec![false; self.down.len()];
        let mut fired = vec![false; self.injects.len()];
        let mut held = vec![false; self.links.len()];
        for e in &run.journal.entries {
            match &e.kind {
                EntryKind::ServiceChanged { service, now, .. }
                    if *now == ServiceStatus::Down
                        && !std::mem::replace(&mut down[service.idx()], true) =>
                {
                    self.down[service.idx()].add(e.at, bin);
                }
                EntryKind::InjectFired { inject, .. } => {
                    self.fired[inject.idx()] += 1;
                    if !std::mem::replace(&mut fired[inject.idx()], true) {
                        self.injects[inject.idx()].add(e.at, bin);
                    }
                }
                EntryKind::LinkHeld { dep, .. } => held[dep.idx()] = true,
                _ => {}
            }
        }
        for (n, h) in self.links.iter_mut().zip(held) {
            *n += u64::from(h);
        }
        for (counts, bits) in self.nodes.iter_mut().zip(&run.nodes) {
            for (k, c) in counts.iter_mut().enumerate() {
                *c += (bits >> k) & 1;
            }
        }
    }

    fn add_seeds(&mut self, from: u64, to: u64) {
        match self.seeds.last_mut() {
            Some(last) if last.1 == from => last.1 = to,
            _ => self.seeds.push((from, to)),
        }
    }

    /// Add another batch of the same calibration.
    pub fn merge(&mut self, o: &Summary) -> Result<(), MergeError> {
        if o.format != SUMMARY_FORMAT {
            return Err(MergeError::Format(o.format));
        }
        let k = (&self.key, &o.key);
        let differs = [
            (k.0.scenario != k.1.scenario, "scenario"),
            (k.0.scenario_hash != k.1.scenario_hash, "scenario_hash"),
            (k.0.cast != k.1.cast, "cast"),
            (k.0.commands != k.1.commands, "commands"),
            (
                k.0.duration != k.1.duration || k.0.bin != k.1.bin,
                "duration",
            ),
        ];
        if let Some((_, what)) = differs.iter().find(|d| d.0) {
            return Err(MergeError::Different(what));
        }
        let mut seeds = self.seeds.clone();
        seeds.extend(&o.seeds);
        seeds.sort();
        let mut joined: Vec<(u64, u64)> = Vec::new();
        for (a, b) in seeds {
            match joined.last_mut() {
                Some(last) if a < last.1 => return Err(MergeError::Overlap(a)),
                Some(last) if a == last.1 => last.1 = b,
                _ => joined.push((a, b)),
            }
        }
        self.seeds = joined;
        self.runs += o.runs;
        self.refused += o.refused;
        self.overall.merge(&o.overall);
        self.baseline.merge(&o.baseline);
        add_all(&mut self.grades, &o.grades);
        self.teams
            .iter_mut()
            .zip(&o.teams)
            .for_each(|(a, b)| a.merge(b));
        for (a, b) in self.phases.iter_mut().zip(&o.phases) {
            for (x, y) in a.iter_mut().zip(b) {
                x.scored += y.scored;
                x.on_time += y.on_time;
                x.late += y.late;
            }
        }
        self.down
            .iter_mut()
            .zip(&o.down)
            .for_each(|(a, b)| a.merge(b));
        self.injects
            .iter_mut()
            .zip(&o.injects)
            .for_each(|(a, b)| a.merge(b));
        add_all(&mut self.fired, &o.fired);
        self.nodes
            .iter_mut()
            .zip(&o.nodes)
            .for_each(|(a, b)| add_all(a, b));
        add_all(&mut self.links, &o.links);
        Ok(())
    }

    /// The on-time share of a team's phase, over the runs it was scored in.
    pub fn on_time(&self, team: usize, phase: Phase) -> Option<f64> {
        let c = self.phases.get(team)?[phase as usize];
        (c.scored > 0).then(|| c.on_time as f64 / c.scored as f64)
    }
}

fn add_all(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// One run, as the summary takes it in.
pub struct RunFacts<'a> {
    pub seed: u64,
    pub journal: &'a Journal,
    pub card: &'a Scorecard,
    pub baseline_score: f64,
    pub nodes: Vec<u64>,
    pub refused: usize,
}
