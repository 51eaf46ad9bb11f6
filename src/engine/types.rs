//! Public value types of the engine: ids it creates, statuses, causes and commands.

use crate::scenario::{
    ActionId, DepId, InjectId, MessageKind, OrgId, Secs, ServiceId, TeamId, Text, ThreatId,
};
use serde::{Deserialize, Serialize};

crate::scenario::model::index_type!(
    "engine's":
    /// An incident opened in one team's view; numbered from 0 in order of opening.
    IncidentId,
    /// A message (team message, forward, broadcast or inject message); numbered from 0.
    MessageId,
    /// One run of an action by a team; numbered from 0 in order of starting.
    RunId,
);

/// A service's status as ground truth (and as its owner observes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ServiceStatus {
    /// Full capacity.
    Up,
    /// Some capacity lost (including manual fallback kept by its buffers).
    Degraded,
    /// No capacity.
    Down,
    /// Running on battery or generator, or switched to backup or manual operation.
    OnBackup,
    /// A restore action is under way.
    Recovering,
}

/// The buffers that bridge a loss of physical supply, spent in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BufferKind {
    Battery,
    Generator,
}

/// Why a service's state changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// A provider's change arrived over this dependency (after its delay).
    Dependency(DepId),
    /// This buffer ran out.
    BufferSpent(BufferKind),
    /// A step of a threat campaign (index into its steps).
    Threat { threat: ThreatId, step: u32 },
    /// A team's action started or finished.
    Action { team: TeamId, run: RunId },
    /// An inject changed the world.
    Inject(InjectId),
    /// The facilitator overrode the service.
    Facilitator,
}

/// Where a chain of changes began: what a cascade is ultimately due to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    Unknown,
    Threat(ThreatId),
    Inject(InjectId),
    Facilitator,
    /// A team's own action (isolating a service cuts its dependents too).
    Team(TeamId),
}

impl Origin {
    /// As one number: the kind in the top 3 bits, the index below.
    pub(crate) fn pack(self) -> u32 {
        match self {
            Origin::Unknown => 0,
            Origin::Facilitator => 1 << 29,
            Origin::Threat(t) => 2 << 29 | t.0,
            Origin::Inject(i) => 3 << 29 | i.0,
            Origin::Team(t) => 4 << 29 | t.0,
        }
    }

    /// The inverse of [`Origin::pack`].
    pub(crate) fn unpack(x: u32) -> Origin {
        let id = x & ((1 << 29) - 1);
        match x >> 29 {
            1 => Origin::Facilitator,
            2 => Origin::Threat(ThreatId(id)),
            3 => Origin::Inject(InjectId(id)),
            4 => Origin::Team(TeamId(id)),
            _ => Origin::Unknown,
        }
    }

    /// The threat behind it, if any.
    pub fn threat(self) -> Option<ThreatId> {
        match self {
            Origin::Threat(t) => Some(t),
            _ => None,
        }
    }
}

/// What a team noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DetectionKind {
    /// An intruder in the service.
    Compromise,
    /// Data in the service was tampered with.
    Tampering,
    /// The service lost some capacity.
    Degradation,
    /// The service went down.
    Outage,
}

/// What a team targets with an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionTarget {
    Service(ServiceId),
    Organisation(OrgId),
}

/// The content of a team message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: MessageKind,
    /// Incidents it is about (the sender's own, or ones it heard of).
    #[serde(default)]
    pub incidents: Vec<IncidentId>,
    /// Services it is about.
    #[serde(default)]
    pub services: Vec<ServiceId>,
    /// Claimed severity, 0..=4.
    #[serde(default)]
    pub severity: Option<u8>,
    /// Claimed status of the services it names.
    #[serde(default)]
    pub status: Option<ServiceStatus>,
    #[serde(default)]
    pub text: String,
}

