//! The scorecard: what scoring computes, as plain serialisable data.

use crate::engine::{MessageId, ServiceStatus};
use crate::scenario::{MessageKind, Secs, SectorId, ServiceId, TeamId, ThreatId};
use serde::{Deserialize, Serialize};

/// A response phase of an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    Detect,
    Report,
    Share,
    Contain,
    Restore,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Detect,
        Phase::Report,
        Phase::Share,
        Phase::Contain,
        Phase::Restore,
    ];

    /// Lower-case name (`detect` ...), as in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Phase::Detect => "detect",
            Phase::Report => "report",
            Phase::Share => "share",
            Phase::Contain => "contain",
            Phase::Restore => "restore",
        }
    }
}

/// How a phase went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    OnTime,
    Late,
    /// Not done, and its deadline passed before the end of the run.
    Missed,
    /// Not done, and its deadline falls after the end of the run: not scored.
    Open,
    /// The phase does not apply (no owner team, or no dependent team to share with).
    NotApplicable,
}

impl Outcome {
    /// Whether the phase counts towards the score.
    pub fn scored(self) -> bool {
        matches!(self, Outcome::OnTime | Outcome::Late | Outcome::Missed)
    }
}

/// One phase of one incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseScore {
    pub phase: Phase,
    /// Seconds after the incident's start.
    pub deadline: Secs,
    /// When it was done (exercise time), if it was.
    pub done_at: Option<Secs>,
    /// Seconds from the incident's start to `done_at`.
    pub took: Option<Secs>,
    pub outcome: Outcome,
    /// 0..=1.
    pub credit: f64,
    /// Its part of the overall score.
    pub points: f64,
    /// What it could have earned (0 when not scored).
    pub max_points: f64,
}

/// When the information about an incident reached one dependent team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reach {
    pub team: TeamId,
    pub at: Option<Secs>,
}

/// One scored incident (a threat campaign that did something).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentScore {
    pub threat: ThreatId,
    pub severity: u8,
    pub start: Secs,
    /// Services it compromised or hit, in the order it did.
    pub hits: Vec<ServiceId>,
    pub owners: Vec<TeamId>,
    pub dependents: Vec<TeamId>,
    /// Detect, report, share, contain, restore, in that order.
    pub phases: Vec<PhaseScore>,
    pub reached: Vec<Reach>,
    /// Weighted credit of its scored phases, 0..=100 (`None`: nothing scored).
    pub score: Option<f64>,
}

impl IncidentScore {
    /// The result of one phase.
    pub fn phase(&self, phase: Phase) -> &PhaseScore {
        &self.phases[phase as usize]
    }
}

/// Lost capacity of one sector (or of one service), run against baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loss {
    /// Criticality-weighted person-hours lost in the run.
    pub run: f64,
    /// The same in the no-response baseline.
    pub baseline: f64,
    /// `1 - run / baseline`; `None` when the baseline lost nothing.
    pub avoided: Option<f64>,
}

/// A sector's capacity over time: (time, capacity 0..=1) at each change, the mean of
/// its services weighted by criticality x people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorSeries {
    pub sector: SectorId,
    pub run: Vec<(Secs, f64)>,
    pub baseline: Vec<(Secs, f64)>,
}

/// Service impact, run against the no-response baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub end: Secs,
    pub total: Loss,
    /// Sectors with at least one service, in scenario order.
    pub sectors: Vec<(SectorId, Loss)>,
    /// Services that lost anything in the run or the baseline.
    pub services: Vec<(ServiceId, Loss)>,
    pub series: Vec<SectorSeries>,
    pub points: f64,
    pub max_points: f64,
}

/// A delivered team message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hop {
    pub message: MessageId,
    pub from: TeamId,
    pub to: TeamId,
    pub kind: MessageKind,
    pub forward: bool,
    pub sent: Secs,
    pub arrived: Secs,
    /// The incidents (threats) it is about.
    pub about: Vec<ThreatId>,
}

/// How one team came to know of an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub team: TeamId,
    pub at: Secs,
    /// Who told it (`None`: its own detection).
    pub from: Option<TeamId>,
    pub message: Option<MessageId>,
    /// How long the sender knew before sending (`None` when it sent before it knew).
    pub held: Option<Secs>,
    /// Time in transit.
    pub transit: Option<Secs>,
}

impl Link {
    /// `team` came to know at `at` by its own detection.
    pub fn own(team: TeamId, at: Secs) -> Link {
        Link {
            team,
            at,
            from: None,
            message: None,
            held: None,
            transit: None,
        }
    }
}

/// The reporting chain of one incident, in the order teams came to know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chain {
    pub threat: ThreatId,
    pub links: Vec<Link>,
}

/// A dependent team: hit by the cascade, warned, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub threat: ThreatId,
    pub team: TeamId,
    /// First loss of capacity of one of its services to this incident.
    pub hit: Option<Secs>,
    /// First team message about the incident that reached it.
    pub warned: Option<Secs>,
    /// Hit before it was warned (or never warned).
    pub unwarned: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coordination {
    pub hops: Vec<Hop>,
    pub chains: Vec<Chain>,
    pub warnings: Vec<Warning>,
}

/// What a claim was about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Claimed {
    Status {
        service: ServiceId,
        claimed: ServiceStatus,
        actual: ServiceStatus,
    },
    Severity {
        claimed: u8,
        actual: u8,
    },
}

/// One claim in a team message, checked against ground truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub message: MessageId,
    pub team: TeamId,
    pub at: Secs,
    pub claimed: Claimed,
    pub correct: bool,
}

/// Claims checked and right, for one team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamAccuracy {
    pub team: TeamId,
    pub checked: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Accuracy {
    pub claims: Vec<Claim>,
    /// Teams that made at least one checked claim.
    pub teams: Vec<TeamAccuracy>,
    /// Share of all claims that were right (`None`: no claims).
    pub share: Option<f64>,
}

/// One phase of one incident a team answers for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duty {
    pub threat: ThreatId,
    pub phase: Phase,
    pub outcome: Outcome,
    pub credit: f64,
}

/// A team's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamScore {
    pub team: TeamId,
    /// Phases it answers for (scored or not).
    pub duties: Vec<Duty>,
    /// Impact on its own services (`None`: it has none, or their baseline lost nothing).
    pub impact: Option<Loss>,
    /// 0..=100, `None` when it answers for nothing scored.
    pub score: Option<f64>,
    /// Index into `scenario.scoring.grades`.
    pub grade: Option<usize>,
}

/// Everything scoring says about one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub scenario: String,
    pub seed: u64,
    /// The time the run is scored up to.
    pub end: Secs,
    pub incidents: Vec<IncidentScore>,
    pub impact: Impact,
    pub coordination: Coordination,
    pub accuracy: Accuracy,
    pub teams: Vec<TeamScore>,
    /// 0..=100.
    pub score: f64,
    /// Index into `scenario.scoring.grades`.
    pub grade: usize,
}

impl Scorecard {
    /// A team's score.
    pub fn team(&self, team: TeamId) -> Option<&TeamScore> {
        self.teams.iter().find(|t| t.team == team)
    }

    /// An incident's score.
    pub fn incident(&self, threat: ThreatId) -> Option<&IncidentScore> {
        self.incidents.iter().find(|i| i.threat == threat)
    }
}
