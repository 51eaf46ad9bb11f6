//! The tooltip over the node under the pointer: full name, sector, owner and status.

use super::{Plan, View};
use crate::gui::exercise::dock::MapArea;
use crate::gui::exercise::panels::labels::{shown_colour, shown_key};
use crate::gui::exercise::picture::{Picture, Shown};
use crate::gui::i18n::I18n;
use crate::gui::widgets::colour;
use crate::scenario::{Scenario, ServiceId};
use bevy_egui::egui;

/// The full name, sector, owner and status of the node under the pointer.
#[allow(clippy::too_many_arguments)]
pub(super) fn hover(
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
