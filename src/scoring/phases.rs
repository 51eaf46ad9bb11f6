//! Incidents and their five phases: when each was done, against its deadline.

use super::facts::Facts;
use super::model::{IncidentScore, Outcome, Phase, PhaseScore, Reach};
use super::recovery::{contain, restore};
use crate::engine::EntryKind;
use crate::scenario::{MessageKind, Role, Secs, ServiceId, TeamId, ThreatId};

/// Every threat that did something, as an incident with its phases judged (points
/// are filled in later).
pub(super) fn incidents(f: &Facts) -> Vec<IncidentScore> {
    (0..f.sc.threats.len() as u32)
        .map(ThreatId)
        .filter_map(|t| incident(f, t))
        .collect()
}

fn incident(f: &Facts, t: ThreatId) -> Option<IncidentScore> {
    let mut hits: Vec<ServiceId> = Vec::new();
    let mut start = None;
    for e in f.journal.entries.iter().take_while(|e| e.at <= f.end) {
        if let EntryKind::Compromised {
            threat, service, ..
        }
        | EntryKind::Impact {
            threat, service, ..
        } = &e.kind
            && *threat == t
        {
            start.get_or_insert(e.at);
            if !hits.contains(service) {
                hits.push(*service);
            }
        }
    }
    let start = start?;
    let severity = f.sc.threats[t.idx()].severity;
    let deadlines =
        f.sc.scoring.deadlines[usize::from(severity).min(f.sc.scoring.deadlines.len() - 1)];
    let mut owners: Vec<TeamId> = hits
        .iter()
        .flat_map(|s| f.players[s.idx()].iter().copied())
        .collect();
    owners.sort();
    owners.dedup();
    let dependents = dependents(f, t, &owners);
    let reached: Vec<Reach> = dependents
        .iter()
        .map(|&d| Reach {
            team: d,
            at: first_news(f, t, d),
        })
        .collect();

    let owned = !owners.is_empty();
    let share = if reached.iter().all(|r| r.at.is_some()) {
        reached.iter().filter_map(|r| r.at).max()
    } else {
        None
    };
    let restore = restore(f, t);
    let done = [
        (owned, detect(f, t, &owners)),
        (owned, report(f, t, &owners)),
        (!dependents.is_empty(), share),
        (owned, contain(f, t)),
        (owned && restore.is_some(), restore.flatten()),
    ];
    let limits = [
        deadlines.detect,
        deadlines.report,
        deadlines.share,
        deadlines.contain,
        deadlines.restore,
    ];
    let phases = Phase::ALL
        .iter()
        .zip(done)
        .zip(limits)
        .map(|((&phase, (applies, at)), deadline)| {
            judge(phase, applies, start, deadline, at, f.end)
        })
        .collect();
    Some(IncidentScore {
        threat: t,
        severity,
        start,
        hits,
        owners,
        dependents,
        phases,
        reached,
        score: None,
    })
}

/// Judge one phase done at `at` (or not) against `deadline` after `start`.
fn judge(
    phase: Phase,
    applies: bool,
    start: Secs,
    deadline: Secs,
    at: Option<Secs>,
    end: Secs,
) -> PhaseScore {
    let took = at.map(|a| a.saturating_sub(start));
    let (outcome, credit) = match took {
        _ if !applies => (Outcome::NotApplicable, 0.0),
        Some(d) if d <= deadline => (Outcome::OnTime, 1.0),
        Some(d) if deadline == 0 => (Outcome::Late, if d == 0 { 1.0 } else { 0.0 }),
        Some(d) => (
            Outcome::Late,
            (1.0 - (d - deadline) as f64 / deadline as f64).max(0.0),
        ),
        None if start.saturating_add(deadline) <= end => (Outcome::Missed, 0.0),
        None => (Outcome::Open, 0.0),
    };
    let at = if applies { at } else { None };
    let took = if applies { took } else { None };
    PhaseScore {
        phase,
        deadline,
        done_at: at,
        took,
        outcome,
        credit,
        points: 0.0,
        max_points: 0.0,
    }
}

/// Teams other than the owners, desks and the centre that play a service downstream
/// of one of the threat's targets.
fn dependents(f: &Facts, t: ThreatId, owners: &[TeamId]) -> Vec<TeamId> {
    let n = f.sc.services.len();
    let mut seen = vec![false; n];
    let mut stack: Vec<ServiceId> = f.targets[t.idx()].clone();
    for s in &stack {
        seen[s.idx()] = true;
    }
    let mut out_edges: Vec<Vec<ServiceId>> = vec![Vec::new(); n];
    for d in &f.sc.dependencies {
        out_edges[d.from.idx()].push(d.to);
    }
    while let Some(s) = stack.pop() {
        for &to in &out_edges[s.idx()] {
            if !seen[to.idx()] {
                seen[to.idx()] = true;
                stack.push(to);
            }
        }
    }
    let mut teams: Vec<TeamId> = (0..n)
        .filter(|&s| seen[s])
        .flat_map(|s| f.players[s].iter().copied())
        .filter(|t| !owners.contains(t) && !matches!(f.role(*t), Role::Ministry | Role::Centre))
        .collect();
    teams.sort();
    teams.dedup();
    teams
}

/// The first time a team message about `t` reached `team`.
pub(super) fn first_news(f: &Facts, t: ThreatId, team: TeamId) -> Option<Secs> {
    f.deliveries
        .iter()
        .filter(|d| d.to == team)
        .find(|d| {
            f.msg(d.message)
                .is_some_and(|m| m.from.is_some() && f.about(m, t))
        })
        .map(|d| d.at)
}

fn detect(f: &Facts, t: ThreatId, owners: &[TeamId]) -> Option<Secs> {
    f.journal
        .entries
        .iter()
        .take_while(|e| e.at <= f.end)
        .find_map(|e| match &e.kind {
            EntryKind::Detected { team, incident, .. }
                if owners.contains(team)
                    && f.incident_threat.get(incident.idx()).copied().flatten() == Some(t) =>
            {
                Some(e.at)
            }
            _ => None,
        })
}

fn report(f: &Facts, t: ThreatId, owners: &[TeamId]) -> Option<Secs> {
    f.deliveries
        .iter()
        .filter(|d| matches!(f.role(d.to), Role::Ministry | Role::Centre))
        .find(|d| {
            f.msg(d.message).is_some_and(|m| {
                m.from.is_some_and(|s| owners.contains(&s))
                    && m.kind != MessageKind::PublicStatement
                    && f.about(m, t)
            })
        })
        .map(|d| d.at)
}
