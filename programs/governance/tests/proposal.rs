//! Proposals from creation to close: votes, outcome, veto, hold-up, execution signed by the
//! governance PDA (a treasury transfer and governance's own parameters), and every refusal by
//! name and without effect.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use governance::error::GovernanceError;
use governance::events::{InstructionExecuted, ProposalChanged, ProposalClosed, VoteCast};
use io_client::governance as client;
use io_client::governance::{ProposalState, VoteChoice};
use io_harness::{IO, Signer, TestContext};

use crate::fixture::*;

const SOL: u64 = 1_000_000_000;

/// A whale with 4M of power (1M IO for four years) and its position 0.
fn whale(ctx: &mut TestContext) -> Holder {
    let whale = holder(ctx, 1_000_000);
    open_position(ctx, &whale, 0, 1_000_000 * IO, 4 * YEAR).expect("whale's position");
    whale
}

/// Governance's parameters with a 1-day vote.
fn shorter_vote() -> Instruction {
    let mut params = io_client::defaults::GOVERNANCE_PARAMS;
    params.voting_period_secs = 86_400;
    client::params_set(client::governance_address(), params)
}

#[test]
fn a_passed_proposal_executes_after_its_hold_up() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let recipient = Pubkey::new_unique();
    let instructions = [treasury_transfer(&recipient, SOL), shorter_vote()];
    let creator_before = ctx.lamports(&whale.key.pubkey());
    let proposal = propose(&mut ctx, &whale, 0, &instructions);
    let state = proposal_state(&ctx, &proposal);
    assert_eq!(
        (state.state, state.instruction_count, state.quorum_power),
        (ProposalState::Voting, 2, 1_000_000 * IO)
    );
    let cast: VoteCast = vote(&mut ctx, &whale, 0, proposal, VoteChoice::Yes)
        .expect("vote")
        .event(&client::ID);
    // Four years locked (the saturation): 4× the amount.
    assert_eq!(
        (cast.weight, cast.yes_power, cast.voters),
        (4_000_000 * IO, 4_000_000 * IO, 1)
    );

    // The vote lasts 3 days; nothing executes before the 2-day hold-up is over.
    ctx.warp_by(3 * DAY);
    let outcome: ProposalChanged = finalize(&mut ctx, proposal)
        .expect("finalise")
        .event(&client::ID);
    assert_eq!(outcome.state, ProposalState::Succeeded);
    let early = client::proposal_execute(
        ctx.payer.pubkey(),
        proposal,
        0,
        &client::store(&instructions[0]),
    );
    ctx.assert_refused(early, &[], GovernanceError::HoldUpNotOver, &[proposal]);
    ctx.warp_by(2 * DAY);

    let executed: InstructionExecuted = execute(&mut ctx, proposal, 0, &instructions[0])
        .expect("execute the transfer")
        .event(&client::ID);
    assert_eq!(
        (executed.index, executed.executed_count, executed.state),
        (0, 1, ProposalState::Succeeded)
    );
    assert_eq!(ctx.lamports(&recipient), SOL);
    let again = client::proposal_execute(
        ctx.payer.pubkey(),
        proposal,
        0,
        &client::store(&instructions[0]),
    );
    ctx.assert_refused(again, &[], GovernanceError::AlreadyExecuted, &[proposal]);
    let executed: InstructionExecuted = execute(&mut ctx, proposal, 1, &instructions[1])
        .expect("execute the parameter change")
        .event(&client::ID);
    assert_eq!(executed.state, ProposalState::Executed);
    assert_eq!(config(&ctx).params.voting_period_secs, 86_400);

    // Everything closes: the proposal and its instructions (rent and deposit to the creator),
    // the marker (rent to the voter).
    let ix = client::proposal_close(ctx.payer.pubkey(), proposal, whale.key.pubkey(), 2);
    let closed: ProposalClosed = ctx.send(&[ix], &[]).expect("close").event(&client::ID);
    assert_eq!(closed.state, ProposalState::Executed);
    assert_eq!(ctx.data(&proposal), None);
    for index in 0..2 {
        assert_eq!(
            ctx.data(&client::proposal_instruction_address(&proposal, index)),
            None
        );
    }
    let key = whale.key.insecure_clone();
    let ix = client::vote_relinquish(key.pubkey(), 0, proposal);
    ctx.send(&[ix], &[&key]).expect("relinquish");
    assert_eq!(position(&ctx, &whale, 0).active_votes, 0);
    // What the creator and voter paid (rent, deposit) came back; only fees were spent.
    let spent = creator_before - ctx.lamports(&whale.key.pubkey());
    assert!(spent < 100_000, "only fees: {spent} lamports");
}

