//! The master scenario events list (MSEL) on paper: every inject and threat step in
//! time order with its trigger, what it delivers to whom and the expected actions, as
//! CSV, an xlsx workbook, Markdown, or a printable HTML controller's handbook (brief,
//! teams and roles, reporting chain, deadlines, objectives, MSEL) that opens offline.

mod handbook;
mod rows;
mod sheet;

use crate::report::ReportError;
use crate::scenario::{Design, Lang, Scenario};

/// A format the MSEL is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MselFormat {
    Csv,
    Xlsx,
    Markdown,
    Html,
}

impl MselFormat {
    /// `csv`, `xlsx`, `md` or `html` (also `markdown`, `htm`).
    pub fn parse(name: &str) -> Option<MselFormat> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(MselFormat::Csv),
            "xlsx" => Some(MselFormat::Xlsx),
            "md" | "markdown" => Some(MselFormat::Markdown),
            "html" | "htm" => Some(MselFormat::Html),
            _ => None,
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &std::path::Path) -> Option<MselFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(MselFormat::parse)
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            MselFormat::Csv => "csv",
            MselFormat::Xlsx => "xlsx",
            MselFormat::Markdown => "md",
            MselFormat::Html => "html",
        }
    }
}

/// The MSEL of `sc` (with `d`'s expected actions) in `format` and `lang`, as bytes.
pub fn render_msel(
    sc: &Scenario,
    d: &Design,
    format: MselFormat,
    lang: Lang,
) -> Result<Vec<u8>, ReportError> {
    let rows = rows::rows(sc, d, lang);
    Ok(match format {
        MselFormat::Csv => sheet::csv(&rows, lang),
        MselFormat::Xlsx => {
            sheet::xlsx(sc, d, &rows, lang).map_err(|e| ReportError::Sheet(e.to_string()))?
        }
        MselFormat::Markdown => {
            crate::report::markdown::render(&handbook::doc(sc, d, &rows, lang)).into_bytes()
        }
        MselFormat::Html => {
            crate::report::html::render(&handbook::doc(sc, d, &rows, lang)).into_bytes()
        }
    })
}

/// Write the MSEL to `path`.
pub fn write_msel(
    sc: &Scenario,
    d: &Design,
    format: MselFormat,
    lang: Lang,
    path: &std::path::Path,
) -> Result<(), ReportError> {
    let bytes = render_msel(sc, d, format, lang)?;
    std::fs::write(path, bytes).map_err(|source| ReportError::Write {
        path: path.display().to_string(),
        source,
    })
}
