//! A client of a networked exercise: the link to the host (connect with a seat file from
//! the seat's own UDP port, so a restarted client is let in again; reconnect when the link
//! drops; commands numbered and sent again until answered) and the headless player, which
//! plays a scripted play for its own team, each step sent once the host's clock reaches
//! its time (a clock comes after the views of its moment, so a step cites what the team
//! knew then).

use super::delta::ViewCopy;
use super::proto::{self, Answer, ToClient, ToHost};
use super::seat::SeatFile;
use super::{ClientFrame, HostFrame, NetError, base_app, connection_config, unix_now};
use crate::engine::{Command, TeamView};
use crate::scenario::{Scenario, Secs};
use crate::session::script::Planned;
use bevy::prelude::*;
use bevy_replicon_renet::RenetClient;
use bevy_replicon_renet::netcode::{ClientAuthentication, NetcodeClientTransport};
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

/// Between two tries to reconnect.
pub(crate) const RETRY_EVERY: Duration = Duration::from_millis(500);
/// A headless client gives up a connection attempt the host has not answered in this
/// long and tries again (a host still holding the seat's dead link ignores it; netcode
/// itself would wait the token's whole timeout).
const ATTEMPT_FOR: Duration = Duration::from_secs(3);
/// A headless client looks at its link this often: what it sends goes out at its next
/// look, what arrives is read at the next.
const TICK: Duration = Duration::from_millis(20);
/// A command answered "busy" is sent again after this long.
const BUSY_WAIT: Duration = Duration::from_secs(1);

/// The state of the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Connecting,
    Connected,
    /// It was connected, or it failed to connect.
    Down,
}

/// The UDP socket a seat connects from: the host's port plus the seat's client id, so
/// that a client restarted on the same machine comes from the same address (netcode lets
/// a token in again only from the address it first came from); any free port if taken.
fn seat_socket(host: Option<SocketAddr>, client_id: u64) -> std::io::Result<UdpSocket> {
    let ip: IpAddr = match host {
        Some(a) if a.ip().is_loopback() => a.ip(),
        Some(a) if a.is_ipv6() => Ipv6Addr::UNSPECIFIED.into(),
        _ => Ipv4Addr::UNSPECIFIED.into(),
    };
    let port = host
        .and_then(|a| u16::try_from(u64::from(a.port()) + client_id).ok())
        .unwrap_or(0);
    UdpSocket::bind((ip, port)).or_else(|_| UdpSocket::bind((ip, 0)))
}

/// Connect (or connect again) with `seat`: the netcode client as resources of `world`.
/// The last link's client goes first: its socket holds the seat's port, and a client put
/// over another is not seen as added, so the link would never be said to be connecting.
pub(crate) fn connect(world: &mut World, seat: &SeatFile) -> Result<(), NetError> {
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
    let host = seat.token.server_addresses.iter().flatten().next().copied();
    let socket = seat_socket(host, seat.token.client_id).map_err(|_| NetError::Refused(0))?;
    let auth = ClientAuthentication::Secure {
        connect_token: seat.token.clone(),
    };
    let transport =
        NetcodeClientTransport::new(unix_now(), auth, socket).map_err(|_| NetError::Refused(0))?;
    let client = RenetClient::new(connection_config(world));
    world.insert_resource(client);
    world.insert_resource(transport);
    Ok(())
}

pub(crate) fn link_state(world: &World) -> LinkState {
    match world.get_resource::<RenetClient>() {
        Some(c) if c.is_connected() => LinkState::Connected,
        Some(c) if c.is_disconnected() => LinkState::Down,
        Some(_) => LinkState::Connecting,
        None => LinkState::Down,
    }
}

/// The frames the host sent since the last call.
pub(crate) fn frames(world: &mut World) -> Vec<HostFrame> {
    world
        .resource_mut::<Messages<HostFrame>>()
        .drain()
        .collect()
}

/// Say goodbye so the host frees the seat at once.
pub(crate) fn leave(world: &mut World) {
    if let Some(mut t) = world.get_resource_mut::<NetcodeClientTransport>() {
        t.disconnect();
    }
}

