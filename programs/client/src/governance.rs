//! Client of the governance program: addresses, instruction builders and fetchers, and
//! [`store`], which turns any instruction into the form a proposal stores.

crate::program::program_client!(::governance, GovernanceConfig);

pub use program::constants::{
    SEED_GOVERNANCE, SEED_POSITION, SEED_PROPOSAL, SEED_PROPOSAL_IX, SEED_VAULT, SEED_VOTE,
};
pub use program::state::{Position, Proposal, ProposalInstruction, VoteMarker, voting_power};
pub use program::{
    GovernanceParams, ProposalState, Role, StoredInstruction, StoredMeta, VoteChoice, events,
};

const TOKEN_PROGRAM: Pubkey = anchor_spl::token::ID;
const SYSTEM_PROGRAM: Pubkey = anchor_lang::system_program::ID;

/// The governance PDA: the authority of the other programs' configs, the signer of executed
/// proposals.
pub fn governance_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_GOVERNANCE], &ID).0
}

/// The vault of locked IO.
pub fn vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_VAULT], &ID).0
}

/// `owner`'s position `id`.
pub fn position_address(owner: &Pubkey, id: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_POSITION, owner.as_ref(), &id.to_le_bytes()], &ID).0
}

/// Proposal number `index` (the config's `proposals_created` at creation).
pub fn proposal_address(index: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_PROPOSAL, &index.to_le_bytes()], &ID).0
}

/// Stored instruction `index` of `proposal`.
pub fn proposal_instruction_address(proposal: &Pubkey, index: u8) -> Pubkey {
    Pubkey::find_program_address(&[SEED_PROPOSAL_IX, proposal.as_ref(), &[index]], &ID).0
}

/// The vote marker of `position` on `proposal`.
pub fn vote_address(proposal: &Pubkey, position: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_VOTE, proposal.as_ref(), position.as_ref()], &ID).0
}

/// An instruction as a proposal stores it.
pub fn store(ix: &Instruction) -> StoredInstruction {
    StoredInstruction {
        program_id: ix.program_id,
        accounts: ix
            .accounts
            .iter()
            .map(|meta| StoredMeta {
                pubkey: meta.pubkey,
                is_signer: meta.is_signer,
                is_writable: meta.is_writable,
            })
            .collect(),
        data: ix.data.clone(),
    }
}

