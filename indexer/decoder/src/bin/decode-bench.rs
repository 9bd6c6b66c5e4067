//! How fast the IDL-driven decoder turns events and accounts into JSON, against the machine's
//! limit measured in the same run: bare Borsh deserialisation of the same bytes into the
//! program crates' own types (no JSON).
//!
//! `cargo run --release -p io-decoder --bin decode-bench [iterations]`

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountSerialize, AnchorDeserialize, Event};

fn key(byte: u8) -> Pubkey {
    Pubkey::new_from_array([byte; 32])
}

fn settlement(lease: u8) -> market::events::LeaseSettlement {
    market::events::LeaseSettlement {
        lease: key(lease),
        currency: io_common::Currency::Iosd,
        cumulative_gpu_secs: 7_200,
        paid: 4_000_000,
        to_provider: 3_990_000,
        fee: 10_000,
        burned: 5_000,
        total_paid: 8_000_000,
        remaining: 92_000_000,
        paused: false,
        revision: 42,
    }
}

/// Runs `f` over `inputs` `iterations` times; returns items per second.
fn rate(iterations: usize, inputs: usize, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    let elapsed = start.elapsed().max(Duration::from_nanos(1));
    (iterations * inputs) as f64 / elapsed.as_secs_f64()
}

struct Case {
    name: &'static str,
    program: Pubkey,
    bytes: Vec<u8>,
    account: bool,
    bare: fn(&[u8]) -> bool,
}

fn main() {
    let iterations: usize = match std::env::args().nth(1) {
        None => 20_000,
        Some(arg) => arg.parse().unwrap_or_else(|_| {
            eprintln!("decode-bench: the iteration count must be a positive integer, not {arg:?}");
            std::process::exit(2);
        }),
    };
    let mut marker = Vec::new();
    governance::state::VoteMarker {
        version: 1,
        bump: 255,
        proposal: key(1),
        position: key(2),
        voter: key(3),
        choice: governance::state::VoteChoice::Yes,
        weight: 1_000_000_000,
        rent_payer: key(3),
    }
    .try_serialize(&mut marker)
    .expect("serialises");
    let cases = [
        Case {
            name: "LeaseSettled event",
            program: market::ID,
            bytes: market::events::LeaseSettled {
                settler: key(9),
                settlement: settlement(1),
                payout_bucket_usd_micros: 1,
            }
            .data(),
            account: false,
            bare: |b| market::events::LeaseSettled::try_from_slice(&b[8..]).is_ok(),
        },
        Case {
            name: "LeaseBatchSettled event, 32 leases",
            program: market::ID,
            bytes: market::events::LeaseBatchSettled {
                settler: key(9),
                settled: (0..32).map(settlement).collect(),
                skipped: Vec::new(),
                payout_bucket_usd_micros: 1,
            }
            .data(),
            account: false,
            bare: |b| market::events::LeaseBatchSettled::try_from_slice(&b[8..]).is_ok(),
        },
        Case {
            name: "VoteMarker account",
            program: governance::ID,
            bytes: marker,
            account: true,
            bare: |b| governance::state::VoteMarker::deserialize(&mut &b[8..]).is_ok(),
        },
    ];
    let schema = io_decoder::schema();
    println!("| case | bytes | bare Borsh per second | IDL to JSON per second | ratio |");
    println!("|---|---|---|---|---|");
    for case in &cases {
        let bare = rate(iterations, 1, || {
            assert!((case.bare)(black_box(&case.bytes)));
        });
        let idl = rate(iterations, 1, || {
            let decoded = if case.account {
                schema.account(&case.program, black_box(&case.bytes))
            } else {
                schema.event(&case.program, black_box(&case.bytes))
            };
            black_box(decoded.expect("decodes"));
        });
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.3} |",
            case.name,
            case.bytes.len(),
            bare,
            idl,
            idl / bare
        );
    }
}
