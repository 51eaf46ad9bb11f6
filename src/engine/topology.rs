//! What the engine precomputes once per scenario: dependency adjacency in CSR arrays,
//! who controls what, channels, areas. Shared between engines through an `Arc`.

use super::hugepages;
use crate::scenario::{
    Condition, Delivery, DepKind, Effect, Monitoring, Scenario, Secs, ServiceId, StepKind, TeamId,
    Trigger,
};

/// Capacities inside the engine are whole thousandths ("millis"): 0..=1000.
pub(crate) const FULL: u16 = 1000;

/// A capacity 0..1 as millis (rounded; out-of-range values clamped).
pub(crate) fn millis(x: f64) -> u16 {
    if x.is_nan() {
        return 0;
    }
    (x.clamp(0.0, 1.0) * 1000.0).round() as u16
}

/// In a [`Link`]'s `to`: the edge is physical.
pub(crate) const TO_PHYS: u32 = 1 << 31;
/// In a [`Link`]'s `to`: the edge applies with a chance.
pub(crate) const TO_CHANCY: u32 = 1 << 30;
/// The dependent's index itself.
pub(crate) const TO_MASK: u32 = (1 << 30) - 1;

/// One dependency edge as the fan-out loop reads it, 8 bytes: an edge's place in
/// [`Topology::links`] is its slot. The topology holds each edge's starting state;
/// every engine copies the array and keeps the limit current in its own copy, so one
/// sequential read per edge finds the dependent, the floor and the limit together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Link {
    /// The dependent, tagged with `TO_PHYS` and `TO_CHANCY`.
    pub to: u32,
    /// What the edge leaves the dependent when the provider is down (millis).
    pub floor: u16,
    /// The limit the edge puts on its dependent now (millis).
    pub lim: u16,
}

/// A fan-out group: the edges `start..start + len`, all with delay `delay`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group {
    pub start: u32,
    pub len: u32,
    pub delay: u32,
}

/// What the engine reads about a service whenever it changes, kept together so that
/// a change costs one cache miss here rather than one per array.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Shape {
    /// Its fan-out groups and its teams: ranges of `groups` and `svc_teams`.
    pub groups: (u32, u32),
    pub teams: (u32, u32),
    /// Its manual fallback capacity (millis).
    pub manual: u16,
    /// Named by a `ServiceDown` condition.
    pub watched: bool,
    /// Its customers notice an outage at once.
    pub visible: bool,
    /// It has out-edges without delay (its first group), and with one.
    pub sends_now: bool,
    pub sends_late: bool,
    /// Mean seconds its owner's monitoring takes to notice something (stealth 0).
    pub detect_secs: u32,
}

/// Precomputed, read-only structure of a scenario.
#[derive(Debug, Clone)]
pub struct Topology {
    /// In-edges of service `s`: `in_slots[in_start[s]..in_start[s+1]]`; the physical
    /// ones first, up to `in_phys_end[s]`.
    pub(crate) in_start: Vec<u32>,
    pub(crate) in_phys_end: Vec<u32>,
    pub(crate) in_slots: Vec<u32>,
    pub(crate) slot_dep: Vec<u32>,
    /// Chance (out of 2^32) that a worsening applies; `u32::MAX` means always.
    pub(crate) slot_chance: Vec<u32>,
    /// Out-edges by provider, each provider's by delay, then in DepId order; an
    /// edge's place here is its slot. Every limit starts full.
    pub(crate) links: Vec<Link>,
    /// Per service, what a change of it needs, in one record.
    pub(crate) shapes: Vec<Shape>,
    /// Fan-out groups (out-edges of one provider with one delay), in slot order:
    /// those of service `s` are `groups[shapes[s].groups]`.
    pub(crate) groups: Vec<Group>,
    /// Teams playing the owner of each service (usually zero or one), with the
    /// service's place in each team's view: `svc_teams[shapes[s].teams]`.
    pub(crate) svc_teams: Vec<(TeamId, u32)>,
    /// Services each team plays, in id order.
    pub(crate) team_services: Vec<Vec<ServiceId>>,
    /// Channel latency from team `a` to team `b` at `a * teams + b`.
    pub(crate) channel: Vec<Option<Secs>>,
    pub(crate) teams: usize,
    /// Services per area (index into `Scenario::areas`).
    pub(crate) area_services: Vec<Vec<ServiceId>>,
    /// Threats that wait for an inject to start them.
    pub(crate) threat_waits: Vec<bool>,
    /// Services each threat compromises in some step (sorted).
    pub(crate) threat_reach: Vec<Vec<ServiceId>>,
    /// The scenario's content hash, for the journal's header.
    pub(crate) scenario_hash: String,
}

