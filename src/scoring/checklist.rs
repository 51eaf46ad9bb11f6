//! The evaluator's checklist: for each expected action of the design whose time has
//! come (its inject fired, its threat started), when it is due, what the journal shows
//! of it (a message sent, an action started: observed in time, partly when late, not
//! observed once the time is past), and what the evaluator recorded.

use crate::engine::{ActionTarget, Command, EntryKind, Journal, Sender, Verdict};
use crate::scenario::{Anchor, Design, Evidence, ExpectId, Secs};

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub expectation: ExpectId,
    /// When its inject fired or its threat started.
    pub since: Secs,
    /// When it is due.
    pub due: Secs,
    /// What the journal shows, where the design says how to see it.
    pub suggested: Option<Suggested>,
    /// The evaluator's last finding on it.
    pub recorded: Option<Finding>,
}

/// A verdict read off the journal, with the entries that show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggested {
    pub verdict: Verdict,
    /// Journal entry ids of the evidence (the first match).
    pub entries: Vec<u64>,
}

/// What an evaluator recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub verdict: Verdict,
    pub note: String,
    pub at: Secs,
    /// The journal entry of the command.
    pub entry: u64,
}

impl Check {
    /// The verdict that stands: the evaluator's, else the journal's.
    pub fn verdict(&self) -> Option<Verdict> {
        self.recorded
            .as_ref()
            .map(|f| f.verdict)
            .or(self.suggested.as_ref().map(|s| s.verdict))
    }
}

/// The checklist at `now`: the expected actions whose anchor happened by then, in the
/// design's order.
pub fn checklist(d: &Design, journal: &Journal, now: Secs) -> Vec<Check> {
    let entries: Vec<_> = journal.entries.iter().take_while(|e| e.at <= now).collect();
    let mut out = Vec::new();
    for (i, x) in d.expectations.iter().enumerate() {
        let since = entries.iter().find_map(|e| match (&e.kind, x.anchor) {
            (EntryKind::ThreatStarted { threat, .. }, Anchor::Threat(t)) if *threat == t => {
                Some(e.at)
            }
            (EntryKind::InjectFired { inject, .. }, Anchor::Inject(j)) if *inject == j => {
                Some(e.at)
            }
            _ => None,
        });
        let Some(since) = since else {
            continue;
        };
        let due = since + x.by;
        let shown = x.seen.and_then(|ev| {
            entries
                .iter()
                .filter(|e| e.at >= since)
                .find(|e| shows(&e.kind, x.team, ev))
                .map(|e| (e.at, e.id))
        });
        let suggested = match (x.seen, shown) {
            (None, _) => None,
            (Some(_), Some((at, id))) => Some(Suggested {
                verdict: if at <= due {
                    Verdict::Observed
                } else {
                    Verdict::Partly
                },
                entries: vec![id],
            }),
            (Some(_), None) if now > due => Some(Suggested {
                verdict: Verdict::NotObserved,
                entries: vec![],
            }),
            (Some(_), None) => None,
        };
        let recorded = entries.iter().rev().find_map(|e| match &e.kind {
            EntryKind::Command(c) => match &**c {
                Command::Assess {
                    expectation,
                    verdict,
                    note,
                } if *expectation == x.id => Some(Finding {
                    verdict: *verdict,
                    note: note.clone(),
                    at: e.at,
                    entry: e.id,
                }),
                _ => None,
            },
            _ => None,
        });
        out.push(Check {
            expectation: ExpectId(i as u32),
            since,
            due,
            suggested,
            recorded,
        });
    }
    out
}

/// Whether `kind` is `team` doing what `ev` describes.
fn shows(kind: &EntryKind, team: crate::scenario::TeamId, ev: Evidence) -> bool {
    match (kind, ev) {
        (
            EntryKind::MessageSent {
                from,
                to: recipients,
                kind: k,
                ..
            },
            Evidence::Sends { kind, to },
        ) => {
            **from == Sender::Team(team)
                && kind.is_none_or(|want| want == *k)
                && to.is_none_or(|t| recipients.contains(&t))
        }
        (
            EntryKind::ActionStarted {
                team: t,
                action: a,
                target,
                ..
            },
            Evidence::Takes { action, on },
        ) => *t == team && *a == action && on.is_none_or(|s| *target == ActionTarget::Service(s)),
        _ => false,
    }
}
