//! Scoring of a small scenario whose every metric is worked out by hand.
//!
//! tests/plays/mini.scenario.ron: `plant` (power, criticality 1.0, 1,000 people) feeds
//! `tower` (phone, 0.5, 2,000 people) over a 10-minute physical link with no buffer.
//! The `attack` (severity 3) gets into the plant at 0:05 and trips it at 0:10. Its
//! deadlines: detect 5m, report 20m, share 40m, contain 1h, restore 1h30m; weights
//! detect 10, report 20, share 20, contain 20, restore 10, impact 20 (100 in all).
//! Every channel takes 10 minutes. The play (tests/plays/mini.commands.ron):
//!
//! - 0:10 the plant trips; power detects it at once (visible). Tower trips at 0:20.
//! - 0:15 power reports to the desk (claims Down, severity 3); arrives 0:25.
//! - 0:25 the desk tells the hub (arrives 0:35) and asks power to check the plant.
//! - 0:40 the hub alerts tel (claims Degraded, severity 2: both wrong); arrives 0:50.
//! - 0:40 power patches and restores the plant (30 min each): both done at 1:10;
//!   the tower comes back at 1:20. Run ends at 2:00.

use crossdrill::engine::{Engine, Journal, MessageId, ServiceStatus};
use crossdrill::scenario::{
    MessageKind, Scenario, SectorId, ServiceId, TeamId, ThreatId, load_source,
};
use crossdrill::scoring::{self, Claimed, Link, Outcome, Phase, Scorecard, Warning};
use crossdrill::session::script;
use std::sync::Arc;

const SCENARIO: &str = include_str!("../plays/mini.scenario.ron");
const PLAY: &str = include_str!("../plays/mini.commands.ron");
const SEED: u64 = 7;

fn scenario() -> Arc<Scenario> {
    Arc::new(
        load_source("mini.scenario.ron", SCENARIO, None)
            .expect("the mini scenario loads")
            .scenario,
    )
}

fn play(sc: &Arc<Scenario>) -> Journal {
    let plan = script::parse("mini.commands.ron", PLAY, sc).expect("the mini play reads");
    let mut engine = Engine::new(sc.clone(), SEED);
    for step in &plan {
        engine.advance_to(step.at);
        engine
            .apply(step.command_for(&engine))
            .expect("every step is accepted");
    }
    engine.run_to_end();
    engine.journal().clone()
}

