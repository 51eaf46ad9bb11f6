//! Raw serde types of a drill's design: its pattern, its objectives and the actions
//! players are expected to take (listed under the inject or threat they answer).
//! Nothing here is checked beyond syntax; `validate` resolves every id.

use super::kinds::MessageKind;
use super::raw::RawText;
use serde::{Deserialize, Serialize};

/// An exercise objective: what the drill is to verify ("the contact path from operators
/// to the centre works within 30 minutes").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    pub id: String,
    pub text: RawText,
}

/// An action the players are expected to take in answer to an inject or a threat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    /// Unique among the scenario's expected actions; the checklist records it.
    pub id: String,
    /// The team expected to act.
    pub team: String,
    /// What they are expected to do, in words the evaluator reads.
    pub what: RawText,
    /// How long after the inject fires (or the threat starts) it should be done.
    pub by: String,
    /// The objective it shows.
    pub objective: String,
    /// What in the journal shows it was done; without it only the evaluator can tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<RawEvidence>,
}

/// What in the journal shows an expected action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RawEvidence {
    /// The team sends a message (of this kind, to this team; any where left out). A
    /// forward or a broadcast counts too.
    Sends {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<MessageKind>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    /// The team starts this action (on this service, where given).
    Takes {
        action: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<String>,
    },
}
