//! `crossdrill join`: take a seat in a networked exercise with a seat file (headless for
//! now), play a scripted play for the seat's team, and exit when the exercise ends.

use super::run::read_plan;
use super::say::say;
use crate::net::client::{ClientEvent, Patience, join};
use crate::net::seat::read_seat;
use crate::scenario::{DEFAULT_SCENARIO, duration, load_path, load_source};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Options of `crossdrill join`.
#[derive(Debug, Args)]
pub struct JoinArgs {
    /// The seat file the facilitator gave you (`TEAM.seat`).
    pub seat: PathBuf,
    /// A scripted play (as for `crossdrill run`): only the seat's team's steps are sent,
    /// each once the host's clock reaches its time.
    #[arg(long, value_name = "FILE")]
    pub commands: Option<PathBuf>,
    /// The scenario the script names things in (default: the built-in one).
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<PathBuf>,
    /// Give up when the host has not let this seat in within this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub timeout: u64,
    /// Once in, give up when the link has been down this many seconds (the host is
    /// restarted, the network or a laptop wakes up within it, and play goes on).
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub rejoin: u64,
    /// Keep every message the host sent to this seat in FILE, one JSON message a line
    /// (to check what a seat was told).
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Without the app: play the --commands script and exit when the exercise ends.
    #[arg(long)]
    pub headless: bool,
    /// The language of the app and of what is printed: en or ja.
    #[arg(long, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
}

pub fn run(args: &JoinArgs) -> ExitCode {
    if let Some(lang) = args
        .lang
        .as_deref()
        .and_then(crate::scenario::Lang::from_tag)
    {
        crate::words::choose_default_lang(lang);
    }
    if !args.headless {
        return in_app(args);
    }
    let seat = match read_seat(&args.seat) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", say("cli-error", &[("what", &e)]));
            return ExitCode::from(2);
        }
    };
    let loaded = match &args.scenario {
        Some(path) => load_path(path),
        None => load_source(DEFAULT_SCENARIO.0, DEFAULT_SCENARIO.1, None),
    };
    let scenario = match loaded {
        Ok(l) => l.scenario,
        Err(problems) => {
            eprint!("{problems}");
            return ExitCode::from(1);
        }
    };
    let plan = match &args.commands {
        None => Vec::new(),
        Some(path) => match read_plan(path, &scenario) {
            Ok(p) => p,
            Err(code) => return code,
        },
    };
    let patience = Patience {
        join: Duration::from_secs(args.timeout),
        rejoin: Duration::from_secs(args.rejoin),
    };
    let mut record = match &args.record {
        None => None,
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Some(std::io::BufWriter::new(f)),
            Err(e) => {
                let file = path.display();
                eprintln!(
                    "{}",
                    say("cli-cannot-write", &[("file", &file), ("error", &e)])
                );
                return ExitCode::from(1);
            }
        },
    };
    let mut events = |event: ClientEvent| match (&event, record.as_mut()) {
        (ClientEvent::Received(frame), Some(out)) => {
            use std::io::Write as _;
            let _ = out.write_all(frame).and_then(|()| out.write_all(b"\n"));
        }
        (ClientEvent::Received(_), None) => {}
        _ => tell(event),
    };
    let outcome = join(seat, Some(&scenario), &plan, patience, &mut events);
    if let Some(out) = record.as_mut() {
        use std::io::Write as _;
        let _ = out.flush();
    }
    match outcome {
        Ok(p) => {
            let at = duration::clock(p.until);
            let said: [(&str, &dyn std::fmt::Display); 4] = [
                ("at", &at),
                ("sent", &p.sent),
                ("applied", &p.applied),
                ("refused", &p.refused),
            ];
            println!("{}", say("cli-join-ended", &said));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", say("cli-error", &[("what", &e)]));
            ExitCode::from(1)
        }
    }
}

/// Tell the trainee what happened.
fn tell(event: ClientEvent) {
    let line = match &event {
        ClientEvent::Seated { team, scenario } => {
            say("cli-joined", &[("team", team), ("scenario", scenario)])
        }
        ClientEvent::Refused { id, why } => say("cli-command-refused", &[("id", id), ("why", why)]),
        ClientEvent::Relinking => say("cli-relinking", &[]),
        ClientEvent::Answered { .. } | ClientEvent::Seen { .. } => return,
        ClientEvent::Received(_) => return,
    };
    eprintln!("{line}");
}

/// Join from the app: the seat's exercise screen, fed by the host.
#[cfg(feature = "gui")]
fn in_app(args: &JoinArgs) -> ExitCode {
    let options = crate::gui::GuiOptions {
        lang: args
            .lang
            .as_deref()
            .and_then(crate::scenario::Lang::from_tag),
        join: Some(args.seat.clone()),
        ..Default::default()
    };
    crate::gui::run(options)
}

#[cfg(not(feature = "gui"))]
fn in_app(_: &JoinArgs) -> ExitCode {
    eprintln!("{}", super::say::error("cli-no-gui", &[]));
    ExitCode::from(2)
}
