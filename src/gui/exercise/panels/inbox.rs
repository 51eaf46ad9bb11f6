//! The inbox: messages this seat received, newest first, and the button to write one.

use super::compose::Draft;
use super::context::PanelCtx;
use super::labels;
use crate::gui::widgets::{self, colour};
use bevy_egui::egui;

pub(super) fn show(ui: &mut egui::Ui, p: &mut PanelCtx, draft: &mut Draft) {
    let can_write = p.team().is_some() || p.is_facilitator();
    if can_write && ui.button(p.t("compose-open")).clicked() {
        draft.open_for(p);
    }
    if p.picture.inbox.is_empty() {
        ui.label(egui::RichText::new(p.t("inbox-empty")).color(colour::MUTED));
        return;
    }
    let messages = p.picture.inbox.clone();
    for m in messages.iter().rev() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(widgets::clock(m.at))
                        .monospace()
                        .color(colour::MUTED),
                );
                ui.label(egui::RichText::new(p.i18n.text(&m.from)).strong());
                if let Some(k) = m.kind {
                    ui.label(egui::RichText::new(p.t(labels::kind_key(k))).italics());
                }
                if let Some(level) = m.severity {
                    ui.label(labels::severity_text(p, level));
                }
            });
            if !m.to.is_empty() && p.picture.seat.sees_all() {
                let to: Vec<String> = m.to.iter().map(|t| labels::team_name(p, *t)).collect();
                ui.label(
                    egui::RichText::new(format!("→ {}", to.join(", ")))
                        .small()
                        .color(colour::MUTED),
                );
            }
            ui.label(m.text.get(p.i18n.lang()));
            if !m.services.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    for s in &m.services {
                        labels::service_link(ui, p, *s);
                    }
                });
            }
        });
    }
}
