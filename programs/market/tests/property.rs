//! Property test in the SVM: random register / stake / unstake / withdraw / slash / appeal
//! sequences over two devices, checked against real token balances after every step:
//!
//! - stake is conserved: deposited = staked + cooling + escrowed + slashed + withdrawn, per device
//!   and across the vault, the escrow, the treasury and the owner's account;
//! - nothing withdraws before its cooldown;
//! - nothing slashes above the cap.

use io_client::market as client;
use io_harness::{IO, Keypair, Signer, TestContext, expect_error};
use market::error::MarketError;
use proptest::prelude::*;

use crate::fixture::*;

const START_IO: u64 = 100_000;

#[derive(Clone, Debug)]
enum Op {
    Deposit { device: u32, io_whole: u64 },
    Unstake { device: u32, percent: u64 },
    Withdraw { device: u32 },
    Warp { secs: i64 },
    Slash { device: u32, percent_of_cap: u64 },
    Uphold { device: u32 },
    Reverse { device: u32 },
    Finalize { device: u32 },
}

fn op() -> impl Strategy<Value = Op> {
    let device = 0u32..2;
    prop_oneof![
        3 => (device.clone(), 1u64..=5_000).prop_map(|(device, io_whole)| Op::Deposit { device, io_whole }),
        2 => (device.clone(), 1u64..=100).prop_map(|(device, percent)| Op::Unstake { device, percent }),
        2 => device.clone().prop_map(|device| Op::Withdraw { device }),
        2 => (0i64..=20 * 86_400).prop_map(|secs| Op::Warp { secs }),
        2 => (device.clone(), 0u64..=150).prop_map(|(device, percent_of_cap)| Op::Slash { device, percent_of_cap }),
        1 => device.clone().prop_map(|device| Op::Uphold { device }),
        1 => device.clone().prop_map(|device| Op::Reverse { device }),
        1 => device.prop_map(|device| Op::Finalize { device }),
    ]
}

struct World {
    ctx: TestContext,
    owner: Owner,
    slasher: Keypair,
    deposited: [u64; 2],
}

