//! Level of detail: zoomed out, a sector's lane (or an area's block within it) is one
//! aggregate node; zoomed in far enough that nodes are apart on screen, every service shows.
//! Clicking an aggregate expands it (a lane into its areas where they are big enough, else
//! into its services; a block into its services) and zooms to it; fitting the map again
//! folds everything back.

use super::camera::{FitMap, MapCamera};
use super::layout::{MapLayout, TITLE_STRIP};
use crate::gui::screens::Screen;
use bevy::prelude::*;
use std::collections::HashSet;

/// Node spacing on screen (pixels) from which every service shows.
const SERVICES_PX: f32 = 10.0;
/// Node spacing on screen from which every edge shows too.
const EDGES_PX: f32 = 30.0;
/// A lane shows area aggregates when its blocks hold this many services (median) and are
/// this wide on screen (mean, pixels); else it is one aggregate.
const AREA_MIN: usize = 6;
const AREA_PX: f32 = 54.0;

/// How a block is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Show {
    Services,
    /// As its own aggregate node.
    Block,
    /// Within its lane's aggregate node.
    Lane,
}

/// An aggregate node: a lane (by band index) or a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Agg {
    Lane(usize),
    Block(usize),
}

/// How each block of the map is drawn now.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub(crate) struct Detail {
    /// By block index.
    pub show: Vec<Show>,
    /// Every block shows its services.
    pub all: bool,
    /// Close enough that every edge shows.
    pub edges: bool,
}

/// The aggregates the user expanded.
#[derive(Resource, Debug, Default)]
pub(super) struct Expanded(HashSet<Agg>);

/// Expand an aggregate and zoom to it.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct Expand(pub Agg);

/// Zoom the map camera to a world rectangle.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct Focus(pub Rect);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Detail>();
    app.init_resource::<Expanded>();
    app.add_message::<Expand>();
    app.add_message::<Focus>();
    app.add_systems(
        Update,
        (expand, update)
            .chain()
            .after(super::camera::pan_zoom_select)
            .run_if(in_state(Screen::Exercise).and_then(resource_exists::<MapLayout>)),
    );
    app.add_systems(OnExit(Screen::Exercise), |mut e: ResMut<Expanded>| {
        e.0.clear()
    });
}

fn expand(
    layout: Res<MapLayout>,
    mut asked: MessageReader<Expand>,
    mut fit: MessageReader<FitMap>,
    mut expanded: ResMut<Expanded>,
    mut focus: MessageWriter<Focus>,
) {
    if fit.read().count() > 0 {
        expanded.0.clear();
    }
    for Expand(agg) in asked.read() {
        expanded.0.insert(*agg);
        if let Some(r) = rect(&layout, *agg) {
            focus.write(Focus(r));
        }
    }
}

pub(super) fn update(
    layout: Res<MapLayout>,
    expanded: Res<Expanded>,
    camera: Single<&Projection, With<MapCamera>>,
    mut detail: ResMut<Detail>,
) {
    let Projection::Orthographic(o) = *camera else {
        return;
    };
    let fresh = decide(&layout, o.scale, &expanded.0);
    detail.set_if_neq(fresh);
}

