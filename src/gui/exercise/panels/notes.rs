//! Observer notes: timestamped with exercise time, kept in the journal for the report.

use super::context::PanelCtx;
use crate::engine::Command;
use crate::gui::exercise::command::UiCommand;
use crate::gui::session::Seat;
use crate::gui::widgets::{self, colour};
use bevy_egui::egui;

pub(super) fn show(ui: &mut egui::Ui, p: &mut PanelCtx, draft: &mut String) {
    if p.picture.seat == Seat::Observer {
        ui.add(
            egui::TextEdit::multiline(draft)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(p.t("notes-hint")),
        );
        let ready = !draft.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(p.t("notes-add")))
            .clicked()
        {
            p.commands
                .write(UiCommand::Control(Command::Note(draft.trim().to_owned())));
            draft.clear();
        }
        ui.separator();
    }
    if p.picture.notes.is_empty() {
        ui.label(egui::RichText::new(p.t("notes-none")).color(colour::MUTED));
    }
    for (at, text) in p.picture.notes.iter().rev() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(widgets::clock(*at))
                    .monospace()
                    .color(colour::MUTED),
            );
            ui.label(text);
        });
    }
}
