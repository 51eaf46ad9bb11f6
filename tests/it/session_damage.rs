//! A damaged session folder (its scenario copy edited, a record damaged in the middle
//! or a whole last line that is not a record, a file missing, a file of another
//! format) is refused by every command that reads it, with the file and line and what
//! to do, and left exactly as it was; a scripted play naming what the scenario does
//! not have, or a time after its end, is refused with file:line:column.

use crate::common::{said, scratch};
use crossdrill::session::Session;
use std::collections::BTreeMap;
use std::path::Path;

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";
const PLAY: &str = "tests/plays/well-run.commands.ron";

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// Every file of a folder with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| {
            let e = e.expect("an entry");
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

/// A session of the well-run play, stopped at 2h (not ended), in `root/name`.
fn session(root: &Path, name: &str) -> std::path::PathBuf {
    let dir = root.join(name);
    let (code, out) = said(&[
        "session",
        "play",
        SCENARIO,
        "--dir",
        p(&dir),
        "--seed",
        "7",
        "--commands",
        PLAY,
    ]);
    assert_eq!(code, 0, "{out}");
    // Drop the end record so the session can be resumed.
    let cpath = dir.join("commands.jsonl");
    let text = std::fs::read_to_string(&cpath).expect("commands");
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("\"End\"")).collect();
    std::fs::write(&cpath, kept.join("\n") + "\n").expect("written");
    std::fs::remove_file(dir.join("journal.jsonl")).expect("journal");
    dir
}

/// Every command that reads a session folder refuses `dir` saying `what`, and leaves
/// it as it was.
fn refused_untouched(dir: &Path, what: &[&str]) {
    let before = files(dir);
    let fork = dir.with_extension("fork");
    let mut runs = vec![
        vec!["session", "resume", p(dir)],
        vec!["session", "resume", p(dir), "--commands", PLAY],
        vec!["replay", p(dir)],
        vec!["fork", p(dir), "--at", "30m", "--out", p(&fork)],
    ];
    if cfg!(feature = "net") {
        runs.push(vec![
            "host",
            "--resume",
            p(dir),
            "--headless",
            "--listen",
            "127.0.0.1:0",
        ]);
    }
    for args in runs {
        let (code, out) = said(&args);
        assert!(code == 1 || code == 2, "{args:?} (exit {code}): {out}");
        for w in what {
            assert!(out.contains(w), "{args:?} should say `{w}`: {out}");
        }
        assert!(!out.contains("panicked"), "{out}");
        assert_eq!(files(dir), before, "{args:?} changed the folder");
    }
    assert!(!fork.exists());
    // The library call the app's resume makes.
    let e = Session::open(dir).expect_err("refused");
    assert!(what.iter().all(|w| e.to_string().contains(w)), "{e}");
    assert_eq!(files(dir), before);
}

/// Replace line `line` (1-based) of `path` with `with`.
fn replace_line(path: &Path, line: usize, with: &str) {
    let text = std::fs::read_to_string(path).expect("text");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line - 1] = with;
    std::fs::write(path, lines.join("\n") + "\n").expect("written");
}

