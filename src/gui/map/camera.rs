//! The map camera: drawn in the space the panels leave, fitted to the map, panned by dragging,
//! zoomed with the wheel, and a click selects the nearest service. egui has its own camera.

use super::detail::{self, Detail, Expand, Focus};
use super::layout::{MapLayout, NODE_RADIUS};
use crate::gui::exercise::command::SelectService;
use crate::gui::exercise::dock::MapArea;
use crate::gui::screens::Screen;
use crate::scenario::ServiceId;
use bevy::camera::Viewport;
use bevy::camera::visibility::RenderLayers;
use bevy::input::mouse::{AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiGlobalSettings, PrimaryEguiContext};

/// The camera that draws the map.
#[derive(Component)]
pub(crate) struct MapCamera;

/// Pan and zoom state: fitted to the map until the user moves it.
#[derive(Resource, Debug)]
pub(crate) struct View {
    /// Keep the whole map fitted to its area (until the user pans or zooms).
    pub fitted: bool,
    /// The viewport size and map bounds of the last fit.
    fit_for: (Vec2, Rect),
    drag_from: Option<Vec2>,
    dragging: bool,
}

impl Default for View {
    fn default() -> Self {
        Self {
            fitted: true,
            fit_for: (Vec2::ZERO, Rect::default()),
            drag_from: None,
            dragging: false,
        }
    }
}

/// Fit the map to its area again.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct FitMap;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<View>();
    app.add_message::<FitMap>();
    app.add_systems(Startup, spawn_cameras);
    app.add_systems(
        Update,
        (
            viewport,
            fit,
            (pan_zoom_select).run_if(in_state(Screen::Exercise)),
        )
            .chain(),
    );
    app.add_systems(OnEnter(Screen::Exercise), |mut v: ResMut<View>| {
        *v = View::default()
    });
}

fn spawn_cameras(mut commands: Commands, mut egui: ResMut<EguiGlobalSettings>) {
    egui.auto_create_primary_context = false;
    commands.spawn((MapCamera, Camera2d, Msaa::Off));
    commands.spawn((
        PrimaryEguiContext,
        Camera2d,
        Msaa::Off,
        RenderLayers::none(),
        Camera {
            order: 1,
            clear_color: ClearColorConfig::None,
            ..default()
        },
    ));
}

/// Keep the map camera's viewport on the area the panels leave (the whole window elsewhere).
fn viewport(
    area: Res<MapArea>,
    screen: Res<State<Screen>>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<&mut Camera, With<MapCamera>>,
) {
    let want = match (area.rect, *screen.get()) {
        (Some(r), Screen::Exercise) if r.width() > 8.0 && r.height() > 8.0 => {
            let s = window.scale_factor();
            let pos = UVec2::new((r.min.x * s).max(0.0) as u32, (r.min.y * s).max(0.0) as u32);
            let full = UVec2::new(window.physical_width(), window.physical_height());
            let size = UVec2::new((r.width() * s) as u32, (r.height() * s) as u32)
                .min(full.saturating_sub(pos))
                .max(UVec2::ONE);
            Some(Viewport {
                physical_position: pos,
                physical_size: size,
                ..default()
            })
        }
        _ => None,
    };
    let same = match (&camera.viewport, &want) {
        (Some(a), Some(b)) => {
            a.physical_position == b.physical_position && a.physical_size == b.physical_size
        }
        (None, None) => true,
        _ => false,
    };
    if !same {
        camera.viewport = want;
    }
}

