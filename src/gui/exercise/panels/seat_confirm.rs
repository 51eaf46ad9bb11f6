//! The seat-switch confirmation, so a trainee does not see another seat's view by accident.
//! While it is open the map and panels are hidden behind an opaque backdrop. A resumed
//! session opens behind it; cancelling then goes back to the scenario list.

use super::context::PanelCtx;
use super::topbar::seat_name;
use crate::gui::exercise::dock::PanelSet;
use crate::gui::resume::SeatGate;
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
    gate: Res<SeatGate>,
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
            if gate.0 {
                ui.heading(p.t("resume-gate-title"));
                ui.label(p.t("resume-gate-text"));
                ui.label(format!("{} {to}", p.t("seat")));
            } else {
                ui.heading(p.t("seat-confirm-title"));
                ui.label(format!("{from}  →  {to}"));
            }
            let warning = if wanted.sees_all() {
                p.t("seat-confirm-ground-truth")
            } else {
                p.t("seat-confirm-team")
            };
            ui.label(egui::RichText::new(warning).color(colour::DEGRADED));
            ui.horizontal(|ui| {
                let yes = if gate.0 {
                    p.t("resume-gate-yes")
                } else {
                    p.t("seat-confirm-yes")
                };
                if ui.button(yes).clicked() {
                    answer.write(ConfirmSeat(true));
                }
                let no = if gate.0 {
                    p.t("resume-gate-cancel")
                } else {
                    p.t("seat-confirm-no")
                };
                if ui.button(no).clicked() {
                    answer.write(ConfirmSeat(false));
                }
            });
        });
    if response.should_close() {
        answer.write(ConfirmSeat(false));
    }
    Ok(())
}
