//! Live scores for the facilitator and observer: the overall score and grade, the impact
//! avoided against the no-response baseline, each team's score, and headline numbers.

use super::context::PanelCtx;
use super::labels;
use crate::gui::exercise::picture::{LiveScore, Tally};
use crate::gui::i18n::I18n;
use crate::gui::widgets::colour;
use bevy_egui::egui;

pub(super) fn show(ui: &mut egui::Ui, p: &PanelCtx) {
    ui.strong(p.t("scores-title"));
    if let Some(score) = &p.picture.score {
        score_block(ui, &p.i18n, score);
        egui::CollapsingHeader::new(p.t("scores-teams"))
            .default_open(false)
            .show(ui, |ui| {
                egui::Grid::new("team-scores")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for (team, value) in &score.teams {
                            ui.label(labels::team_name(p, *team));
                            ui.label(
                                egui::RichText::new(
                                    value.map_or("-".into(), |v| format!("{v:.0}")),
                                )
                                .monospace(),
                            );
                            ui.end_row();
                        }
                    });
            });
    }
    tally(ui, &p.i18n, &p.picture.tally);
}

/// The overall score, grade and impact avoided (also used by the end screen).
pub(crate) fn score_block(ui: &mut egui::Ui, i18n: &I18n, score: &LiveScore) {
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!("{:.0}", score.score))
                .size(26.0)
                .strong(),
        );
        ui.label(egui::RichText::new("/ 100").color(colour::MUTED));
        ui.label(
            egui::RichText::new(i18n.text(&score.grade))
                .size(16.0)
                .strong()
                .color(colour::BACKUP),
        );
    });
    let avoided = score
        .avoided
        .map_or("-".into(), |a| format!("{:.0}%", a * 100.0));
    ui.label(format!("{}: {avoided}", i18n.t("scores-avoided")))
        .on_hover_text(i18n.t("scores-avoided-hint"));
}

/// Headline numbers of the picture.
pub(crate) fn tally(ui: &mut egui::Ui, i18n: &I18n, t: &Tally) {
    egui::Grid::new("tally")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (key, value, c) in [
                ("tally-down", t.down.to_string(), colour::DOWN),
                ("tally-degraded", t.degraded.to_string(), colour::DEGRADED),
                ("tally-backup", t.on_backup.to_string(), colour::BACKUP),
                (
                    "tally-incidents",
                    t.incidents_open.to_string(),
                    colour::MUTED,
                ),
                ("tally-messages", t.messages.to_string(), colour::MUTED),
                (
                    "tally-impact",
                    t.impact.map_or("-".into(), |v| format!("{v:.1}")),
                    colour::MUTED,
                ),
            ] {
                ui.label(i18n.t(key));
                ui.label(egui::RichText::new(value).monospace().color(c));
                ui.end_row();
            }
        });
}
