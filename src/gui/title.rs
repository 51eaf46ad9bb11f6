//! The window title names the scenario in play, in the UI language.

use super::i18n::I18n;
use super::session::Session;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, retitle);
}

fn retitle(
    session: Option<Res<Session>>,
    i18n: Res<I18n>,
    mut window: Query<&mut Window, With<PrimaryWindow>>,
) {
    let changed = i18n.is_changed() || session.as_ref().is_some_and(|s| s.is_changed());
    let Ok(mut window) = window.single_mut() else {
        return;
    };
    if !changed {
        return;
    }
    let want = match &session {
        Some(s) => format!("crossdrill — {}", i18n.text(&s.scenario.title)),
        None => "crossdrill".to_owned(),
    };
    if window.title != want {
        window.title = want;
    }
}
