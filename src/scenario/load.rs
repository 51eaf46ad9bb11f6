//! Reading scenario files: RON parsing, `include` resolution (on disk and the seeds built
//! into the binary), and merging everything into one raw scenario with origins.

use super::problem::{Level, Problem, ProblemKind};
use super::raw::RawScenario;
use super::spans::{Pos, Seg, SpanTree};
use ron::extensions::Extensions;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The standard seeds, built into the binary so a scenario anywhere can include them.
pub const STD_SEEDS: &[(&str, &str)] = &[
    ("sectors", include_str!("../../seeds/sectors.seed.ron")),
    ("chain", include_str!("../../seeds/chain.seed.ron")),
    ("severity", include_str!("../../seeds/severity.seed.ron")),
    ("templates", include_str!("../../seeds/templates.seed.ron")),
];

/// The default scenario, built into the binary.
pub const DEFAULT_SCENARIO: (&str, &str) = (
    "scenarios/games-time-blackout.scenario.ron",
    include_str!("../../scenarios/games-time-blackout.scenario.ron"),
);

/// RON options every scenario file is read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// One file that took part in a load. Where its values start is worked out only
/// when a problem needs a position (a large generated file that loads cleanly never
/// pays for it).
pub(crate) struct Source {
    pub name: String,
    text: String,
    tree: OnceLock<SpanTree>,
}

impl Source {
    fn find(&self, path: &[Seg]) -> Pos {
        self.tree
            .get_or_init(|| SpanTree::scan(&self.text))
            .find(path)
    }
}

