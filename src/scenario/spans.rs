//! A light RON scanner that records where each value starts, so validation can point
//! at `file:line:column` for a field found by its path (`services[3].owner`).
//!
//! It runs only on text that already parsed with `ron`, so it can be forgiving: on
//! anything it does not understand it stops and lookups fall back to the nearest
//! enclosing value.

/// A position in a source text, 1-based like compilers print it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// One step of a path into a RON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

#[derive(Debug, Default)]
struct Node {
    pos: Pos,
    /// Named fields of a struct or struct-like enum variant.
    fields: Vec<(String, Node)>,
    /// List elements or tuple items.
    items: Vec<Node>,
    /// The identifier before `(`, if any (`Some`, `Degrade`, `Compromise`).
    name: Option<String>,
}

/// Value positions of one RON document.
#[derive(Debug, Default)]
pub struct SpanTree {
    root: Node,
}

impl SpanTree {
    /// Scan `text`. Never fails; unknown syntax ends the scan early.
    pub fn scan(text: &str) -> Self {
        let mut s = Scanner {
            text,
            i: 0,
            line: 1,
            col: 1,
        };
        s.skip_ws();
        let root = s.value(0);
        SpanTree { root }
    }

    /// The start of the value at `path`, or of the deepest value on the way there.
    pub fn find(&self, path: &[Seg]) -> Pos {
        let mut node = &self.root;
        for seg in path {
            let node_inner = unwrap_some(node);
            let next = match seg {
                Seg::Field(f) => node_inner
                    .fields
                    .iter()
                    .find(|(k, _)| k == f)
                    .map(|(_, n)| n)
                    .or_else(|| {
                        // A newtype variant such as `Not(All([...]))`: look through one item.
                        node_inner
                            .items
                            .first()
                            .and_then(|n| n.fields.iter().find(|(k, _)| k == f).map(|(_, n)| n))
                    }),
                Seg::Index(i) => node_inner.items.get(*i),
            };
            match next {
                Some(n) => node = n,
                None => return node.pos,
            }
        }
        node.pos
    }
}

fn unwrap_some(node: &Node) -> &Node {
    if node.name.as_deref() == Some("Some") && node.items.len() == 1 {
        &node.items[0]
    } else {
        node
    }
}

/// Reads `text` a character at a time; `i` is a byte offset.
struct Scanner<'a> {
    text: &'a str,
    i: usize,
    line: usize,
    col: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.i..].chars().next()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.text[self.i..].chars().nth(k)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                (Some('#'), Some('!')) => {
                    // `#![enable(...)]` attribute line.
                    while let Some(c) = self.bump() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                out.push(c);
                self.bump();
            } else {
                break;
            }
        }
        out
    }

    fn string(&mut self) {
        // At `"` or `r#"`.
        if self.peek() == Some('r') {
            self.bump();
            let mut hashes = 0;
            while self.peek() == Some('#') {
                hashes += 1;
                self.bump();
            }
            self.bump(); // opening quote
            while let Some(c) = self.bump() {
                if c == '"' {
                    let mut n = 0;
                    while n < hashes && self.peek() == Some('#') {
                        self.bump();
                        n += 1;
                    }
                    if n == hashes {
                        return;
                    }
                }
            }
            return;
        }
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn value(&mut self, depth: usize) -> Node {
        let mut node = Node {
            pos: self.pos(),
            ..Node::default()
        };
        if depth > 64 {
            return node;
        }
        match self.peek() {
            Some('"') => self.string(),
            Some('r') if matches!(self.peek_at(1), Some('"') | Some('#')) => self.string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            Some('[') => {
                self.bump();
                self.seq(&mut node, ']', depth);
            }
            Some('{') => {
                self.bump();
                self.seq(&mut node, '}', depth);
            }
            Some('(') => {
                self.bump();
                self.seq(&mut node, ')', depth);
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let name = self.ident();
                self.skip_ws();
                if self.peek() == Some('(') {
                    self.bump();
                    self.seq(&mut node, ')', depth);
                }
                node.name = Some(name);
            }
            Some(_) => {
                // Number or other scalar.
                while let Some(c) = self.peek() {
                    if c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '_') {
                        self.bump();
                    } else {
                        break;
                    }
                }
            }
            None => {}
        }
        node
    }

    /// Elements up to `close`: `key: value` pairs become fields, others items.
    fn seq(&mut self, node: &mut Node, close: char, depth: usize) {
        loop {
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let before = self.i;
            // A field name is an identifier followed by `:`.
            if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
                let save = (self.i, self.line, self.col);
                let key = self.ident();
                self.skip_ws();
                if self.peek() == Some(':') && close != '}' {
                    self.bump();
                    self.skip_ws();
                    let v = self.value(depth + 1);
                    node.fields.push((key, v));
                    continue;
                }
                (self.i, self.line, self.col) = save;
            }
            let v = self.value(depth + 1);
            self.skip_ws();
            if close == '}' && self.peek() == Some(':') {
                // Map entry: keep the value, indexed like a list.
                self.bump();
                self.skip_ws();
                let v2 = self.value(depth + 1);
                node.items.push(v2);
            } else {
                node.items.push(v);
            }
            if self.i == before {
                // Could not make progress: stop rather than loop.
                self.bump();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_items() {
        let text = "(\n  services: [\n    (id: \"a\", owner: \"x\"),\n    (id: \"b\", // c\n     owner: Some(\"y\")),\n  ],\n  d: Degrade(0.5),\n)";
        let t = SpanTree::scan(text);
        let p = t.find(&[Seg::Field("services"), Seg::Index(1), Seg::Field("owner")]);
        assert_eq!(p, Pos { line: 5, col: 13 });
        let p = t.find(&[Seg::Field("services"), Seg::Index(0), Seg::Field("owner")]);
        assert_eq!(p, Pos { line: 3, col: 22 });
        // A missing field falls back to the enclosing value.
        let p = t.find(&[Seg::Field("services"), Seg::Index(0), Seg::Field("nope")]);
        assert_eq!(p, Pos { line: 3, col: 5 });
        let p = t.find(&[Seg::Field("d"), Seg::Index(0)]);
        assert_eq!(p, Pos { line: 7, col: 14 });
    }
}
