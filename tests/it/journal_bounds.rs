//! Every number in a journal is range-checked before anything indexes with it: an id
//! or count pushed out of range is refused by `report` and `fork` with the line (and
//! `replay` shows the line as its first difference); `report --unverified` scores an edited journal with a warning in every
//! format; and single digits changed at random never make `report` panic.

use crate::common::{Rand, run_to_journal, said, scratch};
use serde_json::Value;
use std::path::Path;

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";
const PLAY: &str = "tests/plays/well-run.commands.ron";

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A good journal of the well-run play, as its lines.
fn journal(dir: &Path) -> Vec<String> {
    let path = dir.join("run.jsonl");
    run_to_journal(SCENARIO, PLAY, &path);
    let text = std::fs::read_to_string(&path).expect("journal");
    text.lines().map(String::from).collect()
}

/// The first entry whose kind is `kind` (a command's, for `Command`), with its line
/// (1-based), as JSON.
fn first(lines: &[String], kind: &str, inner: Option<&str>) -> (usize, Value) {
    lines
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(k, l)| {
            let v: Value = serde_json::from_str(l).ok()?;
            let body = v["kind"].get(kind)?;
            inner
                .is_none_or(|i| body.get(i).is_some())
                .then(|| (k + 1, v))
        })
        .unwrap_or_else(|| panic!("the journal has a {kind} entry"))
}

/// Write `lines` with line `line` replaced by `v`.
fn with_line(dir: &Path, name: &str, lines: &[String], line: usize, v: &Value) -> String {
    let mut out = lines.to_vec();
    out[line - 1] = v.to_string();
    let path = dir.join(name);
    std::fs::write(&path, out.join("\n") + "\n").expect("write");
    p(&path).to_string()
}

#[test]
fn each_kind_of_number_out_of_range_is_refused_with_its_line() {
    let dir = scratch("journal-bounds");
    let lines = journal(&dir);
    // (entry kind, command variant, JSON pointer under the entry, value, what is said)
    let cases: &[(&str, Option<&str>, &str, Value, &str)] = &[
        (
            "ServiceChanged",
            None,
            "/service",
            999.into(),
            "`service` is 999",
        ),
        ("ServiceChanged", None, "/to", 7.5.into(), "`to` is 7.5"),
        ("Detected", None, "/team", 77.into(), "`team` is 77"),
        ("Detected", None, "/incident", 40.into(), "`incident` 40"),
        (
            "ThreatStarted",
            None,
            "/threat",
            12.into(),
            "`threat` is 12",
        ),
        (
            "InjectFired",
            None,
            "/inject",
            300.into(),
            "`inject` is 300",
        ),
        (
            "ActionStarted",
            None,
            "/action",
            250.into(),
            "`action` is 250",
        ),
        (
            "ActionStarted",
            None,
            "/run",
            9.into(),
            "`run` 9 is made out of turn",
        ),
        (
            "ActionFinished",
            None,
            "/run",
            500.into(),
            "`run` 500 names one not made",
        ),
        (
            "MessageSent",
            None,
            "/message",
            3.into(),
            "`message` 3 is made out of turn",
        ),
        (
            "MessageSent",
            None,
            "/severity",
            9.into(),
            "`severity` is 9",
        ),
        (
            "MessageDelivered",
            None,
            "/message",
            800.into(),
            "`message` 800",
        ),
        ("Compromised", None, "/step", 60.into(), "`step` is 60"),
        (
            "Command",
            Some("Act"),
            "/Act/team",
            31.into(),
            "`team` is 31",
        ),
        (
            "Command",
            Some("Send"),
            "/Send/to/0",
            31.into(),
            "`team` is 31",
        ),
        (
            "Command",
            Some("Act"),
            "/Act/action",
            99.into(),
            "`action` is 99",
        ),
    ];
    for (k, (kind, inner, pointer, value, said_)) in cases.iter().enumerate() {
        let (line, mut v) = first(&lines, kind, *inner);
        let body = v["kind"][*kind]
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{kind} has {pointer}"));
        *body = value.clone();
        let file = with_line(&dir, &format!("bad-{k}.jsonl"), &lines, line, &v);
        let (code, out) = said(&["report", &file, "--format", "json"]);
        assert_eq!(code, 1, "{kind}{pointer}: {out}");
        assert!(
            out.contains(&format!("bad-{k}.jsonl:{line}: entry {}", line - 2))
                && out.contains(said_),
            "{kind}{pointer} at line {line}: {out}"
        );
        // Never scored, not even when asked to score what does not replay.
        let (code, out) = said(&["report", &file, "--unverified"]);
        assert_eq!(code, 1, "{kind}{pointer} --unverified: {out}");
    }
    // Entry ids and times.
    let (line, mut v) = first(&lines, "ServiceChanged", None);
    v["id"] = 5.into();
    let file = with_line(&dir, "id.jsonl", &lines, line, &v);
    let (code, out) = said(&["report", &file]);
    assert!(code == 1 && out.contains("its `id` is 5"), "{out}");
    let last = lines.len();
    let mut v: Value = serde_json::from_str(&lines[last - 1]).expect("json");
    v["at"] = 0.into();
    let file = with_line(&dir, "back.jsonl", &lines, last, &v);
    let (code, out) = said(&["report", &file]);
    assert!(code == 1 && out.contains("goes back"), "{out}");
    // A time no exercise reaches (sums of such times would overflow), end and all.
    let far: u64 = 18_000_000_000_000_000_000;
    v["at"] = far.into();
    let mut far_lines = lines.clone();
    let mut header: Value = serde_json::from_str(&lines[0]).expect("header");
    if header.get("until").is_some() {
        header["until"] = far.into();
        far_lines[0] = header.to_string();
    }
    let file = with_line(&dir, "far.jsonl", &far_lines, last, &v);
    let (code, out) = said(&["report", &file]);
    assert!(
        code == 1 && out.contains(&format!("`at` is {far}")),
        "{out}"
    );
    // `replay` replays the commands and shows where the journal differs.
    let (code, out) = said(&["replay", &file]);
    assert!(code == 1 && out.contains("first difference"), "{out}");

    // `replay` and `fork` read journals the same way.
    let (line, mut v) = first(&lines, "ServiceChanged", None);
    v["kind"]["ServiceChanged"]["service"] = 999.into();
    let file = with_line(&dir, "svc.jsonl", &lines, line, &v);
    // `replay` compares byte for byte (it reads only the commands, which the engine
    // checks), and shows the first difference there.
    let (code, out) = said(&["replay", &file]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("svc.jsonl:{line}: first difference")),
        "{out}"
    );
    let fork = dir.join("fork");
    let (code, out) = said(&["fork", &file, "--at", "30m", "--out", p(&fork)]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("`service` is 999") && !fork.exists(), "{out}");
}

