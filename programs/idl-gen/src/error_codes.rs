//! The error code written beside each variant of a program's `error.rs`, kept equal to the code
//! in its IDL: `idl-gen` writes them, `idl-gen --check` fails when one is missing or wrong.
//!
//! Anchor numbers a program's errors from 6000 in declaration order, so a code is easy to get
//! wrong by hand and costly to get wrong: it is what users and clients see. Each variant carries
//! a `/// 6012` line as the first line of its attributes.

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// `error_rs` with every variant's code line set from `idl`'s errors.
pub fn annotate(error_rs: &str, idl: &Value) -> Result<String> {
    let errors = idl["errors"].as_array().context("the IDL has no errors")?;
    let codes: Vec<(&str, u64)> = errors
        .iter()
        .map(|e| {
            Ok((
                e["name"].as_str().context("name")?,
                e["code"].as_u64().context("code")?,
            ))
        })
        .collect::<Result<_>>()?;
    let lines: Vec<&str> = error_rs.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.trim() == "#[error_code]")
        .context("no #[error_code] enum")?;
    let open = (start..lines.len())
        .find(|&i| lines[i].trim_end().ends_with('{'))
        .context("no enum body")?;
    let close = (open..lines.len())
        .find(|&i| lines[i] == "}")
        .context("the enum body does not end")?;

    let mut out: Vec<String> = lines[..=open].iter().map(|l| l.to_string()).collect();
    let mut pending: Vec<String> = Vec::new();
    let mut seen = 0;
    for line in &lines[open + 1..close] {
        let trimmed = line.trim();
        if is_code_line(trimmed) {
            continue;
        }
        pending.push(line.to_string());
        if let Some(name) = variant_name(trimmed) {
            let Some(&(expected, code)) = codes.get(seen) else {
                bail!("variant {name} has no error in the IDL");
            };
            if expected != name {
                bail!("variant {seen} is {name} in error.rs but {expected} in the IDL");
            }
            out.push(format!("    /// {code}"));
            out.append(&mut pending);
            seen += 1;
        }
    }
    if seen != codes.len() {
        bail!("error.rs has {seen} variants, the IDL {}", codes.len());
    }
    out.extend(pending);
    out.extend(lines[close..].iter().map(|l| l.to_string()));
    Ok(out.join("\n") + "\n")
}

fn is_code_line(trimmed: &str) -> bool {
    trimmed
        .strip_prefix("/// ")
        .is_some_and(|rest| rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// The variant a line ends, for a line that is only `Name,`.
fn variant_name(trimmed: &str) -> Option<&str> {
    let name = trimmed.strip_suffix(',')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERRORS: &str = "//! Errors.\n\n#[error_code]\npub enum E {\n    /// 6005\n    #[msg(\"a\")]\n    First,\n    /// Why.\n    #[msg(\"b\")]\n    Second,\n}\n\nimpl X {}\n";

    fn idl(names: &[&str]) -> Value {
        let errors: Vec<Value> = names
            .iter()
            .enumerate()
            .map(|(i, name)| serde_json::json!({ "code": 6000 + i, "name": name, "msg": "" }))
            .collect();
        serde_json::json!({ "errors": errors })
    }

    #[test]
    fn writes_each_variants_code_first_and_replaces_a_wrong_one() {
        let annotated = annotate(ERRORS, &idl(&["First", "Second"])).unwrap();
        assert_eq!(
            annotated,
            "//! Errors.\n\n#[error_code]\npub enum E {\n    /// 6000\n    #[msg(\"a\")]\n    First,\n    /// 6001\n    /// Why.\n    #[msg(\"b\")]\n    Second,\n}\n\nimpl X {}\n"
        );
        assert_eq!(
            annotate(&annotated, &idl(&["First", "Second"])).unwrap(),
            annotated
        );
    }

    #[test]
    fn refuses_variants_that_disagree_with_the_idl() {
        assert!(annotate(ERRORS, &idl(&["Second", "First"])).is_err());
        assert!(annotate(ERRORS, &idl(&["First"])).is_err());
        assert!(annotate(ERRORS, &idl(&["First", "Second", "Third"])).is_err());
    }
}
