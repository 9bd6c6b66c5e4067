//! Bootstrapping a fresh local network over its RPC, each step a real transaction through
//! `sendTransaction`: the IO mint, every program's config with the governance PDA as its
//! authority (as on a real deployment) and the chosen profile's parameters, the council's voting
//! position, a funded faucet and block-reward vault, then the first proposal, which allows the
//! market and the inference program to spend IOSD and names the settler, the slasher and the
//! block-reward oracles.

use io_client::defaults::{IO_BASE_PER_IO, Profile};
use solana_instruction::Instruction;
use solana_keypair::{Keypair, Signature};
use solana_message::Message;
use solana_program_pack::Pack;
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;
use spl_associated_token_account_interface::address::get_associated_token_address;
use spl_token_interface::state::Mint;

use crate::LocalnetError;
use crate::governance::{COUNCIL_LOCKED_IO_BASE, Council};

/// Lamports surfpool gives each bootstrap key at start: enough for every fee and rent, and for
/// the faucet to fund many participants.
pub(crate) const AIRDROP_LAMPORTS: u64 = 1_000_000_000_000;

/// Block-reward oracles the local network creates (a claim needs a majority: two).
pub const ORACLES: usize = 3;

/// IO base units minted to the faucet (10 million IO) and into the block-reward vault (one
/// million IO), so that leases, IOSD and reward claims work without another mint.
pub const FAUCET_IO_BASE: u64 = 10_000_000 * IO_BASE_PER_IO;
pub const REWARD_VAULT_IO_BASE: u64 = 1_000_000 * IO_BASE_PER_IO;

/// Lamports the governance PDA holds, so that proposals can pay for the accounts they create
/// (a GPU class, say): 100 SOL.
pub const GOVERNANCE_LAMPORTS: u64 = 100_000_000_000;

/// The keys the bootstrap uses, created before the network starts so it can fund them.
pub(crate) struct Keys {
    deployer: Keypair,
    council: Keypair,
    guardian: Keypair,
    mint_authority: Keypair,
    settler: Keypair,
    slasher: Keypair,
    oracles: Vec<Keypair>,
    faucet: Keypair,
}

impl Keys {
    pub(crate) fn new() -> Self {
        Self {
            deployer: io_client::defaults::localnet_deployer(),
            council: Keypair::new(),
            guardian: Keypair::new(),
            mint_authority: Keypair::new(),
            settler: Keypair::new(),
            slasher: Keypair::new(),
            oracles: (0..ORACLES).map(|_| Keypair::new()).collect(),
            faucet: Keypair::new(),
        }
    }

    /// Every key but the oracles, which only sign messages.
    pub(crate) fn to_fund(&self) -> Vec<Pubkey> {
        [
            &self.deployer,
            &self.council,
            &self.guardian,
            &self.mint_authority,
            &self.settler,
            &self.slasher,
            &self.faucet,
        ]
        .iter()
        .map(|key| key.pubkey())
        .collect()
    }
}