/// Commands sent and not yet answered, sent again after a reconnect or a "busy".
#[derive(Debug, Default)]
pub(crate) struct Outbox {
    /// Each command, when it was first sent, and when to send it again after a "busy".
    waiting: BTreeMap<u64, (Command, Instant, Option<Instant>)>,
}

impl Outbox {
    /// Send `command` numbered `id` now.
    pub(crate) fn send(&mut self, world: &mut World, id: u64, command: Command) {
        put(world, id, &command);
        self.waiting.insert(id, (command, Instant::now(), None));
    }

    /// `id` was answered: how long since it was first sent when that is final, `None`
    /// for "busy" (sent again later) or an id not waiting.
    pub(crate) fn answered(&mut self, id: u64, answer: &Answer) -> Option<Duration> {
        if *answer == Answer::Busy {
            if let Some(w) = self.waiting.get_mut(&id) {
                w.2 = Some(Instant::now() + BUSY_WAIT);
            }
            return None;
        }
        self.waiting.remove(&id).map(|w| w.1.elapsed())
    }

    /// The ids of the commands sent and not answered yet.
    pub(crate) fn unanswered(&self) -> Vec<u64> {
        self.waiting.keys().copied().collect()
    }

    /// Send again what waits: everything after a reconnect (`all`), else what was busy.
    pub(crate) fn resend(&mut self, world: &mut World, all: bool) {
        let now = Instant::now();
        for (id, (command, _, after)) in &mut self.waiting {
            if all || after.is_some_and(|t| t <= now) {
                put(world, *id, command);
                *after = None;
            }
        }
    }
}

fn put(world: &mut World, id: u64, command: &Command) {
    let frame = proto::encode(&ToHost::Command {
        id,
        command: command.clone(),
    });
    world.write_message(ClientFrame(frame));
}

/// What the trainee is told while playing.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEvent<'a> {
    Seated {
        team: String,
        scenario: String,
    },
    Refused {
        id: u64,
        why: String,
    },
    /// The link dropped; trying to get back in.
    Relinking,
    /// A command was answered this long after it was first sent (the host sends the
    /// view with its effect right after the answer).
    Answered {
        id: u64,
        after: Duration,
    },
    /// The view that shows an applied command's effect arrived this long after the
    /// command was first sent: its round trip as the trainee sees it.
    Seen {
        id: u64,
        after: Duration,
    },
    /// A frame exactly as the host sent it (for an audit of what the seat received).
    Received(&'a [u8]),
}

/// How a client's exercise went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Played {
    pub sent: u64,
    pub applied: u64,
    pub refused: u64,
    /// Times the link dropped and came back.
    pub relinked: u64,
    /// The exercise time of the host's last clock.
    pub until: Secs,
    /// The team's view as this client last had it (what its trainee last saw).
    pub view: Option<TeamView>,
}

/// How long to wait.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    /// For the first connection.
    pub join: Duration,
    /// For the link to come back once it dropped (the host restarting, a laptop waking).
    pub rejoin: Duration,
}