#[test]
fn a_proposal_below_quorum_is_defeated_and_cannot_execute() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let small = holder(&mut ctx, 100_000);
    open_position(&mut ctx, &small, 0, 100_000 * IO, YEAR).expect("position");
    let recipient = Pubkey::new_unique();
    let transfer = treasury_transfer(&recipient, SOL);
    let proposal = propose(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    vote(&mut ctx, &small, 0, proposal, VoteChoice::Yes).expect("vote");
    let ix = client::proposal_finalize(ctx.payer.pubkey(), proposal);
    ctx.assert_refused(ix, &[], GovernanceError::VotingOpen, &[proposal]);
    ctx.warp_by(3 * DAY);
    let outcome: ProposalChanged = finalize(&mut ctx, proposal)
        .expect("finalise")
        .event(&client::ID);
    assert_eq!(outcome.state, ProposalState::Defeated);
    // 100k IO for a year: 1.75×, under the 1M quorum.
    assert_eq!(outcome.yes_power, 175_000 * IO);
    ctx.warp_by(2 * DAY);
    let ix = client::proposal_execute(ctx.payer.pubkey(), proposal, 0, &client::store(&transfer));
    ctx.assert_refused(
        ix,
        &[],
        GovernanceError::ProposalDefeated,
        &[proposal, recipient],
    );
    let ix = client::proposal_close(ctx.payer.pubkey(), proposal, whale.key.pubkey(), 1);
    ctx.send(&[ix], &[]).expect("a defeated proposal closes");
}

