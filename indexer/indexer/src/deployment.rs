//! Which deployment to index, from its manifest (`io_client::manifest`): the RPC endpoint to
//! read, checked against what this indexer was built to decode and against the chain it
//! reaches, so that it never mirrors another deployment's programs or a chain that restarted
//! into the same tables.

use std::path::Path;

use io_client::manifest::{LoadedManifest, Manifest, ManifestError, Programs};
use io_source::{RpcSource, SourceError};
use solana_commitment_config::CommitmentConfig;

/// Why a manifest cannot be indexed.
#[derive(Debug, thiserror::Error)]
pub enum DeploymentError {
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    #[error(
        "{path} names program ids this indexer does not decode ({program}: {found}, built for \
         {expected}); rebuild the indexer for that deployment"
    )]
    OtherPrograms {
        path: String,
        program: &'static str,
        found: String,
        expected: String,
    },
    #[error(
        "the chain at {rpc} is not the one {path} describes (genesis {found}, manifest {expected}): \
         a local network that restarted writes a new manifest; read that one"
    )]
    OtherChain {
        rpc: String,
        path: String,
        found: String,
        expected: String,
    },
    #[error(transparent)]
    Source(#[from] SourceError),
}

/// The source for the deployment `path` describes, after both checks.
pub async fn source_from_manifest(
    path: &Path,
    commitment: CommitmentConfig,
) -> Result<(RpcSource, LoadedManifest), DeploymentError> {
    let loaded = Manifest::load(path)?;
    let manifest = &loaded.manifest;
    let built = Programs::ids();
    let pairs = [
        ("iosd", manifest.programs.iosd, built.iosd),
        ("market", manifest.programs.market, built.market),
        ("inference", manifest.programs.inference, built.inference),
        ("rewards", manifest.programs.rewards, built.rewards),
        ("governance", manifest.programs.governance, built.governance),
    ];
    if let Some((program, found, expected)) =
        pairs.iter().find(|(_, found, expected)| found != expected)
    {
        return Err(DeploymentError::OtherPrograms {
            path: path.display().to_string(),
            program,
            found: found.to_string(),
            expected: expected.to_string(),
        });
    }
    let rpc = manifest.endpoints.rpc.clone();
    let source = RpcSource::new(rpc.clone(), commitment);
    let genesis = source.genesis_hash().await?;
    if genesis != manifest.genesis_hash.to_bytes() {
        return Err(DeploymentError::OtherChain {
            rpc,
            path: path.display().to_string(),
            found: anchor_lang::prelude::Pubkey::new_from_array(genesis).to_string(),
            expected: manifest.genesis_hash.to_string(),
        });
    }
    Ok((source, loaded))
}
