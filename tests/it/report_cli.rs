//! `crossdrill report` on journals written by `crossdrill run --journal`.

use super::common::{crossdrill, run_to_journal, succeeds, temp_file};
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

#[test]
fn report_of_a_scripted_run_of_the_default_scenario() {
    let journal = temp_file("report-cli", "well.jsonl");
    run_to_journal(
        "scenarios/games-time-blackout.scenario.ron",
        "tests/plays/well-run.commands.ron",
        &journal,
    );

    // The format follows --out's extension; the built-in scenario is found by its id.
    let html = temp_file("report-cli", "well.html");
    succeeds(&["report", s(&journal), "--out", s(&html)]);
    let page = std::fs::read_to_string(&html).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));

    // Markdown on standard output by default; --lang overrides the scenario's language.
    let md = crossdrill(&["report", s(&journal), "--lang", "ja"]);
    let text = String::from_utf8_lossy(&md.stdout);
    assert!(
        text.starts_with("# 事後評価報告書 · After-action report"),
        "{text}"
    );
    assert!(text.contains("A：連携良好"));

    let csv = crossdrill(&["report", s(&journal), "--format", "csv", "--until", "1h"]);
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(text.starts_with("team,incident,"));
    assert!(
        !text.contains("bank-ddos"),
        "an incident after --until is not scored"
    );
    let _ = std::fs::remove_dir_all(journal.parent().unwrap_or(Path::new("/nonexistent")));
}

#[test]
fn report_of_a_scenario_file_and_a_ron_journal() {
    let journal = temp_file("report-cli", "mini.ron");
    let scenario = "tests/plays/mini.scenario.ron";
    run_to_journal(scenario, "tests/plays/mini.commands.ron", &journal);

    // Without --scenario no shipped one matches: a clear error.
    let out = crossdrill(&["report", s(&journal)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the journal is of scenario `mini`, which is not one of the shipped"),
        "{err}"
    );

    let out = succeeds(&[
        "report",
        s(&journal),
        "--scenario",
        scenario,
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["grade"], "A");
    let _ = std::fs::remove_file(&journal);
}
