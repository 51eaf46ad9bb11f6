//! Batches: many scored runs of one scenario with bot teams (and a scripted play),
//! in parallel, summed into counts that merge exactly, and the calibration figures
//! worked out from them. Pure but for [`write`], which writes a batch's folder.
//!
//! - [`Spec`]: the scenario, the [`crate::bots::Cast`], the scripted play.
//! - [`run()`]: one run per seed on `jobs` workers; each run is scored against its own
//!   no-response baseline and folded at once into its worker's [`Summary`]; the
//!   summaries are added up. Counts only (scores in thousandths of a point, time
//!   bins, per-inject and per-dependency tallies), so the result is the same for
//!   any number of workers, and [`Summary::merge`] of batches over separate seed
//!   ranges equals one batch over all of them.
//! - [`Figures`]: means, spreads, quantiles (to the whole point or time bin), shares.
//! - [`write`]: `summary.json` (what `batch merge` reads), `scenario.json` (the
//!   scenario as run, so a merge needs nothing else), `calibration.json`, CSV files
//!   and `calibration.html`.

mod dist;
mod figures;
mod run;
mod summary;
mod write;

#[cfg(test)]
mod tests;

pub use dist::{ScoreDist, TimeDist};
pub use figures::{Figures, Scores, TeamFigures, Timing};
pub use run::{Spec, run};
pub use summary::{Key, MergeError, PhaseCount, RunFacts, SUMMARY_FORMAT, Summary};
pub use write::{Folder, read_folder, write};
