//! The broken-scenario corpus: each file under `tests/broken/` must fail (or warn)
//! with exactly these problems, at exactly these lines and columns.

use crossdrill::scenario::{self, Problem};
use std::path::Path;

/// (file, every problem it must produce, rendered as `line:col: level: message` + hints).
const CASES: &[(&str, &[&str])] = &[
    (
        "action-refuel-bad-duration.scenario.ron",
        &[
            "37:110: error: cannot read duration `four hours`\n  hint: write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"",
        ],
    ),
    (
        "bad-language.scenario.ron",
        &["6:15: error: unknown language `fr`\n  hint: use \"en\" or \"ja\""],
    ),
    (
        "channel-unknown-team.scenario.ron",
        &["25:33: error: unknown team `meti`\n  hint: did you mean `meti-desk`?"],
    ),
    (
        "circular-include.scenario.ron",
        &[
            "2:59: error: circular include: circular-include.scenario.ron -> circular-include.scenario.ron\n  hint: remove one of these includes",
        ],
    ),
    (
        "criticality-out-of-range.scenario.ron",
        &[
            "13:80: error: criticality 1.5 is outside 0..1\n  hint: write a fraction such as 0.5 for half",
        ],
    ),
    (
        "degrade-out-of-range.scenario.ron",
        &[
            "17:86: error: degraded capacity 2 is outside 0..1\n  hint: write a fraction such as 0.5 for half",
        ],
    ),
    (
        "dependency-unknown-provider.scenario.ron",
        &["17:16: error: unknown service `substaton`\n  hint: did you mean `substation`?"],
    ),
    (
        "duplicate-service.scenario.ron",
        &[
            "13:14: error: duplicate service id `substation`\n  hint: ids must be unique; rename one of them",
            "17:34: error: unknown service `bts`",
        ],
    ),
    (
        "duration-negative.scenario.ron",
        &[
            "29:18: error: negative duration `-10m`\n  hint: write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"",
        ],
    ),
    (
        "duration-no-unit.scenario.ron",
        &[
            "14:32: error: cannot read duration `3`\n  hint: write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"",
        ],
    ),
    (
        "duration-unparseable.scenario.ron",
        &[
            "17:64: error: cannot read duration `5 minutes`\n  hint: write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"",
        ],
    ),
    (
        "duration-zero.scenario.ron",
        &["37:66: error: action duration must not be zero"],
    ),
    (
        "exercise-duration-zero.scenario.ron",
        &["5:15: error: the exercise duration must not be zero"],
    ),
    (
        // The design's links: objectives, teams, actions and channels named by the
        // expected actions under threats and injects.
        "expect-broken-links.scenario.ron",
        &[
            "8:14: warning: objective `unused` has no expected action linked to it\n  hint: link an expected action to it with `objective: \"...\"`, or remove it",
            "35:68: error: unknown objective `contact-pth`\n  hint: did you mean `contact-path`?",
            "37:49: error: cannot read duration `soon`\n  hint: write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"",
            "38:46: warning: team `grid-team` has no channel to `carrier-team`: the expected message can never be seen\n  hint: add a channel between the two teams",
            "44:22: error: duplicate expected action id `report`\n  hint: ids must be unique across threats and injects; rename one",
            "44:38: error: unknown team `carrier-tem`\n  hint: did you mean `carrier-team`?",
            "44:97: error: text has neither `en` nor `ja`\n  hint: write (en: \"...\", ja: \"...\")",
            "45:41: error: unknown action `refule`\n  hint: did you mean `refuel`?",
        ],
    ),
    (
        "fail-loop.scenario.ron",
        &[
            "17:9: warning: loop of `Fail` dependencies that nothing can break: substation -> bts -> substation\n  hint: once one of them fails they keep each other down; give one a `manual` fallback in its `buffers`, or give its team an action with `Backup` or `Manual`; otherwise only a facilitator override brings them back",
        ],
    ),
    (
        "inject-condition-unknown-action.scenario.ron",
        &["34:48: error: unknown action `refeul`\n  hint: did you mean `refuel`?"],
    ),
    (
        "inject-condition-unknown-service.scenario.ron",
        &["34:68: error: unknown service `bst`"],
    ),
    (
        "inject-no-trigger.scenario.ron",
        &[
            "34:14: error: inject `news` has neither `at` nor `when`\n  hint: add `at: \"30m\"` or `when: ServiceDown(...)`",
        ],
    ),
    (
        "inject-unknown-team.scenario.ron",
        &["34:56: error: unknown team `carier-team`\n  hint: did you mean `carrier-team`?"],
    ),
    (
        "inject-unknown-threat.scenario.ron",
        &["34:55: error: unknown threat `blackot`\n  hint: did you mean `blackout`?"],
    ),
    (
        "manual-capacity-out-of-range.scenario.ron",
        &[
            "14:46: error: manual fallback capacity -0.1 is outside 0..1\n  hint: write a fraction such as 0.5 for half",
        ],
    ),
    (
        "missing-id.scenario.ron",
        &[
            "1:1: error: missing `id`\n  hint: add `id: \"my-scenario\"` at the top of the file",
            "22:33: error: unknown team `meti-desk`",
            "31:56: error: unknown team `carrier-team`",
        ],
    ),
    (
        "missing-include.scenario.ron",
        &[
            "2:59: error: include `missing.seed.ron` not found\n  hint: paths are relative to the including file",
        ],
    ),
    (
        "org-played-twice.scenario.ron",
        &[
            "22:82: error: organisation `grid` is played by two teams, `grid-team` and `meti-desk`\n  hint: each organisation is played by one team",
        ],
    ),
    (
        "probability-out-of-range.scenario.ron",
        &[
            "18:69: error: probability 1.2 is outside 0..1\n  hint: write a fraction such as 0.5 for half",
        ],
    ),
    (
        "self-dependency.scenario.ron",
        &[
            "17:27: error: service `bts` depends on itself\n  hint: a service cannot be its own provider; remove this dependency",
        ],
    ),
    (
        "several-errors.scenario.ron",
        &[
            "12:61: error: unknown organisation `gird`\n  hint: did you mean `grid`?",
            "17:64: error: cannot read duration `soon`\n  hint: write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"",
            "28:60: error: severity -1 is outside 0..4\n  hint: levels go from 0 (no effect) to 4 (critical)",
        ],
    ),
    (
        "severity-out-of-range.scenario.ron",
        &[
            "28:60: error: severity 5 is outside 0..4\n  hint: levels go from 0 (no effect) to 4 (critical)",
        ],
    ),
    (
        "start-clock-unreadable.scenario.ron",
        &[
            "6:18: error: cannot read start clock `24 July 2020, 7pm`\n  hint: write the date and local time, e.g. \"2020-07-24 19:00\"",
        ],
    ),
    (
        "syntax-missing-comma.scenario.ron",
        &[
            "4:5: error: Expected comma\n  hint: a comma may be missing at the end of the previous line",
        ],
    ),
    (
        "team-controls-nothing.scenario.ron",
        &[
            "21:83: error: team `carrier-team` controls no organisation\n  hint: list the organisations it plays, e.g. `controls: [\"grid-operator\"]`",
        ],
    ),
    (
        "team-controls-unknown.scenario.ron",
        &["22:74: error: unknown organisation `metti`\n  hint: did you mean `meti`?"],
    ),
    (
        "threat-unknown-service.scenario.ron",
        &["29:51: error: unknown service `substatoin`\n  hint: did you mean `substation`?"],
    ),
    (
        "unknown-field.scenario.ron",
        &[
            "7:81: error: Unexpected field named `colour` in `Organisation`, expected one of `id`, `name`, `sector`, `kind`, or `monitoring` instead\n  hint: fix the spelling, or remove it",
        ],
    ),
    (
        "unknown-owner.scenario.ron",
        &["12:61: error: unknown organisation `gird`\n  hint: did you mean `grid`?"],
    ),
    (
        "unknown-sector.scenario.ron",
        &["8:56: error: unknown sector `telecoms`\n  hint: did you mean `telecom`?"],
    ),
    (
        "unknown-std-seed.scenario.ron",
        &[
            "2:43: error: include `std:severities` not found\n  hint: built-in seeds are: std:sectors, std:chain, std:severity, std:templates",
        ],
    ),
    (
        "unknown-variant.scenario.ron",
        &[
            "17:47: error: Unexpected variant named `Electrical` in enum `DepKind`, expected one of `Physical`, `Cyber`, `Geographic`, or `Logical` instead\n  hint: fix the spelling, or remove it",
        ],
    ),
    (
        "zero-delay-cycle.scenario.ron",
        &[
            "18:9: warning: zero-delay dependency cycle: substation -> bts -> substation\n  hint: the engine settles it at one instant; give one of these dependencies a `delay` if the loop should take time",
        ],
    ),
];

