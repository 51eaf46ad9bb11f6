//! Fork and compare: a run played on from a moment of another ("play from here") is scored
//! against the original, both up to the same moment, measure by measure.

use super::run::Debrief;
use crate::engine::Journal;
use crate::scenario::{Scenario, Secs, TeamId, ThreatId};
use crate::scoring::{self, Scorecard};
use bevy::prelude::*;
use std::sync::Arc;

/// The run the exercise in play was forked from, and the moment.
#[derive(Resource, Debug, Clone)]
pub(crate) struct ForkOf {
    pub original: Arc<Debrief>,
    pub at: Secs,
}

/// What a comparison row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
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
    pub(crate) fn higher_is_better(self) -> bool {
        !matches!(self, Measure::Lost)
    }
}

/// One measure in both runs (`None`: not scored in that run).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub measure: Measure,
    pub original: Option<f64>,
    pub fork: Option<f64>,
}

/// A fork scored against its original.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Comparison {
    /// The moment the fork starts from.
    pub at: Secs,
    /// Both runs are scored up to here.
    pub end: Secs,
    pub original_grade: usize,
    pub fork_grade: usize,
    pub rows: Vec<Row>,
}

impl Comparison {
    /// Compare `fork` (a run played on from `of.at`) with `of.original`; `None` when `fork`
    /// is not that run's fork (it was restarted, or is another exercise).
    pub(crate) fn new(of: &ForkOf, fork: &Debrief) -> Option<Self> {
        let orig = &of.original;
        if orig.scenario.id != fork.scenario.id || orig.seed != fork.seed {
            return None;
        }
        let before = |j: &Journal| j.entries.iter().take_while(|e| e.at < of.at).count();
        let n = before(&orig.journal);
        if before(&fork.journal) != n || orig.journal.entries[..n] != fork.journal.entries[..n] {
            return None;
        }
        let end = orig.end.min(fork.end);
        let a = card_until(&fork.scenario, orig, end)?;
        let b = card_until(&fork.scenario, fork, end)?;
        Some(Self::of_cards(&fork.scenario, of.at, end, &a, &b))
    }

    pub(crate) fn of_cards(
        s: &Scenario,
        at: Secs,
        end: Secs,
        a: &Scorecard,
        b: &Scorecard,
    ) -> Self {
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

/// `run`'s scorecard up to `end` (its own when it was scored there already).
fn card_until(s: &Arc<Scenario>, run: &Debrief, end: Secs) -> Option<Scorecard> {
    if run.end == end {
        return run.card.as_ref().ok().cloned();
    }
    let mut j = (*run.journal).clone();
    j.entries.retain(|e| e.at <= end);
    scoring::score_until(s, &j, end).ok()
}

/// Remove a stale fork origin when a new exercise is chosen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(crate::gui::screens::Screen::Select),
        |mut commands: Commands| commands.remove_resource::<ForkOf>(),
    );
}
