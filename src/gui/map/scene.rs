//! The map's entities: sector bands and, per block (a sector's services in one area), one
//! mesh of its nodes; built when the exercise starts (or restarts with another scenario),
//! moved when a hand-placed map's area changes size while fitted, recoloured in place from
//! the seat's picture (only the nodes whose look changed), and hidden while their block is
//! drawn as an aggregate. Names, status icons and sector titles are drawn over it by `labels`.

use super::batch::{self, RING};
use super::camera::View;
use super::detail::{Detail, Show};
use super::layout::{self, MapLayout};
use crate::gui::exercise::dock::MapArea;
use crate::gui::exercise::picture::{Picture, ServiceCard, Shown};
use crate::gui::screens::Screen;
use crate::gui::session::Session;
use crate::scenario::Scenario;
use bevy::prelude::*;
use std::sync::Arc;

/// The parent of every map entity.
#[derive(Component)]
pub(crate) struct MapRoot {
    built_for: Arc<Scenario>,
}

/// A block's node mesh, by block index.
#[derive(Component)]
struct BlockNodes(usize);

/// A sector band's background, by band index in [`MapLayout::bands`].
#[derive(Component)]
struct Band(usize);

/// Each service's fill and ring as drawn now (to recolour only what changed).
#[derive(Resource, Default)]
struct Drawn(Vec<(Color, Color)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Drawn>();
    app.add_systems(
        Update,
        (build, relayout, place, recolour, show)
            .chain()
            .after(super::detail::update)
            .run_if(in_state(Screen::Exercise)),
    );
    app.add_systems(OnExit(Screen::Exercise), |mut commands: Commands| {
        commands.remove_resource::<MapLayout>();
    });
}

/// The size of the map's area now, once it is known.
fn area_size(area: &MapArea) -> Option<Vec2> {
    area.rect
        .map(|r| Vec2::new(r.width(), r.height()))
        .filter(|s| s.x > 8.0 && s.y > 8.0)
}

fn build(
    mut commands: Commands,
    session: Option<Res<Session>>,
    roots: Query<(Entity, &MapRoot)>,
    area: Res<MapArea>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut drawn: ResMut<Drawn>,
) {
    let Some(session) = session else {
        return;
    };
    let scenario = &session.scenario;
    if roots
        .iter()
        .any(|(_, r)| Arc::ptr_eq(&r.built_for, scenario))
    {
        return;
    }
    for (e, _) in &roots {
        commands.entity(e).despawn();
    }
    let lay = layout::layout_in(scenario, area_size(&area).unwrap_or(layout::DEFAULT_SIZE));
    let root = commands
        .spawn((
            MapRoot {
                built_for: scenario.clone(),
            },
            Transform::default(),
            Visibility::default(),
            DespawnOnExit(Screen::Exercise),
        ))
        .id();
    for (k, (sector, lo, hi)) in lay.bands.iter().enumerate() {
        let Some(sec) = scenario.sectors.get(sector.idx()) else {
            continue;
        };
        let [r, g, b] = sec.colour;
        let c = Color::srgb_u8(r, g, b);
        commands.spawn((
            Band(k),
            Sprite::from_color(c.with_alpha(0.10), *hi - *lo),
            Transform::from_translation(((*lo + *hi) / 2.0).extend(-2.0)),
            ChildOf(root),
        ));
    }
    // White: the vertex colours are the nodes' colours.
    let white = materials.add(ColorMaterial::from_color(Color::WHITE));
    let unknown = look(&ServiceCard::unknown()).0;
    for (k, block) in lay.blocks.iter().enumerate() {
        let at: Vec<Vec2> = block
            .members
            .iter()
            .map(|i| lay.nodes[*i as usize])
            .collect();
        commands.spawn((
            BlockNodes(k),
            Mesh2d(meshes.add(batch::nodes(&at, unknown, RING))),
            MeshMaterial2d(white.clone()),
            Transform::from_xyz(0.0, 0.0, 1.0),
            ChildOf(root),
        ));
    }
    drawn.0 = vec![(unknown, RING); lay.nodes.len()];
    commands.insert_resource(lay);
}

/// The map's area changed size while the map is fitted: spread the services over it again.
fn relayout(
    session: Option<Res<Session>>,
    area: Res<MapArea>,
    view: Res<View>,
    layout: Option<ResMut<MapLayout>>,
) {
    let (Some(session), Some(mut layout), Some(size)) = (session, layout, area_size(&area)) else {
        return;
    };
    if !view.fitted {
        return;
    }
    if layout::framed(size).distance(layout.size) <= 0.5 {
        return;
    }
    if layout.auto {
        // The lanes keep their spacing: only the frame follows the area.
        layout.reframe(size);
        return;
    }
    let fresh = layout::layout_in(&session.scenario, size);
    if fresh != *layout {
        *layout = fresh;
    }
}

