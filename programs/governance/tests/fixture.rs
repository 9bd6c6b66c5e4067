//! What the governance tests share: a deployment whose governance config is governed by the
//! governance PDA, holders with IO, positions, and proposals built from ordinary instructions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::governance as client;
use io_harness::{IO, Keypair, Outcome, Signer, TestContext};

pub const DAY: i64 = 86_400;
pub const YEAR: i64 = 365 * DAY;

/// An IO holder with its IO account.
pub struct Holder {
    pub key: Keypair,
    pub io: Pubkey,
}

/// Every config initialised (governance's authority is the governance PDA), and the governance
/// PDA funded with 10 SOL of treasury.
pub fn deployment() -> TestContext {
    let mut ctx = TestContext::builder().with_configs().build();
    ctx.fund(&client::governance_address(), 10_000_000_000);
    ctx
}

/// A holder with `io_whole` IO.
pub fn holder(ctx: &mut TestContext, io_whole: u64) -> Holder {
    let key = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let io = ctx.token_account(&mint, &key.pubkey());
    ctx.mint_io(&io, io_whole * IO);
    Holder { key, io }
}

pub fn open_position(
    ctx: &mut TestContext,
    holder: &Holder,
    id: u64,
    amount: u64,
    lockup_secs: i64,
) -> Outcome {
    let end = ctx.now() + lockup_secs;
    let ix = client::position_open(holder.key.pubkey(), holder.io, id, amount, end);
    ctx.send(&[ix], &[&holder.key])
}

pub fn position(ctx: &TestContext, holder: &Holder, id: u64) -> client::Position {
    ctx.fetch(&client::position_address(&holder.key.pubkey(), id))
}

pub fn proposal(ctx: &TestContext, address: &Pubkey) -> client::Proposal {
    ctx.fetch(address)
}

pub fn config(ctx: &TestContext) -> client::Config {
    client::fetch_config(ctx).expect("config")
}

/// A draft by `creator` (qualified by its position `position_id`) holding `instructions`;
/// returns its address.
pub fn draft(
    ctx: &mut TestContext,
    creator: &Holder,
    position_id: u64,
    instructions: &[Instruction],
) -> Pubkey {
    let index = config(ctx).proposals_created;
    let key = creator.key.pubkey();
    let ix = client::proposal_create(key, position_id, index, [7; 32]);
    ctx.send(&[ix], &[&creator.key]).expect("proposal created");
    let address = client::proposal_address(index);
    for (i, instruction) in instructions.iter().enumerate() {
        let stored = client::store(instruction);
        let ix = client::proposal_add_instruction(key, address, u8::try_from(i).unwrap(), stored);
        ctx.send(&[ix], &[&creator.key]).expect("instruction added");
    }
    address
}

/// A proposal in its vote holding `instructions`.
pub fn propose(
    ctx: &mut TestContext,
    creator: &Holder,
    position_id: u64,
    instructions: &[Instruction],
) -> Pubkey {
    let address = draft(ctx, creator, position_id, instructions);
    let ix = client::proposal_sign_off(creator.key.pubkey(), address);
    ctx.send(&[ix], &[&creator.key]).expect("signed off");
    address
}

pub fn vote(
    ctx: &mut TestContext,
    voter: &Holder,
    position_id: u64,
    proposal: Pubkey,
    choice: client::VoteChoice,
) -> Outcome {
    let ix = client::vote_cast(voter.key.pubkey(), position_id, proposal, choice);
    ctx.send(&[ix], &[&voter.key])
}

/// Finalises `proposal` (after its vote), sent by the payer.
pub fn finalize(ctx: &mut TestContext, proposal: Pubkey) -> Outcome {
    let ix = client::proposal_finalize(ctx.payer.pubkey(), proposal);
    ctx.send(&[ix], &[])
}

/// Executes stored instruction `index` of `proposal`, which is `instruction`.
pub fn execute(
    ctx: &mut TestContext,
    proposal: Pubkey,
    index: u8,
    instruction: &Instruction,
) -> Outcome {
    let stored = client::store(instruction);
    let ix = client::proposal_execute(ctx.payer.pubkey(), proposal, index, &stored);
    ctx.send(&[ix], &[])
}

/// A transfer of `lamports` from the governance PDA's treasury to `to`.
pub fn treasury_transfer(to: &Pubkey, lamports: u64) -> Instruction {
    let mut data = 2u32.to_le_bytes().to_vec();
    data.extend_from_slice(&lamports.to_le_bytes());
    Instruction {
        program_id: anchor_lang::system_program::ID,
        accounts: vec![
            anchor_lang::solana_program::instruction::AccountMeta::new(
                client::governance_address(),
                true,
            ),
            anchor_lang::solana_program::instruction::AccountMeta::new(*to, false),
        ],
        data,
    }
}
