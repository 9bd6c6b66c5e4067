//! The deployment manifest: one JSON file that names everything a tool needs to use a
//! deployment (endpoints, program ids, mints, the treasury, config addresses, the IO/USD price
//! account) and, on a local network, the keypair files of the roles it created. The local
//! network writes it at start; the indexer, the scheduler, the CLI, the dashboard and the demo
//! read the deployment from it instead of guessing.
//!
//! Keypair paths are relative to the manifest's directory, so a manifest and its `keys/`
//! directory can move together. The genesis hash tells a chain that restarted from genesis
//! apart from the one the manifest describes: compare it with the RPC's `getGenesisHash`.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anchor_lang::prelude::Pubkey;
use serde::{Deserialize, Serialize};
use solana_keypair::Keypair;

/// The manifest layout this client reads and writes; a manifest of another version is refused.
pub const MANIFEST_VERSION: u32 = 1;

/// A deployment, as the manifest file states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`MANIFEST_VERSION`] when written.
    pub version: u32,
    /// A name for the cluster (`localnet` for the local network).
    pub cluster: String,
    /// The parameter profile the configs started with (`local` or `production`).
    pub profile: String,
    /// The cluster's genesis hash (base58): a different one means a different chain.
    #[serde(with = "base58")]
    pub genesis_hash: Pubkey,
    pub endpoints: Endpoints,
    pub programs: Programs,
    pub tokens: Tokens,
    pub configs: Programs,
    /// The authority of every config: the governance PDA, which only a passed proposal signs
    /// for.
    #[serde(with = "base58")]
    pub authority: Pubkey,
    pub price: PriceAccount,
    /// Keypair files of the roles the deployment created (absent on a public cluster).
    pub keys: Option<RoleKeys>,
}

/// Where the cluster answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoints {
    pub rpc: String,
    pub websocket: String,
    /// Yellowstone gRPC, where the cluster serves it.
    pub grpc: Option<String>,
}

/// One address per program: the program ids, or each program's config account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programs {
    #[serde(with = "base58")]
    pub iosd: Pubkey,
    #[serde(with = "base58")]
    pub market: Pubkey,
    #[serde(with = "base58")]
    pub inference: Pubkey,
    #[serde(with = "base58")]
    pub rewards: Pubkey,
    #[serde(with = "base58")]
    pub governance: Pubkey,
}

impl Programs {
    /// The program ids this client was built with.
    pub fn ids() -> Self {
        Self {
            iosd: crate::iosd::ID,
            market: crate::market::ID,
            inference: crate::inference::ID,
            rewards: crate::rewards::ID,
            governance: crate::governance::ID,
        }
    }

    /// Each program's config address.
    pub fn configs() -> Self {
        Self {
            iosd: crate::iosd::config_address(),
            market: crate::market::config_address(),
            inference: crate::inference::config_address(),
            rewards: crate::rewards::config_address(),
            governance: crate::governance::config_address(),
        }
    }
}

/// The mints and the market's treasury.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tokens {
    /// The IO token (classic SPL Token, 8 decimals).
    #[serde(with = "base58")]
    pub io_mint: Pubkey,
    /// The IOSD credit (the iosd program's mint PDA, 6 decimals).
    #[serde(with = "base58")]
    pub iosd_mint: Pubkey,
    /// The market's treasury (an IO token account) and its owner.
    #[serde(with = "base58")]
    pub treasury: Pubkey,
    #[serde(with = "base58")]
    pub treasury_owner: Pubkey,
}

/// The IO/USD `PriceUpdateV2` account every priced instruction reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceAccount {
    #[serde(with = "base58")]
    pub address: Pubkey,
    /// The feed id, as 64 hex digits.
    pub feed_id: String,
    /// On the local network: the file its price keeper reads the price from (relative to the
    /// manifest's directory); `localnet price` writes it.
    pub control: Option<PathBuf>,
}

/// Keypair files (Solana CLI format: a JSON array of 64 bytes) of a local deployment's roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleKeys {
    /// Initialised every config (the committed localnet deployer).
    pub deployer: PathBuf,
    /// Holds a voting position that clears the local quorum alone: it passes proposals, the
    /// only way to act as the authority.
    pub council: PathBuf,
    /// Holds every program's bounded emergency power.
    pub guardian: PathBuf,
    /// Mint authority of the local IO mint.
    pub mint_authority: PathBuf,
    /// In the market's settler set.
    pub settler: PathBuf,
    /// In the market's slasher set.
    pub slasher: PathBuf,
    /// The block-reward oracle set (a claim needs a majority of them).
    pub oracles: Vec<PathBuf>,
    /// Holds SOL and IO to fund new participants.
    pub faucet: PathBuf,
}

