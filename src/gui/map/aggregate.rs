//! Aggregate nodes and bundled edges, painted with egui under the names: a sector's lane or an
//! area's block drawn as one node filled with the worst status in it, with its counts by
//! status (from the seat's picture only, so a team counts only what it sees), and one line
//! per pair of aggregates with the number of dependencies it stands for.

use super::detail::{self, Agg, Detail};
use super::layout::MapLayout;
use crate::gui::exercise::picture::{Picture, ServiceCard, Shown};
use crate::gui::i18n::I18n;
use crate::gui::session::Session;
use crate::gui::widgets::colour;
use crate::scenario::Scenario;
use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, FontId, Pos2, Stroke};
use std::collections::HashMap;

/// Bundles drawn at most (the biggest), and how many of them carry their count.
const MAX_BUNDLES: usize = 48;
const MAX_COUNTS: usize = 16;

/// Statuses in the order counts are shown, worst first; the last is "cannot know".
const ORDER: [Shown; 6] = [
    Shown::Down,
    Shown::Degraded,
    Shown::Recovering,
    Shown::Backup,
    Shown::Up,
    Shown::Unknown,
];

/// Per aggregate: services by status (in [`ORDER`]) and how many are known compromised.
#[derive(Resource, Default)]
pub(super) struct Counts(HashMap<Agg, ([u32; 6], u32)>);

/// Dependencies between two aggregates (provider's, dependent's), biggest first.
#[derive(Resource, Default)]
pub(super) struct Bundles(Vec<(Agg, Agg, u32)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Counts>();
    app.init_resource::<Bundles>();
    app.add_systems(
        Update,
        (count, bundle)
            .after(super::detail::update)
            .run_if(resource_exists::<MapLayout>.and_then(resource_exists::<Session>)),
    );
}

fn count(
    layout: Res<MapLayout>,
    detail: Res<Detail>,
    picture: Option<Res<Picture>>,
    mut counts: ResMut<Counts>,
) {
    let changed = picture.as_ref().is_some_and(|p| p.is_changed());
    if !detail.is_changed() && !changed {
        return;
    }
    let unknown = ServiceCard::unknown();
    let mut out: HashMap<Agg, ([u32; 6], u32)> = HashMap::new();
    for i in 0..layout.nodes.len() {
        let Some(a) = detail.agg_of(&layout, i) else {
            continue;
        };
        let card = picture
            .as_ref()
            .and_then(|p| p.services.get(i))
            .unwrap_or(&unknown);
        let e = out.entry(a).or_default();
        if let Some(k) = ORDER.iter().position(|s| *s == card.shown) {
            e.0[k] += 1;
        }
        e.1 += u32::from(card.compromised);
    }
    counts.0 = out;
}

