//! Client of the inference program: addresses, instruction builders and fetchers, and the
//! settlement of a session receipt (the ed25519 precompile instruction and `session_settle`).
//! Receipts themselves are signed and verified with `io_receipt` (feature `client`).

crate::program::program_client!(::inference, InferenceConfig);

pub use io_receipt::{Receipt, ReceiptDomain};
pub use program::constants::{SEED_IO_VAULT, SEED_MODEL, SEED_SESSION};
pub use program::state::{Model, Session, split_totals};
pub use program::{Currency, ModelTerms, Pause, RevenueSplit, Role, SessionOpenArgs, events};

const TOKEN_PROGRAM: Pubkey = anchor_spl::token::ID;

/// The IO vault: IO sessions' deposits and model owners' unclaimed IO.
pub fn io_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_IO_VAULT], &ID).0
}

/// The program's IOSD escrow: the iosd holder account of its spender PDA.
pub fn escrow_address() -> Pubkey {
    crate::iosd::escrow_address(&ID)
}

/// Session number `nonce` (the model's `sessions_created` at open) of `model`.
pub fn session_address(model: &Pubkey, nonce: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SESSION, model.as_ref(), &nonce.to_le_bytes()], &ID).0
}

/// Where receipts of this deployment are valid: this program on the cluster of `genesis_hash`.
pub fn receipt_domain(genesis_hash: [u8; 32]) -> ReceiptDomain {
    ReceiptDomain {
        program_id: ID,
        genesis_hash,
    }
}

/// `owner`'s token account of `currency`: its IOSD holder, or its associated IO account.
pub fn funds_address(owner: &Pubkey, currency: Currency, io_mint: &Pubkey) -> Pubkey {
    match currency {
        Currency::Iosd => crate::iosd::holder_address(owner),
        Currency::Io => anchor_spl::associated_token::get_associated_token_address(owner, io_mint),
    }
}

