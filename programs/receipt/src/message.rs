//! The receipt message: 128 bytes, every field at a fixed offset.

use anchor_lang::prelude::Pubkey;

/// First 16 bytes of every receipt: no other message this key signs can be mistaken for one.
pub const DOMAIN_TAG: [u8; 16] = *b"io.receipt.v1\0\0\0";

/// Length of a receipt message in bytes.
pub const MESSAGE_LEN: usize = 16 + 32 + 32 + 32 + 8 + 8;

/// Where a receipt is valid: one program on one cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReceiptDomain {
    pub program_id: Pubkey,
    /// The cluster's genesis hash (`getGenesisHash`).
    pub genesis_hash: [u8; 32],
}

/// What the session key vouches for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The session account's address.
    pub session: Pubkey,
    /// Total owed for the session so far, in the session currency's base units; never decreases.
    pub cumulative_amount: u64,
    /// Increases with every receipt the key signs.
    pub sequence: u64,
}

impl Receipt {
    /// The exact bytes the session key signs.
    pub fn message(&self, domain: &ReceiptDomain) -> [u8; MESSAGE_LEN] {
        let mut bytes = [0u8; MESSAGE_LEN];
        let parts: [&[u8]; 6] = [
            &DOMAIN_TAG,
            domain.program_id.as_ref(),
            &domain.genesis_hash,
            self.session.as_ref(),
            &self.cumulative_amount.to_le_bytes(),
            &self.sequence.to_le_bytes(),
        ];
        let mut at = 0usize;
        for part in parts {
            // The parts add up to MESSAGE_LEN by construction.
            let end = at.saturating_add(part.len());
            bytes[at..end].copy_from_slice(part);
            at = end;
        }
        bytes
    }

    /// Parses `bytes` as a receipt for `domain`; `None` for any other message, including a
    /// receipt of another program or cluster.
    pub fn parse(bytes: &[u8], domain: &ReceiptDomain) -> Option<Self> {
        let bytes: &[u8; MESSAGE_LEN] = bytes.try_into().ok()?;
        let (tag, rest) = bytes.split_first_chunk::<16>()?;
        let (program, rest) = rest.split_first_chunk::<32>()?;
        let (genesis, rest) = rest.split_first_chunk::<32>()?;
        let (session, rest) = rest.split_first_chunk::<32>()?;
        let (cumulative, rest) = rest.split_first_chunk::<8>()?;
        let (sequence, _) = rest.split_first_chunk::<8>()?;
        if *tag != DOMAIN_TAG
            || *program != domain.program_id.to_bytes()
            || *genesis != domain.genesis_hash
        {
            return None;
        }
        Some(Self {
            session: Pubkey::new_from_array(*session),
            cumulative_amount: u64::from_le_bytes(*cumulative),
            sequence: u64::from_le_bytes(*sequence),
        })
    }
}
