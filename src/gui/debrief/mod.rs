//! The debrief screen: a past run's score tables and charts, a timeline scrubber that rebuilds
//! the world at any moment from the journal (ground truth and a team's view side by side), the
//! observer's notes, the report export, and "play from here" with a comparison of the fork.

mod compare;
mod export;
mod fork;
mod open;
mod run;
mod scrub;
#[cfg(test)]
mod tests;
mod timeline;
mod ui;

pub(crate) use open::check;
#[cfg(test)]
pub(crate) use {
    fork::PlayFrom,
    run::{Debrief, Source},
};

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        open::plugin,
        scrub::plugin,
        fork::plugin,
        compare::plugin,
        export::plugin,
        ui::plugin,
    ));
}
