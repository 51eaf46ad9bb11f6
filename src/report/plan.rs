//! The improvement plan: per team, strengths and areas for improvement read off the
//! scorecard, a corrective action for each area, the team as owner, and a due date
//! (30 days after the exercise when a phase was missed, 60 when only late).

use super::fmt;
use super::text::T;
use crate::scenario::{Lang, Scenario, TeamId};
use crate::scoring::{Outcome, Phase, Scorecard};
use crate::words::Arg::{Num, Str};
use crate::words::{say, say_with};
use serde::Serialize;

/// One row of the improvement plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRow {
    pub team: TeamId,
    /// The owner of the corrective actions (the team's name).
    pub owner: String,
    pub strengths: Vec<String>,
    pub areas: Vec<String>,
    pub actions: Vec<String>,
    /// `YYYY-MM-DD`; `None` when there is nothing to correct.
    pub due: Option<String>,
}

fn late(p: Phase) -> T {
    match p {
        Phase::Detect => T("r-late-detect"),
        Phase::Report => T("r-late-report"),
        Phase::Share => T("r-late-share"),
        Phase::Contain => T("r-late-contain"),
        Phase::Restore => T("r-late-restore"),
    }
}

fn missed(p: Phase) -> T {
    match p {
        Phase::Detect => T("r-missed-detect"),
        Phase::Report => T("r-missed-report"),
        Phase::Share => T("r-missed-share"),
        Phase::Contain => T("r-missed-contain"),
        Phase::Restore => T("r-missed-restore"),
    }
}

fn action(p: Phase) -> T {
    match p {
        Phase::Detect => T("r-action-detect"),
        Phase::Report => T("r-action-report"),
        Phase::Share => T("r-action-share"),
        Phase::Contain => T("r-action-contain"),
        Phase::Restore => T("r-action-restore"),
    }
}

const BUFFERS: T = T("r-buffers");
const DIRECT_LINES: T = T("r-direct-lines");
const CHECK_CLAIMS: T = T("r-check-claims");

/// The plan, one row per team that answers for something, in scenario order.
pub(super) fn plan(sc: &Scenario, card: &Scorecard, lang: Lang) -> Vec<PlanRow> {
    let name = |t: TeamId| sc.teams[t.idx()].name.get(lang).to_string();
    let threat = |t: crate::scenario::ThreatId| sc.threats[t.idx()].name.get(lang).to_string();
    let mut rows = Vec::new();
    for ts in &card.teams {
        if ts.duties.is_empty() && ts.impact.is_none() {
            continue;
        }
        let (mut strengths, mut areas, mut actions) = (Vec::new(), Vec::new(), Vec::new());
        let mut urgent = false;
        for inc in &card.incidents {
            let on_time: Vec<&str> = ts
                .duties
                .iter()
                .filter(|d| d.threat == inc.threat && d.outcome == Outcome::OnTime)
                .map(|d| super::text::phase(d.phase).get(lang))
                .collect();
            if !on_time.is_empty() {
                let phases = on_time.join(&say(lang, "r-phase-sep")).to_lowercase();
                strengths.push(say_with(
                    lang,
                    "r-on-time-for",
                    &[
                        ("threat", Str(&threat(inc.threat))),
                        ("phases", Str(&phases)),
                    ],
                ));
            }
        }
        for p in Phase::ALL {
            let of = |o: Outcome| -> Vec<String> {
                ts.duties
                    .iter()
                    .filter(|d| d.phase == p && d.outcome == o)
                    .map(|d| threat(d.threat))
                    .collect()
            };
            let (late_ones, missed_ones) = (of(Outcome::Late), of(Outcome::Missed));
            if !late_ones.is_empty() {
                let late_ones = late_by(card, ts.team, p, lang, &threat);
                areas.push(area(lang, late(p), &late_ones));
            }
            if !missed_ones.is_empty() {
                areas.push(area(lang, missed(p), &missed_ones));
                urgent = true;
            }
            if !late_ones.is_empty() || !missed_ones.is_empty() {
                actions.push(action(p).get(lang).to_string());
            }
        }
        if let Some(a) = ts.impact.as_ref().and_then(|l| l.avoided) {
            if a >= 0.5 {
                let share = fmt::pct(a);
                strengths.push(say_with(lang, "r-kept-loss-off", &[("share", Str(&share))]));
            } else {
                let share = fmt::pct(1.0 - a);
                areas.push(say_with(lang, "r-lost-share", &[("share", Str(&share))]));
                actions.push(BUFFERS.get(lang).to_string());
            }
        }
        for w in card.coordination.warnings.iter().filter(|w| w.unwarned) {
            let inc = card.incident(w.threat);
            if w.team == ts.team {
                let t = threat(w.threat);
                areas.push(say_with(lang, "r-hit-unwarned", &[("threat", Str(&t))]));
                push_once(&mut actions, DIRECT_LINES.get(lang));
            } else if inc.is_some_and(|i| i.owners.contains(&ts.team)) {
                let (team, t) = (name(w.team), threat(w.threat));
                let args = [("team", Str(&team)), ("threat", Str(&t))];
                areas.push(say_with(lang, "r-dependent-hit-unwarned", &args));
                push_once(&mut actions, action(Phase::Share).get(lang));
            }
        }
        if let Some(acc) = card.accuracy.teams.iter().find(|a| a.team == ts.team) {
            if acc.correct == acc.checked {
                let n = Num(acc.checked as f64);
                strengths.push(say_with(lang, "r-claims-matched", &[("n", n)]));
            } else {
                let wrong = acc.checked - acc.correct;
                let (wrong, of) = (wrong.to_string(), acc.checked.to_string());
                let args = [("wrong", Str(&wrong)), ("of", Str(&of))];
                areas.push(say_with(lang, "r-claims-wrong", &args));
                actions.push(CHECK_CLAIMS.get(lang).to_string());
            }
        }
        let due = if areas.is_empty() {
            None
        } else {
            fmt::date_after(sc.start_clock, if urgent { 30 } else { 60 })
        };
        rows.push(PlanRow {
            team: ts.team,
            owner: name(ts.team),
            strengths,
            areas,
            actions,
            due,
        });
    }
    rows
}

/// An area for improvement: what went wrong, and in which incidents.
fn area(lang: Lang, what: T, incidents: &[String]) -> String {
    let items = incidents.join(&say(lang, "r-area-sep"));
    say_with(
        lang,
        "r-area",
        &[("what", Str(what.get(lang))), ("items", Str(&items))],
    )
}

/// The late incidents of one phase with how much over the deadline each was.
fn late_by(
    card: &Scorecard,
    team: TeamId,
    p: Phase,
    lang: Lang,
    threat: &dyn Fn(crate::scenario::ThreatId) -> String,
) -> Vec<String> {
    card.teams
        .iter()
        .filter(|t| t.team == team)
        .flat_map(|t| &t.duties)
        .filter(|d| d.phase == p && d.outcome == Outcome::Late)
        .filter_map(|d| {
            let ps = card.incident(d.threat)?.phase(p);
            let by = ps.took?.saturating_sub(ps.deadline);
            let (t, by) = (threat(d.threat), fmt::dur(by, lang));
            Some(say_with(
                lang,
                "r-late-by",
                &[("threat", Str(&t)), ("by", Str(&by))],
            ))
        })
        .collect()
}

fn push_once(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}
