//! Journals written by earlier versions still read, write back byte for byte, and
//! score: `tests/fixtures/well-run-1h.journal.ron` was written by the first release
//! (`crossdrill run scenarios/games-time-blackout.scenario.ron --seed 7 --commands
//! tests/plays/well-run.commands.ron --until 1h --journal ...`).

use super::common::{crossdrill, succeeds};
use crossdrill::engine::{EntryKind, Journal};

const FIXTURE: &str = "tests/fixtures/well-run-1h.journal.ron";

#[test]
fn an_earlier_ron_journal_reads_and_writes_back_unchanged() {
    let text = std::fs::read_to_string(FIXTURE).expect("the fixture reads");
    let j = Journal::from_ron(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        j.entries
            .iter()
            .any(|e| matches!(e.kind, EntryKind::MessageSent { .. })),
        "the fixture has messages"
    );
    assert!(
        j.entries
            .iter()
            .any(|e| matches!(e.kind, EntryKind::Command(_))),
        "the fixture has commands"
    );
    assert_eq!(j.to_ron().expect("writes RON"), text);
}

/// The engine's rules changed in journal format 2 (draws keyed by what they decide):
/// a format-1 journal cannot be re-created, and `replay` says so plainly at line 1
/// instead of pointing at the first entry where the rules part; `report` still scores
/// it, with a warning.
#[test]
fn an_earlier_ron_journal_is_reported_but_not_replayed() {
    let out = crossdrill(&["replay", FIXTURE]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{FIXTURE}:1: recorded by an earlier crossdrill (journal format 1)"
        )),
        "{said}"
    );
    let out = succeeds(&["report", FIXTURE, "--format", "md"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Overall score"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("journal format 1"));
}
