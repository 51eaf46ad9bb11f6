//! Where a step of a scripted play stands in its text: each element of the top-level
//! list, and a byte offset as line and column.

/// 1-based line and column of byte offset `at`.
pub(super) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Byte ranges of the elements of the top-level list (the text already parsed).
pub(super) fn element_starts(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut i, mut start) = (0i32, 0usize, None::<usize>);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
                continue;
            }
            b'"' => {
                if depth == 1 {
                    start.get_or_insert(i);
                }
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => {
                if depth == 1 {
                    start.get_or_insert(i);
                }
                depth += 1;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0
                    && let Some(s) = start.take()
                {
                    out.push((s, i));
                }
            }
            b',' if depth == 1 => {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
            }
            c if depth == 1 && !c.is_ascii_whitespace() => {
                start.get_or_insert(i);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_element_positions() {
        let text = "[\n  // first\n  (a: 1),\n  (b: \"x,)\"),\n]";
        let starts = element_starts(text);
        assert_eq!(starts.len(), 2);
        assert_eq!(line_col(text, starts[0].0), (3, 3));
        assert_eq!(line_col(text, starts[1].0), (4, 3));
    }
}
