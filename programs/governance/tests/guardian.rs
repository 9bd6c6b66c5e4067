//! Review finding Medium 4 for governance: neither the guardian nor a majority can capture the
//! other. The guardian's veto has a budget it cannot renew by itself; a new guardian takes over
//! only a hold-up after it was proposed; both roles move in two steps through proposals.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use governance::error::GovernanceError;
use governance::events::{RoleAccepted, RoleProposed};
use io_client::governance as client;
use io_client::governance::VoteChoice;
use io_harness::{IO, Signer, TestContext};

use crate::fixture::*;

const SOL: u64 = 1_000_000_000;

fn whale(ctx: &mut TestContext) -> Holder {
    let whale = holder(ctx, 1_000_000);
    open_position(ctx, &whale, 0, 1_000_000 * IO, 4 * YEAR).expect("whale's position");
    whale
}

/// Proposals holding `instructions`, each voted yes by the whale and finalised after the vote.
fn passed(ctx: &mut TestContext, whale: &Holder, proposals: &[Vec<Instruction>]) -> Vec<Pubkey> {
    let addresses: Vec<Pubkey> = proposals
        .iter()
        .map(|instructions| propose(ctx, whale, 0, instructions))
        .collect();
    for proposal in &addresses {
        vote(ctx, whale, 0, *proposal, VoteChoice::Yes).expect("vote");
    }
    ctx.warp_by(3 * DAY);
    for proposal in &addresses {
        finalize(ctx, *proposal).expect("finalise");
    }
    addresses
}

/// The default budget is two vetoes per 30 days: a third veto within the window is refused and
/// that proposal executes.
#[test]
fn the_guardian_vetoes_within_its_budget() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let recipient = Pubkey::new_unique();
    let transfer = treasury_transfer(&recipient, SOL);
    let proposals = passed(
        &mut ctx,
        &whale,
        &[
            vec![transfer.clone()],
            vec![transfer.clone()],
            vec![transfer.clone()],
        ],
    );
    let guardian = ctx.guardian.insecure_clone();
    for proposal in &proposals[..2] {
        let ix = client::proposal_veto(guardian.pubkey(), *proposal);
        ctx.send(&[ix], &[&guardian])
            .expect("veto within the budget");
    }
    let ix = client::proposal_veto(guardian.pubkey(), proposals[2]);
    ctx.assert_refused(
        ix,
        &[&guardian],
        GovernanceError::VetoBudgetSpent,
        &[proposals[2], client::config_address()],
    );
    ctx.warp_by(2 * DAY);
    execute(&mut ctx, proposals[2], 0, &transfer).expect("the third executes");
    assert_eq!(ctx.lamports(&recipient), SOL);
}

/// A proposal storing `role_propose(Guardian, next)`, signed by the governance PDA.
fn replace_guardian(next: Pubkey) -> Instruction {
    client::role_propose(client::governance_address(), client::Role::Guardian, next)
}

/// A guardian that vetoes every proposal to replace it runs out of budget: the third proposal
/// executes, the new guardian takes over one hold-up later, and the old one has no power left.
#[test]
fn a_compromised_guardian_cannot_block_its_own_replacement_for_ever() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let honest = ctx.funded_keypair();
    let replace = replace_guardian(honest.pubkey());
    let proposals: Vec<Pubkey> = (0..3)
        .map(|_| propose(&mut ctx, &whale, 0, std::slice::from_ref(&replace)))
        .collect();
    let compromised = ctx.guardian.insecure_clone();
    for proposal in &proposals[..2] {
        let ix = client::proposal_veto(compromised.pubkey(), *proposal);
        ctx.send(&[ix], &[&compromised])
            .expect("a veto within the budget");
    }
    let ix = client::proposal_veto(compromised.pubkey(), proposals[2]);
    ctx.assert_refused(
        ix,
        &[&compromised],
        GovernanceError::VetoBudgetSpent,
        &[proposals[2]],
    );
    vote(&mut ctx, &whale, 0, proposals[2], VoteChoice::Yes).expect("vote");
    ctx.warp_by(3 * DAY);
    finalize(&mut ctx, proposals[2]).expect("finalise");
    ctx.warp_by(2 * DAY);
    let executed = execute(&mut ctx, proposals[2], 0, &replace).expect("replacement proposed");
    let proposed: RoleProposed = executed.event(&client::ID);
    assert_eq!(
        (proposed.role, proposed.current, proposed.pending),
        (
            client::Role::Guardian,
            compromised.pubkey(),
            honest.pubkey()
        )
    );
    let accept = client::role_accept(honest.pubkey(), client::Role::Guardian);
    ctx.assert_refused(
        accept.clone(),
        &[&honest],
        GovernanceError::GuardianChangeTooEarly,
        &[client::config_address()],
    );
    ctx.warp_by(2 * DAY);
    let accepted: RoleAccepted = ctx
        .send(&[accept], &[&honest])
        .expect("the new guardian accepts")
        .event(&client::ID);
    assert_eq!(
        (accepted.previous, accepted.current),
        (compromised.pubkey(), honest.pubkey())
    );
    let next = propose(&mut ctx, &whale, 0, std::slice::from_ref(&replace));
    let ix = client::proposal_veto(compromised.pubkey(), next);
    ctx.assert_refused(ix, &[&compromised], GovernanceError::NotGuardian, &[next]);
}

