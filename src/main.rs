//! The `crossdrill` binary: parse the command line, then run a command or open the app.

use clap::Parser;
use crossdrill::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => cli::run(cli::Command::Gui(cli::GuiArgs::default())),
    }
}
