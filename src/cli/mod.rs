//! The command line: argument parsing and one module per command.

mod validate;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// crossdrill: run cross-sector cyber tabletop exercises on critical infrastructure.
#[derive(Debug, Parser)]
#[command(name = "crossdrill", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario and seed files; print every problem with file:line:column.
    Validate {
        /// Files to check (scenarios or seeds).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Run a parsed command line and return the process exit status.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate { paths } => validate::run(&paths),
    }
}
