//! The evaluator's checklist: pre-filled from the journal, confirmed or corrected by the
//! observer, recorded in the session (it survives a kill), and in the after-action report
//! per objective with its evidence and an improvement-plan row per gap.

use super::common::scratch;
use super::play_run::{self as runs, plan};
use crossdrill::engine::{Command, Draft, Engine, Verdict};
use crossdrill::report::{self, Format};
use crossdrill::scenario::{Design, Lang, MessageKind, builtin_default_loaded};
use crossdrill::scoring::{self, checklist};
use crossdrill::session::Session;
use std::sync::Arc;

fn verdicts(
    d: &Design,
    journal: &crossdrill::engine::Journal,
    now: u64,
) -> Vec<(String, Option<Verdict>)> {
    checklist(d, journal, now)
        .iter()
        .map(|c| {
            (
                d.expectations[c.expectation.idx()].id.clone(),
                c.suggested.as_ref().map(|s| s.verdict),
            )
        })
        .collect()
}

fn get<'a>(v: &'a [(String, Option<Verdict>)], id: &str) -> Option<&'a Option<Verdict>> {
    v.iter().find(|(i, _)| i == id).map(|(_, x)| x)
}

#[test]
fn the_checklist_is_pre_filled_from_the_journal_as_each_time_comes() {
    let d = builtin_default_loaded().design;
    let well = runs::default_play("well-run.commands.ron");
    let end = well.sc.duration;
    let v = verdicts(&d, &well.journal, end);
    // Sent and taken in time.
    assert_eq!(get(&v, "grid-reports"), Some(&Some(Verdict::Observed)));
    assert_eq!(get(&v, "meti-passes-on"), Some(&Some(Verdict::Observed)));
    assert_eq!(get(&v, "centre-alerts"), Some(&Some(Verdict::Observed)));
    assert_eq!(get(&v, "grid-crews"), Some(&Some(Verdict::Observed)));
    assert_eq!(get(&v, "bank-scrubs"), Some(&Some(Verdict::Observed)));
    // Only an evaluator can judge a decision: no pre-fill.
    assert_eq!(get(&v, "bank-weighs-bcp"), Some(&None));
    // The lines never dropped: that inject never fired, so nothing was asked.
    assert_eq!(get(&v, "bank-backup-lines"), None);
    // Before its time comes an expected action is not on the list; before it is due it
    // is open, not failed.
    let early = verdicts(&d, &well.journal, 10 * 60);
    assert_eq!(get(&early, "bank-scrubs"), None);
    assert_eq!(get(&early, "grid-reports"), Some(&None));

    let none = runs::default_play("no-response.commands.ron");
    let v = verdicts(&d, &none.journal, end);
    assert_eq!(get(&v, "grid-reports"), Some(&Some(Verdict::NotObserved)));
    // Without a response the lines drop and the stadium's fuel runs low.
    assert_eq!(
        get(&v, "bank-backup-lines"),
        Some(&Some(Verdict::NotObserved))
    );
    assert_eq!(get(&v, "organiser-fuel"), Some(&Some(Verdict::NotObserved)));
}

#[test]
fn a_late_message_is_partly_observed() {
    let loaded = builtin_default_loaded();
    let sc = Arc::new(loaded.scenario);
    let team = |id: &str| sc.team_by_id(id).expect("team");
    let mut e = Engine::new(sc.clone(), runs::DEFAULT_SEED);
    // The grid's warning to the carrier is due an hour in; it goes at 1:10.
    e.advance_to(70 * 60);
    let draft = Draft {
        kind: MessageKind::Alert,
        incidents: vec![],
        services: vec![],
        severity: Some(4),
        status: None,
        text: "Substations tripping".into(),
    };
    let warn = Command::Send {
        team: team("grid"),
        to: vec![team("carrier")],
        draft,
    };
    e.apply(warn).expect("accepted");
    let v = verdicts(&loaded.design, e.journal(), e.now());
    assert_eq!(get(&v, "grid-warns-carrier"), Some(&Some(Verdict::Partly)));
}

#[test]
fn findings_survive_a_kill_and_reach_the_report_per_objective() {
    let loaded = builtin_default_loaded();
    let (name, text) = crossdrill::scenario::DEFAULT_SCENARIO;
    let dir = scratch("checklist-kill");
    let mut session = Session::create(&dir, name, text, runs::DEFAULT_SEED).expect("created");
    let sc = session.scenario().clone();
    let mut engine = Engine::new(sc.clone(), runs::DEFAULT_SEED);
    for s in plan(&sc, "well-run.commands.ron")
        .iter()
        .filter(|s| s.at <= 3600)
    {
        engine.advance_to(s.at);
        let c = s.command_for(&engine);
        session
            .apply(&mut engine, c)
            .expect("recorded")
            .expect("accepted");
    }
    engine.advance_to(95 * 60);
    let assess = |id: &str, verdict, note: &str| Command::Assess {
        expectation: id.into(),
        verdict,
        note: note.into(),
    };
    // The observer confirms one pre-fill and corrects another, with a note.
    for c in [
        assess("grid-reports", Verdict::Observed, ""),
        assess(
            "centre-alerts",
            Verdict::Partly,
            "the alert left out the bank",
        ),
    ] {
        session
            .apply(&mut engine, c)
            .expect("recorded")
            .expect("accepted");
    }
    // Killed here: no finish, nothing flushed but the records.
    drop(session);
    drop(engine);

    let mut back = Session::open(&dir).expect("reopens");
    assert_eq!(**back.session.design(), loaded.design);
    let checks = checklist(
        back.session.design(),
        back.engine.journal(),
        back.engine.now(),
    );
    let found: Vec<_> = checks
        .iter()
        .filter_map(|c| {
            c.recorded
                .as_ref()
                .map(|f| (c.expectation, f.verdict, f.note.clone()))
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    back.engine.run_to_end();
    back.session.finish(&back.engine).expect("finished");
    let journal = back.engine.journal();
    let card = scoring::score(&sc, journal).expect("scores");
    let design = back.session.design().clone();

    let md = report::render(&sc, &design, journal, &card, Format::Markdown, Lang::En);
    let part = md
        .split("## Objectives")
        .nth(1)
        .expect("an objectives section");
    assert!(part.contains("### Verify the contact path"), "{part}");
    assert!(part.contains("observed (evaluator)"), "{part}");
    assert!(part.contains("partly observed (evaluator)"), "{part}");
    assert!(part.contains("“the alert left out the bank”"), "{part}");
    assert!(
        part.contains("observed (from the journal, not confirmed)"),
        "{part}"
    );
    // The gap gets a plan row: its owner and what to change, with the note.
    let plan = part
        .split("### Improvement plan for the objectives")
        .nth(1)
        .expect("a plan");
    assert!(
        plan.contains(
            "| Coordination centre | Alert every sector on grid power across the chain | Rehearse"
        ),
        "{plan}"
    );
    assert!(
        !plan.contains("Report the intrusion and the outages"),
        "no gap, no row: {plan}"
    );

    let ja = report::render(&sc, &design, journal, &card, Format::Html, Lang::Ja);
    assert!(ja.contains("id=\"objectives\""));
    assert!(
        ja.contains("一部確認できた（評価者）") || ja.contains("一部確認できた (評価者)"),
        "{ja}"
    );
    let json = report::render(&sc, &design, journal, &card, Format::Json, Lang::En);
    assert!(json.contains("\"recorded\": \"Partly\""), "{json}");
}
