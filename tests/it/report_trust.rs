//! `crossdrill report` believes a journal only once checked: a journal with one digit
//! changed, or recorded with another version of its scenario, is refused with the
//! reason; one written before headers named the scenario's version is checked by its
//! replay alone.

use crate::common::{run_to_journal, said, scratch};

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";
const PLAY: &str = "tests/plays/well-run.commands.ron";

fn report(journal: &std::path::Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["report", journal.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    said(&args)
}

#[test]
fn an_edited_or_foreign_journal_is_refused_and_an_old_one_is_checked_by_replay() {
    let dir = scratch("report-trust");
    let journal = dir.join("run.jsonl");
    run_to_journal(SCENARIO, PLAY, &journal);
    let text = std::fs::read_to_string(&journal).unwrap();
    let (code, out) = report(&journal, &[]);
    assert_eq!(code, 0, "{out}");

    // One digit of one entry's time changed.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let k = lines
        .iter()
        .position(|l| l.contains("ServiceChanged"))
        .expect("a service change");
    let at = lines[k].find("\"at\":").unwrap() + 5;
    let digit = lines[k].as_bytes()[at];
    let other = if digit == b'9' {
        '8'
    } else {
        (digit + 1) as char
    };
    lines[k].replace_range(at..at + 1, &other.to_string());
    let edited = dir.join("edited.jsonl");
    std::fs::write(&edited, lines.join("\n") + "\n").unwrap();
    let (code, out) = report(&edited, &[]);
    assert_eq!(code, 1, "{out}");
    // The time now goes back at the edited entry or at the one after it.
    let named = [
        format!("entry {}", k - 1),
        format!("entries {} and {}", k - 2, k - 1),
        format!("entries {} and {}", k - 1, k),
    ];
    assert!(
        named.iter().any(|n| out.contains(n)) && out.contains("edited or damaged"),
        "{out}"
    );

    // The scenario changed after the drill, same id.
    let changed = dir.join("changed.scenario.ron");
    let s = std::fs::read_to_string(SCENARIO).unwrap();
    std::fs::write(
        &changed,
        s.replacen("criticality: 0.9", "criticality: 0.7", 1),
    )
    .unwrap();
    let (code, out) = report(&journal, &["--scenario", changed.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("another version of scenario `games-time-blackout`"),
        "{out}"
    );

    // A journal from before headers named the scenario's version: its replay decides.
    let mut header: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    header.as_object_mut().unwrap().remove("scenario_hash");
    let old = dir.join("old.jsonl");
    let rest: Vec<&str> = text.lines().skip(1).collect();
    std::fs::write(&old, format!("{header}\n{}\n", rest.join("\n"))).unwrap();
    let (code, out) = report(&old, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("does not name the version"), "{out}");
    let mut cut: Vec<String> = text.lines().map(String::from).collect();
    cut[0] = header.to_string();
    cut.truncate(cut.len() - 3);
    let short = dir.join("short.jsonl");
    std::fs::write(&short, cut.join("\n") + "\n").unwrap();
    let (code, out) = report(&short, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cut short"), "{out}");
}

#[test]
fn fork_compares_only_with_a_journal_it_can_believe() {
    let dir = scratch("fork-trust");
    let journal = dir.join("run.jsonl");
    run_to_journal(SCENARIO, PLAY, &journal);
    let text = std::fs::read_to_string(&journal).unwrap();
    let edited = dir.join("edited.jsonl");
    std::fs::write(&edited, text.replacen("\"at\":1800,", "\"at\":1801,", 1)).unwrap();
    let out = dir.join("fork");
    let (code, said_) = said(&[
        "fork",
        edited.to_str().unwrap(),
        "--at",
        "30m",
        "--out",
        out.to_str().unwrap(),
        "--commands",
        PLAY,
    ]);
    assert_ne!(code, 0, "{said_}");
    assert!(
        said_.contains("edited.jsonl:") && said_.contains("edited or damaged"),
        "{said_}"
    );
}
