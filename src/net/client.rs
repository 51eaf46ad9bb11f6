//! A headless client of a networked exercise: it joins with a seat file, keeps what the
//! host sends (seat, view, clock) and plays a scripted play for its own team, each step
//! sent once the host's clock reaches its time (a clock comes after the views of its
//! moment, so a step cites what the team knew then).

use super::proto::{self, ToClient, ToHost};
use super::seat::SeatFile;
use super::{ClientFrame, HostFrame, NetError, base_app, connection_config, unix_now};
use crate::engine::TeamView;
use crate::scenario::{Scenario, Secs};
use crate::session::script::Planned;
use bevy::prelude::*;
use bevy_replicon_renet::RenetClient;
use bevy_replicon_renet::netcode::{ClientAuthentication, NetcodeClientTransport};
use std::net::{Ipv4Addr, Ipv6Addr, UdpSocket};
use std::time::{Duration, Instant};

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
    /// A frame exactly as the host sent it (for an audit of what the seat received).
    Received(&'a [u8]),
}

/// How a client's exercise went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Played {
    pub sent: u64,
    pub applied: u64,
    pub refused: u64,
    /// The exercise time of the host's last clock.
    pub until: Secs,
}

/// Join with `seat`, play the steps of `plan` that are the seat's team's (names as in
/// `scenario`), and return once the host ends the exercise. No connection within
/// `timeout` is [`NetError::Refused`].
pub fn join(
    seat: SeatFile,
    scenario: Option<&Scenario>,
    plan: &[Planned],
    timeout: Duration,
    events: &mut dyn FnMut(ClientEvent),
) -> Result<Played, NetError> {
    let mut app = base_app();
    let host = seat.token.server_addresses.iter().flatten().next().copied();
    let local = match host {
        Some(a) if a.ip().is_loopback() => UdpSocket::bind((a.ip(), 0)),
        Some(a) if a.is_ipv6() => UdpSocket::bind((Ipv6Addr::UNSPECIFIED, 0)),
        _ => UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)),
    }
    .map_err(|_| NetError::Refused(timeout.as_secs()))?;
    let auth = ClientAuthentication::Secure {
        connect_token: seat.token,
    };
    let transport = NetcodeClientTransport::new(unix_now(), auth, local)
        .map_err(|_| NetError::Refused(timeout.as_secs()))?;
    let client = RenetClient::new(connection_config(&app));
    app.insert_resource(client).insert_resource(transport);

    let start = Instant::now();
    let mut connected = false;
    let mut team = None;
    let mut view: Option<TeamView> = None;
    // The host's exercise time, from its last clock.
    let mut clock: Option<Secs> = None;
    let mut played = Played::default();
    let mut next = 0;
    loop {
        app.update();
        let renet = app.world().resource::<RenetClient>();
        if renet.is_connected() {
            connected = true;
        } else if renet.is_disconnected() || (!connected && start.elapsed() > timeout) {
            return Err(if connected {
                NetError::Lost
            } else {
                NetError::Refused(timeout.as_secs())
            });
        }
        let frames: Vec<HostFrame> = app
            .world_mut()
            .resource_mut::<Messages<HostFrame>>()
            .drain()
            .collect();
        for frame in frames {
            events(ClientEvent::Received(&frame.0));
            let Ok(message) = proto::decode::<ToClient>(&frame.0) else {
                continue;
            };
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
                    events(ClientEvent::Seated {
                        team: given,
                        scenario: id,
                    });
                }
                ToClient::View(v) => view = Some(*v),
                ToClient::Clock { now, .. } => {
                    played.until = now;
                    clock = Some(now);
                }
                ToClient::Applied { id, result } => match result {
                    Ok(_) => played.applied += 1,
                    Err(why) => {
                        played.refused += 1;
                        events(ClientEvent::Refused { id, why });
                    }
                },
                ToClient::Ended => {
                    leave(&mut app);
                    return Ok(played);
                }
            }
        }
        if let (Some(team), Some(view), Some(now)) = (team, &view, clock) {
            while let Some(step) = plan.get(next).filter(|s| s.at <= now) {
                next += 1;
                if step.command.team() != Some(team) {
                    continue;
                }
                let command = step.command_knowing(&view.known_incidents);
                let frame = proto::encode(&ToHost::Command {
                    id: next as u64,
                    command,
                });
                app.world_mut().write_message(ClientFrame(frame));
                played.sent += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Say goodbye so the host frees the seat at once.
fn leave(app: &mut App) {
    app.world_mut()
        .resource_mut::<NetcodeClientTransport>()
        .disconnect();
    app.update();
}
