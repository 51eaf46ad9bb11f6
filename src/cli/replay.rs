//! `crossdrill replay` (re-simulate a journal or a session and compare, byte for
//! byte) and `crossdrill fork` (a new session from a moment of a past run).

use super::say::{error, say};
use crate::scenario::duration;
use crate::session::{SessionError, Verdict, fork, verify};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `crossdrill replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// A journal file (from `crossdrill run --journal`, JSON Lines or RON) or a session folder.
    pub path: PathBuf,
    /// The scenario of a journal file (default: ID.scenario.ron beside the journal or
    /// under scenarios/, or the built-in scenario). Sessions carry their own.
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<PathBuf>,
    /// Open it in the app's debrief (the timeline scrubber shows whether it replays).
    #[arg(long)]
    pub gui: bool,
}

/// Options of `crossdrill fork`.
#[derive(Debug, Args)]
pub struct ForkArgs {
    /// The session folder or journal file to fork.
    pub from: PathBuf,
    /// The moment to start from ("1h30m"): the commands up to it are kept.
    #[arg(long, value_name = "DURATION")]
    pub at: String,
    /// The new session's folder.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The scenario of a journal file (as for `replay`).
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<PathBuf>,
    /// A scripted play to play on the fork from `--at` (earlier steps are skipped): the
    /// fork then runs to the end and its scores are printed beside the original's.
    #[arg(long, value_name = "FILE")]
    pub commands: Option<PathBuf>,
}

/// Exit 0 when the replay matches, 1 with the first difference when it does not
/// (or the file is damaged), 2 when it cannot be tried.
pub fn run(args: &ReplayArgs) -> ExitCode {
    if args.gui {
        return super::run(super::Command::Gui(super::GuiArgs {
            scenario: args.scenario.clone(),
            debrief: Some(args.path.clone()),
            ..Default::default()
        }));
    }
    match verify(&args.path, args.scenario.as_deref()) {
        Ok(Verdict::Same(r)) => {
            let what = match &r.compared {
                Some(p) => say("cli-replay-matches", &[("file", &p.display())]),
                None => say("cli-replay-open", &[]),
            };
            let (file, until) = (args.path.display(), duration::clock(r.until));
            let args: [(&str, &dyn std::fmt::Display); 6] = [
                ("file", &file),
                ("what", &what),
                ("entries", &r.entries),
                ("commands", &r.commands),
                ("until", &until),
                ("hash", &r.hash),
            ];
            println!("{}", say("cli-replay-ok", &args));
            match r.dropped {
                Some(d) => {
                    println!("{}", say("cli-damaged", &[("what", &d)]));
                    ExitCode::from(1)
                }
                None => ExitCode::SUCCESS,
            }
        }
        Ok(Verdict::Differs(d)) => {
            println!("{}", say("cli-differs", &[("what", &d)]));
            ExitCode::from(1)
        }
        Err(e) => fail(&e),
    }
}

pub fn run_fork(args: &ForkArgs) -> ExitCode {
    let Ok(at) = duration::parse(&args.at) else {
        eprintln!("{}", error("cli-bad-at", &[("text", &args.at)]));
        return ExitCode::from(2);
    };
    let play = match &args.commands {
        Some(p) => match super::fork::load_play(&args.from, args.scenario.as_deref(), p) {
            Ok(what_if) => Some(what_if),
            Err(code) => return code,
        },
        None => None,
    };
    match fork(&args.from, at, &args.out, args.scenario.as_deref()) {
        Ok(r) => {
            if let Some(d) = &r.dropped {
                eprintln!("{}", say("cli-warning", &[("what", &d)]));
            }
            let j = r.engine.journal();
            let (from, at_text, out) =
                (args.from.display(), duration::clock(at), args.out.display());
            let (commands, entries, hash) = (r.session.commands(), j.entries.len(), j.hash());
            let args: [(&str, &dyn std::fmt::Display); 6] = [
                ("from", &from),
                ("at", &at_text),
                ("out", &out),
                ("commands", &commands),
                ("entries", &entries),
                ("hash", &hash),
            ];
            println!("{}", say("cli-forked", &args));
            match &play {
                Some(what_if) => super::fork::play_and_compare(r, at, what_if),
                None => ExitCode::SUCCESS,
            }
        }
        Err(e) => fail(&e),
    }
}

/// Print an error; 1 for a damaged file, 2 for anything else.
pub(super) fn fail(e: &SessionError) -> ExitCode {
    eprintln!("{}", say("cli-error", &[("what", e)]));
    match e {
        SessionError::Journal { .. }
        | SessionError::Corrupt { .. }
        | SessionError::Refused { .. }
        | SessionError::Missing { .. }
        | SessionError::ScenarioEdited { .. } => ExitCode::from(1),
        SessionError::Header { .. } => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}
