//! Writing the local network's deployment manifest ([`io_client::manifest`]): the manifest file,
//! a `keys/` directory beside it with one keypair file per role (mode 0600), and the price
//! keeper's control file. The directory is checked before the network starts, so a path that
//! cannot be written fails at once and leaves nothing running.

use std::path::{Path, PathBuf};

use io_client::manifest::{
    Endpoints, MANIFEST_VERSION, Manifest, PriceAccount, Programs, RoleKeys, Tokens, write_keypair,
};
use solana_keypair::Keypair;
use solana_pubkey::Pubkey;

use crate::{Deployment, LocalnetError};

/// The keypair directory, relative to the manifest's.
const KEYS_DIR: &str = "keys";
/// The price keeper's control file, relative to the manifest's directory.
const PRICE_CONTROL: &str = "price.json";

/// Where a manifest and its files go.
pub(crate) struct ManifestFiles {
    pub path: PathBuf,
    dir: PathBuf,
}

impl ManifestFiles {
    /// Creates the manifest's directory and `keys/` and proves both writable, before anything
    /// starts.
    pub fn prepare(path: &Path) -> Result<Self, LocalnetError> {
        let failed = |reason: String| LocalnetError::Manifest {
            path: path.to_path_buf(),
            reason,
        };
        if path.is_dir() {
            return Err(failed("it is a directory; name a file".into()));
        }
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(dir.join(KEYS_DIR)).map_err(|e| failed(e.to_string()))?;
        // A manifest left by an earlier run names a network that is gone: no reader may take it
        // for this one while it starts.
        match std::fs::remove_file(path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(failed(error.to_string())),
        }
        for probe in [
            path.with_extension("json.partial"),
            dir.join(KEYS_DIR).join(".probe"),
        ] {
            std::fs::write(&probe, b"").map_err(|e| failed(e.to_string()))?;
            let _ = std::fs::remove_file(&probe);
        }
        Ok(Self {
            path: path.to_path_buf(),
            dir,
        })
    }

    /// The price keeper's control file.
    pub fn price_control(&self) -> PathBuf {
        self.dir.join(PRICE_CONTROL)
    }

    /// Writes every role's keypair, then the manifest itself (last, atomically: a reader that
    /// sees the manifest finds every file it names).
    pub fn write(
        &self,
        deployment: &Deployment,
        endpoints: Endpoints,
        price: Pubkey,
    ) -> Result<(), LocalnetError> {
        let failed = |error: io_client::manifest::ManifestError| LocalnetError::Manifest {
            path: self.path.clone(),
            reason: error.to_string(),
        };
        let key = |name: &str, keypair: &Keypair| -> Result<PathBuf, LocalnetError> {
            let relative = Path::new(KEYS_DIR).join(format!("{name}.json"));
            write_keypair(keypair, &self.dir.join(&relative)).map_err(failed)?;
            Ok(relative)
        };
        let keys = RoleKeys {
            deployer: key("deployer", &deployment.deployer)?,
            council: key("council", &deployment.council.key)?,
            guardian: key("guardian", &deployment.guardian)?,
            mint_authority: key("mint-authority", &deployment.mint_authority)?,
            settler: key("settler", &deployment.settler)?,
            slasher: key("slasher", &deployment.slasher)?,
            oracles: deployment
                .oracles
                .iter()
                .enumerate()
                .map(|(n, oracle)| key(&format!("oracle-{n}"), oracle))
                .collect::<Result<_, _>>()?,
            faucet: key("faucet", &deployment.faucet)?,
        };
        let manifest = Manifest {
            version: MANIFEST_VERSION,
            cluster: "localnet".into(),
            profile: deployment.profile.name().into(),
            genesis_hash: Pubkey::new_from_array(deployment.genesis_hash),
            endpoints,
            programs: Programs::ids(),
            tokens: Tokens {
                io_mint: deployment.io_mint,
                iosd_mint: deployment.iosd_mint,
                treasury: deployment.treasury,
                treasury_owner: deployment.authority,
            },
            configs: Programs::configs(),
            authority: deployment.authority,
            price: PriceAccount {
                address: price,
                feed_id: io_client::defaults::LOCALNET_IO_USD_FEED_ID
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect(),
                control: Some(PRICE_CONTROL.into()),
            },
            keys: Some(keys),
        };
        manifest.write(&self.path).map_err(failed)
    }
}