fn fit(
    layout: Option<Res<MapLayout>>,
    mut requests: MessageReader<FitMap>,
    mut focus: MessageReader<Focus>,
    mut view: ResMut<View>,
    camera: Single<(&Camera, &mut Transform, &mut Projection), With<MapCamera>>,
) {
    let asked = requests.read().count() > 0;
    let to = focus.read().last().copied();
    let Some(layout) = layout else {
        return;
    };
    let (camera, mut transform, mut projection) = camera.into_inner();
    let Some(size) = camera.logical_viewport_size() else {
        return;
    };
    if let Some(Focus(r)) = to {
        // Zoom to the rectangle with a margin, never closer than one unit a pixel.
        let scale = (r.width() / size.x).max(r.height() / size.y) * 1.25;
        if let Projection::Orthographic(o) = projection.as_mut() {
            o.scale = scale.clamp(1.0, max_scale(&layout, size));
        }
        transform.translation = r.center().extend(transform.translation.z);
        view.fitted = false;
        return;
    }
    let b = layout.bounds;
    if asked {
        view.fitted = true;
    }
    if !view.fitted || view.fit_for == (size, b) {
        return;
    }
    let scale = (b.width() / size.x).max(b.height() / size.y).max(0.05);
    if let Projection::Orthographic(o) = projection.as_mut() {
        o.scale = scale;
    }
    transform.translation = b.center().extend(transform.translation.z);
    view.fit_for = (size, b);
}

/// The farthest the map may zoom out: a little beyond the fit of the whole map.
fn max_scale(layout: &MapLayout, size: Vec2) -> f32 {
    let b = layout.bounds;
    ((b.width() / size.x).max(b.height() / size.y) * 1.5).max(10.0)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn pan_zoom_select(
    area: Res<MapArea>,
    layout: Option<Res<MapLayout>>,
    buttons: Res<ButtonInput<MouseButton>>,
    scroll: Res<AccumulatedMouseScroll>,
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&Camera, &GlobalTransform, &mut Transform, &mut Projection), With<MapCamera>>,
    mut view: ResMut<View>,
    detail: Res<Detail>,
    mut select: MessageWriter<SelectService>,
    mut expand: MessageWriter<Expand>,
) {
    let (camera, global, mut transform, mut projection) = camera.into_inner();
    let Some(cursor) = window.cursor_position() else {
        return;
    };
    let Projection::Orthographic(ortho) = projection.as_mut() else {
        return;
    };
    // `pointer_free` is from the last egui pass: check the cursor is over the map now too.
    let over = area.pointer_free
        && area
            .rect
            .is_some_and(|r| r.contains(bevy_egui::egui::pos2(cursor.x, cursor.y)));
    if over && scroll.delta.y != 0.0 {
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        let before = camera.viewport_to_world_2d(global, cursor).ok();
        let factor = 0.85f32.powf(lines.clamp(-5.0, 5.0));
        let most = match (&layout, camera.logical_viewport_size()) {
            (Some(l), Some(size)) => max_scale(l, size),
            _ => 10.0,
        };
        ortho.scale = (ortho.scale * factor).clamp(0.1, most);
        // Keep the point under the cursor where it is.
        if let Some(before) = before {
            let offset = before - transform.translation.truncate();
            let moved = offset * factor;
            transform.translation += (offset - moved).extend(0.0);
        }
        view.fitted = false;
    }
    if buttons.just_pressed(MouseButton::Left) && over {
        view.drag_from = Some(cursor);
        view.dragging = false;
    }
    if let Some(from) = view.drag_from {
        if buttons.pressed(MouseButton::Left) {
            let d = cursor - from;
            if view.dragging || d.length() > 4.0 {
                view.dragging = true;
                transform.translation.x -= d.x * ortho.scale;
                transform.translation.y += d.y * ortho.scale;
                view.drag_from = Some(cursor);
                view.fitted = false;
            }
        } else {
            if !view.dragging
                && let Some(layout) = layout
                && let Ok(at) = camera.viewport_to_world_2d(global, cursor)
            {
                let scale = ortho.scale;
                let agg = detail
                    .aggregates(&layout)
                    .into_iter()
                    .filter_map(|a| {
                        let d = detail::centre(&layout, a)?.distance(at);
                        (d <= (detail::radius_px(&layout, a, scale) + 4.0) * scale)
                            .then_some((a, d))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                if let Some((a, _)) = agg {
                    expand.write(Expand(a));
                } else {
                    let reach = NODE_RADIUS + 6.0 * scale.max(1.0);
                    let hit = layout
                        .hit(at, reach)
                        .filter(|i| detail.agg_of(&layout, *i).is_none())
                        .map(|i| ServiceId(i as u32));
                    select.write(SelectService(hit));
                }
            }
            view.drag_from = None;
            view.dragging = false;
        }
    }
}
