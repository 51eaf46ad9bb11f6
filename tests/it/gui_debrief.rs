//! The debrief from the command line: `crossdrill gui --debrief PATH` and
//! `crossdrill replay PATH --gui` refuse what they cannot open before any window appears, and
//! (under Xvfb, like tests/it/gui_screenshot.rs) open a journal on its timeline and save a
//! screenshot that shows a real screen.
//!
//! The screenshot test needs an X display and a Vulkan driver, so the plain `cargo test`
//! skips it: `apt-get install -y xvfb mesa-vulkan-drivers libvulkan1`, then
//! `cargo test --test it gui_debrief -- --ignored`.

use super::gui_screenshot::{colours, screenshot_in};
use std::path::{Path, PathBuf};
use std::process::Command;

fn crossdrill() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crossdrill"))
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "crossdrill-gui-debrief-{}-{name}",
        std::process::id()
    ))
}

/// Run `command` with no display: it must exit with 2 (refused); what it said on stderr.
fn refused(command: &mut Command) -> String {
    let out = command.env_remove("DISPLAY").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_missing_or_broken_file_is_refused_before_any_window() {
    let missing = temp("missing.jsonl");
    let err = refused(crossdrill().args(["gui", "--debrief"]).arg(&missing));
    assert!(err.contains("missing.jsonl"), "{err}");

    let broken = temp("broken.jsonl");
    std::fs::write(
        &broken,
        "{\"format\":1,\"scenario\":\"games-time-blackout\",\"seed\":7}\nnot json\n",
    )
    .expect("written");
    let err = refused(crossdrill().arg("replay").arg(&broken).arg("--gui"));
    assert!(err.contains("broken.jsonl:2"), "{err}");
    let _ = std::fs::remove_file(&broken);
}

/// A journal of the default scenario's well-run play.
fn journal(path: &Path) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let status = crossdrill()
        .args([
            "run",
            &format!("{dir}/scenarios/games-time-blackout.scenario.ron"),
        ])
        .args(["--seed", "7", "--commands"])
        .arg(format!("{dir}/tests/plays/well-run.commands.ron"))
        .arg("--journal")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("runs");
    assert!(status.success());
}

#[test]
#[ignore = "needs Xvfb and a Vulkan driver (see the file's doc)"]
fn the_debrief_of_a_journal_opens_on_its_timeline() {
    let j = temp("run.jsonl");
    journal(&j);
    let path = j.display().to_string();
    let shot = screenshot_in(
        "debrief",
        &["--debrief", &path, "--run-for", "1h"],
        // Keep the user's sessions folder clean.
        &temp("sessions"),
    );
    let n = colours(&shot);
    assert!(n > 60, "the screenshot looks blank: {n} colours");
    let _ = std::fs::remove_file(&j);
    let _ = std::fs::remove_file(&shot);
    let _ = std::fs::remove_dir_all(temp("sessions"));
}
