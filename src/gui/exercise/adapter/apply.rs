//! Commands from the screen, checked against the seat that gives them, turned into
//! engine commands, applied and recorded in the session.

use super::super::command::{Outgoing, UiCommand};
use super::super::record::Recorder;
use super::{AdapterSet, EngineHost};
use crate::engine::{ActionTarget, Command, Draft};
use crate::gui::session::{ActiveSeat, Seat};
use crate::scenario::{Scenario, TeamId};
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

fn to_engine(s: &Scenario, c: &UiCommand) -> Option<Command> {
    Some(match c {
        UiCommand::TakeAction {
            team,
            action,
            service,
        } => {
            let target = match service {
                Some(svc) => ActionTarget::Service(*svc),
                None => ActionTarget::Organisation(*s.teams.get(team.idx())?.controls.first()?),
            };
            Command::Act {
                team: *team,
                action: *action,
                target,
            }
        }
        UiCommand::Send(Outgoing {
            from,
            to,
            kind,
            severity,
            incidents,
            services,
            text,
        }) => Command::Send {
            team: *from,
            to: vec![*to],
            draft: Draft {
                kind: *kind,
                incidents: incidents.clone(),
                services: services.clone(),
                severity: Some(*severity),
                status: None,
                text: text.clone(),
            },
        },
        UiCommand::Control(c) => c.clone(),
        UiCommand::Restart => return None,
    })
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, apply_commands.in_set(AdapterSet::Apply));
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
            UiCommand::Control(Command::Note(_)) => seat.0.sees_all(),
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
        let Some(cmd) = to_engine(&s, c) else {
            continue;
        };
        let for_baseline = scoring::in_baseline(&cmd).then(|| cmd.clone());
        let result = match recorder.as_deref_mut() {
            Some(r) => r.apply(&mut host.engine, cmd),
            None => host.engine.apply(cmd),
        };
        match result {
            Ok(_) => {
                if let Some(c) = for_baseline {
                    host.baseline.advance_to(now);
                    // Refused there: the baseline differs; scoring leaves it out too.
                    let _ = host.baseline.apply(c);
                }
            }
            Err(e) => host.book.rejected(now, Some(e.phrase()), asker),
        }
    }
}
