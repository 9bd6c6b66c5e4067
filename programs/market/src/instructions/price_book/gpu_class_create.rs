//! `gpu_class_create`: the authority adds a GPU class (e.g. `H100-80GB-SXM`) to the price book.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_GPU_CLASS};
use crate::error::MarketError;
use crate::events::GpuClassSet;
use crate::state::{GpuClass, GpuClassTerms, MarketConfig};

#[event_cpi]
#[derive(Accounts)]
#[instruction(name: [u8; 32])]
pub struct GpuClassCreate<'info> {
    pub authority: Signer<'info>,
    /// Pays the rent and gets it back at close.
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(
        address = CONFIG_PDA.0,
        has_one = authority @ MarketError::NotAuthority,
    )]
    pub config: Account<'info, MarketConfig>,
    /// CHECK: seeds checked here; created by `handle`, which refuses an existing account.
    #[account(mut, seeds = [SEED_GPU_CLASS, name.as_ref()], bump)]
    pub gpu_class: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl GpuClassCreate<'_> {
    pub fn handle(ctx: Context<Self>, name: [u8; 32], terms: GpuClassTerms) -> Result<()> {
        let accounts = &ctx.accounts;
        require!(name != [0; 32], MarketError::GpuClassNameEmpty);
        terms.check()?;
        require!(
            io_common::is_uninitialized(&accounts.gpu_class),
            MarketError::AlreadyInitialized
        );
        let class = GpuClass {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.gpu_class,
            revision: 0,
            name,
            terms,
            retired: false,
            device_count: 0,
            rent_payer: accounts.payer.key(),
            reserved: [0; 32],
        };
        class.invariant()?;
        io_common::create_pda_with(
            &accounts.payer.to_account_info(),
            &accounts.gpu_class.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_GPU_CLASS, name.as_ref(), &[class.bump]],
            &class,
        )?;
        emit_cpi!(GpuClassSet {
            gpu_class: accounts.gpu_class.key(),
            name,
            terms,
            created: true,
            revision: 0,
        });
        Ok(())
    }
}
