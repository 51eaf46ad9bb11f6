//! Embeds every locale folder under `assets/locales/` (one folder per language, any
//! number of `.ftl` files in each) and every shipped scenario (`scenarios/*.scenario.ron`)
//! into the binary.

use std::fmt::Write as _;
use std::path::Path;

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

/// `scenarios/*.scenario.ron` as a sorted list of (name as the repository spells it, text).
fn scenarios(manifest: &Path) {
    let root = manifest.join("scenarios");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.to_string_lossy().ends_with(".scenario.ron"));
    files.sort();
    let mut out = String::from("&[\n");
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(
            out,
            "    (\"scenarios/{name}\", include_str!({:?})),",
            f.display().to_string()
        );
    }
    out.push(']');
    write_out("shipped.rs", &out);
}

fn locales(manifest: &Path) {
    let root = manifest.join("assets/locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    langs.sort();
    let mut out = String::from("&[\n");
    for dir in langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let tag = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "ftl"));
        files.sort();
        let _ = write!(out, "    ({tag:?}, &[");
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let _ = write!(
                out,
                "({name:?}, include_str!({:?})), ",
                f.display().to_string()
            );
        }
        out.push_str("]),\n");
    }
    out.push(']');
    write_out("locales.rs", &out);
}