/// Where each element of each merged list came from: (source index, index in that file).
#[derive(Default)]
pub(crate) struct Origins {
    pub lists: Vec<(&'static str, Vec<(usize, usize)>)>,
    /// The source holding each scalar section (title, scoring, chain ...).
    pub scalars: Vec<(&'static str, usize)>,
}

/// All sources of a load, merged.
pub(crate) struct Merged {
    pub raw: RawScenario,
    pub sources: Vec<Source>,
    pub origins: Origins,
    pub problems: Vec<Problem>,
}

impl Merged {
    /// File and position of `path` inside element `idx` of merged list `list`.
    pub fn locate(&self, list: &'static str, idx: usize, path: &[Seg]) -> (String, Pos) {
        let found = self
            .origins
            .lists
            .iter()
            .find(|(l, _)| *l == list)
            .and_then(|(_, v)| v.get(idx));
        match found {
            Some(&(src, local)) => {
                let mut full = vec![Seg::Field(list), Seg::Index(local)];
                full.extend_from_slice(path);
                let s = &self.sources[src];
                (s.name.clone(), s.find(&full))
            }
            None => self.locate_scalar(list, path),
        }
    }

    /// File and position of `path` inside a scalar section such as `scoring`.
    pub fn locate_scalar(&self, section: &'static str, path: &[Seg]) -> (String, Pos) {
        let src = self
            .origins
            .scalars
            .iter()
            .find(|(s, _)| *s == section)
            .map_or(0, |(_, i)| *i);
        let mut full = vec![Seg::Field(section)];
        full.extend_from_slice(path);
        let s = &self.sources[src];
        (s.name.clone(), s.find(&full))
    }
}

/// Read `path` and everything it includes.
pub(crate) fn read_path(path: &Path) -> Merged {
    let name = path.display().to_string();
    match crate::files::read_to_string(path) {
        Ok(text) => read_text(&name, text, path.parent()),
        Err(e) => Merged {
            raw: RawScenario::default(),
            sources: vec![],
            origins: Origins::default(),
            problems: vec![Problem {
                file: name,
                pos: Pos { line: 1, col: 1 },
                level: Level::Error,
                kind: ProblemKind::Io(e.to_string()),
                hint: Some("check the path; scenarios end in `.scenario.ron`".into()),
            }],
        },
    }
}

/// Read a scenario from text; `base_dir` resolves relative includes.
pub(crate) fn read_source(name: &str, text: &str, base_dir: Option<&Path>) -> Merged {
    read_text(name, text.to_owned(), base_dir)
}

/// [`read_source`] taking the text it keeps (for positions, should a problem need one).
fn read_text(name: &str, text: String, base_dir: Option<&Path>) -> Merged {
    let mut m = Merged {
        raw: RawScenario::default(),
        sources: vec![],
        origins: Origins::default(),
        problems: vec![],
    };
    let mut stack = vec![];
    if let Some(raw) = parse_file(&mut m, name, text) {
        let own = m.sources.len() - 1;
        stack.push(key_of(name));
        merge_includes(&mut m, &raw, own, base_dir, &mut stack);
        merge(&mut m, raw, own);
    }
    m
}

fn key_of(name: &str) -> String {
    if name.starts_with("std:") {
        return name.to_string();
    }
    std::fs::canonicalize(name).map_or_else(|_| name.to_string(), |p| p.display().to_string())
}

/// Parse one file, which the merge keeps; on a RON error record it and return None.
fn parse_file(m: &mut Merged, name: &str, text: String) -> Option<RawScenario> {
    m.sources.push(Source {
        name: name.to_string(),
        text,
        tree: OnceLock::new(),
    });
    let text = &m.sources[m.sources.len() - 1].text;
    match ron_options().from_str::<RawScenario>(text) {
        Ok(raw) => Some(raw),
        Err(e) => {
            m.problems.push(Problem {
                file: name.to_string(),
                pos: Pos {
                    line: e.span.start.line,
                    col: e.span.start.col,
                },
                level: Level::Error,
                kind: ProblemKind::Syntax(plain_names(&e.code.to_string())),
                hint: syntax_hint(&e.code),
            });
            None
        }
    }
}

fn syntax_hint(code: &ron::Error) -> Option<String> {
    use ron::Error as E;
    match code {
        E::NoSuchStructField { .. } | E::NoSuchEnumVariant { .. } => {
            Some("fix the spelling, or remove it".into())
        }
        E::ExpectedComma => Some("a comma may be missing at the end of the previous line".into()),
        E::MissingStructField { field, .. } => Some(format!("add `{field}: ...`")),
        E::ExpectedString | E::ExpectedStringEnd => {
            Some("ids and durations are written in double quotes, e.g. \"15m\"".into())
        }
        _ => None,
    }
}

/// Serde names our types `RawService`; authors know them as `Service`.
fn plain_names(msg: &str) -> String {
    msg.replace("`Raw", "`")
}

/// Merge every file `raw` includes (depth-first, each once), before `raw` itself.
fn merge_includes(
    m: &mut Merged,
    raw: &RawScenario,
    own: usize,
    base_dir: Option<&Path>,
    stack: &mut Vec<String>,
) {
    for (i, inc) in raw.include.iter().enumerate() {
        let (name, text, dir) = match resolve(inc, base_dir) {
            Ok(found) => found,
            Err((kind, hint)) => {
                let s = &m.sources[own];
                m.problems.push(Problem {
                    file: s.name.clone(),
                    pos: s.find(&[Seg::Field("include"), Seg::Index(i)]),
                    level: Level::Error,
                    kind,
                    hint: Some(hint),
                });
                continue;
            }
        };
        let key = key_of(&name);
        if let Some(at) = stack.iter().position(|k| *k == key) {
            let mut chain: Vec<&str> = stack[at..].iter().map(|s| short(s)).collect();
            chain.push(short(&key));
            let s = &m.sources[own];
            m.problems.push(Problem {
                file: s.name.clone(),
                pos: s.find(&[Seg::Field("include"), Seg::Index(i)]),
                level: Level::Error,
                kind: ProblemKind::CircularInclude(chain.join(" -> ")),
                hint: Some("remove one of these includes".into()),
            });
            continue;
        }
        if m.sources.iter().any(|s| key_of(&s.name) == key) {
            continue; // Included already through another path.
        }
        if let Some(child) = parse_file(m, &name, text) {
            let idx = m.sources.len() - 1;
            stack.push(key);
            merge_includes(m, &child, idx, dir.as_deref(), stack);
            stack.pop();
            merge(m, child, idx);
        }
    }
}

fn short(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

/// Find an include: `std:NAME` in the binary, otherwise a plain file relative to
/// `base_dir`; or the problem and its hint.
fn resolve(inc: &str, base_dir: Option<&Path>) -> Result<Found, (ProblemKind, String)> {
    let missing = |hint: String| (ProblemKind::MissingInclude(inc.to_string()), hint);
    if let Some(name) = inc.strip_prefix("std:") {
        return STD_SEEDS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| (inc.to_string(), text.to_string(), None))
            .ok_or_else(|| {
                let names: Vec<String> =
                    STD_SEEDS.iter().map(|(n, _)| format!("std:{n}")).collect();
                missing(format!("built-in seeds are: {}", names.join(", ")))
            });
    }
    let path = match base_dir {
        Some(d) => d.join(inc),
        None => PathBuf::from(inc),
    };
    let text = crate::files::read_named(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => missing("paths are relative to the including file".into()),
        _ => (
            ProblemKind::Io(format!("{}: {e}", path.display())),
            "an include names a scenario or seed file".into(),
        ),
    })?;
    let dir = path.parent().map(Path::to_path_buf);
    Ok((path.display().to_string(), text, dir))
}

/// An include found: its name, its text and the folder its own includes start from.
type Found = (String, String, Option<PathBuf>);

/// Append `raw`'s lists to the merged scenario; fill scalars not set yet.
fn merge(m: &mut Merged, raw: RawScenario, src: usize) {
    let t = &mut m.raw;
    let o = &mut m.origins;
    // Each field of `RawScenario` is named once, below: the pattern is exhaustive, so
    // a new field must be placed in one of the two groups.
    macro_rules! fields {
        (lists: $($l:ident),*; scalars: $($s:ident),*) => {
            let RawScenario { include: _, id, $($l,)* $($s,)* } = raw;
            $(
                let entry = match o.lists.iter().position(|(l, _)| *l == stringify!($l)) {
                    Some(i) => i,
                    None => {
                        o.lists.push((stringify!($l), vec![]));
                        o.lists.len() - 1
                    }
                };
                let n = $l.len();
                o.lists[entry].1.extend((0..n).map(|i| (src, i)));
                t.$l.extend($l);
            )*
            // The including file wins over what it includes; the root is merged last.
            let mut wins = |name: &'static str, set: bool, unset: bool| {
                let wins = set && (unset || src == 0);
                if wins {
                    o.scalars.retain(|(s, _)| *s != name);
                    o.scalars.push((name, src));
                }
                wins
            };
            $(
                if wins(stringify!($s), $s.is_some(), t.$s.is_none()) {
                    t.$s = $s;
                }
            )*
            if wins("id", !id.is_empty(), t.id.is_empty()) {
                t.id = id;
            }
        };
    }
    fields!(
        lists: sectors, severity, templates, organisations, services, dependencies,
            teams, channels, threats, injects, actions, objectives;
        scalars: title, summary, brief, pattern, language, start_clock, duration, chain,
            scoring
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::validate::{Mode, validate};

    /// Positions are worked out only for problems: a large file that loads cleanly
    /// never pays for scanning it a second time.
    #[test]
    fn positions_are_worked_out_only_when_a_problem_needs_one() {
        let (name, text) = DEFAULT_SCENARIO;
        let m = read_source(name, text, None);
        let (loaded, problems) = validate(&m, Mode::Scenario);
        assert!(loaded.is_some() && problems.is_empty(), "{problems:?}");
        assert!(m.sources.len() > 1, "the default scenario includes seeds");
        assert!(m.sources.iter().all(|s| s.tree.get().is_none()));

        let broken = text.replacen("duration: \"", "duration: \"soon", 1);
        let m = read_source(name, &broken, None);
        let (_, problems) = validate(&m, Mode::Scenario);
        let p = problems.first().expect("a bad duration is reported");
        let line = broken[..broken.find("duration: \"soon").unwrap()]
            .lines()
            .count();
        assert_eq!((p.file.as_str(), p.pos.line), (name, line));
        assert!(m.sources[0].tree.get().is_some());
    }
}
