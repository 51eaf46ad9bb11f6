//! Resuming unfinished exercise sessions: reading one back, and the offer on scenario select.

mod offers;
mod open;
#[cfg(test)]
mod tests;

pub(crate) use open::{ResumeSession, SeatGate};

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((open::plugin, offers::plugin));
}