impl Draft {
    /// A message of `kind` with only a text.
    pub fn new(kind: MessageKind, text: impl Into<String>) -> Self {
        Draft {
            kind,
            incidents: Vec::new(),
            services: Vec::new(),
            severity: None,
            status: None,
            text: text.into(),
        }
    }
}

/// Everything a team or the facilitator can do. Applied at the engine's current time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// A team starts an action; its effects apply when its duration has passed.
    Act {
        team: TeamId,
        action: ActionId,
        target: ActionTarget,
    },
    /// A team sends a message; each recipient needs a channel from the team.
    Send {
        team: TeamId,
        to: Vec<TeamId>,
        draft: Draft,
    },
    /// The coordination centre passes on a message it received, with a note.
    Forward {
        team: TeamId,
        message: MessageId,
        to: Vec<TeamId>,
        note: String,
    },
    /// The coordination centre sends to every team it has a channel to.
    Broadcast { team: TeamId, draft: Draft },
    /// Facilitator: fire an inject now.
    FireInject(InjectId),
    /// Facilitator: an inject that has not fired never fires.
    SkipInject(InjectId),
    /// Facilitator: force a service's capacity (0..1), or hand it back (`None`).
    Override {
        service: ServiceId,
        capacity: Option<f64>,
    },
    /// Facilitator: a note in the journal (pause, briefing, observation).
    Note(String),
    /// An evaluator's finding on an expected action of the scenario's design (named by
    /// its id): whether it was seen, with a note. It changes nothing in the exercise.
    Assess {
        expectation: String,
        verdict: Verdict,
        note: String,
    },
}

/// What an evaluator saw of an expected action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Observed,
    Partly,
    NotObserved,
}

impl Command {
    /// The team giving it, or `None` for the facilitator.
    pub fn team(&self) -> Option<TeamId> {
        match self {
            Command::Act { team, .. }
            | Command::Send { team, .. }
            | Command::Forward { team, .. }
            | Command::Broadcast { team, .. } => Some(*team),
            _ => None,
        }
    }
}

/// What an accepted command did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CommandOutcome {
    /// An action started; it finishes at `done_at`.
    Started { run: RunId, done_at: Secs },
    /// A message left; it reaches each recipient at the given time.
    Sent {
        message: MessageId,
        arrivals: Vec<(TeamId, Secs)>,
    },
    /// An inject fired.
    Fired,
    /// An inject will not fire.
    Skipped,
    /// A service's override was set or cleared.
    Overridden,
    /// A note was written.
    Noted,
}

/// Who sent a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Sender {
    Team(TeamId),
    /// Exercise control, through an inject, in the name of `from`.
    Inject {
        inject: InjectId,
        from: Text,
    },
}

/// A message's text: typed by a team, or scripted in both languages by the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MessageText {
    Free(String),
    Scripted(Text),
}

impl MessageText {
    /// The text to show in `lang` (free text is the same in every language).
    pub fn get(&self, lang: crate::scenario::Lang) -> &str {
        match self {
            MessageText::Free(s) => s,
            MessageText::Scripted(t) => t.get(lang),
        }
    }
}

/// A message as sent. Recipients find it in their inbox once it is delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    pub from: Sender,
    pub to: Vec<TeamId>,
    pub kind: MessageKind,
    pub incidents: Vec<IncidentId>,
    pub services: Vec<ServiceId>,
    pub severity: Option<u8>,
    pub status: Option<ServiceStatus>,
    pub text: MessageText,
    pub sent_at: Secs,
    /// The message this one passes on, for a forward.
    pub forwarded: Option<MessageId>,
}

/// Why a threat step did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blocked {
    /// The service (or the one it would spread from) is isolated.
    Isolated(ServiceId),
    /// The service was patched.
    Patched(ServiceId),
    /// The step needs a foothold the threat no longer (or never) had.
    NotCompromised(ServiceId),
}

/// How an inject came to fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FiredBy {
    Time,
    Condition,
    Facilitator,
}
