//! What a scenario's structure allows at all, worked out once for every rule: which
//! services anything can affect or take down, which teams a message can reach, which
//! team may take which action, and the fastest message paths between teams.

use crate::scenario::{
    Action, ActionEffect, Delivery, Scenario, Secs, ServiceId, StepKind, Target, Team, TeamId,
};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The scenario and what it allows.
pub(super) struct Reach<'s> {
    pub sc: &'s Scenario,
    /// Services a threat step or an inject names (by id or area), and everything
    /// downstream of them.
    pub affected: Vec<bool>,
    /// Services that can go down: the affected ones, those a team's own action can cut
    /// off or run at nothing, and everything downstream of them.
    pub downable: Vec<bool>,
    /// Teams some channel goes to.
    pub by_channel: Vec<bool>,
    /// Teams an inject message is addressed to.
    pub by_inject: Vec<bool>,
    /// Each service's dependents.
    pub out_edges: Vec<Vec<ServiceId>>,
    /// The team playing each service's owner (validation lets one team at most play
    /// an organisation).
    pub player: Vec<Option<TeamId>>,
    /// Whether each team plays a service.
    has_service: Vec<bool>,
}

impl<'s> Reach<'s> {
    pub fn new(sc: &'s Scenario) -> Self {
        let n = sc.services.len();
        let player: Vec<Option<TeamId>> = sc
            .services
            .iter()
            .map(|s| {
                let t = sc.teams.iter().position(|t| t.controls.contains(&s.owner));
                t.map(|t| TeamId(t as u32))
            })
            .collect();
        let mut has_service = vec![false; sc.teams.len()];
        for t in player.iter().flatten() {
            has_service[t.idx()] = true;
        }
        let seeds = touched(sc);
        // A team able to cut off what it plays can take any of its services down.
        let cutters: Vec<bool> = sc
            .teams
            .iter()
            .map(|t| sc.actions.iter().any(|a| cuts_off(a) && role_may(t, a)))
            .collect();
        let cut: Vec<bool> = (0..n)
            .map(|i| seeds[i] || player[i].is_some_and(|t| cutters[t.idx()]))
            .collect();
        let mut out_edges: Vec<Vec<ServiceId>> = vec![Vec::new(); n];
        for d in &sc.dependencies {
            if let Some(o) = out_edges.get_mut(d.from.idx()) {
                o.push(d.to);
            }
        }
        let teams = sc.teams.len();
        Reach {
            sc,
            affected: downstream(&out_edges, seeds),
            downable: downstream(&out_edges, cut),
            by_channel: marked(teams, sc.channels.iter().map(|c| c.to)),
            by_inject: marked(
                teams,
                sc.injects
                    .iter()
                    .flat_map(|i| &i.deliver)
                    .flat_map(|d| match d {
                        Delivery::Message { to, .. } => to.clone(),
                        _ => Vec::new(),
                    }),
            ),
            out_edges,
            player,
            has_service,
        }
    }

    /// Whether `team` may take `action` on something: its role is allowed, and it has
    /// a target of the action's kind.
    pub fn may_take(&self, team: TeamId, action: &Action) -> bool {
        let t = &self.sc.teams[team.idx()];
        role_may(t, action)
            && match action.target {
                Target::OwnService | Target::OwnCompromised => self.has_service[team.idx()],
                Target::Organisation => !t.controls.is_empty(),
            }
    }

    /// The teams.
    pub fn teams(&self) -> impl Iterator<Item = TeamId> + use<> {
        (0..self.sc.teams.len() as u32).map(TeamId)
    }

    /// The fastest message path from any of `from` to each team over the channels
    /// (relaying adds nothing to the latencies); `None` where no path leads.
    pub fn fastest(&self, from: &[TeamId]) -> Vec<Option<Secs>> {
        let mut best: Vec<Option<Secs>> = vec![None; self.sc.teams.len()];
        let mut queue = BinaryHeap::new();
        for &t in from {
            if let Some(b) = best.get_mut(t.idx()) {
                *b = Some(0);
                queue.push(Reverse((0, t.0)));
            }
        }
        while let Some(Reverse((d, t))) = queue.pop() {
            if best[t as usize].is_some_and(|b| b < d) {
                continue;
            }
            for c in self.sc.channels.iter().filter(|c| c.from.0 == t) {
                let next = d.saturating_add(c.latency);
                let Some(b) = best.get_mut(c.to.idx()) else {
                    continue;
                };
                if b.is_none_or(|b| next < b) {
                    *b = Some(next);
                    queue.push(Reverse((next, c.to.0)));
                }
            }
        }
        best
    }
}

/// Whether `team`'s role is one `action` allows.
pub(super) fn role_may(team: &Team, action: &Action) -> bool {
    action.roles.contains(&team.role)
}

/// The services a threat step or an inject names, by id or by area.
fn touched(sc: &Scenario) -> Vec<bool> {
    let mut seen = vec![false; sc.services.len()];
    let mut mark = |s: ServiceId| {
        if let Some(x) = seen.get_mut(s.idx()) {
            *x = true;
        }
    };
    for step in sc.threats.iter().flat_map(|t| &t.steps) {
        match step.kind {
            StepKind::Compromise { service } | StepKind::Impact { service, .. } => mark(service),
            StepKind::Spread { from, to } => {
                mark(from);
                mark(to);
            }
        }
    }
    for d in sc.injects.iter().flat_map(|i| &i.deliver) {
        match d {
            Delivery::SetCapacity { service, .. } => mark(*service),
            Delivery::AreaEvent { area, .. } => {
                for (i, s) in sc.services.iter().enumerate() {
                    if s.area.as_ref() == Some(area) {
                        mark(ServiceId(i as u32));
                    }
                }
            }
            Delivery::Message { .. } | Delivery::StartThreat(_) => {}
        }
    }
    seen
}

/// Which of `n` teams `teams` names.
fn marked(n: usize, teams: impl Iterator<Item = TeamId>) -> Vec<bool> {
    let mut seen = vec![false; n];
    for t in teams {
        if let Some(x) = seen.get_mut(t.idx()) {
            *x = true;
        }
    }
    seen
}

/// Whether an action can bring its own target to nothing: isolate it, or run it on
/// backup or by hand at no capacity.
fn cuts_off(a: &Action) -> bool {
    a.effects.iter().any(|e| match e {
        ActionEffect::Isolate => true,
        ActionEffect::Backup(c) | ActionEffect::Manual(c) => *c <= 0.0,
        _ => false,
    })
}

/// `seeds` and every service downstream of one of them along the dependencies.
fn downstream(out: &[Vec<ServiceId>], mut seen: Vec<bool>) -> Vec<bool> {
    let mut stack: Vec<usize> = (0..seen.len()).filter(|&i| seen[i]).collect();
    while let Some(s) = stack.pop() {
        for to in out.get(s).into_iter().flatten() {
            if let Some(x) = seen.get_mut(to.idx())
                && !*x
            {
                *x = true;
                stack.push(to.idx());
            }
        }
    }
    seen
}
