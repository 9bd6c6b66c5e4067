//! A small marketplace driven through the local network's real RPC, every step a confirmed
//! transaction: a price feed, a provider with a staked H100 ×8, a renter paying an IOSD lease
//! that a settler settles after an hour, a provider claiming its earnings, and an inference
//! session whose gateway verifies a thousand signed receipts and settles them in one
//! transaction. Each step prints one line; [`Report`] carries the figures the end-to-end test
//! checks.
//!
//! The network has no Pyth receiver program: its price keeper publishes the IO/USD
//! `PriceUpdateV2` account (the local stand-in for a price posted by Pyth), and republishes it
//! right after time moves with `surfnet_timeTravel`. The settler is the network's own.

use anyhow::{Context, bail};
use ed25519_dalek::SigningKey;
use io_client::{inference, iosd, market};
use io_localnet::Localnet;
use io_receipt::Receipt;
use io_receipt::client::SessionLedger;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// IO base units per IO, and IOSD micros per IOSD.
const IO: u64 = 100_000_000;
const IOSD: u64 = 1_000_000;
/// Receipts the demo's inference session signs.
const RECEIPTS: u64 = 1_000;
/// The model's price per request, in IOSD micros ($0.002).
const PRICE_PER_REQUEST: u64 = 2_000;

/// What the marketplace run produced.
#[derive(Debug)]
pub struct Report {
    pub lease: Pubkey,
    /// Paid by the lease's settlement, in IOSD micros, and the provider's claim.
    pub lease_paid_micros: u64,
    pub provider_claimed_micros: u64,
    pub session: Pubkey,
    /// What the session's one settlement paid, and the provider's share of it.
    pub session_paid_micros: u64,
    pub session_provider_micros: u64,
    /// Transactions the demo sent.
    pub transactions: usize,
}

/// The demo's RPC side: one client, a funder, and the count of transactions sent.
struct Chain<'a> {
    rpc: RpcClient,
    funder: &'a Keypair,
    sent: usize,
}

impl Chain<'_> {
    /// Sends `instructions` paid by the first signer and waits for confirmation.
    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
        what: &str,
    ) -> anyhow::Result<()> {
        let blockhash = self.rpc.get_latest_blockhash().context(what.to_string())?;
        let message = Message::new(instructions, Some(&signers[0].pubkey()));
        // Steps pass every key that may sign; a transaction refuses keys it does not need.
        let required = &message.account_keys[..usize::from(message.header.num_required_signatures)];
        let signers: Vec<&Keypair> = signers
            .iter()
            .copied()
            .filter(|k| required.contains(&k.pubkey()))
            .collect();
        let mut tx = Transaction::new_unsigned(message);
        tx.try_sign(&signers, blockhash).with_context(|| {
            let required: Vec<String> = tx.message.account_keys
                [..usize::from(tx.message.header.num_required_signatures)]
                .iter()
                .map(|k| k.to_string())
                .collect();
            let given: Vec<String> = signers.iter().map(|k| k.pubkey().to_string()).collect();
            format!("demo: signing {what} (needs {required:?}, given {given:?})")
        })?;
        self.rpc
            .send_and_confirm_transaction(&tx)
            .with_context(|| format!("demo: {what}"))?;
        self.sent += 1;
        Ok(())
    }

    /// A new key holding `sol` SOL, from the funder.
    fn funded(&mut self, sol: u64) -> anyhow::Result<Keypair> {
        let key = Keypair::new();
        let ix = solana_system_interface::instruction::transfer(
            &self.funder.pubkey(),
            &key.pubkey(),
            sol * 1_000_000_000,
        );
        let funder = self.funder.insecure_clone();
        self.send(&[ix], &[&funder], "funding a key")?;
        Ok(key)
    }

    /// Moves the cluster's clock `secs` seconds forward and waits until the price keeper has
    /// published at the new time.
    fn travel(&self, localnet: &Localnet, secs: i64) -> anyhow::Result<()> {
        io_localnet::clock::travel(&self.rpc, secs).map_err(anyhow::Error::msg)?;
        localnet
            .wait_for_price(std::time::Duration::from_secs(30))
            .context("demo: after the time travel")?;
        Ok(())
    }
}

