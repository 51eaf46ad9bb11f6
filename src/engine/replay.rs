//! Replay: scenario + seed + the journal's commands give the same journal again.

use super::commands::CommandError;
use super::core::Engine;
use super::types::Command;
use crate::scenario::{Scenario, Secs};
use std::sync::Arc;

/// Why a replay stopped.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReplayError {
    #[error("command {index} at {at}s was refused: {error}")]
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
