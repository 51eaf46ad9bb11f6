//! Deadlines the reporting chain cannot meet: for each threat, the fastest report from
//! its owner teams to a ministry desk or the centre against the report deadline, and
//! the fastest message to each dependent team against the share deadline (the phase
//! rules of `scoring`: a report must come from an owner itself, news may be relayed).

use super::Finding;
use super::reach::Reach;
use crate::scenario::Seg::Field as F;
use crate::scenario::{ProblemKind, Role, ServiceId, StepKind, TeamId, Threat};

pub(super) fn findings(r: &Reach, out: &mut Vec<Finding>) {
    let sc = r.sc;
    let Some(last) = sc.scoring.deadlines.len().checked_sub(1) else {
        return;
    };
    for threat in &sc.threats {
        let targets = targets(threat);
        let owners: Vec<TeamId> = r
            .teams()
            .filter(|t| targets.iter().any(|s| plays(r, *t, *s)))
            .collect();
        if owners.is_empty() {
            continue; // Not scored: nobody answers for it.
        }
        let deadlines = sc.scoring.deadlines[usize::from(threat.severity).min(last)];
        let at =
            |kind, hint: &str| Finding::new("threats", &threat.id, vec![F("severity")], kind, hint);

        let desk = |t: TeamId| matches!(sc.teams[t.idx()].role, Role::Ministry | Role::Centre);
        let report = sc
            .channels
            .iter()
            .filter(|c| owners.contains(&c.from) && c.to != c.from && desk(c.to))
            .map(|c| c.latency)
            .min();
        if report.is_none_or(|took| took > deadlines.report) {
            let hint = if report.is_some() {
                "shorten the owners' channels to a ministry desk or the centre, or lengthen \
                 the report deadline for this severity"
            } else {
                "add a channel from a team playing one of its targets to a ministry desk or \
                 the centre"
            };
            let kind = ProblemKind::SlowReport {
                threat: threat.id.clone(),
                took: report,
                deadline: deadlines.report,
            };
            out.push(at(kind, hint));
        }

        let fastest = r.fastest(&owners);
        for d in dependents(r, &targets, &owners) {
            let took = fastest[d.idx()];
            if took.is_some_and(|t| t <= deadlines.share) {
                continue;
            }
            let hint = if took.is_some() {
                "shorten the channels on the way to this team, or lengthen the share deadline \
                 for this severity"
            } else {
                "add channels that lead from the owners to this team"
            };
            let kind = ProblemKind::SlowShare {
                threat: threat.id.clone(),
                team: sc.teams[d.idx()].id.clone(),
                took,
                deadline: deadlines.share,
            };
            out.push(at(kind, hint));
        }
    }
}

/// Whether `team` plays the owner of `service`.
fn plays(r: &Reach, team: TeamId, service: ServiceId) -> bool {
    r.player.get(service.idx()).copied().flatten() == Some(team)
}

/// Every service the threat's steps name, in id order.
fn targets(threat: &Threat) -> Vec<ServiceId> {
    let mut v: Vec<ServiceId> = threat
        .steps
        .iter()
        .flat_map(|s| match s.kind {
            StepKind::Compromise { service } | StepKind::Impact { service, .. } => {
                [Some(service), None]
            }
            StepKind::Spread { from, to } => [Some(from), Some(to)],
        })
        .flatten()
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The teams other than the owners, ministry desks and the centre that play a service
/// downstream of (or among) the targets.
fn dependents(r: &Reach, targets: &[ServiceId], owners: &[TeamId]) -> Vec<TeamId> {
    let sc = r.sc;
    let mut seen = vec![false; sc.services.len()];
    let mut stack: Vec<ServiceId> = targets.to_vec();
    for s in &stack {
        seen[s.idx()] = true;
    }
    while let Some(s) = stack.pop() {
        for &to in &r.out_edges[s.idx()] {
            if !seen[to.idx()] {
                seen[to.idx()] = true;
                stack.push(to);
            }
        }
    }
    let mut teams: Vec<TeamId> = (0..seen.len())
        .filter(|&s| seen[s])
        .filter_map(|s| r.player[s])
        .filter(|t| !owners.contains(t))
        .filter(|t| !matches!(sc.teams[t.idx()].role, Role::Ministry | Role::Centre))
        .collect();
    teams.sort();
    teams.dedup();
    teams
}
