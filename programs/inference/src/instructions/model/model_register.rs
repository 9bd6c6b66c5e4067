//! `model_register`: a model owner registers a model with its content hash, price and revenue
//! split; the owner pays the rent.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_MODEL};
use crate::error::InferenceError;
use crate::events::ModelRegistered;
use crate::state::{InferenceConfig, Model, ModelTerms};

#[event_cpi]
#[derive(Accounts)]
#[instruction(model_id: [u8; 32])]
pub struct ModelRegister<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    /// Read for its count of sessions ever opened, this model's first session nonce.
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, InferenceConfig>,
    /// CHECK: seeds checked here; created by `handle`, which refuses an existing account.
    #[account(mut, seeds = [SEED_MODEL, owner.key().as_ref(), model_id.as_ref()], bump)]
    pub model: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ModelRegister<'_> {
    pub fn handle(
        ctx: Context<Self>,
        model_id: [u8; 32],
        content_hash: [u8; 32],
        terms: ModelTerms,
    ) -> Result<()> {
        require!(model_id != [0; 32], InferenceError::ModelIdEmpty);
        require!(content_hash != [0; 32], InferenceError::ContentHashUnset);
        terms.check()?;
        let accounts = &ctx.accounts;
        require!(
            io_common::is_uninitialized(&accounts.model),
            InferenceError::AlreadyInitialized
        );
        let owner = accounts.owner.key();
        let model = Model {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.model,
            revision: 0,
            owner,
            model_id,
            content_hash,
            terms,
            paused: false,
            retired: false,
            open_sessions: 0,
            // Past every nonce any model ever used: a model closed and registered again under
            // the same id never derives a session address (nor accepts a receipt) of its
            // earlier life.
            sessions_created: accounts.config.sessions_opened,
            earned_iosd_micros: 0,
            earned_io_base: 0,
            claimed_iosd_micros: 0,
            claimed_io_base: 0,
            rent_payer: owner,
            reserved: [0; 32],
        };
        model.invariant()?;
        io_common::create_pda_with(
            &accounts.owner.to_account_info(),
            &accounts.model.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_MODEL, owner.as_ref(), model_id.as_ref(), &[model.bump]],
            &model,
        )?;
        emit_cpi!(ModelRegistered {
            model: accounts.model.key(),
            owner,
            model_id,
            content_hash,
            terms,
        });
        Ok(())
    }
}
