//! `crossdrill batch`: the same seeds give the same numbers whatever the number of
//! workers, two shards merged equal the whole, textbook bots score far above absent
//! ones, and bad arguments get a clear error.

use crate::common::{crossdrill, scratch};
use std::path::Path;

const DEFAULT: &str = "scenarios/games-time-blackout.scenario.ron";

fn batch(args: &[&str]) -> std::process::Output {
    let mut all = vec!["batch", DEFAULT];
    all.extend_from_slice(args);
    crossdrill(&all)
}

fn summary(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("summary.json")).expect("summary written");
    serde_json::from_str(&text).expect("summary is JSON")
}

fn mean(dir: &Path) -> f64 {
    let text = std::fs::read_to_string(dir.join("calibration.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["overall"]["mean"].as_f64().expect("a mean")
}

#[test]
fn jobs_do_not_change_the_numbers_and_halves_merge_into_the_whole() {
    let tmp = scratch("batch-merge");
    let out = |name: &str| tmp.join(name);
    let run = |args: &[&str], dir: &str| {
        let o = batch(&[args, &["--out", out(dir).to_str().unwrap()]].concat());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run(
        &["--seeds", "1..=80", "--bots", "realistic", "--jobs", "1"],
        "whole1",
    );
    run(
        &["--seeds", "1..81", "--bots", "realistic", "--jobs", "2"],
        "whole2",
    );
    assert_eq!(summary(&out("whole1")), summary(&out("whole2")));
    run(&["--seeds", "1..30", "--bots", "realistic"], "a");
    run(&["--seeds", "30..81", "--bots", "realistic"], "b");
    let merged = out("merged");
    let o = crossdrill(&[
        "batch",
        "merge",
        out("b").to_str().unwrap(),
        out("a").to_str().unwrap(),
        "--out",
        merged.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(summary(&merged), summary(&out("whole1")));
    for f in [
        "calibration.html",
        "calibration.json",
        "scores.csv",
        "phases.csv",
        "services.csv",
        "injects.csv",
    ] {
        assert!(merged.join(f).is_file(), "{f}");
    }
    // A shard merged twice, or a batch of another cast, is refused with the reason.
    let o = crossdrill(&[
        "batch",
        "merge",
        out("a").to_str().unwrap(),
        out("a").to_str().unwrap(),
        "--out",
        out("bad").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("seed 1 was run twice"));
    run(&["--seeds", "81..90", "--bots", "textbook"], "other");
    let o = crossdrill(&[
        "batch",
        "merge",
        out("a").to_str().unwrap(),
        out("other").to_str().unwrap(),
        "--out",
        out("bad").to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("cast differs"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn textbook_bots_score_far_above_absent_ones() {
    let tmp = scratch("batch-bots");
    for p in ["textbook", "absent"] {
        let o = batch(&[
            "--runs",
            "100",
            "--bots",
            p,
            "--out",
            tmp.join(p).to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let (good, none) = (mean(&tmp.join("textbook")), mean(&tmp.join("absent")));
    assert!(good > none + 30.0, "{good} vs {none}");
    let html = std::fs::read_to_string(tmp.join("textbook/calibration.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("Calibration report"));
}

#[test]
fn bad_arguments_say_what_to_write() {
    let cases: [(&[&str], &str); 4] = [
        (&["--seeds", "9..3", "--out", "/tmp/x"], "--seeds `9..3`"),
        (&["--out", "/tmp/x"], "--runs N"),
        (
            &["--runs", "5", "--seeds", "1..3", "--out", "/tmp/x"],
            "disagree",
        ),
        (
            &["--runs", "5", "--bots", "gird=textbook", "--out", "/tmp/x"],
            "did you mean `grid`?",
        ),
    ];
    for (args, says) in cases {
        let o = batch(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
