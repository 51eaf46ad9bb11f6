//! Crash-safe sessions: a scripted session that crashes right after its N-th command
//! (for several N) resumes with nothing lost and replays byte-identical; a file cut
//! mid-record recovers with a message; damage in the middle is an error with
//! file:line; sessions are listed newest first.

use super::common::{Rand, said, scratch};
use crossdrill::engine::{Command, EntryKind, Journal};
use crossdrill::session::{self, Session, SessionError, TimedCommand};
use std::path::{Path, PathBuf};
use std::time::Duration;

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A scripted play with many steps: team actions and messages, facilitator
/// commands, and a note every 150 s.
fn script() -> String {
    let mut steps: Vec<(u64, String)> = vec![
        (2760, r#"team: "grid", send: (to: ["meti"], kind: Report, severity: 4, status: Down, all_incidents: true, services: ["substation-koto"], text: "Koto out")"#.into()),
        (2820, r#"team: "grid", send: (to: ["carrier", "organiser"], kind: Alert, services: ["substation-koto"], text: "Power loss")"#.into()),
        (2880, r#"team: "grid", act: "isolate", target: "grid-telecontrol""#.into()),
        (3000, r#"team: "grid", act: "manual-operation", target: "substation-koto""#.into()),
        (3600, r#"team: "carrier", act: "refuel-generators", target: "bts-koto""#.into()),
        (3900, r#"team: "organiser", act: "refuel-generators", target: "venue-stadium""#.into()),
        (4500, r#"team: "centre", broadcast: (kind: Alert, severity: 4, text: "Attack on the grid")"#.into()),
        (5400, r#"team: "bank", act: "switch-to-backup", target: "payment-switch""#.into()),
        (9000, r#"override: (service: "bts-koto", capacity: 0.5)"#.into()),
        (9900, r#"override: (service: "bts-koto", capacity: None)"#.into()),
    ];
    steps.extend((0..96).map(|k| (k * 150, format!("note: \"note {k}: 観察\""))));
    steps.sort_by_key(|s| s.0);
    let body: String = steps
        .iter()
        .map(|(at, s)| format!("    (at: \"{at}s\", {s}),\n"))
        .collect();
    format!("[\n{body}]\n")
}

fn commands_in(j: &Journal) -> usize {
    j.entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Command(_)))
        .count()
}

/// The session's process crashes (aborts, as a crash does) right after its `n`-th
/// command is on disk: it says so itself, so no timing decides where it stops.
fn crash_after(n: usize, dir: &Path, script: &str) {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCENARIO);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crossdrill"))
        .args([
            "session",
            "play",
            p(&scenario),
            "--dir",
            p(dir),
            "--seed",
            "7",
        ])
        .args(["--commands", script])
        .env("CROSSDRILL_ABORT_AFTER", n.to_string())
        // Where a core dump would go, if the system writes them: not the sources.
        .current_dir(dir.parent().expect("a scratch folder"))
        .output()
        .expect("starts");
    let said_ = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "crash after {n}: it ran to the end: {said_}"
    );
    assert!(
        said_.contains(&format!("aborting after command {n}")),
        "crash after {n}: {said_}"
    );
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&out.status);
    #[cfg(unix)]
    assert_eq!(signal, Some(6), "crash after {n}: SIGABRT");
}

#[test]
fn a_session_crashed_after_n_commands_resumes_with_nothing_lost() {
    let root = scratch("session_crash-kill");
    let script_path = root.join("play.ron");
    std::fs::write(&script_path, script()).expect("script");
    let s = p(&script_path);
    // The uninterrupted run.
    let full_dir = root.join("full");
    let (code, out) = said(&[
        "session",
        "play",
        SCENARIO,
        "--dir",
        p(&full_dir),
        "--seed",
        "7",
        "--commands",
        s,
    ]);
    assert_eq!(code, 0, "{out}");
    let full_text = std::fs::read_to_string(full_dir.join("journal.jsonl")).expect("journal");
    let full = Journal::from_jsonl(&full_text).expect("reads");
    let total = commands_in(&full);
    assert_eq!(total, 106, "every scripted step is accepted");

    // The first command, the last, and a few between, some picked by a seed.
    let mut rng = Rand(0x5eed);
    let mut counts = vec![1, 2, total - 1, total];
    counts.extend((0..4).map(|_| 3 + rng.below(total - 4)));
    for n in counts {
        let dir = root.join(format!("crashed-{n}"));
        crash_after(n, &dir, s);
        // Recovered: exactly the n commands recorded, replaying to the same journal
        // as the uninterrupted run up to the last of them.
        let r = Session::open(&dir).expect("recovers");
        assert!(r.dropped.is_none(), "crash after {n}: nothing torn");
        assert_eq!(r.session.commands(), n as u64, "crash after {n}");
        let got = r.engine.journal();
        assert_eq!(
            commands_in(got),
            n,
            "crash after {n}: every recorded command replays"
        );
        assert_eq!(
            got.entries[..],
            full.entries[..got.entries.len()],
            "crash after {n}"
        );
        drop(r);
        // Resumed with the rest of the script: the whole journal, byte for byte.
        let (code, out) = said(&["session", "resume", p(&dir), "--commands", s]);
        assert_eq!(code, 0, "crash after {n}: {out}");
        let resumed = std::fs::read_to_string(dir.join("journal.jsonl")).expect("journal");
        assert!(
            resumed == full_text,
            "crash after {n}: resumed journal differs"
        );
        let (code, out) = said(&["replay", p(&dir)]);
        assert_eq!(code, 0, "crash after {n}: {out}");
    }
}

/// A session of a few notes, recorded through the library.
fn notes_session(dir: &Path, n: u64) -> Session {
    let text = std::fs::read_to_string(SCENARIO).expect("scenario");
    let mut s = Session::create(dir, SCENARIO, &text, 3).expect("created");
    for k in 0..n {
        let c = TimedCommand {
            at: 600 * (k + 1),
            command: Command::Note(format!("note {k}")),
        };
        s.record(&c).expect("recorded");
    }
    s
}

/// A closed session of `n` notes in `root`/`name`: its folder and commands file.
fn closed_notes(root: &Path, name: &str, n: u64) -> (PathBuf, PathBuf) {
    let dir = root.join(name);
    drop(notes_session(&dir, n));
    let commands = dir.join("commands.jsonl");
    (dir, commands)
}

#[test]
fn a_session_cut_mid_record_recovers_with_a_message() {
    let root = scratch("session_crash-cut");
    let (dir, cpath) = closed_notes(&root, "s", 5);
    let bytes = std::fs::read(&cpath).expect("commands");
    let last_start = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|b| *b == b'\n')
        .expect("lines")
        + 1;
    let cut = last_start + 17;
    std::fs::write(&cpath, &bytes[..cut]).expect("cut");

    // The command line says what was dropped.
    let (code, out) = said(&["session", "resume", p(&dir)]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("commands.jsonl:5: the last record was damaged (cut off mid-record)"),
        "{out}"
    );
    assert!(out.contains("it was a record at 0:50:00"), "{out}");
    assert!(out.contains("kept the 4 whole records before it"), "{out}");
    assert!(out.contains("4 commands, at 0:40:00"), "{out}");
    // Resuming cut the damaged end off and kept it aside.
    assert_eq!(
        std::fs::read(&cpath).expect("commands"),
        bytes[..last_start].to_vec()
    );
    let aside = std::fs::read(dir.join("commands.dropped")).expect("kept aside");
    assert_eq!(&aside[..17], &bytes[last_start..cut]);

    // The session plays on from there.
    let mut r = Session::open(&dir).expect("opens");
    assert!(r.dropped.is_none());
    assert_eq!(r.engine.now(), 2400);
    r.engine.advance_to(3000);
    r.session
        .apply(&mut r.engine, Command::Note("after the crash".into()))
        .expect("recorded")
        .expect("accepted");
    drop(r);
    let r = Session::open(&dir).expect("opens");
    assert_eq!(r.session.commands(), 5);
    assert_eq!(r.engine.now(), 3000);

    // Cut again, this time read without changing it: `replay` reports it damaged.
    let (dir2, c2) = closed_notes(&root, "s2", 3);
    let b2 = std::fs::read(&c2).expect("commands");
    std::fs::write(&c2, &b2[..b2.len() - 5]).expect("cut");
    let (code, out) = said(&["replay", p(&dir2)]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("damaged: ") && out.contains("commands.jsonl:3: the last record was damaged"),
        "{out}"
    );
}

#[test]
fn zero_bytes_after_a_power_cut_are_dropped() {
    let root = scratch("session_crash-zeros");
    let (dir, cpath) = closed_notes(&root, "s", 3);
    let mut bytes = std::fs::read(&cpath).expect("commands");
    let whole = bytes.len();
    bytes.extend([0u8; 4096]);
    std::fs::write(&cpath, &bytes).expect("zeros");
    let r = Session::open(&dir).expect("recovers");
    let d = r.dropped.expect("reported");
    assert!(d.reason.contains("zero bytes"), "{d}");
    assert_eq!((d.bytes, r.session.commands()), (4096, 3));
    assert_eq!(std::fs::metadata(&cpath).expect("file").len(), whole as u64);
}

#[test]
fn damage_in_the_middle_is_an_error_with_file_and_line() {
    let root = scratch("session_crash-middle");
    let (dir, cpath) = closed_notes(&root, "s", 4);
    let text = std::fs::read_to_string(&cpath).expect("commands");
    let broken = text.replacen("\"at\":1200", "\"at\":12x0", 1);
    std::fs::write(&cpath, &broken).expect("written");
    let err = Session::open(&dir).expect_err("refused");
    assert!(
        matches!(err, SessionError::Corrupt { line: 2, .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("commands.jsonl:2: damaged record in the middle of the file"),
        "{err}"
    );
    // The file is left as it was.
    assert_eq!(std::fs::read_to_string(&cpath).expect("commands"), broken);
    let (code, out) = said(&["replay", p(&dir)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("commands.jsonl:2: damaged record"), "{out}");
    // A broken header is an error too, never a panic.
    std::fs::write(dir.join("session.json"), "{\"format\": 1, \"scen").expect("written");
    let err = Session::open(&dir).expect_err("refused");
    assert!(
        err.to_string()
            .contains("session.json: cannot read the session header"),
        "{err}"
    );
    // A folder without a header is not a session.
    let err = Session::open(&root).expect_err("refused");
    assert!(err.to_string().contains("not a session folder"), "{err}");
}

#[test]
fn a_session_refuses_to_go_back_in_time_or_overwrite() {
    let root = scratch("session_crash-rules");
    let dir = root.join("s");
    let mut s = notes_session(&dir, 2);
    let err = s
        .record(&TimedCommand {
            at: 5,
            command: Command::Note("late".into()),
        })
        .expect_err("refused");
    assert!(
        matches!(err, SessionError::TimeWentBack { now: 1200, at: 5 }),
        "{err}"
    );
    let text = std::fs::read_to_string(SCENARIO).expect("scenario");
    let err = Session::create(&dir, SCENARIO, &text, 1).expect_err("refused");
    assert!(matches!(err, SessionError::Exists { .. }), "{err}");
    let err =
        Session::create(&root.join("bad"), "x.scenario.ron", "(id: ", 1).expect_err("refused");
    assert!(matches!(err, SessionError::Scenario { .. }), "{err}");
}

#[test]
fn sessions_are_listed_newest_first() {
    let root = scratch("session_crash-list");
    let names = ["a", "b", "c"];
    for (k, name) in names.iter().enumerate() {
        drop(notes_session(&root.join(name), 1 + k as u64));
        if *name == "b" {
            let mut r = Session::open(&root.join(name)).expect("opens");
            let early =
                crossdrill::engine::Engine::new(r.session.scenario().clone(), r.session.seed());
            let err = r
                .session
                .finish(&early)
                .expect_err("cannot end before its last record");
            assert!(matches!(err, SessionError::TimeWentBack { .. }), "{err}");
            assert!(!root.join(name).join("journal.jsonl").exists());
            r.session.finish(&r.engine).expect("ended");
        }
        let when = std::time::SystemTime::UNIX_EPOCH
            + Duration::from_secs(1_800_000_000 + [300, 100, 200][k]);
        let f = std::fs::File::options()
            .append(true)
            .open(root.join(name).join("commands.jsonl"))
            .expect("file");
        f.set_modified(when).expect("mtime");
    }
    std::fs::create_dir_all(root.join("not-a-session")).expect("dir");
    std::fs::create_dir_all(root.join("broken")).expect("dir");
    std::fs::write(root.join("broken").join("session.json"), "garbage").expect("written");
    let listed = session::list(&root).expect("lists");
    let order: Vec<String> = listed
        .iter()
        .map(|l| {
            l.dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        })
        .collect();
    let (good, broken): (Vec<_>, Vec<_>) = order.iter().partition(|n| *n != "broken");
    assert_eq!(good, ["a", "c", "b"], "{order:?}");
    assert_eq!(broken.len(), 1);
    let bad = listed
        .iter()
        .find(|l| l.dir.ends_with("broken"))
        .expect("listed");
    assert!(
        bad.summary
            .as_ref()
            .is_err_and(|e| e.contains("cannot read the session header"))
    );
    let a = listed[order.iter().position(|n| n == "a").expect("a")]
        .summary
        .clone()
        .expect("summary");
    assert_eq!((a.commands, a.until, a.ended), (1, 600, false));
    let resumable = session::resumable(&root).expect("lists");
    let dirs: Vec<_> = resumable.iter().map(|(d, _)| d.clone()).collect();
    assert_eq!(dirs, [root.join("a"), root.join("c")]);
    assert!(
        session::list(&root.join("missing"))
            .expect("none")
            .is_empty()
    );
    let fresh = session::new_dir(&root, "games-time-blackout");
    assert!(
        fresh
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with("-games-time-blackout"))
    );
}

#[test]
fn a_scenario_with_relative_includes_is_kept_self_contained() {
    let root = scratch("session_crash-includes");
    let file = "tests/fixtures/relative-include.scenario.ron";
    let text = std::fs::read_to_string(file).expect("fixture");
    let want = crossdrill::scenario::load_path(Path::new(file))
        .expect("loads")
        .scenario;
    let dir = root.join("s");
    let s = Session::create(&dir, file, &text, 5).expect("created");
    assert_eq!(**s.scenario(), want);
    drop(s);
    let copy = std::fs::read_to_string(dir.join("scenario.ron")).expect("copy");
    assert!(!copy.contains("../../seeds"), "the copy stands alone");
    // It still opens with the original gone from reach (a copy of the folder elsewhere).
    let moved = root.join("elsewhere").join("s");
    std::fs::create_dir_all(&moved).expect("dir");
    for f in ["session.json", "scenario.ron", "commands.jsonl"] {
        std::fs::copy(dir.join(f), moved.join(f)).expect("copied");
    }
    let r = Session::open(&moved).expect("opens");
    assert_eq!(**r.session.scenario(), want);
    assert_eq!(r.session.header().scenario, "tiny");
    // A scenario that stands alone is kept verbatim.
    let text = std::fs::read_to_string(SCENARIO).expect("scenario");
    drop(Session::create(&root.join("plain"), SCENARIO, &text, 5).expect("created"));
    assert_eq!(
        std::fs::read_to_string(root.join("plain").join("scenario.ron")).expect("copy"),
        text
    );
}
