//! Validation of the play: severity scale, threats, injects, actions and scoring.

use super::ctx::{At, Ctx, Ids, at, text};
use super::world::{World, role};
use crate::scenario::duration;
use crate::scenario::model::*;
use crate::scenario::problem::ProblemKind;
use crate::scenario::raw::*;
use crate::scenario::spans::Seg::{self, Field as F, Index as I};

pub(super) struct Play {
    pub severity: Vec<SeverityLevel>,
    pub threats: Vec<Threat>,
    pub injects: Vec<Inject>,
    pub actions: Vec<Action>,
    pub deadlines: Vec<Deadlines>,
    pub weights: RawWeights,
    pub grades: Vec<Grade>,
}

pub(super) fn check(cx: &mut Ctx, w: &World, end: Secs) -> Play {
    let severity = severity(cx);
    check_seeds(cx);
    let threat_ids = cx.ids(
        "threat",
        "threats",
        cx.m.raw.threats.iter().map(|t| t.id.as_str()),
    );
    let action_ids = cx.ids(
        "action",
        "actions",
        cx.m.raw.actions.iter().map(|a| a.id.as_str()),
    );
    let threats = threats(cx, w, end);
    let actions = actions(cx);
    let refs = Refs {
        w,
        threats: &threat_ids,
        actions: &action_ids,
    };
    let injects = injects(cx, &refs, end);
    let (deadlines, weights, grades) = scoring(cx, &severity);
    Play {
        severity,
        threats,
        injects,
        actions,
        deadlines,
        weights,
        grades,
    }
}

fn deadlines(
    cx: &mut Ctx,
    list: &'static str,
    idx: usize,
    base: &[Seg],
    d: &RawDeadlines,
) -> Deadlines {
    let mut one = |field: &'static str, v: &str| {
        let mut path = base.to_vec();
        path.push(F(field));
        cx.duration(at(list, idx, &path), v, "a deadline", false)
    };
    Deadlines {
        detect: one("detect", &d.detect),
        report: one("report", &d.report),
        share: one("share", &d.share),
        contain: one("contain", &d.contain),
        restore: one("restore", &d.restore),
    }
}

fn severity(cx: &mut Ctx) -> Vec<SeverityLevel> {
    let raw = &cx.m.raw;
    let mut levels: Vec<Option<SeverityLevel>> = vec![None; 5];
    for (i, s) in raw.severity.iter().enumerate() {
        let level = cx.severity(at("severity", i, &[F("level")]), s.level);
        let d = deadlines(cx, "severity", i, &[F("deadlines")], &s.deadlines);
        if !(0..=4).contains(&s.level) {
            continue;
        }
        if levels[level as usize].is_some() {
            cx.error(
                at("severity", i, &[F("level")]),
                ProblemKind::SeverityTwice(s.level),
                None,
            );
        }
        levels[level as usize] = Some(SeverityLevel {
            name: text(&s.name),
            deadlines: d,
        });
    }
    if cx.mode == super::Mode::Scenario {
        if raw.severity.is_empty() {
            cx.missing_root(
                "severity",
                "include \"std:severity\" for the standard scale",
            );
        } else {
            for (l, s) in levels.iter().enumerate() {
                if s.is_none() {
                    let (file, pos) = cx.m.locate("severity", 0, &[]);
                    cx.push(
                        file,
                        pos,
                        crate::scenario::problem::Level::Error,
                        ProblemKind::SeverityMissing(l),
                        Some("the scale needs levels 0, 1, 2, 3 and 4".into()),
                    );
                }
            }
        }
    }
    levels
        .into_iter()
        .map(|l| {
            l.unwrap_or(SeverityLevel {
                name: Text::default(),
                deadlines: Deadlines {
                    detect: 0,
                    report: 0,
                    share: 0,
                    contain: 0,
                    restore: 0,
                },
            })
        })
        .collect()
}

