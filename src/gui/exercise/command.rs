//! What the panels and the map ask for: UI commands (to the engine adapter) and the selection.

use crate::scenario::{ActionId, MessageKind, ServiceId, TeamId};
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
