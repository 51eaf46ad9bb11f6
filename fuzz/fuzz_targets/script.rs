//! Fuzz target: scripted plays (see `crossdrill_fuzz::script`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::script(data));
}
