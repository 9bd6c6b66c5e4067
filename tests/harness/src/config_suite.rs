//! The checks every program's `config_init` must pass, written once and run by each program's
//! tests through [`config_init_tests!`](crate::config_init_tests) and the `refuses` / `accepts`
//! helpers.

use std::fmt::Debug;

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountDeserialize, AnchorDeserialize, Discriminator, Event, Owner};
use solana_instruction::Instruction;

use crate::{Keypair, Outcome, Signer, TestContext, expect_error};

/// What the shared checks need to know about one program's `config_init`.
pub trait ConfigInitSpec {
    type Args: Clone;
    type Config: AccountDeserialize + Owner + PartialEq + Debug;
    /// The program's `ConfigInitialized` event.
    type Initialized: Event + AnchorDeserialize + Discriminator;

    const PROGRAM_ID: Pubkey;
    /// Seed of the config PDA.
    const SEED: &'static [u8];
    const NOT_DEPLOYER: u32;
    const ALREADY_INITIALIZED: u32;
    const AUTHORITY_UNSET: u32;

    fn default_args(ctx: &TestContext) -> Self::Args;
    fn set_authority(args: &mut Self::Args, authority: Pubkey);
    fn instruction(ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction;
    /// Rent of the accounts `config_init` creates besides the config (a mint, a vault).
    fn other_rent(_ctx: &TestContext) -> u64 {
        0
    }
    /// What must exist before `config_init` (another program's config).
    fn prepare(_ctx: &mut TestContext) {}
    /// The account `config_init` must write for `args`.
    fn expected(ctx: &TestContext, args: &Self::Args, bump: u8, rent_payer: Pubkey)
    -> Self::Config;
    /// Asserts the event reports exactly the state written.
    fn assert_event(event: &Self::Initialized, address: Pubkey, config: &Self::Config);
    /// The account type's own `invariant()`.
    fn invariant(config: &Self::Config) -> bool;
}

/// A fresh context with `S::prepare` applied.
fn fresh<S: ConfigInitSpec>() -> TestContext {
    let mut ctx = TestContext::new();
    S::prepare(&mut ctx);
    ctx
}

fn config_address<S: ConfigInitSpec>() -> (Pubkey, u8) {
    Pubkey::find_program_address(&[S::SEED], &S::PROGRAM_ID)
}

/// Sends `config_init` signed by the deployer.
pub fn init<S: ConfigInitSpec>(ctx: &mut TestContext, args: S::Args) -> Outcome {
    let deployer = ctx.deployer.insecure_clone();
    let ix = S::instruction(ctx, deployer.pubkey(), args);
    ctx.send(&[ix], &[&deployer])
}

fn assert_not_created<S: ConfigInitSpec>(ctx: &TestContext) {
    assert_eq!(
        ctx.data(&config_address::<S>().0),
        None,
        "no config account may exist"
    );
}

/// Given a fresh deployment, when the deployer initialises the config, then the account holds
/// exactly the arguments at revision 0, the deployer paid exactly its rent, and one event
/// reports the new state.
pub fn deployer_initialises_the_config<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let args = S::default_args(&ctx);
    let deployer = ctx.deployer.pubkey();
    let deployer_before = ctx.lamports(&deployer);

    let executed = init::<S>(&mut ctx, args.clone()).expect("config_init succeeds");

    let (address, bump) = config_address::<S>();
    let config: S::Config = ctx.fetch(&address);
    assert_eq!(config, S::expected(&ctx, &args, bump, deployer));
    assert!(S::invariant(&config));
    let rent = ctx.lamports(&address);
    let size = ctx.data(&address).expect("created").len();
    assert_eq!(rent, ctx.svm.minimum_balance_for_rent_exemption(size));
    assert_eq!(
        deployer_before - ctx.lamports(&deployer),
        rent + S::other_rent(&ctx),
        "the deployer pays the rent only"
    );
    S::assert_event(
        &executed.event::<S::Initialized>(&S::PROGRAM_ID),
        address,
        &config,
    );
}

/// A stranger who sent lamports to the config address first cannot block `config_init`
/// (Anchor's `init` could be blocked so); the surplus stays in the account.
pub fn pre_funded_config_address_still_initialises<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let (address, _) = config_address::<S>();
    ctx.fund(&address, 1_000_000_000);
    let args = S::default_args(&ctx);
    init::<S>(&mut ctx, args).expect("a pre-funded address cannot block config_init");
    assert!(S::invariant(&ctx.fetch::<S::Config>(&address)));
    assert_eq!(ctx.lamports(&address), 1_000_000_000);
}