/// Templates and the reporting chain, which seeds define and scenarios use.
fn check_seeds(cx: &mut Ctx) {
    let raw = &cx.m.raw;
    for (i, t) in raw.templates.iter().enumerate() {
        if let Some(d) = &t.delay {
            cx.duration(at("templates", i, &[F("delay")]), d, "delay", true);
        }
        if let Some(RawEffect::Degrade(c)) = t.effect {
            cx.unit(
                at("templates", i, &[F("effect"), I(0)]),
                c,
                "degraded capacity",
            );
        }
    }
    if let Some(c) = &raw.chain {
        for (field, v) in [
            ("operator_to_ministry", &c.operator_to_ministry),
            ("operator_to_ceptoar", &c.operator_to_ceptoar),
            ("ministry_to_centre", &c.ministry_to_centre),
            ("centre_to_ministry", &c.centre_to_ministry),
            ("ceptoar_to_operator", &c.ceptoar_to_operator),
            ("ceptoar_council", &c.ceptoar_council),
            ("other", &c.other),
        ] {
            if let Err(e) = duration::parse(v) {
                let (file, pos) = cx.m.locate_scalar("chain", &[chain_field(field)]);
                let kind = match e {
                    duration::DurationError::Negative => ProblemKind::NegativeDuration(v.clone()),
                    duration::DurationError::Unparseable => ProblemKind::BadDuration(v.clone()),
                };
                cx.push(
                    file,
                    pos,
                    crate::scenario::problem::Level::Error,
                    kind,
                    None,
                );
            }
        }
    }
}

fn chain_field(f: &'static str) -> Seg {
    F(f)
}

fn after_end(cx: &mut Ctx, a: At, what: String, t: Secs, end: Secs) {
    if end > 0 && t > end {
        cx.warn(
            a,
            ProblemKind::AfterEnd {
                what,
                at: duration::format(t),
                end: duration::format(end),
            },
            Some("it will never happen; move it earlier or lengthen `duration`".into()),
        );
    }
}

fn threats(cx: &mut Ctx, w: &World, end: Secs) -> Vec<Threat> {
    let raw = &cx.m.raw;
    let mut out = Vec::new();
    for (i, t) in raw.threats.iter().enumerate() {
        let severity = cx.severity(at("threats", i, &[F("severity")]), t.severity);
        let mut steps = Vec::new();
        for (j, s) in t.steps.iter().enumerate() {
            let step = |f: &'static str| [F("steps"), I(j), F("kind"), F(f)];
            let when = cx.duration(
                at("threats", i, &[F("steps"), I(j), F("at")]),
                &s.at,
                "step time",
                true,
            );
            after_end(
                cx,
                at("threats", i, &[F("steps"), I(j), F("at")]),
                format!("step {} of threat `{}`", j + 1, t.id),
                when,
                end,
            );
            let stealth = cx.unit(
                at("threats", i, &[F("steps"), I(j), F("stealth")]),
                s.stealth,
                "stealth",
            );
            let kind = match &s.kind {
                RawStepKind::Compromise { service } => StepKind::Compromise {
                    service: ServiceId(cx.resolve(
                        &w.service_ids,
                        service,
                        at("threats", i, &step("service")),
                    )),
                },
                RawStepKind::Spread { from, to } => StepKind::Spread {
                    from: ServiceId(cx.resolve(
                        &w.service_ids,
                        from,
                        at("threats", i, &step("from")),
                    )),
                    to: ServiceId(cx.resolve(&w.service_ids, to, at("threats", i, &step("to")))),
                },
                RawStepKind::Impact { service, impact } => {
                    let sid =
                        cx.resolve(&w.service_ids, service, at("threats", i, &step("service")));
                    let ipath = [F("steps"), I(j), F("kind"), F("impact"), I(0)];
                    let ia = at("threats", i, &ipath);
                    let impact = match *impact {
                        RawImpact::Outage => Impact::Outage,
                        RawImpact::DataTampering => Impact::DataTampering,
                        RawImpact::Degradation(c) => {
                            Impact::Degradation(cx.unit(ia, c, "degraded capacity"))
                        }
                        RawImpact::Ddos(c) => Impact::Ddos(cx.unit(ia, c, "capacity under DDoS")),
                    };
                    StepKind::Impact {
                        service: ServiceId(sid),
                        impact,
                    }
                }
            };
            steps.push(Step {
                at: when,
                kind,
                stealth,
            });
        }
        steps.sort_by_key(|s| s.at);
        out.push(Threat {
            id: t.id.clone(),
            name: text(&t.name),
            severity,
            steps,
        });
    }
    out
}

