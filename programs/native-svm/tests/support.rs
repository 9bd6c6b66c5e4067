//! Fixtures for the glue tests: an SVM with the probe deployed, token accounts, transactions.

use anchor_lang::{InstructionData, ToAccountMetas};
use litesvm::LiteSVM;
use litesvm::types::{FailedTransactionMetadata, TransactionMetadata};
use native_svm::{ProgramSpec, deploy};
use solana_account::Account;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_program_pack::Pack;
use solana_pubkey::Pubkey;
use solana_signer::Signer;
use solana_transaction::Transaction;
use spl_token_interface::state::{Account as TokenAccount, AccountState, Mint};

pub const PROBE: ProgramSpec = ProgramSpec {
    name: "probe",
    id: probe::ID,
    native: probe::entry,
};
pub const DECIMALS: u8 = 8;

pub struct Probe {
    pub svm: LiteSVM,
    pub payer: Keypair,
    pub mint: Pubkey,
}

impl Probe {
    pub fn new() -> Self {
        let mut svm = LiteSVM::new();
        deploy(&mut svm, &PROBE, &PROBE.source_from_env()).expect("deploy probe");
        let payer = Keypair::new();
        svm.airdrop(&payer.pubkey(), 10_000_000_000)
            .expect("airdrop");
        let mint = Pubkey::new_unique();
        let mut data = vec![0; Mint::LEN];
        Mint {
            mint_authority: Some(payer.pubkey()).into(),
            supply: 0,
            decimals: DECIMALS,
            is_initialized: true,
            freeze_authority: None.into(),
        }
        .pack_into_slice(&mut data);
        svm.set_account(mint, rent_exempt(&svm, data, spl_token_interface::ID))
            .unwrap();
        Self { svm, payer, mint }
    }

    /// A token account of `owner` holding `amount`, with supply accounted on the mint.
    pub fn token_account(&mut self, owner: Pubkey, amount: u64) -> Pubkey {
        let address = Pubkey::new_unique();
        let mut data = vec![0; TokenAccount::LEN];
        TokenAccount {
            mint: self.mint,
            owner,
            amount,
            delegate: None.into(),
            state: AccountState::Initialized,
            is_native: None.into(),
            delegated_amount: 0,
            close_authority: None.into(),
        }
        .pack_into_slice(&mut data);
        let account = rent_exempt(&self.svm, data, spl_token_interface::ID);
        self.svm.set_account(address, account).unwrap();
        let mut mint = self.svm.get_account(&self.mint).unwrap();
        let mut state = Mint::unpack(&mint.data).unwrap();
        state.supply += amount;
        state.pack_into_slice(&mut mint.data);
        self.svm.set_account(self.mint, mint).unwrap();
        address
    }

    pub fn balance(&self, token_account: &Pubkey) -> u64 {
        let account = self
            .svm
            .get_account(token_account)
            .expect("token account exists");
        TokenAccount::unpack(&account.data).unwrap().amount
    }

    pub fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<TransactionMetadata, FailedTransactionMetadata> {
        let mut all: Vec<&Keypair> = vec![&self.payer];
        all.extend_from_slice(signers);
        let message = Message::new(instructions, Some(&self.payer.pubkey()));
        let tx = Transaction::new(&all, message, self.svm.latest_blockhash());
        let result = self.svm.send_transaction(tx);
        self.svm.expire_blockhash();
        result
    }
}

pub fn probe_ix(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: probe::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

fn rent_exempt(svm: &LiteSVM, data: Vec<u8>, owner: Pubkey) -> Account {
    Account {
        lamports: svm.minimum_balance_for_rent_exemption(data.len()),
        data,
        owner,
        executable: false,
        rent_epoch: 0,
    }
}