/// A second `config_init` fails by name and changes nothing.
pub fn second_initialisation_is_refused<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let args = S::default_args(&ctx);
    init::<S>(&mut ctx, args.clone()).expect("first init");
    let before = ctx.data(&config_address::<S>().0);
    let mut other = args;
    S::set_authority(&mut other, Pubkey::new_unique());
    expect_error(init::<S>(&mut ctx, other), S::ALREADY_INITIALIZED);
    assert_eq!(ctx.data(&config_address::<S>().0), before);
}

/// Any key but the build-time deployer is refused.
pub fn only_the_deployer_may_initialise<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let stranger = ctx.funded_keypair();
    let ix = S::instruction(&ctx, stranger.pubkey(), S::default_args(&ctx));
    expect_error(ctx.send(&[ix], &[&stranger]), S::NOT_DEPLOYER);
    assert_not_created::<S>(&ctx);
}

/// The deployer's key without its signature is refused.
pub fn the_deployer_must_sign<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let mut ix = S::instruction(&ctx, ctx.deployer.pubkey(), S::default_args(&ctx));
    ix.accounts[0].is_signer = false;
    expect_error(
        ctx.send(&[ix], &[]),
        anchor_lang::error::ErrorCode::AccountNotSigner,
    );
    assert_not_created::<S>(&ctx);
}

/// A config account that is not the PDA is refused.
pub fn config_off_its_seeds_is_refused<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let impostor = Keypair::new();
    let mut ix = S::instruction(&ctx, ctx.deployer.pubkey(), S::default_args(&ctx));
    ix.accounts[1].pubkey = impostor.pubkey();
    let deployer = ctx.deployer.insecure_clone();
    expect_error(
        ctx.send(&[ix], &[&deployer]),
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
    assert_eq!(ctx.data(&impostor.pubkey()), None);
}

/// The default address as authority is refused.
pub fn default_authority_is_refused<S: ConfigInitSpec>() {
    let mut ctx = fresh::<S>();
    let mut args = S::default_args(&ctx);
    S::set_authority(&mut args, Pubkey::default());
    expect_error(init::<S>(&mut ctx, args), S::AUTHORITY_UNSET);
    assert_not_created::<S>(&ctx);
}

/// `config_init` with the default arguments changed by `change` fails with `expected` and
/// creates nothing.
pub fn refuses<S: ConfigInitSpec>(change: impl FnOnce(&mut S::Args), expected: impl Into<u32>) {
    let mut ctx = fresh::<S>();
    let mut args = S::default_args(&ctx);
    change(&mut args);
    expect_error(init::<S>(&mut ctx, args), expected);
    assert_not_created::<S>(&ctx);
}

/// `config_init` with the default arguments changed by `change` succeeds and the stored config
/// holds its invariant.
pub fn accepts<S: ConfigInitSpec>(change: impl FnOnce(&mut S::Args)) {
    let mut ctx = fresh::<S>();
    let mut args = S::default_args(&ctx);
    change(&mut args);
    init::<S>(&mut ctx, args).expect("valid arguments");
    assert!(S::invariant(
        &ctx.fetch::<S::Config>(&config_address::<S>().0)
    ));
}

/// The shared `config_init` tests for the [`ConfigInitSpec`] `$spec`, one `#[test]` each.
#[macro_export]
macro_rules! config_init_tests {
    ($spec:ty) => {
        #[test]
        fn deployer_initialises_the_config() {
            $crate::config_suite::deployer_initialises_the_config::<$spec>();
        }
        #[test]
        fn pre_funded_config_address_still_initialises() {
            $crate::config_suite::pre_funded_config_address_still_initialises::<$spec>();
        }
        #[test]
        fn second_initialisation_is_refused_and_changes_nothing() {
            $crate::config_suite::second_initialisation_is_refused::<$spec>();
        }
        #[test]
        fn only_the_deployer_may_initialise() {
            $crate::config_suite::only_the_deployer_may_initialise::<$spec>();
        }
        #[test]
        fn the_deployer_must_sign() {
            $crate::config_suite::the_deployer_must_sign::<$spec>();
        }
        #[test]
        fn a_config_account_off_its_seeds_is_refused() {
            $crate::config_suite::config_off_its_seeds_is_refused::<$spec>();
        }
        #[test]
        fn refuses_the_default_address_as_authority() {
            $crate::config_suite::default_authority_is_refused::<$spec>();
        }
    };
}
