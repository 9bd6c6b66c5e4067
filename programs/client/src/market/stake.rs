//! Builders of the stake instructions: deposit, request an unstake, withdraw.

use super::*;

fn stake_move(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    owner_io: Pubkey,
    data: impl InstructionData,
) -> Instruction {
    instruction(
        program::accounts::StakeMove {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            owner_io,
            stake_vault: stake_vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn stake_deposit(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    owner_io: Pubkey,
    amount_io_base: u64,
) -> Instruction {
    stake_move(
        owner,
        index,
        gpu_class,
        owner_io,
        program::instruction::StakeDeposit { amount_io_base },
    )
}

pub fn stake_withdraw(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    owner_io: Pubkey,
) -> Instruction {
    stake_move(
        owner,
        index,
        gpu_class,
        owner_io,
        program::instruction::StakeWithdraw {},
    )
}

pub fn unstake_request(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    amount_io_base: u64,
) -> Instruction {
    instruction(
        program::accounts::UnstakeRequest {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::UnstakeRequest { amount_io_base },
    )
}
