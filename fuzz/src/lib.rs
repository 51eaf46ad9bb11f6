//! The bodies of the fuzz targets: each feeds its bytes to the public function that the
//! command line or the app reads that kind of file or message with, then goes on the way
//! the program does with what it got. Any panic is a finding; an error is the right answer.

use crossdrill::engine::{Engine, Journal};
use crossdrill::net::{client, delta::ViewCopy, proto, seat};
use crossdrill::scenario::{self, Scenario, TeamId};
use crossdrill::session::{self, Session};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The scenario journals, scripts and commands are read against: the built-in default.
fn default_scenario() -> &'static Arc<Scenario> {
    static DEFAULT: OnceLock<Arc<Scenario>> = OnceLock::new();
    DEFAULT.get_or_init(|| Arc::new(scenario::builtin_default()))
}

/// A scenario file's text, as `validate`, `run` and the app load one (includes of files
/// resolve from the working folder; the built-in `std:` seeds always resolve).
pub fn scenario_file(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = scenario::load_source("fuzz.scenario.ron", text, None);
    }
}

/// A seed file's text (`*.seed.ron`: validated as a seed, not as a whole scenario).
pub fn seed_file(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = scenario::load_source("fuzz.seed.ron", text, None);
    }
}

/// A scripted play, read against the default scenario and played as `crossdrill run
/// --commands` plays it: each step up to the end at its time, then the run to its end.
pub fn script(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scenario = default_scenario();
    let Ok(plan) = session::script::parse("fuzz.commands.ron", text, scenario) else {
        return;
    };
    let mut engine = Engine::new(scenario.clone(), 1);
    for step in plan.iter().filter(|p| p.at <= scenario.duration) {
        engine.advance_to(step.at);
        let _ = engine.apply(step.command_for(&engine));
    }
    engine.advance_to(scenario.duration);
}

/// A journal written by `crossdrill run --journal`, as JSON Lines.
pub fn journal_jsonl(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        believe(Journal::from_jsonl(text));
    }
}

/// The same journal written as RON.
pub fn journal_ron(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        believe(Journal::from_ron(text));
    }
}

/// What `report` does with a journal it read: one of the default scenario is checked
/// against it (`check_journal`), and scored once believed.
fn believe<E>(read: Result<Journal, E>) {
    let Ok(journal) = read else {
        return;
    };
    let scenario = default_scenario();
    if journal.header.scenario != scenario.id {
        return;
    }
    if session::check_journal(scenario, &journal).is_ok() {
        let _ = crossdrill::scoring::score(scenario, &journal);
    }
}

/// A session folder as a resume reads it: the input's first line is `session.json`, the
/// rest `commands.jsonl`, beside a copy of the small test scenario `mini`.
pub fn session_folder(data: &[u8]) {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("crossdrill-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        let mini = include_str!("../../tests/plays/mini.scenario.ron");
        std::fs::write(dir.join("scenario.ron"), mini).expect("the scenario copy");
        dir
    });
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let (header, commands) = data.split_at(split);
    let _ = std::fs::remove_file(dir.join("commands.dropped"));
    std::fs::write(dir.join("session.json"), header).expect("the header");
    std::fs::write(
        dir.join("commands.jsonl"),
        commands.get(1..).unwrap_or_default(),
    )
    .expect("the command log");
    let _ = Session::open(dir);
}

/// A seat file, as `crossdrill join` and the app read the one a trainee was given.
pub fn seat_file(data: &[u8]) {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    let path = FILE.get_or_init(|| {
        std::env::temp_dir().join(format!("crossdrill-fuzz-{}.seat", std::process::id()))
    });
    std::fs::write(path, data).expect("the seat file");
    let _ = seat::read_seat(path);
}

/// A frame a seat sends the host: decoded, and a command of the seat's own team applied
/// to the engine as the host applies it (the seat is the command's team, if it has one).
pub fn to_host(data: &[u8]) {
    let Ok(proto::ToHost::Command { command, .. }) = proto::decode::<proto::ToHost>(data) else {
        return;
    };
    let scenario = default_scenario();
    let Some(team) = command.team().filter(|t| t.idx() < scenario.teams.len()) else {
        return;
    };
    if proto::is_teams(&command, team) {
        let mut engine = Engine::new(scenario.clone(), 1);
        let _ = engine.apply(command);
    }
}

/// Frames the host sends a seat, one a line: each decoded, its view changes applied to
/// the seat's copy, its answers worded, and the scenario of a `Seat` loaded, as the
/// client and the app's join screen do.
pub fn to_client(data: &[u8]) {
    let mut copy = ViewCopy::default();
    for frame in data.split(|&b| b == b'\n') {
        match proto::decode::<proto::ToClient>(frame) {
            Ok(proto::ToClient::Seat { team, public, .. }) => {
                copy.restart();
                if let Ok(l) = scenario::load_source("seat.scenario.ron", &public, None) {
                    let _ = l.scenario.team_by_id(&team).map(TeamId::idx);
                }
            }
            Ok(proto::ToClient::View { view, .. }) => {
                if copy.take(&view).is_err() {
                    return;
                }
            }
            Ok(proto::ToClient::Applied { answer, .. }) => {
                let _ = client::answer_text(&answer);
            }
            Ok(_) => {}
            Err(_) => return,
        }
    }
}
