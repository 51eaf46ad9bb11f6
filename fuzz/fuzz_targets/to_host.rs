//! Fuzz target: frames a seat sends the host (see `crossdrill_fuzz::to_host`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::to_host(data));
}
