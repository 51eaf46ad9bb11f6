//! Joining from the app: with a seat file, this screen becomes that team's seat, fed only
//! by what the host sends. It replaces the local adapter and clock (see
//! `gui::exercise`'s seam): it writes the [`Picture`] from the seat's feed and the host's
//! clock into [`ExerciseClock`], and sends the screen's [`UiCommand`]s to the host.
//! The link comes back by itself when it drops; commands not yet answered are sent again
//! with the same ids, so the host applies each once.

use super::feed::Feed;
use crate::gui::catalog::Origin;
use crate::gui::exercise::clock::{ClockSet, ExerciseClock};
use crate::gui::exercise::command::UiCommand;
use crate::gui::exercise::picture::{LogEvent, Picture};
use crate::gui::screens::Screen;
use crate::gui::session::{AssignSeat, Seat, SeatFixed, Session};
use crate::net::client::{self, LinkState, Outbox};
use crate::net::delta::ViewCopy;
use crate::net::proto::{self, Answer, DecodeError, ToClient};
use crate::net::seat::{SeatFile, read_seat};
use crate::scenario::load_source;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Take the seat in this seat file.
#[derive(Message, Debug, Clone)]
pub(crate) struct JoinSeat(pub PathBuf);

/// This screen holds a seat of an exercise hosted elsewhere.
#[derive(Resource)]
pub(crate) struct Remote {
    pub path: PathBuf,
    seat: SeatFile,
    pub state: LinkState,
    /// It was connected once.
    pub ever: bool,
    last_try: Instant,
    feed: Option<Feed>,
    /// The team's view as the host's patches on this link made it.
    copy: ViewCopy,
    outbox: Outbox,
    next_id: u64,
    /// The exercise ended on the host.
    pub ended: bool,
    /// Why the seat could not be taken or kept, for the trainee.
    pub problem: Option<String>,
}

impl Remote {
    pub(crate) fn host(&self) -> String {
        let addr = self.seat.token.server_addresses.iter().flatten().next();
        addr.map(|a| a.to_string()).unwrap_or_default()
    }

    pub(crate) fn team(&self) -> &str {
        &self.seat.team
    }

    /// Commands sent and not answered yet.
    pub(crate) fn waiting(&self) -> usize {
        self.outbox.unanswered().len()
    }
}

/// Why the last seat file could not be used (shown where it was chosen).
#[derive(Resource, Debug, Default)]
pub(crate) struct JoinProblem(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<JoinSeat>();
    app.init_resource::<JoinProblem>();
    app.add_systems(Update, join_seat);
    app.add_systems(
        Update,
        link.before(ClockSet).run_if(resource_exists::<Remote>),
    );
    app.add_systems(OnEnter(Screen::Select), leave_seat);
}

fn join_seat(world: &mut World) {
    let Some(JoinSeat(path)) = world.resource_mut::<Messages<JoinSeat>>().drain().last() else {
        return;
    };
    let seat = match read_seat(&path) {
        Ok(s) => s,
        Err(e) => {
            world.resource_mut::<JoinProblem>().0 = Some(e.to_string());
            return;
        }
    };
    leave_seat(world);
    if let Err(e) = client::connect(world, &seat) {
        world.resource_mut::<JoinProblem>().0 = Some(e.to_string());
        return;
    }
    world.resource_mut::<JoinProblem>().0 = None;
    // Ids of this screen's commands: a random start, far above a scripted play's.
    let base: [u8; 8] = bevy_replicon_renet::netcode::generate_random_bytes();
    world.insert_resource(Remote {
        path,
        seat,
        state: LinkState::Connecting,
        ever: false,
        last_try: Instant::now(),
        feed: None,
        copy: ViewCopy::default(),
        outbox: Outbox::default(),
        next_id: (u64::from_le_bytes(base) >> 1) | (1 << 62),
        ended: false,
        problem: None,
    });
}

