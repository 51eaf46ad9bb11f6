//! The exercise screen: clock, engine adapter, the seat's picture, and the egui panels.

pub(crate) mod adapter;
pub(crate) mod build;
pub(crate) mod clock;
pub(crate) mod command;
pub(crate) mod dock;
mod logbook;
pub(crate) mod panels;
pub(crate) mod picture;
pub(crate) mod record;
#[cfg(test)]
mod tests;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        clock::plugin,
        command::plugin,
        adapter::plugin,
        dock::plugin,
        panels::plugin,
    ));
}

/// The clock, the UI commands and the engine adapter, without the panels (for tests).
#[cfg(test)]
pub(crate) fn engine_plugins(app: &mut App) {
    app.add_plugins((clock::plugin, command::plugin, adapter::plugin));
}
