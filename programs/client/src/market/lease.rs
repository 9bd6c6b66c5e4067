//! Builders of the lease instructions: open, top up, settle (one or a batch), close, finalise,
//! and the sweep of the fees they accrue.

use super::*;

/// `lease_open`: `renter` takes GPUs of `device` (class `gpu_class`), lease number `nonce`,
/// funded as `args.funding` says from its IOSD holder or its associated IO account. An IO lease
/// names the Pyth `price_update` its quote is read from.
pub fn lease_open(
    renter: Pubkey,
    device: Pubkey,
    gpu_class: Pubkey,
    nonce: u64,
    deployment: Deployment,
    args: LeaseOpenArgs,
    price_update: Option<Pubkey>,
) -> Instruction {
    let currency = match args.funding {
        LeaseFunding::Iosd { .. } => Currency::Iosd,
        LeaseFunding::Io { .. } => Currency::Io,
    };
    instruction(
        program::accounts::LeaseOpen {
            renter,
            config: config_address(),
            device,
            gpu_class,
            lease: lease_address(&device, nonce),
            renter_funds: deployment.renter_funds(&renter, currency),
            lease_vault: lease_vault_address(),
            price_update,
            iosd: iosd_accounts(),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseOpen { args },
    )
}

/// `lease_top_up`: `amount` in the lease's `currency` from the renter's IOSD holder or
/// associated IO account.
pub fn lease_top_up(
    renter: Pubkey,
    lease: Pubkey,
    currency: Currency,
    deployment: Deployment,
    amount: u64,
) -> Instruction {
    instruction(
        program::accounts::LeaseTopUp {
            renter,
            config: config_address(),
            lease,
            renter_funds: deployment.renter_funds(&renter, currency),
            lease_vault: lease_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseTopUp { amount },
    )
}

/// `lease_settle`: `provider_owner` owns the lease's provider, whose earnings are credited.
pub fn lease_settle(
    settler: Pubkey,
    lease: Pubkey,
    provider_owner: Pubkey,
    cumulative_gpu_secs: u64,
) -> Instruction {
    instruction(
        program::accounts::LeaseSettle {
            settler,
            config: config_address(),
            lease,
            provider: provider_address(&provider_owner),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseSettle {
            cumulative_gpu_secs,
        },
    )
}

/// `fees_sweep`: burns the burn share of the fees the leases accrued in `currency` and pays the
/// rest to the deployment's treasury, its IOSD holder for IOSD. `sweeper` is anyone.
pub fn fees_sweep(sweeper: Pubkey, deployment: Deployment, currency: Currency) -> Instruction {
    instruction(
        program::accounts::FeesSweep {
            sweeper,
            config: config_address(),
            treasury: deployment.treasury,
            treasury_holder: crate::iosd::holder_address(&deployment.treasury_owner),
            lease_vault: lease_vault_address(),
            io_mint: deployment.io_mint,
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::FeesSweep { currency },
    )
}

pub fn lease_close_request(
    requester: Pubkey,
    lease: Pubkey,
    provider_owner: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::LeaseCloseRequest {
            requester,
            lease,
            provider: provider_address(&provider_owner),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseCloseRequest {},
    )
}

/// `lease_finalize`: refunds the lease's `currency` to the renter's IOSD holder or associated
/// IO account.
pub fn lease_finalize(
    anyone: Pubkey,
    lease: Pubkey,
    device: Pubkey,
    renter: Pubkey,
    currency: Currency,
    deployment: Deployment,
) -> Instruction {
    instruction(
        program::accounts::LeaseFinalize {
            anyone,
            config: config_address(),
            lease,
            device,
            renter_funds: deployment.renter_funds(&renter, currency),
            rent_payer: renter,
            lease_vault: lease_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseFinalize {},
    )
}

/// One lease of a `lease_settle_batch`.
#[derive(Clone, Copy, Debug)]
pub struct BatchEntry {
    pub lease: Pubkey,
    pub provider_owner: Pubkey,
    pub cumulative_gpu_secs: u64,
}

/// Compute units a `lease_settle_batch` of `leases` leases may use: a fixed part and a part per
/// lease, with a margin over what the SBF build consumed (about 11,000 once and 3,900 per lease
/// of one provider; 136,103 for 32 leases:
/// `IO_SBF_DIR=target/sbf/deploy cargo test -p market how_many_leases -- --nocapture`). A full
/// batch fits the default 200,000 units; setting this lower limit with
/// [`crate::compute::set_compute_unit_limit`] makes a priority fee per unit cheaper.
pub fn lease_settle_batch_compute_units(leases: usize) -> u32 {
    const FIXED: u32 = 20_000;
    const PER_LEASE: u32 = 4_500;
    let leases = u32::try_from(leases).unwrap_or(u32::MAX);
    FIXED
        .saturating_add(PER_LEASE.saturating_mul(leases))
        .min(crate::compute::MAX_COMPUTE_UNIT_LIMIT)
}

/// `lease_settle_batch`: the entries' accounts follow as remaining accounts (lease and
/// provider, both writable), in order; see [`lease_settle_batch_compute_units`] for its cost.
pub fn lease_settle_batch(settler: Pubkey, entries: &[BatchEntry]) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::LeaseSettleBatch {
            settler,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseSettleBatch {
            cumulatives: entries.iter().map(|e| e.cumulative_gpu_secs).collect(),
        },
    );
    for entry in entries {
        ix.accounts.push(AccountMeta::new(entry.lease, false));
        ix.accounts.push(AccountMeta::new(
            provider_address(&entry.provider_owner),
            false,
        ));
    }
    ix
}
