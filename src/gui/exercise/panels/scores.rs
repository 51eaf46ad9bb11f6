//! Live scores for the facilitator and observer: the scoring module's lines when it has any,
//! otherwise the headline numbers the engine gives.

use super::context::PanelCtx;
use crate::gui::widgets::colour;
use bevy_egui::egui;

pub(super) fn show(ui: &mut egui::Ui, p: &PanelCtx) {
    ui.strong(p.t("scores-title"));
    let t = &p.picture.tally;
    egui::Grid::new("tally").num_columns(2).striped(true).show(ui, |ui| {
        for (key, value, c) in [
            ("tally-down", t.down.to_string(), colour::DOWN),
            ("tally-degraded", t.degraded.to_string(), colour::DEGRADED),
            ("tally-backup", t.on_backup.to_string(), colour::BACKUP),
            ("tally-incidents", t.incidents_open.to_string(), colour::MUTED),
            ("tally-messages", t.messages.to_string(), colour::MUTED),
            ("tally-impact", t.impact.map_or("-".into(), |v| format!("{v:.1}")), colour::MUTED),
        ] {
            ui.label(p.t(key));
            ui.label(egui::RichText::new(value).monospace().color(c));
            ui.end_row();
        }
        for line in &p.picture.scores {
            ui.label(p.i18n.text(&line.label));
            ui.label(egui::RichText::new(&line.value).monospace().strong());
            ui.end_row();
        }
    });
}
