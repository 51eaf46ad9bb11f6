//! Headless ECS tests of the debrief: scrubbing to a moment shows the state the live engine
//! had then, the debrief of a finished exercise, "play from here" in memory and from a
//! session on disk, the comparison of a fork, the report export, and the locale files.

use super::compare::ForkOf;
use super::export;
use super::fork::PlayFrom;
use super::run::{Check, Debrief, Source};
use super::scrub::{ScrubTo, Scrubber};
use crate::engine::{Command, Engine, EntryKind};
use crate::gui::catalog::Origin;
use crate::gui::exercise::adapter::EngineHost;
use crate::gui::exercise::record::SessionRoot;
use crate::gui::exercise::start::{Begin, Recording, StartExercise};
use crate::gui::i18n::I18n;
use crate::gui::screens::Screen;
use crate::gui::session::{ActiveSeat, Seat, Session};
use crate::gui::testkit::go;
use crate::scenario::{self, Lang, Scenario, Secs};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

const SEED: u64 = 7;
const PLAY: &str = include_str!("../../../tests/plays/well-run.commands.ron");

/// The well-run play of the default scenario, run the way the app runs it (the clock
/// advancing in small uneven steps, commands applied when their time comes), with a copy of
/// the live engine kept at each of `keep`.
fn live_run(keep: &[Secs]) -> (Arc<Scenario>, Engine, Vec<(Secs, Engine)>) {
    let s = Arc::new(scenario::builtin_default());
    let plan = crate::session::script::parse("well-run", PLAY, &s).expect("the play parses");
    let mut e = Engine::new(s.clone(), SEED);
    let mut snaps = vec![];
    let mut next = plan.iter().peekable();
    let mut t: Secs = 0;
    let mut frame = 0;
    loop {
        while let Some(p) = next.peek()
            && p.at <= t
        {
            e.advance_to(p.at);
            e.apply(p.command_for(&e)).expect("accepted");
            next.next();
        }
        e.advance_to(t);
        if keep.contains(&t) {
            snaps.push((t, e.clone()));
        }
        if t >= s.duration {
            break;
        }
        frame += 1;
        // Uneven frames, landing on every kept moment.
        let mut to = (t + 17 + frame % 23).min(s.duration);
        if let Some(k) = keep.iter().copied().filter(|k| *k > t).min() {
            to = to.min(k);
        }
        t = to;
    }
    (s, e, snaps)
}

fn assert_same_state(got: &Engine, want: &Engine, at: Secs) {
    assert_eq!(got.now(), want.now(), "time at {at}");
    assert_eq!(got.journal(), want.journal(), "journal at {at}");
    for (id, truth) in want.world().services() {
        assert_eq!(got.world().service(id), truth, "service {id:?} at {at}");
    }
    assert_eq!(got.views(), want.views(), "team views at {at}");
    assert_eq!(got.messages(), want.messages(), "messages at {at}");
    assert_eq!(got.in_flight(), want.in_flight(), "cascades at {at}");
}

fn app() -> App {
    let mut app = crate::gui::testkit::headless(100);
    app.insert_resource(I18n::new(Lang::En));
    app.insert_resource(ActiveSeat(Seat::Facilitator));
    app.add_plugins((
        super::plugin,
        crate::gui::session::plugin,
        crate::gui::exercise::engine_plugins,
    ));
    app
}

/// The debrief of the finished exercise `end`, opened.
fn debrief_of(end: &Engine) -> App {
    let mut app = app();
    app.insert_resource(Debrief::from_engine(end, Origin::DEFAULT, Source::Exercise));
    app.update();
    app
}

/// Play `engine` on as the exercise (not recorded), the way the exercise screen is given one,
/// then go to its debrief.
fn debrief_after(app: &mut App, engine: Engine) {
    app.world_mut().write_message(StartExercise {
        at: engine.now(),
        engine: Begin::TakeOver(Box::new(engine)),
        recording: Recording::Off,
        seat: Seat::Facilitator,
        bots: Default::default(),
    });
    app.update();
    go(app, Screen::Debrief);
    app.update();
}

