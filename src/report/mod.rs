//! The after-action report: a run's scorecard written as Markdown, a self-contained
//! HTML page with inline SVG charts, CSV or JSON. Uses `scoring`, `engine` and
//! `scenario`; no bevy or egui.
//!
//! ```no_run
//! # use crossdrill::{engine::Engine, report::{self, Format}, scenario};
//! # use std::{path::Path, sync::Arc};
//! let scenario = Arc::new(scenario::builtin_default());
//! let mut engine = Engine::new(scenario.clone(), 7);
//! engine.run_to_end();
//! let design = scenario::Design::default();
//! report::write_report(&scenario, &design, engine.journal(), Format::Html, Path::new("report.html"))?;
//! # Ok::<(), report::ReportError>(())
//! ```
//!
//! Headings are in the scenario's language with the other language beside them; all
//! other text is in the report's language (`scenario.language` unless given). The
//! HTML page has no external reference: styles inline, charts as inline SVG, no
//! scripts. CSV columns are listed in [`csv_header`].
//!
//! Each section is built once (`build`, `build_detail`) into a format-neutral
//! document (`doc`); `markdown` and `html` write that document.

mod build;
mod build_detail;
mod calibration;
mod calibration_svg;
mod csv;
mod doc;
#[cfg(test)]
mod doc_tests;
pub(crate) mod fmt;
mod html;
mod markdown;
pub mod msel;
mod objectives;
mod plan;
mod svg;
mod svg_chain;
mod text;

pub use calibration::calibration;
pub use csv::csv_header;
pub use plan::PlanRow;

use crate::engine::{EntryKind, Journal};
use crate::scenario::{Design, Lang, Scenario, Secs};
use crate::scoring::{ScoreError, Scorecard, score};
use crate::words::Phrase;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// A report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Json,
}

impl Format {
    /// `md`, `html`, `csv` or `json` (also `markdown`, `htm`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
    }
}

/// Why a report could not be written.
#[derive(Debug)]
pub enum ReportError {
    Score(ScoreError),
    Write {
        path: String,
        source: std::io::Error,
    },
    /// The spreadsheet writer failed.
    Sheet(String),
}

impl From<ScoreError> for ReportError {
    fn from(e: ScoreError) -> Self {
        ReportError::Score(e)
    }
}

/// Score a run and write its report to `path` in the scenario's language; `design`
/// gives the objectives section (none where it names no objectives).
pub fn write_report(
    scenario: &Arc<Scenario>,
    design: &Design,
    journal: &Journal,
    format: Format,
    path: &Path,
) -> Result<(), ReportError> {
    let card = score(scenario, journal)?;
    let text = render(scenario, design, journal, &card, format, scenario.language);
    std::fs::write(path, text).map_err(|source| ReportError::Write {
        path: path.display().to_string(),
        source,
    })
}

/// Like [`write_report`] for a run that stood at `end` (e.g. `run --until`).
pub fn write_report_until(
    scenario: &Arc<Scenario>,
    design: &Design,
    journal: &Journal,
    end: Secs,
    format: Format,
    path: &Path,
) -> Result<(), ReportError> {
    let card = crate::scoring::score_until(scenario, journal, end)?;
    let text = render(scenario, design, journal, &card, format, scenario.language);
    std::fs::write(path, text).map_err(|source| ReportError::Write {
        path: path.display().to_string(),
        source,
    })
}

/// The report of a scored run as text.
pub fn render(
    scenario: &Scenario,
    design: &Design,
    journal: &Journal,
    card: &Scorecard,
    format: Format,
    lang: Lang,
) -> String {
    let ctx = Ctx::new(scenario, design, journal, card, lang);
    render_ctx(&ctx, format)
}

/// Like [`render`] for a journal scored although it does not replay (`why`): every
/// format carries a warning that it was not verified, and why.
pub fn render_unverified(
    scenario: &Scenario,
    design: &Design,
    journal: &Journal,
    card: &Scorecard,
    format: Format,
    lang: Lang,
    why: &crate::session::Untrusted,
) -> String {
    let mut ctx = Ctx::new(scenario, design, journal, card, lang);
    let why = why.phrase().word(lang);
    ctx.unverified = Some(crate::words::say_with(
        lang,
        "r-unverified",
        &[("why", crate::words::Arg::Str(&why))],
    ));
    render_ctx(&ctx, format)
}

fn render_ctx(ctx: &Ctx, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(&build::doc(ctx)),
        Format::Html => html::render(&build::doc(ctx)),
        Format::Csv => csv::render(ctx),
        Format::Json => json(ctx),
    }
}

/// Everything a renderer reads.
pub(crate) struct Ctx<'a> {
    pub sc: &'a Scenario,
    pub design: &'a Design,
    /// The evaluator's checklist where the run was scored to.
    pub checks: Vec<crate::scoring::Check>,
    pub journal: &'a Journal,
    pub card: &'a Scorecard,
    pub lang: Lang,
    pub plan: Vec<PlanRow>,
    /// Facilitator notes: (time, text).
    pub notes: Vec<(Secs, String)>,
    /// The warning of a journal scored without a replay that matches it.
    pub unverified: Option<String>,
}

