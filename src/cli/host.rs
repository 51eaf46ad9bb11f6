//! `crossdrill host`: host a networked exercise without the app: write one seat file per
//! team (or resume a hosted session), run the one engine and the session record, serve
//! the seats, end.

use super::duration_arg;
use super::run::{read_plan, write_journal};
use super::say::{error, say};
use crate::engine::Engine;
use crate::net::NetError;
use crate::net::host::{Host, HostOptions};
use crate::net::ledger::SeatList;
use crate::net::seat::{load_or_make_key, write_seats};
use crate::net::serve::HostEvent;
use crate::scenario::duration;
use crate::session::{Session, default_root, discard_unused, new_dir};
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `crossdrill host`.
#[derive(Debug, Args)]
pub struct HostArgs {
    /// The scenario file (with --resume: the session's own copy is used).
    #[arg(required_unless_present = "resume")]
    pub scenario: Option<PathBuf>,
    /// Carry on the hosted session in this folder after the host stopped (its seat files
    /// keep working; the seats reconnect by themselves).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["session", "seats_out"])]
    pub resume: Option<PathBuf>,
    /// Exercise control's scripted play: its inject, override and note steps are applied
    /// at their times (team steps are the seats' own).
    #[arg(long, value_name = "FILE")]
    pub commands: Option<PathBuf>,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The address and UDP port to serve on, as the trainees reach it (it is written
    /// into the seat files): on a LAN, this machine's LAN address, e.g. 192.168.1.10:5000.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:5000")]
    pub listen: String,
    /// Where to write the seat files (default: `seats/` in the session folder).
    #[arg(long, value_name = "DIR")]
    pub seats_out: Option<PathBuf>,
    /// Exercise seconds per real second.
    #[arg(long, value_name = "X", default_value_t = 1.0)]
    pub speed: f64,
    /// End the exercise at this time ("3h"); default: the scenario's duration.
    #[arg(long, value_name = "DURATION")]
    pub until: Option<String>,
    /// Also write the journal here (`.ron` for RON, otherwise JSON Lines).
    #[arg(long, value_name = "PATH")]
    pub journal: Option<PathBuf>,
    /// The session folder to create (default: a new one in the sessions folder); it
    /// keeps the seats' key.
    #[arg(long, value_name = "DIR")]
    pub session: Option<PathBuf>,
    /// Keep the clock paused until this many seats have joined.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub wait_for: usize,
    /// Without the app: the exercise runs on its own clock and ends at --until.
    #[arg(long)]
    pub headless: bool,
    /// The app's language: en or ja.
    #[arg(long, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
}

pub fn run(args: &HostArgs) -> ExitCode {
    let Ok(listen) = args.listen.parse::<SocketAddr>() else {
        eprintln!("{}", error("cli-bad-listen", &[("text", &args.listen)]));
        return ExitCode::from(2);
    };
    if !args.headless {
        return in_app(args, listen);
    }
    if !(args.speed.is_finite() && args.speed > 0.0) {
        eprintln!("{}", error("cli-bad-speed", &[("text", &args.speed)]));
        return ExitCode::from(2);
    }
    let started = match (&args.resume, &args.scenario) {
        (Some(dir), _) => resume(dir),
        (None, Some(path)) => create(args, path, listen),
        (None, None) => return ExitCode::from(2),
    };
    let (session, engine, new) = match started {
        Ok(Ok(s)) => s,
        Ok(Err(code)) => return code,
        Err(e) => {
            eprintln!("{}", say("cli-error", &[("what", &e)]));
            return ExitCode::from(1);
        }
    };
    let code = host(args, listen, session, engine).unwrap_or_else(|e| {
        eprintln!("{}", say("cli-error", &[("what", &e)]));
        ExitCode::from(1)
    });
    if let Some((dir, fresh)) = new.filter(|_| code != ExitCode::SUCCESS) {
        // Stopped before its first record (a bad script, a port in use): nothing to keep.
        discard_unused(&dir, fresh);
    }
    code
}

/// The session and its engine, and for a new session its folder and whether this run
/// made that folder (taken back if hosting stops before the first record).
type Started = Result<(Session, Engine, Option<(PathBuf, bool)>), ExitCode>;

/// A new session of the scenario at `path`, its key and its seat files.
fn create(
    args: &HostArgs,
    path: &std::path::Path,
    listen: SocketAddr,
) -> Result<Started, NetError> {
    let text = match crate::files::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let file = path.display();
            eprintln!(
                "{}",
                say("cli-cannot-read", &[("file", &file), ("error", &e)])
            );
            return Ok(Err(ExitCode::from(1)));
        }
    };
    let name = path.display().to_string();
    let dir = match &args.session {
        Some(d) => d.clone(),
        None => {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            new_dir(&default_root(), stem.trim_end_matches(".scenario"))
        }
    };
    let fresh = !dir.exists();
    let session = Session::create(&dir, &name, &text, args.seed)?;
    let scenario = session.scenario().clone();
    let seated = (|| {
        let key = load_or_make_key(&dir)?;
        let seats = args.seats_out.clone().unwrap_or_else(|| dir.join("seats"));
        write_seats(&key, listen, &scenario, &seats, &dir).map(|w| (w.len(), seats))
    })();
    let (count, seats) = match seated {
        Ok(s) => s,
        Err(e) => {
            drop(session);
            discard_unused(&dir, fresh);
            return Err(e);
        }
    };
    let seats_dir = seats.display();
    eprintln!(
        "{}",
        say(
            "cli-seats-written",
            &[("count", &count), ("dir", &seats_dir)]
        )
    );
    let engine = Engine::new(scenario, args.seed);
    Ok(Ok((session, engine, Some((dir, fresh)))))
}

