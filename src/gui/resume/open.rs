//! Resuming an unfinished session: the list offered on scenario select, reading a session back
//! into an engine (`--resume DIR` too), and the seat gate that keeps the ground truth hidden
//! until someone confirms the facilitator seat.

use crate::gui::GuiOptions;
use crate::gui::catalog::{Catalog, Origin};
use crate::gui::exercise::adapter::LeaveUnfinished;
use crate::gui::exercise::record::SessionRoot;
use crate::gui::exercise::start::StartExercise;
use crate::gui::screens::Screen;
use crate::gui::session::{ConfirmSeat, PendingSeat, Seat, Session};
use crate::session::{self, Summary};
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// Resume the session in this folder.
#[derive(Message, Debug, Clone)]
pub(crate) struct ResumeSession(pub PathBuf);

/// Hide an unfinished session from the offer for this run (nothing on disk changes).
#[derive(Message, Debug, Clone)]
pub(crate) struct DismissSession(pub PathBuf);

/// Unfinished sessions under the session root, newest first, and what went wrong last.
#[derive(Resource, Debug, Default)]
pub(crate) struct Resumable {
    pub offers: Vec<(PathBuf, Summary)>,
    dismissed: Vec<PathBuf>,
    /// The last resume that failed: folder and why.
    pub error: Option<(PathBuf, String)>,
}

/// While set, the exercise screen stays hidden behind the seat confirmation; cancelling it
/// goes back to the scenario list.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SeatGate(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ResumeSession>();
    app.add_message::<DismissSession>();
    app.add_message::<StartExercise>();
    app.add_message::<LeaveUnfinished>();
    app.init_resource::<Resumable>();
    app.init_resource::<SeatGate>();
    app.add_systems(OnEnter(Screen::Select), scan);
    app.add_systems(Update, (dismiss, resume).chain());
    app.add_systems(PreUpdate, gate);
}

fn scan(root: Option<Res<SessionRoot>>, mut list: ResMut<Resumable>) {
    let Some(root) = root else {
        return;
    };
    match session::resumable(&root.0) {
        Ok(found) => {
            let dismissed = &list.dismissed;
            let offers = found
                .into_iter()
                .filter(|(d, _)| !dismissed.contains(d))
                .collect();
            list.offers = offers;
        }
        Err(e) => warn!("cannot list sessions: {e}"),
    }
}

fn dismiss(mut requests: MessageReader<DismissSession>, mut list: ResMut<Resumable>) {
    for DismissSession(dir) in requests.read() {
        list.offers.retain(|(d, _)| d != dir);
        list.dismissed.push(dir.clone());
    }
}

#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn resume(
    mut requests: MessageReader<ResumeSession>,
    mut commands: Commands,
    catalog: Option<Res<Catalog>>,
    options: Option<Res<GuiOptions>>,
    mut list: ResMut<Resumable>,
    mut pending: ResMut<PendingSeat>,
    mut gate: ResMut<SeatGate>,
    mut starts: MessageWriter<StartExercise>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(ResumeSession(dir)) = requests.read().last().cloned() else {
        return;
    };
    let recovered = match session::Session::open(&dir) {
        Ok(r) => r,
        Err(e) => {
            error!("cannot resume {}: {e}", dir.display());
            list.error = Some((dir, e.to_string()));
            next.set(Screen::Select);
            return;
        }
    };
    if recovered.session.ended() {
        let why = format!("{}: the session has ended", dir.display());
        list.error = Some((dir, why));
        next.set(Screen::Select);
        return;
    }
    list.error = None;
    list.offers.retain(|(d, _)| *d != dir);
    let scenario = recovered.engine.scenario().clone();
    let origin = origin_of(
        &recovered.session.header().scenario_file,
        catalog.as_deref(),
    );
    let mut gui = Session::new(origin, scenario.clone());
    gui.seed = recovered.session.seed();
    gui.design = recovered.session.design().clone();
    gui.bots = crate::gui::exercise::start::recorded_bots(&recovered.session);
    commands.insert_resource(gui);
    // A seat named on the command line is taken at once; otherwise the screen stays
    // hidden until the facilitator seat is confirmed.
    let named = options
        .as_ref()
        .and_then(|o| o.seat.as_deref())
        .and_then(|s| Seat::parse(s, &scenario));
    let seat = match named {
        Some(s) => {
            pending.0 = None;
            gate.0 = false;
            s
        }
        None => {
            pending.0 = Some(Seat::Facilitator);
            gate.0 = true;
            Seat::Facilitator
        }
    };
    starts.write(StartExercise::recovered(recovered, seat));
}

/// The catalog entry of the session's scenario file if there is one (so edits to it are
/// offered), else the built-in scenario or the file by name.
fn origin_of(file: &str, catalog: Option<&Catalog>) -> Origin {
    let path = Path::new(file);
    let listed = catalog.and_then(|c| {
        c.entries.iter().find_map(|e| match &e.origin {
            Origin::File(p) if p == path || same(p, path) => Some(e.origin.clone()),
            _ => None,
        })
    });
    listed.unwrap_or_else(|| Origin::of_name(file))
}

fn same(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Confirming the seat opens the gate; cancelling leaves the resumed exercise unplayed (it
/// stays on disk, unfinished, and is offered again).
fn gate(
    mut answers: MessageReader<ConfirmSeat>,
    mut gate: ResMut<SeatGate>,
    mut next: ResMut<NextState<Screen>>,
    mut unfinished: MessageWriter<LeaveUnfinished>,
) {
    if !gate.0 {
        answers.clear();
        return;
    }
    let Some(ConfirmSeat(yes)) = answers.read().last().copied() else {
        return;
    };
    gate.0 = false;
    if !yes {
        unfinished.write(LeaveUnfinished);
        next.set(Screen::Select);
    }
}
