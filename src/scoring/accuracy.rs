//! Picture accuracy: the statuses and severities teams claimed in their messages
//! against the ground truth when they sent them.

use super::facts::Facts;
use super::model::{Accuracy, Claim, Claimed, TeamAccuracy};
use crate::engine::EntryKind;
use crate::scenario::ThreatId;

pub(super) fn accuracy(f: &Facts) -> Accuracy {
    // When each threat first did something (its first successful step's entry id).
    let mut began: Vec<Option<u64>> = vec![None; f.sc.threats.len()];
    for e in &f.journal.entries {
        if let EntryKind::Compromised { threat, .. } | EntryKind::Impact { threat, .. } = &e.kind {
            began[threat.idx()].get_or_insert(e.id);
        }
    }
    let mut claims = Vec::new();
    for m in f.msgs.iter().flatten().filter(|m| m.forwarded.is_none()) {
        let Some(team) = m.from else { continue };
        if let Some(claimed) = m.status {
            for &service in &m.services {
                let actual = f.state_before(service, m.entry).status;
                claims.push(Claim {
                    message: m.id,
                    team,
                    at: m.sent,
                    claimed: Claimed::Status {
                        service,
                        claimed,
                        actual,
                    },
                    correct: claimed == actual,
                });
            }
        }
        if let Some(claimed) = m.severity {
            // What it names decides what it is about; without a named target, what it cites.
            let named: Vec<ThreatId> = (0..f.sc.threats.len() as u32)
                .map(ThreatId)
                .filter(|t| {
                    m.services
                        .iter()
                        .any(|s| f.targets[t.idx()].binary_search(s).is_ok())
                })
                .collect();
            let about = if named.is_empty() {
                f.threats_of(m)
            } else {
                named
            };
            let actual = about
                .into_iter()
                .filter(|t: &ThreatId| began[t.idx()].is_some_and(|b| b < m.entry))
                .map(|t| f.sc.threats[t.idx()].severity)
                .max();
            if let Some(actual) = actual {
                let correct = claimed == actual;
                claims.push(Claim {
                    message: m.id,
                    team,
                    at: m.sent,
                    claimed: Claimed::Severity { claimed, actual },
                    correct,
                });
            }
        }
    }
    let mut teams: Vec<TeamAccuracy> = Vec::new();
    for c in &claims {
        let pos = match teams.iter().position(|t| t.team == c.team) {
            Some(p) => p,
            None => {
                teams.push(TeamAccuracy {
                    team: c.team,
                    checked: 0,
                    correct: 0,
                });
                teams.len() - 1
            }
        };
        teams[pos].checked += 1;
        teams[pos].correct += u32::from(c.correct);
    }
    teams.sort_by_key(|t| t.team);
    let right = claims.iter().filter(|c| c.correct).count();
    let share = (!claims.is_empty()).then(|| right as f64 / claims.len() as f64);
    Accuracy {
        claims,
        teams,
        share,
    }
}
