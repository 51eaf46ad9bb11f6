//! Unit tests of the static lint, one or more per rule, on a small scenario written as
//! RON text and changed a little for each case: a plant feeding a tower, four teams
//! in a chain (power - desk - hub - tel, 10 minutes a hop each way), one attack on
//! the plant, a report deadline of 20 minutes and a share deadline of 40.

mod deadlines;
mod never;
mod unused;

use super::lint_static;
use crate::scenario::{Level, Locator, Pos, ProblemKind, load_source};

const NAME: &str = "t.scenario.ron";

const BASE: &str = r#"(
    include: ["std:sectors", "std:severity"],
    id: "t",
    title: (en: "T", ja: "T"),
    duration: "2h",
    organisations: [
        (id: "power-co", name: (en: "Power Co"), sector: "electricity", kind: Operator, monitoring: Low),
        (id: "tel-co", name: (en: "Tel Co"), sector: "telecom", kind: Operator, monitoring: High),
        (id: "power-desk", name: (en: "Desk"), sector: "electricity", kind: Ministry, monitoring: Low),
        (id: "centre-org", name: (en: "Centre"), sector: "national", kind: Centre, monitoring: High),
        (id: "lone-org", name: (en: "Lone"), sector: "telecom", kind: Operator, monitoring: High),
    ],
    services: [
        (id: "plant", name: (en: "Plant"), owner: "power-co", criticality: 1.0, people: 1000),
        (id: "tower", name: (en: "Tower"), owner: "tel-co", criticality: 0.5, people: 2000),
        // SERVICES
    ],
    dependencies: [
        (from: "plant", to: "tower", kind: Physical, delay: "10m", effect: Fail),
    ],
    teams: [
        (id: "power", name: (en: "Power"), role: Operator, controls: ["power-co"]),
        (id: "tel", name: (en: "Tel"), role: Operator, controls: ["tel-co"]),
        (id: "desk", name: (en: "Desk"), role: Ministry, controls: ["power-desk"]),
        (id: "hub", name: (en: "Hub"), role: Centre, controls: ["centre-org"]),
        // TEAMS
    ],
    channels: [
        (from: "power", to: "desk", latency: "10m"),
        (from: "desk", to: "hub", latency: "10m"),
        (from: "hub", to: "tel", latency: "10m"),
        // CHANNELS
    ],
    threats: [
        (id: "attack", name: (en: "Attack"), severity: 3, steps: [
            (at: "5m", kind: Compromise(service: "plant"), stealth: 1.0),
            (at: "10m", kind: Impact(service: "plant", impact: Outage)),
        ]),
    ],
    injects: [
        // INJECTS
    ],
    actions: [
        (id: "patch", name: (en: "Patch"), duration: "30m", target: OwnCompromised, effects: [Patch], roles: [Operator]),
        // ACTIONS
    ],
    scoring: (
        deadlines: [(3, (detect: "5m", report: "20m", share: "40m", contain: "1h", restore: "1h30m"))],
        grades: [(name: (en: "A"), min: 0.0)],
    ),
)"#;

/// The base scenario with `more` put in at each `// MARKER`.
fn scenario(more: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (marker, what) in more {
        let at = format!("// {marker}");
        text = text.replace(&at, &format!("{what}\n        {at}"));
    }
    text
}

/// The static findings of `text`: each one's kind and position, all warnings.
fn lint(text: &str) -> Vec<(ProblemKind, Pos)> {
    let loaded = match load_source(NAME, text, None) {
        Ok(l) => l,
        Err(p) => panic!("the test scenario does not load:\n{p}"),
    };
    let found = lint_static(&loaded, &Locator::from_source(NAME, text));
    assert!(
        found
            .iter()
            .all(|p| p.level == Level::Warning && p.file == NAME)
    );
    assert!(found.iter().all(|p| p.hint.is_some()));
    found.into_iter().map(|p| (p.kind, p.pos)).collect()
}

/// The kinds of the findings of `text`.
fn kinds(text: &str) -> Vec<ProblemKind> {
    lint(text).into_iter().map(|(k, _)| k).collect()
}

/// Where the `nth` (from 0) occurrence of `needle` starts in `text`.
fn pos_of(text: &str, needle: &str, nth: usize) -> Pos {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .map_or_else(|| panic!("`{needle}` is not in the text"), |(i, _)| i);
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    Pos {
        line: before.matches('\n').count() + 1,
        col: before[line_start..].chars().count() + 1,
    }
}

#[test]
fn the_base_scenario_is_clean() {
    assert_eq!(lint(&scenario(&[])), vec![]);
}

#[test]
fn findings_come_sorted_by_position() {
    let text = scenario(&[
        (
            "ACTIONS",
            r#"(id: "audit", name: (en: "Audit"), duration: "1h", target: Organisation, effects: [Bcp], roles: [Ceptoar]),"#,
        ),
        (
            "SERVICES",
            r#"(id: "spare", name: (en: "Spare"), owner: "tel-co", criticality: 0.1, people: 1),"#,
        ),
        (
            "TEAMS",
            r#"(id: "lone", name: (en: "Lone"), role: Operator, controls: ["lone-org"]),"#,
        ),
    ]);
    let found = lint(&text);
    let positions: Vec<Pos> = found.iter().map(|(_, p)| *p).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert_eq!(found.len(), 3, "{found:?}");
}
