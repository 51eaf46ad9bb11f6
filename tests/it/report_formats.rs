//! The HTML report parses as HTML and references nothing outside itself; the CSV
//! has the documented columns on every row; the JSON reads back; `write_report` writes.

use crate::play_run as play;

use crossdrill::report::{self, Format, csv_header};
use crossdrill::scenario::Lang;

fn html(run: &play::Run, lang: Lang) -> String {
    report::render(
        &run.sc,
        &Default::default(),
        &run.journal,
        &run.card,
        Format::Html,
        lang,
    )
}

/// Tag names of the document, and every (tag, attribute, value).
fn parse(text: &str) -> (Vec<String>, Vec<(String, String, String)>) {
    let dom = tl::parse(text, tl::ParserOptions::default()).expect("parses as HTML");
    let (mut tags, mut attrs) = (Vec::new(), Vec::new());
    for node in dom.nodes() {
        if let Some(tag) = node.as_tag() {
            let name = tag.name().as_utf8_str().to_ascii_lowercase();
            for (k, v) in tag.attributes().iter() {
                attrs.push((
                    name.clone(),
                    k.to_ascii_lowercase(),
                    v.map(|v| v.to_string()).unwrap_or_default(),
                ));
            }
            tags.push(name);
        }
    }
    (tags, attrs)
}

