//! Journal entries described in Japanese: every kind of entry and command reads as
//! Japanese (only names, ids and players' texts keep their letters), a few lines word
//! for word, and the English lines stay as they were.

use crossdrill::engine::{Command, Engine, Entry, EntryKind, Sender, describe, timeline_line};
use crossdrill::scenario::{Lang, MessageKind, Scenario, builtin_default};
use crossdrill::session::script;
use std::sync::Arc;

mod kinds;

use kinds::{commands, entry, every_kind, sent, team};

const PLAY: &str = include_str!("../plays/well-run.commands.ron");

/// Words of the English wording that must not survive in a Japanese line.
const ENGLISH: &[&str] = &[
    "goes",
    "down",
    "DOWN",
    "up",
    "detects",
    "sends",
    "send",
    "via",
    "buffer",
    "battery",
    "generator",
    "spent",
    "runs",
    "threat",
    "inject",
    "fires",
    "skipped",
    "starts",
    "finishes",
    "message",
    "reaches",
    "incident",
    "opens",
    "action",
    "run",
    "on",
    "of",
    "origin",
    "facilitator",
    "override",
    "note",
    "severity",
    "status",
    "about",
    "forwarding",
    "blocked",
    "step",
    "held",
    "logical",
    "physical",
    "backup",
    "degraded",
    "outage",
    "compromise",
];

fn scenario() -> Arc<Scenario> {
    Arc::new(builtin_default())
}

/// The default scenario run to its end with seed 7, with no play or the well-run play.
fn run(play: bool) -> Engine {
    let scenario = scenario();
    let plan = if play {
        script::parse("well-run.commands.ron", PLAY, &scenario).expect("the play loads")
    } else {
        Vec::new()
    };
    let mut e = Engine::new(scenario, 7);
    for step in &plan {
        e.advance_to(step.at);
        e.apply(step.command_for(&e))
            .unwrap_or_else(|err| panic!("{}: {err}", step.place));
    }
    e.run_to_end();
    e
}

/// Strings a Japanese line may carry from the scenario or the players rather than from
/// its own wording, longest first: Japanese names, inject ids, message and note texts.
fn proper_strings(s: &Scenario, entries: &[Entry]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(s.services.iter().map(|x| x.name.ja.clone()));
    out.extend(s.teams.iter().map(|x| x.name.ja.clone()));
    out.extend(s.threats.iter().map(|x| x.name.ja.clone()));
    out.extend(s.actions.iter().map(|x| x.name.ja.clone()));
    out.extend(s.organisations.iter().map(|x| x.name.ja.clone()));
    out.extend(s.injects.iter().map(|x| x.id.clone()));
    for e in entries {
        match &e.kind {
            EntryKind::MessageSent { text, from, .. } => {
                out.push(text.get(Lang::Ja).to_string());
                if let Sender::Inject { from, .. } = &**from {
                    out.push(from.ja.clone());
                }
            }
            EntryKind::Note { text } => out.push(text.clone()),
            // An expected action is named by its id, as an inject is.
            EntryKind::Command(c) => {
                if let Command::Assess { expectation, .. } = &**c {
                    out.push(expectation.clone());
                }
            }
            _ => {}
        }
    }
    out.retain(|x| !x.is_empty());
    out.sort_by_key(|x| std::cmp::Reverse(x.len()));
    out
}

