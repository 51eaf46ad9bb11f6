//! Fuzz target: frames the host sends a seat (see `crossdrill_fuzz::to_client`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::to_client(data));
}
