//! Services nothing can affect, teams nothing reaches, actions no team may take.

use super::{kinds, lint, pos_of, scenario};
use crate::scenario::ProblemKind;

fn spare(area: &str) -> String {
    format!(
        r#"(id: "spare", name: (en: "Spare"), owner: "tel-co", criticality: 0.1, people: 1, area: "{area}"),"#
    )
}

#[test]
fn a_service_is_affected_by_a_threat_an_inject_or_a_provider() {
    let text = scenario(&[("SERVICES", &spare("bay"))]);
    assert_eq!(
        lint(&text),
        vec![(
            ProblemKind::Unaffected("spare".into()),
            pos_of(&text, "\"spare\"", 0)
        )]
    );
    let affecting = [
        r#"(id: "storm", at: "1h", deliver: [AreaEvent(area: "bay", capacity: 0.5)]),"#,
        r#"(id: "cut", at: "1h", deliver: [SetCapacity(service: "spare", capacity: 0.0)]),"#,
    ];
    for inject in affecting {
        let text = scenario(&[("SERVICES", &spare("bay")), ("INJECTS", inject)]);
        assert_eq!(kinds(&text), vec![], "{inject}");
    }
    // A storm elsewhere does not.
    let storm = r#"(id: "storm", at: "1h", deliver: [AreaEvent(area: "bay", capacity: 0.5)]),"#;
    let text = scenario(&[
        ("SERVICES", &spare("hill")),
        (
            "SERVICES",
            r#"(id: "shed", name: (en: "Shed"), owner: "tel-co", criticality: 0.1, people: 1, area: "bay"),"#,
        ),
        ("INJECTS", storm),
    ]);
    assert_eq!(kinds(&text), vec![ProblemKind::Unaffected("spare".into())]);
    // Downstream of the tower, two hops from the plant the attack hits.
    let text = scenario(&[("SERVICES", &spare("bay"))]).replace(
        r#"effect: Fail),"#,
        r#"effect: Fail),
        (from: "tower", to: "spare", kind: Cyber, delay: "1m", effect: Degrade(0.5)),"#,
    );
    assert_eq!(kinds(&text), vec![]);
}

#[test]
fn a_team_with_no_incident_and_no_message() {
    let lone = r#"(id: "lone", name: (en: "Lone"), role: Operator, controls: ["lone-org"]),"#;
    let text = scenario(&[("TEAMS", lone)]);
    assert_eq!(
        lint(&text),
        vec![(
            ProblemKind::Unreachable("lone".into()),
            pos_of(&text, "\"lone\"", 0)
        )]
    );
    // A channel to it, or an inject message, reaches it; a channel from it does not.
    let reached = [
        (
            "CHANNELS",
            r#"(from: "hub", to: "lone", latency: "5m", both_ways: false),"#,
            true,
        ),
        (
            "CHANNELS",
            r#"(from: "lone", to: "hub", latency: "5m", both_ways: false),"#,
            false,
        ),
        (
            "INJECTS",
            r#"(id: "tell", at: "1h", deliver: [Message(to: ["lone"], from: (en: "X"), text: (en: "Y"))]),"#,
            true,
        ),
    ];
    for (marker, what, ok) in reached {
        let text = scenario(&[("TEAMS", lone), (marker, what)]);
        let want = if ok {
            vec![]
        } else {
            vec![ProblemKind::Unreachable("lone".into())]
        };
        assert_eq!(kinds(&text), want, "{what}");
    }
    // A team playing an affected service receives incidents without any channel.
    let text = scenario(&[]).replace(r#"(from: "hub", to: "tel", latency: "10m"),"#, "");
    assert!(!kinds(&text).contains(&ProblemKind::Unreachable("tel".into())));
}

#[test]
fn an_action_no_team_may_take() {
    let action = |target: &str, roles: &str| {
        format!(
            r#"(id: "act", name: (en: "Act"), duration: "1h", target: {target}, effects: [Restore], roles: [{roles}]),"#
        )
    };
    let cases = [
        ("OwnService", "Ceptoar", false),
        // The desk plays a ministry organisation with no service.
        ("OwnService", "Ministry", false),
        ("OwnCompromised", "Centre", false),
        ("Organisation", "Ministry", true),
        ("OwnService", "Ministry, Operator", true),
    ];
    for (target, roles, ok) in cases {
        let a = action(target, roles);
        let text = scenario(&[("ACTIONS", &a)]);
        let want = if ok {
            vec![]
        } else {
            let at = pos_of(&text, &format!("[{roles}]"), 0);
            vec![(ProblemKind::NoTeamMayTake("act".into()), at)]
        };
        assert_eq!(lint(&text), want, "{target} {roles}");
    }
}
