//! Text cut to fit: display widths (CJK and full-width characters take two columns)
//! and clipping with an ellipsis, for the report's charts and the app's labels.

/// Display width in half-width columns (CJK and full-width characters count 2).
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    if (c as u32) >= 0x2E80 { 2 } else { 1 }
}

/// `s` cut to at most `columns` of display width, ending in "…" when cut.
pub fn clip(s: &str, columns: usize) -> String {
    if width(s) <= columns {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > columns {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_by_display_width() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("大会期間中", 6), "大会…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(width("aあ"), 3);
    }
}