impl Topology {
    /// Build the arrays for `scenario` (linear in its size).
    pub fn new(scenario: &Scenario) -> Self {
        let n = scenario.services.len();
        let deps = &scenario.dependencies;
        let physical = |k: DepKind| k == DepKind::Physical;

        // Out-edges by provider, each provider's by delay (stable: DepId order within
        // a delay). A dependency's slot is its place in this order, so a fan-out walks
        // the per-slot state in sequence.
        let m = deps.len();
        let mut out_start = vec![0u32; n + 1];
        for d in deps {
            out_start[d.from.idx() + 1] += 1;
        }
        for s in 0..n {
            out_start[s + 1] += out_start[s];
        }
        let mut fill = out_start[..n].to_vec();
        // Becomes `slot_dep`: on huge pages from the start.
        let mut order = hugepages::filled(0u32, m);
        for (i, d) in deps.iter().enumerate() {
            order[fill[d.from.idx()] as usize] = i as u32;
            fill[d.from.idx()] += 1;
        }
        for s in 0..n {
            order[out_start[s] as usize..out_start[s + 1] as usize]
                .sort_by_key(|&i| deps[i as usize].delay);
        }
        let mut links = Vec::with_capacity(m);
        let mut delays = Vec::with_capacity(m);
        let mut slot_chance = hugepages::filled(u32::MAX, m);
        for (slot, &i) in order.iter().enumerate() {
            let d = &deps[i as usize];
            let mut tagged = d.to.0;
            if physical(d.kind) {
                tagged |= TO_PHYS;
            }
            if d.probability < 1.0 {
                slot_chance[slot] = (d.probability.max(0.0) * 4_294_967_296.0) as u32;
                tagged |= TO_CHANCY;
            }
            let floor = match d.effect {
                Effect::Fail => 0,
                Effect::Degrade(c) => millis(c),
            };
            delays.push(d.delay.min(u32::MAX as Secs) as u32);
            links.push(Link {
                to: tagged,
                floor,
                lim: FULL,
            });
        }
        let slot_dep = order;

        // Fan-out groups: one provider's out-edges with one delay.
        let mut shapes = vec![Shape::default(); n];
        let mut groups: Vec<Group> = Vec::new();
        for (s, shape) in shapes.iter_mut().enumerate() {
            let first = groups.len() as u32;
            let (a, b) = (out_start[s] as usize, out_start[s + 1] as usize);
            for (k, &delay) in delays.iter().enumerate().take(b).skip(a) {
                match groups.last_mut() {
                    Some(g) if k != a && g.delay == delay => g.len += 1,
                    _ => groups.push(Group {
                        start: k as u32,
                        len: 1,
                        delay,
                    }),
                }
            }
            shape.groups = (first, groups.len() as u32);
            let mine = &groups[first as usize..];
            shape.sends_now = mine.first().is_some_and(|g| g.delay == 0);
            shape.sends_late = mine.last().is_some_and(|g| g.delay > 0);
        }

        // In-edges of each service (physical first), as lists of slots.
        let mut phys_count = vec![0u32; n];
        let mut other_count = vec![0u32; n];
        for d in deps {
            if physical(d.kind) {
                phys_count[d.to.idx()] += 1;
            } else {
                other_count[d.to.idx()] += 1;
            }
        }
        let mut in_start = vec![0u32; n + 1];
        let mut in_phys_end = vec![0u32; n];
        for s in 0..n {
            in_phys_end[s] = in_start[s] + phys_count[s];
            in_start[s + 1] = in_phys_end[s] + other_count[s];
        }
        let mut next_phys: Vec<u32> = in_start[..n].to_vec();
        let mut next_other = in_phys_end.clone();
        let mut in_slots = hugepages::filled(0u32, m);
        for (slot, e) in links.iter().enumerate() {
            let to = (e.to & TO_MASK) as usize;
            let cursor = if e.to & TO_PHYS != 0 {
                &mut next_phys[to]
            } else {
                &mut next_other[to]
            };
            in_slots[*cursor as usize] = slot as u32;
            *cursor += 1;
        }

        let teams = scenario.teams.len();
        let mut svc_teams = Vec::new();
        let mut team_services: Vec<Vec<ServiceId>> = vec![Vec::new(); teams];
        for (s, svc) in scenario.services.iter().enumerate() {
            let first = svc_teams.len() as u32;
            for (t, team) in scenario.teams.iter().enumerate() {
                if team.controls.contains(&svc.owner) {
                    svc_teams.push((TeamId(t as u32), team_services[t].len() as u32));
                    team_services[t].push(ServiceId(s as u32));
                }
            }
            shapes[s].teams = (first, svc_teams.len() as u32);
            shapes[s].manual = millis(svc.buffers.manual);
            shapes[s].visible = svc.visible;
            // A validated scenario always names an owner that exists.
            let monitoring = scenario
                .organisations
                .get(svc.owner.idx())
                .map_or(Monitoring::Medium, |o| o.monitoring);
            shapes[s].detect_secs = monitoring.mean_detect_secs() as u32;
        }
        let mut channel = vec![None; teams * teams];
        for c in &scenario.channels {
            let cell: &mut Option<Secs> = &mut channel[c.from.idx() * teams + c.to.idx()];
            *cell = Some(cell.map_or(c.latency, |l| l.min(c.latency)));
        }

        let mut area_services = vec![Vec::new(); scenario.areas.len()];
        for (s, svc) in scenario.services.iter().enumerate() {
            if let Some(a) = svc.area.as_ref().and_then(|a| area_index(scenario, a)) {
                area_services[a].push(ServiceId(s as u32));
            }
        }

        let mut threat_waits = vec![false; scenario.threats.len()];
        let mut watched = vec![false; n];
        for inject in &scenario.injects {
            for d in &inject.deliver {
                if let Delivery::StartThreat(t) = d {
                    threat_waits[t.idx()] = true;
                }
            }
            if let Trigger::When(c) = &inject.trigger {
                watch(c, &mut watched);
            }
        }
        let threat_reach = scenario
            .threats
            .iter()
            .map(|t| {
                let mut v: Vec<ServiceId> = t
                    .steps
                    .iter()
                    .filter_map(|s| match s.kind {
                        StepKind::Compromise { service } => Some(service),
                        StepKind::Spread { to, .. } => Some(to),
                        StepKind::Impact { .. } => None,
                    })
                    .collect();
                v.sort();
                v.dedup();
                v
            })
            .collect();
        for (shape, w) in shapes.iter_mut().zip(watched) {
            shape.watched = w;
        }

        Topology {
            in_start,
            in_phys_end,
            in_slots,
            slot_dep,
            slot_chance,
            links,
            shapes,
            groups,
            svc_teams,
            team_services,
            channel,
            teams,
            area_services,
            threat_waits,
            threat_reach,
            scenario_hash: scenario.content_hash(),
        }
    }

