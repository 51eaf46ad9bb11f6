//! `crossdrill run` and `crossdrill generate` from the outside: the timeline, JSON Lines,
//! journal files, scripted plays and their errors.

use super::common::{crossdrill, said, succeeds, temp_file, text};

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";

#[test]
fn run_prints_the_timeline_with_causes_and_is_reproducible() {
    let a = succeeds(&["run", SCENARIO, "--seed", "7"]);
    let out = text(&a.stdout);
    assert!(
        out.starts_with("# games-time-blackout (seed 7), until 6:00:00\n"),
        "{out}"
    );
    assert!(
        out.contains(
            " 0:46:00  bts-koto: up -> on backup, via substation-koto -> bts-koto (physical, 1m); origin threat grid-campaign\n"
        ),
        "{out}"
    );
    // The thunderstorm at 2h30 capped Koto at 80 %; the battery still runs out on time.
    assert!(
        out.contains(" 3:46:00  bts-koto: on backup -> DOWN (80% -> 0%), battery spent; origin threat grid-campaign\n"),
        "{out}"
    );
    let b = crossdrill(&["run", SCENARIO, "--seed", "7"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn run_writes_json_lines_and_journal_files() {
    let out = crossdrill(&[
        "run", SCENARIO, "--seed", "7", "--until", "1h", "--format", "jsonl",
    ]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let first = stdout.lines().next().unwrap_or_default();
    let hash = crossdrill::scenario::builtin_default().content_hash();
    assert_eq!(
        first,
        format!(
            r#"{{"format":2,"scenario":"games-time-blackout","seed":7,"until":3600,"scenario_hash":"{hash}"}}"#
        )
    );
    let ron = temp_file("engine-cli", "journal.ron");
    let jsonl = temp_file("engine-cli", "journal.jsonl");
    for path in [&ron, &jsonl] {
        let p = path.to_str().unwrap_or_default();
        succeeds(&[
            "run",
            SCENARIO,
            "--seed",
            "7",
            "--until",
            "1h",
            "--journal",
            p,
        ]);
    }
    let from_ron =
        crossdrill::engine::Journal::from_ron(&std::fs::read_to_string(&ron).unwrap_or_default());
    let from_jsonl = std::fs::read_to_string(&jsonl).unwrap_or_default();
    assert_eq!(from_jsonl, stdout);
    assert_eq!(from_ron.expect("RON journal reads back").to_jsonl(), stdout);
}

#[test]
fn scripted_plays_run_and_bad_ones_point_at_the_line() {
    let out = succeeds(&[
        "run",
        SCENARIO,
        "--seed",
        "7",
        "--commands",
        "benches/games-time-blackout.play.ron",
    ]);
    assert!(text(&out.stdout).contains("carrier starts refuel-generators on bts-koto"));
    assert_eq!(text(&out.stderr), "");

    let bad = temp_file("engine-cli", "bad.play.ron");
    std::fs::write(
        &bad,
        "[\n    (at: \"10m\", note: \"fine\"),\n    (at: \"20m\", team: \"grd\", act: \"isolate\", target: \"grid-scada\"),\n    (at: \"30m\", fire: \"no-such-inject\"),\n]\n",
    )
    .expect("write");
    let p = bad.to_str().unwrap_or_default();
    let out = crossdrill(&["run", SCENARIO, "--commands", p]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{p}:3:17: unknown team `grd`\n  hint: did you mean `grid`?\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}:4:17: unknown inject `no-such-inject`\n")),
        "{err}"
    );

    std::fs::write(&bad, "[\n    (at: \"10m\" note: \"missing comma\"),\n]\n").expect("write");
    let out = crossdrill(&["run", SCENARIO, "--commands", p]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with(&format!("{p}:2:")),
        "{}",
        text(&out.stderr)
    );

    // A command the engine refuses is reported with its place, and the run goes on.
    std::fs::write(&bad, "[\n    (at: \"10m\", team: \"grid\", act: \"refuel-generators\", target: \"bts-koto\"),\n]\n")
        .expect("write");
    let out = crossdrill(&["run", SCENARIO, "--commands", p]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{p}:2:5: refused at 0:10:00: team `grid` does not control `bts-koto`"
        )),
        "{err}"
    );
    // With --strict a refusal fails the run (for plays checked in CI).
    let out = crossdrill(&["run", SCENARIO, "--commands", p, "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error: 1 command(s) refused (--strict)"));
    let good = "benches/games-time-blackout.play.ron";
    succeeds(&["run", SCENARIO, "--commands", good, "--strict"]);
}

#[test]
fn generate_writes_a_scenario_that_validates_and_runs() {
    let path = temp_file("engine-cli", "national.scenario.ron");
    let p = path.to_str().unwrap_or_default();
    let out = succeeds(&[
        "generate",
        "--services",
        "400",
        "--dependencies",
        "3000",
        "--seed",
        "5",
        "--out",
        p,
    ]);
    assert!(text(&out.stdout).contains("400 services, 3000 dependencies"));
    let (code, out) = said(&["validate", p]);
    assert_eq!(code, 0, "{out}");
    let out = succeeds(&["run", p, "--until", "3h"]);
    assert!(text(&out.stdout).contains("threat grid-hubs hits electricity-000000: outage"));
}

/// A journal says where its run stood, so a run stopped early is scored, replayed and
/// reported to that time without being told again.
#[test]
fn a_journal_of_a_run_stopped_early_is_reported_to_where_it_stood() {
    let journal = temp_file("engine-cli", "stopped.jsonl");
    let at_run = temp_file("engine-cli", "at-run.json");
    let later = temp_file("engine-cli", "later.json");
    let to_end = temp_file("engine-cli", "to-end.json");
    let (j, a, l, e) = (
        journal.to_str().unwrap_or_default(),
        at_run.to_str().unwrap_or_default(),
        later.to_str().unwrap_or_default(),
        to_end.to_str().unwrap_or_default(),
    );
    let plays = "tests/plays/well-run.commands.ron";
    succeeds(&[
        "run",
        SCENARIO,
        "--seed",
        "7",
        "--commands",
        plays,
        "--until",
        "2h",
        "--journal",
        j,
        "--report",
        a,
    ]);
    let header = std::fs::read_to_string(&journal).unwrap_or_default();
    assert!(header.starts_with(
        r#"{"format":2,"scenario":"games-time-blackout","seed":7,"until":7200,"scenario_hash":""#
    ));

    succeeds(&["report", j, "--out", l]);
    let (at_run, later) = (
        std::fs::read_to_string(&at_run).unwrap_or_default(),
        std::fs::read_to_string(&later).unwrap_or_default(),
    );
    assert!(!at_run.is_empty());
    assert_eq!(later, at_run, "report scores the journal as the run did");

    // Told to score to the scenario's end, it is a different (worse) picture.
    succeeds(&["report", j, "--until", "6h", "--out", e]);
    assert_ne!(std::fs::read_to_string(&to_end).unwrap_or_default(), at_run);

    let (code, out) = said(&["replay", j]);
    assert_eq!(code, 0, "{out}");
}
