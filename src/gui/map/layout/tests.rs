//! Layout tests: hand-placed maps keep the authors' order; the lanes keep every node and band
//! apart at any size, point most dependencies one way, and come out the same each time.

use super::lanes::SPACING;
use super::*;
use crate::scenario::generate::national;

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

/// Every pair of nodes at least two radii apart, every pair of bands apart, every service in
/// its sector's band and its block.
fn apart(s: &Scenario, lay: &MapLayout) {
    assert_eq!(lay.nodes.len(), s.services.len());
    // Neighbours on a grid of SPACING: compare each node with those in its cell and around.
    let mut grid: std::collections::HashMap<(i32, i32), Vec<usize>> = Default::default();
    let cell = |p: Vec2| {
        (
            (p.x / SPACING).floor() as i32,
            (p.y / SPACING).floor() as i32,
        )
    };
    for (i, p) in lay.nodes.iter().enumerate() {
        grid.entry(cell(*p)).or_default().push(i);
    }
    for (i, p) in lay.nodes.iter().enumerate() {
        let (cx, cy) = cell(*p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for j in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    if *j != i {
                        let d = p.distance(lay.nodes[*j]);
                        assert!(d >= 2.0 * NODE_RADIUS, "nodes {i} and {j}: {d}");
                    }
                }
            }
        }
    }
    for (a, (_, alo, ahi)) in lay.bands.iter().enumerate() {
        let ra = Rect::from_corners(*alo, *ahi);
        for (_, blo, bhi) in lay.bands.iter().skip(a + 1) {
            let rb = Rect::from_corners(*blo, *bhi);
            assert!(ra.intersect(rb).is_empty(), "bands {ra:?} and {rb:?}");
        }
    }
    for (i, p) in lay.nodes.iter().enumerate() {
        let block = &lay.blocks[lay.block_of[i] as usize];
        assert!(block.members.contains(&(i as u32)));
        assert!(block.rect.contains(*p));
        let (sector, lo, hi) = lay.bands[block.band];
        assert_eq!(sector, s.sector_of(ServiceId(i as u32)));
        assert!(p.cmpge(lo).all() && p.cmple(hi).all());
        assert!(
            hi.y - p.y >= TITLE_STRIP + NODE_RADIUS,
            "room for the title"
        );
        assert!(lay.bounds.contains(lo) && lay.bounds.contains(hi));
    }
}

/// The share of dependencies that run down to a later lane, or right within a lane.
fn one_way(s: &Scenario, lay: &MapLayout) -> f32 {
    let band = |i: usize| lay.blocks[lay.block_of[i] as usize].band;
    let forward = s
        .dependencies
        .iter()
        .filter(|d| {
            let (a, b) = (d.from.idx(), d.to.idx());
            band(a) < band(b) || (band(a) == band(b) && lay.nodes[a].x <= lay.nodes[b].x)
        })
        .count();
    forward as f32 / s.dependencies.len().max(1) as f32
}

#[test]
fn without_positions_each_sector_gets_a_lane() {
    let mut s = crate::scenario::builtin_default();
    for svc in &mut s.services {
        svc.pos = None;
    }
    let lay = layout(&s);
    assert!(lay.auto);
    apart(&s, &lay);
    assert_eq!(
        lay.bands.len(),
        sectors_in_order(&s).len(),
        "one lane per sector"
    );
    // The leading sectors come first.
    let leading = |k: usize| s.sectors[lay.bands[k].0.idx()].leading;
    let first_other = (0..lay.bands.len()).find(|k| !leading(*k));
    if let Some(f) = first_other {
        assert!((f..lay.bands.len()).all(|k| !leading(k)));
    }
}

#[test]
fn a_mix_of_placed_and_unplaced_services_is_laid_out_by_the_map() {
    let mut s = crate::scenario::builtin_default();
    s.services[0].pos = None;
    let lay = layout(&s);
    assert!(lay.auto);
    apart(&s, &lay);
    assert!(!layout(&crate::scenario::builtin_default()).auto);
}

#[test]
fn a_generated_network_keeps_nodes_and_bands_apart_and_runs_one_way() {
    for (n, m) in [(60, 200), (1000, 4000)] {
        let s = national(n, m, 1);
        assert!(s.services.iter().all(|x| x.pos.is_none()));
        let lay = layout_in(&s, Vec2::new(900.0, 560.0));
        apart(&s, &lay);
        let share = one_way(&s, &lay);
        assert!(
            share > 0.8,
            "{n} services: {share} of the dependencies run one way"
        );
        assert_eq!(lay, layout_in(&s, Vec2::new(900.0, 560.0)), "deterministic");
        // A block per sector and area.
        for b in &lay.blocks {
            let area = |i: &u32| s.services[*i as usize].area.clone();
            assert!(b.members.iter().all(|i| area(i) == area(&b.members[0])));
        }
    }
}

#[test]
fn ten_thousand_services_stay_apart_in_a_map_of_reasonable_shape() {
    let s = national(10_000, 40_000, 2);
    let lay = layout(&s);
    apart(&s, &lay);
    let b = lay.bounds;
    assert!(
        b.width() / b.height() > 0.5 && b.width() / b.height() < 4.0,
        "{b:?}"
    );
    assert!(one_way(&s, &lay) > 0.8);
}
