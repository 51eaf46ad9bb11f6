//! The engine adapter: the only code that calls the engine. It creates the engine when the
//! exercise starts (or takes over a resumed one), turns UI commands into engine commands
//! (checking the seat may give them), records each in the exercise's session on disk,
//! advances the engine to the clock, and rebuilds the seat's picture.

use super::build::build;
use super::clock::{ClockSet, ExerciseClock};
use super::command::{Outgoing, UiCommand};
use super::logbook::LogBook;
use super::picture::{LiveScore, Picture};
use super::record::{Recorder, SessionRoot};
use crate::engine::{ActionTarget, Command, Draft, Engine};
use crate::gui::GuiOptions;
use crate::gui::resume::Resumed;
use crate::gui::screens::Screen;
use crate::gui::session::{ActiveSeat, Seat, Session};
use crate::scenario::{Scenario, Secs, TeamId};
use crate::{report, scoring};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The running exercise.
#[derive(Resource)]
pub(crate) struct EngineHost {
    engine: Engine,
    book: LogBook,
    /// The no-response baseline (same seed, exercise control's commands only), kept in
    /// step for the live score.
    baseline: Engine,
    score: Option<LiveScore>,
    /// Real time of the last scoring.
    scored_at: Option<f32>,
    revision: u64,
    built: Option<(Seat, Secs, usize)>,
}

impl EngineHost {
    pub(crate) fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        Self {
            engine: Engine::new(scenario.clone(), seed),
            baseline: Engine::new(scenario, seed),
            score: None,
            scored_at: None,
            book: LogBook::default(),
            revision: 0,
            built: None,
        }
    }

    /// Take over an engine read back from a session; the baseline is rebuilt from its
    /// exercise control commands.
    pub(crate) fn resumed(engine: Engine) -> Self {
        let scenario = engine.scenario().clone();
        let mut baseline = Engine::new(scenario, engine.seed());
        for (at, c) in engine.journal().commands() {
            if scoring::in_baseline(&c) {
                baseline.advance_to(at);
                let _ = baseline.apply(c);
            }
        }
        Self {
            engine,
            baseline,
            score: None,
            scored_at: None,
            book: LogBook::default(),
            revision: 0,
            built: None,
        }
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }
}

/// Write the running exercise to a new session (after a disk error).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct RecordAgain;

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
    app.add_message::<RecordAgain>();
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
    app.add_systems(Update, record_again.run_if(resource_exists::<EngineHost>));
    app.add_systems(OnExit(Screen::Exercise), finish);
    app.add_systems(OnEnter(Screen::Select), stop);
}

#[allow(clippy::too_many_arguments)]
fn start(
    mut commands: Commands,
    session: Option<Res<Session>>,
    options: Option<Res<GuiOptions>>,
    applied: Option<Res<RunForApplied>>,
    seat: Res<ActiveSeat>,
    running: Option<Res<EngineHost>>,
    root: Option<Res<SessionRoot>>,
    resumed: Option<ResMut<Resumed>>,
    recorder: Option<ResMut<Recorder>>,
) {
    let Some(session) = session else {
        return;
    };
    if let Some(recovered) = resumed.and_then(|mut r| r.0.take()) {
        commands.remove_resource::<Resumed>();
        let engine = recovered.engine;
        let s = engine.scenario().clone();
        let mut clock = ExerciseClock::new(s.duration);
        clock.t = engine.now() as f64;
        let dir = recovered.session.dir().to_path_buf();
        let root = root.map_or_else(
            || dir.parent().unwrap_or(&dir).to_path_buf(),
            |r| r.0.clone(),
        );
        let mut r = Recorder::resumed(&root, recovered.session);
        r.notice = recovered.dropped.map(|d| d.to_string());
        commands.insert_resource(r);
        commands.insert_resource(Picture::empty(seat.0, s.services.len()));
        commands.insert_resource(EngineHost::resumed(engine));
        commands.insert_resource(clock);
        return;
    }
    // Back from the end screen: carry on with the same run, in a session of its own.
    if let Some(host) = running
        && Arc::ptr_eq(host.engine.scenario(), &session.scenario)
    {
        if let Some(mut r) = recorder
            && !r.recording()
        {
            r.start_again(&host.engine);
        }
        return;
    }
    let s = session.scenario.clone();
    if let Some(root) = root {
        commands.insert_resource(Recorder::start(&root.0, &session.origin, &s, session.seed));
    }
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
    commands.remove_resource::<Recorder>();
    commands.remove_resource::<Picture>();
    commands.remove_resource::<ExerciseClock>();
    commands.insert_resource(ExportStatus::default());
}

