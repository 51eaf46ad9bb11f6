//! Scenario select: every scenario the app knows, with title, summary, teams, duration and
//! sectors; a broken file is listed with its errors. Opens the briefing.

use super::Screen;
use crate::gui::GuiOptions;
use crate::gui::catalog::{Catalog, Entry, Origin, WatchFolder};
use crate::gui::i18n::{Arg, I18n, SetLang};
use crate::gui::net::JoinBox;
use crate::gui::session::Session;
use crate::gui::widgets::{self, colour};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::PathBuf;

#[derive(Default)]
struct Ui {
    picked: usize,
    folder: String,
    /// The file named on the command line (if any) was picked at the first frame.
    started: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        select.run_if(in_state(Screen::Select).and_then(resource_exists::<Catalog>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn select(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    i18n: Res<I18n>,
    mut state: Local<Ui>,
    mut set_lang: MessageWriter<SetLang>,
    mut watch: MessageWriter<WatchFolder>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    options: Option<Res<GuiOptions>>,
    mut join: JoinBox,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if !state.started {
        state.started = true;
        // A file named on the command line that did not load: show its errors at once.
        if let Some(path) = options.as_ref().and_then(|o| o.scenario.clone()) {
            let origin = Origin::File(path);
            if let Some(i) = catalog.entries.iter().position(|e| e.origin == origin) {
                state.picked = i;
            }
        }
    }
    let mut root = widgets::root_ui(&ctx, "select");
    egui::Panel::top("select-top").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.heading(i18n.t("app-title"));
            ui.label(egui::RichText::new(i18n.t("app-tagline")).color(colour::MUTED));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                widgets::lang_switch(ui, &i18n, &mut set_lang);
            });
        });
    });
    if state.picked >= catalog.entries.len() {
        state.picked = 0;
    }
    egui::Panel::left("select-list")
        .resizable(true)
        .default_size(380.0)
        .show(&mut root, |ui| {
            ui.add_space(4.0);
            ui.strong(i18n.t("select-heading"));
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 70.0 - JoinBox::HEIGHT)
                .show(ui, |ui| {
                    for (i, e) in catalog.entries.iter().enumerate() {
                        if list_item(ui, &i18n, e, i == state.picked) {
                            state.picked = i;
                        }
                    }
                });
            ui.separator();
            ui.label(egui::RichText::new(i18n.t("select-folder")).small());
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut state.folder)
                        .desired_width(240.0)
                        .hint_text("scenarios/"),
                );
                if ui.button(i18n.t("select-open-folder")).clicked()
                    && !state.folder.trim().is_empty()
                {
                    watch.write(WatchFolder(PathBuf::from(state.folder.trim())));
                }
            });
            join.show(ui, &i18n);
        });
    egui::CentralPanel::default().show(&mut root, |ui| {
        let Some(entry) = catalog.entries.get(state.picked) else {
            ui.label(i18n.t("select-none"));
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            if details(ui, &i18n, entry)
                && let Some(good) = entry.good.clone()
            {
                commands.insert_resource(Session {
                    design: entry.design.clone(),
                    ..Session::new(entry.origin.clone(), good)
                });
                next.set(Screen::Briefing);
            }
        });
    });
    Ok(())
}

/// One row of the list; true when clicked.
fn list_item(ui: &mut egui::Ui, i18n: &I18n, e: &Entry, picked: bool) -> bool {
    let title = e
        .good
        .as_ref()
        .map_or_else(|| entry_label(i18n, e), |s| i18n.text(&s.title).to_owned());
    let mut text = egui::RichText::new(title).strong();
    if e.good.is_none() {
        text = text.color(colour::ERROR);
    }
    let r = ui.selectable_label(picked, text);
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        ui.label(
            egui::RichText::new(entry_label(i18n, e))
                .small()
                .color(colour::MUTED),
        );
        if !e.problems.is_empty() {
            let n = e
                .problems
                .iter()
                .filter(|l| l.contains(": error: "))
                .count()
                .max(1);
            ui.label(
                egui::RichText::new(i18n.ta("select-errors", &[("count", Arg::Num(n as f64))]))
                    .small()
                    .color(colour::ERROR),
            );
        }
    });
    r.clicked()
}

/// The chosen scenario's details; true when "continue" was clicked.
fn details(ui: &mut egui::Ui, i18n: &I18n, e: &Entry) -> bool {
    let mut go = false;
    if !e.problems.is_empty() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(i18n.t("select-broken"))
                    .strong()
                    .color(colour::ERROR),
            );
            if e.good.is_some() {
                ui.label(egui::RichText::new(i18n.t("select-last-good")).color(colour::DEGRADED));
            }
            for line in &e.problems {
                ui.label(egui::RichText::new(line).monospace().size(12.0));
            }
        });
        ui.add_space(6.0);
    }
    let Some(s) = &e.good else {
        return false;
    };
    ui.heading(i18n.text(&s.title));
    ui.label(
        egui::RichText::new(entry_label(i18n, e))
            .small()
            .color(colour::MUTED),
    );
    ui.add_space(4.0);
    ui.label(i18n.text(&s.summary));
    ui.add_space(6.0);
    egui::Grid::new("select-facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            if let Some(pattern) = &e.design.pattern {
                ui.label(i18n.t("select-pattern"));
                ui.label(i18n.text(pattern));
                ui.end_row();
            }
            ui.label(i18n.t("select-duration"));
            ui.label(widgets::span(s.duration));
            ui.end_row();
            ui.label(i18n.t("select-start"));
            ui.label(widgets::start_text(s.start_clock));
            ui.end_row();
            ui.label(i18n.t("select-services"));
            ui.label(format!("{} / {}", s.services.len(), s.dependencies.len()));
            ui.end_row();
            ui.label(i18n.t("select-team-count"));
            ui.label(i18n.ta("select-teams", &[("count", Arg::Num(s.teams.len() as f64))]));
            ui.end_row();
        });
    ui.add_space(6.0);
    ui.strong(i18n.t("select-sectors"));
    ui.horizontal_wrapped(|ui| {
        for sec in &s.sectors {
            let used = s
                .organisations
                .iter()
                .any(|o| s.sectors.get(o.sector.idx()) == Some(sec));
            if !used {
                continue;
            }
            let [r, g, b] = sec.colour;
            ui.label(egui::RichText::new("■").color(egui::Color32::from_rgb(r, g, b)));
            let name = if sec.leading {
                format!("{} ★", i18n.text(&sec.name))
            } else {
                i18n.text(&sec.name).to_owned()
            };
            ui.label(name);
        }
    });
    ui.add_space(6.0);
    ui.strong(i18n.t("select-team-list"));
    for t in &s.teams {
        ui.label(format!("• {}", i18n.text(&t.name)));
    }
    ui.add_space(10.0);
    if ui
        .add(egui::Button::new(
            egui::RichText::new(i18n.t("select-continue"))
                .strong()
                .size(16.0),
        ))
        .clicked()
    {
        go = true;
    }
    go
}

/// Where an entry comes from: its path, or "built into the app".
fn entry_label(i18n: &I18n, e: &Entry) -> String {
    match &e.origin {
        Origin::Builtin(_) => i18n.t("select-builtin"),
        Origin::File(_) => e.label(),
    }
}