/// Join with `seat`, play the steps of `plan` that are the seat's team's (names as in
/// `scenario`), and return once the host ends the exercise. Each step's id is its place
/// in the plan, so a restarted client's steps that were applied before are not again.
pub fn join(
    seat: SeatFile,
    scenario: Option<&Scenario>,
    plan: &[Planned],
    patience: Patience,
    events: &mut dyn FnMut(ClientEvent),
) -> Result<Played, NetError> {
    let mut app = base_app();
    connect(app.world_mut(), &seat)?;
    let mut attempt = Instant::now();
    let mut since = Instant::now();
    // Whether the host ever gave this client its seat, and whether it did on this link:
    // a link it drops before that refused the seat file (revoked, replaced, taken).
    let mut ever = false;
    let mut seated = false;
    let mut team = None;
    let mut view = ViewCopy::default();
    let mut clock: Option<Secs> = None;
    let mut played = Played::default();
    let mut outbox = Outbox::default();
    // Applied, its effect not in a view yet: (id, when first sent).
    let mut unseen: Vec<(u64, Instant)> = Vec::new();
    let mut next = 0;
    loop {
        app.update();
        match link_state(app.world()) {
            LinkState::Connected => {}
            state => {
                if std::mem::take(&mut seated) {
                    since = Instant::now();
                    played.relinked += 1;
                    events(ClientEvent::Relinking);
                }
                let wait = if ever { patience.rejoin } else { patience.join };
                if since.elapsed() > wait {
                    return Err(if ever {
                        NetError::Lost
                    } else {
                        NetError::Refused(wait.as_secs())
                    });
                }
                if state == LinkState::Down || attempt.elapsed() > ATTEMPT_FOR {
                    std::thread::sleep(RETRY_EVERY);
                    connect(app.world_mut(), &seat)?;
                    attempt = Instant::now();
                    continue;
                }
            }
        }
        for frame in frames(app.world_mut()) {
            events(ClientEvent::Received(&frame.0));
            let message = proto::decode::<ToClient>(&frame.0)
                .map_err(|e| NetError::FromHost(e.to_string()))?;
            match message {
                ToClient::Seat {
                    team: given,
                    scenario: id,
                    ..
                } => {
                    if given != seat.team {
                        return Err(NetError::WrongSeat {
                            file: seat.team,
                            given,
                        });
                    }
                    team = scenario.and_then(|s| s.team_by_id(&given));
                    // This link's views come as changes from an empty one.
                    view.restart();
                    // The host takes commands from a seat it has given, not before.
                    ever = true;
                    seated = true;
                    outbox.resend(app.world_mut(), true);
                    events(ClientEvent::Seated {
                        team: given,
                        scenario: id,
                    });
                }
                ToClient::View { view: patch, .. } => {
                    view.take(&patch)
                        .map_err(|e| NetError::FromHost(e.to_string()))?;
                    // The host sends the view with a command's effect right after its answer.
                    for (id, sent) in unseen.drain(..) {
                        events(ClientEvent::Seen {
                            id,
                            after: sent.elapsed(),
                        });
                    }
                }
                ToClient::Clock { now, .. } => {
                    played.until = now;
                    clock = Some(now);
                }
                ToClient::Applied { id, answer } => {
                    if let Some(after) = outbox.answered(id, &answer) {
                        events(ClientEvent::Answered { id, after });
                        match answer {
                            Answer::Applied(_) => {
                                played.applied += 1;
                                unseen.push((id, Instant::now() - after));
                            }
                            Answer::Earlier => played.applied += 1,
                            other => {
                                played.refused += 1;
                                let why = answer_text(&other);
                                events(ClientEvent::Refused { id, why });
                            }
                        }
                    }
                }
                ToClient::Ended => {
                    // Sent but never answered: the trainee is told they were not applied.
                    for id in outbox.unanswered() {
                        played.refused += 1;
                        let why =
                            crate::words::say(crate::words::default_lang(), "error-net-unanswered");
                        events(ClientEvent::Refused { id, why });
                    }
                    played.view = view.view().cloned();
                    leave(app.world_mut());
                    app.update();
                    return Ok(played);
                }
            }
        }
        let sent = played.sent;
        if let (Some(team), Some(view), Some(now), true) = (team, view.view(), clock, seated) {
            while let Some(step) = plan.get(next).filter(|s| s.at <= now) {
                next += 1;
                if step.command.team() != Some(team) {
                    continue;
                }
                let command = step.command_knowing(&view.known_incidents);
                outbox.send(app.world_mut(), next as u64, command);
                played.sent += 1;
            }
        }
        if seated {
            outbox.resend(app.world_mut(), false);
        }
        if played.sent > sent {
            // Out now, not a tick later (what arrives meanwhile is read next time).
            app.update();
        }
        std::thread::sleep(TICK);
    }
}

/// Why a command was not applied, in the client's language.
pub fn answer_text(answer: &Answer) -> String {
    let lang = crate::words::default_lang();
    match answer {
        Answer::Refused(why) => why.clone(),
        Answer::NotYours => crate::words::say(lang, "error-net-not-yours"),
        Answer::Busy => crate::words::say(lang, "error-net-busy"),
        Answer::Applied(_) | Answer::Earlier => String::new(),
    }
}
