//! Fuzz target: seat files (see `crossdrill_fuzz::seat_file`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::seat_file(data));
}
