//! The scenario list: the shipped scenarios built into the binary plus `*.scenario.ron`
//! files in watched folders, reloaded when a file changes on disk (a broken edit keeps the
//! last good version). A shipped scenario whose file is in a watched folder is listed once,
//! as that file, so its edits reload.

use crate::scenario::{self, Design, Scenario};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Where a scenario comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A shipped scenario built into the binary, by its file name (`scenarios/ID.scenario.ron`).
    Builtin(&'static str),
    File(PathBuf),
}

impl Origin {
    /// The default scenario, built in.
    pub(crate) const DEFAULT: Origin = Origin::Builtin(scenario::DEFAULT_SCENARIO.0);

    /// The origin of a scenario file name as sessions and journals record it: a shipped
    /// file's name is the built-in scenario (an empty name is the default's).
    pub(crate) fn of_name(file: &str) -> Origin {
        if file.is_empty() {
            return Origin::DEFAULT;
        }
        match scenario::shipped_file(file) {
            Some((name, _)) => Origin::Builtin(name),
            None => Origin::File(PathBuf::from(file)),
        }
    }
}

/// One scenario in the list.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub origin: Origin,
    /// The last version that loaded.
    pub good: Option<Arc<Scenario>>,
    /// The design (objectives, expected actions) of the last version that loaded.
    pub design: Arc<Design>,
    /// The problems of the current version on disk (empty when it loads).
    pub problems: Vec<String>,
    /// Bumped every time this entry is reloaded.
    pub revision: u32,
    /// The file and the files it includes by path, as of the last load, and their
    /// stamps then: a change to any of them reloads the entry.
    watched: Vec<PathBuf>,
    stamp: Vec<Option<Stamp>>,
}

impl Entry {
    pub(crate) fn label(&self) -> String {
        match &self.origin {
            Origin::Builtin(name) => format!("built-in {name}"),
            Origin::File(p) => p.display().to_string(),
        }
    }
}

type Stamp = (SystemTime, u64);

/// Every scenario the app knows, and the folders it watches.
#[derive(Resource, Debug, Default)]
pub(crate) struct Catalog {
    pub entries: Vec<Entry>,
    pub folders: Vec<PathBuf>,
}

/// A scenario entry was reloaded from disk.
#[derive(Message, Debug, Clone)]
pub(crate) struct ScenarioReloaded {
    pub origin: Origin,
}

/// Add a folder to watch (from the scenario list's "open folder").
#[derive(Message, Debug, Clone)]
pub(crate) struct WatchFolder(pub PathBuf);

#[derive(Resource)]
struct PollTimer(Timer);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ScenarioReloaded>();
    app.add_message::<WatchFolder>();
    app.insert_resource(PollTimer(Timer::new(
        Duration::from_millis(700),
        TimerMode::Repeating,
    )));
    app.add_systems(Startup, fill);
    app.add_systems(Update, (add_folders, poll).chain());
}

