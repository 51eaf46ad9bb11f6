//! A small builder of validated scenarios for the engine's unit tests.

use super::{ActionTarget, Command, Engine, Entry};
use crate::scenario::*;
use std::sync::Arc;

fn text(s: &str) -> Text {
    Text {
        en: s.to_string(),
        ja: s.to_string(),
    }
}

/// `team` takes `action` on `service`.
pub(crate) fn act(team: TeamId, action: ActionId, service: ServiceId) -> Command {
    Command::Act {
        team,
        action,
        target: ActionTarget::Service(service),
    }
}

/// What `pick` takes from the journal entries of `e`, in order.
pub(crate) fn picked<T>(e: &Engine, pick: impl FnMut(&Entry) -> Option<T>) -> Vec<T> {
    e.journal().entries.iter().filter_map(pick).collect()
}

pub(crate) struct Kit {
    pub s: Scenario,
}

impl Kit {
    pub(crate) fn new() -> Self {
        let d = Deadlines {
            detect: 3600,
            report: 3600,
            share: 7200,
            contain: 7200,
            restore: 14400,
        };
        Kit {
            s: Scenario {
                id: "test".into(),
                title: text("Test"),
                summary: text(""),
                brief: text(""),
                language: Lang::En,
                start_clock: Some(jiff::civil::date(2020, 7, 24).at(19, 0, 0, 0)),
                duration: 12 * 3600,
                sectors: vec![Sector {
                    id: "electricity".into(),
                    name: text("Electricity"),
                    ministry: "METI".into(),
                    ceptoar: text("Electricity CEPTOAR"),
                    leading: true,
                    colour: [200, 160, 0],
                }],
                severity: (0..5)
                    .map(|i| SeverityLevel {
                        name: text(&format!("L{i}")),
                        deadlines: d,
                    })
                    .collect(),
                organisations: Vec::new(),
                services: Vec::new(),
                dependencies: Vec::new(),
                teams: Vec::new(),
                channels: Vec::new(),
                threats: Vec::new(),
                injects: Vec::new(),
                actions: Vec::new(),
                scoring: Scoring {
                    deadlines: vec![d; 5],
                    weights: Weights::default(),
                    grades: vec![Grade {
                        name: text("pass"),
                        min: 0.0,
                    }],
                },
                areas: Vec::new(),
            },
        }
    }

    pub(crate) fn org(&mut self, id: &str, kind: OrgKind, monitoring: Monitoring) -> OrgId {
        self.s.organisations.push(Organisation {
            id: id.into(),
            name: text(id),
            sector: SectorId(0),
            kind,
            monitoring,
        });
        OrgId(self.s.organisations.len() as u32 - 1)
    }

    /// The three operators most tests build on: power (medium monitoring), mobile
    /// (high) and bank (low).
    pub(crate) fn operators(&mut self) -> (OrgId, OrgId, OrgId) {
        (
            self.org("power", OrgKind::Operator, Monitoring::Medium),
            self.org("mobile", OrgKind::Operator, Monitoring::High),
            self.org("bank", OrgKind::Operator, Monitoring::Low),
        )
    }

    pub(crate) fn service(&mut self, id: &str, owner: OrgId) -> ServiceId {
        self.s.services.push(Service {
            id: id.into(),
            name: text(id),
            owner,
            criticality: 0.5,
            people: 1000,
            pos: None,
            area: None,
            buffers: Buffers::default(),
            visible: true,
        });
        ServiceId(self.s.services.len() as u32 - 1)
    }

    pub(crate) fn buffers(&mut self, s: ServiceId, battery: Secs, generator: Secs, manual: f64) {
        self.s.services[s.idx()].buffers = Buffers {
            battery,
            generator,
            manual,
        };
    }

    pub(crate) fn area(&mut self, s: ServiceId, area: &str) {
        self.s.services[s.idx()].area = Some(area.into());
        if !self.s.areas.iter().any(|a| a == area) {
            self.s.areas.push(area.into());
            self.s.areas.sort();
        }
    }

    pub(crate) fn dep(
        &mut self,
        from: ServiceId,
        to: ServiceId,
        kind: DepKind,
        delay: Secs,
        effect: Effect,
    ) -> DepId {
        self.s.dependencies.push(Dependency {
            from,
            to,
            kind,
            delay,
            effect,
            probability: 1.0,
        });
        DepId(self.s.dependencies.len() as u32 - 1)
    }

    pub(crate) fn team(&mut self, id: &str, role: Role, controls: &[OrgId]) -> TeamId {
        self.s.teams.push(Team {
            id: id.into(),
            name: text(id),
            role,
            controls: controls.to_vec(),
        });
        TeamId(self.s.teams.len() as u32 - 1)
    }

    /// A channel both ways.
    pub(crate) fn channel(&mut self, a: TeamId, b: TeamId, latency: Secs) {
        self.s.channels.push(Channel {
            from: a,
            to: b,
            latency,
        });
        self.s.channels.push(Channel {
            from: b,
            to: a,
            latency,
        });
    }

    pub(crate) fn threat(
        &mut self,
        id: &str,
        severity: u8,
        steps: Vec<(Secs, StepKind, f64)>,
    ) -> ThreatId {
        let steps = steps
            .into_iter()
            .map(|(at, kind, stealth)| Step { at, kind, stealth })
            .collect();
        self.s.threats.push(Threat {
            id: id.into(),
            name: text(id),
            severity,
            steps,
        });
        ThreatId(self.s.threats.len() as u32 - 1)
    }

    pub(crate) fn inject(
        &mut self,
        id: &str,
        trigger: Trigger,
        times: u32,
        deliver: Vec<Delivery>,
    ) -> InjectId {
        self.s.injects.push(Inject {
            id: id.into(),
            trigger,
            times,
            deliver,
        });
        InjectId(self.s.injects.len() as u32 - 1)
    }

    pub(crate) fn action(
        &mut self,
        id: &str,
        duration: Secs,
        target: Target,
        effects: Vec<ActionEffect>,
    ) -> ActionId {
        self.s.actions.push(Action {
            id: id.into(),
            name: text(id),
            duration,
            target,
            effects,
            roles: vec![Role::Operator],
        });
        ActionId(self.s.actions.len() as u32 - 1)
    }

    pub(crate) fn build(self) -> Arc<Scenario> {
        Arc::new(self.s)
    }
}
