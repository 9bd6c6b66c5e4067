//! What the payment and session tests share: a deployment with a registered model, a user
//! holding IOSD and IO, a serving provider with its payout accounts, a session key that signs
//! real receipts, and balance reads.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use ed25519_dalek::SigningKey;
use inference::{Currency, ModelTerms, RevenueSplit};
use io_client::inference as client;
use io_harness::{IO, IOSD, Keypair, Outcome, Signer, TEST_GENESIS_HASH, TestContext};
use io_receipt::{Receipt, ReceiptDomain};
use solana_program_pack::Pack;
use spl_token_interface::state::Account as TokenAccount;

pub const MODEL_ID: [u8; 32] = *b"llama-3.1-70b-instruct..........";
pub const CONTENT: [u8; 32] = [0xC0; 32];

/// 70 % to the model owner, 25 % to the serving provider, 5 % burned.
pub const SPLIT: RevenueSplit = RevenueSplit {
    model_owner_bps: 7_000,
    provider_bps: 2_500,
    burn_bps: 500,
};

/// $0.002 per request and $0.0005 per 1k tokens in IOSD micros, or the same figures in IO base
/// units for an IO model.
pub fn terms(currency: Currency) -> ModelTerms {
    ModelTerms {
        currency,
        price_per_request: 2_000,
        price_per_1k_tokens: 500,
        split: SPLIT,
    }
}

/// A deployment with one model, a user, a serving provider and a session key.
pub struct Scene {
    pub ctx: TestContext,
    pub owner: Keypair,
    pub model: Pubkey,
    pub currency: Currency,
    pub user: Keypair,
    pub provider: Keypair,
    pub session_key: SigningKey,
}

/// A scene whose model is paid in `currency`. The user holds 1,000 IOSD (minted through iosd at
/// $2.50) and about 999,600 IO; the provider and the owner have IOSD holders and IO accounts.
pub fn scene(currency: Currency) -> Scene {
    let mut ctx = TestContext::builder().with_configs().build();
    let owner = ctx.funded_keypair();
    let ix = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, terms(currency));
    ctx.send(&[ix], &[&owner]).expect("model registered");
    let model = client::model_address(&owner.pubkey(), &MODEL_ID);
    let user = ctx.funded_keypair();
    let provider = ctx.funded_keypair();
    let payer = ctx.payer.pubkey();
    let mint = ctx.io_mint;
    for key in [user.pubkey(), provider.pubkey(), owner.pubkey()] {
        ctx.send(&[io_client::iosd::holder_open(payer, key)], &[])
            .expect("IOSD holder");
        ctx.token_account(&mint, &key);
    }
    let user_io = client::funds_address(&user.pubkey(), Currency::Io, &mint);
    ctx.mint_io(&user_io, 1_000_000 * IO);
    let price = ctx.io_price_now(250_000_000, 1_000_000);
    let amount = iosd::MintAmount::ExactIosd {
        iosd_out_micros: 1_000 * IOSD,
        max_io_in_base: 1_000 * IO,
    };
    let ix = io_client::iosd::iosd_mint(user.pubkey(), user_io, user.pubkey(), price, amount);
    ctx.send(&[ix], &[&user]).expect("user buys IOSD");
    Scene {
        ctx,
        owner,
        model,
        currency,
        user,
        provider,
        session_key: SigningKey::from_bytes(&[42; 32]),
    }
}

/// The receipt domain of the test deployment.
pub fn domain() -> ReceiptDomain {
    client::receipt_domain(TEST_GENESIS_HASH)
}

/// A token account's balance.
pub fn balance(ctx: &TestContext, account: &Pubkey) -> u64 {
    TokenAccount::unpack(&ctx.data(account).expect("token account"))
        .unwrap()
        .amount
}

impl Scene {
    /// The accounts money instructions name, with the provider's account of the currency.
    pub fn payment(&self) -> client::Payment {
        client::Payment {
            model: self.model,
            currency: self.currency,
            io_mint: self.ctx.io_mint,
            provider_payout: self.funds(&self.provider.pubkey()),
        }
    }

    /// `owner`'s token account of the scene's currency.
    pub fn funds(&self, owner: &Pubkey) -> Pubkey {
        client::funds_address(owner, self.currency, &self.ctx.io_mint)
    }