/// `config_init`, signed and paid by the build-time deployer; creates the IO vault for `io_mint`.
pub fn config_init(deployer: Pubkey, io_mint: Pubkey, args: ConfigInitArgs) -> Instruction {
    instruction(
        program::accounts::ConfigInit {
            deployer,
            config: config_address(),
            io_mint,
            iosd_mint: crate::iosd::iosd_mint_address(),
            io_vault: io_vault_address(),
            token_program: TOKEN_PROGRAM,
            system_program: anchor_lang::system_program::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ConfigInit { args },
    )
}

/// The iosd accounts every money instruction names.
fn iosd_accounts() -> program::accounts::IosdAccounts {
    program::accounts::IosdAccounts {
        spender: crate::iosd::spender_address(&ID),
        iosd_config: crate::iosd::config_address(),
        iosd_mint: crate::iosd::iosd_mint_address(),
        escrow: escrow_address(),
        token_program: TOKEN_PROGRAM,
        iosd_event_authority: crate::event_authority(&crate::iosd::ID),
        iosd_program: crate::iosd::ID,
    }
}

/// `owner`'s model `model_id`.
pub fn model_address(owner: &Pubkey, model_id: &[u8; 32]) -> Pubkey {
    Pubkey::find_program_address(&[SEED_MODEL, owner.as_ref(), model_id], &ID).0
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
            config: config_address(),
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

/// `model_claim`: the owner takes its credited share in `currency` into `destination` (its
/// IOSD holder or an IO account it owns; [`funds_address`] gives the usual one).
pub fn model_claim(
    owner: Pubkey,
    model_id: &[u8; 32],
    currency: Currency,
    destination: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::ModelClaim {
            owner,
            config: config_address(),
            model: model_address(&owner, model_id),
            destination,
            io_vault: io_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ModelClaim { currency },
    )
}

/// `burn_sweep`: anyone (`sweeper`) burns what payments and settlements accrued to burn in
/// `currency`.
pub fn burn_sweep(sweeper: Pubkey, currency: Currency, io_mint: Pubkey) -> Instruction {
    instruction(
        program::accounts::BurnSweep {
            sweeper,
            config: config_address(),
            io_vault: io_vault_address(),
            io_mint,
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::BurnSweep { currency },
    )
}

/// What a money instruction of a session or a direct payment names besides the user: the
/// model, its currency's accounts and the provider's payout account.
#[derive(Clone, Copy, Debug)]
pub struct Payment {
    pub model: Pubkey,
    pub currency: Currency,
    pub io_mint: Pubkey,
    /// The serving provider's IOSD holder or IO account.
    pub provider_payout: Pubkey,
}

/// `inference_pay`: `user` pays for `requests` requests and `tokens` tokens from its IOSD holder
/// or associated IO account, refusing more than `max_amount`.
pub fn inference_pay(
    user: Pubkey,
    payment: Payment,
    requests: u16,
    tokens: u64,
    max_amount: u64,
) -> Instruction {
    instruction(
        program::accounts::InferencePay {
            user,
            config: config_address(),
            model: payment.model,
            user_funds: funds_address(&user, payment.currency, &payment.io_mint),
            provider_payout: payment.provider_payout,
            io_vault: io_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::InferencePay {
            requests,
            tokens,
            max_amount,
        },
    )
}

/// `session_open`: session number `nonce` of `payment.model` (the model's `sessions_created`),
/// funded from the user's IOSD holder or associated IO account.
pub fn session_open(
    user: Pubkey,
    payment: Payment,
    nonce: u64,
    args: SessionOpenArgs,
) -> Instruction {
    instruction(
        program::accounts::SessionOpen {
            user,
            config: config_address(),
            model: payment.model,
            session: session_address(&payment.model, nonce),
            user_funds: funds_address(&user, payment.currency, &payment.io_mint),
            provider_payout: payment.provider_payout,
            io_vault: io_vault_address(),
            iosd: iosd_accounts(),
            system_program: anchor_lang::system_program::ID,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SessionOpen { args },
    )
}

/// `session_top_up` of `session` by `amount`.
pub fn session_top_up(user: Pubkey, session: Pubkey, payment: Payment, amount: u64) -> Instruction {
    instruction(
        program::accounts::SessionTopUp {
            user,
            config: config_address(),
            session,
            model: payment.model,
            user_funds: funds_address(&user, payment.currency, &payment.io_mint),
            provider_payout: payment.provider_payout,
            io_vault: io_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SessionTopUp { amount },
    )
}

/// The `session_settle` instruction alone; it must directly follow the receipt's ed25519
/// instruction ([`session_settle`] builds both).
pub fn session_settle_instruction(
    submitter: Pubkey,
    session: Pubkey,
    payment: Payment,
) -> Instruction {
    instruction(
        program::accounts::SessionSettle {
            submitter,
            config: config_address(),
            session,
            model: payment.model,
            provider_payout: payment.provider_payout,
            instructions: io_receipt::instructions::INSTRUCTIONS_SYSVAR_ID,
            io_vault: io_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SessionSettle {},
    )
}

/// The two instructions that settle a signed receipt, in order: the ed25519 precompile
/// instruction carrying `session_key`'s `signature` over the receipt, then `session_settle`.
pub fn session_settle(
    submitter: Pubkey,
    payment: Payment,
    domain: &ReceiptDomain,
    receipt: &Receipt,
    session_key: &[u8; 32],
    signature: &[u8; 64],
) -> [Instruction; 2] {
    [
        io_receipt::client::precompile_instruction(session_key, signature, domain, receipt),
        session_settle_instruction(submitter, receipt.session, payment),
    ]
}

/// `session_close_request` of `session` (of `model`), by its user, the owner of its retired
/// model, or anyone once it has been idle for the config's idle time.
pub fn session_close_request(requester: Pubkey, session: Pubkey, model: Pubkey) -> Instruction {
    instruction(
        program::accounts::SessionCloseRequest {
            requester,
            config: config_address(),
            session,
            model,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SessionCloseRequest {},
    )
}

/// `session_finalize`: refunds `user`'s IOSD holder or associated IO account.
pub fn session_finalize(
    anyone: Pubkey,
    session: Pubkey,
    user: Pubkey,
    payment: Payment,
) -> Instruction {
    instruction(
        program::accounts::SessionFinalize {
            anyone,
            config: config_address(),
            session,
            model: payment.model,
            user_funds: funds_address(&user, payment.currency, &payment.io_mint),
            rent_payer: user,
            io_vault: io_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SessionFinalize {},
    )
}

crate::program::pause_client!("new payments");
