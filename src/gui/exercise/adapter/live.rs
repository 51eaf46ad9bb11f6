//! The engine advanced to the exercise clock, the seat's picture rebuilt, and the
//! live score (against the no-response baseline) kept up to date.

use super::super::build::build;
use super::super::clock::ExerciseClock;
use super::super::picture::{LiveScore, Picture};
use super::super::record::Recorder;
use super::{AdapterSet, EngineHost};
use crate::engine::Engine;
use crate::gui::session::{ActiveSeat, Session};
use crate::scoring;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, advance.in_set(AdapterSet::Live));
}

fn advance(
    mut host: ResMut<EngineHost>,
    clock: Res<ExerciseClock>,
    seat: Res<ActiveSeat>,
    time: Res<Time<Real>>,
    mut picture: ResMut<Picture>,
    mut recorder: Option<ResMut<Recorder>>,
    session: Option<Res<Session>>,
) {
    let host = &mut *host;
    host.advance_with_bots(clock.secs(), recorder.as_deref_mut());
    if let Some(r) = recorder.as_deref_mut() {
        r.mark(host.engine.now(), clock.paused);
    }
    let rescore = host
        .scored_at
        .is_none_or(|t| time.elapsed_secs() - t >= SCORE_EVERY_SECS);
    if rescore
        && host
            .score
            .as_ref()
            .is_none_or(|s| s.at != host.engine.now())
    {
        host.baseline.advance_to(host.engine.now());
        host.score = Some(live_score(&host.engine, &host.baseline));
        host.scored_at = Some(time.elapsed_secs());
        host.built = None;
    }
    let key = (
        seat.0,
        host.engine.now(),
        host.engine.journal().entries.len(),
    );
    if host.built == Some(key) {
        return;
    }
    host.book.catch_up(&host.engine);
    host.revision += 1;
    *picture = build(&host.engine, seat.0, &mut host.book, host.revision);
    picture.bots = host.cast().profiles.clone();
    if seat.0.sees_all() {
        picture.score = host.score.clone();
        if let Some(session) = &session {
            let (journal, now) = (host.engine.journal(), host.engine.now());
            picture.checks = scoring::checklist(&session.design, journal, now);
        }
    }
    host.built = Some(key);
}

/// How often the live score is recomputed (real seconds).
const SCORE_EVERY_SECS: f32 = 1.0;

fn live_score(engine: &Engine, baseline: &Engine) -> LiveScore {
    let s = engine.scenario();
    let now = engine.now();
    let card = scoring::score_with_baseline(s, engine.journal(), baseline.journal(), now);
    LiveScore {
        score: card.score,
        grade: s
            .scoring
            .grades
            .get(card.grade)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        avoided: card.impact.total.avoided,
        teams: card.teams.iter().map(|t| (t.team, t.score)).collect(),
        incidents: card
            .incidents
            .iter()
            .map(|i| (i.threat, i.severity, i.score))
            .collect(),
        at: now,
    }
}
