//! The exercise screen: clock, engine adapter, the seat's picture, and the egui panels.
//!
//! # The seam
//!
//! The screen (the panels in [`panels`], the map in `gui::map`, the end screen) never calls
//! the engine. What it shows and what it sends cross one seam:
//!
//! - **It reads** [`picture::Picture`], everything the seat in
//!   [`crate::gui::session::ActiveSeat`] may see now (rebuilt whenever the run or the seat
//!   changes), and [`clock::ExerciseClock`], the facilitator's clock; besides them only the
//!   scenario (from [`crate::gui::session::Session`]) and, where this machine records, the
//!   state of [`record::Recorder`]. It takes each as `Res`.
//! - **It sends** [`command::UiCommand`] (actions, messages, injects, overrides, notes,
//!   restart), [`clock::ClockCommand`] (pause, speed, jump; only the facilitator sends them),
//!   [`crate::gui::session::RequestSeat`] / [`crate::gui::session::ConfirmSeat`] (a seat
//!   switch), and for the session on disk [`adapter::RecordAgain`] and
//!   [`adapter::DismissNotice`].
//! - **An exercise starts** with [`start::StartExercise`] (the briefing, the command line,
//!   resuming a session, "play from here" and a restart all send it); the seat messages
//!   and a start's seat are the only writers of `ActiveSeat`.
//!
//! Behind the seam is the local adapter ([`adapter`]): the one writer of the engine, the
//! picture, the recorder and the clock resource (made or replaced in answer to
//! `StartExercise`; the clock then runs by [`clock`]'s systems from `ClockCommand` and real
//! time). A client of a host on another machine replaces [`adapter`] and [`clock`]: it
//! writes the `Picture` its seat receives and the host's clock into `ExerciseClock`, and
//! sends the `UiCommand`s and `ClockCommand`s to the host.

pub(crate) mod adapter;
#[cfg(test)]
mod bot_tests;
pub(crate) mod build;
pub(crate) mod clock;
pub(crate) mod command;
pub(crate) mod dock;
pub(crate) mod logbook;
pub(crate) mod panels;
pub(crate) mod picture;
pub(crate) mod record;
#[cfg(test)]
pub(crate) mod seam_tests;
pub(crate) mod start;
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
