//! The chosen scenario and the seats: who plays which team, and which seat this screen shows.

use super::catalog::{Catalog, Origin, ScenarioReloaded};
use super::exercise::start::{StartExercise, StartSet};
use crate::bots::Cast;
use crate::scenario::{Design, Scenario, TeamId};
use bevy::prelude::*;
use std::sync::Arc;

/// A seat at the exercise: what this screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Seat {
    /// Exercise control: ground truth, clock, injects.
    Facilitator,
    /// Sees everything, controls nothing, takes notes.
    Observer,
    /// A team sees only its own view.
    Team(TeamId),
}

impl Seat {
    /// `facilitator`, `observer` or a team id.
    pub(crate) fn parse(text: &str, scenario: &Scenario) -> Option<Seat> {
        match text {
            "facilitator" => Some(Seat::Facilitator),
            "observer" => Some(Seat::Observer),
            id => scenario.team_by_id(id).map(Seat::Team),
        }
    }

    /// `cast` with no bot on this seat's team: the person at this screen plays it.
    pub(crate) fn without_bot(self, mut cast: Cast) -> Cast {
        if let Seat::Team(t) = self
            && let Some(p) = cast.profiles.get_mut(t.idx())
        {
            *p = None;
        }
        cast
    }

    /// Whether this seat sees the ground truth.
    pub(crate) fn sees_all(self) -> bool {
        !matches!(self, Seat::Team(_))
    }
}

/// The scenario being briefed or played.
#[derive(Resource, Debug, Clone)]
pub(crate) struct Session {
    pub origin: Origin,
    pub scenario: Arc<Scenario>,
    /// What the drill is for: objectives and expected actions (the evaluator's checklist,
    /// the MSEL export). Empty for a seat of an exercise hosted elsewhere.
    pub design: Arc<Design>,
    pub seed: u64,
    /// Who plays each team (free text typed at the briefing), by team index.
    pub players: Vec<String>,
    /// Which teams bots play, and how (chosen at the briefing or on the command line).
    pub bots: Cast,
    /// A newer good version of the file, offered during the exercise.
    pub offered: Option<Arc<Scenario>>,
}

impl Session {
    pub(crate) fn new(origin: Origin, scenario: Arc<Scenario>) -> Self {
        let players = vec![String::new(); scenario.teams.len()];
        Self {
            origin,
            bots: Cast::none(&scenario),
            scenario,
            design: Arc::default(),
            seed: 1,
            players,
            offered: None,
        }
    }

    /// Fit the seat assignments to a new version of the scenario (teams by position).
    fn fit_seats(&mut self, teams: usize) {
        self.players.resize(teams, String::new());
        self.bots.profiles.resize(teams, None);
    }

    /// The bots of an exercise shown in `seat`: the session's, less the seat's own team
    /// (a person plays that).
    pub(crate) fn bots_for(&self, seat: Seat) -> Cast {
        seat.without_bot(self.bots.clone())
    }
}

/// The seat this screen shows now. It changes only in answer to the seat messages
/// ([`RequestSeat`] then [`ConfirmSeat`], [`AssignSeat`], and a [`StartExercise`]'s seat).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ActiveSeat(pub Seat);

/// This screen holds one seat of an exercise hosted on another machine: it cannot switch.
#[derive(Resource, Debug, Clone, Copy)]
pub(crate) struct SeatFixed;

/// Ask to switch seat; the switch happens after [`ConfirmSeat`].
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct RequestSeat(pub Seat);

/// Answer to the pending seat switch: `true` switches, `false` cancels.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct ConfirmSeat(pub bool);

/// A seat switch waiting for confirmation.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub(crate) struct PendingSeat(pub Option<Seat>);

/// Answer to a changed scenario file offered during the exercise: `true` restarts with it.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct OfferAnswer(pub bool);

/// Set the seat at once (briefing, command line): no confirmation.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct AssignSeat(pub Seat);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<RequestSeat>();
    app.add_message::<ConfirmSeat>();
    app.add_message::<AssignSeat>();
    app.add_message::<OfferAnswer>();
    app.add_message::<StartExercise>();
    app.init_resource::<PendingSeat>();
    if !app.world().contains_resource::<ActiveSeat>() {
        app.insert_resource(ActiveSeat(Seat::Facilitator));
    }
    app.add_systems(PreUpdate, switch_seat.in_set(StartSet::Seat));
    app.add_systems(Update, follow_reloads.run_if(resource_exists::<Catalog>));
    app.add_systems(
        PreUpdate,
        answer_offer
            .before(StartSet::Ask)
            .run_if(resource_exists::<Session>),
    );
}

/// The one system that changes the seat.
fn switch_seat(
    mut requests: MessageReader<RequestSeat>,
    mut answers: MessageReader<ConfirmSeat>,
    mut assigned: MessageReader<AssignSeat>,
    mut starts: MessageReader<StartExercise>,
    mut pending: ResMut<PendingSeat>,
    mut seat: ResMut<ActiveSeat>,
    fixed: Option<Res<SeatFixed>>,
) {
    // An exercise starts in its seat (a seat switch asked for stays pending).
    if let Some(start) = starts.read().last()
        && seat.0 != start.seat
    {
        seat.0 = start.seat;
    }
    for RequestSeat(s) in requests.read() {
        pending.0 = (*s != seat.0 && fixed.is_none()).then_some(*s);
    }
    for ConfirmSeat(yes) in answers.read() {
        if let Some(s) = pending.0.take()
            && *yes
        {
            seat.0 = s;
        }
    }
    for AssignSeat(s) in assigned.read() {
        pending.0 = None;
        if seat.0 != *s {
            seat.0 = *s;
        }
    }
}

/// A reloaded file replaces the session's scenario before the exercise; during it, it is offered.
fn follow_reloads(
    mut reloaded: MessageReader<ScenarioReloaded>,
    catalog: Res<Catalog>,
    session: Option<ResMut<Session>>,
    screen: Option<Res<State<super::screens::Screen>>>,
) {
    let Some(mut session) = session else {
        reloaded.clear();
        return;
    };
    for r in reloaded.read() {
        if r.origin != session.origin {
            continue;
        }
        let Some(entry) = catalog.get(&r.origin) else {
            continue;
        };
        let Some(good) = entry.good.clone() else {
            continue;
        };
        if Arc::ptr_eq(&good, &session.scenario) {
            continue;
        }
        let playing = screen
            .as_ref()
            .is_some_and(|s| *s.get() == super::screens::Screen::Exercise);
        if playing {
            session.offered = Some(good);
        } else {
            session.fit_seats(good.teams.len());
            session.scenario = good;
            session.design = entry.design.clone();
        }
    }
}

fn answer_offer(
    mut answers: MessageReader<OfferAnswer>,
    mut session: ResMut<Session>,
    catalog: Option<Res<Catalog>>,
) {
    for OfferAnswer(take) in answers.read() {
        if let Some(newer) = session.offered.take()
            && *take
        {
            session.fit_seats(newer.teams.len());
            session.scenario = newer;
            if let Some(entry) = catalog.as_ref().and_then(|c| c.get(&session.origin)) {
                session.design = entry.design.clone();
            }
        }
    }
}
