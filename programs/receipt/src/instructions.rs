//! Finding an ed25519 precompile instruction from a program, through the instructions sysvar.
//!
//! A program cannot see the transaction's other instructions except through the instructions
//! sysvar account, which the caller passes in; an impostor account with the same layout would
//! let a forger show any "verified" message, so the account's address is checked first. The
//! instruction found must belong to the ed25519 program: only then has the runtime verified its
//! signatures before any program ran.

use anchor_lang::prelude::{AccountInfo, Pubkey};

/// The ed25519 signature-verification precompile.
pub const ED25519_PROGRAM_ID: Pubkey = solana_sdk_ids::ed25519_program::ID;

/// The instructions sysvar, which a program reads the transaction's instructions from.
pub const INSTRUCTIONS_SYSVAR_ID: Pubkey = solana_instructions_sysvar::ID;

/// Why no ed25519 instruction could be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SysvarError {
    /// The account passed as the instructions sysvar is another account.
    NotInstructionsSysvar,
    /// No instruction at that index (e.g. the executing instruction is the first).
    InstructionMissing,
    /// The instruction at that index is not the ed25519 program's.
    NotEd25519,
    /// The sysvar's data could not be read.
    Unreadable,
}

/// Index of the executing instruction in the transaction.
pub fn current_index(sysvar: &AccountInfo) -> Result<u16, SysvarError> {
    if *sysvar.key != INSTRUCTIONS_SYSVAR_ID {
        return Err(SysvarError::NotInstructionsSysvar);
    }
    solana_instructions_sysvar::load_current_index_checked(sysvar)
        .map_err(|_| SysvarError::Unreadable)
}

/// The data of the ed25519 precompile instruction at `index` of the transaction.
pub fn ed25519_data_at(sysvar: &AccountInfo, index: usize) -> Result<Vec<u8>, SysvarError> {
    if *sysvar.key != INSTRUCTIONS_SYSVAR_ID {
        return Err(SysvarError::NotInstructionsSysvar);
    }
    let instruction = solana_instructions_sysvar::load_instruction_at_checked(index, sysvar)
        .map_err(|_| SysvarError::InstructionMissing)?;
    if instruction.program_id != ED25519_PROGRAM_ID {
        return Err(SysvarError::NotEd25519);
    }
    Ok(instruction.data)
}

/// The data of every ed25519 precompile instruction before the executing one, in order: the
/// shape an oracle-signed claim uses (`[ed25519…, claim]`). Other programs' instructions are
/// skipped.
pub fn ed25519_datas_before_current(sysvar: &AccountInfo) -> Result<Vec<Vec<u8>>, SysvarError> {
    let current = current_index(sysvar)?;
    let mut datas = Vec::new();
    for index in 0..usize::from(current) {
        let instruction = solana_instructions_sysvar::load_instruction_at_checked(index, sysvar)
            .map_err(|_| SysvarError::InstructionMissing)?;
        if instruction.program_id == ED25519_PROGRAM_ID {
            datas.push(instruction.data);
        }
    }
    Ok(datas)
}

/// The data of the ed25519 precompile instruction just before the executing one: the shape a
/// receipt settlement uses (`[ed25519, settle]`).
pub fn ed25519_data_before_current(sysvar: &AccountInfo) -> Result<Vec<u8>, SysvarError> {
    let current = current_index(sysvar)?;
    let previous = current
        .checked_sub(1)
        .ok_or(SysvarError::InstructionMissing)?;
    ed25519_data_at(sysvar, usize::from(previous))
}
