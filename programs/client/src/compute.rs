//! Compute budget instructions. A transaction gets 200,000 compute units per instruction by
//! default; an instruction that needs more must ask for them with [`set_compute_unit_limit`]
//! placed anywhere in the same transaction, and one that needs less (a `lease_settle_batch`, whose
//! estimate is `market::lease_settle_batch_compute_units`) may ask for less, so a priority fee
//! per unit costs less.

use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::pubkey::Pubkey;

/// The compute budget program.
pub const COMPUTE_BUDGET_PROGRAM_ID: Pubkey =
    Pubkey::from_str_const("ComputeBudget111111111111111111111111111111");

/// The most compute units one transaction may ask for.
pub const MAX_COMPUTE_UNIT_LIMIT: u32 = 1_400_000;

/// `SetComputeUnitLimit(units)`: its wire form is the variant index 2 and the limit as a
/// little-endian u32, with no accounts.
pub fn set_compute_unit_limit(units: u32) -> Instruction {
    let mut data = Vec::with_capacity(5);
    data.push(2);
    data.extend_from_slice(&units.to_le_bytes());
    Instruction {
        program_id: COMPUTE_BUDGET_PROGRAM_ID,
        accounts: Vec::new(),
        data,
    }
}