fn fill(mut commands: Commands, options: Option<Res<super::GuiOptions>>) {
    let mut catalog = Catalog::with_shipped(vec![PathBuf::from("scenarios")]);
    if let Some(path) = options.as_ref().and_then(|o| o.scenario.clone()) {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        if !catalog.folders.iter().any(|f| same_dir(f, &dir)) {
            catalog.folders.push(dir);
        }
        catalog.add_file(&path);
    }
    catalog.scan();
    commands.insert_resource(catalog);
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn add_folders(mut requests: MessageReader<WatchFolder>, mut catalog: ResMut<Catalog>) {
    for WatchFolder(dir) in requests.read() {
        if !catalog.folders.iter().any(|f| same_dir(f, dir)) {
            catalog.folders.push(dir.clone());
            catalog.scan();
        }
    }
}

fn poll(
    time: Res<Time<Real>>,
    mut timer: ResMut<PollTimer>,
    mut catalog: ResMut<Catalog>,
    mut reloaded: MessageWriter<ScenarioReloaded>,
) {
    if !timer.0.tick(time.delta()).just_finished() {
        return;
    }
    for origin in catalog.scan() {
        reloaded.write(ScenarioReloaded { origin });
    }
}

/// A shipped scenario's entry (one that does not load, which the test suite rules out, is
/// listed with its problems like a broken file).
fn builtin_entry(name: &'static str, text: &'static str) -> Entry {
    let loaded = scenario::load_source(name, text, None);
    let (good, design, problems) = match loaded {
        Ok(l) => (Some(Arc::new(l.scenario)), Arc::new(l.design), vec![]),
        Err(p) => (None, Arc::default(), problem_lines(&p)),
    };
    Entry {
        origin: Origin::Builtin(name),
        good,
        design,
        problems,
        revision: 0,
        watched: vec![],
        stamp: vec![],
    }
}

/// A file's entry, not loaded yet (the next scan loads it).
fn file_entry(path: &Path) -> Entry {
    Entry {
        origin: Origin::File(path.to_path_buf()),
        good: None,
        design: Arc::default(),
        problems: vec![],
        revision: 0,
        watched: vec![path.to_path_buf()],
        stamp: vec![],
    }
}

fn problem_lines(problems: &scenario::Problems) -> Vec<String> {
    problems.to_string().lines().map(str::to_owned).collect()
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Load one scenario file: the scenario and its design, or its problems as text lines,
/// and the files it read.
fn load_file(path: &Path) -> (Result<scenario::Loaded, Vec<String>>, Vec<PathBuf>) {
    let (loaded, files) = scenario::load_path_and_files(path);
    let loaded = loaded.map_err(|p| problem_lines(&p));
    (loaded, files)
}

impl Catalog {
    /// Every shipped scenario (the default first, then by name) and the `folders` to
    /// watch: a shipped scenario whose file is in one of them is listed as that file (the
    /// next scan loads it), the others built in.
    pub(crate) fn with_shipped(folders: Vec<PathBuf>) -> Catalog {
        let default = scenario::DEFAULT_SCENARIO;
        let others = scenario::SHIPPED.iter().filter(|(n, _)| *n != default.0);
        let mut catalog = Catalog {
            entries: vec![],
            folders,
        };
        for &(name, text) in std::iter::once(&default).chain(others) {
            let file = Path::new(name);
            let entry = if catalog.watches(file) {
                file_entry(file)
            } else {
                builtin_entry(name, text)
            };
            catalog.entries.push(entry);
        }
        catalog
    }

    /// Whether `file` exists in a watched folder.
    fn watches(&self, file: &Path) -> bool {
        let dir = file.parent().unwrap_or(Path::new("."));
        file.is_file() && self.folders.iter().any(|f| same_dir(f, dir))
    }

    /// The entry for `origin`.
    pub(crate) fn get(&self, origin: &Origin) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.origin == origin)
    }

    /// List the file `path`: in place of the shipped scenario it is the file of (a copy
    /// in the working folder's `scenarios/`), else at the end.
    fn add_file(&mut self, path: &Path) {
        if self.get(&Origin::File(path.to_path_buf())).is_some() {
            return;
        }
        let entry = file_entry(path);
        let shipped = self.entries.iter().position(|e| match e.origin {
            Origin::Builtin(name) => same_file(Path::new(name), path),
            Origin::File(_) => false,
        });
        match shipped {
            Some(i) => self.entries[i] = entry,
            None => self.entries.push(entry),
        }
    }

    /// Pick up new files in the folders and reload changed ones; returns what was reloaded.
    pub(crate) fn scan(&mut self) -> Vec<Origin> {
        let folders = self.folders.clone();
        for dir in &folders {
            let Ok(listing) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut found: Vec<PathBuf> = listing
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".scenario.ron"))
                .collect();
            found.sort();
            for path in found {
                if !self.entries.iter().any(|e| match &e.origin {
                    Origin::File(p) => same_file(p, &path),
                    Origin::Builtin(_) => false,
                }) {
                    self.add_file(&path);
                }
            }
        }
        let mut changed = vec![];
        for entry in &mut self.entries {
            let Origin::File(path) = &entry.origin else {
                continue;
            };
            let now: Vec<Option<Stamp>> = entry.watched.iter().map(|p| stamp(p)).collect();
            if now == entry.stamp && entry.revision > 0 {
                continue;
            }
            entry.revision += 1;
            let (loaded, files) = load_file(path);
            // Stamps taken before the read where known, so an edit made while loading
            // still shows as a change on the next scan.
            entry.stamp = files
                .iter()
                .map(|f| match entry.watched.iter().position(|w| w == f) {
                    Some(i) => now[i],
                    None => stamp(f),
                })
                .collect();
            entry.watched = files;
            match loaded {
                Ok(loaded) => {
                    entry.good = Some(Arc::new(loaded.scenario));
                    entry.design = Arc::new(loaded.design);
                    entry.problems.clear();
                }
                Err(lines) => entry.problems = lines,
            }
            if entry.revision > 1 {
                changed.push(entry.origin.clone());
            }
        }
        changed
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}
