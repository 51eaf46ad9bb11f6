//! Journals written by earlier versions still read, write back byte for byte, and
//! replay: `tests/fixtures/well-run-1h.journal.ron` was written by the first release
//! (`crossdrill run scenarios/games-time-blackout.scenario.ron --seed 7 --commands
//! tests/plays/well-run.commands.ron --until 1h --journal ...`).

use crossdrill::engine::{EntryKind, Journal};
use std::process::Command;

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

#[test]
fn an_earlier_ron_journal_replays_identically() {
    let out = Command::new(env!("CARGO_BIN_EXE_crossdrill"))
        .args(["replay", FIXTURE])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
