//! Writing a validated scenario back to the RON format, self-contained (no includes).

use super::design::Design;
use super::duration::format as dur;
use super::model::*;
use super::raw::*;

fn t(x: &Text) -> RawText {
    RawText {
        en: x.en.clone(),
        ja: x.ja.clone(),
    }
}

fn deadlines(d: &Deadlines) -> RawDeadlines {
    RawDeadlines {
        detect: dur(d.detect),
        report: dur(d.report),
        share: dur(d.share),
        contain: dur(d.contain),
        restore: dur(d.restore),
    }
}

/// The scenario as raw types that load back to an equal [`Scenario`].
pub fn to_raw(s: &Scenario) -> RawScenario {
    let sid = |i: ServiceId| s.services[i.idx()].id.clone();
    let tid = |i: TeamId| s.teams[i.idx()].id.clone();
    let oid = |i: OrgId| s.organisations[i.idx()].id.clone();
    let condition = |c: &Condition| cond(s, c);
    RawScenario {
        include: vec![],
        id: s.id.clone(),
        title: Some(t(&s.title)),
        summary: Some(t(&s.summary)),
        brief: Some(t(&s.brief)),
        pattern: None,
        objectives: vec![],
        language: Some(s.language.tag().into()),
        start_clock: s.start_clock.map(super::clock::start_text),
        duration: Some(dur(s.duration)),
        sectors: s
            .sectors
            .iter()
            .map(|x| RawSector {
                id: x.id.clone(),
                name: t(&x.name),
                ministry: x.ministry.clone(),
                ceptoar: t(&x.ceptoar),
                leading: x.leading,
                colour: Some(format!(
                    "#{:02x}{:02x}{:02x}",
                    x.colour[0], x.colour[1], x.colour[2]
                )),
            })
            .collect(),
        severity: s
            .severity
            .iter()
            .enumerate()
            .map(|(i, l)| RawSeverityLevel {
                level: i as i64,
                name: t(&l.name),
                deadlines: deadlines(&l.deadlines),
            })
            .collect(),
        chain: None,
        templates: vec![],
        organisations: s
            .organisations
            .iter()
            .map(|o| RawOrganisation {
                id: o.id.clone(),
                name: t(&o.name),
                sector: s.sectors[o.sector.idx()].id.clone(),
                kind: o.kind,
                monitoring: o.monitoring,
            })
            .collect(),
        services: s
            .services
            .iter()
            .map(|x| RawService {
                id: x.id.clone(),
                name: t(&x.name),
                owner: oid(x.owner),
                criticality: x.criticality,
                people: x.people,
                pos: x.pos,
                area: x.area.clone(),
                buffers: RawBuffers {
                    battery: Some(dur(x.buffers.battery)),
                    generator: Some(dur(x.buffers.generator)),
                    manual: Some(x.buffers.manual),
                },
                visible: x.visible,
            })
            .collect(),
        dependencies: s
            .dependencies
            .iter()
            .map(|d| RawDependency {
                from: sid(d.from),
                to: sid(d.to),
                template: None,
                kind: Some(d.kind),
                delay: Some(dur(d.delay)),
                effect: Some(d.effect),
                probability: Some(d.probability),
            })
            .collect(),
        teams: s
            .teams
            .iter()
            .map(|x| RawTeam {
                id: x.id.clone(),
                name: t(&x.name),
                role: x.role,
                controls: x.controls.iter().map(|o| oid(*o)).collect(),
            })
            .collect(),
        channels: s
            .channels
            .iter()
            .map(|c| RawChannel {
                from: tid(c.from),
                to: tid(c.to),
                latency: Some(dur(c.latency)),
                both_ways: false,
            })
            .collect(),
        threats: s
            .threats
            .iter()
            .map(|x| RawThreat {
                id: x.id.clone(),
                name: t(&x.name),
                severity: i64::from(x.severity),
                steps: x
                    .steps
                    .iter()
                    .map(|st| RawStep {
                        at: dur(st.at),
                        stealth: st.stealth,
                        kind: match &st.kind {
                            StepKind::Compromise { service } => RawStepKind::Compromise {
                                service: sid(*service),
                            },
                            StepKind::Spread { from, to } => RawStepKind::Spread {
                                from: sid(*from),
                                to: sid(*to),
                            },
                            StepKind::Impact { service, impact } => RawStepKind::Impact {
                                service: sid(*service),
                                impact: *impact,
                            },
                        },
                    })
                    .collect(),
                expect: vec![],
            })
            .collect(),
        injects: s
            .injects
            .iter()
            .map(|x| RawInject {
                id: x.id.clone(),
                at: match &x.trigger {
                    Trigger::At(a) => Some(dur(*a)),
                    Trigger::When(_) => None,
                },
                when: match &x.trigger {
                    Trigger::At(_) => None,
                    Trigger::When(c) => Some(condition(c)),
                },
                times: i64::from(x.times),
                deliver: x
                    .deliver
                    .iter()
                    .map(|d| match d {
                        Delivery::Message { to, from, text } => RawDelivery::Message {
                            to: to.iter().map(|x| tid(*x)).collect(),
                            from: t(from),
                            text: t(text),
                        },
                        Delivery::SetCapacity { service, capacity } => RawDelivery::SetCapacity {
                            service: sid(*service),
                            capacity: *capacity,
                        },
                        Delivery::AreaEvent { area, capacity } => RawDelivery::AreaEvent {
                            area: area.clone(),
                            capacity: *capacity,
                        },
                        Delivery::StartThreat(th) => {
                            RawDelivery::StartThreat(s.threats[th.idx()].id.clone())
                        }
                    })
                    .collect(),
                expect: vec![],
            })
            .collect(),
        actions: s
            .actions
            .iter()
            .map(|a| RawAction {
                id: a.id.clone(),
                name: t(&a.name),
                duration: dur(a.duration),
                target: a.target,
                effects: a
                    .effects
                    .iter()
                    .map(|e| match *e {
                        ActionEffect::Isolate => RawActionEffect::Isolate,
                        ActionEffect::Patch => RawActionEffect::Patch,
                        ActionEffect::Restore => RawActionEffect::Restore,
                        ActionEffect::Backup(c) => RawActionEffect::Backup(c),
                        ActionEffect::Manual(c) => RawActionEffect::Manual(c),
                        ActionEffect::Refuel(d) => RawActionEffect::Refuel(dur(d)),
                        ActionEffect::Bcp => RawActionEffect::Bcp,
                    })
                    .collect(),
                roles: a.roles.clone(),
            })
            .collect(),
        scoring: Some(RawScoring {
            deadlines: s
                .scoring
                .deadlines
                .iter()
                .enumerate()
                .map(|(i, d)| (i as i64, deadlines(d)))
                .collect(),
            weights: s.scoring.weights,
            grades: s
                .scoring
                .grades
                .iter()
                .map(|g| RawGrade {
                    name: t(&g.name),
                    min: g.min,
                })
                .collect(),
        }),
    }
}

