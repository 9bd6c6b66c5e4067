//! Builders of the providers' instructions: register, update, claim earnings, close.

use super::*;

pub fn provider_register(
    owner: Pubkey,
    io_payout: Pubkey,
    iosd_payout_owner: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::ProviderRegister {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            io_payout,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderRegister { iosd_payout_owner },
    )
}

pub fn provider_update(owner: Pubkey, io_payout: Pubkey, iosd_payout_owner: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderUpdate {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            io_payout,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderUpdate { iosd_payout_owner },
    )
}

pub fn provider_close(owner: Pubkey, rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderClose {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClose {},
    )
}

/// `provider_claim`: the owner takes the provider's IOSD earnings into the IOSD holder of
/// `iosd_payout_owner` (the provider's registered one).
pub fn provider_claim(owner: Pubkey, iosd_payout_owner: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderClaim {
            owner,
            provider: provider_address(&owner),
            provider_holder: crate::iosd::holder_address(&iosd_payout_owner),
            config: config_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClaim {},
    )
}

/// `provider_claim_io`: the owner takes the provider's IOSD earnings as IO, redeemed through
/// iosd at `price_update` into the provider's registered IO payout account `io_payout`.
pub fn provider_claim_io(
    owner: Pubkey,
    io_payout: Pubkey,
    price_update: Pubkey,
    min_io_out_base: u64,
) -> Instruction {
    instruction(
        program::accounts::ProviderClaimIo {
            owner,
            provider: provider_address(&owner),
            io_payout,
            price_update,
            io_vault: crate::iosd::io_vault_address(),
            config: config_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClaimIo { min_io_out_base },
    )
}

/// `provider_claim_io_earnings`: the owner takes the IO its IO leases earned into the
/// provider's registered IO payout account `io_payout`.
pub fn provider_claim_io_earnings(owner: Pubkey, io_payout: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderClaimIoEarnings {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            io_payout,
            lease_vault: lease_vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClaimIoEarnings {},
    )
}
