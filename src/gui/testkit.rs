//! What the app's headless tests start from: bevy's minimal plugins and states, time that
//! advances by a fixed step each update, and the screens on scenario select; and going to a
//! screen.

use super::screens::Screen;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use std::time::Duration;

/// A headless app whose clock moves `step_ms` milliseconds an update, on scenario select.
pub(super) fn headless(step_ms: u64) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        step_ms,
    )));
    app.init_state::<Screen>();
    app
}

/// Go to `screen` and let the app take it (one update).
pub(super) fn go(app: &mut App, screen: Screen) {
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(screen);
    app.update();
}
