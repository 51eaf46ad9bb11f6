//! Dependency edges (provider -> dependent) as one retained line mesh of arrows, coloured by
//! what the provider's trouble does to them and recoloured in place where that changes;
//! shown when every service shows (close zoom), those in sight ([`sight`]). The selected
//! service's edges have their own small mesh, rebuilt when the selection or the level of
//! detail changes, and run to the aggregate a hidden end is drawn in. A dot travels along an edge while a cascade effect is
//! on its way (exercise control's seats), and a pulse runs along it when the effect arrives:
//! at most [`MAX_PULSES`] of each a frame, one per pair of drawn ends.

use super::batch;
use super::camera::MapCamera;
use super::detail::Detail;
use super::layout::{MapLayout, NODE_RADIUS};
use super::scene::MapRoot;
use super::sight;
use crate::gui::exercise::command::Selected;
use crate::gui::exercise::dock::MapArea;
use crate::gui::exercise::picture::{Picture, Shown};
use crate::gui::screens::Screen;
use crate::gui::session::Session;
use crate::scenario::{DepId, DepKind, Dependency};
use bevy::prelude::*;
use std::collections::HashSet;

/// How long one pulse runs along its edge (real seconds), and how often it repeats.
const PULSE_SECS: f32 = 1.2;
const PULSE_REPEATS: f32 = 3.0;
/// Pulses and dots drawn a frame, at most (the newest first).
pub(crate) const MAX_PULSES: usize = 24;

#[derive(Resource, Default)]
struct Pulses {
    revision: u64,
    /// Edge and the real time its pulse began.
    running: Vec<(DepId, f32)>,
}

/// The mesh of every edge.
#[derive(Component)]
struct AllEdges;

/// The mesh of the selected service's edges.
#[derive(Component)]
struct Highlight;