/// What the bootstrap created.
pub struct Deployment {
    /// The parameter profile the configs started with.
    pub profile: Profile,
    /// The build-time deployer, which initialised every config.
    pub deployer: Keypair,
    /// The authority of every config: the governance PDA.
    pub authority: Pubkey,
    /// Passes proposals alone on the local profile ([`Council::pass`]).
    pub council: Council,
    /// Guardian of every config.
    pub guardian: Keypair,
    /// Mint authority of the IO mint on the local network.
    pub mint_authority: Keypair,
    /// In the market's settler set.
    pub settler: Keypair,
    /// In the market's slasher set.
    pub slasher: Keypair,
    /// The rewards program's block-reward oracle set.
    pub oracles: Vec<Keypair>,
    /// Holds SOL and [`FAUCET_IO_BASE`] IO (in its associated account) to fund participants.
    pub faucet: Keypair,
    /// The IO token (8 decimals).
    pub io_mint: Pubkey,
    /// The market's treasury: the governance PDA's IO account.
    pub treasury: Pubkey,
    /// The IOSD credit (6 decimals): the iosd program's mint PDA, created by its `config_init`.
    pub iosd_mint: Pubkey,
    /// The cluster's genesis hash, which inference receipts carry.
    pub genesis_hash: [u8; 32],
    /// Each program's `config_init` transaction, in program order.
    pub config_signatures: Vec<(&'static str, Signature)>,
    /// The first proposal: spenders, settler, slasher and oracles.
    pub setup_proposal: Pubkey,
}

impl Deployment {
    /// The market's treasury accounts.
    pub fn market_accounts(&self) -> io_client::market::Deployment {
        io_client::market::Deployment {
            io_mint: self.io_mint,
            treasury: self.treasury,
            treasury_owner: self.authority,
        }
    }
}

pub(crate) fn run(
    rpc: &RpcClient,
    keys: Keys,
    profile: Profile,
) -> Result<Deployment, LocalnetError> {
    let deployer = keys.deployer.pubkey();
    let io_mint = create_io_mint(rpc, &keys)?;
    let mint_to = |account: &Pubkey, amount: u64| {
        spl_token_interface::instruction::mint_to(
            &spl_token_interface::ID,
            &io_mint,
            account,
            &keys.mint_authority.pubkey(),
            &[],
            amount,
        )
        .map_err(|error| failed("building mint_to", error))
    };

    // Every config's authority is the governance PDA; the market's treasury is its IO account.
    let authority = io_client::governance::governance_address();
    let guardian = keys.guardian.pubkey();
    let treasury = get_associated_token_address(&authority, &io_mint);
    let create_account = |owner: &Pubkey| {
        spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(
            &deployer,
            owner,
            &io_mint,
            &spl_token_interface::ID,
        )
    };
    send(
        rpc,
        &[
            create_account(&authority),
            solana_system_interface::instruction::transfer(
                &deployer,
                &authority,
                GOVERNANCE_LAMPORTS,
            ),
        ],
        &[&keys.deployer],
        "creating the treasury and funding the governance PDA",
    )?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(1));
    // Receipts and oracle totals name the cluster they are valid on.
    let genesis_hash = rpc
        .get_genesis_hash()
        .map_err(|error| failed("reading the genesis hash", error))?
        .to_bytes();
    let configs = [
        (
            "iosd",
            io_client::iosd::config_init(
                deployer,
                io_mint,
                io_client::defaults::iosd(authority, guardian),
            ),
        ),
        (
            "market",
            io_client::market::config_init(
                deployer,
                io_mint,
                treasury,
                io_client::market::ConfigInitArgs {
                    params: profile.market_params(),
                    ..io_client::defaults::market(authority, guardian)
                },
            ),
        ),
        (
            "inference",
            io_client::inference::config_init(
                deployer,
                io_mint,
                io_client::defaults::inference(authority, guardian, genesis_hash),
            ),
        ),
        (
            "rewards",
            io_client::rewards::config_init(
                deployer,
                io_mint,
                io_client::defaults::rewards(authority, guardian, now, genesis_hash),
            ),
        ),
        (
            "governance",
            io_client::governance::config_init(
                deployer,
                io_mint,
                io_client::governance::ConfigInitArgs {
                    params: profile.governance_params(),
                    ..io_client::defaults::governance(authority, guardian)
                },
            ),
        ),
    ];
    let mut config_signatures = Vec::new();
    for (name, ix) in configs {
        let signature = send(
            rpc,
            &[ix],
            &[&keys.deployer],
            &format!("initialising the {name} config"),
        )?;
        config_signatures.push((name, signature));
    }
    // IOSD holders anyone may open: the treasury owner's and the two spenders' escrows.
    let mut holders = vec![io_client::iosd::holder_open(deployer, authority)];
    for program in [io_client::market::ID, io_client::inference::ID] {
        holders.push(io_client::iosd::holder_open(
            deployer,
            io_client::iosd::spender_address(&program),
        ));
    }
    send(
        rpc,
        &holders,
        &[&keys.deployer],
        "opening the treasury's and the spenders' IOSD holders",
    )?;

