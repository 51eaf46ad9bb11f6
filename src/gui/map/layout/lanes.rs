//! The map's own layout for services without a position: one lane (band) per sector, stacked
//! top to bottom with the leading sectors first and then in cascade order (a sector whose
//! services depend on another's comes after it); in each lane one block per area, side by
//! side; in each block a layered layout (layer = dependency depth within the lane, order in a
//! layer by the barycentre of the providers, a few sweeps) filled column by column, so that
//! dependencies mostly run down between lanes and right within one. Nodes sit on a grid of
//! [`SPACING`]; a lane takes as many rows as keep it within the map's target width.

use super::{Block, TITLE_STRIP, band_around};
use crate::scenario::{Scenario, SectorId, ServiceId};
use bevy::prelude::*;

/// Node centre to node centre (world units); a node's diameter is 26.
pub(crate) const SPACING: f32 = 36.0;
/// Extra room between two area blocks in a lane, and between two lanes.
const AREA_GAP: f32 = 22.0;
const LANE_GAP: f32 = 14.0;
/// The proportions the whole map aims at (width / height).
const ASPECT: f32 = 1.7;
/// Barycentre sweeps per lane.
const SWEEPS: usize = 3;

/// The lanes' layout: positions, bands and blocks.
pub(super) struct Lanes {
    pub nodes: Vec<Vec2>,
    pub bands: Vec<(SectorId, Vec2, Vec2)>,
    pub blocks: Vec<Block>,
}

/// Lay out every service of `s` in lanes, centred on the origin.
pub(super) fn lanes(s: &Scenario) -> Lanes {
    let n = s.services.len();
    let sector = |i: usize| s.sector_of(ServiceId(i as u32));
    let order = lane_order(s);
    // Providers and, within a lane, dependents of each service.
    let mut providers: Vec<Vec<u32>> = vec![vec![]; n];
    for d in &s.dependencies {
        if d.from.idx() < n && d.to.idx() < n && d.from != d.to {
            providers[d.to.idx()].push(d.from.0);
        }
    }
    let target = (n as f32 * SPACING * SPACING * 1.3 * ASPECT)
        .sqrt()
        .max(SPACING * 8.0);
    let mut nodes = vec![Vec2::ZERO; n];
    let mut placed = vec![false; n];
    let mut bands = vec![];
    let mut blocks = vec![];
    let mut top = 0.0f32;
    for sec in order {
        let members: Vec<usize> = (0..n).filter(|i| sector(*i) == sec).collect();
        let layer = layers(&members, &providers, |i| sector(i) == sec);
        // One block per area, in the scenario's (sorted) area order, no area last.
        let mut by_area: Vec<(Option<u32>, Vec<usize>)> = vec![];
        for i in &members {
            let area = s.services[*i]
                .area
                .as_ref()
                .and_then(|a| s.areas.binary_search(a).ok())
                .map(|a| a as u32);
            match by_area.iter_mut().find(|(a, _)| *a == area) {
                Some((_, list)) => list.push(*i),
                None => by_area.push((area, vec![*i])),
            }
        }
        by_area.sort_by_key(|(a, _)| a.map_or(u32::MAX, |a| a));
        let rows = rows_for(&by_area, target);
        let y0 = top - TITLE_STRIP - super::BAND_PAD_TOP;
        // First sweep: index order; later ones: the barycentre of placed providers.
        let mut key: Vec<f32> = (0..n).map(|i| i as f32).collect();
        for sweep in 0..SWEEPS {
            let mut x = 0.0f32;
            for (_, list) in &mut by_area {
                list.sort_by(|a, b| {
                    (layer[a], key[*a])
                        .partial_cmp(&(layer[b], key[*b]))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(a.cmp(b))
                });
                for (k, i) in list.iter().enumerate() {
                    let (col, row) = (k / rows, k % rows);
                    nodes[*i] = Vec2::new(x + col as f32 * SPACING, y0 - row as f32 * SPACING);
                    placed[*i] = true;
                }
                x += columns(list.len(), rows) as f32 * SPACING + AREA_GAP;
            }
            if sweep + 1 < SWEEPS {
                for i in &members {
                    let xs: Vec<f32> = providers[*i]
                        .iter()
                        .filter(|p| placed[**p as usize])
                        .map(|p| nodes[*p as usize].x)
                        .collect();
                    key[*i] = if xs.is_empty() {
                        nodes[*i].x
                    } else {
                        xs.iter().sum::<f32>() / xs.len() as f32
                    };
                }
            }
        }
        let (lo, hi) = band_around(members.iter().map(|i| nodes[*i]));
        for (area, list) in &by_area {
            let (a, b) = list.iter().fold((Vec2::MAX, Vec2::MIN), |(a, b), i| {
                (a.min(nodes[*i]), b.max(nodes[*i]))
            });
            blocks.push(Block {
                band: bands.len(),
                area: *area,
                members: list.iter().map(|i| *i as u32).collect(),
                rect: Rect::from_corners(a, b).inflate(SPACING / 2.0),
            });
        }
        top = lo.y - LANE_GAP;
        bands.push((sec, lo, hi));
    }
    // Every band as wide as the widest, then the whole map centred on the origin.
    let right = bands.iter().map(|b| b.2.x).fold(f32::MIN, f32::max);
    for b in &mut bands {
        b.2.x = right;
    }
    let (lo, hi) = bands
        .iter()
        .fold((Vec2::MAX, Vec2::MIN), |(a, b), x| (a.min(x.1), b.max(x.2)));
    let shift = if bands.is_empty() {
        Vec2::ZERO
    } else {
        -(lo + hi) / 2.0
    };
    for p in &mut nodes {
        *p += shift;
    }
    for b in &mut bands {
        b.1 += shift;
        b.2 += shift;
    }
    for b in &mut blocks {
        b.rect = Rect::from_corners(b.rect.min + shift, b.rect.max + shift);
    }
    Lanes {
        nodes,
        bands,
        blocks,
    }
}

