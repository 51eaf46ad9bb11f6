//! Networked seats in the app: hosting the exercise from the facilitator's screen (the
//! seat table; revoke and reissue a seat) and joining one with a seat file (the exercise
//! screen fed only by what the host sends). Both sides use `crate::net`; the engine stays
//! behind the local adapter on the host, and a joined screen has none.

mod feed;
mod host;
mod join;
mod table;
#[cfg(test)]
mod tests;
mod ui;

pub(crate) use host::{Hosting, StartHosting};
pub(crate) use join::{JoinSeat, Remote};
pub(crate) use ui::{HostBox, JoinBox};

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    crate::net::plugins(app);
    app.add_plugins((host::plugin, join::plugin, table::plugin, ui::plugin));
}
