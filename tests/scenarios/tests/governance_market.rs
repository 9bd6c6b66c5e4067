//! Governance changes the market: holders lock IO; the market's authority is handed to the
//! governance PDA; a proposal that accepts that authority, raises the reservation fee and adds
//! a GPU class passes, waits its hold-up and executes, and the market shows every change; a
//! proposal that misses the quorum cannot execute; one the guardian vetoes cannot either.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use governance::error::GovernanceError;
use io_client::governance as gov;
use io_client::governance::{ProposalState, VoteChoice};
use io_client::market;
use io_harness::{IO, Keypair, Signer, TestContext};

const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;

struct Holder {
    key: Keypair,
}

/// A holder who locked `io_whole` IO for `lockup_secs` in its position 0.
fn holder(ctx: &mut TestContext, io_whole: u64, lockup_secs: i64) -> Holder {
    let key = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let io = ctx.token_account(&mint, &key.pubkey());
    ctx.mint_io(&io, io_whole * IO);
    let end = ctx.now() + lockup_secs;
    let ix = gov::position_open(key.pubkey(), io, 0, io_whole * IO, end);
    ctx.send(&[ix], &[&key]).expect("position opened");
    Holder { key }
}

/// Proposes `instructions` (created, stored, signed off) by `creator`; returns the proposal.
fn propose(ctx: &mut TestContext, creator: &Holder, instructions: &[Instruction]) -> Pubkey {
    let index = gov::fetch_config(ctx).unwrap().proposals_created;
    let key = creator.key.pubkey();
    let mut txs = vec![gov::proposal_create(key, 0, index, [1; 32])];
    let proposal = gov::proposal_address(index);
    for (i, ix) in instructions.iter().enumerate() {
        let index = u8::try_from(i).unwrap();
        txs.push(gov::proposal_add_instruction(
            key,
            proposal,
            index,
            gov::store(ix),
        ));
    }
    txs.push(gov::proposal_sign_off(key, proposal));
    for ix in txs {
        ctx.send(&[ix], &[&creator.key]).expect("proposal step");
    }
    proposal
}

fn vote(ctx: &mut TestContext, voter: &Holder, proposal: Pubkey, choice: VoteChoice) {
    let ix = gov::vote_cast(voter.key.pubkey(), 0, proposal, choice);
    ctx.send(&[ix], &[&voter.key]).expect("vote");
}

fn finalize(ctx: &mut TestContext, proposal: Pubkey) -> ProposalState {
    let ix = gov::proposal_finalize(ctx.payer.pubkey(), proposal);
    ctx.send(&[ix], &[]).expect("finalise");
    ctx.fetch::<gov::Proposal>(&proposal).state
}

fn execute(
    ctx: &mut TestContext,
    proposal: Pubkey,
    index: u8,
    ix: &Instruction,
) -> io_harness::Outcome {
    let stored = gov::store(ix);
    let execute = gov::proposal_execute(ctx.payer.pubkey(), proposal, index, &stored);
    ctx.send(&[execute], &[])
}

#[test]
fn governance_changes_the_market_after_a_vote_and_its_hold_up() {
    let mut ctx = TestContext::builder().with_configs().build();
    let governance = gov::governance_address();
    // The governance PDA pays the new GPU class's rent from its treasury.
    ctx.fund(&governance, 1_000_000_000);
    // Two holders with 3.2M of power each (800k IO for four years); a small one with 175k.
    let alice = holder(&mut ctx, 800_000, 4 * YEAR);
    let bob = holder(&mut ctx, 800_000, 4 * YEAR);
    let carol = holder(&mut ctx, 100_000, YEAR);

    // The market's current authority proposes the governance PDA; a proposal accepts.
    let authority = ctx.authority.insecure_clone();
    let ix = market::role_propose(authority.pubkey(), market::Role::Authority, governance);
    ctx.send(&[ix], &[&authority]).expect("propose governance");
    let mut params = io_client::defaults::MARKET_PARAMS;
    params.reservation_fee_bps = 50;
    let a100 = market::class_name("A100-80GB-PCIe");
    let terms = market::GpuClassTerms {
        usd_per_gpu_hour_micros: 1_200_000,
        multiplier_bps: 12_000,
        pool: market::Pool::Enterprise,
    };
    let changes = [
        market::role_accept(governance, market::Role::Authority),
        market::params_set(governance, params),
        market::gpu_class_create(governance, governance, a100, terms),
    ];
    let passed = propose(&mut ctx, &alice, &changes);
    vote(&mut ctx, &alice, passed, VoteChoice::Yes);
    vote(&mut ctx, &bob, passed, VoteChoice::Yes);
    vote(&mut ctx, &carol, passed, VoteChoice::No);

    // Below quorum: only carol's 175k votes.
    let mut other = io_client::defaults::MARKET_PARAMS;
    other.provider_fee_bps = 100;
    let weak_change = market::params_set(governance, other);
    let weak = propose(&mut ctx, &alice, std::slice::from_ref(&weak_change));
    vote(&mut ctx, &carol, weak, VoteChoice::Yes);

    // Passes the vote, then the guardian vetoes it.
    let mut vetoed_params = io_client::defaults::MARKET_PARAMS;
    vetoed_params.burn_share_bps = 0;
    let vetoed_change = market::params_set(governance, vetoed_params);
    let vetoed = propose(&mut ctx, &alice, std::slice::from_ref(&vetoed_change));
    vote(&mut ctx, &bob, vetoed, VoteChoice::Yes);

    ctx.warp_by(3 * DAY);
    assert_eq!(finalize(&mut ctx, passed), ProposalState::Succeeded);
    assert_eq!(finalize(&mut ctx, weak), ProposalState::Defeated);
    assert_eq!(finalize(&mut ctx, vetoed), ProposalState::Succeeded);
    let guardian = ctx.guardian.insecure_clone();
    let ix = gov::proposal_veto(guardian.pubkey(), vetoed);
    ctx.send(&[ix], &[&guardian]).expect("veto");

    // Nothing executes during the hold-up.
    io_harness::expect_error(
        execute(&mut ctx, passed, 0, &changes[0]),
        GovernanceError::HoldUpNotOver,
    );
    ctx.warp_by(2 * DAY);
    for (index, ix) in changes.iter().enumerate() {
        execute(&mut ctx, passed, u8::try_from(index).unwrap(), ix).expect("execute");
    }
    let config = market::fetch_config(&ctx).unwrap();
    assert_eq!(config.authority, governance);
    assert_eq!(config.params.reservation_fee_bps, 50);
    let class: market::GpuClass = ctx.fetch(&market::gpu_class_address(&a100));
    assert_eq!(class.terms, terms);
    assert_eq!(
        ctx.fetch::<gov::Proposal>(&passed).state,
        ProposalState::Executed
    );

    // The defeated and the vetoed proposals cannot execute; the market kept its parameters.
    for (proposal, change, error) in [
        (weak, &weak_change, GovernanceError::ProposalDefeated),
        (vetoed, &vetoed_change, GovernanceError::ProposalVetoed),
    ] {
        io_harness::expect_error(execute(&mut ctx, proposal, 0, change), error);
    }
    let config = market::fetch_config(&ctx).unwrap();
    assert_eq!(config.params, params);

    // The old authority has no power over the market any more.
    let ix = market::params_set(authority.pubkey(), io_client::defaults::MARKET_PARAMS);
    io_harness::expect_error(
        ctx.send(&[ix], &[&authority]),
        ::market::error::MarketError::NotAuthority,
    );
}
