//! Reading an ed25519 precompile instruction from a program.
//!
//! The runtime verified every signature of a transaction's ed25519 instruction before any
//! program ran; what a program must still check is *which* key signed *which* message. The
//! offsets of an ed25519 instruction may point into other instructions, so a forger could make
//! the verified bytes differ from the bytes the program reads. We therefore accept only
//! signatures whose key, signature and message all lie inside the instruction itself
//! (instruction index `u16::MAX`), and return slices of that instruction's own data:
//! [`verified_signature`] for exactly one signature (receipts), [`verified_signatures`] for
//! several (oracle totals, several oracles in one instruction).

/// "This instruction", in an offsets record.
pub const THIS_INSTRUCTION: u16 = u16::MAX;
/// Size of the header (count + padding) and of one offsets record.
const HEADER_LEN: usize = 2;
const OFFSETS_LEN: usize = 14;

/// Why an ed25519 instruction was not accepted as carrying one signed message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrecompileError {
    /// The data is shorter than a header and one offsets record.
    Truncated,
    /// It verifies no signature, or (where exactly one is expected) several.
    NotOneSignature,
    /// An offset points into another instruction.
    OffsetsOutsideInstruction,
    /// An offset or size runs past the end of the data.
    OffsetOutOfBounds,
}

/// The key, signature and message one ed25519 instruction verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifiedSignature<'a> {
    pub public_key: &'a [u8; 32],
    pub signature: &'a [u8; 64],
    pub message: &'a [u8],
}

/// Parses the data of an ed25519 precompile instruction that verifies exactly one signature
/// (the caller has checked its program id is the ed25519 program, through the instructions
/// sysvar).
pub fn verified_signature(data: &[u8]) -> Result<VerifiedSignature<'_>, PrecompileError> {
    if data.len() < HEADER_LEN.saturating_add(OFFSETS_LEN) {
        return Err(PrecompileError::Truncated);
    }
    if data[0] != 1 {
        return Err(PrecompileError::NotOneSignature);
    }
    signature_at(data, 0)
}

/// Every signature of an ed25519 precompile instruction, each with its key, signature and
/// message inside the instruction; `NotOneSignature` when it verifies none.
pub fn verified_signatures(
    data: &[u8],
) -> Result<impl Iterator<Item = Result<VerifiedSignature<'_>, PrecompileError>>, PrecompileError> {
    let count = *data.first().ok_or(PrecompileError::Truncated)?;
    if count == 0 {
        return Err(PrecompileError::NotOneSignature);
    }
    Ok((0..usize::from(count)).map(move |index| signature_at(data, index)))
}

/// Signature number `index` of the instruction data.
fn signature_at(data: &[u8], index: usize) -> Result<VerifiedSignature<'_>, PrecompileError> {
    let record = index
        .checked_mul(OFFSETS_LEN)
        .and_then(|at| at.checked_add(HEADER_LEN))
        .ok_or(PrecompileError::Truncated)?;
    let end = record
        .checked_add(OFFSETS_LEN)
        .ok_or(PrecompileError::Truncated)?;
    if data.len() < end {
        return Err(PrecompileError::Truncated);
    }
    let field = |field: usize| {
        let at = record.saturating_add(field.saturating_mul(2));
        u16::from_le_bytes([data[at], data[at.saturating_add(1)]])
    };
    let (signature_offset, signature_ix) = (field(0), field(1));
    let (public_key_offset, public_key_ix) = (field(2), field(3));
    let (message_offset, message_size, message_ix) = (field(4), field(5), field(6));
    if [signature_ix, public_key_ix, message_ix]
        .iter()
        .any(|&ix| ix != THIS_INSTRUCTION)
    {
        return Err(PrecompileError::OffsetsOutsideInstruction);
    }
    let slice = |offset: u16, len: usize| {
        let start = usize::from(offset);
        data.get(start..start.checked_add(len)?)
    };
    let public_key = slice(public_key_offset, 32).ok_or(PrecompileError::OffsetOutOfBounds)?;
    let signature = slice(signature_offset, 64).ok_or(PrecompileError::OffsetOutOfBounds)?;
    let message = slice(message_offset, usize::from(message_size))
        .ok_or(PrecompileError::OffsetOutOfBounds)?;
    Ok(VerifiedSignature {
        public_key: public_key
            .try_into()
            .map_err(|_| PrecompileError::OffsetOutOfBounds)?,
        signature: signature
            .try_into()
            .map_err(|_| PrecompileError::OffsetOutOfBounds)?,
        message,
    })
}
