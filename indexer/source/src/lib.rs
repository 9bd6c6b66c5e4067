//! Reads the IO programs' accounts and transactions from a Solana JSON-RPC endpoint.
//!
//! A snapshot (`getProgramAccounts`, with the slot of the response's context) and backfill:
//! `getSignaturesForAddress` pages back to the last signature already indexed, then
//! `getTransaction` (base64, so instruction indices can be resolved exactly) for each. It yields
//! raw data; decoding is `io-decoder`'s job.

use std::str::FromStr;

use anchor_lang::prelude::Pubkey;
use solana_account_decoder_client_types::UiAccountEncoding;
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_rpc_client::rpc_client::GetConfirmedSignaturesForAddress2Config;
use solana_rpc_client_api::config::{
    RpcAccountInfoConfig, RpcProgramAccountsConfig, RpcTransactionConfig,
};
use solana_rpc_client_api::request::RpcRequest;
use solana_rpc_client_api::response::{OptionalContext, RpcKeyedAccount};
use solana_signature::Signature;
use solana_transaction_status_client_types::{
    EncodedConfirmedTransactionWithStatusMeta, UiTransactionEncoding,
};

/// Signatures per `getSignaturesForAddress` page (the RPC maximum).
const PAGE: usize = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("RPC {method} failed: {reason}")]
    Rpc {
        method: &'static str,
        reason: String,
    },
    #[error("the RPC returned a malformed signature: {0}")]
    MalformedSignature(String),
    #[error("the RPC returned a malformed account from {method}: {reason}")]
    MalformedAccount {
        method: &'static str,
        reason: String,
    },
    #[error("the RPC answered {method} without the context slot it was asked for")]
    NoContext { method: &'static str },
}

/// Every account a program owns, as one `getProgramAccounts` response listed them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramAccounts {
    /// The slot of the response's context: the state the accounts are in.
    pub slot: u64,
    /// Address and data of each account.
    pub accounts: Vec<(Pubkey, Vec<u8>)>,
}

/// A transaction that touched a program, as `getSignaturesForAddress` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureEntry {
    pub signature: String,
    pub slot: u64,
    /// Whether the transaction failed (it carries no events then).
    pub failed: bool,
}

pub struct RpcSource {
    client: RpcClient,
    commitment: CommitmentConfig,
}

impl RpcSource {
    pub fn new(url: String, commitment: CommitmentConfig) -> Self {
        Self {
            client: RpcClient::new_with_commitment(url, commitment),
            commitment,
        }
    }

    /// The transactions that touched `program_id` after `until` (all of them without one),
    /// oldest first.
    pub async fn signatures_since(
        &self,
        program_id: &Pubkey,
        until: Option<&str>,
    ) -> Result<Vec<SignatureEntry>, SourceError> {
        let until = until.map(parse_signature).transpose()?;
        let mut newest_first = Vec::new();
        let mut before = None;
        loop {
            let config = GetConfirmedSignaturesForAddress2Config {
                before,
                until,
                limit: Some(PAGE),
                commitment: Some(self.commitment),
            };
            let page = self
                .client
                .get_signatures_for_address_with_config(program_id, config)
                .await
                .map_err(|error| rpc("getSignaturesForAddress", error))?;
            let full = page.len() == PAGE;
            for entry in page {
                newest_first.push(SignatureEntry {
                    signature: entry.signature,
                    slot: entry.slot,
                    failed: entry.err.is_some(),
                });
            }
            match newest_first.last() {
                Some(oldest) if full => before = Some(parse_signature(&oldest.signature)?),
                _ => break,
            }
        }
        newest_first.reverse();
        Ok(newest_first)
    }

    /// Every account `program_id` owns, base64-encoded, with the slot they were read at. The
    /// response is checked: each address must parse and each account be owned by the program.
    pub async fn program_accounts(
        &self,
        program_id: &Pubkey,
    ) -> Result<ProgramAccounts, SourceError> {
        const METHOD: &str = "getProgramAccounts";
        let config = RpcProgramAccountsConfig {
            account_config: RpcAccountInfoConfig {
                encoding: Some(UiAccountEncoding::Base64),
                commitment: Some(self.commitment),
                ..RpcAccountInfoConfig::default()
            },
            with_context: Some(true),
            ..RpcProgramAccountsConfig::default()
        };
        let params = serde_json::json!([program_id.to_string(), config]);
        let response: OptionalContext<Vec<RpcKeyedAccount>> = self
            .client
            .send(RpcRequest::GetProgramAccounts, params)
            .await
            .map_err(|error| rpc(METHOD, error))?;
        let OptionalContext::Context(response) = response else {
            return Err(SourceError::NoContext { method: METHOD });
        };
        let malformed = |reason: String| SourceError::MalformedAccount {
            method: METHOD,
            reason,
        };
        let mut accounts = Vec::with_capacity(response.value.len());
        for keyed in response.value {
            let address = Pubkey::from_str(&keyed.pubkey)
                .map_err(|_| malformed(format!("address {:?}", keyed.pubkey)))?;
            if keyed.account.owner != program_id.to_string() {
                return Err(malformed(format!(
                    "{address} is owned by {}, not {program_id}",
                    keyed.account.owner
                )));
            }
            let data = keyed
                .account
                .data
                .decode()
                .ok_or_else(|| malformed(format!("{address}: data is not base64")))?;
            accounts.push((address, data));
        }
        Ok(ProgramAccounts {
            slot: response.context.slot,
            accounts,
        })
    }

    /// The cluster's genesis hash: a different one than a deployment's manifest names means
    /// another chain (a local network that restarted, or the wrong cluster).
    pub async fn genesis_hash(&self) -> Result<[u8; 32], SourceError> {
        self.client
            .get_genesis_hash()
            .await
            .map(|hash| hash.to_bytes())
            .map_err(|error| rpc("getGenesisHash", error))
    }

    /// The transaction `signature`, base64-encoded, with its status metadata.
    pub async fn transaction(
        &self,
        signature: &str,
    ) -> Result<EncodedConfirmedTransactionWithStatusMeta, SourceError> {
        let config = RpcTransactionConfig {
            encoding: Some(UiTransactionEncoding::Base64),
            commitment: Some(self.commitment),
            max_supported_transaction_version: Some(0),
        };
        self.client
            .get_transaction_with_config(&parse_signature(signature)?, config)
            .await
            .map_err(|error| rpc("getTransaction", error))
    }
}

fn parse_signature(value: &str) -> Result<Signature, SourceError> {
    Signature::from_str(value).map_err(|_| SourceError::MalformedSignature(value.to_string()))
}

fn rpc(method: &'static str, error: impl std::fmt::Display) -> SourceError {
    SourceError::Rpc {
        method,
        reason: error.to_string(),
    }
}
