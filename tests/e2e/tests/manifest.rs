//! The indexer reads its deployment from the local network's manifest, and refuses a manifest
//! of programs it does not decode or of a chain it does not reach.

use io_client::manifest::Manifest;
use io_indexer::deployment::{DeploymentError, source_from_manifest};
use io_localnet::{Localnet, LocalnetConfig};
use solana_commitment_config::CommitmentConfig;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_indexer_reads_its_deployment_from_the_manifest_and_refuses_another() {
    let dir = std::env::temp_dir().join(format!("io-e2e-manifest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("manifest.json");
    let mut config = LocalnetConfig::free_ports().unwrap();
    config.manifest = Some(path.clone());
    let localnet = tokio::task::spawn_blocking(move || Localnet::start(config))
        .await
        .unwrap()
        .expect("starts");

    // The manifest as written: its RPC is the network's, and the indexer reads from it.
    let (source, loaded) = source_from_manifest(&path, CommitmentConfig::confirmed())
        .await
        .expect("the manifest's deployment is indexable");
    assert_eq!(loaded.manifest.endpoints.rpc, localnet.rpc_url);
    let market = io_client::market::ID;
    assert!(
        !source
            .signatures_since(&market, None)
            .await
            .unwrap()
            .is_empty()
    );

    // A changed copy of the manifest, as the indexer would meet it.
    let refusal = |name: &str, change: &dyn Fn(&mut Manifest)| {
        let mut other = loaded.manifest.clone();
        change(&mut other);
        let other_path = dir.join(name);
        other.write(&other_path).unwrap();
        async move {
            source_from_manifest(&other_path, CommitmentConfig::confirmed())
                .await
                .err()
                .expect("refused")
        }
    };

    // A manifest of another chain (a local network that restarted) is refused by name.
    let error = refusal("other-chain.json", &|m| {
        m.genesis_hash = anchor_lang::prelude::Pubkey::new_unique()
    })
    .await;
    assert!(
        matches!(error, DeploymentError::OtherChain { .. }),
        "{error}"
    );
    assert!(error.to_string().starts_with("the chain at "), "{error}");

    // So is a manifest naming programs this build does not decode.
    let error = refusal("other-programs.json", &|m| {
        m.programs.market = anchor_lang::prelude::Pubkey::new_unique()
    })
    .await;
    assert!(
        matches!(
            error,
            DeploymentError::OtherPrograms {
                program: "market",
                ..
            }
        ),
        "{error}"
    );
    assert!(matches!(
        Manifest::load(&dir.join("missing.json")),
        Err(io_client::manifest::ManifestError::Read { .. })
    ));

    tokio::task::spawn_blocking(move || localnet.stop())
        .await
        .unwrap()
        .unwrap();
    assert!(!path.exists(), "a stopped network's manifest is removed");
    let _ = std::fs::remove_dir_all(&dir);
}
