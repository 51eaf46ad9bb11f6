//! Replay: scenario + seed + the journal's commands give the same journal again.

use super::commands::CommandError;
use super::core::Engine;
use super::types::Command;
use crate::scenario::{Scenario, Secs};
use crate::words::Phrase;
use std::fmt;
use std::sync::Arc;

/// Why a replay stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplayError {
    Refused {
        index: usize,
        at: Secs,
        error: CommandError,
    },
}

/// Run `scenario` with `seed`, applying each command at its time, up to `until`.
/// With the commands of a journal (see [`super::Journal::commands`]) and the time the
/// original run reached, the result's journal equals the original one.
pub fn replay(
    scenario: Arc<Scenario>,
    seed: u64,
    commands: &[(Secs, Command)],
    until: Secs,
) -> Result<Engine, ReplayError> {
    let mut engine = Engine::new(scenario, seed);
    for (index, (at, cmd)) in commands.iter().enumerate() {
        engine.advance_to(*at);
        engine
            .apply(cmd.clone())
            .map_err(|error| ReplayError::Refused {
                index,
                at: *at,
                error,
            })?;
    }
    engine.advance_to(until);
    Ok(engine)
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ReplayError::Refused { index, at, error } = self;
        let phrase = Phrase::new("error-replay-refused")
            .with("index", index.to_string())
            .with("at", at.to_string())
            .with("error", error.phrase());
        f.write_str(&phrase.word(crate::words::default_lang()))
    }
}

impl std::error::Error for ReplayError {}