fn scrub(app: &mut App, t: Secs) -> &Engine {
    app.world_mut().write_message(ScrubTo(t));
    app.update();
    app.world().resource::<Scrubber>().engine()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("crossdrill-debrief-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn scrubbing_to_a_moment_shows_the_state_the_engine_had_then() {
    let keep = [0, 600, 1800, 2700, 3000, 3001, 5400, 9000, 14_400, 21_600];
    let (s, end, snaps) = live_run(&keep);
    let mut app = debrief_of(&end);
    let at_end = app.world().resource::<Scrubber>().engine();
    assert_eq!(at_end.now(), s.duration, "the scrubber opens at the end");
    assert_same_state(at_end, &end, s.duration);
    // Back and forth, across checkpoints and command times.
    for k in [3, 0, 8, 1, 5, 4, 2, 9, 6, 7, 0] {
        let (t, want) = &snaps[k];
        let got = scrub(&mut app, *t);
        assert_same_state(got, want, *t);
    }
    // Past the end: the end.
    assert_eq!(scrub(&mut app, s.duration + 999).now(), s.duration);
}

#[test]
fn the_debrief_of_the_exercise_just_played_opens_at_its_moment() {
    let (s, end, _) = live_run(&[]);
    let mut stopped = Engine::new(s.clone(), SEED);
    for (at, c) in end
        .journal()
        .commands()
        .into_iter()
        .filter(|(at, _)| *at <= 5000)
    {
        stopped.advance_to(at);
        stopped.apply(c).expect("accepted");
    }
    stopped.advance_to(5000);
    let mut app = app();
    app.insert_resource(Session::new(Origin::DEFAULT, s.clone()));
    debrief_after(&mut app, stopped.clone());
    let d = app.world().resource::<Debrief>();
    assert_eq!(d.source, Source::Exercise);
    assert_eq!(d.end, 5000);
    assert_eq!(d.check, Check::None);
    let card = d.card.as_ref().expect("scored");
    assert_eq!(card.end, 5000);
    assert!(d.compare.is_none());
    assert_same_state(app.world().resource::<Scrubber>().engine(), &stopped, 5000);
}

#[test]
fn play_from_here_starts_an_exercise_with_the_past_up_to_then_and_compares_the_fork() {
    let (s, end, _) = live_run(&[]);
    let mut app = debrief_of(&end);
    let at = 2400;
    scrub(&mut app, at);
    app.world_mut().write_message(PlayFrom(at));
    app.update();
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Exercise
    );
    assert!(!app.world().contains_resource::<Debrief>());
    let fork = app.world().resource::<EngineHost>().engine().clone();
    assert_eq!(fork.now(), at);
    let upto: Vec<_> = end
        .journal()
        .commands()
        .into_iter()
        .filter(|(t, _)| *t <= at)
        .collect();
    let fresh = crate::engine::replay(s.clone(), SEED, &upto, at).expect("replays");
    assert_same_state(&fork, &fresh, at);
    let session = app.world().resource::<Session>();
    assert!(Arc::ptr_eq(&session.scenario, fork.scenario()));
    assert_eq!(session.seed, SEED);
    assert_eq!(app.world().resource::<ForkOf>().at, at);

    // The fork plays on without the original's later decisions, then is debriefed.
    let mut played = fork;
    played
        .apply(Command::Note("another decision".into()))
        .expect("note");
    played.advance_to(s.duration);
    debrief_after(&mut app, played);
    let d = app.world().resource::<Debrief>();
    let cmp = d.compare.as_ref().expect("compared with the original");
    assert_eq!((cmp.at, cmp.end), (at, s.duration));
    let original = crate::scoring::score(&s, end.journal()).expect("scored");
    let fork_card = d.card.as_ref().expect("scored");
    let score = &cmp.rows[0];
    assert_eq!(score.original, Some(original.score));
    assert_eq!(score.fork, Some(fork_card.score));
    assert!(
        fork_card.score < original.score,
        "dropping the well-run play's later decisions costs points"
    );
    assert!(
        d.notes
            .iter()
            .any(|(t, n)| *t == at && n == "another decision")
    );
}

#[test]
fn a_restarted_run_is_not_compared_with_the_original() {
    let (s, end, _) = live_run(&[]);
    let original = Debrief::from_engine(&end, Origin::DEFAULT, Source::Exercise);
    let of = ForkOf {
        original: Arc::new(original),
        at: 3600,
    };
    let mut fresh = Engine::new(s.clone(), SEED);
    fresh.run_to_end();
    let d = Debrief::from_engine(&fresh, Origin::DEFAULT, Source::Exercise);
    assert!(super::compare::compare(&of, &d).is_none());
}

