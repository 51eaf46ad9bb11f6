//! Where services go on the map: the scenario's positions (0..1000 x 0..600), or one lane per
//! sector when a service has none, spread over the area the map is drawn in; plus a band
//! around each sector's services with room for its title above them.

use crate::scenario::{Scenario, SectorId, ServiceId};
use bevy::prelude::*;

/// Node radius in world units.
pub(crate) const NODE_RADIUS: f32 = 13.0;
/// Room kept clear around the nodes (world units): labels at the sides, band titles and the
/// fit button above, the legend below.
const MARGIN_X: f32 = 66.0;
const MARGIN_TOP: f32 = 76.0;
const MARGIN_BOTTOM: f32 = 64.0;
/// Band padding around its services, and the strip above them that holds the title.
const BAND_PAD_X: f32 = NODE_RADIUS + 14.0;
const BAND_PAD_BOTTOM: f32 = NODE_RADIUS + 10.0;
pub(crate) const TITLE_STRIP: f32 = 22.0;
/// A map area smaller than this is laid out at this size (and shown zoomed out).
const MIN_SIZE: Vec2 = Vec2::new(560.0, 380.0);
/// The size the map is laid out at before its area is known.
pub(crate) const DEFAULT_SIZE: Vec2 = Vec2::new(1040.0, 640.0);
/// How far the layout may stretch the authors' proportions to fill the area.
const MAX_STRETCH: f32 = 1.6;

/// The map's geometry for one scenario, in world units (y up, centred on the origin). At the
/// fitted zoom one world unit is one logical pixel.
#[derive(Resource, Debug, Clone, PartialEq)]
pub(crate) struct MapLayout {
    /// Position of each service, by service index.
    pub nodes: Vec<Vec2>,
    /// One band per sector that has services: its rectangle (min, max), title strip included.
    pub bands: Vec<(SectorId, Vec2, Vec2)>,
    /// Everything drawn, with a margin.
    pub bounds: Rect,
    /// The area size this layout was made for.
    pub size: Vec2,
}

/// Lay out `scenario`'s services at the default size.
pub(crate) fn layout(scenario: &Scenario) -> MapLayout {
    layout_in(scenario, DEFAULT_SIZE)
}

/// Lay out `scenario`'s services to fill an area of `area` logical pixels.
pub(crate) fn layout_in(scenario: &Scenario, area: Vec2) -> MapLayout {
    let n = scenario.services.len();
    let size = area.max(MIN_SIZE);
    let sectors = sectors_in_order(scenario);
    let (unit, natural) = if n > 0 && scenario.services.iter().all(|s| s.pos.is_some()) {
        from_positions(scenario)
    } else {
        lanes(scenario, &sectors)
    };
    // The area the nodes may take, stretched no more than MAX_STRETCH from the natural
    // proportions.
    let mut w = (size.x - 2.0 * MARGIN_X).max(1.0);
    let mut h = (size.y - MARGIN_TOP - MARGIN_BOTTOM).max(1.0);
    if w / h > natural * MAX_STRETCH {
        w = h * natural * MAX_STRETCH;
    } else if w / h < natural / MAX_STRETCH {
        h = w * MAX_STRETCH / natural;
    }
    let centre = Vec2::new(0.0, (MARGIN_BOTTOM - MARGIN_TOP) / 2.0);
    let nodes: Vec<Vec2> = unit
        .iter()
        .map(|u| centre + Vec2::new((u.x - 0.5) * w, (0.5 - u.y) * h))
        .collect();
    let mut bands = vec![];
    for sector in &sectors {
        let mut min = Vec2::splat(f32::MAX);
        let mut max = Vec2::splat(f32::MIN);
        for (i, p) in nodes.iter().enumerate() {
            if scenario.sector_of(ServiceId(i as u32)) == *sector {
                min = min.min(*p);
                max = max.max(*p);
            }
        }
        let lo = min - Vec2::new(BAND_PAD_X, BAND_PAD_BOTTOM);
        let hi = max + Vec2::new(BAND_PAD_X, NODE_RADIUS + 6.0 + TITLE_STRIP);
        bands.push((*sector, lo, hi));
    }
    let mut bounds = Rect::from_center_size(Vec2::ZERO, size);
    for (_, lo, hi) in &bands {
        bounds = bounds.union(Rect::from_corners(*lo, *hi));
    }
    MapLayout {
        nodes,
        bands,
        bounds,
        size,
    }
}

/// Sectors in the order they first appear among services.
fn sectors_in_order(scenario: &Scenario) -> Vec<SectorId> {
    let mut sectors: Vec<SectorId> = vec![];
    for i in 0..scenario.services.len() {
        let s = scenario.sector_of(ServiceId(i as u32));
        if !sectors.contains(&s) {
            sectors.push(s);
        }
    }
    sectors
}

/// The authors' positions scaled to 0..1 over the range they use (y down, as written), and
/// that range's width / height.
fn from_positions(scenario: &Scenario) -> (Vec<Vec2>, f32) {
    let at: Vec<Vec2> = scenario
        .services
        .iter()
        .map(|s| {
            let (x, y) = s.pos.unwrap_or_default();
            Vec2::new(x, y)
        })
        .collect();
    let min = at.iter().fold(Vec2::splat(f32::MAX), |a, p| a.min(*p));
    let max = at.iter().fold(Vec2::splat(f32::MIN), |a, p| a.max(*p));
    let span = max - min;
    let unit = at
        .iter()
        .map(|p| {
            let f = |v: f32, lo: f32, d: f32| if d > 1e-3 { (v - lo) / d } else { 0.5 };
            Vec2::new(f(p.x, min.x, span.x), f(p.y, min.y, span.y))
        })
        .collect();
    // A one-dimensional spread takes the proportions of the 1000 x 600 field.
    let natural = if span.x > 1e-3 && span.y > 1e-3 {
        span.x / span.y
    } else {
        1000.0 / 600.0
    };
    (unit, natural.clamp(0.25, 4.0))
}

