//! What host and clients say to each other, and its encoding (JSON inside one frame).
//!
//! Client to host: [`ToHost::Command`]; the team giving it is the connection's seat (a
//! body naming another team is refused). Host to one client: [`ToClient`] (its seat and
//! the scenario as its team may read it, its team's view and the messages it got, the
//! clock, what became of its commands, the end). Every frame travels on one ordered
//! reliable channel; a frame over its kind's [`Frame::LIMIT`] is refused by the decoder.

use super::delta::ViewPatch;
use crate::engine::{Command, CommandOutcome, Message};
use crate::scenario::{Secs, TeamId};
use serde::{Deserialize, Serialize};

/// A kind of frame and the most bytes one may have.
pub trait Frame: for<'de> Deserialize<'de> {
    const LIMIT: usize;
}

/// A command is small: the host reads no more from a seat.
impl Frame for ToHost {
    const LIMIT: usize = 64 * 1024;
}

/// The largest is a seat's first, with the scenario as its team reads it (the host's
/// channel to each seat holds [`HOST_CHANNEL_BYTES`], room for it and what follows).
impl Frame for ToClient {
    const LIMIT: usize = 8 * 1024 * 1024;
}

/// The memory renet may hold for frames on their way to one seat.
pub const HOST_CHANNEL_BYTES: usize = 3 * ToClient::LIMIT;

/// A client's message to the host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToHost {
    /// A command with the client's own id for it (answered by [`ToClient::Applied`]). A
    /// command sent again with the same id (after a lost link) is answered, not applied again.
    Command { id: u64, command: Command },
}

/// The host's message to one client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToClient {
    /// The seat this connection holds: the exercise, the scenario and the team, and the
    /// scenario file as the team may read it (no threats, no injects), in RON.
    Seat {
        exercise: String,
        scenario: String,
        team: String,
        public: String,
    },
    /// How what the team knows changed by exercise time `at` (sent whenever it changed;
    /// a connection's first is against an empty view), and the messages it received or
    /// sent that this connection was not sent yet.
    View {
        at: Secs,
        view: Box<ViewPatch>,
        messages: Vec<Message>,
    },
    /// The exercise clock: `now` seconds, `speed` exercise seconds per real second.
    Clock { now: Secs, speed: f64, paused: bool },
    /// What became of the command the client numbered `id`.
    Applied { id: u64, answer: Answer },
    /// The exercise is over.
    Ended,
}

/// What became of a command.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Applied(CommandOutcome),
    /// The engine refused it, for this reason (in the host's language).
    Refused(String),
    /// This id was taken before (a resend after a lost link): nothing was done again.
    Earlier,
    /// The seat may not give it (a facilitator command, or another team's).
    NotYours,
    /// Too many commands from this seat at once: not applied; send it again in a moment.
    Busy,
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
pub fn decode<T: Frame>(bytes: &[u8]) -> Result<T, DecodeError> {
    if bytes.len() > T::LIMIT {
        return Err(DecodeError::TooLarge(bytes.len()));
    }
    serde_json::from_slice(bytes).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// Whether `team`'s seat may give `command`: a team command naming that team. A
/// facilitator command (an inject, an override, a note) or another team's is not.
pub fn is_teams(command: &Command, team: TeamId) -> bool {
    match command {
        Command::Act { team: t, .. }
        | Command::Send { team: t, .. }
        | Command::Forward { team: t, .. }
        | Command::Broadcast { team: t, .. } => *t == team,
        _ => false,
    }
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
                answer: Answer::Applied(CommandOutcome::Started {
                    run: RunId(1),
                    done_at: 4000,
                }),
            },
            ToClient::Applied {
                id: 10,
                answer: Answer::Refused("no channel".into()),
            },
            ToClient::Seat {
                exercise: "ab".into(),
                scenario: "s".into(),
                team: "grid".into(),
                public: "(id: \"s\")".into(),
            },
            ToClient::Ended,
        ] {
            assert_eq!(decode::<ToClient>(&encode(&m)), Ok(m));
        }
    }

    #[test]
    fn a_seat_gives_only_its_own_teams_commands() {
        assert!(is_teams(&act(4), TeamId(4)));
        assert!(!is_teams(&act(1), TeamId(4)), "another team's");
        assert!(!is_teams(&Command::Note("x".into()), TeamId(4)));
    }

    #[test]
    fn an_oversized_frame_is_refused() {
        let big = vec![b' '; ToHost::LIMIT + 1];
        assert_eq!(
            decode::<ToHost>(&big),
            Err(DecodeError::TooLarge(ToHost::LIMIT + 1))
        );
        let big = vec![b' '; ToClient::LIMIT + 1];
        assert!(matches!(
            decode::<ToClient>(&big),
            Err(DecodeError::TooLarge(_))
        ));
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
