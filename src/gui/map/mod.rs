//! The 2D network map drawn with bevy: services as nodes in sector bands, dependencies as
//! arrows, pulses along cascades, pan, zoom and click to select; names placed over it by egui;
//! zoomed out, sectors and areas as aggregate nodes with bundled edges between them.

mod aggregate;
mod batch;
mod camera;
mod detail;
mod edges;
mod labels;
pub(crate) mod layout;
mod overlay;
mod place;
mod scene;
mod sight;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        camera::plugin,
        detail::plugin,
        scene::plugin,
        edges::plugin,
        overlay::plugin,
        labels::plugin,
        aggregate::plugin,
    ));
}
