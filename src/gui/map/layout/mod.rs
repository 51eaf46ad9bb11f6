//! Where services go on the map: the scenario's positions (0..1000 x 0..600) spread over the
//! area the map is drawn in when every service has one, else the map's own layout (sector
//! lanes in cascade order, see [`lanes`]); plus a band around each sector's services with room
//! for its title above them, and the blocks (sector and area) the map may show as one node.
//!
//! A scenario that gives positions to only some of its services is laid out as if it gave
//! none: the authors' coordinates and the lanes' fixed spacing cannot share one map without
//! overlaps, so hand-placed positions win only when every service has one.

mod lanes;
pub(crate) use lanes::SPACING;
#[cfg(test)]
mod tests;

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
const BAND_PAD_TOP: f32 = NODE_RADIUS + 6.0;
pub(crate) const TITLE_STRIP: f32 = 22.0;
/// A map area smaller than this is laid out at this size (and shown zoomed out).
const MIN_SIZE: Vec2 = Vec2::new(560.0, 380.0);
/// The size the map is laid out at before its area is known.
pub(crate) const DEFAULT_SIZE: Vec2 = Vec2::new(1040.0, 640.0);
/// How far the layout may stretch the authors' proportions to fill the area.
const MAX_STRETCH: f32 = 1.6;

/// A group of services the map may draw as one aggregate node: a sector's services in one
/// area (or all of a sector's services on a hand-placed map).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    /// Its sector's band, by index in [`MapLayout::bands`].
    pub band: usize,
    /// Its area, by index in `Scenario::areas` (None: no area, or a hand-placed map).
    pub area: Option<u32>,
    /// Its services, by index.
    pub members: Vec<u32>,
    /// Around its nodes (world units).
    pub rect: Rect,
}

/// The map's geometry for one scenario, in world units (y up, centred on the origin). At the
/// fitted zoom of a hand-placed map one world unit is one logical pixel.
#[derive(Resource, Debug, Clone, PartialEq)]
pub(crate) struct MapLayout {
    /// Position of each service, by service index.
    pub nodes: Vec<Vec2>,
    /// One band per sector that has services: its rectangle (min, max), title strip included.
    pub bands: Vec<(SectorId, Vec2, Vec2)>,
    /// The blocks, in band order; each service is in exactly one.
    pub blocks: Vec<Block>,
    /// Each service's block, by service index.
    pub block_of: Vec<u32>,
    /// Everything drawn, with a margin.
    pub bounds: Rect,
    /// The area size this layout was made for.
    pub size: Vec2,
    /// Laid out by the map (not from the authors' positions): the nodes keep their spacing
    /// whatever the area's size, and only `bounds` follows it.
    pub auto: bool,
}

/// The size a map area of `area` is laid out at.
pub(crate) fn framed(area: Vec2) -> Vec2 {
    area.max(MIN_SIZE)
}

/// Lay out `scenario`'s services at the default size.
pub(crate) fn layout(scenario: &Scenario) -> MapLayout {
    layout_in(scenario, DEFAULT_SIZE)
}

/// Lay out `scenario`'s services to fill an area of `area` logical pixels.
pub(crate) fn layout_in(scenario: &Scenario, area: Vec2) -> MapLayout {
    let n = scenario.services.len();
    let size = area.max(MIN_SIZE);
    if n == 0 || scenario.services.iter().any(|s| s.pos.is_none()) {
        let auto = lanes::lanes(scenario);
        let mut lay = MapLayout {
            nodes: auto.nodes,
            bands: auto.bands,
            block_of: block_index(n, &auto.blocks),
            blocks: auto.blocks,
            bounds: Rect::default(),
            size,
            auto: true,
        };
        lay.reframe(size);
        return lay;
    }
    let sectors = sectors_in_order(scenario);
    let (unit, natural) = from_positions(scenario);
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
    let mut blocks = vec![];
    for sector in &sectors {
        let members: Vec<u32> = (0..n as u32)
            .filter(|i| scenario.sector_of(ServiceId(*i)) == *sector)
            .collect();
        let (lo, hi) = band_around(members.iter().map(|i| nodes[*i as usize]));
        blocks.push(Block {
            band: bands.len(),
            area: None,
            members,
            rect: Rect::from_corners(lo, hi),
        });
        bands.push((*sector, lo, hi));
    }
    let mut bounds = Rect::from_center_size(Vec2::ZERO, size);
    for (_, lo, hi) in &bands {
        bounds = bounds.union(Rect::from_corners(*lo, *hi));
    }
    MapLayout {
        nodes,
        bands,
        block_of: block_index(n, &blocks),
        blocks,
        bounds,
        size,
        auto: false,
    }
}

/// The band around some nodes: padding at the sides and below, the title strip above.
fn band_around(nodes: impl Iterator<Item = Vec2>) -> (Vec2, Vec2) {
    let (min, max) = nodes.fold((Vec2::MAX, Vec2::MIN), |(a, b), p| (a.min(p), b.max(p)));
    (
        min - Vec2::new(BAND_PAD_X, BAND_PAD_BOTTOM),
        max + Vec2::new(BAND_PAD_X, BAND_PAD_TOP + TITLE_STRIP),
    )
}

/// Each service's block.
fn block_index(n: usize, blocks: &[Block]) -> Vec<u32> {
    let mut of = vec![0; n];
    for (k, b) in blocks.iter().enumerate() {
        for m in &b.members {
            if let Some(x) = of.get_mut(*m as usize) {
                *x = k as u32;
            }
        }
    }
    of
}

/// Sectors in the order they first appear among services.
fn sectors_in_order(scenario: &Scenario) -> Vec<SectorId> {
    let mut seen = vec![false; scenario.sectors.len()];
    let mut sectors: Vec<SectorId> = vec![];
    for i in 0..scenario.services.len() {
        let s = scenario.sector_of(ServiceId(i as u32));
        if seen.get(s.idx()).is_some_and(|x| !x) {
            seen[s.idx()] = true;
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

    /// Fit the frame of a map laid out by the map to an area of `area` logical pixels: the
    /// bands with a margin for the map's controls, and at least the area itself (so the
    /// fitted zoom never magnifies a small map).
    pub(crate) fn reframe(&mut self, area: Vec2) {
        let size = area.max(MIN_SIZE);
        let mut b = Rect::from_center_size(Vec2::ZERO, Vec2::ZERO);
        for (_, lo, hi) in &self.bands {
            b = b.union(Rect::from_corners(*lo, *hi));
        }
        // The margins are pixels at the fitted zoom: scale them by how far it zooms out.
        let zoom = (b.width() / size.x).max(b.height() / size.y).max(1.0);
        let b = Rect::from_corners(
            b.min - Vec2::new(MARGIN_X, MARGIN_BOTTOM) * zoom,
            b.max + Vec2::new(MARGIN_X, MARGIN_TOP) * zoom,
        );
        self.bounds = b.union(Rect::from_center_size(b.center(), size));
        self.size = size;
    }
}