impl World {
    fn new() -> Self {
        let mut ctx = deployment();
        let owner = provider(&mut ctx, START_IO);
        device(&mut ctx, &owner, H100, 8);
        device(&mut ctx, &owner, H100, 2);
        let slasher = slasher(&mut ctx);
        Self {
            ctx,
            owner,
            slasher,
            deposited: [0; 2],
        }
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        let owner = self.owner.key.insecure_clone();
        let key = owner.pubkey();
        let treasury = self.ctx.treasury;
        match *op {
            Op::Deposit { device, io_whole } => {
                let amount = io_whole * IO;
                let has = balance(&self.ctx, &self.owner.io) >= amount;
                let outcome = deposit(&mut self.ctx, &self.owner, device, amount);
                prop_assert_eq!(outcome.is_ok(), has);
                if has {
                    self.deposited[device as usize] += amount;
                }
            }
            Op::Unstake { device, percent } => {
                let staked = fetch_device(&self.ctx, &self.owner, device).stake.staked;
                let amount = staked * percent / 100;
                let ix = client::unstake_request(key, device, class(H100), amount);
                let outcome = self.ctx.send(&[ix], &[&owner]);
                if amount == 0 {
                    expect_error(outcome, MarketError::ZeroAmount);
                } else {
                    prop_assert!(outcome.is_ok());
                }
            }
            Op::Withdraw { device } => {
                let stake = fetch_device(&self.ctx, &self.owner, device).stake;
                let ix = client::stake_withdraw(key, device, class(H100), self.owner.io);
                let outcome = self.ctx.send(&[ix], &[&owner]);
                if stake.cooling == 0 {
                    expect_error(outcome, MarketError::NothingToWithdraw);
                } else if self.ctx.now() < stake.cooldown_ends_at {
                    expect_error(outcome, MarketError::CooldownNotOver);
                } else {
                    prop_assert!(outcome.is_ok());
                }
            }
            Op::Warp { secs } => self.ctx.warp_by(secs),
            Op::Slash {
                device,
                percent_of_cap,
            } => {
                let state = fetch_device(&self.ctx, &self.owner, device);
                let cap = (state.stake.staked + state.stake.cooling) / 10;
                let amount = cap * percent_of_cap / 100;
                let address = device_address(&self.owner, device);
                let ix = client::slash_open(
                    self.slasher.pubkey(),
                    address,
                    state.slash_nonce,
                    amount,
                    [1; 32],
                );
                let outcome = self.ctx.send(&[ix], &[&self.slasher]);
                // The program checks the amount before the open slash.
                if amount == 0 {
                    expect_error(outcome, MarketError::ZeroAmount);
                } else if state.slash_open {
                    expect_error(outcome, MarketError::SlashAlreadyOpen);
                } else if amount > cap {
                    expect_error(outcome, MarketError::SlashAboveCap);
                } else {
                    prop_assert!(
                        outcome.is_ok(),
                        "a slash within the cap: {:?}",
                        outcome.err()
                    );
                }
            }
            Op::Uphold { device } | Op::Reverse { device } | Op::Finalize { device } => {
                let state = fetch_device(&self.ctx, &self.owner, device);
                if !state.slash_open {
                    return self.check();
                }
                let address = device_address(&self.owner, device);
                let nonce = state.slash_nonce - 1;
                let slash: client::Slash = self.ctx.fetch(&client::slash_address(&address, nonce));
                let authority = self.ctx.authority.insecure_clone();
                let rent_payer = self.slasher.pubkey();
                let (ix, signer) = match op {
                    Op::Uphold { .. } => (
                        client::slash_uphold(
                            authority.pubkey(),
                            address,
                            nonce,
                            rent_payer,
                            treasury,
                        ),
                        authority,
                    ),
                    Op::Reverse { .. } => (
                        client::slash_reverse(
                            authority.pubkey(),
                            address,
                            nonce,
                            rent_payer,
                            treasury,
                        ),
                        authority,
                    ),
                    _ => (
                        client::slash_finalize(key, address, nonce, rent_payer, treasury),
                        owner.insecure_clone(),
                    ),
                };
                let outcome = self.ctx.send(&[ix], &[&signer]);
                if matches!(op, Op::Finalize { .. }) && self.ctx.now() <= slash.deadline {
                    expect_error(outcome, MarketError::AppealWindowOpen);
                } else {
                    prop_assert!(outcome.is_ok());
                }
            }
        }
        self.check()
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let mut staked_and_cooling = 0;
        let (mut escrowed, mut slashed, mut withdrawn, mut deposited) = (0, 0, 0, 0);
        for device in 0..2u32 {
            let stake = fetch_device(&self.ctx, &self.owner, device).stake;
            prop_assert_eq!(stake.deposited, self.deposited[device as usize]);
            prop_assert_eq!(
                stake.deposited,
                stake.staked + stake.cooling + stake.escrowed + stake.slashed + stake.withdrawn
            );
            staked_and_cooling += stake.staked + stake.cooling;
            escrowed += stake.escrowed;
            slashed += stake.slashed;
            withdrawn += stake.withdrawn;
            deposited += stake.deposited;
        }
        prop_assert_eq!(
            balance(&self.ctx, &client::stake_vault_address()),
            staked_and_cooling
        );
        prop_assert_eq!(
            balance(&self.ctx, &client::slash_escrow_address()),
            escrowed
        );
        prop_assert_eq!(balance(&self.ctx, &self.ctx.treasury), slashed);
        prop_assert_eq!(
            balance(&self.ctx, &self.owner.io),
            START_IO * IO - deposited + withdrawn
        );
        let totals = config(&self.ctx).stake;
        prop_assert_eq!(
            totals.staked_io_base + totals.cooling_io_base,
            staked_and_cooling
        );
        prop_assert_eq!(
            (totals.escrowed_io_base, totals.slashed_io_base),
            (escrowed, slashed)
        );
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn stake_is_conserved_and_time_rules_hold(ops in proptest::collection::vec(op(), 1..40)) {
        let mut world = World::new();
        for op in &ops {
            world.apply(op)?;
        }
    }
}