impl<'a> Ctx<'a> {
    fn new(
        sc: &'a Scenario,
        design: &'a Design,
        journal: &'a Journal,
        card: &'a Scorecard,
        lang: Lang,
    ) -> Self {
        let notes = journal
            .entries
            .iter()
            .filter_map(|e| match &e.kind {
                EntryKind::Note { text } => Some((e.at, text.clone())),
                _ => None,
            })
            .collect();
        let plan = plan::plan(sc, card, lang);
        Ctx {
            sc,
            design,
            checks: crate::scoring::checklist(design, journal, card.end),
            journal,
            card,
            lang,
            plan,
            notes,
            unverified: None,
        }
    }

    pub fn team(&self, t: crate::scenario::TeamId) -> &str {
        self.sc.teams[t.idx()].name.get(self.lang)
    }

    pub fn threat(&self, t: crate::scenario::ThreatId) -> &str {
        self.sc.threats[t.idx()].name.get(self.lang)
    }

    pub fn service(&self, s: crate::scenario::ServiceId) -> &str {
        self.sc.services[s.idx()].name.get(self.lang)
    }

    pub fn sector(&self, s: crate::scenario::SectorId) -> &str {
        self.sc.sectors[s.idx()].name.get(self.lang)
    }

    /// An exercise time on the scenario's wall clock.
    pub fn at(&self, secs: Secs) -> String {
        fmt::wall(self.sc.start_clock, secs)
    }

    /// A span in the report's language.
    pub fn dur(&self, secs: Secs) -> String {
        fmt::dur(secs, self.lang)
    }

    pub fn grade(&self, g: usize) -> &str {
        self.sc
            .scoring
            .grades
            .get(g)
            .map_or("", |g| g.name.get(self.lang))
    }

    pub fn severity(&self, level: u8) -> String {
        let name = self
            .sc
            .severity
            .get(usize::from(level))
            .map_or("", |l| l.name.get(self.lang));
        format!("{level} ({name})")
    }
}

/// The report as one JSON document.
#[derive(Serialize)]
struct JsonDoc<'a> {
    scenario: &'a str,
    title: &'a str,
    language: Lang,
    seed: u64,
    journal_sha256: String,
    /// Present only for a journal scored although it does not replay: the warning.
    #[serde(skip_serializing_if = "Option::is_none")]
    unverified: Option<&'a str>,
    /// String ids by index, to read the numeric ids in `scorecard`.
    names: Names<'a>,
    scorecard: &'a Scorecard,
    grade: &'a str,
    plan: &'a [PlanRow],
    notes: Vec<Note<'a>>,
    /// Each expected action of the design reached by the run: what the evaluator
    /// recorded and what the journal shows.
    expected: Vec<Expected<'a>>,
}

#[derive(Serialize)]
struct Expected<'a> {
    id: &'a str,
    objective: &'a str,
    team: &'a str,
    due: Secs,
    /// The evaluator's verdict, if recorded.
    recorded: Option<crate::engine::Verdict>,
    note: Option<&'a str>,
    /// What the journal shows, where the design says how to see it.
    journal: Option<crate::engine::Verdict>,
}

#[derive(Serialize)]
struct Names<'a> {
    teams: Vec<&'a str>,
    threats: Vec<&'a str>,
    sectors: Vec<&'a str>,
    services: Vec<&'a str>,
}

#[derive(Serialize)]
struct Note<'a> {
    at: Secs,
    text: &'a str,
}

fn json(ctx: &Ctx) -> String {
    let sc = ctx.sc;
    let doc = JsonDoc {
        scenario: &sc.id,
        title: sc.title.get(ctx.lang),
        language: ctx.lang,
        seed: ctx.card.seed,
        journal_sha256: ctx.journal.hash(),
        unverified: ctx.unverified.as_deref(),
        names: Names {
            teams: sc.teams.iter().map(|t| t.id.as_str()).collect(),
            threats: sc.threats.iter().map(|t| t.id.as_str()).collect(),
            sectors: sc.sectors.iter().map(|t| t.id.as_str()).collect(),
            services: sc.services.iter().map(|t| t.id.as_str()).collect(),
        },
        scorecard: ctx.card,
        grade: ctx.grade(ctx.card.grade),
        plan: &ctx.plan,
        notes: ctx
            .notes
            .iter()
            .map(|(at, text)| Note { at: *at, text })
            .collect(),
        expected: ctx
            .checks
            .iter()
            .map(|k| {
                let e = &ctx.design.expectations[k.expectation.idx()];
                Expected {
                    id: &e.id,
                    objective: &ctx.design.objectives[e.objective.idx()].id,
                    team: &sc.teams[e.team.idx()].id,
                    due: k.due,
                    recorded: k.recorded.as_ref().map(|f| f.verdict),
                    note: k.recorded.as_ref().map(|f| f.note.as_str()),
                    journal: k.suggested.as_ref().map(|s| s.verdict),
                }
            })
            .collect(),
    };
    // Plain data with string keys and finite numbers: serialising cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::Score(e) => e.fmt(f),
            ReportError::Write { path, source } => {
                let phrase = Phrase::new("error-report-write")
                    .with("path", path.as_str())
                    .with("error", source.to_string());
                f.write_str(&phrase.word(crate::words::default_lang()))
            }
            ReportError::Sheet(e) => {
                let phrase = Phrase::new("error-sheet").with("error", e.as_str());
                f.write_str(&phrase.word(crate::words::default_lang()))
            }
        }
    }
}

impl std::error::Error for ReportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReportError::Score(e) => e.source(),
            ReportError::Write { source, .. } => Some(source),
            ReportError::Sheet(_) => None,
        }
    }
}
