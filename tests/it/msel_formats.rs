//! `crossdrill msel`: the MSEL as CSV, xlsx and Markdown and the controller's handbook as
//! HTML, for every shipped scenario and in both languages.

use super::common::{crossdrill, succeeds, temp_file};
use crossdrill::report::msel::{MselFormat, render_msel};
use crossdrill::scenario::{self, Lang, Loaded, Trigger};
use std::path::{Path, PathBuf};

fn shipped() -> Vec<(PathBuf, Loaded)> {
    let mut out: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .expect("scenarios/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".scenario.ron"))
        .collect();
    out.sort();
    out.into_iter()
        .map(|p| {
            let l = scenario::load_path(&p).unwrap_or_else(|e| panic!("{e}"));
            (p, l)
        })
        .collect()
}

fn text(l: &Loaded, format: MselFormat, lang: Lang) -> String {
    let bytes = render_msel(&l.scenario, &l.design, format, lang).expect("renders");
    String::from_utf8(bytes).expect("text")
}

#[test]
fn the_csv_has_one_row_per_inject_and_threat_step_in_time_order() {
    for (path, l) in shipped() {
        let csv = text(&l, MselFormat::Csv, Lang::En);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let head: Vec<String> = r
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(
            head,
            [
                "T+ (s)",
                "When",
                "Event",
                "Id",
                "Delivers",
                "Expected actions"
            ]
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        let steps: usize = l.scenario.threats.iter().map(|t| t.steps.len()).sum();
        assert_eq!(
            rows.len(),
            l.scenario.injects.len() + steps,
            "{}",
            path.display()
        );
        // Timed rows first, by time; the conditional ones after, with their condition.
        let times: Vec<Option<u64>> = rows.iter().map(|r| r[0].parse().ok()).collect();
        let timed: Vec<u64> = times.iter().map_while(|t| *t).collect();
        assert!(timed.windows(2).all(|w| w[0] <= w[1]), "{}", path.display());
        assert!(times[timed.len()..].iter().all(Option::is_none));
        for inj in &l.scenario.injects {
            let row = rows
                .iter()
                .find(|r| &r[3] == inj.id.as_str())
                .expect("inject row");
            if let Trigger::When(_) = inj.trigger {
                assert!(
                    row[1].starts_with("when") || row[1].starts_with("after"),
                    "{}",
                    &row[1]
                );
            }
        }
        // Every expected action is listed once, under its inject or threat.
        let expected: usize = rows.iter().map(|r| r[5].lines().count()).sum();
        assert_eq!(expected, l.design.expectations.len(), "{}", path.display());
    }
}

#[test]
fn the_default_msel_names_who_is_expected_to_do_what_by_when() {
    let l = scenario::builtin_default_loaded();
    let csv = text(&l, MselFormat::Csv, Lang::En);
    assert!(csv.contains(
        "Kanto Grid CSIRT: Report the intrusion and the outages to the METI desk, by 20:15 (T+1:15) [contact-path]"
    ));
    // Under a conditional inject the due time counts from when it fires.
    assert!(csv.contains(
        "Order fuel trucks for the Stadium's generators, by 30m after it fires [warn-dependents]"
    ));
    let ja = text(&l, MselFormat::Csv, Lang::Ja);
    assert!(
        ja.starts_with("T+（秒）,時期,種別,ID,内容,期待される行動"),
        "{ja}"
    );
    assert!(ja.contains(
        "関東送配電 CSIRT：侵入と停電を経済産業省の窓口へ報告する（期限 20:15 (T+1:15)）"
    ));
}

#[test]
fn the_xlsx_is_a_workbook_with_the_msel_and_the_objectives() {
    for (_, l) in shipped() {
        for lang in Lang::ALL {
            let bytes =
                render_msel(&l.scenario, &l.design, MselFormat::Xlsx, lang).expect("renders");
            assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
            // File names sit uncompressed in the zip's directory.
            let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
            assert!(has("xl/worksheets/sheet1.xml") && has("xl/worksheets/sheet2.xml"));
            assert!(has("xl/sharedStrings.xml"));
        }
    }
}

#[test]
fn the_handbook_is_one_offline_page_with_every_part_in_both_languages() {
    for (path, l) in shipped() {
        for lang in Lang::ALL {
            let page = text(&l, MselFormat::Html, lang);
            let name = path.display();
            assert!(page.starts_with("<!DOCTYPE html>"), "{name}");
            assert!(page.contains(&format!("<html lang=\"{}\">", lang.tag())));
            for forbidden in ["<script", "http://", "https://", "<link", "src="] {
                assert!(!page.contains(forbidden), "{name}: {forbidden}");
            }
            for part in ["brief", "teams", "chain", "deadlines", "objectives", "msel"] {
                assert!(page.contains(&format!("id=\"{part}\"")), "{name}: {part}");
            }
            let dom = tl::parse(&page, tl::ParserOptions::default()).expect("parses");
            assert!(dom.query_selector("table").expect("query").count() >= 4);
            for o in &l.design.objectives {
                assert!(page.contains(&escape(o.text.get(lang))), "{name}: {}", o.id);
            }
            for t in &l.scenario.teams {
                assert!(page.contains(&escape(t.name.get(lang))), "{name}: {}", t.id);
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn the_markdown_has_the_handbook_s_sections_and_every_inject() {
    let l = scenario::builtin_default_loaded();
    let md = text(&l, MselFormat::Markdown, Lang::En);
    assert!(
        md.starts_with("# Controller's handbook · 統制官ハンドブック"),
        "{md}"
    );
    for h in [
        "## Brief",
        "## Teams and roles",
        "## Reporting chain",
        "## Deadlines by severity",
        "## Objectives",
        "## MSEL",
    ] {
        assert!(md.contains(h), "{h}");
    }
    for inj in &l.scenario.injects {
        assert!(md.contains(&inj.id), "{}", inj.id);
    }
}

#[test]
fn the_command_writes_every_format_and_says_what_is_wrong() {
    let s = |p: &Path| p.to_str().unwrap_or_default().to_string();
    for (path, _) in shipped() {
        for ext in ["csv", "xlsx", "md", "html"] {
            let out = temp_file("msel-cli", &format!("msel.{ext}"));
            succeeds(&["msel", &s(&path), "--out", &s(&out), "--lang", "ja"]);
            assert!(
                std::fs::metadata(&out).expect("written").len() > 500,
                "{ext}"
            );
        }
    }
    let md = crossdrill(&["msel", "scenarios/games-time-blackout.scenario.ron"]);
    assert!(md.status.success());
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# Controller's handbook"));
    let broken = crossdrill(&["msel", "tests/broken/expect-broken-links.scenario.ron"]);
    assert_eq!(broken.status.code(), Some(2));
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(
        err.contains(
            "expect-broken-links.scenario.ron:35:68: error: unknown objective `contact-pth`"
        ),
        "{err}"
    );
}
