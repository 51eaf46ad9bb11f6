//! What the panels and the map ask for: UI commands (to the engine adapter) and the selection.

use crate::engine::{ActionTarget, Command, CommandOutcome, Draft};
use crate::scenario::{ActionId, MessageKind, Scenario, ServiceId, TeamId};
use bevy::prelude::*;

/// A request from a panel; the engine adapter turns it into an engine command.
#[derive(Message, Debug, Clone, PartialEq)]
pub(crate) enum UiCommand {
    /// A team takes an action, on a service where the action targets one.
    TakeAction {
        team: TeamId,
        action: ActionId,
        service: Option<ServiceId>,
    },
    /// A team sends a message over one of its channels.
    Send(Outgoing),
    /// A control command as the engine takes it: an inject fired or skipped, a
    /// capacity forced or handed back (the facilitator), a note (the facilitator or an
    /// observer).
    Control(crate::engine::Command),
    /// Start the exercise again from zero (with the session's scenario).
    Restart,
}

impl UiCommand {
    /// The engine command it asks for (`None`: a restart, which is not one).
    pub(crate) fn to_engine(&self, s: &Scenario) -> Option<Command> {
        Some(match self {
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
}

/// A command from a team seat on another machine, for the engine adapter: `team` is the
/// connection's seat; `client` and `id` say whom to answer.
#[derive(Message, Debug, Clone)]
pub(crate) struct RemoteCommand {
    pub client: Entity,
    pub team: TeamId,
    pub id: u64,
    pub command: Command,
}

/// What became of a [`RemoteCommand`]: applied, refused by the engine (why, in words), or
/// not the seat's to give (`Err(None)`).
#[derive(Message, Debug, Clone)]
pub(crate) struct RemoteAnswer {
    pub client: Entity,
    pub id: u64,
    pub result: Result<CommandOutcome, Option<String>>,
}

/// A message a team writes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outgoing {
    pub from: TeamId,
    pub to: TeamId,
    pub kind: MessageKind,
    pub severity: u8,
    pub incidents: Vec<crate::engine::IncidentId>,
    pub services: Vec<ServiceId>,
    pub text: String,
}

/// The service selected on the map or in a panel.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Selected(pub Option<ServiceId>);

/// Select a service (or clear the selection).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct SelectService(pub Option<ServiceId>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<UiCommand>();
    app.add_message::<RemoteCommand>();
    app.add_message::<RemoteAnswer>();
    app.add_message::<SelectService>();
    app.init_resource::<Selected>();
    app.add_systems(PreUpdate, apply_selection);
}

fn apply_selection(mut requests: MessageReader<SelectService>, mut selected: ResMut<Selected>) {
    if let Some(SelectService(s)) = requests.read().last().copied()
        && selected.0 != s
    {
        selected.0 = s;
    }
}