fn bundle(
    layout: Res<MapLayout>,
    detail: Res<Detail>,
    session: Res<Session>,
    mut bundles: ResMut<Bundles>,
) {
    if !detail.is_changed() {
        return;
    }
    let mut pairs: HashMap<(Agg, Agg), u32> = HashMap::new();
    if !detail.all {
        for d in &session.scenario.dependencies {
            let (Some(a), Some(b)) = (
                detail.agg_of(&layout, d.from.idx()),
                detail.agg_of(&layout, d.to.idx()),
            ) else {
                continue;
            };
            if a != b {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut list: Vec<(Agg, Agg, u32)> = pairs.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    list.sort_by_key(|(a, b, n)| (std::cmp::Reverse(*n), key(*a), key(*b)));
    list.truncate(MAX_BUNDLES);
    bundles.0 = list;
}

fn key(a: Agg) -> (u8, usize) {
    match a {
        Agg::Lane(b) => (0, b),
        Agg::Block(k) => (1, k),
    }
}

fn egui_colour(c: Color) -> Color32 {
    let s = c.to_srgba();
    Color32::from_rgb(
        (s.red * 255.0) as u8,
        (s.green * 255.0) as u8,
        (s.blue * 255.0) as u8,
    )
}

/// What the aggregates need to be painted.
pub(super) struct Paint<'a> {
    pub layout: &'a MapLayout,
    pub detail: &'a Detail,
    pub counts: &'a Counts,
    pub bundles: &'a Bundles,
    pub scenario: &'a Scenario,
    pub i18n: &'a I18n,
    /// World units per pixel.
    pub scale: f32,
}

/// Paint the bundles and aggregates with `screen` (world to screen); returns the screen
/// rectangles they take (names keep clear of them) and the aggregate under `hover`.
pub(super) fn paint(
    painter: &egui::Painter,
    p: &Paint,
    screen: impl Fn(Vec2) -> Pos2,
    hover: Option<Pos2>,
) -> (Vec<egui::Rect>, Option<Agg>) {
    let aggs = p.detail.aggregates(p.layout);
    if aggs.is_empty() {
        return (vec![], None);
    }
    let at = |a: Agg| detail::centre(p.layout, a).map(&screen);
    let mut taken = vec![];
    let line = Color32::from_rgba_unmultiplied(170, 175, 185, 110);
    for (k, (a, b, n)) in p.bundles.0.iter().enumerate() {
        let (Some(pa), Some(pb)) = (at(*a), at(*b)) else {
            continue;
        };
        let w = (1.0 + (*n as f32).log2() * 0.5).min(5.0);
        painter.line_segment([pa, pb], Stroke::new(w, line));
        // The tip, just short of the dependent's node.
        let d = (pb - pa).normalized();
        let r = detail::radius_px(p.layout, *b, p.scale) + 3.0;
        let tip = pb - d * r;
        let n2 = egui::vec2(-d.y, d.x);
        painter.line_segment([tip, tip - d * 7.0 + n2 * 4.0], Stroke::new(w, line));
        painter.line_segment([tip, tip - d * 7.0 - n2 * 4.0], Stroke::new(w, line));
        if k < MAX_COUNTS {
            let mid = pa + (pb - pa) * 0.5;
            let g = painter.layout_no_wrap(n.to_string(), FontId::proportional(10.5), line);
            let r = egui::Rect::from_center_size(mid, g.rect.size() + egui::vec2(6.0, 2.0));
            if !taken.iter().any(|t: &egui::Rect| t.intersects(r)) {
                painter.rect_filled(r, 3.0, Color32::from_rgba_premultiplied(11, 12, 15, 215));
                painter.galley(r.min + egui::vec2(3.0, 1.0), g, Color32::LIGHT_GRAY);
                taken.push(r);
            }
        }
    }
    let mut hovered = None;
    for a in aggs {
        let Some(c) = at(a) else {
            continue;
        };
        let r = detail::radius_px(p.layout, a, p.scale);
        let (by, hit) = p.counts.0.get(&a).copied().unwrap_or_default();
        let worst = ORDER.iter().zip(by).find(|(_, n)| *n > 0).map(|(s, _)| *s);
        let card = ServiceCard {
            shown: worst.unwrap_or(Shown::Unknown),
            compromised: hit > 0,
            ..ServiceCard::unknown()
        };
        let ring = if hit > 0 {
            colour::COMPROMISED
        } else {
            Color32::from_rgb(30, 33, 38)
        };
        painter.circle(
            c,
            r,
            egui_colour(super::scene::look(&card).0),
            Stroke::new(2.5, ring),
        );
        let total: u32 = by.iter().sum();
        let font = FontId::proportional((r * 0.9).clamp(8.0, 12.0));
        painter.text(
            c,
            egui::Align2::CENTER_CENTER,
            total.to_string(),
            font,
            Color32::BLACK,
        );
        let mut rect = egui::Rect::from_center_size(c, egui::Vec2::splat(2.0 * r + 4.0));
        if let Agg::Lane(_) = a {
            // The counts by status beside a lane's node: the worst first, "cannot know" last.
            let mut x = c.x + r + 6.0;
            for (s, n) in ORDER.iter().zip(by) {
                if n == 0 {
                    continue;
                }
                let col = egui_colour(
                    super::scene::look(&ServiceCard {
                        shown: *s,
                        ..ServiceCard::unknown()
                    })
                    .0,
                );
                let g = painter.layout_no_wrap(format!("●{n}"), FontId::proportional(11.5), col);
                let pos = egui::pos2(x, c.y - g.rect.height() / 2.0);
                let backdrop = egui::Rect::from_min_size(pos, g.rect.size()).expand(1.5);
                painter.rect_filled(
                    backdrop,
                    2.0,
                    Color32::from_rgba_premultiplied(11, 12, 15, 190),
                );
                painter.galley(pos, g, col);
                rect = rect.union(backdrop);
                x = backdrop.max.x + 3.0;
            }
        }
        if hover.is_some_and(|h| h.distance(c) <= r + 4.0) {
            hovered = Some(a);
        }
        taken.push(rect);
    }
    (taken, hovered)
}

/// The tooltip of an aggregate: its sector (and area) and its counts by status, in words.
pub(super) fn tooltip(ui: &mut egui::Ui, p: &Paint, a: Agg) {
    let band = match a {
        Agg::Lane(b) => b,
        Agg::Block(k) => p.layout.blocks.get(k).map_or(0, |b| b.band),
    };
    let sector = p
        .layout
        .bands
        .get(band)
        .and_then(|(s, _, _)| p.scenario.sectors.get(s.idx()))
        .map_or("", |s| p.i18n.text(&s.name));
    let area = match a {
        Agg::Block(k) => p
            .layout
            .blocks
            .get(k)
            .and_then(|b| b.area)
            .and_then(|x| p.scenario.areas.get(x as usize)),
        Agg::Lane(_) => None,
    };
    let title = area.map_or(sector.to_owned(), |x| format!("{sector} · {x}"));
    ui.label(egui::RichText::new(title).strong());
    let (by, hit) = p.counts.0.get(&a).copied().unwrap_or_default();
    for (s, n) in ORDER.iter().zip(by) {
        if n > 0 {
            let key = crate::gui::exercise::panels::labels::shown_key(*s);
            ui.label(format!("{}: {n}", p.i18n.t(key)));
        }
    }
    if hit > 0 {
        ui.label(format!("{}: {hit}", p.i18n.t("status-compromised")));
    }
}
