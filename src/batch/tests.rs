//! A batch's numbers come from the same rules as a report's: the lean scorecard
//! scores every run and team as the full one does.

use crate::bots::{Cast, Outlook, Profile, play};
use crate::engine::Engine;
use crate::scenario::builtin_default;
use crate::scoring::{baseline, score_lean, score_with_baseline};
use std::sync::Arc;

#[test]
fn the_lean_scorecard_scores_as_the_full_one() {
    let s = Arc::new(builtin_default());
    let outlook = Arc::new(Outlook::new(&s));
    for (seed, profile) in [
        (1, Profile::Textbook),
        (2, Profile::Realistic),
        (3, Profile::Absent),
    ] {
        let mut e = Engine::new(s.clone(), seed);
        play(
            &mut e,
            &mut Cast::all(&s, profile).bots(&outlook, seed),
            &[],
            s.duration,
        );
        let base = baseline(&s, e.journal(), s.duration);
        let full = score_with_baseline(&s, e.journal(), &base, s.duration);
        let (lean, base_score) = score_lean(&s, e.journal(), &base, s.duration);
        assert_eq!(lean.score, full.score);
        assert_eq!(lean.teams, full.teams);
        assert_eq!(lean.incidents, full.incidents);
        let alone = score_with_baseline(&s, &base, &base, s.duration);
        assert_eq!(base_score, alone.score);
    }
}
