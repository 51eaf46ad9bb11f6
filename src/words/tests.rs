//! The locale files: every language has every message, with the same arguments.

use super::*;

#[test]
fn phrases_nest_and_lists_follow_the_language() {
    let p = Phrase::new("j-sent")
        .with("from", "a")
        .with("to", Part::list(["b".into(), "c".into()]))
        .with("kind", Phrase::new("j-kind-alert"))
        .with("message", "3")
        .with("extra", "")
        .with("text", "hi");
    assert_eq!(p.word(Lang::En), "a -> b, c: Alert #3: \"hi\"");
    assert_eq!(p.word(Lang::Ja), "a → b、c: 注意喚起 #3「hi」");
}

#[test]
fn spans_in_each_language() {
    assert_eq!(span(Lang::En, 5400), "1h30m");
    assert_eq!(span(Lang::Ja, 5400), "1時間30分");
    assert_eq!(span(Lang::Ja, 0), "0秒");
    assert_eq!(span_short(Lang::En, 3900), "1h05m");
    assert_eq!(span_short(Lang::Ja, 3900), "1時間05分");
    assert_eq!(span_short(Lang::En, 185), "3m05s");
}

/// Every message id of one locale, from its files.
fn ids(tag: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (file, source) in sources(tag) {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, e)| panic!("{tag}/{file}: {e:?}"));
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_owned());
            }
        }
    }
    ids.sort();
    ids
}

/// The text of every Rust file under `src/`.
fn source_text() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    let mut out = String::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

#[test]
fn every_locale_has_every_message_and_no_syntax_error() {
    let en = ids("en");
    assert!(en.len() > 300, "{}", en.len());
    for tag in tags() {
        let other = ids(tag);
        let missing: Vec<_> = en.iter().filter(|i| !other.contains(i)).collect();
        let extra: Vec<_> = other.iter().filter(|i| !en.contains(i)).collect();
        assert!(missing.is_empty(), "missing in {tag}: {missing:?}");
        assert!(extra.is_empty(), "only in {tag}: {extra:?}");
    }
    let _ = say(Lang::Ja, "list-sep");
    let loading: Vec<_> = problems()
        .into_iter()
        .filter(|p| p.contains(".ftl"))
        .collect();
    assert!(loading.is_empty(), "{loading:?}");
}

#[test]
fn every_message_is_used_by_the_code() {
    let code = source_text();
    let unused: Vec<_> = ids("en")
        .into_iter()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code says: {unused:?}");
}

#[test]
fn every_message_the_code_names_exists() {
    let code = source_text();
    let known = ids("en");
    let calls = regex::Regex::new(
        r#"(?:\bt|\bta|say|say_with|say_static|Phrase::new|\bp|\bT)\(\s*(?:[a-z_.]+,\s*)?"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let missing: Vec<_> = calls
        .captures_iter(&code)
        .map(|c| c[1].to_owned())
        .filter(|id| !known.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "the code says messages no locale has: {missing:?}"
    );
}
