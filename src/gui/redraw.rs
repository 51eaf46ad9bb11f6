//! Redraw only when something moves. The window sleeps (bevy's desktop-app update mode)
//! and wakes on input; it keeps drawing frame after frame only while the exercise clock
//! runs, a network link is open, an animation plays (the map's cascade pulses ask for
//! their own frames), or a run that exits by itself needs its frames. egui asks for a
//! frame on every input event; bevy_egui feeds it the modifier keys every frame, so an
//! unchanged state is taken out again before egui sees it.

use super::GuiOptions;
use super::exercise::clock::ExerciseClock;
use super::net::{Hosting, Remote};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, keep_drawing);
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
}

/// Keep a modifier-keys event only when the keys changed since the last one egui saw.
fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut seen: Local<Vec<(Entity, egui::Modifiers)>>,
) {
    for (entity, mut input) in &mut inputs {
        let at = match seen.iter().position(|(e, _)| *e == entity) {
            Some(i) => i,
            None => {
                seen.push((entity, egui::Modifiers::NONE));
                seen.len() - 1
            }
        };
        let last = &mut seen[at].1;
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(now) if now == last => false,
            egui::Event::ModifiersChanged(now) => {
                *last = *now;
                true
            }
            _ => true,
        });
    }
}

/// Whether the next frame must come at once rather than on the next input.
fn moving(clock: Option<&ExerciseClock>, linked: bool, options: Option<&GuiOptions>) -> bool {
    clock.is_some_and(|c| !c.paused) || linked || options.is_some_and(|o| o.exits_by_itself())
}

fn keep_drawing(
    clock: Option<Res<ExerciseClock>>,
    hosting: Option<Res<Hosting>>,
    remote: Option<Res<Remote>>,
    options: Option<Res<GuiOptions>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let linked = hosting.is_some() || remote.is_some();
    if moving(clock.as_deref(), linked, options.as_deref()) {
        redraw.write(RequestRedraw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_running_clock_a_link_or_a_self_exiting_run_keeps_frames_coming() {
        let mut clock = ExerciseClock::new(3600);
        assert!(!moving(Some(&clock), false, None), "paused at start");
        assert!(
            !moving(None, false, Some(&GuiOptions::default())),
            "select screen"
        );
        clock.paused = false;
        assert!(moving(Some(&clock), false, None));
        clock.paused = true;
        assert!(moving(Some(&clock), true, None), "a network link is polled");
        let shot = GuiOptions {
            bench_frames: Some(10),
            ..default()
        };
        assert!(moving(None, false, Some(&shot)));
    }

    #[test]
    fn an_unchanged_modifier_state_does_not_reach_egui() {
        let mut app = App::new();
        app.add_systems(Update, drop_unchanged_modifiers);
        let ctx = app.world_mut().spawn(EguiInput::default()).id();
        let frame = |app: &mut App, events: Vec<egui::Event>| {
            app.world_mut()
                .get_mut::<EguiInput>(ctx)
                .expect("input")
                .0
                .events = events;
            app.update();
            app.world()
                .get::<EguiInput>(ctx)
                .expect("input")
                .0
                .events
                .clone()
        };
        let none = egui::Event::ModifiersChanged(egui::Modifiers::NONE);
        let shift = egui::Event::ModifiersChanged(egui::Modifiers::SHIFT);
        let key = egui::Event::Text("a".into());
        assert_eq!(
            frame(&mut app, vec![none.clone()]),
            vec![],
            "nothing changed"
        );
        assert_eq!(
            frame(&mut app, vec![shift.clone(), key.clone()]),
            vec![shift.clone(), key]
        );
        assert_eq!(frame(&mut app, vec![shift]), vec![], "still shift");
        assert_eq!(frame(&mut app, vec![none.clone()]), vec![none], "released");
    }
}