/// The hosted session in `dir`, read back where it stopped.
fn resume(dir: &std::path::Path) -> Result<Started, NetError> {
    let recovered = Session::open(dir)?;
    // An ended session takes no more records: say so before serving any seat.
    if recovered.session.ended() {
        let dir = dir.to_path_buf();
        return Err(crate::session::SessionError::Finished { dir }.into());
    }
    if let Some(dropped) = &recovered.dropped {
        eprintln!("{dropped}");
    }
    let at = duration::clock(recovered.engine.now());
    eprintln!("{}", say("cli-host-resumed", &[("at", &at)]));
    Ok(Ok((recovered.session, recovered.engine, None)))
}

fn host(
    args: &HostArgs,
    listen: SocketAddr,
    session: Session,
    engine: Engine,
) -> Result<ExitCode, NetError> {
    let scenario = session.scenario().clone();
    let dir = session.dir().to_path_buf();
    // A resumed host listens where its seat files send the trainees.
    let listen = match SeatList::load(&dir)?.and_then(|l| l.listen) {
        Some(a) if args.resume.is_some() => a.parse().unwrap_or(listen),
        _ => listen,
    };
    let until = match duration_arg(args.until.as_deref(), "cli-bad-until") {
        Ok(until) => until.unwrap_or(scenario.duration),
        Err(code) => return Ok(code),
    };
    let control = match &args.commands {
        None => Vec::new(),
        Some(path) => match read_plan(path, &scenario) {
            Ok(p) => p,
            Err(code) => return Ok(code),
        },
    };
    let key = load_or_make_key(&dir)?;
    let host = Host::start(session, engine, key, listen)?;
    let (clock, session_dir) = (duration::clock(until), dir.display());
    let args_said: [(&str, &dyn std::fmt::Display); 5] = [
        ("scenario", &scenario.id),
        ("addr", &listen),
        ("dir", &session_dir),
        ("speed", &args.speed),
        ("until", &clock),
    ];
    eprintln!("{}", say("cli-hosting", &args_said));
    let options = HostOptions {
        speed: args.speed,
        until,
        wait_for: args.wait_for,
        control,
    };
    let engine = host.run(&options, &mut tell)?;
    let journal = engine.journal();
    if let Some(path) = &args.journal
        && !write_journal(path, journal)
    {
        return Ok(ExitCode::from(1));
    }
    let (at, entries, hash) = (
        duration::clock(engine.now()),
        journal.entries.len(),
        journal.hash(),
    );
    let ended: [(&str, &dyn std::fmt::Display); 3] =
        [("at", &at), ("entries", &entries), ("hash", &hash)];
    println!("{}", say("cli-host-ended", &ended));
    Ok(ExitCode::SUCCESS)
}

/// Tell the facilitator what happened to the seats.
fn tell(event: HostEvent) {
    let line = match &event {
        HostEvent::Joined { team, addr } => {
            say("cli-seat-joined", &[("team", team), ("addr", addr)])
        }
        HostEvent::Left { team } => say("cli-seat-left", &[("team", team)]),
        HostEvent::Refused { addr } => say("cli-seat-refused", &[("addr", addr)]),
        HostEvent::BadFrame { team, why } => say("cli-bad-frame", &[("team", team), ("why", why)]),
        HostEvent::Flood { team, dropped } => {
            say("cli-seat-flood", &[("team", team), ("count", dropped)])
        }
    };
    eprintln!("{line}");
}

/// Host from the app: the scenario's exercise on this screen as the facilitator, served
/// on `listen`.
#[cfg(feature = "gui")]
fn in_app(args: &HostArgs, listen: SocketAddr) -> ExitCode {
    let lang = args
        .lang
        .as_deref()
        .and_then(crate::scenario::Lang::from_tag);
    if let Some(dir) = &args.resume {
        // The app resumes the session and hosts it again where its seat files point.
        let options = crate::gui::GuiOptions {
            resume: Some(dir.clone()),
            lang,
            ..Default::default()
        };
        return crate::gui::run(options);
    }
    let options = crate::gui::GuiOptions {
        scenario: args.scenario.clone(),
        seat: Some("facilitator".into()),
        lang: args
            .lang
            .as_deref()
            .and_then(crate::scenario::Lang::from_tag),
        host: Some(listen),
        ..Default::default()
    };
    crate::gui::run(options)
}

#[cfg(not(feature = "gui"))]
fn in_app(_: &HostArgs, _: SocketAddr) -> ExitCode {
    eprintln!("{}", error("cli-no-gui", &[]));
    ExitCode::from(2)
}
