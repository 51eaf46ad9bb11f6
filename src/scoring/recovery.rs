//! Contain and restore: when a threat's footholds were all cleaned or isolated, and
//! when the services it hit were back.

use super::RESTORED_CAPACITY;
use super::facts::Facts;
use crate::engine::{ActionTarget, EntryKind};
use crate::scenario::{ActionEffect, Impact, Secs, ServiceId, ThreatId};

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
/// foothold-less hit mitigated, if that held at the end. The state is judged once all the
/// entries of an instant are in: an action that restores an isolated service and cleans
/// its foothold (a rebuild) writes two entries at one instant, and between them the
/// foothold is neither isolated nor cleaned only on paper. A hit on a service already
/// isolated, on backup or in manual operation (a team that acted on a warning) is
/// mitigated as it lands.
pub(super) fn contain(f: &Facts, t: ThreatId) -> Option<Secs> {
    let n = f.sc.services.len();
    let (mut foothold, mut isolated, mut needs) = (vec![false; n], vec![false; n], vec![false; n]);
    // Under a team's isolation, backup or manual mode (until a restore ends it).
    let mut guarded = vec![false; n];
    let (mut since, mut first_hit) = (None, None);
    let mut touched = false;
    let mut entries = f
        .journal
        .entries
        .iter()
        .take_while(|e| e.at <= f.end)
        .peekable();
    while let Some(e) = entries.next() {
        touched |= match &e.kind {
            EntryKind::Compromised {
                threat, service, ..
            } if *threat == t => {
                foothold[service.idx()] = true;
                first_hit = first_hit.or(Some(e.at));
                true
            }
            EntryKind::Cleaned { threat, service } if *threat == t => {
                foothold[service.idx()] = false;
                true
            }
            EntryKind::Impact {
                threat, service, ..
            } if *threat == t => {
                if !foothold[service.idx()] && !guarded[service.idx()] {
                    needs[service.idx()] = true;
                }
                first_hit = first_hit.or(Some(e.at));
                true
            }
            EntryKind::ActionFinished { action, target, .. } => {
                for s in target_services(f, *target) {
                    for effect in &f.sc.actions[action.idx()].effects {
                        match effect {
                            ActionEffect::Isolate => {
                                isolated[s.idx()] = true;
                                guarded[s.idx()] = true;
                            }
                            ActionEffect::Backup(_) | ActionEffect::Manual(_) => {
                                guarded[s.idx()] = true;
                            }
                            ActionEffect::Restore => {
                                isolated[s.idx()] = false;
                                guarded[s.idx()] = false;
                            }
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
                true
            }
            _ => false,
        };
        if !touched || entries.peek().is_some_and(|next| next.at == e.at) {
            continue;
        }
        touched = false;
        let held = (0..n).all(|s| (!foothold[s] || isolated[s]) && !needs[s]);
        since = if held { since.or(Some(e.at)) } else { None };
    }
    // Guarded ahead of the hit: contained as it landed, not before.
    since.map(|at| first_hit.map_or(at, |hit| at.max(hit)))
}

/// `None`: the threat hit nothing (not applicable); `Some(None)`: not restored.
pub(super) fn restore(f: &Facts, t: ThreatId) -> Option<Option<Secs>> {
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