/// `config_init`, signed and paid by the build-time deployer; creates the vault for `io_mint`.
pub fn config_init(deployer: Pubkey, io_mint: Pubkey, args: ConfigInitArgs) -> Instruction {
    instruction(
        program::accounts::ConfigInit {
            deployer,
            config: config_address(),
            governance: governance_address(),
            io_mint,
            vault: vault_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ConfigInit { args },
    )
}

/// `params_set`, signed by the authority (the governance PDA: store it in a proposal).
pub fn params_set(authority: Pubkey, params: GovernanceParams) -> Instruction {
    authority_change(authority, program::instruction::ParamsSet { params })
}

/// `position_open`: `owner` locks `amount` from its IO account `owner_io` until `lockup_end`.
pub fn position_open(
    owner: Pubkey,
    owner_io: Pubkey,
    id: u64,
    amount: u64,
    lockup_end: i64,
) -> Instruction {
    instruction(
        program::accounts::PositionOpen {
            owner,
            config: config_address(),
            position: position_address(&owner, id),
            owner_io,
            vault: vault_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::PositionOpen {
            id,
            amount,
            lockup_end,
        },
    )
}

pub fn position_extend(owner: Pubkey, id: u64, lockup_end: i64) -> Instruction {
    instruction(
        program::accounts::PositionExtend {
            owner,
            config: config_address(),
            position: position_address(&owner, id),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::PositionExtend { lockup_end },
    )
}

pub fn position_withdraw(owner: Pubkey, owner_io: Pubkey, id: u64) -> Instruction {
    instruction(
        program::accounts::PositionWithdraw {
            owner,
            config: config_address(),
            position: position_address(&owner, id),
            owner_io,
            vault: vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::PositionWithdraw {},
    )
}

/// `proposal_create`: proposal number `index` (the config's `proposals_created`), qualified by
/// `creator`'s position `position_id`.
pub fn proposal_create(
    creator: Pubkey,
    position_id: u64,
    index: u64,
    description_hash: [u8; 32],
) -> Instruction {
    instruction(
        program::accounts::ProposalCreate {
            creator,
            config: config_address(),
            position: position_address(&creator, position_id),
            proposal: proposal_address(index),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalCreate { description_hash },
    )
}

/// `proposal_add_instruction`: stores `ix` as instruction `index` of `proposal`.
pub fn proposal_add_instruction(
    creator: Pubkey,
    proposal: Pubkey,
    index: u8,
    ix: StoredInstruction,
) -> Instruction {
    instruction(
        program::accounts::ProposalAddInstruction {
            creator,
            proposal,
            proposal_instruction: proposal_instruction_address(&proposal, index),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalAddInstruction {
            index,
            instruction: ix,
        },
    )
}

pub fn proposal_sign_off(creator: Pubkey, proposal: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProposalSignOff {
            creator,
            config: config_address(),
            proposal,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalSignOff {},
    )
}

pub fn proposal_cancel(creator: Pubkey, proposal: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProposalCreatorChange {
            creator,
            proposal,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalCancel {},
    )
}

/// `vote_cast`: `voter`'s position `position_id` votes `choice` on `proposal`.
pub fn vote_cast(
    voter: Pubkey,
    position_id: u64,
    proposal: Pubkey,
    choice: VoteChoice,
) -> Instruction {
    let position = position_address(&voter, position_id);
    instruction(
        program::accounts::VoteCast {
            voter,
            config: config_address(),
            proposal,
            position,
            marker: vote_address(&proposal, &position),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::VoteCast { choice },
    )
}

pub fn vote_relinquish(voter: Pubkey, position_id: u64, proposal: Pubkey) -> Instruction {
    let position = position_address(&voter, position_id);
    instruction(
        program::accounts::VoteRelinquish {
            voter,
            proposal,
            position,
            marker: vote_address(&proposal, &position),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::VoteRelinquish {},
    )
}

pub fn proposal_finalize(anyone: Pubkey, proposal: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProposalFinalize {
            anyone,
            proposal,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalFinalize {},
    )
}

pub fn proposal_veto(guardian: Pubkey, proposal: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProposalVeto {
            guardian,
            config: config_address(),
            proposal,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalVeto {},
    )
}

/// `proposal_execute` of instruction `index`, whose stored form is `stored`: the remaining
/// accounts are its program and its accounts as stored (the governance PDA not a signer of the
/// outer transaction: the program signs for it).
pub fn proposal_execute(
    executor: Pubkey,
    proposal: Pubkey,
    index: u8,
    stored: &StoredInstruction,
) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::ProposalExecute {
            executor,
            config: config_address(),
            proposal,
            proposal_instruction: proposal_instruction_address(&proposal, index),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalExecute {},
    );
    ix.accounts
        .push(AccountMeta::new_readonly(stored.program_id, false));
    for meta in &stored.accounts {
        ix.accounts.push(if meta.is_writable {
            AccountMeta::new(meta.pubkey, false)
        } else {
            AccountMeta::new_readonly(meta.pubkey, false)
        });
    }
    ix
}

/// `proposal_close`: closes `proposal` and its `instruction_count` instruction accounts; the
/// rent and deposit go to `creator`.
pub fn proposal_close(
    anyone: Pubkey,
    proposal: Pubkey,
    creator: Pubkey,
    instruction_count: u8,
) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::ProposalClose {
            anyone,
            proposal,
            rent_payer: creator,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProposalClose {},
    );
    for index in 0..instruction_count {
        ix.accounts.push(AccountMeta::new(
            proposal_instruction_address(&proposal, index),
            false,
        ));
    }
    ix
}
