//! Seat files: one netcode connect token per team seat, signed with the exercise's key.
//!
//! A seat file is `<dir>/<team-id>.seat`: one header line, then the token's bytes.
//!
//! ```text
//! crossdrill seat v1 <exercise> <team-id>\n
//! <1172 bytes of netcode connect token (Secure mode), for one IPv4 host address>
//! ```
//!
//! The header only names the file for people and for the client; the host trusts the
//! token alone. Its encrypted private part carries the seat record (exercise id, team
//! id, a random nonce) that only the host can read. The key is 32 random bytes in the
//! host's session folder (`seats.key`), never in a seat file; the exercise id is taken
//! from it, so seats of another exercise are refused. A seat file is a bearer
//! credential: hand it to its team only.

use super::ledger::{SeatEntry, SeatList};
use super::{NetError, PROTOCOL_ID, unix_now};
use crate::scenario::{Scenario, TeamId};
use bevy_replicon_renet::netcode::{
    ConnectToken, NETCODE_KEY_BYTES, NETCODE_USER_DATA_BYTES, generate_random_bytes,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The host's secret.
pub type Key = [u8; NETCODE_KEY_BYTES];

const HEADER: &str = "crossdrill seat v1";
const KEY_FILE: &str = "seats.key";
/// A silent peer is dropped after this many seconds (also the connect timeout): long
/// enough for a busy laptop's stalled frame. The host also closes a link that has sent
/// it nothing for about 12 s (see `serve`), which a restarted client's requests keep open.
pub(crate) const TIMEOUT_SECS: i32 = 10;
/// Seat files stop working this long after they are made.
const EXPIRE_SECS: u64 = 24 * 3600;

/// What a seat's token says inside, for the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRecord {
    pub exercise: String,
    pub team: String,
    pub nonce: u64,
}

impl SeatRecord {
    /// As netcode's user data: a length, then the record as JSON.
    fn to_user_data(&self) -> Option<[u8; NETCODE_USER_DATA_BYTES]> {
        let bytes = serde_json::to_vec(self).ok()?;
        let mut data = [0u8; NETCODE_USER_DATA_BYTES];
        let len = u8::try_from(bytes.len()).ok()?;
        data[0] = len;
        data.get_mut(1..1 + bytes.len())?.copy_from_slice(&bytes);
        Some(data)
    }

    /// The record in a token's user data (`None` if it is not one).
    pub(crate) fn from_user_data(data: &[u8; NETCODE_USER_DATA_BYTES]) -> Option<SeatRecord> {
        let len = usize::from(data[0]);
        serde_json::from_slice(data.get(1..1 + len)?).ok()
    }
}

/// A seat file as read by a client.
#[derive(Debug)]
pub struct SeatFile {
    pub exercise: String,
    pub team: String,
    pub token: ConnectToken,
}

/// The exercise id of a key: the first 16 hex digits of its SHA-256.
pub fn exercise_id(key: &Key) -> String {
    let hash = Sha256::digest(key);
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The exercise's key from `dir/seats.key`, made (and written) if there is none yet.
pub fn load_or_make_key(dir: &Path) -> Result<Key, NetError> {
    let path = dir.join(KEY_FILE);
    let io = |error| NetError::Io {
        path: path.clone(),
        error,
    };
    if path.exists() {
        let bytes = crate::files::read(&path).map_err(io)?;
        return Key::try_from(bytes.as_slice()).map_err(|_| NetError::SeatFile {
            path: path.clone(),
            why: "the key is not 32 bytes".into(),
        });
    }
    let key: Key = generate_random_bytes();
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(&path, key).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let only_me = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(&path, only_me).map_err(io)?;
    }
    Ok(key)
}

/// The bytes of one seat file for `team` (netcode client id `client_id`), and the
/// nonce in its token.
pub fn seat_bytes(
    key: &Key,
    host: SocketAddr,
    client_id: u64,
    team: &str,
) -> Result<(Vec<u8>, u64), NetError> {
    let exercise = exercise_id(key);
    let nonce = u64::from_le_bytes(generate_random_bytes());
    let record = SeatRecord {
        exercise: exercise.clone(),
        team: team.to_string(),
        nonce,
    };
    let data = record
        .to_user_data()
        .ok_or_else(|| NetError::Token(format!("team id `{team}` is too long")))?;
    let token = ConnectToken::generate(
        unix_now(),
        PROTOCOL_ID,
        EXPIRE_SECS,
        client_id,
        TIMEOUT_SECS,
        vec![host],
        Some(&data),
        key,
    )
    .map_err(|e| NetError::Token(e.to_string()))?;
    let mut bytes = format!("{HEADER} {exercise} {team}\n").into_bytes();
    token
        .write(&mut bytes)
        .map_err(|e| NetError::Token(e.to_string()))?;
    Ok((bytes, nonce))
}

