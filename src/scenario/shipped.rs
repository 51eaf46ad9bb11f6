//! The scenarios shipped with crossdrill (`scenarios/*.scenario.ron`), built into the
//! binary so a facilitator anywhere can pick one, and a journal or session of one can be
//! read without its file.

use super::{Loaded, load_source};

/// Every shipped scenario: (its file name as the repository spells it, its text), in name
/// order. `build.rs` fills it from the `scenarios/` folder.
pub const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// The shipped scenario file called `name` (`scenarios/ID.scenario.ron`), if there is one.
pub fn shipped_file(name: &str) -> Option<(&'static str, &'static str)> {
    SHIPPED.iter().copied().find(|(n, _)| *n == name)
}

/// The default scenario, loaded.
pub fn builtin_default_loaded() -> Loaded {
    let (name, text) = super::DEFAULT_SCENARIO;
    match load_source(name, text, None) {
        Ok(l) => l,
        // The test suite loads every shipped scenario; this cannot be reached in a
        // released build.
        Err(p) => unreachable!("the built-in scenario does not validate:\n{p}"),
    }
}

/// The shipped scenario whose id is `id`: its file name and text.
pub fn shipped_with_id(id: &str) -> Option<(&'static str, &'static str)> {
    // Shipped files are named after their id (the test suite checks it).
    let name = format!("scenarios/{id}.scenario.ron");
    shipped_file(&name)
}