/// Move nodes and bands to where the layout puts them (a hand-placed map's area changed).
fn place(
    layout: Option<Res<MapLayout>>,
    mut blocks: Query<(&BlockNodes, &Mesh2d)>,
    mut bands: Query<(&Band, &mut Sprite, &mut Transform)>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut drawn: ResMut<Drawn>,
) {
    let Some(layout) = layout.filter(|l| l.is_changed() && !l.is_added()) else {
        return;
    };
    for (b, mesh) in &mut blocks {
        let Some(block) = layout.blocks.get(b.0) else {
            continue;
        };
        let at: Vec<Vec2> = block
            .members
            .iter()
            .map(|i| layout.nodes[*i as usize])
            .collect();
        if let Some(mut m) = meshes.get_mut(&mesh.0) {
            *m = batch::nodes(&at, look(&ServiceCard::unknown()).0, RING);
        }
    }
    // The new meshes start grey: recolour all.
    drawn.0.fill((Color::NONE, Color::NONE));
    for (band, mut sprite, mut t) in &mut bands {
        if let Some((_, lo, hi)) = layout.bands.get(band.0) {
            sprite.custom_size = Some(*hi - *lo);
            t.translation = ((*lo + *hi) / 2.0).extend(t.translation.z);
        }
    }
}

/// Fill colour and icon for a card.
pub(crate) fn look(card: &ServiceCard) -> (Color, &'static str) {
    let c = |e: bevy_egui::egui::Color32| Color::srgb_u8(e.r(), e.g(), e.b());
    use crate::gui::widgets::colour as k;
    let (fill, icon) = match card.shown {
        Shown::Up => (c(k::UP), ""),
        Shown::Degraded => (c(k::DEGRADED), "~"),
        Shown::Down => (c(k::DOWN), "×"),
        Shown::Backup => (c(k::BACKUP), "B"),
        Shown::Recovering => (c(k::BACKUP), "R"),
        Shown::Unknown => (c(k::UNKNOWN), "?"),
    };
    let icon = if card.compromised { "!" } else { icon };
    (fill, icon)
}

/// Recolour the nodes whose look changed in the seat's picture.
fn recolour(
    picture: Option<Res<Picture>>,
    layout: Option<Res<MapLayout>>,
    blocks: Query<(&BlockNodes, &Mesh2d)>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut drawn: ResMut<Drawn>,
) {
    let (Some(picture), Some(layout)) = (picture, layout) else {
        return;
    };
    if !picture.is_changed() && !layout.is_changed() {
        return;
    }
    let unknown = ServiceCard::unknown();
    let compromised = {
        let c = crate::gui::widgets::colour::COMPROMISED;
        Color::srgb_u8(c.r(), c.g(), c.b())
    };
    let mut changed: Vec<Vec<usize>> = vec![vec![]; layout.blocks.len()];
    for (i, was) in drawn.0.iter_mut().enumerate() {
        let card = picture.services.get(i).unwrap_or(&unknown);
        let ring = if card.compromised { compromised } else { RING };
        let now = (look(card).0, ring);
        if *was != now {
            *was = now;
            if let Some(k) = layout.block_of.get(i) {
                changed[*k as usize].push(i);
            }
        }
    }
    for (b, mesh) in &blocks {
        let (Some(list), Some(block)) = (changed.get(b.0), layout.blocks.get(b.0)) else {
            continue;
        };
        if list.is_empty() {
            continue;
        }
        let Some(mut m) = meshes.get_mut(&mesh.0) else {
            continue;
        };
        for i in list {
            if let Some(k) = block.members.iter().position(|m| *m as usize == *i) {
                let (fill, ring) = drawn.0[*i];
                batch::recolour_node(&mut m, k, fill, ring);
            }
        }
    }
}

/// Hide a block's nodes while it is drawn as an aggregate.
fn show(detail: Res<Detail>, mut blocks: Query<(&BlockNodes, &mut Visibility)>) {
    if !detail.is_changed() {
        return;
    }
    for (b, mut v) in &mut blocks {
        let want = match detail.show.get(b.0) {
            Some(Show::Block | Show::Lane) => Visibility::Hidden,
            _ => Visibility::Inherited,
        };
        v.set_if_neq(want);
    }
}