/// Each edge's colour, and whether it is in sight (drawn) at close zoom.
#[derive(Resource, Default)]
struct EdgeColours {
    shown: Vec<Color>,
    seen: Vec<bool>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pulses>();
    app.init_resource::<EdgeColours>();
    app.add_systems(
        Update,
        (collect_pulses, build, recolour, highlight, draw)
            .chain()
            .after(super::detail::update)
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
        let fresh: std::collections::HashSet<DepId> =
            picture.cascades.iter().map(|(d, _)| *d).collect();
        pulses.running.retain(|(d, _)| !fresh.contains(d));
        for d in fresh {
            pulses.running.push((d, now));
        }
        // Keep the newest only: older ones would not be drawn.
        let over = pulses.running.len().saturating_sub(4 * MAX_PULSES);
        pulses.running.drain(..over);
    }
    // A pulse runs on its own: it needs the next frame.
    if !pulses.running.is_empty() {
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// An edge whose provider this seat cannot see.
const UNKNOWN: Color = Color::srgb(0.3, 0.31, 0.33);

fn kind_colour(kind: DepKind) -> Color {
    match kind {
        DepKind::Physical => Color::srgb(0.55, 0.5, 0.35),
        DepKind::Cyber => Color::srgb(0.3, 0.5, 0.6),
        DepKind::Geographic => Color::srgb(0.45, 0.4, 0.3),
        DepKind::Logical => Color::srgb(0.4, 0.4, 0.45),
    }
}

/// An edge's colour when its provider shows `from`.
fn colour(dep: &Dependency, from: Shown) -> Color {
    match from {
        Shown::Down => Color::srgb(0.9, 0.25, 0.25),
        Shown::Degraded => Color::srgb(0.9, 0.7, 0.2),
        // Quiet links stay faint, so that at close zoom (every edge drawn) the nodes
        // and the links the cascade is crossing stand out.
        Shown::Unknown => UNKNOWN.with_alpha(QUIET),
        _ => kind_colour(dep.kind).with_alpha(QUIET),
    }
}

/// The opacity of a link whose provider is up (or not known to be down).
const QUIET: f32 = 0.35;

/// The edge meshes of an older layout.
type EdgeMeshes<'w, 's> = Query<'w, 's, Entity, Or<(With<AllEdges>, With<Highlight>)>>;

/// (Re)build the mesh of every edge when the layout changes.
#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn build(
    mut commands: Commands,
    layout: Res<MapLayout>,
    session: Res<Session>,
    roots: Query<Entity, With<MapRoot>>,
    old: EdgeMeshes,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut colours: ResMut<EdgeColours>,
) {
    if !layout.is_changed() {
        return;
    }
    let Some(root) = roots.iter().next() else {
        return;
    };
    for e in &old {
        commands.entity(e).despawn();
    }
    let deps = &session.scenario.dependencies;
    let grey = UNKNOWN;
    let list: Vec<_> = deps.iter().map(|d| (ends(&layout, d), grey)).collect();
    // Blended, so that the faint colours of quiet links show as faint.
    let white = materials.add(ColorMaterial {
        alpha_mode: bevy::sprite_render::AlphaMode2d::Blend,
        ..ColorMaterial::from_color(Color::WHITE)
    });
    commands.spawn((
        AllEdges,
        Mesh2d(meshes.add(batch::arrows(&list))),
        MeshMaterial2d(white.clone()),
        Transform::from_xyz(0.0, 0.0, 0.2),
        Visibility::Hidden,
        ChildOf(root),
    ));
    commands.spawn((
        Highlight,
        Mesh2d(meshes.add(batch::arrows(&[]))),
        MeshMaterial2d(white),
        Transform::from_xyz(0.0, 0.0, 0.3),
        ChildOf(root),
    ));
    colours.shown = vec![grey; deps.len()];
    colours.seen = vec![true; deps.len()];
}

/// Recolour the edges whose provider's look changed; show them only at close zoom, and
/// then only those with an end in sight.
#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn recolour(
    session: Res<Session>,
    layout: Res<MapLayout>,
    picture: Option<Res<Picture>>,
    detail: Res<Detail>,
    camera: Single<(Ref<Transform>, Ref<Projection>), With<MapCamera>>,
    area: Res<MapArea>,
    mut all: Query<(&Mesh2d, &mut Visibility), With<AllEdges>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut colours_res: ResMut<EdgeColours>,
) {
    let Ok((mesh, mut vis)) = all.single_mut() else {
        return;
    };
    vis.set_if_neq(if detail.edges {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    });
    let (transform, projection) = &*camera;
    let moved = transform.is_changed() || projection.is_changed() || area.is_changed();
    let repaint = picture.as_ref().is_some_and(|p| p.is_changed()) || colours_res.is_changed();
    if !(repaint || detail.is_changed() || detail.edges && moved) {
        return;
    }
    let view = match (&**projection, area.rect) {
        (Projection::Orthographic(o), Some(r)) if detail.edges => Some(sight::world_view(
            transform.translation.truncate(),
            o.scale,
            r,
        )),
        _ => None,
    };
    let colours = colours_res.bypass_change_detection();
    let mut recoloured = false;
    let mut changed = vec![];
    for (k, dep) in session.scenario.dependencies.iter().enumerate() {
        let from = picture
            .as_ref()
            .and_then(|p| p.services.get(dep.from.idx()))
            .map_or(Shown::Unknown, |c| c.shown);
        let want = colour(dep, from);
        let seen = view.is_none_or(|v| sight::touches(v, &layout, dep));
        let (Some(was), Some(was_seen)) = (colours.shown.get_mut(k), colours.seen.get_mut(k))
        else {
            continue;
        };
        if *was != want || *was_seen != seen {
            recoloured |= *was != want;
            (*was, *was_seen) = (want, seen);
            changed.push((k, if seen { want } else { Color::NONE }));
        }
    }
    if recoloured {
        colours_res.set_changed();
    }
    if changed.is_empty() {
        return;
    }
    if let Some(mut m) = meshes.get_mut(&mesh.0) {
        for (k, c) in changed {
            batch::recolour_arrow(&mut m, k, c);
        }
    }
}

/// Rebuild the selected service's edges when the selection, the level of detail or the
/// edges' colours change.
#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn highlight(
    session: Res<Session>,
    layout: Res<MapLayout>,
    detail: Res<Detail>,
    selected: Res<Selected>,
    colours: Res<EdgeColours>,
    mesh: Query<&Mesh2d, With<Highlight>>,
    added: Query<(), Added<Highlight>>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let recoloured = colours.is_changed() && selected.0.is_some();
    if !selected.is_changed() && !detail.is_changed() && !recoloured && added.is_empty() {
        return;
    }
    let Ok(mesh) = mesh.single() else {
        return;
    };
    let mut list = vec![];
    if let Some(sel) = selected.0 {
        let mut seen = HashSet::new();
        for (k, d) in session.scenario.dependencies.iter().enumerate() {
            if d.from != sel && d.to != sel {
                continue;
            }
            if let Some(e) = anchored(&layout, &detail, d, &mut seen) {
                let c = colours.shown.get(k).copied().unwrap_or(UNKNOWN);
                list.push((Some(e), c.lighter(0.25)));
            }
        }
    }
    if let Some(mut m) = meshes.get_mut(&mesh.0) {
        *m = batch::arrows(&list);
    }
}

