//! Where services go on the map: the scenario's positions (0..1000 x 0..600), or one lane per
//! sector when a service has none; plus a band around each sector's services.

use crate::scenario::{Scenario, SectorId};
use bevy::prelude::*;

/// Node radius in world units.
pub(crate) const NODE_RADIUS: f32 = 13.0;
const LANE_HEIGHT: f32 = 90.0;
const LANE_STEP: f32 = 110.0;
const BAND_PAD: f32 = 26.0;

/// The map's geometry for one scenario, in world units (y up, centred on the origin).
#[derive(Resource, Debug, Clone, PartialEq)]
pub(crate) struct MapLayout {
    /// Position of each service, by service index.
    pub nodes: Vec<Vec2>,
    /// One band per sector that has services: its rectangle (min, max).
    pub bands: Vec<(SectorId, Vec2, Vec2)>,
    /// Everything drawn, with a margin.
    pub bounds: Rect,
}

/// Lay out `scenario`'s services.
pub(crate) fn layout(scenario: &Scenario) -> MapLayout {
    let n = scenario.services.len();
    let use_pos = n > 0 && scenario.services.iter().all(|s| s.pos.is_some());
    let mut nodes = vec![Vec2::ZERO; n];
    // Sectors in the order they first appear among services.
    let mut sectors: Vec<SectorId> = vec![];
    for i in 0..n {
        let s = scenario.sector_of(crate::scenario::ServiceId(i as u32));
        if !sectors.contains(&s) {
            sectors.push(s);
        }
    }
    if use_pos {
        for (i, svc) in scenario.services.iter().enumerate() {
            let (x, y) = svc.pos.unwrap_or_default();
            nodes[i] = Vec2::new(x - 500.0, 300.0 - y);
        }
    } else {
        let lanes = sectors.len().max(1) as f32;
        for (lane, sector) in sectors.iter().enumerate() {
            let members: Vec<usize> = (0..n)
                .filter(|i| scenario.sector_of(crate::scenario::ServiceId(*i as u32)) == *sector)
                .collect();
            let y = (lanes - 1.0) * LANE_STEP / 2.0 - lane as f32 * LANE_STEP;
            let count = members.len().max(1) as f32;
            let step = (900.0 / count).min(160.0);
            for (k, i) in members.iter().enumerate() {
                nodes[*i] = Vec2::new((k as f32 - (count - 1.0) / 2.0) * step, y);
            }
        }
    }
    let mut bands = vec![];
    for sector in &sectors {
        let members =
            (0..n).filter(|i| scenario.sector_of(crate::scenario::ServiceId(*i as u32)) == *sector);
        let mut min = Vec2::splat(f32::MAX);
        let mut max = Vec2::splat(f32::MIN);
        for i in members {
            min = min.min(nodes[i]);
            max = max.max(nodes[i]);
        }
        let pad = Vec2::new(BAND_PAD + 30.0, BAND_PAD);
        let (mut lo, mut hi) = (min - pad, max + pad);
        if !use_pos {
            lo.y = min.y - LANE_HEIGHT / 2.0;
            hi.y = max.y + LANE_HEIGHT / 2.0;
        }
        bands.push((*sector, lo, hi));
    }
    let mut bounds = Rect::new(-520.0, -320.0, 520.0, 320.0);
    for (_, lo, hi) in &bands {
        bounds = bounds.union(Rect::from_corners(*lo, *hi));
    }
    // Room for the labels under the outer nodes.
    let bounds = Rect::from_corners(
        bounds.min - Vec2::new(40.0, 40.0),
        bounds.max + Vec2::new(40.0, 10.0),
    );
    MapLayout {
        nodes,
        bands,
        bounds,
    }
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
    fn positions_map_into_world_space_and_bands_hold_their_services() {
        let s = crate::scenario::builtin_default();
        let lay = layout(&s);
        assert_eq!(lay.nodes.len(), s.services.len());
        for (i, svc) in s.services.iter().enumerate() {
            if let Some((x, y)) = svc.pos {
                assert_eq!(lay.nodes[i], Vec2::new(x - 500.0, 300.0 - y));
            }
            let sector = s.sector_of(crate::scenario::ServiceId(i as u32));
            let (_, lo, hi) = lay
                .bands
                .iter()
                .find(|b| b.0 == sector)
                .expect("a band per sector");
            assert!(lay.nodes[i].cmpge(*lo).all() && lay.nodes[i].cmple(*hi).all());
            assert!(lay.bounds.contains(lay.nodes[i]));
        }
        assert_eq!(
            lay.hit(lay.nodes[0] + Vec2::new(3.0, 0.0), NODE_RADIUS),
            Some(0)
        );
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
                let same = s.sector_of(crate::scenario::ServiceId(i as u32))
                    == s.sector_of(crate::scenario::ServiceId(j as u32));
                assert_eq!(same, a.y == b.y, "one lane per sector");
            }
        }
    }
}
