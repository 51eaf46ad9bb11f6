//! The exercise clock: exercise time advances by speed x real elapsed time unless paused.

use crate::scenario::Secs;
use bevy::prelude::*;

/// The speeds on offer (exercise seconds per real second).
pub(crate) const SPEEDS: [u32; 5] = [1, 2, 5, 10, 60];

/// Exercise time and how fast it runs.
#[derive(Resource, Debug, Clone, PartialEq)]
pub(crate) struct ExerciseClock {
    /// Exercise seconds since the start (fractional between engine steps).
    pub t: f64,
    pub speed: u32,
    pub paused: bool,
    /// The end of the exercise; the clock stops there.
    pub end: Secs,
}

impl ExerciseClock {
    pub(crate) fn new(end: Secs) -> Self {
        Self {
            t: 0.0,
            speed: 1,
            paused: true,
            end,
        }
    }

    /// Whole exercise seconds, what the engine is advanced to.
    pub(crate) fn secs(&self) -> Secs {
        self.t.max(0.0).floor() as Secs
    }

    pub(crate) fn finished(&self) -> bool {
        self.secs() >= self.end
    }
}

/// Facilitator control of the clock.
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub(crate) enum ClockCommand {
    Pause,
    Resume,
    Speed(u32),
    /// Jump forward to this exercise time (never backwards).
    JumpTo(Secs),
}

/// Runs before the engine adapter advances the engine.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ClockSet;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ClockCommand>();
    app.add_systems(
        Update,
        (apply_commands, tick)
            .chain()
            .in_set(ClockSet)
            .run_if(resource_exists::<ExerciseClock>),
    );
}

fn apply_commands(mut commands: MessageReader<ClockCommand>, mut clock: ResMut<ExerciseClock>) {
    for c in commands.read() {
        match *c {
            ClockCommand::Pause => clock.paused = true,
            ClockCommand::Resume => clock.paused = clock.finished(),
            ClockCommand::Speed(s) => clock.speed = s.clamp(1, 3600),
            ClockCommand::JumpTo(at) => {
                let at = at.min(clock.end) as f64;
                if at > clock.t {
                    clock.t = at;
                }
            }
        }
    }
}

fn tick(time: Res<Time<Real>>, mut clock: ResMut<ExerciseClock>) {
    if clock.paused {
        return;
    }
    let end = clock.end as f64;
    let step = time.delta_secs_f64() * f64::from(clock.speed);
    clock.t = (clock.t + step).min(end);
    if clock.t >= end {
        clock.paused = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::time::TimeUpdateStrategy;
    use std::time::Duration;

    fn app(step_ms: u64) -> App {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            step_ms,
        )));
        app.add_plugins(plugin);
        app.insert_resource(ExerciseClock::new(6 * 3600));
        app.update(); // the first frame has no elapsed time
        app
    }

    fn t(app: &App) -> f64 {
        app.world().resource::<ExerciseClock>().t
    }

    fn send(app: &mut App, c: ClockCommand) {
        app.world_mut().write_message(c);
    }

    #[test]
    fn starts_paused_and_advances_by_speed_times_elapsed() {
        let mut app = app(100);
        for _ in 0..10 {
            app.update();
        }
        assert_eq!(t(&app), 0.0, "paused at start");
        send(&mut app, ClockCommand::Resume);
        for _ in 0..10 {
            app.update();
        }
        assert!((t(&app) - 1.0).abs() < 1e-9, "1x for 1 s: {}", t(&app));
        send(&mut app, ClockCommand::Speed(60));
        for _ in 0..10 {
            app.update();
        }
        assert!(
            (t(&app) - 61.0).abs() < 1e-6,
            "then 60x for 1 s: {}",
            t(&app)
        );
    }

    #[test]
    fn pause_stops_time_without_drift() {
        let mut app = app(250);
        send(&mut app, ClockCommand::Speed(10));
        send(&mut app, ClockCommand::Resume);
        for _ in 0..4 {
            app.update();
        }
        let before = t(&app);
        assert!((before - 10.0).abs() < 1e-9, "{before}");
        send(&mut app, ClockCommand::Pause);
        for _ in 0..400 {
            app.update();
        }
        assert_eq!(t(&app), before, "100 s of real time while paused");
        send(&mut app, ClockCommand::Resume);
        app.update();
        assert!(
            (t(&app) - (before + 2.5)).abs() < 1e-9,
            "resumes where it stopped"
        );
    }

    #[test]
    fn jumps_forward_only_and_stops_at_the_end() {
        let mut app = app(1000);
        send(&mut app, ClockCommand::JumpTo(1800));
        app.update();
        assert_eq!(t(&app), 1800.0);
        send(&mut app, ClockCommand::JumpTo(60));
        app.update();
        assert_eq!(t(&app), 1800.0);
        send(&mut app, ClockCommand::Speed(3600));
        send(&mut app, ClockCommand::Resume);
        for _ in 0..10 {
            app.update();
        }
        let clock = app.world().resource::<ExerciseClock>();
        assert_eq!(clock.secs(), 6 * 3600);
        assert!(clock.paused && clock.finished());
    }
}