fn cond(s: &Scenario, c: &Condition) -> RawCondition {
    let sid = |i: ServiceId| s.services[i.idx()].id.clone();
    let tid = |i: TeamId| s.teams[i.idx()].id.clone();
    match c {
        Condition::ServiceDown {
            service,
            for_at_least,
        } => RawCondition::ServiceDown {
            service: sid(*service),
            for_at_least: dur(*for_at_least),
        },
        Condition::NotReported { threat, team, by } => RawCondition::NotReported {
            threat: s.threats[threat.idx()].id.clone(),
            team: tid(*team),
            by: dur(*by),
        },
        Condition::MessageReceived { team, kind: k } => RawCondition::MessageReceived {
            team: tid(*team),
            kind: *k,
        },
        Condition::ActionTaken { action, team } => RawCondition::ActionTaken {
            action: s.actions[action.idx()].id.clone(),
            team: team.map(tid),
        },
        Condition::After(a) => RawCondition::After(dur(*a)),
        Condition::All(v) => RawCondition::All(v.iter().map(|c| cond(s, c)).collect()),
        Condition::Any(v) => RawCondition::Any(v.iter().map(|c| cond(s, c)).collect()),
        Condition::Not(b) => RawCondition::Not(Box::new(cond(s, b))),
    }
}

/// The scenario as pretty RON text (without its design: what a trainee may read).
pub fn to_ron(s: &Scenario) -> Result<String, ron::Error> {
    pretty(&to_raw(s))
}

/// The scenario and its design as pretty RON text that loads back to both.
pub fn to_ron_with(s: &Scenario, d: &Design) -> Result<String, ron::Error> {
    let mut raw = to_raw(s);
    super::to_raw_design::add(&mut raw, s, d);
    pretty(&raw)
}

fn pretty(raw: &RawScenario) -> Result<String, ron::Error> {
    let cfg = ron::ser::PrettyConfig::default()
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .struct_names(false);
    ron::ser::to_string_pretty(raw, cfg)
}
