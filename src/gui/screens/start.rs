//! The first screen from the command line: a scenario file opens its briefing, a seat or
//! `--run-for` goes straight into the exercise, `--resume DIR` resumes a session.

use super::Screen;
use crate::bots::Cast;
use crate::gui::GuiOptions;
use crate::gui::catalog::{Catalog, Origin};
use crate::gui::exercise::start::StartExercise;
use crate::gui::net::{JoinSeat, StartHosting};
use crate::gui::resume::ResumeSession;
use crate::gui::session::{Seat, Session};
use bevy::prelude::*;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(PostStartup, route);
}

fn route(
    options: Option<Res<GuiOptions>>,
    catalog: Option<Res<Catalog>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartExercise>,
    mut resume: MessageWriter<ResumeSession>,
    mut net: (MessageWriter<JoinSeat>, MessageWriter<StartHosting>),
) {
    let (Some(options), Some(catalog)) = (options, catalog) else {
        return;
    };
    if let Some(dir) = &options.resume {
        resume.write(ResumeSession(dir.clone()));
        return;
    }
    if let Some(seat) = &options.join {
        net.0.write(JoinSeat(seat.clone()));
        return;
    }
    let Some(path) = &options.scenario else {
        return;
    };
    let origin = Origin::File(path.clone());
    let Some(entry) = catalog.get(&origin) else {
        return;
    };
    let Some(scenario) = entry.good.clone() else {
        // Broken: the scenario list shows its errors.
        for line in &entry.problems {
            error!("{line}");
        }
        return;
    };
    let wanted = match options.seat.as_deref() {
        Some(text) => match Seat::parse(text, &scenario) {
            Some(s) => Ok(Some(s)),
            None => {
                let ids: Vec<&str> = scenario.teams.iter().map(|t| t.id.as_str()).collect();
                error!(
                    "unknown seat `{text}`: use facilitator, observer or one of: {}",
                    ids.join(", ")
                );
                Err(())
            }
        },
        None => Ok(None),
    };
    let mut session = Session {
        design: entry.design.clone(),
        ..Session::new(origin, scenario.clone())
    };
    let wanted = match options.bots.as_deref().map(|t| Cast::parse(t, &scenario)) {
        None => wanted,
        Some(Ok(cast)) => {
            session.bots = cast;
            wanted
        }
        // Bots mistyped: choose them at the briefing.
        Some(Err(e)) => {
            error!("--bots: {e}");
            Err(())
        }
    };
    if let (Ok(_), Some(addr)) = (&wanted, options.host) {
        starts.write(StartExercise::fresh(&session, Seat::Facilitator));
        net.1.write(StartHosting(addr));
        commands.insert_resource(session);
        return;
    }
    match wanted {
        // A mistyped seat must not open the facilitator's view: choose at the briefing.
        Err(()) => next.set(Screen::Briefing),

        Ok(w) if options.straight_to_exercise() => {
            starts.write(StartExercise::fresh(
                &session,
                w.unwrap_or(Seat::Facilitator),
            ));
        }
        Ok(_) => next.set(Screen::Briefing),
    }
    commands.insert_resource(session);
}
