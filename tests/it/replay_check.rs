//! Replay and fork: random sessions replay byte-identical, a fork at t matches its
//! original up to t, and one changed byte makes `crossdrill replay` fail at its place.

use super::common::{Rand, run_to_journal, said, scratch};
use crossdrill::engine::{Command, EntryKind, Journal};
use crossdrill::scenario::Secs;
use crossdrill::session::{Session, Verdict, fork, verify};

mod random;

use random::random_session;

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";
const PLAY: &str = "benches/games-time-blackout.play.ron";

fn source() -> String {
    std::fs::read_to_string(SCENARIO).expect("scenario")
}

fn commands(j: &Journal) -> usize {
    j.entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Command(_)))
        .count()
}

#[test]
fn hundred_random_sessions_replay_byte_identical() {
    let root = scratch("replay_check-random");
    let text = source();
    let mut r = Rand(2024);
    let (mut accepted, mut entries) = (0, 0);
    for i in 0..100 {
        let dir = root.join(format!("s{i:03}"));
        let engine = random_session(&mut r, &dir, &text);
        let original = engine.journal();
        accepted += commands(original);
        entries += original.entries.len();
        match verify(&dir, None).expect("replays") {
            Verdict::Same(s) => {
                assert_eq!(s.hash, original.hash(), "session {i}");
                assert_eq!(s.compared, Some(dir.join("journal.jsonl")));
            }
            Verdict::Differs(d) => panic!("session {i}: {d}"),
        }
        let back = Session::open(&dir).expect("opens");
        assert_eq!(
            back.engine.journal().to_jsonl(),
            original.to_jsonl(),
            "session {i}"
        );
        assert!(back.dropped.is_none() && back.session.ended());
        if i % 20 == 0 {
            let (code, out) = said(&["replay", dir.to_str().expect("utf-8 path")]);
            assert_eq!(code, 0, "{out}");
            assert!(
                out.starts_with("ok: ") && out.contains(&original.hash()),
                "{out}"
            );
        }
    }
    assert!(
        accepted > 500,
        "the random sessions should mostly be accepted ({accepted})"
    );
    eprintln!("100 sessions: {accepted} accepted commands, {entries} journal entries");
}

#[test]
fn a_fork_at_t_matches_the_original_up_to_t() {
    let root = scratch("replay_check-fork");
    let text = source();
    let mut r = Rand(7);
    let dir = root.join("original");
    let engine = random_session(&mut r, &dir, &text);
    let original = engine.journal().clone();
    let cmd_times: Vec<Secs> = original
        .entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Command(_)))
        .map(|e| e.at)
        .collect();
    let mut moments = vec![0, 1, 2700, engine.now()];
    moments.extend(cmd_times.iter().take(3));
    moments.extend((0..6).map(|_| r.below(engine.now() as usize) as Secs));
    for (k, t) in moments.into_iter().enumerate() {
        let out = root.join(format!("fork-{k}"));
        let forked = fork(&dir, t, &out, None).expect("forks");
        let want: Vec<_> = original
            .entries
            .iter()
            .take_while(|e| e.at <= t)
            .cloned()
            .collect();
        assert_eq!(forked.engine.journal().entries, want, "fork at {t}");
        assert_eq!(forked.engine.now(), t);
        let from = forked
            .session
            .header()
            .forked_from
            .clone()
            .expect("forked_from");
        assert_eq!(from.at, t);
        assert!(from.path.ends_with("original"), "{}", from.path);
        // The fork plays on with another decision and replays.
        let mut s = forked.session;
        let mut e = forked.engine;
        s.apply(&mut e, Command::Note("another decision".into()))
            .expect("recorded")
            .expect("accepted");
        e.advance_to(t + 600);
        s.finish(&e).expect("finished");
        assert!(matches!(
            verify(&out, None).expect("replays"),
            Verdict::Same(_)
        ));
    }
    // From a journal file, through the command line.
    let journal = root.join("play.jsonl");
    let j = journal.to_str().expect("utf-8 path");
    run_to_journal(SCENARIO, PLAY, &journal);
    let full =
        Journal::from_jsonl(&std::fs::read_to_string(&journal).expect("journal")).expect("reads");
    let out_dir = root.join("fork-cli");
    let (code, out) = said(&[
        "fork",
        j,
        "--at",
        "1h10m",
        "--out",
        out_dir.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("forked "), "{out}");
    let forked = Session::open(&out_dir).expect("opens");
    let want: Vec<_> = full
        .entries
        .iter()
        .take_while(|e| e.at <= 4200)
        .cloned()
        .collect();
    assert_eq!(forked.engine.journal().entries, want);
    assert!(commands(forked.engine.journal()) >= 10);
}

/// The 1-based line of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
}

/// Change byte `at` to another printable character (never a newline).
fn tamper(bytes: &[u8], at: usize, r: &mut Rand) -> Vec<u8> {
    let mut out = bytes.to_vec();
    loop {
        let b = b' ' + r.below(95) as u8;
        if b != bytes[at] {
            out[at] = b;
            return out;
        }
    }
}

