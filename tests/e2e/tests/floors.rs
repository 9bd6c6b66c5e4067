//! The workspace's floors import only downward: `programs/` (the programs, their pure cores, the
//! client and the IDLs) below `indexer/` below `app/`. `tests/` may use any floor; no floor uses
//! `tests/` in its normal dependencies (a program's own test suite may, as a dev-dependency).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The floor of a workspace member from its manifest path, `None` for `tests/`.
fn floor(manifest: &str, root: &Path) -> Option<usize> {
    let relative = Path::new(manifest).strip_prefix(root).ok()?;
    match relative.components().next()?.as_os_str().to_str()? {
        "programs" => Some(1),
        "indexer" => Some(2),
        "app" => Some(3),
        _ => None,
    }
}

#[test]
fn no_crate_imports_from_a_floor_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap();
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(&root)
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "{output:?}");
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let members: BTreeMap<&str, Option<usize>> = packages
        .iter()
        .map(|p| {
            let manifest = p["manifest_path"].as_str().unwrap();
            (p["name"].as_str().unwrap(), floor(manifest, &root))
        })
        .collect();
    let mut upward = Vec::new();
    for package in packages {
        let name = package["name"].as_str().unwrap();
        let Some(own) = members[name] else { continue };
        for dependency in package["dependencies"].as_array().unwrap() {
            let normal = dependency["kind"].is_null();
            let Some(target) = members.get(dependency["name"].as_str().unwrap()) else {
                continue;
            };
            let above = match target {
                Some(floor) => *floor > own,
                // A floor's own code never builds on test infrastructure.
                None => normal,
            };
            if above {
                upward.push(format!("{name} -> {}", dependency["name"]));
            }
        }
    }
    assert!(upward.is_empty(), "imports from above: {upward:?}");
}
