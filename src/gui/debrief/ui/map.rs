//! A compact network map painted with egui, for any engine state: the ground truth, or what
//! one team saw (its own services as observed, the rest greyed out). The services are the
//! exercise's seat projection ([`crate::gui::exercise::build::service_cards`]), on the same
//! geometry as the exercise screen's map ([`crate::gui::map::layout`]).

use crate::gui::exercise::panels::labels::{shown_colour, shown_key};
use crate::gui::exercise::picture::{ServiceCard, Shown};
use crate::gui::i18n::I18n;
use crate::gui::map::layout::MapLayout;
use crate::gui::widgets::colour;
use crate::scenario::Scenario;
use crate::words::clip;
use bevy_egui::egui::{self, Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

/// Links drawn at most on a dense map.
const DENSE_EDGES: usize = 1500;

/// World (layout) to screen: uniform scale, centred, y down.
struct Fit {
    scale: f32,
    centre_world: (f32, f32),
    centre_screen: Pos2,
}

impl Fit {
    fn new(lay: &MapLayout, rect: Rect) -> Self {
        let b = lay.bounds;
        let (w, h) = (b.width().max(1.0), b.height().max(1.0));
        let scale = (rect.width() / w).min(rect.height() / h);
        let c = b.center();
        Self {
            scale,
            centre_world: (c.x, c.y),
            centre_screen: rect.center(),
        }
    }

    fn at(&self, x: f32, y: f32) -> Pos2 {
        pos2(
            self.centre_screen.x + (x - self.centre_world.0) * self.scale,
            self.centre_screen.y - (y - self.centre_world.1) * self.scale,
        )
    }
}

/// Paint the map of `s` with `looks` (a seat's service cards) into `size`; `pulses` are cascades under way
/// (dependency index, share of the way travelled).
pub(super) fn draw(
    ui: &mut egui::Ui,
    size: egui::Vec2,
    s: &Scenario,
    lay: &MapLayout,
    looks: &[ServiceCard],
    pulses: &[(usize, f32)],
    i18n: &I18n,
) {
    let (rect, resp) = ui.allocate_exact_size(size, Sense::hover());
    let p = ui.painter_at(rect);
    p.rect_filled(rect, 6.0, Color32::from_rgb(18, 20, 25));
    let fit = Fit::new(lay, rect.shrink(6.0));
    // Bands whose title had to be shortened: hovering one shows it in full.
    let mut cut = Vec::new();
    for (sector, lo, hi) in &lay.bands {
        let Some(sec) = s.sectors.get(sector.idx()) else {
            continue;
        };
        let [r, g, b] = sec.colour;
        let band = Rect::from_two_pos(fit.at(lo.x, lo.y), fit.at(hi.x, hi.y));
        p.rect_filled(band, 5.0, Color32::from_rgba_unmultiplied(r, g, b, 26));
        let fits = ((band.width() - 6.0) / 5.0).max(3.0) as usize;
        let name = i18n.text(&sec.name);
        let title = clip(name, fits);
        if title != name {
            cut.push((band, name));
        }
        p.text(
            band.left_top() + vec2(4.0, 2.0),
            egui::Align2::LEFT_TOP,
            title,
            egui::FontId::proportional(10.0),
            Color32::from_rgba_unmultiplied(r, g, b, 200),
        );
    }
    let node = |i: usize| lay.nodes.get(i).map(|v| fit.at(v.x, v.y));
    // A dense map (a regional or national scenario: under 20 x 20 pixels a service) draws
    // its nodes as dots, and only the links whose provider is hurt, at most DENSE_EDGES of
    // them, without heads: every link would be a solid hairball, and tens of thousands of
    // lines a frame.
    let dense = rect.area() / (lay.nodes.len().max(1) as f32) < 400.0;
    let radius = (13.0 * fit.scale).clamp(if dense { 1.5 } else { 4.0 }, 11.0);
    let mut drawn = 0;
    for d in &s.dependencies {
        let (Some(a), Some(b)) = (node(d.from.idx()), node(d.to.idx())) else {
            continue;
        };
        let from = looks.get(d.from.idx());
        let hurt = from.is_some_and(|l| l.capacity.is_some_and(|c| c < 1.0));
        if dense && (!hurt || drawn >= DENSE_EDGES) {
            continue;
        }
        drawn += 1;
        let col = if hurt {
            shown_colour(from.map_or(Shown::Unknown, |l| l.shown)).gamma_multiply(0.7)
        } else {
            Color32::from_gray(70)
        };
        if dense {
            p.line_segment([a, b], Stroke::new(0.8, col.gamma_multiply(0.6)));
        } else {
            let width = if hurt { 1.6 } else { 1.0 };
            arrow(&p, a, b, radius, Stroke::new(width, col));
        }
    }
    for (dep, f) in pulses {
        let Some(d) = s.dependencies.get(*dep) else {
            continue;
        };
        if let (Some(a), Some(b)) = (node(d.from.idx()), node(d.to.idx())) {
            p.circle_filled(
                a + (b - a) * f.clamp(0.0, 1.0),
                3.5,
                Color32::from_rgb(255, 160, 60),
            );
        }
    }
    let show_labels = radius >= 4.5;
    let mut labels = Vec::new();
    let mut hovered = None;
    for (i, look) in looks.iter().enumerate() {
        let Some(c) = node(i) else {
            continue;
        };
        let fill = shown_colour(look.shown);
        if look.compromised {
            p.circle_stroke(c, radius + 2.5, Stroke::new(2.0, colour::COMPROMISED));
        }
        p.circle_filled(c, radius, fill);
        if look.isolated {
            p.circle_stroke(c, radius, Stroke::new(1.5, Color32::WHITE));
        }
        if let Some(cap) = look.capacity
            && cap > 0.0
            && cap < 1.0
        {
            // The capacity left, as a white arc-like bar inside the node.
            let w = radius * 1.4;
            let y = c.y + radius * 0.35;
            p.line_segment(
                [
                    pos2(c.x - w / 2.0, y),
                    pos2(c.x - w / 2.0 + w * cap as f32, y),
                ],
                Stroke::new(2.0, Color32::from_white_alpha(200)),
            );
        }
        if show_labels {
            labels.push((i, c));
        }
        if resp
            .hover_pos()
            .is_some_and(|h| h.distance(c) <= radius + 3.0)
        {
            hovered = Some(i);
        }
    }
    place_labels(&p, s, i18n, looks, &labels, radius);
    if let Some(i) = hovered {
        let look = &looks[i];
        let name = s.services.get(i).map_or("?", |x| i18n.text(&x.name));
        let mut text = format!("{name}\n{}", i18n.t(shown_key(look.shown)));
        if let Some(c) = look.capacity {
            text.push_str(&format!(" · {:.0}%", c * 100.0));
        }
        if look.compromised {
            text.push_str(&format!(" · {}", i18n.t("status-compromised")));
        }
        if look.isolated {
            text.push_str(&format!(" · {}", i18n.t("status-isolated")));
        }
        resp.on_hover_text_at_pointer(text);
    } else if let Some(name) = resp.hover_pos().and_then(|at| cut_title_at(&cut, at)) {
        resp.on_hover_text_at_pointer(name);
    }
}

/// The full title of the shortened band under `at`, if any.
fn cut_title_at<'a>(cut: &[(Rect, &'a str)], at: egui::Pos2) -> Option<&'a str> {
    cut.iter()
        .find(|(band, _)| band.contains(at))
        .map(|&(_, name)| name)
}

