//! The egui panels of the exercise screen: they read the seat's picture and send messages.

mod checklist;
mod compose;
mod context;
mod inbox;
mod incidents;
pub(crate) mod labels;
mod left;
mod log;
mod msel;
mod msel_export;
mod notes;
mod right;
pub(crate) mod scores;
mod seat_confirm;
mod topbar;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        topbar::plugin,
        log::plugin,
        left::plugin,
        right::plugin,
        compose::plugin,
        msel_export::plugin,
        seat_confirm::plugin,
    ));
}