/// The guardian vetoes a proposal from its sign-off to the end of its hold-up: not a draft,
/// and not once the hold-up is over; a vetoed proposal never executes.
#[test]
fn the_guardian_vetoes_from_sign_off_to_the_end_of_the_hold_up() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let transfer = treasury_transfer(&Pubkey::new_unique(), SOL);
    let draft = draft(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    let vetoed = propose(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    let late = propose(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    let guardian = ctx.guardian.insecure_clone();
    let ix = client::proposal_veto(guardian.pubkey(), draft);
    ctx.assert_refused(
        ix,
        &[&guardian],
        GovernanceError::WrongProposalState,
        &[draft],
    );
    let stranger = ctx.funded_keypair();
    let ix = client::proposal_veto(stranger.pubkey(), vetoed);
    ctx.assert_refused(ix, &[&stranger], GovernanceError::NotGuardian, &[vetoed]);
    // During its vote: the whale has voted, the guardian stops it anyway.
    vote(&mut ctx, &whale, 0, vetoed, VoteChoice::Yes).expect("vote");
    vote(&mut ctx, &whale, 0, late, VoteChoice::Yes).expect("vote");
    let ix = client::proposal_veto(guardian.pubkey(), vetoed);
    let event: ProposalChanged = ctx
        .send(&[ix], &[&guardian])
        .expect("veto")
        .event(&client::ID);
    assert_eq!(event.state, ProposalState::Vetoed);
    ctx.warp_by(3 * DAY);
    let ix = client::proposal_finalize(ctx.payer.pubkey(), vetoed);
    ctx.assert_refused(ix, &[], GovernanceError::WrongProposalState, &[vetoed]);
    finalize(&mut ctx, late).expect("finalise");
    ctx.warp_by(2 * DAY);
    let ix = client::proposal_execute(ctx.payer.pubkey(), vetoed, 0, &client::store(&transfer));
    ctx.assert_refused(ix, &[], GovernanceError::ProposalVetoed, &[vetoed]);
    let ix = client::proposal_veto(guardian.pubkey(), late);
    ctx.assert_refused(ix, &[&guardian], GovernanceError::VetoWindowOver, &[late]);
    execute(&mut ctx, late, 0, &transfer).expect("the unvetoed one executes");
}

#[test]
fn a_position_votes_once_with_a_lockup_past_the_hold_up() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let short = holder(&mut ctx, 1_000);
    open_position(&mut ctx, &short, 0, 1_000 * IO, 5 * DAY - 1).expect("short lockup");
    let exact = holder(&mut ctx, 1_000);
    open_position(&mut ctx, &exact, 0, 1_000 * IO, 5 * DAY).expect("exact lockup");
    let transfer = treasury_transfer(&Pubkey::new_unique(), SOL);
    let draft_only = draft(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    let ix = client::vote_cast(whale.key.pubkey(), 0, draft_only, VoteChoice::Yes);
    ctx.assert_refused(
        ix,
        &[&whale.key],
        GovernanceError::WrongProposalState,
        &[draft_only],
    );
    let proposal = propose(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    vote(&mut ctx, &whale, 0, proposal, VoteChoice::No).expect("vote");
    let marker = client::vote_address(&proposal, &client::position_address(&whale.key.pubkey(), 0));
    let ix = client::vote_cast(whale.key.pubkey(), 0, proposal, VoteChoice::Yes);
    ctx.assert_refused(
        ix,
        &[&whale.key],
        GovernanceError::AlreadyVoted,
        &[proposal, marker],
    );
    // The proposal executes at +5 days: a lockup ending earlier cannot vote.
    let ix = client::vote_cast(short.key.pubkey(), 0, proposal, VoteChoice::Yes);
    ctx.assert_refused(
        ix,
        &[&short.key],
        GovernanceError::LockupTooShort,
        &[proposal],
    );
    vote(&mut ctx, &exact, 0, proposal, VoteChoice::Abstain).expect("a lockup to the day");
    // Another holder's position.
    let mut ix = client::vote_cast(short.key.pubkey(), 0, proposal, VoteChoice::Yes);
    let whale_position = client::position_address(&whale.key.pubkey(), 0);
    ix.accounts[3].pubkey = whale_position;
    ix.accounts[4].pubkey = marker;
    ctx.assert_refused(
        ix,
        &[&short.key],
        GovernanceError::NotPositionOwner,
        &[proposal],
    );
    // Votes stay until the vote ends.
    let ix = client::vote_relinquish(exact.key.pubkey(), 0, proposal);
    ctx.assert_refused(ix, &[&exact.key], GovernanceError::VotingOpen, &[proposal]);
    ctx.warp_by(3 * DAY);
    let ix = client::vote_cast(short.key.pubkey(), 0, proposal, VoteChoice::Yes);
    ctx.assert_refused(
        ix,
        &[&short.key],
        GovernanceError::VotingClosed,
        &[proposal],
    );
    let outcome: ProposalChanged = finalize(&mut ctx, proposal)
        .expect("finalise")
        .event(&client::ID);
    assert_eq!(
        (outcome.state, outcome.voters, outcome.yes_power),
        (ProposalState::Defeated, 2, 0)
    );
    // A position with a vote not relinquished cannot withdraw, even after its lockup.
    ctx.warp_by(2 * DAY);
    let key = exact.key.insecure_clone();
    let withdraw = client::position_withdraw(key.pubkey(), exact.io, 0);
    let address = client::position_address(&key.pubkey(), 0);
    ctx.assert_refused(
        withdraw.clone(),
        &[&key],
        GovernanceError::PositionHasVotes,
        &[address],
    );
    let ix = client::vote_relinquish(key.pubkey(), 0, proposal);
    ctx.send(&[ix], &[&key]).expect("relinquish");
    ctx.send(&[withdraw], &[&key]).expect("withdraw");
}

#[test]
fn creation_and_drafting_rules() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let minnow = holder(&mut ctx, 1_000);
    open_position(&mut ctx, &minnow, 0, 1_000 * IO, 4 * YEAR).expect("position");
    let index = config(&ctx).proposals_created;
    let ix = client::proposal_create(minnow.key.pubkey(), 0, index, [1; 32]);
    ctx.assert_refused(
        ix,
        &[&minnow.key],
        GovernanceError::BelowProposalThreshold,
        &[client::proposal_address(index)],
    );
    // The deposit leaves the creator and waits in the proposal.
    let before = ctx.lamports(&whale.key.pubkey());
    let proposal = draft(&mut ctx, &whale, 0, &[]);
    let held = ctx.lamports(&proposal);
    assert!(held > SOL && before - ctx.lamports(&whale.key.pubkey()) >= held);
    let key = whale.key.insecure_clone();
    let transfer = client::store(&treasury_transfer(&Pubkey::new_unique(), 1));
    let ix = client::proposal_add_instruction(minnow.key.pubkey(), proposal, 0, transfer.clone());
    ctx.assert_refused(
        ix,
        &[&minnow.key],
        GovernanceError::NotProposalCreator,
        &[proposal],
    );
    let ix = client::proposal_add_instruction(key.pubkey(), proposal, 1, transfer.clone());
    ctx.assert_refused(
        ix,
        &[&key],
        GovernanceError::InstructionOutOfOrder,
        &[proposal],
    );
    let mut wide = transfer.clone();
    wide.accounts = vec![wide.accounts[0]; 17];
    let ix = client::proposal_add_instruction(key.pubkey(), proposal, 0, wide);
    ctx.assert_refused(ix, &[&key], GovernanceError::ProposalTooLarge, &[proposal]);
    let mut long = transfer.clone();
    long.data = vec![0; 225];
    let ix = client::proposal_add_instruction(key.pubkey(), proposal, 0, long);
    ctx.assert_refused(ix, &[&key], GovernanceError::ProposalTooLarge, &[proposal]);
    let ix = client::proposal_sign_off(key.pubkey(), proposal);
    ctx.assert_refused(ix, &[&key], GovernanceError::ProposalEmpty, &[proposal]);
    for index in 0..8 {
        let ix = client::proposal_add_instruction(key.pubkey(), proposal, index, transfer.clone());
        ctx.send(&[ix], &[&key]).expect("within the bound");
    }
    let ix = client::proposal_add_instruction(key.pubkey(), proposal, 8, transfer.clone());
    ctx.assert_refused(ix, &[&key], GovernanceError::ProposalTooLarge, &[proposal]);
    let ix = client::proposal_close(ctx.payer.pubkey(), proposal, key.pubkey(), 8);
    ctx.assert_refused(ix, &[], GovernanceError::ProposalNotFinal, &[proposal]);
    let ix = client::proposal_sign_off(key.pubkey(), proposal);
    ctx.send(&[ix], &[&key]).expect("sign off");
    let ix = client::proposal_add_instruction(key.pubkey(), proposal, 8, transfer);
    ctx.assert_refused(
        ix,
        &[&key],
        GovernanceError::WrongProposalState,
        &[proposal],
    );

    // Cancelled before any vote, it closes and returns everything; with a vote, it cannot.
    let voted = propose(
        &mut ctx,
        &whale,
        0,
        &[treasury_transfer(&Pubkey::new_unique(), 1)],
    );
    vote(&mut ctx, &whale, 0, voted, VoteChoice::Yes).expect("vote");
    let ix = client::proposal_cancel(key.pubkey(), voted);
    ctx.assert_refused(ix, &[&key], GovernanceError::ProposalHasVotes, &[voted]);
    let ix = client::proposal_cancel(key.pubkey(), proposal);
    let event: ProposalChanged = ctx.send(&[ix], &[&key]).expect("cancel").event(&client::ID);
    assert_eq!(event.state, ProposalState::Cancelled);
    let before = ctx.lamports(&key.pubkey());
    let held: u64 = std::iter::once(proposal)
        .chain((0..8).map(|i| client::proposal_instruction_address(&proposal, i)))
        .map(|a| ctx.lamports(&a))
        .sum();
    let ix = client::proposal_close(ctx.payer.pubkey(), proposal, key.pubkey(), 8);
    let closed: ProposalClosed = ctx.send(&[ix], &[]).expect("close").event(&client::ID);
    assert_eq!(closed.refunded_lamports, held);
    assert_eq!(ctx.lamports(&key.pubkey()), before + held);
}

#[test]
fn execution_checks_accounts_and_signers() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let recipient = Pubkey::new_unique();
    let foreign = ctx.funded_keypair();
    // A transfer that needs another key's signature, which governance cannot give, after a
    // valid one.
    let mut foreign_transfer = treasury_transfer(&recipient, SOL);
    foreign_transfer.accounts[0] = AccountMeta::new(foreign.pubkey(), true);
    let transfer = treasury_transfer(&recipient, SOL);
    let proposal = propose(
        &mut ctx,
        &whale,
        0,
        &[transfer.clone(), foreign_transfer.clone()],
    );
    vote(&mut ctx, &whale, 0, proposal, VoteChoice::Yes).expect("vote");
    ctx.warp_by(5 * DAY);
    finalize(&mut ctx, proposal).expect("finalise");
    let watched = [
        proposal,
        client::proposal_instruction_address(&proposal, 0),
        recipient,
    ];
    // Other accounts than stored: another recipient, another program, one account missing.
    let stored = client::store(&transfer);
    let mut other = stored.clone();
    other.accounts[1].pubkey = Pubkey::new_unique();
    let ix = client::proposal_execute(ctx.payer.pubkey(), proposal, 0, &other);
    ctx.assert_refused(ix, &[], GovernanceError::AccountsMismatch, &watched);
    let mut ix = client::proposal_execute(ctx.payer.pubkey(), proposal, 0, &stored);
    let program_at = ix.accounts.len() - 3;
    ix.accounts[program_at].pubkey = io_client::market::ID;
    ctx.assert_refused(ix, &[], GovernanceError::AccountsMismatch, &watched);
    let mut ix = client::proposal_execute(ctx.payer.pubkey(), proposal, 0, &stored);
    ix.accounts.pop();
    ctx.assert_refused(ix, &[], GovernanceError::AccountsMismatch, &watched);
    // The proposal stays executable: the valid instruction runs.
    execute(&mut ctx, proposal, 0, &transfer).expect("execute");
    assert_eq!(ctx.lamports(&recipient), SOL);
    let watched = [
        proposal,
        client::proposal_instruction_address(&proposal, 1),
        recipient,
    ];
    let ix = client::proposal_execute(
        ctx.payer.pubkey(),
        proposal,
        1,
        &client::store(&foreign_transfer),
    );
    ctx.assert_refused(ix, &[], GovernanceError::ForeignSigner, &watched);
    assert_eq!(
        proposal_state(&ctx, &proposal).state,
        ProposalState::Succeeded
    );
}

fn proposal_state(ctx: &TestContext, address: &Pubkey) -> client::Proposal {
    proposal(ctx, address)
}

/// The remaining refusals, each by name and without effect.
#[test]
fn remaining_refusals() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let other = holder(&mut ctx, 1_000);
    open_position(&mut ctx, &other, 0, 1_000 * IO, 4 * YEAR).expect("position");
    let key = whale.key.insecure_clone();

    // Governance's parameters change only through the governance PDA.
    let ix = client::params_set(key.pubkey(), io_client::defaults::GOVERNANCE_PARAMS);
    ctx.assert_refused(
        ix,
        &[&key],
        GovernanceError::NotAuthority,
        &[client::config_address()],
    );
    // A proposal qualified by someone else's position.
    let index = config(&ctx).proposals_created;
    let mut ix = client::proposal_create(other.key.pubkey(), 0, index, [1; 32]);
    ix.accounts[2].pubkey = client::position_address(&key.pubkey(), 0);
    ctx.assert_refused(
        ix,
        &[&other.key],
        GovernanceError::NotPositionOwner,
        &[client::proposal_address(index)],
    );

    let transfer = treasury_transfer(&Pubkey::new_unique(), SOL);
    let proposal = draft(&mut ctx, &whale, 0, std::slice::from_ref(&transfer));
    let ix = client::proposal_sign_off(other.key.pubkey(), proposal);
    ctx.assert_refused(
        ix,
        &[&other.key],
        GovernanceError::NotProposalCreator,
        &[proposal],
    );
    let ix = client::proposal_sign_off(key.pubkey(), proposal);
    ctx.send(std::slice::from_ref(&ix), &[&key])
        .expect("sign off");
    ctx.assert_refused(
        ix,
        &[&key],
        GovernanceError::WrongProposalState,
        &[proposal],
    );
    vote(&mut ctx, &whale, 0, proposal, VoteChoice::Yes).expect("vote");
    ctx.warp_by(3 * DAY);
    finalize(&mut ctx, proposal).expect("finalise");
    let ix = client::proposal_finalize(ctx.payer.pubkey(), proposal);
    ctx.assert_refused(ix, &[], GovernanceError::WrongProposalState, &[proposal]);
    let ix = client::proposal_cancel(key.pubkey(), proposal);
    ctx.assert_refused(
        ix,
        &[&key],
        GovernanceError::WrongProposalState,
        &[proposal],
    );
    ctx.warp_by(2 * DAY);
    execute(&mut ctx, proposal, 0, &transfer).expect("execute");
    // Closing needs all its instruction accounts, and only its own.
    let ix = client::proposal_close(ctx.payer.pubkey(), proposal, key.pubkey(), 0);
    ctx.assert_refused(ix, &[], GovernanceError::ProposalMismatch, &[proposal]);
    // Relinquishing another position's vote.
    let mut ix = client::vote_relinquish(other.key.pubkey(), 0, proposal);
    ix.accounts[2].pubkey =
        client::vote_address(&proposal, &client::position_address(&key.pubkey(), 0));
    ctx.assert_refused(
        ix,
        &[&other.key],
        GovernanceError::ProposalMismatch,
        &[proposal],
    );
    let ix = client::proposal_close(ctx.payer.pubkey(), proposal, key.pubkey(), 1);
    ctx.send(&[ix], &[]).expect("close");
    // A vote relinquishes even after its proposal closed.
    let ix = client::vote_relinquish(key.pubkey(), 0, proposal);
    ctx.send(&[ix], &[&key]).expect("relinquish after close");
}

