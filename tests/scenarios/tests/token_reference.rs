//! The yardstick of the compute-unit report (`scripts/sbf-test.sh`): plain SPL Token transfers
//! between two IO accounts, sent as top-level instructions, so the report has a token transfer
//! measured in the same run as every program instruction it lists.

use io_harness::{IO, Signer, TestContext};

#[test]
fn token_transfers_for_the_report() {
    let mut ctx = TestContext::builder().build();
    let (alice, bob) = (ctx.funded_keypair(), ctx.funded_keypair());
    let mint = ctx.io_mint;
    let from = ctx.token_account(&mint, &alice.pubkey());
    let to = ctx.token_account(&mint, &bob.pubkey());
    ctx.mint_io(&from, 100 * IO);
    for _ in 0..10 {
        ctx.transfer_tokens(&from, &to, &alice, IO)
            .expect("a transfer between two IO accounts");
    }
    assert_eq!(
        (ctx.token_balance(&from), ctx.token_balance(&to)),
        (90 * IO, 10 * IO)
    );
}