/// Columns a block of `count` nodes takes with `rows` rows.
fn columns(count: usize, rows: usize) -> usize {
    count.div_ceil(rows.max(1))
}

/// The fewest rows that keep a lane's blocks within `target` wide.
fn rows_for(blocks: &[(Option<u32>, Vec<usize>)], target: f32) -> usize {
    let most = blocks
        .iter()
        .map(|(_, l)| l.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let width = |rows: usize| -> f32 {
        blocks
            .iter()
            .map(|(_, l)| columns(l.len(), rows) as f32 * SPACING + AREA_GAP)
            .sum()
    };
    (1..=most).find(|r| width(*r) <= target).unwrap_or(most)
}

/// Each member's dependency depth among the members (`within` says who is one), by service
/// index: a service's layer is one more than its deepest provider's. A cycle is broken at its
/// lowest-numbered service.
fn layers(
    members: &[usize],
    providers: &[Vec<u32>],
    within: impl Fn(usize) -> bool,
) -> std::collections::HashMap<usize, u32> {
    use std::collections::HashMap;
    let mut waiting: HashMap<usize, usize> = HashMap::new();
    let mut dependents: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in members {
        let inside: Vec<usize> = providers[*i]
            .iter()
            .map(|p| *p as usize)
            .filter(|p| within(*p))
            .collect();
        waiting.insert(*i, inside.len());
        for p in inside {
            dependents.entry(p).or_default().push(*i);
        }
    }
    let mut layer: HashMap<usize, u32> = members.iter().map(|i| (*i, 0)).collect();
    let mut done: HashMap<usize, bool> = HashMap::new();
    let mut ready: Vec<usize> = members
        .iter()
        .copied()
        .filter(|i| waiting[i] == 0)
        .rev()
        .collect();
    let mut next_stuck = 0;
    while done.len() < members.len() {
        let i = match ready.pop() {
            Some(i) => i,
            None => {
                // A cycle: take the lowest-numbered member not done yet.
                while done.contains_key(&members[next_stuck]) {
                    next_stuck += 1;
                }
                members[next_stuck]
            }
        };
        if done.insert(i, true).is_some() {
            continue;
        }
        let l = layer[&i];
        for d in dependents.get(&i).into_iter().flatten() {
            if done.contains_key(d) {
                continue;
            }
            if let Some(x) = layer.get_mut(d) {
                *x = (*x).max(l + 1);
            }
            if let Some(w) = waiting.get_mut(d) {
                *w = w.saturating_sub(1);
                if *w == 0 {
                    ready.push(*d);
                }
            }
        }
    }
    layer
}

/// Sectors top to bottom: the leading ones first, each time the sector that the fewest
/// dependencies from sectors not yet placed run into (ties: first seen among services).
fn lane_order(s: &Scenario) -> Vec<SectorId> {
    let sectors = super::sectors_in_order(s);
    let k = sectors.len();
    let slot = |sec: SectorId| sectors.iter().position(|x| *x == sec);
    let mut weight = vec![vec![0u32; k]; k];
    for d in &s.dependencies {
        if d.from.idx() >= s.services.len() || d.to.idx() >= s.services.len() {
            continue;
        }
        if let (Some(a), Some(b)) = (slot(s.sector_of(d.from)), slot(s.sector_of(d.to)))
            && a != b
        {
            weight[a][b] += 1;
        }
    }
    let leading = |i: usize| s.sectors.get(sectors[i].idx()).is_some_and(|x| x.leading);
    let mut left: Vec<usize> = (0..k).collect();
    let mut out = vec![];
    while !left.is_empty() {
        let incoming = |b: usize| left.iter().map(|a| weight[*a][b]).sum::<u32>();
        let pick = left
            .iter()
            .copied()
            .min_by_key(|b| (!leading(*b), incoming(*b), *b))
            .unwrap_or(0);
        left.retain(|x| *x != pick);
        out.push(sectors[pick]);
    }
    out
}
