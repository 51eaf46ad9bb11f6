//! The picture one seat may see, rebuilt by the engine adapter: panels and the map read only this.
//!
//! For a team seat it is built from the engine's view of that team alone, so nothing the
//! team cannot know is in it; the facilitator's and observer's picture is the ground truth.

use super::super::session::Seat;
use crate::engine::{BufferKind, DetectionKind, IncidentId, MessageText};
use crate::scenario::{
    ActionId, DepId, InjectId, MessageKind, Secs, ServiceId, TeamId, Text, ThreatId,
};
use bevy::prelude::*;

/// A service's state as this seat sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    Up,
    Degraded,
    Down,
    /// Running on backup power, manual operation or another fallback.
    Backup,
    /// Coming back after a restore.
    Recovering,
    /// This seat cannot know.
    Unknown,
}

/// One service on the map and in the side panel.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ServiceCard {
    pub shown: Shown,
    /// Capacity 0..1 when known.
    pub capacity: Option<f64>,
    /// Compromised, and this seat knows it.
    pub compromised: bool,
    pub isolated: bool,
    /// Buffer time left (battery + generator) when known.
    pub buffer_left: Option<Secs>,
    /// The seat may take actions on it.
    pub actionable: bool,
}

impl ServiceCard {
    pub(crate) fn unknown() -> Self {
        Self {
            shown: Shown::Unknown,
            capacity: None,
            compromised: false,
            isolated: false,
            buffer_left: None,
            actionable: false,
        }
    }
}

/// An incident on the board.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IncidentCard {
    pub id: IncidentId,
    pub team: TeamId,
    /// What was noticed first.
    pub kind: DetectionKind,
    /// Ground truth severity (facilitator and observer only).
    pub severity: Option<u8>,
    pub opened: Secs,
    pub updated: Secs,
    pub services: Vec<ServiceId>,
    /// When the team first reported it, and when it first reached another team.
    pub reported: Option<Secs>,
    pub shared: Option<Secs>,
    /// Every service involved is up again.
    pub restored: bool,
}

/// A message in an inbox.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MessageCard {
    pub at: Secs,
    pub from: Text,
    pub to: Vec<TeamId>,
    pub kind: Option<MessageKind>,
    pub severity: Option<u8>,
    pub text: MessageText,
    pub services: Vec<ServiceId>,
    pub incidents: Vec<IncidentId>,
}

/// An action under way.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RunningAction {
    pub action: ActionId,
    pub team: TeamId,
    pub service: Option<ServiceId>,
    pub started: Secs,
    pub ends: Secs,
}

/// A line of the event log.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LogLine {
    pub at: Secs,
    pub event: LogEvent,
}

impl LogLine {
    /// Lines shown in red.
    pub(crate) fn alarm(&self) -> bool {
        match &self.event {
            LogEvent::Status { now, .. } => matches!(now, Shown::Down),
            LogEvent::Rejected(_) => true,
            LogEvent::NotAllowed => true,
            LogEvent::Buffer(_, _, None) | LogEvent::IncidentOpened { .. } => true,
            LogEvent::Entry { alarm, .. } => *alarm,
            _ => false,
        }
    }
}

/// What a log line says; panels word it in the UI language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LogEvent {
    /// A journal entry in full, for the facilitator and observers (ground truth).
    Entry {
        entry: std::sync::Arc<crate::engine::Entry>,
        alarm: bool,
    },
    Status {
        service: ServiceId,
        now: Shown,
        capacity: f64,
    },
    /// A service's buffer took over, until the time given, or ran out (`None`).
    Buffer(ServiceId, BufferKind, Option<Secs>),
    IncidentOpened {
        team: TeamId,
        service: ServiceId,
        kind: DetectionKind,
    },
    Detected {
        team: TeamId,
        service: ServiceId,
        kind: DetectionKind,
    },
    Sent {
        from: Text,
        to: Vec<TeamId>,
        kind: MessageKind,
    },
    Delivered {
        from: Text,
        to: TeamId,
        kind: MessageKind,
    },
    ActionStarted {
        team: TeamId,
        action: ActionId,
        service: Option<ServiceId>,
        done_at: Secs,
    },
    ActionFinished {
        team: TeamId,
        action: ActionId,
        service: Option<ServiceId>,
    },
    /// A command the engine refused, and why.
    Rejected(crate::words::Phrase),
    /// A command this seat may not give.
    NotAllowed,
}

/// An inject of the MSEL, for the facilitator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InjectCard {
    pub id: InjectId,
    pub due: Option<Secs>,
    pub fired: u32,
    pub skipped: bool,
}

/// Headline numbers while scoring has nothing to say.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tally {
    pub down: usize,
    pub degraded: usize,
    pub on_backup: usize,
    pub incidents_open: usize,
    pub messages: usize,
    /// Lost capacity x criticality x people served, in thousand person-hours so far
    /// (ground truth: facilitator and observer only).
    pub impact: Option<f64>,
}

/// The live score from the scoring module (facilitator and observer only).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LiveScore {
    /// 0..=100 and the grade it earns.
    pub score: f64,
    pub grade: Text,
    /// Share of the no-response baseline's service loss avoided so far.
    pub avoided: Option<f64>,
    /// Each team's score (`None`: nothing it answers for is scored yet).
    pub teams: Vec<(TeamId, Option<f64>)>,
    /// Each incident (threat) scored so far: severity and its response credit.
    pub incidents: Vec<(ThreatId, u8, Option<f64>)>,
    /// The exercise time it was computed at.
    pub at: Secs,
}

/// Everything the current seat may see at the current exercise time.
#[derive(Resource, Debug, Clone)]
pub(crate) struct Picture {
    pub seat: Seat,
    pub now: Secs,
    pub end: Secs,
    pub services: Vec<ServiceCard>,
    pub incidents: Vec<IncidentCard>,
    pub inbox: Vec<MessageCard>,
    pub running: Vec<RunningAction>,
    pub log: Vec<LogLine>,
    pub injects: Vec<InjectCard>,
    pub next_inject: Option<Secs>,
    pub tally: Tally,
    pub score: Option<LiveScore>,
    /// Observer notes (exercise time, text); they go into the report.
    pub notes: Vec<(Secs, String)>,
    /// The evaluator's checklist so far (facilitator and observer only).
    pub checks: Vec<crate::scoring::Check>,
    /// Dependency edges a cascade arrived over since the last rebuild, with when.
    pub cascades: Vec<(DepId, Secs)>,
    /// Cascade effects travelling now: edge, progress 0..1 (facilitator and observer only).
    pub in_flight: Vec<(DepId, f32)>,
    pub finished: bool,
    /// The profile of each team a bot plays here (by team index; empty: none).
    pub bots: Vec<Option<crate::bots::Profile>>,
    /// Bumped on every rebuild, so the map knows when to refresh.
    pub revision: u64,
}

impl Picture {
    pub(crate) fn empty(seat: Seat, services: usize) -> Self {
        Self {
            seat,
            now: 0,
            end: 0,
            services: vec![ServiceCard::unknown(); services],
            incidents: vec![],
            inbox: vec![],
            running: vec![],
            log: vec![],
            injects: vec![],
            next_inject: None,
            tally: Tally::default(),
            score: None,
            notes: vec![],
            checks: vec![],
            cascades: vec![],
            in_flight: vec![],
            finished: false,
            bots: vec![],
            revision: 0,
        }
    }
}
