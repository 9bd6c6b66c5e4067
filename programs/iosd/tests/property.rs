//! Property tests in the SVM: random price paths (rallies, crashes, silent oracles) and random
//! operations, checked against real token balances after every step.
//!
//! - IOSD supply = minted − burned, and the config's totals agree;
//! - vault IO = committed − redeemed;
//! - no mint succeeds with a stale price or below the halt ratio;
//! - spending, paying out and burning always work; so does redemption in an oracle halt, which
//!   pays the smaller of in kind and the last recorded redeem price;
//! - whatever update a minter picks, IOSD out ≤ IO in × that update's EMA.

use anchor_lang::prelude::Pubkey;
use io_client::iosd as client;
use io_harness::prices::io_usd;
use io_harness::{IO, Signer, TestContext, expect_error};
use io_oracle::UsdPerIo;
use io_oracle::price::collateral_ratio_bps;
use iosd::MintAmount;
use iosd::error::IosdError;
use iosd::events::{EscrowBurned, IosdMinted, IosdRedeemed};
use proptest::prelude::*;

use crate::fixture::*;

#[derive(Clone, Debug)]
enum Op {
    /// A fresh update: spot and EMA in units of 10⁻⁸ USD.
    Price {
        spot: i64,
        ema: i64,
    },
    /// Time passes without any new update.
    Silence {
        secs: i64,
    },
    Mint {
        user: usize,
        io_whole: u64,
    },
    Redeem {
        user: usize,
        percent: u64,
    },
    Spend {
        user: usize,
        percent: u64,
    },
    PayOut {
        user: usize,
        percent: u64,
    },
    Burn {
        percent: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (10_000_000i64..=500_000_000, 80i64..=120).prop_map(|(spot, drift)| Op::Price {
            spot,
            ema: spot * drift / 100,
        }),
        1 => (1i64..=900).prop_map(|secs| Op::Silence { secs }),
        4 => (0usize..3, 1u64..=300).prop_map(|(user, io_whole)| Op::Mint { user, io_whole }),
        3 => (0usize..3, 1u64..=100).prop_map(|(user, percent)| Op::Redeem { user, percent }),
        2 => (0usize..3, 1u64..=100).prop_map(|(user, percent)| Op::Spend { user, percent }),
        1 => (0usize..3, 1u64..=100).prop_map(|(user, percent)| Op::PayOut { user, percent }),
        1 => (1u64..=100).prop_map(|percent| Op::Burn { percent }),
    ]
}

/// What the test expects the chain to hold.
#[derive(Default)]
struct Model {
    minted: u64,
    burned: u64,
    committed: u64,
    redeemed: u64,
    /// Publish time and EMA (pico-USD) of the current price account.
    published: i64,
    ema: u128,
}

struct World {
    ctx: TestContext,
    users: Vec<User>,
    price: Pubkey,
    model: Model,
}

impl World {
    fn new() -> Self {
        let mut ctx = deployment_with_probe();
        let users = (0..3).map(|_| user(&mut ctx, 2_000)).collect();
        let price = Pubkey::new_unique();
        let mut world = Self {
            ctx,
            users,
            price,
            model: Model::default(),
        };
        world.set_price(PRICE_E8, PRICE_E8);
        world
    }

    fn set_price(&mut self, spot: i64, ema: i64) {
        let now = self.ctx.now();
        let mut message = io_usd(spot, CONF_E8, now);
        message.ema_price = ema;
        self.ctx.write_price(&self.price, message);
        self.model.published = now;
        self.model.ema = u128::try_from(ema).unwrap() * 10_000;
    }

    fn fresh(&self) -> bool {
        self.ctx.now() - self.model.published <= 60
    }

    fn vault(&self) -> u64 {
        balance(&self.ctx, &client::io_vault_address())
    }

    fn supply(&self) -> u64 {
        self.ctx.mint_supply(&client::iosd_mint_address())
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match *op {
            Op::Price { spot, ema } => self.set_price(spot, ema),
            Op::Silence { secs } => self.ctx.warp_by(secs),
            Op::Mint { user, io_whole } => self.mint(user, io_whole)?,
            Op::Redeem { user, percent } => self.redeem(user, percent)?,
            Op::Spend { user, percent } => {
                let owner = self.users[user].key.insecure_clone();
                let amount = share(balance(&self.ctx, &self.users[user].holder), percent);
                if amount > 0 {
                    let ix = probe_spend(&owner.pubkey(), amount, true);
                    let outcome = self.ctx.send(&[ix], &[&owner]);
                    prop_assert!(
                        outcome.is_ok(),
                        "spend must always work: {:?}",
                        outcome.err()
                    );
                }
            }
            Op::PayOut { user, percent } => {
                let escrow = client::escrow_address(&spender_probe::ID);
                let amount = share(balance(&self.ctx, &escrow), percent);
                if amount > 0 {
                    let ix = probe_escrow_move(self.users[user].holder, amount, false);
                    prop_assert!(
                        self.ctx.send(&[ix], &[]).is_ok(),
                        "pay out must always work"
                    );
                }
            }
            Op::Burn { percent } => {
                let escrow = client::escrow_address(&spender_probe::ID);
                let amount = share(balance(&self.ctx, &escrow), percent);
                if amount > 0 {
                    let ix = probe_escrow_move(escrow, amount, true);
                    let outcome = self.ctx.send(&[ix], &[]);
                    prop_assert!(outcome.is_ok(), "burn must always work");
                    let event: EscrowBurned = outcome.unwrap().event(&client::ID);
                    self.model.burned += event.amount_micros;
                }
            }
        }
        self.check()
    }

