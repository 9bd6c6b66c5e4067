//! Reads the IO programs' transactions from a Solana JSON-RPC endpoint.
//!
//! Backfill only so far: `getSignaturesForAddress` pages back to the last signature already
//! indexed, then `getTransaction` (base64, so instruction indices can be resolved exactly) for
//! each. It yields raw data; decoding is `io-decoder`'s job.

use std::str::FromStr;

use anchor_lang::prelude::Pubkey;
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_rpc_client::rpc_client::GetConfirmedSignaturesForAddress2Config;
use solana_rpc_client_api::config::RpcTransactionConfig;
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

    /// The transaction `signature`, base64-encoded, with its status metadata.
    /// The cluster's genesis hash: a different one than a deployment's manifest names means
    /// another chain (a local network that restarted, or the wrong cluster).
    pub async fn genesis_hash(&self) -> Result<[u8; 32], SourceError> {
        self.client
            .get_genesis_hash()
            .await
            .map(|hash| hash.to_bytes())
            .map_err(|error| rpc("getGenesisHash", error))
    }

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
