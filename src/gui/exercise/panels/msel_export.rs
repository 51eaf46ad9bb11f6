//! The MSEL tab's export: the MSEL as CSV, xlsx or Markdown, or the printable
//! controller's handbook as HTML, written in the screen's language (what
//! `crossdrill msel` writes).

use super::context::PanelCtx;
use crate::gui::i18n::I18n;
use crate::gui::session::Session;
use crate::gui::widgets::colour;
use crate::report::msel::{MselFormat, write_msel};
use bevy::prelude::*;
use bevy_egui::egui;
use std::path::PathBuf;

/// Write the MSEL of the scenario in play to this file (its extension gives the format).
#[derive(Message, Debug, Clone)]
pub(crate) struct ExportMsel(pub PathBuf);

/// What the last export did: the file written, or why not.
#[derive(Resource, Debug, Default)]
pub(crate) struct MselExported(pub Option<Result<PathBuf, String>>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExportMsel>();
    app.init_resource::<MselExported>();
    app.add_systems(Update, export.run_if(resource_exists::<Session>));
}

fn export(
    mut asked: MessageReader<ExportMsel>,
    session: Res<Session>,
    i18n: Res<I18n>,
    mut done: ResMut<MselExported>,
) {
    for ExportMsel(path) in asked.read() {
        let result = match MselFormat::from_path(path) {
            Some(format) => write_msel(
                &session.scenario,
                &session.design,
                format,
                i18n.lang(),
                path,
            )
            .map(|()| path.clone())
            .map_err(|e| e.to_string()),
            None => Err(i18n.t("msel-export-extension")),
        };
        done.0 = Some(result);
    }
}

/// The export row: a file name, a button per format, and what the last export did.
pub(super) fn show(
    ui: &mut egui::Ui,
    p: &PanelCtx,
    name: &mut String,
    asked: &mut MessageWriter<ExportMsel>,
    done: &MselExported,
) {
    if name.is_empty() {
        *name = format!("{}-msel", p.scenario().id);
    }
    ui.label(egui::RichText::new(p.t("msel-export")).strong());
    ui.add(egui::TextEdit::singleline(name).desired_width(f32::INFINITY));
    ui.horizontal_wrapped(|ui| {
        for format in [
            MselFormat::Html,
            MselFormat::Xlsx,
            MselFormat::Csv,
            MselFormat::Markdown,
        ] {
            let ext = format.extension();
            if ui.button(format!(".{ext}")).clicked() {
                let stem = name.trim().trim_end_matches(&format!(".{ext}"));
                asked.write(ExportMsel(PathBuf::from(format!("{stem}.{ext}"))));
            }
        }
    });
    match &done.0 {
        Some(Ok(path)) => {
            let text = p.i18n.ta(
                "msel-exported",
                &[(
                    "path",
                    crate::gui::i18n::Arg::Str(&path.display().to_string()),
                )],
            );
            ui.label(egui::RichText::new(text).small().color(colour::UP));
        }
        Some(Err(e)) => {
            ui.label(egui::RichText::new(e).small().color(colour::ERROR));
        }
        None => {}
    }
    ui.separator();
}
