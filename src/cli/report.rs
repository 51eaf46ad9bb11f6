//! `crossdrill report`: score a journal and write its after-action report.

use super::say::say;
use crate::engine::Journal;
use crate::report::{self, Format};
use crate::scenario::{Lang, Loaded, duration, load_path, load_source, shipped_with_id};
use crate::scoring;
use crate::session::{self, Untrusted};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Options of `crossdrill report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The journal of a run (JSON Lines, or RON when it ends in `.ron`).
    pub journal: PathBuf,
    /// md, html, csv or json; default: from --out's extension, else md.
    #[arg(long, value_parser = ["md", "markdown", "html", "csv", "json"])]
    pub format: Option<String>,
    /// Write the report here instead of to standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// The scenario file the journal is of; default: the built-in scenario, when the
    /// journal names it.
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<PathBuf>,
    /// Report language: en or ja; default: the scenario's.
    #[arg(long, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
    /// Score up to this exercise time ("3h"); default: the scenario's duration.
    #[arg(long, value_name = "DURATION")]
    pub until: Option<String>,
    /// Score a journal even if it does not replay (edited, damaged, or of another
    /// version of its scenario); the report says so at its top. Its numbers must still
    /// be in range.
    #[arg(long)]
    pub unverified: bool,
}

pub fn run(args: &ReportArgs) -> ExitCode {
    match make(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", say("cli-error", &[("what", &e)]));
            ExitCode::from(1)
        }
    }
}

fn make(args: &ReportArgs) -> Result<(), String> {
    let journal = read_journal(&args.journal)?;
    if journal.header.format < crate::engine::JOURNAL_FORMAT {
        let (file, format) = (args.journal.display(), journal.header.format);
        let what = say(
            "cli-earlier-format",
            &[("file", &file), ("format", &format)],
        );
        eprintln!("{}", say("cli-warning", &[("what", &what)]));
    }
    let loaded = scenario_for(&journal, args.scenario.as_deref())?;
    let scenario = Arc::new(loaded.scenario);
    let ron = is_ron(&args.journal);
    let at = |e: &Untrusted| format!("{}:{}: {e}", args.journal.display(), e.line(ron));
    let unverified = match session::check_journal(&scenario, &journal) {
        Ok(()) => None,
        Err(e) if !args.unverified || matches!(e, Untrusted::OutOfRange(_)) => {
            return Err(at(&e));
        }
        Err(e) => {
            // Scored as given, but never with a number its scenario cannot hold.
            session::check_bounds(&scenario, &journal)
                .map_err(|o| at(&Untrusted::OutOfRange(o)))?;
            let what = say("cli-unverified", &[("what", &at(&e))]);
            eprintln!("{}", say("cli-warning", &[("what", &what)]));
            Some(e)
        }
    };
    if journal.header.scenario_hash.is_none() {
        let what = say(
            "cli-journal-no-version",
            &[("file", &args.journal.display())],
        );
        eprintln!("{}", say("cli-warning", &[("what", &what)]));
    }
    let format = match (&args.format, &args.out) {
        (Some(f), _) => Format::parse(f),
        (None, Some(out)) => Format::from_path(out),
        (None, None) => None,
    }
    .unwrap_or(Format::Markdown);
    let lang = match args.lang.as_deref() {
        Some(tag) => Lang::from_tag(tag).unwrap_or_default(),
        None => scenario.language,
    };
    let card = match &args.until {
        Some(u) => {
            let end = duration::parse(u)
                .map_err(|_| format!("cannot read --until `{u}` (write e.g. \"3h\")"))?;
            scoring::score_until(&scenario, &journal, end)
        }
        None => scoring::score(&scenario, &journal),
    }
    .map_err(|e| e.to_string())?;
    let (sc, design) = (&scenario, &loaded.design);
    let text = match &unverified {
        None => report::render(sc, design, &journal, &card, format, lang),
        Some(why) => report::render_unverified(sc, design, &journal, &card, format, lang, why),
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string()),
    }
}

/// Read a journal written by `crossdrill run --journal`.
pub(crate) fn read_journal(path: &Path) -> Result<Journal, String> {
    let text = crate::files::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let read = if is_ron(path) {
        Journal::from_ron(&text)
    } else {
        Journal::from_jsonl(&text)
    };
    read.map_err(|e| format!("{}: {e}", path.display()))
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
}

/// The scenario a journal is of, with its design: the given file, or the shipped one of
/// that id.
fn scenario_for(journal: &Journal, path: Option<&Path>) -> Result<Loaded, String> {
    let want = &journal.header.scenario;
    let loaded = match path {
        Some(p) => load_path(p)
            .map_err(|problems| format!("{}: does not load:\n{problems}", p.display()))?,
        None => match shipped_with_id(want) {
            Some((name, text)) => load_source(name, text, None)
                .map_err(|problems| format!("{name}: does not load:\n{problems}"))?,
            None => {
                return Err(format!(
                    "the journal is of scenario `{want}`, which is not one of the shipped scenarios: give its file with --scenario"
                ));
            }
        },
    };
    if &loaded.scenario.id != want {
        return Err(format!(
            "the journal is of scenario `{want}`, but the file given is `{}`",
            loaded.scenario.id
        ));
    }
    Ok(loaded)
}
