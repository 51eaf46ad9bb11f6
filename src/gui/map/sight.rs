//! What of the map is in sight: the world rectangle the map camera shows, and whether an
//! edge belongs in it. Zoomed in on a national map, an edge shows when one end is in view
//! and the other near it (within half a view beyond its sides): the services in view show
//! their links with their neighbours, and the long lines to far corners of the country,
//! which would cross the view as a hairball, stay hidden (selecting a service shows all
//! of its own).

use super::layout::{MapLayout, NODE_RADIUS};
use crate::scenario::Dependency;
use bevy::prelude::*;
use bevy_egui::egui;

/// The world rectangle a camera at `centre` and `scale` (world units per logical pixel)
/// shows in the map area `area` (logical pixels), a node's reach beyond it included.
pub(super) fn world_view(centre: Vec2, scale: f32, area: egui::Rect) -> Rect {
    let half = Vec2::new(area.width(), area.height()) * 0.5 * scale.max(1e-6);
    Rect::from_center_half_size(centre, half + Vec2::splat(NODE_RADIUS))
}

/// Whether `dep` belongs in `view` (an edge whose nodes are not both placed counts as
/// in sight).
pub(super) fn touches(view: Rect, layout: &MapLayout, dep: &Dependency) -> bool {
    let at = |s: usize| layout.nodes.get(s).copied();
    match (at(dep.from.idx()), at(dep.to.idx())) {
        (Some(a), Some(b)) => belongs(view, a, b),
        _ => true,
    }
}

/// An edge from `a` to `b` shows in `view`: one end in it, the other within half a view
/// beyond its sides.
fn belongs(view: Rect, a: Vec2, b: Vec2) -> bool {
    let near = Rect::from_center_half_size(view.center(), view.half_size() * 2.0);
    (view.contains(a) || view.contains(b)) && near.contains(a) && near.contains(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_is_the_area_at_the_camera_scale() {
        let area = egui::Rect::from_min_size(egui::pos2(300.0, 40.0), egui::vec2(600.0, 400.0));
        let v = world_view(Vec2::new(100.0, -50.0), 2.0, area);
        assert_eq!(v.center(), Vec2::new(100.0, -50.0));
        assert_eq!(
            v.half_size(),
            Vec2::new(600.0, 400.0) + Vec2::splat(NODE_RADIUS)
        );
        assert!(v.contains(Vec2::new(690.0, -440.0)));
        assert!(!v.contains(Vec2::new(800.0, 0.0)));
    }

    #[test]
    fn an_edge_shows_with_an_end_in_view_and_the_other_near() {
        let view = Rect::from_center_half_size(Vec2::ZERO, Vec2::new(100.0, 50.0));
        let inside = Vec2::new(10.0, 10.0);
        assert!(belongs(view, inside, Vec2::new(-20.0, 5.0)));
        assert!(
            belongs(view, Vec2::new(180.0, 0.0), inside),
            "the other end near"
        );
        assert!(
            !belongs(view, inside, Vec2::new(500.0, 0.0)),
            "to a far corner"
        );
        let (west, east) = (Vec2::new(-150.0, 0.0), Vec2::new(150.0, 0.0));
        assert!(!belongs(view, west, east), "only crossing the view");
    }
}
