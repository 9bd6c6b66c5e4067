//! Client of the IOSD program: addresses, instruction builders and fetchers.
//!
//! Every builder takes the keys a caller has and derives the rest (config, mint, vault, holder
//! PDAs, the event authority), so callers cannot pass a mismatched account by accident.

crate::program::program_client!(::iosd, IosdConfig);

pub use program::constants::{SEED_HOLDER, SEED_IO_VAULT, SEED_IOSD_MINT, SEED_SPENDER};
pub use program::state::{BreakerSettings, OracleParams, SolvencyState, Spender};
pub use program::{MintAmount, Pause, Role, events};

/// The IOSD mint PDA.
pub fn iosd_mint_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_IOSD_MINT], &ID).0
}

/// The IO vault PDA (token account of the IO mint, owned by the config).
pub fn io_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_IO_VAULT], &ID).0
}

/// The frozen IOSD account of `owner`.
pub fn holder_address(owner: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_HOLDER, owner.as_ref()], &ID).0
}

/// The PDA an allowed program signs spends with.
pub fn spender_address(program_id: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SPENDER], program_id).0
}

/// The escrow of an allowed program: the holder account of its spender PDA.
pub fn escrow_address(program_id: &Pubkey) -> Pubkey {
    holder_address(&spender_address(program_id))
}

/// `config_init`: creates the config, the IOSD mint and the IO vault for `io_mint`, signed and
/// paid by the build-time deployer.
pub fn config_init(deployer: Pubkey, io_mint: Pubkey, args: ConfigInitArgs) -> Instruction {
    instruction(
        program::accounts::ConfigInit {
            deployer,
            config: config_address(),
            io_mint,
            iosd_mint: iosd_mint_address(),
            io_vault: io_vault_address(),
            token_program: anchor_spl::token::ID,
            system_program: anchor_lang::system_program::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ConfigInit { args },
    )
}

/// `holder_open`: opens `owner`'s frozen IOSD account, paid by `payer`.
pub fn holder_open(payer: Pubkey, owner: Pubkey) -> Instruction {
    instruction(
        program::accounts::HolderOpen {
            payer,
            owner,
            holder: holder_address(&owner),
            config: config_address(),
            iosd_mint: iosd_mint_address(),
            token_program: anchor_spl::token::ID,
            system_program: anchor_lang::system_program::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::HolderOpen {},
    )
}

/// `iosd_mint`: `user` commits IO from `user_io` and the IOSD goes to `recipient`'s holder
/// account, priced by `price_update`.
pub fn iosd_mint(
    user: Pubkey,
    user_io: Pubkey,
    recipient: Pubkey,
    price_update: Pubkey,
    amount: MintAmount,
) -> Instruction {
    instruction(
        program::accounts::IosdMint {
            user,
            config: config_address(),
            price_update,
            user_io,
            io_vault: io_vault_address(),
            iosd_mint: iosd_mint_address(),
            holder: holder_address(&recipient),
            token_program: anchor_spl::token::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::IosdMint { amount },
    )
}

/// `iosd_redeem`: `owner` burns `iosd_in_micros` from its holder account; IO goes to
/// `destination_io`.
pub fn iosd_redeem(
    owner: Pubkey,
    destination_io: Pubkey,
    price_update: Pubkey,
    iosd_in_micros: u64,
    min_io_out_base: u64,
) -> Instruction {
    instruction(
        program::accounts::IosdRedeem {
            owner,
            config: config_address(),
            price_update,
            holder: holder_address(&owner),
            iosd_mint: iosd_mint_address(),
            io_vault: io_vault_address(),
            destination_io,
            token_program: anchor_spl::token::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::IosdRedeem {
            iosd_in_micros,
            min_io_out_base,
        },
    )
}

/// `escrow_deposit` as an allowed program's CPI names it: `owner`'s IOSD into `spender_program`'s
/// escrow. Only useful inside that program's CPI; sent directly, the spender PDA cannot sign.
pub fn escrow_deposit(spender_program: &Pubkey, owner: Pubkey, amount_micros: u64) -> Instruction {
    let spender = spender_address(spender_program);
    instruction(
        program::accounts::EscrowDeposit {
            spender,
            owner,
            config: config_address(),
            iosd_mint: iosd_mint_address(),
            source: holder_address(&owner),
            escrow: holder_address(&spender),
            token_program: anchor_spl::token::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::EscrowDeposit { amount_micros },
    )
}

/// `escrow_pay` as an allowed program's CPI names it: IOSD from its escrow into
/// `destination_owner`'s holder account. Only useful inside that program's CPI.
pub fn escrow_pay(
    spender_program: &Pubkey,
    destination_owner: &Pubkey,
    amount_micros: u64,
) -> Instruction {
    let spender = spender_address(spender_program);
    instruction(
        program::accounts::EscrowPay {
            spender,
            config: config_address(),
            iosd_mint: iosd_mint_address(),
            escrow: holder_address(&spender),
            destination: holder_address(destination_owner),
            token_program: anchor_spl::token::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::EscrowPay { amount_micros },
    )
}

/// `escrow_burn` as an allowed program's CPI names it. Only useful inside that program's CPI.
pub fn escrow_burn(spender_program: &Pubkey, amount_micros: u64) -> Instruction {
    let spender = spender_address(spender_program);
    instruction(
        program::accounts::EscrowBurn {
            spender,
            config: config_address(),
            iosd_mint: iosd_mint_address(),
            escrow: holder_address(&spender),
            token_program: anchor_spl::token::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::EscrowBurn { amount_micros },
    )
}

/// `solvency_refresh`: recomputes the solvency state from `price_update`; anyone may send it.
pub fn solvency_refresh(price_update: Pubkey) -> Instruction {
    instruction(
        program::accounts::SolvencyRefresh {
            config: config_address(),
            price_update,
            iosd_mint: iosd_mint_address(),
            io_vault: io_vault_address(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SolvencyRefresh {},
    )
}

/// `params_set`, signed by the authority.
pub fn params_set(authority: Pubkey, oracle: OracleParams) -> Instruction {
    authority_change(authority, program::instruction::ParamsSet { oracle })
}

/// `breaker_set`, signed by the authority.
pub fn breaker_set(authority: Pubkey, breaker: BreakerSettings) -> Instruction {
    authority_change(authority, program::instruction::BreakerSet { breaker })
}

/// `spender_allow`, signed by the authority.
pub fn spender_allow(authority: Pubkey, spender_program: Pubkey) -> Instruction {
    authority_change(
        authority,
        program::instruction::SpenderAllow {
            program: spender_program,
        },
    )
}

/// `spender_revoke`, signed by the authority.
pub fn spender_revoke(authority: Pubkey, spender_program: Pubkey) -> Instruction {
    authority_change(
        authority,
        program::instruction::SpenderRevoke {
            program: spender_program,
        },
    )
}

crate::program::pause_client!("minting");
