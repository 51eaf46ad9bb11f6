//! Names on the map, drawn with egui over the bevy scene so they can be measured exactly:
//! sector titles in their bands, each service's name beside its node where it overlaps
//! nothing (shortened with "…" when the full name fits nowhere, left out when nothing fits),
//! the selected service's name in full, and the full name and status on hover.

use super::camera::MapCamera;
use super::layout::{MapLayout, NODE_RADIUS};
use super::place::{self, Item};
use crate::gui::exercise::command::Selected;
use crate::gui::exercise::dock::{Dock, MapArea, PanelSet};
use crate::gui::exercise::panels::labels::{shown_colour, shown_key};
use crate::gui::exercise::picture::{Picture, Shown};
use crate::gui::i18n::I18n;
use crate::gui::session::Session;
use crate::gui::widgets::colour;
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
) -> Result {
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
    let plan = plan(&painter, &view, &layout, s, &i18n, selected.0, &overlays.0);
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
    hover(&ctx, &area, &view, &plan, s, &i18n, picture.as_deref());
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
fn plan(
    painter: &egui::Painter,
    view: &View,
    layout: &MapLayout,
    s: &Scenario,
    i18n: &I18n,
    selected: Option<ServiceId>,
    overlays: &[Rect],
) -> Plan {
    let rect = view.rect;
    let grow = (1.0 / view.scale).clamp(0.85, 1.3);
    let radius = (NODE_RADIUS + 3.0) / view.scale;
    let items: Vec<(usize, Item)> = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let item = Item {
                at: view.screen(*p),
                radius,
                first: selected == Some(ServiceId(i as u32)),
            };
            (i, item)
        })
        .filter(|(_, it)| rect.expand(40.0).contains(it.at))
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

