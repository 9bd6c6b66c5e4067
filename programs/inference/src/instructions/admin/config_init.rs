//! `config_init`: the deployer creates the inference configuration, once.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG};
use crate::error::InferenceError;
use crate::events::ConfigInitialized;
use crate::state::InferenceConfig;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    /// Seconds between a user's close request and the refund (at least 24 hours).
    pub session_close_timeout_secs: u32,
    /// Most inferences one direct payment may cover (1..=64).
    pub max_direct_batch: u16,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ InferenceError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created by this instruction with `create_pda_account`, which a
    /// pre-funded address cannot block (Anchor's `init` can be; see io-common).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        require!(
            self.config.owner == &anchor_lang::system_program::ID && self.config.data_is_empty(),
            InferenceError::AlreadyInitialized
        );
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            InferenceError::AuthorityUnset
        );
        InferenceConfig::check_parameters(args.session_close_timeout_secs, args.max_direct_batch)
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let bump = ctx.bumps.config;
        let config = InferenceConfig {
            version: ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: ctx.accounts.deployer.key(),
            session_close_timeout_secs: args.session_close_timeout_secs,
            max_direct_batch: args.max_direct_batch,
            reserved: [0; 64],
        };
        config.invariant()?;
        io_common::create_pda_account(
            &ctx.accounts.deployer.to_account_info(),
            &ctx.accounts.config.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &crate::ID,
            8 + InferenceConfig::INIT_SPACE,
            &[SEED_CONFIG, &[bump]],
        )?;
        config.try_serialize(&mut &mut ctx.accounts.config.try_borrow_mut_data()?[..])?;
        emit_cpi!(ConfigInitialized {
            config: ctx.accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            session_close_timeout_secs: config.session_close_timeout_secs,
            max_direct_batch: config.max_direct_batch,
            revision: config.revision,
        });
        Ok(())
    }
}