/// Write `dir/<team-id>.seat` for the team at `team`; the netcode client id of a team's
/// seat is its position + 1. Returns the file and the nonce in its token.
pub fn write_seat(
    key: &Key,
    host: SocketAddr,
    team: TeamId,
    id: &str,
    dir: &Path,
) -> Result<(PathBuf, u64), NetError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| NetError::Io { path, error }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let (bytes, nonce) = seat_bytes(key, host, u64::from(team.0) + 1, id)?;
    let path = dir.join(format!("{id}.seat"));
    std::fs::write(&path, bytes).map_err(io(&path))?;
    Ok((path, nonce))
}

/// Write one seat file per team of `scenario` into `dir`, and the list of valid seats
/// (`seats.json`) into the session folder `session`. Returns the files written.
pub fn write_seats(
    key: &Key,
    host: SocketAddr,
    scenario: &Scenario,
    dir: &Path,
    session: &Path,
) -> Result<Vec<PathBuf>, NetError> {
    let mut list = SeatList {
        listen: Some(host.to_string()),
        seats: Vec::new(),
    };
    let mut written = Vec::new();
    for (i, team) in scenario.teams.iter().enumerate() {
        let (path, nonce) = write_seat(key, host, TeamId(i as u32), &team.id, dir)?;
        list.seats.push(SeatEntry {
            team: team.id.clone(),
            nonce,
            revoked: false,
        });
        written.push(path);
    }
    list.save(session)?;
    Ok(written)
}

/// Read a seat file; a damaged one is an error that names the file.
pub fn read_seat(path: &Path) -> Result<SeatFile, NetError> {
    let bytes = crate::files::read(path).map_err(|error| NetError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    parse_seat(&bytes).map_err(|why| NetError::SeatFile {
        path: path.to_path_buf(),
        why: why.to_string(),
    })
}

fn parse_seat(bytes: &[u8]) -> Result<SeatFile, &'static str> {
    let not_seat = "it is not a crossdrill seat file";
    let end = bytes.iter().position(|&b| b == b'\n').ok_or(not_seat)?;
    let line = std::str::from_utf8(&bytes[..end]).map_err(|_| not_seat)?;
    let rest = line.strip_prefix(HEADER).ok_or(not_seat)?;
    let mut words = rest.split_whitespace();
    let (Some(exercise), Some(team), None) = (words.next(), words.next(), words.next()) else {
        return Err("its first line is damaged");
    };
    let token = ConnectToken::read(&mut &bytes[end + 1..]).map_err(|_| "its token is damaged")?;
    if token.protocol_id != PROTOCOL_ID {
        return Err("it was made by another version of crossdrill");
    }
    Ok(SeatFile {
        exercise: exercise.to_string(),
        team: team.to_string(),
        token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host() -> SocketAddr {
        "127.0.0.1:5000".parse().expect("address")
    }

    #[test]
    fn a_seat_file_reads_back() {
        let key: Key = [7; 32];
        let (bytes, _) = seat_bytes(&key, host(), 3, "grid").expect("seat");
        let seat = parse_seat(&bytes).expect("reads");
        assert_eq!(
            (seat.exercise.as_str(), seat.team.as_str()),
            (exercise_id(&key).as_str(), "grid")
        );
        assert_eq!(seat.token.client_id, 3);
        assert!(
            !bytes.windows(32).any(|w| w == key),
            "the key is not in the file"
        );
    }

    #[test]
    fn the_record_travels_in_user_data() {
        let record = SeatRecord {
            exercise: "0123456789abcdef".into(),
            team: "carrier".into(),
            nonce: 42,
        };
        let data = record.to_user_data().expect("fits");
        assert_eq!(SeatRecord::from_user_data(&data), Some(record));
        assert_eq!(SeatRecord::from_user_data(&[0xff; 256]), None);
    }

    #[test]
    fn a_damaged_seat_file_says_which_file() {
        let dir = std::env::temp_dir().join(format!("crossdrill-seat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let (bytes, _) = seat_bytes(&[1; 32], host(), 1, "grid").expect("seat");
        for (name, damaged) in [
            ("cut.seat", bytes[..bytes.len() / 2].to_vec()),
            ("header.seat", bytes[3..].to_vec()),
            ("empty.seat", Vec::new()),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, damaged).expect("write");
            let e = read_seat(&path).expect_err("damaged").to_string();
            assert!(e.contains(name), "{e}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_key_is_kept_and_found_again() {
        let dir = std::env::temp_dir().join(format!("crossdrill-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let key = load_or_make_key(&dir).expect("made");
        assert_eq!(load_or_make_key(&dir).expect("read"), key);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
