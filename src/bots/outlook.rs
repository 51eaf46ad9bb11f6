//! What a team knows before the exercise starts, worked out once per scenario for
//! every bot: whom it can write to, who depends on which service, and which of the
//! scenario's actions fit each need. Only the scenario's published structure: the
//! briefing a trainee in the seat has, never the run's ground truth.

use crate::scenario::{
    ActionEffect, ActionId, Lang, OrgId, Role, Scenario, Secs, ServiceId, Target, TeamId,
};

/// The best action of the scenario for one need of one team, if it has one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Kit {
    /// Cut a suspected service off (an `Isolate` action).
    pub isolate: Option<ActionId>,
    /// Remove a foothold (the quickest action with `Patch`), and whether it also
    /// restores.
    pub clean: Option<(ActionId, bool)>,
    /// Bring a cleaned or tampered service back (the quickest `Restore` action).
    pub restore: Option<ActionId>,
    /// Keep a service running without its providers: (action, capacity), best first.
    pub fallbacks: Vec<(ActionId, f64)>,
    /// Bring generator fuel.
    pub refuel: Option<ActionId>,
    /// Activate the business-continuity plan for an organisation.
    pub bcp: Option<ActionId>,
}

/// One team's outlook.
#[derive(Debug, Clone)]
pub(crate) struct Seat {
    pub role: Role,
    pub orgs: Vec<OrgId>,
    /// Teams it has a channel to, with their roles.
    pub recipients: Vec<(TeamId, Role)>,
    pub kit: Kit,
}

/// Every team's outlook, and who depends on each service.
#[derive(Debug, Clone)]
pub struct Outlook {
    pub(crate) seats: Vec<Seat>,
    /// For each service: the teams (operators and organisers) controlling a service
    /// that depends on it directly.
    pub(crate) customers: Vec<Vec<TeamId>>,
    /// For each service: the services depending on it directly.
    pub(crate) dependants: Vec<Vec<ServiceId>>,
    /// For each service: the teams controlling it.
    pub(crate) owners: Vec<Vec<TeamId>>,
    /// Each action's duration.
    pub(crate) durations: Vec<Secs>,
    /// What bots write, in the scenario's language.
    pub(crate) texts: Texts,
}

/// The texts of a bot's messages (worded once per scenario).
#[derive(Debug, Clone)]
pub(crate) struct Texts {
    pub report: String,
    pub alert: String,
    pub relay: String,
    pub forward: String,
}

impl Texts {
    fn new(lang: Lang) -> Texts {
        let say = |id| crate::words::say(lang, id);
        Texts {
            report: say("bot-text-report"),
            alert: say("bot-text-alert"),
            relay: say("bot-text-relay"),
            forward: say("bot-text-forward"),
        }
    }
}

fn plays_services(role: Role) -> bool {
    matches!(role, Role::Operator | Role::Organiser)
}

impl Outlook {
    pub fn new(s: &Scenario) -> Outlook {
        let mut owners = vec![Vec::new(); s.services.len()];
        for (t, team) in s.teams.iter().enumerate() {
            for (i, svc) in s.services.iter().enumerate() {
                if team.controls.contains(&svc.owner) {
                    owners[i].push(TeamId(t as u32));
                }
            }
        }
        let mut customers: Vec<Vec<TeamId>> = vec![Vec::new(); s.services.len()];
        let mut dependants: Vec<Vec<ServiceId>> = vec![Vec::new(); s.services.len()];
        for d in &s.dependencies {
            dependants[d.from.idx()].push(d.to);
            for &t in &owners[d.to.idx()] {
                let list = &mut customers[d.from.idx()];
                if plays_services(s.teams[t.idx()].role) && !list.contains(&t) {
                    list.push(t);
                }
            }
        }
        let seats = s
            .teams
            .iter()
            .enumerate()
            .map(|(t, team)| {
                let mut recipients: Vec<(TeamId, Role)> = s
                    .channels
                    .iter()
                    .filter(|c| c.from.idx() == t)
                    .map(|c| (c.to, s.teams[c.to.idx()].role))
                    .collect();
                recipients.sort_by_key(|r| r.0);
                recipients.dedup_by_key(|r| r.0);
                Seat {
                    role: team.role,
                    orgs: team.controls.clone(),
                    recipients,
                    kit: kit(s, team.role),
                }
            })
            .collect();
        Outlook {
            seats,
            customers,
            dependants,
            owners,
            durations: s.actions.iter().map(|a| a.duration).collect(),
            texts: Texts::new(s.language),
        }
    }
}

/// The actions of `s` a team of `role` may take, picked for each need.
fn kit(s: &Scenario, role: Role) -> Kit {
    let mut k = Kit::default();
    let mine = s
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.roles.contains(&role))
        .map(|(i, a)| (ActionId(i as u32), a));
    let quicker = |best: Option<ActionId>, id: ActionId| match best {
        Some(b) if s.actions[b.idx()].duration <= s.actions[id.idx()].duration => Some(b),
        _ => Some(id),
    };
    for (id, a) in mine {
        let on_service = a.target != Target::Organisation;
        let has = |e: fn(&ActionEffect) -> bool| a.effects.iter().any(e);
        let only = a.effects.len() == 1;
        if on_service && only && has(|e| matches!(e, ActionEffect::Isolate)) {
            k.isolate = quicker(k.isolate, id);
        }
        if on_service && has(|e| matches!(e, ActionEffect::Patch)) {
            let best = k.clean.map(|c| c.0);
            if quicker(best, id) == Some(id) {
                k.clean = Some((id, has(|e| matches!(e, ActionEffect::Restore))));
            }
        }
        if on_service && only && has(|e| matches!(e, ActionEffect::Restore)) {
            k.restore = quicker(k.restore, id);
        }
        if on_service && only && has(|e| matches!(e, ActionEffect::Refuel(_))) {
            k.refuel = quicker(k.refuel, id);
        }
        if !on_service && has(|e| matches!(e, ActionEffect::Bcp)) {
            k.bcp = quicker(k.bcp, id);
        }
        for e in &a.effects {
            if let (true, ActionEffect::Backup(c) | ActionEffect::Manual(c)) = (on_service, e) {
                k.fallbacks.push((id, *c));
            }
        }
    }
    // Highest capacity first; the quicker of two equal ones.
    k.fallbacks.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then(
            s.actions[a.0.idx()]
                .duration
                .cmp(&s.actions[b.0.idx()].duration),
        )
    });
    k
}