/// A line from node `a` to node `b` with a small head at `b`'s rim.
/// Names under the nodes, the affected services' first, each left out where it would
/// cover a name already placed (hovering a node always shows its full name).
fn place_labels(
    p: &egui::Painter,
    s: &Scenario,
    i18n: &I18n,
    looks: &[ServiceCard],
    nodes: &[(usize, Pos2)],
    radius: f32,
) {
    let affected = |i: usize| {
        let l = &looks[i];
        l.compromised || l.isolated || !matches!(l.shown, Shown::Up | Shown::Unknown)
    };
    let mut order: Vec<&(usize, Pos2)> = nodes.iter().collect();
    order.sort_by_key(|(i, _)| (!affected(*i), *i));
    let mut placed: Vec<Rect> = Vec::new();
    for &(i, c) in order {
        let Some(svc) = s.services.get(i) else {
            continue;
        };
        let colour = if looks[i].shown != Shown::Unknown {
            Color32::from_gray(205)
        } else {
            Color32::from_gray(110)
        };
        let font = egui::FontId::proportional(8.5);
        let galley = p.layout_no_wrap(clip(i18n.text(&svc.name), 15), font, colour);
        let size = galley.size();
        let top = c + vec2(-size.x / 2.0, radius + 1.0);
        let rect = Rect::from_min_size(top, size);
        if placed.iter().any(|r| r.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        p.galley(top, galley, colour);
    }
}

fn arrow(p: &egui::Painter, a: Pos2, b: Pos2, radius: f32, stroke: Stroke) {
    let d = b - a;
    let len = d.length();
    if len <= 2.0 * radius + 2.0 {
        return;
    }
    let u = d / len;
    let (start, tip) = (a + u * radius, b - u * (radius + 1.0));
    p.line_segment([start, tip], stroke);
    let side = vec2(-u.y, u.x) * 3.0;
    p.line_segment([tip, tip - u * 6.0 + side], stroke);
    p.line_segment([tip, tip - u * 6.0 - side], stroke);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortened_band_title_shows_in_full_under_the_pointer() {
        // A narrow band (Medical, 20 px) gets a cut title; hovering it names it.
        let name = "Medical";
        let title = clip(name, 3);
        assert_ne!(title, name);
        assert!(title.ends_with('…'));
        let narrow = Rect::from_min_size(pos2(10.0, 10.0), vec2(20.0, 80.0));
        let cut = vec![(narrow, name)];
        assert_eq!(cut_title_at(&cut, pos2(15.0, 50.0)), Some(name));
        assert_eq!(cut_title_at(&cut, pos2(45.0, 50.0)), None);
        // A title that fits is drawn whole.
        assert_eq!(clip(name, 20), name);
    }
}
