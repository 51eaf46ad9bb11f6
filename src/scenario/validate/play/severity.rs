//! The severity scale and its deadlines, and the seeds' own checks (chain).

use super::super::ctx::{Ctx, at, duration_problem, scalar, text};
use super::deadlines;
use crate::scenario::duration;
use crate::scenario::model::*;
use crate::scenario::problem::ProblemKind;
use crate::scenario::spans::Seg::{self, Field as F, Index as I};

pub(super) fn severity(cx: &mut Ctx) -> Vec<SeverityLevel> {
    let raw = &cx.m.raw;
    let mut levels: Vec<Option<SeverityLevel>> = vec![None; 5];
    for (i, s) in raw.severity.iter().enumerate() {
        let level = cx.severity(at("severity", i, &[F("level")]), s.level);
        let d = deadlines(cx, "severity", i, &[F("deadlines")], &s.deadlines);
        let Some(level) = level else {
            continue;
        };
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
    if cx.mode == super::super::Mode::Scenario {
        if raw.severity.is_empty() {
            cx.missing_root(
                "severity",
                "include \"std:severity\" for the standard scale",
            );
        } else {
            for (l, s) in levels.iter().enumerate() {
                if s.is_none() {
                    cx.error(
                        at("severity", 0, &[]),
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
pub(super) fn check_seeds(cx: &mut Ctx) {
    let raw = &cx.m.raw;
    for (i, t) in raw.templates.iter().enumerate() {
        if let Some(d) = &t.delay {
            cx.duration(at("templates", i, &[F("delay")]), d, "delay", true);
        }
        if let Some(Effect::Degrade(c)) = t.effect {
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
                cx.error(
                    scalar("chain", &[chain_field(field)]),
                    duration_problem(v, e),
                    None,
                );
            }
        }
    }
}

fn chain_field(f: &'static str) -> Seg {
    F(f)
}