/// A passed proposal that cannot execute (here: it needs a signer governance cannot give) stays
/// executable for 30 days after its hold-up; then nothing more runs and it closes, its deposit
/// back to the creator.
#[test]
fn a_passed_proposal_expires_after_its_execution_window() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let foreign = ctx.funded_keypair();
    let mut stuck = treasury_transfer(&Pubkey::new_unique(), SOL);
    stuck.accounts[0] = AccountMeta::new(foreign.pubkey(), true);
    let proposal = propose(&mut ctx, &whale, 0, std::slice::from_ref(&stuck));
    vote(&mut ctx, &whale, 0, proposal, VoteChoice::Yes).expect("vote");
    ctx.warp_by(5 * DAY);
    finalize(&mut ctx, proposal).expect("finalise");
    let close = client::proposal_close(ctx.payer.pubkey(), proposal, whale.key.pubkey(), 1);
    ctx.assert_refused(
        close.clone(),
        &[],
        GovernanceError::ProposalNotFinal,
        &[proposal],
    );
    ctx.warp_by(30 * DAY);
    let ix = client::proposal_execute(ctx.payer.pubkey(), proposal, 0, &client::store(&stuck));
    ctx.assert_refused(ix, &[], GovernanceError::ExecutionWindowOver, &[proposal]);
    let closed: ProposalClosed = ctx.send(&[close], &[]).expect("close").event(&client::ID);
    assert_eq!(closed.state, ProposalState::Succeeded);
}

