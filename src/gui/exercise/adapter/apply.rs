//! Commands from the screen, checked against the seat that gives them, turned into
//! engine commands, applied and recorded in the session.

use super::super::command::{RemoteAnswer, RemoteCommand, UiCommand};
use super::super::record::Recorder;
use super::{AdapterSet, EngineHost};
use crate::engine::{Command, CommandError, CommandOutcome};
use crate::gui::session::{ActiveSeat, Seat};
use crate::scenario::TeamId;
use crate::scoring;
use bevy::prelude::*;

/// May `seat` give a command as `team` (`None`: an exercise-control command)?
fn allowed(seat: Seat, team: Option<TeamId>) -> bool {
    match (seat, team) {
        (Seat::Facilitator, _) => true,
        (Seat::Team(s), Some(t)) => s == t,
        _ => false,
    }
}

impl EngineHost {
    /// Apply `cmd` at the engine's time and record it in the session (accepted or
    /// refused); an accepted exercise-control command goes to the baseline too. The one
    /// path of every command: this screen's, a remote seat's and a bot's.
    pub(super) fn give(
        &mut self,
        recorder: Option<&mut Recorder>,
        cmd: Command,
    ) -> Result<CommandOutcome, CommandError> {
        self.built = None;
        let now = self.engine.now();
        let for_baseline = scoring::in_baseline(&cmd).then(|| cmd.clone());
        let result = match recorder {
            Some(r) => r.apply(&mut self.engine, cmd),
            None => self.engine.apply(cmd),
        };
        if result.is_ok()
            && let Some(c) = for_baseline
        {
            self.baseline.advance_to(now);
            // Refused there: the baseline differs; scoring leaves it out too.
            let _ = self.baseline.apply(c);
        }
        result
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (apply_commands, apply_remote)
            .chain()
            .in_set(AdapterSet::Apply),
    );
}

/// Commands from team seats on other machines (the connection's seat is the team), applied
/// and recorded like this screen's, each answered to its seat. They go first: the host
/// numbered their records in arrival order (see `net::ledger`).
fn apply_remote(
    mut host: ResMut<EngineHost>,
    mut asked: MessageReader<RemoteCommand>,
    mut answers: MessageWriter<RemoteAnswer>,
    mut recorder: Option<ResMut<Recorder>>,
) {
    let host = &mut *host;
    for RemoteCommand {
        client,
        team,
        id,
        command,
    } in asked.read()
    {
        host.built = None;
        let now = host.engine.now();
        let result = if command.team() != Some(*team) {
            host.book.rejected(now, None, Some(*team));
            Err(None)
        } else {
            let result = host.give(recorder.as_deref_mut(), command.clone());
            result.map_err(|e| {
                host.book.rejected(now, Some(e.phrase()), Some(*team));
                Some(e.to_string())
            })
        };
        answers.write(RemoteAnswer {
            client: *client,
            id: *id,
            result,
        });
    }
}

fn apply_commands(
    mut host: ResMut<EngineHost>,
    mut ui: MessageReader<UiCommand>,
    seat: Res<ActiveSeat>,
    mut recorder: Option<ResMut<Recorder>>,
) {
    let host = &mut *host;
    let s = host.engine.scenario().clone();
    for c in ui.read() {
        let team = match c {
            UiCommand::TakeAction { team, .. } => Some(*team),
            UiCommand::Send(o) => Some(o.from),
            _ => None,
        };
        let ok = match c {
            UiCommand::Control(Command::Note(_) | Command::Assess { .. }) => seat.0.sees_all(),
            _ => allowed(seat.0, team),
        };
        let now = host.engine.now();
        // A refusal is told to the seat that gave the command.
        let asker = match seat.0 {
            Seat::Team(t) => Some(t),
            _ => None,
        };
        host.built = None;
        if !ok {
            host.book.rejected(now, None, asker);
            continue;
        }
        let Some(cmd) = c.to_engine(&s) else {
            continue;
        };
        if let Err(e) = host.give(recorder.as_deref_mut(), cmd) {
            host.book.rejected(now, Some(e.phrase()), asker);
        }
    }
}