/// A role whose keypair a local manifest carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKey {
    Deployer,
    Council,
    Guardian,
    MintAuthority,
    Settler,
    Slasher,
    /// The n-th block-reward oracle.
    Oracle(usize),
    Faucet,
}

impl std::fmt::Display for RoleKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Deployer => f.write_str("deployer"),
            Self::Council => f.write_str("council"),
            Self::Guardian => f.write_str("guardian"),
            Self::MintAuthority => f.write_str("mint authority"),
            Self::Settler => f.write_str("settler"),
            Self::Slasher => f.write_str("slasher"),
            Self::Oracle(n) => write!(f, "oracle {n}"),
            Self::Faucet => f.write_str("faucet"),
        }
    }
}

/// Why a manifest or one of its keys could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read the deployment manifest {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("the deployment manifest {path} is not valid: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error(
        "the deployment manifest {path} has version {found}; this tool reads version {expected}"
    )]
    Version {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("the deployment manifest {path} carries no role keys (not a local deployment)")]
    NoKeys { path: PathBuf },
    #[error("the manifest has no {role} key")]
    NoSuchRole { role: RoleKey },
    #[error("cannot read the {role} keypair {path}: {reason}")]
    Key {
        role: RoleKey,
        path: PathBuf,
        reason: String,
    },
    #[error("cannot write {path}: {reason}")]
    Write { path: PathBuf, reason: String },
}

/// A manifest read from a file, with the directory its key paths are relative to.
#[derive(Clone, Debug)]
pub struct LoadedManifest {
    pub manifest: Manifest,
    /// The manifest file.
    pub path: PathBuf,
}

impl Manifest {
    /// Reads and checks the manifest at `path`.
    pub fn load(path: &Path) -> Result<LoadedManifest, ManifestError> {
        let text = fs::read_to_string(path).map_err(|error| ManifestError::Read {
            path: path.to_path_buf(),
            reason: error.to_string(),
        })?;
        // The version first, so an old or newer layout is named as such, not as a bad field.
        let version = serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|error| ManifestError::Invalid {
                path: path.to_path_buf(),
                reason: error.to_string(),
            })?
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| ManifestError::Invalid {
                path: path.to_path_buf(),
                reason: "no numeric `version`".into(),
            })?;
        if version != MANIFEST_VERSION {
            return Err(ManifestError::Version {
                path: path.to_path_buf(),
                found: version,
                expected: MANIFEST_VERSION,
            });
        }
        let manifest = serde_json::from_str(&text).map_err(|error| ManifestError::Invalid {
            path: path.to_path_buf(),
            reason: error.to_string(),
        })?;
        Ok(LoadedManifest {
            manifest,
            path: path.to_path_buf(),
        })
    }

    /// Writes the manifest to `path` atomically (a temporary file renamed over it), so a reader
    /// never sees half a manifest.
    pub fn write(&self, path: &Path) -> Result<(), ManifestError> {
        let mut text =
            serde_json::to_string_pretty(self).map_err(|error| ManifestError::Write {
                path: path.to_path_buf(),
                reason: error.to_string(),
            })?;
        text.push('\n');
        let temporary = path.with_extension("json.partial");
        write_private(&temporary, text.as_bytes())?;
        fs::rename(&temporary, path).map_err(|error| ManifestError::Write {
            path: path.to_path_buf(),
            reason: error.to_string(),
        })
    }
}

impl LoadedManifest {
    /// The directory key and control paths are relative to.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or_else(|| Path::new("."))
    }

    /// The path of `role`'s keypair file.
    pub fn key_path(&self, role: RoleKey) -> Result<PathBuf, ManifestError> {
        let keys = self
            .manifest
            .keys
            .as_ref()
            .ok_or_else(|| ManifestError::NoKeys {
                path: self.path.clone(),
            })?;
        let relative = match role {
            RoleKey::Deployer => &keys.deployer,
            RoleKey::Council => &keys.council,
            RoleKey::Guardian => &keys.guardian,
            RoleKey::MintAuthority => &keys.mint_authority,
            RoleKey::Settler => &keys.settler,
            RoleKey::Slasher => &keys.slasher,
            RoleKey::Oracle(n) => keys
                .oracles
                .get(n)
                .ok_or(ManifestError::NoSuchRole { role })?,
            RoleKey::Faucet => &keys.faucet,
        };
        Ok(self.dir().join(relative))
    }

    /// `role`'s keypair.
    pub fn keypair(&self, role: RoleKey) -> Result<Keypair, ManifestError> {
        let path = self.key_path(role)?;
        read_keypair(&path).map_err(|reason| ManifestError::Key { role, path, reason })
    }

    /// The price keeper's control file, if the deployment has one.
    pub fn price_control(&self) -> Option<PathBuf> {
        self.manifest
            .price
            .control
            .as_ref()
            .map(|relative| self.dir().join(relative))
    }
}

