//! The price keeper: the local network's stand-in for Pyth. It keeps an IO/USD `PriceUpdateV2`
//! (the receiver's layout, owned by the receiver program) fresh at one fixed address,
//! republishing it every [`REPUBLISH_SECS`] of chain time and as soon as the chain's clock jumps
//! (a `surfnet_timeTravel`), so a priced instruction never meets a stale price by accident.
//!
//! The price can be set, or left to go stale (for tests of the stale-price paths), in process
//! ([`PriceKeeper::set`]) or from another process through the control file the manifest names
//! (`localnet price set|stale`), which the keeper reads on every tick.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use crossbeam_channel::{Receiver, Sender};
use serde::{Deserialize, Serialize};
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::request::RpcRequest;

/// Chain seconds between two publications of an unchanged price: well inside the iosd
/// program's 60-second freshness limit.
pub const REPUBLISH_SECS: i64 = 5;

/// The price the local network starts with: $2.50 ± $0.01.
pub const START_PRICE: PriceSetting = PriceSetting {
    usd_e8: 250_000_000,
    conf_e8: 1_000_000,
    publishing: true,
};

/// Fixed-point scale of the feed (exponent −8).
const E8: i64 = 100_000_000;

/// The price the keeper publishes, in the feed's fixed point (× 10⁻⁸ USD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceSetting {
    pub usd_e8: i64,
    pub conf_e8: u64,
    /// False once the price is left to go stale: the account keeps its last publication.
    pub publishing: bool,
}

/// Why a price was refused, or its control file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PriceError {
    #[error("`{0}` is not a USD amount (digits with at most 8 decimals, e.g. 2.75)")]
    NotAnAmount(String),
    #[error("the IO/USD price must be above zero, got {0}")]
    NotPositive(String),
    #[error("the confidence ±{conf} must be below the price {price}")]
    ConfidenceTooWide { price: String, conf: String },
    #[error("the price control file {path}: {reason}")]
    Control { path: PathBuf, reason: String },
}

impl PriceSetting {
    /// A published price of `usd_e8` ± `conf_e8`, refused unless 0 ≤ conf < price.
    pub fn new(usd_e8: i64, conf_e8: u64) -> Result<Self, PriceError> {
        if usd_e8 <= 0 {
            return Err(PriceError::NotPositive(format_e8(i128::from(usd_e8))));
        }
        if i128::from(conf_e8) >= i128::from(usd_e8) {
            return Err(PriceError::ConfidenceTooWide {
                price: format_e8(i128::from(usd_e8)),
                conf: format_e8(i128::from(conf_e8)),
            });
        }
        Ok(Self {
            usd_e8,
            conf_e8,
            publishing: true,
        })
    }

    /// A price from decimal USD text, e.g. `("2.75", "0.01")`.
    pub fn parse(usd: &str, conf: &str) -> Result<Self, PriceError> {
        let usd_e8 = parse_e8(usd)?;
        let conf_e8 = parse_e8(conf)?;
        let conf_e8 =
            u64::try_from(conf_e8).map_err(|_| PriceError::NotAnAmount(conf.to_string()))?;
        Self::new(usd_e8, conf_e8)
    }

    /// This price, no longer republished.
    pub fn stale(self) -> Self {
        Self {
            publishing: false,
            ..self
        }
    }

    /// Writes this setting to a control file (atomically: a keeper never reads half of it).
    pub fn write_control(&self, path: &Path) -> Result<(), PriceError> {
        let failed = |reason: String| PriceError::Control {
            path: path.to_path_buf(),
            reason,
        };
        let text = serde_json::to_string_pretty(self).map_err(|e| failed(e.to_string()))?;
        let temporary = path.with_extension("json.partial");
        std::fs::write(&temporary, text).map_err(|e| failed(e.to_string()))?;
        std::fs::rename(&temporary, path).map_err(|e| failed(e.to_string()))
    }