/// The exercise is left (its end, or the debrief): its session is finished.
fn finish(host: Option<Res<EngineHost>>, recorder: Option<ResMut<Recorder>>) {
    if let (Some(host), Some(mut r)) = (host, recorder) {
        r.finish(&host.engine);
    }
}

/// After a disk error: write the whole run so far to a new session and carry on there.
fn record_again(
    mut asked: MessageReader<RecordAgain>,
    host: Res<EngineHost>,
    recorder: Option<ResMut<Recorder>>,
) {
    if asked.read().count() == 0 {
        return;
    }
    if let Some(mut r) = recorder
        && !r.recording()
    {
        r.start_again(&host.engine);
    }
}

/// A new scenario version accepted during the exercise, or "restart": start again from zero
/// (the old run's session is finished, the new run gets its own).
#[allow(clippy::too_many_arguments)]
fn restart_if_needed(
    mut commands: Commands,
    mut host: ResMut<EngineHost>,
    session: Res<Session>,
    mut clock: ResMut<ExerciseClock>,
    mut ui: MessageReader<UiCommand>,
    mut seat: ResMut<ActiveSeat>,
    root: Option<Res<SessionRoot>>,
    recorder: Option<ResMut<Recorder>>,
) {
    let asked = ui.read().any(|c| *c == UiCommand::Restart);
    let changed = !Arc::ptr_eq(host.engine.scenario(), &session.scenario);
    if !asked && !changed {
        return;
    }
    let fresh =
        root.map(|root| Recorder::start(&root.0, &session.origin, &session.scenario, session.seed));
    match (recorder, fresh) {
        (Some(mut r), fresh) => {
            r.finish(&host.engine);
            if let Some(f) = fresh {
                // In place, so commands given in this frame go to the new session.
                *r = f;
            }
        }
        (None, Some(f)) => commands.insert_resource(f),
        (None, None) => {}
    }
    let old = host.engine.scenario().clone();
    *host = EngineHost::new(session.scenario.clone(), session.seed);
    let speed = clock.speed;
    *clock = ExerciseClock::new(session.scenario.duration);
    clock.speed = speed;
    // Keep a team seat on the same team (by id) in the new version.
    if let Seat::Team(t) = seat.0 {
        let id = old
            .teams
            .get(t.idx())
            .map(|x| x.id.clone())
            .unwrap_or_default();
        seat.0 = session
            .scenario
            .team_by_id(&id)
            .map_or(Seat::Facilitator, Seat::Team);
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
        UiCommand::TakeAction {
            team,
            action,
            service,
        } => {
            let target = match service {
                Some(svc) => ActionTarget::Service(*svc),
                None => ActionTarget::Organisation(*s.teams.get(team.idx())?.controls.first()?),
            };
            Command::Act {
                team: *team,
                action: *action,
                target,
            }
        }
        UiCommand::Send(Outgoing {
            from,
            to,
            kind,
            severity,
            incidents,
            services,
            text,
        }) => Command::Send {
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

fn apply_commands(
    mut host: ResMut<EngineHost>,
    mut ui: MessageReader<UiCommand>,
    seat: Res<ActiveSeat>,
    mut recorder: Option<ResMut<Recorder>>,
) {
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
        // A refusal is told to the seat that gave the command.
        let asker = match seat.0 {
            Seat::Team(t) => Some(t),
            _ => None,
        };
        host.built = None;
        if !ok {
            host.book.rejected(now, None, asker);
            continue;
        }
        let Some(cmd) = to_engine(&s, c) else {
            continue;
        };
        let for_baseline = scoring::in_baseline(&cmd).then(|| cmd.clone());
        let result = match recorder.as_deref_mut() {
            Some(r) => r.apply(&mut host.engine, cmd),
            None => host.engine.apply(cmd),
        };
        match result {
            Ok(_) => {
                if let Some(c) = for_baseline {
                    host.baseline.advance_to(now);
                    // Refused there: the baseline differs; scoring leaves it out too.
                    let _ = host.baseline.apply(c);
                }
            }
            Err(e) => host.book.rejected(now, Some(e.to_string()), asker),
        }
    }
}

fn advance(
    mut host: ResMut<EngineHost>,
    clock: Res<ExerciseClock>,
    seat: Res<ActiveSeat>,
    time: Res<Time<Real>>,
    mut picture: ResMut<Picture>,
    recorder: Option<ResMut<Recorder>>,
) {
    let host = &mut *host;
    let target = clock.secs();
    if target > host.engine.now() {
        host.engine.advance_to(target);
    }
    if let Some(mut r) = recorder {
        r.mark(host.engine.now(), clock.paused);
    }
    let rescore = host
        .scored_at
        .is_none_or(|t| time.elapsed_secs() - t >= SCORE_EVERY_SECS);
    if rescore
        && host
            .score
            .as_ref()
            .is_none_or(|s| s.at != host.engine.now())
    {
        host.baseline.advance_to(host.engine.now());
        host.score = Some(live_score(&host.engine, &host.baseline));
        host.scored_at = Some(time.elapsed_secs());
        host.built = None;
    }
    let key = (
        seat.0,
        host.engine.now(),
        host.engine.journal().entries.len(),
    );
    if host.built == Some(key) {
        return;
    }
    host.book.catch_up(&host.engine);
    host.revision += 1;
    *picture = build(&host.engine, seat.0, &mut host.book, host.revision);
    if seat.0.sees_all() {
        picture.score = host.score.clone();
    }
    host.built = Some(key);
}

/// How often the live score is recomputed (real seconds).
const SCORE_EVERY_SECS: f32 = 1.0;

fn live_score(engine: &Engine, baseline: &Engine) -> LiveScore {
    let s = engine.scenario();
    let now = engine.now();
    let card = scoring::score_with_baseline(s, engine.journal(), baseline.journal(), now);
    LiveScore {
        score: card.score,
        grade: s
            .scoring
            .grades
            .get(card.grade)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        avoided: card.impact.total.avoided,
        teams: card.teams.iter().map(|t| (t.team, t.score)).collect(),
        incidents: card
            .incidents
            .iter()
            .map(|i| (i.threat, i.severity, i.score))
            .collect(),
        at: now,
    }
}

/// Write the report (`.html`, `.md`, `.csv`, `.json`) or the journal (`.jsonl`).
fn export(
    host: Res<EngineHost>,
    mut requests: MessageReader<ExportJournal>,
    mut status: ResMut<ExportStatus>,
) {
    for ExportJournal(path) in requests.read() {
        let journal = host.engine.journal();
        let name = path.to_string_lossy();
        let written = if name.ends_with(".jsonl") {
            std::fs::write(path, journal.to_jsonl()).map_err(|e| format!("{}: {e}", path.display()))
        } else {
            match report::Format::from_path(path) {
                Some(format) => report::write_report(host.engine.scenario(), journal, format, path)
                    .map_err(|e| e.to_string()),
                None => Err(format!(
                    "{}: use .html, .md, .csv, .json or .jsonl",
                    path.display()
                )),
            }
        };
        status.0 = Some(written.map(|()| path.clone()));
    }
}