/// Reads a keypair file in the Solana CLI's format.
pub fn read_keypair(path: &Path) -> Result<Keypair, String> {
    let text = fs::read_to_string(path).map_err(|error| error.to_string())?;
    let bytes: Vec<u8> = serde_json::from_str(&text)
        .map_err(|error| format!("not a JSON array of bytes: {error}"))?;
    Keypair::try_from(bytes.as_slice()).map_err(|error| format!("not a keypair: {error}"))
}

/// Writes `keypair` to `path` in the Solana CLI's format, readable by its owner only.
pub fn write_keypair(keypair: &Keypair, path: &Path) -> Result<(), ManifestError> {
    let text = serde_json::to_string(&keypair.to_bytes().to_vec()).map_err(|error| {
        ManifestError::Write {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    })?;
    write_private(path, text.as_bytes())
}

/// Creates or truncates `path` with mode 0600 and writes `bytes`.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), ManifestError> {
    let failed = |error: std::io::Error| ManifestError::Write {
        path: path.to_path_buf(),
        reason: error.to_string(),
    };
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.sync_all().map_err(failed)
}

/// 32-byte values (addresses, the genesis hash) as base58 strings, as every Solana tool shows
/// them.
mod base58 {
    use std::str::FromStr as _;

    use anchor_lang::prelude::Pubkey;
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Pubkey, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Pubkey, D::Error> {
        let text = String::deserialize(deserializer)?;
        Pubkey::from_str(&text)
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a base58 address")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        Manifest {
            version: MANIFEST_VERSION,
            cluster: "localnet".into(),
            profile: "local".into(),
            genesis_hash: Pubkey::new_from_array([3; 32]),
            endpoints: Endpoints {
                rpc: "http://127.0.0.1:8899".into(),
                websocket: "ws://127.0.0.1:8900".into(),
                grpc: None,
            },
            programs: Programs::ids(),
            tokens: Tokens {
                io_mint: Pubkey::new_unique(),
                iosd_mint: crate::iosd::iosd_mint_address(),
                treasury: Pubkey::new_unique(),
                treasury_owner: Pubkey::new_unique(),
            },
            configs: Programs::configs(),
            authority: crate::governance::governance_address(),
            price: PriceAccount {
                address: Pubkey::new_unique(),
                feed_id: "00".repeat(32),
                control: Some("price.json".into()),
            },
            keys: None,
        }
    }

    #[test]
    fn round_trips_and_refuses_other_versions_and_bad_addresses() {
        let dir = std::env::temp_dir().join(format!("io-manifest-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("manifest.json");
        let manifest = sample();
        manifest.write(&path).unwrap();
        assert_eq!(Manifest::load(&path).unwrap().manifest, manifest);

        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("\"version\": 1", "\"version\": 2")).unwrap();
        assert!(matches!(
            Manifest::load(&path),
            Err(ManifestError::Version { found: 2, .. })
        ));
        fs::write(
            &path,
            text.replace(&manifest.tokens.io_mint.to_string(), "not-base58!"),
        )
        .unwrap();
        let error = Manifest::load(&path).unwrap_err();
        assert!(
            error.to_string().contains("not a base58 address"),
            "{error}"
        );
        assert!(matches!(
            Manifest::load(&dir.join("missing.json")),
            Err(ManifestError::Read { .. })
        ));
        let loaded = LoadedManifest {
            manifest,
            path: path.clone(),
        };
        assert!(matches!(
            loaded.keypair(RoleKey::Council),
            Err(ManifestError::NoKeys { .. })
        ));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn keypairs_round_trip_with_owner_only_permissions() {
        let dir = std::env::temp_dir().join(format!("io-keys-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("key.json");
        let key = Keypair::new();
        write_keypair(&key, &path).unwrap();
        assert_eq!(read_keypair(&path).unwrap().to_bytes(), key.to_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        fs::write(&path, "[1, 2]").unwrap();
        assert!(read_keypair(&path).unwrap_err().contains("not a keypair"));
        fs::remove_dir_all(&dir).unwrap();
    }
}