fn actions(cx: &mut Ctx) -> Vec<Action> {
    let raw = &cx.m.raw;
    let mut out = Vec::new();
    for (i, a) in raw.actions.iter().enumerate() {
        let duration = cx.duration(
            at("actions", i, &[F("duration")]),
            &a.duration,
            "action duration",
            false,
        );
        let mut effects = Vec::new();
        for (j, e) in a.effects.iter().enumerate() {
            let epath = [F("effects"), I(j), I(0)];
            let ea = at("actions", i, &epath);
            effects.push(match e {
                RawActionEffect::Isolate => ActionEffect::Isolate,
                RawActionEffect::Patch => ActionEffect::Patch,
                RawActionEffect::Restore => ActionEffect::Restore,
                RawActionEffect::Bcp => ActionEffect::Bcp,
                RawActionEffect::Backup(c) => {
                    ActionEffect::Backup(cx.unit(ea, *c, "backup capacity"))
                }
                RawActionEffect::Manual(c) => {
                    ActionEffect::Manual(cx.unit(ea, *c, "manual capacity"))
                }
                RawActionEffect::Refuel(d) => {
                    ActionEffect::Refuel(cx.duration(ea, d, "refuel", false))
                }
            });
        }
        let roles = if a.roles.is_empty() {
            vec![Role::Operator]
        } else {
            a.roles.iter().map(|r| role(*r)).collect()
        };
        out.push(Action {
            id: a.id.clone(),
            name: text(&a.name),
            duration,
            target: match a.target {
                RawTarget::OwnService => Target::OwnService,
                RawTarget::OwnCompromised => Target::OwnCompromised,
                RawTarget::Organisation => Target::Organisation,
            },
            effects,
            roles,
        });
    }
    out
}

struct Refs<'a> {
    w: &'a World,
    threats: &'a Ids,
    actions: &'a Ids,
}

