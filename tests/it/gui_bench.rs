//! The frame benchmark of the desktop app (`--bench-frames`): it times the exercise screen,
//! prints one line of figures and exits by itself, leaving no session to resume. Like the
//! screenshot tests it needs Xvfb and lavapipe, so only `cargo test -- --ignored` runs it.

use super::gui_screenshot::gui_under_xvfb;
use std::process::Command;

#[test]
#[ignore = "needs Xvfb and a Vulkan driver (see tests/it/gui_screenshot.rs)"]
fn the_frame_benchmark_prints_its_line_and_leaves_nothing_to_resume() {
    let sessions = std::env::temp_dir().join(format!("crossdrill-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&sessions);
    let args = [
        "scenarios/games-time-blackout.scenario.ron",
        "--run-for",
        "1h",
        "--speed",
        "60",
        "--bench-frames",
        "20",
    ];
    let out = gui_under_xvfb(&args, &sessions)
        .output()
        .expect("xvfb-run runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("frames 20: p50 "))
        .unwrap_or_else(|| panic!("no figures line in {stdout:?}"));
    assert!(
        line.contains(" ms, p95 ") && line.ends_with(" ms per frame"),
        "{line}"
    );
    let listed = Command::new(env!("CARGO_BIN_EXE_crossdrill"))
        .args(["session", "list"])
        .env("CROSSDRILL_SESSIONS", &sessions)
        .output()
        .expect("session list");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("ended") && !listed.contains("resumable"),
        "{listed}"
    );
    let _ = std::fs::remove_dir_all(&sessions);
}