#[test]
fn a_damaged_session_is_refused_with_its_place_and_left_as_it_was() {
    let root = scratch("session-damage");
    // The scenario copy edited after the session began (a scoring change: the
    // records would still replay, so only the recorded version shows it).
    let dir = session(&root, "edited");
    let copy = dir.join("scenario.ron");
    let s = std::fs::read_to_string(&copy).expect("copy");
    std::fs::write(&copy, s.replacen("criticality: 0.9", "criticality: 0.7", 1)).expect("w");
    refused_untouched(
        &dir,
        &["scenario.ron: the scenario copy was edited after the session began"],
    );

    // A record in the middle: garbled, then numbered out of turn, then naming a team
    // the scenario does not have.
    let dir = session(&root, "middle");
    let cpath = dir.join("commands.jsonl");
    let good = std::fs::read_to_string(&cpath).expect("commands");
    replace_line(&cpath, 4, "{\"n\":3,\"at\":27");
    refused_untouched(
        &dir,
        &[
            "commands.jsonl:4: damaged record in the middle",
            "Nothing was changed",
        ],
    );
    std::fs::write(&cpath, &good).expect("restored");
    let line = good
        .lines()
        .nth(4)
        .expect("a fifth record")
        .replacen("\"n\":4", "\"n\":9", 1);
    replace_line(&cpath, 5, &line);
    refused_untouched(
        &dir,
        &["commands.jsonl:5:", "record number 9 where 4 was due"],
    );
    std::fs::write(&cpath, &good).expect("restored");
    let k = good
        .lines()
        .position(|l| l.contains("\"team\":0"))
        .expect("a team command");
    replace_line(
        &cpath,
        k + 1,
        &good
            .lines()
            .nth(k)
            .expect("l")
            .replacen("\"team\":0", "\"team\":99", 1),
    );
    refused_untouched(
        &dir,
        &[
            &format!("commands.jsonl:{}:", k + 1),
            "there is no team number 99",
        ],
    );

    // A record at a time no exercise reaches (adding a latency to it would overflow).
    let line = good.lines().nth(4).expect("a fifth record");
    let at = line
        .split("\"at\":")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .expect("an at");
    replace_line(
        &cpath,
        5,
        &line.replacen(&format!("\"at\":{at}"), "\"at\":18000000000000000000", 1),
    );
    refused_untouched(
        &dir,
        &["commands.jsonl:5:", "past the longest an exercise may last"],
    );
    std::fs::write(&cpath, &good).expect("restored");

    // A whole last line that is not a record is not a torn tail: kept, and refused.
    std::fs::write(
        &cpath,
        format!("{good}{{\"format\":2,\"scenario\":\"x\",\"seed\":1}}\n"),
    )
    .expect("w");
    let n = good.lines().count() + 1;
    refused_untouched(&dir, &[&format!("commands.jsonl:{n}: damaged record")]);
    assert!(!dir.join("commands.dropped").exists());

    // A file missing.
    for (file, what) in [
        ("scenario.ron", "scenario.ron: missing"),
        ("commands.jsonl", "commands.jsonl: missing"),
        ("session.json", "not a session folder"),
    ] {
        let dir = session(&root, &format!("missing-{file}"));
        std::fs::remove_file(dir.join(file)).expect("removed");
        refused_untouched(&dir, &[what]);
    }

    // A file of another format in each place.
    let dir = session(&root, "other-format");
    let journal = root.join("run.jsonl");
    crate::common::run_to_journal(SCENARIO, PLAY, &journal);
    let jtext = std::fs::read_to_string(&journal).expect("journal");
    std::fs::write(dir.join("commands.jsonl"), &jtext).expect("w");
    refused_untouched(&dir, &["commands.jsonl:1: damaged record in the middle"]);
    let dir = session(&root, "other-header");
    std::fs::write(
        dir.join("session.json"),
        jtext.lines().next().expect("header"),
    )
    .expect("w");
    refused_untouched(
        &dir,
        &[
            "session.json: cannot read the session header",
            "nothing was changed",
        ],
    );
    let dir = session(&root, "other-scenario");
    std::fs::write(dir.join("scenario.ron"), &jtext).expect("w");
    refused_untouched(&dir, &["the scenario does not load", "scenario.ron:1:"]);
}

#[test]
fn a_script_naming_what_the_scenario_lacks_is_refused_with_its_place() {
    let root = scratch("script-names");
    let cases = [
        (
            r#"(at: "10m", team: "gird", act: "isolate", target: "grid-telecontrol")"#,
            "unknown team `gird`",
        ),
        (
            r#"(at: "10m", team: "grid", act: "isolat", target: "grid-telecontrol")"#,
            "unknown action `isolat`",
        ),
        (
            r#"(at: "10m", team: "grid", act: "isolate", target: "grid-telecontro")"#,
            "unknown service `grid-telecontro`",
        ),
        (
            r#"(at: "10m", fire: "no-such-inject")"#,
            "unknown inject `no-such-inject`",
        ),
        (
            r#"(at: "30h", note: "late")"#,
            "is after the scenario's end",
        ),
        (r#"(at: "10x", note: "x")"#, "cannot read duration `10x`"),
    ];
    for (k, (step, what)) in cases.iter().enumerate() {
        let path = root.join(format!("bad-{k}.ron"));
        std::fs::write(
            &path,
            format!("[\n    (at: \"5m\", note: \"fine\"),\n    {step},\n]\n"),
        )
        .expect("w");
        let dir = root.join(format!("s-{k}"));
        let host_dir = root.join(format!("h-{k}"));
        let mut runs = vec![
            vec!["run", SCENARIO, "--commands", p(&path)],
            vec![
                "session",
                "play",
                SCENARIO,
                "--dir",
                p(&dir),
                "--commands",
                p(&path),
            ],
        ];
        if cfg!(feature = "net") {
            runs.push(vec![
                "host",
                "--headless",
                SCENARIO,
                "--commands",
                p(&path),
                "--session",
                p(&host_dir),
                "--listen",
                "127.0.0.1:0",
            ]);
        }
        for args in runs {
            let (code, out) = said(&args);
            assert_ne!(code, 0, "{args:?}: {out}");
            assert!(
                out.contains(&format!("bad-{k}.ron:3:")) && out.contains(what),
                "{args:?} should say `{what}` at line 3: {out}"
            );
            assert!(!out.contains("panicked"), "{out}");
        }
        // Refused before its first record: no empty session is left to resume.
        assert!(
            !dir.exists() && !host_dir.exists(),
            "{step}: a folder was left"
        );
    }
}
