//! Fonts and look: the bundled IPA P Gothic (so Japanese renders) for egui, which draws every
//! word on screen (the map's names too).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::sync::Arc;

/// IPA P Gothic, IPA Font License v1.0 (see `assets/fonts/`).
static IPA_P_GOTHIC: &[u8] = include_bytes!("../../assets/fonts/ipagp.ttf");

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, setup_egui.run_if(not_set_up));
}

#[derive(Resource)]
struct EguiReady;

fn not_set_up(ready: Option<Res<EguiReady>>) -> bool {
    ready.is_none()
}

fn setup_egui(mut contexts: EguiContexts, mut commands: Commands) -> Result {
    let ctx = contexts.ctx_mut()?;
    ctx.set_fonts(font_definitions());
    ctx.set_visuals(egui::Visuals::dark());
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(6.0, 5.0);
        style.spacing.button_padding = egui::vec2(6.0, 3.0);
    });
    commands.insert_resource(EguiReady);
    Ok(())
}

/// egui's default fonts with IPA P Gothic as the first fallback of every family.
pub(crate) fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "ipag".into(),
        Arc::new(egui::FontData::from_static(IPA_P_GOTHIC)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        let at = 1.min(list.len());
        list.insert(at, "ipag".into());
    }
    fonts
}
