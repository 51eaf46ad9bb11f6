//! Name placement on the default scenario's map, at real font sizes.

use super::*;
use crate::gui::map::layout::layout_in;
use crate::scenario::Lang;

/// The plan for the default scenario in a map area of `w` x `h` at the fitted zoom, with
/// the bundled fonts (so sizes are the ones drawn).
fn default_plan(lang: Lang, w: f32, h: f32, selected: Option<ServiceId>) -> (Plan, Rect) {
    let s = crate::scenario::builtin_default();
    let ctx = egui::Context::default();
    ctx.set_fonts(crate::gui::fonts::font_definitions());
    let input = || egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    ctx.run_ui(input(), |_| {}).drop_without_applying_deltas();
    let rect = Rect::from_min_size(egui::pos2(300.0, 40.0), egui::vec2(w, h));
    let layout = layout_in(&s, Vec2::new(w, h));
    let view = View {
        rect,
        cam: Vec2::ZERO,
        scale: 1.0,
    };
    let i18n = I18n::new(lang);
    // The legend's place at the bottom left.
    let legend = Rect::from_min_size(
        rect.left_bottom() + egui::vec2(8.0, -40.0),
        egui::vec2(450.0, 32.0),
    );
    ctx.begin_pass(input());
    let painter = ctx.layer_painter(egui::LayerId::background());
    let detail = Detail {
        show: vec![Show::Services; layout.blocks.len()],
        all: true,
        edges: true,
    };
    let out = plan(
        &painter,
        &view,
        &layout,
        &detail,
        &s,
        &i18n,
        selected,
        &[legend],
    );
    ctx.end_pass().drop_without_applying_deltas();
    (out, rect)
}

fn check(plan: &Plan, rect: Rect) {
    let boxes: Vec<Rect> = plan
        .titles
        .iter()
        .map(|t| t.1)
        .chain(plan.names.iter().map(|n| n.rect))
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        assert!(rect.contains_rect(*a), "{a:?} leaves the map");
        for b in boxes.iter().skip(i + 1) {
            assert!(a.intersect(*b).area() <= 0.0, "{a:?} overlaps {b:?}");
        }
        for (_, it) in &plan.items {
            assert!(a.distance_to_pos(it.at) >= it.radius, "{a:?} covers a node");
        }
    }
}

#[test]
fn at_the_default_size_every_title_and_name_shows_and_nothing_overlaps() {
    let s = crate::scenario::builtin_default();
    for lang in [Lang::En, Lang::Ja] {
        // The map area of a 1280 x 800 window with the panels open.
        let (plan, rect) = default_plan(lang, 710.0, 610.0, None);
        check(&plan, rect);
        let sectors = s
            .sectors
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                (0..s.services.len()).any(|k| s.sector_of(ServiceId(k as u32)).idx() == *i)
            })
            .count();
        assert_eq!(plan.titles.len(), sectors, "{lang:?}: every sector title");
        assert_eq!(
            plan.names.len(),
            s.services.len(),
            "{lang:?}: every service named"
        );
        let full = plan.names.iter().filter(|n| !n.galley.elided).count();
        assert!(
            full * 10 >= s.services.len() * 8,
            "{lang:?}: only {full} of {} names in full",
            s.services.len()
        );
    }
}

#[test]
fn a_small_map_shortens_names_and_the_selected_one_is_whole() {
    let long = crate::scenario::builtin_default()
        .services
        .iter()
        .position(|x| x.name.en.len() > 40)
        .expect("a long name");
    let picked = ServiceId(long as u32);
    let (plan, rect) = default_plan(Lang::En, 560.0, 380.0, Some(picked));
    check(&plan, rect);
    assert!(plan.names.iter().any(|n| n.galley.elided), "some shortened");
    let sel = plan
        .names
        .iter()
        .find(|n| n.service == long)
        .expect("the selected service is named");
    assert!(sel.first && !sel.galley.elided, "in full");
}
