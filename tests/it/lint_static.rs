//! The static lint on files: a small scenario built to be flagged (each finding's kind
//! and where it points), every shipped scenario, and `crossdrill lint`'s output and
//! exit status.

use crate::common::said;
use crossdrill::lint::lint_static;
use crossdrill::scenario::{Level, Locator, Never, ProblemKind, SHIPPED, load_path, load_source};
use std::path::Path;

const FLAGGED: &str = "tests/lint/unreachable-inject.scenario.ron";

/// The findings of the file at `path` (relative to the package): kind, line, column.
fn findings(path: &str) -> Vec<(ProblemKind, usize, usize)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let loaded = load_path(&path).unwrap_or_else(|p| panic!("{p}"));
    let found = lint_static(&loaded, &Locator::read(&path));
    let file = path.display().to_string();
    assert!(
        found
            .iter()
            .all(|p| p.level == Level::Warning && p.file == file)
    );
    found
        .into_iter()
        .map(|p| (p.kind, p.pos.line, p.pos.col))
        .collect()
}

#[test]
fn a_scenario_with_an_inject_that_never_fires() {
    let never = ProblemKind::NeverFires {
        inject: "standby-down".into(),
        why: Never::ServiceUnaffected("standby".into()),
    };
    assert_eq!(
        findings(FLAGGED),
        vec![
            // services[2].id: `"standby"`
            (ProblemKind::Unaffected("standby".into()), 23, 14),
            // teams[4].id: `"auditor"`
            (ProblemKind::Unreachable("auditor".into()), 33, 14),
            // injects[0].when's service: `ServiceDown(service: "standby", ...)`
            (never, 55, 40),
            // actions[2].roles: `[Ceptoar]`
            (ProblemKind::NoTeamMayTake("audit".into()), 68, 115),
        ]
    );
}

#[test]
fn the_flagged_scenario_loads_without_a_warning() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FLAGGED))
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = load_source(FLAGGED, &text, None).unwrap_or_else(|p| panic!("{p}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

/// What the lint finds in each shipped scenario: two providers of the interbank
/// scenario that nothing upstream of them can affect (they are there as the sources
/// of dependencies), and nothing else.
#[test]
fn the_shipped_scenarios() {
    assert!(SHIPPED.len() >= 5);
    for &(name, _) in SHIPPED {
        let want = match name {
            "scenarios/interbank-fraud-ddos.scenario.ron" => vec![
                (ProblemKind::Unaffected("clearing-net".into()), 307, 17),
                (ProblemKind::Unaffected("card-auth".into()), 338, 17),
            ],
            _ => vec![],
        };
        assert_eq!(findings(name), want, "{name}");
    }
}

#[test]
fn the_command_prints_each_finding_and_exits_2() {
    let (code, out) = said(&["lint", FLAGGED]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.starts_with(&format!("{FLAGGED}: 4 findings\n")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{FLAGGED}:55:40: warning: inject `standby-down` can never fire: it waits for \
             service `standby` to be down, and nothing can take it down\n  hint: "
        )),
        "{out}"
    );
    assert_eq!(out.matches(": warning: ").count(), 4, "{out}");

    let clean = "scenarios/games-time-blackout.scenario.ron";
    assert_eq!(
        said(&["lint", clean, "--runs", "0"]),
        (0, format!("{clean}: nothing to flag\n"))
    );
    let (code, out) = said(&["lint", "tests/lint/no-such.scenario.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error: cannot read the file"), "{out}");
}
