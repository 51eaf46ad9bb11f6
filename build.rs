//! Embeds every locale folder under `assets/locales/` (one folder per language, any
//! number of `.ftl` files in each) and every shipped scenario (`scenarios/*.scenario.ron`)
//! into the binary.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    locales(Path::new(&manifest));
    scenarios(Path::new(&manifest));
}

fn write_out(file: &str, text: &str) {
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join(file);
    if let Err(e) = std::fs::write(&dest, text) {
        println!("cargo:warning=could not write {}: {e}", dest.display());
    }
}

/// The entries of `dir` that `keep`, sorted; cargo reruns the build when any of them (or
/// the folder) changes.
fn listed(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| keep(p)).collect())
        .unwrap_or_default();
    found.sort();
    for p in &found {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    found
}

fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

/// `scenarios/*.scenario.ron` as a sorted list of (name as the repository spells it, text).
fn scenarios(manifest: &Path) {
    let files = listed(&manifest.join("scenarios"), |p| {
        file_name(p).ends_with(".scenario.ron")
    });
    let mut out = String::from("&[\n");
    for f in files {
        let _ = writeln!(
            out,
            "    (\"scenarios/{}\", include_str!({:?})),",
            file_name(&f),
            f.display().to_string()
        );
    }
    out.push(']');
    write_out("shipped.rs", &out);
}

fn locales(manifest: &Path) {
    let langs = listed(&manifest.join("assets/locales"), Path::is_dir);
    let mut out = String::from("&[\n");
    for dir in langs {
        let files = listed(&dir, |p| p.extension().is_some_and(|x| x == "ftl"));
        let _ = write!(out, "    ({:?}, &[", file_name(&dir));
        for f in files {
            let _ = write!(
                out,
                "({:?}, include_str!({:?})), ",
                file_name(&f),
                f.display().to_string()
            );
        }
        out.push_str("]),\n");
    }
    out.push(']');
    write_out("locales.rs", &out);
}
