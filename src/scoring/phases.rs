//! Incidents and their five phases: when each was done, against its deadline.

use super::RESTORED_CAPACITY;
use super::facts::Facts;
use super::model::{IncidentScore, Outcome, Phase, PhaseScore, Reach};
use crate::engine::{ActionTarget, EntryKind};
use crate::scenario::{ActionEffect, Impact, MessageKind, Role, Secs, ServiceId, TeamId, ThreatId};

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

/// The services an action on `target` works on.
pub(super) fn target_services(f: &Facts, target: ActionTarget) -> Vec<ServiceId> {
    match target {
        ActionTarget::Service(s) => vec![s],
        ActionTarget::Organisation(o) => (0..f.sc.services.len())
            .filter(|&i| f.sc.services[i].owner == o)
            .map(|i| ServiceId(i as u32))
            .collect(),
    }
}

/// The last moment from which every foothold was cleaned or isolated and every
/// foothold-less hit mitigated, if that held at the end.
fn contain(f: &Facts, t: ThreatId) -> Option<Secs> {
    let n = f.sc.services.len();
    let (mut foothold, mut isolated, mut needs) = (vec![false; n], vec![false; n], vec![false; n]);
    let mut since = None;
    for e in f.journal.entries.iter().take_while(|e| e.at <= f.end) {
        match &e.kind {
            EntryKind::Compromised {
                threat, service, ..
            } if *threat == t => foothold[service.idx()] = true,
            EntryKind::Cleaned { threat, service } if *threat == t => {
                foothold[service.idx()] = false
            }
            EntryKind::Impact {
                threat, service, ..
            } if *threat == t => {
                if !foothold[service.idx()] {
                    needs[service.idx()] = true;
                }
            }
            EntryKind::ActionFinished { action, target, .. } => {
                for s in target_services(f, *target) {
                    for effect in &f.sc.actions[action.idx()].effects {
                        match effect {
                            ActionEffect::Isolate => isolated[s.idx()] = true,
                            ActionEffect::Restore => isolated[s.idx()] = false,
                            _ => {}
                        }
                        if matches!(
                            effect,
                            ActionEffect::Isolate
                                | ActionEffect::Restore
                                | ActionEffect::Backup(_)
                                | ActionEffect::Manual(_)
                        ) {
                            needs[s.idx()] = false;
                        }
                    }
                }
            }
            _ => continue,
        }
        let held = (0..n).all(|s| (!foothold[s] || isolated[s]) && !needs[s]);
        since = if held { since.or(Some(e.at)) } else { None };
    }
    since
}

/// `None`: the threat hit nothing (not applicable); `Some(None)`: not restored.
fn restore(f: &Facts, t: ThreatId) -> Option<Option<Secs>> {
    let mut first: Vec<(ServiceId, u64)> = Vec::new();
    let mut tampered: Vec<(ServiceId, u64)> = Vec::new();
    for e in f.journal.entries.iter().take_while(|e| e.at <= f.end) {
        if let EntryKind::Impact {
            threat,
            service,
            impact,
            ..
        } = &e.kind
            && *threat == t
        {
            if !first.iter().any(|(s, _)| s == service) {
                first.push((*service, e.id));
            }
            if matches!(impact, Impact::DataTampering) {
                tampered.retain(|(s, _)| s != service);
                tampered.push((*service, e.id));
            }
        }
    }
    if first.is_empty() {
        return None;
    }
    let mut latest = 0;
    for &(s, e0) in &first {
        let Some(at) = back_since(f, s, e0) else {
            return Some(None);
        };
        latest = latest.max(at);
    }
    for &(s, e0) in &tampered {
        let Some(at) = restored_by_action(f, s, e0) else {
            return Some(None);
        };
        latest = latest.max(at);
    }
    Some(Some(latest))
}

/// From when `s` has stayed at or above the restored share of full capacity, looking
/// from entry `e0` on.
fn back_since(f: &Facts, s: ServiceId, e0: u64) -> Option<Secs> {
    let before = f.state_before(s, e0);
    let threshold = RESTORED_CAPACITY - 1e-9;
    let at0 = f.journal.entries.get(e0 as usize).map_or(0, |e| e.at);
    let mut since = (before.cap >= threshold).then_some(at0);
    for p in f.series[s.idx()].iter().skip(1).filter(|p| p.entry > e0) {
        since = if p.cap >= threshold {
            since.or(Some(p.at))
        } else {
            None
        };
    }
    since
}

/// When an action that restores `s` first finished after entry `e0`.
fn restored_by_action(f: &Facts, s: ServiceId, e0: u64) -> Option<Secs> {
    f.journal
        .entries
        .iter()
        .skip(e0 as usize)
        .take_while(|e| e.at <= f.end)
        .find_map(|e| match &e.kind {
            EntryKind::ActionFinished { action, target, .. }
                if f.sc.actions[action.idx()]
                    .effects
                    .iter()
                    .any(|x| matches!(x, ActionEffect::Restore))
                    && target_services(f, *target).contains(&s) =>
            {
                Some(e.at)
            }
            _ => None,
        })
}
