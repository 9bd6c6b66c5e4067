//! Bootstrapping a fresh local network over its RPC: the IO and IOSD mints, then every
//! program's config, each a real transaction through `sendTransaction`.

use solana_instruction::Instruction;
use solana_keypair::{Keypair, Signature};
use solana_message::Message;
use solana_program_pack::Pack;
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;
use spl_token_interface::state::Mint;

use crate::LocalnetError;

/// Lamports surfpool gives each bootstrap key at start: enough for every fee and rent.
pub(crate) const AIRDROP_LAMPORTS: u64 = 1_000_000_000_000;

/// The keys the bootstrap uses, created before the network starts so it can fund them.
pub(crate) struct Keys {
    deployer: Keypair,
    authority: Keypair,
    guardian: Keypair,
    mint_authority: Keypair,
}

impl Keys {
    pub(crate) fn new() -> Self {
        Self {
            deployer: io_client::defaults::localnet_deployer(),
            authority: Keypair::new(),
            guardian: Keypair::new(),
            mint_authority: Keypair::new(),
        }
    }

    pub(crate) fn to_fund(&self) -> Vec<Pubkey> {
        vec![
            self.deployer.pubkey(),
            self.authority.pubkey(),
            self.guardian.pubkey(),
            self.mint_authority.pubkey(),
        ]
    }
}

/// What the bootstrap created.
pub struct Deployment {
    /// The build-time deployer, which initialised every config.
    pub deployer: Keypair,
    /// Authority of every config (a plain key on the local network).
    pub authority: Keypair,
    /// Guardian of every config.
    pub guardian: Keypair,
    /// Mint authority of the IO mint on the local network.
    pub mint_authority: Keypair,
    /// The IO token (8 decimals).
    pub io_mint: Pubkey,
    /// The authority's IO account: the market's treasury.
    pub treasury: Pubkey,
    /// The IOSD credit (6 decimals): the iosd program's mint PDA, created by its `config_init`.
    pub iosd_mint: Pubkey,
    /// The cluster's genesis hash, which inference receipts carry.
    pub genesis_hash: [u8; 32],
    /// Each program's `config_init` transaction, in program order.
    pub config_signatures: Vec<(&'static str, Signature)>,
}

pub(crate) fn run(rpc: &RpcClient, keys: Keys) -> Result<Deployment, LocalnetError> {
    let io_mint = Keypair::new();
    let mint_authority = keys.mint_authority.pubkey();
    let rent = rpc
        .get_minimum_balance_for_rent_exemption(Mint::LEN)
        .map_err(|error| failed("reading the rent", error))?;
    let mint_instructions = [
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
            &mint_authority,
            None,
            market::constants::IO_DECIMALS,
        )
        .map_err(|error| failed("building initialize_mint2", error))?,
    ];
    send(
        rpc,
        &mint_instructions,
        &[&keys.deployer, &io_mint],
        "creating the IO mint",
    )?;

    let (authority, guardian) = (keys.authority.pubkey(), keys.guardian.pubkey());
    // The market's treasury: the authority's IO account.
    let treasury = spl_associated_token_account_interface::address::get_associated_token_address(
        &authority,
        &io_mint.pubkey(),
    );
    send(
        rpc,
        &[spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(
            &keys.deployer.pubkey(),
            &authority,
            &io_mint.pubkey(),
            &spl_token_interface::ID,
        )],
        &[&keys.deployer],
        "creating the treasury",
    )?;
    let deployer = keys.deployer.pubkey();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(1));
    // Receipts name the cluster they are valid on.
    let genesis_hash = rpc
        .get_genesis_hash()
        .map_err(|error| failed("reading the genesis hash", error))?
        .to_bytes();
    let configs = [
        (
            "iosd",
            io_client::iosd::config_init(
                deployer,
                io_mint.pubkey(),
                io_client::defaults::iosd(authority, guardian),
            ),
        ),
        (
            "market",
            io_client::market::config_init(
                deployer,
                io_mint.pubkey(),
                treasury,
                io_client::defaults::market(authority, guardian),
            ),
        ),
        (
            "inference",
            io_client::inference::config_init(
                deployer,
                io_mint.pubkey(),
                io_client::defaults::inference(authority, guardian, genesis_hash),
            ),
        ),
        (
            "rewards",
            io_client::rewards::config_init(
                deployer,
                io_mint.pubkey(),
                io_client::defaults::rewards(authority, guardian, now, genesis_hash),
            ),
        ),
        (
            "governance",
            // Governance governs itself: its config's authority is the governance PDA.
            io_client::governance::config_init(
                deployer,
                io_mint.pubkey(),
                io_client::defaults::governance(
                    io_client::governance::governance_address(),
                    guardian,
                ),
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
    // The market and the inference program spend IOSD: allowed, with their escrows and the
    // treasury's IOSD holder open.
    let payer = keys.deployer.pubkey();
    let mut setup = vec![io_client::iosd::holder_open(payer, authority)];
    for program in [io_client::market::ID, io_client::inference::ID] {
        setup.push(io_client::iosd::spender_allow(authority, program));
        setup.push(io_client::iosd::holder_open(
            payer,
            io_client::iosd::spender_address(&program),
        ));
    }
    send(
        rpc,
        &setup,
        &[&keys.deployer, &keys.authority],
        "allowing the market and the inference program to spend IOSD",
    )?;
    Ok(Deployment {
        deployer: keys.deployer,
        authority: keys.authority,
        guardian: keys.guardian,
        mint_authority: keys.mint_authority,
        io_mint: io_mint.pubkey(),
        iosd_mint: io_client::iosd::iosd_mint_address(),
        treasury,
        genesis_hash,
        config_signatures,
    })
}

/// Sends one transaction paid by the first signer and waits until it is confirmed.
fn send(
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
