//! Scoring: deadlines per severity level, weights and grade bands.

use super::super::ctx::{Ctx, duration_problem, scalar, text};
use crate::scenario::duration;
use crate::scenario::model::*;
use crate::scenario::problem::ProblemKind;
use crate::scenario::spans::Seg::{self, Field as F, Index as I};

type ScoringParts = (Vec<Deadlines>, Weights, Vec<Grade>);

pub(super) fn scoring(cx: &mut Ctx, severity: &[SeverityLevel]) -> ScoringParts {
    let raw = &cx.m.raw;
    let mut d: Vec<Deadlines> = severity.iter().map(|s| s.deadlines).collect();
    let Some(s) = &raw.scoring else {
        return (d, Weights::default(), default_grades());
    };
    for (k, (level, dl)) in s.deadlines.iter().enumerate() {
        let sa = |p: &[Seg]| {
            let mut v = vec![F("deadlines"), I(k)];
            v.extend_from_slice(p);
            v
        };
        let Some(lv) = cx.severity(scalar("scoring", &sa(&[I(0)])), *level) else {
            continue;
        };
        let mut parse = |f: &'static str, v: &str| match duration::parse(v) {
            Ok(x) if x > 0 => x,
            r => {
                cx.error(
                    scalar("scoring", &sa(&[I(1), F(f)])),
                    r.err().map_or(ProblemKind::BadDuration(v.into()), |e| {
                        duration_problem(v, e)
                    }),
                    Some("deadlines are positive durations such as \"30m\"".into()),
                );
                0
            }
        };
        d[usize::from(lv)] = Deadlines {
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
            cx.error(
                scalar("scoring", &[F("grades"), I(k), F("min")]),
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
        cx.error(
            scalar("scoring", &[F("grades")]),
            ProblemKind::Missing("a grade band with `min: 0`"),
            Some("the lowest band must start at 0 so every score has a grade".into()),
        );
    }
    grades.sort_by(|a, b| b.min.total_cmp(&a.min));
    (d, s.weights, grades)
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
