//! Under the timeline's maps: what was true at the moment (every service not fully up), and
//! what the chosen team knew (its incidents and the latest messages it had received).

use crate::engine::{Engine, Sender};
use crate::gui::exercise::panels::labels::{kind_key, shown_colour, shown_key};
use crate::gui::exercise::picture::ServiceCard;
use crate::gui::i18n::{Arg, I18n};
use crate::gui::widgets::{self, colour};
use crate::scenario::TeamId;
use bevy_egui::egui::{self, RichText};

/// Services named in one of the team's incidents before the rest are counted.
const NAMES_SHOWN: usize = 8;

/// Messages of the team's inbox listed, newest first.
const INBOX_SHOWN: usize = 6;

/// Services whose true capacity is below full, worst first.
pub(super) fn not_up(ui: &mut egui::Ui, engine: &Engine, looks: &[ServiceCard], i18n: &I18n) {
    ui.strong(i18n.t("debrief-not-up"));
    let s = engine.scenario();
    let mut hurt: Vec<(usize, &ServiceCard)> = looks
        .iter()
        .enumerate()
        .filter(|(_, l)| l.capacity.is_some_and(|c| c < 1.0))
        .collect();
    hurt.sort_by(|a, b| {
        let cap = |l: &ServiceCard| l.capacity.unwrap_or(0.0);
        cap(a.1).total_cmp(&cap(b.1)).then(a.0.cmp(&b.0))
    });
    if hurt.is_empty() {
        ui.label(RichText::new(i18n.t("debrief-all-up")).color(colour::UP));
        return;
    }
    // Only the rows in sight are laid out: at national size thousands are hurt.
    let row = ui.text_style_height(&egui::TextStyle::Small);
    let gap = ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("not-up")
        .auto_shrink([false, true])
        .show_rows(ui, row, hurt.len(), |ui, rows| {
            egui::Grid::new("grid-not-up")
                .num_columns(3)
                .spacing([10.0, gap])
                .min_row_height(row)
                .show(ui, |ui| {
                    for (i, l) in &hurt[rows] {
                        let name = s.services.get(*i).map_or("?", |x| i18n.text(&x.name));
                        ui.label(RichText::new(name).small());
                        ui.label(
                            RichText::new(i18n.t(shown_key(l.shown)))
                                .small()
                                .color(shown_colour(l.shown)),
                        );
                        let cap = l.capacity.unwrap_or(0.0) * 100.0;
                        let mut extra = format!("{cap:.0}%");
                        if l.compromised {
                            extra.push_str(&format!(" · {}", i18n.t("status-compromised")));
                        }
                        ui.label(RichText::new(extra).small());
                        ui.end_row();
                    }
                });
        });
}

/// A heading of one of the team's lists, with "none" under it when the list is empty.
fn list_heading(ui: &mut egui::Ui, i18n: &I18n, key: &str, empty: bool) {
    ui.strong(i18n.t(key));
    if empty {
        ui.label(
            RichText::new(i18n.t("debrief-none"))
                .small()
                .color(colour::MUTED),
        );
    }
}

/// The team's incidents and latest messages received, as it knew them.
pub(super) fn team_knew(ui: &mut egui::Ui, engine: &Engine, team: TeamId, i18n: &I18n) {
    let s = engine.scenario();
    if team.idx() >= s.teams.len() {
        return;
    }
    let v = engine.view(team);
    let lang = i18n.lang();
    egui::ScrollArea::vertical()
        .id_salt("team-knew")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            list_heading(ui, i18n, "debrief-team-incidents", v.incidents.is_empty());
            for inc in &v.incidents {
                let mut names: Vec<String> = inc
                    .services
                    .iter()
                    .take(NAMES_SHOWN)
                    .filter_map(|x| s.services.get(x.idx()))
                    .map(|x| i18n.text(&x.name).to_owned())
                    .collect();
                if let Some(more) = inc
                    .services
                    .len()
                    .checked_sub(NAMES_SHOWN)
                    .filter(|n| *n > 0)
                {
                    names.push(i18n.ta("incident-more", &[("n", Arg::Num(more as f64))]));
                }
                ui.label(
                    RichText::new(format!(
                        "{}  #{} · {}",
                        widgets::clock(inc.opened_at),
                        inc.id.0,
                        names.join(", ")
                    ))
                    .small(),
                );
            }
            ui.add_space(4.0);
            list_heading(ui, i18n, "debrief-team-inbox", v.inbox.is_empty());
            for r in v.inbox.iter().rev().take(INBOX_SHOWN) {
                let Some(m) = engine.message(r.message) else {
                    continue;
                };
                let from = match &m.from {
                    Sender::Team(t) => s.teams.get(t.idx()).map_or("?", |x| i18n.text(&x.name)),
                    Sender::Inject { from, .. } => i18n.text(from),
                };
                let text: String = m.text.get(lang).chars().take(90).collect();
                ui.label(
                    RichText::new(format!(
                        "{}  {from} · {}: {text}",
                        widgets::clock(r.at),
                        i18n.t(kind_key(m.kind))
                    ))
                    .small(),
                );
            }
        });
}
