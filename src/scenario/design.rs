//! What a drill is for, validated: its pattern, its objectives and the actions the
//! players are expected to take, each tied to the inject or threat it answers and to
//! an objective. People read these (the evaluator's checklist, the MSEL, the report);
//! the engine never does, so they change no run.
//!
//! The design is kept beside the [`Scenario`](super::Scenario), not in it: what a
//! trainee's seat is sent of a scenario never holds it.

use super::model::{ActionId, InjectId, MessageKind, Secs, ServiceId, TeamId, Text, ThreatId};
use serde::{Deserialize, Serialize};

super::model::index_type!(
    "design's":
    /// Index into [`Design::objectives`].
    ObjectiveId,
    /// Index into [`Design::expectations`].
    ExpectId,
);

/// A scenario's pattern, objectives and expected actions (all empty where it has none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Design {
    /// The pattern of incident the drill rehearses.
    pub pattern: Option<Text>,
    pub objectives: Vec<Objective>,
    /// The expected actions: those under threats first, then those under injects, each
    /// in file order.
    pub expectations: Vec<Expectation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: String,
    pub text: Text,
}

/// What an expected action answers: its clock starts when the threat starts or the
/// inject fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    Threat(ThreatId),
    Inject(InjectId),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expectation {
    pub id: String,
    pub anchor: Anchor,
    pub team: TeamId,
    pub what: Text,
    /// Seconds after the anchor.
    pub by: Secs,
    pub objective: ObjectiveId,
    pub seen: Option<Evidence>,
}

/// What in the journal shows an expected action was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Evidence {
    /// The team sent (forwarded, broadcast) a message of this kind to this team.
    Sends {
        kind: Option<MessageKind>,
        to: Option<TeamId>,
    },
    /// The team started this action (on this service).
    Takes {
        action: ActionId,
        on: Option<ServiceId>,
    },
}

impl Design {
    /// Find an expected action by its string id.
    pub fn expectation_by_id(&self, id: &str) -> Option<ExpectId> {
        self.expectations
            .iter()
            .position(|e| e.id == id)
            .map(|i| ExpectId(i as u32))
    }

    /// The expected actions linked to `objective`, in order.
    pub fn expectations_of(
        &self,
        objective: ObjectiveId,
    ) -> impl Iterator<Item = (ExpectId, &Expectation)> {
        self.expectations
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.objective == objective)
            .map(|(i, e)| (ExpectId(i as u32), e))
    }
}
