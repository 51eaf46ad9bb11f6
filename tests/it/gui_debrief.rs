//! The debrief from the command line: `crossdrill gui --debrief PATH` and
//! `crossdrill replay PATH --gui` refuse what they cannot open before any window appears, and
//! (under Xvfb, like tests/it/gui_screenshot.rs) open a journal on its timeline and save a
//! screenshot that shows a real screen.
//!
//! The screenshot test needs an X display and a Vulkan driver, so the plain `cargo test`
//! skips it: `apt-get install -y xvfb mesa-vulkan-drivers libvulkan1`, then
//! `cargo test --test it gui_debrief -- --ignored`.

use bevy::asset::RenderAssetUsages;
use bevy::image::{CompressedImageFormats, Image, ImageSampler, ImageType};
use std::collections::HashSet;
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

#[test]
fn a_missing_or_broken_file_is_refused_before_any_window() {
    let missing = temp("missing.jsonl");
    let out = crossdrill()
        .args(["gui", "--debrief"])
        .arg(&missing)
        .env_remove("DISPLAY")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.jsonl"), "{err}");

    let broken = temp("broken.jsonl");
    std::fs::write(
        &broken,
        "{\"format\":1,\"scenario\":\"games-time-blackout\",\"seed\":7}\nnot json\n",
    )
    .expect("written");
    let out = crossdrill()
        .arg("replay")
        .arg(&broken)
        .arg("--gui")
        .env_remove("DISPLAY")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
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

/// How many distinct colours a grid of samples over the image finds.
fn colours(path: &Path) -> usize {
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
#[ignore = "needs Xvfb and a Vulkan driver (see the file's doc)"]
fn the_debrief_of_a_journal_opens_on_its_timeline() {
    let j = temp("run.jsonl");
    journal(&j);
    let shot = temp("debrief.png");
    let _ = std::fs::remove_file(&shot);
    let status = Command::new("xvfb-run")
        .args([
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            env!("CARGO_BIN_EXE_crossdrill"),
        ])
        .args(["gui", "--debrief"])
        .arg(&j)
        .args(["--run-for", "1h", "--screenshot"])
        .arg(&shot)
        .env("WGPU_BACKEND", "vulkan")
        // Keep the user's sessions folder clean.
        .env("CROSSDRILL_SESSIONS", temp("sessions"))
        .status()
        .expect("xvfb-run runs (apt-get install -y xvfb mesa-vulkan-drivers libvulkan1)");
    assert!(status.success(), "the app exited with {status}");
    let n = colours(&shot);
    assert!(n > 60, "the screenshot looks blank: {n} colours");
    let _ = std::fs::remove_file(&j);
    let _ = std::fs::remove_file(&shot);
    let _ = std::fs::remove_dir_all(temp("sessions"));
}
