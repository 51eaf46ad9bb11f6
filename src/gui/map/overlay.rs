//! Over the map: the legend (status colours and icons) and a button to fit the map again;
//! where they are is kept for the names to keep clear of.

use super::camera::{FitMap, View};
use super::labels::MapOverlays;
use crate::gui::exercise::dock::{Dock, PanelSet};
use crate::gui::i18n::I18n;
use crate::gui::widgets::colour;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, legend.in_set(PanelSet::Windows));
}

pub(super) fn legend(
    mut contexts: EguiContexts,
    dock: Res<Dock>,
    i18n: Res<I18n>,
    view: Res<View>,
    mut fit: MessageWriter<FitMap>,
    mut overlays: ResMut<MapOverlays>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Some(rect) = dock.remaining() else {
        return Ok(());
    };
    let legend = egui::Area::new(egui::Id::new("map-legend"))
        .fixed_pos(rect.left_bottom() + egui::vec2(8.0, -8.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Middle)
        .show(&ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.set_max_width(rect.width() - 40.0);
                    for (c, icon, key) in [
                        (colour::UP, " ", "status-up"),
                        (colour::DEGRADED, "~", "status-degraded"),
                        (colour::DOWN, "×", "status-down"),
                        (colour::BACKUP, "B", "status-backup"),
                        (colour::UNKNOWN, "?", "status-unknown"),
                        (colour::COMPROMISED, "!", "status-compromised"),
                    ] {
                        ui.label(egui::RichText::new(format!("●{icon}")).color(c).strong());
                        ui.label(egui::RichText::new(i18n.t(key)).small());
                    }
                    ui.label(
                        egui::RichText::new("→")
                            .color(egui::Color32::from_rgb(255, 90, 80))
                            .strong(),
                    );
                    ui.label(egui::RichText::new(i18n.t("legend-cascade")).small());
                });
            });
        });
    let controls = egui::Area::new(egui::Id::new("map-fit"))
        .fixed_pos(rect.right_top() + egui::vec2(-8.0, 8.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .order(egui::Order::Middle)
        .show(&ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(i18n.t("map-hint"))
                        .small()
                        .color(colour::MUTED),
                );
                if ui
                    .add_enabled(!view.fitted, egui::Button::new(i18n.t("map-fit")))
                    .clicked()
                {
                    fit.write(FitMap);
                }
            });
        });
    overlays.0 = vec![legend.response.rect, controls.response.rect];
    Ok(())
}
