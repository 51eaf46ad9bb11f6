//! The 2D network map drawn with bevy: services as nodes in sector bands, dependencies as
//! arrows, pulses along cascades, pan, zoom and click to select.

mod camera;
mod edges;
pub(crate) mod layout;
mod overlay;
mod scene;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        camera::plugin,
        scene::plugin,
        edges::plugin,
        overlay::plugin,
    ));
}
