//! The host and the clients of a networked exercise; uses engine, session, scoring; no egui.
//!
//! One host runs the one engine and the session record; each team plays from its own
//! machine with a seat file (a netcode connect token, Secure mode: signed and encrypted
//! with a key only the host holds). Host and client talk over one ordered reliable
//! channel, each way one frame type whose bytes [`proto`] encodes; the host sends each
//! client only its own team's view, to that client alone.

pub mod client;
pub mod delta;
pub mod host;
pub mod ledger;
#[cfg(test)]
mod loopback;
pub mod proto;
pub mod seat;
pub mod serve;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::{RenetChannelsExt, RepliconRenetPlugins, renet::ConnectionConfig};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Must match on host and clients; a new wire format changes it, so old seat files stop working.
pub(crate) const PROTOCOL_ID: u64 = u64::from_le_bytes(*b"xdrill02");

/// host -> one client: a frame of [`proto::ToClient`] bytes.
#[derive(Message, Serialize, Deserialize, Debug, Clone)]
pub(crate) struct HostFrame(pub Vec<u8>);

/// client -> host: a frame of [`proto::ToHost`] bytes.
#[derive(Message, Serialize, Deserialize, Debug, Clone)]
pub(crate) struct ClientFrame(pub Vec<u8>);

/// What went wrong on the network side, said so a facilitator or trainee can act on it
/// (worded from `assets/locales/*/errors.ftl`).
#[derive(Debug)]
pub enum NetError {
    SeatFile {
        path: PathBuf,
        why: String,
    },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Listen {
        addr: String,
        why: String,
    },
    /// `--listen` gave an unspecified address (0.0.0.0), which trainees cannot reach.
    Unspecified(String),
    Token(String),
    /// Not reachable, or refused, within this many seconds.
    Refused(u64),
    Lost,
    WrongSeat {
        file: String,
        given: String,
    },
    /// The scenario as a seat reads it does not fit in one frame.
    ScenarioTooLarge(usize),
    /// The host sent a frame this client cannot read (another version of crossdrill?).
    FromHost(String),
    Session(crate::session::SessionError),
}

impl From<crate::session::SessionError> for NetError {
    fn from(e: crate::session::SessionError) -> Self {
        NetError::Session(e)
    }
}

impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::words::Phrase;
        let p = Phrase::new;
        let phrase = match self {
            NetError::SeatFile { path, why } => p("error-net-seat-file")
                .with("path", path.display().to_string())
                .with("why", why.as_str()),
            NetError::Io { path, error } => p("error-io")
                .with("path", path.display().to_string())
                .with("error", error.to_string()),
            NetError::Listen { addr, why } => p("error-net-listen")
                .with("addr", addr.as_str())
                .with("why", why.as_str()),
            NetError::Unspecified(addr) => p("error-net-unspecified").with("addr", addr.as_str()),
            NetError::Token(why) => p("error-net-token").with("why", why.as_str()),
            NetError::Refused(secs) => p("error-net-refused").with("secs", secs.to_string()),
            NetError::Lost => p("error-net-lost"),
            NetError::WrongSeat { file, given } => p("error-net-wrong-seat")
                .with("given", given.as_str())
                .with("file", file.as_str()),
            NetError::ScenarioTooLarge(bytes) => p("error-net-scenario-too-large")
                .with("bytes", bytes.to_string())
                .with(
                    "limit",
                    <proto::ToClient as proto::Frame>::LIMIT.to_string(),
                ),
            NetError::FromHost(why) => p("error-net-from-host").with("why", why.as_str()),
            NetError::Session(e) => return e.fmt(f),
        };
        f.write_str(&phrase.word(crate::words::default_lang()))
    }
}

impl std::error::Error for NetError {}

/// The networking plugins and the two frame types (registered in the same order on both
/// sides), for a server or a client; the app adds them too.
pub fn plugins(app: &mut App) {
    app.add_plugins((RepliconPlugins, RepliconRenetPlugins))
        .add_server_message::<HostFrame>(Channel::Ordered)
        .add_client_message::<ClientFrame>(Channel::Ordered);
}

/// A headless app with the networking plugins, ready for a server or a client. Its few
/// systems run on the calling thread: handing each schedule to the task pool cost more
/// than the systems did (futex waits and task switches were most of a seat's CPU).
fn base_app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, plugins));
    app.finish();
    app.cleanup();
    let mut schedules = app.world_mut().resource_mut::<Schedules>();
    for (_, schedule) in schedules.iter_mut() {
        schedule.set_executor(bevy::ecs::schedule::SingleThreadedExecutor::new());
    }
    app
}

/// The channels as registered (read after every registration); the host's may hold a
/// seat's first frame and what follows it.
fn connection_config(world: &World) -> ConnectionConfig {
    let channels = world.resource::<RepliconChannels>();
    let mut server = channels.server_configs();
    for channel in &mut server {
        channel.max_memory_usage_bytes = proto::HOST_CHANNEL_BYTES;
    }
    ConnectionConfig {
        server_channels_config: server,
        client_channels_config: channels.client_configs(),
        ..Default::default()
    }
}

/// Wall-clock time since the UNIX epoch, as netcode counts it.
fn unix_now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}
