//! Where each service's name goes beside its node, on screen, so that no name overlaps another
//! name, a node, a sector title or a map control: the first free spot around the node (below,
//! above, the sides, the corners), with the full name if it fits anywhere, else a shorter one;
//! a name that fits nowhere is left out (the node still shows it on hover).

use bevy_egui::egui::{Pos2, Rect, Vec2, pos2};
use std::collections::HashMap;

/// A node with a name to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Item {
    /// The node's centre and radius on screen.
    pub at: Pos2,
    pub radius: f32,
    /// Placed before the others, and placed even where it overlaps (the selected service).
    pub first: bool,
}

/// Where a name went, and which of its variants (0 = the longest) fits there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    pub rect: Rect,
    pub variant: usize,
}

/// Space kept between a name and its node, and around every name.
const GAP: f32 = 2.0;
const MARGIN: f32 = 1.0;
/// Nodes nearer than this (pixels) make a node crowded: crowded ones are placed first.
const CROWD: f32 = 110.0;
const CELL: f32 = 48.0;

/// Place the names of `items`. `size(i, v)` is the size of item `i`'s variant `v` (for
/// `v < variants`, longest first); `blocked` are rectangles no name may cover; names stay
/// inside `bounds`.
pub(crate) fn place(
    items: &[Item],
    variants: usize,
    mut size: impl FnMut(usize, usize) -> Vec2,
    blocked: &[Rect],
    bounds: Rect,
) -> Vec<Option<Placed>> {
    let mut taken = Grid::default();
    for r in blocked {
        taken.add(*r);
    }
    let mut nodes: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        nodes.entry(cell(it.at)).or_default().push(i);
    }
    let mut out = vec![None; items.len()];
    for i in order(items, &nodes) {
        let it = items[i];
        let free = |r: &Rect, taken: &Grid| {
            bounds.contains_rect(*r) && !taken.hits(r) && !covers_node(r, i, items, &nodes)
        };
        let mut found = None;
        'search: for v in 0..variants {
            let s = size(i, v);
            for r in spots(it, s) {
                if free(&r, &taken) {
                    found = Some(Placed {
                        rect: r,
                        variant: v,
                    });
                    break 'search;
                }
            }
        }
        if found.is_none() && it.first && variants > 0 {
            let s = size(i, 0);
            found = spots(it, s).next().map(|rect| Placed { rect, variant: 0 });
        }
        if let Some(p) = found {
            taken.add(p.rect);
            out[i] = Some(p);
        }
    }
    out
}

/// The ones placed first, then the most crowded, then in scenario order.
fn order(items: &[Item], nodes: &HashMap<(i32, i32), Vec<usize>>) -> Vec<usize> {
    let reach = (CROWD / CELL).ceil() as i32;
    let crowd: Vec<usize> = items
        .iter()
        .map(|it| {
            let (cx, cy) = cell(it.at);
            let mut n = 0;
            for dx in -reach..=reach {
                for dy in -reach..=reach {
                    n += nodes.get(&(cx + dx, cy + dy)).map_or(0, |v| {
                        v.iter()
                            .filter(|j| items[**j].at.distance(it.at) < CROWD)
                            .count()
                    });
                }
            }
            n
        })
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|i| (!items[*i].first, std::cmp::Reverse(crowd[*i]), *i));
    order
}

/// The spots around a node for a name of size `s`, best first.
fn spots(it: Item, s: Vec2) -> impl Iterator<Item = Rect> {
    let (c, r) = (it.at, it.radius);
    let d = r * 0.75 + GAP;
    [
        pos2(c.x - s.x / 2.0, c.y + r + GAP),
        pos2(c.x - s.x / 2.0, c.y - r - GAP - s.y),
        pos2(c.x + r + GAP + 1.0, c.y - s.y / 2.0),
        pos2(c.x - r - GAP - 1.0 - s.x, c.y - s.y / 2.0),
        pos2(c.x + d, c.y + d),
        pos2(c.x - d - s.x, c.y + d),
        pos2(c.x + d, c.y - d - s.y),
        pos2(c.x - d - s.x, c.y - d - s.y),
    ]
    .into_iter()
    .map(move |min| Rect::from_min_size(min, s))
}

