//! Enums the scenario file and the validated scenario share, because nothing in them
//! names another item: organisation kinds, monitoring levels, dependency kinds and
//! effects, team roles, threat impacts, message kinds and action targets. Their
//! numbers (a degrade level, an impact's capacity) are checked by validation.

use super::model::Secs;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgKind {
    Operator,
    Ministry,
    Ceptoar,
    Centre,
    Organiser,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Monitoring {
    Low,
    Medium,
    High,
}

impl Monitoring {
    /// Mean time for the CSIRT to notice a compromise of stealth 0.
    pub fn mean_detect_secs(self) -> Secs {
        match self {
            Monitoring::High => 10 * 60,
            Monitoring::Medium => 30 * 60,
            Monitoring::Low => 2 * 3600,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DepKind {
    Physical,
    Cyber,
    Geographic,
    Logical,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// The dependent goes down (capacity 0) when the provider is down.
    Fail,
    /// The dependent keeps at most this capacity.
    Degrade(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Operator,
    Ministry,
    Ceptoar,
    Centre,
    Organiser,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Impact {
    Outage,
    Degradation(f64),
    DataTampering,
    Ddos(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageKind {
    Report,
    Alert,
    Request,
    Information,
    PublicStatement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    OwnService,
    OwnCompromised,
    Organisation,
}