    fn mint(&mut self, user: usize, io_whole: u64) -> Result<(), TestCaseError> {
        let user = &self.users[user];
        let amount = MintAmount::ExactIo {
            io_in_base: io_whole * IO,
            min_iosd_out_micros: 0,
        };
        let ix = client::iosd_mint(
            user.key.pubkey(),
            user.io,
            user.key.pubkey(),
            self.price,
            amount,
        );
        let key = user.key.insecure_clone();
        let fresh = self.fresh();
        let ratio =
            collateral_ratio_bps(self.vault(), self.supply(), UsdPerIo(self.model.ema)).unwrap();
        let has_io = balance(&self.ctx, &user.io) >= io_whole * IO;
        let outcome = self.ctx.send(&[ix], &[&key]);
        if !fresh {
            expect_error(outcome, IosdError::PriceStale);
        } else if ratio < 9_000 {
            expect_error(outcome, IosdError::MintHalted);
        } else if has_io {
            let event: IosdMinted = outcome
                .map_err(|f| TestCaseError::fail(format!("mint failed: {:?}", f.err)))?
                .event(&client::ID);
            // The EMA bound: never more IOSD than the IO is worth at the update's EMA.
            let bound = u128::from(event.io_in_base) * self.model.ema / 100_000_000_000_000;
            prop_assert!(u128::from(event.iosd_out_micros) <= bound);
            self.model.minted += event.iosd_out_micros;
            self.model.committed += event.io_in_base;
        } else {
            prop_assert!(outcome.is_err());
        }
        Ok(())
    }

    fn redeem(&mut self, user: usize, percent: u64) -> Result<(), TestCaseError> {
        let user = &self.users[user];
        let amount = share(balance(&self.ctx, &user.holder), percent);
        if amount == 0 {
            return Ok(());
        }
        let ix = client::iosd_redeem(user.key.pubkey(), user.io, self.price, amount, 0);
        let key = user.key.insecure_clone();
        let fresh = self.fresh();
        let halted = !fresh && self.ctx.now() - self.last_valid() > 600;
        let (vault, supply) = (self.vault(), self.supply());
        let recorded = config(&self.ctx).solvency.redeem_price_pico_usd;
        let outcome = self.ctx.send(&[ix], &[&key]);
        if !fresh && !halted {
            expect_error(outcome, IosdError::PriceStale);
            return Ok(());
        }
        match outcome {
            Ok(executed) => {
                let event: IosdRedeemed = executed.event(&client::ID);
                if halted {
                    // An oracle halt pays the smaller of in kind and the last recorded price.
                    let in_kind = u128::from(amount) * u128::from(vault) / u128::from(supply);
                    let at_price = u128::from(amount) * 100_000_000_000_000 / recorded.max(1);
                    prop_assert_eq!(u128::from(event.io_out_base), in_kind.min(at_price));
                    prop_assert_eq!(event.in_kind, in_kind <= at_price);
                }
                self.model.burned += event.iosd_in_micros;
                self.model.redeemed += event.io_out_base;
            }
            // Dust that buys no IO base unit is the only refusal left.
            Err(failed) => {
                expect_error(Err(failed), IosdError::AmountTooSmall);
            }
        }
        Ok(())
    }

    fn last_valid(&self) -> i64 {
        config(&self.ctx).solvency.last_price_publish_time
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let model = &self.model;
        prop_assert_eq!(self.supply(), model.minted - model.burned);
        prop_assert_eq!(self.vault(), model.committed - model.redeemed);
        let totals = config(&self.ctx).totals;
        prop_assert_eq!(
            (totals.minted_iosd_micros, totals.burned_iosd_micros),
            (model.minted, model.burned)
        );
        prop_assert_eq!(
            (totals.committed_io_base, totals.redeemed_io_base),
            (model.committed, model.redeemed)
        );
        Ok(())
    }
}

fn share(amount: u64, percent: u64) -> u64 {
    amount * percent / 100
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn balances_follow_the_rules_on_any_price_path(ops in proptest::collection::vec(op(), 1..40)) {
        let mut world = World::new();
        for op in &ops {
            world.apply(op)?;
        }
    }

    /// Two valid updates a few seconds apart: a minter who picks the better one still gets no
    /// more than the IO is worth at that update's EMA, and never more than at the higher EMA.
    #[test]
    fn picking_the_better_of_two_updates_stays_under_the_ema_bound(
        spot_a in 100_000_000i64..=400_000_000,
        spot_b in 100_000_000i64..=400_000_000,
        ema_a in 100_000_000i64..=400_000_000,
        ema_b in 100_000_000i64..=400_000_000,
        io_whole in 1u64..=500,
    ) {
        let mut ctx = deployment();
        let user = user(&mut ctx, 1_000);
        let now = ctx.now();
        let mut a = io_usd(spot_a, CONF_E8, now - 30);
        a.ema_price = ema_a;
        let mut b = io_usd(spot_b, CONF_E8, now);
        b.ema_price = ema_b;
        let (pa, pb) = (ctx.new_price(a), ctx.new_price(b));
        let better = if spot_a.min(ema_a) >= spot_b.min(ema_b) { (pa, ema_a) } else { (pb, ema_b) };
        let amount = MintAmount::ExactIo { io_in_base: io_whole * IO, min_iosd_out_micros: 0 };
        let event: IosdMinted = mint(&mut ctx, &user, better.0, amount)
            .map_err(|f| TestCaseError::fail(format!("{:?}", f.err)))?
            .event(&client::ID);
        let value_at = |ema: i64| u128::from(io_whole * IO) * u128::try_from(ema).unwrap() / 10_000_000_000;
        prop_assert!(u128::from(event.iosd_out_micros) <= value_at(better.1));
        prop_assert!(u128::from(event.iosd_out_micros) <= value_at(ema_a.max(ema_b)));
    }
}
