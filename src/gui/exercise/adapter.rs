//! The engine adapter: the only code that calls the engine. It creates the engine when the
//! exercise starts, turns UI commands into engine commands (checking the seat may give them),
//! advances the engine to the clock, and rebuilds the seat's picture.

use super::build::build;
use super::clock::{ClockSet, ExerciseClock};
use super::command::{Outgoing, UiCommand};
use super::logbook::LogBook;
use super::picture::Picture;
use crate::engine::{ActionTarget, Command, Draft, Engine};
use crate::gui::GuiOptions;
use crate::gui::screens::Screen;
use crate::gui::session::{ActiveSeat, Seat, Session};
use crate::scenario::{Scenario, Secs, TeamId};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The running exercise.
#[derive(Resource)]
pub(crate) struct EngineHost {
    engine: Engine,
    book: LogBook,
    /// Thousand person-hours of service lost so far (criticality-weighted).
    impact: f64,
    impact_at: Secs,
    revision: u64,
    built: Option<(Seat, Secs, usize)>,
}

impl EngineHost {
    pub(crate) fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        Self {
            engine: Engine::new(scenario, seed),
            book: LogBook::default(),
            impact: 0.0,
            impact_at: 0,
            revision: 0,
            built: None,
        }
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }
}

/// Write the journal of the exercise to a file (from the end screen).
#[derive(Message, Debug, Clone)]
pub(crate) struct ExportJournal(pub PathBuf);

/// The outcome of the last export, for the end screen.
#[derive(Resource, Debug, Clone, Default)]
pub(crate) struct ExportStatus(pub Option<Result<PathBuf, String>>);

/// Runs after the clock, before the map and panels read the picture.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct AdapterSet;

/// `--run-for` is applied once, at the first start.
#[derive(Resource)]
struct RunForApplied;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExportJournal>();
    app.init_resource::<ExportStatus>();
    app.configure_sets(Update, AdapterSet.after(ClockSet));
    app.add_systems(OnEnter(Screen::Exercise), start);
    app.add_systems(
        Update,
        (restart_if_needed, apply_commands, advance)
            .chain()
            .in_set(AdapterSet)
            .run_if(in_state(Screen::Exercise).and_then(resource_exists::<EngineHost>)),
    );
    app.add_systems(Update, export.run_if(resource_exists::<EngineHost>));
    app.add_systems(OnEnter(Screen::Select), stop);
}

fn start(
    mut commands: Commands,
    session: Option<Res<Session>>,
    options: Option<Res<GuiOptions>>,
    applied: Option<Res<RunForApplied>>,
    seat: Res<ActiveSeat>,
    running: Option<Res<EngineHost>>,
) {
    let Some(session) = session else {
        return;
    };
    // Back from the end screen: carry on with the same run.
    if running.is_some_and(|h| Arc::ptr_eq(h.engine.scenario(), &session.scenario)) {
        return;
    }
    let s = session.scenario.clone();
    let mut clock = ExerciseClock::new(s.duration);
    if applied.is_none()
        && let Some(d) = options.and_then(|o| o.run_for)
    {
        clock.t = d.min(s.duration) as f64;
        commands.insert_resource(RunForApplied);
    }
    commands.insert_resource(Picture::empty(seat.0, s.services.len()));
    commands.insert_resource(EngineHost::new(s, session.seed));
    commands.insert_resource(clock);
}

fn stop(mut commands: Commands) {
    commands.remove_resource::<EngineHost>();
    commands.remove_resource::<Picture>();
    commands.remove_resource::<ExerciseClock>();
    commands.insert_resource(ExportStatus::default());
}

/// A new scenario version accepted during the exercise, or "restart": start again from zero.
fn restart_if_needed(
    mut host: ResMut<EngineHost>,
    session: Res<Session>,
    mut clock: ResMut<ExerciseClock>,
    mut ui: MessageReader<UiCommand>,
    mut seat: ResMut<ActiveSeat>,
) {
    let asked = ui.read().any(|c| *c == UiCommand::Restart);
    let changed = !Arc::ptr_eq(host.engine.scenario(), &session.scenario);
    if !asked && !changed {
        return;
    }
    let old = host.engine.scenario().clone();
    *host = EngineHost::new(session.scenario.clone(), session.seed);
    let speed = clock.speed;
    *clock = ExerciseClock::new(session.scenario.duration);
    clock.speed = speed;
    // Keep a team seat on the same team (by id) in the new version.
    if let Seat::Team(t) = seat.0 {
        let id = old.teams.get(t.idx()).map(|x| x.id.clone()).unwrap_or_default();
        seat.0 = session.scenario.team_by_id(&id).map_or(Seat::Facilitator, Seat::Team);
    }
}

