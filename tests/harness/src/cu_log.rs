//! Compute units per instruction, for the SBF report (`scripts/sbf-test.sh`).
//!
//! With `IO_CU_LOG=<file>` set, every transaction the harness sends appends one line per
//! top-level instruction to that file: program id, instruction name (Anchor's, or an SPL Token
//! instruction's from its tag, so the report has a token transfer to compare with; empty for
//! other programs), compute units consumed, and `ok` or `err` for the transaction.
//! `scripts/sbf/cu-table.sh` turns the file into the table in BENCHMARKS.md. The figures are
//! read from the runtime's own log lines (`Program <id> consumed <n> of <m> compute units`), so
//! they mean something only when the programs run as SBF bytecode (`IO_SBF_DIR`); native
//! builtins are not metered.

use std::io::Write;

use solana_instruction::Instruction;

/// Environment variable naming the file to append to; unset means no log.
pub const CU_LOG_VAR: &str = "IO_CU_LOG";

/// One top-level instruction's consumption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstructionCost {
    /// Its position among the transaction's top-level instructions.
    pub index: usize,
    pub program: String,
    pub instruction: String,
    pub compute_units: u64,
}

/// The top-level instructions of a transaction and what each consumed, from its log lines.
/// Inner (CPI) invocations are counted in their caller, as the runtime does.
pub fn top_level_costs(logs: &[String]) -> Vec<InstructionCost> {
    let mut costs = Vec::new();
    let mut depth = 0usize;
    let mut top_level = 0usize;
    let mut current: Option<InstructionCost> = None;
    for line in logs {
        let Some(rest) = line.strip_prefix("Program ") else {
            continue;
        };
        if let Some((id, level)) = rest.split_once(" invoke [") {
            depth = level.trim_end_matches(']').parse().unwrap_or(depth + 1);
            if depth == 1 {
                current = Some(InstructionCost {
                    index: top_level,
                    program: id.to_string(),
                    instruction: String::new(),
                    compute_units: 0,
                });
            }
        } else if let Some(message) = rest.strip_prefix("log: ") {
            // A program's own message: only Anchor's first "Instruction: <name>" counts; its
            // text may say anything else ("failed", "consumed") and is no runtime line.
            if let (Some(cost), Some(name)) = (
                current
                    .as_mut()
                    .filter(|c| depth == 1 && c.instruction.is_empty()),
                message.strip_prefix("Instruction: "),
            ) {
                cost.instruction = name.to_string();
            }
        } else if rest.starts_with("data: ") || rest.starts_with("return: ") {
            continue;
        } else if let Some((_, used)) = rest.split_once(" consumed ") {
            if let Some(mut cost) = current.take_if(|_| depth == 1) {
                cost.compute_units = used
                    .split(' ')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                costs.push(cost);
            }
        } else if rest.ends_with(" success") || rest.contains(" failed") {
            if depth == 1 {
                top_level += 1;
            }
            depth = depth.saturating_sub(1);
        }
    }
    costs
}

/// The SPL Token program (p-token in the SVM the tests run: LiteSVM loads it when the
/// `replace_spl_token_with_p_token` feature is active, as on mainnet).
const SPL_TOKEN: &str = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

/// The name of an SPL Token instruction from its tag (the first data byte), for the ones the
/// tests send at top level.
fn spl_token_instruction(tag: u8) -> &'static str {
    match tag {
        0 => "InitializeMint",
        1 => "InitializeAccount",
        3 => "Transfer",
        7 => "MintTo",
        8 => "Burn",
        12 => "TransferChecked",
        18 => "InitializeAccount3",
        20 => "InitializeMint2",
        _ => "",
    }
}

/// Appends a transaction's costs to the `IO_CU_LOG` file, when it is set; `instructions` are the
/// transaction's, in order, to name SPL Token ones. A log that cannot be written fails the test:
/// a report silently missing rows would be wrong.
pub fn record(logs: &[String], succeeded: bool, instructions: &[Instruction]) {
    let Some(path) = std::env::var_os(CU_LOG_VAR) else {
        return;
    };
    let status = if succeeded { "ok" } else { "err" };
    let mut lines = String::new();
    for mut cost in top_level_costs(logs) {
        if cost.instruction.is_empty()
            && cost.program == SPL_TOKEN
            && let Some(tag) = instructions.get(cost.index).and_then(|ix| ix.data.first())
        {
            cost.instruction = spl_token_instruction(*tag).to_string();
        }
        lines.push_str(&format!(
            "{}\t{}\t{}\t{status}\n",
            cost.program, cost.instruction, cost.compute_units
        ));
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(lines.as_bytes()))
        .unwrap_or_else(|error| panic!("{CU_LOG_VAR}={}: {error}", path.to_string_lossy()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_top_level_instructions_with_their_cpis() {
        let logs: Vec<String> = [
            "Program Comp invoke [1]",
            "Program Comp success",
            "Program Market invoke [1]",
            "Program log: Instruction: LeaseOpen",
            "Program log: AnchorError: the lease failed; consumed nothing",
            "Program Market consumed 5000 of 200000 compute units",
            "Program Market failed: custom program error: 0x1770",
            "Program Market invoke [1]",
            "Program log: Instruction: LeaseSettle",
            "Program Token invoke [2]",
            "Program log: Instruction: Transfer",
            "Program Token consumed 4645 of 190000 compute units",
            "Program Token success",
            "Program Market consumed 30123 of 200000 compute units",
            "Program Market success",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            top_level_costs(&logs),
            vec![
                InstructionCost {
                    index: 1,
                    program: "Market".into(),
                    instruction: "LeaseOpen".into(),
                    compute_units: 5_000,
                },
                InstructionCost {
                    index: 2,
                    program: "Market".into(),
                    instruction: "LeaseSettle".into(),
                    compute_units: 30_123,
                },
            ]
        );
    }
}
