//! Threat campaigns (compromise -> spread -> impact) and detection: delayed by the
//! owner's monitoring and the step's stealth, at once for losses customers feel.

use super::core::{Engine, IncidentMeta, PendingDetection};
use super::instant::{Ev, Notice};
use super::journal::EntryKind;
use super::rng::Draw;
use super::topology::{FULL, millis};
use super::types::{Blocked, Cause, DetectionKind, IncidentId, Origin};
use super::view::{Detection, Incident};
use crate::scenario::{Impact, InjectId, Secs, ServiceId, StepKind, ThreatId};

/// How much stealth stretches the mean time to detect: stealth 1 takes 4x as long.
const STEALTH_FACTOR: f64 = 3.0;

impl Engine {
    /// Start threat `t` now (its step times count from now); once only.
    pub(crate) fn start_threat(&mut self, t: usize, by: Option<InjectId>) {
        if self.threat_started[t].is_some() {
            return;
        }
        self.threat_started[t] = Some(self.now);
        self.log(EntryKind::ThreatStarted {
            threat: ThreatId(t as u32),
            by,
        });
        for (k, step) in self.scenario.threats[t].steps.iter().enumerate() {
            let ev = Ev::Step {
                threat: t as u32,
                step: k as u32,
            };
            self.queue.push(self.now + step.at, ev);
        }
    }

    pub(crate) fn threat_step(&mut self, t: usize, k: usize) {
        let scenario = self.scenario.clone();
        let step = &scenario.threats[t].steps[k];
        let threat = ThreatId(t as u32);
        let stepn = k as u32;
        let blocked = |e: &mut Engine, reason| {
            e.log(EntryKind::StepBlocked {
                threat,
                step: stepn,
                reason,
            });
        };
        match step.kind {
            StepKind::Compromise { service } => {
                if let Some(reason) = self.entry_blocked(service, None) {
                    return blocked(self, reason);
                }
                self.compromise(threat, stepn, service, None, step.stealth);
            }
            StepKind::Spread { from, to } => {
                if self.world.svcs[from.idx()].compromised != Some(threat) {
                    return blocked(self, Blocked::NotCompromised(from));
                }
                if let Some(reason) = self.entry_blocked(to, Some(from)) {
                    return blocked(self, reason);
                }
                self.compromise(threat, stepn, to, Some(from), step.stealth);
            }
            StepKind::Impact { service, impact } => {
                // A DDoS floods from outside: it needs neither a foothold nor a
                // service that is not isolated.
                let v = &self.world.svcs[service.idx()];
                let from_inside = !matches!(impact, Impact::Ddos(_));
                let needs_foothold =
                    from_inside && self.topo.threat_reach[t].binary_search(&service).is_ok();
                if needs_foothold && v.compromised != Some(threat) {
                    return blocked(self, Blocked::NotCompromised(service));
                }
                if from_inside && v.isolated {
                    return blocked(self, Blocked::Isolated(service));
                }
                self.log(EntryKind::Impact {
                    threat,
                    step: stepn,
                    service,
                    impact,
                });
                let s = service.idx();
                self.world.svcs[s].settle(self.now);
                let v = &mut self.world.svcs[s];
                let cap_before = v.cap;
                match impact {
                    Impact::Outage => v.direct = 0,
                    Impact::Degradation(x) | Impact::Ddos(x) => v.direct = v.direct.min(millis(x)),
                    Impact::DataTampering => {
                        v.tampered = true;
                        for i in 0..self.topo.teams_of(s).len() {
                            let team = self.topo.teams_of(s)[i].0;
                            let kind = DetectionKind::Tampering;
                            let origin = Origin::Threat(threat);
                            let d = PendingDetection {
                                team,
                                svc: service,
                                kind,
                                origin,
                            };
                            self.detect_later(d, step.stealth);
                        }
                    }
                }
                self.recompute(
                    s,
                    Cause::Threat {
                        threat,
                        step: stepn,
                    },
                    Origin::Threat(threat),
                );
                // An attack on a service that is already down or degraded changes
                // nothing customers feel; its operators still notice the attack
                // itself (the flood, the failed systems) as monitoring allows.
                let cap = self.world.svcs[s].cap;
                if impact != Impact::DataTampering && cap == cap_before && cap < FULL {
                    let kind = if cap == 0 {
                        DetectionKind::Outage
                    } else {
                        DetectionKind::Degradation
                    };
                    for i in 0..self.topo.teams_of(s).len() {
                        let d = PendingDetection {
                            team: self.topo.teams_of(s)[i].0,
                            svc: service,
                            kind,
                            origin: Origin::Threat(threat),
                        };
                        self.detect_later(d, step.stealth);
                    }
                }
            }
        }
    }