fn injects(cx: &mut Ctx, r: &Refs, end: Secs) -> Vec<Inject> {
    let raw = &cx.m.raw;
    let _ids = cx.ids(
        "inject",
        "injects",
        raw.injects.iter().map(|x| x.id.as_str()),
    );
    let mut out = Vec::new();
    for (i, x) in raw.injects.iter().enumerate() {
        let trigger = match (&x.at, &x.when) {
            (Some(t), None) => {
                let s = cx.duration(at("injects", i, &[F("at")]), t, "inject time", true);
                after_end(
                    cx,
                    at("injects", i, &[F("at")]),
                    format!("inject `{}`", x.id),
                    s,
                    end,
                );
                Trigger::At(s)
            }
            (None, Some(c)) => Trigger::When(condition(cx, r, i, vec![F("when")], c)),
            (None, None) => {
                cx.error(
                    at("injects", i, &[F("id")]),
                    ProblemKind::NoTrigger(x.id.clone()),
                    Some("add `at: \"30m\"` or `when: ServiceDown(...)`".into()),
                );
                Trigger::At(0)
            }
            (Some(_), Some(_)) => {
                cx.error(
                    at("injects", i, &[F("when")]),
                    ProblemKind::TwoTriggers(x.id.clone()),
                    Some(
                        "use `when: All([After(\"30m\"), ...])` to combine a time and a condition"
                            .into(),
                    ),
                );
                Trigger::At(0)
            }
        };
        if x.times < 1 || x.times > 1000 {
            cx.error(
                at("injects", i, &[F("times")]),
                ProblemKind::OutOfBounds {
                    what: "times",
                    value: x.times.to_string(),
                    range: "1..1000",
                },
                None,
            );
        }
        let mut deliver = Vec::new();
        for (j, d) in x.deliver.iter().enumerate() {
            let p = |f: &'static str| [F("deliver"), I(j), F(f)];
            deliver.push(match d {
                RawDelivery::Message { to, from, text: t } => {
                    if to.is_empty() {
                        cx.error(
                            at("injects", i, &p("to")),
                            ProblemKind::Missing("recipients"),
                            Some("list team ids in `to: [...]`".into()),
                        );
                    }
                    let to = to
                        .iter()
                        .enumerate()
                        .map(|(k, team)| {
                            TeamId(cx.resolve(
                                &r.w.team_ids,
                                team,
                                at("injects", i, &[F("deliver"), I(j), F("to"), I(k)]),
                            ))
                        })
                        .collect();
                    Delivery::Message {
                        to,
                        from: text(from),
                        text: text(t),
                    }
                }
                RawDelivery::SetCapacity { service, capacity } => Delivery::SetCapacity {
                    service: ServiceId(cx.resolve(
                        &r.w.service_ids,
                        service,
                        at("injects", i, &p("service")),
                    )),
                    capacity: cx.unit(at("injects", i, &p("capacity")), *capacity, "capacity"),
                },
                RawDelivery::AreaEvent { area, capacity } => {
                    if !r.w.areas.contains(area) {
                        let hint = crate::scenario::problem::suggest(
                            area,
                            r.w.areas.iter().map(String::as_str),
                        );
                        cx.error(
                            at("injects", i, &p("area")),
                            ProblemKind::Unknown {
                                what: "area",
                                id: area.clone(),
                            },
                            hint,
                        );
                    }
                    Delivery::AreaEvent {
                        area: area.clone(),
                        capacity: cx.unit(at("injects", i, &p("capacity")), *capacity, "capacity"),
                    }
                }
                RawDelivery::StartThreat(t) => Delivery::StartThreat(ThreatId(cx.resolve(
                    r.threats,
                    t,
                    at("injects", i, &[F("deliver"), I(j), I(0)]),
                ))),
            });
        }
        out.push(Inject {
            id: x.id.clone(),
            trigger,
            times: x.times.clamp(1, 1000) as u32,
            deliver,
        });
    }
    out
}

fn condition(cx: &mut Ctx, r: &Refs, i: usize, path: Vec<Seg>, c: &RawCondition) -> Condition {
    let sub = |f: &'static str| {
        let mut p = path.clone();
        p.push(F(f));
        p
    };
    match c {
        RawCondition::ServiceDown {
            service,
            for_at_least,
        } => Condition::ServiceDown {
            service: ServiceId(cx.resolve(
                &r.w.service_ids,
                service,
                at("injects", i, &sub("service")),
            )),
            for_at_least: cx.duration(
                at("injects", i, &sub("for_at_least")),
                for_at_least,
                "`for_at_least`",
                false,
            ),
        },
        RawCondition::NotReported { threat, team, by } => Condition::NotReported {
            threat: ThreatId(cx.resolve(r.threats, threat, at("injects", i, &sub("threat")))),
            team: TeamId(cx.resolve(&r.w.team_ids, team, at("injects", i, &sub("team")))),
            by: cx.duration(at("injects", i, &sub("by")), by, "`by`", false),
        },
        RawCondition::MessageReceived { team, kind } => Condition::MessageReceived {
            team: TeamId(cx.resolve(&r.w.team_ids, team, at("injects", i, &sub("team")))),
            kind: kind.map(|k| match k {
                RawMessageKind::Report => MessageKind::Report,
                RawMessageKind::Alert => MessageKind::Alert,
                RawMessageKind::Request => MessageKind::Request,
                RawMessageKind::Information => MessageKind::Information,
                RawMessageKind::PublicStatement => MessageKind::PublicStatement,
            }),
        },
        RawCondition::ActionTaken { action, team } => Condition::ActionTaken {
            action: ActionId(cx.resolve(r.actions, action, at("injects", i, &sub("action")))),
            team: team
                .as_ref()
                .map(|t| TeamId(cx.resolve(&r.w.team_ids, t, at("injects", i, &sub("team"))))),
        },
        RawCondition::After(t) => {
            let mut p = path.clone();
            p.push(I(0));
            Condition::After(cx.duration(at("injects", i, &p), t, "`After`", true))
        }
        RawCondition::All(list) | RawCondition::Any(list) => {
            let items = list
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let mut p = path.clone();
                    p.extend([I(0), I(k)]);
                    condition(cx, r, i, p, c)
                })
                .collect();
            if matches!(c, RawCondition::All(_)) {
                Condition::All(items)
            } else {
                Condition::Any(items)
            }
        }
        RawCondition::Not(inner) => {
            let mut p = path.clone();
            p.push(I(0));
            Condition::Not(Box::new(condition(cx, r, i, p, inner)))
        }
    }
}

