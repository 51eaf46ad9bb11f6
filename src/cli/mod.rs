//! The command line: argument parsing and one module per command. The top layer: it
//! uses every other module and nothing uses it; no domain rule lives here.

mod batch;
mod fork;
mod generate;
#[cfg(feature = "net")]
mod host;
#[cfg(feature = "net")]
mod join;
mod lint;
mod msel;
mod replay;
mod report;
mod run;
mod say;
mod session;
mod validate;

use crate::scenario::{Secs, duration};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// crossdrill: run cross-sector cyber tabletop exercises on critical infrastructure.
#[derive(Debug, Parser)]
#[command(name = "crossdrill", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop app (what `crossdrill` with no arguments does).
    Gui(GuiArgs),
    /// Check scenario and seed files; print every problem with file:line:column.
    Validate {
        /// Files to check (scenarios or seeds).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Check a scenario's design: injects that can never fire, services, teams and
    /// actions the play never touches, deadlines the reporting chain cannot meet.
    /// Exit status 0 when nothing is flagged, 2 when something is.
    Lint(lint::LintArgs),
    /// Run a scenario headless and print its timeline (or its journal as JSON Lines).
    Run(run::RunArgs),
    /// Write a generated national-scale scenario (for benchmarks and stress tests).
    Generate(generate::GenerateArgs),
    /// Re-simulate a journal or a session and check it matches, byte for byte.
    Replay(replay::ReplayArgs),
    /// Start a new session from a moment of a past one (same seed, the commands up to then).
    Fork(replay::ForkArgs),
    /// Score a run's journal and write its after-action report (md, html, csv, json).
    Report(report::ReportArgs),
    /// Write the MSEL (csv, xlsx, md) or the printable controller's handbook (html).
    Msel(msel::MselArgs),
    /// Crash-safe sessions: play a scripted one, resume one, list them.
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Host a networked exercise: one seat file per team, the engine and the session here.
    #[cfg(feature = "net")]
    Host(host::HostArgs),
    /// Take a seat in a networked exercise with the seat file the facilitator gave you.
    #[cfg(feature = "net")]
    Join(join::JoinArgs),
    /// Many scored runs with bot teams on every core, into a calibration report; `batch
    /// merge` adds up batches run apart.
    Batch(batch::BatchArgs),
}

/// Run a parsed command line and return the process exit status.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Gui(args) => run_gui(args),
        Command::Validate { paths } => validate::run(&paths),
        Command::Lint(args) => lint::run(&args),
        Command::Run(args) => run::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Msel(args) => msel::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Replay(args) => replay::run(&args),
        Command::Fork(args) => replay::run_fork(&args),
        Command::Session(command) => session::run(&command),
        #[cfg(feature = "net")]
        Command::Host(args) => host::run(&args),
        #[cfg(feature = "net")]
        Command::Join(args) => join::run(&args),
        Command::Batch(args) => batch::run(&args),
    }
}

/// Options of `crossdrill gui`.
#[derive(Debug, Default, Args)]
pub struct GuiArgs {
    /// A scenario file to open (its briefing, or the exercise with --seat or --run-for).
    pub scenario: Option<PathBuf>,
    /// Go straight into the exercise in this seat: facilitator, observer or a team id.
    #[arg(long)]
    pub seat: Option<String>,
    /// UI language: en or ja.
    #[arg(long, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
    /// Start the exercise and advance it by this much exercise time ("30m", "2h").
    #[arg(long, value_name = "DURATION")]
    pub run_for: Option<String>,
    /// Save a screenshot once the screen has settled, then exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Time N frames of the exercise screen, print `frames N: p50 .., p95 .., max ..,
    /// app CPU .. per frame` and exit (with SCENARIO and --seat or --run-for).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub bench_frames: Option<u32>,
    /// Start the exercise's clock running at this speed (exercise seconds per second).
    #[arg(long, value_name = "SPEED", value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub speed: Option<u32>,
    /// Resume the unfinished session in this folder (see `crossdrill session list`).
    #[arg(long, value_name = "DIR")]
    pub resume: Option<PathBuf>,
    /// Open the debrief of a session folder or a journal file (SCENARIO is then the
    /// journal's scenario; --run-for puts the timeline at that moment).
    #[arg(long, value_name = "JOURNAL_OR_SESSION")]
    pub debrief: Option<PathBuf>,
    /// Give these teams to bots at the start: `textbook`, or `grid=textbook,carrier=realistic`
    /// (never the --seat team).
    #[arg(long, value_name = "CAST")]
    pub bots: Option<String>,
}

/// The duration an option gives (`None` when it is not given), or exit status 2 once
/// the message `unreadable` has said so.
fn duration_arg(text: Option<&str>, unreadable: &str) -> Result<Option<Secs>, ExitCode> {
    match text.map(|t| (t, duration::parse(t))) {
        None => Ok(None),
        Some((_, Ok(secs))) => Ok(Some(secs)),
        Some((text, Err(_))) => {
            eprintln!("{}", say::error(unreadable, &[("text", &text)]));
            Err(ExitCode::from(2))
        }
    }
}

#[cfg(feature = "gui")]
fn run_gui(args: GuiArgs) -> ExitCode {
    use crate::scenario::Lang;
    let run_for = match duration_arg(args.run_for.as_deref(), "cli-bad-duration") {
        Ok(d) => d,
        Err(code) => return code,
    };
    let lang = args
        .lang
        .as_deref()
        .map(|l| Lang::from_tag(l).unwrap_or_default());
    let (scenario, debrief_scenario) = match args.debrief {
        Some(_) => (None, args.scenario),
        None => (args.scenario, None),
    };
    let options = crate::gui::GuiOptions {
        scenario,
        seat: args.seat,
        lang,
        run_for,
        screenshot: args.screenshot,
        bench_frames: args.bench_frames,
        speed: args.speed,
        resume: args.resume,
        debrief: args.debrief,
        debrief_scenario,
        bots: args.bots,
        ..Default::default()
    };
    if options.bench_frames.is_some() && !options.straight_to_exercise() {
        eprintln!("{}", say::error("cli-bench-needs-exercise", &[]));
        return ExitCode::from(2);
    }
    if let Err(e) = crate::gui::debrief::check(&options) {
        eprintln!("{}", say::say("cli-error", &[("what", &e)]));
        return ExitCode::from(2);
    }
    crate::gui::run(options)
}

#[cfg(not(feature = "gui"))]
fn run_gui(_: GuiArgs) -> ExitCode {
    eprintln!("{}", say::error("cli-no-gui", &[]));
    ExitCode::from(2)
}
