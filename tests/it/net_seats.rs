//! Seat files are credentials: one signed with another key, or altered by one byte, is
//! refused (the client says so and exits non-zero); a damaged one is named.

use crate::common::{said, scratch};
use crate::net_common::{finish, free_addr, host, seat, spawn};
use crossdrill::net::seat::seat_bytes;
use std::time::Duration;

/// Where the token's encrypted part starts after the header line (netcode: version
/// 13, protocol 8, created 8, expires 8, nonce 24).
const PRIVATE_AT: usize = 13 + 8 + 8 + 8 + 24;

#[test]
fn a_forged_or_altered_seat_file_is_refused() {
    let dir = scratch("net-seats");
    let addr = free_addr();
    let host = host(&dir, &addr, &["--speed", "60", "--until", "30m"]);

    let forged = dir.join("forged.seat");
    let (bytes, _) = seat_bytes(&[9; 32], addr.parse().expect("address"), 1, "grid").expect("seat");
    std::fs::write(&forged, bytes).expect("write");

    let mut bytes = std::fs::read(seat(&dir, "grid")).expect("seat file");
    let header = bytes.iter().position(|&b| b == b'\n').expect("header") + 1;
    bytes[header + PRIVATE_AT + 100] ^= 0x01;
    let altered = dir.join("altered.seat");
    std::fs::write(&altered, bytes).expect("write");

    let clients: Vec<_> = [&forged, &altered]
        .iter()
        .map(|f| {
            spawn(&[
                "join",
                f.to_str().expect("utf-8"),
                "--headless",
                "--timeout",
                "3",
            ])
        })
        .collect();
    for (file, client) in ["forged", "altered"].iter().zip(clients) {
        let (code, out) = finish(client, Duration::from_secs(30));
        assert!(code > 0, "{file}: {code} {out}");
        assert!(out.contains("refused this seat file"), "{file}: {out}");
    }
    let (_, host_said) = finish(host, Duration::ZERO);
    assert!(!host_said.contains("joined"), "{host_said}");
}

#[test]
fn a_damaged_seat_file_is_named() {
    let dir = scratch("net-damaged");
    let file = dir.join("grid.seat");
    std::fs::write(&file, "crossdrill seat v1 0123 grid\nnot a token").expect("write");
    let (code, out) = said(&["join", file.to_str().expect("utf-8"), "--headless"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("grid.seat") && out.contains("token is damaged"),
        "{out}"
    );
}
