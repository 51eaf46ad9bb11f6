//! Names on the map, drawn with egui over the bevy scene so they can be measured exactly:
//! sector titles in their bands, each service's name beside its node where it overlaps
//! nothing (shortened with "…" when the full name fits nowhere, left out when nothing fits),
//! the selected service's name in full, and the full name and status on hover.

mod hover;

use super::aggregate::{self, Bundles, Counts};
use super::camera::MapCamera;
use super::detail::{Detail, Show};
use super::layout::{MapLayout, NODE_RADIUS};
use super::place::{self, Item};
use crate::gui::exercise::command::Selected;
use crate::gui::exercise::dock::{Dock, MapArea, PanelSet};
use crate::gui::exercise::picture::{Picture, Shown};
use crate::gui::i18n::I18n;
use crate::gui::session::Session;
use crate::scenario::{Scenario, ServiceId};
use bevy::prelude::*;
use bevy_egui::egui::text::{LayoutJob, TextWrapping};
use bevy_egui::egui::{self, Align, Color32, FontId, Galley, Pos2, Rect};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::HashMap;
use std::sync::Arc;

/// Map controls drawn over the map (legend, fit button): names keep clear of them.
#[derive(Resource, Debug, Default, Clone)]
pub(crate) struct MapOverlays(pub Vec<Rect>);

/// Name sizes at the fitted zoom (logical pixels); they grow a little when zoomed in.
const NAME_PX: f32 = 11.5;
const TITLE_PX: f32 = 12.5;
/// The shapes a name may take, longest first: (wrap width, rows). The first may also be
/// cut with "…" when even three rows are not enough.
const VARIANTS: [(f32, usize); 5] = [(120.0, 3), (100.0, 2), (96.0, 1), (64.0, 1), (40.0, 1)];
/// More nodes than this in view: only the selected one is named (hover shows the rest).
const MAX_NAMED: usize = 800;
const BACKDROP: Color32 = Color32::from_rgba_premultiplied(11, 12, 15, 205);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MapOverlays>();
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(PanelSet::Windows)
            .after(super::overlay::legend)
            .run_if(resource_exists::<MapLayout>.and_then(resource_exists::<Session>)),
    );
}

/// A name's text as one egui layout job.
pub(crate) fn name_job(text: &str, px: f32, wrap: f32, rows: usize, strong: bool) -> LayoutJob {
    let mut job = LayoutJob::simple(
        text.to_owned(),
        FontId::proportional(px),
        if strong {
            Color32::WHITE
        } else {
            Color32::PLACEHOLDER
        },
        wrap,
    );
    job.wrap = TextWrapping {
        max_width: wrap,
        max_rows: rows,
        break_anywhere: rows == 1,
        overflow_character: Some('…'),
    };
    job.halign = Align::Center;
    job
}

/// World to screen for the map camera drawing into `rect`.
struct View {
    rect: Rect,
    cam: Vec2,
    scale: f32,
}

