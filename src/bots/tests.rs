//! Bots on the default scenario: textbook beats absent by far, realistic lies between,
//! runs reproduce and replay, and a bot reads no message it was not sent.

use super::*;
use crate::engine::{Engine, Journal, MessageId};
use crate::scenario::{Scenario, TeamId, builtin_default};
use crate::scoring;
use std::sync::Arc;

fn run(s: &Arc<Scenario>, cast: &Cast, seed: u64) -> (Journal, f64, usize) {
    let outlook = Arc::new(Outlook::new(s));
    let mut bots = cast.bots(&outlook, seed);
    let mut engine = Engine::new(s.clone(), seed);
    let refused = play(&mut engine, &mut bots, &[], s.duration);
    let journal = engine.journal().clone();
    let card = scoring::score(s, &journal).expect("same scenario");
    (journal, card.score, refused)
}

#[test]
fn textbook_beats_realistic_beats_absent() {
    let s = Arc::new(builtin_default());
    let mean = |p: Profile| {
        let cast = Cast::all(&s, p);
        (1..=20).map(|seed| run(&s, &cast, seed).1).sum::<f64>() / 20.0
    };
    let (textbook, realistic, absent) = (
        mean(Profile::Textbook),
        mean(Profile::Realistic),
        mean(Profile::Absent),
    );
    assert!(textbook > absent + 30.0, "{textbook} vs {absent}");
    assert!(
        textbook > realistic && realistic > absent,
        "{textbook} {realistic} {absent}"
    );
}

#[test]
fn a_bot_run_reproduces_and_replays() {
    let s = Arc::new(builtin_default());
    let cast = Cast::all(&s, Profile::Realistic);
    let (a, _, _) = run(&s, &cast, 3);
    let (b, _, _) = run(&s, &cast, 3);
    assert_eq!(a.hash(), b.hash());
    assert!(a.commands().len() > 5, "the bots did something");
    let again = crate::engine::replay(s.clone(), 3, &a.commands(), s.duration).expect("replays");
    assert_eq!(again.journal().hash(), a.hash());
}

#[test]
fn absent_bots_leave_the_no_response_run() {
    let s = Arc::new(builtin_default());
    let (journal, _, _) = run(&s, &Cast::all(&s, Profile::Absent), 5);
    let mut plain = Engine::new(s.clone(), 5);
    plain.run_to_end();
    assert_eq!(journal.hash(), plain.journal().hash());
}

#[test]
fn a_sight_shows_only_the_teams_own_messages() {
    let s = Arc::new(builtin_default());
    let (journal, _, _) = run(&s, &Cast::all(&s, Profile::Textbook), 7);
    let engine =
        crate::engine::replay(s.clone(), 7, &journal.commands(), s.duration).expect("replays");
    let grid = TeamId(s.teams.iter().position(|t| t.id == "grid").unwrap() as u32);
    let sight = EngineSight::new(&engine, grid);
    let mut seen = 0;
    for m in engine.messages() {
        let mine = m.to.contains(&grid) || engine.view(grid).sent.contains(&m.id);
        assert_eq!(sight.message(m.id).is_some(), mine, "message {:?}", m.id);
        seen += usize::from(mine);
    }
    assert!(seen > 0 && seen < engine.messages().len());
    assert!(sight.message(MessageId(u32::MAX)).is_none());
}

#[test]
fn casts_read_and_say_what_is_wrong() {
    let s = builtin_default();
    let c = Cast::parse("realistic, grid=textbook", &s).unwrap();
    let grid = s.teams.iter().position(|t| t.id == "grid").unwrap();
    assert_eq!(c.profiles[grid], Some(Profile::Textbook));
    assert!(
        c.profiles
            .iter()
            .enumerate()
            .all(|(i, p)| i == grid || *p == Some(Profile::Realistic))
    );
    assert_eq!(Cast::parse(&c.describe(&s), &s).unwrap(), c);
    let e = Cast::parse("gird=textbook", &s).unwrap_err().to_string();
    assert!(e.contains("gird") && e.contains("grid"), "{e}");
    let e = Cast::parse("perfect", &s).unwrap_err().to_string();
    assert!(e.contains("perfect") && e.contains("textbook"), "{e}");
}

#[test]
fn a_bot_taking_over_mid_run_does_not_repeat_what_was_sent() {
    let s = Arc::new(builtin_default());
    let outlook = Arc::new(Outlook::new(&s));
    let cast = Cast::all(&s, Profile::Textbook);
    let mut engine = Engine::new(s.clone(), 7);
    let mut bots = cast.bots(&outlook, 7);
    play(&mut engine, &mut bots, &[], 3 * 3600);
    // (sender, recipient, incident) told by the messages from `from` on.
    let told = |e: &Engine, range: std::ops::Range<usize>| {
        let mut out = std::collections::HashSet::new();
        for m in &e.messages()[range] {
            if let crate::engine::Sender::Team(f) = m.from {
                for t in &m.to {
                    for i in &m.incidents {
                        out.insert((f, *t, *i));
                    }
                }
            }
        }
        out
    };
    let before = told(&engine, 0..engine.messages().len());
    let repeats = |e: &Engine, from: usize| {
        told(e, from..e.messages().len())
            .intersection(&before)
            .count()
    };
    let sent = engine.messages().len();
    // Bots that start afresh at 3:00 report again what was reported long ago ...
    let mut naive = engine.clone();
    let mut fresh = cast.bots(&outlook, 7);
    play(&mut naive, &mut fresh, &[], 3 * 3600 + 600);
    assert!(repeats(&naive, sent) > 3);
    // ... bots that take over do not.
    let mut fresh = cast.bots(&outlook, 7);
    for b in &mut fresh {
        b.resume(&EngineSight::new(&engine, b.team()));
    }
    play(&mut engine, &mut fresh, &[], 3 * 3600 + 600);
    assert_eq!(
        repeats(&engine, sent),
        0,
        "{:?}",
        &engine.messages()[sent..]
    );
}

/// A sight that keeps no change count: the bot looks every time it is asked.
struct Always<'a>(EngineSight<'a>);

impl Sight for Always<'_> {
    fn now(&self) -> crate::scenario::Secs {
        self.0.now()
    }
    fn view(&self) -> &crate::engine::TeamView {
        self.0.view()
    }
    fn message(&self, id: MessageId) -> Option<&crate::engine::Message> {
        self.0.message(id)
    }
}

/// Not looking at an unchanged view changes nothing: the same journal as looking at
/// every moment something was due.
#[test]
fn skipping_unchanged_views_changes_no_run() {
    let s = Arc::new(builtin_default());
    let outlook = Arc::new(Outlook::new(&s));
    for (seed, p) in [
        (1, Profile::Textbook),
        (2, Profile::Realistic),
        (9, Profile::Realistic),
    ] {
        let cast = Cast::all(&s, p);
        let (counted, _, _) = run(&s, &cast, seed);
        let mut e = Engine::new(s.clone(), seed);
        let mut bots = cast.bots(&outlook, seed);
        loop {
            for b in bots.iter_mut() {
                b.observe(&Always(EngineSight::new(&e, b.team())));
                for c in b.due(&Always(EngineSight::new(&e, b.team()))) {
                    let _ = e.apply(c);
                }
            }
            let now = e.now();
            if now >= s.duration {
                break;
            }
            let next = [
                e.next_event_at(),
                bots.iter().filter_map(Bot::next_due).min(),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(s.duration);
            e.advance_to(next.clamp(now + 1, s.duration));
        }
        assert_eq!(e.journal().hash(), counted.hash(), "seed {seed} {p}");
    }
}