    // IO for the faucet, the block-reward vault and the council, which locks its share.
    let council = Council { key: keys.council };
    let council_io = get_associated_token_address(&council.key.pubkey(), &io_mint);
    let faucet_io = get_associated_token_address(&keys.faucet.pubkey(), &io_mint);
    let funding = [
        create_account(&keys.faucet.pubkey()),
        create_account(&council.key.pubkey()),
        mint_to(&faucet_io, FAUCET_IO_BASE)?,
        mint_to(&council_io, COUNCIL_LOCKED_IO_BASE)?,
        mint_to(
            &io_client::rewards::reward_vault_address(),
            REWARD_VAULT_IO_BASE,
        )?,
    ];
    send(
        rpc,
        &funding,
        &[&keys.deployer, &keys.mint_authority],
        "funding the faucet, the council and the block-reward vault",
    )?;
    let (chain_now, _) = crate::clock::now(rpc).map_err(|error| failed("the clock", error))?;
    council.open_position(rpc, council_io, chain_now)?;

    // The first proposal: the spenders and the roles other processes act as.
    let setup = [
        io_client::iosd::spender_allow(authority, io_client::market::ID),
        io_client::iosd::spender_allow(authority, io_client::inference::ID),
        io_client::market::key_set_add(
            authority,
            io_client::market::KeySet::Settlers,
            keys.settler.pubkey(),
        ),
        io_client::market::key_set_add(
            authority,
            io_client::market::KeySet::Slashers,
            keys.slasher.pubkey(),
        ),
        io_client::rewards::oracles_set(
            authority,
            keys.oracles.iter().map(Signer::pubkey).collect(),
        ),
    ];
    let setup_proposal = council.pass(
        rpc,
        &setup,
        "Local network setup: allow the market and the inference program to spend IOSD; add \
         the settler and the slasher; set the block-reward oracles.",
    )?;
    Ok(Deployment {
        profile,
        deployer: keys.deployer,
        authority,
        council,
        guardian: keys.guardian,
        mint_authority: keys.mint_authority,
        settler: keys.settler,
        slasher: keys.slasher,
        oracles: keys.oracles,
        faucet: keys.faucet,
        io_mint,
        iosd_mint: io_client::iosd::iosd_mint_address(),
        treasury,
        genesis_hash,
        config_signatures,
        setup_proposal,
    })
}

/// Creates the IO mint (8 decimals) with the mint authority key; returns its address.
fn create_io_mint(rpc: &RpcClient, keys: &Keys) -> Result<Pubkey, LocalnetError> {
    let io_mint = Keypair::new();
    let rent = rpc
        .get_minimum_balance_for_rent_exemption(Mint::LEN)
        .map_err(|error| failed("reading the rent", error))?;
    let instructions = [
        solana_system_interface::instruction::create_account(
            &keys.deployer.pubkey(),
            &io_mint.pubkey(),
            rent,
            Mint::LEN as u64,
            &spl_token_interface::ID,
        ),
        spl_token_interface::instruction::initialize_mint2(
            &spl_token_interface::ID,
            &io_mint.pubkey(),
            &keys.mint_authority.pubkey(),
            None,
            market::constants::IO_DECIMALS,
        )
        .map_err(|error| failed("building initialize_mint2", error))?,
    ];
    send(
        rpc,
        &instructions,
        &[&keys.deployer, &io_mint],
        "creating the IO mint",
    )?;
    Ok(io_mint.pubkey())
}

/// Sends one transaction paid by the first signer and waits until it is confirmed.
pub(crate) fn send(
    rpc: &RpcClient,
    instructions: &[Instruction],
    signers: &[&Keypair],
    what: &str,
) -> Result<Signature, LocalnetError> {
    let blockhash = rpc
        .get_latest_blockhash()
        .map_err(|error| failed(what, error))?;
    let message = Message::new(instructions, Some(&signers[0].pubkey()));
    let tx = Transaction::new(signers, message, blockhash);
    rpc.send_and_confirm_transaction(&tx)
        .map_err(|error| failed(what, error))
}

fn failed(what: &str, error: impl std::fmt::Display) -> LocalnetError {
    LocalnetError::Bootstrap(format!("{what}: {error}"))
}
