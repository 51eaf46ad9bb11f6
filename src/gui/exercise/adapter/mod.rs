//! The engine adapter: the only code that calls the engine. It creates the engine when the
//! exercise starts (or takes over a resumed one), turns UI commands into engine commands
//! (checking the seat may give them), records each in the exercise's session on disk,
//! advances the engine to the clock, and rebuilds the seat's picture. One file a job:
//! `lifecycle` (start, restart, record again, finish), `apply` (commands), `live`
//! (advance, picture, live score), `export` (the journal to a file).

mod apply;
mod export;
mod lifecycle;
mod live;

use super::clock::ClockSet;
use super::logbook::LogBook;
use super::picture::LiveScore;
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
}

impl EngineHost {
    pub(crate) fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        Self {
            engine: Engine::new(scenario.clone(), seed),
            baseline: Engine::new(scenario, seed),
            score: None,
            scored_at: None,
            book: LogBook::default(),
            revision: 0,
            built: None,
        }
    }

    /// Take over an engine read back from a session; the baseline is rebuilt from its
    /// exercise control commands.
    pub(crate) fn resumed(engine: Engine) -> Self {
        let scenario = engine.scenario().clone();
        let mut baseline = Engine::new(scenario, engine.seed());
        for (at, c) in engine.journal().commands() {
            if scoring::in_baseline(&c) {
                baseline.advance_to(at);
                let _ = baseline.apply(c);
            }
        }
        Self {
            engine,
            baseline,
            score: None,
            scored_at: None,
            book: LogBook::default(),
            revision: 0,
            built: None,
        }
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }
}

/// Write the running exercise to a new session (after a disk error).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct RecordAgain;

/// Write the journal of the exercise to a file (from the end screen).
#[derive(Message, Debug, Clone)]
pub(crate) struct ExportJournal(pub PathBuf);

/// The outcome of the last export, for the end screen.
#[derive(Resource, Debug, Clone, Default)]
pub(crate) struct ExportStatus(pub Option<Result<PathBuf, String>>);

/// Runs after the clock, before the map and panels read the picture.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct AdapterSet;

/// `--run-for` is applied once, at the first start.
#[derive(Resource)]
struct RunForApplied;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExportJournal>();
    app.add_message::<RecordAgain>();
    app.init_resource::<ExportStatus>();
    app.configure_sets(Update, AdapterSet.after(ClockSet));
    app.add_systems(OnEnter(Screen::Exercise), lifecycle::start);
    app.add_systems(
        Update,
        (
            lifecycle::restart_if_needed,
            apply::apply_commands,
            live::advance,
        )
            .chain()
            .in_set(AdapterSet)
            .run_if(in_state(Screen::Exercise).and_then(resource_exists::<EngineHost>)),
    );
    app.add_systems(Update, export::export.run_if(resource_exists::<EngineHost>));
    app.add_systems(
        Update,
        lifecycle::record_again.run_if(resource_exists::<EngineHost>),
    );
    app.add_systems(OnExit(Screen::Exercise), lifecycle::finish);
    app.add_systems(OnEnter(Screen::Select), lifecycle::stop);
}
