//! What the iosd tests share: a deployment with configs, users holding IO and a holder account,
//! the spender probe on the allow-list, price fixtures, and snapshots to prove "nothing changed".

use anchor_lang::prelude::Pubkey;
use anchor_lang::{InstructionData, ToAccountMetas};
use io_client::iosd as client;
use io_harness::{IO, Keypair, Outcome, Signer, TestContext};
use iosd::MintAmount;
use solana_program_pack::Pack;
use spl_token_interface::state::{Account as TokenAccount, AccountState};

/// IO at $2.50 with a $0.01 confidence interval (Pyth exponent −8).
pub const PRICE_E8: i64 = 250_000_000;
pub const CONF_E8: u64 = 1_000_000;

/// A user with IO in an associated token account and an open IOSD holder account.
pub struct User {
    pub key: Keypair,
    pub io: Pubkey,
    pub holder: Pubkey,
}

/// A deployment with every config initialised.
pub fn deployment() -> TestContext {
    TestContext::builder().with_configs().build()
}

/// A deployment where the spender probe is allowed and its escrow is open.
pub fn deployment_with_probe() -> TestContext {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    ctx.send(
        &[client::spender_allow(authority.pubkey(), spender_probe::ID)],
        &[&authority],
    )
    .expect("probe allowed");
    let payer = ctx.payer.pubkey();
    ctx.send(
        &[client::holder_open(
            payer,
            client::spender_address(&spender_probe::ID),
        )],
        &[],
    )
    .expect("probe escrow opened");
    ctx
}

/// Opens `owner`'s holder account.
pub fn open_holder(ctx: &mut TestContext, owner: &Pubkey) -> Pubkey {
    let payer = ctx.payer.pubkey();
    ctx.send(&[client::holder_open(payer, *owner)], &[])
        .expect("holder opened");
    client::holder_address(owner)
}

/// A funded user with `io_whole` IO and an open holder account.
pub fn user(ctx: &mut TestContext, io_whole: u64) -> User {
    let key = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let io = ctx.token_account(&mint, &key.pubkey());
    ctx.mint_io(&io, io_whole * IO);
    let holder = open_holder(ctx, &key.pubkey());
    User { key, io, holder }
}

/// Sends `iosd_mint` for `user` into its own holder at `price`.
pub fn mint(ctx: &mut TestContext, user: &User, price: Pubkey, amount: MintAmount) -> Outcome {
    let ix = client::iosd_mint(user.key.pubkey(), user.io, user.key.pubkey(), price, amount);
    ctx.send(&[ix], &[&user.key])
}

/// Mints with exactly `io_whole` IO at the fixture price, which must succeed.
pub fn mint_io(ctx: &mut TestContext, user: &User, io_whole: u64) {
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    mint(
        ctx,
        user,
        price,
        MintAmount::ExactIo {
            io_in_base: io_whole * IO,
            min_iosd_out_micros: 0,
        },
    )
    .expect("mint succeeds");
}

/// A token account's balance, 0 when it does not exist.
pub fn balance(ctx: &TestContext, account: &Pubkey) -> u64 {
    ctx.data(account).map_or(0, |data| {
        TokenAccount::unpack(&data).expect("token account").amount
    })
}

/// Whether a token account is frozen.
pub fn frozen(ctx: &TestContext, account: &Pubkey) -> bool {
    let data = ctx.data(account).expect("token account exists");
    TokenAccount::unpack(&data).expect("token account").state == AccountState::Frozen
}

pub fn config(ctx: &TestContext) -> client::Config {
    client::fetch_config(ctx).expect("config")
}

/// The accounts every iosd money path touches, plus `extra`.
pub fn money_accounts(extra: &[Pubkey]) -> Vec<Pubkey> {
    let mut accounts = vec![
        client::config_address(),
        client::iosd_mint_address(),
        client::io_vault_address(),
    ];
    accounts.extend_from_slice(extra);
    accounts
}

/// The probe's accounts for `escrow_deposit`: `owner`'s holder into the probe escrow.
pub fn probe_spend(
    owner: &Pubkey,
    amount: u64,
    signed: bool,
) -> anchor_lang::solana_program::instruction::Instruction {
    let accounts = spender_probe::accounts::Deposit {
        spender: client::spender_address(&spender_probe::ID),
        owner: *owner,
        config: client::config_address(),
        iosd_mint: client::iosd_mint_address(),
        source: client::holder_address(owner),
        escrow: client::escrow_address(&spender_probe::ID),
        token_program: anchor_spl_token_id(),
        iosd_event_authority: io_client::event_authority(&client::ID),
        iosd_program: client::ID,
    };
    let data = if signed {
        spender_probe::instruction::EscrowDeposit {
            amount_micros: amount,
        }
        .data()
    } else {
        spender_probe::instruction::EscrowDepositUnsigned {
            amount_micros: amount,
        }
        .data()
    };
    anchor_lang::solana_program::instruction::Instruction {
        program_id: spender_probe::ID,
        accounts: accounts.to_account_metas(None),
        data,
    }
}

/// The probe's accounts for `escrow_pay` (to `destination`) or `escrow_burn`.
pub fn probe_escrow_move(
    destination: Pubkey,
    amount: u64,
    burn: bool,
) -> anchor_lang::solana_program::instruction::Instruction {
    let accounts = spender_probe::accounts::EscrowMove {
        spender: client::spender_address(&spender_probe::ID),
        config: client::config_address(),
        iosd_mint: client::iosd_mint_address(),
        escrow: client::escrow_address(&spender_probe::ID),
        destination,
        token_program: anchor_spl_token_id(),
        iosd_event_authority: io_client::event_authority(&client::ID),
        iosd_program: client::ID,
    };
    let data = if burn {
        spender_probe::instruction::EscrowBurn {
            amount_micros: amount,
        }
        .data()
    } else {
        spender_probe::instruction::EscrowPay {
            amount_micros: amount,
        }
        .data()
    };
    anchor_lang::solana_program::instruction::Instruction {
        program_id: spender_probe::ID,
        accounts: accounts.to_account_metas(None),
        data,
    }
}

pub fn anchor_spl_token_id() -> Pubkey {
    spl_token_interface::ID
}

/// Sends `ix`, asserts it fails with `error` and that none of `watched` changed.
#[track_caller]
pub fn refused(
    ctx: &mut TestContext,
    ix: anchor_lang::solana_program::instruction::Instruction,
    signers: &[&Keypair],
    error: impl Into<u32>,
    watched: &[Pubkey],
) {
    ctx.assert_refused(ix, signers, error, watched);
}
