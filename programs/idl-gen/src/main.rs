//! `idl-gen`: builds each program's Anchor IDL on the host and writes it to
//! `programs/idl/<name>.json` with the error codes beside the variants of its `error.rs`, or with
//! `--check` fails when a committed IDL or a written code differs from what the code generates.
//!
//! Anchor builds IDLs by compiling the program's unit tests with the `idl-build` feature and
//! reading what they print, which needs no SBF toolchain. Usage (from the repository root):
//!
//! ```text
//! cargo run -p idl-gen            # regenerate programs/idl/*.json
//! cargo run -p idl-gen -- --check # CI: exit 1 when a committed IDL is stale
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anchor_lang_idl::build::IdlBuilder;
use anyhow::{Context, Result, bail};

mod error_codes;

/// The programs whose IDLs are committed, by crate folder under `programs/`.
const PROGRAMS: [&str; 5] = ["iosd", "market", "inference", "rewards", "governance"];

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("idl-gen: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool> {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => bail!("unknown argument {other:?}; usage: idl-gen [--check]"),
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()?;
    isolate_the_idl_build(&root);

    let mut all_fresh = true;
    for name in PROGRAMS {
        let idl = IdlBuilder::new()
            .program_path(root.join("programs").join(name))
            .cargo_args(vec!["--lib".into(), "--locked".into()])
            .build()
            .with_context(|| format!("building the IDL of {name}"))?;
        let generated = serde_json::to_string_pretty(&idl)? + "\n";
        let path = root.join("programs/idl").join(format!("{name}.json"));
        let errors_path = root.join("programs").join(name).join("src/error.rs");
        let errors = std::fs::read_to_string(&errors_path)
            .with_context(|| format!("reading {}", errors_path.display()))?;
        let annotated = error_codes::annotate(&errors, &serde_json::to_value(&idl)?)
            .with_context(|| format!("numbering {}", errors_path.display()))?;
        if check {
            if annotated != errors {
                eprintln!(
                    "idl-gen: {} lacks or misstates an error code; run `cargo run -p idl-gen` and commit it",
                    errors_path.display()
                );
                all_fresh = false;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != generated {
                eprintln!(
                    "idl-gen: {} is stale; run `cargo run -p idl-gen` and commit it",
                    path.display()
                );
                all_fresh = false;
            } else {
                println!("idl-gen: {name}: committed IDL is current");
            }
        } else {
            std::fs::write(&path, generated)
                .with_context(|| format!("writing {}", path.display()))?;
            std::fs::write(&errors_path, annotated)
                .with_context(|| format!("writing {}", errors_path.display()))?;
            println!("idl-gen: wrote {}", path.display());
        }
    }
    Ok(all_fresh)
}

/// Prepares the environment of the `cargo test` the IDL builder starts.
fn isolate_the_idl_build(root: &Path) {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    // SAFETY: called once at start-up, before any other thread exists.
    unsafe {
        // With RUSTUP_TOOLCHAIN set (cargo run sets it) the builder runs `rustup toolchain
        // install`, which upgrades the pinned toolchain on these machines: remove it, so the
        // nested cargo reads rust-toolchain.toml like any other.
        std::env::remove_var("RUSTUP_TOOLCHAIN");
        // The builder compiles with RUSTFLAGS="-A warnings"; its own target folder keeps that
        // build from evicting the normal one (different flags, same artifact names).
        std::env::set_var("CARGO_TARGET_DIR", target.join("idl"));
    }
}
