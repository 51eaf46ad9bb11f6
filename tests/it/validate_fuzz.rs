//! Damaged scenario text never panics the loader: it loads or reports problems.

use crossdrill::scenario;
use proptest::prelude::*;

const BASE: &str = include_str!("../fixtures/relative-include.scenario.ron");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn cutting_and_splicing_never_panics(cut in 0usize..BASE.len(), len in 0usize..40, insert in "[ -~]{0,8}") {
        let mut text: Vec<char> = BASE.chars().collect();
        let at = cut.min(text.len());
        let end = (at + len).min(text.len());
        text.splice(at..end, insert.chars());
        let text: String = text.into_iter().collect();
        match scenario::load_source("fuzz.scenario.ron", &text, Some(std::path::Path::new("tests/fixtures"))) {
            Ok(_) => {}
            Err(p) => {
                prop_assert!(!p.0.is_empty());
                for problem in &p.0 {
                    prop_assert!(problem.pos.line >= 1 && problem.pos.col >= 1);
                }
            }
        }
    }
}