fn card() -> (Arc<Scenario>, Scorecard) {
    let sc = scenario();
    let card = scoring::score(&sc, &play(&sc)).expect("scores");
    (sc, card)
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

const POWER: TeamId = TeamId(0);
const TEL: TeamId = TeamId(1);
const DESK: TeamId = TeamId(2);
const HUB: TeamId = TeamId(3);

#[test]
fn phases_against_deadlines() {
    let (_, card) = card();
    assert_eq!(card.end, 7200);
    assert_eq!(card.incidents.len(), 1);
    let i = &card.incidents[0];
    assert_eq!((i.threat, i.severity, i.start), (ThreatId(0), 3, 300));
    assert_eq!(i.hits, vec![ServiceId(0)]);
    assert_eq!(i.owners, vec![POWER]);
    assert_eq!(i.dependents, vec![TEL]);
    assert_eq!(i.reached[0].at, Some(3000));

    // (phase, deadline, done at, took, outcome, credit)
    let want = [
        (Phase::Detect, 300, 600, 300, Outcome::OnTime, 1.0),
        (Phase::Report, 1200, 1500, 1200, Outcome::OnTime, 1.0),
        (
            Phase::Share,
            2400,
            3000,
            2700,
            Outcome::Late,
            1.0 - 300.0 / 2400.0,
        ),
        (
            Phase::Contain,
            3600,
            4200,
            3900,
            Outcome::Late,
            1.0 - 300.0 / 3600.0,
        ),
        (Phase::Restore, 5400, 4200, 3900, Outcome::OnTime, 1.0),
    ];
    for (p, (phase, deadline, done, took, outcome, credit)) in i.phases.iter().zip(want) {
        assert_eq!(
            (p.phase, p.deadline, p.done_at, p.took, p.outcome),
            (phase, deadline, Some(done), Some(took), outcome)
        );
        close(p.credit, credit);
    }
    // Weights add up to 100 and there is one incident: a phase's points are its weight
    // times its credit.
    let points: Vec<f64> = i.phases.iter().map(|p| p.points).collect();
    let max: Vec<f64> = i.phases.iter().map(|p| p.max_points).collect();
    for (a, b) in points
        .iter()
        .zip([10.0, 20.0, 17.5, 20.0 * 11.0 / 12.0, 10.0])
    {
        close(*a, b);
    }
    assert_eq!(max, vec![10.0, 20.0, 20.0, 20.0, 10.0]);
    close(
        i.score.unwrap_or_default(),
        100.0 * (10.0 + 20.0 + 17.5 + 20.0 * 11.0 / 12.0 + 10.0) / 80.0,
    );
}

#[test]
fn service_impact_against_the_baseline() {
    let (_, card) = card();
    let im = &card.impact;
    // Run: plant down 0:10-1:10 (1 h x 1.0 x 1,000); tower down 0:20-1:20 (1 h x 0.5 x 2,000).
    // Baseline: plant down 0:10-2:00 (1h50 x 1,000); tower 0:20-2:00 (1h40 x 0.5 x 2,000).
    let (plant, tower) = (1000.0, 1000.0);
    let (plant0, tower0) = (110.0 / 60.0 * 1000.0, 100.0 / 60.0 * 1000.0);
    close(im.total.run, plant + tower);
    close(im.total.baseline, plant0 + tower0);
    close(im.total.avoided.unwrap_or_default(), 1.0 - 2000.0 / 3500.0);
    assert_eq!(im.services.len(), 2);
    close(im.services[0].1.run, plant);
    close(im.services[1].1.baseline, tower0);
    let electricity = im
        .sectors
        .iter()
        .find(|(s, _)| *s == SectorId(0))
        .map(|(_, l)| l.clone());
    close(electricity.map_or(0.0, |l| l.run), plant);
    close(im.points, 20.0 * 3.0 / 7.0);
    assert_eq!(im.max_points, 20.0);
    // The plant's sector: down at 0:10, still down (recovering) at 0:40, up at 1:10.
    let series = im
        .series
        .iter()
        .find(|s| s.sector == SectorId(0))
        .expect("electricity series");
    assert_eq!(
        series.run,
        vec![(0, 1.0), (600, 0.0), (2400, 0.0), (4200, 1.0), (7200, 1.0)]
    );
    assert_eq!(series.baseline, vec![(0, 1.0), (600, 0.0), (7200, 0.0)]);
}

#[test]
fn overall_and_team_scores_with_grades() {
    let (sc, card) = card();
    let response = 10.0 + 20.0 + 17.5 + 20.0 * 11.0 / 12.0 + 10.0;
    close(card.score, response + 20.0 * 3.0 / 7.0);
    assert_eq!(card.grade, 0);
    assert_eq!(sc.scoring.grades[card.grade].name.en, "A");

    let team = |t: TeamId| card.team(t).expect("team");
    // Power answers for all five phases and its plant's impact (avoided 1 - 1000/1833.3).
    let power = team(POWER);
    assert_eq!(power.duties.len(), 5);
    close(
        power
            .impact
            .as_ref()
            .and_then(|l| l.avoided)
            .unwrap_or_default(),
        5.0 / 11.0,
    );
    close(
        power.score.unwrap_or_default(),
        response + 20.0 * 5.0 / 11.0,
    );
    // Tel answers only for its tower's impact: avoided 1 - 1000/1666.7 = 40 %: band C.
    let tel = team(TEL);
    assert!(tel.duties.is_empty());
    close(tel.score.unwrap_or_default(), 40.0);
    assert_eq!(tel.grade, Some(2));
    // The desk answers for report and share of its sector's incident; the hub for share.
    let desk = team(DESK);
    assert_eq!(
        desk.duties.iter().map(|d| d.phase).collect::<Vec<_>>(),
        vec![Phase::Report, Phase::Share]
    );
    close(desk.score.unwrap_or_default(), 100.0 * (20.0 + 17.5) / 40.0);
    close(team(HUB).score.unwrap_or_default(), 87.5);
    assert_eq!(team(HUB).grade, Some(0));
}

#[test]
fn coordination_hops_chain_and_warnings() {
    let (_, card) = card();
    let co = &card.coordination;
    let hops: Vec<_> = co
        .hops
        .iter()
        .map(|h| (h.message, h.from, h.to, h.kind, h.sent, h.arrived))
        .collect();
    assert_eq!(
        hops,
        vec![
            (MessageId(0), POWER, DESK, MessageKind::Report, 900, 1500),
            (MessageId(1), DESK, HUB, MessageKind::Report, 1500, 2100),
            (MessageId(2), DESK, POWER, MessageKind::Request, 1500, 2100),
            (MessageId(3), HUB, TEL, MessageKind::Alert, 2400, 3000),
        ]
    );
    assert!(co.hops.iter().all(|h| h.about == vec![ThreatId(0)]));
    let own = Link::own;
    let told = |team, at, from, m, held| Link {
        team,
        at,
        from: Some(from),
        message: Some(MessageId(m)),
        held: Some(held),
        transit: Some(600),
    };
    assert_eq!(
        co.chains[0].links,
        vec![
            own(POWER, 600),
            // Tel sees its tower trip at 0:20, long before the hub's alert.
            own(TEL, 1200),
            // Power knew at 0:10 and sent at 0:15: held 5 minutes.
            told(DESK, 1500, POWER, 0, 300),
            told(HUB, 2100, DESK, 1, 0),
        ]
    );
    assert_eq!(
        co.warnings,
        vec![Warning {
            threat: ThreatId(0),
            team: TEL,
            hit: Some(1200),
            warned: Some(3000),
            unwarned: true
        }]
    );
}

#[test]
fn picture_accuracy() {
    let (_, card) = card();
    let acc = &card.accuracy;
    let claims: Vec<_> = acc
        .claims
        .iter()
        .map(|c| (c.message, c.team, c.claimed.clone(), c.correct))
        .collect();
    let plant = ServiceId(0);
    assert_eq!(
        claims,
        vec![
            (
                MessageId(0),
                POWER,
                Claimed::Status {
                    service: plant,
                    claimed: ServiceStatus::Down,
                    actual: ServiceStatus::Down
                },
                true
            ),
            (
                MessageId(0),
                POWER,
                Claimed::Severity {
                    claimed: 3,
                    actual: 3
                },
                true
            ),
            (
                MessageId(3),
                HUB,
                Claimed::Status {
                    service: plant,
                    claimed: ServiceStatus::Degraded,
                    actual: ServiceStatus::Down
                },
                false
            ),
            (
                MessageId(3),
                HUB,
                Claimed::Severity {
                    claimed: 2,
                    actual: 3
                },
                false
            ),
        ]
    );
    assert_eq!(
        acc.teams
            .iter()
            .map(|t| (t.team, t.checked, t.correct))
            .collect::<Vec<_>>(),
        vec![(POWER, 2, 2), (HUB, 2, 0)]
    );
    assert_eq!(acc.share, Some(0.5));
}

#[test]
fn baseline_keeps_only_facilitator_commands() {
    let sc = scenario();
    let journal = play(&sc);
    let base = scoring::baseline(&sc, &journal, sc.duration);
    let commands = base.commands();
    assert_eq!(
        commands.len(),
        0,
        "notes and team commands are left out: {commands:?}"
    );
    assert!(scoring::score(&sc, &base).is_ok());
    // Scoring the baseline itself: nothing avoided, nothing reported or shared.
    let card = scoring::score(&sc, &base).unwrap_or_else(|e| panic!("{e}"));
    close(card.impact.total.avoided.unwrap_or(1.0), 0.0);
    assert_eq!(
        card.incidents[0].phase(Phase::Report).outcome,
        Outcome::Missed
    );
    assert_eq!(card.grade, 3);
}

#[test]
fn a_journal_of_another_scenario_is_refused() {
    let sc = scenario();
    let mut journal = play(&sc);
    journal.header.scenario = "other".into();
    let err = scoring::score(&sc, &journal).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "the journal is of scenario `other`, not of `mini`"
    );
}