/// Pulses, effects on their way and the selected service's ring.
#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn draw(
    mut gizmos: Gizmos,
    layout: Res<MapLayout>,
    detail: Res<Detail>,
    session: Res<Session>,
    picture: Option<Res<Picture>>,
    selected: Res<Selected>,
    pulses: Res<Pulses>,
    time: Res<Time<Real>>,
) {
    let s = &session.scenario;
    let now = time.elapsed_secs();
    let mut seen = HashSet::new();
    let newest = pulses.running.iter().rev();
    let runs = newest.filter_map(|(dep, t0)| {
        let d = s.dependencies.get(dep.idx())?;
        Some((anchored(&layout, &detail, d, &mut seen)?, *t0))
    });
    for ((start, end), t0) in runs.take(MAX_PULSES) {
        let f = ((now - t0) / PULSE_SECS).fract();
        let at = start.lerp(end, f);
        let c = Color::srgb(1.0, 0.35, 0.3);
        gizmos.circle_2d(Isometry2d::from_translation(at), 5.0, c);
        gizmos.circle_2d(Isometry2d::from_translation(at), 2.5, c);
        gizmos.line_2d(start, end, c.with_alpha(0.8));
    }
    // Effects on their way along an edge (facilitator and observer): a dot where they are.
    if let Some(p) = &picture {
        let mut seen = HashSet::new();
        let flights = p.in_flight.iter().filter_map(|(dep, f)| {
            let d = s.dependencies.get(dep.idx())?;
            Some((anchored(&layout, &detail, d, &mut seen)?, *f))
        });
        for ((start, end), f) in flights.take(MAX_PULSES) {
            let c = Color::srgb(1.0, 0.55, 0.2);
            gizmos.line_2d(start, end, c.with_alpha(0.6));
            gizmos.circle_2d(Isometry2d::from_translation(start.lerp(end, f)), 4.0, c);
        }
    }
    if let Some(sel) = selected.0
        && let Some((None, p)) = detail.anchor(&layout, sel.idx())
    {
        gizmos.circle_2d(
            Isometry2d::from_translation(p),
            NODE_RADIUS + 7.0,
            Color::WHITE,
        );
    }
}

/// Where `dep` runs between its drawn ends (a node's rim, or an aggregate's centre); None
/// when both ends are in one aggregate, or an edge between the same two ends was drawn
/// already (`seen`).
fn anchored(
    layout: &MapLayout,
    detail: &Detail,
    dep: &Dependency,
    seen: &mut HashSet<[u32; 4]>,
) -> Option<(Vec2, Vec2)> {
    let (ga, a) = detail.anchor(layout, dep.from.idx())?;
    let (gb, b) = detail.anchor(layout, dep.to.idx())?;
    if ga.is_some() && ga == gb {
        return None;
    }
    if !seen.insert([a.x, a.y, b.x, b.y].map(f32::to_bits)) {
        return None;
    }
    trimmed(a, b, ga.is_none(), gb.is_none())
}

/// The line from `a` to `b`, cut back to a node's rim at each end that is a node;
/// None when the two nodes overlap.
fn trimmed(a: Vec2, b: Vec2, rim_a: bool, rim_b: bool) -> Option<(Vec2, Vec2)> {
    let d = b - a;
    let len = d.length();
    let gap = NODE_RADIUS + 4.0;
    if len <= 2.0 * gap {
        return None;
    }
    let u = d / len;
    let a = if rim_a { a + u * gap } else { a };
    let b = if rim_b { b - u * gap } else { b };
    Some((a, b))
}

/// Where the arrow of `dep` runs on the map: between its two nodes' rims; None when a node
/// is not on the map or the two overlap.
fn ends(layout: &MapLayout, dep: &Dependency) -> Option<(Vec2, Vec2)> {
    let (a, b) = (
        *layout.nodes.get(dep.from.idx())?,
        *layout.nodes.get(dep.to.idx())?,
    );
    trimmed(a, b, true, true)
}
