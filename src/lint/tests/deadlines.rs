//! Report and share deadlines against the fastest paths through the channels.

use super::{kinds, lint, pos_of, scenario};
use crate::scenario::ProblemKind;

fn deadlines(report: &str, share: &str) -> String {
    scenario(&[]).replace(
        r#"report: "20m", share: "40m""#,
        &format!(r#"report: "{report}", share: "{share}""#),
    )
}

fn slow_report(took: Option<u64>, deadline: u64) -> ProblemKind {
    ProblemKind::SlowReport {
        threat: "attack".into(),
        took,
        deadline,
    }
}

fn slow_share(took: Option<u64>, deadline: u64) -> ProblemKind {
    ProblemKind::SlowShare {
        threat: "attack".into(),
        team: "tel".into(),
        took,
        deadline,
    }
}

#[test]
fn the_deadlines_are_met_exactly() {
    // Power -> desk is 10 minutes; power -> desk -> hub -> tel 30.
    assert_eq!(kinds(&deadlines("10m", "30m")), vec![]);
}

#[test]
fn a_report_deadline_shorter_than_the_owners_channel() {
    let text = deadlines("9m", "30m");
    assert_eq!(
        lint(&text),
        vec![(slow_report(Some(600), 540), pos_of(&text, "3, steps", 0))]
    );
}

#[test]
fn a_share_deadline_shorter_than_the_path_to_a_dependent() {
    let text = deadlines("10m", "29m");
    assert_eq!(
        lint(&text),
        vec![(slow_share(Some(1800), 1740), pos_of(&text, "3, steps", 0))]
    );
    // A shortcut from the power team to the tel team meets it.
    let shortcut = r#"(from: "power", to: "tel", latency: "5m", both_ways: false),"#;
    let text = scenario(&[("CHANNELS", shortcut)]).replace(r#"share: "40m""#, r#"share: "29m""#);
    assert_eq!(kinds(&text), vec![]);
}

#[test]
fn a_report_must_come_from_an_owner_itself() {
    // The power team reaches the desk only through the tel team: a relayed report is
    // not the owner's, but the news still reaches the tel team at once.
    let text = scenario(&[(
        "CHANNELS",
        r#"(from: "power", to: "tel", latency: "1m"),
        (from: "tel", to: "desk", latency: "1m"),"#,
    )])
    .replace(r#"(from: "power", to: "desk", latency: "10m"),"#, "");
    assert_eq!(kinds(&text), vec![slow_report(None, 1200)]);
}

#[test]
fn a_dependent_no_path_reaches() {
    let text = scenario(&[]).replace(r#"(from: "hub", to: "tel", latency: "10m"),"#, "");
    assert_eq!(kinds(&text), vec![slow_share(None, 2400)]);
    // One way only, from the tel team up: still no way down to it.
    let up = r#"(from: "tel", to: "hub", latency: "10m", both_ways: false),"#;
    let text =
        scenario(&[("CHANNELS", up)]).replace(r#"(from: "hub", to: "tel", latency: "10m"),"#, "");
    assert_eq!(kinds(&text), vec![slow_share(None, 2400)]);
}

#[test]
fn a_threat_no_team_answers_for_is_not_judged() {
    // Without the power team nobody plays the plant, the attack's one target.
    let text = scenario(&[])
        .replace(
            r#"(id: "power", name: (en: "Power"), role: Operator, controls: ["power-co"]),"#,
            "",
        )
        .replace(r#"(from: "power", to: "desk", latency: "10m"),"#, "");
    let found = kinds(&text);
    assert!(
        !found.iter().any(|k| matches!(
            k,
            ProblemKind::SlowReport { .. } | ProblemKind::SlowShare { .. }
        )),
        "{found:?}"
    );
}
