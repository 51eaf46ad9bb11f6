//! `crossdrill lint --runs`: every shipped scenario comes out clean (each finding it
//! would give is marked intended, with its reason), and an inject that can never fire
//! is told once, by the static half, not again by the runs.

use crate::common::crossdrill;

#[test]
fn shipped_scenarios_are_clean_or_say_why() {
    for entry in std::fs::read_dir("scenarios").unwrap() {
        let path = entry.unwrap().path();
        let file = path.to_str().unwrap();
        let o = crossdrill(&["lint", file, "--runs", "40"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{file}: {err}");
        assert!(
            err.lines().all(|l| l.contains("note: intended: ")),
            "{file}: {err}"
        );
    }
}

#[test]
fn a_never_firing_inject_is_told_once() {
    let o = crossdrill(&[
        "lint",
        "tests/lint/unreachable-inject.scenario.ron",
        "--runs",
        "10",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let about = err
        .lines()
        .filter(|l| l.contains("inject `standby-down`"))
        .count();
    assert_eq!(about, 1, "{err}");
}