/// Whether `r` covers any node but `own`.
fn covers_node(
    r: &Rect,
    own: usize,
    items: &[Item],
    nodes: &HashMap<(i32, i32), Vec<usize>>,
) -> bool {
    let big = r.expand(CELL);
    let (x0, y0) = cell(big.min);
    let (x1, y1) = cell(big.max);
    for x in x0..=x1 {
        for y in y0..=y1 {
            for j in nodes.get(&(x, y)).into_iter().flatten() {
                let it = items[*j];
                if *j != own && r.distance_to_pos(it.at) < it.radius + MARGIN {
                    return true;
                }
            }
        }
    }
    false
}

fn cell(p: Pos2) -> (i32, i32) {
    ((p.x / CELL).floor() as i32, (p.y / CELL).floor() as i32)
}

/// Rectangles already taken, bucketed by cell.
#[derive(Default)]
struct Grid {
    cells: HashMap<(i32, i32), Vec<Rect>>,
}

impl Grid {
    fn add(&mut self, r: Rect) {
        if !r.is_finite() {
            return;
        }
        let (x0, y0) = cell(r.min);
        let (x1, y1) = cell(r.max);
        for x in x0..=x1 {
            for y in y0..=y1 {
                self.cells.entry((x, y)).or_default().push(r);
            }
        }
    }

    fn hits(&self, r: &Rect) -> bool {
        let grown = r.expand(MARGIN);
        let (x0, y0) = cell(r.min);
        let (x1, y1) = cell(r.max);
        (x0..=x1).any(|x| {
            (y0..=y1).any(|y| {
                self.cells
                    .get(&(x, y))
                    .is_some_and(|v| v.iter().any(|o| o.intersects(grown)))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy_egui::egui::vec2;

    fn item(x: f32, y: f32) -> Item {
        Item {
            at: pos2(x, y),
            radius: 16.0,
            first: false,
        }
    }

    fn overlaps(placed: &[Option<Placed>]) -> Vec<(usize, usize)> {
        let mut out = vec![];
        for (i, a) in placed.iter().enumerate() {
            for (j, b) in placed.iter().enumerate().skip(i + 1) {
                if let (Some(a), Some(b)) = (a, b)
                    && a.rect.intersects(b.rect)
                    && a.rect.intersect(b.rect).area() > 0.0
                {
                    out.push((i, j));
                }
            }
        }
        out
    }

    #[test]
    fn neighbours_names_move_aside_instead_of_overlapping() {
        // Three nodes in a row, closer than their names are wide.
        let items = [item(100.0, 100.0), item(180.0, 100.0), item(260.0, 100.0)];
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let placed = place(&items, 1, |_, _| vec2(110.0, 28.0), &[], bounds);
        assert!(placed.iter().all(Option::is_some), "{placed:?}");
        assert!(overlaps(&placed).is_empty(), "{placed:?}");
        for p in placed.iter().flatten() {
            for it in &items {
                assert!(
                    p.rect.distance_to_pos(it.at) >= it.radius,
                    "a name covers a node"
                );
            }
        }
    }

    #[test]
    fn a_shorter_variant_is_taken_when_the_full_name_fits_nowhere() {
        // Boxed in: only a short name fits below, between the others.
        let items = [item(100.0, 60.0), item(100.0, 140.0)];
        let bounds = Rect::from_min_size(pos2(20.0, 30.0), vec2(160.0, 150.0));
        let sizes = [vec2(300.0, 40.0), vec2(90.0, 14.0)];
        let placed = place(&items, 2, |_, v| sizes[v], &[], bounds);
        assert_eq!(placed[0].map(|p| p.variant), Some(1));
        assert!(overlaps(&placed).is_empty());
    }

    #[test]
    fn blocked_areas_and_the_edges_are_avoided_and_the_first_is_always_placed() {
        let items = [
            Item {
                first: true,
                ..item(50.0, 50.0)
            },
            item(50.0, 50.0),
        ];
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(100.0, 100.0));
        let everything = [bounds];
        let placed = place(&items, 1, |_, _| vec2(40.0, 12.0), &everything, bounds);
        assert!(placed[0].is_some(), "the selected name is always shown");
        assert!(placed[1].is_none(), "nowhere free: left out");
        let placed = place(&[item(390.0, 290.0)], 1, |_, _| vec2(60.0, 12.0), &[], {
            Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0))
        });
        let r = placed[0].expect("placed").rect;
        assert!(r.max.x <= 400.0 && r.max.y <= 300.0, "{r:?}");
    }
}