type ScoringParts = (Vec<Deadlines>, RawWeights, Vec<Grade>);

fn scoring(cx: &mut Ctx, severity: &[SeverityLevel]) -> ScoringParts {
    let raw = &cx.m.raw;
    let mut d: Vec<Deadlines> = severity.iter().map(|s| s.deadlines).collect();
    let Some(s) = &raw.scoring else {
        return (d, RawWeights::default(), default_grades());
    };
    for (k, (level, dl)) in s.deadlines.iter().enumerate() {
        let sa = |p: &[Seg]| {
            let mut v = vec![F("deadlines"), I(k)];
            v.extend_from_slice(p);
            v
        };
        let lv = if (0..=4).contains(level) {
            *level as usize
        } else {
            let (file, pos) = cx.m.locate_scalar("scoring", &sa(&[I(0)]));
            cx.push(
                file,
                pos,
                crate::scenario::problem::Level::Error,
                ProblemKind::BadSeverity(*level),
                Some("levels go from 0 (no effect) to 4 (critical)".into()),
            );
            continue;
        };
        let mut parse = |f: &'static str, v: &str| match duration::parse(v) {
            Ok(x) if x > 0 => x,
            _ => {
                let (file, pos) = cx.m.locate_scalar("scoring", &sa(&[I(1), F(f)]));
                cx.push(
                    file,
                    pos,
                    crate::scenario::problem::Level::Error,
                    ProblemKind::BadDuration(v.into()),
                    Some("deadlines are positive durations such as \"30m\"".into()),
                );
                0
            }
        };
        d[lv] = Deadlines {
            detect: parse("detect", &dl.detect),
            report: parse("report", &dl.report),
            share: parse("share", &dl.share),
            contain: parse("contain", &dl.contain),
            restore: parse("restore", &dl.restore),
        };
    }
    let mut grades: Vec<Grade> = Vec::new();
    for (k, g) in s.grades.iter().enumerate() {
        if !(0.0..=100.0).contains(&g.min) {
            let (file, pos) =
                cx.m.locate_scalar("scoring", &[F("grades"), I(k), F("min")]);
            cx.push(
                file,
                pos,
                crate::scenario::problem::Level::Error,
                ProblemKind::OutOfBounds {
                    what: "grade minimum",
                    value: g.min.to_string(),
                    range: "0..100",
                },
                None,
            );
        }
        grades.push(Grade {
            name: text(&g.name),
            min: g.min,
        });
    }
    if grades.is_empty() {
        grades = default_grades();
    } else if !grades.iter().any(|g| g.min == 0.0) {
        let (file, pos) = cx.m.locate_scalar("scoring", &[F("grades")]);
        cx.push(
            file,
            pos,
            crate::scenario::problem::Level::Error,
            ProblemKind::Missing("a grade band with `min: 0`"),
            Some("the lowest band must start at 0 so every score has a grade".into()),
        );
    }
    grades.sort_by(|a, b| b.min.total_cmp(&a.min));
    (d, s.weights.clone(), grades)
}

fn default_grades() -> Vec<Grade> {
    [
        ("A", "A", 85.0),
        ("B", "B", 70.0),
        ("C", "C", 50.0),
        ("D", "D", 0.0),
    ]
    .into_iter()
    .map(|(en, ja, min)| Grade {
        name: Text {
            en: en.into(),
            ja: ja.into(),
        },
        min,
    })
    .collect()
}
