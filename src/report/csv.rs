//! The report as CSV: one row per team and metric, plus the same for the whole
//! exercise (team `all`).

use super::Ctx;
use super::fmt::csv;
use crate::scoring::{Outcome, PhaseScore};
use std::fmt::Write;

/// The CSV columns, in order:
///
/// - `team`: the team's id, or `all` for the exercise as a whole;
/// - `incident`: the threat's id (empty on `impact` and `score` rows);
/// - `severity`: 0..=4 (empty on `impact` and `score` rows);
/// - `metric`: `detect`, `report`, `share`, `contain`, `restore`, `impact` (the
///   team's own services, or all services) or `score`;
/// - `deadline_s`, `done_at_s`, `took_s`: seconds (deadline and took from the
///   incident's start; empty when not applicable or not done);
/// - `outcome`: `on_time`, `late`, `missed`, `open` (phases only);
/// - `credit`: 0..1 for a phase; the avoided share for `impact` (may be negative);
///   the score out of 100 for `score`;
/// - `points`, `max_points`: the phase's or impact's part of the overall score (on
///   `all` rows only);
/// - `lost_run`, `lost_baseline`: criticality-weighted person-hours (`impact` rows);
/// - `grade`: the grade's name in the report's language (`score` rows).
pub fn csv_header() -> &'static str {
    "team,incident,severity,metric,deadline_s,done_at_s,took_s,outcome,credit,points,max_points,lost_run,lost_baseline,grade"
}

pub(super) fn render(c: &Ctx) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", csv_header());
    let card = c.card;
    let opt = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
    let f = |x: f64| format!("{x:.6}");
    let phase_row = |o: &mut String,
                     team: &str,
                     inc: &crate::scoring::IncidentScore,
                     p: &PhaseScore,
                     points: bool| {
        let (pts, max) = if points {
            (f(p.points), f(p.max_points))
        } else {
            (String::new(), String::new())
        };
        let _ = writeln!(
            o,
            "{},{},{},{},{},{},{},{},{},{},{},,,",
            csv(team),
            csv(&c.sc.threats[inc.threat.idx()].id),
            inc.severity,
            p.phase.id(),
            p.deadline,
            opt(p.done_at),
            opt(p.took),
            outcome(p.outcome),
            f(p.credit),
            pts,
            max
        );
    };
    for t in &card.teams {
        let id = &c.sc.teams[t.team.idx()].id;
        for d in &t.duties {
            if let Some(inc) = card.incident(d.threat) {
                phase_row(&mut o, id, inc, inc.phase(d.phase), false);
            }
        }
        if let Some(loss) = &t.impact {
            let a = loss.avoided.map_or(String::new(), f);
            let _ = writeln!(
                o,
                "{},,,impact,,,,,{a},,,{},{},",
                csv(id),
                f(loss.run),
                f(loss.baseline)
            );
        }
        if let (Some(s), Some(g)) = (t.score, t.grade) {
            let _ = writeln!(
                o,
                "{},,,score,,,,,{},,,,,{}",
                csv(id),
                f(s),
                csv(c.grade(g))
            );
        }
    }
    for inc in &card.incidents {
        for p in inc
            .phases
            .iter()
            .filter(|p| p.outcome != Outcome::NotApplicable)
        {
            phase_row(&mut o, "all", inc, p, true);
        }
    }
    let loss = &card.impact.total;
    let a = loss.avoided.map_or(String::new(), f);
    let (pts, max) = (f(card.impact.points), f(card.impact.max_points));
    let _ = writeln!(
        o,
        "all,,,impact,,,,,{a},{pts},{max},{},{},",
        f(loss.run),
        f(loss.baseline)
    );
    let _ = writeln!(
        o,
        "all,,,score,,,,,{},,,,,{}",
        f(card.score),
        csv(c.grade(card.grade))
    );
    o
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::OnTime => "on_time",
        Outcome::Late => "late",
        Outcome::Missed => "missed",
        Outcome::Open => "open",
        Outcome::NotApplicable => "not_applicable",
    }
}
