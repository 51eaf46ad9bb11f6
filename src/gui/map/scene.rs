//! The map's entities: sector bands and service nodes with a status icon; built when the
//! exercise starts (or restarts with another scenario), laid out again when the map's area
//! changes size while fitted, and recoloured from the seat's picture. Names and sector
//! titles are drawn over it by `labels`. Nodes share one material per fill colour (and the
//! rings one material), so a recolour swaps a handle where a node's look changed: no
//! material is rewritten each frame, and nodes of one colour draw as one batch.

use super::camera::View;
use super::layout::{self, MapLayout, NODE_RADIUS};
use crate::gui::exercise::dock::MapArea;
use crate::gui::exercise::picture::{Picture, ServiceCard, Shown};
use crate::gui::fonts::MapFont;
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

/// A service's node.
#[derive(Component)]
pub(crate) struct Node(pub usize);

#[derive(Component)]
pub(crate) struct NodeIcon(pub usize);

/// The dark ring behind a node.
#[derive(Component)]
struct NodeRing(usize);

/// A sector band's background, by band index in [`MapLayout::bands`].
#[derive(Component)]
struct Band(usize);

/// One material per node fill colour, made when first needed.
#[derive(Resource, Default)]
struct Palette(Vec<(Color, Handle<ColorMaterial>)>);

impl Palette {
    fn get(
        &mut self,
        colour: Color,
        materials: &mut Assets<ColorMaterial>,
    ) -> Handle<ColorMaterial> {
        if let Some((_, h)) = self.0.iter().find(|(c, _)| *c == colour) {
            return h.clone();
        }
        let h = materials.add(ColorMaterial::from_color(colour));
        self.0.push((colour, h.clone()));
        h
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Palette>();
    app.add_systems(
        Update,
        (build, relayout, place, recolour)
            .chain()
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

#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn build(
    mut commands: Commands,
    session: Option<Res<Session>>,
    roots: Query<(Entity, &MapRoot)>,
    font: Option<Res<MapFont>>,
    area: Res<MapArea>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut palette: ResMut<Palette>,
) {
    let (Some(session), Some(font)) = (session, font) else {
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
    let circle = meshes.add(Circle::new(NODE_RADIUS));
    let ring = meshes.add(Circle::new(NODE_RADIUS + 3.0));
    let icon_font = TextFont {
        font: font.0.clone().into(),
        font_size: FontSize::Px(16.0),
        ..default()
    };
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
    let unknown = palette.get(look(&ServiceCard::unknown()).0, &mut materials);
    let ring_material = materials.add(ColorMaterial::from_color(Color::srgb(0.12, 0.13, 0.15)));
    for (i, pos) in lay.nodes.iter().enumerate() {
        commands.spawn((
            NodeRing(i),
            Mesh2d(ring.clone()),
            MeshMaterial2d(ring_material.clone()),
            Transform::from_translation(pos.extend(0.5)),
            ChildOf(root),
        ));
        commands.spawn((
            Node(i),
            Mesh2d(circle.clone()),
            MeshMaterial2d(unknown.clone()),
            Transform::from_translation(pos.extend(1.0)),
            ChildOf(root),
        ));
        commands.spawn((
            NodeIcon(i),
            Text2d::new(""),
            icon_font.clone(),
            TextColor(Color::BLACK),
            Transform::from_translation(pos.extend(2.0)),
            ChildOf(root),
        ));
    }
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

/// Move nodes and bands to where the layout puts them.
#[allow(clippy::type_complexity)] // A bevy query over the node's parts.
fn place(
    layout: Option<Res<MapLayout>>,
    mut nodes: Query<
        (
            &mut Transform,
            Option<&Node>,
            Option<&NodeRing>,
            Option<&NodeIcon>,
        ),
        (
            Without<Band>,
            Or<(With<Node>, With<NodeRing>, With<NodeIcon>)>,
        ),
    >,
    mut bands: Query<(&Band, &mut Sprite, &mut Transform)>,
    added: Query<(), Added<Node>>,
) {
    let Some(layout) = layout else {
        return;
    };
    if !layout.is_changed() && added.is_empty() {
        return;
    }
    for (mut t, node, ring, icon) in &mut nodes {
        let Some(i) = node
            .map(|n| n.0)
            .or(ring.map(|r| r.0))
            .or(icon.map(|n| n.0))
        else {
            continue;
        };
        if let Some(p) = layout.nodes.get(i) {
            t.translation = p.extend(t.translation.z);
        }
    }
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

fn recolour(
    picture: Option<Res<Picture>>,
    mut nodes: Query<(&Node, &mut MeshMaterial2d<ColorMaterial>)>,
    mut icons: Query<(&NodeIcon, &mut Text2d)>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut palette: ResMut<Palette>,
    added: Query<(), Added<Node>>,
) {
    let Some(picture) = picture else {
        return;
    };
    if !picture.is_changed() && added.is_empty() {
        return;
    }
    let unknown = ServiceCard::unknown();
    for (node, mut material) in &mut nodes {
        let card = picture.services.get(node.0).unwrap_or(&unknown);
        let want = palette.get(look(card).0, &mut materials);
        if material.0 != want {
            material.0 = want;
        }
    }
    for (icon, mut text) in &mut icons {
        let card = picture.services.get(icon.0).unwrap_or(&unknown);
        let want = look(card).1;
        if text.0 != want {
            text.0 = want.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_material_per_colour() {
        let mut materials = Assets::<ColorMaterial>::default();
        let mut palette = Palette::default();
        let red = palette.get(Color::srgb(1.0, 0.0, 0.0), &mut materials);
        let green = palette.get(Color::srgb(0.0, 1.0, 0.0), &mut materials);
        assert_ne!(red, green);
        assert_eq!(palette.get(Color::srgb(1.0, 0.0, 0.0), &mut materials), red);
        assert_eq!(materials.len(), 2);
    }
}
