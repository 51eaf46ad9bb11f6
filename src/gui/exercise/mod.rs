//! The exercise screen: clock, engine adapter, the seat's picture, and the egui panels.

pub(crate) mod adapter;
mod build;
pub(crate) mod clock;
pub(crate) mod command;
pub(crate) mod dock;
mod logbook;
pub(crate) mod panels;
pub(crate) mod picture;
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
