//! Scripted plays of the default scenario (tests/plays/) scored end to end: a well-run
//! play lands in the top grade band, the no-response baseline in the bottom one, and a
//! play that differs only by a late report loses exactly the report points.

use crate::play_run::{self as runs, plan};
use crossdrill::engine::{Engine, Journal};
use crossdrill::scenario::{Scenario, builtin_default};
use crossdrill::scoring::{self, Outcome, Phase, Scorecard};
use std::sync::Arc;

/// The play `name` of the default scenario with the seed the plays were written for
/// (the issue's `run ... --seed 7`).
fn play(name: &str) -> (Arc<Scenario>, Journal, Scorecard) {
    let r = runs::default_play(name);
    (r.sc, r.journal, r.card)
}

#[test]
fn a_well_run_play_lands_in_the_top_band() {
    let (sc, _, card) = play("well-run.commands.ron");
    assert_eq!(
        card.grade, 0,
        "score {:.2}: {}",
        card.score, sc.scoring.grades[card.grade].name.en
    );
    assert!(card.score >= sc.scoring.grades[0].min);
    // Every incident reported, contained and restored in time; most of the impact avoided.
    for i in &card.incidents {
        for phase in [Phase::Report, Phase::Contain, Phase::Restore] {
            assert_eq!(
                i.phase(phase).outcome,
                Outcome::OnTime,
                "{} {phase:?}",
                sc.threats[i.threat.idx()].id
            );
        }
    }
    assert!(
        card.impact.total.avoided.is_some_and(|a| a > 0.75),
        "{:?}",
        card.impact.total
    );
}

#[test]
fn the_no_response_baseline_lands_in_the_bottom_band() {
    let (sc, journal, card) = play("no-response.commands.ron");
    assert_eq!(
        card.grade,
        sc.scoring.grades.len() - 1,
        "score {:.2}",
        card.score
    );
    assert_eq!(card.impact.total.avoided, Some(0.0));
    // The baseline scoring builds for any play is this very run.
    let (_, well, _) = play("well-run.commands.ron");
    assert_eq!(scoring::baseline(&sc, &well, sc.duration), journal);
}

#[test]
fn a_late_report_loses_exactly_the_report_points() {
    let sc = builtin_default();
    // The two scripts differ in the time of one step only.
    let (well_plan, late_plan) = (
        plan(&sc, "well-run.commands.ron"),
        plan(&sc, "late-report.commands.ron"),
    );
    let mut a: Vec<_> = well_plan
        .iter()
        .map(|p| format!("{:?}", p.command))
        .collect();
    let mut b: Vec<_> = late_plan
        .iter()
        .map(|p| format!("{:?}", p.command))
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    let moved: Vec<_> = late_plan
        .iter()
        .filter(|p| {
            !well_plan
                .iter()
                .any(|q| q.at == p.at && q.command == p.command)
        })
        .collect();
    assert_eq!(moved.len(), 1);

    let (_, _, well) = play("well-run.commands.ron");
    let (_, _, late) = play("late-report.commands.ron");
    let grid = sc
        .threats
        .iter()
        .position(|t| t.id == "grid-campaign")
        .expect("grid campaign");
    let (w, l) = (&well.incidents[grid], &late.incidents[grid]);
    assert_eq!(w.phase(Phase::Report).outcome, Outcome::OnTime);
    assert_eq!(l.phase(Phase::Report).outcome, Outcome::Late);
    assert_eq!(l.phase(Phase::Report).points, 0.0);
    let report_points = w.phase(Phase::Report).points;
    assert!(report_points > 0.0);
    assert!(
        ((well.score - late.score) - report_points).abs() < 1e-9,
        "{} - {} != {report_points}",
        well.score,
        late.score
    );
    // Everything else scored the same.
    assert_eq!(well.impact.points, late.impact.points);
    for (wi, li) in well.incidents.iter().zip(&late.incidents) {
        for (wp, lp) in wi.phases.iter().zip(&li.phases) {
            if !(wi.threat.idx() == grid && wp.phase == Phase::Report) {
                assert_eq!(wp, lp);
            }
        }
    }
}

#[test]
fn the_live_loss_meter_gives_the_scorecards_run_loss_at_every_moment() {
    let (sc, journal, _) = play("well-run.commands.ron");
    let mut engine = Engine::new(sc.clone(), runs::DEFAULT_SEED);
    let mut meter = scoring::LossMeter::default();
    meter.catch_up(&sc, engine.journal());
    let none = meter.total(&sc, 0);
    assert!(none == 0.0 && none.is_sign_positive(), "{none:?}");
    let commands = journal.commands();
    let mut next = commands.iter().peekable();
    let mut t = 0;
    while t < sc.duration {
        // Uneven steps, commands applied when their time comes (as the app does).
        t = (t + 97 + t % 31).min(sc.duration);
        while let Some((at, c)) = next.peek()
            && *at <= t
        {
            engine.advance_to(*at);
            engine.apply(c.clone()).expect("accepted");
            next.next();
        }
        engine.advance_to(t);
        meter.catch_up(&sc, engine.journal());
        // The run's loss does not depend on the baseline: the run stands in for it.
        let card = scoring::score_with_baseline(&sc, engine.journal(), engine.journal(), t);
        assert_eq!(meter.total(&sc, t), card.impact.total.run, "at {t}");
    }
    assert!(meter.total(&sc, sc.duration) > 0.0);
}
