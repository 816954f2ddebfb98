//! The house's layering, checked on the source: the concern modules depend on each
//! other in one direction only (no module cycles), and the library's own code names an
//! item by its module (`crate::catalog::Layer`), never by a root re-export, so that the
//! layering shows in the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The concern modules, lowest first: each may use only those before it. The adapters
/// come last: nothing of the crate depends on them.
const LAYERS: [&str; 9] = [
    "decimal",
    "catalog",
    "classification",
    "response",
    "overrides",
    "retry",
    "testing",
    "reqwest",
    "tower",
];

/// The table modules' public paths at the root: they are the catalog's.
const TABLES: [&str; 8] = [
    "access",
    "blue_diamond",
    "game_center",
    "logic",
    "oidb",
    "qq",
    "share",
    "wechat",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::<name>` in the code (not in comments) of the library's files, by the
/// concern module the file is in.
fn references() -> BTreeMap<String, BTreeSet<(String, String)>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for file in files {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative.starts_with("bin/") || relative == "lib.rs" {
            continue;
        }
        let module = relative
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        for (number, line) in std::fs::read_to_string(&file).unwrap().lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                let name: String = rest[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found
                    .entry(module.clone())
                    .or_default()
                    .insert((name, format!("src/{relative}:{}", number + 1)));
                rest = &rest[at + 7..];
            }
        }
    }
    found
}

#[test]
fn concern_modules_depend_on_lower_ones_only() {
    let mut upward = Vec::new();
    for (module, names) in references() {
        let Some(level) = LAYERS.iter().position(|m| *m == module) else {
            panic!("src/{module} is not in LAYERS: add it where it belongs");
        };
        for (name, place) in names {
            let target = if TABLES.contains(&name.as_str()) {
                "catalog"
            } else {
                name.as_str()
            };
            let Some(target_level) = LAYERS.iter().position(|m| *m == target) else {
                continue; // not a module: checked by the test below
            };
            if target_level > level {
                upward.push(format!("{place}: {module} uses {target}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "uses of a higher layer (a module cycle in the making):\n{}",
        upward.join("\n")
    );
}

#[test]
fn library_code_names_items_by_their_module() {
    let mut by_root = Vec::new();
    for (_, names) in references() {
        for (name, place) in names {
            let known = LAYERS.contains(&name.as_str()) || TABLES.contains(&name.as_str());
            if !known {
                by_root.push(format!("{place}: crate::{name}"));
            }
        }
    }
    assert!(
        by_root.is_empty(),
        "root re-exports used inside the crate:\n{}",
        by_root.join("\n")
    );
}
