//! The desktop app (bevy + egui): scenario select, briefing with seats, the live exercise
//! screen with the network map and panels, and the end of exercise. A top layer: it
//! uses the engine, scoring, reports and sessions, and holds no rule of theirs.

mod app;
mod autoshot;
mod bench;
mod catalog;
pub(crate) mod debrief;
mod exercise;
mod fonts;
mod i18n;
mod map;
mod net;
mod redraw;
mod resume;
mod screens;
mod session;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
mod title;
mod widgets;

pub use app::{GuiOptions, run};

use bevy::prelude::*;

/// Everything of the app except the window and renderer plugins.
fn plugin(app: &mut App) {
    app.add_plugins((
        i18n::plugin,
        fonts::plugin,
        catalog::plugin,
        session::plugin,
        screens::plugin,
        exercise::plugin,
        map::plugin,
        autoshot::plugin,
        bench::plugin,
        title::plugin,
        resume::plugin,
        debrief::plugin,
        net::plugin,
        redraw::plugin,
    ));
}
