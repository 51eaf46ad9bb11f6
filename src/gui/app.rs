//! Start-up: the command-line options of `crossdrill gui`, the bevy app and its exit status.

use crate::scenario::{Lang, Secs};
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::UpdateMode;
use bevy_egui::EguiPlugin;
use std::path::PathBuf;
use std::process::ExitCode;

/// How long the window sleeps at most when nothing moves and no input comes.
const IDLE_WAKE: std::time::Duration = std::time::Duration::from_secs(5);

/// What `crossdrill gui` was asked for on the command line.
#[derive(Resource, Debug, Clone, Default)]
pub struct GuiOptions {
    /// Open this scenario file instead of the scenario list.
    pub scenario: Option<PathBuf>,
    /// `facilitator`, `observer` or a team id: go straight to the exercise in this seat.
    pub seat: Option<String>,
    /// The UI language at start.
    pub lang: Option<Lang>,
    /// Start the exercise and advance it by this much exercise time at once.
    pub run_for: Option<Secs>,
    /// Save a screenshot of the first settled frame here, then exit.
    pub screenshot: Option<PathBuf>,
    /// Time this many frames of the exercise screen, print the figures, then exit.
    pub bench_frames: Option<u32>,
    /// Start the exercise's clock running at this speed (1, 2, 5, 10 or 60).
    pub speed: Option<u32>,
    /// Resume the unfinished session in this folder.
    pub resume: Option<PathBuf>,
    /// Open the debrief of this session folder or journal file.
    pub debrief: Option<PathBuf>,
    /// The scenario file of a journal opened with `debrief` (default: found beside it).
    pub debrief_scenario: Option<PathBuf>,
    /// Host the exercise on this address (the facilitator's seat on this screen).
    pub host: Option<std::net::SocketAddr>,
    /// Take the seat in this seat file, of an exercise hosted elsewhere.
    pub join: Option<PathBuf>,
    /// The teams bots play from the start (`textbook`, `grid=textbook,...`).
    pub bots: Option<String>,
}

impl GuiOptions {
    /// Whether to skip the scenario list and the briefing.
    pub(crate) fn straight_to_exercise(&self) -> bool {
        self.scenario.is_some() && (self.seat.is_some() || self.run_for.is_some())
    }

    /// Whether the app ends without anyone closing it (after its screenshot or its
    /// frame benchmark).
    pub(crate) fn exits_by_itself(&self) -> bool {
        self.screenshot.is_some() || self.bench_frames.is_some()
    }
}

/// Open the app window and run until it closes.
pub fn run(options: GuiOptions) -> ExitCode {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "crossdrill".into(),
                    resolution: WindowResolution::new(1280, 800),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                // Scenario files are watched by the app itself (see `catalog`).
                watch_for_changes_override: Some(false),
                ..default()
            }),
    );
    app.add_plugins(EguiPlugin::default());
    // Sleep until input, or until `redraw` asks for the next frame (something moves); wake
    // every few seconds regardless, so a scenario edited in another window reloads.
    app.insert_resource(bevy::winit::WinitSettings {
        focused_mode: UpdateMode::reactive(IDLE_WAKE),
        unfocused_mode: UpdateMode::reactive_low_power(IDLE_WAKE),
    });
    app.insert_resource(ClearColor(Color::srgb(0.07, 0.08, 0.10)));
    app.insert_resource(super::i18n::I18n::new(options.lang.unwrap_or_default()));
    app.insert_resource(options);
    app.insert_resource(super::exercise::record::SessionRoot(
        crate::session::default_root(),
    ));
    app.add_plugins(super::plugin);
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
