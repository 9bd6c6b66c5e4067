//! What sending a transaction returns, and assertions on it.

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorDeserialize, Discriminator, Event};
use io_client::events::{InnerInstruction, decode_event};
use litesvm::types::TransactionMetadata;
use solana_instruction::error::InstructionError;
use solana_transaction_error::TransactionError;

/// A transaction that executed successfully.
#[derive(Debug)]
pub struct Executed {
    pub meta: TransactionMetadata,
    /// The message's account keys, to resolve the indices in inner instructions.
    pub account_keys: Vec<Pubkey>,
}

/// A transaction that failed; it changed nothing but the fee payer's balance.
#[derive(Debug)]
pub struct Failed {
    pub err: TransactionError,
    /// Boxed: the metadata is large and travels in every `Err`.
    pub meta: Box<TransactionMetadata>,
}

pub type Outcome = Result<Executed, Failed>;

impl Executed {
    /// Every `E` event `program_id` emitted in this transaction, in order.
    pub fn events<E>(&self, program_id: &Pubkey) -> Vec<E>
    where
        E: Event + AnchorDeserialize + Discriminator,
    {
        let mut found = Vec::new();
        for inner in self.meta.inner_instructions.iter().flatten() {
            let ix = &inner.instruction;
            let program = self.account_keys[usize::from(ix.program_id_index)];
            let accounts: Vec<Pubkey> = ix
                .accounts
                .iter()
                .map(|&index| self.account_keys[usize::from(index)])
                .collect();
            let view = InnerInstruction {
                program_id: &program,
                accounts: &accounts,
                data: &ix.data,
            };
            found.extend(decode_event::<E>(program_id, &view));
        }
        found
    }

    /// The single `E` event of this transaction.
    ///
    /// # Panics
    /// When there is not exactly one.
    pub fn event<E>(&self, program_id: &Pubkey) -> E
    where
        E: Event + AnchorDeserialize + Discriminator,
    {
        let mut events = self.events::<E>(program_id);
        assert_eq!(
            events.len(),
            1,
            "expected exactly one {} event",
            std::any::type_name::<E>()
        );
        events.remove(0)
    }
}

/// Asserts that `outcome` failed with the custom (Anchor or program) error `expected`, and
/// returns the failure for further checks.
///
/// # Panics
/// When the transaction succeeded or failed otherwise.
#[track_caller]
pub fn expect_error(outcome: Outcome, expected: impl Into<u32>) -> Failed {
    let expected = expected.into();
    match outcome {
        Ok(executed) => panic!(
            "expected error {expected}, but the transaction succeeded: {:?}",
            executed.meta.logs
        ),
        Err(failed) => {
            match &failed.err {
                TransactionError::InstructionError(_, InstructionError::Custom(code))
                    if *code == expected => {}
                other => panic!(
                    "expected custom error {expected}, got {other:?}; logs: {:?}",
                    failed.meta.logs
                ),
            }
            failed
        }
    }
}
