//! Injects (the MSEL): triggers and conditions, and what they deliver.

use super::super::ctx::{Ctx, Ids, at, text};
use super::super::world::World;
use super::after_end;
use crate::scenario::model::*;
use crate::scenario::problem::ProblemKind;
use crate::scenario::raw::*;
use crate::scenario::spans::Seg::{self, Field as F, Index as I};

pub(super) struct Refs<'a> {
    pub w: &'a World,
    pub threats: &'a Ids,
    pub actions: &'a Ids,
}

pub(super) fn injects(cx: &mut Ctx, r: &Refs, end: Secs) -> Vec<Inject> {
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
            kind: kind.map(|k| k),
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
