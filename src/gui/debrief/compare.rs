//! Fork and compare: a run played on from a moment of another ("play from here") is scored
//! against the original, both up to the same moment, measure by measure.

use super::run::Debrief;
use crate::scenario::{Scenario, Secs};
pub(crate) use crate::scoring::compare::{Comparison, Measure};
use crate::scoring::{self, Scorecard};
use bevy::prelude::*;
use std::sync::Arc;

/// The run the exercise in play was forked from, and the moment.
#[derive(Resource, Debug, Clone)]
pub(crate) struct ForkOf {
    pub original: Arc<Debrief>,
    pub at: Secs,
}

/// Compare `fork` (a run played on from `of.at`) with `of.original`; `None` when `fork`
/// is not that run's fork (it was restarted, or is another exercise).
pub(crate) fn compare(of: &ForkOf, fork: &Debrief) -> Option<Comparison> {
    let orig = &of.original;
    if !Comparison::forks_from(&orig.journal, &fork.journal, of.at) {
        return None;
    }
    let end = orig.end.min(fork.end);
    let a = card_until(&fork.scenario, orig, end)?;
    let b = card_until(&fork.scenario, fork, end)?;
    Some(Comparison::of_cards(&fork.scenario, of.at, end, &a, &b))
}

/// `run`'s scorecard up to `end` (its own when it was scored there already).
fn card_until(s: &Arc<Scenario>, run: &Debrief, end: Secs) -> Option<Scorecard> {
    if run.end == end {
        return run.card.as_ref().ok().cloned();
    }
    scoring::compare::scored_to(s, &run.journal, end)
}

/// Remove a stale fork origin when a new exercise is chosen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(crate::gui::screens::Screen::Select),
        |mut commands: Commands| commands.remove_resource::<ForkOf>(),
    );
}
