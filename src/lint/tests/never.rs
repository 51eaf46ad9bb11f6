//! Injects that can never fire: each kind of leaf, the condition tree, and timed injects.

use super::{NAME, kinds, lint, pos_of, scenario};
use crate::scenario::{Level, MessageKind, Never, ProblemKind, load_source};

/// An inject `late` waiting for `when`, delivering a note to the desk.
fn waiting(when: &str) -> String {
    let inject = format!(
        r#"(id: "late", when: {when}, deliver: [Message(to: ["desk"], from: (en: "X"), text: (en: "Y"))]),"#
    );
    scenario(&[("INJECTS", &inject)])
}

fn never(why: Never) -> ProblemKind {
    ProblemKind::NeverFires {
        inject: "late".into(),
        why,
    }
}

const SPARE: &str =
    r#"(id: "spare", name: (en: "Spare"), owner: "tel-co", criticality: 0.1, people: 1),"#;

#[test]
fn a_service_nothing_can_take_down() {
    let inject =
        r#"(id: "late", when: ServiceDown(service: "spare", for_at_least: "5m"), deliver: [])"#;
    let text = scenario(&[("SERVICES", SPARE), ("INJECTS", inject)]);
    let found = lint(&text);
    assert_eq!(
        found,
        vec![
            (
                ProblemKind::Unaffected("spare".into()),
                pos_of(&text, "\"spare\"", 0)
            ),
            (
                never(Never::ServiceUnaffected("spare".into())),
                pos_of(&text, "\"spare\"", 1)
            ),
        ]
    );
    // The tower is downstream of the plant the attack takes out.
    let ok =
        r#"(id: "late", when: ServiceDown(service: "tower", for_at_least: "5m"), deliver: [])"#;
    assert_eq!(kinds(&scenario(&[("INJECTS", ok)])), vec![]);
}

#[test]
fn a_team_that_can_cut_its_own_service_off_can_take_it_down() {
    let isolate = r#"(id: "cut", name: (en: "Cut"), duration: "5m", target: OwnService, effects: [Isolate], roles: [Operator]),"#;
    let inject =
        r#"(id: "late", when: ServiceDown(service: "spare", for_at_least: "5m"), deliver: [])"#;
    let text = scenario(&[
        ("SERVICES", SPARE),
        ("INJECTS", inject),
        ("ACTIONS", isolate),
    ]);
    assert_eq!(kinds(&text), vec![ProblemKind::Unaffected("spare".into())]);
}

