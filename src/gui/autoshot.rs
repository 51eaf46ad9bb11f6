//! `--screenshot PATH`: once the first screen has settled, save a screenshot and exit
//! (exit status 1 if none could be taken within a minute).

use super::GuiOptions;
use super::screens::Screen;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use std::num::NonZero;

/// Frames and real seconds to wait after the last screen change before the shot.
const SETTLE_FRAMES: u32 = 30;
const SETTLE_SECS: f32 = 2.5;
const GIVE_UP_SECS: f32 = 60.0;

#[derive(Resource, Default)]
struct Shot {
    frames: u32,
    since: f32,
    taken: bool,
    saved: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shot>();
    app.add_systems(
        Update,
        shoot.run_if(|o: Option<Res<GuiOptions>>| o.is_some_and(|o| o.screenshot.is_some())),
    );
}

fn shoot(
    mut commands: Commands,
    options: Res<GuiOptions>,
    time: Res<Time<Real>>,
    screen: Res<State<Screen>>,
    mut shot: ResMut<Shot>,
    mut exit: MessageWriter<AppExit>,
) {
    let now = time.elapsed_secs();
    if screen.is_changed() {
        shot.frames = 0;
        shot.since = now;
    }
    shot.frames += 1;
    if shot.saved {
        exit.write(AppExit::Success);
        return;
    }
    if now > GIVE_UP_SECS {
        error!("no screenshot after {GIVE_UP_SECS} s");
        exit.write(AppExit::Error(NonZero::<u8>::MIN));
        return;
    }
    if shot.taken || shot.frames < SETTLE_FRAMES || now - shot.since < SETTLE_SECS {
        return;
    }
    let Some(path) = options.screenshot.clone() else {
        return;
    };
    shot.taken = true;
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path))
        .observe(|_: On<ScreenshotCaptured>, mut shot: ResMut<Shot>| shot.saved = true);
}
