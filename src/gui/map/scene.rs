//! The map's entities: sector bands, service nodes with an icon and a label; built when the
//! exercise starts (or restarts with another scenario) and recoloured from the seat's picture.

use super::camera::MapCamera;
use super::layout::{self, MapLayout, NODE_RADIUS};
use crate::gui::exercise::picture::{Picture, ServiceCard, Shown};
use crate::gui::fonts::MapFont;
use crate::gui::i18n::I18n;
use crate::gui::screens::Screen;
use crate::gui::session::Session;
use crate::scenario::Scenario;
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::TextBounds;
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

#[derive(Component)]
pub(crate) struct NodeLabel(pub usize);

#[derive(Component)]
pub(crate) struct BandLabel(pub usize);

/// Text that keeps its size on screen whatever the zoom.
#[derive(Component)]
pub(crate) struct ScreenSized;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (build, (recolour, relabel, keep_text_size))
            .chain()
            .run_if(in_state(Screen::Exercise)),
    );
    app.add_systems(OnExit(Screen::Exercise), |mut commands: Commands| {
        commands.remove_resource::<MapLayout>();
    });
}

fn build(
    mut commands: Commands,
    session: Option<Res<Session>>,
    roots: Query<(Entity, &MapRoot)>,
    font: Option<Res<MapFont>>,
    i18n: Res<I18n>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
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
    let lay = layout::layout(scenario);
    let circle = meshes.add(Circle::new(NODE_RADIUS));
    let ring = meshes.add(Circle::new(NODE_RADIUS + 3.0));
    let label_font = TextFont {
        font: font.0.clone().into(),
        font_size: FontSize::Px(12.0),
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
    for (sector, lo, hi) in &lay.bands {
        let Some(sec) = scenario.sectors.get(sector.idx()) else {
            continue;
        };
        let [r, g, b] = sec.colour;
        let c = Color::srgb_u8(r, g, b);
        let size = *hi - *lo;
        let centre = (*lo + *hi) / 2.0;
        commands.spawn((
            Sprite::from_color(c.with_alpha(0.10), size),
            Transform::from_translation(centre.extend(-2.0)),
            ChildOf(root),
        ));
        commands.spawn((
            Text2d::new(i18n.text(&sec.name)),
            label_font.clone().with_font_size(FontSize::Px(13.0)),
            TextColor(c.with_alpha(0.9)),
            Anchor::TOP_LEFT,
            Transform::from_translation(Vec3::new(lo.x + 6.0, hi.y - 4.0, -1.0)),
            BandLabel(sector.idx()),
            ScreenSized,
            ChildOf(root),
        ));
    }
    for (i, pos) in lay.nodes.iter().enumerate() {
        let material = materials.add(ColorMaterial::from_color(Color::srgb(0.4, 0.4, 0.4)));
        let ring_material = materials.add(ColorMaterial::from_color(Color::srgb(0.12, 0.13, 0.15)));
        commands.spawn((
            Mesh2d(ring.clone()),
            MeshMaterial2d(ring_material),
            Transform::from_translation(pos.extend(0.5)),
            ChildOf(root),
        ));
        commands.spawn((
            Node(i),
            Mesh2d(circle.clone()),
            MeshMaterial2d(material),
            Transform::from_translation(pos.extend(1.0)),
            ChildOf(root),
        ));
        commands.spawn((
            NodeIcon(i),
            Text2d::new(""),
            label_font.clone().with_font_size(FontSize::Px(16.0)),
            TextColor(Color::BLACK),
            Transform::from_translation(pos.extend(2.0)),
            ChildOf(root),
        ));
        let name = scenario.services.get(i).map_or("", |s| i18n.text(&s.name));
        commands.spawn((
            NodeLabel(i),
            ScreenSized,
            Text2d::new(name),
            label_font.clone().with_font_size(FontSize::Px(11.0)),
            TextColor(Color::srgb(0.85, 0.87, 0.9)),
            TextLayout::justify(Justify::Center),
            TextBounds::new_horizontal(105.0),
            Anchor::TOP_CENTER,
            Transform::from_translation(Vec3::new(pos.x, pos.y - NODE_RADIUS - 4.0, 2.0)),
            ChildOf(root),
        ));
    }
    commands.insert_resource(lay);
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
    nodes: Query<(&Node, &MeshMaterial2d<ColorMaterial>)>,
    mut icons: Query<(&NodeIcon, &mut Text2d)>,
    mut labels: Query<(&NodeLabel, &mut TextColor)>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    added: Query<(), Added<Node>>,
) {
    let Some(picture) = picture else {
        return;
    };
    if !picture.is_changed() && added.is_empty() {
        return;
    }
    let unknown = ServiceCard::unknown();
    for (node, material) in &nodes {
        let card = picture.services.get(node.0).unwrap_or(&unknown);
        if let Some(mut m) = materials.get_mut(&material.0) {
            m.color = look(card).0;
        }
    }
    for (icon, mut text) in &mut icons {
        let card = picture.services.get(icon.0).unwrap_or(&unknown);
        let want = look(card).1;
        if text.0 != want {
            text.0 = want.to_owned();
        }
    }
    for (label, mut colour) in &mut labels {
        let known = picture
            .services
            .get(label.0)
            .is_some_and(|c| c.shown != Shown::Unknown);
        colour.0 = if known {
            Color::srgb(0.88, 0.9, 0.93)
        } else {
            Color::srgb(0.45, 0.47, 0.5)
        };
    }
}

fn relabel(
    i18n: Res<I18n>,
    session: Option<Res<Session>>,
    mut labels: Query<(&NodeLabel, &mut Text2d), Without<BandLabel>>,
    mut bands: Query<(&BandLabel, &mut Text2d), Without<NodeLabel>>,
    added: Query<(), Added<NodeLabel>>,
) {
    let Some(session) = session else {
        return;
    };
    if !i18n.is_changed() && added.is_empty() {
        return;
    }
    let s = &session.scenario;
    for (label, mut text) in &mut labels {
        if let Some(svc) = s.services.get(label.0) {
            text.0 = i18n.text(&svc.name).to_owned();
        }
    }
    for (band, mut text) in &mut bands {
        if let Some(sec) = s.sectors.get(band.0) {
            text.0 = i18n.text(&sec.name).to_owned();
        }
    }
}

/// Counter the camera's zoom on labels so they stay readable.
fn keep_text_size(
    camera: Single<&Projection, With<MapCamera>>,
    mut texts: Query<&mut Transform, With<ScreenSized>>,
) {
    let Projection::Orthographic(o) = *camera else {
        return;
    };
    let want = Vec3::splat(o.scale.clamp(0.4, 3.0));
    for mut t in &mut texts {
        if t.scale != want {
            t.scale = want;
        }
    }
}
