//! The engine adapter, the local side of the exercise seam (see [`super`]): the only code
//! that calls the engine. It creates the engine when asked to start an exercise (or takes
//! over a resumed one), turns UI commands into engine commands (checking the seat may give
//! them), records each in the exercise's session on disk, advances the engine to the clock,
//! and rebuilds the seat's picture. One file and one plugin a job: `lifecycle` (start,
//! restart, record again, finish), `apply` (commands), `live` (advance, picture, live
//! score), `export` (the journal to a file), `bots` (bot teams, stepped with the engine).

mod apply;
mod bots;
pub(crate) use bots::ReleaseBot;
mod export;
mod lifecycle;
mod live;

use super::clock::ClockSet;
use super::logbook::LogBook;
use super::picture::LiveScore;
use crate::bots::{Bot, Cast};
use crate::engine::Engine;
use crate::gui::screens::Screen;
use crate::gui::session::Seat;
use crate::scenario::{Scenario, Secs};
use crate::scoring;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The running exercise.
#[derive(Resource)]
pub(crate) struct EngineHost {
    engine: Engine,
    book: LogBook,
    /// The no-response baseline (same seed, exercise control's commands only), kept in
    /// step for the live score.
    baseline: Engine,
    score: Option<LiveScore>,
    /// Real time of the last scoring.
    scored_at: Option<f32>,
    revision: u64,
    built: Option<(Seat, Secs, usize)>,
    /// The teams bots play, and their bots (see `bots`).
    cast: Cast,
    bots: Vec<Bot>,
}

impl EngineHost {
    fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        Self::with(
            Engine::new(scenario.clone(), seed),
            Engine::new(scenario, seed),
        )
    }

    /// Take over an engine read back from a session; the baseline is rebuilt from its
    /// exercise control commands.
    fn resumed(engine: Engine) -> Self {
        let scenario = engine.scenario().clone();
        let mut baseline = Engine::new(scenario, engine.seed());
        for (at, c) in engine.journal().commands() {
            if scoring::in_baseline(&c) {
                baseline.advance_to(at);
                let _ = baseline.apply(c);
            }
        }
        Self::with(engine, baseline)
    }

    /// A run and its no-response baseline, nothing built or scored yet.
    fn with(engine: Engine, baseline: Engine) -> Self {
        Self {
            engine,
            baseline,
            score: None,
            scored_at: None,
            book: LogBook::default(),
            revision: 0,
            built: None,
            cast: Cast::default(),
            bots: Vec::new(),
        }
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }
}

/// Write the running exercise to a new session (after a disk error).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct RecordAgain;

/// What recovery dropped has been read: stop telling it.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct DismissNotice;

/// The exercise is being left unfinished (a resumed session whose seat was not confirmed):
/// its session stays open on disk, to be offered again.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct LeaveUnfinished;

/// Write the journal of the exercise to a file (from the end screen).
#[derive(Message, Debug, Clone)]
pub(crate) struct ExportJournal(pub PathBuf);

/// The outcome of the last export, for the end screen.
#[derive(Resource, Debug, Clone, Default)]
pub(crate) struct ExportStatus(pub Option<Result<PathBuf, String>>);

/// Runs after the clock, before the map and panels read the picture: the commands given
/// are applied, then the engine is advanced and the picture rebuilt.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum AdapterSet {
    Apply,
    Live,
}

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (AdapterSet::Apply, AdapterSet::Live)
            .chain()
            .after(ClockSet)
            .run_if(in_state(Screen::Exercise).and_then(resource_exists::<EngineHost>)),
    );
    app.add_plugins((
        lifecycle::plugin,
        apply::plugin,
        live::plugin,
        export::plugin,
        bots::plugin,
    ));
}
