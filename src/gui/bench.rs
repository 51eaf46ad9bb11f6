//! `--bench-frames N`: once the exercise screen has settled, time the next N frames and
//! the process's CPU over them, print one line and exit. Frames come one after another
//! while it measures (see `redraw`), so the figure is the cost of a frame, not the wait.

use super::GuiOptions;
use super::screens::Screen;
use crate::cpu::{Whose, cpu_secs};
use bevy::prelude::*;
use std::time::{Duration, Instant};

/// Frames to let pass after the exercise screen opens (layout, fonts, first upload).
const SETTLE_FRAMES: u32 = 30;

#[derive(Resource, Default)]
struct Bench {
    settled: u32,
    last: Option<Instant>,
    cpu_at_start: Option<f64>,
    frames: Vec<Duration>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Bench>();
    // In `Update`, so the exit it asks for is seen in `Last` (the session is finished).
    app.add_systems(
        Update,
        measure.run_if(|o: Option<Res<GuiOptions>>| o.is_some_and(|o| o.bench_frames.is_some())),
    );
}

fn measure(
    options: Res<GuiOptions>,
    screen: Res<State<Screen>>,
    mut bench: ResMut<Bench>,
    mut exit: MessageWriter<AppExit>,
) {
    let want = options.bench_frames.unwrap_or_default().max(1) as usize;
    if *screen.get() != Screen::Exercise || bench.frames.len() >= want {
        return;
    }
    if bench.settled < SETTLE_FRAMES {
        bench.settled += 1;
        return;
    }
    let now = Instant::now();
    match bench.last.replace(now) {
        None => bench.cpu_at_start = cpu_secs(Whose::Own),
        Some(before) => bench.frames.push(now - before),
    }
    if bench.frames.len() == want {
        let cpu = cpu_secs(Whose::Own)
            .zip(bench.cpu_at_start)
            .map(|(end, start)| (end - start) / want as f64);
        println!("{}", summary(&bench.frames, cpu));
        exit.write(AppExit::Success);
    }
}

/// `frames N: p50 A ms, p95 B ms, max C ms, app CPU D ms per frame`.
fn summary(frames: &[Duration], cpu_per_frame: Option<f64>) -> String {
    let mut ms: Vec<f64> = frames.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    let cpu = cpu_per_frame.map_or_else(|| "?".to_owned(), |c| format!("{:.1}", c * 1e3));
    format!(
        "frames {}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms, app CPU {cpu} ms per frame",
        ms.len(),
        at(0.5),
        at(0.95),
        ms[ms.len() - 1]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_gives_the_percentiles_and_the_cpu_per_frame() {
        let frames: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(
            summary(&frames, Some(0.0125)),
            "frames 100: p50 51.0 ms, p95 95.0 ms, max 100.0 ms, app CPU 12.5 ms per frame"
        );
        assert!(summary(&frames[..1], None).ends_with("app CPU ? ms per frame"));
    }
}