    /// Reads and checks a control file.
    pub fn read_control(path: &Path) -> Result<Self, PriceError> {
        let failed = |reason: String| PriceError::Control {
            path: path.to_path_buf(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
        let setting: Self = serde_json::from_str(&text).map_err(|e| failed(e.to_string()))?;
        let checked = Self::new(setting.usd_e8, setting.conf_e8)?;
        Ok(Self {
            publishing: setting.publishing,
            ..checked
        })
    }
}

/// `2.75` → 275_000_000; at most 8 decimals, no sign, no exponent.
fn parse_e8(text: &str) -> Result<i64, PriceError> {
    let bad = || PriceError::NotAnAmount(text.to_string());
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 8 {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let padded = format!("{fraction:0<8}");
    let fraction: i64 = padded.parse().map_err(|_| bad())?;
    whole
        .checked_mul(E8)
        .and_then(|w| w.checked_add(fraction))
        .ok_or_else(bad)
}

/// 275_000_000 → `$2.75000000`.
fn format_e8(value: i128) -> String {
    let e8 = i128::from(E8);
    let sign = if value < 0 { "-" } else { "" };
    let value = value.abs();
    format!("{sign}${}.{:08}", value / e8, value % e8)
}

/// The fixed address of the local IO/USD price account: a PDA of the receiver program, so no
/// key can sign for it and every run of the local network uses the same one.
pub fn price_address() -> Pubkey {
    Pubkey::find_program_address(
        &[b"price", &io_client::defaults::LOCALNET_IO_USD_FEED_ID],
        &io_oracle::price_update::PYTH_RECEIVER_PROGRAM_ID,
    )
    .0
}

/// What drives the keeper: the chain's clock after every block and every time travel.
pub(crate) enum Tick {
    Clock { unix_timestamp: i64, slot: u64 },
    Stop,
}

/// State shared between the keeper thread and its handle.
struct Shared {
    setting: Mutex<PriceSetting>,
    /// The publish time of the last publication; signalled on every publication.
    published: Mutex<i64>,
    publication: Condvar,
}

/// The running keeper. Stopped by [`PriceKeeper::stop`] (the local network does it on stop).
pub struct PriceKeeper {
    address: Pubkey,
    /// The control file, when the network has a manifest: the one place the setting lives, so
    /// `localnet price` and [`PriceKeeper::set`] always see each other's last word.
    control: Option<PathBuf>,
    shared: Arc<Shared>,
    ticks: Sender<Tick>,
    thread: Option<JoinHandle<()>>,
}

impl PriceKeeper {
    /// Publishes `setting` once at the chain's current time, then starts the keeper thread fed
    /// by `ticks`.
    pub(crate) fn start(
        rpc_url: &str,
        setting: PriceSetting,
        control: Option<PathBuf>,
        ticks: (Sender<Tick>, Receiver<Tick>),
    ) -> Result<Self, String> {
        let rpc = crate::runner::rpc_client(rpc_url);
        let address = price_address();
        let (unix_timestamp, slot) = crate::clock::now(&rpc)?;
        publish(&rpc, &address, setting, unix_timestamp, slot)?;
        if let Some(path) = &control {
            setting.write_control(path).map_err(|e| e.to_string())?;
        }
        let shared = Arc::new(Shared {
            setting: Mutex::new(setting),
            published: Mutex::new(unix_timestamp),
            publication: Condvar::new(),
        });
        let (sender, receiver) = ticks;
        let thread = {
            let shared = Arc::clone(&shared);
            let control = control.clone();
            std::thread::Builder::new()
                .name("price-keeper".into())
                .spawn(move || keep(rpc, address, shared, control, receiver))
                .map_err(|error| error.to_string())?
        };
        Ok(Self {
            address,
            control,
            shared,
            ticks: sender,
            thread: Some(thread),
        })
    }

    /// The price account's address.
    pub fn address(&self) -> Pubkey {
        self.address
    }

    /// The setting being published.
    pub fn setting(&self) -> PriceSetting {
        *lock(&self.shared.setting)
    }

    /// Publishes `setting` from the next block on (or stops publishing, when it is stale), and
    /// records it in the control file, if there is one.
    pub fn set(&self, setting: PriceSetting) -> Result<(), PriceError> {
        if let Some(path) = &self.control {
            setting.write_control(path)?;
        }
        *lock(&self.shared.setting) = setting;
        Ok(())
    }

    /// Waits until a price published at `unix_timestamp` or later is on chain: after a time
    /// travel, call it with the new time before sending a priced transaction.
    pub fn wait_published_since(&self, unix_timestamp: i64, timeout: Duration) -> bool {
        let published = lock(&self.shared.published);
        let (published, _) = self
            .shared
            .publication
            .wait_timeout_while(published, timeout, |at| *at < unix_timestamp)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *published >= unix_timestamp
    }

    /// Stops the keeper thread and waits for it.
    pub(crate) fn stop(&mut self) {
        let _ = self.ticks.send(Tick::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for PriceKeeper {
    fn drop(&mut self) {
        self.stop();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The keeper thread: on every clock tick, take a changed control file, then publish when the
/// setting changed, [`REPUBLISH_SECS`] have passed, or the clock went backwards.
fn keep(
    rpc: RpcClient,
    address: Pubkey,
    shared: Arc<Shared>,
    control: Option<PathBuf>,
    ticks: Receiver<Tick>,
) {
    let mut control_seen = control.as_deref().and_then(modified);
    // The setting at the previous tick: a change publishes at once.
    let mut previous = *lock(&shared.setting);
    while let Ok(first) = ticks.recv() {
        // Only the latest clock matters: skip the ticks that queued up meanwhile.
        let mut tick = first;
        while let Ok(next) = ticks.try_recv() {
            if matches!(tick, Tick::Stop) {
                break;
            }
            tick = next;
        }
        let Tick::Clock {
            unix_timestamp,
            slot,
        } = tick
        else {
            return;
        };
        if let Some(path) = &control {
            let stamp = modified(path);
            if stamp != control_seen {
                control_seen = stamp;
                match PriceSetting::read_control(path) {
                    Ok(setting) => *lock(&shared.setting) = setting,
                    Err(error) => eprintln!("localnet: price keeper: {error}; keeping the price"),
                }
            }
        }
        let setting = *lock(&shared.setting);
        let last = *lock(&shared.published);
        let due = setting != previous
            || unix_timestamp >= last.saturating_add(REPUBLISH_SECS)
            || unix_timestamp < last;
        previous = setting;
        if !setting.publishing || !due {
            continue;
        }
        match publish(&rpc, &address, setting, unix_timestamp, slot) {
            Ok(()) => {
                *lock(&shared.published) = unix_timestamp;
                shared.publication.notify_all();
            }
            Err(error) => eprintln!("localnet: price keeper: {error}"),
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Writes a fully verified update of `setting` published at `unix_timestamp` and posted at
/// `slot`, with surfpool's `surfnet_setAccount`.
fn publish(
    rpc: &RpcClient,
    address: &Pubkey,
    setting: PriceSetting,
    unix_timestamp: i64,
    slot: u64,
) -> Result<(), String> {
    let mut update = io_client::prices::verified(io_client::prices::io_usd(
        setting.usd_e8,
        setting.conf_e8,
        unix_timestamp,
    ));
    update.posted_slot = slot;
    let data = update.encode();
    let lamports = rpc
        .get_minimum_balance_for_rent_exemption(data.len())
        .map_err(|error| format!("publishing the price: {error}"))?;
    let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
    let params = serde_json::json!([
        address.to_string(),
        {
            "lamports": lamports,
            "data": hex,
            "owner": io_oracle::price_update::PYTH_RECEIVER_PROGRAM_ID.to_string(),
            "executable": false,
        }
    ]);
    rpc.send::<serde_json::Value>(
        RpcRequest::Custom {
            method: "surfnet_setAccount",
        },
        params,
    )
    .map(|_| ())
    .map_err(|error| format!("publishing the price (surfnet_setAccount): {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_parse_and_bad_ones_are_named() {
        assert_eq!(
            PriceSetting::parse("2.75", "0.01").unwrap(),
            PriceSetting {
                usd_e8: 275_000_000,
                conf_e8: 1_000_000,
                publishing: true
            }
        );
        assert_eq!(parse_e8("3").unwrap(), 300_000_000);
        assert_eq!(parse_e8("0.00000001").unwrap(), 1);
        for bad in ["", "-1", "1e3", "2.123456789", "abc", ".5", "1.2.3"] {
            assert!(
                matches!(parse_e8(bad), Err(PriceError::NotAnAmount(_))),
                "{bad}"
            );
        }
        let zero = PriceSetting::parse("0", "0").unwrap_err();
        assert_eq!(
            zero.to_string(),
            "the IO/USD price must be above zero, got $0.00000000"
        );
        assert!(matches!(
            PriceSetting::parse("1", "1"),
            Err(PriceError::ConfidenceTooWide { .. })
        ));
        assert!(matches!(
            PriceSetting::parse("99999999999999", "0"),
            Err(PriceError::NotAnAmount(_))
        ));
    }

    #[test]
    fn control_files_round_trip_and_bad_ones_are_refused() {
        let dir = std::env::temp_dir().join(format!("io-price-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("price.json");
        let setting = PriceSetting::parse("3.10", "0.02").unwrap().stale();
        setting.write_control(&path).unwrap();
        assert_eq!(PriceSetting::read_control(&path).unwrap(), setting);
        std::fs::write(&path, r#"{"usd_e8": -5, "conf_e8": 0, "publishing": true}"#).unwrap();
        assert!(matches!(
            PriceSetting::read_control(&path),
            Err(PriceError::NotPositive(_))
        ));
        std::fs::write(&path, "{").unwrap();
        assert!(matches!(
            PriceSetting::read_control(&path),
            Err(PriceError::Control { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
