//! `crossdrill session`: play a scripted session over real time (so it can be
//! killed), resume one after a crash, list them.

use super::duration_arg;
use super::replay::fail;
use super::say::say;
use crate::engine::Engine;
use crate::scenario::{Secs, duration};
use crate::session::script::{self, Planned};
use crate::session::{Session, SessionError, default_root, discard_unused, list};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Play a scripted session, recording each command as it is applied.
    Play(PlayArgs),
    /// Recover a session after a stop or a crash and say where it stands
    /// (with --commands, play the rest of the script).
    Resume(ResumeArgs),
    /// List the sessions in a folder, newest first.
    List {
        /// The folder (default: the app's sessions folder).
        root: Option<PathBuf>,
    },
}

/// How a script is played.
#[derive(Debug, Args)]
pub struct Pace {
    /// A scripted play: a RON list of timed commands (as for `crossdrill run`).
    #[arg(long, value_name = "FILE")]
    pub commands: Option<PathBuf>,
    /// Wait this many milliseconds of real time before each command.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub pace: u64,
    /// End the session at this exercise time ("3h"); default: the scenario's duration.
    #[arg(long, value_name = "DURATION")]
    pub until: Option<String>,
}

/// Options of `crossdrill session play`.
#[derive(Debug, Args)]
pub struct PlayArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// The session folder to create.
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[command(flatten)]
    pub pace: Pace,
}

/// Options of `crossdrill session resume`.
#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// The session folder.
    pub dir: PathBuf,
    /// With --commands: the script the session was playing; the steps it recorded are skipped.
    #[command(flatten)]
    pub pace: Pace,
}

pub fn run(command: &SessionCommand) -> ExitCode {
    let result = match command {
        SessionCommand::Play(a) => play(a),
        SessionCommand::Resume(a) => resume(a),
        SessionCommand::List { root } => {
            print_list(&root.clone().unwrap_or_else(default_root));
            Ok(ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|e| fail(&e))
}

fn play(a: &PlayArgs) -> Result<ExitCode, SessionError> {
    let text = crate::files::read_to_string(&a.scenario).map_err(SessionError::io(&a.scenario))?;
    let fresh = !a.dir.exists();
    let mut session = Session::create(&a.dir, &a.scenario.display().to_string(), &text, a.seed)?;
    let mut engine = Engine::new(session.scenario().clone(), a.seed);
    let played = play_script(&mut session, &mut engine, &a.pace);
    if !matches!(played, Ok(c) if c == ExitCode::SUCCESS) {
        // Stopped before its first record (a bad script or --until): nothing to keep.
        drop(session);
        discard_unused(&a.dir, fresh);
        return played;
    }
    print_summary(&session, &engine);
    played
}

fn resume(a: &ResumeArgs) -> Result<ExitCode, SessionError> {
    let mut r = Session::open(&a.dir)?;
    if let Some(d) = &r.dropped {
        println!("{}", say("cli-recovered", &[("what", &d)]));
    }
    let mut code = ExitCode::SUCCESS;
    if a.pace.commands.is_some() {
        if r.session.ended() {
            println!("{}", say("cli-session-ended", &[]));
        } else {
            code = play_script(&mut r.session, &mut r.engine, &a.pace)?;
        }
    }
    print_summary(&r.session, &r.engine);
    Ok(code)
}

/// Play the script's steps the session has not recorded yet, then end the session.
fn play_script(
    session: &mut Session,
    engine: &mut Engine,
    pace: &Pace,
) -> Result<ExitCode, SessionError> {
    let scenario = session.scenario().clone();
    let until = match duration_arg(pace.until.as_deref(), "cli-bad-until") {
        Ok(until) => until.unwrap_or(scenario.duration),
        Err(code) => return Ok(code),
    };
    let Some(path) = &pace.commands else {
        return finish(session, engine, until);
    };
    let name = path.display().to_string();
    let text = crate::files::read_to_string(path).map_err(SessionError::io(path))?;
    let steps: Vec<Planned> = match script::parse(&name, &text, &scenario) {
        Ok(s) => s,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    let done = usize::try_from(session.commands()).unwrap_or(usize::MAX);
    for step in steps.iter().skip(done).take_while(|s| s.at <= until) {
        if pace.pace > 0 {
            std::thread::sleep(Duration::from_millis(pace.pace));
        }
        engine.advance_to(step.at.max(session.now()));
        let command = step.command_for(engine);
        if let Err(e) = session.apply(engine, command)? {
            let at = duration::clock(engine.now());
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("place", &step.place), ("at", &at), ("error", &e)];
            eprintln!("{}", say("cli-refused-at", &args));
        }
    }
    finish(session, engine, until)
}

fn finish(
    session: &mut Session,
    engine: &mut Engine,
    until: Secs,
) -> Result<ExitCode, SessionError> {
    engine.advance_to(until.max(session.now()));
    session.finish(engine)?;
    Ok(ExitCode::SUCCESS)
}

fn print_summary(session: &Session, engine: &Engine) {
    let h = session.header();
    let j = engine.journal();
    let state = say(
        if session.ended() {
            "cli-session-state-ended"
        } else {
            "cli-session-state-open"
        },
        &[],
    );
    let (dir, commands, at) = (
        session.dir().display(),
        session.commands(),
        duration::clock(engine.now()),
    );
    let (entries, hash) = (j.entries.len(), j.hash());
    let args: [(&str, &dyn std::fmt::Display); 8] = [
        ("dir", &dir),
        ("scenario", &h.scenario),
        ("seed", &h.seed),
        ("commands", &commands),
        ("at", &at),
        ("state", &state),
        ("entries", &entries),
        ("hash", &hash),
    ];
    println!("{}", say("cli-session", &args));
}

fn print_list(root: &Path) {
    let listed = match list(root) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", say("cli-error", &[("what", &e)]));
            return;
        }
    };
    if listed.is_empty() {
        println!("{}", say("cli-no-sessions", &[("dir", &root.display())]));
    }
    for l in listed {
        match l.summary {
            Ok(s) => {
                let state = say(
                    if s.ended {
                        "cli-row-ended"
                    } else {
                        "cli-row-open"
                    },
                    &[],
                );
                let damaged = match s.dropped {
                    Some(_) => say("cli-row-damaged", &[]),
                    None => String::new(),
                };
                let (dir, created, at) = (
                    l.dir.display(),
                    s.header.created_text(),
                    duration::clock(s.until),
                );
                let args: [(&str, &dyn std::fmt::Display); 8] = [
                    ("dir", &dir),
                    ("created", &created),
                    ("scenario", &s.header.scenario),
                    ("seed", &s.header.seed),
                    ("commands", &s.commands),
                    ("at", &at),
                    ("state", &state),
                    ("damaged", &damaged),
                ];
                println!("{}", say("cli-session-row", &args));
            }
            Err(e) => {
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("dir", &l.dir.display()), ("error", &e)];
                println!("{}", say("cli-row-unreadable", &args));
            }
        }
    }
}