#[test]
fn one_changed_byte_fails_replay_with_its_place() {
    let root = scratch("replay_check-tamper");
    let mut r = Rand(99);
    // A journal file from `crossdrill run`: every byte outside the header and the
    // command entries (a bare journal has no other copy of its commands to check
    // them against; a session folder does, below).
    let journal = root.join("play.jsonl");
    let j = journal.to_str().expect("utf-8 path");
    run_to_journal(SCENARIO, PLAY, &journal);
    let (code, out) = said(&["replay", j]);
    assert_eq!(code, 0, "{out}");
    let bytes = std::fs::read(&journal).expect("journal");
    let text = String::from_utf8_lossy(&bytes).to_string();
    let skip: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.contains("\"Command\""))
        .map(|(i, _)| i + 1)
        .collect();
    let bad = root.join("bad.jsonl");
    let mut tried = 0;
    while tried < 25 {
        let at = r.below(bytes.len());
        let line = line_of(&bytes, at);
        if skip.contains(&line) {
            continue;
        }
        tried += 1;
        std::fs::write(&bad, tamper(&bytes, at, &mut r)).expect("written");
        let (code, out) = said(&["replay", bad.to_str().expect("utf-8 path")]);
        assert_eq!(code, 1, "byte {at} (line {line}): {out}");
        assert!(
            out.contains(&format!("bad.jsonl:{line}:")),
            "byte {at} should be found on line {line}: {out}"
        );
    }
    // RON journals too.
    let ron = root.join("play.ron");
    run_to_journal(SCENARIO, PLAY, &ron);
    let (code, out) = said(&["replay", ron.to_str().expect("p")]);
    assert_eq!(code, 0, "{out}");
    let rtext = std::fs::read_to_string(&ron).expect("ron");
    let line = rtext
        .lines()
        .position(|l| l.trim() == "at: 2700,")
        .expect("an entry at 45m")
        + 1;
    let changed: String = rtext.lines().enumerate().map(|(i, l)| if i + 1 == line { l.replace("2700", "2701") } else { l.to_string() } + "\n").collect();
    let bad_ron = root.join("bad.ron");
    std::fs::write(&bad_ron, changed).expect("written");
    let (code, out) = said(&["replay", bad_ron.to_str().expect("p")]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("bad.ron:{line}:")) && out.contains("expected:"),
        "{out}"
    );

    // A session folder: any byte of its journal, commands included.
    let dir = root.join("session");
    let d = dir.to_str().expect("utf-8 path");
    let (code, out) = said(&[
        "session",
        "play",
        SCENARIO,
        "--dir",
        d,
        "--seed",
        "7",
        "--commands",
        PLAY,
    ]);
    assert_eq!(code, 0, "{out}");
    let jpath = dir.join("journal.jsonl");
    let good = std::fs::read(&jpath).expect("journal");
    for _ in 0..25 {
        let at = r.below(good.len());
        let line = line_of(&good, at);
        std::fs::write(&jpath, tamper(&good, at, &mut r)).expect("written");
        let (code, out) = said(&["replay", d]);
        assert_eq!(code, 1, "byte {at} (line {line}): {out}");
        assert!(
            out.contains(&format!("journal.jsonl:{line}:")),
            "byte {at} should be found on line {line}: {out}"
        );
    }
    std::fs::write(&jpath, &good).expect("restored");
    let (code, out) = said(&["replay", d]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_journal_shows_the_first_difference_in_words() {
    let root = scratch("replay_check-words");
    let journal = root.join("play.jsonl");
    let j = journal.to_str().expect("utf-8 path");
    run_to_journal(SCENARIO, PLAY, &journal);
    let text = std::fs::read_to_string(&journal).expect("journal");
    let line = text
        .lines()
        .position(|l| l.contains("\"BufferSpent\""))
        .expect("a buffer runs out")
        + 1;
    let changed = text.replacen(
        "\"BufferSpent\":{\"service\":",
        "\"BufferSpent\":{\"service\":1",
        1,
    );
    std::fs::write(&journal, changed).expect("written");
    let (code, out) = said(&["replay", j]);
    assert_eq!(code, 1, "{out}");
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("differs: ")
            && first.contains(&format!("play.jsonl:{line}: first difference")),
        "{out}"
    );
    assert!(
        first.contains(&format!("(entry {}, at ", line - 2)),
        "{out}"
    );
    assert!(
        out.contains("\n  expected: ") && out.contains("\n  found:    "),
        "{out}"
    );
    // A journal cut short is damaged: its last line cannot be read.
    let cut = &text[..text.len() - 10];
    std::fs::write(&journal, cut).expect("written");
    let (code, out) = said(&["replay", j]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "play.jsonl:{}: cannot read the journal",
            text.lines().count()
        )),
        "{out}"
    );
}