    /// Why an intruder cannot get into `to` (from `from`), if it cannot.
    fn entry_blocked(&self, to: ServiceId, from: Option<ServiceId>) -> Option<Blocked> {
        if let Some(f) = from.filter(|f| self.world.svcs[f.idx()].isolated) {
            return Some(Blocked::Isolated(f));
        }
        let v = &self.world.svcs[to.idx()];
        if v.isolated {
            Some(Blocked::Isolated(to))
        } else if v.patched {
            Some(Blocked::Patched(to))
        } else {
            None
        }
    }

    fn compromise(
        &mut self,
        threat: ThreatId,
        step: u32,
        service: ServiceId,
        from: Option<ServiceId>,
        stealth: f64,
    ) {
        self.world.svcs[service.idx()].compromised = Some(threat);
        self.log(EntryKind::Compromised {
            threat,
            step,
            service,
            from,
        });
        for i in 0..self.topo.teams_of(service.idx()).len() {
            let team = self.topo.teams_of(service.idx())[i].0;
            let kind = DetectionKind::Compromise;
            let d = PendingDetection {
                team,
                svc: service,
                kind,
                origin: Origin::Threat(threat),
            };
            self.detect_later(d, stealth);
        }
    }

    /// Schedule a detection after a delay drawn from the owner's monitoring level
    /// (a draw of its own: how soon a team notices never shifts another outcome).
    pub(crate) fn detect_later(&mut self, d: PendingDetection, stealth: f64) {
        let base = self.topo.shapes[d.svc.idx()].detect_secs;
        let stretch = 1.0 + STEALTH_FACTOR * stealth.clamp(0.0, 1.0);
        let mean = (base as f64 * stretch).round() as u64;
        let draw = Draw::Notice {
            team: d.team.0,
            service: d.svc.0,
            kind: d.kind as u8,
            origin: d.origin.pack(),
            at: self.now,
        };
        let at = self.now + self.dice.around(draw, mean);
        self.notice_at(d, at);
    }

    /// Schedule a detection at `at` (now: once the world has settled at this
    /// instant); it counts if what it would notice is still there then.
    pub(crate) fn notice_at(&mut self, d: PendingDetection, at: Secs) {
        if at == self.now {
            self.noticed_now.push(d);
            return;
        }
        let idx = self.pending.len() as u32;
        self.pending.push(d);
        self.notices.push(at, Notice::Detect { idx });
    }

    /// A detection is due: it counts if what it would notice is still there.
    pub(crate) fn notice_if_still(&mut self, d: PendingDetection) {
        let v = &self.world.svcs[d.svc.idx()];
        let still = match d.kind {
            DetectionKind::Compromise => {
                v.compromised.is_some() && v.compromised == d.origin.threat()
            }
            DetectionKind::Tampering => v.tampered,
            DetectionKind::Degradation => v.cap < super::topology::FULL,
            DetectionKind::Outage => v.cap == 0,
        };
        if still {
            self.detect(d);
        }
    }

    /// A team notices something: open or update the incident for its origin.
    pub(crate) fn detect(&mut self, d: PendingDetection) {
        self.view_changes[d.team.idx()] += 1;
        let now = self.now;
        let PendingDetection {
            team,
            svc,
            kind,
            origin,
        } = d;
        let found = self.views[team.idx()]
            .incidents
            .iter()
            .position(|i| self.incidents[i.id.idx()].origin == origin);
        let pos = match found {
            Some(p) => p,
            None => {
                let id = IncidentId(self.incidents.len() as u32);
                self.incidents.push(IncidentMeta { team, origin });
                let view = &mut self.views[team.idx()];
                view.incidents.push(Incident {
                    id,
                    team,
                    opened_at: now,
                    updated_at: now,
                    services: Vec::new(),
                    detections: Vec::new(),
                });
                view.learn_incident(id);
                let threat = origin.threat();
                let entry = EntryKind::IncidentOpened {
                    incident: id,
                    team,
                    service: svc,
                    kind,
                    threat,
                    origin,
                };
                self.log(entry);
                self.views[team.idx()].incidents.len() - 1
            }
        };
        let view = &mut self.views[team.idx()];
        let inc = &mut view.incidents[pos];
        let first = &mut self.world.svcs[svc.idx()].seen;
        if first.incident == 0 {
            first.incident = inc.id.0 + 1;
        }
        let seen = if first.incident == inc.id.0 + 1 {
            &mut first.bits
        } else {
            self.detections.entry((inc.id.0, svc.0)).or_insert(0)
        };
        let bit = 1u8 << (kind as u8);
        if *seen & bit != 0 {
            return;
        }
        *seen |= bit;
        inc.detections.push(Detection {
            at: now,
            service: svc,
            kind,
        });
        if *seen & 0x80 == 0 {
            *seen |= 0x80;
            inc.services.push(svc);
        }
        inc.updated_at = now;
        let incident = inc.id;
        if matches!(kind, DetectionKind::Compromise | DetectionKind::Tampering)
            && let Some(o) = view.service_mut(svc)
        {
            o.suspected = true;
        }
        self.log(EntryKind::Detected {
            team,
            incident,
            service: svc,
            kind,
        });
    }
}
