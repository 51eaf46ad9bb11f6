//! crossdrill: a simulator for cross-sector cyber tabletop exercises on critical infrastructure.
//!
//! Layers, one-way: `scenario` (format and validation) <- `engine` (deterministic
//! simulation) <- `scoring` <- `report`, with `session` (sessions on disk, scripted
//! plays, replay) beside `report`; `net` (networked exercises) above those; `lint`
//! (design checks of a loaded scenario) reads `scenario`; `cli` and `gui` sit on top.

pub mod batch;
pub mod bots;
pub mod cli;
pub mod cpu;
pub mod engine;
pub mod files;
#[cfg(feature = "gui")]
pub mod gui;
pub mod lint;
#[cfg(feature = "net")]
pub mod net;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod words;