#[test]
fn waits_until_the_end_or_later() {
    let end = |at| never(Never::AtEnd { at, end: 7200 });
    let cases = [
        // The first "2h" is the scenario's duration.
        (
            r#"ServiceDown(service: "tower", for_at_least: "2h")"#,
            Some(end(7200)),
            ("\"2h\"", 1),
        ),
        (
            r#"ServiceDown(service: "tower", for_at_least: "1h59m")"#,
            None,
            ("", 0),
        ),
        (r#"After("3h")"#, Some(end(10800)), ("\"3h\"", 0)),
        (r#"After("1h")"#, None, ("", 0)),
        (
            r#"NotReported(threat: "attack", team: "power", by: "2h")"#,
            Some(end(7200)),
            ("\"2h\"", 1),
        ),
        // Unreported by one hour: it may well be.
        (
            r#"NotReported(threat: "attack", team: "power", by: "1h")"#,
            None,
            ("", 0),
        ),
    ];
    for (when, want, (at, nth)) in cases {
        let text = waiting(when);
        let got = lint(&text);
        match want {
            Some(kind) => assert_eq!(got, vec![(kind, pos_of(&text, at, nth))], "{when}"),
            None => assert_eq!(got, vec![], "{when}"),
        }
    }
}

#[test]
fn a_message_no_channel_or_inject_brings() {
    let lone = r#"(id: "lone", name: (en: "Lone"), role: Operator, controls: ["lone-org"]),"#;
    let inject = r#"(id: "late", when: MessageReceived(team: "lone"), deliver: [])"#;
    let text = scenario(&[("TEAMS", lone), ("INJECTS", inject)]);
    let no_message = |kind| {
        never(Never::NoMessage {
            team: "lone".into(),
            kind,
        })
    };
    assert_eq!(
        lint(&text),
        vec![
            (
                ProblemKind::Unreachable("lone".into()),
                pos_of(&text, "\"lone\"", 0)
            ),
            (no_message(None), pos_of(&text, "\"lone\"", 1)),
        ]
    );
    // An inject message reaches it, as information: a report still cannot.
    let told = r#"(id: "tell", at: "1h", deliver: [Message(to: ["lone"], from: (en: "X"), text: (en: "Y"))]),"#;
    for (kind, want) in [
        ("None", vec![]),
        ("Information", vec![]),
        ("Report", vec![no_message(Some(MessageKind::Report))]),
    ] {
        let inject = format!(
            r#"(id: "late", when: MessageReceived(team: "lone", kind: {kind}), deliver: [])"#
        );
        let text = scenario(&[("TEAMS", lone), ("INJECTS", told), ("INJECTS", &inject)]);
        assert_eq!(kinds(&text), want, "{kind}");
    }
}

#[test]
fn an_action_no_team_may_take() {
    let audit = r#"(id: "audit", name: (en: "Audit"), duration: "1h", target: Organisation, effects: [Bcp], roles: [Ceptoar]),"#;
    let inject = r#"(id: "late", when: ActionTaken(action: "audit"), deliver: [])"#;
    let text = scenario(&[("ACTIONS", audit), ("INJECTS", inject)]);
    let why = Never::NoAction {
        action: "audit".into(),
        team: None,
    };
    assert_eq!(
        lint(&text),
        vec![
            // The injects come before the actions in the file.
            (never(why), pos_of(&text, "\"audit\"", 0)),
            (
                ProblemKind::NoTeamMayTake("audit".into()),
                pos_of(&text, "[Ceptoar]", 0)
            ),
        ]
    );
    // The desk plays no operator: it may not patch; the power team may.
    let text = waiting(r#"ActionTaken(action: "patch", team: "desk")"#);
    let why = Never::NoAction {
        action: "patch".into(),
        team: Some("desk".into()),
    };
    assert_eq!(
        lint(&text),
        vec![(never(why), pos_of(&text, "\"desk\")", 0))]
    );
    assert_eq!(
        kinds(&waiting(r#"ActionTaken(action: "patch", team: "power")"#)),
        vec![]
    );
    assert_eq!(kinds(&waiting(r#"ActionTaken(action: "patch")"#)), vec![]);
}

#[test]
fn the_condition_tree() {
    let end = never(Never::AtEnd {
        at: 10800,
        end: 7200,
    });
    let text = waiting(r#"All([After("10m"), After("3h")])"#);
    assert_eq!(lint(&text), vec![(end.clone(), pos_of(&text, "\"3h\"", 0))]);
    let text = waiting(r#"Any([After("3h"), After("4h")])"#);
    assert_eq!(
        lint(&text),
        vec![(never(Never::NoBranch), pos_of(&text, "Any", 0))]
    );
    let text = waiting(r#"Not(After("0s"))"#);
    assert_eq!(
        lint(&text),
        vec![(never(Never::NotAlways), pos_of(&text, "Not", 0))]
    );
    // `Not` of what never holds always holds, so its `Not` never does.
    let text = waiting(r#"Not(Not(After("3h")))"#);
    assert_eq!(kinds(&text), vec![never(Never::NotAlways)]);
    for open in [
        r#"Any([After("3h"), After("1h")])"#,
        r#"All([After("10m"), Not(After("1h"))])"#,
        r#"Not(After("3h"))"#,
        r#"Not(MessageReceived(team: "hub"))"#,
    ] {
        assert_eq!(kinds(&waiting(open)), vec![], "{open}");
    }
}

#[test]
fn a_timed_inject_at_the_end_but_not_after_it() {
    let at = |t: &str| {
        let inject = format!(r#"(id: "late", at: "{t}", deliver: [])"#);
        scenario(&[("INJECTS", &inject)])
    };
    let text = at("2h");
    let end = never(Never::AtEnd {
        at: 7200,
        end: 7200,
    });
    assert_eq!(lint(&text), vec![(end, pos_of(&text, "\"2h\"", 1))]);
    // After the end, validation warns already.
    let text = at("3h");
    assert_eq!(kinds(&text), vec![]);
    let loaded = load_source(NAME, &text, None).unwrap_or_else(|p| panic!("{p}"));
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.level == Level::Warning && matches!(w.kind, ProblemKind::AfterEnd { .. }))
    );
}
