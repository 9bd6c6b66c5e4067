//! `config_init`: the deployer creates the governance configuration, once.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG};
use crate::error::GovernanceError;
use crate::events::ConfigInitialized;
use crate::state::RealmConfig;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    /// Seconds a proposal stays open for votes.
    pub voting_period_secs: u32,
    /// Seconds between a proposal passing and its execution (guardian veto window).
    pub hold_up_secs: u32,
    /// Least total voting power that must vote for a proposal to pass.
    pub quorum_power: u64,
    /// Share of yes among yes + no needed to pass, in bps.
    pub approval_threshold_bps: u16,
    /// Voting-power multiplier at full lockup saturation, in bps of 1.0.
    pub max_lockup_multiplier_bps: u32,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ GovernanceError::NotDeployer)]
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
            GovernanceError::AlreadyInitialized
        );
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            GovernanceError::AuthorityUnset
        );
        RealmConfig::check_parameters(
            args.voting_period_secs,
            args.hold_up_secs,
            args.quorum_power,
            args.approval_threshold_bps,
            args.max_lockup_multiplier_bps,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let bump = ctx.bumps.config;
        let config = RealmConfig {
            version: ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: ctx.accounts.deployer.key(),
            voting_period_secs: args.voting_period_secs,
            hold_up_secs: args.hold_up_secs,
            quorum_power: args.quorum_power,
            approval_threshold_bps: args.approval_threshold_bps,
            max_lockup_multiplier_bps: args.max_lockup_multiplier_bps,
            reserved: [0; 64],
        };
        config.invariant()?;
        io_common::create_pda_account(
            &ctx.accounts.deployer.to_account_info(),
            &ctx.accounts.config.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &crate::ID,
            8 + RealmConfig::INIT_SPACE,
            &[SEED_CONFIG, &[bump]],
        )?;
        config.try_serialize(&mut &mut ctx.accounts.config.try_borrow_mut_data()?[..])?;
        emit_cpi!(ConfigInitialized {
            config: ctx.accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            voting_period_secs: config.voting_period_secs,
            hold_up_secs: config.hold_up_secs,
            quorum_power: config.quorum_power,
            approval_threshold_bps: config.approval_threshold_bps,
            max_lockup_multiplier_bps: config.max_lockup_multiplier_bps,
            revision: config.revision,
        });
        Ok(())
    }
}
