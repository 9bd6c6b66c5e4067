//! [`TestContext`]: the SVM, the deployed programs, the mints and the keys tests share.

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountDeserialize, Owner};
use io_client::fetch::{AccountSource, FetchError, RawAccount};
use litesvm::LiteSVM;
use solana_clock::Clock;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_signer::Signer;
use solana_transaction::Transaction;

use crate::outcome::{Executed, Failed, Outcome};
use crate::{IO_DECIMALS, programs};

/// Lamports given to every funded keypair: plenty for fees and rent.
pub const FUNDING_LAMPORTS: u64 = 100_000_000_000;

/// Unix time the tests start at (2026-01-01T00:00:00Z), so time rules see realistic values.
pub const GENESIS_UNIX_TIME: i64 = 1_767_225_600;

/// The genesis hash the tests' inference config names (LiteSVM has no cluster of its own to
/// ask); receipts signed for it verify in the tests, and for any other cluster they do not.
pub const TEST_GENESIS_HASH: [u8; 32] = *b"io-harness.litesvm.genesis.hash.";

pub struct TestContext {
    pub svm: LiteSVM,
    /// Pays fees and rent for fixtures.
    pub payer: Keypair,
    /// The build-time deployer, allowed to call every `*_init`.
    pub deployer: Keypair,
    /// The authority the configs are initialised with (a plain key in single-program tests).
    pub authority: Keypair,
    /// The guardian the configs are initialised with.
    pub guardian: Keypair,
    /// Mint authority of the fixture mints.
    pub mint_authority: Keypair,
    /// The IO token (8 decimals).
    pub io_mint: Pubkey,
    /// The authority's IO token account: the market's treasury.
    pub treasury: Pubkey,
    /// The IOSD credit (6 decimals): the iosd program's mint PDA, which exists once the iosd
    /// config is initialised.
    pub iosd_mint: Pubkey,
}

/// The localnet deployer's keypair (io-client's): the only key the programs accept for
/// `*_init` unless they were built with `IO_DEPLOYER` set to another address.
pub use io_client::defaults::localnet_deployer as deployer_keypair;

/// Builds a [`TestContext`].
#[derive(Default)]
pub struct TestContextBuilder {
    with_configs: bool,
}

impl TestContextBuilder {
    /// Also initialises every program's config with the defaults of `io_client::defaults`.
    pub fn with_configs(mut self) -> Self {
        self.with_configs = true;
        self
    }

    /// # Panics
    /// When a program cannot be deployed (a missing ELF under `IO_SBF_DIR`, for instance).
    pub fn build(self) -> TestContext {
        let mut svm = LiteSVM::new();
        for spec in programs::ALL.into_iter().chain(programs::TEST_ONLY) {
            native_svm::deploy(&mut svm, &spec, &spec.source_from_env())
                .unwrap_or_else(|error| panic!("{error}"));
        }
        let mut clock: Clock = svm.get_sysvar();
        clock.unix_timestamp = GENESIS_UNIX_TIME;
        svm.set_sysvar(&clock);

        let deployer = deployer_keypair();
        let payer = Keypair::new();
        let mut ctx = TestContext {
            svm,
            payer,
            deployer,
            authority: Keypair::new(),
            guardian: Keypair::new(),
            mint_authority: Keypair::new(),
            io_mint: Pubkey::default(),
            iosd_mint: io_client::iosd::iosd_mint_address(),
            treasury: Pubkey::default(),
        };
        for key in [
            ctx.payer.pubkey(),
            ctx.deployer.pubkey(),
            ctx.authority.pubkey(),
            ctx.guardian.pubkey(),
        ] {
            ctx.fund(&key, FUNDING_LAMPORTS);
        }
        let authority = ctx.mint_authority.pubkey();
        ctx.io_mint = ctx.create_mint(IO_DECIMALS, &authority);
        let (io_mint, owner) = (ctx.io_mint, ctx.authority.pubkey());
        ctx.treasury = ctx.token_account(&io_mint, &owner);
        if self.with_configs {
            ctx.init_configs();
        }
        ctx
    }
}

impl TestContext {
    pub fn builder() -> TestContextBuilder {
        TestContextBuilder::default()
    }

    /// A context with every program deployed and no config initialised.
    pub fn new() -> Self {
        Self::builder().build()
    }

    /// Initialises every program's config with the default parameters, `authority` and
    /// `guardian`.
    pub fn init_configs(&mut self) {
        let (authority, guardian) = (self.authority.pubkey(), self.guardian.pubkey());
        let deployer = self.deployer.pubkey();
        let now = self.now();
        let instructions = [
            io_client::iosd::config_init(
                deployer,
                self.io_mint,
                io_client::defaults::iosd(authority, guardian),
            ),
            io_client::market::config_init(
                deployer,
                self.io_mint,
                self.treasury,
                io_client::defaults::market(authority, guardian),
            ),
            io_client::inference::config_init(
                deployer,
                self.io_mint,
                io_client::defaults::inference(authority, guardian, TEST_GENESIS_HASH),
            ),
            io_client::rewards::config_init(
                deployer,
                self.io_mint,
                io_client::defaults::rewards(authority, guardian, now, TEST_GENESIS_HASH),
            ),
            // Governance governs itself: its config's authority is the governance PDA.
            io_client::governance::config_init(
                deployer,
                self.io_mint,
                io_client::defaults::governance(
                    io_client::governance::governance_address(),
                    guardian,
                ),
            ),
        ];
        let deployer = self.deployer.insecure_clone();
        for ix in instructions {
            self.send(&[ix], &[&deployer]).expect("config initialised");
        }
        // The market and the inference program spend IOSD: allowed, with their escrows and the
        // treasury's IOSD holder open.
        let authority_key = self.authority.insecure_clone();
        let payer = self.payer.pubkey();
        let mut setup = vec![io_client::iosd::holder_open(payer, authority)];
        for program in [io_client::market::ID, io_client::inference::ID] {
            setup.push(io_client::iosd::spender_allow(authority, program));
            setup.push(io_client::iosd::holder_open(
                payer,
                io_client::iosd::spender_address(&program),
            ));
        }
        self.send(&setup, &[&authority_key])
            .expect("market and inference allowed to spend IOSD");
    }

