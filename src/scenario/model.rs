//! The validated scenario: ids resolved to indices, durations in seconds, ranges checked.
//!
//! Everything the engine, scoring and the app read comes from here. A value of
//! [`Scenario`] is one the engine can run without a panic.

use serde::{Deserialize, Serialize};

pub use super::kinds::{DepKind, Effect, Impact, MessageKind, Monitoring, OrgKind, Role, Target};

/// Seconds since the exercise start (or a span of seconds).
pub type Secs = u64;

/// Index types: each a `u32` position in the list of `$owner` (the scenario's here, the
/// engine's for the ids the engine creates).
macro_rules! index_type {
    ($owner:literal: $($(#[$m:meta])* $name:ident),* $(,)?) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            #[doc = concat!("The position in the ", $owner, " list.")]
            pub fn idx(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}
pub(crate) use index_type;

index_type!(
    "scenario's":
    /// Index into [`Scenario::sectors`].
    SectorId,
    /// Index into [`Scenario::organisations`].
    OrgId,
    /// Index into [`Scenario::services`].
    ServiceId,
    /// Index into [`Scenario::dependencies`].
    DepId,
    /// Index into [`Scenario::teams`].
    TeamId,
    /// Index into [`Scenario::channels`].
    ChannelId,
    /// Index into [`Scenario::threats`].
    ThreatId,
    /// Index into [`Scenario::injects`].
    InjectId,
    /// Index into [`Scenario::actions`].
    ActionId,
);

/// Text in English and Japanese (both always present after validation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub ja: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        if lang == Lang::Ja { &self.ja } else { &self.en }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The language's tag, also the name of its folder under `assets/locales/`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language bilingual text pairs with this one.
    pub fn other(self) -> Lang {
        if self == Lang::En { Lang::Ja } else { Lang::En }
    }

    /// The language with this tag (`en`, `ja`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub brief: Text,
    pub language: Lang,
    /// Wall-clock date and time at the exercise start (absent: times are shown as
    /// exercise time only).
    pub start_clock: Option<super::clock::DateTime>,
    pub duration: Secs,
    pub sectors: Vec<Sector>,
    /// Exactly five levels, 0..=4, in order.
    pub severity: Vec<SeverityLevel>,
    pub organisations: Vec<Organisation>,
    pub services: Vec<Service>,
    pub dependencies: Vec<Dependency>,
    pub teams: Vec<Team>,
    pub channels: Vec<Channel>,
    pub threats: Vec<Threat>,
    pub injects: Vec<Inject>,
    pub actions: Vec<Action>,
    pub scoring: Scoring,
    /// Distinct area names used by services, sorted.
    pub areas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    pub id: String,
    pub name: Text,
    pub ministry: String,
    pub ceptoar: Text,
    pub leading: bool,
    /// RGB.
    pub colour: [u8; 3],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeverityLevel {
    pub name: Text,
    pub deadlines: Deadlines,
}

/// Deadlines (seconds after an incident starts) per response phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    pub detect: Secs,
    pub report: Secs,
    pub share: Secs,
    pub contain: Secs,
    pub restore: Secs,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: Text,
    pub sector: SectorId,
    pub kind: OrgKind,
    pub monitoring: Monitoring,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Buffers {
    /// Seconds of battery at full capacity.
    pub battery: Secs,
    /// Seconds of generator fuel at full capacity.
    pub generator: Secs,
    /// Capacity kept by manual fallback once the other buffers are spent (0 = none).
    pub manual: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub owner: OrgId,
    pub criticality: f64,
    pub people: u64,
    pub pos: Option<(f32, f32)>,
    pub area: Option<String>,
    pub buffers: Buffers,
    pub visible: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dependency {
    pub from: ServiceId,
    pub to: ServiceId,
    pub kind: DepKind,
    pub delay: Secs,
    pub effect: Effect,
    /// 1.0 except for logical links.
    pub probability: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub id: String,
    pub name: Text,
    pub role: Role,
    /// Never empty.
    pub controls: Vec<OrgId>,
}

/// A one-way channel; `both_ways` in the file becomes two channels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub from: TeamId,
    pub to: TeamId,
    pub latency: Secs,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threat {
    pub id: String,
    pub name: Text,
    /// 0..=4.
    pub severity: u8,
    /// Sorted by time.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub at: Secs,
    pub kind: StepKind,
    pub stealth: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StepKind {
    Compromise { service: ServiceId },
    Spread { from: ServiceId, to: ServiceId },
    Impact { service: ServiceId, impact: Impact },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inject {
    pub id: String,
    pub trigger: Trigger,
    pub times: u32,
    pub deliver: Vec<Delivery>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Trigger {
    At(Secs),
    When(Condition),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    ServiceDown {
        service: ServiceId,
        for_at_least: Secs,
    },
    NotReported {
        threat: ThreatId,
        team: TeamId,
        by: Secs,
    },
    MessageReceived {
        team: TeamId,
        kind: Option<MessageKind>,
    },
    ActionTaken {
        action: ActionId,
        team: Option<TeamId>,
    },
    After(Secs),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Delivery {
    Message {
        to: Vec<TeamId>,
        from: Text,
        text: Text,
    },
    SetCapacity {
        service: ServiceId,
        capacity: f64,
    },
    AreaEvent {
        area: String,
        capacity: f64,
    },
    StartThreat(ThreatId),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum ActionEffect {
    /// Cut the service off: blocks spread through it, capacity drops to 0 while isolated.
    Isolate,
    /// Remove a compromise.
    Patch,
    /// Bring capacity back to what its providers allow, and end isolation.
    Restore,
    /// Run on backup at this capacity regardless of providers.
    Backup(f64),
    /// Manual operation at this capacity regardless of providers.
    Manual(f64),
    /// Bring this much extra generator fuel (seconds).
    Refuel(Secs),
    /// Activate the business-continuity plan (recorded for scoring).
    Bcp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub name: Text,
    pub duration: Secs,
    pub target: Target,
    pub effects: Vec<ActionEffect>,
    /// Never empty.
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scoring {
    /// Per severity level 0..=4.
    pub deadlines: Vec<Deadlines>,
    pub weights: Weights,
    /// Sorted by `min`, highest first; the last has min 0.
    pub grades: Vec<Grade>,
}

/// Points for each phase met on time, and for impact avoided; a scenario file's
/// `scoring.weights` reads into this directly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub detect: f64,
    pub report: f64,
    pub share: f64,
    pub contain: f64,
    pub restore: f64,
    pub impact: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            detect: 10.0,
            report: 20.0,
            share: 15.0,
            contain: 20.0,
            restore: 15.0,
            impact: 20.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub name: Text,
    pub min: f64,
}