impl View {
    fn screen(&self, w: Vec2) -> Pos2 {
        let c = self.rect.center();
        egui::pos2(
            c.x + (w.x - self.cam.x) / self.scale,
            c.y - (w.y - self.cam.y) / self.scale,
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut contexts: EguiContexts,
    dock: Res<Dock>,
    area: Res<MapArea>,
    layout: Res<MapLayout>,
    camera: Single<(&Transform, &Projection), With<MapCamera>>,
    session: Res<Session>,
    i18n: Res<I18n>,
    picture: Option<Res<Picture>>,
    selected: Res<Selected>,
    overlays: Res<MapOverlays>,
    shown: (Res<Detail>, Res<Counts>, Res<Bundles>),
) -> Result {
    let (detail, counts, bundles) = shown;
    let Some(rect) = dock.remaining() else {
        return Ok(());
    };
    let (transform, projection) = *camera;
    let Projection::Orthographic(ortho) = projection else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let view = View {
        rect,
        cam: transform.translation.truncate(),
        scale: ortho.scale.max(0.01),
    };
    let s = &session.scenario;
    let painter = ctx
        .layer_painter(egui::LayerId::new(
            egui::Order::Background,
            egui::Id::new("map-names"),
        ))
        .with_clip_rect(rect);
    let paint = aggregate::Paint {
        layout: &layout,
        detail: &detail,
        counts: &counts,
        bundles: &bundles,
        scenario: s,
        i18n: &i18n,
        scale: view.scale,
    };
    let hover_at = ctx
        .pointer_hover_pos()
        .filter(|p| rect.contains(*p) && area.pointer_free);
    let (taken, hovered) = aggregate::paint(&painter, &paint, |w| view.screen(w), hover_at);
    let mut blocked = overlays.0.clone();
    blocked.extend(taken);
    let plan = plan(
        &painter, &view, &layout, &detail, s, &i18n, selected.0, &blocked,
    );
    if let (Some(a), Some(p)) = (hovered, hover_at) {
        egui::Area::new(egui::Id::new("map-hover"))
            .order(egui::Order::Tooltip)
            .fixed_pos(p + egui::vec2(14.0, 14.0))
            .interactable(false)
            .show(&ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| aggregate::tooltip(ui, &paint, a));
            });
    }
    // Status icons on nodes big enough to hold one.
    if plan.items.first().is_some_and(|(_, it)| it.radius >= 9.0) {
        let unknown = crate::gui::exercise::picture::ServiceCard::unknown();
        let font = FontId::proportional((plan.items[0].1.radius * 0.9).min(16.0));
        for (i, it) in &plan.items {
            let card = picture
                .as_ref()
                .and_then(|p| p.services.get(*i))
                .unwrap_or(&unknown);
            let icon = super::scene::look(card).1;
            if !icon.is_empty() {
                painter.text(
                    it.at,
                    egui::Align2::CENTER_CENTER,
                    icon,
                    font.clone(),
                    Color32::BLACK,
                );
            }
        }
    }
    for (g, r, c) in &plan.titles {
        painter.rect_filled(*r, 3.0, BACKDROP);
        painter.galley(r.min + PAD / 2.0 - g.rect.min.to_vec2(), g.clone(), *c);
    }
    for n in &plan.names {
        let known = picture
            .as_ref()
            .and_then(|pic| pic.services.get(n.service))
            .is_some_and(|c| c.shown != Shown::Unknown);
        let text = if known {
            Color32::from_rgb(222, 226, 233)
        } else {
            Color32::from_rgb(128, 132, 139)
        };
        painter.rect_filled(n.rect, 3.0, BACKDROP);
        if n.first {
            painter.rect_stroke(
                n.rect,
                3.0,
                egui::Stroke::new(1.0, Color32::from_gray(200)),
                egui::StrokeKind::Inside,
            );
        }
        let at = n.rect.min + PAD / 2.0 - n.galley.rect.min.to_vec2();
        painter.galley(at, n.galley.clone(), text);
    }
    hover::hover(&ctx, &area, &view, &plan, s, &i18n, picture.as_deref());
    Ok(())
}

/// Padding inside a name's backdrop.
const PAD: egui::Vec2 = egui::vec2(4.0, 2.0);

/// What the map's names look like this frame.
struct Plan {
    /// Sector titles: text, backdrop, colour.
    titles: Vec<(Arc<Galley>, Rect, Color32)>,
    names: Vec<Name>,
    /// The nodes in view (service index, on screen).
    items: Vec<(usize, Item)>,
}

/// A service's name as placed.
struct Name {
    service: usize,
    galley: Arc<Galley>,
    /// The backdrop; the text sits inside it.
    rect: Rect,
    /// The selected service (named in full, outlined).
    first: bool,
}