/// How each block shows at zoom `scale` (world units per pixel).
fn decide(layout: &MapLayout, scale: f32, expanded: &HashSet<Agg>) -> Detail {
    let scale = scale.max(1e-3);
    let spacing = if layout.auto {
        super::layout::SPACING
    } else {
        // Hand-placed maps are small: they show their services at the fitted zoom.
        f32::INFINITY
    };
    if spacing / scale >= SERVICES_PX {
        return Detail {
            show: vec![Show::Services; layout.blocks.len()],
            all: true,
            edges: spacing / scale >= EDGES_PX,
        };
    }
    let mut show = vec![Show::Lane; layout.blocks.len()];
    for band in 0..layout.bands.len() {
        let blocks: Vec<usize> = (0..layout.blocks.len())
            .filter(|k| layout.blocks[*k].band == band)
            .collect();
        let mut sizes: Vec<usize> = blocks
            .iter()
            .map(|k| layout.blocks[*k].members.len())
            .collect();
        sizes.sort_unstable();
        let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
        let width = blocks
            .iter()
            .map(|k| layout.blocks[*k].rect.width())
            .sum::<f32>()
            / blocks.len().max(1) as f32
            / scale;
        let areas = median >= AREA_MIN && (width >= AREA_PX || expanded.contains(&Agg::Lane(band)));
        for k in blocks {
            show[k] = if expanded.contains(&Agg::Block(k)) {
                Show::Services
            } else if areas {
                Show::Block
            } else if expanded.contains(&Agg::Lane(band)) {
                Show::Services
            } else {
                Show::Lane
            };
        }
    }
    Detail {
        show,
        all: false,
        edges: false,
    }
}

impl Detail {
    /// What service `i` is drawn as: itself, or the aggregate it is in.
    pub(crate) fn agg_of(&self, layout: &MapLayout, i: usize) -> Option<Agg> {
        let k = *layout.block_of.get(i)? as usize;
        match self.show.get(k)? {
            Show::Services => None,
            Show::Block => Some(Agg::Block(k)),
            Show::Lane => Some(Agg::Lane(layout.blocks.get(k)?.band)),
        }
    }

    /// Where service `i` is drawn: its node, or its aggregate's centre.
    pub(crate) fn anchor(&self, layout: &MapLayout, i: usize) -> Option<(Option<Agg>, Vec2)> {
        match self.agg_of(layout, i) {
            None => Some((None, *layout.nodes.get(i)?)),
            Some(a) => Some((Some(a), centre(layout, a)?)),
        }
    }

    /// The aggregates drawn now.
    pub(crate) fn aggregates(&self, layout: &MapLayout) -> Vec<Agg> {
        let mut out = vec![];
        for (k, s) in self.show.iter().enumerate() {
            let a = match s {
                Show::Services => continue,
                Show::Block => Agg::Block(k),
                Show::Lane => Agg::Lane(layout.blocks.get(k).map_or(0, |b| b.band)),
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }
}

/// An aggregate's centre: a block's middle; a lane's node below its title, staggered along
/// the lane so that bundles between lanes do not run on top of each other.
pub(crate) fn centre(layout: &MapLayout, agg: Agg) -> Option<Vec2> {
    match agg {
        Agg::Block(k) => layout.blocks.get(k).map(|b| b.rect.center()),
        Agg::Lane(b) => {
            let (_, lo, hi) = layout.bands.get(b)?;
            let f = 0.2 + 0.6 * ((b as f32 * 0.618_034).fract());
            Some(Vec2::new(
                lo.x + (hi.x - lo.x) * f,
                (lo.y + hi.y - TITLE_STRIP) / 2.0,
            ))
        }
    }
}

/// The world rectangle an aggregate stands for.
pub(crate) fn rect(layout: &MapLayout, agg: Agg) -> Option<Rect> {
    match agg {
        Agg::Block(k) => layout.blocks.get(k).map(|b| b.rect),
        Agg::Lane(b) => layout
            .bands
            .get(b)
            .map(|(_, lo, hi)| Rect::from_corners(*lo, *hi)),
    }
}

/// An aggregate's radius on screen (pixels) at zoom `scale`: it fits its lane or block.
pub(crate) fn radius_px(layout: &MapLayout, agg: Agg, scale: f32) -> f32 {
    let r = rect(layout, agg).unwrap_or(Rect::EMPTY);
    let scale = scale.max(1e-3);
    match agg {
        Agg::Lane(_) => ((r.height() - TITLE_STRIP) / scale * 0.32).clamp(6.0, 18.0),
        Agg::Block(_) => (r.width().min(r.height()) / scale * 0.36).clamp(5.0, 14.0),
    }
}
