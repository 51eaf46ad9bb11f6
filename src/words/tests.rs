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

/// The variables each message of one locale names, by id.
fn variables(tag: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline(a, out));
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                variants.iter().for_each(|v| pattern(&v.value, out));
            }
        }
    }
    fn pattern(p: &Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    let mut all = Vec::new();
    for (_, source) in sources(tag) {
        let Ok(resource) = fluent_syntax::parser::parse(*source) else {
            continue;
        };
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(v) = &m.value {
                    pattern(v, &mut vars);
                }
                all.push((m.id.name.to_owned(), vars));
            }
        }
    }
    all
}

/// The code around each place that names `id`: the call or chain it is in, and the
/// `let args` it passes, if any.
fn call_sites(code: &str, id: &str) -> Vec<String> {
    let needle = format!("\"{id}\"");
    let mut sites = Vec::new();
    for (at, _) in code.match_indices(&needle) {
        let rest = &code[at..];
        let mut depth = 0i32;
        let mut end = rest.len();
        let bytes = rest.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            match b {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b';' if depth <= 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
            let closer = matches!(b, b')' | b']' | b'}');
            let next = rest[i + 1..].trim_start();
            if closer && depth < 0 && !next.starts_with(['.', ')', ']', '}']) {
                end = i;
                break;
            }
        }
        let mut site = rest[..end].to_owned();
        if site.contains("args") {
            let before = &code[..at];
            if let Some(k) = before.rfind("let args") {
                site.push_str(&before[k..]);
            }
        }
        if let Some(body) = enclosing_fn(code, at) {
            site.push_str(body);
        }
        if let Some(body) = called_fn(code, at) {
            site.push_str(body);
        }
        sites.push(site);
    }
    sites
}

/// The body of the function the id at byte `at` is handed to, when it is an argument
/// of a call (`helper(x, "id")`): the helper passes the arguments.
fn called_fn(code: &str, at: usize) -> Option<&str> {
    let before = &code[..at];
    let mut depth = 0;
    let open = before.char_indices().rev().find_map(|(i, c)| {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth > 0 => depth -= 1,
            '(' => return Some(i),
            '[' | '{' | ';' => return Some(usize::MAX),
            _ => {}
        }
        None
    })?;
    if open == usize::MAX {
        return None;
    }
    let name_start = before[..open]
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |k| k + 1);
    let name = &before[name_start..open];
    if name.is_empty() {
        return None;
    }
    let def = code.find(&format!("fn {name}("))?;
    enclosing_fn(code, def + 3)
}

/// The function around byte `at` (where an id chosen by a `match` or an `if` meets
/// the arguments passed with it).
fn enclosing_fn(code: &str, at: usize) -> Option<&str> {
    let start = code[..at].rfind("fn ")?;
    let open = start + code[start..].find('{')?;
    let mut depth = 0;
    for (i, b) in code[open..].bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return Some(&code[start..open + i]);
        }
    }
    None
}

#[test]
fn every_message_gets_the_arguments_it_names() {
    let code = source_text();
    let passed = regex::Regex::new(r#"\(\s*"([a-z]+)",\s"#).unwrap_or_else(|e| panic!("{e}"));
    let mut wrong = Vec::new();
    for tag in tags() {
        for (id, vars) in variables(tag) {
            if vars.is_empty() {
                continue;
            }
            for site in call_sites(&code, &id) {
                let given: Vec<&str> = passed
                    .captures_iter(&site)
                    .filter_map(|c| c.get(1))
                    .map(|m| m.as_str())
                    .collect();
                for v in &vars {
                    if !given.contains(&v.as_str()) {
                        wrong.push(format!("{tag}: {id} names ${v}, not passed at: {site}"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}
