//! Threat campaigns: their steps, each naming services of the world.

use super::super::ctx::{Ctx, at, text};
use super::super::world::World;
use super::after_end;
use crate::scenario::model::*;
use crate::scenario::raw::*;
use crate::scenario::spans::Seg::{Field as F, Index as I};

pub(super) fn threats(cx: &mut Ctx, w: &World, end: Secs) -> Vec<Threat> {
    let raw = &cx.m.raw;
    let mut out = Vec::new();
    for (i, t) in raw.threats.iter().enumerate() {
        let severity = cx
            .severity(at("threats", i, &[F("severity")]), t.severity)
            .unwrap_or(0);
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
                        Impact::Outage => Impact::Outage,
                        Impact::DataTampering => Impact::DataTampering,
                        Impact::Degradation(c) => {
                            Impact::Degradation(cx.unit(ia, c, "degraded capacity"))
                        }
                        Impact::Ddos(c) => Impact::Ddos(cx.unit(ia, c, "capacity under DDoS")),
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