#[test]
fn play_from_here_forks_a_session_on_disk() {
    let (_, end, _) = live_run(&[]);
    let root = temp_dir("fork");
    let dir = root.join("original");
    let (name, text) = scenario::DEFAULT_SCENARIO;
    let mut rec = crate::session::Session::create(&dir, name, text, SEED).expect("created");
    let mut e = Engine::new(rec.scenario().clone(), SEED);
    for (at, c) in end.journal().commands() {
        e.advance_to(at);
        rec.apply(&mut e, c).expect("written").expect("accepted");
    }
    e.run_to_end();
    rec.finish(&e).expect("finished");

    let d = Debrief::open(&dir, None).expect("opens");
    assert_eq!(d.check, Check::Same);
    assert_eq!(d.source, Source::Session(dir.clone()));
    assert_eq!(*d.journal, *end.journal());
    let mut app = app();
    app.insert_resource(SessionRoot(root.clone()));
    app.insert_resource(d);
    app.update();
    let at = 3000;
    app.world_mut().write_message(PlayFrom(at));
    app.update();
    let start = app
        .world_mut()
        .resource_mut::<Messages<StartExercise>>()
        .drain()
        .last()
        .expect("handed to the exercise screen");
    let (Begin::TakeOver(engine), Recording::Continue { session, .. }) =
        (start.engine, start.recording)
    else {
        panic!("a fork on disk is taken over and recorded on in its new session");
    };
    assert_eq!((engine.now(), start.at), (at, at));
    let from = session
        .header()
        .forked_from
        .clone()
        .expect("names its origin");
    assert_eq!(
        (PathBuf::from(from.path), from.at),
        (dir.canonicalize().expect("dir"), at)
    );
    assert!(session.dir().starts_with(&root));
    assert!(!session.ended());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_changed_journal_is_refused_with_where_it_differs() {
    let (_, end, _) = live_run(&[]);
    let dir = temp_dir("journal");
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("run.jsonl");
    std::fs::write(&path, end.journal().to_jsonl()).expect("written");
    let d = Debrief::open(&path, None).expect("opens");
    assert_eq!(d.check, Check::Same);
    assert_eq!(d.end, end.scenario().duration);
    // A command moved later by hand: the file no longer replays, and is not scored.
    let text = end
        .journal()
        .to_jsonl()
        .replacen("\"at\":1800,", "\"at\":1801,", 1);
    std::fs::write(&path, text).expect("written");
    let e = Debrief::open(&path, None).expect_err("refused").to_string();
    assert!(e.contains("run.jsonl"), "{e}");
    // Recorded with another version of its scenario: said so.
    let mut other = end.journal().clone();
    other.header.scenario_hash = Some("0".repeat(64));
    std::fs::write(&path, other.to_jsonl()).expect("written");
    let e = Debrief::open(&path, None).expect_err("refused").to_string();
    assert!(e.contains("another version of scenario"), "{e}");
    // An earlier format's journal is shown as recorded, but only with every number in
    // range: a service the scenario lacks is refused at its line.
    let mut old = end.journal().clone();
    (old.header.format, old.header.scenario_hash) = (1, None);
    let k = old
        .entries
        .iter()
        .position(|e| matches!(e.kind, EntryKind::ServiceChanged { .. }));
    if let Some(EntryKind::ServiceChanged { service, .. }) = k.map(|k| &mut old.entries[k].kind) {
        *service = crate::scenario::ServiceId(999);
    }
    std::fs::write(&path, old.to_jsonl()).expect("written");
    let e = Debrief::open(&path, None).expect_err("refused").to_string();
    let line = k.expect("a service change") + 2;
    assert!(
        e.contains(&format!("run.jsonl:{line}:")) && e.contains("`service` is 999"),
        "{e}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_report_is_exported_in_each_format_to_the_path_shown() {
    let (_, end, _) = live_run(&[]);
    let d = Debrief::from_engine(&end, Origin::DEFAULT, Source::Exercise);
    let i18n = I18n::new(Lang::En);
    let dir = temp_dir("export");
    std::fs::create_dir_all(&dir).expect("dir");
    for ext in ["html", "md", "csv", "json", "jsonl"] {
        let p = dir.join(format!("r.{ext}"));
        let written = export::write(&d, &i18n, &p).expect("written");
        assert_eq!(written, vec![std::path::absolute(&p).expect("absolute")]);
        assert!(std::fs::metadata(&p).expect("exists").len() > 100, "{ext}");
    }
    let jsonl = std::fs::read_to_string(dir.join("r.jsonl")).expect("read");
    assert_eq!(jsonl, end.journal().to_jsonl());
    let err = export::write(&d, &i18n, &dir.join("r.txt")).expect_err("refused");
    assert!(err.contains(".html, .md"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn ids(source: &str) -> Vec<String> {
    let mut v: Vec<String> = source
        .lines()
        .filter(|l| l.starts_with("debrief-") && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .map(|s| s.trim().to_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn both_debrief_locales_have_every_id_the_code_uses() {
    let en = ids(include_str!("../../../assets/locales/en/debrief.ftl"));
    let ja = ids(include_str!("../../../assets/locales/ja/debrief.ftl"));
    assert_eq!(en, ja, "the same ids in en and ja");
    let code = [
        include_str!("ui/mod.rs"),
        include_str!("ui/scrubber.rs"),
        include_str!("ui/timeline.rs"),
        include_str!("ui/scores.rs"),
        include_str!("ui/charts.rs"),
        include_str!("ui/notes.rs"),
        include_str!("ui/facts.rs"),
        include_str!("export.rs"),
        include_str!("../screens/end.rs"),
    ];
    for src in code {
        for part in src.split('"').skip(1).step_by(2) {
            if part.starts_with("debrief-") && !part.contains(' ') {
                assert!(
                    en.iter().any(|i| i == part),
                    "`{part}` is missing in debrief.ftl"
                );
            }
        }
    }
    let i = I18n::new(Lang::Ja);
    assert_eq!(i.t("debrief-title"), "デブリーフ");
    assert_eq!(i.t("status-up"), I18n::new(Lang::Ja).t("status-up"));
}