#[test]
fn unverified_scores_an_edited_journal_and_every_format_says_so() {
    let dir = scratch("journal-unverified");
    let lines = journal(&dir);
    // A capacity changed, still in range: it no longer replays.
    let (line, mut v) = first(&lines, "ServiceChanged", None);
    v["kind"]["ServiceChanged"]["to"] = 0.123.into();
    let file = with_line(&dir, "edited.jsonl", &lines, line, &v);
    let (code, out) = said(&["report", &file]);
    assert_eq!(code, 1, "{out}");
    for (format, mark) in [
        ("md", "> **⚠ Not verified:"),
        (
            "html",
            "<p class=\"unverified\" role=\"alert\"><strong>⚠ Not verified:",
        ),
        ("json", "\"unverified\": \"Not verified:"),
        ("csv", "all,,,unverified,"),
    ] {
        let out_file = dir.join(format!("report.{format}"));
        let (code, said_) = said(&["report", &file, "--unverified", "--out", p(&out_file)]);
        assert_eq!(code, 0, "{format}: {said_}");
        assert!(
            said_.contains("warning: scored with --unverified"),
            "{said_}"
        );
        let text = std::fs::read_to_string(&out_file).expect("report");
        assert!(text.contains(mark), "{format}: {text}");
        assert!(
            text.contains(&format!("entry {}", line - 2)),
            "{format}: the first difference"
        );
    }
    // In Japanese too.
    let (code, out) = said(&["report", &file, "--unverified", "--lang", "ja"]);
    assert!(code == 0 && out.contains("未検証"), "{out}");
    // A journal that replays carries no warning.
    let good = dir.join("run.jsonl");
    let (code, out) = said(&["report", p(&good), "--unverified", "--format", "json"]);
    assert!(code == 0 && !out.contains("unverified"), "{out}");
}

/// One digit changed at random, 200 times (seeded): `report` (half of them with
/// `--unverified`) scores or refuses with a message, and never panics.
#[test]
fn a_digit_changed_anywhere_never_panics_report() {
    let dir = scratch("journal-digits");
    let text = journal(&dir).join("\n") + "\n";
    let digits: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_digit())
        .map(|(k, _)| k)
        .collect();
    let mut rng = Rand(0xd1917);
    let (mut scored, mut refused) = (0, 0);
    let file = dir.join("mutated.jsonl");
    for case in 0..200 {
        let mut bytes = text.clone().into_bytes();
        let at = digits[rng.below(digits.len())];
        let old = bytes[at];
        bytes[at] = b'0' + ((old - b'0' + 1 + rng.below(9) as u8) % 10);
        std::fs::write(&file, &bytes).expect("write");
        let mut args = vec!["report", p(&file), "--format", "json", "--out", "/dev/null"];
        if case % 2 == 1 {
            args.push("--unverified");
        }
        let (code, out) = said(&args);
        let place =
            String::from_utf8_lossy(&bytes[at.saturating_sub(30)..(at + 10).min(bytes.len())])
                .into_owned();
        assert!(
            code == 0 || code == 1,
            "case {case} (exit {code}) near `{place}`: {out}"
        );
        if code == 1 {
            assert!(
                out.contains("mutated.jsonl"),
                "case {case}: says where: {out}"
            );
            refused += 1;
        } else {
            scored += 1;
        }
    }
    eprintln!("200 one-digit edits: {scored} scored, {refused} refused");
    assert!(refused > 100, "most edits are noticed: {refused}");
}
