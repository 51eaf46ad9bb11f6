//! Bot profiles and their stated parameters: how long a bot takes for each kind of
//! step, and how often it misses one.

use crate::scenario::Secs;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a bot team plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Prompt and complete: every step, two minutes after it sees the reason for it.
    Textbook,
    /// Reaction times and missed steps drawn (seeded) from [`Params::REALISTIC`].
    Realistic,
    /// Does nothing: the seat is empty.
    Absent,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Textbook, Profile::Realistic, Profile::Absent];

    /// The name used on the command line and in files.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Textbook => "textbook",
            Profile::Realistic => "realistic",
            Profile::Absent => "absent",
        }
    }

    /// The profile with this name.
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Its parameters.
    pub fn params(self) -> &'static Params {
        match self {
            Profile::Textbook => &Params::TEXTBOOK,
            Profile::Realistic => &Params::REALISTIC,
            Profile::Absent => &Params::ABSENT,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds of step a bot takes; each has its own delay and chance of being missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Start an action on its own services (isolate, patch, restore, backup, manual
    /// operation, refuel, BCP).
    Act,
    /// Report an incident up the chain (ministry desk, coordination centre).
    Report,
    /// Warn the teams that depend on it and its CEPTOAR.
    Share,
    /// Pass on what it was told (ministry desk, CEPTOAR, centre, a dependent operator).
    Relay,
}

impl StepKind {
    pub(crate) fn code(self) -> u32 {
        match self {
            StepKind::Act => 1,
            StepKind::Report => 2,
            StepKind::Share => 3,
            StepKind::Relay => 4,
        }
    }
}

/// A delay: `min` plus a triangular spread over `0..2 x spread` (mean `spread`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Delay {
    pub min: Secs,
    pub spread: Secs,
}

impl Delay {
    /// The mean delay.
    pub fn mean(self) -> Secs {
        self.min + self.spread
    }
}

/// A profile's stated parameters, one delay and one chance of missing per step kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    /// Whether the bot plays at all.
    pub plays: bool,
    pub act: Delay,
    pub report: Delay,
    pub share: Delay,
    pub relay: Delay,
    /// Chance (0..1) of missing a step of each kind altogether.
    pub miss_act: f64,
    pub miss_report: f64,
    pub miss_share: f64,
    pub miss_relay: f64,
}

const fn fixed(min: Secs) -> Delay {
    Delay { min, spread: 0 }
}

const fn minutes(min: Secs, spread: Secs) -> Delay {
    Delay {
        min: min * 60,
        spread: spread * 60,
    }
}

impl Params {
    pub const TEXTBOOK: Params = Params {
        plays: true,
        act: fixed(120),
        report: fixed(120),
        share: fixed(120),
        relay: fixed(120),
        miss_act: 0.0,
        miss_report: 0.0,
        miss_share: 0.0,
        miss_relay: 0.0,
    };

    /// From noticing to doing: actions 5 min + ~10, reports 5 + ~15, warnings to
    /// dependants 10 + ~20, passing on 5 + ~15; missed: 15 % of actions, 10 % of
    /// reports, 30 % of warnings, 20 % of relays.
    pub const REALISTIC: Params = Params {
        plays: true,
        act: minutes(5, 10),
        report: minutes(5, 15),
        share: minutes(10, 20),
        relay: minutes(5, 15),
        miss_act: 0.15,
        miss_report: 0.10,
        miss_share: 0.30,
        miss_relay: 0.20,
    };

    pub const ABSENT: Params = Params {
        plays: false,
        ..Params::TEXTBOOK
    };

    /// The delay and chance of missing for `kind`.
    pub fn of(&self, kind: StepKind) -> (Delay, f64) {
        match kind {
            StepKind::Act => (self.act, self.miss_act),
            StepKind::Report => (self.report, self.miss_report),
            StepKind::Share => (self.share, self.miss_share),
            StepKind::Relay => (self.relay, self.miss_relay),
        }
    }
}

/// `chance` (0..1) as a threshold for [`crate::engine::Dice::below`].
pub(crate) fn threshold(chance: f64) -> u32 {
    (chance.clamp(0.0, 1.0) * u32::MAX as f64) as u32
}