/// Every non-void element is closed, in order (the page is written as well-formed
/// markup; the parser alone would accept anything).
fn balanced(text: &str) -> Result<(), String> {
    const VOID: [&str; 8] = ["meta", "br", "hr", "img", "input", "link", "col", "wbr"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').ok_or("unclosed tag")?;
        let inner = &rest[..end];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if closing {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !inner.ends_with('/') && !VOID.contains(&name.as_str()) {
            stack.push(name.clone());
        }
        rest = &rest[end + 1..];
        if name == "style" && !closing {
            let close = rest.find("</style>").ok_or("unclosed style")?;
            rest = &rest[close..];
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {stack:?}"))
    }
}

fn check_self_contained(text: &str) {
    let (tags, attrs) = parse(text);
    for forbidden in ["link", "script", "iframe", "img", "object", "embed", "base"] {
        assert!(
            !tags.iter().any(|t| t == forbidden),
            "a <{forbidden}> element"
        );
    }
    for (tag, k, v) in &attrs {
        let v = v.trim().to_ascii_lowercase();
        if [
            "src",
            "href",
            "xlink:href",
            "action",
            "data",
            "srcset",
            "poster",
        ]
        .contains(&k.as_str())
        {
            assert!(
                v.starts_with('#'),
                "<{tag} {k}=\"{v}\"> points outside the page"
            );
        }
        if v.contains("url(") {
            assert!(v.contains("url(#"), "<{tag} {k}=\"{v}\"> loads something");
        }
    }
    let lower = text.to_ascii_lowercase();
    for needle in [
        "http://",
        "https://",
        "@import",
        "url(//",
        "src=\"//",
        "href=\"//",
    ] {
        assert!(!lower.contains(needle), "the page contains `{needle}`");
    }
    assert_eq!(balanced(text), Ok(()));
}

#[test]
fn html_report_is_self_contained_html_with_three_charts() {
    let run = play::default_play("well-run.commands.ron");
    let text = html(&run, Lang::En);
    check_self_contained(&text);
    let (tags, attrs) = parse(&text);
    let count = |name: &str| tags.iter().filter(|t| *t == name).count();
    assert_eq!(
        (
            count("html"),
            count("head"),
            count("body"),
            count("title"),
            count("h1")
        ),
        (1, 1, 1, 1, 1)
    );
    assert_eq!(count("svg"), 3, "capacity, response times, reporting chain");
    assert!(count("h2") >= 8);
    assert_eq!(count("style"), 1);
    assert!(attrs.contains(&("html".into(), "lang".into(), "en".into())));
    assert!(text.contains("<h1>Games-time blackout</h1>"));
    // Bilingual headings: the other language beside each.
    assert!(text.contains(r#"Scores by team <span class="alt">チーム別スコア</span>"#));
    assert!(text.contains("Improvement plan"));
}

#[test]
fn html_report_in_japanese() {
    let run = play::default_play("well-run.commands.ron");
    let text = html(&run, Lang::Ja);
    check_self_contained(&text);
    assert!(text.contains(r#"<html lang="ja">"#));
    assert!(text.contains("<h1>大会期間中の大規模停電</h1>"));
    assert!(text.contains(r#"チーム別スコア <span class="alt">Scores by team</span>"#));
    assert!(text.contains("改善計画"));
}

#[test]
fn html_of_the_mini_and_no_response_runs() {
    for run in [play::mini(), play::default_play("no-response.commands.ron")] {
        let text = html(&run, Lang::En);
        check_self_contained(&text);
        assert!(text.contains("Hot wash") || run.sc.id != "mini");
    }
}

/// Split one CSV line (quoted fields may hold commas and doubled quotes).
fn fields(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[test]
fn csv_rows_have_the_documented_columns() {
    let run = play::mini();
    let text = report::render(
        &run.sc,
        &Default::default(),
        &run.journal,
        &run.card,
        Format::Csv,
        Lang::En,
    );
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(csv_header()));
    let rows: Vec<Vec<String>> = lines.map(fields).collect();
    assert!(rows.iter().all(|r| r.len() == 14), "{rows:?}");
    let find = |team: &str, metric: &str| {
        rows.iter()
            .find(|r| r[0] == team && r[3] == metric)
            .cloned()
    };
    let share = find("power", "share").expect("power's share row");
    assert_eq!(
        &share[1..9],
        [
            "attack", "3", "share", "2400", "3000", "2700", "late", "0.875000"
        ]
    );
    let impact = find("tel", "impact").expect("tel's impact row");
    assert_eq!(
        (impact[8].as_str(), impact[11].as_str()),
        ("0.400000", "1000.000000")
    );
    let score = find("all", "score").expect("overall score row");
    assert_eq!(score[8], format!("{:.6}", run.card.score));
    assert_eq!(score[13], "A");
    // The exercise's phase points and impact points add up to the score.
    let points: f64 = rows
        .iter()
        .filter(|r| r[0] == "all" && !r[9].is_empty())
        .map(|r| r[9].parse::<f64>().unwrap_or(0.0))
        .sum();
    assert!((points - run.card.score).abs() < 1e-5);
}

#[test]
fn json_reads_back() {
    let run = play::default_play("well-run.commands.ron");
    let text = report::render(
        &run.sc,
        &Default::default(),
        &run.journal,
        &run.card,
        Format::Json,
        Lang::En,
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["scenario"], "games-time-blackout");
    assert_eq!(v["seed"], 7);
    assert_eq!(v["journal_sha256"], run.journal.hash());
    assert_eq!(v["names"]["teams"].as_array().map(Vec::len), Some(8));
    assert!(
        v["scorecard"]["score"]
            .as_f64()
            .is_some_and(|s| (s - run.card.score).abs() < 1e-9)
    );
    assert_eq!(
        v["scorecard"]["incidents"].as_array().map(Vec::len),
        Some(run.card.incidents.len())
    );
    assert_eq!(v["grade"], "A: well coordinated");
    assert!(v["plan"].as_array().is_some_and(|p| !p.is_empty()));
    let card: crossdrill::scoring::Scorecard =
        serde_json::from_value(v["scorecard"].clone()).expect("a scorecard");
    assert_eq!(
        (card.grade, card.teams.len(), &card.coordination),
        (run.card.grade, run.card.teams.len(), &run.card.coordination)
    );
}

#[test]
fn write_report_writes_the_rendered_report() {
    let run = play::mini();
    let path = std::env::temp_dir().join(format!("crossdrill-report-{}.md", std::process::id()));
    report::write_report(
        &run.sc,
        &Default::default(),
        &run.journal,
        Format::Markdown,
        &path,
    )
    .expect("written");
    let written = std::fs::read_to_string(&path).expect("read back");
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        written,
        report::render(
            &run.sc,
            &Default::default(),
            &run.journal,
            &run.card,
            Format::Markdown,
            run.sc.language
        )
    );
    assert_eq!(
        Format::from_path(std::path::Path::new("out.HTML")),
        Some(Format::Html)
    );
    assert_eq!(Format::parse("md"), Some(Format::Markdown));
    assert_eq!(Format::parse("pdf"), None);
}
