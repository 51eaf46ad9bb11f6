//! The integration tests in one binary, so the crate (and bevy with it) is linked
//! once: one module per area. What they read lives in `tests/plays/`,
//! `tests/fixtures/`, `tests/broken/` and `tests/it/snapshots/`.

mod batch_cli;
mod common;
mod describe_ja;
mod engine_cli;
mod engine_default;
mod engine_generate;
mod engine_metamorphic;
mod fork_compare;
#[cfg(feature = "gui")]
mod gui_bench;
#[cfg(feature = "gui")]
mod gui_debrief;
#[cfg(feature = "gui")]
mod gui_screenshot;
mod journal_bounds;
mod journal_compat;
mod lint_runs;
mod lint_static;
mod msel_formats;
#[cfg(feature = "net")]
mod net_chaos;
#[cfg(feature = "net")]
mod net_common;
#[cfg(feature = "net")]
mod net_faults;
#[cfg(feature = "net")]
mod net_hiding;
#[cfg(feature = "net")]
mod net_play;
#[cfg(feature = "net")]
mod net_proxy;
#[cfg(feature = "net")]
mod net_seats;
mod play_run;
mod replay_check;
mod replay_float;
mod report_cli;
mod report_formats;
mod report_markdown;
mod report_objectives;
mod report_trust;
mod scenario_files;
mod scoring_contain;
mod scoring_hand;
mod scoring_plays;
mod session_crash;
mod session_damage;
mod session_unused;
mod shipped;
mod validate_corpus;
mod validate_fuzz;
