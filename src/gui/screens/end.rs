//! End of exercise: the final picture (scores, services still down, incidents), observer
//! notes, and export of the journal for the report and replay.

use super::Screen;
use crate::gui::exercise::adapter::{ExportJournal, ExportStatus};
use crate::gui::exercise::panels::scores;
use crate::gui::exercise::picture::Picture;
use crate::gui::i18n::{I18n, SetLang};
use crate::gui::session::Session;
use crate::gui::widgets::{self, colour};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::PathBuf;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        end.run_if(in_state(Screen::End).and_then(resource_exists::<Session>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn end(
    mut contexts: EguiContexts,
    session: Res<Session>,
    picture: Option<Res<Picture>>,
    status: Res<ExportStatus>,
    i18n: Res<I18n>,
    mut path: Local<String>,
    mut export: MessageWriter<ExportJournal>,
    mut set_lang: MessageWriter<SetLang>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let s = &session.scenario;
    if path.is_empty() {
        *path = format!("{}-seed{}-report.html", s.id, session.seed);
    }
    let mut root = widgets::root_ui(&ctx, "end");
    egui::Panel::top("end-top").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.heading(i18n.t("end-title"));
            ui.label(i18n.text(&s.title));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                widgets::lang_switch(ui, &i18n, &mut set_lang);
            });
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            if let Some(p) = &picture {
                ui.label(format!(
                    "{} T+{}",
                    i18n.t("end-stopped-at"),
                    widgets::clock(p.now)
                ));
                ui.add_space(6.0);
                ui.strong(i18n.t("scores-title"));
                if let Some(score) = &p.score {
                    scores::score_block(ui, &i18n, score);
                    ui.add_space(4.0);
                    egui::Grid::new("end-teams")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for (team, value) in &score.teams {
                                let name =
                                    s.teams.get(team.idx()).map_or("?", |t| i18n.text(&t.name));
                                ui.label(name);
                                ui.label(
                                    egui::RichText::new(
                                        value.map_or("-".into(), |v| format!("{v:.0}")),
                                    )
                                    .monospace(),
                                );
                                ui.end_row();
                            }
                        });
                    ui.add_space(4.0);
                }
                scores::tally(ui, &i18n, &p.tally);
                if !p.notes.is_empty() {
                    ui.add_space(8.0);
                    ui.strong(i18n.t("tab-notes"));
                    for (at, text) in &p.notes {
                        ui.label(format!("{}  {text}", widgets::clock(*at)));
                    }
                }
            }
            ui.add_space(12.0);
            ui.strong(i18n.t("end-export"));
            ui.label(
                egui::RichText::new(i18n.t("end-export-hint"))
                    .small()
                    .color(colour::MUTED),
            );
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut *path).desired_width(360.0));
                if ui.button(i18n.t("end-export-button")).clicked() && !path.trim().is_empty() {
                    export.write(ExportJournal(PathBuf::from(path.trim())));
                }
            });
            match &status.0 {
                Some(Ok(p)) => {
                    ui.label(
                        egui::RichText::new(format!("{} {}", i18n.t("end-exported"), p.display()))
                            .color(colour::UP),
                    );
                }
                Some(Err(e)) => {
                    ui.label(egui::RichText::new(e).color(colour::ERROR));
                }
                None => {}
            }
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button(i18n.t("end-back-to-exercise")).clicked() {
                    next.set(Screen::Exercise);
                }
                if ui.button(i18n.t("end-new")).clicked() {
                    next.set(Screen::Select);
                }
                if ui.button(i18n.t("debrief-open")).clicked() {
                    next.set(Screen::Debrief);
                }
            });
        });
    });
    Ok(())
}
