//! `crossdrill fork --commands`: a different play from a moment of a past run, played
//! to the end and compared with the original measure by measure.

use super::common::{scratch, text};

/// Run the binary: its exit code, standard output and standard error.
fn crossdrill(args: &[&str]) -> (Option<i32>, String, String) {
    let out = super::common::crossdrill(args);
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// The figures of a row: (original, fork).
fn row(out: &str, measure: &str) -> (f64, f64) {
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with(measure))
        .unwrap_or_else(|| panic!("no row `{measure}` in\n{out}"));
    let nums: Vec<f64> = line[measure.len() + 2..]
        .split_whitespace()
        .filter_map(|w| w.replace(',', "").parse().ok())
        .collect();
    (nums[0], nums[1])
}

#[test]
fn a_better_play_from_a_moment_scores_better_and_the_fork_replays() {
    let dir = scratch("fork_compare-better");
    let original = dir.join("original.jsonl");
    let fork = dir.join("fork");
    let scenario = "scenarios/games-time-blackout.scenario.ron";
    let o = original.to_str().unwrap_or_default();
    let (code, _, err) = crossdrill(&["run", scenario, "--seed", "7", "--journal", o]);
    assert_eq!(code, Some(0), "{err}");
    let play = "tests/plays/well-run.commands.ron";
    let f = fork.to_str().unwrap_or_default();
    let (code, out, err) = crossdrill(&["fork", o, "--at", "30m", "--out", f, "--commands", play]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("compared with the original up to 6:00:00 (forked at 0:30:00)"),
        "{out}"
    );
    let (before, after) = row(&out, "overall score");
    assert!(after > before + 50.0, "{before} -> {after}");
    let (lost_before, lost_after) = row(&out, "service lost (person-hours)");
    assert!(
        lost_after < lost_before / 2.0,
        "{lost_before} -> {lost_after}"
    );
    assert!(out.contains("team grid"), "{out}");
    // The fork is an ended session that replays to its own journal.
    let (code, out, err) = crossdrill(&["replay", f]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn a_play_that_does_not_load_stops_with_its_place() {
    let dir = scratch("fork_compare-bad-play");
    let original = dir.join("original.jsonl");
    let play = dir.join("bad.commands.ron");
    std::fs::write(
        &play,
        "[\n    (at: \"1h\", team: \"nobody\", act: \"isolate\", target: \"grid-scada\"),\n]\n",
    )
    .expect("writes");
    let o = original.to_str().unwrap_or_default();
    let scenario = "scenarios/games-time-blackout.scenario.ron";
    let (code, _, err) = crossdrill(&["run", scenario, "--seed", "1", "--journal", o]);
    assert_eq!(code, Some(0), "{err}");
    let fork = dir.join("fork");
    let args = [
        "fork",
        o,
        "--at",
        "10m",
        "--out",
        fork.to_str().unwrap_or_default(),
        "--commands",
        play.to_str().unwrap_or_default(),
    ];
    let (code, out, err) = crossdrill(&args);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("bad.commands.ron:2:"), "{err}");
    assert!(err.contains("nobody"), "{err}");
    assert!(
        !fork.exists(),
        "a fork was made for a play that does not load"
    );
}
