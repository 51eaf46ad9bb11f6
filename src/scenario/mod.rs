//! Scenario files: the RON format (`raw`), loading with includes (`load`), validation
//! into the typed [`Scenario`] (`model`), writing a scenario back out (`to_raw`), and
//! generated national-scale scenarios (`generate`). Pure data and checks: no engine,
//! no bevy or egui.

pub mod clock;
mod condition;
pub mod design;
pub mod duration;
pub mod generate;
mod hash;
mod kinds;
mod load;
mod locate;
mod lookup;
pub mod model;
mod problem;
pub mod raw;
mod raw_design;
mod shipped;
mod spans;
mod to_raw;
mod to_raw_design;
mod validate;

pub use design::{Anchor, Design, Evidence, ExpectId, Expectation, Objective, ObjectiveId};
pub use load::{DEFAULT_SCENARIO, STD_SEEDS, ron_options};
pub use locate::Locator;
pub use model::*;
pub(crate) use problem::suggest;
pub use problem::{Level, Never, Problem, ProblemKind, Problems};
pub use shipped::{SHIPPED, builtin_default_loaded, shipped_file, shipped_with_id};
pub use spans::Pos;
pub(crate) use spans::Seg;
pub use to_raw::{to_raw, to_ron, to_ron_with};
pub use validate::Mode;

use std::path::Path;

/// A scenario that validated, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Scenario,
    /// What the drill is for: its pattern, objectives and expected actions.
    pub design: Design,
    pub warnings: Vec<Problem>,
    /// Dependency templates defined by the file and its includes.
    pub templates: usize,
    /// Whether a reporting chain was defined.
    pub has_chain: bool,
}

/// Whether a file name marks a seed (`*.seed.ron`) rather than a scenario.
pub fn mode_for(path: &Path) -> Mode {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.ends_with(".seed.ron") {
        Mode::Seed
    } else {
        Mode::Scenario
    }
}

/// Load and validate a scenario (or seed) file and everything it includes.
pub fn load_path(path: &Path) -> Result<Loaded, Problems> {
    let merged = load::read_path(path);
    finish(&merged, mode_for(path))
}

/// Like [`load_path`], also giving the files on disk it read: the file itself, then
/// every file it includes by path, directly or not (built-in `std:` seeds are not
/// files). Whatever in them is broken, the ones that could be read are listed: an app
/// watching them reloads when any of them changes.
pub fn load_path_and_files(path: &Path) -> (Result<Loaded, Problems>, Vec<std::path::PathBuf>) {
    let merged = load::read_path(path);
    let mut files = vec![path.to_path_buf()];
    for s in merged.sources.iter().skip(1) {
        if !s.name.starts_with("std:") {
            files.push(std::path::PathBuf::from(&s.name));
        }
    }
    (finish(&merged, mode_for(path)), files)
}

/// Load and validate scenario text. `name` is used in messages; `base_dir` resolves includes.
pub fn load_source(name: &str, text: &str, base_dir: Option<&Path>) -> Result<Loaded, Problems> {
    let merged = load::read_source(name, text, base_dir);
    finish(&merged, mode_for(Path::new(name)))
}

/// Like [`load_source`] with an explicit mode.
pub fn load_source_as(
    name: &str,
    text: &str,
    base_dir: Option<&Path>,
    mode: Mode,
) -> Result<Loaded, Problems> {
    let merged = load::read_source(name, text, base_dir);
    finish(&merged, mode)
}

/// The default scenario built into the binary.
pub fn builtin_default() -> Scenario {
    builtin_default_loaded().scenario
}

fn finish(merged: &load::Merged, mode: Mode) -> Result<Loaded, Problems> {
    // Syntax, read and include errors leave parts of the scenario unread: checking the
    // rest would only add confusing follow-on errors.
    if merged.problems.iter().any(|p| p.level == Level::Error) {
        return Err(Problems(merged.problems.clone()));
    }
    let (scenario, problems) = validate::validate(merged, mode);
    match scenario {
        Some((scenario, design)) => Ok(Loaded {
            scenario,
            design,
            warnings: problems,
            templates: merged.raw.templates.len(),
            has_chain: merged.raw.chain.is_some(),
        }),
        None => Err(Problems(problems)),
    }
}