/// The full name, sector, owner and status of the node under the pointer.
#[allow(clippy::too_many_arguments)]
fn hover(
    ctx: &egui::Context,
    area: &MapArea,
    view: &View,
    plan: &Plan,
    s: &Scenario,
    i18n: &I18n,
    picture: Option<&Picture>,
) {
    let Some(p) = ctx.pointer_hover_pos() else {
        return;
    };
    let free = view.rect.contains(p)
        && area.pointer_free
        && ctx
            .layer_id_at(p)
            .is_none_or(|l| l.order == egui::Order::Background);
    if !free {
        return;
    }
    let nearest = plan
        .items
        .iter()
        .map(|(i, it)| (*i, it.at.distance(p), it.radius))
        .filter(|(_, d, r)| *d <= r + 5.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let show = |add: &mut dyn FnMut(&mut egui::Ui)| {
        egui::Area::new(egui::Id::new("map-hover"))
            .order(egui::Order::Tooltip)
            .fixed_pos(p + egui::vec2(14.0, 14.0))
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(320.0);
                    add(ui);
                });
            });
    };
    if let Some((i, _, _)) = nearest {
        let Some(svc) = s.services.get(i) else {
            return;
        };
        let sector = s
            .sectors
            .get(s.sector_of(ServiceId(i as u32)).idx())
            .map_or("", |x| i18n.text(&x.name));
        let owner = s
            .organisations
            .get(svc.owner.idx())
            .map_or("", |o| i18n.text(&o.name));
        let card = picture.and_then(|pic| pic.services.get(i));
        show(&mut |ui: &mut egui::Ui| {
            ui.label(egui::RichText::new(i18n.text(&svc.name)).strong());
            ui.label(
                egui::RichText::new(format!("{sector} · {owner}"))
                    .small()
                    .color(colour::MUTED),
            );
            if let Some(c) = card {
                let mut status = i18n.t(shown_key(c.shown));
                if let (Some(cap), false) = (c.capacity, c.shown == Shown::Unknown) {
                    status = format!("{status} · {:.0}%", cap * 100.0);
                }
                ui.label(egui::RichText::new(status).color(shown_colour(c.shown)));
            }
        });
        return;
    }
    if let Some((g, _, _)) = plan
        .titles
        .iter()
        .find(|(g, r, _)| g.elided && r.contains(p))
    {
        let full = g.job.text.clone();
        show(&mut |ui: &mut egui::Ui| {
            ui.label(egui::RichText::new(full.clone()).strong());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::map::layout::layout_in;
    use crate::scenario::Lang;

    /// The plan for the default scenario in a map area of `w` x `h` at the fitted zoom, with
    /// the bundled fonts (so sizes are the ones drawn).
    fn default_plan(lang: Lang, w: f32, h: f32, selected: Option<ServiceId>) -> (Plan, Rect) {
        let s = crate::scenario::builtin_default();
        let ctx = egui::Context::default();
        ctx.set_fonts(crate::gui::fonts::font_definitions());
        let input = || egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1280.0, 800.0))),
            ..Default::default()
        };
        ctx.run_ui(input(), |_| {}).drop_without_applying_deltas();
        let rect = Rect::from_min_size(egui::pos2(300.0, 40.0), egui::vec2(w, h));
        let layout = layout_in(&s, Vec2::new(w, h));
        let view = View {
            rect,
            cam: Vec2::ZERO,
            scale: 1.0,
        };
        let i18n = I18n::new(lang);
        // The legend's place at the bottom left.
        let legend = Rect::from_min_size(
            rect.left_bottom() + egui::vec2(8.0, -40.0),
            egui::vec2(450.0, 32.0),
        );
        ctx.begin_pass(input());
        let painter = ctx.layer_painter(egui::LayerId::background());
        let out = plan(&painter, &view, &layout, &s, &i18n, selected, &[legend]);
        ctx.end_pass().drop_without_applying_deltas();
        (out, rect)
    }

    fn check(plan: &Plan, rect: Rect) {
        let boxes: Vec<Rect> = plan
            .titles
            .iter()
            .map(|t| t.1)
            .chain(plan.names.iter().map(|n| n.rect))
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(rect.contains_rect(*a), "{a:?} leaves the map");
            for b in boxes.iter().skip(i + 1) {
                assert!(a.intersect(*b).area() <= 0.0, "{a:?} overlaps {b:?}");
            }
            for (_, it) in &plan.items {
                assert!(a.distance_to_pos(it.at) >= it.radius, "{a:?} covers a node");
            }
        }
    }

    #[test]
    fn at_the_default_size_every_title_and_name_shows_and_nothing_overlaps() {
        let s = crate::scenario::builtin_default();
        for lang in [Lang::En, Lang::Ja] {
            // The map area of a 1280 x 800 window with the panels open.
            let (plan, rect) = default_plan(lang, 710.0, 610.0, None);
            check(&plan, rect);
            let sectors = s
                .sectors
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    (0..s.services.len()).any(|k| s.sector_of(ServiceId(k as u32)).idx() == *i)
                })
                .count();
            assert_eq!(plan.titles.len(), sectors, "{lang:?}: every sector title");
            assert_eq!(
                plan.names.len(),
                s.services.len(),
                "{lang:?}: every service named"
            );
            let full = plan.names.iter().filter(|n| !n.galley.elided).count();
            assert!(
                full * 10 >= s.services.len() * 8,
                "{lang:?}: only {full} of {} names in full",
                s.services.len()
            );
        }
    }

    #[test]
    fn a_small_map_shortens_names_and_the_selected_one_is_whole() {
        let long = crate::scenario::builtin_default()
            .services
            .iter()
            .position(|x| x.name.en.len() > 40)
            .expect("a long name");
        let picked = ServiceId(long as u32);
        let (plan, rect) = default_plan(Lang::En, 560.0, 380.0, Some(picked));
        check(&plan, rect);
        assert!(plan.names.iter().any(|n| n.galley.elided), "some shortened");
        let sel = plan
            .names
            .iter()
            .find(|n| n.service == long)
            .expect("the selected service is named");
        assert!(sel.first && !sel.galley.elided, "in full");
    }
}
