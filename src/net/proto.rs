//! What host and clients say to each other, and its encoding (JSON inside one frame).
//!
//! Client to host: [`ToHost::Command`]; the team giving it is the connection's seat,
//! whatever the body says. Host to one client: [`ToClient`] (its seat, its team's view,
//! the clock, what became of its commands, the end). Every frame travels on one ordered
//! reliable channel; a frame over [`MAX_FRAME`] bytes is refused by the decoder.

use crate::engine::{Command, CommandOutcome, TeamView};
use crate::scenario::{Secs, TeamId};
use serde::{Deserialize, Serialize};

/// The largest frame either side accepts (well under renet's 5 MiB channel memory).
pub const MAX_FRAME: usize = 512 * 1024;

/// A client's message to the host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToHost {
    /// A command with the client's own id for it (answered by [`ToClient::Applied`]).
    Command { id: u64, command: Command },
}

/// The host's message to one client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToClient {
    /// The seat this connection holds: the exercise, the scenario and the team.
    Seat {
        exercise: String,
        scenario: String,
        team: String,
    },
    /// What the team knows now (sent whenever it changed).
    View(Box<TeamView>),
    /// The exercise clock: `now` seconds, `speed` exercise seconds per real second.
    Clock { now: Secs, speed: f64, paused: bool },
    /// What became of the command the client numbered `id`.
    Applied {
        id: u64,
        result: Result<CommandOutcome, String>,
    },
    /// The exercise is over.
    Ended,
}

/// Why a frame could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge(usize),
    Malformed(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let phrase = match self {
            DecodeError::TooLarge(n) => {
                crate::words::Phrase::new("error-frame-too-large").with("bytes", n.to_string())
            }
            DecodeError::Malformed(why) => {
                crate::words::Phrase::new("error-frame-malformed").with("why", why.as_str())
            }
        };
        f.write_str(&phrase.word(crate::words::default_lang()))
    }
}

impl std::error::Error for DecodeError {}

/// The bytes of a message.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    serde_json::to_vec(message).unwrap_or_default()
}

/// The message in a frame; bad bytes are an error, never a panic.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, DecodeError> {
    if bytes.len() > MAX_FRAME {
        return Err(DecodeError::TooLarge(bytes.len()));
    }
    serde_json::from_slice(bytes).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// `command` given by `team`: a team command gets the seat's team; a facilitator
/// command from a team seat is `None` (a seat cannot fire injects or override).
pub fn as_team(command: Command, team: TeamId) -> Option<Command> {
    let mut command = command;
    match &mut command {
        Command::Act { team: t, .. }
        | Command::Send { team: t, .. }
        | Command::Forward { team: t, .. }
        | Command::Broadcast { team: t, .. } => *t = team,
        _ => return None,
    }
    Some(command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{ActionTarget, RunId};
    use crate::scenario::{ActionId, ServiceId};
    use proptest::prelude::*;

    fn act(team: u32) -> Command {
        Command::Act {
            team: TeamId(team),
            action: ActionId(2),
            target: ActionTarget::Service(ServiceId(5)),
        }
    }

    #[test]
    fn messages_round_trip() {
        let host = ToHost::Command {
            id: 9,
            command: act(1),
        };
        assert_eq!(decode::<ToHost>(&encode(&host)), Ok(host));
        for m in [
            ToClient::Clock {
                now: 3600,
                speed: 60.0,
                paused: false,
            },
            ToClient::Applied {
                id: 9,
                result: Ok(CommandOutcome::Started {
                    run: RunId(1),
                    done_at: 4000,
                }),
            },
            ToClient::Applied {
                id: 10,
                result: Err("no channel".into()),
            },
            ToClient::Seat {
                exercise: "ab".into(),
                scenario: "s".into(),
                team: "grid".into(),
            },
            ToClient::Ended,
        ] {
            assert_eq!(decode::<ToClient>(&encode(&m)), Ok(m));
        }
    }

    #[test]
    fn the_seat_decides_the_team() {
        assert_eq!(as_team(act(1), TeamId(4)), Some(act(4)));
        assert_eq!(as_team(Command::Note("x".into()), TeamId(4)), None);
    }

    #[test]
    fn an_oversized_frame_is_refused() {
        let big = vec![b' '; MAX_FRAME + 1];
        assert_eq!(
            decode::<ToHost>(&big),
            Err(DecodeError::TooLarge(MAX_FRAME + 1))
        );
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = decode::<ToHost>(&bytes);
            let _ = decode::<ToClient>(&bytes);
        }

        #[test]
        fn json_shaped_noise_never_panics(text in "[\\[\\]{}\":,0-9a-zA-Z ]{0,300}") {
            let _ = decode::<ToHost>(text.as_bytes());
            let _ = decode::<ToClient>(text.as_bytes());
        }
    }
}
