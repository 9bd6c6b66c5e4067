//! The local deployment as other processes use it: the `localnet` binary runs in a child
//! process and writes its manifest; this test process reads the manifest alone, signs as each
//! role and is accepted; the price keeper keeps the IO/USD price fresh across time travel, takes
//! a new price from `localnet price` and lets it go stale when told; a Yellowstone gRPC client
//! receives the updates of a transaction sent over RPC; bad input gets one named line and leaves
//! nothing running.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anchor_lang::AccountDeserialize;
use io_client::manifest::{LoadedManifest, Manifest, RoleKey};
use io_client::{iosd, market, rewards};
use io_localnet::{Council, Localnet, LocalnetConfig, PriceSetting};
use io_oracle::PriceUpdate;
use solana_commitment_config::CommitmentConfig;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_program_pack::Pack as _;
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;
use yellowstone_grpc_proto::geyser::geyser_client::GeyserClient;
use yellowstone_grpc_proto::geyser::subscribe_update::UpdateOneof;
use yellowstone_grpc_proto::geyser::{
    CommitmentLevel, GetSlotRequest, SlotStatus, SubscribeRequest, SubscribeRequestFilterAccounts,
    SubscribeRequestFilterSlots, SubscribeRequestFilterTransactions, SubscribeRequestPing,
    SubscribeUpdate,
};

const IO: u64 = 100_000_000;
const IOSD: u64 = 1_000_000;
const HOUR: i64 = 3_600;
/// Longest the child network may take to write its manifest (a cold start bootstraps five
/// programs over RPC).
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// A scratch directory of this test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("io-localnet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// The `localnet` binary with `args`, its output in files under `dir`.
fn localnet(dir: &Path, args: &[impl AsRef<OsStr>]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_localnet"));
    command
        .args(args)
        .env_remove("IO_MANIFEST")
        .env_remove("IO_RPC_PORT")
        .env_remove("IO_WS_PORT")
        .env_remove("IO_GRPC_PORT")
        .stdin(Stdio::null())
        .stdout(File::create(dir.join("stdout")).expect("stdout file"))
        .stderr(File::create(dir.join("stderr")).expect("stderr file"));
    command
}

/// Runs a short `localnet` command to its end: exit status, stdout, stderr.
fn run_localnet(dir: &Path, args: &[impl AsRef<OsStr>]) -> (ExitStatus, String, String) {
    let status = localnet(dir, args).status().expect("localnet runs");
    let read = |name| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    (status, read("stdout"), read("stderr"))
}

/// The arguments that run a network with `manifest` on the RPC, websocket and gRPC `ports`.
fn network_args(manifest: &Path, ports: [u16; 3]) -> Vec<OsString> {
    let [rpc, ws, grpc] = ports.map(|port| OsString::from(port.to_string()));
    vec![
        "--manifest".into(),
        manifest.into(),
        "--rpc-port".into(),
        rpc,
        "--ws-port".into(),
        ws,
        "--grpc-port".into(),
        grpc,
    ]
}

/// A free loopback port.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

