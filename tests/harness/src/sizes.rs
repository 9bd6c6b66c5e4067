//! Transaction sizes, for each program's `sizes` test (the tables in BENCHMARKS.md) and the
//! batch measurements.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_message::Message;

/// The most bytes a serialized transaction may take (Solana's packet data size).
pub const PACKET_DATA_SIZE: usize = 1_232;

/// The serialized size of a legacy transaction carrying `instructions` with all its signatures:
/// the compact-u16 signature count (1 byte below 128), 64 bytes per signature, the message.
pub fn legacy_transaction_size(instructions: &[Instruction]) -> usize {
    let payer = Pubkey::new_unique();
    let message = Message::new(instructions, Some(&payer));
    1 + 64 * usize::from(message.header.num_required_signatures) + message.serialize().len()
}

/// Prints the markdown table of BENCHMARKS.md for `rows` (a name and the instructions of one
/// transaction: the program's instruction last, after any precompile instruction it reads) and
/// asserts that each fits one transaction. Accounts are the last instruction's; data bytes
/// count every instruction's.
pub fn print_size_table(rows: &[(&str, Vec<Instruction>)]) {
    println!("| instruction | accounts | data bytes | transaction bytes |");
    println!("|---|---|---|---|");
    for (name, instructions) in rows {
        let size = legacy_transaction_size(instructions);
        let accounts = instructions.last().map_or(0, |ix| ix.accounts.len());
        let data: usize = instructions.iter().map(|ix| ix.data.len()).sum();
        println!("| {name} | {accounts} | {data} | {size} |");
        assert!(size <= PACKET_DATA_SIZE, "{name} takes {size} bytes");
    }
}