/// The link, what the host sent, and what this screen asks for.
fn link(world: &mut World) {
    let asked: Vec<UiCommand> = world
        .resource_mut::<Messages<UiCommand>>()
        .drain()
        .collect();
    world.resource_scope(|world, mut remote: Mut<Remote>| {
        let r = &mut *remote;
        let state = client::link_state(world);
        if state == LinkState::Connected {
            r.ever = true;
        }
        r.state = state;
        if state == LinkState::Down && r.last_try.elapsed() >= client::RETRY_EVERY && !r.ended {
            r.last_try = Instant::now();
            if let Err(e) = client::connect(world, &r.seat) {
                r.problem = Some(e.to_string());
            }
        }
        let mut changed = false;
        for frame in client::frames(world) {
            let taken = proto::decode::<ToClient>(&frame.0).and_then(|m| take(world, r, m));
            match taken {
                Ok(c) => changed |= c,
                Err(e) => {
                    // Not to be trusted from here on: a new link starts from the whole view.
                    r.problem = Some(crate::net::NetError::FromHost(e.to_string()).to_string());
                    client::leave(world);
                    r.copy.restart();
                    break;
                }
            }
        }
        if let Some(feed) = &r.feed {
            for c in asked {
                if let Some(command) = c.to_engine(&feed.scenario) {
                    r.outbox.send(world, r.next_id, command);
                    r.next_id += 1;
                }
            }
        }
        if state == LinkState::Connected {
            r.outbox.resend(world, false);
        }
        if changed && let Some(feed) = &mut r.feed {
            let finished = r.ended;
            if let Some(p) = feed.picture(finished) {
                world.insert_resource(p);
            }
        }
    });
}

/// One message from the host; `true` when the picture must be rebuilt.
fn take(world: &mut World, r: &mut Remote, message: ToClient) -> Result<bool, DecodeError> {
    Ok(match message {
        ToClient::Seat { team, public, .. } => {
            if team != r.seat.team {
                let why = crate::net::NetError::WrongSeat {
                    file: r.seat.team.clone(),
                    given: team,
                };
                r.problem = Some(why.to_string());
                return Ok(false);
            }
            // This link's views come as changes from an empty one.
            r.copy.restart();
            if r.feed.is_some() {
                // Back in after a dropped link: the host takes commands again from now on.
                r.outbox.resend(world, true);
                return Ok(false);
            }
            seat_taken(world, r, &public)
        }
        ToClient::View { at, view, messages } => {
            let view = r.copy.take(&view)?;
            match &mut r.feed {
                Some(feed) => {
                    feed.take(at, view.clone(), messages);
                    true
                }
                None => false,
            }
        }
        ToClient::Clock { now, speed, paused } => {
            if let Some(mut clock) = world.get_resource_mut::<ExerciseClock>() {
                let host = now as f64;
                // Between clocks it runs on by itself; the host's time wins when they differ.
                if paused || (clock.t - host).abs() > 1.5 || clock.t < host {
                    clock.t = host;
                }
                clock.speed = speed.round().clamp(1.0, 3600.0) as u32;
                clock.paused = paused;
            }
            false
        }
        ToClient::Applied { id, answer } => {
            let finalised = r.outbox.answered(id, &answer).is_some();
            let failed = !matches!(answer, Answer::Applied(_) | Answer::Earlier);
            if finalised
                && failed
                && let Some(feed) = &mut r.feed
            {
                let why = client::answer_text(&answer);
                let phrase = crate::words::Phrase::new("net-not-applied").with("why", why);
                feed.note(LogEvent::Rejected(phrase));
                return Ok(true);
            }
            false
        }
        ToClient::Ended => {
            r.ended = true;
            if let Some(mut clock) = world.get_resource_mut::<ExerciseClock>() {
                clock.paused = true;
            }
            true
        }
    })
}

/// The host gave the seat: open the exercise screen on the scenario as the team may read it.
fn seat_taken(world: &mut World, r: &mut Remote, public: &str) -> bool {
    let name = r.path.display().to_string();
    let scenario = match load_source(&name, public, None) {
        Ok(l) => Arc::new(l.scenario),
        Err(problems) => {
            r.problem = Some(problems.to_string());
            return false;
        }
    };
    let Some(team) = scenario.team_by_id(&r.seat.team) else {
        r.problem = Some(format!("{name}: {}", r.seat.team));
        return false;
    };
    let seat = Seat::Team(team);
    world.insert_resource(Session::new(Origin::File(r.path.clone()), scenario.clone()));
    world.insert_resource(SeatFixed);
    world.write_message(AssignSeat(seat));
    world.insert_resource(ExerciseClock::new(scenario.duration));
    world.insert_resource(Picture::empty(seat, scenario.services.len()));
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Exercise);
    r.feed = Some(Feed::new(scenario));
    true
}

/// Give the seat back (the screen went back to scenario select, or another seat is taken).
fn leave_seat(world: &mut World) {
    if world.remove_resource::<Remote>().is_none() {
        return;
    }
    client::leave(world);
    world.remove_resource::<SeatFixed>();
    world.remove_resource::<bevy_replicon_renet::netcode::NetcodeClientTransport>();
    world.remove_resource::<bevy_replicon_renet::RenetClient>();
}
