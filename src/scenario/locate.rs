//! Positions of a loaded scenario's elements, found again by id: the validated
//! [`Scenario`](super::Scenario) keeps none, so checks that run after loading (the
//! lint) read the file once more and ask here where an element or one of its fields is.

use super::load::{self, Merged};
use super::spans::{Pos, Seg};
use std::path::Path;

/// The files of one scenario, read again to locate its elements by id.
pub struct Locator {
    merged: Merged,
    /// The root file's name, for what cannot be found.
    name: String,
}

impl Locator {
    /// Read `path` and everything it includes.
    pub fn read(path: &Path) -> Self {
        Locator {
            merged: load::read_path(path),
            name: path.display().to_string(),
        }
    }

    /// Read scenario text called `name` (includes resolved as `load_source` does with
    /// no base folder).
    pub fn from_source(name: &str, text: &str) -> Self {
        Locator {
            merged: load::read_source(name, text, None),
            name: name.to_string(),
        }
    }

    /// File and position of `path` inside the element of merged list `list`
    /// (`"services"`, `"injects"`, `"teams"`, `"actions"`, `"threats"`) whose id is
    /// `id`; the start of the root file when there is no such element.
    pub(crate) fn locate(&self, list: &'static str, id: &str, path: &[Seg]) -> (String, Pos) {
        match index_of(&self.merged, list, id) {
            Some(idx) if !self.merged.sources.is_empty() => self.merged.locate(list, idx, path),
            _ => self.start(),
        }
    }

    /// Where `file` comes in the order the files were read (the root first), for
    /// sorting; files this load did not read come last.
    pub(crate) fn file_rank(&self, file: &str) -> usize {
        self.merged
            .sources
            .iter()
            .position(|s| s.name == file)
            .unwrap_or(usize::MAX)
    }

    fn start(&self) -> (String, Pos) {
        let name = self
            .merged
            .sources
            .first()
            .map_or_else(|| self.name.clone(), |s| s.name.clone());
        (name, Pos { line: 1, col: 1 })
    }
}

/// The position of the element whose id is `id` in merged list `list`.
fn index_of(m: &Merged, list: &str, id: &str) -> Option<usize> {
    let raw = &m.raw;
    match list {
        "services" => raw.services.iter().position(|x| x.id == id),
        "injects" => raw.injects.iter().position(|x| x.id == id),
        "teams" => raw.teams.iter().position(|x| x.id == id),
        "actions" => raw.actions.iter().position(|x| x.id == id),
        "threats" => raw.threats.iter().position(|x| x.id == id),
        "organisations" => raw.organisations.iter().position(|x| x.id == id),
        // A dependency has no id: `from>to` names it.
        "dependencies" => raw
            .dependencies
            .iter()
            .position(|x| id.split_once('>') == Some((x.from.as_str(), x.to.as_str()))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"(
  teams: [
    (id: "a", name: (en: "A"), role: Centre, controls: ["x"]),
    (id: "b", name: (en: "B"), role: Operator, controls: ["y"]),
  ],
)"#;

    #[test]
    fn finds_an_element_and_a_field_by_id() {
        let at = Locator::from_source("x.scenario.ron", TEXT);
        let (file, pos) = at.locate("teams", "b", &[Seg::Field("role")]);
        assert_eq!(
            (file.as_str(), pos),
            ("x.scenario.ron", Pos { line: 4, col: 38 })
        );
        let (_, pos) = at.locate("teams", "a", &[]);
        assert_eq!(pos, Pos { line: 3, col: 5 });
    }

    #[test]
    fn falls_back_to_the_file_start() {
        let at = Locator::from_source("x.scenario.ron", TEXT);
        let start = ("x.scenario.ron".to_string(), Pos { line: 1, col: 1 });
        assert_eq!(at.locate("teams", "nobody", &[]), start);
        assert_eq!(at.locate("dragons", "a", &[]), start);
        let missing = Locator::read(Path::new("/no/such/file.scenario.ron"));
        let (file, pos) = missing.locate("teams", "a", &[]);
        assert_eq!(
            (file.as_str(), pos),
            ("/no/such/file.scenario.ron", start.1)
        );
        assert_eq!(at.file_rank("x.scenario.ron"), 0);
        assert_eq!(at.file_rank("other"), usize::MAX);
    }
}
