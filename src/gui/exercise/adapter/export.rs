//! The journal of the exercise written to a file (from the end screen).

use super::{EngineHost, ExportJournal, ExportStatus};
use crate::report;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExportJournal>();
    app.init_resource::<ExportStatus>();
    app.add_systems(Update, export.run_if(resource_exists::<EngineHost>));
}

/// Write the report (`.html`, `.md`, `.csv`, `.json`) or the journal (`.jsonl`).
fn export(
    host: Res<EngineHost>,
    session: Option<Res<crate::gui::session::Session>>,
    mut requests: MessageReader<ExportJournal>,
    mut status: ResMut<ExportStatus>,
) {
    for ExportJournal(path) in requests.read() {
        let journal = host.engine.journal();
        let name = path.to_string_lossy();
        let written = if name.ends_with(".jsonl") {
            std::fs::write(path, journal.to_jsonl()).map_err(|e| format!("{}: {e}", path.display()))
        } else {
            match report::Format::from_path(path) {
                Some(format) => report::write_report(
                    host.engine.scenario(),
                    &session
                        .as_ref()
                        .map(|s| s.design.clone())
                        .unwrap_or_default(),
                    journal,
                    format,
                    path,
                )
                .map_err(|e| e.to_string()),
                None => Err(format!(
                    "{}: use .html, .md, .csv, .json or .jsonl",
                    path.display()
                )),
            }
        };
        status.0 = Some(written.map(|()| path.clone()));
    }
}
