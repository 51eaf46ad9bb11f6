//! The event log along the bottom: what this seat has seen happen, newest last.

use super::context::PanelCtx;
use crate::gui::exercise::dock::{Dock, PanelSet};
use crate::gui::widgets::{self, colour};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, event_log.in_set(PanelSet::Bottom));
}

fn event_log(mut contexts: EguiContexts, mut dock: ResMut<Dock>, p: PanelCtx) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::bottom("event-log")
        .resizable(true)
        .default_size(150.0)
        .min_size(60.0);
    dock.show(&ctx, panel, "log", |ui| {
        ui.horizontal(|ui| {
            ui.strong(p.t("log-title"));
            ui.label(egui::RichText::new(format!("({})", p.picture.log.len())).color(colour::MUTED));
        });
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .stick_to_bottom(true)
            .show(ui, |ui| {
                if p.picture.log.is_empty() {
                    ui.label(egui::RichText::new(p.t("log-empty")).color(colour::MUTED));
                }
                for line in &p.picture.log {
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(widgets::clock(line.at))
                                .monospace()
                                .color(colour::MUTED),
                        );
                        let text = egui::RichText::new(p.i18n.text(&line.text));
                        ui.label(if line.alarm { text.color(colour::ERROR) } else { text });
                    });
                }
            });
    });
    Ok(())
}