/// The ASCII words left in `line` once the proper strings are taken out.
fn leftover_words(line: &str, proper: &[String]) -> Vec<String> {
    let mut rest = line.to_string();
    for p in proper {
        rest = rest.replace(p.as_str(), " ");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Panics unless every entry reads as Japanese: non-empty, not the English line, some
/// Japanese in it, and no English word of the wording (only the term "DDoS").
fn assert_reads_as_japanese(s: &Scenario, entries: &[Entry]) {
    let proper = proper_strings(s, entries);
    for e in entries {
        let ja = describe(s, e, Lang::Ja);
        let en = describe(s, e, Lang::En);
        assert!(!ja.is_empty(), "{:?}", e.kind);
        assert_ne!(ja, en, "{:?}", e.kind);
        assert!(!ja.is_ascii(), "no Japanese in {ja:?}");
        let words = leftover_words(&ja, &proper);
        for w in &words {
            assert!(!ENGLISH.contains(&w.as_str()), "English `{w}` in {ja:?}");
        }
        assert!(
            words.iter().all(|w| w == "DDoS"),
            "English {words:?} in {ja:?}"
        );
    }
}

/// The Japanese line of the one entry whose English line is `english`.
fn japanese_of(e: &Engine, english: &str) -> String {
    let s = e.scenario();
    let entry = e
        .journal()
        .entries
        .iter()
        .find(|x| describe(s, x, Lang::En) == english)
        .unwrap_or_else(|| panic!("no entry reads `{english}`"));
    describe(s, entry, Lang::Ja)
}

#[test]
fn every_entry_of_a_run_reads_as_japanese() {
    for play in [false, true] {
        let e = run(play);
        assert_reads_as_japanese(e.scenario(), &e.journal().entries);
    }
}

#[test]
fn every_kind_of_entry_and_command_reads_as_japanese() {
    let s = builtin_default();
    let entries: Vec<Entry> = every_kind(&s).into_iter().map(entry).collect();
    assert_reads_as_japanese(&s, &entries);
}

/// The variant's name; a new variant does not compile until it is listed here.
fn variant(k: &EntryKind) -> &'static str {
    match k {
        EntryKind::Command(_) => "Command",
        EntryKind::ServiceChanged { .. } => "ServiceChanged",
        EntryKind::BufferStarted { .. } => "BufferStarted",
        EntryKind::BufferSpent { .. } => "BufferSpent",
        EntryKind::LinkHeld { .. } => "LinkHeld",
        EntryKind::ThreatStarted { .. } => "ThreatStarted",
        EntryKind::Compromised { .. } => "Compromised",
        EntryKind::Impact { .. } => "Impact",
        EntryKind::StepBlocked { .. } => "StepBlocked",
        EntryKind::Cleaned { .. } => "Cleaned",
        EntryKind::IncidentOpened { .. } => "IncidentOpened",
        EntryKind::Detected { .. } => "Detected",
        EntryKind::MessageSent { .. } => "MessageSent",
        EntryKind::MessageDelivered { .. } => "MessageDelivered",
        EntryKind::ActionStarted { .. } => "ActionStarted",
        EntryKind::ActionFinished { .. } => "ActionFinished",
        EntryKind::InjectFired { .. } => "InjectFired",
        EntryKind::InjectSkipped { .. } => "InjectSkipped",
        EntryKind::LoopCut { .. } => "LoopCut",
        EntryKind::Note { .. } => "Note",
    }
}

fn variants<'a>(kinds: impl Iterator<Item = &'a EntryKind>) -> Vec<&'static str> {
    let mut names: Vec<&str> = kinds.map(variant).collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[test]
fn the_checks_cover_every_kind_of_entry() {
    let s = builtin_default();
    assert_eq!(variants(every_kind(&s).iter()).len(), 20);
    let e = run(true);
    let in_run = variants(e.journal().entries.iter().map(|x| &x.kind));
    assert!(in_run.len() >= 15, "{in_run:?}");
}

#[test]
fn service_changes_name_the_status_capacity_and_cause() {
    let e = run(false);
    assert_eq!(
        japanese_of(
            &e,
            "substation-koto: up -> DOWN (100% -> 0%), threat grid-campaign step 6"
        ),
        "江東配電用変電所: 正常→停止（稼働率 100%→0%）— 脅威「送配電事業者の変電所制御システムへの攻撃」の第6段階"
    );
    assert_eq!(
        japanese_of(
            &e,
            "bts-koto: up -> on backup, via substation-koto -> bts-koto (physical, 1m); origin threat grid-campaign"
        ),
        "携帯基地局群（江東臨海部）: 正常→バックアップ運転 — 依存関係 江東配電用変電所→携帯基地局群（江東臨海部）（物理・1分）経由（起点: 脅威「送配電事業者の変電所制御システムへの攻撃」）"
    );
    assert_eq!(
        japanese_of(
            &e,
            "bts-koto: on backup -> DOWN (80% -> 0%), battery spent; origin threat grid-campaign"
        ),
        "携帯基地局群（江東臨海部）: バックアップ運転→停止（稼働率 80%→0%）— 蓄電池切れ（起点: 脅威「送配電事業者の変電所制御システムへの攻撃」）"
    );
}

#[test]
fn detections_and_buffers_read_as_control_room_lines() {
    let e = run(false);
    assert_eq!(
        japanese_of(&e, "grid detects outage of substation-koto (incident #0)"),
        "関東送配電 CSIRTが江東配電用変電所の停止を検知（インシデント #0）"
    );
    assert_eq!(
        japanese_of(&e, "grid opens incident #0: outage of substation-koto"),
        "関東送配電 CSIRTがインシデント #0 を起票: 江東配電用変電所の停止"
    );
    assert_eq!(
        japanese_of(&e, "grid detects compromise of grid-scada (incident #0)"),
        "関東送配電 CSIRTが系統制御所（SCADA/EMS）への侵入を検知（インシデント #0）"
    );
    assert_eq!(
        japanese_of(&e, "venue-ariake runs on battery until 1:01:00"),
        "有明アリーナ: 蓄電池で稼働（1:01:00 まで）"
    );
}

