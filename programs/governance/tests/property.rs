//! Property test in the SVM: random positions (amounts, lockups) and random votes on one
//! proposal (repeats and too-short lockups included), time passing, then the outcome,
//! relinquishing and withdrawals. After every step:
//!
//! - the tally equals the sum of the existing vote markers' weights, per choice, and the voter
//!   count their number; a second vote by a position is refused and changes nothing;
//! - every marker's weight is its position's power when it voted;
//! - locked tokens are conserved: the vault holds the positions' amounts, which the config's
//!   total says, and holders get back exactly what they locked.

use anchor_lang::prelude::Pubkey;
use governance::error::GovernanceError;
use io_client::governance as client;
use io_client::governance::VoteChoice;
use io_harness::{IO, Signer, expect_error};
use proptest::prelude::*;
use solana_program_pack::Pack;

use crate::fixture::*;

#[derive(Clone, Debug)]
struct Stake {
    amount_whole: u64,
    lockup_days: i64,
}

#[derive(Clone, Debug)]
enum Op {
    Vote { holder: usize, choice: u8 },
    Warp { hours: i64 },
}

fn stake() -> impl Strategy<Value = Stake> {
    (1u64..=2_000_000, 1i64..=4 * 365).prop_map(|(amount_whole, lockup_days)| Stake {
        amount_whole,
        lockup_days,
    })
}

fn op(holders: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..holders, 0u8..3).prop_map(|(holder, choice)| Op::Vote { holder, choice }),
        1 => (0i64..=24).prop_map(|hours| Op::Warp { hours }),
    ]
}

fn choice(n: u8) -> VoteChoice {
    match n {
        0 => VoteChoice::Yes,
        1 => VoteChoice::No,
        _ => VoteChoice::Abstain,
    }
}

fn balance(ctx: &io_harness::TestContext, account: &Pubkey) -> u64 {
    spl_token_interface::state::Account::unpack(&ctx.data(account).unwrap())
        .unwrap()
        .amount
}

fn scenario() -> impl Strategy<Value = (Vec<Stake>, Vec<Op>)> {
    proptest::collection::vec(stake(), 2..=5).prop_flat_map(|stakes| {
        let holders = stakes.len();
        (Just(stakes), proptest::collection::vec(op(holders), 1..25))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn the_tally_is_the_sum_of_the_markers(scenario in scenario()) {
        let (stakes, ops) = scenario;
        let mut ctx = deployment();
        let whale = holder(&mut ctx, 20_000);
        open_position(&mut ctx, &whale, 0, 20_000 * IO, 4 * YEAR).expect("whale");
        let holders: Vec<Holder> = stakes
            .iter()
            .map(|stake| {
                let h = holder(&mut ctx, stake.amount_whole);
                open_position(&mut ctx, &h, 0, stake.amount_whole * IO, stake.lockup_days * DAY)
                    .expect("position");
                h
            })
            .collect();
        let locked: u64 = 20_000 * IO + stakes.iter().map(|s| s.amount_whole * IO).sum::<u64>();
        let proposal = propose(&mut ctx, &whale, 0, &[treasury_transfer(&Pubkey::new_unique(), 1)]);
        let params = config(&ctx).params;
        for op in &ops {
            match *op {
                Op::Vote { holder: i, choice: n } => {
                    let h = &holders[i];
                    let state = super_proposal(&ctx, &proposal);
                    let position_key = client::position_address(&h.key.pubkey(), 0);
                    let marker = client::vote_address(&proposal, &position_key);
                    let pos = position(&ctx, h, 0);
                    let power = pos.power(ctx.now(), &params).unwrap();
                    let already = ctx.data(&marker).is_some();
                    let before = ctx.data(&proposal);
                    let outcome = vote(&mut ctx, h, 0, proposal, choice(n));
                    let refusal = if ctx.now() >= state.voting_ends_at {
                        Some(GovernanceError::VotingClosed)
                    } else if pos.lockup_end < state.executable_at {
                        Some(GovernanceError::LockupTooShort)
                    } else if already {
                        Some(GovernanceError::AlreadyVoted)
                    } else {
                        None
                    };
                    match refusal {
                        Some(error) => {
                            expect_error(outcome, error);
                            prop_assert_eq!(ctx.data(&proposal), before, "a refused vote changed the tally");
                        }
                        None => {
                            prop_assert!(outcome.is_ok(), "vote: {:?}", outcome.err());
                            let stored: client::VoteMarker = ctx.fetch(&marker);
                            prop_assert_eq!(stored.weight, power);
                        }
                    }
                }
                Op::Warp { hours } => ctx.warp_by(hours * 3_600),
            }
            // The tally is the markers' sum.
            let state = super_proposal(&ctx, &proposal);
            let mut sums = [0u64; 3];
            let mut voters = 0;
            for h in &holders {
                let position_key = client::position_address(&h.key.pubkey(), 0);
                let marker = client::vote_address(&proposal, &position_key);
                if ctx.data(&marker).is_some() {
                    let stored: client::VoteMarker = ctx.fetch(&marker);
                    let slot = match stored.choice {
                        VoteChoice::Yes => 0,
                        VoteChoice::No => 1,
                        VoteChoice::Abstain => 2,
                    };
                    sums[slot] += stored.weight;
                    voters += 1;
                    prop_assert_eq!(position(&ctx, h, 0).active_votes, 1);
                }
            }
            prop_assert_eq!([state.yes_power, state.no_power, state.abstain_power], sums);
            prop_assert_eq!(state.voters, voters);
            prop_assert_eq!(balance(&ctx, &client::vault_address()), locked);
            prop_assert_eq!(config(&ctx).locked_total, locked);
        }

        // After the vote: relinquish, wait out every lockup, withdraw: everything comes back.
        let state = super_proposal(&ctx, &proposal);
        ctx.warp_by((state.voting_ends_at - ctx.now()).max(0));
        finalize(&mut ctx, proposal).expect("finalise");
        ctx.warp_by(4 * YEAR + 1);
        for (h, stake) in holders.iter().zip(&stakes) {
            let position_key = client::position_address(&h.key.pubkey(), 0);
            if ctx.data(&client::vote_address(&proposal, &position_key)).is_some() {
                let ix = client::vote_relinquish(h.key.pubkey(), 0, proposal);
                ctx.send(&[ix], &[&h.key]).expect("relinquish");
            }
            let ix = client::position_withdraw(h.key.pubkey(), h.io, 0);
            ctx.send(&[ix], &[&h.key]).expect("withdraw");
            prop_assert_eq!(balance(&ctx, &h.io), stake.amount_whole * IO);
        }
        prop_assert_eq!(balance(&ctx, &client::vault_address()), 20_000 * IO);
        prop_assert_eq!(config(&ctx).locked_total, 20_000 * IO);
    }
}

fn super_proposal(ctx: &io_harness::TestContext, address: &Pubkey) -> client::Proposal {
    proposal(ctx, address)
}
