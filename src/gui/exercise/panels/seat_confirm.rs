//! The seat-switch confirmation, so a trainee does not see another seat's view by accident.
//! While it is open the map and panels are hidden behind an opaque backdrop.

use super::context::PanelCtx;
use super::topbar::seat_name;
use crate::gui::exercise::dock::PanelSet;
use crate::gui::session::{ConfirmSeat, PendingSeat};
use crate::gui::widgets::colour;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, confirm.in_set(PanelSet::Windows));
}

fn confirm(
    mut contexts: EguiContexts,
    pending: Res<PendingSeat>,
    p: PanelCtx,
    mut answer: MessageWriter<ConfirmSeat>,
) -> Result {
    let Some(wanted) = pending.0 else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let from = seat_name(&p, p.seat.0);
    let to = seat_name(&p, wanted);
    let response = egui::Modal::new(egui::Id::new("seat-confirm"))
        .backdrop_color(egui::Color32::from_rgb(10, 12, 16))
        .show(&ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(p.t("seat-confirm-title"));
            ui.label(format!("{from}  →  {to}"));
            let warning = if wanted.sees_all() {
                p.t("seat-confirm-ground-truth")
            } else {
                p.t("seat-confirm-team")
            };
            ui.label(egui::RichText::new(warning).color(colour::DEGRADED));
            ui.horizontal(|ui| {
                if ui.button(p.t("seat-confirm-yes")).clicked() {
                    answer.write(ConfirmSeat(true));
                }
                if ui.button(p.t("seat-confirm-no")).clicked() {
                    answer.write(ConfirmSeat(false));
                }
            });
        });
    if response.should_close() {
        answer.write(ConfirmSeat(false));
    }
    Ok(())
}
