//! The host and the clients of a networked exercise; uses engine, session, scoring; no egui.
//!
//! One host runs the one engine and the session record; each team plays from its own
//! machine with a seat file (a netcode connect token, Secure mode: signed and encrypted
//! with a key only the host holds). Host and client talk over one ordered reliable
//! channel, each way one frame type whose bytes [`proto`] encodes; the host sends each
//! client only its own team's view, to that client alone.

pub mod client;
pub mod host;
pub mod proto;
pub mod seat;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::{RenetChannelsExt, RepliconRenetPlugins, renet::ConnectionConfig};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Must match on host and clients; a new wire format changes it, so old seat files stop working.
pub(crate) const PROTOCOL_ID: u64 = u64::from_le_bytes(*b"xdrill01");

/// host -> one client: a frame of [`proto::ToClient`] bytes.
#[derive(Message, Serialize, Deserialize, Debug, Clone)]
pub(crate) struct HostFrame(pub Vec<u8>);

/// client -> host: a frame of [`proto::ToHost`] bytes.
#[derive(Message, Serialize, Deserialize, Debug, Clone)]
pub(crate) struct ClientFrame(pub Vec<u8>);

/// What went wrong on the network side, said so a facilitator or trainee can act on it.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    #[error("{path}: cannot read the seat file: {why}")]
    SeatFile { path: PathBuf, why: String },
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("cannot listen on {addr}: {why}")]
    Listen { addr: String, why: String },
    #[error(
        "--listen {0}: give the address the trainees reach (for example 192.168.1.10:5000), not an unspecified one"
    )]
    Unspecified(String),
    #[error("cannot make a seat: {0}")]
    Token(String),
    #[error("the host was not reachable, or it refused this seat file, within {0} s")]
    Refused(u64),
    #[error("the connection to the host was lost before the exercise ended")]
    Lost,
    #[error("the host gives seat `{given}`, but the seat file says `{file}`")]
    WrongSeat { file: String, given: String },
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
}

/// A headless app with the networking plugins and the two frame types registered (in the
/// same order on both sides), ready for a server or a client.
fn base_app() -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
    ))
    .add_server_message::<HostFrame>(Channel::Ordered)
    .add_client_message::<ClientFrame>(Channel::Ordered);
    app.finish();
    app.cleanup();
    app
}

/// The channels as registered (read after every registration).
fn connection_config(app: &App) -> ConnectionConfig {
    let channels = app.world().resource::<RepliconChannels>();
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
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
