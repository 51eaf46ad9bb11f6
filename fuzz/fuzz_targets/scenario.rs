//! Fuzz target: scenario files (see `crossdrill_fuzz::scenario_file`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::scenario_file(data));
}