    /// The teams playing `s`, each with the service's place in its view.
    #[inline]
    pub(crate) fn teams_of(&self, s: usize) -> &[(TeamId, u32)] {
        let (a, b) = self.shapes[s].teams;
        &self.svc_teams[a as usize..b as usize]
    }

    /// The latency of the channel from `a` to `b`, if there is one.
    pub(crate) fn latency(&self, a: TeamId, b: TeamId) -> Option<Secs> {
        self.channel
            .get(a.idx() * self.teams + b.idx())
            .copied()
            .flatten()
    }

    /// Where in `in_slots` the physical in-edges of `s` are listed, then the others.
    pub(crate) fn in_ranges(&self, s: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let a = self.in_start[s] as usize;
        let p = self.in_phys_end[s] as usize;
        let b = self.in_start[s + 1] as usize;
        (a..p, p..b)
    }
}

/// The index of an area name in `scenario.areas`.
pub(crate) fn area_index(scenario: &Scenario, area: &str) -> Option<usize> {
    scenario
        .areas
        .binary_search_by(|a| a.as_str().cmp(area))
        .ok()
}

fn watch(c: &Condition, watched: &mut [bool]) {
    match c {
        Condition::ServiceDown { service, .. } => watched[service.idx()] = true,
        Condition::All(v) | Condition::Any(v) => v.iter().for_each(|c| watch(c, watched)),
        Condition::Not(c) => watch(c, watched),
        _ => {}
    }
}

/// The limit an edge puts on its dependent when the provider is at `provider` millis:
/// the floor plus the rest in proportion, rounded up (so loops of `Degrade` edges
/// climb back to full in a bounded number of steps).
#[inline]
pub(crate) fn edge_limit(floor: u16, provider: u16) -> u16 {
    let rest = (FULL - floor) as u32 * provider as u32;
    floor + rest.div_ceil(FULL as u32) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_limit_interpolates_and_rounds_up() {
        assert_eq!(edge_limit(0, 0), 0);
        assert_eq!(edge_limit(0, 437), 437);
        assert_eq!(edge_limit(300, 0), 300);
        assert_eq!(edge_limit(300, 1000), 1000);
        assert_eq!(edge_limit(300, 500), 650);
        assert_eq!(edge_limit(100, 999), 1000);
        assert_eq!(millis(0.3333), 333);
        assert_eq!(millis(2.0), 1000);
    }
}
