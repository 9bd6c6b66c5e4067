//! Decoding `emit_cpi!` events.
//!
//! An event travels as an instruction the program sends to itself, signed by its event-authority
//! PDA, with data `EVENT_IX_TAG ‖ discriminator ‖ borsh(event)`. Only inner instructions whose
//! program is ours and whose first account is our event authority can be genuine: the program
//! rejects the event instruction from anyone else, but a transaction may still carry a top-level
//! look-alike that failed, so callers pass only inner instructions of successful transactions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorDeserialize, Discriminator, Event};

use crate::event_authority;

/// One inner instruction, as the SVM or an RPC `getTransaction` reports it.
#[derive(Clone, Copy, Debug)]
pub struct InnerInstruction<'a> {
    pub program_id: &'a Pubkey,
    /// The instruction's accounts, resolved to addresses.
    pub accounts: &'a [Pubkey],
    pub data: &'a [u8],
}

/// The event payload (discriminator and fields) if `ix` is an event instruction of `program_id`.
pub fn event_payload<'a>(program_id: &Pubkey, ix: &InnerInstruction<'a>) -> Option<&'a [u8]> {
    if ix.program_id != program_id || ix.accounts.first() != Some(&event_authority(program_id)) {
        return None;
    }
    ix.data.strip_prefix(anchor_lang::event::EVENT_IX_TAG_LE)
}

/// Decodes `ix` as an `E` event of `program_id`; `None` when it is another instruction or event.
///
/// The fields must fill the payload exactly: events of different programs may share a name, and
/// so a discriminator, so a payload that decodes with bytes to spare is someone else's event.
pub fn decode_event<E>(program_id: &Pubkey, ix: &InnerInstruction) -> Option<E>
where
    E: Event + AnchorDeserialize + Discriminator,
{
    let payload = event_payload(program_id, ix)?;
    let fields = payload.strip_prefix(E::DISCRIMINATOR)?;
    E::try_from_slice(fields).ok()
}
