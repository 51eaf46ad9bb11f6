//! `crossdrill msel SCENARIO`: the MSEL and the controller's handbook on paper.

use super::say::say;
use crate::report::msel::{self, MselFormat};
use crate::scenario::{self, Lang};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `crossdrill msel`.
#[derive(Debug, Args)]
pub struct MselArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// csv, xlsx, md or html (the printable handbook); default: from --out's
    /// extension, else md.
    #[arg(long, value_parser = ["csv", "xlsx", "md", "markdown", "html"])]
    pub format: Option<String>,
    /// Write here instead of to standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Language: en or ja; default: the scenario's.
    #[arg(long, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
}

pub(super) fn run(args: &MselArgs) -> ExitCode {
    let loaded = match scenario::load_path(&args.scenario) {
        Ok(l) => l,
        Err(problems) => {
            eprintln!("{problems}");
            let file = args.scenario.display();
            let n = problems.errors().count();
            eprintln!("{}", say("cli-errors-found", &[("file", &file), ("n", &n)]));
            return ExitCode::from(2);
        }
    };
    let format = match (&args.format, &args.out) {
        (Some(f), _) => MselFormat::parse(f),
        (None, Some(out)) => MselFormat::from_path(out),
        (None, None) => None,
    }
    .unwrap_or(MselFormat::Markdown);
    let lang = args
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(loaded.scenario.language);
    let written = match &args.out {
        Some(path) => msel::write_msel(&loaded.scenario, &loaded.design, format, lang, path),
        None => msel::render_msel(&loaded.scenario, &loaded.design, format, lang).and_then(|b| {
            std::io::stdout().lock().write_all(&b).map_err(|source| {
                crate::report::ReportError::Write {
                    path: "-".into(),
                    source,
                }
            })
        }),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", say("cli-error", &[("what", &e)]));
            ExitCode::from(1)
        }
    }
}