fn port_is_free(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

/// A `localnet` child process; killed if the test ends without stopping it.
struct Network {
    child: Child,
    dir: PathBuf,
    /// RPC, websocket and gRPC.
    ports: [u16; 3],
    manifest: Option<LoadedManifest>,
}

impl Network {
    /// Starts `localnet` with a manifest in a scratch directory and waits for the manifest.
    fn spawn(name: &str) -> Self {
        let dir = scratch(name);
        let manifest = dir.join("deployment").join("manifest.json");
        let ports = [free_port(), free_port(), free_port()];
        let mut args = network_args(&manifest, ports);
        args.extend(["--slot-time-ms".into(), "50".into()]);
        let child = localnet(&dir, &args).spawn().expect("localnet spawns");
        let mut network = Self {
            child,
            dir,
            ports,
            manifest: None,
        };
        let started = Instant::now();
        while !manifest.exists() {
            if let Ok(Some(status)) = network.child.try_wait() {
                panic!("localnet exited early ({status}): {}", network.output());
            }
            assert!(
                started.elapsed() < START_TIMEOUT,
                "no manifest after {START_TIMEOUT:?}: {}",
                network.output()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        network.manifest = Some(Manifest::load(&manifest).expect("the manifest reads"));
        network
    }

    fn manifest(&self) -> &LoadedManifest {
        self.manifest.as_ref().expect("read at spawn")
    }

    fn output(&self) -> String {
        let read = |name| std::fs::read_to_string(self.dir.join(name)).unwrap_or_default();
        format!("stdout:\n{}\nstderr:\n{}", read("stdout"), read("stderr"))
    }

    fn rpc(&self) -> RpcClient {
        RpcClient::new_with_commitment(
            self.manifest().manifest.endpoints.rpc.clone(),
            CommitmentConfig::confirmed(),
        )
    }

    fn key(&self, role: RoleKey) -> Keypair {
        self.manifest()
            .keypair(role)
            .unwrap_or_else(|error| panic!("{error}"))
    }

    /// SIGTERM, then waits for a clean exit.
    fn stop(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("waiting for localnet") {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "localnet did not stop on SIGTERM: {}",
                self.output()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Network {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends `instructions` paid by the first signer and waits for confirmation.
fn send(
    rpc: &RpcClient,
    instructions: &[Instruction],
    signers: &[&Keypair],
) -> Result<solana_keypair::Signature, String> {
    let blockhash = rpc.get_latest_blockhash().map_err(|e| e.to_string())?;
    let message = Message::new(instructions, Some(&signers[0].pubkey()));
    let tx = Transaction::new(signers, message, blockhash);
    rpc.send_and_confirm_transaction(&tx)
        .map_err(|e| e.to_string())
}

fn fetch<T: AccountDeserialize>(rpc: &RpcClient, address: &Pubkey) -> T {
    let data = rpc.get_account_data(address).expect("account exists");
    T::try_deserialize(&mut data.as_slice()).expect("account decodes")
}

fn token_amount(rpc: &RpcClient, address: &Pubkey) -> u64 {
    let data = rpc.get_account_data(address).expect("token account exists");
    spl_token_interface::state::Account::unpack(&data)
        .expect("a token account")
        .amount
}

/// The published price update.
fn price(rpc: &RpcClient, address: &Pubkey) -> PriceUpdate {
    let account = rpc.get_account(address).expect("the price account exists");
    PriceUpdate::decode(&account.owner, &account.data).expect("a PriceUpdateV2")
}

/// The chain's unix time.
fn clock(rpc: &RpcClient) -> i64 {
    io_localnet::clock::now(rpc).expect("the clock").0
}

/// Moves the chain's clock `secs` forward; returns the new time.
fn travel(rpc: &RpcClient, secs: i64) -> i64 {
    io_localnet::clock::travel(rpc, secs).expect("surfnet_timeTravel")
}

/// Polls `check` every 50 ms for up to `timeout`.
fn eventually(timeout: Duration, mut check: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < timeout {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    check()
}

fn associated(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    spl_associated_token_account_interface::address::get_associated_token_address(owner, mint)
}

#[test]
fn a_second_process_reads_the_manifest_and_signs_as_every_role() {
    let network = Network::spawn("roles");
    let rpc = network.rpc();
    let m = &network.manifest().manifest;

    // The manifest describes this chain: its genesis hash, programs, configs (each governed by
    // the governance PDA, on the local profile) and price.
    assert_eq!(m.profile, "local");
    assert_eq!(
        m.endpoints.grpc,
        Some(format!("http://127.0.0.1:{}", network.ports[2]))
    );
    assert_eq!(m.authority, io_client::governance::governance_address());
    let genesis = rpc.get_genesis_hash().expect("genesis hash");
    assert_eq!(m.genesis_hash.to_bytes(), genesis.to_bytes());
    for (program, config) in [
        (m.programs.iosd, m.configs.iosd),
        (m.programs.market, m.configs.market),
        (m.programs.inference, m.configs.inference),
        (m.programs.rewards, m.configs.rewards),
        (m.programs.governance, m.configs.governance),
    ] {
        let account = rpc.get_account(&config).expect("config exists");
        assert_eq!(account.owner, program, "config {config} of {program}");
    }
    let update = price(&rpc, &m.price.address);
    assert_eq!(update.message.price, 250_000_000);

    // The faucet funds a provider with SOL and IO; the mint authority mints more.
    let faucet = network.key(RoleKey::Faucet);
    let provider = Keypair::new();
    let io_mint = m.tokens.io_mint;
    let provider_io = associated(&provider.pubkey(), &io_mint);
    let fund = [
        solana_system_interface::instruction::transfer(
            &faucet.pubkey(),
            &provider.pubkey(),
            10_000_000_000,
        ),
        spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(
            &faucet.pubkey(),
            &provider.pubkey(),
            &io_mint,
            &spl_token_interface::ID,
        ),
        spl_token_interface::instruction::transfer(
            &spl_token_interface::ID,
            &associated(&faucet.pubkey(), &io_mint),
            &provider_io,
            &faucet.pubkey(),
            &[],
            3_000 * IO,
        )
        .unwrap(),
    ];
    send(&rpc, &fund, &[&faucet]).expect("the faucet funds");
    let mint_authority = network.key(RoleKey::MintAuthority);
    let mint = spl_token_interface::instruction::mint_to(
        &spl_token_interface::ID,
        &io_mint,
        &provider_io,
        &mint_authority.pubkey(),
        &[],
        IO,
    )
    .unwrap();
    send(&rpc, &[mint], &[&mint_authority]).expect("the mint authority mints");
    assert_eq!(token_amount(&rpc, &provider_io), 3_001 * IO);

    // The council passes a proposal adding a GPU class: created, voted, held up and executed
    // within the test (the local profile's five-minute vote and two-minute hold-up, moved
    // through with time travel). The provider registers and stakes a device in it.
    let council = Council {
        key: network.key(RoleKey::Council),
    };
    let h100 = market::class_name("H100-80GB-SXM");
    let terms = market::GpuClassTerms {
        usd_per_gpu_hour_micros: 2_000_000,
        multiplier_bps: 15_000,
        pool: market::Pool::Enterprise,
    };
    let class_ix = market::gpu_class_create(m.authority, m.authority, h100, terms);
    let direct = market::key_set_add(
        council.key.pubkey(),
        market::KeySet::Settlers,
        council.key.pubkey(),
    );
    assert!(
        send(&rpc, &[direct], &[&council.key]).is_err(),
        "only governance acts as the authority"
    );
    let proposal = council
        .pass(&rpc, &[class_ix], "Price book: H100-80GB-SXM")
        .unwrap_or_else(|error| panic!("{error}"));
    let state: io_client::governance::Proposal = fetch(&rpc, &proposal);
    assert_eq!(state.state, io_client::governance::ProposalState::Executed);
    let class = market::gpu_class_address(&h100);
    let created: market::GpuClass = fetch(&rpc, &class);
    assert_eq!(created.terms.usd_per_gpu_hour_micros, 2_000_000);
    let index = fetch::<market::Config>(&rpc, &m.configs.market).devices_registered;
    let spec = market::DeviceSpec {
        gpu_count: 8,
        bandwidth_tier: 3,
        region: 276,
        device_key: Pubkey::new_unique(),
    };
    let register = [
        market::provider_register(provider.pubkey(), provider_io, provider.pubkey()),
        market::device_register(provider.pubkey(), index, class, spec),
        market::stake_deposit(provider.pubkey(), index, class, provider_io, 2_400 * IO),
    ];
    send(&rpc, &register, &[&provider]).expect("the provider registers and stakes");
    let device = market::device_address(&provider.pubkey(), index);

    // The slasher opens a slash; a stranger may not.
    let slasher = network.key(RoleKey::Slasher);
    let stranger = Keypair::new();
    let pay = solana_system_interface::instruction::transfer(
        &faucet.pubkey(),
        &stranger.pubkey(),
        1_000_000_000,
    );
    send(&rpc, &[pay], &[&faucet]).expect("the stranger is funded");
    let slash = |by: &Keypair| market::slash_open(by.pubkey(), device, 0, 10 * IO, [1; 32]);
    assert!(send(&rpc, &[slash(&stranger)], &[&stranger]).is_err());
    send(&rpc, &[slash(&slasher)], &[&slasher]).expect("the slasher opens a slash");

    // The settler settles (a batch naming a lease that does not exist: skipped, accepted); a
    // stranger is refused.
    let settler = network.key(RoleKey::Settler);
    let batch = |by: &Keypair| {
        market::lease_settle_batch(
            by.pubkey(),
            &[market::BatchEntry {
                lease: market::lease_address(&device, 0),
                provider_owner: provider.pubkey(),
                cumulative_gpu_secs: 0,
            }],
        )
    };
    let refused = send(&rpc, &[batch(&stranger)], &[&stranger]).unwrap_err();
    assert!(refused.contains("custom program error"), "{refused}");
    send(&rpc, &[batch(&settler)], &[&settler]).expect("the settler settles");

    // Two of the three oracles sign the device's block rewards two hours on; the claim pays.
    let now = travel(&rpc, 2 * HOUR);
    let open = rewards::device_rewards_open(faucet.pubkey(), device);
    send(&rpc, &[open], &[&faucet]).expect("the record opens");
    let version = fetch::<rewards::Config>(&rpc, &m.configs.rewards).oracle_version;
    let domain = rewards::oracle_domain(m.genesis_hash.to_bytes());
    let total = rewards::OracleTotal {
        device,
        cumulative_io_base: 5 * IO,
        config_version: version,
    };
    let signed: Vec<_> = [0, 1]
        .map(|n| {
            let oracle = network.key(RoleKey::Oracle(n));
            let secret: [u8; 32] = oracle.to_bytes()[..32].try_into().unwrap();
            rewards::sign_total(
                &ed25519_dalek::SigningKey::from_bytes(&secret),
                &domain,
                total,
            )
        })
        .into();
    let entry = rewards::RewardsEntry {
        device,
        gpu_class: class,
        provider: market::provider_address(&provider.pubkey()),
        io_payout: provider_io,
    };
    let before = token_amount(&rpc, &provider_io);
    let claim = rewards::claim_instructions(faucet.pubkey(), &domain, &signed, &[entry]);
    send(&rpc, &claim, &[&faucet]).expect("the oracles' total is paid");
    assert_eq!(token_amount(&rpc, &provider_io), before + 5 * IO);

    // The guardian pauses registration (its bounded power); the council may not.
    let guardian = network.key(RoleKey::Guardian);
    let pause =
        |by: &Keypair| market::guardian_pause(by.pubkey(), market::PauseClass::Registration, 1);
    assert!(send(&rpc, &[pause(&council.key)], &[&council.key]).is_err());
    send(&rpc, &[pause(&guardian)], &[&guardian]).expect("the guardian pauses");

    // The price was republished after the time travel, and `localnet price set` changes it.
    assert!(
        eventually(Duration::from_secs(10), || {
            price(&rpc, &m.price.address).message.publish_time >= now
        }),
        "the price is stale after the time travel"
    );
    let (status, stdout, stderr) = run_localnet(
        &scratch("roles-price"),
        &[
            "price",
            "set",
            "3.10",
            "--conf",
            "0.02",
            "--manifest",
            network.manifest().path.to_str().unwrap(),
        ],
    );
    assert!(status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("$3.10000000"), "{stdout}");
    assert!(
        eventually(Duration::from_secs(10), || {
            let message = price(&rpc, &m.price.address).message;
            (message.price, message.conf) == (310_000_000, 2_000_000)
        }),
        "the keeper did not take the new price"
    );

    // SIGTERM stops the network cleanly, removes its manifest and frees both ports.
    let ports = network.ports;
    let manifest = network.manifest().path.clone();
    let status = network.stop();
    assert!(status.success(), "localnet exited with {status}");
    assert!(
        !manifest.exists(),
        "the manifest of a stopped network is still there"
    );
    for port in ports {
        assert!(port_is_free(port), "port {port} still held");
    }
}

#[test]
fn the_price_stays_fresh_across_time_travel_and_goes_stale_when_told() {
    let localnet = Localnet::start(LocalnetConfig::free_ports().unwrap()).expect("starts");
    let rpc = localnet.rpc_client();
    let faucet = localnet.deployment.faucet.insecure_clone();
    let faucet_io = associated(&faucet.pubkey(), &localnet.deployment.io_mint);
    let price_account = localnet.price.address();
    let holder = iosd::holder_open(faucet.pubkey(), faucet.pubkey());
    send(&rpc, &[holder], &[&faucet]).expect("holder opened");
    let mint = |iosd_out: u64| {
        let amount = iosd::MintAmount::ExactIosd {
            iosd_out_micros: iosd_out * IOSD,
            max_io_in_base: 1_000 * IO,
        };
        let ix = iosd::iosd_mint(
            faucet.pubkey(),
            faucet_io,
            faucet.pubkey(),
            price_account,
            amount,
        );
        send(&rpc, &[ix], &[&faucet])
    };
    mint(10).expect("a fresh price at start");

    // A day later, the keeper has republished at the new time: minting works at once.
    let later = travel(&rpc, 24 * HOUR);
    assert!(
        localnet
            .price
            .wait_published_since(later, Duration::from_secs(10)),
        "no publication after the time travel"
    );
    assert!(price(&rpc, &price_account).message.publish_time >= later);
    mint(10).expect("the price is fresh after a time travel");

    // Left to go stale, the price is refused two minutes on, by name.
    localnet
        .price
        .set(localnet.price.setting().stale())
        .unwrap();
    let stale_at = price(&rpc, &price_account).message.publish_time;
    let later = travel(&rpc, 120);
    assert!(
        !localnet
            .price
            .wait_published_since(later, Duration::from_secs(1)),
        "a stale price was republished"
    );
    assert_eq!(price(&rpc, &price_account).message.publish_time, stale_at);
    let stale = ::iosd::error::IosdError::PriceStale as u32 + anchor_lang::error::ERROR_CODE_OFFSET;
    let refused = mint(10).unwrap_err();
    assert!(refused.contains(&format!("0x{stale:x}")), "{refused}");

    // A new price is published from the next block on, and used.
    let fresh = PriceSetting::parse("3.00", "0.01").unwrap();
    localnet.price.set(fresh).unwrap();
    let now = clock(&rpc);
    assert!(
        localnet
            .price
            .wait_published_since(now, Duration::from_secs(10)),
        "the new price was not published"
    );
    assert_eq!(price(&rpc, &price_account).message.price, 300_000_000);
    mint(10).expect("minting at the new price");
    localnet.stop().unwrap();
}

#[test]
fn bad_input_gets_one_named_line_and_leaves_nothing_running() {
    let dir = scratch("bad-input");
    let ports = [free_port(), free_port(), free_port()];

    // A manifest path under a regular file cannot be written: refused before anything starts.
    let file = dir.join("a-file");
    std::fs::write(&file, b"").unwrap();
    let manifest = file.join("manifest.json");
    let (status, _, stderr) = run_localnet(&dir, &network_args(&manifest, ports));
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("localnet: cannot write the deployment manifest"),
        "{stderr}"
    );
    for port in ports {
        assert!(port_is_free(port), "port {port} was left open");
    }

    // `localnet price` with a bad price (checked before anything is read) or no manifest.
    let missing = dir.join("missing.json");
    for (args, named) in [
        (vec!["price", "set", "abc"], "is not a USD amount"),
        (vec!["price", "set", "0"], "must be above zero"),
        (
            vec!["price", "set", "1", "--conf", "2"],
            "must be below the price",
        ),
        (
            vec!["price", "set", "2.5"],
            "cannot read the deployment manifest",
        ),
        (
            vec!["price", "stale"],
            "cannot read the deployment manifest",
        ),
    ] {
        let mut args = args;
        args.extend(["--manifest", missing.to_str().unwrap()]);
        let (status, _, stderr) = run_localnet(&dir, &args);
        assert_eq!(status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
    assert!(!missing.exists());
}

/// A Yellowstone subscription: the request stream's sender and the update stream.
struct Subscription {
    requests: tokio::sync::mpsc::Sender<SubscribeRequest>,
    updates: yellowstone_grpc_proto::tonic::Streaming<SubscribeUpdate>,
}

impl Subscription {
    async fn open(url: &str, request: SubscribeRequest) -> Self {
        let mut client = GeyserClient::connect(url.to_string())
            .await
            .expect("the gRPC server answers");
        let (requests, outgoing) = tokio::sync::mpsc::channel(8);
        requests.send(request).await.unwrap();
        let updates = client
            .subscribe(tokio_stream::wrappers::ReceiverStream::new(outgoing))
            .await
            .expect("subscribed")
            .into_inner();
        Self { requests, updates }
    }

    /// The next update, within 10 s.
    async fn next(&mut self) -> Result<SubscribeUpdate, yellowstone_grpc_proto::tonic::Status> {
        tokio::time::timeout(Duration::from_secs(10), self.updates.message())
            .await
            .expect("an update within 10 s")
            .map(|update| update.expect("the stream is open"))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_grpc_client_receives_the_account_and_transaction_updates_of_an_rpc_transaction() {
    let mut config = LocalnetConfig::free_ports().unwrap();
    config.grpc_port = Some(free_port());
    let localnet = tokio::task::spawn_blocking(move || Localnet::start(config))
        .await
        .unwrap()
        .expect("starts");
    let url = localnet.grpc_url.clone().expect("gRPC served");
    let faucet = localnet.deployment.faucet.insecure_clone();
    let recipient = Pubkey::new_unique();
    let system = solana_pubkey::pubkey!("11111111111111111111111111111111");

    // Subscribed to the recipient by address and to system-owned accounts, to transactions
    // naming the recipient, and to confirmed slots; the pong says the filters are in place.
    let request = SubscribeRequest {
        accounts: HashMap::from([
            (
                "recipient".to_string(),
                SubscribeRequestFilterAccounts {
                    account: vec![recipient.to_string()],
                    ..Default::default()
                },
            ),
            (
                "system-owned".to_string(),
                SubscribeRequestFilterAccounts {
                    owner: vec![system.to_string()],
                    ..Default::default()
                },
            ),
        ]),
        transactions: HashMap::from([(
            "to-recipient".to_string(),
            SubscribeRequestFilterTransactions {
                account_include: vec![recipient.to_string()],
                failed: Some(false),
                ..Default::default()
            },
        )]),
        slots: HashMap::from([("slots".to_string(), SubscribeRequestFilterSlots::default())]),
        commitment: Some(CommitmentLevel::Processed as i32),
        ping: Some(SubscribeRequestPing { id: 7 }),
        ..Default::default()
    };
    let mut subscription = Subscription::open(&url, request).await;
    // A second subscriber at `confirmed`: transactions are held until their slot confirms.
    let confirmed_request = SubscribeRequest {
        transactions: HashMap::from([(
            "to-recipient".to_string(),
            SubscribeRequestFilterTransactions {
                account_include: vec![recipient.to_string()],
                ..Default::default()
            },
        )]),
        slots: HashMap::from([(
            "confirmed-slots".to_string(),
            SubscribeRequestFilterSlots {
                filter_by_commitment: Some(true),
                ..Default::default()
            },
        )]),
        commitment: Some(CommitmentLevel::Confirmed as i32),
        ping: Some(SubscribeRequestPing { id: 8 }),
        ..Default::default()
    };
    let mut confirmed_subscription = Subscription::open(&url, confirmed_request).await;
    for (subscription, id) in [(&mut subscription, 7), (&mut confirmed_subscription, 8)] {
        loop {
            if let Some(UpdateOneof::Pong(pong)) = subscription.next().await.unwrap().update_oneof {
                assert_eq!(pong.id, id);
                break;
            }
        }
    }

    // A transfer sent over RPC.
    let rpc_url = localnet.rpc_url.clone();
    let payer = faucet.insecure_clone();
    let (signature, rpc_slot) = tokio::task::spawn_blocking(move || {
        let rpc = RpcClient::new_with_commitment(rpc_url, CommitmentConfig::confirmed());
        let ix =
            solana_system_interface::instruction::transfer(&payer.pubkey(), &recipient, 5_000_000);
        let signature = send(&rpc, &[ix], &[&payer]).expect("the transfer lands");
        let status = rpc
            .get_signature_statuses(&[signature])
            .unwrap()
            .value
            .remove(0)
            .expect("a status");
        (signature, status.slot)
    })
    .await
    .unwrap();

    // The transaction, the recipient's account (naming both account filters) and the slot's
    // confirmation arrive, all at the slot RPC reports.
    let (mut transaction_slot, mut account_slot, mut confirmed) = (None, None, false);
    while transaction_slot.is_none() || account_slot.is_none() || !confirmed {
        let update = subscription.next().await.expect("no stream error");
        match update.update_oneof.expect("an update") {
            UpdateOneof::Transaction(tx) => {
                let info = tx.transaction.expect("transaction info");
                if info.signature == signature.as_ref() {
                    assert_eq!(update.filters, ["to-recipient"]);
                    let meta = info.meta.expect("meta");
                    assert!(meta.err.is_none());
                    assert!(!meta.log_messages.is_empty());
                    transaction_slot = Some(tx.slot);
                }
            }
            UpdateOneof::Account(account) => {
                let info = account.account.expect("account info");
                if info.pubkey == recipient.to_bytes() {
                    let mut names = update.filters.clone();
                    names.sort();
                    assert_eq!(names, ["recipient", "system-owned"]);
                    assert_eq!(info.lamports, 5_000_000);
                    assert_eq!(info.txn_signature.as_deref(), Some(signature.as_ref()));
                    account_slot = Some(account.slot);
                }
            }
            UpdateOneof::Slot(slot)
                if Some(slot.slot) == transaction_slot
                    && slot.status == SlotStatus::SlotConfirmed as i32 =>
            {
                confirmed = true;
            }
            _ => {}
        }
    }
    assert_eq!(transaction_slot, Some(rpc_slot));
    assert_eq!(account_slot, Some(rpc_slot));

    // At `confirmed`, the slot's confirmation comes first, then the transaction it released;
    // only confirmed slots are streamed.
    let mut seen_confirmation = false;
    loop {
        let update = confirmed_subscription
            .next()
            .await
            .expect("no stream error");
        match update.update_oneof.expect("an update") {
            UpdateOneof::Slot(slot) => {
                assert_eq!(slot.status, SlotStatus::SlotConfirmed as i32);
                seen_confirmation |= slot.slot == rpc_slot;
            }
            UpdateOneof::Transaction(tx) => {
                let info = tx.transaction.expect("transaction info");
                if info.signature == signature.as_ref() {
                    assert!(
                        seen_confirmation,
                        "the transaction came before its slot confirmed"
                    );
                    assert_eq!(tx.slot, rpc_slot);
                    break;
                }
            }
            _ => {}
        }
    }

    // The manifest of a network with gRPC names it; unary calls answer from the chain.
    let mut client = GeyserClient::connect(url.clone()).await.unwrap();
    let slot = client
        .get_slot(GetSlotRequest { commitment: None })
        .await
        .unwrap()
        .into_inner()
        .slot;
    assert!(slot >= rpc_slot);

    // What the local network cannot serve is refused by name.
    let request = SubscribeRequest {
        blocks_meta: HashMap::from([("meta".to_string(), Default::default())]),
        ..Default::default()
    };
    let mut refused = Subscription::open(&url, request).await;
    let status = refused.next().await.unwrap_err();
    assert_eq!(
        status.code(),
        yellowstone_grpc_proto::tonic::Code::InvalidArgument
    );
    assert!(
        status.message().contains("blocks_meta"),
        "{}",
        status.message()
    );
    drop(subscription.requests);

    tokio::task::spawn_blocking(move || localnet.stop())
        .await
        .unwrap()
        .unwrap();
}

#[test]
fn a_grpc_port_in_use_is_named_and_nothing_is_left_running() {
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = holder.local_addr().unwrap().port();
    let mut config = LocalnetConfig::free_ports().unwrap();
    config.grpc_port = Some(taken);
    let error = Localnet::start(config.clone()).err().expect("refused");
    assert!(
        matches!(error, io_localnet::LocalnetError::PortInUse { port } if port == taken),
        "{error}"
    );
    for port in [config.rpc_port, config.ws_port] {
        assert!(port_is_free(port), "port {port} was left open");
    }

    // The binary says so in one line.
    let dir = scratch("grpc-port");
    let manifest = dir.join("manifest.json");
    let ports = [free_port(), free_port(), taken];
    let (status, _, stderr) = run_localnet(&dir, &network_args(&manifest, ports));
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "localnet: port {taken} on 127.0.0.1 is already in use; stop what holds it or \
             choose another port"
        )
    );
    assert!(!manifest.exists());
}