/// May `seat` give a command as `team` (`None`: an exercise-control command)?
fn allowed(seat: Seat, team: Option<TeamId>) -> bool {
    match (seat, team) {
        (Seat::Facilitator, _) => true,
        (Seat::Team(s), Some(t)) => s == t,
        _ => false,
    }
}

fn to_engine(s: &Scenario, c: &UiCommand) -> Option<Command> {
    Some(match c {
        UiCommand::TakeAction { team, action, service } => {
            let target = match service {
                Some(svc) => ActionTarget::Service(*svc),
                None => ActionTarget::Organisation(*s.teams.get(team.idx())?.controls.first()?),
            };
            Command::Act { team: *team, action: *action, target }
        }
        UiCommand::Send(Outgoing { from, to, kind, severity, incidents, services, text }) => Command::Send {
            team: *from,
            to: vec![*to],
            draft: Draft {
                kind: *kind,
                incidents: incidents.clone(),
                services: services.clone(),
                severity: Some(*severity),
                status: None,
                text: text.clone(),
            },
        },
        UiCommand::FireInject(i) => Command::FireInject(*i),
        UiCommand::SkipInject(i) => Command::SkipInject(*i),
        UiCommand::Override { service, capacity } => Command::Override {
            service: *service,
            capacity: *capacity,
        },
        UiCommand::Note(text) => Command::Note(text.clone()),
        UiCommand::Restart => return None,
    })
}

fn apply_commands(mut host: ResMut<EngineHost>, mut ui: MessageReader<UiCommand>, seat: Res<ActiveSeat>) {
    let host = &mut *host;
    let s = host.engine.scenario().clone();
    for c in ui.read() {
        let team = match c {
            UiCommand::TakeAction { team, .. } => Some(*team),
            UiCommand::Send(o) => Some(o.from),
            _ => None,
        };
        let ok = match c {
            UiCommand::Note(_) => seat.0.sees_all(),
            _ => allowed(seat.0, team),
        };
        let now = host.engine.now();
        if !ok {
            host.book.rejected(now, "not allowed from this seat".into(), team);
            continue;
        }
        let Some(cmd) = to_engine(&s, c) else {
            continue;
        };
        if let Err(e) = host.engine.apply(cmd) {
            host.book.rejected(now, e.to_string(), team);
        }
        host.built = None;
    }
}

fn advance(mut host: ResMut<EngineHost>, clock: Res<ExerciseClock>, seat: Res<ActiveSeat>, mut picture: ResMut<Picture>) {
    let host = &mut *host;
    let target = clock.secs();
    if target > host.engine.now() {
        integrate_impact(host, target);
        host.engine.advance_to(target);
    }
    let key = (seat.0, host.engine.now(), host.engine.journal().entries.len());
    if host.built == Some(key) {
        return;
    }
    host.book.catch_up(&host.engine);
    host.revision += 1;
    *picture = build(&host.engine, seat.0, &mut host.book, host.impact, host.revision);
    host.built = Some(key);
}

/// Add the service lost between the last step and `to`, at the capacities standing now.
fn integrate_impact(host: &mut EngineHost, to: Secs) {
    let from = host.impact_at.max(host.engine.now());
    let dt = to.saturating_sub(from) as f64;
    if dt > 0.0 {
        let s = host.engine.scenario().clone();
        let lost: f64 = host
            .engine
            .world()
            .services()
            .map(|(id, t)| {
                let svc = &s.services[id.idx()];
                (1.0 - t.capacity).max(0.0) * svc.criticality * svc.people as f64
            })
            .sum();
        host.impact += lost * dt / 3600.0 / 1000.0;
    }
    host.impact_at = to;
}

fn export(host: Res<EngineHost>, mut requests: MessageReader<ExportJournal>, mut status: ResMut<ExportStatus>) {
    for ExportJournal(path) in requests.read() {
        let text = host.engine.journal().to_jsonl();
        status.0 = Some(match std::fs::write(path, text) {
            Ok(()) => Ok(path.clone()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        });
    }
}
