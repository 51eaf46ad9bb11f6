//! Bot teams: a bot plays one team from that team's sight only (its view and its
//! inbox, never the ground truth) through the commands a person in the seat sends.
//! Pure: uses `engine`, `scenario` and `words` (for the texts it writes).
//!
//! - [`Profile`]: `textbook` (every step, two minutes after its reason shows),
//!   `realistic` (delays and missed steps drawn from [`Params::REALISTIC`], keyed by
//!   the run's seed and the decision, so a run replays), `absent` (nothing).
//! - [`Bot::observe`] takes in what changed in a [`Sight`]; [`Bot::due`] gives the
//!   commands whose time has come; [`Bot::next_due`] says when that is. Anything
//!   that can give a [`Sight`] can drive a bot: [`EngineSight`] in one process, the
//!   picture a network client receives on another machine.
//! - [`Cast`]: which teams bots play, and with what profile; [`play`] runs an engine
//!   with a cast and a scripted play to a given time.
//!
//! What a bot does, by what it sees:
//!
//! | it sees | it does |
//! |---|---|
//! | an incident, or new detections in one | reports it to the ministry desks and the coordination centre it has channels to, and warns the teams that depend directly on the incident's services and its CEPTOAR |
//! | a compromise or tampering | isolates the service (compromise), cleans it with the quickest patch action, then restores it |
//! | a service of its own degraded or down, not suspected | switches it to the fallback (backup or manual) with the most capacity |
//! | a service on its generator | sends fuel |
//! | its first service down | activates the business-continuity plan |
//! | a request or alert naming a suspected service of its own | cleans it |
//! | a team message about something | passes it on: the centre forwards it to everyone else, a CEPTOAR to its other members, a ministry desk to the centre (or from the centre to its sector), an operator to the teams depending on its services that depend on what it names |
//!
//! Nothing is told twice to the same team about the same incident or service.

mod act;
mod bot;
mod cast;
mod drive;
mod outlook;
mod profile;
mod sight;

#[cfg(test)]
mod tests;

pub use bot::Bot;
pub use cast::{Cast, CastError};
pub use drive::{Table, play, play_on};
pub use outlook::Outlook;
pub use profile::{Delay, Params, Profile, StepKind};
pub use sight::{EngineSight, Sight};