/// Titles, then names, placed so that nothing overlaps.
#[allow(clippy::too_many_arguments)]
fn plan(
    painter: &egui::Painter,
    view: &View,
    layout: &MapLayout,
    detail: &Detail,
    s: &Scenario,
    i18n: &I18n,
    selected: Option<ServiceId>,
    overlays: &[Rect],
) -> Plan {
    let rect = view.rect;
    let grow = (1.0 / view.scale).clamp(0.85, 1.3);
    let radius = (NODE_RADIUS + 3.0) / view.scale;
    // The nodes drawn (in blocks that show their services) and in view.
    let near = rect.expand(40.0);
    let items: Vec<(usize, Item)> = layout
        .blocks
        .iter()
        .enumerate()
        .filter(|(k, b)| {
            detail.show.get(*k).is_none_or(|x| *x == Show::Services)
                && near.intersects(Rect::from_two_pos(
                    view.screen(b.rect.min),
                    view.screen(b.rect.max),
                ))
        })
        .flat_map(|(_, b)| b.members.iter().map(|i| *i as usize))
        .filter_map(|i| {
            let item = Item {
                at: view.screen(*layout.nodes.get(i)?),
                radius,
                first: selected == Some(ServiceId(i as u32)),
            };
            near.contains(item.at).then_some((i, item))
        })
        .collect();
    let nodes: Vec<Item> = items.iter().map(|(_, it)| *it).collect();
    let bounds = rect.shrink(2.0);
    let mut blocked = overlays.to_vec();
    let titles = titles(
        painter, view, layout, s, i18n, grow, &nodes, &blocked, bounds,
    );
    blocked.extend(titles.iter().map(|t| t.1));
    let crowded = items.len() > MAX_NAMED;
    let named: Vec<(usize, Item)> = items
        .iter()
        .filter(|(_, it)| !crowded || it.first)
        .copied()
        .collect();
    let mut galleys: HashMap<(usize, usize), Arc<Galley>> = HashMap::new();
    let mut galley = |k: usize, v: usize| -> Arc<Galley> {
        let (i, it) = named[k];
        galleys
            .entry((k, v))
            .or_insert_with(|| {
                let text = s.services.get(i).map_or("", |x| i18n.text(&x.name));
                let (wrap, rows) = if it.first {
                    (200.0, 4)
                } else {
                    VARIANTS[v.min(VARIANTS.len() - 1)]
                };
                painter.layout_job(name_job(text, NAME_PX * grow, wrap * grow, rows, it.first))
            })
            .clone()
    };
    let only: Vec<Item> = named.iter().map(|(_, it)| *it).collect();
    let placed = place::place(
        &only,
        VARIANTS.len(),
        |k, v| galley(k, v).rect.size() + PAD,
        &blocked,
        bounds,
    );
    let names = placed
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            let p = (*p)?;
            let (service, it) = named[k];
            Some(Name {
                service,
                galley: galley(k, p.variant),
                rect: p.rect,
                first: it.first,
            })
        })
        .collect();
    Plan {
        titles,
        names,
        items,
    }
}

/// Each band's title in its strip (or just above the band), shortened to fit; left out where
/// it would cover a node or another title.
#[allow(clippy::too_many_arguments)]
fn titles(
    painter: &egui::Painter,
    view: &View,
    layout: &MapLayout,
    s: &Scenario,
    i18n: &I18n,
    grow: f32,
    nodes: &[Item],
    blocked: &[Rect],
    bounds: Rect,
) -> Vec<(Arc<Galley>, Rect, Color32)> {
    let mut out: Vec<(Arc<Galley>, Rect, Color32)> = vec![];
    for (sector, lo, hi) in &layout.bands {
        let Some(sec) = s.sectors.get(sector.idx()) else {
            continue;
        };
        let band = Rect::from_two_pos(view.screen(*lo), view.screen(*hi));
        if !band.intersects(view.rect) {
            continue;
        }
        let [r, g, b] = sec.colour;
        let c = lighten(Color32::from_rgb(r, g, b));
        let name = i18n.text(&sec.name);
        let widths = [f32::INFINITY, (band.width() - 12.0).max(56.0), 56.0];
        let mut found = None;
        'search: for w in widths {
            let mut job = name_job(name, TITLE_PX * grow, w, 1, false);
            job.halign = Align::LEFT;
            let g = painter.layout_job(job);
            let size = g.rect.size() + PAD;
            for min in [
                band.min + egui::vec2(5.0, 3.0),
                egui::pos2(band.max.x - 5.0 - size.x, band.min.y + 3.0),
                egui::pos2(band.min.x + 2.0, band.min.y - size.y - 2.0),
            ] {
                let r = Rect::from_min_size(min, size);
                let clear = bounds.contains_rect(r)
                    && !blocked.iter().any(|o| o.intersects(r))
                    && !out.iter().any(|(_, o, _)| o.intersects(r))
                    && !nodes
                        .iter()
                        .any(|n| r.distance_to_pos(n.at) < n.radius + 1.0);
                if clear {
                    found = Some((g, r, c));
                    break 'search;
                }
            }
        }
        out.extend(found);
    }
    out
}

/// A sector colour made light enough to read on the dark map.
fn lighten(c: Color32) -> Color32 {
    let f = |v: u8| v.saturating_add(((255 - v) as f32 * 0.25) as u8);
    Color32::from_rgb(f(c.r()), f(c.g()), f(c.b()))
}

#[cfg(test)]
mod tests;
