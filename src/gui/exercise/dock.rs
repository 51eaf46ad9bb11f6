//! Panel layout of the exercise screen: panel systems run in a fixed order and each takes its
//! side from what is left; what remains in the middle is the map.

use crate::gui::screens::Screen;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The order panels take their space in.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PanelSet {
    Begin,
    Top,
    Bottom,
    Left,
    Right,
    /// Windows and dialogs float above everything; the map rect is final here.
    Windows,
}

/// The window area not yet taken by a panel (logical pixels).
#[derive(Resource, Debug, Clone, Copy)]
pub(crate) struct Dock {
    remaining: egui::Rect,
}

/// Where the map is drawn (logical pixels), and whether the pointer is over it and free.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub(crate) struct MapArea {
    pub rect: Option<egui::Rect>,
    pub pointer_free: bool,
}

impl Dock {
    /// What is left for the map, once the panels have taken their space.
    pub(crate) fn remaining(&self) -> Option<egui::Rect> {
        (self.remaining.is_positive()).then_some(self.remaining)
    }

    /// Show `panel` in the remaining area and take its space.
    pub(crate) fn show<R>(
        &mut self,
        ctx: &egui::Context,
        panel: egui::Panel,
        id: &str,
        add: impl FnOnce(&mut egui::Ui) -> R,
    ) -> R {
        let mut ui = egui::Ui::new(
            ctx.clone(),
            egui::Id::new(("dock", id)),
            egui::UiBuilder::new()
                .layer_id(egui::LayerId::background())
                .max_rect(self.remaining),
        );
        let inner = panel.show(&mut ui, add).inner;
        self.remaining = ui.available_rect_before_wrap();
        inner
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MapArea>();
    app.insert_resource(Dock {
        remaining: egui::Rect::NOTHING,
    });
    app.configure_sets(
        EguiPrimaryContextPass,
        (
            PanelSet::Begin,
            PanelSet::Top,
            PanelSet::Bottom,
            PanelSet::Left,
            PanelSet::Right,
            PanelSet::Windows,
        )
            .chain()
            .run_if(in_state(Screen::Exercise)),
    );
    app.add_systems(EguiPrimaryContextPass, begin.in_set(PanelSet::Begin));
    app.add_systems(EguiPrimaryContextPass, finish.in_set(PanelSet::Windows));
    app.add_systems(OnExit(Screen::Exercise), |mut area: ResMut<MapArea>| {
        *area = MapArea::default();
    });
}

fn begin(mut contexts: EguiContexts, mut dock: ResMut<Dock>) -> Result {
    dock.remaining = contexts.ctx_mut()?.viewport_rect();
    Ok(())
}

fn finish(mut contexts: EguiContexts, dock: Res<Dock>, mut area: ResMut<MapArea>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let rect = dock.remaining;
    let free = ctx.input(|i| i.pointer.hover_pos()).is_some_and(|p| {
        rect.contains(p)
            && ctx
                .layer_id_at(p)
                .is_none_or(|l| l.order == egui::Order::Background)
            && !ctx.egui_is_using_pointer()
    });
    *area = MapArea {
        rect: Some(rect),
        pointer_free: free,
    };
    Ok(())
}