/// A hostile majority proposes its own guardian and a treasury drain together, then another
/// drain the moment its guardian proposal executes: the honest guardian, still in office for a
/// hold-up after its replacement was proposed, vetoes both drains, so nothing the majority
/// wants passes within one hold-up of taking the guardian's seat.
#[test]
fn a_hostile_majority_cannot_replace_the_guardian_and_pass_anything_within_one_hold_up() {
    let mut ctx = deployment();
    let hostile = whale(&mut ctx);
    let accomplice = ctx.funded_keypair();
    let thief = Pubkey::new_unique();
    let drain = treasury_transfer(&thief, 5 * SOL);
    let replace = replace_guardian(accomplice.pubkey());
    let seat = propose(&mut ctx, &hostile, 0, std::slice::from_ref(&replace));
    let first_drain = propose(&mut ctx, &hostile, 0, std::slice::from_ref(&drain));
    for proposal in [seat, first_drain] {
        vote(&mut ctx, &hostile, 0, proposal, VoteChoice::Yes).expect("vote");
    }
    let honest = ctx.guardian.insecure_clone();
    let ix = client::proposal_veto(honest.pubkey(), first_drain);
    ctx.send(&[ix], &[&honest]).expect("the first drain vetoed");
    ctx.warp_by(3 * DAY);
    finalize(&mut ctx, seat).expect("finalise");
    ctx.warp_by(2 * DAY);
    execute(&mut ctx, seat, 0, &replace).expect("the accomplice is proposed");

    // At once, a second drain; the accomplice cannot take the seat for a hold-up.
    let second_drain = propose(&mut ctx, &hostile, 0, std::slice::from_ref(&drain));
    vote(&mut ctx, &hostile, 0, second_drain, VoteChoice::Yes).expect("vote");
    ctx.warp_by(2 * DAY - 1);
    let accept = client::role_accept(accomplice.pubkey(), client::Role::Guardian);
    ctx.assert_refused(
        accept.clone(),
        &[&accomplice],
        GovernanceError::GuardianChangeTooEarly,
        &[client::config_address()],
    );
    let ix = client::proposal_veto(honest.pubkey(), second_drain);
    ctx.send(&[ix], &[&honest])
        .expect("the second drain vetoed");
    ctx.warp_by(1);
    ctx.send(&[accept], &[&accomplice])
        .expect("the accomplice takes the seat");
    assert_eq!(ctx.lamports(&thief), 0);
    for proposal in [first_drain, second_drain] {
        assert_eq!(
            proposal_state(&ctx, &proposal).state,
            client::ProposalState::Vetoed
        );
    }
}

/// Only the authority (the governance PDA, through a proposal) proposes a role; only the
/// proposed key accepts.
#[test]
fn roles_move_only_through_the_authority_and_the_proposed_key() {
    let mut ctx = deployment();
    let stranger = ctx.funded_keypair();
    let ix = client::role_propose(
        stranger.pubkey(),
        client::Role::Authority,
        stranger.pubkey(),
    );
    ctx.assert_refused(
        ix,
        &[&stranger],
        GovernanceError::NotAuthority,
        &[client::config_address()],
    );
    let ix = client::role_accept(stranger.pubkey(), client::Role::Authority);
    ctx.assert_refused(
        ix,
        &[&stranger],
        GovernanceError::NotPendingRole,
        &[client::config_address()],
    );
}

fn proposal_state(ctx: &TestContext, address: &Pubkey) -> client::Proposal {
    ctx.fetch(address)
}

/// Review of the hardening, L1: a proposal that lowers the hold-up and proposes a guardian in
/// the same breath does not shorten the handover: the new guardian waits at least a day.
#[test]
fn lowering_the_hold_up_does_not_hurry_a_guardian_change() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let next = ctx.funded_keypair();
    let mut params = io_client::defaults::GOVERNANCE_PARAMS;
    params.hold_up_secs = 1;
    let instructions = [
        client::params_set(client::governance_address(), params),
        replace_guardian(next.pubkey()),
    ];
    let proposal = passed(&mut ctx, &whale, &[instructions.to_vec()])[0];
    ctx.warp_by(2 * DAY);
    execute(&mut ctx, proposal, 0, &instructions[0]).expect("the hold-up lowered");
    execute(&mut ctx, proposal, 1, &instructions[1]).expect("the guardian proposed");
    ctx.warp_by(2);
    let accept = client::role_accept(next.pubkey(), client::Role::Guardian);
    ctx.assert_refused(
        accept.clone(),
        &[&next],
        GovernanceError::GuardianChangeTooEarly,
        &[client::config_address()],
    );
    ctx.warp_by(DAY);
    ctx.send(&[accept], &[&next]).expect("a day later");
}
