//! Opening the debrief: from the end of an exercise (the run just played), or from a session
//! folder or journal file named on the command line (`crossdrill gui --debrief PATH`,
//! `crossdrill replay PATH --gui`).

use super::compare::{ForkOf, compare};
use super::run::{Debrief, Source};
use crate::gui::GuiOptions;
use crate::gui::exercise::adapter::EngineHost;
use crate::gui::exercise::record::Recorder;
use crate::gui::screens::Screen;
use crate::gui::session::Session;
use bevy::prelude::*;
use std::sync::Arc;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostStartup, from_command_line);
    app.add_systems(OnEnter(Screen::Debrief), from_exercise);
}

/// Check `--debrief PATH` before a window opens (the reason when it cannot be opened).
pub(crate) fn check(options: &GuiOptions) -> Result<(), String> {
    match &options.debrief {
        Some(path) => Debrief::open(path, options.debrief_scenario.as_deref())
            .map(|_| ())
            .map_err(|e| e.to_string()),
        None => Ok(()),
    }
}

fn from_command_line(
    options: Option<Res<GuiOptions>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(path) = options.as_ref().and_then(|o| o.debrief.clone()) else {
        return;
    };
    let scenario = options.as_ref().and_then(|o| o.debrief_scenario.clone());
    match Debrief::open(&path, scenario.as_deref()) {
        Ok(d) => {
            show(&mut commands, d);
            next.set(Screen::Debrief);
        }
        Err(e) => error!("cannot open the debrief of {}: {e}", path.display()),
    }
}

/// Put `d` on the debrief screen, with the scenario in play set to its scenario.
pub(super) fn show(commands: &mut Commands, d: Debrief) {
    let mut session = Session::new(d.origin.clone(), d.scenario.clone());
    session.seed = d.seed;
    session.design = d.design.clone();
    commands.insert_resource(session);
    commands.insert_resource(d);
}

/// Entering the debrief with an exercise in play: debrief that run (once per moment reached).
fn from_exercise(
    mut commands: Commands,
    host: Option<Res<EngineHost>>,
    session: Option<Res<Session>>,
    recorder: Option<Res<Recorder>>,
    shown: Option<Res<Debrief>>,
    fork_of: Option<Res<ForkOf>>,
) {
    let (Some(host), Some(session)) = (host, session) else {
        return;
    };
    let engine = host.engine();
    let same = shown.is_some_and(|d| {
        d.source == Source::Exercise
            && Arc::ptr_eq(&d.scenario, engine.scenario())
            && d.end == engine.now()
            && d.journal.entries.len() == engine.journal().entries.len()
    });
    if same {
        return;
    }
    let mut d = Debrief::from_engine(engine, session.origin.clone(), Source::Exercise);
    d.design = session.design.clone();
    d.recorded = recorder
        .filter(|r| r.failed().is_none())
        .and_then(|r| r.dir().map(std::path::Path::to_path_buf));
    d.compare = fork_of.and_then(|f| compare(&f, &d));
    commands.insert_resource(d);
}
