//! SPL Token fixtures built with real instructions: mints, associated token accounts, minting.

use anchor_lang::prelude::Pubkey;
use solana_keypair::Keypair;
use solana_program_pack::Pack;
use solana_signer::Signer;
use spl_token_interface::state::{Account as TokenAccount, Mint};

use crate::TestContext;

impl TestContext {
    /// Creates a mint with `decimals`, whose mint authority is `authority`.
    pub fn create_mint(&mut self, decimals: u8, authority: &Pubkey) -> Pubkey {
        let mint = Keypair::new();
        let rent = self.svm.minimum_balance_for_rent_exemption(Mint::LEN);
        let create = solana_system_interface::instruction::create_account(
            &self.payer.pubkey(),
            &mint.pubkey(),
            rent,
            Mint::LEN as u64,
            &spl_token_interface::ID,
        );
        let init = spl_token_interface::instruction::initialize_mint2(
            &spl_token_interface::ID,
            &mint.pubkey(),
            authority,
            None,
            decimals,
        )
        .expect("valid initialize_mint2");
        self.send(&[create, init], &[&mint]).expect("mint created");
        mint.pubkey()
    }

    /// The associated token account of `owner` for `mint`, created if missing.
    pub fn token_account(&mut self, mint: &Pubkey, owner: &Pubkey) -> Pubkey {
        let ix = spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(
            &self.payer.pubkey(),
            owner,
            mint,
            &spl_token_interface::ID,
        );
        self.send(&[ix], &[]).expect("token account created");
        spl_associated_token_account_interface::address::get_associated_token_address(owner, mint)
    }

    /// Transfers `amount` from `source` to `destination` with a plain SPL Token `Transfer`
    /// signed by the source's `owner`: the compute units every cost in the SBF report is
    /// compared with.
    pub fn transfer_tokens(
        &mut self,
        source: &Pubkey,
        destination: &Pubkey,
        owner: &Keypair,
        amount: u64,
    ) -> crate::Outcome {
        let ix = spl_token_interface::instruction::transfer(
            &spl_token_interface::ID,
            source,
            destination,
            &owner.pubkey(),
            &[],
            amount,
        )
        .expect("valid transfer");
        self.send(&[ix], &[owner])
    }

    /// Mints `amount` IO base units into `account`.
    pub fn mint_io(&mut self, account: &Pubkey, amount: u64) {
        let (mint, authority) = (self.io_mint, self.mint_authority.insecure_clone());
        self.mint_to(&mint, account, &authority, amount);
    }

    /// Mints `amount` base units of `mint` into `account`, signed by `authority`.
    pub fn mint_to(&mut self, mint: &Pubkey, account: &Pubkey, authority: &Keypair, amount: u64) {
        let ix = spl_token_interface::instruction::mint_to(
            &spl_token_interface::ID,
            mint,
            account,
            &authority.pubkey(),
            &[],
            amount,
        )
        .expect("valid mint_to");
        self.send(&[ix], &[authority]).expect("minted");
    }

    /// The token balance of `account`, in base units.
    pub fn token_balance(&self, account: &Pubkey) -> u64 {
        let account = self.svm.get_account(account).expect("token account exists");
        TokenAccount::unpack(&account.data)
            .expect("a token account")
            .amount
    }

    /// The supply of `mint`, in base units.
    pub fn mint_supply(&self, mint: &Pubkey) -> u64 {
        let account = self.svm.get_account(mint).expect("mint exists");
        Mint::unpack(&account.data).expect("a mint").supply
    }
}
