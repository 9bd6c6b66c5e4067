//! `config_init`: the deployer creates the iosd configuration, the IOSD mint and the IO vault,
//! once.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, InitializeMint2, Mint, Token};

use crate::constants::{
    ACCOUNT_VERSION, IO_DECIMALS, IOSD_DECIMALS, SEED_CONFIG, SEED_IO_VAULT, SEED_IOSD_MINT,
};
use crate::error::IosdError;
use crate::events::ConfigInitialized;
use crate::state::{BreakerSettings, IosdConfig, OracleParams, SolvencyRecord, Spender, Totals};
use io_common::Pause;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    /// The Pyth IO/USD price feed id every price update must carry.
    pub feed_id: [u8; 32],
    pub oracle: OracleParams,
    pub breaker: BreakerSettings,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent of the three accounts.
    #[account(mut, address = io_common::DEPLOYER @ IosdError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created here with `create_pda_account`, which a pre-funded
    /// address cannot block (Anchor's `init` can be; see io-common).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    /// The IO token: a classic SPL Token mint with 8 decimals.
    pub io_mint: Account<'info, Mint>,
    /// The IOSD mint PDA, created here with the config as mint and freeze authority.
    /// CHECK: seeds checked here; `validate` refuses an account that already exists.
    #[account(mut, seeds = [SEED_IOSD_MINT], bump)]
    pub iosd_mint: UncheckedAccount<'info>,
    /// The IO vault PDA, created here as a token account of `io_mint` owned by the config.
    /// CHECK: seeds checked here; `validate` refuses an account that already exists.
    #[account(mut, seeds = [SEED_IO_VAULT], bump)]
    pub io_vault: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        for account in [&self.config, &self.iosd_mint, &self.io_vault] {
            require!(
                io_common::is_uninitialized(account),
                IosdError::AlreadyInitialized
            );
        }
        require_keys_neq!(args.authority, Pubkey::default(), IosdError::AuthorityUnset);
        require_eq!(
            self.io_mint.decimals,
            IO_DECIMALS,
            IosdError::IoMintDecimals
        );
        args.oracle.check()?;
        args.breaker.check()
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let bumps = &ctx.bumps;
        let config = IosdConfig {
            version: ACCOUNT_VERSION,
            bump: bumps.config,
            iosd_mint_bump: bumps.iosd_mint,
            io_vault_bump: bumps.io_vault,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer: ctx.accounts.deployer.key(),
            io_mint: ctx.accounts.io_mint.key(),
            iosd_mint: ctx.accounts.iosd_mint.key(),
            io_vault: ctx.accounts.io_vault.key(),
            feed_id: args.feed_id,
            oracle: args.oracle,
            breaker: args.breaker,
            breaker_level_micros: 0,
            breaker_updated_at: 0,
            spenders: [Spender::default(); crate::constants::MAX_SPENDERS],
            spender_count: 0,
            totals: Totals::default(),
            solvency: SolvencyRecord {
                ratio_bps: u64::MAX,
                ..SolvencyRecord::default()
            },
            mint_pause: Pause::default(),
            reserved: [0; 64],
        };
        config.invariant()?;

        let accounts = &ctx.accounts;
        let deployer = accounts.deployer.to_account_info();
        let system = accounts.system_program.to_account_info();
        let token_program = accounts.token_program.key();
        io_common::create_pda_with(
            &deployer,
            &accounts.config.to_account_info(),
            &system,
            &[SEED_CONFIG, &[config.bump]],
            &config,
        )?;

        io_common::create_pda_account(
            &deployer,
            &accounts.iosd_mint.to_account_info(),
            &system,
            &token_program,
            Mint::LEN,
            &[SEED_IOSD_MINT, &[config.iosd_mint_bump]],
        )?;
        let mint = InitializeMint2 {
            mint: accounts.iosd_mint.to_account_info(),
        };
        token::initialize_mint2(
            CpiContext::new(token_program, mint),
            IOSD_DECIMALS,
            &accounts.config.key(),
            Some(&accounts.config.key()),
        )?;

        io_common::create_pda_token_account(
            &deployer,
            &accounts.io_vault.to_account_info(),
            &system,
            &accounts.token_program.to_account_info(),
            &accounts.io_mint.to_account_info(),
            &accounts.config.to_account_info(),
            &[SEED_IO_VAULT, &[config.io_vault_bump]],
        )?;

        emit_cpi!(ConfigInitialized {
            config: accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            io_mint: config.io_mint,
            iosd_mint: config.iosd_mint,
            io_vault: config.io_vault,
            feed_id: config.feed_id,
            oracle: config.oracle,
            breaker: config.breaker,
            revision: config.revision,
        });
        Ok(())
    }
}
