//! Screenshot smoke tests of the desktop app: start the default scenario in a seat, advance
//! the exercise, save a screenshot and exit; the PNG must show a real screen, not a blank one.
//!
//! They need an X display and a Vulkan driver, so the plain `cargo test` skips them. Run them
//! under Xvfb with Mesa's lavapipe (what `.ci/run` does):
//! `apt-get install -y xvfb mesa-vulkan-drivers libvulkan1`, then
//! `cargo test --test it gui_screenshot -- --ignored`.

use bevy::asset::RenderAssetUsages;
use bevy::image::{CompressedImageFormats, Image, ImageSampler, ImageType};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A sessions folder of the test's own, so the app's recordings stay out of the user's.
fn sessions(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "crossdrill-shot-sessions-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Run the app under Xvfb with `args` and return the screenshot it saved.
fn screenshot(name: &str, args: &[&str]) -> PathBuf {
    screenshot_in(name, args, &sessions(name))
}

/// Run the app under Xvfb with `args` and the sessions folder `sessions`; the screenshot it
/// saved (also used by tests/it/gui_debrief.rs).
pub(super) fn screenshot_in(name: &str, args: &[&str], sessions: &Path) -> PathBuf {
    let out = std::env::temp_dir().join(format!("crossdrill-{name}-{}.png", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let status = gui_under_xvfb(args, sessions)
        .arg("--screenshot")
        .arg(&out)
        .status()
        .expect("xvfb-run runs (apt-get install -y xvfb mesa-vulkan-drivers libvulkan1)");
    assert!(status.success(), "the app exited with {status}");
    assert!(out.exists(), "no screenshot at {}", out.display());
    out
}

/// `crossdrill gui ARGS` under Xvfb with lavapipe, recording its sessions in `sessions`
/// (also used by tests/it/gui_bench.rs).
pub(super) fn gui_under_xvfb(args: &[&str], sessions: &Path) -> Command {
    let mut c = Command::new("xvfb-run");
    c.args([
        "-a",
        "-s",
        "-screen 0 1280x800x24",
        env!("CARGO_BIN_EXE_crossdrill"),
        "gui",
    ])
    .args(args)
    .env("WGPU_BACKEND", "vulkan")
    .env("CROSSDRILL_SESSIONS", sessions);
    c
}

/// How many distinct colours a grid of samples over the image finds.
pub(super) fn colours(path: &Path) -> usize {
    let bytes = std::fs::read(path).expect("read png");
    let image = Image::from_buffer(
        &bytes,
        ImageType::Extension("png"),
        CompressedImageFormats::NONE,
        true,
        ImageSampler::Default,
        RenderAssetUsages::default(),
    )
    .expect("a PNG");
    assert_eq!((image.width(), image.height()), (1280, 800));
    let mut seen = HashSet::new();
    for y in (0..800).step_by(7) {
        for x in (0..1280).step_by(7) {
            if let Ok(c) = image.get_color_at(x, y) {
                let s = c.to_srgba();
                seen.insert([s.red, s.green, s.blue].map(|v| (v * 255.0) as u8));
            }
        }
    }
    seen.len()
}

#[test]
#[ignore = "needs Xvfb and a Vulkan driver; .ci/run runs it"]
fn facilitator_view_after_30_minutes_is_not_blank_and_is_resumable() {
    let root = sessions("facilitator");
    let png = screenshot_in(
        "facilitator",
        &[
            "scenarios/games-time-blackout.scenario.ron",
            "--seat",
            "facilitator",
            "--run-for",
            "30m",
        ],
        &root,
    );
    let n = colours(&png);
    assert!(n > 50, "only {n} colours: a blank or broken screen");

    // The exercise was written as it went; the app resumes it where it stood.
    let found: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the app wrote a session")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|d| d.join("session.json").is_file())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let commands = std::fs::read_to_string(found[0].join("commands.jsonl")).expect("commands");
    assert!(
        commands.contains("\"at\":1800,\"kind\":\"Clock\""),
        "the clock at 30m: {commands}"
    );
    let dir = found[0].display().to_string();
    let png = screenshot_in(
        "resumed",
        &["--resume", &dir, "--seat", "facilitator"],
        &root,
    );
    let n = colours(&png);
    assert!(n > 50, "only {n} colours: a blank or broken screen");
}

#[test]
#[ignore = "needs Xvfb and a Vulkan driver; .ci/run runs it"]
fn team_view_in_japanese_is_not_blank() {
    let png = screenshot(
        "team-ja",
        &[
            "scenarios/games-time-blackout.scenario.ron",
            "--seat",
            "grid",
            "--run-for",
            "2h",
            "--lang",
            "ja",
        ],
    );
    let n = colours(&png);
    assert!(n > 50, "only {n} colours: a blank or broken screen");
}
