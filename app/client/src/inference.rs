//! Client of the inference program: addresses, instruction builders and fetchers.

crate::program::program_client!(::inference, InferenceConfig);
crate::program::standard_config_init!();

pub use program::constants::SEED_MODEL;
pub use program::state::Model;
pub use program::{Currency, ModelTerms, RevenueSplit, events};

/// `owner`'s model `model_id`.
pub fn model_address(owner: &Pubkey, model_id: &[u8; 32]) -> Pubkey {
    Pubkey::find_program_address(&[SEED_MODEL, owner.as_ref(), model_id], &ID).0
}

fn instruction(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

fn event_authority() -> Pubkey {
    crate::event_authority(&ID)
}

/// `model_register`, signed and paid by `owner`.
pub fn model_register(
    owner: Pubkey,
    model_id: [u8; 32],
    content_hash: [u8; 32],
    terms: ModelTerms,
) -> Instruction {
    instruction(
        program::accounts::ModelRegister {
            owner,
            model: model_address(&owner, &model_id),
            system_program: anchor_lang::system_program::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ModelRegister {
            model_id,
            content_hash,
            terms,
        },
    )
}

fn model_change(owner: Pubkey, model_id: &[u8; 32], data: impl InstructionData) -> Instruction {
    instruction(
        program::accounts::ModelChange {
            owner,
            model: model_address(&owner, model_id),
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn model_update(owner: Pubkey, model_id: &[u8; 32], terms: ModelTerms) -> Instruction {
    model_change(owner, model_id, program::instruction::ModelUpdate { terms })
}

pub fn model_set_paused(owner: Pubkey, model_id: &[u8; 32], paused: bool) -> Instruction {
    model_change(
        owner,
        model_id,
        program::instruction::ModelSetPaused { paused },
    )
}

pub fn model_retire(owner: Pubkey, model_id: &[u8; 32]) -> Instruction {
    model_change(owner, model_id, program::instruction::ModelRetire {})
}

pub fn model_close(owner: Pubkey, model_id: &[u8; 32], rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::ModelClose {
            owner,
            model: model_address(&owner, model_id),
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ModelClose {},
    )
}
