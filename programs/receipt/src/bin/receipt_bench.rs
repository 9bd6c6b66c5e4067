//! `receipt-bench`: how many receipts one core signs, and verifies as a gateway, per second.
//!
//! ```text
//! cargo run --release -p io-receipt --features client --bin receipt-bench [COUNT]
//! ```

use std::time::Instant;

use anchor_lang::prelude::Pubkey;
use ed25519_dalek::SigningKey;
use io_receipt::client::{SessionLedger, sign};
use io_receipt::{Receipt, ReceiptDomain};

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(10_000);
    let domain = ReceiptDomain {
        program_id: Pubkey::new_unique(),
        genesis_hash: [1; 32],
    };
    let session = Pubkey::new_unique();
    let key = SigningKey::from_bytes(&[42; 32]);
    let receipts: Vec<Receipt> = (1..=count)
        .map(|sequence| Receipt {
            session,
            cumulative_amount: sequence.saturating_mul(1_000),
            sequence,
        })
        .collect();

    let start = Instant::now();
    let signatures: Vec<[u8; 64]> = receipts
        .iter()
        .map(|receipt| sign(&key, &domain, receipt))
        .collect();
    let signing = start.elapsed();

    let mut ledger =
        SessionLedger::new(domain, session, key.verifying_key().as_bytes()).expect("valid key");
    let start = Instant::now();
    for (receipt, signature) in receipts.iter().zip(&signatures) {
        ledger
            .accept(*receipt, *signature)
            .expect("a genuine receipt");
    }
    let verifying = start.elapsed();

    let per_second = |elapsed: std::time::Duration| count as f64 / elapsed.as_secs_f64();
    println!("receipts: {count}");
    println!(
        "signed:   {:>10.0} per second ({signing:?} in all)",
        per_second(signing)
    );
    println!(
        "verified: {:>10.0} per second ({verifying:?} in all)",
        per_second(verifying)
    );
    let latest = ledger.latest().expect("at least one receipt").0;
    println!(
        "latest:   sequence {} for {} base units: the only receipt to submit",
        latest.sequence, latest.cumulative_amount
    );
}