/// One lane per sector, its services spread along it.
fn lanes(scenario: &Scenario, sectors: &[SectorId]) -> (Vec<Vec2>, f32) {
    let n = scenario.services.len();
    let mut unit = vec![Vec2::splat(0.5); n];
    let lanes = sectors.len();
    let mut widest = 1;
    for (lane, sector) in sectors.iter().enumerate() {
        let members: Vec<usize> = (0..n)
            .filter(|i| scenario.sector_of(ServiceId(*i as u32)) == *sector)
            .collect();
        widest = widest.max(members.len());
        let y = if lanes > 1 {
            lane as f32 / (lanes - 1) as f32
        } else {
            0.5
        };
        let count = members.len();
        for (k, i) in members.iter().enumerate() {
            let x = if count > 1 {
                k as f32 / (count - 1) as f32
            } else {
                0.5
            };
            unit[*i] = Vec2::new(x, y);
        }
    }
    let natural = (widest.max(2) - 1) as f32 * 150.0 / ((lanes.max(2) - 1) as f32 * 110.0);
    (unit, natural.clamp(0.25, 4.0))
}

impl MapLayout {
    /// The service whose node is nearest `at`, within `reach` world units.
    pub(crate) fn hit(&self, at: Vec2, reach: f32) -> Option<usize> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p.distance(at)))
            .filter(|(_, d)| *d <= reach)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_fill_the_area_and_bands_hold_their_services() {
        let s = crate::scenario::builtin_default();
        let area = Vec2::new(710.0, 600.0);
        let lay = layout_in(&s, area);
        assert_eq!(lay.nodes.len(), s.services.len());
        // The authors' order is kept on both axes.
        for (i, a) in s.services.iter().enumerate() {
            for (j, b) in s.services.iter().enumerate() {
                let (Some(pa), Some(pb)) = (a.pos, b.pos) else {
                    continue;
                };
                if pa.0 < pb.0 {
                    assert!(lay.nodes[i].x < lay.nodes[j].x);
                }
                if pa.1 < pb.1 {
                    assert!(
                        lay.nodes[i].y > lay.nodes[j].y,
                        "y grows downwards in files"
                    );
                }
            }
        }
        // Spread over the area: the nodes take its width and height less the margins.
        let min = lay.nodes.iter().fold(Vec2::MAX, |a, p| a.min(*p));
        let max = lay.nodes.iter().fold(Vec2::MIN, |a, p| a.max(*p));
        assert!((max.x - min.x - (area.x - 2.0 * MARGIN_X)).abs() < 1.0);
        assert!((max.y - min.y - (area.y - MARGIN_TOP - MARGIN_BOTTOM)).abs() < 1.0);
        let field = Rect::from_center_size(Vec2::ZERO, area);
        for (i, p) in lay.nodes.iter().enumerate() {
            let sector = s.sector_of(ServiceId(i as u32));
            let (_, lo, hi) = lay
                .bands
                .iter()
                .find(|b| b.0 == sector)
                .expect("a band per sector");
            assert!(p.cmpge(*lo).all() && p.cmple(*hi).all());
            assert!(
                hi.y - p.y >= TITLE_STRIP + NODE_RADIUS,
                "room for the title"
            );
            assert!(
                field.contains(*lo) && field.contains(*hi),
                "bands inside the area"
            );
        }
        assert_eq!(lay.bounds, field);
        assert_eq!(
            lay.hit(lay.nodes[0] + Vec2::new(3.0, 0.0), NODE_RADIUS),
            Some(0)
        );
    }

    #[test]
    fn a_wide_area_does_not_stretch_beyond_reason_and_a_small_one_is_zoomed_out() {
        let s = crate::scenario::builtin_default();
        let lay = layout_in(&s, Vec2::new(3000.0, 500.0));
        let min = lay.nodes.iter().fold(Vec2::MAX, |a, p| a.min(*p));
        let max = lay.nodes.iter().fold(Vec2::MIN, |a, p| a.max(*p));
        let (w, h) = (max.x - min.x, max.y - min.y);
        let natural = 940.0 / 540.0;
        assert!(w / h <= natural * MAX_STRETCH + 0.01, "{w} x {h}");
        let small = layout_in(&s, Vec2::new(200.0, 100.0));
        assert_eq!(small.size, MIN_SIZE);
    }

    #[test]
    fn without_positions_each_sector_gets_a_lane() {
        let mut s = crate::scenario::builtin_default();
        for svc in &mut s.services {
            svc.pos = None;
        }
        let lay = layout(&s);
        for (i, a) in lay.nodes.iter().enumerate() {
            for (j, b) in lay.nodes.iter().enumerate().skip(i + 1) {
                assert!(
                    a.distance(*b) > 2.0 * NODE_RADIUS,
                    "nodes {i} and {j} overlap"
                );
                let same = s.sector_of(ServiceId(i as u32)) == s.sector_of(ServiceId(j as u32));
                assert_eq!(same, a.y == b.y, "one lane per sector");
            }
        }
    }
}
