//! A processed transaction, as surfpool hands it to Geyser, in Yellowstone's protobuf form
//! (`solana.storage.ConfirmedBlock`): the message with its header, keys, instructions and table
//! lookups, and the status meta with balances, inner instructions, logs, token balances, loaded
//! addresses, return data and compute units. Errors are bincode, as Yellowstone sends them.

use std::collections::HashSet;

use solana_message::VersionedMessage;
use solana_pubkey::Pubkey;
use surfpool_core::types::TransactionWithStatusMeta;
use yellowstone_grpc_proto::prelude::{
    CompiledInstruction, InnerInstruction, InnerInstructions, Message, MessageAddressTableLookup,
    MessageHeader, ReturnData, SubscribeUpdateTransactionInfo, TokenBalance, Transaction,
    TransactionError, TransactionStatusMeta, UiTokenAmount,
};

/// The transaction's update and every account it names (static and loaded).
pub(crate) fn transaction(
    with_meta: &TransactionWithStatusMeta,
) -> (SubscribeUpdateTransactionInfo, HashSet<Pubkey>) {
    let tx = &with_meta.transaction;
    let meta = &with_meta.meta;
    let bytes = |key: &Pubkey| key.to_bytes().to_vec();

    let (header, keys, blockhash, instructions, lookups, versioned) = match &tx.message {
        VersionedMessage::Legacy(message) => (
            message.header,
            &message.account_keys,
            message.recent_blockhash,
            &message.instructions,
            Vec::new(),
            false,
        ),
        VersionedMessage::V0(message) => (
            message.header,
            &message.account_keys,
            message.recent_blockhash,
            &message.instructions,
            message
                .address_table_lookups
                .iter()
                .map(|lookup| MessageAddressTableLookup {
                    account_key: bytes(&lookup.account_key),
                    writable_indexes: lookup.writable_indexes.clone(),
                    readonly_indexes: lookup.readonly_indexes.clone(),
                })
                .collect(),
            true,
        ),
    };
    let message = Message {
        header: Some(MessageHeader {
            num_required_signatures: u32::from(header.num_required_signatures),
            num_readonly_signed_accounts: u32::from(header.num_readonly_signed_accounts),
            num_readonly_unsigned_accounts: u32::from(header.num_readonly_unsigned_accounts),
        }),
        account_keys: keys.iter().map(bytes).collect(),
        recent_blockhash: blockhash.to_bytes().to_vec(),
        instructions: instructions
            .iter()
            .map(|ix| CompiledInstruction {
                program_id_index: u32::from(ix.program_id_index),
                accounts: ix.accounts.clone(),
                data: ix.data.clone(),
            })
            .collect(),
        versioned,
        address_table_lookups: lookups,
        config: None,
    };

    let token_balances = |balances: &Option<Vec<_>>| -> Vec<TokenBalance> {
        balances
            .iter()
            .flatten()
            .map(
                |balance: &solana_transaction_status_client_types::TransactionTokenBalance| {
                    TokenBalance {
                        account_index: u32::from(balance.account_index),
                        mint: balance.mint.clone(),
                        ui_token_amount: Some(UiTokenAmount {
                            ui_amount: balance.ui_token_amount.ui_amount.unwrap_or_default(),
                            decimals: u32::from(balance.ui_token_amount.decimals),
                            amount: balance.ui_token_amount.amount.clone(),
                            ui_amount_string: balance.ui_token_amount.ui_amount_string.clone(),
                        }),
                        owner: balance.owner.clone(),
                        program_id: balance.program_id.clone(),
                    }
                },
            )
            .collect()
    };
    let meta_proto = TransactionStatusMeta {
        err: meta.status.as_ref().err().map(|error| TransactionError {
            // Yellowstone's encoding of the error; bincode of a plain enum cannot fail.
            err: bincode::serialize(error).unwrap_or_default(),
        }),
        fee: meta.fee,
        pre_balances: meta.pre_balances.clone(),
        post_balances: meta.post_balances.clone(),
        inner_instructions: meta
            .inner_instructions
            .iter()
            .flatten()
            .map(|inner| InnerInstructions {
                index: u32::from(inner.index),
                instructions: inner
                    .instructions
                    .iter()
                    .map(|ix| InnerInstruction {
                        program_id_index: u32::from(ix.instruction.program_id_index),
                        accounts: ix.instruction.accounts.clone(),
                        data: ix.instruction.data.clone(),
                        stack_height: ix.stack_height,
                    })
                    .collect(),
            })
            .collect(),
        inner_instructions_none: meta.inner_instructions.is_none(),
        log_messages: meta.log_messages.clone().unwrap_or_default(),
        log_messages_none: meta.log_messages.is_none(),
        pre_token_balances: token_balances(&meta.pre_token_balances),
        post_token_balances: token_balances(&meta.post_token_balances),
        rewards: Vec::new(),
        loaded_writable_addresses: meta.loaded_addresses.writable.iter().map(bytes).collect(),
        loaded_readonly_addresses: meta.loaded_addresses.readonly.iter().map(bytes).collect(),
        return_data: meta.return_data.as_ref().map(|data| ReturnData {
            program_id: bytes(&data.program_id),
            data: data.data.clone(),
        }),
        return_data_none: meta.return_data.is_none(),
        compute_units_consumed: meta.compute_units_consumed,
        cost_units: meta.cost_units,
    };

    let accounts = keys
        .iter()
        .chain(&meta.loaded_addresses.writable)
        .chain(&meta.loaded_addresses.readonly)
        .copied()
        .collect();
    let info = SubscribeUpdateTransactionInfo {
        signature: tx
            .signatures
            .first()
            .map(|signature| signature.as_ref().to_vec())
            .unwrap_or_default(),
        // The local network runs no vote program traffic.
        is_vote: false,
        transaction: Some(Transaction {
            signatures: tx
                .signatures
                .iter()
                .map(|signature| signature.as_ref().to_vec())
                .collect(),
            message: Some(message),
        }),
        meta: Some(meta_proto),
        index: 0,
    };
    (info, accounts)
}
