//! Export from the debrief: the after-action report (md, html, csv, json) or the journal
//! (jsonl) of the run shown, and for a fork its comparison with the original (Markdown).

use super::compare::{Comparison, Measure};
use super::run::Debrief;
use crate::gui::i18n::{Arg, I18n};
use crate::gui::widgets;
use crate::report::{self, Format};
use crate::scenario::Scenario;
use bevy::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Write the report (or the journal) of the run in the debrief to this file.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExportReport(pub PathBuf);

/// The files the last export wrote, or why it failed.
#[derive(Resource, Debug, Default, Clone)]
pub(crate) struct ExportStatus(pub Option<Result<Vec<PathBuf>, String>>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExportReport>();
    app.init_resource::<ExportStatus>();
    app.add_systems(Update, export.run_if(resource_exists::<Debrief>));
    app.add_systems(
        OnEnter(crate::gui::screens::Screen::Debrief),
        |mut s: ResMut<ExportStatus>| s.0 = None,
    );
}

fn export(
    mut asked: MessageReader<ExportReport>,
    debrief: Res<Debrief>,
    i18n: Res<I18n>,
    mut status: ResMut<ExportStatus>,
) {
    for ExportReport(path) in asked.read() {
        status.0 = Some(write(&debrief, &i18n, path));
    }
}

/// Write `path` (and its comparison beside it for a fork); the files written, as absolute paths.
pub(crate) fn write(d: &Debrief, i18n: &I18n, path: &Path) -> Result<Vec<PathBuf>, String> {
    let shown = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let put = |p: &Path, text: String| {
        std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))
    };
    let text = if path.extension().is_some_and(|e| e == "jsonl") {
        d.journal.to_jsonl()
    } else {
        let Some(format) = Format::from_path(path) else {
            return Err(format!(
                "{}: use .html, .md, .csv, .json or .jsonl",
                path.display()
            ));
        };
        let card = d.card.as_ref().map_err(Clone::clone)?;
        report::render(
            &d.scenario,
            &d.design,
            &d.journal,
            card,
            format,
            d.scenario.language,
        )
    };
    put(path, text)?;
    let mut written = vec![shown(path)];
    if let Some(c) = &d.compare {
        let stem = path
            .file_stem()
            .map_or("report".into(), |s| s.to_string_lossy());
        let beside = path.with_file_name(format!("{stem}-compare.md"));
        put(&beside, markdown(&d.scenario, c, i18n))?;
        written.push(shown(&beside));
    }
    Ok(written)
}

/// The comparison as a Markdown table, in the UI language.
pub(crate) fn markdown(s: &Scenario, c: &Comparison, i18n: &I18n) -> String {
    let mut out = format!("# {}\n\n", i18n.t("debrief-compare"));
    let note = i18n.ta(
        "debrief-compare-note",
        &[
            ("at", Arg::Str(&widgets::clock(c.at))),
            ("end", Arg::Str(&widgets::clock(c.end))),
        ],
    );
    let _ = writeln!(out, "{note}\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        i18n.t("debrief-compare-what"),
        i18n.t("debrief-compare-original"),
        i18n.t("debrief-compare-fork"),
        i18n.t("debrief-compare-change")
    );
    for r in &c.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            measure_label(s, r.measure, i18n),
            value(r.measure, r.original),
            value(r.measure, r.fork),
            change(r.measure, r.original, r.fork)
        );
    }
    out
}

/// A measure's name in the UI language.
pub(crate) fn measure_label(s: &Scenario, m: Measure, i18n: &I18n) -> String {
    match m {
        Measure::Score => i18n.t("debrief-overall"),
        Measure::Lost => i18n.t("debrief-compare-lost"),
        Measure::Avoided => i18n.t("debrief-compare-avoided"),
        Measure::Team(t) => s.teams.get(t.idx()).map_or("?".into(), |x| {
            format!("{}: {}", i18n.t("debrief-team"), i18n.text(&x.name))
        }),
        Measure::Incident(t) => s.threats.get(t.idx()).map_or("?".into(), |x| {
            format!("{}: {}", i18n.t("debrief-incident"), i18n.text(&x.name))
        }),
    }
}

/// A measure's value as shown (person-hours in whole thousands-grouped numbers).
pub(crate) fn value(m: Measure, v: Option<f64>) -> String {
    match (m, v) {
        (_, None) => "-".into(),
        (Measure::Lost, Some(v)) => super::ui::thousands(v),
        (_, Some(v)) => format!("{v:.1}"),
    }
}

pub(crate) fn change(m: Measure, a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if m == Measure::Lost => {
            let sign = if b < a { "-" } else { "+" };
            format!("{sign}{}", super::ui::thousands((b - a).abs()))
        }
        (Some(a), Some(b)) => format!("{:+.1}", b - a),
        _ => "-".into(),
    }
}