#[test]
fn messages_name_sender_recipients_kind_and_text() {
    let e = run(true);
    assert_eq!(
        japanese_of(
            &e,
            "\"Japan Meteorological Agency\" -> grid, carrier, organiser: Information #17: \"Heavy rain and lightning warning for the Koto bay area until midnight.\""
        ),
        "「気象庁」 → 関東送配電 CSIRT、さくらモバイル CSIRT、大会組織委員会 運営センター: 情報提供 #17「江東臨海部に深夜まで大雨・雷注意報。」"
    );
    let text = "Suspected intrusion into our grid control system: a remote login nobody made. Isolating the control network now.";
    assert_eq!(
        japanese_of(
            &e,
            &format!("grid -> meti: Report #4 (severity 4; about grid-scada): \"{text}\"")
        ),
        format!(
            "関東送配電 CSIRT → 経済産業省 窓口: 報告 #4（深刻度 4；対象 系統制御所（SCADA/EMS））「{text}」"
        )
    );
    assert_eq!(
        japanese_of(&e, "message #4 reaches meti"),
        "メッセージ #4 が経済産業省 窓口に到着"
    );
}

#[test]
fn facilitator_commands_and_extras_word_for_word() {
    let s = builtin_default();
    let ja = |k: EntryKind| describe(&s, &entry(k), Lang::Ja);
    let said: Vec<String> = commands(&s)
        .into_iter()
        .map(|c| ja(EntryKind::Command(Box::new(c))))
        .collect();
    let (a0, a1) = (&s.actions[0].name.ja, &s.actions[1].name.ja);
    let org = &s.organisations[0].name.ja;
    let (i0, i1) = (&s.injects[0].id, &s.injects[1].id);
    assert_eq!(
        said,
        [
            format!("[関東送配電 CSIRT] 対処「{a0}」: 系統制御所（SCADA/EMS）"),
            format!("[関東送配電 CSIRT] 対処「{a1}」: {org}"),
            "[関東送配電 CSIRT] 公表を送信 → 経済産業省 窓口".into(),
            "[対処調整センター] #4 を転送 → 総務省 窓口、金融庁 窓口".into(),
            "[対処調整センター] 公表を一斉送信".into(),
            format!("[統制] 状況付与 {i0} を実施"),
            format!("[統制] 状況付与 {i1} を取りやめ"),
            "[統制] モバイルコアネットワークの稼働率を 25% に固定".into(),
            "[統制] モバイルコアネットワークの強制設定を解除".into(),
            "[統制] メモ".into(),
            "[評価者] grid-reports: 一部確認できた「十分遅れた」".into(),
            "[評価者] centre-alerts: 確認できた".into(),
        ]
    );
    assert_eq!(
        ja(sent(&s, Sender::Team(team(&s, "grid")), MessageKind::Alert)),
        "関東送配電 CSIRT → 星銀行 CSIRT、金融庁 窓口: 注意喚起 #3（#1 の転送；深刻度 3；状態 復旧中；インシデント #0 #2；対象 ATMネットワーク（都内）、銀行 基幹データセンター）「回線が復旧した。」"
    );
}

#[test]
fn the_timeline_line_keeps_its_clock_and_english_is_unchanged() {
    let e = run(false);
    let s = e.scenario();
    let entry = e
        .journal()
        .entries
        .iter()
        .find(|x| x.at == 45 * 60 && matches!(x.kind, EntryKind::Impact { .. }))
        .expect("the Koto breaker opens at 0:45");
    assert_eq!(
        timeline_line(s, entry, Lang::En),
        " 0:45:00  threat grid-campaign hits substation-koto: outage"
    );
    assert_eq!(
        timeline_line(s, entry, Lang::Ja),
        " 0:45:00  脅威「送配電事業者の変電所制御システムへの攻撃」が江東配電用変電所に影響: 停止"
    );
}

/// Every kind of entry and command is worded in both languages, with either naming,
/// from messages that exist and get every argument they name.
#[test]
fn every_kind_of_entry_is_worded_from_messages_with_their_arguments() {
    let s = scenario();
    for k in every_kind(&s) {
        for lang in [Lang::En, Lang::Ja] {
            let e = entry(k.clone());
            let named = crossdrill::engine::describe_named(&s, &e, lang);
            assert!(!named.is_empty() && !named.contains("j-"), "{named}");
            let _ = describe(&s, &e, lang);
        }
    }
    let problems: Vec<String> = crossdrill::words::problems();
    assert!(problems.is_empty(), "{problems:?}");
}
