//! Tests of the harness itself and of the client's fetch and event checks it relies on.

use anchor_lang::prelude::Pubkey;
use io_client::events::{InnerInstruction, decode_event};
use io_client::fetch::{FetchError, fetch};
use solana_program_pack::Pack;
use spl_token_interface::state::Mint;

use crate::{IO, IO_DECIMALS, IOSD_DECIMALS, Signer, TestContext};

#[test]
fn mints_have_the_real_decimals_and_no_supply() {
    let ctx = TestContext::builder().with_configs().build();
    for (mint, decimals) in [(ctx.io_mint, IO_DECIMALS), (ctx.iosd_mint, IOSD_DECIMALS)] {
        let account = ctx.svm.get_account(&mint).unwrap();
        assert_eq!(account.owner, spl_token_interface::ID);
        let state = Mint::unpack(&account.data).unwrap();
        assert_eq!((state.decimals, state.supply), (decimals, 0));
    }
}

#[test]
fn minted_io_lands_in_the_owners_token_account() {
    let mut ctx = TestContext::new();
    let user = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let account = ctx.token_account(&mint, &user.pubkey());
    ctx.mint_io(&account, 250 * IO);
    assert_eq!(ctx.token_balance(&account), 250 * IO);
    assert_eq!(ctx.mint_supply(&mint), 250 * IO);
    // Idempotent: asking again returns the same account and changes nothing.
    assert_eq!(ctx.token_account(&mint, &user.pubkey()), account);
    assert_eq!(ctx.token_balance(&account), 250 * IO);
}

#[test]
fn warp_moves_time_and_slot_forward() {
    let mut ctx = TestContext::new();
    let before: solana_clock::Clock = ctx.svm.get_sysvar();
    ctx.warp_by(14 * 86_400);
    let after: solana_clock::Clock = ctx.svm.get_sysvar();
    assert_eq!(after.unix_timestamp - before.unix_timestamp, 14 * 86_400);
    assert_eq!(after.slot - before.slot, 14 * 86_400 * 5 / 2);
}

#[test]
fn with_configs_initialises_every_program() {
    let ctx = TestContext::builder().with_configs().build();
    let authority = ctx.authority.pubkey();
    assert_eq!(
        io_client::iosd::fetch_config(&ctx).unwrap().authority,
        authority
    );
    assert_eq!(
        io_client::market::fetch_config(&ctx).unwrap().authority,
        authority
    );
    assert_eq!(
        io_client::inference::fetch_config(&ctx).unwrap().authority,
        authority
    );
    assert_eq!(
        io_client::rewards::fetch_config(&ctx).unwrap().authority,
        authority
    );
    // Governance governs itself.
    assert_eq!(
        io_client::governance::fetch_config(&ctx).unwrap().authority,
        io_client::governance::governance_address()
    );
}

#[test]
fn fetch_names_a_missing_account() {
    let ctx = TestContext::new();
    let address = io_client::market::config_address();
    assert_eq!(
        io_client::market::fetch_config(&ctx),
        Err(FetchError::NotFound { address })
    );
}

#[test]
fn fetch_refuses_an_account_of_another_program() {
    // The IOSD config read as the market's: right shape of data, wrong owner.
    let ctx = TestContext::builder().with_configs().build();
    let address = io_client::iosd::config_address();
    let result = fetch::<io_client::market::Config>(&ctx, &address);
    assert_eq!(
        result,
        Err(FetchError::WrongOwner {
            address,
            expected: market::ID,
            actual: iosd::ID
        })
    );
}

#[test]
fn fetch_refuses_data_with_another_discriminator() {
    // A token mint is not a config, whatever its owner says.
    let mut ctx = TestContext::new();
    let mut account = ctx.svm.get_account(&ctx.io_mint).unwrap();
    account.owner = market::ID;
    let address = Pubkey::new_unique();
    ctx.svm.set_account(address, account).unwrap();
    let result = fetch::<io_client::market::Config>(&ctx, &address);
    assert!(
        matches!(result, Err(FetchError::Malformed { .. })),
        "{result:?}"
    );
}

#[test]
fn events_are_only_taken_from_our_program_and_its_event_authority() {
    let mut ctx = TestContext::new();
    ctx.init_iosd_config();
    let args = io_client::defaults::market(ctx.authority.pubkey(), ctx.guardian.pubkey());
    let deployer = ctx.deployer.insecure_clone();
    let ix = io_client::market::config_init(deployer.pubkey(), ctx.io_mint, ctx.treasury, args);
    let executed = ctx.send(&[ix], &[&deployer]).unwrap();
    let inner = &executed.meta.inner_instructions[0];
    let event_ix = inner
        .iter()
        .map(|inner| &inner.instruction)
        .next_back()
        .unwrap();
    let accounts: Vec<Pubkey> = event_ix
        .accounts
        .iter()
        .map(|&i| executed.account_keys[usize::from(i)])
        .collect();
    let genuine = InnerInstruction {
        program_id: &market::ID,
        accounts: &accounts,
        data: &event_ix.data,
    };
    type Event = market::events::ConfigInitialized;
    assert!(decode_event::<Event>(&market::ID, &genuine).is_some());

    // The same bytes under another program id, or without the event authority, are not events.
    let other = InnerInstruction {
        program_id: &iosd::ID,
        ..genuine
    };
    assert!(decode_event::<Event>(&market::ID, &other).is_none());
    let stranger = [Pubkey::new_unique()];
    let unsigned = InnerInstruction {
        accounts: &stranger,
        ..genuine
    };
    assert!(decode_event::<Event>(&market::ID, &unsigned).is_none());
    // Nor does another program's event of the same name (same discriminator) decode from it:
    // the fields must fill the payload exactly.
    assert!(decode_event::<iosd::events::ConfigInitialized>(&market::ID, &genuine).is_none());
}
