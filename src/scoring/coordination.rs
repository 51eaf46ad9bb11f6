//! Coordination: every team message as a hop, each incident's reporting chain (who
//! learnt it from whom, when), and dependent teams hit before anyone warned them.

use super::facts::Facts;
use super::model::{Chain, Coordination, Hop, IncidentScore, Link, Warning};
use super::phases::first_news;
use crate::engine::{EntryKind, Origin};
use crate::scenario::{Secs, TeamId, ThreatId};

pub(super) fn coordination(f: &Facts, incidents: &[IncidentScore]) -> Coordination {
    let about: Vec<Vec<ThreatId>> = f
        .msgs
        .iter()
        .map(|m| m.as_ref().map_or_else(Vec::new, |m| f.threats_of(m)))
        .collect();
    let hops = f
        .deliveries
        .iter()
        .filter_map(|d| {
            let m = f.msg(d.message)?;
            Some(Hop {
                message: m.id,
                from: m.from?,
                to: d.to,
                kind: m.kind,
                forward: m.forwarded.is_some(),
                sent: m.sent,
                arrived: d.at,
                about: about[m.id.idx()].clone(),
            })
        })
        .collect::<Vec<_>>();
    let chains = incidents
        .iter()
        .map(|i| chain(f, i.threat, &hops))
        .collect();
    let warnings = incidents
        .iter()
        .flat_map(|i| {
            i.dependents.iter().map(|&team| {
                let hit = first_hit(f, i.threat, team);
                let warned = first_news(f, i.threat, team);
                let unwarned = hit.is_some_and(|h| warned.is_none_or(|w| w > h));
                Warning {
                    threat: i.threat,
                    team,
                    hit,
                    warned,
                    unwarned,
                }
            })
        })
        .collect();
    Coordination {
        hops,
        chains,
        warnings,
    }
}

fn chain(f: &Facts, t: ThreatId, hops: &[Hop]) -> Chain {
    let n = f.sc.teams.len();
    let mut detected: Vec<Option<Secs>> = vec![None; n];
    for e in f.journal.entries.iter().take_while(|e| e.at <= f.end) {
        if let EntryKind::Detected { team, incident, .. } = &e.kind
            && f.incident_threat.get(incident.idx()).copied().flatten() == Some(t)
        {
            detected[team.idx()].get_or_insert(e.at);
        }
    }
    let mut told: Vec<Option<&Hop>> = vec![None; n];
    for h in hops.iter().filter(|h| h.about.contains(&t)) {
        told[h.to.idx()].get_or_insert(h);
    }
    let known: Vec<Option<Secs>> = (0..n)
        .map(|k| match (detected[k], told[k]) {
            (Some(d), Some(h)) => Some(d.min(h.arrived)),
            (d, h) => d.or(h.map(|h| h.arrived)),
        })
        .collect();
    let mut links: Vec<Link> = (0..n)
        .filter_map(|k| {
            let at = known[k]?;
            let team = TeamId(k as u32);
            Some(match told[k] {
                Some(h) if detected[k].is_none_or(|d| h.arrived < d) => Link {
                    team,
                    at,
                    from: Some(h.from),
                    message: Some(h.message),
                    held: known[h.from.idx()]
                        .filter(|&k| k <= h.sent)
                        .map(|k| h.sent - k),
                    transit: Some(h.arrived - h.sent),
                },
                _ => Link::own(team, at),
            })
        })
        .collect();
    links.sort_by_key(|l| (l.at, l.team));
    Chain { threat: t, links }
}

/// The first time one of `team`'s services lost capacity to `t`'s cascade.
fn first_hit(f: &Facts, t: ThreatId, team: TeamId) -> Option<Secs> {
    f.journal
        .entries
        .iter()
        .take_while(|e| e.at <= f.end)
        .find_map(|e| match &e.kind {
            EntryKind::ServiceChanged {
                service,
                from,
                to,
                origin: Origin::Threat(o),
                ..
            } if *o == t && to < from && f.players[service.idx()].contains(&team) => Some(e.at),
            _ => None,
        })
}
