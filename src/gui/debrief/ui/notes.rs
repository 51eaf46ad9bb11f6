//! The notes and report tab: the observer's notes (each takes the timeline to its moment) and
//! the export of the after-action report to a file whose full path is shown once written.

use super::Ctx;
use crate::gui::debrief::export::ExportReport;
use crate::gui::debrief::scrub::ScrubTo;
use crate::gui::i18n::Arg;
use crate::gui::widgets::{self, colour};
use bevy_egui::egui::{self, RichText};
use std::path::PathBuf;

pub(super) fn show(ui: &mut egui::Ui, c: &mut Ctx) {
    if c.ui.export_path.is_empty() {
        c.ui.export_path = default_path(&c.debrief).display().to_string();
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong(c.t("debrief-notes"));
            if c.debrief.notes.is_empty() {
                ui.label(RichText::new(c.t("debrief-no-notes")).color(colour::MUTED));
            }
            let mut go = None;
            egui::Grid::new("grid-notes")
                .num_columns(3)
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (at, text) in &c.debrief.notes {
                        ui.label(RichText::new(widgets::clock(*at)).monospace());
                        ui.label(text);
                        if ui.small_button(c.i18n.t("debrief-go-to")).clicked() {
                            go = Some(*at);
                        }
                        ui.end_row();
                    }
                });
            if let Some(t) = go {
                c.scrub.write(ScrubTo(t));
                c.ui.tab = super::Tab::Timeline;
            }
            ui.add_space(16.0);
            export(ui, c);
        });
}

/// Beside the run's file (inside a session's folder), else in the current folder.
fn default_path(d: &crate::gui::debrief::run::Debrief) -> PathBuf {
    use crate::gui::debrief::run::Source;
    let name = format!("{}-seed{}-report.html", d.scenario.id, d.seed);
    let dir = match &d.source {
        Source::Journal { path, .. } => path.parent().map(std::path::Path::to_path_buf),
        Source::Session(dir) => Some(dir.clone()),
        Source::Exercise => d.recorded.clone(),
    };
    dir.filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from(&name), |p| p.join(&name))
}

fn export(ui: &mut egui::Ui, c: &mut Ctx) {
    ui.strong(c.t("debrief-export"));
    ui.label(
        RichText::new(c.t("debrief-export-hint"))
            .small()
            .color(colour::MUTED),
    );
    ui.horizontal(|ui| {
        for ext in ["html", "md", "csv", "json", "jsonl"] {
            let current = c.ui.export_path.ends_with(&format!(".{ext}"));
            if ui.selectable_label(current, format!(".{ext}")).clicked() {
                let p = PathBuf::from(&c.ui.export_path).with_extension(ext);
                c.ui.export_path = p.display().to_string();
            }
        }
    });
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut c.ui.export_path).desired_width(420.0));
        let path = c.ui.export_path.trim().to_owned();
        if ui.button(c.t("debrief-export-button")).clicked() && !path.is_empty() {
            c.export.write(ExportReport(PathBuf::from(path)));
        }
    });
    match &c.exported.0 {
        Some(Ok(files)) => {
            for (k, f) in files.iter().enumerate() {
                let key = if k == 0 {
                    "debrief-exported"
                } else {
                    "debrief-exported-compare"
                };
                let text = c
                    .i18n
                    .ta(key, &[("path", Arg::Str(&f.display().to_string()))]);
                ui.label(RichText::new(text).color(colour::UP));
            }
        }
        Some(Err(e)) => {
            ui.label(RichText::new(e).color(colour::ERROR));
        }
        None => {}
    }
}
