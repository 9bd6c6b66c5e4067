//! Builders of the deployer's, the authority's and the guardian's instructions.

use super::*;

/// `config_init`, signed and paid by the build-time deployer.
pub fn config_init(
    deployer: Pubkey,
    io_mint: Pubkey,
    treasury: Pubkey,
    args: ConfigInitArgs,
) -> Instruction {
    instruction(
        program::accounts::ConfigInit {
            deployer,
            config: config_address(),
            io_mint,
            iosd_mint: crate::iosd::iosd_mint_address(),
            treasury,
            stake_vault: stake_vault_address(),
            slash_escrow: slash_escrow_address(),
            lease_vault: lease_vault_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ConfigInit { args },
    )
}

pub fn params_set(authority: Pubkey, params: MarketParams) -> Instruction {
    authority_change(authority, program::instruction::ParamsSet { params })
}

pub fn key_set_add(authority: Pubkey, set: KeySet, key: Pubkey) -> Instruction {
    authority_change(authority, program::instruction::KeySetAdd { set, key })
}

pub fn key_set_remove(authority: Pubkey, set: KeySet, key: Pubkey) -> Instruction {
    authority_change(authority, program::instruction::KeySetRemove { set, key })
}

pub fn guardian_pause(guardian: Pubkey, class: PauseClass, hours: u32) -> Instruction {
    instruction(
        program::accounts::GuardianPause {
            guardian,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::GuardianPause { class, hours },
    )
}

pub fn pause_set(authority: Pubkey, class: PauseClass, paused_until: i64) -> Instruction {
    authority_change(
        authority,
        program::instruction::PauseSet {
            class,
            paused_until,
        },
    )
}
