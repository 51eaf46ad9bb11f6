//! `crossdrill run`: a headless run of a scenario, printed as a timeline (or JSON Lines),
//! optionally with a scripted play and a journal file.

use super::duration_arg;
use super::say::{error, say};
use crate::engine::{Engine, Journal, timeline_line};
use crate::scenario::{Lang, Scenario, duration, load_path};
use crate::session::script::{self, Planned};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// How `run` prints the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One readable line per event: time, what happened, to whom, why.
    Text,
    /// The journal as JSON Lines (header, then one entry per line).
    Jsonl,
}

/// Options of `crossdrill run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// Seed of the run's random draws.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// A scripted play: a RON list of timed commands (README, "Scripted plays"; example:
    /// tests/plays/well-run.commands.ron).
    #[arg(long, value_name = "FILE")]
    pub commands: Option<PathBuf>,
    /// Stop at this exercise time ("3h"); default: the scenario's duration.
    #[arg(long, value_name = "DURATION")]
    pub until: Option<String>,
    /// Write the journal here (`.ron` for RON, otherwise JSON Lines).
    #[arg(long, value_name = "OUT")]
    pub journal: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also write the after-action report here (`.html`, `.md`, `.csv` or `.json`).
    #[arg(long, value_name = "PATH")]
    pub report: Option<PathBuf>,
    /// Language of scripted texts: en or ja.
    #[arg(long, value_parser = ["en", "ja"], default_value = "en")]
    pub lang: String,
    /// Bot teams, as `crossdrill batch --bots` takes them (`textbook`,
    /// `grid=realistic,...`): they play beside the scripted play.
    #[arg(long, value_name = "CAST")]
    pub bots: Option<String>,
    /// Exit with status 1 if the engine refuses any scripted command (the run still
    /// goes to its end and writes its outputs).
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: &RunArgs) -> ExitCode {
    let loaded = match load_path(&args.scenario) {
        Ok(l) => l,
        Err(problems) => {
            eprint!("{problems}");
            return ExitCode::from(1);
        }
    };
    let design = loaded.design;
    let scenario = Arc::new(loaded.scenario);
    let until = match duration_arg(args.until.as_deref(), "cli-bad-until") {
        Ok(until) => until.unwrap_or(scenario.duration),
        Err(code) => return code,
    };
    let plan = match &args.commands {
        None => Vec::new(),
        Some(path) => match read_plan(path, &scenario) {
            Ok(p) => p,
            Err(code) => return code,
        },
    };

    let mut engine = Engine::new(scenario.clone(), args.seed);
    let mut refused = 0;
    if let Some(text) = &args.bots {
        let cast = match crate::bots::Cast::parse(text, &scenario) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}", error("cli-batch-bad-bots", &[("error", &e)]));
                return ExitCode::from(2);
            }
        };
        let outlook = Arc::new(crate::bots::Outlook::new(&scenario));
        let mut bots = cast.bots(&outlook, args.seed);
        refused = crate::bots::play(&mut engine, &mut bots, &plan, until);
    } else {
        for step in plan.iter().filter(|p| p.at <= until) {
            engine.advance_to(step.at);
            if let Err(e) = engine.apply(step.command_for(&engine)) {
                let at = duration::clock(engine.now());
                let args: [(&str, &dyn std::fmt::Display); 3] =
                    [("place", &step.place), ("at", &at), ("error", &e)];
                eprintln!("{}", say("cli-refused-at", &args));
                refused += 1;
            }
        }
    }
    engine.advance_to(until);

    let journal = engine.journal();
    let lang = Lang::from_tag(&args.lang).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Jsonl => out.write_all(journal.to_jsonl().as_bytes()),
        Format::Text => {
            let mut text = format!(
                "# {} (seed {}), until {}\n",
                scenario.id,
                args.seed,
                duration::clock(until)
            );
            for e in &journal.entries {
                text.push_str(&timeline_line(&scenario, e, lang));
                text.push('\n');
            }
            text.push_str(&format!(
                "# {} entries, sha256 {}\n",
                journal.entries.len(),
                journal.hash()
            ));
            out.write_all(text.as_bytes())
        }
    };
    if written.is_err() {
        return ExitCode::from(1);
    }
    if let Some(path) = &args.journal
        && !write_journal(path, journal)
    {
        return ExitCode::from(1);
    }
    if let Some(path) = &args.report {
        let format = crate::report::Format::from_path(path).unwrap_or(crate::report::Format::Html);
        if let Err(e) =
            crate::report::write_report_until(&scenario, &design, journal, until, format, path)
        {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
        eprintln!(
            "{}",
            say("cli-report-written", &[("file", &path.display())])
        );
    }
    if refused > 0 && args.strict {
        eprintln!("{}", error("cli-refused-strict", &[("count", &refused)]));
        return ExitCode::from(1);
    }
    if refused > 0 {
        let what = say("cli-refused-count", &[("count", &refused)]);
        eprintln!("{}", say("cli-warning", &[("what", &what)]));
    }
    ExitCode::SUCCESS
}

/// The scripted play in `path`, resolved against `scenario`; what is wrong with it is
/// said, and is exit status 1.
pub(super) fn read_plan(path: &Path, scenario: &Scenario) -> Result<Vec<Planned>, ExitCode> {
    read_plan_text(path, scenario).map(|(plan, _)| plan)
}

/// [`read_plan`], also giving the file's text.
pub(super) fn read_plan_text(
    path: &Path,
    scenario: &Scenario,
) -> Result<(Vec<Planned>, String), ExitCode> {
    let name = path.display().to_string();
    let text = crate::files::read_to_string(path).map_err(|e| {
        let said = say("cli-cannot-read", &[("file", &name), ("error", &e)]);
        eprintln!("{said}");
        ExitCode::from(1)
    })?;
    let plan = script::parse(&name, &text, scenario).map_err(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        ExitCode::from(1)
    })?;
    Ok((plan, text))
}

/// Write `journal` to `path` (`.ron` for RON, otherwise JSON Lines); `false` once a
/// failure has been said.
pub(super) fn write_journal(path: &Path, journal: &Journal) -> bool {
    let text = if path.extension().is_some_and(|e| e == "ron") {
        journal.to_ron().unwrap_or_default()
    } else {
        journal.to_jsonl()
    };
    if let Err(e) = std::fs::write(path, text) {
        let file = path.display();
        eprintln!(
            "{}",
            say("cli-cannot-write", &[("file", &file), ("error", &e)])
        );
        return false;
    }
    true
}