/// Runs the marketplace on `localnet`, printing a line per step.
pub fn run(localnet: &Localnet) -> anyhow::Result<Report> {
    let deployment = &localnet.deployment;
    let mut chain = Chain {
        rpc: localnet.rpc_client(),
        funder: &deployment.faucet,
        sent: 0,
    };
    let faucet = deployment.faucet.insecure_clone();
    let mint_authority = deployment.mint_authority.insecure_clone();
    let io_mint = deployment.io_mint;
    let price = localnet.price.address();
    println!("demo: IO/USD $2.50 ± $0.01 kept fresh at {price} (the local stand-in for Pyth)");

    // People: a provider, a renter, a model owner and an inference user, each with IO.
    let provider = chain.funded(10)?;
    let renter = chain.funded(10)?;
    let owner = chain.funded(10)?;
    let user = chain.funded(10)?;
    let mut accounts = Vec::new();
    for (key, io_whole) in [
        (&provider, 3_000),
        (&renter, 1_000),
        (&owner, 0),
        (&user, 1_000),
    ] {
        let account =
            anchor_spl::associated_token::get_associated_token_address(&key.pubkey(), &io_mint);
        let mut ixs = vec![
            spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(
                &faucet.pubkey(),
                &key.pubkey(),
                &io_mint,
                &spl_token_interface::ID,
            ),
            iosd::holder_open(faucet.pubkey(), key.pubkey()),
        ];
        if io_whole > 0 {
            ixs.push(spl_token_interface::instruction::mint_to(
                &spl_token_interface::ID,
                &io_mint,
                &account,
                &mint_authority.pubkey(),
                &[],
                io_whole * IO,
            )?);
        }
        chain.send(&ixs, &[&faucet, &mint_authority], "giving a participant IO")?;
        accounts.push(account);
    }
    let (provider_io, renter_io, _, user_io) = (accounts[0], accounts[1], accounts[2], accounts[3]);
    println!("demo: provider, renter, model owner and user funded; IO minted to three of them");

    // The market: a price-book entry, passed by governance (every config's authority), and a
    // provider's staked device; the network's settler.
    let h100 = market::class_name("H100-80GB-SXM");
    let terms = market::GpuClassTerms {
        usd_per_gpu_hour_micros: 2_000_000,
        multiplier_bps: 15_000,
        pool: market::Pool::Enterprise,
    };
    let settler = deployment.settler.insecure_clone();
    let class_ix =
        market::gpu_class_create(deployment.authority, deployment.authority, h100, terms);
    let proposal = deployment
        .council
        .pass(
            &chain.rpc,
            &[class_ix],
            "Price book: H100-80GB-SXM at $2.00 per GPU-hour",
        )
        .context("demo: passing the H100 proposal")?;
    println!(
        "demo: proposal {proposal} (H100 at $2.00/GPU-hour) voted, held up and executed by governance"
    );
    localnet
        .wait_for_price(std::time::Duration::from_secs(30))
        .context("demo: after the vote")?;
    let class = market::gpu_class_address(&h100);
    let spec = market::DeviceSpec {
        gpu_count: 8,
        bandwidth_tier: 3,
        region: 276,
        device_key: Keypair::new().pubkey(),
    };
    // A new provider's first device index is the count of devices ever registered.
    let index = fetch::<market::Config>(&chain.rpc, &market::config_address())?.devices_registered;
    chain.send(
        &[
            market::provider_register(provider.pubkey(), provider_io, provider.pubkey()),
            market::device_register(provider.pubkey(), index, class, spec),
            market::stake_deposit(provider.pubkey(), index, class, provider_io, 2_400 * IO),
            market::device_set_available(provider.pubkey(), index, class, true),
        ],
        &[&provider],
        "registering, staking and offering the provider's device",
    )?;
    let device = market::device_address(&provider.pubkey(), index);
    println!("demo: H100 at $2.00/GPU-hour; device {device} (H100 ×8) staked 2,400 IO and offered");

    // The renter buys IOSD and leases two GPUs for a $100 deposit.
    let amount = iosd::MintAmount::ExactIosd {
        iosd_out_micros: 500 * IOSD,
        max_io_in_base: 1_000 * IO,
    };
    chain.send(
        &[iosd::iosd_mint(
            renter.pubkey(),
            renter_io,
            renter.pubkey(),
            price,
            amount,
        )],
        &[&renter],
        "minting the renter's IOSD",
    )?;
    let deployment_accounts = deployment.market_accounts();
    let args = market::LeaseOpenArgs {
        gpu_count: 2,
        funding: market::LeaseFunding::Iosd {
            deposit_micros: 100 * IOSD,
        },
        max_rate_usd_per_gpu_hour_micros: 2_000_000,
    };
    chain.send(
        &[market::lease_open(
            renter.pubkey(),
            device,
            class,
            0,
            deployment_accounts,
            args,
            None,
        )],
        &[&renter],
        "opening the lease",
    )?;
    let lease = market::lease_address(&device, 0);
    println!(
        "demo: renter minted 500 IOSD at $2.48 and opened lease {lease}: 2 GPUs, $100 deposited"
    );

    // An hour later the settler reports 2 GPU-hours; the provider claims its earnings; anyone
    // sweeps the fees the lease accrued to the burn and the treasury.
    chain.travel(localnet, 3_600)?;
    chain.send(
        &[market::lease_settle(
            settler.pubkey(),
            lease,
            provider.pubkey(),
            7_200,
        )],
        &[&settler],
        "settling the lease",
    )?;
    let settled: market::Lease = fetch(&chain.rpc, &lease)?;
    let before = token_amount(&chain.rpc, &iosd::holder_address(&provider.pubkey()))?;
    chain.send(
        &[market::provider_claim(provider.pubkey(), provider.pubkey())],
        &[&provider],
        "claiming the provider's earnings",
    )?;
    let claimed = token_amount(&chain.rpc, &iosd::holder_address(&provider.pubkey()))? - before;
    let fees: market::Config = fetch(&chain.rpc, &market::config_address())?;
    chain.send(
        &[market::fees_sweep(
            settler.pubkey(),
            deployment_accounts,
            market::Currency::Iosd,
        )],
        &[&settler],
        "sweeping the lease fees",
    )?;
    println!(
        "demo: +1 hour; settled 7,200 GPU-seconds: ${} paid, provider claimed ${}; fees swept: ${} burned, ${} to the treasury",
        usd(settled.paid),
        usd(claimed),
        usd(fees.fees.burn.iosd_micros),
        usd(fees.fees.treasury.iosd_micros)
    );

    // Inference: a model paid in IOSD; a user's session; a thousand receipts, one settlement.
    let model_id = *b"llama-3.1-70b-instruct..........";
    let model_terms = inference::ModelTerms {
        currency: inference::Currency::Iosd,
        price_per_request: PRICE_PER_REQUEST,
        price_per_1k_tokens: 0,
        split: inference::RevenueSplit {
            model_owner_bps: 7_000,
            provider_bps: 2_500,
            burn_bps: 500,
        },
    };
    chain.send(
        &[inference::model_register(
            owner.pubkey(),
            model_id,
            [0xC0; 32],
            model_terms,
        )],
        &[&owner],
        "registering the model",
    )?;
    let model = inference::model_address(&owner.pubkey(), &model_id);
    let amount = iosd::MintAmount::ExactIosd {
        iosd_out_micros: 10 * IOSD,
        max_io_in_base: 100 * IO,
    };
    chain.send(
        &[iosd::iosd_mint(
            user.pubkey(),
            user_io,
            user.pubkey(),
            price,
            amount,
        )],
        &[&user],
        "minting the user's IOSD",
    )?;
    let session_key = SigningKey::from_bytes(&rand_bytes());
    let payment = inference::Payment {
        model,
        currency: inference::Currency::Iosd,
        io_mint,
        provider_payout: iosd::holder_address(&provider.pubkey()),
    };
    let args = inference::SessionOpenArgs {
        session_key: Pubkey::new_from_array(session_key.verifying_key().to_bytes()),
        deposit: 5 * IOSD,
    };
    // A model's session nonces start at the count of sessions ever opened.
    let nonce = fetch::<inference::Model>(&chain.rpc, &model)?.sessions_created;
    chain.send(
        &[inference::session_open(user.pubkey(), payment, nonce, args)],
        &[&user],
        "opening the inference session",
    )?;
    let session = inference::session_address(&model, nonce);
    let domain = inference::receipt_domain(deployment.genesis_hash);
    let mut gateway = SessionLedger::new(domain, session, &session_key.verifying_key().to_bytes())
        .map_err(|error| anyhow::anyhow!("demo: the gateway refused the session key: {error:?}"))?;
    for sequence in 1..=RECEIPTS {
        let receipt = Receipt {
            session,
            cumulative_amount: sequence * PRICE_PER_REQUEST,
            sequence,
        };
        let signature = io_receipt::client::sign(&session_key, &domain, &receipt);
        if let Err(error) = gateway.accept(receipt, signature) {
            bail!("demo: the gateway refused receipt {sequence}: {error:?}");
        }
    }
    let (receipt, signature) = *gateway.latest().context("demo: no receipt")?;
    let before = token_amount(&chain.rpc, &iosd::holder_address(&provider.pubkey()))?;
    chain.send(
        &inference::session_settle(
            provider.pubkey(),
            payment,
            &domain,
            &receipt,
            &session_key.verifying_key().to_bytes(),
            &signature,
        ),
        &[&provider],
        "settling the session's latest receipt",
    )?;
    let state: inference::Session = fetch(&chain.rpc, &session)?;
    let provider_share =
        token_amount(&chain.rpc, &iosd::holder_address(&provider.pubkey()))? - before;
    // The burn share waits in the escrow until anyone sweeps it.
    chain.send(
        &[inference::burn_sweep(
            provider.pubkey(),
            inference::Currency::Iosd,
            deployment_accounts.io_mint,
        )],
        &[&provider],
        "burning the session's burn share",
    )?;
    println!(
        "demo: inference session {session}: {RECEIPTS} receipts signed and checked by the gateway, one settlement paid ${} (provider ${}, burned by the sweep ${}, model owner ${})",
        usd(state.settled),
        usd(state.to_provider),
        usd(state.burned),
        usd(state.to_owner)
    );
    Ok(Report {
        lease,
        lease_paid_micros: settled.paid,
        provider_claimed_micros: claimed,
        session,
        session_paid_micros: state.settled,
        session_provider_micros: provider_share,
        transactions: chain.sent,
    })
}

/// An account of one of our programs, decoded and checked.
fn fetch<T: anchor_lang::AccountDeserialize>(
    rpc: &RpcClient,
    address: &Pubkey,
) -> anyhow::Result<T> {
    let data = rpc
        .get_account_data(address)
        .with_context(|| format!("demo: reading {address}"))?;
    T::try_deserialize(&mut data.as_slice()).with_context(|| format!("demo: decoding {address}"))
}

/// A token account's balance.
fn token_amount(rpc: &RpcClient, address: &Pubkey) -> anyhow::Result<u64> {
    use solana_program_pack::Pack;
    let data = rpc
        .get_account_data(address)
        .with_context(|| format!("demo: reading {address}"))?;
    Ok(spl_token_interface::state::Account::unpack(&data)?.amount)
}

/// IOSD micros as dollars with cents.
fn usd(micros: u64) -> String {
    format!("{}.{:02}", micros / IOSD, micros % IOSD / 10_000)
}

/// 32 fresh random bytes for a session key (a new keypair's secret half).
fn rand_bytes() -> [u8; 32] {
    let bytes = Keypair::new().to_bytes();
    let mut secret = [0u8; 32];
    secret.copy_from_slice(&bytes[..32]);
    secret
}
