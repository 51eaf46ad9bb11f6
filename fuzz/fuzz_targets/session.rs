//! Fuzz target: session folders (header and command log) (see `crossdrill_fuzz::session_folder`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::session_folder(data));
}