fn render(p: &Problem, file: &str) -> String {
    let full = p.to_string();
    full.strip_prefix(&format!("{file}:"))
        .unwrap_or(&full)
        .to_string()
}

#[test]
fn every_broken_file_reports_exactly_its_problems() {
    assert!(CASES.len() >= 25, "the corpus has at least 25 cases");
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        let path = format!("tests/broken/{name}");
        let problems = match scenario::load_path(Path::new(&path)) {
            Ok(loaded) => loaded.warnings,
            Err(p) => p.0,
        };
        let got: Vec<String> = problems.iter().map(|p| render(p, &path)).collect();
        if got != *expected {
            failures.push(format!("{name}:\n  expected {expected:#?}\n  got {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_corpus_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir("tests/broken")
        .expect("tests/broken exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".scenario.ron"))
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn broken_files_fail_and_warnings_alone_do_not() {
    for (name, expected) in CASES {
        let path = format!("tests/broken/{name}");
        let has_error = expected.iter().any(|e| e.contains(": error: "));
        let result = scenario::load_path(Path::new(&path));
        assert_eq!(result.is_err(), has_error, "{name}");
    }
}

#[test]
fn a_fail_loop_a_team_can_break_is_not_reported() {
    let path = "tests/broken/fail-loop.scenario.ron";
    let text = std::fs::read_to_string(path).expect("the corpus file reads");
    let backup = r#"(id: "backup", name: (en: "Backup power"), duration: "10m", target: OwnService, effects: [Backup(0.5)]),"#;
    let fixed = text.replace(
        "    actions: [\n",
        &format!("    actions: [\n        {backup}\n"),
    );
    assert_ne!(fixed, text);
    let loaded = scenario::load_source(path, &fixed, None).unwrap_or_else(|p| panic!("{p}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}
