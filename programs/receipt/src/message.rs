//! The receipt message: 128 bytes, every field at a fixed offset.

use anchor_lang::prelude::Pubkey;

/// First 16 bytes of every receipt: no other message this key signs can be mistaken for one.
pub const DOMAIN_TAG: [u8; 16] = *b"io.receipt.v1\0\0\0";

/// Length of a receipt message in bytes.
pub const MESSAGE_LEN: usize = HEADER_LEN + 32 + 8 + 8;

/// Where a receipt is valid: one program on one cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReceiptDomain {
    pub program_id: Pubkey,
    /// The cluster's genesis hash (`getGenesisHash`).
    pub genesis_hash: [u8; 32],
}

/// Length of what every message signed for a domain starts with: its 16-byte tag, the program
/// id and the genesis hash.
const HEADER_LEN: usize = 16 + 32 + 32;

impl ReceiptDomain {
    /// `tag ‖ program id ‖ genesis hash ‖ fields`: the layout of every message signed for this
    /// domain (receipts, oracle totals). `N` is the message's length; the fields fill the rest.
    pub(crate) fn message<const N: usize>(&self, tag: &[u8; 16], fields: &[&[u8]]) -> [u8; N] {
        let mut bytes = [0u8; N];
        let header: [&[u8]; 3] = [tag, self.program_id.as_ref(), &self.genesis_hash];
        let mut at = 0usize;
        for part in header.iter().chain(fields) {
            // The parts add up to N by construction (each caller's length constant).
            let end = at.saturating_add(part.len());
            bytes[at..end].copy_from_slice(part);
            at = end;
        }
        bytes
    }

    /// The fields of `bytes` when it is an `N`-byte message of `tag` for this domain; `None`
    /// for any other message, including one for another program or cluster.
    pub(crate) fn fields<'a, const N: usize>(
        &self,
        tag: &[u8; 16],
        bytes: &'a [u8],
    ) -> Option<&'a [u8]> {
        let bytes: &[u8; N] = bytes.try_into().ok()?;
        let (their_tag, rest) = bytes.split_first_chunk::<16>()?;
        let (program, rest) = rest.split_first_chunk::<32>()?;
        let (genesis, fields) = rest.split_first_chunk::<32>()?;
        (their_tag == tag
            && *program == self.program_id.to_bytes()
            && *genesis == self.genesis_hash)
            .then_some(fields)
    }
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
        domain.message(
            &DOMAIN_TAG,
            &[
                self.session.as_ref(),
                &self.cumulative_amount.to_le_bytes(),
                &self.sequence.to_le_bytes(),
            ],
        )
    }

    /// Parses `bytes` as a receipt for `domain`; `None` for any other message, including a
    /// receipt of another program or cluster.
    pub fn parse(bytes: &[u8], domain: &ReceiptDomain) -> Option<Self> {
        let fields = domain.fields::<MESSAGE_LEN>(&DOMAIN_TAG, bytes)?;
        let (session, rest) = fields.split_first_chunk::<32>()?;
        let (cumulative, rest) = rest.split_first_chunk::<8>()?;
        let (sequence, _) = rest.split_first_chunk::<8>()?;
        Some(Self {
            session: Pubkey::new_from_array(*session),
            cumulative_amount: u64::from_le_bytes(*cumulative),
            sequence: u64::from_le_bytes(*sequence),
        })
    }
}
