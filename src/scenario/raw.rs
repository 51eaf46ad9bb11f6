//! Raw serde types: the RON scenario and seed format exactly as authors write it.
//!
//! Nothing here is checked beyond RON syntax and field names; `validate` turns a
//! merged [`RawScenario`] into a typed [`crate::scenario::Scenario`].

use super::model::Weights;
use serde::{Deserialize, Serialize};

pub use super::kinds::{DepKind, Effect, Impact, MessageKind, Monitoring, OrgKind, Role, Target};
pub use super::raw_design::{RawEvidence, RawExpect, RawObjective};

/// Text people read, in English and Japanese. Either may be left out; the other is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ja: String,
}

/// A whole scenario file, or a seed file (same shape, every section optional).
/// Included files are merged in before validation: their lists come first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawScenario {
    /// Seed files to merge in: `std:NAME` for a seed built into the binary,
    /// otherwise a path relative to this file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<RawText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<RawText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brief: Option<RawText>,
    /// The pattern of incident the drill rehearses, in a few words ("carrier outage").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<RawText>,
    /// What the drill is to verify; expected actions under injects and threats link here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<RawObjective>,
    /// Language of reports and headings: "en" or "ja".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Wall-clock time at exercise start, shown beside exercise time ("2020-07-24 19:00").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_clock: Option<String>,
    /// Length of the exercise ("6h").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<RawSector>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub severity: Vec<RawSeverityLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<RawChain>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<RawTemplate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<RawOrganisation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<RawService>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<RawDependency>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<RawTeam>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<RawChannel>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub threats: Vec<RawThreat>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<RawInject>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<RawAction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring: Option<RawScoring>,
}

/// One of the critical-infrastructure sectors, with the ministry in charge and its CEPTOAR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSector {
    pub id: String,
    pub name: RawText,
    /// Short name of the ministry in charge ("METI").
    pub ministry: String,
    /// The sector's CEPTOAR (information-sharing body).
    pub ceptoar: RawText,
    /// Electricity, telecom and finance are the "leading" sectors others depend on.
    #[serde(default)]
    pub leading: bool,
    /// Map colour as "#rrggbb".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
}

/// A level of the severity scale (0 no effect ... 4 critical) with default deadlines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSeverityLevel {
    pub level: i64,
    pub name: RawText,
    pub deadlines: RawDeadlines,
}

/// Deadlines after the incident starts, one per response phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadlines {
    pub detect: String,
    pub report: String,
    pub share: String,
    pub contain: String,
    pub restore: String,
}

/// Typical latencies of the standard reporting chain, used by channels that give none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChain {
    pub operator_to_ministry: String,
    pub operator_to_ceptoar: String,
    pub ministry_to_centre: String,
    pub centre_to_ministry: String,
    pub ceptoar_to_operator: String,
    pub ceptoar_council: String,
    /// Any pair of roles not named above.
    pub other: String,
}

/// A reusable dependency shape ("a base station on grid power").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTemplate {
    pub id: String,
    pub kind: DepKind,
    #[serde(default)]
    pub delay: Option<String>,
    #[serde(default)]
    pub effect: Option<Effect>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub id: String,
    pub name: RawText,
    pub sector: String,
    pub kind: OrgKind,
    /// How quickly its CSIRT notices a compromise.
    #[serde(default = "default_monitoring")]
    pub monitoring: Monitoring,
}

fn default_monitoring() -> Monitoring {
    Monitoring::Medium
}

/// What keeps a service going when a provider fails.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawBuffers {
    /// Hours of battery: full capacity, spent first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub battery: Option<String>,
    /// Generator fuel on site: full capacity, spent after the battery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
    /// Manual fallback: the capacity (0..1) the service keeps with no provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub id: String,
    pub name: RawText,
    pub owner: String,
    /// How much society needs it, 0..1.
    pub criticality: f64,
    /// People who rely on it.
    pub people: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<(f32, f32)>,
    /// Place name; a geographic event hits every service in its area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default)]
    pub buffers: RawBuffers,
    /// Customers feel an outage at once (so it is detected at once).
    #[serde(default = "yes")]
    pub visible: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDependency {
    /// The provider.
    pub from: String,
    /// The dependent.
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DepKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// For logical links: the chance the effect happens at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTeam {
    pub id: String,
    pub name: RawText,
    pub role: Role,
    /// Organisations the team plays.
    pub controls: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChannel {
    pub from: String,
    pub to: String,
    /// Defaults to the reporting chain's latency for the two roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<String>,
    /// Also a channel from `to` back to `from` with the same latency.
    #[serde(default = "yes")]
    pub both_ways: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThreat {
    pub id: String,
    pub name: RawText,
    /// Ground-truth severity of the campaign, 0..4.
    pub severity: i64,
    pub steps: Vec<RawStep>,
    /// What the players are expected to do about it (`by` counts from its start).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<RawExpect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Time after exercise start.
    pub at: String,
    pub kind: RawStepKind,
    /// How hard the step is to notice, 0 (obvious) .. 1 (very stealthy).
    #[serde(default)]
    pub stealth: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RawStepKind {
    Compromise { service: String },
    Spread { from: String, to: String },
    Impact { service: String, impact: Impact },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInject {
    pub id: String,
    /// Fire at this time after the start ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// ... or when this holds (checked as the exercise runs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<RawCondition>,
    /// How many times it may fire (default once).
    #[serde(default = "one")]
    pub times: i64,
    pub deliver: Vec<RawDelivery>,
    /// What the players are expected to do about it (`by` counts from when it fires).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<RawExpect>,
}

fn one() -> i64 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RawCondition {
    ServiceDown {
        service: String,
        for_at_least: String,
    },
    NotReported {
        threat: String,
        team: String,
        by: String,
    },
    MessageReceived {
        team: String,
        kind: Option<MessageKind>,
    },
    ActionTaken {
        action: String,
        team: Option<String>,
    },
    After(String),
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RawDelivery {
    Message {
        to: Vec<String>,
        from: RawText,
        text: RawText,
    },
    SetCapacity {
        service: String,
        capacity: f64,
    },
    AreaEvent {
        area: String,
        capacity: f64,
    },
    StartThreat(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RawActionEffect {
    Isolate,
    Patch,
    Restore,
    Backup(f64),
    Manual(f64),
    Refuel(String),
    Bcp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: String,
    pub name: RawText,
    pub duration: String,
    pub target: Target,
    pub effects: Vec<RawActionEffect>,
    /// Teams (by role) allowed to take it; empty means operators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawScoring {
    /// Overrides of the severity scale's deadlines, per level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<(i64, RawDeadlines)>,
    pub weights: Weights,
    pub grades: Vec<RawGrade>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrade {
    pub name: RawText,
    /// Lowest percentage of the points that earns this grade.
    pub min: f64,
}