    pub fn balance_of(&self, owner: &Pubkey) -> u64 {
        balance(&self.ctx, &self.funds(owner))
    }

    /// The program's escrow of the scene's currency.
    pub fn escrow(&self) -> Pubkey {
        match self.currency {
            Currency::Iosd => client::escrow_address(),
            Currency::Io => client::io_vault_address(),
        }
    }

    pub fn mint(&self) -> Pubkey {
        match self.currency {
            Currency::Iosd => self.ctx.iosd_mint,
            Currency::Io => self.ctx.io_mint,
        }
    }

    pub fn session_key_bytes(&self) -> [u8; 32] {
        self.session_key.verifying_key().to_bytes()
    }

    pub fn fetch_model(&self) -> client::Model {
        self.ctx.fetch(&self.model)
    }

    /// The model owner's unclaimed share in the scene's currency.
    pub fn owner_earned(&self) -> u64 {
        let model = self.fetch_model();
        match self.currency {
            Currency::Iosd => model.earned_iosd_micros,
            Currency::Io => model.earned_io_base,
        }
    }

    pub fn next_session(&self) -> Pubkey {
        client::session_address(&self.model, self.fetch_model().sessions_created)
    }

    pub fn open_ix(&self, deposit: u64) -> Instruction {
        let args = client::SessionOpenArgs {
            session_key: Pubkey::new_from_array(self.session_key_bytes()),
            deposit,
        };
        let nonce = self.fetch_model().sessions_created;
        client::session_open(self.user.pubkey(), self.payment(), nonce, args)
    }

    /// Opens a session funded with `deposit`; returns its address.
    pub fn open(&mut self, deposit: u64) -> Pubkey {
        let session = self.next_session();
        let ix = self.open_ix(deposit);
        let user = self.user.insecure_clone();
        self.ctx.send(&[ix], &[&user]).expect("session opened");
        session
    }

    /// The session key's signature over `cumulative` at `sequence` for `session`.
    pub fn sign(&self, session: Pubkey, cumulative: u64, sequence: u64) -> (Receipt, [u8; 64]) {
        let receipt = Receipt {
            session,
            cumulative_amount: cumulative,
            sequence,
        };
        let signature = io_receipt::client::sign(&self.session_key, &domain(), &receipt);
        (receipt, signature)
    }

    /// The two instructions settling a receipt the session key signs.
    pub fn settle_ixs(&self, session: Pubkey, cumulative: u64, sequence: u64) -> [Instruction; 2] {
        let (receipt, signature) = self.sign(session, cumulative, sequence);
        client::session_settle(
            self.provider.pubkey(),
            self.payment(),
            &domain(),
            &receipt,
            &self.session_key_bytes(),
            &signature,
        )
    }

    /// Settles a receipt, submitted by the provider.
    pub fn settle(&mut self, session: Pubkey, cumulative: u64, sequence: u64) -> Outcome {
        let ixs = self.settle_ixs(session, cumulative, sequence);
        let provider = self.provider.insecure_clone();
        self.ctx.send(&ixs, &[&provider])
    }

    /// Anyone (a fresh key) burns what the scene's currency has accrued to burn.
    pub fn burn_sweep(&mut self) -> Outcome {
        let sweeper = self.ctx.funded_keypair();
        let ix = client::burn_sweep(sweeper.pubkey(), self.currency, self.ctx.io_mint);
        self.ctx.send(&[ix], &[&sweeper])
    }

    /// What the scene's currency has accrued to burn.
    pub fn burn_accrued(&self) -> u64 {
        client::fetch_config(&self.ctx)
            .expect("config")
            .burn_accrued
            .of(self.currency)
    }

    pub fn top_up(&mut self, session: Pubkey, amount: u64) -> Outcome {
        let ix = client::session_top_up(self.user.pubkey(), session, self.payment(), amount);
        let user = self.user.insecure_clone();
        self.ctx.send(&[ix], &[&user])
    }

    pub fn close_request(&mut self, session: Pubkey) -> Outcome {
        let ix = client::session_close_request(self.user.pubkey(), session, self.model);
        let user = self.user.insecure_clone();
        self.ctx.send(&[ix], &[&user])
    }

    pub fn finalize_ix(&self, session: Pubkey) -> Instruction {
        client::session_finalize(
            self.ctx.payer.pubkey(),
            session,
            self.user.pubkey(),
            self.payment(),
        )
    }
}
