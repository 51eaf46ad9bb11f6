//! Fork and compare: a run played on from a moment of another ("play from here"),
//! scored against the original up to the same moment, measure by measure.

use super::Scorecard;
use crate::engine::Journal;
use crate::scenario::{Scenario, Secs, TeamId, ThreatId};
use std::sync::Arc;

/// What a comparison row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The overall score, 0..100.
    Score,
    /// Service lost, criticality-weighted person-hours.
    Lost,
    /// Share of the no-response loss avoided, in %.
    Avoided,
    Team(TeamId),
    Incident(ThreatId),
}

impl Measure {
    /// Whether a higher value is better.
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Measure::Lost)
    }
}

/// One measure in both runs (`None`: not scored in that run).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub measure: Measure,
    pub original: Option<f64>,
    pub fork: Option<f64>,
}

/// A fork scored against its original.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The moment the fork starts from.
    pub at: Secs,
    /// Both runs are scored up to here.
    pub end: Secs,
    pub original_grade: usize,
    pub fork_grade: usize,
    pub rows: Vec<Row>,
}

/// `journal` scored up to `end` (its entries after `end` left out).
pub fn scored_to(s: &Arc<Scenario>, journal: &Journal, end: Secs) -> Option<Scorecard> {
    let mut j = journal.clone();
    j.entries.retain(|e| e.at <= end);
    super::score_until(s, &j, end).ok()
}

impl Comparison {
    /// Whether `fork` is a run played on from the moment `at` of `original`: the
    /// same scenario and seed, and the same journal before `at`.
    pub fn forks_from(original: &Journal, fork: &Journal, at: Secs) -> bool {
        let before = |j: &Journal| j.entries.iter().take_while(|e| e.at < at).count();
        let n = before(original);
        original.header.scenario == fork.header.scenario
            && original.header.seed == fork.header.seed
            && before(fork) == n
            && original.entries[..n] == fork.entries[..n]
    }

    /// The comparison of the original's scorecard `a` and the fork's `b`, both taken
    /// up to `end`, of a fork from the moment `at`.
    pub fn of_cards(s: &Scenario, at: Secs, end: Secs, a: &Scorecard, b: &Scorecard) -> Self {
        let mut rows = vec![
            Row {
                measure: Measure::Score,
                original: Some(a.score),
                fork: Some(b.score),
            },
            Row {
                measure: Measure::Lost,
                original: Some(a.impact.total.run),
                fork: Some(b.impact.total.run),
            },
            Row {
                measure: Measure::Avoided,
                original: a.impact.total.avoided.map(|x| x * 100.0),
                fork: b.impact.total.avoided.map(|x| x * 100.0),
            },
        ];
        for i in 0..s.teams.len() {
            let t = TeamId(i as u32);
            let score = |c: &Scorecard| c.team(t).and_then(|x| x.score);
            let (original, fork) = (score(a), score(b));
            if original.is_some() || fork.is_some() {
                rows.push(Row {
                    measure: Measure::Team(t),
                    original,
                    fork,
                });
            }
        }
        for i in 0..s.threats.len() {
            let t = ThreatId(i as u32);
            let score = |c: &Scorecard| c.incident(t).and_then(|x| x.score);
            let present = a.incident(t).is_some() || b.incident(t).is_some();
            if present {
                rows.push(Row {
                    measure: Measure::Incident(t),
                    original: score(a),
                    fork: score(b),
                });
            }
        }
        Self {
            at,
            end,
            original_grade: a.grade,
            fork_grade: b.grade,
            rows,
        }
    }
}
