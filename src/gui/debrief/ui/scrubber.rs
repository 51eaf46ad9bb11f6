//! The timeline scrubber at the bottom of the debrief: step buttons, the moment shown, a
//! track with the run's events marked on it (drag or click to move), and "play from here".

use super::Ctx;
use crate::engine::{Command, EntryKind, Journal};
use crate::gui::debrief::fork::PlayFrom;
use crate::gui::debrief::scrub::ScrubTo;
use crate::gui::widgets::{self, colour};
use crate::scenario::Secs;
use bevy_egui::egui::{self, Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

/// What a mark on the track stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A team's command (action, message).
    Team,
    /// Exercise control's command or an inject.
    Control,
    /// A threat step that did something.
    Threat,
    Note,
}

impl Mark {
    fn colour(self) -> Color32 {
        match self {
            Mark::Team => colour::BACKUP,
            Mark::Control => colour::COMPROMISED,
            Mark::Threat => colour::DOWN,
            Mark::Note => colour::DEGRADED,
        }
    }

    /// Row on the track, top to bottom.
    fn row(self) -> f32 {
        match self {
            Mark::Threat => 0.0,
            Mark::Control => 1.0,
            Mark::Team => 2.0,
            Mark::Note => 3.0,
        }
    }
}

pub(super) fn show(ui: &mut egui::Ui, c: &mut Ctx) {
    let Some(s) = c.scrubber.as_ref() else {
        ui.add_space(6.0);
        ui.spinner();
        return;
    };
    let (at, end) = (s.at(), s.end());
    let mut want = None;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui.button(c.t("debrief-to-start")).clicked() {
            want = Some(0);
        }
        for (step, label) in [(600, "10m"), (60, "1m")] {
            let text = c.i18n.ta(
                "debrief-step-back",
                &[("step", crate::gui::i18n::Arg::Str(label))],
            );
            if ui.button(text).clicked() {
                want = Some(at.saturating_sub(step));
            }
        }
        ui.label(widgets::moment(at))
            .on_hover_text(c.t("debrief-moment"));
        ui.label(
            egui::RichText::new(widgets::wall_clock(c.debrief.scenario.start_clock, at))
                .color(colour::MUTED),
        );
        for (step, label) in [(60, "1m"), (600, "10m")] {
            let text = c.i18n.ta(
                "debrief-step-forward",
                &[("step", crate::gui::i18n::Arg::Str(label))],
            );
            if ui.button(text).clicked() {
                want = Some((at + step).min(end));
            }
        }
        if ui.button(c.t("debrief-to-end")).clicked() {
            want = Some(end);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let play = egui::Button::new(
                egui::RichText::new(c.t("debrief-play-from-here"))
                    .strong()
                    .color(Color32::WHITE),
            )
            .fill(Color32::from_rgb(40, 110, 70));
            if ui
                .add(play)
                .on_hover_text(c.t("debrief-play-from-here-hint"))
                .clicked()
            {
                c.play.write(PlayFrom(at));
            }
        });
    });
    if c.ui.marks_for != Some(journal_key(&c.debrief.journal)) {
        c.ui.marks = marks(&c.debrief.journal);
        c.ui.marks_for = Some(journal_key(&c.debrief.journal));
    }
    if let Some(t) = track(ui, &c.ui.marks, at, end) {
        want = Some(t);
    }
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(c.t("debrief-scrub-hint"))
                .small()
                .color(colour::MUTED),
        );
        for (m, key) in [
            (Mark::Threat, "debrief-mark-threat"),
            (Mark::Control, "debrief-mark-control"),
            (Mark::Team, "debrief-mark-team"),
            (Mark::Note, "debrief-mark-note"),
        ] {
            ui.label(
                egui::RichText::new(format!("● {}", c.t(key)))
                    .small()
                    .color(m.colour()),
            );
        }
    });
    if let Some(t) = want
        && t != at
    {
        c.scrub.write(ScrubTo(t));
    }
}

pub(super) type Marks = Vec<(Secs, u8)>;

fn journal_key(j: &std::sync::Arc<Journal>) -> usize {
    std::sync::Arc::as_ptr(j) as usize
}

/// The marks of a journal, at most one per kind and minute.
fn marks(j: &Journal) -> Marks {
    let mut out: Marks = j
        .entries
        .iter()
        .filter_map(|e| {
            let m = match &e.kind {
                EntryKind::Command(c) if matches!(**c, Command::Note(_)) => Mark::Note,
                EntryKind::Note { .. } => Mark::Note,
                EntryKind::Command(c) if c.team().is_some() => Mark::Team,
                EntryKind::Command(_) | EntryKind::InjectFired { .. } => Mark::Control,
                EntryKind::Compromised { .. } | EntryKind::Impact { .. } => Mark::Threat,
                _ => return None,
            };
            Some((e.at / 60 * 60, m as u8))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

const MARKS: [Mark; 4] = [Mark::Team, Mark::Control, Mark::Threat, Mark::Note];

/// The track: click or drag to pick a moment.
fn track(ui: &mut egui::Ui, marks: &Marks, at: Secs, end: Secs) -> Option<Secs> {
    let size = vec2(ui.available_width(), 46.0);
    let (rect, resp) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let p = ui.painter_at(rect);
    let bar = Rect::from_min_max(rect.min, pos2(rect.max.x, rect.max.y - 14.0));
    p.rect_filled(bar, 4.0, Color32::from_gray(32));
    let end_f = end.max(1) as f32;
    let x_of = |t: Secs| bar.left() + bar.width() * (t as f32 / end_f);
    // Hour ticks and labels.
    let hour_step = if end > 12 * 3600 { 4 * 3600 } else { 3600 };
    let mut h = 0;
    while h <= end {
        let x = x_of(h);
        p.line_segment(
            [pos2(x, bar.bottom()), pos2(x, bar.bottom() + 3.0)],
            Stroke::new(1.0, colour::MUTED),
        );
        let align = if h == 0 {
            egui::Align2::LEFT_BOTTOM
        } else if h + hour_step > end {
            egui::Align2::RIGHT_BOTTOM
        } else {
            egui::Align2::CENTER_BOTTOM
        };
        p.text(
            pos2(x, rect.bottom()),
            align,
            format!("{}h", h / 3600),
            egui::FontId::proportional(10.0),
            colour::MUTED,
        );
        h += hour_step;
    }
    let row_h = (bar.height() - 6.0) / 4.0;
    for (t, kind) in marks {
        let m = MARKS[usize::from(*kind)];
        let y = bar.top() + 3.0 + row_h * m.row();
        let x = x_of(*t);
        p.line_segment(
            [pos2(x, y), pos2(x, y + row_h - 1.0)],
            Stroke::new(2.0, m.colour()),
        );
    }
    // The moment shown.
    let x = x_of(at);
    p.line_segment(
        [pos2(x, bar.top() - 1.0), pos2(x, bar.bottom() + 1.0)],
        Stroke::new(2.5, Color32::WHITE),
    );
    p.circle_filled(Pos2::new(x, bar.top() + 1.0), 5.0, Color32::WHITE);
    let pointer = resp.interact_pointer_pos()?;
    if !(resp.clicked() || resp.dragged()) {
        return None;
    }
    let f = ((pointer.x - bar.left()) / bar.width()).clamp(0.0, 1.0);
    Some((f64::from(f) * end as f64).round() as Secs)
}
