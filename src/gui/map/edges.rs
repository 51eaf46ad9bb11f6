//! Dependency edges drawn as arrows (provider -> dependent), coloured by what the provider's
//! trouble does to them; a dot travels along an edge while a cascade effect is on its way
//! (exercise control's seats), and a pulse runs along it when the effect arrives.

use super::layout::{MapLayout, NODE_RADIUS};
use crate::gui::exercise::command::Selected;
use crate::gui::exercise::picture::{Picture, Shown};
use crate::gui::screens::Screen;
use crate::gui::session::Session;
use crate::scenario::{DepId, DepKind, Dependency};
use bevy::prelude::*;

/// How long one pulse runs along its edge (real seconds), and how often it repeats.
const PULSE_SECS: f32 = 1.2;
const PULSE_REPEATS: f32 = 3.0;

#[derive(Resource, Default)]
struct Pulses {
    revision: u64,
    /// Edge and the real time its pulse began.
    running: Vec<(DepId, f32)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pulses>();
    app.add_systems(
        Update,
        (collect_pulses, draw)
            .chain()
            .run_if(in_state(Screen::Exercise).and_then(resource_exists::<MapLayout>)),
    );
    app.add_systems(OnExit(Screen::Exercise), |mut p: ResMut<Pulses>| {
        *p = Pulses::default()
    });
}

fn collect_pulses(
    picture: Option<Res<Picture>>,
    time: Res<Time<Real>>,
    mut pulses: ResMut<Pulses>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let now = time.elapsed_secs();
    pulses
        .running
        .retain(|(_, t0)| now - t0 < PULSE_SECS * PULSE_REPEATS);
    if let Some(picture) = picture.filter(|p| p.revision != pulses.revision) {
        pulses.revision = picture.revision;
        for (dep, _) in &picture.cascades {
            pulses.running.retain(|(d, _)| d != dep);
            pulses.running.push((*dep, now));
        }
    }
    // A pulse runs on its own: it needs the next frame.
    if !pulses.running.is_empty() {
        redraw.write(bevy::window::RequestRedraw);
    }
}

fn kind_colour(kind: DepKind) -> Color {
    match kind {
        DepKind::Physical => Color::srgb(0.55, 0.5, 0.35),
        DepKind::Cyber => Color::srgb(0.3, 0.5, 0.6),
        DepKind::Geographic => Color::srgb(0.45, 0.4, 0.3),
        DepKind::Logical => Color::srgb(0.4, 0.4, 0.45),
    }
}

fn draw(
    mut gizmos: Gizmos,
    layout: Res<MapLayout>,
    session: Res<Session>,
    picture: Option<Res<Picture>>,
    selected: Res<Selected>,
    pulses: Res<Pulses>,
    time: Res<Time<Real>>,
) {
    let s = &session.scenario;
    let shown = |i: usize| {
        picture
            .as_ref()
            .and_then(|p| p.services.get(i))
            .map_or(Shown::Unknown, |c| c.shown)
    };
    for dep in &s.dependencies {
        let Some((start, end)) = ends(&layout, dep) else {
            continue;
        };
        let touches = selected.0.is_some_and(|x| x == dep.from || x == dep.to);
        let base = kind_colour(dep.kind);
        let colour = match shown(dep.from.idx()) {
            Shown::Down => Color::srgb(0.9, 0.25, 0.25),
            Shown::Degraded => Color::srgb(0.9, 0.7, 0.2),
            Shown::Unknown => Color::srgb(0.3, 0.31, 0.33),
            _ => base,
        };
        let colour = if touches {
            colour.lighter(0.25)
        } else {
            colour
        };
        gizmos.arrow_2d(start, end, colour).with_tip_length(8.0);
    }
    let now = time.elapsed_secs();
    for (dep, t0) in &pulses.running {
        let Some((start, end)) = s.dependencies.get(dep.idx()).and_then(|d| ends(&layout, d))
        else {
            continue;
        };
        let f = ((now - t0) / PULSE_SECS).fract();
        let at = start.lerp(end, f);
        let c = Color::srgb(1.0, 0.35, 0.3);
        gizmos.circle_2d(Isometry2d::from_translation(at), 5.0, c);
        gizmos.circle_2d(Isometry2d::from_translation(at), 2.5, c);
        gizmos.line_2d(start, end, c.with_alpha(0.8));
    }
    // Effects on their way along an edge (facilitator and observer): a dot where they are.
    if let Some(p) = &picture {
        for (dep, f) in &p.in_flight {
            let Some((start, end)) = s.dependencies.get(dep.idx()).and_then(|d| ends(&layout, d))
            else {
                continue;
            };
            let c = Color::srgb(1.0, 0.55, 0.2);
            gizmos.line_2d(start, end, c.with_alpha(0.6));
            gizmos.circle_2d(Isometry2d::from_translation(start.lerp(end, *f)), 4.0, c);
        }
    }
    if let Some(sel) = selected.0
        && let Some(p) = layout.nodes.get(sel.idx())
    {
        gizmos.circle_2d(
            Isometry2d::from_translation(*p),
            NODE_RADIUS + 7.0,
            Color::WHITE,
        );
    }
    if let Some(picture) = picture {
        for (i, card) in picture.services.iter().enumerate() {
            if card.compromised
                && let Some(p) = layout.nodes.get(i)
            {
                gizmos.circle_2d(
                    Isometry2d::from_translation(*p),
                    NODE_RADIUS + 4.0,
                    Color::srgb(0.8, 0.3, 0.9),
                );
            }
        }
    }
}

/// Where the arrow of `dep` runs on the map: between its two nodes' rims; None when a node
/// is not on the map or the two overlap.
fn ends(layout: &MapLayout, dep: &Dependency) -> Option<(Vec2, Vec2)> {
    let (a, b) = (
        *layout.nodes.get(dep.from.idx())?,
        *layout.nodes.get(dep.to.idx())?,
    );
    let d = b - a;
    let len = d.length();
    let gap = NODE_RADIUS + 4.0;
    if len <= 2.0 * gap {
        return None;
    }
    let u = d / len;
    Some((a + u * gap, b - u * gap))
}
