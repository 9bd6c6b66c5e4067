//! Builders of the slashing instructions: open, uphold, reverse, finalise.

use super::*;

/// Opens slash number `nonce` (the device's `slash_nonce`) on `device`.
pub fn slash_open(
    slasher: Pubkey,
    device: Pubkey,
    nonce: u64,
    amount_io_base: u64,
    evidence_hash: [u8; 32],
) -> Instruction {
    instruction(
        program::accounts::SlashOpen {
            slasher,
            config: config_address(),
            device,
            slash: slash_address(&device, nonce),
            stake_vault: stake_vault_address(),
            slash_escrow: slash_escrow_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SlashOpen {
            amount_io_base,
            evidence_hash,
        },
    )
}

/// The accounts of a slash decision; `rent_payer` is the slasher who opened it.
fn slash_decide(
    decider: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
    data: impl InstructionData,
) -> Instruction {
    instruction(
        program::accounts::SlashDecide {
            decider,
            config: config_address(),
            device,
            slash: slash_address(&device, nonce),
            rent_payer,
            slash_escrow: slash_escrow_address(),
            treasury,
            stake_vault: stake_vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn slash_uphold(
    authority: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
) -> Instruction {
    slash_decide(
        authority,
        device,
        nonce,
        rent_payer,
        treasury,
        program::instruction::SlashUphold {},
    )
}

pub fn slash_reverse(
    authority: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
) -> Instruction {
    slash_decide(
        authority,
        device,
        nonce,
        rent_payer,
        treasury,
        program::instruction::SlashReverse {},
    )
}

pub fn slash_finalize(
    anyone: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
) -> Instruction {
    slash_decide(
        anyone,
        device,
        nonce,
        rent_payer,
        treasury,
        program::instruction::SlashFinalize {},
    )
}
