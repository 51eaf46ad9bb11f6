//! The screens (bevy states): scenario select -> briefing -> exercise -> end of exercise.

mod briefing;
mod end;
mod select;
pub(super) mod start;

use bevy::prelude::*;

/// Which screen the app shows.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) enum Screen {
    #[default]
    Select,
    Briefing,
    Exercise,
    End,
    /// A past run: scores, charts, the timeline scrubber, the report.
    Debrief,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((start::plugin, select::plugin, briefing::plugin, end::plugin));
}