/// Another account as the vault, and power that overflows: refused by name, nothing moves.
#[test]
fn refuses_a_foreign_vault_and_overflowing_power() {
    let mut ctx = deployment();
    let holder = holder(&mut ctx, 0);
    // 5·10¹⁸ base units at 4× overflow a u64 of power.
    ctx.mint_io(&holder.io, 5_000_000_000_000_000_000);
    let key = holder.key.insecure_clone();
    let end = ctx.now() + 4 * YEAR;
    let position = client::position_address(&key.pubkey(), 0);
    let ix = client::position_open(key.pubkey(), holder.io, 0, 5_000_000_000_000_000_000, end);
    ctx.assert_refused(
        ix,
        &[&key],
        GovernanceError::MathOverflow,
        &[position, holder.io],
    );
    let mut ix = client::position_open(key.pubkey(), holder.io, 0, IO, end);
    ix.accounts[4].pubkey = ctx.treasury;
    ctx.assert_refused(ix, &[&key], GovernanceError::VaultMismatch, &[position]);
}

/// Review finding Medium 5: a proposal's instructions execute in the order they were stored;
/// the second before the first is refused and changes nothing.
#[test]
fn stored_instructions_execute_in_order() {
    let mut ctx = deployment();
    let whale = whale(&mut ctx);
    let (first, second) = (Pubkey::new_unique(), Pubkey::new_unique());
    let instructions = [
        treasury_transfer(&first, SOL),
        treasury_transfer(&second, SOL),
    ];
    let proposal = propose(&mut ctx, &whale, 0, &instructions);
    vote(&mut ctx, &whale, 0, proposal, VoteChoice::Yes).expect("vote");
    ctx.warp_by(3 * DAY);
    finalize(&mut ctx, proposal).expect("finalise");
    ctx.warp_by(2 * DAY);
    let out_of_order = client::proposal_execute(
        ctx.payer.pubkey(),
        proposal,
        1,
        &client::store(&instructions[1]),
    );
    ctx.assert_refused(
        out_of_order,
        &[],
        GovernanceError::ExecutedOutOfOrder,
        &[
            proposal,
            second,
            client::proposal_instruction_address(&proposal, 1),
        ],
    );
    execute(&mut ctx, proposal, 0, &instructions[0]).expect("the first");
    execute(&mut ctx, proposal, 1, &instructions[1]).expect("then the second");
    assert_eq!((ctx.lamports(&first), ctx.lamports(&second)), (SOL, SOL));
}