    /// Initialises only the iosd config (the market's needs its IOSD mint).
    pub fn init_iosd_config(&mut self) {
        let args = io_client::defaults::iosd(self.authority.pubkey(), self.guardian.pubkey());
        let ix = io_client::iosd::config_init(self.deployer.pubkey(), self.io_mint, args);
        let deployer = self.deployer.insecure_clone();
        self.send(&[ix], &[&deployer])
            .expect("iosd config initialised");
    }

    /// Gives `address` `lamports` more.
    pub fn fund(&mut self, address: &Pubkey, lamports: u64) {
        self.svm.airdrop(address, lamports).expect("airdrop");
    }

    /// A new keypair holding [`FUNDING_LAMPORTS`].
    pub fn funded_keypair(&mut self) -> Keypair {
        let keypair = Keypair::new();
        self.fund(&keypair.pubkey(), FUNDING_LAMPORTS);
        keypair
    }

    /// Sends `instructions` in one transaction paid by [`Self::payer`] and signed by `signers`.
    /// The blockhash is expired afterwards, so an identical transaction can be sent again (a
    /// replay test sends the same instruction twice and must reach the program both times).
    pub fn send(&mut self, instructions: &[Instruction], signers: &[&Keypair]) -> Outcome {
        let mut all = vec![&self.payer];
        all.extend(
            signers
                .iter()
                .copied()
                .filter(|signer| signer.pubkey() != self.payer.pubkey()),
        );
        let message = Message::new(instructions, Some(&self.payer.pubkey()));
        let account_keys = message.account_keys.clone();
        let tx = Transaction::new(&all, message, self.svm.latest_blockhash());
        let result = self.svm.send_transaction(tx);
        self.svm.expire_blockhash();
        match &result {
            Ok(meta) => crate::cu_log::record(&meta.logs, true, instructions),
            Err(failed) => crate::cu_log::record(&failed.meta.logs, false, instructions),
        }
        match result {
            Ok(meta) => Ok(Executed { meta, account_keys }),
            Err(failed) => Err(Failed {
                err: failed.err,
                meta: Box::new(failed.meta),
            }),
        }
    }

    /// The cluster's unix time.
    pub fn now(&self) -> i64 {
        self.svm.get_sysvar::<Clock>().unix_timestamp
    }

    /// Moves the clock forward by `seconds` (and the slot by the matching 400 ms slots).
    pub fn warp_by(&mut self, seconds: i64) {
        assert!(seconds >= 0, "time only moves forward");
        let mut clock: Clock = self.svm.get_sysvar();
        clock.unix_timestamp = clock
            .unix_timestamp
            .checked_add(seconds)
            .expect("time overflow");
        let slots = u64::try_from(seconds)
            .expect("non-negative")
            .saturating_mul(5)
            / 2;
        clock.slot = clock.slot.saturating_add(slots);
        self.svm.set_sysvar(&clock);
    }

    /// Reads the account at `address` as a `T`, panicking with the reason when it is not one.
    pub fn fetch<T: AccountDeserialize + Owner>(&self, address: &Pubkey) -> T {
        io_client::fetch::fetch(self, address).unwrap_or_else(|error| panic!("{error}"))
    }

    /// Lamports of `address` (0 when it does not exist).
    pub fn lamports(&self, address: &Pubkey) -> u64 {
        self.svm
            .get_account(address)
            .map_or(0, |account| account.lamports)
    }

    /// Sends `ix` signed by `signers`, asserts it fails with the custom error `error`, and that
    /// none of the `watched` accounts changed.
    #[track_caller]
    pub fn assert_refused(
        &mut self,
        ix: Instruction,
        signers: &[&Keypair],
        error: impl Into<u32>,
        watched: &[Pubkey],
    ) {
        let before: Vec<_> = watched.iter().map(|a| self.data(a)).collect();
        crate::expect_error(self.send(&[ix], signers), error);
        let after: Vec<_> = watched.iter().map(|a| self.data(a)).collect();
        assert_eq!(after, before, "a refused instruction changed state");
    }

    /// The raw data of `address`, to check an instruction changed nothing.
    pub fn data(&self, address: &Pubkey) -> Option<Vec<u8>> {
        self.svm.get_account(address).map(|account| account.data)
    }
}

impl Default for TestContext {
    fn default() -> Self {
        Self::new()
    }
}

impl AccountSource for TestContext {
    fn raw_account(&self, address: &Pubkey) -> Result<Option<RawAccount>, FetchError> {
        Ok(self.svm.get_account(address).map(|account| RawAccount {
            owner: account.owner,
            lamports: account.lamports,
            data: account.data,
        }))
    }
}
